using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Parallax.Nlp.Ner;
using Parallax.Text;
using Parallax.Text.Tokens;

namespace Parallax.Nlp.Quantities;

/// <summary>Reads the quantities of one document. One instance per document; not shared.</summary>
internal sealed class QuantityAnalyzer
{
    // Words that end the search for a counted noun after a number ("six of the", "5 in", "two who").
    private static readonly FrozenSet<string> CountStops = FrozenSet.ToFrozenSet(
        ["of", "from", "in", "on", "at", "and", "or", "to", "the", "a", "an", "were", "was", "are", "is", "who", "that", "which",
         "had", "have", "has", "would", "will", "for", "by", "with", "per", "than", "as"], StringComparer.Ordinal);

    // Words before a number that make it an identifier, not an amount ("page 5", "Resolution 2254").
    private static readonly FrozenSet<string> IdentifierWords = FrozenSet.ToFrozenSet(
        ["no", "no.", "nos.", "page", "p.", "pp.", "resolution", "article", "chapter", "number", "#", "section", "paragraph",
         "flight", "route", "highway", "room", "line", "version", "step", "phase", "level", "grade", "category", "division", "brigade", "unit"],
        StringComparer.Ordinal);

    // Where the phrase a distance is measured from ends.
    private static readonly FrozenSet<string> ReferenceEnds = FrozenSet.ToFrozenSet(
        ["in", "on", "at", "near", "and", "according", "which", "where", "that", "between", "while", "for", "to", "so", "as",
         "with", "by", "after", "before", "under", "if", "but", "or", "until", "since", "because"], StringComparer.Ordinal);

    // Where a holder ("keep the militias 15 miles from …") begins: the verb or clause word before it.
    private static readonly FrozenSet<string> HolderStops = FrozenSet.ToFrozenSet(
        ["keep", "keeps", "kept", "keeping", "hold", "holds", "held", "holding", "back", "push", "pushed", "pushing", "move",
         "moved", "moving", "withdraw", "withdrawn", "withdrew", "pull", "pulled", "deploy", "deployed", "station", "stationed",
         "that", "which", "who", "to", "demand", "demanded", "want", "wants", "wanted", "allow", "allowed", "keeping", "force",
         "forced", "stay", "relocate", "relocated", "distance", "distancing", "limit", "restrict", "confine", "confined", "of", "for",
         "under", "in", "after", "with", "by", "at", "on", "during", "before", "since", "from", "into"],
        StringComparer.Ordinal);

