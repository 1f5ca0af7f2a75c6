using System.Collections.Frozen;
using System.Collections.Immutable;
using Parallax.Nlp.Entities;
using Parallax.Nlp.Ner;
using Parallax.Text;
using Parallax.Text.Tokens;

namespace Parallax.Nlp.Quotes;

/// <summary>
/// Finds the quotes and reported speech of one document and attributes them. One instance per document; not shared.
/// </summary>
internal sealed class QuoteAnalyzer
{
    // Words between a subject and its reporting verb ("has also said", "later told").
    private static readonly FrozenSet<string> Auxiliaries = FrozenSet.ToFrozenSet(
        ["has", "have", "had", "also", "later", "then", "again", "repeatedly", "recently", "earlier", "reportedly", "would",
         "will", "did", "does", "do", "once", "previously", "further", "quickly", "publicly", "privately", "separately", "already", "first"],
        StringComparer.Ordinal);

    // A be-verb before a reporting verb makes it passive ("is said to", "was reported"): no speaker unless "by" follows.
    private static readonly FrozenSet<string> BeVerbs = FrozenSet.ToFrozenSet(
        ["is", "are", "was", "were", "be", "been", "being", "it's"], StringComparer.Ordinal);

    // Where an inverted subject ("said Lavrov on Monday") ends.
    private static readonly FrozenSet<string> SubjectEnds = FrozenSet.ToFrozenSet(
        ["that", "on", "in", "at", "with", "during", "after", "before", "to", "when", "while", "as", "last", "this", "late", "early",
         "yesterday", "today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "adding", "according"],
        StringComparer.Ordinal);

    // Objects of "told"/"warned" that are not part of the content ("told reporters", "told the audience").
    private static readonly FrozenSet<string> ObjectVerbs = FrozenSet.ToFrozenSet(
        ["tell", "warn", "reassure", "urge", "ask", "promise", "accuse", "remind", "assure", "inform"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> TimeWords = FrozenSet.ToFrozenSet(
        ["on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "late", "early", "last", "this",
         "week", "yesterday", "today", "night", "morning", "evening", "afternoon", "earlier", "later", "month"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Determiners = FrozenSet.ToFrozenSet(
        ["the", "this", "that", "these", "those"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Indefinites = FrozenSet.ToFrozenSet(
        ["a", "an", "one", "another", "two", "three", "several", "some"], StringComparer.Ordinal);

    private readonly string _text;
    private readonly ImmutableArray<Token> _tokens;
    private readonly ImmutableArray<TextSpan> _sentences;
    private readonly ImmutableArray<TextSpan> _paragraphs;
    private readonly ImmutableArray<EntityMention> _mentions;
    private readonly QuoteLexicon _lexicon;
    private readonly ActorKnowledgeBase _actors;
    private readonly string? _outletId;
    private readonly string? _outletName;
    private readonly List<(int Position, int Paragraph, Speaker Speaker, bool Person)> _history = [];

    public QuoteAnalyzer(
        string text,
        ImmutableArray<Token> tokens,
        ImmutableArray<TextSpan> sentences,
        ImmutableArray<TextSpan> paragraphs,
        ImmutableArray<EntityMention> mentions,
        QuoteLexicon lexicon,
        ActorKnowledgeBase actors,
        string? outlet)
    {
        _text = text;
        _tokens = tokens;
        _sentences = sentences;
        _paragraphs = paragraphs.IsDefaultOrEmpty ? [new TextSpan(0, text.Length)] : paragraphs;
        _mentions = mentions;
        _lexicon = lexicon;
        _actors = actors;
        if (!string.IsNullOrWhiteSpace(outlet))
        {
            _outletName = outlet.Trim();
            var match = actors.Match(_outletName, null, "ORG").FirstOrDefault();
            if (match is not null && match.Actor.Type == ActorType.MediaOutlet && match.Kind is ActorMatchKind.Exact or ActorMatchKind.Transliteration)
                _outletId = match.Actor.Id;
        }
    }

    /// <summary>An attribution found for a piece or a sentence: the cue and where the speaker's words are.</summary>
    private sealed record Attribution(TextSpan Cue, TextSpan? Subject, string How, int VerbToken);

    /// <summary>A quote being built: its parts and attribution, before the speaker is resolved in text order.</summary>
    private sealed class Draft
    {
        public required QuoteKind Kind { get; init; }
        public List<TextSpan> Parts { get; } = [];
        public required int Paragraph { get; set; }
        public Attribution? Attribution { get; set; }
        public int Position => Attribution is { } a ? Math.Min(a.Cue.Start, Parts[0].Start) : Parts[0].Start;
    }

    public ImmutableArray<Quote> Run(CancellationToken cancellationToken)
    {
        var drafts = new List<Draft>();
        var pieces = QuoteMarks.Find(_text, _paragraphs, _sentences);
        Draft? previous = null;
        foreach (var piece in pieces)
        {
            var attribution = After(piece) ?? Before(piece) ?? AccordingTo(piece.Content, SentenceIndexOf(piece.Content.Start));
            // A piece with no cue of its own that resumes the previous quote in the same paragraph is one more part of it.
            if (previous is not null && previous.Kind == QuoteKind.Direct && previous.Paragraph == piece.Paragraph
                && (attribution is null || previous.Attribution is { } pa && pa.Cue == attribution.Cue))
            {
                previous.Parts.Add(piece.Content);
                continue;
            }

            // Short or title-case quoted words with no cue are names, titles or scare quotes ("Pantsir", "de-escalation"), not speech.
            if (attribution is null && (WordCount(piece.Content) < 4 || IsTitleCase(piece.Content))) continue;
            previous = new Draft { Kind = QuoteKind.Direct, Paragraph = piece.Paragraph, Attribution = attribution };
            previous.Parts.Add(piece.Content);
            drafts.Add(previous);
        }

        cancellationToken.ThrowIfCancellationRequested();
        drafts.AddRange(Indirect(pieces));
        drafts.Sort((a, b) => a.Position.CompareTo(b.Position));

        var quotes = new List<Quote>(drafts.Count);
        Quote? lastDirect = null;
        foreach (var draft in drafts)
        {
            Speaker? speaker = null;
            double confidence;
            if (draft.Attribution is { } a)
            {
                speaker = a.Subject is { } subject ? Resolve(subject, a) : null;
                confidence = speaker is null ? 0.3 : ConfidenceOf(speaker);
            }
            else if (lastDirect is { Speaker: { } carried } && draft.Kind == QuoteKind.Direct
                     && ParagraphOf(lastDirect.Parts[^1].Start) >= draft.Paragraph - 1)
            {
                // A quote paragraph with no cue continues the previous speaker's words.
                speaker = carried with { Span = null, Resolution = "carried over from the previous quote" };
                confidence = 0.65;
            }
            else confidence = 0.3;

            if (draft.Kind == QuoteKind.Indirect && speaker is null) continue;
            if (speaker is not null && draft.Attribution is { } at)
                _history.Add((at.Cue.Start, draft.Paragraph, speaker, IsPersonLike(speaker)));
            var parts = draft.Parts.ToImmutableArray();
            var content = new TextSpan(parts[0].Start, parts[^1].End);
            var quote = new Quote(
                "", content, parts, draft.Attribution?.Cue, draft.Kind, speaker,
                SentencesOf(parts, draft.Attribution, speaker), Math.Round(draft.Kind == QuoteKind.Indirect ? confidence * 0.9 : confidence, 4));
            quotes.Add(quote);
            if (draft.Kind == QuoteKind.Direct) lastDirect = quote;
        }

        quotes.Sort((a, b) => a.Content.Start != b.Content.Start ? a.Content.Start.CompareTo(b.Content.Start) : a.Kind.CompareTo(b.Kind));
        var result = ImmutableArray.CreateBuilder<Quote>(quotes.Count);
        for (int i = 0; i < quotes.Count; i++)
            result.Add(quotes[i] with { Id = "q" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return result.MoveToImmutable();
    }

    private static double ConfidenceOf(Speaker speaker) => speaker.Resolution switch
    {
        var r when r.StartsWith("pronoun", StringComparison.Ordinal) => 0.7,
        var r when r.StartsWith("description", StringComparison.Ordinal) => 0.7,
        var r when r.StartsWith("appositive", StringComparison.Ordinal) => 0.85,
        _ => speaker.Kind == SourceKind.Named ? 0.9 : 0.85,
    };

    // ---- Direct quotes: where the cue is ----

    // "…,” Assad said." / "…,” said the head of …" / "…,” he stressed.": the cue right after the closing mark.
    private Attribution? After(QuotePiece piece)
    {
        if (piece.CloseMark < 0) return null;
        int sentence = SentenceIndexOf(piece.CloseMark);
        if (sentence < 0) return null;
        int end = _sentences[sentence].End;
        int first = TokenAtOrAfter(piece.CloseMark + 1);
        // The gap: up to the sentence end or the next quotation mark, at most eight words.
        int words = 0;
        for (int t = first; t < _tokens.Length && _tokens[t].Start < end && words < 8; t++)
        {
            var token = _tokens[t];
            if (token.Kind == TokenKind.Quote) return null;
            if (token.Kind != TokenKind.Word) { if (token.Kind is TokenKind.Punctuation && _text[token.Start] is '.' or ';' or '!' or '?') return null; continue; }
            words++;
            if (!IsCue(t, out var use) || use == CueUse.Participle) continue;
            if (IsPassive(t)) return null;
            var subject = SubjectBefore(t, piece.CloseMark + 1);
            if (subject is null) subject = SubjectAfter(t, end);
            return new Attribution(_tokens[t].Span, subject, "after", t);
        }

        return null;
    }

    // "Heyman told the audience “…”" / "Nauert said: “…”" / "denied the report saying it is “untrue”": the cue before the opening mark.
    private Attribution? Before(QuotePiece piece)
    {
        int sentence = SentenceIndexOf(piece.Start);
        if (sentence < 0) return null;
        int floor = _sentences[sentence].Start;
        int lastT = TokenAtOrAfter(piece.Start) - 1;
        for (int t = lastT; t >= 0 && _tokens[t].Start >= floor; t--)
        {
            if (_tokens[t].Kind == TokenKind.Quote) break;
            if (!IsCue(t, out var use)) continue;
            if (IsPassive(t)) continue;
            if (use == CueUse.Participle)
            {
                // The participle hangs on the clause's own verb: its subject speaks ("denied the report, saying …").
                for (int u = t - 1; u >= 0 && _tokens[u].Start >= floor; u--)
                    if (IsCue(u, out var use2) && use2 != CueUse.Participle && !IsPassive(u))
                        return new Attribution(_tokens[t].Span, SubjectBefore(u, floor) ?? FirstMentionOfSentence(floor, u), "participle", u);
                return new Attribution(_tokens[t].Span, SubjectBefore(t, floor) ?? FirstMentionOfSentence(floor, t), "participle", t);
            }

            if (_tokens[t].End > piece.Start) continue;
            if (use == CueUse.Noun)
            {
                int verb = GoverningVerb(t, floor);
                if (verb < 0) continue;
                return new Attribution(_tokens[t].Span, SubjectBefore(verb, floor), "message", verb);
            }

            var subject = SubjectBefore(t, floor) ?? FirstMentionOfSentence(floor, t);
            // "… was spelled out by Lavrov: “…”": a passive with "by" names the speaker after it.
            return new Attribution(_tokens[t].Span, subject, "before", t);
        }

        // "… by Russian Foreign Minister Sergei Lavrov: “…”": a colon after a name introduces the quote.
        return null;
    }

    // "had sent Damascus a signal that": the verb a message noun is the object of, skipping articles and names.
    private int GoverningVerb(int noun, int floor)
    {
        for (int u = noun - 1; u >= 0 && u >= noun - 5 && _tokens[u].Start >= floor; u--)
        {
            if (_tokens[u].Kind != TokenKind.Word) return -1;
            var w = Word(u);
            if (w is "a" or "an" or "the" or "clear" or "strong" or "firm" or "stern" or "new" || char.IsUpper(_text[_tokens[u].Start])) continue;
            return u;
        }

        return -1;
    }

    // "according to X" anywhere in the sentence, outside the quote.
    private Attribution? AccordingTo(TextSpan content, int sentence)
    {
        if (sentence < 0) return null;
        var s = _sentences[sentence];
        for (int t = TokenAtOrAfter(s.Start); t + 2 < _tokens.Length && _tokens[t].Start < s.End; t++)
        {
            if (content.Contains(_tokens[t].Span)) continue;
            if (Word(t) == "according" && Word(t + 1) == "to")
                return new Attribution(new TextSpan(_tokens[t].Start, _tokens[t + 1].End), PhraseAfter(t + 1, s.End), "according to", t);
            if (Word(t) is "reported" or "quoted" && Word(t + 1) == "by")
                return new Attribution(new TextSpan(_tokens[t].Start, _tokens[t + 1].End), SubjectAfter(t + 1, s.End), "by", t);
        }

        return null;
    }

    // ---- Indirect speech ----

    private IEnumerable<Draft> Indirect(List<QuotePiece> pieces)
    {
        // Sentences holding quotation marks are left to the direct quotes.
        var quoted = new bool[_sentences.Length];
        foreach (var p in pieces)
            for (int i = SentenceIndexOf(p.Start) is var f and >= 0 ? f : 0; i < _sentences.Length && _sentences[i].Start < p.End; i++)
                if (_sentences[i].Overlaps(new TextSpan(p.Start, p.End))) quoted[i] = true;
        for (int s = 0; s < _sentences.Length; s++)
        {
            if (quoted[s]) continue;
            var draft = IndirectIn(s);
            if (draft is not null) yield return draft;
        }
    }

    private Draft? IndirectIn(int s)
    {
        var sentence = _sentences[s];
        int first = TokenAtOrAfter(sentence.Start);
        int paragraph = ParagraphOf(sentence.Start);
        if (AccordingTo(new TextSpan(sentence.Start, sentence.Start), s) is { } according && according.Subject is { } source)
        {
            // The content is the clause the comma-bounded "according to X" phrase leaves: after it when a comma follows
            // ("According to X, …", "…, according to X, …"), else before it ("…, according to X.").
            var after = Trim(new TextSpan(source.End, sentence.End));
            bool commaAfter = _text.AsSpan(source.End, Math.Min(2, sentence.End - source.End)).TrimStart().StartsWith(",");
            var before = new TextSpan(sentence.Start, according.Cue.Start);
            bool commaBefore = before.IsEmpty || _text.AsSpan(before.Start, before.Length).TrimEnd().EndsWith(",") || IsSentenceStartOffset(according.Cue.Start);
            var content = commaAfter && WordCount(after) >= 3 ? after : commaBefore ? Trim(before) : new TextSpan(sentence.Start, sentence.Start);
            if (WordCount(content) < 3) return null;
            var d = new Draft { Kind = QuoteKind.Indirect, Paragraph = paragraph, Attribution = according };
            d.Parts.Add(content);
            return d;
        }

        for (int t = first; t < _tokens.Length && _tokens[t].Start < sentence.End; t++)
        {
            if (!IsCue(t, out var use) || use == CueUse.Participle || IsPassive(t)) continue;
            int verb = use == CueUse.Noun ? GoverningVerb(t, sentence.Start) : t;
            if (verb < 0) continue;
            var subject = SubjectBefore(verb, sentence.Start);
            if (subject is null) continue;
            // A direct-only verb reports speech only when a written thing "reads" ("a statement … read that …").
            if (use == CueUse.Direct && !(Word(t) is "read" or "reads" && WordsIn(subject.Value) is [var determiner, ..]
                && WordsIn(subject.Value).Any(w => _lexicon.Words.GetValueOrDefault(w, (SourceWordKind)(-1)) == SourceWordKind.Document) && determiner is "a" or "an" or "the" or "this"))
                continue;
            var lemma = _lexicon.Verbs[Word(t)].Lemma;
            int c = t + 1;
            // "…, Nauert said.": the content is what comes before the subject.
            TextSpan content;
            if (c >= _tokens.Length || _tokens[c].Start >= sentence.End || IsSentenceEnd(c))
            {
                content = Trim(new TextSpan(sentence.Start, subject.Value.Start));
            }
            else
            {
                c = SkipAfterVerb(c, sentence.End, ObjectVerbs.Contains(lemma));
                if (c >= _tokens.Length || _tokens[c].Start >= sentence.End) continue;
                // "promised to retake …" is an intention, not reported speech.
                if (Word(c) == "to") continue;
                content = Trim(new TextSpan(_tokens[c].Start, sentence.End));
            }

            if (WordCount(content) < 3) continue;
            var d = new Draft { Kind = QuoteKind.Indirect, Paragraph = paragraph, Attribution = new Attribution(_tokens[t].Span, subject, "indirect", verb) };
            d.Parts.Add(content);
            return d;
        }

        return null;
    }

    // After "said"/"told X": time words, the hearer, then "that" or ":".
    private int SkipAfterVerb(int c, int end, bool hasObject)
    {
        if (hasObject)
        {
            var hearer = _mentions.FirstOrDefault(m => m.Span.Start == _tokens[c].Start);
            if (hearer is not null) c = TokenAtOrAfter(hearer.Span.End);
            else
            {
                int limit = c + 4;
                for (int u = c; u < limit && u < _tokens.Length && _tokens[u].Start < end; u++)
                    if (Word(u) == "that") { c = u; break; }
                if (Word(c) is "the" or "reporters" or "journalists" or "lawmakers" or "him" or "her" or "them" or "us" or "me")
                {
                    if (Word(c) == "the") c++;
                    c++;
                }
            }
        }

        while (c < _tokens.Length && _tokens[c].Start < end)
        {
            var w = Word(c);
            if (TimeWords.Contains(w) || _tokens[c].Kind == TokenKind.Number || w is "that" or "," or ":") c++;
            else break;
        }

        return c;
    }

    // ---- Subjects ----

    // The noun phrase that ends right before the verb (auxiliaries skipped), bounded by punctuation and quotation marks.
    private TextSpan? SubjectBefore(int verb, int floor)
    {
        int t = verb - 1;
        while (t >= 0 && _tokens[t].Start >= floor && _tokens[t].Kind == TokenKind.Word && (Auxiliaries.Contains(Word(t)) || IsAdverb(t)))
            t--;
        // "Elia Samaan, an adviser in …, told" / "The official, who spoke on condition of anonymity, said": the name
        // before a comma-enclosed appositive or relative clause is the subject.
        if (t >= 0 && _tokens[t].Start >= floor && IsComma(t))
        {
            for (int u = t - 1; u >= 0 && u >= t - 25 && _tokens[u].Start >= floor; u--)
            {
                if (!IsComma(u)) continue;
                var inner = Word(u + 1);
                if (!(inner is "a" or "an" or "the" or "who" or "whose" || IsPossessiveStart(u + 1))) break;
                int end = u - 1;
                var subject = SubjectBefore(end + 1, floor);
                return subject is { } s ? new TextSpan(s.Start, _tokens[t - 1].End) : null;
            }

            return null;
        }

        int last = t;
        while (t >= 0 && _tokens[t].Start >= floor && _tokens[t].Kind is TokenKind.Word or TokenKind.Abbreviation or TokenKind.Clitic
               && !(Word(t) is "but" or "which" or "that" or "while" or "because" or "if" or "when" && t < last))
            t--;
        int firstTok = t + 1;
        // "This week the army", "On Sunday Haaretz": a time phrase before the subject is not part of it.
        if (firstTok + 2 <= last && Word(firstTok) is "this" or "last" or "next" or "on" or "late" or "early"
            && TimeWords.Contains(Word(firstTok + 1)) && Word(firstTok + 1) is not ("this" or "last" or "on"))
            firstTok += 2;
        // "and Faisal Mekdad", "earlier representatives of …": a conjunction or adverb is not part of the subject.
        while (firstTok < last && (Word(firstTok) is "and" or "but" or "or" or "so" || Auxiliaries.Contains(Word(firstTok)) || IsAdverb(firstTok)))
            firstTok++;
        if (firstTok > last) return null;
        return new TextSpan(_tokens[firstTok].Start, _tokens[last].End);
    }

    // "On the Golan Heights": every word of four letters or more is capitalised.
    private bool IsTitleCase(TextSpan span)
    {
        for (int t = TokenAtOrAfter(span.Start); t < _tokens.Length && _tokens[t].End <= span.End; t++)
            if (_tokens[t].Kind == TokenKind.Word && _tokens[t].Length >= 4 && !char.IsUpper(_text[_tokens[t].Start])) return false;
        return true;
    }

    private bool IsComma(int t) => _tokens[t].Kind == TokenKind.Punctuation && _text[_tokens[t].Start] == ',';

    private bool IsAdverb(int t) => Word(t) is { Length: > 4 } w && w.EndsWith("ly", StringComparison.Ordinal) && char.IsLower(_text[_tokens[t].Start]);

    // "said the head of the Israeli Defense Ministry", "said Lavrov", "according to Israeli sources".
    private TextSpan? SubjectAfter(int verb, int end)
    {
        int t = verb + 1;
        int first = t;
        while (t < _tokens.Length && _tokens[t].Start < end && t - first < 12
               && _tokens[t].Kind is TokenKind.Word or TokenKind.Abbreviation or TokenKind.Clitic
               && !(t > first && SubjectEnds.Contains(Word(t))))
            t++;
        // "the Syrian Observatory for Human Rights": a mention may run past a function word.
        if (t > first)
        {
            var last = _tokens[t - 1];
            var mention = _mentions.FirstOrDefault(m => m.Span.Start <= last.Start && m.Span.End > last.End);
            int stop = mention is null ? last.End : mention.Span.End;
            return new TextSpan(_tokens[first].Start, stop);
        }

        return null;
    }

    // "according to a report in Haaretz, …": everything up to the next punctuation or quotation mark.
    private TextSpan? PhraseAfter(int cue, int end)
    {
        int t = cue + 1, first = t;
        while (t < _tokens.Length && _tokens[t].Start < end && t - first < 12
               && _tokens[t].Kind is TokenKind.Word or TokenKind.Abbreviation or TokenKind.Clitic or TokenKind.Number && Word(t) != "that")
            t++;
        return t > first ? new TextSpan(_tokens[first].Start, _tokens[t - 1].End) : null;
    }

    // "Russia resumes air strikes, calls X “…”": a verb with no subject of its own shares the sentence's first one.
    private TextSpan? FirstMentionOfSentence(int floor, int verb)
    {
        var m = _mentions.FirstOrDefault(m => m.Span.Start >= floor && m.Span.Start <= _tokens[Math.Min(TokenAtOrAfter(floor) + 1, _tokens.Length - 1)].Start);
        return m is not null && m.Span.End <= _tokens[verb].Start ? m.Span : null;
    }

    // ---- Speakers ----

    private Speaker? Resolve(TextSpan subject, Attribution attribution)
    {
        var phrase = subject.Of(_text);
        var words = WordsIn(subject);
        if (words.Count == 0) return null;
        var inside = MentionsIn(subject);
        // The clause the subject heads, for anonymity phrases in a relative clause after it.
        int sentence = SentenceIndexOf(subject.Start);
        var clause = sentence >= 0 ? new TextSpan(subject.Start, Math.Max(subject.End, Math.Min(_sentences[sentence].End, attribution.Cue.Start > subject.Start ? attribution.Cue.Start : subject.End))) : subject;
        var clauseWords = WordsIn(clause);

        if (Contains(words, SourceWordKind.Self) || inside.Any(m => _outletId is not null && m.ActorId == _outletId))
            return new Speaker(subject, phrase, _outletId, _outletId is null ? null : "actor:" + _outletId, SourceKind.SelfReferential,
                "self-reference of " + (_outletName ?? "the outlet"));
        if (Contains(clauseWords, SourceWordKind.Anonymity))
            return new Speaker(subject, phrase, null, null, SourceKind.Anonymous, "anonymity phrase");

        var head = HeadWord(words);
        var person = inside.Where(m => m.Type == EntityType.Person).OrderBy(m => m.LinkReason == "title" ? 1 : 0).ThenByDescending(m => m.Span.Start).FirstOrDefault();
        var lexHead = _lexicon.Words.GetValueOrDefault(head, (SourceWordKind)(-1));
        if (person is not null && lexHead != SourceWordKind.Group)
            return Named(subject, person, person.LinkReason == "title" ? "title → " + NameOf(person)
                : attribution.How == "after" && person.Span.Start > attribution.Cue.Start ? "inverted subject"
                : phrase.Contains(',', StringComparison.Ordinal) ? "appositive" : "subject");

        // "they read", "the statement read": the author of the written thing speaks.
        if (attribution.How != "document" && Word(attribution.VerbToken) is "read" or "reads"
            && (words is ["they"] or ["it"] || words.Any(w => _lexicon.Words.GetValueOrDefault(w, (SourceWordKind)(-1)) == SourceWordKind.Document)))
            return DocumentAuthor(subject, attribution);
        if (words[0] is "he" or "she" or "him" or "her" && words.Count == 1)
            return Pronoun(subject, attribution, person: true);
        if (words[0] is "it" or "they" && words.Count == 1)
            return Pronoun(subject, attribution, person: false);

        bool indefinite = Indefinites.Contains(words[0]);
        // "a report in Haaretz": a report is its publisher's words.
        if (head is "report" or "reports" or "article" or "interview" && inside.FirstOrDefault(m => IsMedia(m)) is { } publisher)
            return Named(subject, publisher, "report of " + NameOf(publisher));
        if (lexHead == SourceWordKind.Group || IsGroupPhrase(words))
        {
            var of = inside.FirstOrDefault(m => m.ActorId is not null);
            return new Speaker(subject, phrase, of?.ActorId, of?.ClusterKey, SourceKind.Collective, of is null ? "collective" : "collective of " + NameOf(of));
        }

        if (lexHead == SourceWordKind.Person && indefinite)
            return new Speaker(subject, phrase, null, null, SourceKind.Anonymous, "indefinite description");

        var org = inside.Where(m => m.Type is EntityType.Organisation or EntityType.Location && m.ClusterKey is not null)
            .OrderBy(m => m.Type == EntityType.Organisation ? 0 : 1).ThenByDescending(m => m.Span.Length).FirstOrDefault();
        if (org is not null && !indefinite)
            return Named(subject, org, "subject");

        if (Determiners.Contains(words[0]) && lexHead is SourceWordKind.Person or SourceWordKind.Media)
            return Description(subject, attribution, lexHead == SourceWordKind.Media);

        // "the army", "the ministry": the latest organisation named with that head word, within three paragraphs.
        if (Determiners.Contains(words[0]) && words.Count <= 3)
        {
            int paragraph = ParagraphOf(subject.Start);
            var named = _mentions.LastOrDefault(m => m.Span.End <= subject.Start && m.Type == EntityType.Organisation && m.ActorId is not null
                && ParagraphOf(m.Span.Start) >= paragraph - 3
                && m.Span.Of(_text).EndsWith(head, StringComparison.OrdinalIgnoreCase) && m.Span.Length > head.Length);
            if (named is not null) return Named(subject, named, "description → " + NameOf(named)) with { Text = NameOf(named) };
        }

        return null;
    }

    // The author of the written thing named just before the cue: "the army dropped leaflets … they read",
    // "a statement released by the Kremlin read".
    private Speaker? DocumentAuthor(TextSpan subject, Attribution attribution)
    {
        int cue = TokenAtOrAfter(attribution.Cue.Start);
        int sentence = SentenceIndexOf(attribution.Cue.Start);
        if (sentence < 0) return null;
        // The quote itself may fill the sentence before the cue's: look two sentences back.
        int floor = _sentences[Math.Max(0, sentence - 2)].Start;
        for (int t = Math.Min(cue, TokenAtOrAfter(subject.End)) - 1; t >= 0 && _tokens[t].Start >= floor; t--)
        {
            if (_lexicon.Words.GetValueOrDefault(Word(t), (SourceWordKind)(-1)) != SourceWordKind.Document) continue;
            var inner = attribution with { How = "document" };
            var own = _sentences[SentenceIndexOf(_tokens[t].Start)];
            Speaker? author = null;
            if (Word(t + 1) is "released" or "issued" or "published" or "signed" or "sent" or "posted" && Word(t + 2) == "by"
                && PhraseAfter(t + 2, own.End) is { } by)
                author = Resolve(by, inner);
            else if (GoverningVerb(t, own.Start) is var verb and >= 0 && SubjectBefore(verb, own.Start) is { } writer)
                author = Resolve(writer, inner);
            return author is null ? null : author with { Span = subject, Resolution = $"author of the {Word(t)} → {author.Text}" };
        }

        return null;
    }

    private Speaker Named(TextSpan subject, EntityMention mention, string how)
    {
        var text = mention.Span.Of(_text);
        if (mention.ActorId is { } id && _actors.Find(id) is { Type: ActorType.MediaOutlet } && id == _outletId)
            return new Speaker(subject, subject.Of(_text), id, mention.ClusterKey, SourceKind.SelfReferential, "self-reference of " + (_outletName ?? text));
        return new Speaker(subject, text, mention.ActorId, mention.ClusterKey, SourceKind.Named, how);
    }

    // "he said" → the latest person who spoke, else the latest person named before; "it said" → the latest organisation.
    private Speaker? Pronoun(TextSpan subject, Attribution attribution, bool person)
    {
        int at = attribution.Cue.Start;
        int paragraph = ParagraphOf(at);
        int sentence = SentenceIndexOf(at);
        var word = subject.Of(_text);
        if (person)
        {
            // A person named earlier in the same sentence ("… spelled out by Lavrov: “…” he stressed").
            if (sentence >= 0)
            {
                var same = _mentions.LastOrDefault(m => m.Type == EntityType.Person && m.Span.Start >= _sentences[sentence].Start && m.Span.End <= subject.Start && !InsideQuote(m.Span));
                if (same is not null) return Named(subject, same, "pronoun → " + NameOf(same)) with { Span = subject, Text = NameOf(same) };
            }

            for (int h = _history.Count - 1; h >= 0; h--)
            {
                var (pos, para, speaker, isPerson) = _history[h];
                if (pos > at || para < paragraph - 3) break;
                if (isPerson) return speaker with { Span = subject, Resolution = "pronoun → " + speaker.Text };
            }

            var before = _mentions.LastOrDefault(m => m.Type == EntityType.Person && m.Span.End <= subject.Start && ParagraphOf(m.Span.Start) >= paragraph - 1 && !InsideQuote(m.Span));
            return before is null ? null : Named(subject, before, "pronoun → " + NameOf(before)) with { Span = subject, Text = NameOf(before) };
        }

        for (int h = _history.Count - 1; h >= 0; h--)
        {
            var (pos, para, speaker, isPerson) = _history[h];
            if (pos > at || para < paragraph - 1) break;
            if (!isPerson && speaker.Kind is SourceKind.Named or SourceKind.Collective && (word is not "it" and not "It" || speaker.Kind == SourceKind.Named))
                return speaker with { Span = subject, Resolution = "pronoun → " + speaker.Text };
            if (isPerson) break;
        }

        return null;
    }

    private bool IsMedia(EntityMention mention) => mention.ActorId is { } id && _actors.Find(id)?.Type == ActorType.MediaOutlet;

    // "the commander said" → the latest person-like speaker (named or anonymous) within three paragraphs;
    // "according to the newspaper" → the latest outlet named in the paragraph or the one before.
    private Speaker? Description(TextSpan subject, Attribution attribution, bool media)
    {
        int at = attribution.Cue.Start;
        int paragraph = ParagraphOf(at);
        if (media)
        {
            var outlet = _mentions.LastOrDefault(m => m.Span.End <= subject.Start && IsMedia(m) && ParagraphOf(m.Span.Start) >= paragraph - 1);
            if (outlet is not null) return Named(subject, outlet, "description → " + NameOf(outlet)) with { Text = NameOf(outlet) };
        }

        for (int h = _history.Count - 1; h >= 0; h--)
        {
            var (pos, para, speaker, isPerson) = _history[h];
            if (pos > at || para < paragraph - 3) break;
            if (media ? !isPerson : isPerson)
                return speaker with { Span = subject, Resolution = "description → " + speaker.Text };
        }

        return null;
    }

    private bool IsPersonLike(Speaker speaker) =>
        speaker.Kind == SourceKind.Anonymous
        || (speaker.Kind == SourceKind.Named && (speaker.ActorId is { } id ? _actors.Find(id)?.Type == ActorType.Person : speaker.ClusterKey?.StartsWith("per:", StringComparison.Ordinal) == true));

    private string NameOf(EntityMention mention) =>
        mention.ActorId is { } id && _actors.Find(id) is { } actor ? actor.Name : mention.Span.Of(_text);

    // The mentions that start inside the span (a name may run past a subject cut at a function word).
    private List<EntityMention> MentionsIn(TextSpan span)
    {
        int lo = 0, hi = _mentions.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_mentions[mid].Span.Start < span.Start) lo = mid + 1;
            else hi = mid;
        }

        var result = new List<EntityMention>();
        for (int i = lo; i < _mentions.Length && _mentions[i].Span.Start < span.End; i++) result.Add(_mentions[i]);
        return result;
    }

    private bool InsideQuote(TextSpan span)
    {
        // A mention inside quotation marks is quoted, not narrated. Counts marks before the mention in its paragraph.
        var para = _paragraphs[ParagraphOf(span.Start)];
        int open = 0;
        for (int i = para.Start; i < span.Start; i++)
        {
            if (_text[i] is '“' or '«') open = 1;
            else if (_text[i] is '”' or '»') open = 0;
            else if (_text[i] == '"') open = 1 - open;
        }

        return open == 1;
    }

    private bool IsGroupPhrase(List<string> words)
    {
        foreach (var (phrase, kind) in _lexicon.Phrases)
            if (kind == SourceWordKind.Group && IndexOf(words, phrase) >= 0) return true;
        return false;
    }

    private bool Contains(List<string> words, SourceWordKind kind)
    {
        foreach (var (phrase, k) in _lexicon.Phrases)
            if (k == kind && IndexOf(words, phrase) >= 0) return true;
        return false;
    }

    private static int IndexOf(List<string> words, string[] phrase)
    {
        for (int i = 0; i + phrase.Length <= words.Count; i++)
        {
            int j = 0;
            while (j < phrase.Length && string.Equals(words[i + j], phrase[j], StringComparison.Ordinal)) j++;
            if (j == phrase.Length) return i;
        }

        return -1;
    }

    // The head noun: the last word before "of", "from", "with", "in", "close", "who", or the last word.
    private static string HeadWord(List<string> words)
    {
        for (int i = 1; i < words.Count; i++)
            if (words[i] is "of" or "from" or "with" or "in" or "close" or "who" or "familiar" or "at" or "for" or "based") return words[i - 1];
        return words[^1];
    }

    private bool IsPossessiveStart(int token) =>
        token + 1 < _tokens.Length && _tokens[token + 1].Kind == TokenKind.Clitic;

    // ---- Helpers ----

    private bool IsCue(int t, out CueUse use)
    {
        use = CueUse.Any;
        if (_tokens[t].Kind != TokenKind.Word) return false;
        // Verbs are lower case inside a sentence: "the United States" is no cue.
        if (char.IsUpper(_text[_tokens[t].Start]) && !IsSentenceStart(t)) return false;
        if (!_lexicon.Verbs.TryGetValue(Word(t), out var entry)) return false;
        use = entry.Use;
        // "promised to assert": an infinitive has no subject of its own.
        if (use != CueUse.Noun && t > 0 && (Word(t - 1) == "to" || (IsAdverb(t - 1) && Word(t - 2) == "to"))) return false;
        if (use == CueUse.Noun) return t + 1 < _tokens.Length && Word(t + 1) is "that" or ":";
        // "the report", "reports of": a noun after a determiner is not the verb.
        if (t > 0 && Word(t - 1) is "the" or "a" or "an" or "this" or "that" or "its" or "his" or "her" or "their" or "our") return false;
        return true;
    }

    private bool IsPassive(int t)
    {
        int u = t - 1;
        while (u >= 0 && _tokens[u].Kind == TokenKind.Word && (Word(u) is "also" or "not" or "widely" or "reportedly" or "being")) u--;
        if (u < 0 || !BeVerbs.Contains(Word(u))) return false;
        return !(t + 1 < _tokens.Length && Word(t + 1) == "by");
    }

    private bool IsSentenceStartOffset(int offset) => SentenceIndexOf(offset) is var s && s >= 0 && _sentences[s].Start == offset;

    private bool IsSentenceStart(int t) => SentenceIndexOf(_tokens[t].Start) is var s && s >= 0 && _sentences[s].Start == _tokens[t].Start;

    private bool IsSentenceEnd(int t) => _tokens[t].Kind == TokenKind.Punctuation && _text[_tokens[t].Start] is '.' or '!' or '?';

    private string Word(int t) =>
        t < 0 || t >= _tokens.Length ? "" : _text.Substring(_tokens[t].Start, _tokens[t].Length).ToLowerInvariant();

    private string FirstWord(TextSpan span)
    {
        int t = TokenAtOrAfter(span.Start);
        return t < _tokens.Length ? Word(t) : "";
    }

    private List<string> WordsIn(TextSpan span)
    {
        var words = new List<string>();
        for (int t = TokenAtOrAfter(span.Start); t < _tokens.Length && _tokens[t].End <= span.End; t++)
            if (_tokens[t].Kind is TokenKind.Word or TokenKind.Abbreviation) words.Add(Word(t));
        return words;
    }

    private int WordCount(TextSpan span)
    {
        int n = 0;
        for (int t = TokenAtOrAfter(span.Start); t < _tokens.Length && _tokens[t].End <= span.End; t++)
            if (_tokens[t].Kind is TokenKind.Word or TokenKind.Number) n++;
        return n;
    }

    private TextSpan Trim(TextSpan span)
    {
        int s = span.Start, e = span.End;
        while (s < e && (char.IsWhiteSpace(_text[s]) || _text[s] is ',' or ':' or ';' or '–' or '—')) s++;
        while (e > s && (char.IsWhiteSpace(_text[e - 1]) || _text[e - 1] is ',' or '.' or ':' or ';' or '–' or '—')) e--;
        return new TextSpan(s, e);
    }

    private int TokenAtOrAfter(int offset)
    {
        int lo = 0, hi = _tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_tokens[mid].Start < offset) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }

    private int SentenceIndexOf(int offset)
    {
        int lo = 0, hi = _sentences.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var s = _sentences[mid];
            if (offset < s.Start) hi = mid - 1;
            else if (offset >= s.End) lo = mid + 1;
            else return mid;
        }

        return -1;
    }

    // The first paragraph ending after the offset (the last one for offsets past the text).
    private int ParagraphOf(int offset)
    {
        int lo = 0, hi = _paragraphs.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_paragraphs[mid].End <= offset) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }

    private ImmutableArray<TextSpan> SentencesOf(ImmutableArray<TextSpan> parts, Attribution? attribution, Speaker? speaker)
    {
        var spans = new SortedSet<int>();
        void Add(TextSpan span)
        {
            int lo = 0, hi = _sentences.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (_sentences[mid].End <= span.Start) lo = mid + 1;
                else hi = mid;
            }

            for (int i = lo; i < _sentences.Length && _sentences[i].Start <= span.End; i++)
                if (_sentences[i].Overlaps(span) || (span.IsEmpty && _sentences[i].Start <= span.Start && span.Start < _sentences[i].End)) spans.Add(i);
        }

        foreach (var p in parts) Add(p);
        if (attribution is not null) Add(attribution.Cue);
        if (speaker?.Span is { } sp) Add(sp);
        return [.. spans.Select(i => _sentences[i])];
    }
}
