using Parallax.Nlp.Documents;

namespace Parallax.Ingest.Tests;

public sealed class PlainTextTests
{
    [Fact]
    public async Task ReadAsync_TextFile_YieldsPlainTextWithPathAsId()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("story.txt", "The council met on Monday.\nIt voted to close the bridge.\n");

        // When
        var item = Reading.Single(await Reading.ReadAllAsync(path));

        // Then
        Assert.Equal(path, item.Source.SourceId);
        Assert.Equal(ContentKind.PlainText, item.Source.Kind);
        Assert.Equal("The council met on Monday.\nIt voted to close the bridge.\n", item.Source.Raw);
        Assert.Equal("utf-8", item.Source.Encoding);
        Assert.Empty(item.Source.Metadata);
        Assert.Empty(item.Warnings);
    }

    [Fact]
    public async Task ReadAsync_FrontMatter_BecomesUserMetadataAndLeavesText()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("a.md",
            "---\ntitle: \"Bridge to close for repairs\"\noutlet: Riverside Gazette\nauthor: Mara Quill\n" +
            "url: https://gazette.example/bridge\npublished: 2024-03-05\nlanguage: en-GB\n---\nThe bridge closes.\n");

        // When
        var item = Reading.Single(await Reading.ReadAllAsync(path));

        // Then
        Assert.Equal("The bridge closes.\n", item.Source.Raw);
        Assert.All(item.Source.Metadata, c => Assert.Equal(MetadataSource.User, c.Source));
        Assert.Equal("Bridge to close for repairs", item.Value(MetadataField.Title));
        Assert.Equal("Riverside Gazette", item.Value(MetadataField.Outlet));
        Assert.Equal("Mara Quill", item.Value(MetadataField.Author));
        Assert.Equal("https://gazette.example/bridge", item.Value(MetadataField.Url));
        Assert.Equal("2024-03-05", item.Value(MetadataField.Published));
        Assert.Equal("en", item.Value(MetadataField.Language));
        Assert.Empty(item.Warnings);
    }

    [Fact]
    public async Task ReadAsync_FrontMatterWithUnknownKeyAndBadDate_WarnsAndKeepsTheRest()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("a.txt", "---\ntitle: Floods\ncolour: blue\npublished: last Tuesday\n---\nWater rose.\n");

        // When
        var item = Reading.Single(await Reading.ReadAllAsync(path));

        // Then
        Assert.Equal("Floods", item.Value(MetadataField.Title));
        Assert.Null(item.Value(MetadataField.Published));
        Assert.Contains(item.Warnings, w => w.Code == IngestWarningCode.UnknownMetadataKey && w.Message.Contains("colour") && w.Message.Contains(":3"));
        Assert.Contains(item.Warnings, w => w.Code == IngestWarningCode.InvalidMetadataValue && w.Message.Contains("last Tuesday"));
    }

    [Fact]
    public async Task ReadAsync_RuleLineThatIsNotFrontMatter_KeepsTextUntouched()
    {
        // Given
        using var dir = new TempFolder();
        const string text = "---\nA rule line, then prose that is not key: value... well, partly.\n---\nMore prose.\n";
        var path = dir.Write("a.txt", text);

        // When
        var item = Reading.Single(await Reading.ReadAllAsync(path));

        // Then
        Assert.Equal(text, item.Source.Raw);
        Assert.Empty(item.Source.Metadata);
    }

    [Fact]
    public async Task ReadAsync_FrontMatterOnly_IsEmptyFailure()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("a.txt", "---\ntitle: Nothing below\n---\n\n");

        // When
        var items = await Reading.ReadAllAsync(path);

        // Then
        var failure = Assert.IsType<IngestFailure>(Assert.Single(items));
        Assert.Equal(InputErrorCode.Empty, failure.Code);
        Assert.StartsWith("PX3004: ", failure.Message);
    }

    [Theory]
    [InlineData("Tue, 05 Mar 2024 14:30:00 GMT", "2024-03-05T14:30:00+00:00")]
    [InlineData("5 Mar 2024 09:15 +0100", "2024-03-05T09:15:00+01:00")]
    [InlineData("Mon, 04 Mar 2024 23:00:00 EST", "2024-03-04T23:00:00-05:00")]
    [InlineData("2024-03-05T14:30:00Z", "2024-03-05T14:30:00+00:00")]
    [InlineData("2024-03-05T14:30:00+02:00", "2024-03-05T14:30:00+02:00")]
    [InlineData("2024-03-05", "2024-03-05")]
    public void NormaliseDate_CommonForms_GivesIso8601(string input, string expected)
    {
        // Given / When
        var actual = MetadataValues.NormaliseDate(input);

        // Then
        Assert.Equal(expected, actual);
    }
}
