using Parallax.Text;

namespace Parallax.Nlp.Documents;

/// <summary>The language of a span of clean text.</summary>
/// <param name="Span">The span (a paragraph, a line, or the whole text).</param>
/// <param name="Language">ISO 639-1 code ("en", "ar"), or "und" when undetermined.</param>
/// <param name="Script">Dominant Unicode script ("Latin", "Arabic", "Cyrillic", "Hebrew", "Han", …).</param>
/// <param name="Confidence">In [0, 1].</param>
public sealed record LanguageTag(TextSpan Span, string Language, string Script, double Confidence);
