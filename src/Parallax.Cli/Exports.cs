using Parallax.Core.Articles;
using Parallax.Reporting.Export;

namespace Parallax.Cli;

/// <summary>Maps the CLI's --format names to the exporters.</summary>
internal static class Exports
{
    public static ExportFormat Parse(string name) => name switch
    {
        "json" => ExportFormat.Json,
        "jsonl" => ExportFormat.JsonLines,
        "csv" => ExportFormat.Csv,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Use json, jsonl or csv."),
    };

    public static void Write(string format, IEnumerable<StoryRecord> stories, IEnumerable<ArticleRecord> articles, Stream output) =>
        Exporters.For(Parse(format)).Write(stories, articles, output);
}
