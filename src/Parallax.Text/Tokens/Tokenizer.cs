using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Parallax.Text.Tokens;

/// <summary>
/// Cuts news English into <see cref="Token"/>s in one left-to-right pass without regular expressions.
/// Keeps together abbreviations and titles with their periods ("Maj.-Gen.", "U.S.", "e.g.", initials "J."),
/// numbers ("9,000", "1.5", "2018-06-13", "10:30"), ordinals ("4th"), hyphenated and Arabic-article names
/// ("al-Assad", "El-Quneitra"), inner apostrophes ("Shi'ite"), URLs, e-mail addresses, hashtags and @-mentions;
/// splits clitics ("Russia's" → "Russia" "'s", "don't" → "do" "n't"), number ranges ("5–20", "5-20" → number
/// dash number), quantities with units ("$4.5bn" → "$" "4.5" "bn", "37%" → "37" "%"), quotes, brackets, dashes
/// and ellipses.
/// </summary>
/// <remarks>
/// Contract: tokens are ordered, never overlap, never start or end with whitespace, and every character that is
/// not whitespace belongs to exactly one token, except invisible format and control characters (Unicode Cf/Cc:
/// zero-width space, byte-order mark, bidi marks) standing outside a word, which belong to none. Offsets are
/// UTF-16 code units; a surrogate pair is never split. The tokenizer holds no mutable state: one instance may be
/// used from many threads at once. It throws only <see cref="ArgumentNullException"/> for null arguments.
/// </remarks>
public sealed class Tokenizer
{
    private static readonly FrozenSet<string> Tlds = FrozenSet.ToFrozenSet(
        ["com", "org", "net", "gov", "edu", "int", "mil", "info", "io", "co", "uk", "ru", "sy", "il", "ir", "tr",
         "de", "fr", "ua", "us", "eu", "news", "tv", "me", "ae", "sa", "lb", "jo", "eg", "iq", "qa", "cn", "in",
         "ca", "au", "it", "es", "ch", "nl", "se", "pl", "by", "kz", "az", "am", "ge", "ps", "kw", "bh", "om", "ye",
         "ly", "tn", "ma", "dz", "pk", "af", "online", "site", "press", "media"], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TldLookup =
        Tlds.GetAlternateLookup<ReadOnlySpan<char>>();

    // Units and multipliers split off a number written against them ("4.5bn", "20km").
    private static readonly FrozenSet<string> Units = FrozenSet.ToFrozenSet(
        ["bn", "m", "mn", "k", "km", "kg", "g", "mg", "mm", "cm", "ml", "mph", "kph", "kmh", "ft", "lb", "lbs", "t",
         "tn", "trn", "b", "pm", "am", "p", "GW", "MW", "kW", "kWh", "BN", "M", "K", "B", "KM", "AM", "PM", "h", "hr",
         "hrs", "min", "sec", "GHz", "MHz", "dB", "bln", "mln", "tr"], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> UnitLookup =
        Units.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A shared instance.</summary>
    public static Tokenizer Default { get; } = new();

    /// <summary>Tokenises <paramref name="text"/>; see the class remarks for the contract.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="text"/> is null.</exception>
    public ImmutableArray<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<Token>((text.Length / 5) + 4);
        Tokenize(text.AsSpan(), list);
        return ImmutableCollectionsMarshal.AsImmutableArray(list.ToArray());
    }

    /// <summary>
    /// Appends the tokens of <paramref name="text"/> to <paramref name="destination"/> (offsets relative to the start
    /// of <paramref name="text"/>), for callers that reuse one buffer across documents.
    /// </summary>
    /// <exception cref="ArgumentNullException">When <paramref name="destination"/> is null.</exception>
    public void Tokenize(ReadOnlySpan<char> text, List<Token> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        new Scanner(text, destination).Run();
    }

    private ref struct Scanner
    {
        private readonly ReadOnlySpan<char> _t;
        private readonly List<Token> _out;
        private bool _chunkHasAt;

        public Scanner(ReadOnlySpan<char> text, List<Token> output)
        {
            _t = text;
            _out = output;
        }

        public void Run()
        {
            var t = _t;
            int n = t.Length;
            int i = 0;
            while (i < n)
            {
                if (CharInfo.IsSpace(t[i]))
                {
                    i++;
                    continue;
                }
                int s = i++;
                while (i < n && !CharInfo.IsSpace(t[i])) i++;
                Chunk(s, i);
            }
        }

        // A chunk is a maximal run of non-whitespace; every token lies inside one chunk.
        private void Chunk(int s, int e)
        {
            _chunkHasAt = e - s > 2 && _t[s..e].Contains('@');
            int p = s;
            while (p < e)
                p = CharInfo.WordCharLength(_t, p, e) > 0 ? Word(p, e) : Other(p, s, e);
        }

        private readonly void Add(int start, int end, TokenKind kind, TokenFlags flags = TokenFlags.None) =>
            _out.Add(new Token(start, end, kind, flags));

        private readonly int Word(int p, int e)
        {
            var t = _t;
            char c0 = t[p];
            if (c0 is 'h' or 'H' or 'w' or 'W' or 'f' or 'F' && IsUrlStart(p, e))
            {
                int u = UrlEnd(p, e);
                Add(p, u, TokenKind.Url);
                return u;
            }
            if (_chunkHasAt && TryEmail(p, e, out int emailEnd))
            {
                Add(p, emailEnd, TokenKind.Email);
                return emailEnd;
            }

            int q = p;
            int segStart = p;
            bool dotted = false;
            bool domain = false;
            bool apostrophe = false;
            while (true)
            {
                while (q < e)
                {
                    int l = CharInfo.WordCharLength(t, q, e);
                    if (l == 0) break;
                    q += l;
                }
                if (q + 1 >= e || CharInfo.WordCharLength(t, q + 1, e) == 0) break;
                char c = t[q];
                char prev = t[q - 1];
                char next = t[q + 1];
                bool join;
                switch (c)
                {
                    case '-' or '\u2010' or '\u2011':
                        join = true;
                        break;
                    case '\'' or '\u2019':
                        join = CharInfo.IsLetter(prev) && CharInfo.IsLetter(next);
                        apostrophe |= join;
                        break;
                    case '.':
                        join = JoinPeriod(q, e, segStart, prev, next, ref dotted, ref domain);
                        break;
                    case ',':
                        join = CharInfo.IsAsciiDigit(prev) && ThreeDigitsFollow(q, e);
                        break;
                    case ':' or '/':
                        join = CharInfo.IsAsciiDigit(prev) && CharInfo.IsAsciiDigit(next);
                        break;
                    case '&':
                        join = CharInfo.IsUpper(prev) && CharInfo.IsUpper(next);
                        break;
                    default:
                        // Soft hyphens and zero-width joiners inside a word keep it whole; at its edge they are dropped.
                        join = c >= '\u0080' && char.GetUnicodeCategory(c) == UnicodeCategory.Format;
                        break;
                }
                if (!join) break;
                q++;
                segStart = q;
            }

            if (domain)
            {
                if (q < e && t[q] == '/') q = UrlEnd(p, e);
                Add(p, q, TokenKind.Url);
                return q;
            }

            // A period right after the word: part of it when the word is an abbreviation, an initial or dotted.
            if (q < e && t[q] == '.' && !(q + 1 < e && t[q + 1] == '.') && !CharInfo.IsAsciiDigit(c0))
            {
                var word = t[p..q];
                var cls = Abbreviations.Classify(word);
                bool take = dotted
                    || (q - p == 1 && CharInfo.IsUpper(c0))
                    || cls switch
                    {
                        AbbreviationClass.None => false,
                        AbbreviationClass.NumberPrefix => DigitFollows(q + 1),
                        _ => true,
                    };
                if (take)
                {
                    q++;
                    if (cls == AbbreviationClass.Title && q + 1 < e && t[q] == '-' && CharInfo.IsLetter(t[q + 1]))
                    {
                        // Compound ranks: "Maj.-Gen.", "Lt.-Col.".
                        int r = q + 1;
                        while (r < e && CharInfo.IsLetter(t[r])) r++;
                        if (r < e && t[r] == '.' && Abbreviations.Classify(t[(q + 1)..r]) == AbbreviationClass.Title) q = r + 1;
                    }
                    Add(p, q, TokenKind.Abbreviation, CaseFlags(p, q));
                    return q;
                }
            }
            if (dotted)
            {
                Add(p, q, TokenKind.Abbreviation, CaseFlags(p, q));
                return q;
            }

            int clitic = apostrophe ? CliticStart(p, q) : -1;
            if (clitic > p)
            {
                Plain(p, clitic);
                Add(clitic, q, TokenKind.Clitic);
            }
            else
            {
                Plain(p, q);
            }
            return q;
        }

        // "U.S", "e.g", "Ph.D" join; "example.com" joins as a domain; "end.Next" does not.
        private readonly bool JoinPeriod(int q, int e, int segStart, char prev, char next, ref bool dotted, ref bool domain)
        {
            var t = _t;
            if (CharInfo.IsAsciiDigit(prev) && CharInfo.IsAsciiDigit(next)) return true;
            if (!CharInfo.IsLetter(prev) || !CharInfo.IsLetter(next)) return false;
            int segLen = q - segStart;
            int r = q + 1;
            while (r < e && CharInfo.IsLetter(t[r])) r++;
            bool segmentEnds = r >= e || CharInfo.WordCharLength(t, r, e) == 0;
            if (r - q - 1 == 1 && segmentEnds && (segLen == 1 || (segLen == 2 && CharInfo.IsUpper(t[segStart]))))
            {
                dotted = true;
                return true;
            }
            if (segLen >= 2 && segmentEnds && TldLookup.Contains(t[(q + 1)..r]))
            {
                domain = true;
                return true;
            }
            return false;
        }

        private readonly bool ThreeDigitsFollow(int q, int e)
        {
            var t = _t;
            if (q + 3 >= e) return false;
            if (!CharInfo.IsAsciiDigit(t[q + 1]) || !CharInfo.IsAsciiDigit(t[q + 2]) || !CharInfo.IsAsciiDigit(t[q + 3])) return false;
            return q + 4 >= e || !CharInfo.IsAsciiDigit(t[q + 4]);
        }

        private readonly bool DigitFollows(int i)
        {
            var t = _t;
            int limit = Math.Min(t.Length, i + 3);
            while (i < limit && CharInfo.IsSpace(t[i]) && t[i] != '\n') i++;
            return i < t.Length && CharInfo.IsAsciiDigit(t[i]);
        }

        // Where a clitic starts in [p, q): "n't", "'s", "'d", "'m", "'re", "'ve", "'ll"; -1 when none.
        private readonly int CliticStart(int p, int q)
        {
            var t = _t;
            int len = q - p;
            if (len >= 4 && (t[q - 1] | 0x20) == 't' && IsApostrophe(t[q - 2]) && (t[q - 3] | 0x20) == 'n') return q - 3;
            if (len >= 3 && IsApostrophe(t[q - 2]) && (t[q - 1] | 0x20) is 's' or 'd' or 'm') return q - 2;
            if (len >= 4 && IsApostrophe(t[q - 3]))
            {
                char a = (char)(t[q - 2] | 0x20);
                char b = (char)(t[q - 1] | 0x20);
                if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l')) return q - 3;
            }
            return -1;
        }

        private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

        // A word without a period: a number, an ordinal, a number with its unit, or a word.
        private readonly void Plain(int p, int q)
        {
            var t = _t;
            if (!IsDigit(t[p]))
            {
                Add(p, q, TokenKind.Word, CaseFlags(p, q));
                return;
            }
            int r = p;
            int hyphens = 0;
            int others = 0;
            int hyphenAt = -1;
            while (r < q)
            {
                char c = t[r];
                if (IsDigit(c))
                {
                    r++;
                    continue;
                }
                if (c is '.' or ',' or ':' or '/' or '-' or '\u2010' or '\u2011' && r + 1 < q && IsDigit(t[r + 1]))
                {
                    if (c is '-' or '\u2010' or '\u2011')
                    {
                        hyphens++;
                        hyphenAt = r;
                    }
                    else
                    {
                        others++;
                    }
                    r++;
                    continue;
                }
                break;
            }
            if (r == q)
            {
                if (hyphens == 1 && others == 0)
                {
                    // A range "5-20" reads as number, dash, number; a date "2018-06-13" stays whole.
                    Add(p, hyphenAt, TokenKind.Number);
                    Add(hyphenAt, hyphenAt + 1, TokenKind.Dash);
                    Add(hyphenAt + 1, q, TokenKind.Number);
                }
                else
                {
                    Add(p, q, TokenKind.Number);
                }
                return;
            }
            int letters = r;
            while (letters < q && CharInfo.IsAsciiLetter(t[letters])) letters++;
            if (letters == q && hyphens == 0)
            {
                var suffix = t[r..q];
                if (others == 0 && IsOrdinalSuffix(suffix))
                {
                    Add(p, q, TokenKind.Ordinal);
                    return;
                }
                if (others == 0 && r - p == 4 && suffix.Length == 1 && suffix[0] == 's')
                {
                    Add(p, q, TokenKind.Number);
                    return;
                }
                if (UnitLookup.Contains(suffix))
                {
                    Add(p, r, TokenKind.Number);
                    Add(r, q, TokenKind.Word, CaseFlags(r, q));
                    return;
                }
            }
            Add(p, q, TokenKind.Word, CaseFlags(p, q));
        }

        private static bool IsDigit(char c) => CharInfo.IsAsciiDigit(c) || (c >= '\u0080' && char.IsDigit(c));

        private static bool IsOrdinalSuffix(ReadOnlySpan<char> s) =>
            s.Length == 2 && ((s[0] | 0x20) is 's' && (s[1] | 0x20) is 't'
                || (s[0] | 0x20) is 'n' && (s[1] | 0x20) is 'd'
                || (s[0] | 0x20) is 'r' && (s[1] | 0x20) is 'd'
                || (s[0] | 0x20) is 't' && (s[1] | 0x20) is 'h');

        private readonly TokenFlags CaseFlags(int p, int q)
        {
            var t = _t;
            char c = t[p];
            if (CharInfo.IsLower(c)) return TokenFlags.None;
            var flags = CharInfo.IsUpper(c) ? TokenFlags.Capitalized : TokenFlags.None;
            int letters = 0;
            for (int i = p; i < q; i++)
            {
                char x = t[i];
                if (CharInfo.IsLower(x)) return flags;
                if (CharInfo.IsLetter(x)) letters++;
            }
            return letters >= 2 ? flags | TokenFlags.AllCaps : flags;
        }

        private readonly bool IsUrlStart(int p, int e)
        {
            var rest = _t[p..e];
            if (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                || rest.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase))
                return true;
            return rest.Length > 4 && rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
                && CharInfo.WordCharLength(rest, 4, rest.Length) > 0;
        }

        // The URL runs to the end of the chunk, less trailing punctuation; a ")" stays when the URL opened one.
        private readonly int UrlEnd(int p, int e)
        {
            var t = _t;
            int r = e;
            while (r > p + 1)
            {
                char c = t[r - 1];
                if (c == ')')
                {
                    var body = t[p..(r - 1)];
                    if (body.Count('(') > body.Count(')')) break;
                    r--;
                    continue;
                }
                if (c is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '"' or '\u201D' or '\u2019' or '\u00BB'
                    or '\u2026' or ']' or '}' or '>')
                {
                    r--;
                    continue;
                }
                break;
            }
            return r;
        }

        private readonly bool TryEmail(int p, int e, out int end)
        {
            var t = _t;
            end = p;
            int r = p;
            while (r < e && (CharInfo.IsAsciiLetter(t[r]) || CharInfo.IsAsciiDigit(t[r]) || t[r] is '.' or '_' or '%' or '+' or '-')) r++;
            if (r >= e || t[r] != '@' || r == p || t[r - 1] == '.') return false;
            int d = r + 1;
            while (d < e && (CharInfo.IsAsciiLetter(t[d]) || CharInfo.IsAsciiDigit(t[d]) || t[d] is '-' or '.')) d++;
            while (d > r + 1 && t[d - 1] is '.' or '-') d--;
            int lastDot = t[(r + 1)..d].LastIndexOf('.');
            if (lastDot <= 0) return false;
            int tldStart = r + 1 + lastDot + 1;
            if (d - tldStart < 2) return false;
            for (int i = tldStart; i < d; i++)
                if (!CharInfo.IsAsciiLetter(t[i])) return false;
            end = d;
            return true;
        }

        private readonly int Other(int p, int s, int e)
        {
            var t = _t;
            char c = t[p];
            switch (c)
            {
                case '.':
                {
                    int r = Run(p, e, '.');
                    Add(p, r, r - p >= 2 ? TokenKind.Ellipsis : TokenKind.Punctuation);
                    return r;
                }
                case '\u2026':
                {
                    int r = Run(p, e, c);
                    Add(p, r, TokenKind.Ellipsis);
                    return r;
                }
                case '!' or '?' or '\u061F' or '\u203C' or '\u2047' or '\u2048' or '\u2049' or '\uFF01' or '\uFF1F':
                {
                    int r = p + 1;
                    while (r < e && t[r] is '!' or '?' or '\u061F' or '\u203C' or '\u2047' or '\u2048' or '\u2049' or '\uFF01' or '\uFF1F') r++;
                    Add(p, r, TokenKind.Punctuation);
                    return r;
                }
                case ',' or ';' or ':':
                    Add(p, p + 1, TokenKind.Punctuation);
                    return p + 1;
                case '-' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2E3A' or '\u2E3B':
                {
                    int r = Run(p, e, c);
                    Add(p, r, TokenKind.Dash);
                    return r;
                }
                case '"' or '\'':
                    Add(p, p + 1, TokenKind.Quote, StraightQuoteDirection(p, s, e));
                    return p + 1;
                case '`':
                {
                    int r = Run(p, e, c);
                    Add(p, r, TokenKind.Quote, TokenFlags.Opening);
                    return r;
                }
                case '\u201C' or '\u2018' or '\u00AB' or '\u201E' or '\u201A' or '\u2039' or '\u201F' or '\u201B':
                    Add(p, p + 1, TokenKind.Quote, TokenFlags.Opening);
                    return p + 1;
                case '\u201D' or '\u2019' or '\u00BB' or '\u203A':
                    Add(p, p + 1, TokenKind.Quote, TokenFlags.Closing);
                    return p + 1;
                case '(' or '[' or '{':
                    Add(p, p + 1, TokenKind.Bracket, TokenFlags.Opening);
                    return p + 1;
                case ')' or ']' or '}':
                    Add(p, p + 1, TokenKind.Bracket, TokenFlags.Closing);
                    return p + 1;
                case '#' or '@':
                    if (p + 1 < e && CharInfo.WordCharLength(t, p + 1, e) > 0
                        && (p == s || CharInfo.WordCharLength(t, p - 1, e) == 0))
                    {
                        int r = p + 1;
                        while (r < e)
                        {
                            int l = CharInfo.WordCharLength(t, r, e);
                            if (l == 0 && t[r] != '_') break;
                            r += Math.Max(l, 1);
                        }
                        Add(p, r, c == '#' ? TokenKind.Hashtag : TokenKind.Mention);
                        return r;
                    }
                    Add(p, p + 1, TokenKind.Symbol);
                    return p + 1;
                case '%' or '&' or '*' or '+' or '=' or '<' or '>' or '|' or '~' or '^' or '\\' or '/' or '$' or '_':
                    Add(p, p + 1, TokenKind.Symbol);
                    return p + 1;
                default:
                    return OtherRare(p, e);
            }
        }

        private readonly int OtherRare(int p, int e)
        {
            var t = _t;
            char c = t[p];
            if (CharInfo.IsIgnorable(c)) return p + 1;
            if (char.IsHighSurrogate(c) && p + 1 < e && char.IsLowSurrogate(t[p + 1]))
            {
                int r = AbsorbSymbolTail(p + 2, e);
                Add(p, r, TokenKind.Symbol);
                return r;
            }
            var cat = char.GetUnicodeCategory(c);
            switch (cat)
            {
                case UnicodeCategory.OpenPunctuation:
                    Add(p, p + 1, TokenKind.Bracket, TokenFlags.Opening);
                    return p + 1;
                case UnicodeCategory.ClosePunctuation:
                    Add(p, p + 1, TokenKind.Bracket, TokenFlags.Closing);
                    return p + 1;
                case UnicodeCategory.InitialQuotePunctuation:
                    Add(p, p + 1, TokenKind.Quote, TokenFlags.Opening);
                    return p + 1;
                case UnicodeCategory.FinalQuotePunctuation:
                    Add(p, p + 1, TokenKind.Quote, TokenFlags.Closing);
                    return p + 1;
                case UnicodeCategory.DashPunctuation:
                    Add(p, p + 1, TokenKind.Dash);
                    return p + 1;
                case UnicodeCategory.OtherPunctuation or UnicodeCategory.ConnectorPunctuation:
                    if (c is '\u00A7' or '\u2022' or '\u00B7' or '\u2020' or '\u2021' or '\u2030')
                    {
                        Add(p, p + 1, TokenKind.Symbol);
                        return p + 1;
                    }
                    Add(p, p + 1, TokenKind.Punctuation);
                    return p + 1;
                default:
                {
                    int r = AbsorbSymbolTail(p + 1, e);
                    Add(p, r, TokenKind.Symbol);
                    return r;
                }
            }
        }

        // Keeps an emoji with its variation selectors, skin tones and zero-width-joined parts.
        private readonly int AbsorbSymbolTail(int r, int e)
        {
            var t = _t;
            while (r < e)
            {
                char c = t[r];
                if (c is '\uFE0E' or '\uFE0F' or '\u20E3')
                {
                    r++;
                    continue;
                }
                if (c == '\u200D' && r + 1 < e)
                {
                    if (char.IsHighSurrogate(t[r + 1]) && r + 2 < e && char.IsLowSurrogate(t[r + 2])) r += 3;
                    else r += 2;
                    continue;
                }
                if (c == '\uD83C' && r + 1 < e && t[r + 1] is >= '\uDFFB' and <= '\uDFFF')
                {
                    r += 2;
                    continue;
                }
                break;
            }
            return r;
        }

        private readonly int Run(int p, int e, char c)
        {
            int r = p + 1;
            while (r < e && _t[r] == c) r++;
            return r;
        }

        // A straight quote opens at the start of a chunk or after an opening bracket, dash or colon; else it closes.
        private readonly TokenFlags StraightQuoteDirection(int p, int s, int e)
        {
            if (p == s) return p + 1 == e ? TokenFlags.None : TokenFlags.Opening;
            char prev = _t[p - 1];
            return prev is '(' or '[' or '{' or '\u201C' or '\u2018' or '\u00AB' or '\u2014' or '\u2013' or '-' or ':' or '/'
                ? TokenFlags.Opening
                : TokenFlags.Closing;
        }
    }
}
