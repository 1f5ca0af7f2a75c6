using System.Globalization;
using Parallax.Core.Articles;
using Parallax.Nlp.Documents;
using Parallax.Text;

namespace Parallax.Core.Analysis;

/// <summary>One article of a story as the story analysis reads it: its analysed document and the metadata that place it.</summary>
/// <param name="ArticleId">The article id (content hash); every reference the analysis makes names it.</param>
/// <param name="Outlet">The outlet, or null when unknown (the article then counts as its own outlet).</param>
/// <param name="Published">The publication day, or null when unknown.</param>
/// <param name="Document">The analysed document; layers it lacks (events, quotes, quantities, entities) are read as empty.</param>
public sealed record StoryArticle(string ArticleId, string? Outlet, DateOnly? Published, Document Document)
{
    /// <summary>The article as the analysis sees it: outlet and publication day from the document's chosen metadata.</summary>
    public static StoryArticle From(ArticleRecord article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new StoryArticle(article.Id, article.Outlet, ParseDay(article.Document.Metadata.Value(MetadataField.Published)), article.Document);
    }

    /// <summary>The outlet, or a stand-in naming the article when the outlet is unknown, so two unknown outlets never count as one.</summary>
    public string OutletOrId => Outlet ?? "unknown outlet (" + ArticleId[..Math.Min(8, ArticleId.Length)] + ")";

    /// <summary>The clean text, or the empty string when the document was never cleaned.</summary>
    internal string Text => Document.TryGet(Layers.Clean, out var clean) ? clean.Text : string.Empty;

    /// <summary>The sentence text of <paramref name="span"/>, clipped to the text; empty when outside it.</summary>
    internal string SentenceText(TextSpan span)
    {
        var text = Text;
        int start = Math.Clamp(span.Start, 0, text.Length), end = Math.Clamp(span.End, start, text.Length);
        return text[start..end].Trim();
    }

    /// <summary>A reference to a sentence of this article.</summary>
    internal SourceRef Ref(TextSpan sentence) => new(ArticleId, OutletOrId, sentence, SentenceText(sentence));

    internal static DateOnly? ParseDay(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (value.Length >= 10 && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day;
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? DateOnly.FromDateTime(at.UtcDateTime)
            : null;
    }
}
