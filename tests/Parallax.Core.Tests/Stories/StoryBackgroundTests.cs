using Parallax.Core.Stories;

namespace Parallax.Core.Tests.Stories;

public sealed class StoryBackgroundTests
{
    [Fact]
    public void Build_ThreeDocuments_CountsLowerCaseDocumentsAndLeavesNamesOut()
    {
        // Given three short texts of our own: "harbour" in lower case in two, "Tamsk" only as a name
        string[] docs =
        [
            "The harbour was closed. Boats from Tamsk waited outside the harbour all night.",
            "Fishermen in Tamsk said the harbour would open again soon.",
            "A storm hit the coast and the ferry stayed in port.",
        ];

        // When the table is built with a minimum of one document and parsed back
        var table = StoryBackground.Parse(StoryBackground.Build(docs, 1));

        // Then counts are per document, names are absent and the header is the document count
        Assert.Equal(3, table.Documents);
        Assert.Equal(2, table.Frequency("harbour"));
        Assert.Equal(1, table.Frequency("storm"));
        Assert.Equal(0, table.Frequency("tamsk"));
        Assert.Equal(0, table.Frequency("the"));
    }

    [Fact]
    public void Build_MinimumDocuments_DropsRarerTermsAndIsDeterministic()
    {
        // Given texts where only "rain" occurs in two documents
        string[] docs = ["Heavy rain fell on the valley.", "The rain stopped at noon.", "Snow covered the pass."];

        // When built twice with a minimum of two
        var first = StoryBackground.Build(docs, 2);
        var second = StoryBackground.Build(docs, 2);

        // Then only "rain" is kept, and the text is identical
        Assert.Equal("3\nrain 2\n", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Parse_LineWithoutCount_ThrowsFormatException()
    {
        // Given a table whose second line has no count
        const string table = "10\nharbour\n";

        // When / Then
        Assert.Throws<FormatException>(() => StoryBackground.Parse(table));
    }

    [Fact]
    public void Default_ShippedTable_HoldsCommonWordsOnly()
    {
        // Given the shipped table
        var table = StoryBackground.Default;

        // Then it counts a couple of hundred documents, knows everyday words and no stop words
        Assert.True(table.Documents >= 100);
        Assert.True(table.Count >= 1000);
        Assert.True(table.Frequency("people") > 10);
        Assert.Equal(0, table.Frequency("the"));
    }
}
