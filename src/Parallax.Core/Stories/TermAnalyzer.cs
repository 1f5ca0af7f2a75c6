using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Parallax.Core.Stories;

/// <summary>Counts for one term of one article.</summary>
internal sealed class TermStat
{
    public int Count { get; set; }

    /// <summary>Occurrences not at a sentence start written with a capital first letter.</summary>
    public int CapitalisedInside { get; set; }

    /// <summary>Occurrences not at a sentence start written in lower case.</summary>
    public int LowerInside { get; set; }

    public bool InTitle { get; set; }

    /// <summary>
    /// A name when it is capitalised inside sentences at least as often as not; sentence-initial capitals say
    /// nothing, which is why they are not counted.
    /// </summary>
    public bool IsName => CapitalisedInside > 0 && CapitalisedInside >= LowerInside;
}

/// <summary>What the index needs from one article's text.</summary>
internal sealed class AnalyzedText
{
    public required List<ulong> TokenHashes { get; init; }

    public required UInt128 ExactKey { get; init; }

    /// <summary>Content terms in order of first appearance (title first), so later steps iterate deterministically.</summary>
    public required List<KeyValuePair<string, TermStat>> Terms { get; init; }
}

/// <summary>
/// Splits text into lower-cased word tokens (runs of letters and digits). All tokens feed the exact-copy key
/// and the shingles; content terms drop stop words, one-letter tokens and most numbers, and fold simple
/// English plurals so "strikes" and "strike" meet.
/// </summary>
internal static class TermAnalyzer
{
    // Function words and the reporting vocabulary every news article shares; idf would discount them too,
    // but only after many articles, and the first stories are formed before that.
    private static readonly HashSet<string> StopWords = new(
        """
        a about above after again against all almost also although am among an and another any are around as at
        be became because been before being below between both but by can cannot could did do does doing done down
        during each either else even ever every few for from further had has have having he her here hers herself him
        himself his how however i if in into is it its itself just least less like made make many may me might more
        most much must my myself near neither no nor not now of off often on once one only or other others our ours
        ourselves out over own per perhaps quite rather really same several shall she should since so some still such
        than that the their theirs them themselves then there these they this those though through thus to too toward
        towards under until up upon us very via was we were what whatever when where whether which while who whom whose
        why will with within without would yet you your yours yourself
        said says say saying told tell according reported report reports added adding asked
        mr mrs ms dr st jr
        new news year years day days week weeks month months time times today yesterday tomorrow
        monday tuesday wednesday thursday friday saturday sunday
        two three four five six seven eight nine ten first second last next
        get got going go went come came take took make makes want wants well way back
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    public static AnalyzedText Analyze(string text, string? title)
    {
        var tokenHashes = new List<ulong>();
        var normalised = new StringBuilder(text.Length);
        var terms = new Dictionary<string, TermStat>(StringComparer.Ordinal);
        var order = new List<KeyValuePair<string, TermStat>>();

        if (!string.IsNullOrWhiteSpace(title))
        {
            Scan(title, (token, _, _) =>
            {
                var stat = Stat(Term(token), terms, order);
                if (stat is null) return;
                stat.Count++;
                stat.InTitle = true;
            });
        }

        Scan(text, (token, capitalised, sentenceStart) =>
        {
            var lower = token.ToLowerInvariant();
            tokenHashes.Add(StableHash.Of(lower));
            if (normalised.Length > 0) normalised.Append(' ');
            normalised.Append(lower);

            var stat = Stat(Term(lower), terms, order);
            if (stat is null) return;
            stat.Count++;
            if (sentenceStart) return;
            if (capitalised) stat.CapitalisedInside++;
            else stat.LowerInside++;
        });

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(normalised.ToString()));
        var key = new UInt128(BinaryPrimitives.ReadUInt64LittleEndian(digest), BinaryPrimitives.ReadUInt64LittleEndian(digest.AsSpan(8)));
        return new AnalyzedText { TokenHashes = tokenHashes, ExactKey = key, Terms = order };
    }

    /// <summary>The content term for a token, or null when it carries no topic (stop word, short, a plain number).</summary>
    internal static string? Term(string token)
    {
        var lower = token.ToLowerInvariant();
        if (lower.Length < 2 || StopWords.Contains(lower)) return null;

        var digits = 0;
        foreach (var c in lower)
        {
            if (char.IsDigit(c)) digits++;
        }

        // Years name events ("the 2018 offensive"); other bare numbers are counts and dates that differ per report.
        if (digits == lower.Length && lower.Length != 4) return null;

        return FoldPlural(lower);
    }

    private static string FoldPlural(string w)
    {
        if (w.Length < 5 || w[^1] != 's') return w;
        if (w.EndsWith("ies", StringComparison.Ordinal)) return string.Concat(w.AsSpan(0, w.Length - 3), "y");
        if (w.EndsWith("ss", StringComparison.Ordinal) || w.EndsWith("us", StringComparison.Ordinal) || w.EndsWith("is", StringComparison.Ordinal))
        {
            return w;
        }

        return w[..^1];
    }

    private static TermStat? Stat(string? term, Dictionary<string, TermStat> terms, List<KeyValuePair<string, TermStat>> order)
    {
        if (term is null) return null;
        if (!terms.TryGetValue(term, out var stat))
        {
            stat = new TermStat();
            terms.Add(term, stat);
            order.Add(new KeyValuePair<string, TermStat>(term, stat));
        }

        return stat;
    }

    /// <summary>Calls <paramref name="onToken"/> with each token, whether it starts with a capital, and whether it opens a sentence.</summary>
    private static void Scan(string text, Action<string, bool, bool> onToken)
    {
        var sentenceStart = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (c is '.' or '!' or '?' or '\n' or '\r' or ':' or '•') sentenceStart = true;
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || CharUnicodeInfo.GetUnicodeCategory(text[i]) is UnicodeCategory.NonSpacingMark))
            {
                i++;
            }

            onToken(text[start..i], char.IsUpper(c), sentenceStart);
            sentenceStart = false;
        }
    }
}
