using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Parallax.Nlp.Ner;
using Parallax.Nlp.Places;
using Parallax.Nlp.Quotes;
using Parallax.Nlp.Time;
using Parallax.Text;
using Parallax.Text.Tokens;

namespace Parallax.Nlp.Events;

/// <summary>What the extractor reads: the layers of one document.</summary>
internal sealed record EventInput(
    string Text,
    ImmutableArray<Token> Tokens,
    ImmutableArray<TextSpan> Sentences,
    ImmutableArray<EntityMention> Mentions,
    ImmutableArray<ResolvedPlace> Places,
    ImmutableArray<Timex> Timexes,
    EventDate? Reported,
    ImmutableArray<Quote> Quotes,
    SponsorResolver? Sponsors = null);

/// <summary>
/// The event rules over one document. Works on lower-cased token words: finds triggers, splits each sentence into
/// clauses at punctuation, conjunctions and reporting verbs, then fills roles, place, dates and modality by word order.
/// One instance per document; not thread-safe (the stage creates one per call).
/// </summary>
internal sealed class EventExtractor
{
    private static readonly FrozenSet<string> _determiners = Set(
        "a", "an", "the", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your", "any", "every",
        "each", "another", "some", "such", "'s", "s'", "'");

    private static readonly FrozenSet<string> _nounContext = Set(
        "a", "an", "the", "this", "these", "those", "its", "his", "her", "their", "our", "my", "your", "any", "every", "each",
        "another", "some", "such", "'s", "no", "further", "new", "recent", "first", "last", "latest", "fresh", "possible",
        "of", "for", "after", "before", "during", "since", "with", "without", "in", "on", "amid", "following", "despite",
        "against", "from", "into", "over", "about", "major", "large-scale", "joint", "military", "air", "phone", "direct",
        "forthcoming", "upcoming", "planned", "expected", "proposed", "imminent", "bilateral", "brief", "unprecedented",
        "full", "partial", "complete", "total", "ground", "final", "two", "three", "several", "many", "more", "other", "next",
        "main", "obvious", "prime", "legitimate", "regular", "key", "potential", "likely", "great", "good");

    private static readonly FrozenSet<string> _prepositions = Set(
        "in", "at", "on", "near", "from", "to", "of", "with", "for", "by", "into", "against", "over", "under", "across", "since",
        "during", "after", "before", "about", "amid", "towards", "toward", "outside", "inside", "around", "between", "through",
        "within", "without", "upon", "along", "beyond", "behind", "via", "like", "than");

    private static readonly FrozenSet<string> _placePrepositions = Set(
        "in", "near", "at", "into", "outside", "inside", "around", "across", "over", "to", "toward", "towards", "throughout", "along");

    private static readonly FrozenSet<string> _targetPrepositions = Set("with", "to", "against", "on", "upon", "toward", "towards", "at");

    private static readonly FrozenSet<string> _beForms = Set("is", "are", "was", "were", "be", "been", "being", "get", "got", "gets", "'s", "'re");

    private static readonly FrozenSet<string> _adverbs = Set(
        "not", "also", "already", "reportedly", "allegedly", "still", "just", "recently", "repeatedly", "then", "now", "finally",
        "later", "earlier", "again", "never", "only", "jointly", "reluctantly", "quickly", "formally", "officially", "all", "both");

    private static readonly FrozenSet<string> _conjunctionBoundaries = Set(
        "and", "but", "while", "which", "who", "whom", "whose", "where", "when", "as", "after", "before", "because", "although",
        "though", "so", "or", "whereas", "since", "until");

    private static readonly FrozenSet<string> _subordinators = Set("because", "although", "though", "whereas", "while", "unless", "if", "whether", "when");

    private static readonly FrozenSet<string> _pronouns = Set("he", "she", "it", "they", "we");

    private static readonly FrozenSet<string> _actorModifiers = Set(
        "senior", "top", "government", "military", "security", "foreign", "defense", "defence", "armed", "local", "political",
        "intelligence", "anonymous", "state", "federal", "national", "opposition", "rebel", "regime", "pro-government",
        "pro-iranian", "iranian-backed", "tehran-backed", "allied", "elite", "riot", "border", "army", "police", "chief", "deputy");

    private static readonly FrozenSet<string> _anaphoricObjects = Set(
        "report", "reports", "claim", "claims", "allegation", "allegations", "news", "it", "this", "rumours", "rumors", "story");

    private static readonly FrozenSet<string> _denialVerbs = Set("denied", "denies", "deny", "denying", "dismissed", "refuted", "rejected");

    private readonly EventLexicon _lexicon;
    private readonly EventInput _in;
    private readonly string[] _words;
    private readonly int[] _sentenceOf;
    private readonly List<Candidate> _candidates = [];

    public EventExtractor(EventLexicon lexicon, EventInput input)
    {
        _lexicon = lexicon;
        _in = input;
        _words = new string[input.Tokens.Length];
        for (int i = 0; i < _words.Length; i++)
            _words[i] = input.Text.AsSpan(input.Tokens[i].Start, input.Tokens[i].Length).ToString()
                .Replace('\u2019', '\'').Replace('\u2018', '\'').ToLowerInvariant();
        _sentenceOf = new int[_words.Length];
        int si = 0;
        for (int i = 0; i < _words.Length; i++)
        {
            while (si + 1 < input.Sentences.Length && input.Sentences[si].End <= input.Tokens[i].Start) si++;
            _sentenceOf[i] = si;
        }
    }

    private bool SentenceInitial(int i) => i == 0 || _sentenceOf[i - 1] != _sentenceOf[i];

    private sealed record Candidate(int T0, int T1, TextSpan Span, string Text, string? ActorId, string? ClusterKey, EntityType? Type, string? Pronoun)
    {
        public Candidate? Antecedent { get; set; }

        public Candidate Resolved => Antecedent ?? this;

        /// <summary>The backer named in the phrase ("Iranian-backed militias" → country:ir), or null.</summary>
        public string? Affiliation { get; set; }

        public EventParticipant ToParticipant() =>
            new(Resolved.Span, Resolved.Text, Resolved.ActorId, Resolved.ClusterKey, Resolved.Affiliation);
    }

    private sealed record Trigger(int T0, int T1, TriggerEntry Entry, bool IsNoun, bool IsPassive)
    {
        public Trigger? Governor { get; set; }
    }

    private sealed record SentenceInfo(int Index, TextSpan Span, int S0, int S1, List<int> Boundaries, List<Trigger> Triggers);

    public ImmutableArray<EventMention> Extract(CancellationToken cancellationToken)
    {
        BuildCandidates();
        var sentences = new List<SentenceInfo>();
        var drafts = new List<(EventMention Event, SentenceInfo Sentence, bool HasFrame)>();
        int tokenAt = 0;
        for (int si = 0; si < _in.Sentences.Length; si++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var span = _in.Sentences[si];
            while (tokenAt < _in.Tokens.Length && _in.Tokens[tokenAt].End <= span.Start) tokenAt++;
            int s0 = tokenAt, s1 = tokenAt;
            while (s1 < _in.Tokens.Length && _in.Tokens[s1].Start < span.End) s1++;
            var info = new SentenceInfo(si, span, s0, s1, Boundaries(s0, s1), FindTriggers(s0, s1));
            sentences.Add(info);
            foreach (var trigger in info.Triggers)
            {
                var (mention, hasFrame) = Build(info, trigger);
                drafts.Add((mention, info, hasFrame));
            }
        }

        AddDenialsOfEarlierReports(sentences, drafts);

        var ordered = drafts
            .Select(d => d.Event)
            .OrderBy(e => e.Trigger.Start)
            .ThenBy(e => e.Sentence.Start)
            .ToList();
        var result = ImmutableArray.CreateBuilder<EventMention>(ordered.Count);
        for (int i = 0; i < ordered.Count; i++)
            result.Add(ordered[i] with { Id = "e" + (i + 1).ToString(CultureInfo.InvariantCulture) });
        return result.MoveToImmutable();
    }

