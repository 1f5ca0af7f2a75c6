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

    static TimeLayers()
    {
        DocumentJson.Register(Timexes);
        DocumentJson.Register(Anchor);
    }

    /// <summary>Makes sure the keys are registered for JSON (running the static constructor).</summary>
    public static void EnsureRegistered()
    {
        // Touching a field runs the static constructor exactly once.
        _ = Timexes;
    }
}
