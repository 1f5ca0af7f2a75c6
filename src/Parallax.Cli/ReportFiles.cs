using System.Text;
using Parallax.Core.Articles;
using Parallax.Reporting;
using Parallax.Reporting.Annotations;

namespace Parallax.Cli;

/// <summary>Writes story reports with the default sections.</summary>
internal static class ReportFiles
{
    private static readonly StoryReportWriter Writer = new(EntityReporting.Register(ReportRegistry.CreateDefault()));

    public static void Write(StoryView view, TextWriter writer, bool html)
    {
        if (html) Writer.WriteHtml(view, writer);
        else Writer.WriteMarkdown(view, writer);
    }

    /// <summary>Writes both files atomically: each is written beside its target and moved into place.</summary>
    public static async Task WriteAsync(StoryView view, string markdownPath, string htmlPath, CancellationToken ct)
    {
        foreach (var (path, html) in new[] { (markdownPath, false), (htmlPath, true) })
        {
            ct.ThrowIfCancellationRequested();
            var temp = path + ".tmp";
            await using (var w = new StreamWriter(temp, false, new UTF8Encoding(false)))
                Write(view, w, html);
            File.Move(temp, path, overwrite: true);
        }
    }
}
