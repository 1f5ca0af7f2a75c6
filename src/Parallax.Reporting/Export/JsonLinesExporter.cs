using System.Text.Json;
using Parallax.Core.Articles;

namespace Parallax.Reporting.Export;

/// <summary>
/// Writes JSON Lines (docs/schema.md): a header line <c>{"type": "header", "schema": "parallax.export", "schemaVersion": 1}</c>,
/// then one <c>{"type": "story", …}</c> line per story, then one <c>{"type": "document", …}</c> line per document, then the
/// story view: one line per "event", "quote", "quantity", "claim", "framing", "edge" and "summary" item, each object
/// shaped as in the JSON export's arrays with "type" first. Every line ends with LF, the last one included.
/// </summary>
/// <remarks>Immutable and thread-safe; see <see cref="IStoryExporter"/> for stream handling.</remarks>
public sealed class JsonLinesExporter : StoryExporter
{
    /// <inheritdoc />
    public override ExportFormat Format => ExportFormat.JsonLines;

    /// <inheritdoc />
    public override string FileExtension => ".jsonl";

    /// <inheritdoc />
    public override string MediaType => "application/jsonl";

    /// <inheritdoc />
    protected override void WriteCore(List<StoryRecord> stories, List<ArticleRecord> docs, List<StoryView>? views, Stream output)
    {
        using var w = new Utf8JsonWriter(output, ExportJson.WriterOptions(indented: false));
        w.WriteStartObject();
        w.WriteString("type", "header");
        w.WriteString("schema", ExportJson.Schema);
        w.WriteNumber("schemaVersion", ExportJson.SchemaVersion);
        w.WriteEndObject();
        EndLine(w, output);
        foreach (var story in stories)
        {
            ExportJson.WriteStory(w, story, typed: true);
            EndLine(w, output);
        }
        foreach (var doc in docs)
        {
            ExportJson.WriteDocument(w, doc, typed: true);
            EndLine(w, output);
        }
        var units = StoryExport.Units(stories, docs, views);
        foreach (var (array, _) in StoryExport.Kinds)
            foreach (var unit in units) StoryExport.WriteItems(w, array, unit, typed: true, () => EndLine(w, output));
        output.Flush();
    }

    private static void EndLine(Utf8JsonWriter w, Stream output)
    {
        w.Flush();
        output.WriteByte((byte)'\n');
        // A writer holds one root value; reset it for the next line.
        w.Reset(output);
    }
}
