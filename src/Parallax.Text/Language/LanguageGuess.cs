using System.Collections.Immutable;

namespace Parallax.Text.Language;

/// <summary>A language considered for a text, with its score.</summary>
/// <param name="Language">ISO 639-1 code.</param>
/// <param name="Score">In [0, 1]; the scores of a guess and its alternatives sum to at most 1.</param>
public readonly record struct LanguageScore(string Language, double Score);

/// <summary>The language of a text as identified by <see cref="LanguageIdentifier"/>.</summary>
/// <param name="Language">ISO 639-1 code ("en", "ar"), or "und" when the text has no letter.</param>
/// <param name="Script">Dominant script name ("Latin", "Arabic", "Cyrillic", "Hebrew", "Han", "Japanese", …; "Common" without letters).</param>
/// <param name="Confidence">In [0, 1]: the model's probability for the language times the share of letters in its script.</param>
/// <param name="Alternatives">Other candidates, best first (languages of the same script, and of other scripts present).</param>
public sealed record LanguageGuess(string Language, string Script, double Confidence, ImmutableArray<LanguageScore> Alternatives)
{
    /// <summary>The code for an undetermined language.</summary>
    public const string Undetermined = "und";

    /// <summary>The guess for a text without letters.</summary>
    public static LanguageGuess None { get; } = new(Undetermined, Scripts.Name(TextScript.Common), 0, []);

    /// <summary>True when a language was determined.</summary>
    public bool IsDetermined => !string.Equals(Language, Undetermined, StringComparison.Ordinal);
}
