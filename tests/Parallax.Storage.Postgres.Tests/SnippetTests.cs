namespace Parallax.Storage.Postgres.Tests;

/// <summary>Marking where a ts_headline fragment was cut (no server needed).</summary>
public sealed class SnippetTests
{
    [Theory]
    [InlineData("Engineers reported cracks in the [reservoir] wall", "Engineers reported cracks in the reservoir wall.", "Engineers reported cracks in the [reservoir] wall.")]
    [InlineData("cracks in the [reservoir] wall", "Engineers reported cracks in the reservoir wall.", "…cracks in the [reservoir] wall.")]
    [InlineData("Engineers reported [cracks] in", "Engineers reported cracks in the reservoir wall.", "Engineers reported [cracks] in…")]
    [InlineData("reported [cracks] in", "Engineers reported cracks in the reservoir wall.", "…reported [cracks] in…")]
    [InlineData("", "Engineers.", "")]
    public void Snippet_Fragment_MarksCutsLikeFts5(string headline, string text, string expected)
    {
        // Given a headline fragment of a text
        // When it is turned into a snippet
        var snippet = PostgresStore.Snippet(headline, text, text);

        // Then an ellipsis stands where text was left out, and the text's final punctuation is kept
        Assert.Equal(expected, snippet);
    }
}
