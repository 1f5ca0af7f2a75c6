using Parallax.Core.Analysis;

namespace Parallax.Reporting.Sections;

/// <summary>
/// What the outlets assert about the same thing, disagreements first: each claim slot with its verdict (contradiction,
/// discrepancy, agreement, unique), why, and every value with its outlet, article and sentence. Slots only one outlet
/// speaks to are folded away in HTML.
/// </summary>
internal sealed class ClaimsSection : IReportSection
{
    private const string Intro = "Claims the articles make about the same thing, aligned and compared. "
        + "Contradiction: some reports assert or report it, others deny or rule it out. Discrepancy: the numbers differ. "
        + "Agreement: two or more outlets give compatible values. Unique: one outlet only.";

    public string Id => "claims";

    public string Title => "Claims and disagreements";

    public int Order => 170;

    public string Stylesheet => string.Empty;

    public void RenderMarkdown(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        var claims = StoryAnalysisCache.Of(context).Claims;
        writer.Write(Intro + "\n\n");
        if (claims.IsEmpty)
        {
            writer.Write("No claims to compare (no events or quantities were found).\n");
            return;
        }
        writer.Write(ReportText.Markdown(Counts(claims)) + "\n\n");
        foreach (var c in claims)
        {
            writer.Write($"### {c.Id} · {Verdict(c.Verdict)} · {ReportText.Markdown(c.Label)}\n\n");
            writer.Write(ReportText.Markdown(c.Explanation) + ".\n\n");
            foreach (var v in c.Values)
                writer.Write($"- **{ReportText.MarkdownCell(Value(v))}** · {Cite.Markdown(context, v.Source)}{(v.Context.Length == 0 ? string.Empty : " · " + ReportText.MarkdownCell(v.Context))}\n");
            writer.Write('\n');
        }
    }

    public void RenderHtml(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        var claims = StoryAnalysisCache.Of(context).Claims;
        writer.Write($"<p>{ReportText.Html(Intro)}</p>\n");
        if (claims.IsEmpty)
        {
            writer.Write("<p class=\"muted\">No claims to compare (no events or quantities were found).</p>\n");
            return;
        }
        writer.Write($"<p class=\"muted\">{ReportText.Html(Counts(claims))}</p>\n");
        bool folded = false;
        foreach (var c in claims)
        {
            if (c.Verdict == ClaimVerdict.Unique && !folded)
            {
                folded = true;
                writer.Write($"<details class=\"story-more\"><summary>{ReportText.Html(StoryReportWriter.Plural(claims.Count(x => x.Verdict == ClaimVerdict.Unique), "claim"))} made by one outlet only</summary>\n");
            }
            var verdict = c.Verdict.ToString().ToLowerInvariant();
            writer.Write($"<div class=\"story-claim claim-{verdict}\" id=\"claim-{ReportText.Html(c.Id)}\" data-verdict=\"{verdict}\">\n");
            writer.Write($"<h3><span class=\"verdict verdict-{verdict}\">{ReportText.Html(Verdict(c.Verdict))}</span> {ReportText.Html(c.Id)} · {ReportText.Html(c.Label)}</h3>\n");
            writer.Write($"<p class=\"muted\">{ReportText.Html(c.Explanation)}.</p>\n<ul class=\"story-list\">\n");
            foreach (var v in c.Values)
            {
                writer.Write($"<li><strong>{ReportText.Html(Value(v))}</strong> · {Cite.Html(context, v.Source)}");
                if (v.Context.Length > 0) writer.Write($" <span class=\"muted\">· {ReportText.Html(v.Context)}</span>");
                writer.Write("</li>\n");
            }
            writer.Write("</ul>\n</div>\n");
        }
        if (folded) writer.Write("</details>\n");
    }

    private static string Counts(System.Collections.Immutable.ImmutableArray<ClaimSlot> claims) =>
        string.Join(", ", Enum.GetValues<ClaimVerdict>().Select(v => (v, n: claims.Count(c => c.Verdict == v))).Where(x => x.n > 0)
            .Select(x => StoryReportWriter.Plural(x.n, Verdict(x.v).ToLowerInvariant())));

    internal static string Verdict(ClaimVerdict v) => v switch
    {
        ClaimVerdict.Contradiction => "Contradiction",
        ClaimVerdict.Discrepancy => "Discrepancy",
        ClaimVerdict.Agreement => "Agreement",
        _ => "Unique",
    };

    /// <summary>"24.1 km (“15 miles”)", "reported: “withdraw” — by SOHR".</summary>
    internal static string Value(ClaimValue v)
    {
        if (v.Polarity is { } p)
        {
            var s = p.ToString().ToLowerInvariant() + ": “" + v.Text + "”";
            return v.AttributedTo is null ? s : s + " — by " + v.AttributedTo;
        }
        var number = Number(v);
        var shown = string.Equals(number, v.Text, StringComparison.Ordinal) ? number : number + " (“" + v.Text + "”)";
        return v.AttributedTo is null ? shown : shown + " — by " + v.AttributedTo;
    }

    private static string Number(ClaimValue v)
    {
        string N(double x) => ReportText.Number(x, 1);
        var unit = v.Unit is null ? string.Empty : " " + v.Unit;
        return (v.Low, v.High) switch
        {
            ({ } l, null) => "at least " + N(l) + unit,
            (null, { } h) => "at most " + N(h) + unit,
            ({ } l, { } h) when Math.Abs(l - h) < 1e-9 => N(l) + unit,
            ({ } l, { } h) => N(l) + "–" + N(h) + unit,
            _ => v.Text,
        };
    }
}
