using Parallax.Nlp.Entities;
using Parallax.Reporting.Sections;

namespace Parallax.Reporting.Annotations;

/// <summary>Adds what the entity stage contributes to a report: the "Actors" section and entity highlighting.</summary>
public static class EntityReporting
{
    /// <summary>
    /// Registers the Actors section (id "actors") and the entity annotation source (name "entities") with
    /// <paramref name="registry"/>, using <paramref name="knowledgeBase"/> (the shipped one when null) for actor names.
    /// Throws <see cref="ArgumentException"/> when either is already registered. Call once at composition time.
    /// </summary>
    public static ReportRegistry Register(ReportRegistry registry, ActorKnowledgeBase? knowledgeBase = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var kb = knowledgeBase ?? ActorKnowledgeBase.LoadDefault();
        return registry.Add(new ActorsSection(kb)).Add(new EntitySpanSource(kb));
    }
}
