using System.Text;
using System.Text.Json;
using Parallax.Core.Articles;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Serialization;
using Parallax.Reporting.Export;

namespace Parallax.Reporting.Tests.Export;

public sealed class ExportTests
{
    private static string Export(IStoryExporter exporter, StoryView view)
    {
        using var stream = new MemoryStream();
        exporter.Write([view], stream);
        var bytes = stream.ToArray();
        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "exports carry no byte-order mark");
        return Encoding.UTF8.GetString(bytes);
    }

    [Fact]
    public void JsonExporter_HarbourStory_MatchesGolden()
    {
        // Given the hand-built story
        // When it is exported as JSON
        var json = Export(new JsonExporter(), Stories.Harbour());

        // Then it equals the reviewed golden file
        Golden.Verify("harbour.json", json);
    }

    [Fact]
    public void JsonLinesExporter_HarbourStory_MatchesGolden() =>
        Golden.Verify("harbour.jsonl", Export(new JsonLinesExporter(), Stories.Harbour()));

    [Fact]
    public void CsvExporter_HarbourStory_MatchesGolden() =>
        Golden.Verify("harbour.csv", Export(new CsvExporter(), Stories.Harbour()));

    [Fact]
    public void JsonExporter_HarbourStory_HasSchemaHeaderAndKeyOrder()
    {
        // Given the story exported as JSON
        using var json = JsonDocument.Parse(Export(new JsonExporter(), Stories.Harbour()));
        var root = json.RootElement;

        // Then the header, the story and the document keys come in the documented order
        Assert.Equal(["schema", "schemaVersion", "stories", "documents", "events", "quotes", "quantities", "claims", "framing", "network", "summary"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("parallax.export", root.GetProperty("schema").GetString());
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(["id", "label", "keyTerms", "articleIds", "createdAt", "updatedAt"], root.GetProperty("stories")[0].EnumerateObject().Select(p => p.Name));
        var doc = root.GetProperty("documents")[0];
        Assert.Equal(
            ["id", "sourceId", "kind", "encoding", "storyId", "duplicateOf", "duplicateSimilarity", "ingestedAt", "metadata",
             "raw", "text", "paragraphs", "offsetMap", "removed", "layers"],
            doc.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["language", "language-spans", "text-metadata"], doc.GetProperty("layers").EnumerateObject().Select(p => p.Name));
        Assert.Equal("html", doc.GetProperty("kind").GetString());
        Assert.Equal("2024-05-03T08:00:00Z", doc.GetProperty("ingestedAt").GetString());
        var title = doc.GetProperty("metadata").GetProperty("chosen").GetProperty("title");
        Assert.Equal(["value", "source", "confidence", "evidence", "rawSpan"], title.EnumerateObject().Select(p => p.Name));
        Assert.Equal("htmlMeta", title.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("duplicateSimilarity").ValueKind);
        Assert.Equal(0.97, root.GetProperty("documents")[2].GetProperty("duplicateSimilarity").GetDouble());
    }

    [Fact]
    public void JsonExporter_Layers_RoundTripThroughDocumentJson()
    {
        // Given the story exported as JSON
        var view = Stories.Harbour();
        using var json = JsonDocument.Parse(Export(new JsonExporter(), view));

        foreach (var (element, original) in json.RootElement.GetProperty("documents").EnumerateArray().Zip(view.Articles))
        {
            // When each document is rebuilt from the export: source fields, the clean layer from its four top-level
            // fields, every other layer from "layers", all read with DocumentJson
            var source = new DocumentSource(
                element.GetProperty("sourceId").GetString()!,
                JsonSerializer.Deserialize<ContentKind>(element.GetProperty("kind").GetRawText(), DocumentJson.Options),
                element.GetProperty("raw").GetString()!,
                original.Document.Source.Metadata,
                element.GetProperty("encoding").GetString()!);
            var clean = new Dictionary<string, JsonElement>
            {
                ["text"] = element.GetProperty("text"),
                ["paragraphs"] = element.GetProperty("paragraphs"),
                ["map"] = element.GetProperty("offsetMap"),
                ["removed"] = element.GetProperty("removed"),
            };
            var layers = new List<KeyValuePair<string, string>> { new("clean", JsonSerializer.Serialize(clean)) };
            layers.AddRange(element.GetProperty("layers").EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetRawText())));
            var skipped = new List<string>();
            var back = DocumentJson.Rehydrate(source, layers, skipped);

            // Then the id matches and every layer serialises exactly as the original's does
            Assert.Empty(skipped);
            Assert.Equal(element.GetProperty("id").GetString(), back.Id);
            Assert.Equal(original.Document.LayerKeys.Select(k => k.Name).Order(StringComparer.Ordinal), back.LayerKeys.Select(k => k.Name).Order(StringComparer.Ordinal));
            foreach (var key in original.Document.LayerKeys)
                Assert.Equal(DocumentJson.SerializeLayer(key, original.Document.GetUntyped(key)!), DocumentJson.SerializeLayer(key, back.GetUntyped(key)!));
        }
    }

    private static readonly AnnotationKey<string> FutureLayer = new("test-future-layer");

    [Fact]
    public void JsonExporter_LayerAddedByLaterStage_AppearsUnderLayersByName()
    {
        // Given an article carrying a layer this project does not know about
        var article = new ArticleBuilder("x.txt").Paragraph("Text.").Layer(FutureLayer, "value").Build();
        var view = new StoryView(new StoryRecord("s-1", "L", [article.Id], [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), [article]);

        // When exported
        using var json = JsonDocument.Parse(Export(new JsonExporter(), view));

        // Then it is written under its layer name
        Assert.Equal("value", json.RootElement.GetProperty("documents")[0].GetProperty("layers").GetProperty("test-future-layer").GetString());
    }

    [Fact]
    public void JsonLinesExporter_HarbourStory_HeaderThenStoriesThenDocuments()
    {
        // Given the story exported as JSON Lines
        var text = Export(new JsonLinesExporter(), Stories.Harbour());

        // Then every line is one JSON object, "type" first, in header/story/document/story-view order, LF-terminated
        // (the harbour articles have no event, quote or quantity layers, so the story view is one framing line per original)
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var lines = text[..^1].Split('\n');
        var types = lines.Select(l =>
        {
            using var d = JsonDocument.Parse(l);
            var first = d.RootElement.EnumerateObject().First();
            Assert.Equal("type", first.Name);
            return first.Value.GetString();
        }).ToList();
        Assert.Equal(["header", "story", "document", "document", "document", "framing", "framing"], types);
    }

    [Fact]
    public void JsonLinesExporter_DocumentLine_HasTheSameShapeAsTheJsonDocument()
    {
        // Given both exports of the same story
        var view = Stories.Harbour();
        using var json = JsonDocument.Parse(Export(new JsonExporter(indented: false), view));
        var lines = Export(new JsonLinesExporter(), view).Split('\n');

        // Then a document line is the JSON export's document with "type" added in front
        using var line = JsonDocument.Parse(lines[2]);
        var withoutType = line.RootElement.EnumerateObject().Where(p => p.Name != "type").ToDictionary(p => p.Name, p => p.Value.GetRawText());
        var fromJson = json.RootElement.GetProperty("documents")[0].EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());
        Assert.Equal(fromJson, withoutType);
    }

    [Fact]
    public void Write_ArticleInTwoViews_IsWrittenOnce()
    {
        // Given the same article in two story views
        var view = Stories.Harbour();
        var again = view with { Story = view.Story with { Id = "s-other" } };

        // When exported
        using var json = JsonDocument.Parse(Export2(new JsonExporter(), [view, again]));

        // Then both stories and three documents are written
        Assert.Equal(2, json.RootElement.GetProperty("stories").GetArrayLength());
        Assert.Equal(3, json.RootElement.GetProperty("documents").GetArrayLength());
    }

    private static string Export2(IStoryExporter exporter, StoryView[] views)
    {
        using var stream = new MemoryStream();
        exporter.Write(views, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Theory]
    [InlineData(ExportFormat.Json, ".json")]
    [InlineData(ExportFormat.JsonLines, ".jsonl")]
    [InlineData(ExportFormat.Csv, ".csv")]
    public void Exporters_For_GivesTheFormatsExporter(ExportFormat format, string extension)
    {
        var exporter = Exporters.For(format);
        Assert.Equal(format, exporter.Format);
        Assert.Equal(extension, exporter.FileExtension);
    }
}
