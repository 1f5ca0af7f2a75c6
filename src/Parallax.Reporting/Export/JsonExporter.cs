using System.Text.Json;
using Parallax.Core.Articles;

namespace Parallax.Reporting.Export;

/// <summary>
/// Writes one JSON object <c>{"schema": "parallax.export", "schemaVersion": 1, "stories": [...], "documents": [...],
/// "events": [...], "quotes": [...], "quantities": [...], "claims": [...], "framing": [...], "network": [...], "summary": [...]}</c>
/// (docs/schema.md); every event report, quote, quantity, claim value and framing use names its article and sentence span. Keys are in a fixed order, dates are ISO 8601 UTC, offsets are UTF-16 code units.
/// </summary>
/// <remarks>Immutable and thread-safe; see <see cref="IStoryExporter"/> for stream handling.</remarks>
/// <param name="indented">Indent with two spaces (the default) or write compactly.</param>
public sealed class JsonExporter(bool indented = true) : StoryExporter
{
    /// <inheritdoc />
    public override ExportFormat Format => ExportFormat.Json;

    /// <inheritdoc />
    public override string FileExtension => ".json";

    /// <inheritdoc />
    public override string MediaType => "application/json";

    /// <inheritdoc />
    protected override void WriteCore(List<StoryRecord> stories, List<ArticleRecord> docs, List<StoryView>? views, Stream output)
    {
        using var w = new Utf8JsonWriter(output, ExportJson.WriterOptions(indented));
        w.WriteStartObject();
        w.WriteString("schema", ExportJson.Schema);
        w.WriteNumber("schemaVersion", ExportJson.SchemaVersion);
        w.WriteStartArray("stories");
        foreach (var story in stories) ExportJson.WriteStory(w, story, typed: false);
        w.WriteEndArray();
        w.WriteStartArray("documents");
        foreach (var doc in docs) ExportJson.WriteDocument(w, doc, typed: false);
        w.WriteEndArray();
        var units = StoryExport.Units(stories, docs, views);
        foreach (var (array, _) in StoryExport.Kinds)
        {
            w.WriteStartArray(array);
            foreach (var unit in units) StoryExport.WriteItems(w, array, unit, typed: false);
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
        output.Flush();
    }
}
