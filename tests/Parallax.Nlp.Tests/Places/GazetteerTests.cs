using System.Diagnostics;
using Parallax.Nlp.Places;
using Xunit.Abstractions;

namespace Parallax.Nlp.Tests.Places;

public sealed class GazetteerTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "px-places-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Load_ShippedFile_ReportsSizeEntriesAndLoadTime()
    {
        // Given the shipped file and a fresh load (not the cached default)
        var clock = Stopwatch.StartNew();

        // When it is loaded
        var g = Gazetteer.Load([]);
        clock.Stop();

        // Then it holds the towns, regions and countries (load time is reported, not asserted)
        using var resource = typeof(Gazetteer).Assembly.GetManifestResourceStream("Parallax.Nlp.Places.Data.places.pxg");
        output.WriteLine($"entries {g.Count}, compressed size {resource!.Length} bytes, load {clock.ElapsedMilliseconds} ms");
        Assert.True(g.Count > 140_000, $"only {g.Count} entries");
        Assert.True(resource.Length < 15_000_000);
    }

    [Theory]
    [InlineData("Daraa")]
    [InlineData("Deraa")]
    [InlineData("Dar'a")]
    [InlineData("Dar‘ā")]
    public void Find_TransliterationVariants_IncludeTheSameGeoNamesTown(string spelling)
    {
        // Given the shipped gazetteer
        var g = Gazetteer.LoadDefault();

        // When a spelling of Daraa is looked up
        var found = g.Find(spelling);

        // Then the GeoNames town 170905 is among the readings
        Assert.Contains(found, e => e.GeoNamesId == 170905);
    }

    [Theory]
    [InlineData("Quneitra")]
    [InlineData("Kuneitra")]
    [InlineData("El-Quneitra")]
    [InlineData("Suweida")]
    [InlineData("Sweida")]
    [InlineData("As-Suwayda")]
    public void Find_SyrianVariants_AreKnown(string spelling)
    {
        // Given the shipped gazetteer
        var g = Gazetteer.LoadDefault();

        // When the spelling is looked up
        var found = g.Find(spelling);

        // Then a Syrian place answers
        Assert.Contains(found, e => e.CountryCode == "SY");
    }

    [Fact]
    public void Load_UserPlacesFile_AddsAndOverridesEntries()
    {
        // Given a user file with a new village and a replacement for a shipped entry
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "mine.tsv");
        File.WriteAllText(file, "#id\tname\talternateNames\tlat\tlon\tfeatureClass\tfeatureCode\tcountry\tadmin1Code\tadmin1Name\tpopulation\n"
            + "my:tel-zorvan\tTel Zorvan\tZorvan Hill\t33.1\t36.2\tT\tHLL\tSY\t06\tDaraa\t0\n"
            + "px:kafr-shams\tKafr Shams\tKfar Shams\t33.2\t36.2\tP\tPPL\tSY\t06\tDaraa\t16000\n");

        // When the gazetteer is loaded with it
        var g = Gazetteer.Load([file]);

        // Then the new place is found by its alternate name and the shipped one is replaced
        Assert.Equal("my:tel-zorvan", Assert.Single(g.Find("Zorvan Hill")).Id);
        Assert.Equal(16000, g.ById("px:kafr-shams")!.Population);
    }

    [Fact]
    public void Load_MalformedCoordinates_ThrowsWithCodeAndLine()
    {
        // Given a user file with a comma as decimal separator
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "bad.tsv");
        File.WriteAllText(file, "x:1\tSomewhere\t\t33,1\t36.2\n");

        // When it is loaded
        var ex = Assert.Throws<InvalidDataException>(() => Gazetteer.Load([file]));

        // Then the message names the code and the line
        Assert.Contains("PX3602", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 1", ex.Message, StringComparison.Ordinal);
    }
}
