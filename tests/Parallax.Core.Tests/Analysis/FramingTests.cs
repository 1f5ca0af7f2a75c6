using Parallax.Core.Analysis;
using Parallax.Nlp.Quotes;

namespace Parallax.Core.Tests.Analysis;

public sealed class FramingTests
{
    private static readonly StoryAnalyzer Analyzer = new();

    [Fact]
    public void Analyze_TwoOutletsNameTheSameFightersDifferently_LabelsAndVerbsSideBySide()
    {
        // Given one outlet calling the fighters terrorists and "freeing" a town, another calling them rebels and "capturing" it
        var a = new StoryFixture("a", "Harbour Herald", "2018-06-01",
            "The army freed the town from terrorists. The terrorists fled, the commander said.");
        a.Quote("The terrorists fled", "the commander");
        var b = new StoryFixture("b", "Valley Post", "2018-06-01",
            "Government forces reportedly captured the town from the rebels. Rebels said they may return, according to sources.");
        b.Quote("they may return", "sources", SourceKind.Collective);

        // When analysed
        var framing = Analyzer.Analyze([a.Build(), b.Build()]).Framing;

        // Then each article's labels and loaded verbs are listed with their sentences
        var fa = framing.Single(f => f.ArticleId == "a");
        var fb = framing.Single(f => f.ArticleId == "b");
        var terrorists = Assert.Single(fa.Labels, l => l.Term == "terrorists");
        Assert.Equal(("armed opposition", "pejorative", 2), (terrorists.Group, terrorists.Connotation, terrorists.Count));
        Assert.Equal(2, terrorists.Sentences.Length);
        Assert.Contains(fb.Labels, l => l.Term == "rebels" && l.Count == 2 && l.Connotation == "neutral");
        Assert.DoesNotContain(fb.Labels, l => l.Term == "terrorists");
        Assert.Contains(fa.Verbs, v => v.Group == "taking territory" && v.Term == "freed" && v.Connotation == "endorsing");
        Assert.Contains(fb.Verbs, v => v.Group == "taking territory" && v.Term == "captured");

        // and the hedge rate and unnamed share differ: b hedges three times ("reportedly", "may", "according to") and quotes only collective sources
        Assert.Equal(0, fa.Hedges);
        Assert.Equal(3, fb.Hedges);
        Assert.Equal(fb.Hedges * 1000.0 / fb.Words, fb.HedgesPer1000Words, 2);
        Assert.Equal(0, fa.UnnamedShare);
        Assert.Equal(1, fb.UnnamedShare);
        Assert.Equal("the commander", Assert.Single(fa.Sources).Name);
    }

    [Fact]
    public void Default_ShippedLexicons_LoadWithEveryGroup()
    {
        // Given / When the embedded lexicons
        var lexicon = FramingLexicon.Default;

        // Then each file contributed
        Assert.Contains(lexicon.Labels, t => t.Term == "illegal armed formations");
        Assert.Contains(lexicon.Verbs, t => t.Term == "retook");
        Assert.Contains("reportedly", lexicon.Hedges);
        Assert.Contains("denied the report", lexicon.Denials);
    }

    [Fact]
    public void Load_LineWithoutTerm_ThrowsCodedError()
    {
        // Given a labels file whose second line lacks columns
        using var labels = new StringReader("# comment\narmed opposition\n");
        using var empty = new StringReader(string.Empty);

        // When / Then
        var e = Assert.Throws<InvalidDataException>(() => FramingLexicon.Load(labels, new StringReader(""), new StringReader(""), empty, sourceName: "mine"));
        Assert.Contains("PX1601", e.Message, StringComparison.Ordinal);
        Assert.Contains("mine labels line 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_LongestTermWins_IllegalArmedFormationsNotArmedGroups()
    {
        // Given a multi-word label
        var a = new StoryFixture("a", "Harbour Herald", "2018-06-01", "Troops cleared the suburb of illegal armed formations.");

        // When
        var f = Assert.Single(Analyzer.Analyze([a.Build()]).Framing);

        // Then it counts once, as the longest term
        var label = Assert.Single(f.Labels);
        Assert.Equal("illegal armed formations", label.Term);
    }
}
