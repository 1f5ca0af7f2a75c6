using System.Collections.Immutable;
using System.Text.Json;
using Parallax.Core.Analysis;
using Parallax.Core.Articles;
using Parallax.Nlp.Quantities;
using Parallax.Nlp.Quotes;
using Parallax.Nlp.Serialization;
using Parallax.Reporting.Sections;
using Parallax.Text;

namespace Parallax.Reporting.Export;

/// <summary>
/// The story view in the JSON and JSON Lines exports (docs/schema.md): merged events, quotes, quantities, claims, framing,
/// network edges and summary sentences. Every item names its story and article(s) and carries the sentence spans
/// ([start, end] UTF-16 offsets into the article's clean text) it came from.
/// </summary>
internal static class StoryExport
{
    /// <summary>The kinds of item, in the order the exports write them (JSON array names, JSON Lines "type" values).</summary>
    public static readonly ImmutableArray<(string Array, string Type)> Kinds =
    [
        ("events", "event"), ("quotes", "quote"), ("quantities", "quantity"), ("claims", "claim"),
        ("framing", "framing"), ("network", "edge"), ("summary", "summary"),
    ];

    /// <summary>One story with its loaded articles and its analysis, or the articles without a story (StoryId null).</summary>
    public sealed record Unit(string? StoryId, ImmutableArray<ArticleRecord> Articles, StoryAnalysis Analysis);

    /// <summary>Groups the exported articles by story (story order, then the articles of no listed story) and analyses each.</summary>
    public static List<Unit> Units(IEnumerable<StoryRecord> stories, IReadOnlyList<ArticleRecord> articles, IReadOnlyList<StoryView>? views = null)
    {
        var units = new List<Unit>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        if (views is not null)
        {
            foreach (var v in views)
            {
                units.Add(new Unit(v.Story.Id, v.Articles, StoryAnalysisCache.Of(v)));
                placed.UnionWith(v.Articles.Select(a => a.Id));
            }
        }
        else
        {
            var byId = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
            foreach (var story in stories)
            {
                ImmutableArray<ArticleRecord> members = [.. story.ArticleIds.Where(byId.ContainsKey).Select(id => byId[id]).Where(a => placed.Add(a.Id))];
                var view = new StoryView(story, members);
                units.Add(new Unit(story.Id, members, StoryAnalysisCache.Of(view)));
            }
        }
        var rest = articles.Where(a => !placed.Contains(a.Id)).ToImmutableArray();
        if (!rest.IsEmpty) units.Add(new Unit(null, rest, StoryAnalysis.Empty));
        return units;
    }

    /// <summary>Writes each item of one kind as a JSON object (with "type" first when <paramref name="typed"/>).</summary>
    public static void WriteItems(Utf8JsonWriter w, string kind, Unit unit, bool typed, Action? afterEach = null)
    {
        switch (kind)
        {
            case "events":
                foreach (var e in unit.Analysis.Events) { Event(w, unit.StoryId, e, typed); afterEach?.Invoke(); }
                break;
            case "quotes":
                foreach (var a in unit.Articles.Where(a => a.DuplicateOf is null))
                    if (a.Document.TryGet(QuoteLayers.Quotes, out var quotes))
                        foreach (var q in quotes) { Quote(w, unit.StoryId, a, q, typed); afterEach?.Invoke(); }
                break;
            case "quantities":
                foreach (var a in unit.Articles.Where(a => a.DuplicateOf is null))
                    if (a.Document.TryGet(QuantityLayers.Quantities, out var quantities))
                        foreach (var q in quantities) { Quantity(w, unit.StoryId, a, q, typed); afterEach?.Invoke(); }
                break;
            case "claims":
                foreach (var c in unit.Analysis.Claims) { Claim(w, unit.StoryId, c, typed); afterEach?.Invoke(); }
                break;
            case "framing":
                foreach (var f in unit.Analysis.Framing) { Framing(w, unit.StoryId, f, typed); afterEach?.Invoke(); }
                break;
            case "network":
                foreach (var e in unit.Analysis.Network.Edges) { Edge(w, unit.StoryId, e, typed); afterEach?.Invoke(); }
                break;
            case "summary":
                int n = 0;
                foreach (var s in unit.Analysis.Summary) { Summary(w, unit.StoryId, ++n, s, typed); afterEach?.Invoke(); }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown story export kind.");
        }
    }

