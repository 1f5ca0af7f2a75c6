using System.Text;
using Parallax.Nlp.Documents;

namespace Parallax.Ingest.Tests;

public sealed class EncodingTests
{
    private const string Sample = "Zo\u00EB's caf\u00E9 \u2014 \u201Cna\u00EFve\u201D \u0645\u0631\u062D\u0628\u0627 \u4E2D\u6587 \U0001F30D\n";

    public static TheoryData<string, byte[]> Boms => new()
    {
        { "utf-8", [0xEF, 0xBB, 0xBF, .. new UTF8Encoding(false).GetBytes(Sample)] },
        { "utf-16le", [0xFF, 0xFE, .. new UnicodeEncoding(false, false).GetBytes(Sample)] },
        { "utf-16be", [0xFE, 0xFF, .. new UnicodeEncoding(true, false).GetBytes(Sample)] },
        { "utf-32le", [0xFF, 0xFE, 0x00, 0x00, .. new UTF32Encoding(false, false).GetBytes(Sample)] },
        { "utf-32be", [0x00, 0x00, 0xFE, 0xFF, .. new UTF32Encoding(true, false).GetBytes(Sample)] },
    };

    [Theory]
    [MemberData(nameof(Boms))]
    public async Task ReadAsync_TextWithBom_DecodesAndDropsTheBom(string encoding, byte[] bytes)
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("a.txt", bytes);

        // When
        var item = Reading.Single(await Reading.ReadAllAsync(path));

