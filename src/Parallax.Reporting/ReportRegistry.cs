using System.Collections.Immutable;
using Parallax.Reporting.Annotations;
using Parallax.Reporting.Sections;

namespace Parallax.Reporting;

/// <summary>
/// The sections and span-annotation sources a report is built from. Start from <see cref="CreateDefault"/> and
/// <see cref="Add(IReportSection)"/> what later stages contribute; the writer takes a snapshot when it is created.
/// </summary>
/// <remarks>Not thread-safe while being configured; configure once at composition time.</remarks>
public sealed class ReportRegistry
{
    private readonly List<IReportSection> _sections = [];
    private readonly List<ISpanAnnotationSource> _spanSources = [];

    /// <summary>A registry with the built-in sections (summary, timeline, the story view — multi-source summary, events, claims,
    /// framing, actor network — articles, places map, metadata, removed, duplicates, language)
    /// and annotation sources (foreign-language spans, removed-block markers, dates).</summary>
    public static ReportRegistry CreateDefault() => new ReportRegistry()
        .Add(new SummarySection())
        .Add(new ArticlesSection())
        .Add(new MetadataSection())
        .Add(new RemovedSection())
        .Add(new DuplicatesSection())
        .Add(new LanguageSection())
        .Add(new TimelineSection())
        .Add(new SourcedSummarySection())
        .Add(new EventsSection())
        .Add(new ClaimsSection())
        .Add(new FramingSection())
        .Add(new NetworkSection())
        .Add(new MapSection())
        .Add(new ForeignLanguageSpanSource())
        .Add(new RemovedBlockMarkerSource())
        .Add(new DateSpanSource());

    /// <summary>Adds a section. Throws <see cref="ArgumentException"/> when a section with the same id is registered.</summary>
    public ReportRegistry Add(IReportSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (_sections.Exists(s => string.Equals(s.Id, section.Id, StringComparison.Ordinal)))
            throw new ArgumentException($"A report section with id '{section.Id}' is already registered; section ids must be unique.", nameof(section));
        _sections.Add(section);
        return this;
    }

    /// <summary>Adds an annotation source. Throws <see cref="ArgumentException"/> when one with the same name is registered.</summary>
    public ReportRegistry Add(ISpanAnnotationSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (_spanSources.Exists(s => string.Equals(s.Name, source.Name, StringComparison.Ordinal)))
            throw new ArgumentException($"A span annotation source named '{source.Name}' is already registered; names must be unique.", nameof(source));
        _spanSources.Add(source);
        return this;
    }

    /// <summary>Removes the section with that id; returns false when there was none.</summary>
    public bool RemoveSection(string id) => _sections.RemoveAll(s => string.Equals(s.Id, id, StringComparison.Ordinal)) > 0;

    /// <summary>The sections in report order (<see cref="IReportSection.Order"/>, then id, ordinal).</summary>
    public ImmutableArray<IReportSection> Sections =>
        [.. _sections.OrderBy(s => s.Order).ThenBy(s => s.Id, StringComparer.Ordinal)];

    /// <summary>The annotation sources in the order added.</summary>
    public ImmutableArray<ISpanAnnotationSource> SpanSources => [.. _spanSources];
}
