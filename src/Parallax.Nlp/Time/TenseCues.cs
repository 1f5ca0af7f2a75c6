using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Parallax.Text;

namespace Parallax.Nlp.Time;

/// <summary>Which way a clause points in time, read from the verbs next to an expression.</summary>
internal enum Tense
{
    Unknown,
    Past,
    Future,
}

/// <summary>
/// Reads tense and reporting cues from the words around an expression, within its sentence. The nearest cue wins, so
/// "said on Monday that … will" is past (the saying) while "will meet on Monday" is future.
/// </summary>
internal static class TenseCues
{
    private static readonly Regex Word = new(@"[A-Za-z']+", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly FrozenSet<string> Future = FrozenSet.ToFrozenSet(
        ["will", "'ll", "shall", "won't", "going", "plans", "plan", "planned", "planning", "scheduled", "expected", "due", "upcoming",
         "forthcoming", "intends", "set", "aims", "would", "invited", "next", "hopes", "promised", "vowed", "threatened", "to"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Past = FrozenSet.ToFrozenSet(
        ["said", "was", "were", "had", "did", "told", "met", "came", "went", "took", "made", "gave", "began", "spoke", "left", "held",
         "fell", "rose", "won", "lost", "sent", "got", "saw", "wrote", "ran", "broke", "hit", "put", "led", "paid", "sold", "bought",
         "struck", "became", "knew", "thought", "brought", "fought", "flew", "shot", "found", "kept", "felt", "stood", "heard",
         "ago", "last", "earlier", "yesterday", "agreed", "been"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> NotPast = FrozenSet.ToFrozenSet(
        ["need", "seed", "speed", "indeed", "feed", "red", "bed", "hundred", "united", "based", "armed", "proceed", "exceed", "succeed",
         "shed", "embed", "wed", "med", "limited", "concerned", "expected", "scheduled", "planned", "alleged", "supposed", "used"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Reporting = FrozenSet.ToFrozenSet(
        ["said", "says", "told", "reported", "announced", "stated", "wrote", "added", "confirmed", "denied", "claimed", "declared",
         "tweeted", "warned", "insisted", "noted", "explained", "disclosed", "revealed", "quoted", "according", "statement", "interview"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The tense of the clause around <paramref name="span"/>: the nearest past or future cue within eight words.</summary>
    public static Tense Of(string text, TextSpan span)
    {
        var (left, right) = Words(text, span, 8);
        for (int d = 0; d < Math.Max(left.Count, right.Count); d++)
        {
            var l = d < left.Count ? Classify(left[^(d + 1)], left, left.Count - d - 1) : Tense.Unknown;
            if (l != Tense.Unknown) return l;
            var r = d < right.Count ? Classify(right[d], right, d) : Tense.Unknown;
            if (r != Tense.Unknown) return r;
        }
        return Tense.Unknown;
    }

    /// <summary>True when a reporting verb stands within three words of the expression ("said on Monday", "Monday's statement").</summary>
    public static bool IsReporting(string text, TextSpan span)
    {
        var (left, right) = Words(text, span, 3);
        return left.Exists(w => Reporting.Contains(w)) || right.Take(2).Any(w => Reporting.Contains(w));
    }

    private static Tense Classify(string w, List<string> words, int i)
    {
        if (w.Equals("to", StringComparison.OrdinalIgnoreCase))
        {
            // "is to", "are to", "due to", "set to" mark a plan; a bare "to" does not.
            if (i > 0 && words[i - 1] is var p && (p.Equals("is", StringComparison.OrdinalIgnoreCase) || p.Equals("are", StringComparison.OrdinalIgnoreCase))) return Tense.Future;
            return Tense.Unknown;
        }
        if (w.Equals("set", StringComparison.OrdinalIgnoreCase))
            return i + 1 < words.Count && words[i + 1].Equals("to", StringComparison.OrdinalIgnoreCase) ? Tense.Future : Tense.Unknown;
        if (Future.Contains(w)) return Tense.Future;
        if (Past.Contains(w)) return Tense.Past;
        if (w.Length > 4 && w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && !NotPast.Contains(w)) return Tense.Past;
        return Tense.Unknown;
    }

    private static (List<string> Left, List<string> Right) Words(string text, TextSpan span, int count)
    {
        int sentenceStart = SentenceStart(text, span.Start);
        int sentenceEnd = SentenceEnd(text, span.End);
        var left = Word.Matches(text[sentenceStart..span.Start]).Select(m => m.Value).TakeLast(count).ToList();
        var right = Word.Matches(text[span.End..sentenceEnd]).Select(m => m.Value).Take(count).ToList();
        return (left, right);
    }

    internal static int SentenceStart(string text, int at)
    {
        for (int i = at - 1; i > 0; i--)
        {
            char c = text[i];
            if (c == '\n') return i + 1;
            if ((c == '.' || c == '!' || c == '?') && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]) && !IsAbbreviation(text, i)) return i + 1;
        }
        return 0;
    }

    internal static int SentenceEnd(string text, int at)
    {
        for (int i = at; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n') return i;
            if ((c == '.' || c == '!' || c == '?') && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) && !IsAbbreviation(text, i)) return i;
        }
        return text.Length;
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        int s = dot;
        while (s > 0 && char.IsLetter(text[s - 1])) s--;
        int len = dot - s;
        return len is > 0 and <= 4 && char.IsUpper(text[s]);
    }
}
