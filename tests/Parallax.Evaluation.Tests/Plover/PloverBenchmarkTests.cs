using System.Collections.Immutable;
using Parallax.Evaluation.Plover;
using Parallax.Nlp.Events;
using Parallax.Testing;
using Parallax.Text;
using Xunit.Abstractions;

namespace Parallax.Evaluation.Tests.Plover;

public sealed class PloverBenchmarkTests(ITestOutputHelper output)
{
    // A tiny gold file in the PLOVER GSR layout, written for these tests (not copied from the benchmark).
    private const string Tiny = """
        [
        { "id": "TEST-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "notes" },
        { "id": "TEST-FIGHT-0001", "event": "FIGHT", "mode": "heavy-weapons",
          "source": [{"actorText": "Syrian army"}], "target": [{"actorText": "rebels"}],
          "text": "The Syrian army shelled rebels near Deraa on Friday.",
          "textInfo": {"markup": "The (SRC: Syrian army) (EVT: shelled) (TAR: rebels) near Deraa on Friday."} },
        { "id": "TEST-CONSULT-0002", "event": "CONSULT", "mode": "",
          "source": [{"actorText": "Lieberman"}, {"actorText": "Shoigu"}], "target": "",
          "text": "Avigdor Lieberman and Sergei Shoigu met in Moscow on Thursday.",
          "textInfo": {"markup": "(SRC/TAR: Avigdor Lieberman) and (SRC/TAR: Sergei Shoigu) (EVT: met) in Moscow on Thursday."} },
        { "id": "TEST-DEMAND-0003", "event": "DEMAND",
          "source": [{"actorText": "Israel"}], "target": [{"actorText": "Russia"}],
          "text": "Israel demanded that Russia keep Iranian forces away from the border.",
          "textInfo": {"markup": "(SRC: Israel) (EVT: demanded) that (TAR: Russia) keep Iranian forces away."} },
        ]
        """;

