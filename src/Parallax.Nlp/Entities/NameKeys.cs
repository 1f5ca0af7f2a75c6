using System.Globalization;
using System.Text;

namespace Parallax.Nlp.Entities;

/// <summary>
/// The keys names are compared by. Three levels, from strict to loose: the folded form (case, diacritics,
/// punctuation), the transliteration key (Arabic articles optional and the usual Latin spellings of the same
/// sound made equal), and a consonant skeleton of the transliteration key for close calls.
/// </summary>
internal static class NameKeys
{
    // Articles that may stand alone ("al Assad"): these two are not English words a name would otherwise contain.
    private static readonly HashSet<string> FreeArticles = new(StringComparer.Ordinal) { "al", "el" };

    // Assimilated forms ("as-Suwayda", "ad-Dawla") are articles only when hyphen-attached: alone they are English words.
    private static readonly HashSet<string> BoundArticles = new(StringComparer.Ordinal)
    {
        "al", "el", "as", "ad", "ash", "ar", "az", "at", "an", "ad", "ath", "adh", "es", "ed", "er", "ez", "et", "en", "esh", "ul",
    };

    // Invariant globalization leaves string.Normalize without data, so accented Latin letters are folded by table.
    private static readonly Dictionary<char, string> LatinFolds = BuildLatinFolds();

    /// <summary>Lower-cased, diacritics removed, possessive 's and apostrophes and dots dropped, other punctuation as spaces, a leading "the" removed.</summary>
    public static string Fold(string text) => string.Join(' ', FoldTokens(text).Select(t => t.Text));

    /// <summary>The folded tokens, each marked when a hyphen joined it to the next token.</summary>
    public static List<(string Text, bool HyphenAfter)> FoldTokens(string text)
    {
        var folded = FoldCharacters(text);
        var tokens = new List<(string Text, bool HyphenAfter)>();
        var current = new StringBuilder();
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
                continue;
            }

