using System.Collections.Immutable;
using Parallax.Core.Watch;

namespace Parallax.Reporting;

/// <summary>Options of a story report. Immutable.</summary>
public sealed record ReportOptions
{
    /// <summary>The default options: no timestamp, excerpts of 280 characters.</summary>
    public static ReportOptions Default { get; } = new();

    /// <summary>When the report was generated, shown in its footer; null (the default) keeps the output free of clocks.</summary>
    public DateTimeOffset? GeneratedAt { get; init; }

    /// <summary>Longest excerpt of removed or foreign-language text shown before it is cut with "…" (at least 2).</summary>
    public int ExcerptLength { get; init; } = 280;

    /// <summary>
    /// Watch zones the map section draws, with their buffers, beside the story's places (for example the zones of
    /// <c>&lt;data-dir&gt;/rules</c>); zones far from every place are left out. Empty by default.
    /// </summary>
    public ImmutableArray<Zone> Zones
    {
        get => _zones;
        init => _zones = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<Zone> _zones = [];
}