    private static void Start(Utf8JsonWriter w, string type, string? storyId, bool typed)
    {
        w.WriteStartObject();
        if (typed) w.WriteString("type", type);
        w.WriteString("storyId", storyId);
    }

    private static void Span(Utf8JsonWriter w, string name, TextSpan span)
    {
        w.WritePropertyName(name);
        Span(w, span);
    }

    private static void Span(Utf8JsonWriter w, TextSpan span)
    {
        w.WriteStartArray();
        w.WriteNumberValue(span.Start);
        w.WriteNumberValue(span.End);
        w.WriteEndArray();
    }

    private static void Spans(Utf8JsonWriter w, string name, IEnumerable<TextSpan> spans)
    {
        w.WriteStartArray(name);
        foreach (var s in spans) Span(w, s);
        w.WriteEndArray();
    }

    private static void Source(Utf8JsonWriter w, SourceRef source)
    {
        w.WriteString("articleId", source.ArticleId);
        w.WriteString("outlet", source.Outlet);
        Span(w, "sentence", source.Sentence);
        w.WriteString("sentenceText", source.Text);
    }

    private static void Actor(Utf8JsonWriter w, string name, StoryActor? actor)
    {
        if (actor is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteString("key", actor.Key);
        w.WriteString("name", actor.Name);
        w.WriteEndObject();
    }

    private static void Enum<T>(Utf8JsonWriter w, string name, T value)
    {
        w.WritePropertyName(name);
        JsonSerializer.Serialize(w, value, DocumentJson.Options);
    }

    private static void Event(Utf8JsonWriter w, string? storyId, StoryEvent e, bool typed)
    {
        Start(w, "event", storyId, typed);
        w.WriteString("id", e.Id);
        w.WriteString("ploverType", e.PloverType);
        w.WriteString("ploverMode", e.PloverMode);
        w.WriteString("cameoCode", e.CameoCode);
        Actor(w, "actor", e.Actor);
        Actor(w, "target", e.Target);
        w.WriteString("place", e.Place);
        w.WriteString("happened", e.Happened);
        w.WriteStartArray("articleIds");
        foreach (var id in e.ArticleIds) w.WriteStringValue(id);
        w.WriteEndArray();
        w.WriteStartArray("reports");
        foreach (var r in e.Reports)
        {
            w.WriteStartObject();
            Source(w, r.Source);
            w.WriteString("eventId", r.EventId);
            w.WriteString("predicate", r.Predicate);
            Span(w, "trigger", r.Trigger);
            Enum(w, "modality", r.Modality);
            Enum(w, "attributedTo", r.AttributedTo);
            w.WriteString("happenedValue", r.Happened);
            Spans(w, "evidence", r.Evidence);
            w.WriteNumber("confidence", r.Confidence);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Quote(Utf8JsonWriter w, string? storyId, ArticleRecord a, Quote q, bool typed)
    {
        var text = ArticleFacts.CleanText(a);
        Start(w, "quote", storyId, typed);
        w.WriteString("articleId", a.Id);
        w.WriteString("outlet", a.Outlet);
        w.WriteString("id", q.Id);
        Enum(w, "kind", q.Kind);
        w.WriteString("content", Clip(text, q.Content));
        Span(w, "contentSpan", q.Content);
        Spans(w, "parts", q.Parts.IsDefault ? [] : q.Parts);
        if (q.Cue is { } cue) Span(w, "cue", cue);
        else w.WriteNull("cue");
        Enum(w, "speaker", q.Speaker);
        Spans(w, "sentences", q.Sentences.IsDefault ? [] : q.Sentences);
        w.WriteNumber("confidence", q.Confidence);
        w.WriteEndObject();
    }

    private static void Quantity(Utf8JsonWriter w, string? storyId, ArticleRecord a, Quantity q, bool typed)
    {
        var text = ArticleFacts.CleanText(a);
        Start(w, "quantity", storyId, typed);
        w.WriteString("articleId", a.Id);
        w.WriteString("outlet", a.Outlet);
        w.WriteString("id", q.Id);
        w.WriteString("text", Clip(text, q.Span));
        Span(w, "span", q.Span);
        Span(w, "sentence", q.Sentence);
        w.WriteNumber("low", q.Low);
        w.WriteNumber("high", q.High);
        Enum(w, "bound", q.Bound);
        w.WriteString("unit", q.Unit);
        w.WriteNumber("originalValue", q.OriginalValue);
        w.WriteString("originalUnit", q.OriginalUnit);
        w.WriteString("measured", q.Measured);
        w.WriteString("reference", q.Reference);
        w.WriteString("holder", q.Holder);
        w.WriteNumber("confidence", q.Confidence);
        w.WriteEndObject();
    }

    private static void Claim(Utf8JsonWriter w, string? storyId, ClaimSlot c, bool typed)
    {
        Start(w, "claim", storyId, typed);
        w.WriteString("id", c.Id);
        Enum(w, "kind", c.Kind);
        w.WriteString("key", c.Key);
        w.WriteString("label", c.Label);
        Enum(w, "verdict", c.Verdict);
        w.WriteString("explanation", c.Explanation);
        w.WriteStartArray("values");
        foreach (var v in c.Values)
        {
            w.WriteStartObject();
            Source(w, v.Source);
            w.WriteString("text", v.Text);
            Span(w, "span", v.Span);
            if (v.Low is { } low) w.WriteNumber("low", low);
            else w.WriteNull("low");
            if (v.High is { } high) w.WriteNumber("high", high);
            else w.WriteNull("high");
            w.WriteString("unit", v.Unit);
            Enum(w, "polarity", v.Polarity);
            w.WriteString("attributedTo", v.AttributedTo);
            w.WriteString("context", v.Context);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Framing(Utf8JsonWriter w, string? storyId, ArticleFraming f, bool typed)
    {
        Start(w, "framing", storyId, typed);
        w.WriteString("articleId", f.ArticleId);
        w.WriteString("outlet", f.Outlet);
        w.WriteNumber("words", f.Words);
        w.WriteNumber("hedges", f.Hedges);
        w.WriteNumber("hedgesPer1000Words", f.HedgesPer1000Words);
        w.WriteNumber("quotes", f.Quotes);
        w.WriteNumber("unnamedQuotes", f.UnnamedQuotes);
        w.WriteNumber("unnamedShare", f.UnnamedShare);
        w.WriteStartArray("sources");
        foreach (var s in f.Sources)
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            Enum(w, "kind", s.Kind);
            w.WriteNumber("count", s.Count);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Uses(w, "labels", f.Labels);
        Uses(w, "verbs", f.Verbs);
        Uses(w, "hedgeUses", f.HedgeUses);
        w.WriteEndObject();
    }

    private static void Uses(Utf8JsonWriter w, string name, ImmutableArray<FramingUse> uses)
    {
        w.WriteStartArray(name);
        foreach (var u in uses)
        {
            w.WriteStartObject();
            w.WriteString("group", u.Group);
            w.WriteString("term", u.Term);
            w.WriteString("connotation", u.Connotation);
            w.WriteNumber("count", u.Count);
            Spans(w, "sentences", u.Sentences.Select(s => s.Sentence));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Edge(Utf8JsonWriter w, string? storyId, NetworkEdge e, bool typed)
    {
        Start(w, "edge", storyId, typed);
        Actor(w, "source", e.Source);
        Actor(w, "target", e.Target);
        w.WriteString("ploverType", e.PloverType);
        w.WriteStartArray("eventIds");
        foreach (var id in e.EventIds) w.WriteStringValue(id);
        w.WriteEndArray();
        w.WriteNumber("reports", e.Reports);
        w.WriteEndObject();
    }

    private static void Summary(Utf8JsonWriter w, string? storyId, int n, SummarySentence s, bool typed)
    {
        Start(w, "summary", storyId, typed);
        w.WriteNumber("position", n);
        w.WriteString("text", s.Text);
        w.WriteStartArray("cites");
        foreach (var c in s.Cites)
        {
            w.WriteStartObject();
            Source(w, c);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string Clip(string text, TextSpan span)
    {
        int start = Math.Clamp(span.Start, 0, text.Length), end = Math.Clamp(span.End, start, text.Length);
        return text[start..end];
    }
}
