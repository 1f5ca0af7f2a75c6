using System.Collections.Immutable;
using System.Text;
using Parallax.Cli.Commands;
using Parallax.Core.Articles;
using Parallax.Core.Watch;
using Parallax.Reporting;
using Parallax.Reporting.Annotations;

namespace Parallax.Cli;

/// <summary>Writes story reports with the default sections.</summary>
internal static class ReportFiles
{
    private static readonly StoryReportWriter Writer = new(EntityReporting.Register(ReportRegistry.CreateDefault()));

    /// <summary>Writes one report; the map draws <paramref name="zones"/> (the data directory's, see <see cref="Zones"/>) near the story's places.</summary>
    public static void Write(StoryView view, TextWriter writer, bool html, ImmutableArray<Zone> zones = default)
    {
        var w = zones.IsDefaultOrEmpty ? Writer : new StoryReportWriter(EntityReporting.Register(ReportRegistry.CreateDefault()), new ReportOptions { Zones = zones });
        if (html) w.WriteHtml(view, writer);
        else w.WriteMarkdown(view, writer);
    }

    /// <summary>Writes both files atomically: each is written beside its target and moved into place.</summary>
    public static async Task WriteAsync(StoryView view, string markdownPath, string htmlPath, ImmutableArray<Zone> zones, CancellationToken ct)
    {
        foreach (var (path, html) in new[] { (markdownPath, false), (htmlPath, true) })
        {
            ct.ThrowIfCancellationRequested();
            var temp = path + ".tmp";
            await using (var w = new StreamWriter(temp, false, new UTF8Encoding(false)))
                Write(view, w, html, zones);
            File.Move(temp, path, overwrite: true);
        }
    }

    /// <summary>
    /// The zones of the data directory's watch rules (<c>&lt;data-dir&gt;/rules</c>), for the report's map; none when the
    /// folder is missing. A broken rule file is reported on stderr as a warning and the map is drawn without zones.
    /// </summary>
    public static ImmutableArray<Zone> Zones(CliContext ctx)
    {
        try
        {
            return WatchRuleSet.LoadDirectory(AlertsCommand.RulesDirectory(ctx)).Zones;
        }
        catch (WatchRuleException ex)
        {
            ctx.Error.WriteLine($"parallax: warning: the report's map is drawn without watch zones: {ex.Message}");
            return [];
        }
    }
}
