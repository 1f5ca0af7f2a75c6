using System.Text.Json.Serialization;

namespace Parallax.Text.Tokens;

/// <summary>
/// One token: the half-open range [<see cref="Start"/>, <see cref="End"/>) of UTF-16 code units in the text it
/// was cut from, its <see cref="Kind"/> and cheap surface <see cref="Flags"/>. A 12-byte value: token layers are
/// flat arrays of these, never an object per token.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. The token's text is <c>text[Start..End]</c>; it never covers whitespace at its
/// edges. In JSON (System.Text.Json) a token is the array <c>[start, end, kind]</c>, with a fourth element for
/// the flags when any is set; kinds and flags are written as their stable numbers.
/// </remarks>
/// <param name="Start">First code unit of the token.</param>
/// <param name="End">First code unit after the token.</param>
/// <param name="Kind">What the token is.</param>
/// <param name="Flags">Capitalisation and quote/bracket direction.</param>
[JsonConverter(typeof(TokenJsonConverter))]
public readonly record struct Token(int Start, int End, TokenKind Kind, TokenFlags Flags = TokenFlags.None)
{
    /// <summary>Number of code units covered.</summary>
    public int Length => End - Start;

    /// <summary>The span of the token.</summary>
    public TextSpan Span => new(Start, End);

    /// <summary>The token's characters in <paramref name="text"/> (the text it was cut from), without copying.</summary>
    public ReadOnlySpan<char> Of(ReadOnlySpan<char> text) => text[Start..End];

    /// <summary>True when the flag is set.</summary>
    public bool Has(TokenFlags flag) => (Flags & flag) == flag;
}

/// <summary>What a token is. The numbers are stable: they are what stored JSON holds.</summary>
public enum TokenKind : byte
{
    /// <summary>A word of letters (and digits, hyphens, inner apostrophes): "al-Assad", "Shi'ite", "F-16", "10-year-old".</summary>
    Word = 0,
    /// <summary>A word with its period(s): titles "Maj.-Gen.", "Dr.", months "Jan.", "U.S.", "e.g.", initials "J.".</summary>
    Abbreviation = 1,
    /// <summary>A number: "9,000", "1.5", "2018-06-13", "10:30", "24/7", "1990s".</summary>
    Number = 2,
    /// <summary>An ordinal written in digits: "4th", "21st".</summary>
    Ordinal = 3,
    /// <summary>A clitic split from its host: "'s" of "Russia's", "n't" of "don't", "'re", "'ll", "'ve", "'d", "'m".</summary>
    Clitic = 4,
    /// <summary>Punctuation: ". , ; : ! ?" (runs of "!?" are one token) and other Unicode punctuation.</summary>
    Punctuation = 5,
    /// <summary>A quotation mark; <see cref="TokenFlags.Opening"/>/<see cref="TokenFlags.Closing"/> tell its direction when known.</summary>
    Quote = 6,
    /// <summary>A dash or a free-standing hyphen: "—", "–", "--", "-".</summary>
    Dash = 7,
    /// <summary>An ellipsis: "…" or two or more periods.</summary>
    Ellipsis = 8,
    /// <summary>A bracket; flagged <see cref="TokenFlags.Opening"/> or <see cref="TokenFlags.Closing"/>.</summary>
    Bracket = 9,
    /// <summary>A symbol: currency, "%", "&amp;", mathematical signs, emoji.</summary>
    Symbol = 10,
    /// <summary>A web address: "http://x.y/z?q=1", "www.example.org", "example.com".</summary>
    Url = 11,
    /// <summary>An e-mail address.</summary>
    Email = 12,
    /// <summary>A hashtag with its "#".</summary>
    Hashtag = 13,
    /// <summary>An @-mention with its "@".</summary>
    Mention = 14,
}

/// <summary>Surface facts about a token, cheap to compute while tokenising. The numbers are stable.</summary>
[Flags]
public enum TokenFlags : byte
{
    /// <summary>No flag.</summary>
    None = 0,
    /// <summary>The first character is an upper-case letter.</summary>
    Capitalized = 1,
    /// <summary>At least two letters and none of them lower-case ("NATO", "U.S.").</summary>
    AllCaps = 2,
    /// <summary>An opening quote or bracket.</summary>
    Opening = 4,
    /// <summary>A closing quote or bracket.</summary>
    Closing = 8,
}
