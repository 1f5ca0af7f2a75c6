using Parallax.Nlp.Documents;
using Parallax.Nlp.Events;
using Parallax.Nlp.Pipeline;
using Parallax.Nlp.Quotes;
using Parallax.Testing;
using Xunit.Abstractions;

namespace Parallax.Nlp.Tests.Events;

/// <summary>The event stage on the five shared seed articles, read from ../shared/seeds at run time (never copied).</summary>
public sealed class EventSeedTests(ITestOutputHelper output)
{
    private static readonly Lazy<List<(string File, Document Doc)>> _seeds = new(() =>
    {
        var pipeline = DefaultPipeline.Create();
        return [.. Directory.GetFiles(SharedData.PathOf("seeds")!, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), pipeline.Process(new DocumentSource(f, ContentKind.PlainText, File.ReadAllText(f), []))))];
    });

    private List<(Document Doc, EventMention Event)> All()
    {
        var all = new List<(Document, EventMention)>();
        foreach (var (file, doc) in _seeds.Value)
        {
            output.WriteLine("== " + file);
            foreach (var e in doc.Get(EventLayers.Events))
            {
                output.WriteLine($"{e.Id} {e.Trigger.Of(doc.Text)} {e.PloverType}/{e.PloverMode}/{e.CameoCode} {e.Modality} src={e.Source?.Text} tgt={e.Target?.Text} at={e.Place?.Name} rep={e.Dates.Reported?.Value} hap={e.Dates.Happened?.Value} plan={e.Dates.ClaimedOrPlanned?.Value} by={e.AttributedTo?.Text}/{e.AttributedTo?.Kind} c={e.Confidence}");
                all.Add((doc, e));
            }
        }

        return all;
    }

    [SharedFact("seeds")]
    public void EventStage_Seeds_LiebermanMeetsShoiguInMoscow()
    {
        // Given / When the seeds run through the default pipeline
        var all = All();

        // Then a CONSULT event has Lieberman as source and Shoigu as target, placed in Moscow
        Assert.Contains(all, x => x.Event.PloverType == "CONSULT"
            && x.Event.Source?.ActorId == "person:avigdor-lieberman"
            && x.Event.Target?.ActorId == "person:sergey-shoigu"
            && x.Event.Place?.Name == "Moscow");
    }

    [SharedFact("seeds")]
    public void EventStage_Seeds_IranianWithdrawalIsReportedAndDenied()
    {
        // Given / When
        var all = All();

        // Then the withdrawal of Iranian forces is planned in the monitor's report and denied by an anonymous official
        var withdrawals = all.Where(x => x.Event.PloverType == "RETREAT" && x.Event.PloverMode == "withdraw").ToList();
        Assert.Contains(withdrawals, x => x.Event.Modality == EventModality.Planned && x.Event.AttributedTo is not null);
        Assert.Contains(withdrawals, x => x.Event.Modality == EventModality.Denied && x.Event.AttributedTo?.Kind == SourceKind.Anonymous);
        // And a pullout is ruled out in another article
        Assert.Contains(withdrawals, x => x.Event.Modality == EventModality.Denied && x.Event.Predicate == "pullout");
    }

    [SharedFact("seeds")]
    public void EventStage_Seeds_PlannedEventsCarryClaimedDates()
    {
        // Given / When
        var all = All();

        // Then Putin's invitation to Moscow is planned for July 11, 2018, and planned events carry no happened date
        Assert.Contains(all, x => x.Event.Modality == EventModality.Planned && x.Event.Predicate == "invite"
            && x.Event.Dates.ClaimedOrPlanned?.Value == "2018-07-11" && x.Event.Place?.Name == "Moscow");
        Assert.All(all.Where(x => x.Event.Modality == EventModality.Planned), x => Assert.Null(x.Event.Dates.Happened));
    }

    [SharedFact("seeds")]
    public void EventStage_Seeds_EveryEventRestsOnItsSentences()
    {
        // Given / When
        var all = All();

        // Then every event has evidence that includes its sentence, and its trigger lies inside the text
        Assert.NotEmpty(all);
        Assert.All(all, x =>
        {
            Assert.Contains(x.Event.Sentence, x.Event.Evidence);
            Assert.True(x.Event.Trigger.End <= x.Doc.Text.Length);
            Assert.False(string.IsNullOrWhiteSpace(x.Event.Trigger.Of(x.Doc.Text)));
        });
    }
}