    // ---- candidates: entity mentions, actor-noun phrases and pronouns, in text order ----

    private void BuildCandidates()
    {
        var covered = new Candidate?[_words.Length];
        int t = 0;
        foreach (var m in _in.Mentions.OrderBy(m => m.Span.Start))
        {
            if (m.Type == EntityType.Other) continue;
            while (t < _words.Length && _in.Tokens[t].End <= m.Span.Start) t++;
            int t0 = t, t1 = t;
            while (t1 < _words.Length && _in.Tokens[t1].Start < m.Span.End) t1++;
            if (t1 == t0) continue;
            var c = new Candidate(t0, t1, m.Span, m.Span.Of(_in.Text), m.ActorId, m.ClusterKey, m.Type, null);
            for (int i = t0; i < t1; i++) covered[i] = c;
        }

        for (int i = 0; i < _words.Length; i++)
        {
            if (covered[i] is { } mention)
            {
                // A mention directly followed by an actor noun ("Syrian army", "Israeli officials") heads a phrase.
                int end = mention.T1;
                if (end < _words.Length && covered[end] is null && _lexicon.ActorNouns.Contains(_words[end]))
                {
                    while (end + 1 < _words.Length && covered[end + 1] is null && _lexicon.ActorNouns.Contains(_words[end + 1])) end++;
                    var phrase = Phrase(mention.T0, end + 1, mention.ActorId, mention.ClusterKey, mention.Type is EntityType.Person ? EntityType.Person : EntityType.Organisation);
                    _candidates.Add(phrase);
                    i = end;
                    continue;
                }

                _candidates.Add(mention);
                i = mention.T1 - 1;
                continue;
            }

            var w = _words[i];
            if (_pronouns.Contains(w) && _in.Tokens[i].Kind == TokenKind.Word && !IsExpletive(i))
            {
                _candidates.Add(new Candidate(i, i + 1, _in.Tokens[i].Span, _in.Tokens[i].Span.Of(_in.Text), null, null, null, w));
                continue;
            }

            if (_lexicon.ActorNouns.Contains(w) && _in.Tokens[i].Kind == TokenKind.Word && !IsAdjectivalUse(i))
            {
                int start = i;
                while (start > 0 && covered[start - 1] is null && IsActorModifier(start - 1)) start--;
                int end = i + 1;
                while (end < _words.Length && covered[end] is null && _lexicon.ActorNouns.Contains(_words[end])) end++;
                _candidates.Add(Phrase(start, end, null, null, EntityType.Organisation));
                i = end - 1;
            }
        }

        // A title phrase right before a person's name is part of it: "Defense Minister Avigdor Lieberman".
        for (int i = _candidates.Count - 2; i >= 0; i--)
        {
            var title = _candidates[i];
            var name = _candidates[i + 1];
            if (title.Pronoun is null && title.ActorId is null && title.Type == EntityType.Organisation && name.T0 == title.T1
                && name.Type == EntityType.Person && _lexicon.ActorNouns.Contains(_words[title.T1 - 1]))
            {
                var span = new TextSpan(title.Span.Start, name.Span.End);
                _candidates[i] = new Candidate(title.T0, name.T1, span, span.Of(_in.Text), name.ActorId, name.ClusterKey, EntityType.Person, null);
                _candidates.RemoveAt(i + 1);
            }
        }

        MarkSponsors();

        // Pronouns point at the subject of their own sentence when one fits (he/she a person, it/they anything else),
        // else at the nearest earlier fitting subject. "We" stays the speaker's own voice.
        for (int i = 0; i < _candidates.Count; i++)
        {
            var c = _candidates[i];
            if (c.Pronoun is null or "we") continue;
            bool person = c.Pronoun is "he" or "she";
            bool Fits(Candidate a) => a.Pronoun is null && !AfterPreposition(a) && (person ? a.Type == EntityType.Person : a.Type != EntityType.Person);
            for (int j = 0; j < i; j++)
            {
                var a = _candidates[j];
                if (_sentenceOf[a.T0] == _sentenceOf[c.T0] && Fits(a)) { c.Antecedent = a; break; }
            }

            for (int j = i - 1; c.Antecedent is null && j >= 0 && j >= i - 40; j--)
                if (Fits(_candidates[j])) c.Antecedent = _candidates[j];
        }
    }

    private static readonly FrozenSet<string> _adjectivalActorNouns = Set("military", "official", "government", "security", "state");

    private static readonly FrozenSet<string> _abstractNouns = Set(
        "aid", "base", "bases", "presence", "influence", "contact", "contacts", "power", "might", "assistance", "equipment",
        "hardware", "targets", "target", "positions", "position", "facilities", "facility", "installations", "sites", "site",
        "capabilities", "capability", "superiority", "pressure", "action", "actions", "activity", "activities", "support", "ties");

    // "military aid", "official contact", "security concerns": the noun is an adjective before another noun, not an actor.
    private bool IsAdjectivalUse(int i)
    {
        if (!_adjectivalActorNouns.Contains(_words[i]) || i + 1 >= _words.Length || _in.Tokens[i + 1].Kind != TokenKind.Word) return false;
        var next = _words[i + 1];
        if (_lexicon.ActorNouns.Contains(next) || _in.Tokens[i + 1].Has(TokenFlags.Capitalized)) return false;
        if (_abstractNouns.Contains(next)) return true;
        foreach (var suffix in new[] { "ence", "ance", "ment", "tion", "sion", "ity", "ure", "ism", "cy" })
            if (next.EndsWith(suffix, StringComparison.Ordinal) && next.Length > suffix.Length + 2) return true;
        foreach (var form in _lexicon.FormsStartingWith(next))
            if (form.Entry.Pos != TriggerPos.Verb) return true;
        return false;
    }

    // "Iranian-backed militias", "Tehran-backed forces", "pro-Iranian groupings": the named state backs the group and is
    // not the group, so the phrase loses the backer's actor id and keeps it as its affiliation. "Iranian forces and allied
    // Shi'ite militias": "allied" ties the militias to the partner before "and".
    private void MarkSponsors()
    {
        for (int i = 0; i < _candidates.Count; i++)
        {
            var c = _candidates[i];
            if (c.Pronoun is not null) continue;
            string? backer = null;
            int at = -1;
            for (int k = Math.Max(0, c.T0 - 1); k < c.T1 && backer is null; k++)
            {
                if (k < c.T0 && (_in.Tokens[k].Kind != TokenKind.Word || _sentenceOf[k] != _sentenceOf[c.T0])) continue;
                backer = _in.Sponsors?.Resolve(_words[k]);
                at = k;
            }

            if (backer is null)
            {
                bool allied = _words[c.T0] is "allied" || (c.T0 > 0 && _words[c.T0 - 1] is "allied");
                int alliedAt = _words[c.T0] is "allied" ? c.T0 : c.T0 - 1;
                if (allied && i > 0 && alliedAt > 0 && _words[alliedAt - 1] is "and" && _candidates[i - 1].T1 == alliedAt - 1
                    && _candidates[i - 1].ActorId is { } partner)
                    c.Affiliation = partner;
                continue;
            }

            c.Affiliation = backer;
            if (string.Equals(c.ActorId, backer, StringComparison.Ordinal) && at >= c.T0 && c.T1 - c.T0 > 1)
                _candidates[i] = new Candidate(c.T0, c.T1, c.Span, c.Text, null, null, c.Type, null) { Affiliation = backer };
        }
    }

    private bool AfterPreposition(Candidate c)
    {
        int k = c.T0 - 1;
        if (k >= 0 && _determiners.Contains(_words[k])) k--;
        return k >= 0 && _prepositions.Contains(_words[k]);
    }

