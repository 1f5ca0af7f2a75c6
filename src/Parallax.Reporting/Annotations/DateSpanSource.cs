using System.Text;
using Parallax.Core.Articles;
using Parallax.Nlp.Time;
using Parallax.Reporting.Sections;

namespace Parallax.Reporting.Annotations;

/// <summary>
/// Highlights every temporal expression of the temporal stage (<see cref="TimeLayers.Timexes"/>) in the article view. The
/// tooltip gives the resolved TimeML value with its reading, the type, modifier and role, how the value was resolved,
/// the expression it was computed from when there is one, and the anchor (known, inferred with its confidence, or unknown).
/// </summary>
internal sealed class DateSpanSource : ISpanAnnotationSource
{
    public string Name => "dates";

    public string Stylesheet => """
        :root { --timex-line: #1f6feb; --timex-reported: #8250df; --timex-planned: #bf3989; --timex-planned-bg: #ffeff7; }
        @media (prefers-color-scheme: dark) {
          :root { --timex-line: #58a6ff; --timex-reported: #d2a8ff; --timex-planned: #ff80c8; --timex-planned-bg: #3d1d33; }
        }
        .timex { border-bottom: 2px solid var(--timex-line); cursor: help; }
        .timex.timex-reported { border-bottom-color: var(--timex-reported); }
        .timex.timex-planned { border-bottom: 2px dashed var(--timex-planned); background: var(--timex-planned-bg); }
        .timex.timex-unresolved { border-bottom-style: dotted; }
        """;

    public IEnumerable<SpanAnnotation> Annotate(ArticleRecord article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (!TimeLayers.TryGetTimexes(article.Document, out var timexes) || timexes.IsDefaultOrEmpty) yield break;
        var anchor = TimeLayers.TryGetAnchor(article.Document, out var a) ? a : null;
        var text = ArticleFacts.CleanText(article);
        var byId = timexes.GroupBy(t => t.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var t in timexes)
        {
            if (t.Span.IsEmpty) continue;
            var css = "timex timex-" + TimelineValues.RoleClass(t.Role);
            if (TimelineValues.Period(t.Value) is null) css += " timex-unresolved";
            yield return new SpanAnnotation(t.Span, css, Tooltip(t, anchor, byId, text));
        }
    }

    /// <summary>The tooltip: one fact per line (browsers show line breaks in a title).</summary>
    internal static string Tooltip(Timex t, TemporalAnchor? anchor, IReadOnlyDictionary<string, Timex> byId, string text)
    {
        var sb = new StringBuilder();
        sb.Append(t.Value);
        if (TimelineValues.Period(t.Value) is { } period)
        {
            sb.Append(" = ").Append(period.Label);
            if (period.TimeOfDay is { } tod) sb.Append(", ").Append(tod);
        }
        else if (t.Value.Contains('X', StringComparison.Ordinal)) sb.Append(" (unresolved parts are X)");
        sb.Append(" (").Append(TimelineValues.TypeLabel(t.Type)).Append(")\n");
        if (TimelineValues.ModifierLabel(t.Modifier) is { } mod) sb.Append("Modifier: ").Append(t.Modifier).Append(" (").Append(mod).Append(")\n");
        sb.Append("Role: ").Append(TimelineValues.RoleLabel(t.Role)).Append('\n');
        sb.Append("Resolved: ").Append(t.Resolution).Append(" (confidence ").Append(ReportText.Number(t.Confidence)).Append(")\n");
        if (t.AnchorTimexId is { } from && byId.TryGetValue(from, out var source))
        {
            int s = Math.Min(source.Span.Start, text.Length);
            var said = text[s..Math.Clamp(source.Span.End, s, text.Length)];
            sb.Append("Computed from: “").Append(ReportText.Shorten(said, 80)).Append("” = ").Append(source.Value).Append('\n');
        }
        sb.Append("Anchor: ").Append(anchor is null ? "not recorded" : TimelineValues.Anchor(anchor));
        return sb.ToString();
    }
}
