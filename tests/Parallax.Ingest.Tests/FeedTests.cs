using Parallax.Nlp.Documents;

namespace Parallax.Ingest.Tests;

public sealed class FeedTests
{
    [Fact]
    public async Task ReadAsync_Rss_YieldsEachItemWithFeedMetadata()
    {
        // Given
        using var dir = new TempFolder();
        dir.Write("world.rss", Fixtures.Rss);

        // When
        var items = (await Reading.ReadAllAsync(dir.Root)).Cast<IngestedSource>().ToList();

        // Then
        Assert.Equal(["world.rss#1", "world.rss#2", "world.rss#3"], items.Select(i => i.Source.SourceId));
        var first = items[0];
        Assert.Equal(ContentKind.Html, first.Source.Kind);
        Assert.Equal("<p>The ferry sailed at dawn&nbsp;again.</p>", first.Source.Raw);
        Assert.Equal("Ferry service resumes", first.Value(MetadataField.Title));
        Assert.Equal("https://chronicle.example/ferry", first.Value(MetadataField.Url));
        Assert.Equal("2024-03-05T14:30:00+00:00", first.Value(MetadataField.Published));
        Assert.Equal("Ines Marlow", first.Value(MetadataField.Author));
        Assert.Equal("chronicle-ferry-1", first.ExternalId);
        var outlet = first.Source.Metadata.Single(c => c.Field == MetadataField.Outlet);
        Assert.Equal("Harbour Chronicle \u2014 World", outlet.Value);
        Assert.True(outlet.Confidence < first.Source.Metadata.Single(c => c.Field == MetadataField.Title).Confidence);
        Assert.All(first.Source.Metadata, c => Assert.Equal(MetadataSource.Feed, c.Source));
        Assert.Equal("<p>Fees rise by a tenth.</p>", items[1].Source.Raw);
        Assert.Equal("Port & harbour fees rise", items[1].Value(MetadataField.Title));
        Assert.Equal("Tomas Reyes", items[1].Value(MetadataField.Author));
    }

    [Fact]
    public async Task ReadAsync_Atom_ReadsEntriesWithTypedContent()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("courier.atom", Fixtures.Atom);

        // When
        var items = (await Reading.ReadAllAsync(path)).Cast<IngestedSource>().ToList();

        // Then
        Assert.Equal(2, items.Count);
        Assert.Equal(ContentKind.Html, items[0].Source.Kind);
        Assert.Equal("<p>The pass closed overnight.</p>", items[0].Source.Raw);
        Assert.Equal("Snow closes pass", items[0].Value(MetadataField.Title));
        Assert.Equal("https://courier.example/snow", items[0].Value(MetadataField.Url));
        Assert.Equal("2024-01-09T07:00:00+01:00", items[0].Value(MetadataField.Published));
        Assert.Equal("Lena Ortiz", items[0].Value(MetadataField.Author));
        Assert.Equal("Upland Courier", items[0].Value(MetadataField.Outlet));
        Assert.Equal("tag:courier.example,2024:1", items[0].ExternalId);
        Assert.Equal(ContentKind.PlainText, items[1].Source.Kind);
        Assert.Equal("2024-01-11T09:00:00+00:00", items[1].Value(MetadataField.Published));
    }

    [Fact]
    public async Task ReadAsync_TruncatedFeed_KeepsItemsBeforeTheBreakAndReportsPosition()
    {
        // Given
        using var dir = new TempFolder();
        var cut = Fixtures.Rss.IndexOf("<title>Third story", StringComparison.Ordinal) + 12;
        dir.Write("cut.xml", Fixtures.Rss[..cut]);

        // When
        var items = await Reading.ReadAllAsync(dir.Root);

        // Then
        Assert.Equal(3, items.Count);
        Assert.IsType<IngestedSource>(items[0]);
        Assert.IsType<IngestedSource>(items[1]);
        var failure = Assert.IsType<IngestFailure>(items[2]);
        Assert.Equal(InputErrorCode.MalformedFeed, failure.Code);
        Assert.Equal("cut.xml", failure.SourceId);
        Assert.Matches(@"^PX3006: cut\.xml is not a well-formed feed at line \d+, position \d+", failure.Message);
        Assert.Contains("2 item(s) before the break were read", failure.Message);
    }

    [Fact]
    public async Task ReadAsync_MalformedFeedTag_ReportsLine()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("bad.rss", "<rss><channel><title>T</title>\n<item><title>A</title><description>x</description></item>\n<item><title>B</wrong></item></channel></rss>");

        // When
        var items = await Reading.ReadAllAsync(path);

        // Then
        Assert.IsType<IngestedSource>(items[0]);
        var failure = Assert.IsType<IngestFailure>(items[1]);
        Assert.Contains("line 3", failure.Message);
    }

    [Fact]
    public async Task ReadAsync_XmlThatIsNotAFeed_IsUnsupported()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("config.xml", "<?xml version=\"1.0\"?><settings><a>1</a></settings>");

        // When
        var failure = Assert.IsType<IngestFailure>(Assert.Single(await Reading.ReadAllAsync(path)));

        // Then
        Assert.Equal(InputErrorCode.UnsupportedFormat, failure.Code);
        Assert.Contains("<settings>", failure.Message);
    }

    [Fact]
    public async Task ReadAsync_FeedWithoutExtension_IsSniffed()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("download", Fixtures.Atom);

        // When
        var items = await Reading.ReadAllAsync(path);

        // Then
        Assert.Equal(2, items.OfType<IngestedSource>().Count());
    }

    [Fact]
    public async Task ReadAsync_ItemWithoutContent_FailsThatItemOnly()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("f.rss", "<rss><channel><item><title>Only a title</title><link>https://x.example/a</link></item><item><description>Body</description></item></channel></rss>");

        // When
        var items = await Reading.ReadAllAsync(path);

        // Then
        var failure = Assert.IsType<IngestFailure>(items[0]);
        Assert.Equal(path + "#1", failure.SourceId);
        Assert.Contains("https://x.example/a", failure.Message);
        Assert.IsType<IngestedSource>(items[1]);
    }
}