        // Then
        Assert.Equal(Sample, item.Source.Raw);
        Assert.Equal(encoding, item.Source.Encoding);
        Assert.Empty(item.Warnings);
    }

    [Fact]
    public async Task ReadAsync_Utf8WithoutBom_IsUtf8()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("a.txt", Sample);

        // When
        var item = Reading.Single(await Reading.ReadAllAsync(path));

        // Then
        Assert.Equal(Sample, item.Source.Raw);
        Assert.Equal("utf-8", item.Source.Encoding);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8_FallsBackToWindows1252WithWarning()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("latin.txt", Fixtures.Windows1252("Caf\u00E9 cr\u00E8me \u2013 \u20AC5\n"));

        // When
        var item = Reading.Single(await Reading.ReadAllAsync(path));

        // Then
        Assert.Equal("Caf\u00E9 cr\u00E8me \u2013 \u20AC5\n", item.Source.Raw);
        Assert.Equal("windows-1252", item.Source.Encoding);
        var warning = Assert.Single(item.Warnings);
        Assert.Equal(IngestWarningCode.NotUtf8, warning.Code);
        Assert.StartsWith($"PX3901: {path} is not valid UTF-8", warning.Message);
    }

    [Fact]
    public async Task ReadAsync_HtmlMetaCharset_IsHonoured()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("p.html", Fixtures.Windows1252("<html><head><meta charset=\"windows-1252\"></head><body>na\u00EFve \u2019</body></html>"));

        // When
        var item = Reading.Single(await Reading.ReadAllAsync(path));

        // Then
        Assert.Contains("na\u00EFve \u2019", item.Source.Raw);
        Assert.Equal("windows-1252", item.Source.Encoding);
        Assert.Empty(item.Warnings);
    }

    [Fact]
    public async Task ReadAsync_HtmlHttpEquivCharset_IsHonoured()
    {
        // Given
        using var dir = new TempFolder();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("windows-1251").GetBytes(
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body>\u041F\u0440\u0438\u0432\u0435\u0442</body></html>");
        var path = dir.Write("ru.html", bytes);

        // When
        var item = Reading.Single(await Reading.ReadAllAsync(path));

        // Then
        Assert.Contains("\u041F\u0440\u0438\u0432\u0435\u0442", item.Source.Raw);
        Assert.Equal("windows-1251", item.Source.Encoding);
    }

    [Fact]
    public async Task ReadAsync_MetaCharsetUtf16OnAsciiBytes_IsReadAsUtf8()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("p.html", "<html><head><meta charset=\"utf-16\"></head><body>Caf\u00E9</body></html>");

        // When
        var item = Reading.Single(await Reading.ReadAllAsync(path));

        // Then
        Assert.Contains("Caf\u00E9", item.Source.Raw);
        Assert.Equal("utf-8", item.Source.Encoding);
    }

    [Fact]
    public async Task ReadAsync_UnknownDeclaredCharset_WarnsAndDetects()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("p.html", "<html><head><meta charset=\"klingon-8\"></head><body>ok</body></html>");

        // When
        var item = Reading.Single(await Reading.ReadAllAsync(path));

        // Then
        Assert.Equal("utf-8", item.Source.Encoding);
        Assert.Equal(IngestWarningCode.UnknownCharset, Assert.Single(item.Warnings).Code);
    }

    [Fact]
    public async Task ReadAsync_XmlDeclarationEncoding_IsHonoured()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("f.xml", Fixtures.Windows1252(
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>Caf\u00E9 News</title><item><title>\u00C9t\u00E9</title><description>Beau temps \u00E0 Nice.</description></item></channel></rss>"));

        // When
        var item = Reading.Single(await Reading.ReadAllAsync(path));

        // Then
        Assert.Equal("Beau temps \u00E0 Nice.", item.Source.Raw);
        Assert.Equal("\u00C9t\u00E9", item.Value(MetadataField.Title));
        Assert.Equal("Caf\u00E9 News", item.Value(MetadataField.Outlet));
        Assert.Equal("windows-1252", item.Source.Encoding);
    }

    [Fact]
    public async Task ReadAsync_Utf16BomWithOddByteCount_IsDecodingFailure()
    {
        // Given
        using var dir = new TempFolder();
        byte[] bytes = [0xFF, 0xFE, .. new UnicodeEncoding(false, false).GetBytes("Hi"), 0x00, 0xD8, 0x41];
        var path = dir.Write("odd.txt", bytes);

        // When
        var failure = Assert.IsType<IngestFailure>(Assert.Single(await Reading.ReadAllAsync(path)));

        // Then
        Assert.Equal(InputErrorCode.Decoding, failure.Code);
        Assert.Contains("utf-16le", failure.Message);
    }

    [Fact]
    public void Decode_RandomTextInEveryBomEncoding_RoundTrips()
    {
        // Given: a fixed seed so a failure reproduces
        var random = new Random(20240305);
        Encoding[] encodings =
        [
            new UTF8Encoding(true), new UnicodeEncoding(false, true), new UnicodeEncoding(true, true),
            new UTF32Encoding(false, true), new UTF32Encoding(true, true),
        ];
        for (int round = 0; round < 200; round++)
        {
            var text = RandomText(random, random.Next(1, 300));
            foreach (var enc in encodings)
            {
                byte[] bytes = [.. enc.GetPreamble(), .. enc.GetBytes(text)];

                // When
                var decoded = TextDecoder.Decode(bytes, null, lookInside: false, "x");

                // Then
                Assert.Equal(text, decoded.Text);
                Assert.Null(decoded.Warning);
            }
            // And: valid UTF-8 without a BOM is never mistaken for Windows-1252.
            var plain = TextDecoder.Decode(new UTF8Encoding(false).GetBytes(text), null, lookInside: true, "x");
            Assert.Equal(text, plain.Text);
            Assert.Equal("utf-8", plain.EncodingName);
        }
    }

    private static string RandomText(Random random, int length)
    {
        var sb = new StringBuilder();
        while (sb.Length < length)
        {
            int cp = random.Next(4) switch
            {
                0 => random.Next(0x20, 0x7F),
                1 => random.Next(0xA0, 0x800),
                2 => random.Next(0x3000, 0xD000),
                _ => random.Next(0x10000, 0x1FFFF),
            };
            sb.Append(char.ConvertFromUtf32(cp));
        }
        return sb.ToString();
    }
}
