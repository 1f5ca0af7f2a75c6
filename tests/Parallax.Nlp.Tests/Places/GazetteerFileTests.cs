using System.Collections.Immutable;
using System.IO.Compression;
using Parallax.Nlp.Places;
using Parallax.Testing;

namespace Parallax.Nlp.Tests.Places;

/// <summary>
/// The compiled gazetteer (places.pxg): it is exactly what `parallax gazetteer build` makes of places.tsv.gz, and a
/// gazetteer loaded from it answers every lookup as one built from the TSV lines (the way the loader worked before) does.
/// </summary>
public sealed class GazetteerFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "px-pxg-" + Guid.NewGuid().ToString("N"));

    public GazetteerFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string DataFile(string name) => Path.Combine(SharedData.RepoRoot!, "data", "gazetteer", name);

    private static List<GazetteerEntry> ReadTsv(string path)
    {
        var entries = new List<GazetteerEntry>();
        using var fs = File.OpenRead(path);
        Stream s = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(fs, CompressionMode.Decompress) : fs;
        Gazetteer.Read(s, path, entries);
        return entries;
    }

    [Fact]
    public void BuildPayload_ShippedTsv_EqualsTheCheckedInAndEmbeddedFiles()
    {
        // Given the TSV the gazetteer is built from, and the compiled file in the repository and in the assembly
        var expected = GazetteerFile.BuildPayload(DataFile("places.tsv.gz"));

        // When both compiled files are read
        byte[] onDisk, embedded;
        using (var file = File.OpenRead(DataFile("places.pxg"))) onDisk = GazetteerFile.ReadPayload(file, "places.pxg");
        using (var resource = typeof(Gazetteer).Assembly.GetManifestResourceStream("Parallax.Nlp.Places.Data.places.pxg")!)
            embedded = GazetteerFile.ReadPayload(resource, "embedded");

        // Then they hold byte for byte what the build makes (run `parallax gazetteer build` after changing the TSV)
        Assert.True(expected.AsSpan().SequenceEqual(onDisk), "data/gazetteer/places.pxg is stale: run `parallax gazetteer build`.");
        Assert.True(expected.AsSpan().SequenceEqual(embedded), "the embedded gazetteer differs from data/gazetteer/places.pxg.");
    }

    [Fact]
    public void BuildPayload_SameTsvTwice_GivesTheSameBytes()
    {
        // Given a small TSV
        var tsv = Write("small.tsv", SmallTsv);

        // When it is compiled twice
        var first = GazetteerFile.BuildPayload(tsv);
        var second = GazetteerFile.BuildPayload(tsv);

        // Then the payloads are identical
        Assert.Equal(first, second);
    }

    [Fact]
    public void LoadDefault_EveryShippedKey_AnswersAsTheTsvReadLineByLine()
    {
        // Given the shipped gazetteer and a reference built from the TSV lines as the loader did before the compiled file
        var reference = new Reference(ReadTsv(DataFile("places.tsv.gz")));
        var g = Gazetteer.Load([]);

        // Then the counts, every key's entries in order, and every entry's fields agree
        Assert.Equal(reference.ById.Count, g.Count);
        Assert.Equal(reference.MaxTokens, g.MaxNameTokens);
        foreach (var (key, expected) in reference.ByKey)
        {
            var found = g.FindKey(key);
            Assert.True(expected.Select(e => e.Id).SequenceEqual(found.Select(e => e.Id)), $"key '{key}'");
            Assert.True(g.HasKey(key));
        }
        foreach (var e in reference.ById.Values) AssertSame(e, g.ById(e.Id));
        Assert.False(g.HasKey("no such place anywhere"));
        Assert.Null(g.ById("px:no-such-id"));
    }

    [Fact]
    public void Find_SameEntryTwice_ReturnsTheSameObject()
    {
        // Given the shipped gazetteer
        var g = Gazetteer.Load([]);

        // When Daraa is looked up twice, once by id
        var first = g.Find("Daraa").Single(e => e.GeoNamesId == 170905);
        var second = g.ById("170905");

        // Then both are one object (entries are built once and kept)
        Assert.Same(first, second);
    }

    [Fact]
    public void Load_UserFilesReplacingAndAddingPlaces_KeepTheOrderOfTheTsvLoader()
    {
        // Given user files that replace a shipped Damascus-named entry (keeping its place among the readings of
        // "Damascus"), add two more places named Damascus, and replace one of their own entries in a later file
        var shipped = ReadTsv(DataFile("places.tsv.gz"));
        var damascus = Gazetteer.LoadDefault().Find("Damascus");
        Assert.True(damascus.Length >= 3, "the test needs a name with several readings");
        var replaced = damascus[1];
        var first = Write("a.tsv",
            $"{replaced.Id}\tDamascus\tDimashq Mine\t33.5\t36.3\tP\tPPL\tSY\t13\tDimashq\t5\n"
            + "my:damascus-1\tDamascus\t\t40\t-80\tP\tPPL\tUS\t\t\t10\n"
            + "my:damascus-2\tDamascus\tDamas\t41\t-81\tP\tPPL\tUS\t\t\t20\n");
        var second = Write("b.tsv", "my:damascus-1\tDamascus\tOld Damascus\t42\t-82\tP\tPPL\tUS\t\t\t30\n");
        var reference = new Reference([.. shipped, .. ReadTsv(first), .. ReadTsv(second)]);

        // When the gazetteer is loaded with them
        var g = Gazetteer.Load([first, second]);

        // Then every key they touch answers as the reference does, the counts agree and ids resolve to the latest line
        Assert.Equal(reference.ById.Count, g.Count);
        foreach (var key in new[] { "damascus", "dimashq mine", "damas", "old damascus", "dimashq" }.Concat(replaced.AlternateNames.Select(PlaceNames.Key)))
        {
            var expected = reference.ByKey.GetValueOrDefault(key) ?? [];
            Assert.Equal(expected.Select(e => e.Id), g.FindKey(key).Select(e => e.Id));
            Assert.Equal(expected.Count > 0, g.HasKey(key));
        }
        Assert.Equal(30, g.ById("my:damascus-1")!.Population);
        Assert.Equal(5, g.ById(replaced.Id)!.Population);
        Assert.Equal(replaced.Population, Gazetteer.LoadDefault().ById(replaced.Id)!.Population);
    }

    [Fact]
    public void BuildPayload_CoordinatesBeyondFivePlaces_KeepsTheExactDoubles()
    {
        // Given a TSV whose coordinates have more than five decimals, and a repeated id
        var tsv = Write("precise.tsv", SmallTsv + "t:3\tNorth Point\tNP\t-33.1234567\t151.7654321\tT\tCAPE\tAU\t\t\t0\n" + "t:1\tFirst Again\t\t1.5\t2.5\n");

        // When it is compiled and read back
        var data = GazetteerData.Open(GazetteerFile.BuildPayload(tsv), "precise");

        // Then each entry equals the TSV's last line for its id, to the last bit, in the order ids first appear
        var reference = new Reference(ReadTsv(tsv));
        Assert.Equal(reference.ById.Count, data.Count);
        int i = 0;
        foreach (var e in reference.ById.Values) AssertSame(e, data.Entry(i++));
        Assert.Equal("First Again", data.Entry(0).Name);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(11)]
    [InlineData(40)]
    public void ReadPayload_TruncatedFile_ThrowsPX3601NamingTheFile(int keep)
    {
        // Given a compiled file cut short
        var tsv = Write("small.tsv", SmallTsv);
        var out1 = Path.Combine(_folder, "small.pxg");
        GazetteerFile.Build(tsv, out1);
        var bytes = File.ReadAllBytes(out1);

        // When it is read
        var ex = Assert.Throws<InvalidDataException>(() => GazetteerFile.ReadPayload(new MemoryStream(bytes[..keep]), "cut.pxg"));

        // Then the error has the code, the file and what to do
        Assert.StartsWith("PX3601: cut.pxg:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("parallax gazetteer build", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_PayloadWithAnEntryNumberOutOfRange_ThrowsPX3601()
    {
        // Given a valid payload whose last key entry number is changed to point past the entries
        var payload = GazetteerFile.BuildPayload(Write("small.tsv", SmallTsv));
        Assert.NotNull(GazetteerData.Open(payload, "ok"));
        // The last column holds the key entry numbers as four byte planes (no padding after 4-byte numbers): the last
        // byte is the highest byte of the last number.
        payload[^1] = 0x7F;

        // When it is opened
        var ex = Assert.Throws<InvalidDataException>(() => GazetteerData.Open(payload, "bad.pxg"));

        // Then it fails at once with the code
        Assert.StartsWith("PX3601: bad.pxg:", ex.Message, StringComparison.Ordinal);
    }

    private const string SmallTsv =
        "#id\tname\talternateNames\tlat\tlon\tfeatureClass\tfeatureCode\tcountry\tadmin1Code\tadmin1Name\tpopulation\n"
        + "t:1\tDar'a\tDeraa|Daraa\t32.61889\t36.10213\tP\tPPLA\tSY\t06\tDaraa\t97969\n"
        + "t:2\tAl-Quneitra\tKuneitra| Quneitra |\t33.12556\t35.82389\n";

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static void AssertSame(GazetteerEntry expected, GazetteerEntry? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { AlternateNames = [] }, actual with { AlternateNames = [] });
        Assert.Equal(expected.AlternateNames.AsEnumerable(), actual.AlternateNames.AsEnumerable());
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Latitude), BitConverter.DoubleToInt64Bits(actual.Latitude));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Longitude), BitConverter.DoubleToInt64Bits(actual.Longitude));
    }

    /// <summary>The lookups as the loader computed them from TSV lines: ids in first-read order, the last line winning; keys folded per name.</summary>
    private sealed class Reference
    {
        public Reference(List<GazetteerEntry> lines)
        {
            foreach (var e in lines) ById[e.Id] = e;
            foreach (var e in ById.Values)
            {
                foreach (var name in e.AlternateNames.Prepend(e.Name))
                {
                    var key = PlaceNames.Key(name);
                    if (key.Length == 0) continue;
                    if (!ByKey.TryGetValue(key, out var list)) ByKey[key] = list = [];
                    if (!list.Contains(e)) list.Add(e);
                    MaxTokens = Math.Max(MaxTokens, key.Count(c => c == ' ') + 1);
                }
            }
        }

        public Dictionary<string, GazetteerEntry> ById { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<GazetteerEntry>> ByKey { get; } = new(StringComparer.Ordinal);

        public int MaxTokens { get; private set; } = 1;
    }
}
