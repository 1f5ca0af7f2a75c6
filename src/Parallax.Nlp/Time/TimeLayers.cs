using System.Collections.Immutable;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Serialization;

namespace Parallax.Nlp.Time;

/// <summary>The layers assigned by <see cref="TemporalStage"/>. Registered with <see cref="DocumentJson"/> on first use.</summary>
public static class TimeLayers
{
    /// <summary>The temporal expressions of the clean text, in text order.</summary>
    public static readonly AnnotationKey<ImmutableArray<Timex>> Timexes = new("timexes");

    /// <summary>The date the expressions were resolved against (supplied publication date, or inferred, or unknown).</summary>
    public static readonly AnnotationKey<TemporalAnchor> Anchor = new("anchor");

    /// <summary>The anchor inferred with the help of the article's story (<see cref="StoryAnchoring"/>), assigned after story
    /// assignment only when the document's own <see cref="Anchor"/> was unknown or uncertain and the story improved it.</summary>
    public static readonly AnnotationKey<TemporalAnchor> StoryAnchor = new("anchor.story");

    /// <summary>The expressions re-resolved against <see cref="StoryAnchor"/>; present exactly when it is.</summary>
    public static readonly AnnotationKey<ImmutableArray<Timex>> StoryTimexes = new("timexes.story");

    /// <summary>Ranges between two expressions of <see cref="Timexes"/> ("June 12-15", "from May to July"), in text order.</summary>
    public static readonly AnnotationKey<ImmutableArray<TimexRange>> Ranges = new("timex-ranges");

    static TimeLayers()
    {
        DocumentJson.Register(Ranges);
        DocumentJson.Register(Timexes);
        DocumentJson.Register(Anchor);
        DocumentJson.Register(StoryAnchor);
        DocumentJson.Register(StoryTimexes);
    }

    /// <summary>The anchor readers should use: <see cref="StoryAnchor"/> when the story improved it, else <see cref="Anchor"/>;
    /// false when the temporal stage has not run.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="document"/> is null.</exception>
    public static bool TryGetAnchor(Document document, out TemporalAnchor anchor)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.TryGet(StoryAnchor, out anchor) || document.TryGet(Anchor, out anchor);
    }

    /// <summary>The expressions readers should use: <see cref="StoryTimexes"/> when present, else <see cref="Timexes"/>;
    /// false when the temporal stage has not run.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="document"/> is null.</exception>
    public static bool TryGetTimexes(Document document, out ImmutableArray<Timex> timexes)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.TryGet(StoryTimexes, out timexes) || document.TryGet(Timexes, out timexes);
    }

    /// <summary>Makes sure the keys are registered for JSON (running the static constructor).</summary>
    public static void EnsureRegistered()
    {
        // Touching a field runs the static constructor exactly once.
        _ = Timexes;
    }
}