    private Candidate Phrase(int t0, int t1, string? actorId, string? clusterKey, EntityType type)
    {
        var span = new TextSpan(_in.Tokens[t0].Start, _in.Tokens[t1 - 1].End);
        return new Candidate(t0, t1, span, span.Of(_in.Text), actorId, clusterKey, type, null);
    }

    private bool IsActorModifier(int i)
    {
        var token = _in.Tokens[i];
        if (token.Kind != TokenKind.Word) return false;
        if (_determiners.Contains(_words[i]) || _prepositions.Contains(_words[i])) return false;
        return token.Has(TokenFlags.Capitalized) || _actorModifiers.Contains(_words[i]) || SponsorResolver.IsSponsorWord(_words[i]);
    }

    // "it is alleged", "it was announced", "it is important": no referent.
    private bool IsExpletive(int i) =>
        _words[i] == "it" && i + 1 < _words.Length && _words[i + 1] is "is" or "was" or "would" or "has" or "appears" or "seems";

    // ---- clauses ----

    private List<int> Boundaries(int s0, int s1)
    {
        var b = new List<int> { s0 };
        for (int i = s0 + 1; i < s1; i++)
        {
            var token = _in.Tokens[i];
            var w = _words[i];
            var prev = _in.Tokens[i - 1];
            if (prev.Kind is TokenKind.Dash || _words[i - 1] is ";" or ":" or "(" or ")") b.Add(i);
            else if (token.Kind == TokenKind.Quote) b.Add(i);
            else if (_words[i - 1] == "," && _conjunctionBoundaries.Contains(w)) b.Add(i);
            else if (_subordinators.Contains(w)) b.Add(i);
            else if (w == "that" && IsCueEndingAt(CueClass.Report, i - 1, s0)) b.Add(i + 1 < s1 ? i + 1 : i);
            else if (w == "that" && !_determiners.Contains(_words[i - 1])) b.Add(i);
            else if (IsCueEndingAt(CueClass.Report, i - 1, s0) && w != "that" && w != "by" && w != ",") b.Add(i);
        }

        return b.Distinct().Order().ToList();
    }

    private static (int Start, int End) ClauseOf(SentenceInfo s, int t)
    {
        int start = s.S0, end = s.S1;
        foreach (var b in s.Boundaries)
        {
            if (b <= t) start = b;
            else { end = b; break; }
        }

        return (start, end);
    }

    // ---- triggers ----

    private List<Trigger> FindTriggers(int s0, int s1)
    {
        var found = new List<Trigger>();
        for (int i = s0; i < s1; i++)
        {
            if (_in.Tokens[i].Kind != TokenKind.Word) continue;
            if (InsideNamedMention(i)) continue;
            Trigger? best = null;
            foreach (var form in _lexicon.FormsStartingWith(_words[i]))
            {
                int n = form.Words.Length;
                if (best is not null && best.T1 - best.T0 > n) break;
                if (i + n > s1 || !Matches(form, i)) continue;
                bool noun = form.Entry.Pos != TriggerPos.Verb;
                if (noun ? !NounReading(i, i + n) : !VerbReading(i)) continue;
                if (IsFalseTrigger(i, n, form.Entry, noun)) continue;
                var candidate = new Trigger(i, i + n, form.Entry, noun, !noun && form.IsParticiple && IsPassive(i, s0));
                if (best is null || Prefer(candidate, best, i)) best = candidate;
            }

            if (best is null) continue;
            // "to" + trigger after an earlier trigger in the same stretch: the earlier one governs it ("threatened to ban").
            if (i > s0 && _words[i - 1] == "to" && found.Count > 0 && !found[^1].IsNoun && i - found[^1].T1 <= 6)
                best.Governor = found[^1];
            if (best.IsNoun && found.Count > 0 && found[^1].IsNoun && found[^1].T1 == best.T0) found.RemoveAt(found.Count - 1);
            found.Add(best);
            i = best.T1 - 1;
        }

        return found;
    }

    private bool Matches(TriggerForm form, int i)
    {
        for (int k = 1; k < form.Words.Length; k++)
        {
            var w = _words[i + k];
            if (w == form.Words[k]) continue;
            if (k == form.Words.Length - 1 && form.Entry.Pos == TriggerPos.Noun && w == EventLexicon.Plural(form.Words[k])) continue;
            return false;
        }

        return true;
    }

    private bool Prefer(Trigger a, Trigger b, int i)
    {
        if (a.T1 - a.T0 != b.T1 - b.T0) return a.T1 - a.T0 > b.T1 - b.T0;
        // Same words read as noun and verb: the noun after a determiner or preposition, the verb otherwise.
        if (a.IsNoun != b.IsNoun) return a.IsNoun == (i > 0 && _nounContext.Contains(_words[i - 1]));
        return a.Entry.Weight > b.Entry.Weight;
    }

    private bool InsideNamedMention(int i)
    {
        foreach (var c in _candidates)
        {
            if (c.T0 > i) break;
            if (c.T1 > i && c.Type is not null && c.Pronoun is null && (c.ActorId is not null || _in.Tokens[i].Has(TokenFlags.Capitalized)))
                return !_lexicon.ActorNouns.Contains(_words[i]) || c.T0 != i;
        }

        return false;
    }

    private bool VerbReading(int i)
    {
        // "the occupied Golan", "a proposed deal": a participle after a determiner is an adjective.
        if (i > 0 && _determiners.Contains(_words[i - 1])) return false;
        // "the obvious next target for", "in order to": after an adjective or preposition only a gerund is an event.
        if (i > 0 && _nounContext.Contains(_words[i - 1]) && !_words[i].EndsWith("ing", StringComparison.Ordinal)) return false;
        return true;
    }

    private bool NounReading(int t0, int t1)
    {
        bool nounBefore = t0 > 0 && (_nounContext.Contains(_words[t0 - 1]) || _in.Tokens[t0 - 1].Kind is TokenKind.Number or TokenKind.Ordinal
            || _in.Tokens[t0 - 1].Has(TokenFlags.Capitalized));
        if (nounBefore) return true;
        // "…, calls Iran's exit unrealistic": a bare form followed by an object is a verb, not the noun.
        if (t1 < _words.Length)
        {
            var next = _in.Tokens[t1];
            if (_determiners.Contains(_words[t1]) || (next.Kind == TokenKind.Word && next.Has(TokenFlags.Capitalized))) return false;
        }

        return true;
    }

    private bool IsPassive(int t, int s0)
    {
        for (int k = t - 1; k >= s0 && k >= t - 3; k--)
        {
            if (_beForms.Contains(_words[k])) return _words[k] is not "'s" || k > s0;
            if (!_adverbs.Contains(_words[k])) return false;
        }

        return false;
    }

    // ---- one event ----

    private (EventMention Event, bool HasFrame) Build(SentenceInfo s, Trigger trigger)
    {
        var (cs, ce) = ClauseOf(s, trigger.T0);
        var (source, target) = Roles(s, trigger, cs, ce);
        var place = PlaceFor(s, trigger, cs, ce, source, target);
        var (modality, reason) = ModalityOf(s, trigger, cs, ce);
        var (speaker, evidence) = Attribution(s, trigger, modality);
        var (mode, cameo) = ModeOf(trigger, cs, ce);
        var dates = DatesFor(s, trigger, cs, ce, modality);
        double confidence = 0.35 + 0.45 * trigger.Entry.Weight + (source is null ? 0 : 0.1) + (target is null ? 0 : 0.1);
        var triggerSpan = new TextSpan(_in.Tokens[trigger.T0].Start, _in.Tokens[trigger.T1 - 1].End);
        var mention = new EventMention(
            "",
            triggerSpan,
            trigger.Entry.Lemma,
            s.Span,
            trigger.Entry.PloverType,
            mode,
            cameo,
            ActingState(source?.ToParticipant()),
            target?.ToParticipant(),
            place,
            dates,
            modality,
            speaker,
            Math.Round(Math.Clamp(confidence, 0, 1), 2),
            evidence);
        _ = reason;
        return (mention, speaker is not null);
    }

