namespace Parallax.Core.Stories;

/// <summary>One article as the story index sees it.</summary>
/// <param name="ArticleId">Stable article id (in the store, the content hash). Must not be null or empty.</param>
/// <param name="Text">The clean body text. Must not be null; an empty text never counts as a duplicate.</param>
/// <param name="Title">The headline when known; its terms weigh more.</param>
/// <param name="Published">Publication time when known; used for the optional recency decay.</param>
/// <param name="Outlet">The outlet when known. Kept for callers; the index does not use it for matching.</param>
public sealed record StoryInput(string ArticleId, string Text, string? Title, DateTimeOffset? Published, string? Outlet);
