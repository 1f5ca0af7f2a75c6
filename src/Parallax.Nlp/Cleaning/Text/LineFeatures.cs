using System.Globalization;

namespace Parallax.Nlp.Cleaning.Text;

/// <summary>Writing systems the cleaner tells apart; enough to see that a line is in another script.</summary>
internal enum Script
{
    None,
    Latin,
    Greek,
    Cyrillic,
    Armenian,
    Hebrew,
    Arabic,
    Devanagari,
    Thai,
    Georgian,
    Hangul,
    Kana,
    Han,
    Other,
}

/// <summary>
/// Cheap, culture-free features of one line of text: word count, how it ends and starts, capitalisation
/// and script. The noise and header rules are written in terms of these so they stay general.
/// </summary>
internal static class LineFeatures
{
    // Words below this length are ignored when judging Title Case: "of", "the", "and", "in", "on" stay lower.
    private const int TitleCaseMinLetters = 4;

    /// <summary>Whitespace-separated tokens holding at least one letter or digit.</summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        int words = 0;
        bool inToken = false, hasAlnum = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (inToken && hasAlnum) words++;
                inToken = false;
                hasAlnum = false;
            }
            else
            {
                inToken = true;
                hasAlnum |= char.IsLetterOrDigit(c);
            }
        }
        if (inToken && hasAlnum) words++;
        return words;
    }

    /// <summary>The last character that is not a closing quote, bracket or whitespace, or '\0'.</summary>
    public static char LastSignificant(ReadOnlySpan<char> text)
    {
        for (int i = text.Length - 1; i >= 0; i--)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || IsCloser(c)) continue;
            return c;
        }
        return '\0';
    }

    /// <summary>True when the line ends like a finished sentence or clause lead-in: . ! ? … : ;</summary>
    public static bool EndsWithTerminal(ReadOnlySpan<char> text) => LastSignificant(text) is '.' or '!' or '?' or '…' or ':' or ';' or '。' or '؟' or '۔';

    /// <summary>True when the line ends like a finished sentence: . ! ? …</summary>
    public static bool EndsSentence(ReadOnlySpan<char> text) => LastSignificant(text) is '.' or '!' or '?' or '…' or '。' or '؟' or '۔';

    /// <summary>True when the first letter (after opening quotes and brackets) is lower case.</summary>
    public static bool StartsLower(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) || IsOpener(c)) continue;
            return char.IsLetter(c) && char.IsLower(c);
        }
        return false;
    }

    /// <summary>
    /// True when the line is written in Title Case: at least five words and every word of four or more
    /// letters starts with a capital. Sentences almost always have some longer lower-case word.
    /// </summary>
    public static bool IsTitleCase(ReadOnlySpan<char> text)
    {
        int words = 0, longWords = 0;
        foreach (var range in text.Split(' '))
        {
            var word = text[range].Trim("\"'“”‘’()[],.:;!?-–—");
            if (word.IsEmpty) continue;
            words++;
            int letters = 0;
            foreach (char c in word) if (char.IsLetter(c)) letters++;
            if (letters < TitleCaseMinLetters) continue;
            longWords++;
            if (!char.IsUpper(word[0])) return false;
        }
        return words >= 5 && longWords >= 3;
    }

    /// <summary>True when every letter is upper case and there are at least two letters.</summary>
    public static bool IsAllCaps(ReadOnlySpan<char> text)
    {
        int letters = 0;
        foreach (char c in text)
        {
            if (!char.IsLetter(c)) continue;
            if (!char.IsUpper(c)) return false;
            letters++;
        }
        return letters >= 2;
    }

    /// <summary>The script of a letter; <see cref="Script.None"/> for anything that is not a letter.</summary>
    public static Script ScriptOf(char c)
    {
        if (!char.IsLetter(c)) return Script.None;
        return c switch
        {
            <= '\u024F' => Script.Latin,
            >= '\u1E00' and <= '\u1EFF' => Script.Latin,
            >= '\u0370' and <= '\u03FF' => Script.Greek,
            >= '\u0400' and <= '\u052F' => Script.Cyrillic,
            >= '\u0530' and <= '\u058F' => Script.Armenian,
            >= '\u0590' and <= '\u05FF' => Script.Hebrew,
            >= '\u0600' and <= '\u06FF' => Script.Arabic,
            >= '\u0750' and <= '\u077F' => Script.Arabic,
            >= '\u08A0' and <= '\u08FF' => Script.Arabic,
            >= '\uFB50' and <= '\uFDFF' => Script.Arabic,
            >= '\uFE70' and <= '\uFEFF' => Script.Arabic,
            >= '\u0900' and <= '\u097F' => Script.Devanagari,
            >= '\u0E00' and <= '\u0E7F' => Script.Thai,
            >= '\u10A0' and <= '\u10FF' => Script.Georgian,
            >= '\u1100' and <= '\u11FF' => Script.Hangul,
            >= '\uAC00' and <= '\uD7AF' => Script.Hangul,
            >= '\u3040' and <= '\u30FF' => Script.Kana,
            >= '\u3400' and <= '\u4DBF' => Script.Han,
            >= '\u4E00' and <= '\u9FFF' => Script.Han,
            _ => Script.Other,
        };
    }

    /// <summary>The script most letters of the text are written in.</summary>
    public static Script DominantScript(ReadOnlySpan<char> text)
    {
        Span<int> counts = stackalloc int[(int)Script.Other + 1];
        foreach (char c in text) counts[(int)ScriptOf(c)]++;
        counts[(int)Script.None] = 0;
        int best = 0;
        for (int i = 1; i < counts.Length; i++) if (counts[i] > counts[best]) best = i;
        return (Script)best;
    }

    /// <summary>
    /// Where a line switches for good to another script (a headline followed by its translation on the
    /// same line): the offset of the first word of a tail of at least two words, most of whose letters
    /// are in a script other than the head's. -1 when there is no such switch.
    /// </summary>
    public static int ScriptSwitch(ReadOnlySpan<char> text)
    {
        Script head = Script.None;
        for (int i = 0; i < text.Length; i++)
        {
            var s = ScriptOf(text[i]);
            if (s == Script.None) continue;
            if (head == Script.None)
            {
                head = s;
                continue;
            }
            if (s == head) continue;
            int wordStart = i;
            while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1])) wordStart--;
            var tail = text[wordStart..];
            if (CountWords(tail) >= 2 && DominantScript(tail) == s && CountWords(text[..wordStart]) >= 2)
                return wordStart;
            return -1;
        }
        return -1;
    }

    /// <summary>Line text reduced for equality tests: lower case, letters and digits only, single spaces.</summary>
    public static string Key(ReadOnlySpan<char> text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0) sb.Append(' ');
                sb.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (char.IsWhiteSpace(c))
            {
                space = true;
            }
        }
        return sb.ToString();
    }

    /// <summary>A name written in capitals turned into Title Case ("ANNA AL-SAYED" → "Anna Al-Sayed"); mixed case is kept.</summary>
    public static string NameCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!IsAllCaps(name)) return name;
        var chars = name.ToLowerInvariant().ToCharArray();
        bool start = true;
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsLetter(chars[i]))
            {
                if (start) chars[i] = char.ToUpperInvariant(chars[i]);
                start = false;
            }
            else
            {
                start = chars[i] is ' ' or '-' or '\'' or '’' or '.';
            }
        }
        return new string(chars);
    }

    /// <summary>Culture-free integer parse for short digit runs already matched by a pattern.</summary>
    public static int ParseInt(ReadOnlySpan<char> digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or '»' or ')' or ']' or '›' or '*';

    private static bool IsOpener(char c) => c is '"' or '\'' or '“' or '‘' or '«' or '(' or '[' or '‹' or '-' or '–' or '—' or '•' or '·';
}