            if (current.Length > 0)
            {
                tokens.Add((current.ToString(), c == '-'));
                current.Clear();
            }
        }

        if (current.Length > 0)
            tokens.Add((current.ToString(), false));

        if (tokens.Count > 1 && string.Equals(tokens[0].Text, "the", StringComparison.Ordinal))
            tokens.RemoveAt(0);
        return tokens;
    }

    /// <summary>The transliteration key of a name, without spaces: "As-Suwayda" and "Suweida" both give "suveida".</summary>
    public static string Translit(string text) => string.Concat(TranslitTokens(text));

    /// <summary>The transliteration key of each token, with Arabic articles dropped.</summary>
    public static List<string> TranslitTokens(string text)
    {
        var tokens = FoldTokens(text);
        var keys = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var (token, hyphenAfter) = tokens[i];
            var isLast = i == tokens.Count - 1;
            if (!isLast && (FreeArticles.Contains(token) || (hyphenAfter && BoundArticles.Contains(token))))
                continue;
            keys.Add(TranslitToken(token));
        }

        return keys;
    }

    /// <summary>A consonant skeleton of a transliteration key: vowels dropped after the first letter, close consonants merged.</summary>
    public static string Phonetic(string translitKey)
    {
        if (translitKey.Length == 0)
            return translitKey;
        var sb = new StringBuilder(translitKey.Length);
        sb.Append(IsVowel(translitKey[0]) ? 'a' : ConsonantClass(translitKey[0]));
        for (var i = 1; i < translitKey.Length; i++)
        {
            var c = translitKey[i];
            if (IsVowel(c) || c == 'h')
                continue;
            var k = ConsonantClass(c);
            if (sb[^1] != k)
                sb.Append(k);
        }

        return sb.ToString();
    }

    /// <summary>Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), stopping early past <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
            return limit + 1;
        // Three rows on the stack for names of ordinary length (this runs against every fuzzy key of the knowledge base).
        int width = b.Length + 1;
        Span<int> rows = width <= 128 ? stackalloc int[3 * width] : new int[3 * width];
        var previous2 = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
                return limit + 1;
            var spare = previous2;
            previous2 = previous;
            previous = current;
            current = spare;
        }

        return previous[b.Length];
    }

    private static Dictionary<char, string> BuildLatinFolds()
    {
        (string Letters, string Plain)[] groups =
        [
            ("àáâãäåāăąǎ", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęěə", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
            ("ìíîïĩīĭįıǐ", "i"), ("ĵ", "j"), ("ķĸ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉŋ", "n"), ("òóôõöøōŏőǒ", "o"),
            ("ŕŗř", "r"), ("śŝşšș", "s"), ("ţťŧț", "t"), ("ùúûüũūŭůűųǔ", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
            ("ĳ", "ij"), ("ſ", "s"),
        ];
        var map = new Dictionary<char, string>();
        foreach (var (letters, plain) in groups)
        {
            foreach (var letter in letters)
                map[letter] = plain;
        }

        return map;
    }

    private static string FoldCharacters(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                    continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (LatinFolds.TryGetValue(lower, out var plain))
            {
                sb.Append(plain);
                continue;
            }

            switch (lower)
            {
                case 'ß': sb.Append("ss"); break;
                case 'æ': sb.Append("ae"); break;
                case 'œ': sb.Append("oe"); break;
                case 'ø': sb.Append('o'); break;
                case 'ł': sb.Append('l'); break;
                case 'đ' or 'ð': sb.Append('d'); break;
                case 'þ': sb.Append("th"); break;
                case 'ı': sb.Append('i'); break;
                case '&': sb.Append(" and "); break;
                case '\'' or '’' or '‘' or 'ʼ' or 'ʻ' or 'ʾ' or 'ʿ' or '`' or '´':
                    // Marked here, resolved afterwards: a possessive 's ("Israel's") goes, other apostrophes (Dar'a) join.
                    sb.Append('\u0001');
                    break;
                case '.':
                    // Dots inside abbreviations (U.S., U.N.) vanish: the letters join.
                    break;
                case '‐' or '‑' or '‒' or '–' or '—':
                    sb.Append('-');
                    break;
                default:
                    sb.Append(lower);
                    break;
            }
        }

        return RemovePossessivesAndMarks(sb.ToString());
    }

    private static string RemovePossessivesAndMarks(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\u0001')
            {
                sb.Append(c);
                continue;
            }

            // "'s" closing a word after a letter is a possessive: drop both.
            if (i + 1 < text.Length && text[i + 1] == 's' && (i + 2 == text.Length || !char.IsLetterOrDigit(text[i + 2])) && i > 0 && char.IsLetter(text[i - 1]))
            {
                i++;
                continue;
            }
        }

        return sb.ToString();
    }

    private static string TranslitToken(string token)
    {
        var s = token;
        if (s.StartsWith("abdul", StringComparison.Ordinal) || s.StartsWith("abdel", StringComparison.Ordinal) || s.StartsWith("abdal", StringComparison.Ordinal))
            s = "abd" + s[5..];
        s = s.Replace("sch", "sh", StringComparison.Ordinal)
            .Replace("tch", "ch", StringComparison.Ordinal)
            .Replace("ph", "f", StringComparison.Ordinal)
            .Replace("kh", "h", StringComparison.Ordinal)
            .Replace("gh", "g", StringComparison.Ordinal)
            .Replace("th", "t", StringComparison.Ordinal)
            .Replace("dh", "d", StringComparison.Ordinal)
            .Replace("dj", "j", StringComparison.Ordinal)
            .Replace("ck", "k", StringComparison.Ordinal)
            .Replace('q', 'k')
            .Replace('w', 'v')
            .Replace("x", "ks", StringComparison.Ordinal)
            .Replace("ou", "u", StringComparison.Ordinal)
            .Replace("oo", "u", StringComparison.Ordinal)
            .Replace("ee", "i", StringComparison.Ordinal)
            .Replace('y', 'i')
            .Replace("ie", "i", StringComparison.Ordinal)
            .Replace("ai", "ei", StringComparison.Ordinal);
        s = SoftenC(s);
        s = CollapseDoubles(s);
        if (s.Length > 3 && s.EndsWith("ah", StringComparison.Ordinal))
            s = s[..^1];
        return s;
    }

    private static string SoftenC(string s)
    {
        if (!s.Contains('c', StringComparison.Ordinal))
            return s;
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c != 'c')
            {
                sb.Append(c);
                continue;
            }

            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            sb.Append(next switch
            {
                'h' => 'c',
                'e' or 'i' => 's',
                _ => 'k',
            });
        }

        return sb.ToString();
    }

    private static string CollapseDoubles(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (sb.Length == 0 || sb[^1] != c)
                sb.Append(c);
        }

        return sb.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static char ConsonantClass(char c) => c switch
    {
        'p' => 'b',
        'v' or 'w' => 'f',
        'z' => 's',
        'q' or 'c' => 'k',
        _ => c,
    };
}
