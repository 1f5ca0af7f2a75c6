using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Parallax.Core.Articles;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Events;
using Parallax.Nlp.Places;
using Parallax.Nlp.Time;
using Parallax.Nlp.Tokens;
using Parallax.Text;

namespace Parallax.Server.Endpoints;

/// <summary>Who said so: one span of one article of a story.</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="Outlet">Its chosen outlet, or null.</param>
/// <param name="Title">Its chosen title, or null.</param>
/// <param name="Duplicate">True when the article is a near-copy of another one in the store.</param>
/// <param name="Start">Start offset in the article's clean text (UTF-16, inclusive).</param>
/// <param name="End">End offset (exclusive).</param>
/// <param name="Text">The words at that span.</param>
public sealed record Attribution(string ArticleId, string? Outlet, string? Title, bool Duplicate, int Start, int End, string Text);

/// <summary>One resolved place of a story, with every mention of it.</summary>
/// <param name="Key">The gazetteer id (stable across articles).</param>
/// <param name="Name">The gazetteer name.</param>
/// <param name="Latitude">WGS84 latitude.</param>
/// <param name="Longitude">WGS84 longitude.</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 country, or null.</param>
/// <param name="AdminPath">"Country &gt; region &gt; place", or null.</param>
/// <param name="Outlets">Distinct outlets mentioning it, ordinal order.</param>
/// <param name="Mentions">Every mention, in story article order then text order.</param>
public sealed record StoryPlace(
    string Key, string Name, double Latitude, double Longitude, string? CountryCode, string? AdminPath, IReadOnlyList<string> Outlets, IReadOnlyList<Attribution> Mentions);

/// <summary>The places of a story.</summary>
/// <param name="StoryId">The story.</param>
/// <param name="Places">Resolved places, most mentioned first (ties: key order).</param>
/// <param name="Unresolved">Place mentions the resolver could not tie to coordinates (unresolved or implausible).</param>
public sealed record StoryPlaces(string StoryId, IReadOnlyList<StoryPlace> Places, IReadOnlyList<Attribution> Unresolved);

/// <summary>One dated statement of a story's timeline.</summary>
/// <param name="Value">TimeML value ("2025-03-12", "2024-11", "2025-W11").</param>
/// <param name="Kind">"date" (a temporal expression) or "event" (an extracted event with a date).</param>
/// <param name="Label">For dates the words as written; for events the PLOVER type and predicate.</param>
/// <param name="Role">For dates the role (happened, reported, claimedOrPlanned); for events the modality.</param>
/// <param name="Context">The sentence it was read from (at most 240 characters).</param>
/// <param name="Source">The article and span that say so.</param>
public sealed record TimelineEntry(string Value, string Kind, string Label, string? Role, string Context, Attribution Source);

/// <summary>A story's timeline.</summary>
/// <param name="StoryId">The story.</param>
/// <param name="Entries">Entries ordered by value (ISO order), then story article order, then text order.</param>
public sealed record StoryTimeline(string StoryId, IReadOnlyList<TimelineEntry> Entries);

/// <summary>
/// GET /stories/{id}/places and /stories/{id}/timeline: per-story read views over the stored "places", "timexes" and
/// "events" layers, attributing every item to the article (and outlet) it comes from. Articles without a layer add
/// nothing to its view.
/// </summary>
internal static class StoryViewEndpoints
{
    private const int MaxContext = 240;

