namespace Parallax.Reporting;

/// <summary>
/// One section of a story report. The writer owns the frame: it writes the section's heading (Markdown
/// <c>## Title</c>, HTML <c>&lt;section id="Id"&gt;&lt;h2&gt;</c>) and the table of contents, then asks the section for its body.
/// Later stages (actors, timeline, map, claims) add their own sections through <see cref="ReportRegistry"/>.
/// </summary>
/// <remarks>
/// Implementations must be stateless or immutable: one instance renders many reports, possibly from several threads.
/// Every piece of text taken from an article must be encoded with <see cref="ReportText.Html"/> or
/// <see cref="ReportText.Markdown"/>. Output must be deterministic: the same view gives the same bytes, so write
/// '\n' explicitly rather than <see cref="TextWriter.WriteLine()"/>, and never read the clock.
/// </remarks>
public interface IReportSection
{
    /// <summary>Stable id: the HTML anchor and the registry key. Lower-case letters, digits and '-'.</summary>
    string Id { get; }

    /// <summary>Heading shown in the report and the table of contents (plain text, encoded by the writer).</summary>
    string Title { get; }

    /// <summary>Position in the report: sections are written in ascending order, ties broken by <see cref="Id"/> (ordinal).</summary>
    int Order { get; }

    /// <summary>
    /// Extra CSS rules this section needs in the HTML report, or the empty string. The rules are inlined into the
    /// report's <c>&lt;style&gt;</c>; they must not contain '&lt;', <c>url(</c> or <c>@import</c> (the report is self-contained),
    /// or the writer throws <see cref="ArgumentException"/> when the registry is built into a writer.
    /// </summary>
    string Stylesheet { get; }

    /// <summary>Writes the section body as Markdown (after the writer's heading). May write nothing.</summary>
    void RenderMarkdown(ReportContext context, TextWriter writer);

    /// <summary>Writes the section body as an HTML fragment (inside the writer's <c>&lt;section&gt;</c>).</summary>
    void RenderHtml(ReportContext context, TextWriter writer);
}