    // "Tehran is trying to …", "Moscow agreed": a capital that acts stands for its state (a place after "in" does not).
    private EventParticipant? ActingState(EventParticipant? source) =>
        source is { ActorId: { } id } && _in.Sponsors?.StateOfCapital(id) is { } state ? source with { ActorId = state } : source;

    // ---- roles ----

    private (Candidate? Source, Candidate? Target) Roles(SentenceInfo s, Trigger t, int cs, int ce)
    {
        Candidate? source = null, target = null;
        if (t.IsNoun)
        {
            // "withdrawal of Iranian troops" (source) / "bombardment of Daraa" (target).
            if (t.T1 + 1 < ce && _words[t.T1] == "of" && CandidateStartingNear(t.T1 + 1, ce) is { } of)
            {
                if (t.Entry.OfRole == ParticipantRole.Target) target = of; else source = of;
            }

            // "between X and Y".
            int between = IndexOf("between", t.T1, Math.Min(ce, t.T1 + 4));
            if (between >= 0 && CandidateStartingNear(between + 1, ce) is { } x)
            {
                source ??= x;
                int and = IndexOf("and", x.T1, Math.Min(ce, x.T1 + 2));
                if (and >= 0 && CandidateStartingNear(and + 1, ce) is { } y) target ??= y;
            }

            // "Israel's attack", "the Syrian army's offensive", "Russian and Syrian air bombardment": premodifying actors.
            var premodifiers = new List<Candidate>();
            int phraseStart = t.T0;
            for (int k = t.T0 - 1; k >= cs && k >= t.T0 - 6; k--)
            {
                if (_words[k] is "'s" or "s'" or "'" or "and") { phraseStart = k; continue; }
                var c = CandidateEndingAt(k + 1);
                if (c is not null)
                {
                    if (c.Type != EntityType.Location || (c.T1 < _words.Length && _words[c.T1] is "'s")) premodifiers.Insert(0, c);
                    k = c.T0;
                    phraseStart = c.T0;
                    continue;
                }

                if (_in.Tokens[k].Kind != TokenKind.Word || _determiners.Contains(_words[k]) || _prepositions.Contains(_words[k])) break;
                phraseStart = k;
            }

            // "the bombing of Daraa by Russian jets", "attacks by militias on …": the "by" phrase is the agent.
            if (t.T1 + 1 < ce && _words[t.T1] == "by" && CandidateStartingNear(t.T1 + 1, ce) is { } agent)
            {
                if (source is not null && target is null) target = source;
                source = agent;
            }
            else if (source is null && target is not null && t.T1 < ce && _words[t.T1] == "of")
            {
                int byAt = IndexOf("by", target.T1, Math.Min(ce, target.T1 + 2));
                if (byAt >= 0 && CandidateStartingNear(byAt + 1, ce) is { } ofAgent) source = ofAgent;
            }

            if (premodifiers.Count > 0)
            {
                source ??= premodifiers[0];
                if (premodifiers.Count > 1 && t.Entry.PloverType is "CONSULT" or "AGREE" or "COOPERATE") target ??= premodifiers[1];
            }

            target ??= ObjectAfter(t, ce, nounTrigger: true);
            // "its demand today that Israel ease …": the complement's subject.
            if (target is null && t.Entry.PloverType == "REQUEST") target = ComplementSubject(t);
            int before = phraseStart - 1;
            if (before >= 0 && _determiners.Contains(_words[before])) before--;
            bool inPrepPhrase = before >= cs && _prepositions.Contains(_words[before]);
            if (source is null && !inPrepPhrase)
            {
                source = SubjectBefore(s, t, cs, ce, allowSentenceFallback: false);
                if (source is not null && target is null && t.Entry.PloverType is "CONSULT" or "AGREE" or "COOPERATE" && CoordinatedPartner(source) is { } p) target = p;
            }
        }
        else if (t.IsPassive)
        {
            int by = IndexOf("by", t.T1, Math.Min(ce, t.T1 + 4));
            if (by >= 0) source = CandidateStartingNear(by + 1, ce);
            // "A camp for Congolese refugees was attacked": with no bare subject, the actor inside the subject phrase.
            var subject = SubjectBefore(s, t, cs, ce, allowSentenceFallback: false) ?? AnyCandidateBefore(cs, t.T0)
                ?? SubjectBefore(s, t, cs, ce, allowSentenceFallback: true);
            // "militias are to be withdrawn", "troops were deployed": the forces moved are the ones acting.
            if (t.Entry.PloverType is "RETREAT" or "MOBILIZE" && source is null) source = subject;
            else target = subject;
        }
        else
        {
            source = SubjectBefore(s, t, cs, ce, allowSentenceFallback: true);
            target = ObjectAfter(t, ce, nounTrigger: false);
            // "Israel demanded that Russia keep …", "warned that Iran would …": the subject of the complement is the target.
            if (target is null && t.Entry.PloverType is "REQUEST" or "THREATEN" or "ACCUSE" or "REJECT")
                target = ComplementSubject(t);
            // "threatened to ban opposition candidates", "offered to hand over X to Y": the complement's object.
            if (target is null && t.T1 + 1 < ce && _words[t.T1] == "to" && _in.Tokens[t.T1 + 1].Kind == TokenKind.Word && !_determiners.Contains(_words[t.T1 + 1]))
                target = ObjectAfter(t with { T1 = t.T1 + 2 }, ce, nounTrigger: false);
            // "X and Y agreed": a reciprocal pair.
            if (source is not null && target is null && CoordinatedPartner(source) is { } partner) target = partner;
        }

        // "staged a hunger strike to protest against X", "a strike in protest of X": the protest's object is the target.
        if (target is null && t.Entry.PloverType == "PROTEST") target = ProtestObject(t, s.S1);
        if (source is not null && target is not null && source.Resolved.Span == target.Resolved.Span) target = null;
        return (source, target);
    }

    private Candidate? SubjectBefore(SentenceInfo s, Trigger t, int cs, int ce, bool allowSentenceFallback)
    {
        _ = ce;
        var inClause = NearestSubject(cs, t.T0);
        // "Assad, who has repeatedly promised …", "Hezbollah, which is backed by Iran, …": a relative clause's subject is
        // the phrase before the comma, whatever governs it.
        if (inClause is null && cs > 1 && cs == RelativeStart(cs) && CandidateEndingAt(cs - 1) is { } antecedent) return antecedent;
        if (inClause is not null) return CoordinatedFirst(inClause);
        if (t.Governor is not null)
        {
            var (gcs, _) = ClauseOf(s, t.Governor.T0);
            var g = NearestSubject(gcs, t.Governor.T0);
            if (g is not null) return CoordinatedFirst(g);
        }

        return allowSentenceFallback ? NearestSubject(s.S0, cs) is { } c ? CoordinatedFirst(c) : null : null;
    }

    private int RelativeStart(int cs) =>
        cs > 1 && _words[cs] is "who" or "which" && _words[cs - 1] == "," ? cs : -1;

    private static readonly FrozenSet<string> _nonEventHeads = Set(
        "zone", "zones", "area", "areas", "line", "lines", "mechanism", "ministry", "committee", "center", "centre", "council",
        "commission", "process");

    private static readonly FrozenSet<string> _publishedThings = Set(
        "statement", "statements", "report", "reports", "video", "videos", "footage", "document", "documents", "figures", "data",
        "list", "communique", "photos", "images", "recording", "book", "study", "survey", "poll", "letter");

    private static readonly FrozenSet<string> _pressAudience = Set("media", "press", "reporters", "journalists", "newspaper", "newspapers", "television");

