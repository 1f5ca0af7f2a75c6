using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Parallax.Nlp.Time;

namespace Parallax.Evaluation.TimeMl;

/// <summary>TempEval-3 task A counts for one group of documents.</summary>
/// <param name="Corpus">The subfolder name ("TimeBank", "AQUAINT") or "overall".</param>
/// <param name="Documents">Documents scored.</param>
/// <param name="Gold">Gold TIMEX3s.</param>
/// <param name="System">Our TIMEX3s.</param>
/// <param name="StrictSystemMatched">Our expressions with a gold one at exactly the same offsets.</param>
/// <param name="StrictGoldMatched">Gold expressions with one of ours at exactly the same offsets.</param>
/// <param name="RelaxedSystemMatched">Our expressions overlapping a gold one.</param>
/// <param name="RelaxedGoldMatched">Gold expressions overlapping one of ours.</param>
/// <param name="Pairs">Relaxed matched pairs (each gold paired with its first overlapping expression of ours).</param>
/// <param name="TypeCorrect">Pairs whose type agrees.</param>
/// <param name="ValueCorrect">Pairs whose value agrees.</param>
public sealed record TimeMlScore(string Corpus, int Documents, int Gold, int System, int StrictSystemMatched, int StrictGoldMatched,
    int RelaxedSystemMatched, int RelaxedGoldMatched, int Pairs, int TypeCorrect, int ValueCorrect)
{
    /// <summary>Strict precision: exact-span matches over our expressions.</summary>
    public double StrictPrecision => Ratio(StrictSystemMatched, System);

    /// <summary>Strict recall: exact-span matches over gold expressions.</summary>
    public double StrictRecall => Ratio(StrictGoldMatched, Gold);

    /// <summary>Strict F1.</summary>
    public double StrictF1 => F(StrictPrecision, StrictRecall);

    /// <summary>Relaxed precision: overlapping matches over our expressions.</summary>
    public double RelaxedPrecision => Ratio(RelaxedSystemMatched, System);

    /// <summary>Relaxed recall: overlapping matches over gold expressions.</summary>
    public double RelaxedRecall => Ratio(RelaxedGoldMatched, Gold);

    /// <summary>Relaxed F1.</summary>
    public double RelaxedF1 => F(RelaxedPrecision, RelaxedRecall);

    /// <summary>Type accuracy over relaxed matches.</summary>
    public double TypeAccuracy => Ratio(TypeCorrect, Pairs);

    /// <summary>Value accuracy over relaxed matches.</summary>
    public double ValueAccuracy => Ratio(ValueCorrect, Pairs);

    /// <summary>Type F1 = relaxed F1 × type accuracy (TempEval-3).</summary>
    public double TypeF1 => RelaxedF1 * TypeAccuracy;

    /// <summary>Value F1 = relaxed F1 × value accuracy (TempEval-3).</summary>
    public double ValueF1 => RelaxedF1 * ValueAccuracy;

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    private static double F(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}

/// <summary>A value or span disagreement, for error analysis.</summary>
/// <param name="File">The .tml file name.</param>
/// <param name="Kind">"missed", "spurious", "value" or "type".</param>
/// <param name="Text">The expression's text (ours or gold).</param>
/// <param name="Gold">Gold type/value/mod, or null.</param>
/// <param name="Ours">Our type/value/mod, or null.</param>
public sealed record TimeMlError(string File, string Kind, string Text, string? Gold, string? Ours);

/// <summary>The outcome of <see cref="TimeMlBenchmark.Run"/>. Immutable.</summary>
/// <param name="Scores">One score per subfolder (name order), then "overall".</param>
/// <param name="Errors">Every disagreement, in file order.</param>
/// <param name="Characters">Characters of text tagged.</param>
/// <param name="TaggingTime">Wall time spent inside the tagger.</param>
public sealed record TimeMlReport(ImmutableArray<TimeMlScore> Scores, ImmutableArray<TimeMlError> Errors, long Characters, TimeSpan TaggingTime)
{
    /// <summary>The score of a corpus ("TimeBank", "AQUAINT", "overall"), or null.</summary>
    public TimeMlScore? this[string corpus] => Scores.FirstOrDefault(s => string.Equals(s.Corpus, corpus, StringComparison.Ordinal));

    /// <summary>Markdown table: strict and relaxed P/R/F1, type and value accuracy, value F1 (percent, two decimals).</summary>
    public string ToMarkdownTable()
    {
        var sb = new StringBuilder();
        sb.Append("| Corpus | Docs | Gold | Ours | Strict P | Strict R | Strict F1 | Relaxed P | Relaxed R | Relaxed F1 | Type acc | Value acc | Value F1 |\n");
        sb.Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var s in Scores)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"| {s.Corpus} | {s.Documents} | {s.Gold} | {s.System} | {100 * s.StrictPrecision:0.00} | {100 * s.StrictRecall:0.00} | {100 * s.StrictF1:0.00} | {100 * s.RelaxedPrecision:0.00} | {100 * s.RelaxedRecall:0.00} | {100 * s.RelaxedF1:0.00} | {100 * s.TypeAccuracy:0.00} | {100 * s.ValueAccuracy:0.00} | {100 * s.ValueF1:0.00} |\n");
        }
        return sb.ToString();
    }
}

