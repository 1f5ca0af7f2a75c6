using Parallax.Nlp.Documents;
using Parallax.Nlp.Events;
using Parallax.Nlp.Pipeline;
using Parallax.Testing;
using Xunit.Abstractions;

namespace Parallax.Nlp.Tests.Events;

/// <summary>The event stage on the five shared seed articles, read from ../shared/seeds at run time (never copied).</summary>
public sealed class EventSeedTests(ITestOutputHelper output)
{
    private static readonly Lazy<DocumentPipeline> _pipeline = new(() => DefaultPipeline.Create());

    private static List<(string File, Document Doc)> Seeds() =>
        [.. Directory.GetFiles(SharedData.PathOf("seeds")!, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), _pipeline.Value.Process(new DocumentSource(f, ContentKind.PlainText, File.ReadAllText(f), []))))];

    [SharedFact("seeds")]
    public void EventStage_Seeds_Print()
    {
        foreach (var (file, doc) in Seeds())
        {
            output.WriteLine("== " + file);
            foreach (var e in doc.Get(EventLayers.Events))
                output.WriteLine($"{e.Id} {e.Trigger.Of(doc.Text)} {e.PloverType}/{e.PloverMode}/{e.CameoCode} {e.Modality} src={e.Source?.Text} tgt={e.Target?.Text} at={e.Place?.Name} rep={e.Dates.Reported?.Value} hap={e.Dates.Happened?.Value} plan={e.Dates.ClaimedOrPlanned?.Value} by={e.AttributedTo?.Text}/{e.AttributedTo?.Kind} c={e.Confidence}");
        }
    }
}
