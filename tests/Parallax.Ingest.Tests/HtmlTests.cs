using Parallax.Nlp.Documents;

namespace Parallax.Ingest.Tests;

public sealed class HtmlTests
{
    [Fact]
    public async Task ReadAsync_HtmlFile_IsHtmlWithNoReaderMetadata()
    {
        // Given
        using var dir = new TempFolder();
        const string html = "<!DOCTYPE html><html><head><title>T</title><meta name=\"author\" content=\"X\"></head><body><p>Hi</p></body></html>";
        var path = dir.Write("p.htm", html);

        // When
        var item = Reading.Single(await Reading.ReadAllAsync(path));

        // Then
        Assert.Equal(ContentKind.Html, item.Source.Kind);
        Assert.Equal(html, item.Source.Raw);
        Assert.Empty(item.Source.Metadata);
    }

    [Fact]
    public async Task ReadAsync_MalformedHtml_IsStillRead()
    {
        // Given
        using var dir = new TempFolder();
        const string html = "<html><body><div><p>Unclosed <b>bold <i>mess</div></span>";
        var path = dir.Write("broken.html", html);

        // When
        var item = Reading.Single(await Reading.ReadAllAsync(path));

        // Then
        Assert.Equal(html, item.Source.Raw);
    }

    [Fact]
    public async Task ReadAsync_GzippedHtml_IsDecompressed()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("p.html.gz", Fixtures.Gzip("<html><body><p>Packed</p></body></html>"));

        // When
        var item = Reading.Single(await Reading.ReadAllAsync(path));

        // Then
        Assert.Equal(ContentKind.Html, item.Source.Kind);
        Assert.Contains("Packed", item.Source.Raw);
    }

    [Fact]
    public async Task ReadAsync_CorruptGzip_FailsNamingTheFile()
    {
        // Given
        using var dir = new TempFolder();
        var bytes = Fixtures.Gzip("<html><body><p>Packed text that is long enough to compress</p></body></html>");
        for (int i = 10; i < bytes.Length - 8; i++) bytes[i] ^= 0x5A;
        var path = dir.Write("p.htm.gz", bytes);

        // When
        var failure = Assert.IsType<IngestFailure>(Assert.Single(await Reading.ReadAllAsync(path)));

        // Then
        Assert.Equal(InputErrorCode.Decompression, failure.Code);
        Assert.StartsWith($"PX3012: {path} failed to decompress", failure.Message);
    }

    [Fact]
    public async Task ReadAsync_GzipNameWithoutGzipBytes_FailsAsDecompression()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("p.html.gz", "<html>not compressed</html>");

        // When
        var failure = Assert.IsType<IngestFailure>(Assert.Single(await Reading.ReadAllAsync(path)));

        // Then
        Assert.Equal(InputErrorCode.Decompression, failure.Code);
    }

    [Fact]
    public async Task ReadAsync_GzipLargerThanLimitOnceInflated_IsTooLarge()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("big.html.gz", Fixtures.Gzip("<p>" + new string('a', 200_000) + "</p>"));

        // When
        var failure = Assert.IsType<IngestFailure>(Assert.Single(await Reading.ReadAllAsync(new IngestOptions { MaxBytes = 50_000 }, path)));

        // Then
        Assert.Equal(InputErrorCode.TooLarge, failure.Code);
        Assert.Contains("decompresses to more than", failure.Message);
    }

    [Fact]
    public async Task ReadAsync_TruncatedGzip_FailsAsDecompression()
    {
        // Given
        using var dir = new TempFolder();
        var bytes = Fixtures.Gzip("<html><body><p>" + string.Join(" ", Enumerable.Range(0, 2000)) + "</p></body></html>");
        var path = dir.Write("cut.html.gz", bytes[..(bytes.Length / 2)]);

        // When
        var failure = Assert.IsType<IngestFailure>(Assert.Single(await Reading.ReadAllAsync(path)));

        // Then
        Assert.Equal(InputErrorCode.Decompression, failure.Code);
        Assert.Contains(path, failure.Message);
    }
}
