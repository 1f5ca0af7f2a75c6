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
    ImmutableArray<Quote> Quotes);

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
        "full", "partial", "complete", "total", "ground", "final", "two", "three", "several", "many", "more", "other");

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

        public EventParticipant ToParticipant() =>
            new(Resolved.Span, Resolved.Text, Resolved.ActorId, Resolved.ClusterKey);
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

            if (_lexicon.ActorNouns.Contains(w) && _in.Tokens[i].Kind == TokenKind.Word)
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
        return token.Has(TokenFlags.Capitalized) || _actorModifiers.Contains(_words[i]);
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
            source?.ToParticipant(),
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

            if (premodifiers.Count > 0)
            {
                source ??= premodifiers[0];
                if (premodifiers.Count > 1 && t.Entry.PloverType is "CONSULT" or "AGREE" or "COOPERATE") target ??= premodifiers[1];
            }

            target ??= ObjectAfter(t, ce, nounTrigger: true);
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
            var subject = SubjectBefore(s, t, cs, ce, allowSentenceFallback: true);
            // "militias are to be withdrawn", "troops were deployed": the forces moved are the ones acting.
            if (t.Entry.PloverType is "RETREAT" or "MOBILIZE" && source is null) source = subject;
            else target = subject;
        }
        else
        {
            source = SubjectBefore(s, t, cs, ce, allowSentenceFallback: true);
            target = ObjectAfter(t, ce, nounTrigger: false);
            // "Israel demanded that Russia keep …", "warned that Iran would …": the subject of the complement is the target.
            if (target is null && t.T1 < _words.Length && _words[t.T1] == "that" && t.Entry.PloverType is "REQUEST" or "THREATEN" or "ACCUSE" or "REJECT")
                target = CandidateStartingNear(t.T1 + 1, Math.Min(_words.Length, t.T1 + 5));
            // "threatened to ban opposition candidates", "offered to hand over X to Y": the complement's object.
            if (target is null && t.T1 + 1 < ce && _words[t.T1] == "to" && _in.Tokens[t.T1 + 1].Kind == TokenKind.Word && !_determiners.Contains(_words[t.T1 + 1]))
                target = ObjectAfter(t with { T1 = t.T1 + 2 }, ce, nounTrigger: false);
            // "X and Y agreed": a reciprocal pair.
            if (source is not null && target is null && CoordinatedPartner(source) is { } partner) target = partner;
        }

        if (source is not null && target is not null && source.Resolved.Span == target.Resolved.Span) target = null;
        return (source, target);
    }

    private Candidate? SubjectBefore(SentenceInfo s, Trigger t, int cs, int ce, bool allowSentenceFallback)
    {
        _ = ce;
        var inClause = NearestSubject(cs, t.T0);
        if (inClause is not null) return CoordinatedFirst(inClause);
        if (t.Governor is not null)
        {
            var (gcs, _) = ClauseOf(s, t.Governor.T0);
            var g = NearestSubject(gcs, t.Governor.T0);
            if (g is not null) return CoordinatedFirst(g);
        }

        return allowSentenceFallback ? NearestSubject(s.S0, cs) is { } c ? CoordinatedFirst(c) : null : null;
    }

    private Candidate? NearestSubject(int from, int before)
    {
        for (int i = _candidates.Count - 1; i >= 0; i--)
        {
            var c = _candidates[i];
            if (c.T1 > before) continue;
            if (c.T0 < from) break;
            if (c.T0 > 0 && c.T0 - 1 >= from && _prepositions.Contains(_words[c.T0 - 1]))
            {
                // "X of Y": Y is inside X's phrase; a place after "in" is not a subject.
                continue;
            }

            if (c.T0 > 1 && _words[c.T0 - 1] is "the" or "a" or "an" && _prepositions.Contains(_words[c.T0 - 2]) && c.T0 - 2 >= from) continue;
            if (c.T1 < _words.Length && _words[c.T1] is "'s" or "s'") continue;
            return c;
        }

        return null;
    }

    private Candidate CoordinatedFirst(Candidate c)
    {
        int idx = _candidates.IndexOf(c);
        if (idx > 0)
        {
            var prev = _candidates[idx - 1];
            if (c.T0 - prev.T1 == 1 && _words[prev.T1] == "and") return prev;
        }

        return c;
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

    private Candidate? ObjectAfter(Trigger t, int ce, bool nounTrigger)
    {
        int limit = Math.Min(ce, t.T1 + 10);
        Candidate? first = null;
        foreach (var c in _candidates)
        {
            if (c.T0 < t.T1) continue;
            if (c.T0 >= limit) break;
            string prev = c.T0 > 0 ? _words[c.T0 - 1] : "";
            string prev2 = c.T0 > 1 ? _words[c.T0 - 2] : "";
            string prep = _determiners.Contains(prev) && c.T0 - 1 > t.T1 ? prev2 : prev;
            bool direct = !nounTrigger && OnlyModifiersBetween(t.T1, c.T0);
            bool viaPrep = _targetPrepositions.Contains(prep) && OnlyModifiersBetween(t.T1, PrepIndex(c.T0)) && !(c.Type == EntityType.Location && prep is "at" or "in");
            if (first is null)
            {
                if (!direct && !viaPrep) { if (_prepositions.Contains(prep) && !_targetPrepositions.Contains(prep)) break; continue; }
                // "to Moscow" after a non-visit event is a destination, not a target; "to Brazil" (a country) is an actor.
                if (prep is "to" && c.Type == EntityType.Location && IsCity(c) && t.Entry.PloverType is not ("CONSULT" or "AID" or "MOBILIZE" or "REQUEST")) continue;
                first = c;
                if (c.Type is EntityType.Person or EntityType.Organisation) return c;
                continue;
            }

            // Apposition: "his Russian counterpart, Sergei Shoigu" names the person.
            if (c.T0 - first.T1 <= 4 && c.Type == EntityType.Person && Array.IndexOf(_words, ",", first.T1, c.T0 - first.T1) >= 0) return c;
            break;
        }

        return first;
    }

    private bool IsCity(Candidate c) =>
        _in.Places.Any(p => p.Span.Overlaps(c.Span) && p.Entry is { FeatureClass: "P" });

    private int PrepIndex(int candidateStart)
    {
        int k = candidateStart - 1;
        if (k > 0 && _determiners.Contains(_words[k])) k--;
        return k;
    }

    private bool OnlyModifiersBetween(int from, int to)
    {
        if (to - from > 4) return false;
        for (int k = from; k < to; k++)
        {
            var token = _in.Tokens[k];
            if (token.Kind is TokenKind.Number) continue;
            if (token.Kind != TokenKind.Word && token.Kind != TokenKind.Clitic) return false;
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
            if (CueAt(CueClass.Negation, k, out _)) return (EventModality.Negated, "negation before the trigger");
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
