using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Parallax.Nlp.Events;
using Parallax.Nlp.Quantities;
using Parallax.Nlp.Quotes;
using Parallax.Nlp.Tokens;
using Parallax.Text;

namespace Parallax.Core.Analysis;

/// <summary>
/// Aligns what the story's articles assert into claim slots and gives each a verdict.
/// <list type="bullet">
/// <item>Quantities: distances are keyed by what they are measured from (references that share a named place, country
/// or content word are one reference: "the Israeli border in the Golan Heights" joins "the Israeli border" and "the
/// occupied Golan Heights"); other quantities by dimension, unit and what they measure.</item>
/// <item>Events: keyed by PLOVER type and the side of the actor (a country for states, their forces and officials; the
/// group for armed groups), both sides for symmetric types. A report's polarity comes from its modality, turned into a
/// denial when the sentence holds a denial cue; a cue in a sentence without events of its own ("denied the report,
/// saying it is untrue") denies the nearest reported event before it in the same article.</item>
/// </list>
/// </summary>
internal sealed partial class ClaimAligner(ActorKeys keys, FramingLexicon lexicon, StoryAnalysisOptions options)
{
    private static readonly HashSet<string> GenericReferenceWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "in", "on", "at", "from", "to", "and", "or", "near", "its", "their", "our", "his", "her",
        "border", "borders", "frontier", "frontiers", "line", "lines", "boundary", "area", "areas", "region", "regions",
        "zone", "zones", "side", "part", "parts", "country", "territory", "occupied", "between", "de", "facto", "s",
    };

    private sealed record QuantityItem(StoryArticle Article, int Order, Quantity Quantity, string Dimension, string? Reference, HashSet<string> ReferenceTokens);

    private sealed record EventItem(StoryArticle Article, int Order, EventMention Mention, string? Key, string Label, ClaimPolarity Polarity, string Context, TextSpan Sentence, string? AttributedTo)
    {
        /// <summary>The words the value rests on when they are not the mention's trigger (a stance verb).</summary>
        public TextSpan? Trigger { get; init; }
    }

    public ImmutableArray<ClaimSlot> Align(IReadOnlyList<StoryArticle> articles)
    {
        var slots = new List<(ClaimKind Kind, string Key, string Label, List<ClaimValue> Values, int First)>();
        int order = 0;
        AddQuantitySlots(articles, slots, ref order);
        AddEventSlots(articles, slots, ref order);

        return
        [
            .. slots
                .Select(s => (s.First, Slot: Judge(s.Kind, s.Key, s.Label, s.Values)))
                .OrderBy(x => x.Slot.Verdict)
                .ThenByDescending(x => x.Slot.OutletCount)
                .ThenByDescending(x => x.Slot.Values.Length)
                .ThenBy(x => x.First)
                .Select((x, i) => x.Slot with { Id = "c" + (i + 1).ToString(CultureInfo.InvariantCulture) }),
        ];
    }

    // ---- quantities ----

    private void AddQuantitySlots(IReadOnlyList<StoryArticle> articles, List<(ClaimKind, string, string, List<ClaimValue>, int)> slots, ref int order)
    {
        var items = new List<QuantityItem>();
        foreach (var article in articles)
        {
            if (!article.Document.TryGet(QuantityLayers.Quantities, out var quantities)) continue;
            var text = article.Text;
            foreach (var q in quantities.OrderBy(q => q.Span.Start))
            {
                var dimension = Dimension(q.Unit);
                var reference = dimension == "distance" ? Reference(q, ReferenceAfter(text, q)) : null;
                items.Add(new QuantityItem(article, order++, q, dimension, reference, reference is null ? [] : ReferenceTokens(reference)));
            }
        }

        // Distances: union the references that share a token.
        var distances = items.Where(i => i.Dimension == "distance").ToList();
        var parent = Enumerable.Range(0, distances.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        for (int i = 0; i < distances.Count; i++)
            for (int j = i + 1; j < distances.Count; j++)
                if (distances[i].ReferenceTokens.Overlaps(distances[j].ReferenceTokens)) parent[Find(i)] = Find(j);

        var groups = new List<(string Key, string Label, List<QuantityItem> Items)>();
        foreach (var g in distances.Select((d, i) => (d, root: Find(i))).GroupBy(x => x.d.Reference is null ? -1 - x.d.Order : x.root))
        {
            var list = g.Select(x => x.d).ToList();
            var refs = list.Select(d => d.Reference).OfType<string>().Select(r => Regex.Replace(r, @"^(?:the|a|an)\s+", string.Empty, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var what = list.Select(d => d.Quantity.Holder).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Take(3).ToList();
            var label = "distance " + (refs.Count == 0 ? "(reference not stated)" : "from " + string.Join(" / ", refs)) +
                        (what.Count == 0 ? string.Empty : " — for " + string.Join(" / ", what)) + " (km)";
            var key = "distance|" + (refs.Count == 0 ? "?" + list[0].Order.ToString(CultureInfo.InvariantCulture) : string.Join("+", list.SelectMany(d => d.ReferenceTokens).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
            groups.Add((key, label, list));
        }

        foreach (var g in items.Where(i => i.Dimension != "distance").GroupBy(i => i.Dimension + "|" + i.Quantity.Unit + "|" + FramingLexicon.Fold(i.Quantity.Measured ?? i.Quantity.Holder ?? string.Empty), StringComparer.Ordinal))
        {
            var q = g.First().Quantity;
            var label = g.First().Dimension + " — " + (q.Measured ?? q.Holder ?? q.Unit) + " (" + q.Unit + ")";
            groups.Add((g.Key, label, g.ToList()));
        }

        foreach (var (key, label, list) in groups)
        {
            var values = new List<ClaimValue>();
            foreach (var item in list.OrderBy(i => i.Order))
            {
                var q = item.Quantity;
                // "60 kilometers (37 miles)": one value per sentence and slot when the numbers agree.
                if (values.Exists(v => v.Source.ArticleId == item.Article.ArticleId && v.Source.Sentence == q.Sentence && Overlap(Interval(v), Interval(q.Low, q.High, q.Bound)))) continue;
                var (low, high) = Bounds(q);
                values.Add(new ClaimValue(
                    item.Article.Ref(q.Sentence),
                    q.Span.Of(item.Article.Text),
                    q.Span,
                    low,
                    high,
                    q.Unit,
                    null,
                    Attribution(item.Article, q.Sentence, q.Span),
                    QuantityContext(item.Article, q, item.Reference)));
            }
            slots.Add((ClaimKind.Quantity, key, label, values, list.Min(i => i.Order)));
        }
    }

    private static string Dimension(string unit) => unit switch
    {
        "km" or "m" or "mi" => "distance",
        "s" => "duration",
        "km2" or "ha" => "area",
        "percent" => "share",
        _ when unit.Length == 3 && unit.All(char.IsAsciiLetterUpper) => "money",
        _ => "count",
    };

    private static (double? Low, double? High) Bounds(Quantity q) => q.Bound switch
    {
        QuantityBound.AtLeast => (q.Low, null),
        QuantityBound.AtMost => (null, q.High),
        _ => (q.Low, q.High),
    };

    private (double Low, double High) Interval(double low, double high, QuantityBound bound)
    {
        double t = bound == QuantityBound.Approximate ? 2 * options.QuantityTolerance : options.QuantityTolerance;
        return bound switch
        {
            QuantityBound.AtLeast => (low * (1 - t), double.PositiveInfinity),
            QuantityBound.AtMost => (0, high * (1 + t)),
            _ => (low * (1 - t), high * (1 + t)),
        };
    }

    private (double Low, double High) Interval(ClaimValue v) => (
        (v.Low ?? 0) * (1 - options.QuantityTolerance),
        v.High is { } h ? h * (1 + options.QuantityTolerance) : double.PositiveInfinity);

    private static bool Overlap((double Low, double High) a, (double Low, double High) b) => a.Low <= b.High && b.Low <= a.High;

    /// <summary>The layer's reference, extended by the words that locate it when the text continues it ("the Israeli
    /// border" + " in the Golan Heights"); the words after "from" when the layer has none.</summary>
    private static string? Reference(Quantity q, string? fromText)
    {
        if (q.Reference is not { } stated) return fromText;
        return fromText is not null && fromText.Length > stated.Length && fromText.StartsWith(stated, StringComparison.OrdinalIgnoreCase) ? fromText : stated;
    }

    /// <summary>"… 15 miles from the occupied Golan Heights, according to …": the words after "from" up to a clause break.</summary>
    private static string? ReferenceAfter(string text, Quantity q)
    {
        int end = Math.Min(q.Sentence.End, text.Length);
        if (q.Span.End >= end) return null;
        var m = FromPhrase().Match(text[q.Span.End..end]);
        return m.Success ? m.Groups["ref"].Value.Trim() : null;
    }

    [GeneratedRegex(@"^\s*(?:\([^)]*\)\s*)?(?:away\s+)?from\s+(?<ref>[^,;.()“”""]+?)(?=\s*(?:[,;.()“”""]|\bin order\b|\baccording\b|\bwhich\b|\bthat\b|$))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FromPhrase();

    /// <summary>The reference's identifying tokens: named places and countries as actor ids, other content words folded.</summary>
    private HashSet<string> ReferenceTokens(string reference)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in Regex.Split(reference, @"[\s\-–]+", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            var word = part.Trim('\'', '’', '"', '“', '”');
            if (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal)) word = word[..^2];
            if (word.Length == 0) continue;
            var folded = FramingLexicon.Fold(word);
            if (GenericReferenceWords.Contains(folded)) continue;
            if (char.IsUpper(word[0]) && keys.SideOfWords(word) is { } side) tokens.Add(side);
            else tokens.Add(folded);
        }
        // "the border" names nothing specific: the phrase itself is its identity.
        if (tokens.Count == 0) tokens.Add(FramingLexicon.Fold(reference));
        return tokens;
    }

    private static string QuantityContext(StoryArticle article, Quantity q, string? reference)
    {
        var parts = new List<string>();
        if (q.Holder is not null) parts.Add("for " + q.Holder);
        if (q.Measured is not null && q.Dimension() != "distance") parts.Add(q.Measured);
        if (reference is not null) parts.Add("from " + reference);
        if (NearestEvent(article, q.Sentence, q.Span) is { } e)
            parts.Add(e.Predicate + " (" + ModalityWord(e.Modality) + (e.Source is null ? string.Empty : ", " + e.Source.Text) + ")");
        return string.Join("; ", parts);
    }

    // ---- events ----

    private void AddEventSlots(IReadOnlyList<StoryArticle> articles, List<(ClaimKind, string, string, List<ClaimValue>, int)> slots, ref int order)
    {
        var items = new List<EventItem>();
        var stances = new List<(StoryArticle Article, TextSpan Sentence, string Type, string Mode, string Verb, string Cue, string? Speaker, int Order)>();
        foreach (var article in articles)
        {
            if (!article.Document.TryGet(EventLayers.Events, out var events)) continue;
            var text = article.Text;
            var sentences = Sentences(article, events);
            var bySentence = events.GroupBy(e => e.Sentence).ToDictionary(g => g.Key, g => g.ToList());

            // A cue in a sentence ("a pullout is not up for discussion", "absolutely unrealistic to expect it to abandon")
            // rules out the nearest predicate: an event of the sentence, or a stance verb the event stage did not read.
            var ruledOut = new Dictionary<EventMention, string>(ReferenceEqualityComparer.Instance);
            foreach (var sentence in sentences)
            {
                var sentenceText = sentence.Of(text);
                var cueMatch = lexicon.FindDenials(sentenceText).FirstOrDefault();
                if (cueMatch.Phrase is null || PointsBack(cueMatch.Phrase)) continue;
                int cueAt = sentence.Start + cueMatch.Start;
                var own = bySentence.GetValueOrDefault(sentence) ?? [];
                var nearestEvent = own.OrderBy(e => Distance(e.Trigger.Start, e.Trigger.End, cueAt, cueAt + cueMatch.Length)).FirstOrDefault();
                var nearestVerb = lexicon.FindStanceVerbs(sentenceText)
                    .OrderBy(v => Distance(sentence.Start + v.Start, sentence.Start + v.Start + v.Length, cueAt, cueAt + cueMatch.Length)).FirstOrDefault();
                int eventDistance = nearestEvent is null ? int.MaxValue : Distance(nearestEvent.Trigger.Start, nearestEvent.Trigger.End, cueAt, cueAt + cueMatch.Length);
                int verbDistance = nearestVerb.Term is null ? int.MaxValue : Distance(sentence.Start + nearestVerb.Start, sentence.Start + nearestVerb.Start + nearestVerb.Length, cueAt, cueAt + cueMatch.Length);
                if (nearestEvent is not null && eventDistance <= verbDistance) ruledOut[nearestEvent] = cueMatch.Phrase;
                else if (nearestVerb.Term is not null)
                    stances.Add((article, sentence, nearestVerb.Term.Group, nearestVerb.Term.Connotation, nearestVerb.Term.Term, cueMatch.Phrase,
                        Attribution(article, sentence, new TextSpan(cueAt, cueAt)), order++));
            }

            foreach (var e in events.OrderBy(e => e.Trigger.Start))
            {
                var (key, label) = EventKey(e);
                var polarity = PolarityOf(e.Modality);
                var context = e.Predicate + " (" + ModalityWord(e.Modality) + ")";
                if (ruledOut.TryGetValue(e, out var cue) && polarity is ClaimPolarity.Asserted or ClaimPolarity.Reported or ClaimPolarity.Expected or ClaimPolarity.Hypothetical)
                {
                    polarity = ClaimPolarity.Denied;
                    context += "; ruled out: “" + cue + "”";
                }
                items.Add(new EventItem(article, order++, e, key, label, polarity, context, e.Sentence, Speaker(e.AttributedTo)));
            }

            // "An official denied the report, saying it is untrue": the nearest reported event before it is denied, unless
            // the event stage already carried the denial back (the sentence then has a denied event of its own).
            foreach (var sentence in sentences)
            {
                var cue = lexicon.FindDenials(sentence.Of(text)).Select(d => d.Phrase).FirstOrDefault();
                if (cue is null) continue;
                var own = bySentence.GetValueOrDefault(sentence) ?? [];
                if (own.Exists(e => e.Modality is EventModality.Denied or EventModality.Negated)) continue;
                if (!PointsBack(cue) && own.Count > 0) continue;
                int index = sentences.IndexOf(sentence);
                var target = items
                    .Where(i => ReferenceEquals(i.Article, article) && i.Polarity is ClaimPolarity.Reported or ClaimPolarity.Asserted or ClaimPolarity.Expected && i.Key is not null)
                    .Where(i => sentences.IndexOf(i.Sentence) is int k && k >= 0 && k < index && index - k <= options.DenialWindowSentences)
                    .OrderByDescending(i => i.Mention.Modality is EventModality.Reported or EventModality.Alleged or EventModality.Planned ? 1 : 0)
                    .ThenByDescending(i => i.Sentence.Start)
                    .FirstOrDefault();
                if (target is null) continue;
                var deniedBy = Attribution(article, sentence, new TextSpan(sentence.Start, sentence.Start));
                items.Add(new EventItem(article, order++, target.Mention, target.Key, target.Label, ClaimPolarity.Denied,
                    target.Mention.Predicate + " (denied: “" + cue + "”, of the report in an earlier sentence)", sentence, deniedBy));
            }
        }

        // A slot without a mode joins the one slot of its type and side that has one ("exit" read without a mode).
        var modes = items.Where(i => i.Key is not null).Select(i => i.Key!).Distinct(StringComparer.Ordinal).ToList();
        string Canonical(string key)
        {
            var (type, mode, side) = SplitKey(key);
            if (mode.Length > 0) return key;
            var withMode = modes.Where(k => SplitKey(k) is var (t, m, sd) && t == type && m.Length > 0 && sd == side).ToList();
            return withMode.Count == 1 ? withMode[0] : key;
        }
        items = [.. items.Select(i => i.Key is null ? i : i with { Key = Canonical(i.Key) })];

        // Events without an actor join the slot of their type and mode whose side the sentence names.
        var keyed = items.Where(i => i.Key is not null).GroupBy(i => i.Key!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var resolved = new List<EventItem>();
        foreach (var item in items)
        {
            if (item.Key is not null) { resolved.Add(item); continue; }
            var slot = SlotNamedBy(keyed, item.Article.SentenceText(item.Sentence), item.Mention.PloverType, item.Mention.PloverMode);
            if (slot is not null) resolved.Add(item with { Key = slot });
        }

        // Stance verbs ruled out in a sentence join an existing slot of their type and mode whose side the sentence names.
        foreach (var st in stances)
        {
            var slot = SlotNamedBy(keyed, st.Article.SentenceText(st.Sentence), st.Type, st.Mode);
            if (slot is null) continue;
            var span = FindIn(st.Article, st.Sentence, st.Verb);
            resolved.Add(new EventItem(st.Article, st.Order, keyed[slot][0].Mention, slot, keyed[slot][0].Label, ClaimPolarity.Denied,
                st.Verb + " (ruled out: “" + st.Cue + "”)", st.Sentence, st.Speaker) { Trigger = span });
        }

        var articleOrder = articles.Select((a, i) => (a.ArticleId, i)).ToDictionary(x => x.ArticleId, x => x.i, StringComparer.Ordinal);
        foreach (var g in resolved.GroupBy(i => i.Key!, StringComparer.Ordinal))
        {
            var values = g.OrderBy(i => articleOrder[i.Article.ArticleId]).ThenBy(i => i.Sentence.Start).ThenBy(i => i.Order)
                .Select(i =>
                {
                    var trigger = i.Trigger ?? i.Mention.Trigger;
                    return new ClaimValue(i.Article.Ref(i.Sentence), trigger.Of(i.Article.Text), trigger, null, null, null, i.Polarity, i.AttributedTo, i.Context);
                })
                .ToList();
            // One outlet stating an event in its own voice is an event, not a claim to compare: the events section has it.
            bool oneOutlet = values.Select(v => v.Source.Outlet).Distinct(StringComparer.Ordinal).Count() == 1;
            if (oneOutlet && values.TrueForAll(v => v.Polarity == ClaimPolarity.Asserted)) continue;
            slots.Add((ClaimKind.Event, g.Key, Label(g.Key, g), values, g.Min(i => i.Order)));
        }
    }

    private static int Distance(int start, int end, int otherStart, int otherEnd) =>
        end <= otherStart ? otherStart - end : otherEnd <= start ? start - otherEnd : 0;

    private static TextSpan? FindIn(StoryArticle article, TextSpan sentence, string term)
    {
        var text = sentence.Of(article.Text);
        int at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : new TextSpan(sentence.Start + at, sentence.Start + at + term.Length);
    }

    /// <summary>The slot of that type (and mode, when both have one) whose single side the sentence names, preferring the most reported.</summary>
    private string? SlotNamedBy(Dictionary<string, List<EventItem>> keyed, string sentence, string type, string? mode) =>
        keyed.Keys
            .Where(k => SplitKey(k) is var (t, m, side) && t == type && !side.Contains('+', StringComparison.Ordinal)
                        && (mode is null || m.Length == 0 || m == mode))
            .OrderByDescending(k => keyed[k].Count).ThenBy(k => k, StringComparer.Ordinal)
            .FirstOrDefault(k => SentenceNames(sentence, SplitKey(k).Side));

    private static (string Type, string Mode, string Side) SplitKey(string key)
    {
        int bar = key.IndexOf('|', StringComparison.Ordinal);
        var head = bar < 0 ? key : key[..bar];
        var side = bar < 0 ? string.Empty : key[(bar + 1)..];
        int open = head.IndexOf('(', StringComparison.Ordinal);
        return open < 0 ? (head, string.Empty, side) : (head[..open], head[(open + 1)..^1], side);
    }

    /// <summary>"RETREAT (withdraw) by Iran — as Iranian forces / Hezbollah fighters".</summary>
    private string Label(string key, IEnumerable<EventItem> items)
    {
        var (type, mode, side) = SplitKey(key);
        var head = type + (mode.Length == 0 ? string.Empty : " (" + mode + ")");
        var sides = side.Split('+').Select(keys.NameOfKey).ToList();
        var who = EventSymmetric(type) ? " between " + string.Join(" and ", sides) : " by " + sides[0];
        var named = items.Select(i => i.Mention.Source?.Text).OfType<string>().Select(t => t.Trim())
            .Where(t => t.Length > 0 && !sides.Contains(t, StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(4).ToList();
        return head + who + (named.Count == 0 || EventSymmetric(type) ? string.Empty : " — as " + string.Join(" / ", named));
    }

    /// <summary>Cues that name what they deny as an earlier report ("denied the report") rather than their own clause.</summary>
    private static bool PointsBack(string cue) => cue.Contains("report", StringComparison.Ordinal);

    private bool SentenceNames(string sentence, string side)
    {
        foreach (Match m in CapitalisedRun().Matches(sentence))
            if (string.Equals(keys.SideOfWords(m.Value), side, StringComparison.Ordinal)) return true;
        return false;
    }

    [GeneratedRegex(@"\b\p{Lu}[\p{L}'’\-]+", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalisedRun();

    private (string? Key, string Label) EventKey(EventMention e)
    {
        var head = e.PloverType + (e.PloverMode is null ? string.Empty : "(" + e.PloverMode + ")");
        var source = keys.Side(e.Source);
        if (EventSymmetric(e.PloverType))
        {
            var sides = new[] { source, keys.Side(e.Target) }.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            return sides.Count == 0 ? (null, head) : (head + "|" + string.Join("+", sides), head);
        }
        return source is null ? (null, head) : (head + "|" + source, head);
    }

    private static bool EventSymmetric(string type) => type is "CONSULT" or "AGREE" or "COOPERATE";

    private static ClaimPolarity PolarityOf(EventModality m) => m switch
    {
        EventModality.Asserted => ClaimPolarity.Asserted,
        EventModality.Reported or EventModality.Alleged => ClaimPolarity.Reported,
        EventModality.Planned or EventModality.Threatened => ClaimPolarity.Expected,
        EventModality.Hypothetical => ClaimPolarity.Hypothetical,
        EventModality.Denied => ClaimPolarity.Denied,
        _ => ClaimPolarity.Negated,
    };

    internal static string ModalityWord(EventModality m) => m switch
    {
        EventModality.Asserted => "asserted",
        EventModality.Reported => "reported",
        EventModality.Alleged => "alleged",
        EventModality.Denied => "denied",
        EventModality.Planned => "planned",
        EventModality.Threatened => "threatened",
        EventModality.Hypothetical => "hypothetical",
        _ => "negated",
    };

    private static string? Speaker(Speaker? s) => s is null ? null : s.Kind == SourceKind.Named ? s.Text : s.Kind.ToString().ToLowerInvariant() + ": " + s.Text;

    /// <summary>Who the sentence attributes its content to: a quote's speaker there, else an event's attribution.</summary>
    private static string? Attribution(StoryArticle article, TextSpan sentence, TextSpan near)
    {
        if (article.Document.TryGet(QuoteLayers.Quotes, out var quotes))
        {
            var q = quotes.Where(q => q.Speaker is not null && !q.Sentences.IsDefaultOrEmpty && q.Sentences.Any(s => s.Overlaps(sentence)))
                .OrderBy(q => Math.Abs(q.Content.Start - near.Start)).FirstOrDefault();
            if (q is not null) return Speaker(q.Speaker);
        }
        if (article.Document.TryGet(EventLayers.Events, out var events))
        {
            var e = events.Where(e => e.Sentence.Overlaps(sentence) && e.AttributedTo is not null).OrderBy(e => Math.Abs(e.Trigger.Start - near.Start)).FirstOrDefault();
            if (e is not null) return Speaker(e.AttributedTo);
        }
        return null;
    }

    private static EventMention? NearestEvent(StoryArticle article, TextSpan sentence, TextSpan near) =>
        article.Document.TryGet(EventLayers.Events, out var events)
            ? events.Where(e => e.Sentence.Overlaps(sentence)).OrderBy(e => Math.Abs(e.Trigger.Start - near.Start)).FirstOrDefault()
            : null;

    private static List<TextSpan> Sentences(StoryArticle article, IEnumerable<EventMention> events) =>
        article.Document.TryGet(TokenLayers.Sentences, out var sentences) && !sentences.IsDefaultOrEmpty
            ? [.. sentences]
            : [.. events.Select(e => e.Sentence).Distinct().OrderBy(s => s.Start)];

    // ---- verdicts ----

    private ClaimSlot Judge(ClaimKind kind, string key, string label, List<ClaimValue> values)
    {
        int outlets = values.Select(v => v.Source.Outlet).Distinct(StringComparer.Ordinal).Count();
        ClaimVerdict verdict;
        string why;
        if (kind == ClaimKind.Quantity)
        {
            var pair = values.SelectMany((a, i) => values.Skip(i + 1).Select(b => (a, b)))
                .FirstOrDefault(p => !Overlap(Interval(p.a), Interval(p.b)));
            if (pair.a is not null)
            {
                verdict = ClaimVerdict.Discrepancy;
                why = $"{Show(pair.a)} and {Show(pair.b)} differ by more than {ReportPercent(options.QuantityTolerance)} ({Plural(values.Count, "value")} from {Plural(outlets, "outlet")})";
            }
            else if (outlets >= 2)
            {
                verdict = ClaimVerdict.Agreement;
                why = $"{Plural(outlets, "outlet")} give compatible values";
            }
            else
            {
                verdict = ClaimVerdict.Unique;
                why = "only " + values[0].Source.Outlet + " gives a value";
            }
        }
        else
        {
            var positive = values.Where(v => v.Polarity is ClaimPolarity.Asserted or ClaimPolarity.Reported or ClaimPolarity.Expected).ToList();
            var negative = values.Where(v => v.Polarity is ClaimPolarity.Denied or ClaimPolarity.Negated).ToList();
            // A contradiction is one voice asserting what another denies: an outlet that says a thing and later, in its own
            // voice, that it did not happen is not two sources disagreeing.
            bool twoVoices = positive.Exists(p => negative.Exists(n => !SameVoice(p, n)));
            if (positive.Count > 0 && negative.Count > 0 && twoVoices)
            {
                verdict = ClaimVerdict.Contradiction;
                why = $"{Plural(positive.Count, "report")} assert or report it, {Plural(negative.Count, "report")} deny or rule it out";
            }
            else if (outlets >= 2)
            {
                verdict = ClaimVerdict.Agreement;
                why = $"{Plural(outlets, "outlet")} " + (negative.Count > 0 ? "deny it" : "report it");
            }
            else
            {
                verdict = ClaimVerdict.Unique;
                why = "only " + values[0].Source.Outlet + " speaks to it";
            }
        }
        return new ClaimSlot(string.Empty, kind, key, label, verdict, why, [.. values]);
    }

    // A denial is always someone's answer to a report; a plain negation ("did not comply with …") is the same voice when
    // the same article says both without naming anyone else.
    private static bool SameVoice(ClaimValue positive, ClaimValue negative) =>
        negative.Polarity == ClaimPolarity.Negated
        && string.Equals(positive.Source.ArticleId, negative.Source.ArticleId, StringComparison.Ordinal)
        && string.Equals(positive.AttributedTo ?? string.Empty, negative.AttributedTo ?? string.Empty, StringComparison.Ordinal);

    internal static string Show(ClaimValue v)
    {
        string N(double x) => Math.Round(x, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture);
        var unit = v.Unit is null ? string.Empty : " " + v.Unit;
        return (v.Low, v.High) switch
        {
            ({ } l, null) => "≥" + N(l) + unit,
            (null, { } h) => "≤" + N(h) + unit,
            ({ } l, { } h) when Math.Abs(l - h) < 1e-9 => N(l) + unit,
            ({ } l, { } h) => N(l) + "–" + N(h) + unit,
            _ => v.Text,
        };
    }

    private static string ReportPercent(double t) => (t * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    private static string Plural(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? noun : noun + "s");
}

internal static class QuantityExtensions
{
    public static string Dimension(this Quantity q) => q.Unit is "km" or "m" or "mi" ? "distance" : "other";
}
