using Parallax.Nlp.Documents;

namespace Parallax.Ingest.Tests;

public sealed class SidecarTests
{
    [Fact]
    public async Task ReadAsync_FullNameSidecar_WinsOverFrontMatterAndIsNotAnArticle()
    {
        // Given
        using var dir = new TempFolder();
        dir.Write("news/bridge.txt", "---\ntitle: Front matter title\nauthor: Ann Lee\n---\nBody text here.\n");
        dir.Write("news/bridge.txt.meta.json", """{"id": "b-17", "title": "Sidecar title", "outlet": "Valley Post"}""");

        // When
        var item = Reading.Single(await Reading.ReadAllAsync(dir.Root));

        // Then
        Assert.Equal("news/bridge.txt", item.Source.SourceId);
        Assert.Equal("Sidecar title", item.Value(MetadataField.Title));
        Assert.Equal("Valley Post", item.Value(MetadataField.Outlet));
        Assert.Equal("Ann Lee", item.Value(MetadataField.Author));
        Assert.Equal("b-17", item.ExternalId);
        Assert.Equal(MetadataSource.User, item.Source.Metadata[0].Source);
        Assert.Equal(1.0, item.Source.Metadata[0].Confidence);
    }

    [Fact]
    public async Task ReadAsync_StemSidecar_AppliesToGzippedHtml()
    {
        // Given
        using var dir = new TempFolder();
        dir.Write("page.html.gz", Fixtures.Gzip("<html><body><p>Report.</p></body></html>"));
        dir.Write("page.meta.json", """{"published": "2023-11-02T08:00:00Z", "authors": ["A. One", "B. Two"]}""");

        // When
        var item = Reading.Single(await Reading.ReadAllAsync(dir.Root));

        // Then
        Assert.Equal(ContentKind.Html, item.Source.Kind);
        Assert.Equal("2023-11-02T08:00:00+00:00", item.Value(MetadataField.Published));
        Assert.Equal("A. One, B. Two", item.Value(MetadataField.Author));
    }

    [Fact]
    public async Task ReadAsync_MalformedSidecar_FailsTheSidecarAndStillReadsTheArticle()
    {
        // Given
        using var dir = new TempFolder();
        dir.Write("a.txt", "An article.\n");
        dir.Write("a.txt.meta.json", "{\"title\": \"unfinished\"");

        // When
        var items = await Reading.ReadAllAsync(dir.Root);

        // Then
        Assert.Equal(2, items.Count);
        var failure = Assert.IsType<IngestFailure>(items[0]);
        Assert.Equal(InputErrorCode.MalformedSidecar, failure.Code);
        Assert.Equal("a.txt.meta.json", failure.SourceId);
        Assert.Contains("a.txt was read without it", failure.Message);
        var article = Assert.IsType<IngestedSource>(items[1]);
        Assert.Empty(article.Source.Metadata);
    }

    [Fact]
    public async Task ReadAsync_SidecarBesideJsonLines_AppliesToEveryRecordAndWinsTies()
    {
        // Given
        using var dir = new TempFolder();
        dir.Write("batch.jsonl", "{\"text\": \"One.\", \"outlet\": \"Line outlet\"}\n{\"text\": \"Two.\"}\n");
        dir.Write("batch.meta.json", "{\"outlet\": \"Sidecar outlet\", \"language\": \"fr\"}");

        // When
        var items = (await Reading.ReadAllAsync(dir.Root)).Cast<IngestedSource>().ToList();

        // Then
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal("Sidecar outlet", i.Value(MetadataField.Outlet)));
        Assert.All(items, i => Assert.Equal("fr", i.Value(MetadataField.Language)));
    }
}
