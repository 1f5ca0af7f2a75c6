using Parallax.Nlp.Events;

namespace Parallax.Nlp.Tests.Events;

public sealed class EventLexiconTests
{
    private const string Header = "trigger\tpos\ttype\tmode\tcameo\tof\tweight\tmodality\n";
    private const string Irregular = "lemma\tpast\tparticiple\nmeet\tmet\tmet\n";
    private const string Cues = "class\tcue\nfuture\twill\n";
    private const string Modes = "type\tmode\tcameo\tcue\n";

    [Fact]
    public void Default_ShippedLexicon_LoadsWithEveryPloverType()
    {
        // Given / When the embedded lexicon
        var lexicon = EventLexicon.Default;

        // Then it covers the PLOVER 2021 types
        string[] types = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE", "REQUEST", "REJECT",
            "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"];
        Assert.All(types, t => Assert.Contains(lexicon.Entries, e => e.PloverType == t));
    }

    [Theory]
    [InlineData("meet", new[] { "meets", "meeting", "met" })]
    [InlineData("ban", new[] { "bans", "banning", "banned" })]
    [InlineData("agree", new[] { "agrees", "agreeing", "agreed" })]
    [InlineData("occupy", new[] { "occupies", "occupied", "occupying" })]
    [InlineData("cancel", new[] { "cancels", "canceled", "cancelled", "canceling" })]
    public void FirstWordForms_Verb_GeneratesInflections(string lemma, string[] expected)
    {
        // Given a verb lemma and the irregular table
        var irregular = new Dictionary<string, (string, string)>(StringComparer.Ordinal) { ["meet"] = ("met", "met") };

        // When its forms are generated
        var forms = EventLexicon.FirstWordForms(TriggerPos.Verb, [lemma], irregular).Select(f => f.Form).ToList();

        // Then every inflection is there
        Assert.All(expected, f => Assert.Contains(f, forms));
    }

    [Fact]
    public void Load_BadWeight_ThrowsPX3802NamingTheLine()
    {
        // Given a trigger line with a weight above 1
        var triggers = Header + "meet\tV\tCONSULT\t-\t040\t-\t1.5\t-\n";

        // When / Then
        var ex = Assert.Throws<EventLexiconException>(() => EventLexicon.Load(triggers, Irregular, Cues, Modes, "army\n"));
        Assert.Equal(EventLexiconErrorCode.BadValue, ex.Code);
        Assert.Contains("PX3802", ex.Message, StringComparison.Ordinal);
        Assert.Contains("triggers.tsv line 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingCell_ThrowsPX3801()
    {
        // Given a trigger line with too few cells
        var triggers = Header + "meet\tV\tCONSULT\n";

        // When / Then
        var ex = Assert.Throws<EventLexiconException>(() => EventLexicon.Load(triggers, Irregular, Cues, Modes, ""));
        Assert.Equal(EventLexiconErrorCode.BadCellCount, ex.Code);
    }
}