    // Verbs between a holder and its distance ("the militias would remain 5 km from …").
    private static readonly FrozenSet<string> StayVerbs = FrozenSet.ToFrozenSet(
        ["remain", "remains", "remained", "stay", "stays", "stayed", "be", "are", "is", "was", "were", "withdraw", "withdrew",
         "pull", "pulled", "move", "moved", "kept", "held", "deployed", "stationed", "positioned", "based", "located", "stopped",
         "halted", "advanced", "retreated", "lies", "lie", "sits", "stands", "stood", "lay", "camped"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Modals = FrozenSet.ToFrozenSet(
        ["would", "will", "should", "must", "can", "could", "may", "might", "to", "be", "been", "being", "not", "also", "only"], StringComparer.Ordinal);

    private readonly string _text;
    private readonly ImmutableArray<Token> _tokens;
    private readonly ImmutableArray<TextSpan> _sentences;
    private readonly ImmutableArray<EntityMention> _mentions;
    private readonly ImmutableArray<TextSpan> _excluded;
    private readonly QuantityLexicon _lexicon;

    public QuantityAnalyzer(string text, ImmutableArray<Token> tokens, ImmutableArray<TextSpan> sentences,
        ImmutableArray<EntityMention> mentions, ImmutableArray<TextSpan> excluded, QuantityLexicon lexicon)
    {
        _text = text;
        _tokens = tokens;
        _sentences = sentences;
        _mentions = mentions.IsDefault ? [] : mentions;
        _excluded = excluded.IsDefault ? [] : excluded;
        _lexicon = lexicon;
    }

    /// <summary>A number read from tokens: its value (and range end), last token, and what kind of writing it was.</summary>
    private readonly record struct NumberRead(double Value, double? High, int First, int Last, bool Article, bool YearLike, bool Digits);

    public ImmutableArray<Quantity> Run(CancellationToken cancellationToken)
    {
        var found = new List<Quantity>();
        foreach (var sentence in _sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int t = TokenAtOrAfter(sentence.Start);
            while (t < _tokens.Length && _tokens[t].Start < sentence.End)
            {
                if (TryRead(t, sentence, out var quantity, out int next))
                {
                    found.Add(quantity);
                    t = next;
                }
                else t++;
            }
        }

        found.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        // "60 kilometers (37 miles) from the border": the conversion in brackets shares its neighbour's reference and holder.
        for (int i = 1; i < found.Count; i++)
        {
            var (before, inBrackets) = (found[i - 1], found[i]);
            if (before.Unit != inBrackets.Unit || inBrackets.Reference is not null) continue;
            var gap = _text.AsSpan(before.Span.End, Math.Max(0, inBrackets.Span.Start - before.Span.End)).Trim();
            if (gap is "(" or "[") found[i] = inBrackets with { Reference = before.Reference, Holder = before.Holder };
        }

        var result = ImmutableArray.CreateBuilder<Quantity>(found.Count);
        for (int i = 0; i < found.Count; i++)
            result.Add(found[i] with { Id = "n" + (i + 1).ToString(CultureInfo.InvariantCulture) });
        return result.MoveToImmutable();
    }

    private bool TryRead(int t, TextSpan sentence, out Quantity quantity, out int next)
    {
        quantity = null!;
        next = t + 1;
        int end = sentence.End;

        // "$5 million": a currency symbol before the number.
        UnitEntry? unit = null;
        string? originalUnit = null;
        int numberAt = t;
        if (_tokens[t].Kind == TokenKind.Symbol && _lexicon.Units.TryGetValue(Word(t), out var symbol) && symbol.Dimension == "money"
            && t + 1 < _tokens.Length && _tokens[t + 1].Kind == TokenKind.Number)
        {
            unit = symbol;
            originalUnit = _text.Substring(_tokens[t].Start, _tokens[t].Length);
            numberAt = t + 1;
        }

        if (ReadNumber(numberAt, end) is not { } number) return false;
        if (IsExcluded(number) || IsIdentifier(numberAt)) return false;

        // Ranges: "five to 20", "5-20", "5 – 20", "between 5 and 20", "from 5 to 20".
        double low = number.Value, high = number.Value;
        bool range = number.High is not null;
        if (range) high = number.High!.Value;
        int last = number.Last;
        int start = t;
        if (!range && last + 2 < _tokens.Length && _tokens[last + 2].Start < end)
        {
            var joiner = Word(last + 1);
            bool between = numberAt > 0 && Word(numberAt - 1) is "between" or "from";
            if ((joiner is "to" or "-" or "–" or "—" || (joiner == "and" && between)) && ReadNumber(last + 2, end) is { Article: false } second
                && second.Value > number.Value && !IsExcluded(second))
            {
                range = true;
                high = second.Value;
                last = second.Last;
                if (between) start = numberAt - 1;
            }
        }

        // The unit after the number, or "an hour and a half".
        int unitLast = last;
        if (unit is null)
        {
            if (last + 2 < _tokens.Length && _tokens[last + 2].Start < end
                && _lexicon.Units.TryGetValue(Word(last + 1) + " " + Word(last + 2), out var two))
            {
                unit = two;
                unitLast = last + 2;
            }
            else if (last + 1 < _tokens.Length && _tokens[last + 1].Start < end && IsUnitToken(last + 1, number.Digits) is { } one)
            {
                unit = one;
                unitLast = last + 1;
            }

            if (unit is not null) originalUnit = _text[_tokens[last + 1].Start.._tokens[unitLast].End];
        }

        if (unit is not null && Word(unitLast + 1) == "and" && Word(unitLast + 2) == "a" && Word(unitLast + 3) == "half")
        {
            low += 0.5;
            high += 0.5;
            unitLast += 3;
        }

        // Counts: "at least six people", "9,000 Shi'ite militia fighters".
        string? lemma = null;
        TextSpan? measuredSpan = null;
        double confidence = 0.9;
        if (unit is null)
        {
            if (number.Article || number.YearLike) return false;
            int noun = -1;
            for (int k = last + 1; k < _tokens.Length && k <= last + 4 && _tokens[k].Start < end; k++)
            {
                if (_tokens[k].Kind != TokenKind.Word) break;
                var w = Word(k);
                if (CountStops.Contains(w)) break;
                if (_lexicon.CountNouns.TryGetValue(w, out var l))
                {
                    noun = k;
                    lemma = l;
                }
                else if (noun >= 0) break;
            }

            // A plural right after digits counts it, with less certainty ("40 checkpoints").
            if (noun < 0 && number.Digits && last + 1 < _tokens.Length && _tokens[last + 1].Kind == TokenKind.Word && _tokens[last + 1].Start < end
                && Word(last + 1) is { Length: > 3 } plural && plural.EndsWith('s') && !plural.EndsWith("ss", StringComparison.Ordinal)
                && !plural.EndsWith("us", StringComparison.Ordinal) && char.IsLower(_text[_tokens[last + 1].Start]))
            {
                noun = last + 1;
                lemma = plural.EndsWith("ies", StringComparison.Ordinal) ? plural[..^3] + "y" : plural[..^1];
                confidence = 0.6;
            }

            if (noun < 0) return false;
            if (confidence > 0.6) confidence = 0.85;
            measuredSpan = new TextSpan(_tokens[last + 1].Start, _tokens[noun].End);
            unitLast = noun;
        }

        // The bound written before the number (or before "between").
        var bound = range ? QuantityBound.Range : QuantityBound.Exact;
        if (!range || start == t)
        {
            foreach (var (words, b) in _lexicon.Bounds)
            {
                int first = start - words.Length;
                if (first < 0 || _tokens[first].Start < sentence.Start) continue;
                bool match = true;
                for (int w = 0; w < words.Length && match; w++) match = Word(first + w) == words[w];
                if (!match) continue;
                if (!range) bound = b;
                start = first;
                break;
            }
        }

        var span = new TextSpan(_tokens[start].Start, _tokens[unitLast].End);
        var factor = unit?.Factor ?? 1;
        string? reference = null, holder = null;
        if (unit?.Dimension == "distance")
        {
            reference = ReferenceAfter(unitLast + 1, end);
            holder = HolderBefore(start, sentence.Start);
        }

        quantity = new Quantity(
            "", span, sentence,
            Math.Round(low * factor, 6), Math.Round(high * factor, 6), bound,
            unit?.Unit ?? lemma!, low, unit is null ? null : originalUnit,
            measuredSpan?.Of(_text), measuredSpan, reference, holder, confidence);
        next = unitLast + 1;
        return true;
    }

    private UnitEntry? IsUnitToken(int k, bool digits)
    {
        var raw = _text.Substring(_tokens[k].Start, _tokens[k].Length);
        var lower = raw.ToLowerInvariant();
        if (!_lexicon.Units.TryGetValue(lower, out var unit)) return null;
        // One-letter and symbol units only after digits, and "m" only in lower case ("5 m", not "5 M").
        if (lower.Length <= 2 && (!digits || (lower == "m" && raw != "m"))) return null;
        // A money word or symbol after the number ("5 dollars", "40%").
        return unit;
    }

    // Numbers in digits ("9,000", "1.5 million", "5-20") or words ("five", "twenty-five", "a dozen", "an hour").
    private NumberRead? ReadNumber(int t, int end)
    {
        if (t >= _tokens.Length || _tokens[t].Start >= end) return null;
        var token = _tokens[t];
        var raw = _text.Substring(token.Start, token.Length);
        double value;
        double? high = null;
        bool digits = false, article = false, yearLike = false;
        int last = t;
        if (token.Kind == TokenKind.Number)
        {
            if (raw.AsSpan().IndexOfAny(":/") >= 0) return null;
            int dash = raw.AsSpan(1).IndexOfAny("-–") + 1;
            if (dash > 0)
            {
                if (!TryDigits(raw[..dash], out value) || !TryDigits(raw[(dash + 1)..], out var h) || h <= value) return null;
                high = h;
            }
            else if (!TryDigits(raw, out value)) return null;
            digits = true;
            yearLike = high is null && raw.Length == 4 && value is >= 1800 and <= 2100;
        }
        else if (token.Kind == TokenKind.Word)
        {
            var lower = raw.ToLowerInvariant();
            if (lower is "a" or "an")
            {
                if (t + 1 >= _tokens.Length) return null;
                var nextWord = Word(t + 1);
                if (nextWord == "dozen") { value = 12; last = t + 1; }
                else if (_lexicon.Multipliers.TryGetValue(nextWord, out var m)) { value = m; last = t + 1; }
                else if (_lexicon.Units.TryGetValue(nextWord, out var u) && u.Dimension is "distance" or "duration") { value = 1; article = true; }
                else return null;
            }
            else if (_lexicon.Numbers.TryGetValue(lower, out value)) { }
            else if (lower.Split('-') is [var tens, var ones] && _lexicon.Numbers.TryGetValue(tens, out var tv) && tv >= 20 && tv % 10 == 0
                     && _lexicon.Numbers.TryGetValue(ones, out var ov) && ov < 10)
                value = tv + ov;
            else return null;
        }
        else return null;

        // "twenty five", "two hundred thousand", "1.5 million", "two and a half".
        if (!article && high is null)
        {
            if (!digits && value >= 20 && value % 10 == 0 && _lexicon.Numbers.TryGetValue(Word(last + 1), out var ones) && ones < 10)
            {
                value += ones;
                last++;
            }

            while (last + 1 < _tokens.Length && _tokens[last + 1].Start < end && _lexicon.Multipliers.TryGetValue(Word(last + 1), out var factor))
            {
                value *= factor;
                last++;
                yearLike = false;
            }

            if (Word(last + 1) == "and" && Word(last + 2) == "a" && Word(last + 3) == "half")
            {
                value += 0.5;
                last += 3;
            }
        }

        return new NumberRead(value, high, t, last, article, yearLike, digits);
    }

    private static bool TryDigits(string raw, out double value)
    {
        value = 0;
        if (raw.Length == 0 || !char.IsAsciiDigit(raw[0])) return false;
        foreach (var c in raw)
            if (!char.IsAsciiDigit(c) && c is not ',' and not '.') return false;
        return double.TryParse(raw.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    // Dates, times of day and recurrences found by the temporal stage are not amounts; durations are.
    private bool IsExcluded(NumberRead number)
    {
        var span = new TextSpan(_tokens[number.First].Start, _tokens[number.Last].End);
        // The excluded spans are in text order: find the first that ends after the number starts.
        int lo = 0, hi = _excluded.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_excluded[mid].End <= span.Start) lo = mid + 1;
            else hi = mid;
        }

        for (int i = lo; i < _excluded.Length && _excluded[i].Start < span.End; i++)
            if (_excluded[i].Overlaps(span)) return true;
        return false;
    }

    private bool IsIdentifier(int t)
    {
        if (t == 0) return false;
        var before = _tokens[t - 1];
        if (before.Kind == TokenKind.Ordinal) return true;
        var w = Word(t - 1);
        if (IdentifierWords.Contains(w)) return true;
        // "UNSCR 2254", "F 16": an all-capitals name right before digits.
        return before.Has(TokenFlags.AllCaps) && _tokens[t].Kind == TokenKind.Number && before.End == _tokens[t].Start - 1;
    }

    // "15 miles from the occupied Golan Heights" → "the Golan Heights"; a parenthesis after the unit is skipped.
    private string? ReferenceAfter(int k, int end)
    {
        if (k < _tokens.Length && _tokens[k].Kind == TokenKind.Bracket && _tokens[k].Has(TokenFlags.Opening))
        {
            while (k < _tokens.Length && _tokens[k].Start < end && !(_tokens[k].Kind == TokenKind.Bracket && _tokens[k].Has(TokenFlags.Closing))) k++;
            k++;
        }

        if (Word(k) == "away") k++;
        if (k >= _tokens.Length || _tokens[k].Start >= end || Word(k) is not ("from" or "of" or "off" or "inside" or "into" or "beyond")) return null;
        int first = k + 1, t = first;
        while (t < _tokens.Length && _tokens[t].Start < end && t - first < 8
               && _tokens[t].Kind is TokenKind.Word or TokenKind.Clitic or TokenKind.Abbreviation
               && !(t > first && ReferenceEnds.Contains(Word(t))))
            t++;
        if (t == first) return null;
        var phrase = new TextSpan(_tokens[first].Start, _tokens[t - 1].End);
        // A named place inside the phrase is what the distance is from; adjectives before it ("occupied") are dropped.
        var place = _mentions.LastOrDefault(m => phrase.Contains(m.Span) && m.Type is EntityType.Location or EntityType.Organisation);
        if (place is null) return phrase.Of(_text);
        var article = Word(first) == "the" && place.Span.Start > _tokens[first].Start ? "the " : "";
        return article + place.Span.Of(_text);
    }

    // "hold back Tehran-backed militias 15 miles from …" → "Tehran-backed militias"; "the militias would remain 5 km" → "the militias".
    private string? HolderBefore(int start, int floor)
    {
        int t = start - 1;
        if (t >= 0 && _tokens[t].Start >= floor && StayVerbs.Contains(Word(t)))
        {
            t--;
            while (t >= 0 && _tokens[t].Start >= floor && Modals.Contains(Word(t))) t--;
        }

        int last = t;
        // A past participle right before the distance ("advanced 5 km") is a verb of no known subject here.
        if (last == start - 1 && Word(last).EndsWith("ed", StringComparison.Ordinal)) return null;
        while (t >= 0 && _tokens[t].Start >= floor && last - t < 7 && _tokens[t].Kind is TokenKind.Word or TokenKind.Clitic
               && !HolderStops.Contains(Word(t)))
        {
            // The noun phrase starts at its article unless a conjunction joins another one before it ("the Iranians and the militias").
            if (Word(t) is "the" or "a" or "an" or "these" or "those" or "its" or "their" && Word(t - 1) is not ("and" or "or" or "both"))
            {
                var phrase = new TextSpan(_tokens[t].Start, _tokens[last].End);
                return phrase.Of(_text);
            }

            t--;
        }

        if (t == last) return null;
        // The holder stands right after a verb it is the object of, or is the subject of a stay verb.
        bool anchored = t < 0 || _tokens[t].Start < floor || HolderStops.Contains(Word(t)) || last != start - 1;
        if (!anchored) return null;
        var span = new TextSpan(_tokens[t + 1].Start, _tokens[last].End);
        return span.Of(_text);
    }

    private string Word(int t) =>
        t < 0 || t >= _tokens.Length ? "" : _text.Substring(_tokens[t].Start, _tokens[t].Length).ToLowerInvariant();

    private int TokenAtOrAfter(int offset)
    {
        int lo = 0, hi = _tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_tokens[mid].Start < offset) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }
}
