using System.Collections.Immutable;

namespace Parallax.Core.Stories;

/// <summary>A story as the index holds it.</summary>
/// <param name="Id">Deterministic id: "s-" plus the first 10 hex digits of the SHA-256 of its first article id.</param>
/// <param name="Label">The first member title seen, or its top key terms when no member had a title.</param>
/// <param name="ArticleIds">Member article ids (canonical copies and duplicates) in the order they were added.</param>
/// <param name="KeyTerms">The story centroid's strongest terms under the current document frequencies.</param>
public sealed record StorySummary(string Id, string Label, ImmutableArray<string> ArticleIds, ImmutableArray<string> KeyTerms);
