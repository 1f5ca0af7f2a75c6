using System.Globalization;
using Parallax.Core.Analysis;
using Parallax.Nlp.Quantities;
using Parallax.Nlp.Quotes;

namespace Parallax.Reporting.Export;

/// <summary>The tables <see cref="CsvExporter"/> can write (docs/schema.md lists their columns).</summary>
public enum CsvTable
{
    /// <summary>One row per article (the default).</summary>
    Articles,
    /// <summary>One row per report of a merged story event.</summary>
    Events,
    /// <summary>One row per quote.</summary>
    Quotes,
    /// <summary>One row per quantity.</summary>
    Quantities,
    /// <summary>One row per value of a claim slot.</summary>
    Claims,
    /// <summary>One row per framing choice (label, loaded verb or hedge) of an article.</summary>
    Framing,
}

/// <summary>Writes the story view's CSV tables.</summary>
internal static class StoryCsv
{
    public static IReadOnlyList<string> ColumnsOf(CsvTable table) => table switch
    {
        CsvTable.Events => ["story_id", "event_id", "plover_type", "plover_mode", "cameo_code", "actor", "target", "place", "happened",
            "article_id", "outlet", "sentence_start", "sentence_end", "mention_id", "predicate", "modality", "attributed_to", "sentence"],
        CsvTable.Quotes => ["story_id", "article_id", "outlet", "quote_id", "kind", "speaker", "speaker_kind", "speaker_actor_id", "content", "sentence_start", "sentence_end"],
        CsvTable.Quantities => ["story_id", "article_id", "outlet", "quantity_id", "text", "low", "high", "bound", "unit", "measured", "reference", "holder", "sentence_start", "sentence_end"],
        CsvTable.Claims => ["story_id", "claim_id", "kind", "label", "verdict", "article_id", "outlet", "sentence_start", "sentence_end", "value", "low", "high", "unit", "polarity", "attributed_to", "context", "sentence"],
        CsvTable.Framing => ["story_id", "article_id", "outlet", "words", "hedges_per_1000_words", "unnamed_share", "category", "group", "term", "connotation", "count", "sentence_start", "sentence_end"],
        _ => CsvExporter.Columns,
    };

    public static void Write(CsvTable table, List<StoryExport.Unit> units, TextWriter writer, Action<TextWriter, IReadOnlyList<string>> row)
    {
        row(writer, ColumnsOf(table));
        foreach (var unit in units)
            foreach (var r in Rows(table, unit)) row(writer, r);
    }

    private static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<string[]> Rows(CsvTable table, StoryExport.Unit unit)
    {
        var story = unit.StoryId ?? string.Empty;
        switch (table)
        {
            case CsvTable.Events:
                foreach (var e in unit.Analysis.Events)
                    foreach (var r in e.Reports)
                        yield return [story, e.Id, e.PloverType, e.PloverMode ?? "", e.CameoCode ?? "", e.Actor?.Name ?? "", e.Target?.Name ?? "", e.Place ?? "", e.Happened ?? "",
                            r.Source.ArticleId, r.Source.Outlet, I(r.Source.Sentence.Start), I(r.Source.Sentence.End), r.EventId, r.Predicate,
                            r.Modality.ToString().ToLowerInvariant(), r.AttributedTo?.Text ?? "", r.Source.Text];
                break;
            case CsvTable.Quotes:
                foreach (var a in unit.Articles.Where(a => a.DuplicateOf is null))
                {
                    if (!a.Document.TryGet(QuoteLayers.Quotes, out var quotes)) continue;
                    var text = ArticleFacts.CleanText(a);
                    foreach (var q in quotes)
                    {
                        var sentence = q.Sentences.IsDefaultOrEmpty ? q.Content : new Parallax.Text.TextSpan(q.Sentences.Min(s => s.Start), q.Sentences.Max(s => s.End));
                        yield return [story, a.Id, a.Outlet ?? "", q.Id, q.Kind.ToString().ToLowerInvariant(), q.Speaker?.Text ?? "",
                            q.Speaker?.Kind.ToString().ToLowerInvariant() ?? "", q.Speaker?.ActorId ?? "", Clip(text, q.Content), I(sentence.Start), I(sentence.End)];
                    }
                }
                break;
            case CsvTable.Quantities:
                foreach (var a in unit.Articles.Where(a => a.DuplicateOf is null))
                {
                    if (!a.Document.TryGet(QuantityLayers.Quantities, out var quantities)) continue;
                    var text = ArticleFacts.CleanText(a);
                    foreach (var q in quantities)
                        yield return [story, a.Id, a.Outlet ?? "", q.Id, Clip(text, q.Span), N(q.Low), N(q.High), q.Bound.ToString().ToLowerInvariant(), q.Unit,
                            q.Measured ?? "", q.Reference ?? "", q.Holder ?? "", I(q.Sentence.Start), I(q.Sentence.End)];
                }
                break;
            case CsvTable.Claims:
                foreach (var c in unit.Analysis.Claims)
                    foreach (var v in c.Values)
                        yield return [story, c.Id, c.Kind.ToString().ToLowerInvariant(), c.Label, c.Verdict.ToString().ToLowerInvariant(), v.Source.ArticleId, v.Source.Outlet,
                            I(v.Source.Sentence.Start), I(v.Source.Sentence.End), v.Text, v.Low is { } l ? N(l) : "", v.High is { } h ? N(h) : "", v.Unit ?? "",
                            v.Polarity?.ToString().ToLowerInvariant() ?? "", v.AttributedTo ?? "", v.Context, v.Source.Text];
                break;
            case CsvTable.Framing:
                foreach (var f in unit.Analysis.Framing)
                {
                    foreach (var (category, uses) in new[] { ("label", f.Labels), ("verb", f.Verbs), ("hedge", f.HedgeUses) })
                        foreach (var u in uses)
                            foreach (var s in u.Sentences)
                                yield return [story, f.ArticleId, f.Outlet, I(f.Words), N(f.HedgesPer1000Words), N(f.UnnamedShare), category, u.Group, u.Term, u.Connotation, I(u.Count),
                                    I(s.Sentence.Start), I(s.Sentence.End)];
                }
                break;
        }
    }

    private static string Clip(string text, Parallax.Text.TextSpan span)
    {
        int start = Math.Clamp(span.Start, 0, text.Length), end = Math.Clamp(span.End, start, text.Length);
        return text[start..end];
    }
}
