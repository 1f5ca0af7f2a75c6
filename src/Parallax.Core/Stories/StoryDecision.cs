using System.Collections.Immutable;

namespace Parallax.Core.Stories;

/// <summary>What <see cref="StoryIndex.Add"/> decided for one article.</summary>
/// <param name="StoryId">The story the article now belongs to.</param>
/// <param name="NewStory">True when the article opened this story.</param>
/// <param name="Score">
/// For an article that joined an existing story, the (decayed) cosine similarity to that story; for an article
/// that opened a story, the best similarity to any earlier story (below the threshold, 0 when none was a
/// candidate); for a duplicate, <paramref name="DuplicateSimilarity"/>.
/// </param>
/// <param name="DuplicateOf">The first-seen canonical article this one copies (exactly or nearly), or null.</param>
/// <param name="DuplicateSimilarity">Estimated Jaccard similarity of word shingles to <paramref name="DuplicateOf"/>; 1 for exact copies of the canonical article (an exact copy of a near duplicate carries that near duplicate's similarity), 0 when not a duplicate.</param>
/// <param name="KeyTerms">The article's most characteristic terms (lower-cased), strongest first.</param>
public sealed record StoryDecision(
    string StoryId,
    bool NewStory,
    double Score,
    string? DuplicateOf,
    double DuplicateSimilarity,
    ImmutableArray<string> KeyTerms);
