using Parallax.Nlp.Documents;
using Parallax.Nlp.Pipeline;
using Parallax.Nlp.Quantities;
using Parallax.Testing;

namespace Parallax.Nlp.Tests.Quantities;

/// <summary>The quantity stage in the default pipeline on the shared seed articles (read at run time, never copied).</summary>
public sealed class SeedQuantityTests
{
    private static readonly Lazy<List<(Document Doc, Quantity Quantity)>> All = new(() =>
    {
        var pipeline = DefaultPipeline.Create();
        var result = new List<(Document, Quantity)>();
        foreach (var file in Directory.GetFiles(SharedData.PathOf("seeds")!, "*.txt").Order(StringComparer.Ordinal))
        {
            var doc = new Document(new DocumentSource(file, ContentKind.PlainText, File.ReadAllText(file), []));
            pipeline.Process(doc, CancellationToken.None);
            result.AddRange(doc.Get(QuantityLayers.Quantities).Select(q => (doc, q)));
        }

        return result;
    });

    // Some seeds write a no-break space between a number and its unit.
    private static Quantity Find(string words) =>
        All.Value.Single(x => x.Quantity.Span.Of(x.Doc.Text).Replace('\u00A0', ' ').Contains(words, StringComparison.Ordinal)).Quantity;

    [SharedFact("seeds")]
    public void QuantityStage_Seeds_BufferDistancesNormalised()
    {
        // Given / When / Then: the reported deal's distance in miles, from the Golan Heights, for the militias
        var miles = Find("15 miles");
        Assert.Equal(24.14, miles.Low, 2);
        Assert.Equal("km", miles.Unit);
        Assert.Equal("the Golan Heights", miles.Reference);
        Assert.Contains("militias", miles.Holder, StringComparison.Ordinal);

        // the 2017 arrangement's range
        var range = Find("five to 20 kilometers");
        Assert.Equal(QuantityBound.Range, range.Bound);
        Assert.Equal((5, 20), (range.Low, range.High));
        Assert.Equal("km", range.Unit);

        // Israel's demand
        var demand = Find("60 kilometers");
        Assert.Equal(60, demand.Low);
        Assert.Equal(QuantityBound.AtLeast, demand.Bound);
        Assert.Equal("km", demand.Unit);
    }

    [SharedFact("seeds")]
    public void QuantityStage_Seeds_FighterCountsCasualtiesAndDuration()
    {
        // Given / When / Then
        var shia = Find("9,000");
        Assert.Equal(9000, shia.Low);
        Assert.Equal("fighter", shia.Unit);
        Assert.Contains("militia fighters", shia.Measured, StringComparison.Ordinal);

        var hezbollah = Find("7,000");
        Assert.Equal(7000, hezbollah.Low);
        Assert.Equal("fighter", hezbollah.Unit);
        Assert.Contains("Hezbollah", hezbollah.Measured, StringComparison.Ordinal);

        var killed = Find("six people");
        Assert.Equal(QuantityBound.AtLeast, killed.Bound);
        Assert.Equal((6.0, "person"), (killed.Low, killed.Unit));

        var meeting = Find("hour and a half");
        Assert.Equal(QuantityBound.AtLeast, meeting.Bound);
        Assert.Equal((5400.0, "s"), (meeting.Low, meeting.Unit));
    }

    [SharedFact("seeds")]
    public void QuantityStage_Seeds_NoYearsDatesOrIdentifiers()
    {
        // Given / When / Then: no quantity is a bare year, a day of the month or a resolution number
        foreach (var (doc, q) in All.Value)
        {
            var words = q.Span.Of(doc.Text);
            Assert.DoesNotMatch(@"^(19|20)\d\d\b", words);
            Assert.DoesNotContain("2254", words, StringComparison.Ordinal);
            Assert.True(q.Sentence.Contains(q.Span));
        }
    }
}
