using Parallax.Nlp.Cleaning;
using Parallax.Nlp.Language;

namespace Parallax.Nlp.Pipeline;

/// <summary>The standard per-document pipeline that the CLI and server run.</summary>
public static class DefaultPipeline
{
    /// <summary>
    /// A builder holding the standard stages in order (cleaning, language identification), for callers to extend
    /// with <see cref="PipelineBuilder.InsertAfter{TAnchor}"/> before building.
    /// </summary>
    public static PipelineBuilder CreateBuilder() =>
        new PipelineBuilder()
            .Add(new CleaningStage())
            .Add(new LanguageStage());

    /// <summary>The standard pipeline, built. Thread-safe; build once and share.</summary>
    public static DocumentPipeline Create() => CreateBuilder().Build();
}
