using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Parallax.Text.Language;

/// <summary>A held-out text cut to about <see cref="TargetLength"/> characters, labelled with its language.</summary>
/// <param name="Language">The ISO 639-1 code of the corpus file it came from.</param>
/// <param name="TargetLength">The length it was cut to (at a word boundary, so it may be a little shorter).</param>
/// <param name="Text">The snippet.</param>
public sealed record EvaluationSnippet(string Language, int TargetLength, string Text);

/// <summary>Accuracy of one system for one language at one snippet length.</summary>
/// <param name="Language">ISO 639-1 code.</param>
/// <param name="Length">Snippet target length in characters.</param>
/// <param name="Total">Snippets judged.</param>
/// <param name="Correct">Snippets whose predicted language matched.</param>
public sealed record LanguageAccuracy(string Language, int Length, int Total, int Correct)
{
    /// <summary>Correct / Total, 0 when nothing was judged.</summary>
    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;
}

/// <summary>The accuracy table of one system.</summary>
/// <param name="System">Name of the system ("parallax", "franc").</param>
/// <param name="Rows">One row per language and length, ordered by length then language.</param>
/// <param name="CharactersPerSecond">Throughput measured while identifying, or 0 when not measured here.</param>
public sealed record LanguageEvaluationReport(string System, ImmutableArray<LanguageAccuracy> Rows, double CharactersPerSecond)
{
    /// <summary>Accuracy over all languages at one length (macro-average: each language counts the same).</summary>
    public double MacroAccuracy(int length)
    {
        var rows = Rows.Where(r => r.Length == length && r.Total > 0).ToList();
        return rows.Count == 0 ? 0 : rows.Average(r => r.Accuracy);
    }
}

/// <summary>
/// Measures language identification on the held-out tenth of a corpus (the lines <see cref="LanguageModelTrainer"/>
/// never trains on), cut into short snippets, and compares systems on the very same snippets.
/// All methods are deterministic and thread-safe.
/// </summary>
public static class LanguageEvaluation
{
    /// <summary>The snippet lengths measured by default: a headline, a short sentence, a short paragraph.</summary>
    public static ImmutableArray<int> DefaultLengths { get; } = [20, 50, 150];

