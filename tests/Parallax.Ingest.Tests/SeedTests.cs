using Parallax.Nlp.Documents;
using Parallax.Testing;

namespace Parallax.Ingest.Tests;

public sealed class SeedTests
{
    [SharedFact("seeds")]
    public async Task ReadAsync_SharedSeeds_GivesFivePlainTextSources()
    {
        // Given
        var seeds = SharedData.PathOf("seeds")!;

        // When
        var items = await Reading.ReadAllAsync(seeds);

        // Then
        var sources = items.Cast<IngestedSource>().ToList();
        Assert.Equal(5, sources.Count);
        Assert.All(sources, s =>
        {
            Assert.Equal(ContentKind.PlainText, s.Source.Kind);
            Assert.EndsWith(".txt", s.Source.SourceId);
            Assert.DoesNotContain('/', s.Source.SourceId);
            Assert.True(s.Source.Raw.Length > 500);
        });
        Assert.Equal(sources.Select(s => s.Source.SourceId).Order(StringComparer.Ordinal), sources.Select(s => s.Source.SourceId));
        Assert.Equal(5, sources.Select(s => s.Source.ContentHash).Distinct().Count());
    }
}

public sealed class InputCodesTests
{
    [Fact]
    public void Format_EveryCode_IsPxAndFourDigitsInTheInputRange()
    {
        // Given
        var errors = Enum.GetValues<InputErrorCode>().Select(InputCodes.Format);
        var warnings = Enum.GetValues<IngestWarningCode>().Select(InputCodes.Format);

        // When
        var all = errors.Concat(warnings).ToList();

        // Then
        Assert.All(all, c => Assert.Matches("^PX3[0-9]{3}$", c));
        Assert.Equal(all.Count, all.Distinct().Count());
    }
}