    /// <summary>Readings that look like an event but are not: "in order to", "a great deal", "a statement released by",
    /// "de-escalation zone" and "reconciliation ministry" (a noun naming a thing, not a happening), "speak to the media".</summary>
    private bool IsFalseTrigger(int i, int n, TriggerEntry entry, bool noun)
    {
        string prev = i > 0 ? _words[i - 1] : "", next = i + n < _words.Length ? _words[i + n] : "";
        string next2 = i + n + 1 < _words.Length ? _words[i + n + 1] : "";
        if (_words[i] == "order" && next == "to" && prev is "in" or "to") return true;
        if (noun && _words[i] == "deal" && prev is "great" or "good") return true;
        if (!noun && entry.PloverType == "RETREAT" && _words[i].StartsWith("releas", StringComparison.Ordinal) && _publishedThings.Contains(prev)) return true;
        // A noun modifying a following head noun names a kind of thing: "de-escalation zone", "reconciliation ministry".
        if (noun && n == 1 && _nonEventHeads.Contains(next)) return true;
        if (entry.PloverType == "CONSULT" && (_pressAudience.Contains(next) || (_determiners.Contains(next) && _pressAudience.Contains(next2)))) return true;
        return false;
    }

    private Candidate? NearestSubject(int from, int before)
    {
        for (int i = _candidates.Count - 1; i >= 0; i--)
        {
            var c = _candidates[i];
            if (c.T1 > before) continue;
            if (c.T0 < from) break;
            // "X of Y", "Palestinians of the Israeli-occupied West Bank": Y is inside X's phrase; a place after "in" is not a subject.
            int prep = PrepositionBefore(c, from);
            if (prep >= 0 && !PartitiveHead(prep, from)) continue;
            if (c.T1 < _words.Length && _words[c.T1] is "'s" or "s'") continue;
            return c;
        }

        return null;
    }

    private static readonly FrozenSet<string> _placeModifiers = Set(
        "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west", "occupied", "besieged",
        "neighbouring", "neighboring", "southwestern", "southeastern", "northwestern", "northeastern", "rebel-held", "nearby");

    private static readonly FrozenSet<string> _quantityWords = Set(
        "some", "about", "around", "nearly", "almost", "over", "more", "than", "least", "at", "up", "to", "scores", "dozens",
        "hundreds", "thousands", "millions", "tens", "of", "several", "many", "few", "all", "both", "two", "three", "four", "five");

    /// <summary>The preposition that governs <paramref name="c"/> ("in the Israeli-occupied West Bank" → "in"), looking
    /// back over determiners, numbers, hyphenated or capitalised modifiers and possessors; -1 when none (or it lies before
    /// <paramref name="from"/>).</summary>
    private int PrepositionBefore(Candidate c, int from)
    {
        int k = c.T0 - 1;
        for (int steps = 0; k >= from && steps < 5; steps++)
        {
            var w = _words[k];
            // "more than 40", "at least six", "up to 4,000": a quantity, not a preposition.
            if (k > from && (w == "than" && _words[k - 1] is "more" or "less" or "fewer" || w == "least" && _words[k - 1] == "at" || w == "to" && _words[k - 1] == "up"))
            {
                k -= 2;
                continue;
            }

            if (w is "about" or "over" or "around" or "nearly" or "almost" && k + 1 < _words.Length && _in.Tokens[k + 1].Kind is TokenKind.Number) { k--; continue; }
            if (_prepositions.Contains(w)) return k;
            if (w is "'s" or "s'" or "'" && CandidateEndingAt(k) is { } possessor) { k = possessor.T0 - 1; continue; }
            var token = _in.Tokens[k];
            if (_determiners.Contains(w) || token.Kind is TokenKind.Number || _actorModifiers.Contains(w) || _placeModifiers.Contains(w)
                || (token.Kind == TokenKind.Word && (token.Has(TokenFlags.Capitalized) || w.Contains('-', StringComparison.Ordinal)) && !SentenceInitial(k)))
            {
                k--;
                continue;
            }

            break;
        }

        return -1;
    }

    /// <summary>
    /// The first conjunct of a coordinated subject: "A and B flew" acts as A (B is the partner). B may be a name after
    /// its organisation and title ("Liberman and IDF Intelligence Directorate head Maj.-Gen. Tamir Heyman"): an
    /// organisation joined to the name by title words only is part of B's phrase, and the "and" before it still counts.
    /// </summary>
    private Candidate CoordinatedFirst(Candidate c)
    {
        int idx = _candidates.IndexOf(c);
        var current = c;
        while (idx > 0)
        {
            var prev = _candidates[idx - 1];
            if (current.T0 - prev.T1 == 1 && _words[prev.T1] == "and") return prev;
            if (current.T0 <= prev.T1 || current.T0 - prev.T1 > 4 || !TitleWordsOnly(prev.T1, current.T0)) break;
            current = prev;
            idx--;
        }

        return c;
    }

    /// <summary>True when every token in [from, to) is a title or rank word ("head", "Maj.-Gen.", "spokesman").</summary>
    private bool TitleWordsOnly(int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            var word = _words[k].TrimEnd('.');
            if (word.Length == 0 && _words[k].Length > 0) continue; // the full stop of an abbreviation ("Gen .")
            if (word.Length == 0 || !(Ner.Gazetteer.Default.IsTitle(Ner.FeatureHash.Lower(word)) || word is "head" or "chief" or "maj.-gen" or "brig.-gen" or "lt.-gen" or "lt.-col" or "gen" or "col" or "maj"))
                return false;
        }

