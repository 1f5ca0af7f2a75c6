using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Parallax.Text;

namespace Parallax.Nlp.Places;

/// <summary>
/// Finds place mentions in a text (capitalised word sequences matched against the gazetteer, with stop rules) and
/// resolves each in the context of the whole document: the countries and regions it names, nearby resolved places,
/// "the province of X" / "X governorate" / "the town of X" patterns, feature-class and population priors, and one
/// sense per name per document. It answers "unresolved" rather than guess when the evidence is thin, and flags a
/// reading that makes no sense in context as implausible.
/// </summary>
/// <remarks>Immutable and thread-safe. Offsets are UTF-16 code units into the text passed to <see cref="Resolve"/>.</remarks>
public sealed partial class ToponymResolver
{
    private const int MaxTokens = 6;
    private const double MinConfidence = 0.3;

    // Capitalised words that are rarely places in news prose, though the gazetteer has towns so named.
    private static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight",
        "the", "a", "an", "in", "on", "at", "of", "for", "from", "to", "by", "with", "and", "but", "or", "as", "if", "it", "its",
        "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "this", "that", "these", "those", "there", "here",
        "when", "while", "after", "before", "since", "during", "until", "about", "also", "then", "so", "no", "not", "yes",
        "what", "who", "why", "how", "where", "which", "all", "some", "many", "most", "more", "one", "two", "three", "new",
        "mr", "mrs", "ms", "dr", "sir", "president", "minister", "general", "gen", "police", "army", "state", "city", "county",
        "government", "council", "court", "university", "school", "church", "hospital", "center", "centre", "street", "road",
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "national", "international",
        "union", "republic", "kingdom", "democratic", "islamic", "arab", "free", "independent", "people", "man", "woman",
        "will", "can", "said", "says", "read", "reading", "mobile", "price", "young", "long", "early", "late", "best", "good",
        "page", "home", "office", "house", "senate", "congress", "department", "news", "post", "times", "press", "media",
        "photo", "video", "update", "story", "report", "reports", "sources", "source", "officials", "official", "forces",
        "regime", "rebels", "rebel", "opposition",
        "god", "allah", "christmas", "easter", "ramadan", "eid", "nice", "bath", "hope", "unity", "victory", "liberty", "enterprise",
        "commerce", "industry", "independence", "friendship", "providence", "concord", "harmony", "marathon", "mission",
        "justice", "progress", "prosperity", "sale", "bar", "college", "park", "lake", "river", "valley", "beach", "bay",
        "along", "english", "across", "despite", "among", "under", "over", "against", "between", "within", "without",
    ], StringComparer.Ordinal);

    // Language names (and words used as such) that are not also a country's demonym: never a place on their own,
    // whatever small town carries the name (English, Indiana).
    private static readonly FrozenSet<string> LanguageWords = FrozenSet.ToFrozenSet(
    [
        "english", "arabic", "hebrew", "persian", "farsi", "kurdish", "urdu", "pashto", "dari", "latin", "welsh", "swahili",
        "amharic", "tigrinya", "aramaic", "syriac", "yiddish", "esperanto", "cantonese", "mandarin", "hindi", "bengali", "tamil",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Titles = FrozenSet.ToFrozenSet(
    [
        "mr", "mrs", "ms", "dr", "president", "gen", "general", "sen", "senator", "rep", "king", "queen", "prince", "sheikh",
        "minister", "judge", "officer", "sgt", "lt", "capt", "col", "coach", "gov", "governor", "mayor", "saint", "st",
    ], StringComparer.Ordinal);

    // Lower-case words that may end a multi-word place name ("Euphrates valley", "Gaza strip").
    private static readonly FrozenSet<string> NameSuffixes = FrozenSet.ToFrozenSet(
    [
        "valley", "river", "strip", "heights", "sea", "gulf", "province", "governorate", "region", "county", "parish",
        "city", "camp", "peninsula", "basin", "mountains", "lake", "bank", "island", "islands", "desert", "plain", "plains",
    ], StringComparer.Ordinal);

    private readonly Gazetteer _gazetteer;

    /// <summary>Creates a resolver over a loaded gazetteer.</summary>
    public ToponymResolver(Gazetteer gazetteer) => _gazetteer = gazetteer ?? throw new ArgumentNullException(nameof(gazetteer));

    /// <summary>
    /// Finds and resolves the places in <paramref name="text"/>. When <paramref name="candidateSpans"/> is given
    /// (for example from NER), each of those spans yields exactly one result with that span, and the resolver's own
    /// detections that do not overlap them are added. Results are ordered by span start.
    /// </summary>
    /// <remarks>
    /// <paramref name="personSpans"/> (for example the NER stage's person mentions) is the person-name context: a
    /// detected name inside a longer person name ("Vladimir" in "Vladimir Putin") is no place unless it names a country.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A candidate span lies outside the text.</exception>
    public ImmutableArray<ResolvedPlace> Resolve(string text, IReadOnlyList<TextSpan>? candidateSpans = null, IReadOnlyList<TextSpan>? personSpans = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokenize(text);
        var mentions = new List<Mention>();
        if (candidateSpans is not null)
        {
            foreach (var span in candidateSpans)
            {
                if (span.End > text.Length) throw new ArgumentOutOfRangeException(nameof(candidateSpans), $"Span {span} lies outside a text of {text.Length.ToString(CultureInfo.InvariantCulture)} characters.");
                mentions.Add(GivenMention(text, span));
            }
        }
        foreach (var m in Detect(text, tokens))
        {
            if (mentions.Any(g => g.Given && g.Span.Overlaps(m.Span))) continue;
            if (personSpans is not null && !m.Entries.Any(e => e.IsCountry)
                && personSpans.Any(p => p.Contains(m.Span) && p.Length > m.Span.Length)) continue;
            mentions.Add(m);
        }
        mentions.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        foreach (var m in mentions) m.Hint = HintOf(text, m.Span);
        return Decide(text, mentions);
    }

    private Mention GivenMention(string text, TextSpan span)
    {
        var surface = span.Of(text);
        foreach (var form in GivenForms(surface))
        {
            var found = _gazetteer.FindKey(PlaceNames.Key(form));
            if (!found.IsEmpty) return new Mention(span, surface, PlaceNames.Key(form), found, Given: true);
        }
        return new Mention(span, surface, PlaceNames.Key(surface), [], Given: true);
    }

    private static IEnumerable<string> GivenForms(string surface)
    {
        var s = surface.Trim();
        yield return s;
        if (s.EndsWith("'s", StringComparison.Ordinal) || s.EndsWith("’s", StringComparison.Ordinal)) yield return s[..^2];
        var m = SuffixWord().Match(s);
        if (m.Success) yield return s[..m.Index];
    }

    // ---------- detection ----------

    private readonly record struct Token(int Start, int End, string Text)
    {
        public bool IsCapitalised
        {
            get
            {
                int i = 0;
                // al-Harah, el-Quneitra: the article is lower case, the name after it is capitalised.
                int dash = Text.IndexOf('-', StringComparison.Ordinal);
                if (dash is > 0 and <= 3 && char.IsLower(Text[0]) && dash + 1 < Text.Length) i = dash + 1;
                return char.IsUpper(Text[i]);
            }
        }
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length)
            {
                char c = text[i];
                if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) { i++; continue; }
                // Joiners inside a word: Dar'a, al-Harah; and the periods of U.S. and W.Va.
                bool nextIsLetter = i + 1 < text.Length && char.IsLetter(text[i + 1]);
                if (c is '\'' or '’' or '‘' or 'ʿ' or 'ʾ' or '-' && nextIsLetter) { i++; continue; }
                bool abbreviation = i - start == 1 || text.AsSpan(start, i - start).Contains('.');
                if (c == '.' && nextIsLetter && abbreviation && char.IsUpper(text[i + 1])) { i++; continue; }
                break;
            }
            tokens.Add(new Token(start, i, text[start..i]));
        }
        return tokens;
    }

    private List<Mention> Detect(string text, List<Token> tokens)
    {
        var found = new List<Mention>();
        int maxTokens = Math.Min(MaxTokens, _gazetteer.MaxNameTokens);
        for (int i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsCapitalised) continue;
            // "New York", "East Ghouta" start with a stop word; "The Louisiana" or "In Texas" must not swallow it.
            var firstLower = tokens[i].Text.ToLowerInvariant();
            bool stopStart = StopWords.Contains(firstLower);
            Mention? best = null;
            int bestLen = 0;
            for (int n = Math.Min(maxTokens, tokens.Count - i); n >= 1 && best is null; n--)
            {
                if (!Adjacent(text, tokens, i, n)) continue;
                var last = tokens[i + n - 1];
                if (n > 1 && !last.IsCapitalised && !NameSuffixes.Contains(last.Text.ToLowerInvariant())) continue;
                var span = new TextSpan(tokens[i].Start, last.End);
                var surface = StripPossessive(span.Of(text), ref span);
                var key = PlaceNames.Key(surface);
                var entries = _gazetteer.FindKey(key);
                if (entries.IsEmpty && n == 1)
                {
                    // "Damascus-based": try the part before the hyphen.
                    int dash = surface.IndexOf('-', StringComparison.Ordinal);
                    if (dash > 2)
                    {
                        span = new TextSpan(span.Start, span.Start + dash);
                        surface = surface[..dash];
                        key = PlaceNames.Key(surface);
                        entries = _gazetteer.FindKey(key);
                    }
                }
                bool period = span.End < text.Length && text[span.End] == '.';
                if (n == 1 && !entries.IsEmpty && (!period || (SentenceEndsAt(text, span.End) && !AfterPlaceAndComma(text, tokens, i))))
                {
                    // "Miss." and "Pa." name states only with their period ("Miss Smith" is no place), and a period that
                    // ends the sentence counts only in the AP pattern "Jackson, Miss." (the broadcaster Kan is no place).
                    var k = key;
                    entries = entries.RemoveAll(e => ViaAbbreviationOnly(e, k));
                }
                if (n == 1 && entries.Any(e => e.IsCountry && !string.Equals(PlaceNames.Key(e.Name), key, StringComparison.Ordinal)))
                {
                    // A country's demonym ("Canadian", "Arab") refers to the country, never to the town spelt the same.
                    entries = entries.RemoveAll(e => !e.IsCountry);
                }
                if (entries.IsEmpty) continue;
                if (stopStart && (n == 1 || !key.StartsWith(firstLower + " ", StringComparison.Ordinal))) continue;
                best = new Mention(span, surface, key, entries, Given: false);
                bestLen = n;
            }
            if (best is null) continue;
            if (bestLen == 1 && IsStopped(text, tokens, i, best)) continue;
            found.Add(best);
            i += bestLen - 1;
        }
        return found;
    }

    /// <summary>True when token <paramref name="i"/> follows a capitalised word and ", " (the AP pattern "Wichita, Kan.").</summary>
    private static bool AfterPlaceAndComma(string text, List<Token> tokens, int i)
    {
        if (i == 0) return false;
        var gap = text.AsSpan(tokens[i - 1].End, tokens[i].Start - tokens[i - 1].End);
        return gap.SequenceEqual(", ") && tokens[i - 1].IsCapitalised;
    }

    /// <summary>True when the period at <paramref name="at"/> ends the text or is followed by space and a capital letter.</summary>
    private static bool SentenceEndsAt(string text, int at)
    {
        int j = at + 1;
        if (j >= text.Length) return true;
        if (!char.IsWhiteSpace(text[j])) return false;
        while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
        return j >= text.Length || char.IsUpper(text[j]);
    }

    private static bool ViaAbbreviationOnly(GazetteerEntry e, string key)
    {
        if (string.Equals(PlaceNames.Key(e.Name), key, StringComparison.Ordinal)) return false;
        foreach (var alt in e.AlternateNames)
        {
            if (!alt.EndsWith('.') && string.Equals(PlaceNames.Key(alt), key, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    private static bool Adjacent(string text, List<Token> tokens, int i, int n)
    {
        for (int k = i; k < i + n - 1; k++)
        {
            var gap = text.AsSpan(tokens[k].End, tokens[k + 1].Start - tokens[k].End);
            if (gap.Length != 1 || gap[0] is not (' ' or '-')) return false;
        }
        return true;
    }

    private static string StripPossessive(string surface, ref TextSpan span)
    {
        if (surface.EndsWith("'s", StringComparison.Ordinal) || surface.EndsWith("’s", StringComparison.Ordinal))
        {
            span = new TextSpan(span.Start, span.End - 2);
            return surface[..^2];
        }
        return surface;
    }

    private static bool IsStopped(string text, List<Token> tokens, int i, Mention m)
    {
        var word = tokens[i].Text;
        var lower = m.Key;
        bool strongReading = m.Entries.Any(e => e.IsCountry || (e.FeatureCode == "ADM1" && e.Population >= 100_000) || e.Id.StartsWith("px:", StringComparison.Ordinal));
        if (StopWords.Contains(lower) || LanguageWords.Contains(lower)) return true;
        // Contractions (We'll, It's) are words, whatever town the letters spell.
        if (Contraction().IsMatch(word)) return true;
        // An acronym (TASS, NATO) that only spells a town is an organisation.
        if (word.Length is >= 3 and <= 4 && word.All(char.IsUpper) && !strongReading) return true;
        // A single capital letter or an all-caps short word other than a known abbreviation is rarely a place.
        if (word.Length <= 2 && !word.Contains('.', StringComparison.Ordinal) && !strongReading) return true;
        if (i > 0 && Titles.Contains(tokens[i - 1].Text.TrimEnd('.').ToLowerInvariant())) return true;
        if (!strongReading)
        {
            // The same word written in lower case elsewhere is an ordinary word ("mobile home", "Mobile").
            if (Regex.IsMatch(text, @"\b" + Regex.Escape(word.ToLowerInvariant()) + @"\b", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))) return true;
        }
        // Part of a longer capitalised name (a person or an organisation): Michael Jordan, Jordan Smith.
        bool prevCap = i > 0 && tokens[i - 1].IsCapitalised && Adjacent(text, tokens, i - 1, 2) && !StopWords.Contains(tokens[i - 1].Text.ToLowerInvariant());
        bool nextCap = i + 1 < tokens.Count && tokens[i + 1].IsCapitalised && Adjacent(text, tokens, i, 2)
            && !StopWords.Contains(tokens[i + 1].Text.ToLowerInvariant()) && !NameSuffixes.Contains(tokens[i + 1].Text.ToLowerInvariant());
        if (prevCap) return true;
        // Before another capitalised name word only a country reading survives ("Syria Kurds"): a region's or a
        // town's name there starts a person's or an organisation's name (Vladimir Putin, Washington Post).
        if (nextCap && !strongReading) return true;
        return false;
    }

    // ---------- patterns ----------

    private enum Hint { None, Admin, Settlement }

    [GeneratedRegex(@"['’](ll|re|ve|d|m|t)$", RegexOptions.CultureInvariant)]
    private static partial Regex Contraction();

    [GeneratedRegex(@"\s+(County|Parish|Province|Governorate|Region|District|province|governorate|region|district|county|parish|city|town|village)$", RegexOptions.CultureInvariant)]
    private static partial Regex SuffixWord();

    [GeneratedRegex(@"\b(?i:provinces?|governorates?|regions?|districts?|counties|county|parish|state|prefecture)\s+of\s+(the\s+)?((\p{Lu}[\p{L}'’‘\-]*\s*,?\s*(and\s+|or\s+)?)*)$", RegexOptions.CultureInvariant)]
    private static partial Regex AdminBefore();

    [GeneratedRegex(@"^[\s\-]*(province|governorate|region|district|county|parish|provinces|governorates)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AdminAfter();

    [GeneratedRegex(@"\b(?i:city|town|village|villages|towns|cities|suburb|neighbourhood|neighborhood)\s+of\s+(the\s+)?((\p{Lu}[\p{L}'’‘\-]*\s*,?\s*(and\s+|or\s+)?)*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SettlementBefore();

    [GeneratedRegex(@"^\s+(city|town|village)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SettlementAfter();

    private static Hint HintOf(string text, TextSpan span)
    {
        int from = Math.Max(0, span.Start - 80);
        var before = text[from..span.Start];
        var after = text[span.End..Math.Min(text.Length, span.End + 20)];
        var surface = span.Of(text);
        if (SuffixWord().IsMatch(surface))
        {
            return SuffixWord().Match(surface).Groups[1].Value.ToLowerInvariant() is "city" or "town" or "village" ? Hint.Settlement : Hint.Admin;
        }
        if (AdminAfter().IsMatch(after) || AdminBefore().IsMatch(before)) return Hint.Admin;
        if (SettlementAfter().IsMatch(after) || SettlementBefore().IsMatch(before)) return Hint.Settlement;
        return Hint.None;
    }

    // ---------- resolution ----------

    private sealed class Mention(TextSpan span, string surface, string key, ImmutableArray<GazetteerEntry> entries, bool Given)
    {
        public TextSpan Span { get; } = span;
        public string Surface { get; } = surface;
        public string Key { get; } = key;
        public ImmutableArray<GazetteerEntry> Entries { get; } = entries;
        public bool Given { get; } = Given;
        public Hint Hint { get; set; }
    }

    private sealed class Context
    {
        public Dictionary<string, int> Countries { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, int> Admins { get; } = new(StringComparer.Ordinal);
        public List<(GazetteerEntry Entry, string Key)> Anchors { get; } = [];

        // Evidence a name gives must not support that same name: count the others only.
        public int CountryOthers(string country, string key) => Countries.GetValueOrDefault(country) - Own(key, a => a.CountryCode == country);

        public int AdminOthers(string admin, string key) =>
            Admins.GetValueOrDefault(admin) - Own(key, a => a.Admin1Code.Length > 0 && a.CountryCode + "." + a.Admin1Code == admin);

        private int Own(string key, Func<GazetteerEntry, bool> match)
        {
            int n = 0;
            foreach (var (a, k) in Anchors)
                if (string.Equals(k, key, StringComparison.Ordinal) && match(a)) n += Weights.GetValueOrDefault(k);
            return n;
        }

        public Dictionary<string, int> Weights { get; } = new(StringComparer.Ordinal);
    }

    private static double Prior(GazetteerEntry e)
    {
        double p = e.FeatureCode switch
        {
            _ when e.IsCountry => 6,
            "ADM1" => 4,
            "PPLC" => 5,
            "ADM2" => 1.5,
            "PPLA" => 1.5,
            "PPLA2" => 1,
            _ when e.Id.StartsWith("px:", StringComparison.Ordinal) => 3.5,
            _ when e.FeatureClass == "P" => 0.5,
            _ => 2,
        };
        return p + 0.6 * Math.Log10(e.Population + 1);
    }

    private static double Score(GazetteerEntry e, Hint hint, Context ctx, string key, HashSet<string> regionReadings)
    {
        double s = Prior(e);
        int c = e.CountryCode.Length > 0 ? ctx.CountryOthers(e.CountryCode, key) : 0;
        if (c > 0) s += 3 + Math.Min(2, c - 1) * 0.5;
        if (!e.IsCountry && e.FeatureCode != "ADM1" && ctx.AdminOthers(e.CountryCode + "." + e.Admin1Code, key) > 0) s += 3;
        double nearest = double.MaxValue;
        foreach (var (a, k) in ctx.Anchors)
        {
            if (string.Equals(k, key, StringComparison.Ordinal) || a.IsCountry || a.FeatureCode == "ADM1") continue;
            nearest = Math.Min(nearest, e.DistanceKm(a.Latitude, a.Longitude));
        }
        if (nearest < 100) s += 2;
        else if (nearest < 400) s += 1;
        if (hint == Hint.Admin) s += e.IsAdminRegion ? 6 : -2;
        // A region named after its main town (Daraa, Jerusalem, Idlib): unqualified, the name means the town.
        if (hint == Hint.None && e.FeatureClass == "P" && e.FeatureCode.StartsWith("PPL", StringComparison.Ordinal) && e.FeatureCode.Length > 3
            && regionReadings.Contains(e.CountryCode + "." + e.Admin1Code)) s += 3.5;
        if (hint == Hint.Settlement) s += e.FeatureClass == "P" ? 4 : -2;
        return s;
    }

    private ImmutableArray<ResolvedPlace> Decide(string text, List<Mention> mentions)
    {
        // One sense per name and pattern within a document: group mentions that share both.
        var groups = mentions.Where(m => !m.Entries.IsEmpty)
            .GroupBy(m => (m.Key, m.Hint))
            .Select(g => g.ToList())
            .ToList();
        var ctx = new Context();
        var choice = new Dictionary<(string, Hint), (GazetteerEntry Entry, double Confidence, double Margin)>();
        for (int pass = 0; pass < 3; pass++)
        {
            choice.Clear();
            foreach (var g in groups)
            {
                var hint = g[0].Hint;
                var regions = g[0].Entries.Where(e => e.FeatureCode == "ADM1").Select(e => e.CountryCode + "." + e.Admin1Code).ToHashSet(StringComparer.Ordinal);
                var scored = g[0].Entries.Select(e => (Entry: e, Score: Score(e, hint, ctx, g[0].Key, regions)))
                    .OrderByDescending(x => x.Score).ThenBy(x => x.Entry.Id, StringComparer.Ordinal).ToList();
                double max = scored[0].Score;
                double sum = scored.Sum(x => Math.Exp(x.Score - max));
                double conf = 1 / sum;
                double margin = scored.Count > 1 ? scored[0].Score - scored[1].Score : 10;
                choice[(g[0].Key, hint)] = (scored[0].Entry, conf, margin);
            }
            var next = new Context();
            foreach (var g in groups)
            {
                var (e, conf, margin) = choice[(g[0].Key, g[0].Hint)];
                if (margin < 1.5 && pass == 0 && !e.IsCountry) continue;
                if (conf < MinConfidence) continue;
                if (e.CountryCode.Length > 0) next.Countries[e.CountryCode] = next.Countries.GetValueOrDefault(e.CountryCode) + g.Count;
                if (e.Admin1Code.Length > 0) next.Admins[e.CountryCode + "." + e.Admin1Code] = next.Admins.GetValueOrDefault(e.CountryCode + "." + e.Admin1Code) + g.Count;
                next.Anchors.Add((e, g[0].Key));
                next.Weights[g[0].Key] = next.Weights.GetValueOrDefault(g[0].Key) + g.Count;
            }
            ctx = next;
        }

        var results = ImmutableArray.CreateBuilder<ResolvedPlace>(mentions.Count);
        foreach (var m in mentions)
        {
            if (m.Entries.IsEmpty)
            {
                results.Add(new ResolvedPlace(m.Span, m.Surface, null, 0, PlaceStatus.Unresolved, "not in the gazetteer"));
                continue;
            }
            var (e, conf, _) = choice[(m.Key, m.Hint)];
            if (IsImplausible(e, m, ctx, out var why))
                results.Add(new ResolvedPlace(m.Span, m.Surface, e, conf, PlaceStatus.Implausible, why));
            else if (conf < MinConfidence)
                results.Add(new ResolvedPlace(m.Span, m.Surface, null, conf, PlaceStatus.Unresolved,
                    string.Create(CultureInfo.InvariantCulture, $"{m.Entries.Length} readings, none stands out (best {e.AdminPath})")));
            else
                results.Add(new ResolvedPlace(m.Span, m.Surface, e, conf, PlaceStatus.Resolved, ReasonOf(e, m, ctx)));
        }
        return results.ToImmutable();
    }

    private static bool IsImplausible(GazetteerEntry e, Mention m, Context ctx, out string why)
    {
        why = "";
        if (e.IsCountry || e.FeatureCode == "ADM1" || ctx.Countries.Count == 0) return false;
        if (e.CountryCode.Length == 0 || ctx.CountryOthers(e.CountryCode, m.Key) > 0) return false;
        double nearest = double.MaxValue;
        foreach (var (a, k) in ctx.Anchors)
        {
            if (string.Equals(k, m.Key, StringComparison.Ordinal)) continue;
            nearest = Math.Min(nearest, e.DistanceKm(a.Latitude, a.Longitude));
        }
        if (nearest < 1500) return false;
        bool patternClash = m.Hint == Hint.Admin && !e.IsAdminRegion;
        if (!patternClash && e.Population >= 100_000) return false;
        var countries = string.Join(", ", ctx.Countries.Keys.Where(k => ctx.CountryOthers(k, m.Key) > 0).Order(StringComparer.Ordinal));
        why = string.Create(CultureInfo.InvariantCulture,
            $"only reading is {e.AdminPath}, {nearest:0} km from the document's other places ({countries}){(patternClash ? " and not a region as the text says" : "")}");
        return true;
    }

    private static string ReasonOf(GazetteerEntry e, Mention m, Context ctx)
    {
        var parts = new List<string>(4);
        if (m.Entries.Length == 1) parts.Add("only reading");
        if (m.Hint == Hint.Admin) parts.Add("named as a region");
        if (m.Hint == Hint.Settlement) parts.Add("named as a town");
        if (e.CountryCode.Length > 0 && ctx.CountryOthers(e.CountryCode, m.Key) > 0 && !e.IsCountry) parts.Add("other places in the same country");
        if (parts.Count == 0) parts.Add("feature class and population");
        return string.Join("; ", parts);
    }
}
