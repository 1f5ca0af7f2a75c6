using Parallax.Nlp.Cleaning;
using Parallax.Nlp.Language;
using Parallax.Nlp.Time;
using Parallax.Nlp.Tokens;

namespace Parallax.Nlp.Pipeline;

/// <summary>The standard per-document pipeline that the CLI and server run.</summary>
public static class DefaultPipeline
{
    /// <summary>
    /// A builder holding the standard stages in order (cleaning, language identification, tokens and sentences,
    /// temporal expressions), for callers to extend
    /// with <see cref="PipelineBuilder.InsertAfter{TAnchor}"/> before building.
    /// </summary>
    public static PipelineBuilder CreateBuilder() =>
        new PipelineBuilder()
            .Add(new CleaningStage())
            .Add(new LanguageStage())
            .Add(new TokenizationStage())
            .Add(new TemporalStage());

    /// <summary>The standard pipeline, built. Thread-safe; build once and share.</summary>
    public static DocumentPipeline Create() => CreateBuilder().Build();
}
