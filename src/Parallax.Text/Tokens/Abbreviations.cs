using System.Collections.Frozen;

namespace Parallax.Text.Tokens;

/// <summary>How an abbreviation behaves at a possible sentence end.</summary>
internal enum AbbreviationClass : byte
{
    /// <summary>Not a known abbreviation.</summary>
    None,
    /// <summary>A title before a name ("Gen.", "Dr."): never ends a sentence.</summary>
    Title,
    /// <summary>Used inside a sentence ("e.g.", "vs."): never ends a sentence.</summary>
    Inline,
    /// <summary>Stands before a number ("No. 5", "pp. 3"); an abbreviation only when a digit follows.</summary>
    NumberPrefix,
    /// <summary>A month ("Jan."); often before a day number.</summary>
    Month,
    /// <summary>May end a sentence ("etc.", "Inc.", "Jr.").</summary>
    Other,
}

/// <summary>
/// The abbreviations the tokenizer keeps together with their period, keyed without the period. News English,
/// written by hand; single upper-case letters (initials) and dotted letter runs ("U.S.", "a.m.") are recognised
/// by shape, not listed.
/// </summary>
internal static class Abbreviations
{
    private static readonly FrozenDictionary<string, AbbreviationClass> Table = Build();

    /// <summary>Span lookup without allocating.</summary>
    private static readonly FrozenDictionary<string, AbbreviationClass>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Table.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The class of the word before a period (the word without its period), or None.</summary>
    public static AbbreviationClass Classify(ReadOnlySpan<char> word) =>
        Lookup.TryGetValue(word, out var c) ? c : AbbreviationClass.None;

    private static FrozenDictionary<string, AbbreviationClass> Build()
    {
        var d = new Dictionary<string, AbbreviationClass>(StringComparer.Ordinal);
        // Titles appear title-cased in running text and upper-cased in headlines.
        foreach (var t in new[]
        {
            "Mr", "Mrs", "Ms", "Messrs", "Mme", "Mlle", "Dr", "Prof", "Gen", "Gens", "Lt", "Col", "Maj", "Capt", "Cpt",
            "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Cdr", "Brig", "Gov", "Sen", "Sens", "Rep", "Reps", "Pres", "Rev", "Fr",
            "Hon", "Amb", "Insp", "Supt", "Det", "Mt", "Ft", "St", "Lieut", "Cmdt",
        })
        {
            d[t] = AbbreviationClass.Title;
            d[t.ToUpperInvariant()] = AbbreviationClass.Title;
        }
        foreach (var t in new[] { "e.g", "i.e", "vs", "viz", "cf", "approx", "ca", "esp", "incl", "Vs", "Approx", "E.g", "I.e" })
            d[t] = AbbreviationClass.Inline;
        foreach (var t in new[] { "No", "Nos", "no", "nos", "Art", "art", "Vol", "vol", "Vols", "p", "pp", "Fig", "fig", "Ch", "ch", "Sec", "sec", "Para", "para", "Nr", "nr" })
            d[t] = AbbreviationClass.NumberPrefix;
        foreach (var t in new[] { "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec" })
        {
            d[t] = AbbreviationClass.Month;
            d[t.ToUpperInvariant()] = AbbreviationClass.Month;
        }
        foreach (var t in new[]
        {
            "etc", "Inc", "Ltd", "Co", "Corp", "Bros", "Jr", "Sr", "Dept", "Univ", "Assn", "Ave", "Blvd", "Rd", "al",
            "est", "Est", "Calif", "Fla", "Ariz", "Conn", "Ill", "Mich", "Minn", "Penn", "Tenn", "Tex", "Va",
            "Wis", "Mass", "Wash", "Md", "Ore", "Okla", "Ky", "La", "Ga", "Ala", "Colo", "Del", "Nev", "Ph.D", "a.m", "p.m",
            "INC", "LTD", "CO", "CORP", "JR", "SR",
        })
        {
            d.TryAdd(t, AbbreviationClass.Other);
        }
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
