using Parallax.Core.Articles;

namespace Parallax.Reporting.Export;

/// <summary>The export formats. Their schemas are documented in docs/schema.md.</summary>
public enum ExportFormat
{
    /// <summary>One JSON object: schema header, stories, documents (<see cref="JsonExporter"/>).</summary>
    Json,

    /// <summary>JSON Lines: a header line, one line per story, one line per document (<see cref="JsonLinesExporter"/>).</summary>
    JsonLines,

    /// <summary>RFC 4180 CSV, one row per article (<see cref="CsvExporter"/>).</summary>
    Csv,
}

/// <summary>
/// Writes stories and their articles to a stream in one format. Output is UTF-8 without a byte-order mark,
/// deterministic (same input, same bytes), LF line ends except CSV (CRLF, as RFC 4180 asks).
/// </summary>
/// <remarks>
/// Implementations are immutable and thread-safe. They write to the stream and flush it, but neither close it
/// nor seek. Layer values that cannot be serialised throw <see cref="System.Text.Json.JsonException"/> or
/// <see cref="NotSupportedException"/> from <see cref="System.Text.Json.JsonSerializer"/>.
/// </remarks>
public interface IStoryExporter
{
    /// <summary>The format written.</summary>
    ExportFormat Format { get; }

    /// <summary>Usual file extension, with the dot (".json", ".jsonl", ".csv").</summary>
    string FileExtension { get; }

    /// <summary>IANA media type ("application/json", "application/jsonl", "text/csv").</summary>
    string MediaType { get; }

    /// <summary>
    /// Exports the stories and every article they hold. An article in two views is written once, where first seen;
    /// stories and documents keep the order given.
    /// </summary>
    void Write(IEnumerable<StoryView> stories, Stream output);

    /// <summary>
    /// Exports stories and articles given separately, so articles without a story can be included. Articles with the
    /// same id are written once, where first seen; order is kept.
    /// </summary>
    void Write(IEnumerable<StoryRecord> stories, IEnumerable<ArticleRecord> articles, Stream output);
}

/// <summary>Finds the exporter for a format.</summary>
public static class Exporters
{
    /// <summary>The exporter for <paramref name="format"/> with default settings; throws <see cref="ArgumentOutOfRangeException"/> for an unknown value.</summary>
    public static IStoryExporter For(ExportFormat format) => format switch
    {
        ExportFormat.Json => new JsonExporter(),
        ExportFormat.JsonLines => new JsonLinesExporter(),
        ExportFormat.Csv => new CsvExporter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown export format; use json, jsonl or csv."),
    };

    internal static (List<StoryRecord> Stories, List<ArticleRecord> Articles) Flatten(IEnumerable<StoryView> views)
    {
        ArgumentNullException.ThrowIfNull(views);
        var list = views.ToList();
        return (list.Select(v => v.Story).ToList(), Distinct(list.SelectMany(v => v.Articles)));
    }

    internal static List<ArticleRecord> Distinct(IEnumerable<ArticleRecord> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. articles.Where(a => seen.Add(a.Id))];
    }
}

/// <summary>
/// The two <see cref="IStoryExporter.Write(IEnumerable{StoryView}, Stream)"/> entry points over one writer: views are
/// flattened into their stories and distinct articles, separate lists are de-duplicated by article id, and both reach
/// <see cref="WriteCore"/> in the given order.
/// </summary>
public abstract class StoryExporter : IStoryExporter
{
    /// <inheritdoc />
    public abstract ExportFormat Format { get; }

    /// <inheritdoc />
    public abstract string FileExtension { get; }

    /// <inheritdoc />
    public abstract string MediaType { get; }

    /// <inheritdoc />
    public void Write(IEnumerable<StoryView> stories, Stream output)
    {
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(output);
        var views = stories.ToList();
        var (s, a) = Exporters.Flatten(views);
        WriteCore(s, a, views, output);
    }

    /// <inheritdoc />
    public void Write(IEnumerable<StoryRecord> stories, IEnumerable<ArticleRecord> articles, Stream output)
    {
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(output);
        WriteCore([.. stories], Exporters.Distinct(articles), null, output);
    }

    /// <summary>Writes the stories and their distinct articles; <paramref name="views"/> is null when the articles came
    /// without their stories' views (the story analysis parts are then computed from the articles).</summary>
    protected abstract void WriteCore(List<StoryRecord> stories, List<ArticleRecord> articles, List<StoryView>? views, Stream output);
}