    private static string TinyFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "plover-tiny-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, Tiny);
        return path;
    }

    private static EventMention Event(string type, string? mode, string? cameo, EventModality modality, string? source = null, string? target = null, int at = 0) =>
        new("e1", new TextSpan(at, at + 1), "x", new TextSpan(0, 10), type, mode, cameo,
            source is null ? null : new EventParticipant(new TextSpan(0, 1), source, null, null),
            target is null ? null : new EventParticipant(new TextSpan(0, 1), target, null, null),
            null, EventDates.None, modality, null, 0.9, [new TextSpan(0, 10)]);

    [Fact]
    public void Read_TinyFile_SkipsDocumentRecordsAndReadsActorsModesAndReciprocity()
    {
        // Given the tiny file
        var path = TinyFile();

        // When it is read
        var records = PloverGold.Read(path);
        File.Delete(path);

        // Then the three event records are there with their fields
        Assert.Equal(3, records.Length);
        Assert.Equal("FIGHT", records[0].EventType);
        Assert.Equal("heavy-weapons", records[0].Mode);
        Assert.Equal("Syrian army", Assert.Single(records[0].Sources));
        Assert.Null(records[1].Mode);
        Assert.True(records[1].Reciprocal);
        Assert.Empty(records[1].Targets);
        Assert.Equal(3, records[2].Number);
    }

    [Fact]
    public void Read_NotJson_ThrowsPX3812NamingTheFile()
    {
        // Given a file that is not JSON
        var path = Path.Combine(Path.GetTempPath(), "plover-bad-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(path, "id: 1, event: AGREE");

        // When / Then
        var ex = Assert.Throws<InvalidDataException>(() => PloverGold.Read(path));
        File.Delete(path);
        Assert.Contains("PX3812", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TinyFileWithTheRealPipeline_CodesEachSentence()
    {
        // Given the tiny file
        var path = TinyFile();

        // When the default pipeline's event stage codes it
        var report = PloverBenchmark.Run(path);
        File.Delete(path);
        output.WriteLine(report.ToMarkdownTable());

        // Then every sentence gets its gold type, the mode where there is one, and the actors
        var all = report.Row("all", PloverTaxonomy.Gold2016);
        Assert.Equal(3, all.Records);
        Assert.Equal(1.0, all.Accuracy);
        Assert.Equal(1.0, all.MacroF1);
        Assert.Equal(1.0, all.ModeAccuracy);
        Assert.Equal(1.0, all.SourceMatch);
        Assert.Equal(2, all.TargetRecords);
        Assert.Equal(1.0, all.TargetMatch);
    }

    [Fact]
    public void Score_HandCodedEvents_ComputesAccuracyMacroAndWeightedF1()
    {
        // Given the tiny gold and events chosen by hand: FIGHT right, CONSULT wrong (coded AGREE), DEMAND right
        var records = PloverGold.Parse(Tiny, "tiny");
        var byText = new Dictionary<string, ImmutableArray<EventMention>>(StringComparer.Ordinal)
        {
            [records[0].Text] = [Event("ASSAULT", "heavy-weapons", "194", EventModality.Asserted, "The Syrian army", "rebels")],
            [records[1].Text] = [Event("AGREE", null, "030", EventModality.Asserted, "Avigdor Lieberman")],
            [records[2].Text] = [Event("REQUEST", null, "100", EventModality.Asserted, "Israel", "Russia")],
        };

        // When scored
        var report = PloverBenchmark.Score(records, t => byText[t]);
        var all = report.Row("all", PloverTaxonomy.Gold2016);

        // Then accuracy is 2/3; per type F1 is FIGHT 1, DEMAND 1, CONSULT 0 → macro 2/3, weighted 2/3
        Assert.Equal(2 / 3.0, all.Accuracy, 6);
        Assert.Equal(2 / 3.0, all.MacroF1, 6);
        Assert.Equal(2 / 3.0, all.WeightedF1, 6);
        Assert.Equal(1.0, all.SourceMatch, 6);
        // And the odd/even halves split the records by id number
        Assert.Equal(2, report.Row("tune", PloverTaxonomy.Gold2016).Records);
        Assert.Equal(1, report.Row("held-out", PloverTaxonomy.Gold2016).Records);
    }

    [Theory]
    [InlineData("REQUEST", null, "100", "DEMAND")]
    [InlineData("ACCUSE", "investigate", "090", "INVESTIGATE")]
    [InlineData("ACCUSE", "allege", "112", "DISAPPROVE")]
    [InlineData("ASSAULT", null, "190", "FIGHT")]
    [InlineData("ASSAULT", "explosives", "183", "ASSAULT")]
    [InlineData("AGREE", null, "030", "AGREE")]
    public void ToGold2016_OurTypes_MapToTheGoldDraft(string type, string? mode, string cameo, string expected) =>
        Assert.Equal(expected, PloverCoding.ToGold2016(type, mode, cameo));

    [Theory]
    [InlineData("CONSULT", EventModality.Planned, "AGREE")]
    [InlineData("ASSAULT", EventModality.Threatened, "THREATEN")]
    [InlineData("AGREE", EventModality.Negated, "REJECT")]
    [InlineData("ASSAULT", EventModality.Negated, "ASSAULT")]
    [InlineData("CONSULT", EventModality.Reported, "CONSULT")]
    public void Convention_Modality_FollowsPloverIntentThreatAndRefusal(string type, EventModality modality, string expected) =>
        Assert.Equal(expected, PloverCoding.Convention(Event(type, null, null, modality)));

    [Theory]
    [InlineData("Romanian officials", "Romanian", true)]
    [InlineData("the army", "police", false)]
    [InlineData("The Syrian Army", "syrian army", true)]
    [InlineData(null, "Israel", false)]
    public void ActorsMatch_SharedContentWord_Matches(string? ours, string gold, bool expected) =>
        Assert.Equal(expected, PloverCoding.ActorsMatch(ours, [gold]));

    [Theory]
    [InlineData("demo", "demo-org", true)]
    [InlineData("hunger", "strike-hun", true)]
    [InlineData("firearms", "heavy-weapons", false)]
    [InlineData(null, "visit", false)]
    public void SameMode_Aliases_Match(string? ours, string gold, bool expected) =>
        Assert.Equal(expected, PloverCoding.SameMode(ours, gold));

    [SharedFact("bench/events/PLOVER_GSR_CAMEO.txt")]
    public void Run_PloverGold_HeldOutAboveFloorAndDeterministic()
    {
        // Given the PLOVER gold standard
        var path = SharedData.PathOf("bench/events/PLOVER_GSR_CAMEO.txt")!;

        // When it is run twice
        var first = PloverBenchmark.Run(path);
        var second = PloverBenchmark.Run(path);
        output.WriteLine(first.ToMarkdownTable());

        // Then the output is identical and the held-out half stays above the floor recorded in docs/QUALITY.md
        Assert.Equal(first.ToMarkdownTable(), second.ToMarkdownTable());
        var held = first.Row("held-out", PloverTaxonomy.Gold2016);
        Assert.True(held.Accuracy >= 0.55, $"held-out type accuracy {held.Accuracy:F3}");
        Assert.True(held.SourceMatch >= 0.55, $"held-out source match {held.SourceMatch:F3}");
    }
}