    /// <summary>
    /// Cuts held-out corpus lines into snippets: for each language file and length, consecutive held-out lines are
    /// joined until the length is reached, then cut at the last space before it.
    /// </summary>
    /// <param name="corpusFolder">A corpus folder as written by data/langid/build-corpus.py.</param>
    /// <param name="lengths">Target lengths; <see cref="DefaultLengths"/> when null.</param>
    /// <param name="perLanguage">Snippets per language and length (fewer when the held-out text runs out).</param>
    public static ImmutableArray<EvaluationSnippet> Snippets(string corpusFolder, IReadOnlyList<int>? lengths = null, int perLanguage = 300)
    {
        lengths ??= DefaultLengths;
        var result = ImmutableArray.CreateBuilder<EvaluationSnippet>();
        foreach (var (lang, path) in LanguageCorpus.LanguageFiles(corpusFolder))
        {
            var held = File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && StableHash.IsHeldOut(l)).ToList();
            if (held.Count == 0) continue;
            foreach (int length in lengths)
            {
                // Each length starts elsewhere in the held-out lines, so the lengths do not share their openings.
                int at = (int)((uint)length * 2654435761u % (uint)held.Count);
                int made = 0, used = 0;
                var sb = new StringBuilder();
                while (made < perLanguage && used < held.Count)
                {
                    sb.Clear();
                    while (sb.Length < length && used < held.Count)
                    {
                        if (sb.Length > 0) sb.Append(' ');
                        sb.Append(held[at]);
                        at = (at + 1) % held.Count;
                        used++;
                    }
                    var text = Cut(sb.ToString(), length);
                    if (Scripts.Dominant(text, out int letters) != TextScript.Common && letters >= 3)
                    {
                        result.Add(new EvaluationSnippet(lang, length, text));
                        made++;
                    }
                }
            }
        }
        return result.ToImmutable();
    }

    private static string Cut(string text, int length)
    {
        if (text.Length <= length) return text;
        int space = text.LastIndexOf(' ', length);
        int end = space > length / 2 ? space : length;
        if (char.IsHighSurrogate(text[end - 1])) end--;
        return text[..end].Trim();
    }

    /// <summary>Identifies every snippet with <paramref name="identifier"/> and scores it, timing the identification.</summary>
    public static LanguageEvaluationReport Evaluate(LanguageIdentifier identifier, IReadOnlyList<EvaluationSnippet> snippets, string system = "parallax")
    {
        ArgumentNullException.ThrowIfNull(identifier);
        ArgumentNullException.ThrowIfNull(snippets);
        var predicted = new string[snippets.Count];
        long chars = 0;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < snippets.Count; i++)
        {
            predicted[i] = identifier.Identify(snippets[i].Text).Language;
            chars += snippets[i].Text.Length;
        }
        clock.Stop();
        var report = Score(system, snippets, predicted);
        return report with { CharactersPerSecond = chars / Math.Max(clock.Elapsed.TotalSeconds, 1e-9) };
    }

    /// <summary>Scores predictions (ISO 639-1 codes, aligned with <paramref name="snippets"/>) made by any system.</summary>
    /// <exception cref="ArgumentException">The two lists differ in length.</exception>
    public static LanguageEvaluationReport Score(string system, IReadOnlyList<EvaluationSnippet> snippets, IReadOnlyList<string> predicted)
    {
        ArgumentNullException.ThrowIfNull(snippets);
        ArgumentNullException.ThrowIfNull(predicted);
        if (snippets.Count != predicted.Count)
            throw new ArgumentException($"{predicted.Count} predictions for {snippets.Count} snippets; they must be aligned.", nameof(predicted));
        var rows = snippets.Select((s, i) => (s.Language, s.TargetLength, Ok: string.Equals(s.Language, predicted[i], StringComparison.Ordinal)))
            .GroupBy(x => (x.TargetLength, x.Language))
            .OrderBy(g => g.Key.TargetLength).ThenBy(g => g.Key.Language, StringComparer.Ordinal)
            .Select(g => new LanguageAccuracy(g.Key.Language, g.Key.TargetLength, g.Count(), g.Count(x => x.Ok)))
            .ToImmutableArray();
        return new LanguageEvaluationReport(system, rows, 0);
    }

    /// <summary>Writes each snippet to <c>folder/s000000.txt</c> (UTF-8, in order) for a peer tool that reads a folder.</summary>
    public static void WriteSnippets(IReadOnlyList<EvaluationSnippet> snippets, string folder)
    {
        ArgumentNullException.ThrowIfNull(snippets);
        Directory.CreateDirectory(folder);
        for (int i = 0; i < snippets.Count; i++)
            File.WriteAllText(Path.Combine(folder, SnippetFileName(i)), snippets[i].Text, new UTF8Encoding(false));
    }

    /// <summary>The file name <see cref="WriteSnippets"/> gives snippet <paramref name="index"/>.</summary>
    public static string SnippetFileName(int index) => "s" + index.ToString("D6", CultureInfo.InvariantCulture) + ".txt";

    /// <summary>
    /// Reads the JSON lines printed by the franc peer (<c>node lang.js FOLDER</c>, one object with <c>file</c> and
    /// <c>lang</c> per snippet) and returns the ISO 639-1 prediction per snippet index ("und" when missing).
    /// </summary>
    public static ImmutableArray<string> ReadFrancOutput(string jsonLinesPath, int count)
    {
        var predicted = Enumerable.Repeat(LanguageGuess.Undetermined, count).ToArray();
        foreach (var line in File.ReadLines(jsonLinesPath))
        {
            if (!line.StartsWith('{')) continue;
            using var json = JsonDocument.Parse(line);
            var file = json.RootElement.GetProperty("file").GetString() ?? "";
            var lang = json.RootElement.GetProperty("lang").GetString() ?? LanguageGuess.Undetermined;
            if (file.Length == 11 && int.TryParse(file.AsSpan(1, 6), NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < count)
                predicted[i] = FromIso6393(lang);
        }
        return [.. predicted];
    }

    /// <summary>Maps an ISO 639-3 code as franc returns it to ISO 639-1 (macro-languages folded: arb → ar, pes → fa, cmn → zh).</summary>
    public static string FromIso6393(string code) => code switch
    {
        "eng" => "en", "arb" or "ara" or "ary" or "arz" => "ar", "rus" => "ru", "heb" => "he",
        "pes" or "prs" or "fas" => "fa", "tur" => "tr", "fra" => "fr", "deu" => "de", "spa" => "es",
        "cmn" or "zho" => "zh", "ukr" => "uk", "ita" => "it", "por" => "pt", "nld" => "nl", "urd" => "ur",
        "ces" => "cs", "pol" => "pl", "jpn" => "ja", "kor" => "ko", "ell" => "el",
        _ => code,
    };

    /// <summary>A Markdown table: one row per language, one column per system and length, then the macro-average.</summary>
    public static string ToMarkdown(IReadOnlyList<LanguageEvaluationReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var lengths = reports.SelectMany(r => r.Rows.Select(x => x.Length)).Distinct().Order().ToList();
        var langs = reports.SelectMany(r => r.Rows.Select(x => x.Language)).Distinct().Order(StringComparer.Ordinal).ToList();
        var sb = new StringBuilder();
        sb.Append("| lang |");
        foreach (int l in lengths)
            foreach (var r in reports) sb.Append(CultureInfo.InvariantCulture, $" {r.System} {l} |");
        sb.Append("\n|---|");
        foreach (int _ in lengths)
            foreach (var _r in reports) sb.Append("---:|");
        sb.Append('\n');
        foreach (var lang in langs)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {lang} |");
            foreach (int l in lengths)
                foreach (var r in reports)
                {
                    var row = r.Rows.FirstOrDefault(x => x.Length == l && string.Equals(x.Language, lang, StringComparison.Ordinal));
                    sb.Append(row is null ? " – |" : string.Create(CultureInfo.InvariantCulture, $" {row.Accuracy * 100:F1} |"));
                }
            sb.Append('\n');
        }
        sb.Append("| **macro** |");
        foreach (int l in lengths)
            foreach (var r in reports) sb.Append(CultureInfo.InvariantCulture, $" **{r.MacroAccuracy(l) * 100:F1}** |");
        sb.Append('\n');
        return sb.ToString();
    }
}