    public static void Map(RouteGroupBuilder api)
    {
        api = api.MapGroup("").WithTags("Stories");
        api.MapGet("/stories/{id}/places", PlacesAsync)
            .WithName("GetStoryPlaces")
            .WithSummary("The story's resolved places with coordinates and every mention by outlet, plus unresolved place mentions.")
            .Produces<StoryPlaces>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/stories/{id}/timeline", TimelineAsync)
            .WithName("GetStoryTimeline")
            .WithSummary("Dated expressions and dated events of the story's articles in date order, each with the outlet and sentence that say so.")
            .Produces<StoryTimeline>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> PlacesAsync(string id, StoreHolder store, CancellationToken ct)
    {
        var view = await store.Store.GetStoryAsync(id, ct);
        if (view is null) return StoryEndpoints.NoStory(id);
        return TypedResults.Ok(Places(view.Story.Id, view.Articles));
    }

    private static async Task<IResult> TimelineAsync(string id, StoreHolder store, CancellationToken ct)
    {
        var view = await store.Store.GetStoryAsync(id, ct);
        if (view is null) return StoryEndpoints.NoStory(id);
        return TypedResults.Ok(Timeline(view.Story.Id, view.Articles));
    }

    internal static StoryPlaces Places(string storyId, IReadOnlyList<ArticleRecord> articles)
    {
        var byKey = new Dictionary<string, (GazetteerEntry Entry, List<Attribution> Mentions)>(StringComparer.Ordinal);
        var unresolved = new List<Attribution>();
        foreach (var article in articles)
        {
            var doc = article.Document;
            if (!doc.Has(Layers.Clean) || !doc.TryGet(PlaceLayers.Places, out var places)) continue;
            foreach (var p in places)
            {
                if (Attribute(article, p.Span) is not { } at) continue;
                if (p.Status != PlaceStatus.Resolved || p.Entry is null || !double.IsFinite(p.Entry.Latitude) || !double.IsFinite(p.Entry.Longitude))
                {
                    unresolved.Add(at);
                    continue;
                }
                if (!byKey.TryGetValue(p.Entry.Id, out var found)) byKey[p.Entry.Id] = found = (p.Entry, []);
                found.Mentions.Add(at);
            }
        }
        var result = byKey
            .Select(kv => new StoryPlace(kv.Key, kv.Value.Entry.Name, kv.Value.Entry.Latitude, kv.Value.Entry.Longitude,
                string.IsNullOrEmpty(kv.Value.Entry.CountryCode) ? null : kv.Value.Entry.CountryCode, kv.Value.Entry.AdminPath,
                [.. kv.Value.Mentions.Select(m => m.Outlet).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                kv.Value.Mentions))
            .OrderByDescending(p => p.Mentions.Count).ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
        return new StoryPlaces(storyId, result, unresolved);
    }

    internal static StoryTimeline Timeline(string storyId, IReadOnlyList<ArticleRecord> articles)
    {
        var entries = new List<(TimelineEntry Entry, int Article, int Offset)>();
        for (var i = 0; i < articles.Count; i++)
        {
            var article = articles[i];
            var doc = article.Document;
            if (!doc.Has(Layers.Clean)) continue;
            var sentences = doc.TryGet(TokenLayers.Sentences, out var s) ? s : [];
            if (doc.TryGet(TimeLayers.Timexes, out var timexes))
            {
                foreach (var t in timexes)
                {
                    if (t.Type is not (TimexType.Date or TimexType.Time) || !IsCalendarValue(t.Value)) continue;
                    if (Attribute(article, t.Span) is not { } at) continue;
                    entries.Add((new TimelineEntry(t.Value, "date", at.Text, ArticleEndpoints.Camel(t.Role.ToString()), Context(doc.Text, sentences, t.Span), at), i, t.Span.Start));
                }
            }
            if (doc.TryGet(EventLayers.Events, out var events))
            {
                foreach (var e in events)
                {
                    var date = e.Dates.Happened ?? e.Dates.ClaimedOrPlanned;
                    if (date is null || !IsCalendarValue(date.Value)) continue;
                    if (Attribute(article, e.Trigger) is not { } at) continue;
                    var label = e.PloverType + (e.PloverMode is null ? "" : " (" + e.PloverMode + ")") + ": " + e.Predicate;
                    var context = InText(doc.Text, e.Sentence) && e.Sentence.Contains(e.Trigger) ? Window(doc.Text, e.Sentence, e.Trigger) : Context(doc.Text, sentences, e.Trigger);
                    entries.Add((new TimelineEntry(date.Value, "event", label, ArticleEndpoints.Camel(e.Modality.ToString()), context, at), i, e.Trigger.Start));
                }
            }
        }
        var ordered = entries
            .OrderBy(e => e.Entry.Value, StringComparer.Ordinal)
            .ThenBy(e => e.Article)
            .ThenBy(e => e.Offset)
            .ThenBy(e => e.Entry.Kind, StringComparer.Ordinal)
            .Select(e => e.Entry)
            .ToList();
        return new StoryTimeline(storyId, ordered);
    }

    /// <summary>A value that names a point or period on the calendar ("2025", "2025-03-12T10:00", "2025-W11"), not PAST_REF or a duration.</summary>
    internal static bool IsCalendarValue(string value) =>
        value.Length >= 4 && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[1]) && char.IsAsciiDigit(value[2]) && char.IsAsciiDigit(value[3]);

    private static Attribution? Attribute(ArticleRecord article, TextSpan span)
    {
        var text = article.Document.Text;
        if (!InText(text, span)) return null;
        return new Attribution(article.Id, article.Outlet, article.Title, article.DuplicateOf is not null, span.Start, span.End, span.Of(text));
    }

    private static bool InText(string text, TextSpan span) => span.Start >= 0 && span.End <= text.Length && span.Start <= span.End;

    /// <summary>The sentence holding <paramref name="span"/> (or the text around it when no sentence does), at most <see cref="MaxContext"/> characters and always including the span's words.</summary>
    private static string Context(string text, IReadOnlyList<TextSpan> sentences, TextSpan span)
    {
        foreach (var s in sentences)
        {
            if (s.Start <= span.Start && span.End <= s.End && InText(text, s)) return Window(text, s, span);
        }
        return Window(text, new TextSpan(0, text.Length), span);
    }

    /// <summary>The part of <paramref name="within"/> around <paramref name="span"/>, trimmed, "…" marking cuts.</summary>
    private static string Window(string text, TextSpan within, TextSpan span)
    {
        var start = within.Start;
        var end = within.End;
        if (end - start > MaxContext)
        {
            // Centre the window on the span, kept inside the container.
            var room = Math.Max(0, MaxContext - span.Length);
            start = Math.Max(within.Start, span.Start - (room / 2));
            end = Math.Min(within.End, Math.Max(span.End, start + MaxContext));
            start = Math.Max(within.Start, Math.Min(start, end - MaxContext));
        }
        var t = text[start..end].Trim();
        if (start > within.Start) t = "…" + t;
        if (end < within.End) t += "…";
        return t;
    }
}
