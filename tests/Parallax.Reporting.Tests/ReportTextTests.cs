namespace Parallax.Reporting.Tests;

public sealed class ReportTextTests
{
    [Theory]
    [InlineData("a < b & \"c\" 'd' > e", "a &lt; b &amp; &quot;c&quot; &#39;d&#39; &gt; e")]
    [InlineData("نريد السلام", "نريد السلام")]
    [InlineData("", "")]
    public void Html_SpecialCharacters_AreReferencesAndOthersKept(string input, string expected) =>
        Assert.Equal(expected, ReportText.Html(input));

    [Theory]
    [InlineData("# Not a heading", "\\# Not a heading")]
    [InlineData("1. not a list", "1\\. not a list")]
    [InlineData("- not a bullet", "\\- not a bullet")]
    [InlineData("a*b*_c_ [l](u) `c` <b> x|y &amp;", "a\\*b\\*\\_c\\_ \\[l\\](u) \\`c\\` \\<b\\> x\\|y \\&amp;")]
    [InlineData("mid-sentence 1. stays", "mid-sentence 1. stays")]
    public void Markdown_ActiveSyntax_IsEscaped(string input, string expected) =>
        Assert.Equal(expected, ReportText.Markdown(input));

    [Fact]
    public void MarkdownCell_NumbersAndNewlines_StayInOneCell()
    {
        Assert.Equal("0.95", ReportText.MarkdownCell("0.95"));
        Assert.Equal("a b \\| c", ReportText.MarkdownCell("a\nb\r\n| c"));
    }

    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("one  two\n\nthree", 40, "one two three")]
    [InlineData("abcdefghij", 6, "abcde…")]
    [InlineData("ab😀cd", 4, "ab…")]
    public void Shorten_LongText_IsCutWithAnEllipsis(string input, int max, string expected)
    {
        var shortened = ReportText.Shorten(input, max);
        Assert.Equal(expected, shortened);
        Assert.True(shortened.Length <= max);
    }

    [Fact]
    public void Iso_OffsetInstant_IsUtcWithoutTrailingZeros()
    {
        Assert.Equal("2024-05-01T07:30:00Z", ReportText.Iso(new DateTimeOffset(2024, 5, 1, 9, 30, 0, TimeSpan.FromHours(2))));
        Assert.Equal("2024-05-01T07:30:00.25Z", ReportText.Iso(new DateTimeOffset(2024, 5, 1, 7, 30, 0, 250, TimeSpan.Zero)));
    }
}
