using System.Globalization;
using Parallax.Core.Analysis;
using Parallax.Nlp.Events;
using Parallax.Nlp.Quotes;

namespace Parallax.Reporting.Sections;

/// <summary>
/// The story's events in time order: each real-world event once (mentions of it in several articles merged), with
/// every supporting report — article, outlet, the words used, modality, who it is attributed to and the sentence.
/// </summary>
internal sealed class EventsSection : IReportSection
{
    private const string Intro = "What happened, according to whom: each event is listed once with every report of it. "
        + "Modality says how an article presents it (asserted in its own voice, reported from a source, alleged, denied, planned, hypothetical or negated).";

    public string Id => "events";

    public string Title => "Events and their reports";

    public int Order => 160;

    public string Stylesheet => Cite.Stylesheet;

    public void RenderMarkdown(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        var events = StoryAnalysisCache.Of(context).Events;
        writer.Write(Intro + "\n\n");
        if (events.IsEmpty)
        {
            writer.Write("No events were found (or the event stage has not run on these articles).\n");
            return;
        }
        foreach (var e in events)
        {
            writer.Write($"### {e.Id} · {ReportText.Markdown(e.Describe())}\n\n");
            writer.Write(ReportText.Markdown(Support(e)) + "\n\n");
            foreach (var r in e.Reports)
                writer.Write($"- {Cite.Markdown(context, r.Source, withText: false)} · *{ReportText.MarkdownCell(r.Predicate)}* · {ReportText.MarkdownCell(Modality(r))}: “{ReportText.MarkdownCell(ReportText.Shorten(r.Source.Text, context.Options.ExcerptLength))}”\n");
            writer.Write('\n');
        }
    }

    public void RenderHtml(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        var events = StoryAnalysisCache.Of(context).Events;
        writer.Write($"<p>{ReportText.Html(Intro)}</p>\n");
        if (events.IsEmpty)
        {
            writer.Write("<p class=\"muted\">No events were found (or the event stage has not run on these articles).</p>\n");
            return;
        }
        foreach (var e in events)
        {
            writer.Write($"<div class=\"story-event\" id=\"{ReportText.Html(e.Id)}\" data-plover=\"{ReportText.Html(e.PloverType)}\">\n");
            writer.Write($"<h3>{ReportText.Html(e.Id)} · {ReportText.Html(e.Describe())}</h3>\n");
            writer.Write($"<p class=\"muted\">{ReportText.Html(Support(e))}</p>\n<ul class=\"story-list\">\n");
            foreach (var r in e.Reports)
            {
                var modality = r.Modality.ToString().ToLowerInvariant();
                writer.Write($"<li>{Cite.Html(context, r.Source, withText: false)} · <em>{ReportText.Html(r.Predicate)}</em> "
                    + $"<span class=\"modality modality-{modality}\">{ReportText.Html(Modality(r))}</span> "
                    + $"<q>{ReportText.Html(ReportText.Shorten(r.Source.Text, context.Options.ExcerptLength))}</q></li>\n");
            }
            writer.Write("</ul>\n</div>\n");
        }
    }

    private static string Support(StoryEvent e) =>
        $"{StoryReportWriter.Plural(e.Reports.Length, "report")} in {StoryReportWriter.Plural(e.ArticleIds.Length, "article")} from {StoryReportWriter.Plural(e.Outlets.Length, "outlet")}"
        + (e.CameoCode is null ? string.Empty : " · CAMEO " + e.CameoCode);

    internal static string Modality(EventReport r)
    {
        var word = r.Modality.ToString().ToLowerInvariant();
        if (r.AttributedTo is { } s) word += ", attributed to " + SpeakerLabel(s);
        if (r.Happened is not null) word += ", happened " + r.Happened;
        return word + ", confidence " + r.Confidence.ToString("0.##", CultureInfo.InvariantCulture);
    }

    internal static string SpeakerLabel(Speaker s) => s.Kind switch
    {
        SourceKind.Named => s.Text,
        SourceKind.Anonymous => s.Text + " (anonymous)",
        SourceKind.Collective => s.Text + " (collective source)",
        _ => s.Text + " (the outlet itself)",
    };
}
