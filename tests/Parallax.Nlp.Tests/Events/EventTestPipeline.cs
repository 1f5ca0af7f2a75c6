using System.Collections.Immutable;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Events;
using Parallax.Nlp.Pipeline;
using Parallax.Testing;

namespace Parallax.Nlp.Tests.Events;

/// <summary>
/// Runs the stages before the event stage of the default pipeline (tokens, time, entities, places, quantities, quotes)
/// for real on a document built by hand from paragraphs, then <see cref="EventStage.Analyze"/>.
/// </summary>
internal static class EventTestPipeline
{
    private static readonly Lazy<IReadOnlyList<IPipelineStage>> Before = new(() =>
        [.. DefaultPipeline.Create().Stages.Where(s => s is not EventStage && s is not Parallax.Nlp.Language.LanguageStage && !s.Assigns.Contains(Layers.Clean))]);

    public static (Document Doc, ImmutableArray<EventMention> Events) Analyze(string published, params string[] paragraphs)
    {
        var builder = new DocumentBuilder().Language("en").Meta(MetadataField.Published, published, MetadataSource.User, 1.0);
        foreach (var p in paragraphs) builder.Paragraph(p);
        var doc = builder.Build();
        foreach (var stage in Before.Value) stage.Run(doc, CancellationToken.None);
        return (doc, new EventStage().Analyze(doc));
    }

    /// <summary>The event whose trigger reads <paramref name="trigger"/>; fails listing the triggers found otherwise.</summary>
    public static EventMention Trigger(Document doc, ImmutableArray<EventMention> events, string trigger) =>
        events.FirstOrDefault(e => e.Trigger.Of(doc.Text) == trigger)
        ?? throw new Xunit.Sdk.XunitException($"no event triggered by '{trigger}' among: " + string.Join(", ", events.Select(e => e.Trigger.Of(doc.Text))));
}
