using System.Collections.Immutable;
using Parallax.Nlp.Documents;

namespace Parallax.Core.Articles;

/// <summary>
/// An article as kept in the store: the analysed <see cref="Document"/> (raw source, clean text and every
/// layer) with what the store adds: its story, the canonical copy it duplicates, and when it was ingested.
/// </summary>
/// <param name="Document">The analysed document; its <see cref="Document.Id"/> is the content hash.</param>
/// <param name="StoryId">The story it belongs to, or null before clustering.</param>
/// <param name="DuplicateOf">Id of the canonical article when this one is an exact or near duplicate; otherwise null.</param>
/// <param name="DuplicateSimilarity">Estimated similarity to <paramref name="DuplicateOf"/> in [0, 1] (1 for exact copies).</param>
/// <param name="IngestedAt">When it was first stored (UTC).</param>
public sealed record ArticleRecord(
    Document Document,
    string? StoryId,
    string? DuplicateOf,
    double DuplicateSimilarity,
    DateTimeOffset IngestedAt)
{
    /// <summary>The article id (content hash).</summary>
    public string Id => Document.Id;

    /// <summary>The outlet if known, else null.</summary>
    public string? Outlet => Document.Metadata.Value(MetadataField.Outlet);

    /// <summary>The title if known, else null.</summary>
    public string? Title => Document.Metadata.Value(MetadataField.Title);
}

/// <summary>A story: articles about one developing situation.</summary>
/// <param name="Id">Stable id ("s-" plus a short hash of its first article).</param>
/// <param name="Label">A short human label (the most representative title or key terms).</param>
/// <param name="ArticleIds">Member article ids, canonical copies and duplicates alike, in ingestion order.</param>
/// <param name="KeyTerms">The story's most characteristic terms, strongest first.</param>
/// <param name="CreatedAt">When the story was opened (UTC).</param>
/// <param name="UpdatedAt">When an article last joined (UTC).</param>
public sealed record StoryRecord(
    string Id,
    string Label,
    ImmutableArray<string> ArticleIds,
    ImmutableArray<string> KeyTerms,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A story with its articles loaded, as reports and exports consume it.</summary>
/// <param name="Story">The story.</param>
/// <param name="Articles">Its articles in <see cref="StoryRecord.ArticleIds"/> order.</param>
public sealed record StoryView(StoryRecord Story, ImmutableArray<ArticleRecord> Articles);
