using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Parallax.Core.Articles;
using Parallax.Nlp.Documents;
using Parallax.Text;

namespace Parallax.Reporting;

/// <summary>Reads what reports and exports show about an article, tolerating documents that were never cleaned.</summary>
internal static class ArticleFacts
{
    public static CleanedText? Clean(ArticleRecord article) =>
        article.Document.TryGet(Layers.Clean, out var clean) ? clean : null;

    public static string CleanText(ArticleRecord article) => Clean(article)?.Text ?? string.Empty;

    /// <summary>The paragraphs to show: the clean layer's, clipped to the text, sorted, overlaps dropped;
    /// the whole text as one paragraph when the layer lists none.</summary>
    public static ImmutableArray<TextSpan> Paragraphs(ArticleRecord article)
    {
        var clean = Clean(article);
        if (clean is null || clean.Text.Length == 0) return [];
        var result = ImmutableArray.CreateBuilder<TextSpan>();
        int last = 0;
        foreach (var p in clean.Paragraphs.OrderBy(p => p.Start).ThenBy(p => p.End))
        {
            int start = Math.Max(p.Start, last), end = Math.Min(p.End, clean.Text.Length);
            if (end <= start) continue;
            result.Add(new TextSpan(start, end));
            last = end;
        }
        if (result.Count == 0) result.Add(new TextSpan(0, clean.Text.Length));
        return result.ToImmutable();
    }

    public static string? Value(ArticleRecord article, MetadataField field) => article.Document.Metadata.Value(field);

    /// <summary>The document-level language: the language layer's when determined, else the chosen metadata value.</summary>
    public static string? DocumentLanguage(ArticleRecord article) =>
        article.Document.TryGet(Layers.Language, out var tag) && !string.Equals(tag.Language, "und", StringComparison.Ordinal)
            ? tag.Language
            : Value(article, MetadataField.Language);

    /// <summary>Language spans whose language is determined and differs from the document's, outermost first;
    /// a span inside an earlier one of the same language is left out.</summary>
    public static ImmutableArray<LanguageTag> ForeignSpans(ArticleRecord article)
    {
        if (!article.Document.TryGet(Layers.LanguageSpans, out var spans)) return [];
        var docLanguage = DocumentLanguage(article);
        var result = ImmutableArray.CreateBuilder<LanguageTag>();
        foreach (var tag in spans.OrderBy(t => t.Span.Start).ThenByDescending(t => t.Span.End))
        {
            if (string.Equals(tag.Language, "und", StringComparison.Ordinal)
                || string.Equals(tag.Language, docLanguage, StringComparison.Ordinal)
                || tag.Span.IsEmpty)
                continue;
            if (result.Any(r => string.Equals(r.Language, tag.Language, StringComparison.Ordinal) && r.Span.Contains(tag.Span))) continue;
            result.Add(tag);
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// Words in the clean text: maximal runs of non-white-space characters that contain at least one letter or digit.
    /// Scripts written without spaces (Chinese, Japanese, Thai) count one word per run.
    /// </summary>
    public static int Words(string text)
    {
        int count = 0;
        bool inRun = false, hasLetter = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                if (inRun && hasLetter) count++;
                inRun = hasLetter = false;
                continue;
            }
            inRun = true;
            hasLetter |= Rune.IsLetterOrDigit(rune);
        }
        if (inRun && hasLetter) count++;
        return count;
    }

    /// <summary>A published value as an instant for ordering; date-only values are midnight UTC. Null when unparseable.</summary>
    public static DateTimeOffset? ParsePublished(string? value) =>
        value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)
            ? parsed
            : null;

    /// <summary>"SignUpPrompt" → "sign-up prompt"; "CookieBanner" → "cookie banner".</summary>
    public static string ReasonLabel(RemovalReason reason) => reason switch
    {
        RemovalReason.SignUpPrompt => "sign-up prompt",
        _ => Words(reason.ToString(), ' '),
    };

    /// <summary>"PageStructure" → "page structure"; "JsonLd" → "JSON-LD" style labels for metadata sources.</summary>
    public static string SourceLabel(MetadataSource source) => source switch
    {
        MetadataSource.HtmlMeta => "HTML meta",
        MetadataSource.JsonLd => "JSON-LD",
        MetadataSource.OpenGraph => "OpenGraph",
        MetadataSource.Feed => "feed",
        MetadataSource.Email => "e-mail headers",
        _ => Words(source.ToString(), ' '),
    };

    public static string FieldLabel(MetadataField field) => Words(field.ToString(), ' ');

    /// <summary>English name of a few common ISO 639-1 codes, for readers; the code itself otherwise.</summary>
    public static string LanguageName(string? code) => code switch
    {
        null or "" => "unknown",
        "en" => "English",
        "ar" => "Arabic",
        "he" => "Hebrew",
        "fa" => "Persian",
        "fr" => "French",
        "de" => "German",
        "es" => "Spanish",
        "ru" => "Russian",
        "uk" => "Ukrainian",
        "tr" => "Turkish",
        "zh" => "Chinese",
        "ur" => "Urdu",
        "it" => "Italian",
        "pt" => "Portuguese",
        _ => code,
    };

    private static string Words(string pascal, char separator)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c) && i > 0) sb.Append(separator);
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
