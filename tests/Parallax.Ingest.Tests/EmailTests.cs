using System.Text;
using Parallax.Nlp.Documents;

namespace Parallax.Ingest.Tests;

public sealed class EmailTests
{
    [Fact]
    public async Task ReadAsync_MultipartAlternative_PrefersQuotedPrintableHtmlAndReadsHeaders()
    {
        // Given
        using var dir = new TempFolder();
        var plain = Convert.ToBase64String(Encoding.UTF8.GetBytes("Plain version: caf\u00E9 reopens."));
        var eml = string.Join("\r\n",
            "From: \"Nadia Brook\" <nadia@letters.example>",
            "To: reader@example.org",
            "Subject: =?UTF-8?B?Q2Fmw6kgcmVvcGVucw==?= =?UTF-8?Q?_on_the_square?=",
            "Date: Wed, 06 Mar 2024 08:15:00 +0100",
            "Message-ID: <abc123@letters.example>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"b1\"",
            "",
            "preamble",
            "--b1",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
            plain,
            "--b1",
            "Content-Type: text/html; charset=\"utf-8\"",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "<p>The caf=C3=A9 reopens on the square, with a long line that is soft=",
            "-wrapped.</p>",
            "--b1--",
            "");
        var path = dir.Write("letter.eml", eml);

        // When
        var item = Reading.Single(await Reading.ReadAllAsync(path));

        // Then
        Assert.Equal(ContentKind.Html, item.Source.Kind);
        Assert.Equal("<p>The caf\u00E9 reopens on the square, with a long line that is soft-wrapped.</p>", item.Source.Raw);
        Assert.Equal("Caf\u00E9 reopens on the square", item.Value(MetadataField.Title));
        Assert.Equal("Nadia Brook", item.Value(MetadataField.Author));
        Assert.Equal("2024-03-06T08:15:00+01:00", item.Value(MetadataField.Published));
        Assert.Equal("abc123@letters.example", item.ExternalId);
        Assert.All(item.Source.Metadata, c => Assert.Equal(MetadataSource.Email, c.Source));
    }

    [Fact]
    public async Task ReadAsync_PlainOnlyWithLatin1Charset_DecodesPart()
    {
        // Given
        using var dir = new TempFolder();
        var head = Encoding.ASCII.GetBytes("From: desk@paper.example\nSubject: Notice\nDate: 1 Feb 2024 10:00:00 GMT\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\n");
        byte[] bytes = [.. head, .. Fixtures.Windows1252("Le th\u00E9\u00E2tre ferme.\n")];
        var path = dir.Write("n.eml", bytes);

        // When
        var item = Reading.Single(await Reading.ReadAllAsync(path));

        // Then
        Assert.Equal(ContentKind.PlainText, item.Source.Kind);
        Assert.Equal("Le th\u00E9\u00E2tre ferme.\n", item.Source.Raw);
        Assert.Null(item.Value(MetadataField.Author));
        Assert.Equal("Notice", item.Value(MetadataField.Title));
        Assert.Empty(item.Warnings);
    }

    [Fact]
    public async Task ReadAsync_EmailFromStdin_IsSniffed()
    {
        // Given
        var bytes = Encoding.ASCII.GetBytes("Subject: Piped\r\nFrom: A <a@b.example>\r\nDate: 2 Feb 2024 10:00:00 +0000\r\n\r\nBody line.\r\n");
        var options = new IngestOptions { StandardInput = () => new MemoryStream(bytes) };

        // When
        var item = Reading.Single(await Reading.ReadAllAsync(options, "-"));

        // Then
        Assert.Equal("stdin", item.Source.SourceId);
        Assert.Equal("Piped", item.Value(MetadataField.Title));
        Assert.Equal("Body line.\r\n", item.Source.Raw);
    }

    [Fact]
    public async Task ReadAsync_EmailWithOnlyAnAttachment_IsMalformedEmail()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("att.eml", "From: a@b.example\nSubject: Files\nContent-Type: multipart/mixed; boundary=zz\n\n--zz\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0=\n--zz--\n");

        // When
        var failure = Assert.IsType<IngestFailure>(Assert.Single(await Reading.ReadAllAsync(path)));

        // Then
        Assert.Equal(InputErrorCode.MalformedEmail, failure.Code);
        Assert.Contains("no text/plain or text/html part", failure.Message);
    }
}