/// <summary>
/// TempEval-3 task A (temporal expression extraction and normalisation) over a folder of TimeML files, with each file's
/// DCT as the anchor. Spans are compared in character offsets of the TEXT element: strict = same offsets, relaxed = overlap.
/// </summary>
public static class TimeMlBenchmark
{
    /// <summary>
    /// Scores every .tml below <paramref name="folder"/>, grouped by the first subfolder under it.
    /// Throws <see cref="DirectoryNotFoundException"/> when the folder does not exist.
    /// </summary>
    public static TimeMlReport Run(string folder)
    {
        var tagger = new TemporalTagger();
        return Score(folder, (doc, _) =>
        {
            var anchor = doc.CreationTime is { } d ? TemporalAnchor.Known(d, "TimeML DCT") : null;
            return tagger.Tag(doc.Text, anchor);
        });
    }

    /// <summary>
    /// Scores another system's predictions the same way: <paramref name="predictions"/> is JSON lines, one per document, with
    /// "file" (the name <see cref="ExportTexts"/> gave the document's text) and "expressions", each with "start" and "end"
    /// (UTF-16 offsets into that text) and either "type" and "value" (TIMEX3), or chrono-node's "date", "iso" and "grain"
    /// (../shared/peers/dates.js), turned into a value at the grain chrono read (day: 2018-05-28, month: 2018-05, year: 2018,
    /// hour or finer: a TIME 2018-05-28T14:30). Documents without a line count as having no expressions.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">When <paramref name="folder"/> does not exist (PX3101).</exception>
    /// <exception cref="FileNotFoundException">When <paramref name="predictions"/> does not exist.</exception>
    /// <exception cref="InvalidDataException">When a line is not valid JSON (PX3102, with the line number).</exception>
    public static TimeMlReport ScorePredictions(string folder, string predictions)
    {
        var byFile = PeerPredictions.Read(predictions);
        return Score(folder, (_, name) => byFile.GetValueOrDefault(name, ImmutableArray<Timex>.Empty));
    }

    /// <summary>
    /// Writes each document's TEXT as plain UTF-8 to <paramref name="outDir"/> under the name <c>GROUP__FILE.txt</c> (group =
    /// first subfolder) with a sidecar <c>GROUP__FILE.date</c> holding its DCT (yyyy-MM-dd), the layout
    /// ../shared/peers/dates.js reads. Returns the number of documents written.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">When <paramref name="folder"/> does not exist (PX3101).</exception>
    public static int ExportTexts(string folder, string outDir)
    {
        Directory.CreateDirectory(outDir);
        int n = 0;
        foreach (var (path, group) in Files(folder))
        {
            var doc = TimeMlReader.ReadFile(path);
            var name = ExportName(group, path);
            File.WriteAllText(Path.Combine(outDir, name + ".txt"), doc.Text);
            if (doc.CreationTime is { } d)
                File.WriteAllText(Path.Combine(outDir, name + ".date"), d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "\n");
            n++;
        }
        return n;
    }

    internal static string ExportName(string group, string path) => (group == "." ? string.Empty : group + "__") + Path.GetFileNameWithoutExtension(path);

