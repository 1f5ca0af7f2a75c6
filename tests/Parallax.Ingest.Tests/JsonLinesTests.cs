using Parallax.Nlp.Documents;

namespace Parallax.Ingest.Tests;

public sealed class JsonLinesTests
{
    [Fact]
    public async Task ReadAsync_JsonLines_ReadsEachLineWithFieldsAndLineIds()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("batch.jsonl",
            """
            {"id": "n1", "text": "Rain fell all week.", "title": "Wet week", "outlet": "Dale Times", "author": ["Kim Park", "Jo Hale"], "url": "https://dale.example/rain", "published": "2024-02-01", "language": "en"}

            {"id": 42, "html": "<p>Market hall opens.</p>", "title": "Hall opens"}
            """);

        // When
        var items = (await Reading.ReadAllAsync(path)).Cast<IngestedSource>().ToList();

        // Then
        Assert.Equal([path + "#1", path + "#3"], items.Select(i => i.Source.SourceId));
        Assert.Equal(ContentKind.PlainText, items[0].Source.Kind);
        Assert.Equal("Rain fell all week.", items[0].Source.Raw);
        Assert.Equal("n1", items[0].ExternalId);
        Assert.Equal("Kim Park, Jo Hale", items[0].Value(MetadataField.Author));
        Assert.Equal("Dale Times", items[0].Value(MetadataField.Outlet));
        Assert.Equal("2024-02-01", items[0].Value(MetadataField.Published));
        Assert.All(items[0].Source.Metadata, c => Assert.Equal(MetadataSource.User, c.Source));
        Assert.Equal(ContentKind.Html, items[1].Source.Kind);
        Assert.Equal("42", items[1].ExternalId);
    }

    [Fact]
    public async Task ReadAsync_BadLines_FailNamingFileAndLineAndTheRestGoOn()
    {
        // Given
        using var dir = new TempFolder();
        dir.Write("b.jsonl",
            "{\"text\": \"First.\"}\n{\"text\": \"broken\n[1, 2]\n{\"title\": \"no body\"}\n{\"text\": \"Last.\"}\n");

        // When
        var items = await Reading.ReadAllAsync(dir.Root);

        // Then
        Assert.Equal(5, items.Count);
        Assert.IsType<IngestedSource>(items[0]);
        Assert.IsType<IngestedSource>(items[4]);
        var failures = items.OfType<IngestFailure>().ToList();
        Assert.Equal(["b.jsonl#2", "b.jsonl#3", "b.jsonl#4"], failures.Select(f => f.SourceId));
        Assert.All(failures, f => Assert.Equal(InputErrorCode.MalformedJsonLine, f.Code));
        Assert.StartsWith("PX3007: b.jsonl:2 is not valid JSON", failures[0].Message);
        Assert.Contains("not an object", failures[1].Message);
        Assert.Contains("no \"text\" or \"html\"", failures[2].Message);
    }

    [Fact]
    public async Task ReadAsync_TextAndHtmlOnOneLine_UsesHtmlAndWarns()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("c.jsonl", "{\"text\": \"plain\", \"html\": \"<p>rich</p>\", \"titel\": \"typo\"}\n");

        // When
        var item = Reading.Single(await Reading.ReadAllAsync(path));

        // Then
        Assert.Equal("<p>rich</p>", item.Source.Raw);
        Assert.Contains(item.Warnings, w => w.Code == IngestWarningCode.TextAndHtml);
        Assert.Contains(item.Warnings, w => w.Code == IngestWarningCode.UnknownMetadataKey && w.Message.Contains("titel"));
    }

    [Theory]
    [InlineData("{\n  \"text\": \"pretty\"\n}\n")]
    [InlineData("[{\"text\": \"a\"},\n {\"text\": \"b\"}]\n")]
    public async Task ReadAsync_JsonThatIsNotJsonLines_IsUnsupportedNotProse(string json)
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("articles.json", json);

        // When
        var failure = Assert.IsType<IngestFailure>(Assert.Single(await Reading.ReadAllAsync(path)));

        // Then
        Assert.Equal(InputErrorCode.UnsupportedFormat, failure.Code);
        Assert.Contains("one article object per line", failure.Message);
    }
}
