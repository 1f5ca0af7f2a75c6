using System.Collections.Immutable;
using Parallax.Core.Processing;
using Parallax.Core.Watch;
using Parallax.Nlp.Cleaning;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Entities;
using Parallax.Nlp.Events;
using Parallax.Nlp.Pipeline;
using Parallax.Text;

namespace Parallax.Storage.Sqlite.Tests;

/// <summary>The processor checks the watch rules on each newly stored article and stores the alerts once.</summary>
public sealed class ProcessorAlertTests
{
    /// <summary>
    /// Stands in for the event stage, which is developed separately: it fills the event layer per the contract with
    /// one assault by Hezbollah for each sentence naming Quneitra or Damascus, at that town's coordinates.
    /// </summary>
    private sealed class TownEventStage : PipelineStage<ImmutableArray<EventMention>>
    {
        private static readonly (string Name, double Lat, double Lon)[] Towns = [("Quneitra", 33.1253, 35.8245), ("Damascus", 33.5138, 36.2765)];

        public override string Name => "test-town-events";
        public override IReadOnlyList<AnnotationKey> Requires => [Layers.Clean];
        public override IReadOnlyList<AnnotationKey> Assigns => [EventLayers.Events];

        public override ImmutableArray<EventMention> Analyze(Document document, CancellationToken cancellationToken = default)
        {
            var text = document.Text;
            var events = ImmutableArray.CreateBuilder<EventMention>();
            foreach (var (name, lat, lon) in Towns)
            {
                int at = text.IndexOf(name, StringComparison.Ordinal);
                if (at < 0) continue;
                var sentence = new TextSpan(0, text.Length);
                events.Add(new EventMention($"e{events.Count + 1}", new TextSpan(0, 9), "shell", sentence, "ASSAULT", null, null,
                    new EventParticipant(new TextSpan(0, 9), "Hezbollah", "group:hezbollah", null), null,
                    new EventPlace(new TextSpan(at, at + name.Length), name, null, lat, lon, "SY"),
                    EventDates.None, EventModality.Asserted, null, 0.8, [sentence]));
            }
            return events.ToImmutable();
        }

        public override void Apply(Document document, ImmutableArray<EventMention> result) => document.Set(EventLayers.Events, result);
    }

    private static async IAsyncEnumerable<DocumentSource> Sources(params string[] texts)
    {
        foreach (var (t, i) in texts.Select((t, i) => (t, i)))
        {
            await Task.Yield();
            yield return new DocumentSource($"a{i}.txt", ContentKind.PlainText, t, []);
        }
    }

    [Fact]
    public async Task RunAsync_WithExampleRules_StoresAlertsOnceEvenWhenReIngested()
    {
        // Given the example rules and a pipeline whose events sit in Quneitra and Damascus
        var root = Parallax.Testing.SharedData.RepoRoot!;
        var watch = WatchEvaluator.Create(WatchRuleSet.LoadDirectory(Path.Combine(root, "examples", "rules")), ActorKnowledgeBase.LoadDefault());
        var pipeline = new PipelineBuilder().Add(new CleaningStage()).Add(new TownEventStage()).Build();
        var dir = Path.Combine(Path.GetTempPath(), "px-proc-" + Guid.NewGuid().ToString("N"));
        await using var store = await SqliteStore.OpenAsync(dir);
        var processor = new ArticleProcessor(pipeline, store, TimeProvider.System, new ProcessingOptions(1, Watch: watch));
        string[] texts = ["Hezbollah fighters shelled positions near Quneitra on Tuesday.", "Hezbollah fighters shelled positions near Damascus on Tuesday."];

        // When the articles are processed, then processed again
        var first = await processor.RunAsync(Sources(texts));
        var second = await processor.RunAsync(Sources(texts));

        // Then the first run stores six alerts for Quneitra and one for Damascus, and the second none
        Assert.Equal(7, first.Alerts);
        Assert.Equal(0, second.Alerts);
        var alerts = await store.ListAlertsAsync();
        Assert.Equal(7, alerts.Count);
        Assert.Single(alerts, a => a.PlaceName == "Damascus");
    }
}
