using System.Text;
using Parallax.Core.Articles;
using Parallax.Nlp.Documents;
using Parallax.Reporting.Export;

namespace Parallax.Reporting.Tests.Export;

public sealed class CsvExporterTests
{
    /// <summary>A strict RFC 4180 reader written for these tests: CRLF records, quoted fields with doubled quotes.</summary>
    private static List<List<string>> ParseRfc4180(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        int i = 0;
        while (i < csv.Length)
        {
            if (csv[i] == '"')
            {
                i++;
                while (true)
                {
                    if (csv[i] == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i += 2; }
                    else if (csv[i] == '"') { i++; break; }
                    else field.Append(csv[i++]);
                }
            }
            else
            {
                while (i < csv.Length && csv[i] != ',' && csv[i] != '\r')
                {
                    Assert.NotEqual('"', csv[i]);
                    Assert.NotEqual('\n', csv[i]);
                    field.Append(csv[i++]);
                }
            }
            row.Add(field.ToString());
            field.Clear();
            if (i < csv.Length && csv[i] == ',') { i++; continue; }
            Assert.Equal("\r\n", csv.Substring(i, 2));
            i += 2;
            rows.Add(row);
            row = [];
        }
        return rows;
    }

    [Fact]
    public void Write_FieldsWithCommasQuotesAndNewlines_AreQuotedAndReadBackExactly()
    {
        // Given an article whose metadata holds commas, quotes, CR/LF and a lone CR
        var title = "Port \"reopens\", at last";
        var author = "Ortiz, Lena\nand Okafor, Sam";
        var outlet = "The \"Daily\"\r\nEdition";
        var article = new ArticleBuilder("dir,with,commas/a \"b\".txt")
            .Paragraph("One two, three.")
            .Removed(RemovalReason.Spam, "Click here", "spam")
            .Meta(MetadataField.Title, title)
            .Meta(MetadataField.Author, author)
            .Meta(MetadataField.Outlet, outlet)
            .Meta(MetadataField.Published, "2024-05-01")
            .InStory("s-1")
            .Build();

        // When written as CSV
        using var writer = new StringWriter();
        new CsvExporter().Write([article], writer);
        var rows = ParseRfc4180(writer.ToString());

        // Then a strict reader gets the header and the exact values back
        Assert.Equal(CsvExporter.Columns, rows[0]);
        var row = rows[1];
        Assert.Equal(2, rows.Count);
        Assert.Equal(article.Id, row[0]);
        Assert.Equal("s-1", row[1]);
        Assert.Equal(outlet, row[2]);
        Assert.Equal(title, row[3]);
        Assert.Equal(author, row[4]);
        Assert.Equal("2024-05-01", row[5]);
        Assert.Equal("", row[6]);
        Assert.Equal("3", row[8]);
        Assert.Equal("dir,with,commas/a \"b\".txt", row[10]);
        Assert.Equal("1", row[11]);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("cr\ronly", "\"cr\ronly\"")]
    [InlineData("", "")]
    public void Quote_Field_FollowsRfc4180(string field, string expected) =>
        Assert.Equal(expected, CsvExporter.Quote(field));

    [Fact]
    public void Write_Stream_IsUtf8WithoutBomAndCrlf()
    {
        // Given an article with non-ASCII text
        var article = new ArticleBuilder("a.txt").Paragraph("x").Meta(MetadataField.Title, "نريد").Build();
        var view = new StoryView(new StoryRecord("s", "l", [article.Id], [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), [article]);

        // When written to a stream
        using var stream = new MemoryStream();
        new CsvExporter().Write([view], stream);
        var bytes = stream.ToArray();

        // Then it starts with the header (no BOM), uses CRLF, and the Arabic title is UTF-8
        Assert.Equal((byte)'i', bytes[0]);
        var text = new UTF8Encoding(false, true).GetString(bytes);
        Assert.StartsWith("id,story_id,outlet,title,author,published,language,url,words,duplicate_of,source_id,removed_blocks,published_source\r\n", text, StringComparison.Ordinal);
        Assert.Contains(",نريد,", text, StringComparison.Ordinal);
    }
}
