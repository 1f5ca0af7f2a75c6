using System.Collections.Immutable;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Serialization;
using Parallax.Text;

namespace Parallax.Nlp.Tests.Serialization;

public sealed class DocumentJsonTests
{
    [Fact]
    public void Rehydrate_StoredLayers_GivesEqualLayerValues()
    {
        // Given a document with a clean-text layer, metadata and language layers
        var raw = "Headline\n\nBody text here.";
        var source = new DocumentSource("a.txt", ContentKind.PlainText, raw, []);
        var map = new OffsetMap.Builder(raw.Length);
        map.Add(0, 10, 15);
        var clean = new CleanedText("Body text here.", [new TextSpan(0, 15)], map.Build(15),
            [new RemovedBlock(RemovalReason.Metadata, "Headline", new TextSpan(0, 8), 0, "headline")]);
        var doc = new Document(source);
        doc.Set(Layers.Clean, clean);
        doc.Set(Layers.TextMetadata, [new MetadataCandidate(MetadataField.Title, "Headline", MetadataSource.TextCue, 0.8, "Headline", new TextSpan(0, 8))]);
        doc.Set(Layers.Language, new LanguageTag(new TextSpan(0, 15), "en", "Latin", 0.99));

        // When each layer is serialised and read back
        var stored = doc.LayerKeys.Select(k => KeyValuePair.Create(k.Name, DocumentJson.SerializeLayer(k, doc.GetUntyped(k)!))).ToList();
        var back = DocumentJson.Rehydrate(source, stored);

        // Then the text, the map, the removed blocks and the metadata are the same
        Assert.Equal(doc.Text, back.Text);
        Assert.Equal(clean.Map.Segments.ToArray(), back.Get(Layers.Clean).Map.Segments.ToArray());
        Assert.Equal(clean.Removed.ToArray(), back.Get(Layers.Clean).Removed.ToArray());
        Assert.Equal("Headline", back.Metadata.Value(MetadataField.Title));
        Assert.Equal("en", back.Get(Layers.Language).Language);
        Assert.Contains("\"removed\":[{\"reason\":\"metadata\"", stored[0].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Rehydrate_UnknownLayer_IsSkippedAndReported()
    {
        var source = new DocumentSource("a.txt", ContentKind.PlainText, "x", ImmutableArray<MetadataCandidate>.Empty);
        var skipped = new List<string>();
        var doc = DocumentJson.Rehydrate(source, [KeyValuePair.Create("from-the-future", "{}")], skipped);
        Assert.Empty(doc.LayerKeys);
        Assert.Equal(["from-the-future"], skipped);
    }
}
