using System.Text.Json;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Serialization;
using Parallax.Nlp.Time;
using Parallax.Testing;

namespace Parallax.Nlp.Tests.Time;

public sealed class TemporalStageTests
{
    [Fact]
    public void Analyze_PublishedInMetadata_UsesItAsKnownAnchor()
    {
        // Given a document whose publication date is known
        var doc = new DocumentBuilder().Paragraph("The minister said on Monday that talks would continue.")
            .Meta(MetadataField.Published, "2018-05-31T10:00:00+00:00", MetadataSource.User).Build();

        // When the stage analyses it
        var result = new TemporalStage().Analyze(doc);

        // Then the anchor is known and Monday resolves before it
        Assert.Equal(AnchorSource.Known, result.Anchor.Source);
        Assert.Equal("2018-05-28", Assert.Single(result.Timexes).Value);
    }

    [Fact]
    public void Apply_Layers_RoundTripThroughDocumentJson()
    {
        // Given an analysed document
        var doc = new DocumentBuilder().Paragraph("Talks lasted over an hour and a half on June 12, 2018.").Build();
        var stage = new TemporalStage();
        stage.Run(doc, CancellationToken.None);

        // When each layer is serialised and read back by name
        var timexes = doc.Get(TimeLayers.Timexes);
        var json = DocumentJson.SerializeLayer(TimeLayers.Timexes, timexes);
        var key = DocumentJson.Find("timexes")!;
        var back = (System.Collections.Immutable.ImmutableArray<Timex>)JsonSerializer.Deserialize(json, key.ValueType, DocumentJson.Options)!;
        var anchorJson = DocumentJson.SerializeLayer(TimeLayers.Anchor, doc.Get(TimeLayers.Anchor));
        var anchorBack = (TemporalAnchor)JsonSerializer.Deserialize(anchorJson, DocumentJson.Find("anchor")!.ValueType, DocumentJson.Options)!;

        // Then the values are equal
        Assert.Equal(timexes.ToArray(), back.ToArray());
        Assert.Equal(doc.Get(TimeLayers.Anchor), anchorBack);
    }
}