        return true;
    }

    private Candidate? CoordinatedPartner(Candidate first)
    {
        int idx = _candidates.IndexOf(first);
        if (idx >= 0 && idx + 1 < _candidates.Count)
        {
            var next = _candidates[idx + 1];
            if (next.T0 - first.T1 == 1 && _words[first.T1] == "and") return next;
        }

        return null;
    }

    private static readonly FrozenSet<string> _verbTargetPrepositions = Set(
        "with", "to", "against", "on", "upon", "toward", "towards", "at", "from", "by", "into");

    private static readonly FrozenSet<string> _partitives = Set(
        "part", "parts", "most", "some", "many", "all", "scores", "dozens", "hundreds", "thousands", "millions", "tens", "members",
        "member", "groups", "group", "number", "rest", "remnants", "one", "two", "three", "several", "each", "none", "any");

    /// <summary>
    /// The trigger's object: for a verb, the first actor of the direct object ("rejected a US offer", "tortured scores of
    /// refugees") or of a prepositional complement after it ("handed over medicine to the Red Crescent", "confiscated weapons
    /// from armed groups", "demanded an admission by Moscow"); for a noun, an actor after "with/to/against/on/at" ("talks with
    /// Russia", "strikes on Iranian positions"). A place after "in/at/near" is the target only when nothing else is (PLOVER
    /// codes "lifted a curfew in Montenegro" with target Montenegro), and never for a meeting, whose place it is.
    /// </summary>
    private Candidate? ObjectAfter(Trigger t, int ce, bool nounTrigger)
    {
        int limit = Math.Min(ce, t.T1 + (nounTrigger ? 10 : 14));
        Candidate? first = null, placeFallback = null;
        foreach (var c in _candidates)
        {
            if (c.T0 < t.T1) continue;
            if (c.T0 >= limit) break;
            if (first is not null)
            {
                // Apposition: "his Russian counterpart, Sergei Shoigu" names the person.
                if (c.T0 - first.T1 <= 4 && c.Type == EntityType.Person && Array.IndexOf(_words, ",", first.T1, c.T0 - first.T1) >= 0) return c;
                break;
            }

            int p = PrepositionBefore(c, t.T1);
            string prep = p >= 0 ? _words[p] : "";
            // "tortured scores of refugees", "demanded the removal of President X": the object's "of" complement.
            bool transparentOf = prep == "of" && p > t.T1 && (PartitiveOnly(t.T1, p) || (!nounTrigger && p - t.T1 <= 3 && PlainStretch(t.T1, p)));
            bool direct = !nounTrigger && (p < 0 || transparentOf) && OnlyModifiersBetween(t.T1, c.T0, allowOf: transparentOf);
            bool viaPrep = p >= 0 && !transparentOf && (nounTrigger
                ? (_targetPrepositions.Contains(prep) || (prep == "from" && t.Entry.PloverType == "RETREAT") || (prep == "for" && t.Entry.PloverType == "AID"))
                    && OnlyModifiersBetween(t.T1, p + 1, allowOf: t.Entry.OfRole is not null)
                : (_verbTargetPrepositions.Contains(prep) || (prep == "for" && t.Entry.PloverType is "AID" or "SUPPORT"))
                    && !(prep == "by" && t.IsPassive) && PlainStretch(t.T1, p));
            bool placeAfter = p >= 0 && c.Type == EntityType.Location && _placePrepositions.Contains(prep) && prep is not ("to" or "toward" or "towards");
            if (placeAfter)
            {
                if (!nounTrigger && placeFallback is null && t.Entry.PloverType != "CONSULT" && PlainStretch(t.T1, p)) placeFallback = c;
                continue;
            }

            if (!direct && !viaPrep)
            {
                if (p >= 0 && !PlainStretch(t.T1, p)) break;
                continue;
            }

            // "to Moscow" after a non-visit event is a destination, not a target; "to Brazil" (a country) is an actor.
            if (prep is "to" && c.Type == EntityType.Location && IsCity(c) && t.Entry.PloverType is not ("CONSULT" or "AID" or "MOBILIZE" or "REQUEST")) continue;
            first = c;
            if (c.Type is EntityType.Person or EntityType.Organisation) return c;
        }

        return first ?? placeFallback;
    }

    private Candidate? AnyCandidateBefore(int from, int before)
    {
        for (int i = _candidates.Count - 1; i >= 0; i--)
        {
            var c = _candidates[i];
            if (c.T1 > before) continue;
            if (c.T0 < from) break;
            if (c.Type != EntityType.Location) return c;
        }

        return null;
    }

    private Candidate? ProtestObject(Trigger t, int end)
    {
        for (int k = t.T1; k < end && k <= t.T1 + 10; k++)
        {
            if (_words[k] is not ("protest" or "protesting" or "protested")) continue;
            int at = k + 1;
            if (at < end && _words[at] is "against" or "at" or "of" or "over") at++;
            return CandidateStartingNear(at, Math.Min(end, at + 4));
        }

        return null;
    }

    // "demanded that Russia keep …", "its demand on Friday that Israel ease …": the subject of the "that" clause just after
    // the trigger.
    private Candidate? ComplementSubject(Trigger t)
    {
        for (int k = t.T1; k < _words.Length && k <= t.T1 + 4 && _sentenceOf[k] == _sentenceOf[t.T0]; k++)
        {
            if (_words[k] == "that") return CandidateStartingNear(k + 1, Math.Min(_words.Length, k + 5));
            if (_in.Tokens[k].Kind is not (TokenKind.Word or TokenKind.Clitic)) break;
        }

        return null;
    }

    // "Thousands of Nigerians", "Members of the Association of …": the words before "of" are only a quantity or a part,
    // so the actor after it is the subject.
    private bool PartitiveHead(int prep, int from)
    {
        if (_words[prep] != "of") return false;
        int k = prep - 1;
        while (k >= from && (_partitives.Contains(_words[k]) || _determiners.Contains(_words[k]) || _quantityWords.Contains(_words[k])
            || _in.Tokens[k].Kind is TokenKind.Number)) k--;
        return k < prep - 1 && (k < from || _in.Tokens[k].Kind != TokenKind.Word);
    }

    // Only quantity and partitive words (and numbers, determiners) between: "scores of", "part of a", "thousands of".
    private bool PartitiveOnly(int from, int to)
    {
        if (to - from > 4) return false;
        for (int k = from; k < to; k++)
        {
            if (_in.Tokens[k].Kind is TokenKind.Number) continue;
            if (!_partitives.Contains(_words[k]) && !_determiners.Contains(_words[k]) && !_quantityWords.Contains(_words[k])) return false;
        }

        return true;
    }

    // A short stretch of plain words, numbers and "of" phrases with no punctuation, clause word or another trigger-like
    // break: the object region of a verb ("700 kg of medicine" before "to the Red Crescent").
    private bool PlainStretch(int from, int to)
    {
        if (to - from > 9) return false;
        for (int k = from; k < to; k++)
        {
            var token = _in.Tokens[k];
            if (token.Kind is TokenKind.Number) continue;
            if (token.Kind != TokenKind.Word && token.Kind != TokenKind.Clitic) return false;
            if (_words[k] is "that" or "and" or "but" or "which" or "who" or "while" or "because" or "if" or "unless" or "after" or "before" or "since" or "when") return false;
        }

        return true;
    }

    private bool IsCity(Candidate c) =>
        _in.Places.Any(p => p.Span.Overlaps(c.Span) && p.Entry is { FeatureClass: "P" });

    private int PrepIndex(int candidateStart)
    {
        int k = candidateStart - 1;
        if (k > 0 && _determiners.Contains(_words[k])) k--;
        return k;
    }

    private bool OnlyModifiersBetween(int from, int to, bool allowOf = false)
    {
        if (to - from > (allowOf ? 6 : 4)) return false;
        for (int k = from; k < to; k++)
        {
            var token = _in.Tokens[k];
            if (token.Kind is TokenKind.Number) continue;
            if (token.Kind != TokenKind.Word && token.Kind != TokenKind.Clitic) return false;
            if (allowOf && _words[k] == "of") continue;
            // "more than 100", "at least six", "up to 4,000": a quantity, not a preposition.
            if (_words[k] is "than" or "least" || (_words[k] is "more" or "at" or "up" or "to" or "over" or "about" or "around" or "nearly" or "almost" or "some"
                && k + 1 < to && (_in.Tokens[k + 1].Kind is TokenKind.Number || _words[k + 1] is "than" or "least" or "to"))) continue;
            if (_prepositions.Contains(_words[k]) && k != to - 1) return false;
            if (_prepositions.Contains(_words[k]) && k == to - 1 && !_targetPrepositions.Contains(_words[k])) return false;
        }

        return true;
    }

    private Candidate? CandidateStartingNear(int from, int end)
    {
        foreach (var c in _candidates)
        {
            if (c.T0 < from) continue;
            if (c.T0 >= end || c.T0 > from + 3) return null;
            for (int k = from; k < c.T0; k++)
                if (!_determiners.Contains(_words[k]) && _words[k] is not ("all" or "both") && _in.Tokens[k].Kind != TokenKind.Word) return null;
            return c;
        }

        return null;
    }

    private Candidate? CandidateEndingAt(int end)
    {
        foreach (var c in _candidates)
        {
            if (c.T1 == end) return c;
            if (c.T0 >= end) break;
        }

        return null;
    }

    private int IndexOf(string word, int from, int to)
    {
        for (int k = from; k < to && k < _words.Length; k++)
            if (_words[k] == word) return k;
        return -1;
    }

    // ---- place ----

    private EventPlace? PlaceFor(SentenceInfo s, Trigger t, int cs, int ce, Candidate? source, Candidate? target)
    {
        var taken = new List<TextSpan>();
        if (source is not null) taken.Add(source.Resolved.Span);
        ResolvedPlace? best = null;
        int bestScore = int.MaxValue;
        foreach (var p in _in.Places)
        {
            if (p.Span.End <= s.Span.Start) continue;
            if (p.Span.Start >= s.Span.End) break;
            if (taken.Exists(x => x.Overlaps(p.Span))) continue;
            if (target is not null && target.Resolved.Span.Overlaps(p.Span) && target.Resolved.Span != p.Span) continue;
            if (_in.Mentions.Any(m => m.Type == EntityType.Norp && m.Span.Overlaps(p.Span))) continue;
            int pt = TokenAt(p.Span.Start);
            if (pt < 0) continue;
            int prepAt = pt - 1;
            if (prepAt >= 0 && _in.Tokens[prepAt].Kind == TokenKind.Word && !_prepositions.Contains(_words[prepAt]) && !_determiners.Contains(_words[prepAt])
                && !_in.Tokens[prepAt].Has(TokenFlags.Capitalized)) prepAt--;
            if (prepAt >= 0 && _words[prepAt] is "the") prepAt--;
            bool viaPrep = prepAt >= 0 && _placePrepositions.Contains(_words[prepAt]);
            bool premodifier = t.IsNoun && pt < t.T0 && t.T0 - TokenAt(p.Span.End - 1) <= 3 && TokenAt(p.Span.End - 1) < t.T0;
            bool isTarget = target is not null && target.Resolved.Span.Overlaps(p.Span);
            if (!viaPrep && !premodifier && !isTarget) continue;
            if (viaPrep && _words[prepAt] == "to" && t.Entry.PloverType is not ("CONSULT" or "MOBILIZE" or "AID")) continue;
            bool inClause = pt >= cs && pt < ce;
            // "formations fighting on the side of the army, …": a participle describing an actor borrows no place from
            // another clause.
            if (_words[t.T0].EndsWith("ing", StringComparison.Ordinal) && CandidateEndingAt(t.T0) is not null
                && (!inClause || pt < t.T0 || Array.IndexOf(_words, ",", t.T1, Math.Max(0, pt - t.T1)) >= 0)) continue;
            int distance = pt >= t.T1 ? pt - t.T1 : (t.T0 - pt) + 3;
            int score = (inClause ? 0 : 100) + (premodifier || viaPrep ? 0 : 50) + distance;
            if (score < bestScore) { best = p; bestScore = score; }
        }

        if (best is null) return null;
        var entry = best.Status == PlaceStatus.Resolved ? best.Entry : null;
        return new EventPlace(
            best.Span,
            best.Name,
            entry?.GeoNamesId,
            entry?.Latitude,
            entry?.Longitude,
            entry is { CountryCode.Length: > 0 } ? entry.CountryCode : null);
    }

    private int TokenAt(int offset)
    {
        int lo = 0, hi = _in.Tokens.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            var tok = _in.Tokens[mid];
            if (tok.End <= offset) lo = mid + 1;
            else if (tok.Start > offset) hi = mid - 1;
            else return mid;
        }

        return -1;
    }

    // ---- modality ----

    private (EventModality Modality, string Reason) ModalityOf(SentenceInfo s, Trigger t, int cs, int ce)
    {
        // Denied: a denial cue in the trigger's clause before it, or after it with no comma between.
        for (int k = cs; k < ce; k++)
        {
            if (!CueAt(CueClass.Denial, k, out int len)) continue;
            if (k < t.T0 || !Enumerable.Range(t.T1, Math.Max(0, k - t.T1)).Any(j => _words[j] == ","))
                return (EventModality.Denied, "denial cue '" + string.Join(' ', _words[k..(k + len)]) + "'");
        }

        if (t.Governor?.Entry.PloverType == "REJECT") return (EventModality.Negated, "governed by a refusal");
        for (int k = t.T0 - 1; k >= cs && k >= t.T0 - 4; k--)
        {
            // "did not comply with the demand": the negation belongs to the verb that governs the noun, not to the noun.
            if (CueAt(CueClass.Negation, k, out int negLength) && !(t.IsNoun && PrepositionBetween(k + negLength, t.T0)))
                return (EventModality.Negated, "negation before the trigger");
            if (t.IsNoun && CueAt(CueClass.NoNoun, k, out _)) return (EventModality.Negated, "'no' before the noun");
            if (StartsTriggerAt(s, k)) break;
        }

        if (t.Governor?.Entry.PloverType == "THREATEN" && t.Entry.PloverType != "THREATEN") return (EventModality.Threatened, "governed by a threat");
        bool futureBefore = CueWithin(CueClass.Future, Math.Max(cs, t.T0 - 5), t.T0);
        bool conditionBefore = CueWithin(CueClass.Condition, cs, t.T0, out var condition);
        bool reportBefore = CueWithin(CueClass.Report, s.S0, t.T0);
        if (t.Entry.PloverType != "THREATEN" && CueWithin(CueClass.Threat, s.S0, t.T0)
            && (futureBefore || conditionBefore || (t.T0 > 0 && _words[t.T0 - 1] == "to")))
            return (EventModality.Threatened, "threat cue with a future or conditional");
        if (conditionBefore && !(condition == "would" && reportBefore))
            return (EventModality.Hypothetical, "conditional '" + condition + "'");
        if (t.Governor?.Entry.PloverType == "REQUEST") return (EventModality.Hypothetical, "requested, not done");
        if (futureBefore || (conditionBefore && condition == "would")) return (EventModality.Planned, "future before the trigger");
        if (t.Entry.Modality is { } inherent) return (inherent, "the trigger's own modality");
        if (t.Governor?.Entry.PloverType == "AGREE") return (EventModality.Planned, "agreed or promised");
        if (CueWithin(CueClass.Intent, cs, t.T0)) return (EventModality.Planned, "stated intent");
        if (t.IsNoun && CueWithin(CueClass.PlanNoun, Math.Max(s.S0, t.T0 - 6), t.T0)) return (EventModality.Planned, "planned noun");
        if (CueWithin(CueClass.Hedge, s.S0, t.T0) || CueWithin(CueClass.Hedge, t.T1, Math.Min(ce, t.T1 + 2)))
            return (EventModality.Alleged, "hedge");
        if (InsideQuote(t) is not null || CueWithin(CueClass.Report, s.S0, s.S1)) return (EventModality.Reported, "reporting frame");
        return (EventModality.Asserted, "outlet's own voice");
    }

    private bool PrepositionBetween(int from, int to)
    {
        for (int k = from; k < to; k++)
            if (_prepositions.Contains(_words[k])) return true;
        return false;
    }

    private bool StartsTriggerAt(SentenceInfo s, int k) => s.Triggers.Exists(x => x.T0 == k);

    private bool CueAt(CueClass cls, int i, out int length)
    {
        length = 0;
        if (i < 0 || i >= _words.Length) return false;
        if (_in.Tokens[i].Has(TokenFlags.Capitalized) && !SentenceInitial(i) && _words[i] is "may" or "will") return false;
        foreach (var cue in _lexicon.Cues(cls))
        {
            if (i + cue.Length > _words.Length) continue;
            bool ok = true;
            for (int k = 0; k < cue.Length && ok; k++) ok = _words[i + k] == cue[k];
            if (ok) { length = cue.Length; return true; }
        }

        length = 0;
        return false;
    }

    private bool CueWithin(CueClass cls, int from, int to) => CueWithin(cls, from, to, out _);

    private bool CueWithin(CueClass cls, int from, int to, out string cue)
    {
        for (int k = from; k < to; k++)
        {
            if (CueAt(cls, k, out int len))
            {
                cue = string.Join(' ', _words[k..(k + len)]);
                return true;
            }
        }

        cue = "";
        return false;
    }

    private bool IsCueEndingAt(CueClass cls, int end, int s0)
    {
        for (int k = Math.Max(s0, end - 3); k <= end; k++)
            if (CueAt(cls, k, out int len) && k + len - 1 == end) return true;
        return false;
    }

    // ---- attribution ----

    private Quote? InsideQuote(Trigger t)
    {
        var at = _in.Tokens[t.T0].Start;
        foreach (var q in _in.Quotes)
        {
            foreach (var part in q.Parts.IsDefaultOrEmpty ? [q.Content] : q.Parts)
                if (part.Start <= at && at < part.End) return q;
        }

        return null;
    }

    private (Speaker? Speaker, ImmutableArray<TextSpan> Evidence) Attribution(SentenceInfo s, Trigger t, EventModality modality)
    {
        if (InsideQuote(t) is { Speaker: not null } quote)
        {
            var sentences = quote.Sentences.IsDefaultOrEmpty ? [s.Span] : quote.Sentences.Add(s.Span);
            return (quote.Speaker, [.. sentences.Distinct().OrderBy(x => x.Start)]);
        }

        Speaker? speaker = null;
        if (modality == EventModality.Denied) speaker = DenierIn(s, t.T0);
        speaker ??= FrameSpeaker(s, t.T0);
        return (speaker, [s.Span]);
    }

    private Speaker? DenierIn(SentenceInfo s, int near)
    {
        for (int k = s.S0; k < s.S1; k++)
        {
            if (!_denialVerbs.Contains(_words[k])) continue;
            var c = NearestSubject(s.S0, k);
            if (c is not null) return ToSpeaker(c, "subject of '" + _words[k] + "'");
        }

        _ = near;
        return null;
    }

    private Speaker? FrameSpeaker(SentenceInfo s, int near)
    {
        Speaker? best = null;
        int bestDistance = int.MaxValue;
        for (int k = s.S0; k < s.S1; k++)
        {
            if (!CueAt(CueClass.Report, k, out int len)) continue;
            var cue = string.Join(' ', _words[k..(k + len)]);
            Candidate? c;
            if (cue is "according to" || (cue is "reported by" or "as reported" or "statement"))
                c = CandidateStartingNear(k + len, s.S1) ?? (cue == "statement" ? NearestSubject(s.S0, k) : null);
            else
            {
                bool inverted = k == s.S0 || _in.Tokens[k - 1].Kind is TokenKind.Punctuation or TokenKind.Quote;
                c = inverted
                    ? CandidateStartingNear(k + len, s.S1) ?? NearestSubject(s.S0, k)
                    : NearestSubject(s.S0, k) ?? CandidateStartingNear(k + len, s.S1);
            }

            if (c is null) continue;
            int distance = Math.Abs(k - near) + (k > near ? 2 : 0);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = ToSpeaker(c, cue == "according to" ? "according to" : "subject of '" + cue + "'");
            }
        }

        return best;
    }

    private Speaker ToSpeaker(Candidate c, string resolution)
    {
        var r = c.Resolved;
        var lower = r.Text.ToLowerInvariant();
        string before = c.T0 > 0 ? _words[c.T0 - 1] : "";
        SourceKind kind =
            before == "our" || lower.StartsWith("our ", StringComparison.Ordinal) || c.Pronoun == "we" ? SourceKind.SelfReferential
            : r.ActorId is null && (lower.EndsWith("sources", StringComparison.Ordinal) || lower.EndsWith("media", StringComparison.Ordinal)
                || lower.EndsWith("reports", StringComparison.Ordinal) || lower.EndsWith("officials", StringComparison.Ordinal)) ? SourceKind.Collective
            : r.ActorId is null && (before is "a" or "an" || lower.EndsWith("official", StringComparison.Ordinal) || lower.EndsWith("source", StringComparison.Ordinal))
                && r.Type != EntityType.Person ? SourceKind.Anonymous
            : SourceKind.Named;
        if (c.Pronoun is not null) resolution += $"; pronoun → {r.Text}";
        return new Speaker(c.Span, r.Text, r.ActorId, r.ClusterKey, kind, resolution);
    }

    // ---- mode and dates ----

    private (string? Mode, string? Cameo) ModeOf(Trigger t, int cs, int ce)
    {
        if (t.Entry.PloverMode is not null) return (t.Entry.PloverMode, t.Entry.CameoCode);
        foreach (var cue in _lexicon.ModeCues)
        {
            if (cue.PloverType != t.Entry.PloverType) continue;
            for (int k = cs; k + cue.Words.Length <= ce; k++)
            {
                bool ok = true;
                for (int j = 0; j < cue.Words.Length && ok; j++) ok = _words[k + j] == cue.Words[j];
                if (ok) return (cue.Mode, cue.CameoCode ?? t.Entry.CameoCode);
            }
        }

        return (null, t.Entry.CameoCode);
    }

    private EventDates DatesFor(SentenceInfo s, Trigger t, int cs, int ce, EventModality modality)
    {
        var clause = new TextSpan(_in.Tokens[cs].Start, _in.Tokens[ce - 1].End);
        int at = _in.Tokens[t.T0].Start;
        Timex? Nearest(Func<Timex, bool> keep, TextSpan within) =>
            _in.Timexes
                .Where(x => x.Type is TimexType.Date or TimexType.Time && within.Contains(x.Span) && keep(x))
                .OrderBy(x => Math.Abs(x.Span.Start - at))
                .ThenBy(x => x.Span.Start)
                .FirstOrDefault();

        bool future = modality is EventModality.Planned or EventModality.Threatened or EventModality.Hypothetical;
        EventDate? happened = null, planned = null;
        if (future)
        {
            var x = Nearest(x => x.Role == TimexRole.ClaimedOrPlanned, clause)
                ?? Nearest(x => x.Role == TimexRole.ClaimedOrPlanned, s.Span)
                ?? Nearest(x => x.Role == TimexRole.Happened && x.Span.Start > at, clause);
            if (x is not null) planned = Date(x, "planned or claimed time in the same clause");
        }
        else
        {
            var x = Nearest(x => x.Role == TimexRole.Happened, clause)
                ?? Nearest(x => x.Role == TimexRole.Happened, s.Span)
                ?? (modality == EventModality.Asserted ? Nearest(x => x.Role == TimexRole.Reported, clause) : null);
            if (x is not null) happened = Date(x, x.Role == TimexRole.Happened ? "time of the event in its sentence" : "reported time in the event's clause");
            else if (Nearest(x => x.Role == TimexRole.ClaimedOrPlanned && !x.Value.EndsWith("_REF", StringComparison.Ordinal), clause) is { } c)
                planned = Date(c, "claimed time in the same clause");
        }

        return new EventDates(_in.Reported, happened, planned);
    }

    private static EventDate Date(Timex x, string why) => new(x.Value, x.Id, why);

    // ---- denials that point back at an earlier report ----

    private void AddDenialsOfEarlierReports(List<SentenceInfo> sentences, List<(EventMention Event, SentenceInfo Sentence, bool HasFrame)> drafts)
    {
        foreach (var s in sentences)
        {
            if (s.Triggers.Count > 0) continue;
            int verb = -1;
            for (int k = s.S0; k < s.S1 && verb < 0; k++)
                if (_denialVerbs.Contains(_words[k])) verb = k;
            if (verb < 0) continue;
            bool anaphoric = false;
            for (int k = verb + 1; k < s.S1 && k <= verb + 4; k++)
                if (_anaphoricObjects.Contains(_words[k])) anaphoric = true;
            if (!anaphoric) continue;

            // The report denied is the nearest earlier sentence (up to three back) with attributed events.
            for (int back = s.Index - 1; back >= 0 && back >= s.Index - 3; back--)
            {
                var reported = drafts.Where(d => d.Sentence.Index == back && d.HasFrame
                    && d.Event.Modality is not (EventModality.Denied or EventModality.Negated)).ToList();
                if (reported.Count == 0) continue;
                var denier = DenierIn(s, verb);
                foreach (var (e, _, _) in reported)
                {
                    drafts.Add((e with
                    {
                        Sentence = s.Span,
                        Modality = EventModality.Denied,
                        AttributedTo = denier,
                        Confidence = Math.Round(Math.Max(0, e.Confidence - 0.15), 2),
                        Evidence = [sentences[back].Span, s.Span],
                    }, s, denier is not null));
                }

                break;
            }
        }
    }

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}
