using System.Collections.Immutable;
using Parallax.Text;

namespace Parallax.Nlp.Documents;

/// <summary>The article-level metadata fields Parallax tracks.</summary>
public enum MetadataField
{
    /// <summary>Headline.</summary>
    Title,
    /// <summary>Subtitle or standfirst.</summary>
    Subtitle,
    /// <summary>Publishing outlet (e.g. "The Jerusalem Post").</summary>
    Outlet,
    /// <summary>Author or authors, as written.</summary>
    Author,
    /// <summary>Canonical URL of the article.</summary>
    Url,
    /// <summary>Publication date/time, ISO 8601 (date, or date and time with offset).</summary>
    Published,
    /// <summary>Language as an ISO 639-1 code.</summary>
    Language,
    /// <summary>Credit lines such as "Additional reporting by …".</summary>
    Credit,
    /// <summary>Place named in a dateline ("BEIRUT —").</summary>
    Dateline,
}

/// <summary>Where a metadata value came from, in the order of preference used to choose among candidates.</summary>
public enum MetadataSource
{
    /// <summary>Supplied by the user: sidecar file, front matter or JSON Lines fields.</summary>
    User = 0,
    /// <summary>HTML &lt;meta&gt; tags.</summary>
    HtmlMeta = 1,
    /// <summary>JSON-LD (schema.org) inside the page.</summary>
    JsonLd = 2,
    /// <summary>OpenGraph / Twitter card tags.</summary>
    OpenGraph = 3,
    /// <summary>RSS or Atom item fields.</summary>
    Feed = 4,
    /// <summary>E-mail headers.</summary>
    Email = 5,
    /// <summary>Found in the page structure during main-content extraction (h1, byline element, time element).</summary>
    PageStructure = 6,
    /// <summary>A cue in the text itself: dateline, "By NAME", masthead, "told The Telegraph".</summary>
    TextCue = 7,
    /// <summary>Inferred by an analysis stage (language identification, say).</summary>
    Inferred = 8,
}

/// <summary>
/// One candidate value for a metadata field, with its provenance.
/// </summary>
/// <param name="Field">The field.</param>
/// <param name="Value">The value, normalised (dates ISO 8601, URLs absolute when known).</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Confidence">How sure we are, in [0, 1].</param>
/// <param name="Evidence">The raw snippet it was read from (a tag, a line), for the report; may be null.</param>
/// <param name="RawSpan">Where the evidence sits in the raw input, when known.</param>
public sealed record MetadataCandidate(
    MetadataField Field,
    string Value,
    MetadataSource Source,
    double Confidence,
    string? Evidence = null,
    TextSpan? RawSpan = null);

/// <summary>
/// The chosen metadata of an article: for each field the preferred candidate (by <see cref="MetadataSource"/>
/// order, then confidence) and every candidate that was seen. A field with no candidate is unknown; nothing is made up.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ArticleMetadata
{
    /// <summary>Metadata with no field known.</summary>
    public static readonly ArticleMetadata Empty = new([]);

    private readonly ImmutableDictionary<MetadataField, MetadataCandidate> _chosen;

    /// <summary>Resolves the candidates: per field, the lowest source rank wins, ties broken by higher confidence, then first seen.</summary>
    public ArticleMetadata(IEnumerable<MetadataCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        Candidates = [.. candidates.Where(c => !string.IsNullOrWhiteSpace(c.Value))];
        var chosen = ImmutableDictionary.CreateBuilder<MetadataField, MetadataCandidate>();
        foreach (var c in Candidates)
        {
            if (!chosen.TryGetValue(c.Field, out var best) || c.Source < best.Source
                || (c.Source == best.Source && c.Confidence > best.Confidence))
                chosen[c.Field] = c;
        }
        _chosen = chosen.ToImmutable();
    }

    /// <summary>Every candidate seen, in the order found.</summary>
    public ImmutableArray<MetadataCandidate> Candidates { get; }

    /// <summary>The chosen candidate for a field, or null when the field is unknown.</summary>
    public MetadataCandidate? this[MetadataField field] => _chosen.GetValueOrDefault(field);

    /// <summary>The chosen value for a field, or null when unknown.</summary>
    public string? Value(MetadataField field) => _chosen.GetValueOrDefault(field)?.Value;

    /// <summary>The chosen candidate of each known field.</summary>
    public IEnumerable<MetadataCandidate> Chosen => _chosen.Values.OrderBy(c => c.Field);

    /// <summary>A new metadata object with extra candidates merged in.</summary>
    public ArticleMetadata With(IEnumerable<MetadataCandidate> more) => new(Candidates.Concat(more));
}
