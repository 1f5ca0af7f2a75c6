using Parallax.Nlp.Documents;

namespace Parallax.Ingest.Tests;

public sealed class FolderTests
{
    [Fact]
    public async Task ReadAsync_Folder_WalksRecursivelyInOrdinalOrderSkippingHiddenAndSidecars()
    {
        // Given
        using var dir = new TempFolder();
        dir.Write("b.txt", "B");
        dir.Write("a/z.txt", "AZ");
        dir.Write("a/B.txt", "AB");
        dir.Write("A.txt", "A upper");
        dir.Write(".hidden.txt", "hidden");
        dir.Write(".git/config.txt", "hidden folder");
        dir.Write("a/z.txt.meta.json", "{\"title\": \"Z\"}");

        // When
        var ids = (await Reading.ReadAllAsync(dir.Root)).Cast<IngestedSource>().Select(i => i.Source.SourceId).ToList();

        // Then
        Assert.Equal(["A.txt", "a/B.txt", "a/z.txt", "b.txt"], ids);
    }

    [Fact]
    public async Task ReadAsync_SameFolderTwice_GivesIdenticalResults()
    {
        // Given
        using var dir = new TempFolder();
        var random = new Random(7);
        for (int i = 0; i < 25; i++)
        {
            var name = $"d{random.Next(3)}/f{random.Next(1000):D3}.txt";
            dir.Write(name, $"Article {i} text.");
        }

        // When
        var first = await Reading.ReadAllAsync(dir.Root);
        var second = await Reading.ReadAllAsync(dir.Root);

        // Then
        static string Key(IngestItem i) => i is IngestedSource s ? s.Source.SourceId + "=" + s.Source.ContentHash : i.ToString()!;
        Assert.Equal(first.Select(Key), second.Select(Key));
        var ids = first.Cast<IngestedSource>().Select(s => s.Source.SourceId).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public async Task ReadAsync_MissingPath_IsNotFoundAndLaterInputsStillRead()
    {
        // Given
        using var dir = new TempFolder();
        var good = dir.Write("ok.txt", "Fine.");

        // When
        var items = await Reading.ReadAllAsync(dir.PathOf("nope.txt"), good);

        // Then
        var failure = Assert.IsType<IngestFailure>(items[0]);
        Assert.Equal(InputErrorCode.NotFound, failure.Code);
        Assert.StartsWith("PX3001: ", failure.Message);
        Assert.IsType<IngestedSource>(items[1]);
    }

    [Fact]
    public async Task ReadAsync_BadInputFolder_OneFailurePerBadFileAndEveryGoodFileRead()
    {
        // Given
        using var dir = new TempFolder();
        dir.Write("01-good.txt", "A perfectly good article about the weather.\n");
        dir.Write("02-binary.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01, 0x02, 0xFF, 0x00]);
        dir.Write("03-empty.txt", "");
        dir.Write("04-blank.md", "  \n\t\n");
        dir.Write("05-big.txt", new string('x', 5_000));
        dir.Write("06-latin.txt", Fixtures.Windows1252("Fa\u00E7ade repaired.\n"));
        dir.Write("07-messy.html", "<html><body><p>Open <b>tags <div>everywhere");
        var cut = Fixtures.Rss.IndexOf("<item>", Fixtures.Rss.IndexOf("</item>", StringComparison.Ordinal), StringComparison.Ordinal) + 10;
        dir.Write("08-cut.rss", Fixtures.Rss[..cut]);
        dir.Write("09-lines.jsonl", "{\"text\": \"One.\"}\n{oops}\n{\"text\": \"Three.\"}\n");
        dir.Write("10-image.png", [0x89, 0x50, 0x4E, 0x47]);
        var options = new IngestOptions { MaxBytes = 4_096 };

        // When
        var items = await Reading.ReadAllAsync(options, dir.Root);

        // Then
        var failures = items.OfType<IngestFailure>().ToDictionary(f => f.SourceId, f => f.Code);
        Assert.Equal(new Dictionary<string, InputErrorCode>
        {
            ["02-binary.txt"] = InputErrorCode.BinaryContent,
            ["03-empty.txt"] = InputErrorCode.Empty,
            ["04-blank.md"] = InputErrorCode.Empty,
            ["05-big.txt"] = InputErrorCode.TooLarge,
            ["08-cut.rss"] = InputErrorCode.MalformedFeed,
            ["09-lines.jsonl#2"] = InputErrorCode.MalformedJsonLine,
            ["10-image.png"] = InputErrorCode.UnsupportedFormat,
        }, failures);
        var read = items.OfType<IngestedSource>().Select(s => s.Source.SourceId).ToList();
        Assert.Equal(["01-good.txt", "06-latin.txt", "07-messy.html", "08-cut.rss#1", "09-lines.jsonl#1", "09-lines.jsonl#3"], read);
        var latin = items.OfType<IngestedSource>().Single(s => s.Source.SourceId == "06-latin.txt");
        Assert.Equal(IngestWarningCode.NotUtf8, Assert.Single(latin.Warnings).Code);
        var big = items.OfType<IngestFailure>().Single(f => f.Code == InputErrorCode.TooLarge);
        Assert.Equal("PX3005: 05-big.txt is 5000 bytes, over the 4096-byte limit; raise the limit (--max-bytes, IngestOptions.MaxBytes) or split the file.", big.Message);
        Assert.All(items.OfType<IngestFailure>(), f => Assert.Contains(f.SourceId.Split('#')[0], f.Message));
    }

    [Fact]
    public async Task ReadAsync_TooLargeWithDefaultLimit_NamesTheLimitInMegabytes()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("x.txt", "x");
        using (var fs = new FileStream(path, FileMode.Open)) fs.SetLength(IngestOptions.DefaultMaxBytes + 1);

        // When
        var failure = Assert.IsType<IngestFailure>(Assert.Single(await Reading.ReadAllAsync(path)));

        // Then
        Assert.Equal(InputErrorCode.TooLarge, failure.Code);
        Assert.Contains("10 MB (10485760 bytes) limit", failure.Message);
        Assert.Contains("IngestOptions.MaxBytes", failure.Message);
    }

    [Fact]
    public async Task ReadAsync_CancelledToken_Throws()
    {
        // Given
        using var dir = new TempFolder();
        dir.Write("a.txt", "A");
        using var reader = new SourceReader(new IngestOptions());
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        // When / Then
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in reader.ReadAsync([dir.Root], cts.Token)) { }
        });
    }

    [Fact]
    public async Task ReadAsync_StdinHtml_IsSniffedAsHtml()
    {
        // Given
        var options = new IngestOptions { StandardInput = () => new MemoryStream(Fixtures.Utf8("  <div><p>From a pipe</p></div>")) };

        // When
        var item = Reading.Single(await Reading.ReadAllAsync(options, "-"));

        // Then
        Assert.Equal(ContentKind.Html, item.Source.Kind);
        Assert.Equal("stdin", item.Source.SourceId);
    }
}
