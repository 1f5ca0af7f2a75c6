using Parallax.Nlp.Quantities;
using Parallax.Nlp.Quotes;
using Parallax.Nlp.Serialization;

namespace Parallax.Nlp.Tests.Quotes;

/// <summary>The quote and quantity layers survive a store round trip through <see cref="DocumentJson"/>.</summary>
public sealed class QuoteJsonTests
{
    [Fact]
    public void Rehydrate_QuotesAndQuantities_SameJsonAfterRoundTrip()
    {
        // Given a document with both layers
        var doc = Quantities.QuantityStageTests.Prepare(
            "“We will keep them 15 miles away,” said Lavrov. Our sources say at least six people were hurt.");
        new QuantityStage().Run(doc, CancellationToken.None);
        new QuoteStage().Run(doc, CancellationToken.None);
        var stored = doc.LayerKeys.Select(k => KeyValuePair.Create(k.Name, DocumentJson.SerializeLayer(k, doc.GetUntyped(k)!))).ToList();

        // When it is read back
        var back = DocumentJson.Rehydrate(doc.Source, stored);

        // Then the layers serialise the same, with enums by name
        var quotes = DocumentJson.SerializeLayer(QuoteLayers.Quotes, back.Get(QuoteLayers.Quotes));
        Assert.Equal(DocumentJson.SerializeLayer(QuoteLayers.Quotes, doc.Get(QuoteLayers.Quotes)), quotes);
        Assert.Contains("\"kind\":\"direct\"", quotes, StringComparison.Ordinal);
        var quantities = DocumentJson.SerializeLayer(QuantityLayers.Quantities, back.Get(QuantityLayers.Quantities));
        Assert.Equal(DocumentJson.SerializeLayer(QuantityLayers.Quantities, doc.Get(QuantityLayers.Quantities)), quantities);
        Assert.Contains("\"bound\":\"atLeast\"", quantities, StringComparison.Ordinal);
    }
}