    private static IEnumerable<(string Path, string Group)> Files(string folder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"PX3101: TimeML folder '{folder}' does not exist; pass the folder holding TimeBank/ and AQUAINT/.");
        foreach (var path in Directory.EnumerateFiles(folder, "*.tml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var rel = Path.GetRelativePath(folder, path);
            int slash = rel.IndexOfAny(['/', '\\']);
            yield return (path, slash < 0 ? "." : rel[..slash]);
        }
    }

    private static TimeMlReport Score(string folder, Func<TimeMlDocument, string, ImmutableArray<Timex>> system)
    {
        var groups = new SortedDictionary<string, List<Counts>>(StringComparer.Ordinal);
        var errors = ImmutableArray.CreateBuilder<TimeMlError>();
        long chars = 0;
        var clock = new Stopwatch();
        foreach (var (path, group) in Files(folder))
        {
            var doc = TimeMlReader.ReadFile(path);
            clock.Start();
            var ours = system(doc, ExportName(group, path));
            clock.Stop();
            chars += doc.Text.Length;
            if (!groups.TryGetValue(group, out var list)) groups[group] = list = [];
            list.Add(Score(Path.GetFileName(path), doc, ours, errors));
        }
        var scores = ImmutableArray.CreateBuilder<TimeMlScore>();
        foreach (var (name, list) in groups) scores.Add(Sum(name, list));
        scores.Add(Sum("overall", [.. groups.Values.SelectMany(l => l)]));
        return new TimeMlReport(scores.ToImmutable(), errors.ToImmutable(), chars, clock.Elapsed);
    }

    private sealed record Counts(int Gold, int System, int StrictSys, int StrictGold, int RelSys, int RelGold, int Pairs, int Type, int Value);

    private static Counts Score(string file, TimeMlDocument doc, ImmutableArray<Timex> ours, ImmutableArray<TimeMlError>.Builder errors)
    {
        var gold = doc.Timexes;
        int strictSys = ours.Count(o => gold.Any(g => g.Span == o.Span));
        int strictGold = gold.Count(g => ours.Any(o => o.Span == g.Span));
        int relSys = 0, relGold = 0, pairs = 0, type = 0, value = 0;
        foreach (var o in ours)
        {
            if (gold.Any(g => g.Span.Overlaps(o.Span))) relSys++;
            else errors.Add(new TimeMlError(file, "spurious", o.Span.Of(doc.Text), null, Describe(o)));
        }
        foreach (var g in gold)
        {
            var match = ours.FirstOrDefault(o => o.Span.Overlaps(g.Span));
            if (match is null)
            {
                errors.Add(new TimeMlError(file, "missed", g.Span.Of(doc.Text), $"{g.Type} {g.Value} {g.Modifier}".TrimEnd(), null));
                continue;
            }
            relGold++;
            pairs++;
            bool typeOk = string.Equals(g.Type, match.Type.ToString(), StringComparison.OrdinalIgnoreCase);
            bool valueOk = string.Equals(g.Value, match.Value, StringComparison.Ordinal);
            if (typeOk) type++;
            if (valueOk) value++;
            if (!valueOk || !typeOk)
                errors.Add(new TimeMlError(file, valueOk ? "type" : "value", $"{g.Span.Of(doc.Text)} / {match.Span.Of(doc.Text)}", $"{g.Type} {g.Value} {g.Modifier}".TrimEnd(), Describe(match)));
        }
        return new Counts(gold.Length, ours.Length, strictSys, strictGold, relSys, relGold, pairs, type, value);
    }

    private static string Describe(Timex t) => $"{t.Type.ToString().ToUpperInvariant()} {t.Value} {t.Modifier} ({t.Resolution})";

    private static TimeMlScore Sum(string name, List<Counts> list) => new(name, list.Count,
        list.Sum(c => c.Gold), list.Sum(c => c.System), list.Sum(c => c.StrictSys), list.Sum(c => c.StrictGold),
        list.Sum(c => c.RelSys), list.Sum(c => c.RelGold), list.Sum(c => c.Pairs), list.Sum(c => c.Type), list.Sum(c => c.Value));
}
