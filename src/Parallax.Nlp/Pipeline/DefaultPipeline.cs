using Parallax.Nlp.Cleaning;
using Parallax.Nlp.Entities;
using Parallax.Nlp.Language;
using Parallax.Nlp.Ner;
using Parallax.Nlp.Places;
using Parallax.Nlp.Quantities;
using Parallax.Nlp.Quotes;
using Parallax.Nlp.Time;
using Parallax.Nlp.Tokens;

namespace Parallax.Nlp.Pipeline;

/// <summary>The standard per-document pipeline that the CLI and server run.</summary>
public static class DefaultPipeline
{
    /// <summary>
    /// A builder holding the standard stages in order (cleaning, language identification, tokens and sentences,
    /// temporal expressions, entities, places, quantities, quotes, events), for callers to extend with <see cref="PipelineBuilder.InsertAfter{TAnchor}"/>
    /// before building. <paramref name="actors"/> is the knowledge base entities link to (the shipped one when null;
    /// pass one loaded with the user's own files to use them).
    /// </summary>
    public static PipelineBuilder CreateBuilder(ActorKnowledgeBase? actors = null)
    {
        RegisterLayers();
        var knowledgeBase = actors ?? ActorKnowledgeBase.LoadDefault();
        return new PipelineBuilder()
            .Add(new CleaningStage())
            .Add(new LanguageStage())
            .Add(new TokenizationStage())
            .Add(new TemporalStage())
            .Add(new EntityStage(NerModel.Default, knowledgeBase))
            .Add(new PlaceStage())
            .Add(new QuantityStage())
            .Add(new QuoteStage(knowledgeBase))
            .Add(new Events.EventStage(Events.EventLexicon.Default, knowledgeBase));
    }

    /// <summary>The standard pipeline, built. Thread-safe; build once and share.</summary>
    public static DocumentPipeline Create(ActorKnowledgeBase? actors = null) => CreateBuilder(actors).Build();

    /// <summary>
    /// Makes every layer the standard stages assign known to <see cref="Serialization.DocumentJson"/>, so a store
    /// written by them can be read back before any stage has run. Idempotent and thread-safe.
    /// </summary>
    public static void RegisterLayers()
    {
        TokenLayers.Register();
        EntityLayers.Register();
        PlaceLayers.EnsureRegistered();
        Events.EventLayers.Register();
        Quotes.QuoteLayers.Register();
        Quantities.QuantityLayers.Register();
        Serialization.DocumentJson.Register(TimeLayers.Timexes);
        Serialization.DocumentJson.Register(TimeLayers.Anchor);
    }
}
