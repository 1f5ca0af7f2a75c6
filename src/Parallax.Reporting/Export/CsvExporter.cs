using System.Globalization;
using System.Text;
using Parallax.Core.Articles;
using Parallax.Nlp.Documents;

namespace Parallax.Reporting.Export;

/// <summary>
/// Writes RFC 4180 CSV in UTF-8 (no byte-order mark), CRLF line ends, a header row, then one row per article:
/// id, story_id, outlet, title, author, published, language, url, words, duplicate_of, source_id, removed_blocks,
/// published_source (docs/schema.md). Fields holding a comma, a double quote, CR or LF are quoted, with quotes doubled. Unknown
/// values are empty fields. Stories themselves are not written; each row names its story.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Values are written as found: a cell starting with '=', '+', '-' or '@' from a hostile page
/// may be taken as a formula by a spreadsheet; treat the file as data, not as a workbook.
/// </remarks>
/// <param name="table">Which table to write: the articles (the default), or one of the story view's tables, whose rows
/// each carry the story id, article id and sentence span (sentence_start, sentence_end: UTF-16 offsets into the clean text).</param>
public sealed class CsvExporter(CsvTable table = CsvTable.Articles) : StoryExporter
{
    /// <summary>The column names, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["id", "story_id", "outlet", "title", "author", "published", "language", "url", "words", "duplicate_of", "source_id", "removed_blocks", "published_source"];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <inheritdoc />
    public override ExportFormat Format => ExportFormat.Csv;

    /// <inheritdoc />
    public override string FileExtension => ".csv";

    /// <inheritdoc />
    public override string MediaType => "text/csv";

    /// <inheritdoc />
    protected override void WriteCore(List<StoryRecord> stories, List<ArticleRecord> articles, List<StoryView>? views, Stream output)
    {
        using var writer = new StreamWriter(output, Utf8, bufferSize: 16 * 1024, leaveOpen: true);
        if (table == CsvTable.Articles) Write(articles, writer);
        else StoryCsv.Write(table, StoryExport.Units(stories, articles, views), writer, WriteRow);
        writer.Flush();
    }

    /// <summary>Writes the header and one row per distinct article to a text writer; does not flush or close it.</summary>
    public void Write(IEnumerable<ArticleRecord> articles, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteRow(writer, Columns);
        foreach (var a in Exporters.Distinct(articles)) WriteRow(writer, Row(a));
    }

    private static string[] Row(ArticleRecord a)
    {
        var metadata = a.Document.Metadata;
        var clean = ArticleFacts.Clean(a);
        return
        [
            a.Id,
            a.StoryId ?? string.Empty,
            metadata.Value(MetadataField.Outlet) ?? string.Empty,
            metadata.Value(MetadataField.Title) ?? string.Empty,
            metadata.Value(MetadataField.Author) ?? string.Empty,
            metadata.Value(MetadataField.Published) ?? string.Empty,
            metadata.Value(MetadataField.Language) ?? string.Empty,
            metadata.Value(MetadataField.Url) ?? string.Empty,
            ArticleFacts.Words(clean?.Text ?? string.Empty).ToString(CultureInfo.InvariantCulture),
            a.DuplicateOf ?? string.Empty,
            a.Document.Source.SourceId,
            (clean?.Removed.Length ?? 0).ToString(CultureInfo.InvariantCulture),
            metadata[MetadataField.Published] is { } published ? SourceName(published.Source) : string.Empty,
        ];
    }

    /// <summary>The metadata source as the JSON export writes it (camelCase: "jsonLd", "inferred").</summary>
    private static string SourceName(MetadataSource source)
    {
        var name = source.ToString();
        return string.Create(name.Length, name, static (span, n) =>
        {
            n.AsSpan().CopyTo(span);
            span[0] = char.ToLowerInvariant(span[0]);
        });
    }

    internal static void WriteRow(TextWriter writer, IReadOnlyList<string> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0) writer.Write(',');
            writer.Write(Quote(fields[i]));
        }
        writer.Write("\r\n");
    }

    /// <summary>Quotes a field when it holds a comma, a double quote, CR or LF, doubling the quotes inside.</summary>
    internal static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
