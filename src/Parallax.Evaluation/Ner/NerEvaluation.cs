using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Parallax.Nlp.Ner;

namespace Parallax.Evaluation.Ner;

/// <summary>One system's exact-span scores on an IOB2 file.</summary>
/// <param name="System">"parallax (shipped model)", "parallax (5-fold CV)", "compromise", …</param>
/// <param name="Sentences">Sentences scored.</param>
/// <param name="Scores">Per-type rows (ordinal), then "overall" (micro-averaged).</param>
public sealed record NerReport(string System, int Sentences, ImmutableArray<TypeScore> Scores)
{
    /// <summary>The overall row.</summary>
    public TypeScore Overall => Scores[^1];

    /// <summary>This report as a Markdown table.</summary>
    public string ToMarkdownTable() => SpanScorer.ToMarkdownTable(Scores, System);

    /// <summary>Several reports in one Markdown table (rows of each system in turn).</summary>
    public static string ToMarkdownTable(IEnumerable<NerReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var sb = new StringBuilder();
        bool first = true;
        foreach (var r in reports)
        {
            var table = r.ToMarkdownTable();
            // Keep one header: drop the first two lines of every table after the first.
            sb.Append(first ? table : string.Join('\n', table.Split('\n').Skip(2)));
            first = false;
        }

        return sb.ToString();
    }
}

/// <summary>
/// <c>parallax eval ner</c>: exact-span micro precision, recall and F1 per type and overall on an IOB2 file
/// (../shared/bench/ner), for the shipped model, for k-fold cross-validation, and for a peer's output on the same
/// sentences. Spans are compared as character offsets into each sentence's text, after trimming punctuation and a
/// possessive "'s" from both ends of every span (gold, ours and the peer's alike), so that tokenisation differences
/// between systems do not count as errors. Stateless and thread-safe.
/// </summary>
public static class NerEvaluation
{
    /// <summary>The types a peer is scored on: the ones it can produce.</summary>
    public static readonly ImmutableArray<string> PeerTypes = ["LOC", "ORG", "PER"];

    /// <summary>Scores <paramref name="model"/> (the shipped one when null) on every sentence of the file. Throws <see cref="FileNotFoundException"/> when it is missing.</summary>
    public static NerReport Evaluate(string iob2Path, NerModel? model = null)
    {
        var sentences = Iob2Reader.Read(iob2Path);
        model ??= NerModel.Default;
        var scorer = new SpanScorer();
        foreach (var s in sentences) Score(scorer, s, model.TagWords(s.Words));
        return new NerReport("parallax (shipped model)", sentences.Count, scorer.Scores());
    }

    /// <summary>
    /// K-fold cross-validation (sentence i in fold i mod k; each fold tagged by a model trained on the others with
    /// <paramref name="options"/>), pooled. This is the figure docs/QUALITY.md records.
    /// </summary>
    public static NerReport CrossValidate(string iob2Path, int folds = 5, NerTrainingOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var sentences = Iob2Reader.Read(iob2Path);
        options ??= new NerTrainingOptions();
        var scorer = new SpanScorer();
        for (int fold = 0; fold < folds; fold++)
        {
            var model = NerTrainer.Train(sentences.Where((_, i) => i % folds != fold), options);
            for (int i = fold; i < sentences.Count; i += folds) Score(scorer, sentences[i], model.TagWords(sentences[i].Words));
        }

        return new NerReport($"parallax ({folds.ToString(CultureInfo.InvariantCulture)}-fold CV)", sentences.Count, scorer.Scores());
    }

    /// <summary>
    /// Writes each sentence's text to <paramref name="folder"/> as <c>s00001.txt</c>, <c>s00002.txt</c>, … (1-based, in
    /// file order) for a peer tool that reads a folder (../shared/peers/ner.js). Sentences without a <c># text =</c>
    /// line are written as their words joined by spaces.
    /// </summary>
    public static int WritePeerInput(string iob2Path, string folder)
    {
        var sentences = Iob2Reader.Read(iob2Path);
        Directory.CreateDirectory(folder);
        for (int i = 0; i < sentences.Count; i++)
            File.WriteAllText(Path.Combine(folder, FileName(i)), TextOf(sentences[i]), new UTF8Encoding(false));
        return sentences.Count;
    }

    /// <summary>
    /// Scores a peer's JSON Lines output (ner.js: one object per file with <c>file</c> and <c>entities</c> holding
    /// <c>type</c>, <c>start</c>, <c>end</c>) over the sentences written by <see cref="WritePeerInput"/>. PERSON maps to
    /// PER, PLACE to LOC, ORG to ORG; other types are ignored; only <see cref="PeerTypes"/> are scored on both sides.
    /// Throws <see cref="JsonException"/> for a malformed line.
    /// </summary>
    public static NerReport ScorePeer(string iob2Path, string peerJsonLines, string system)
    {
        var sentences = Iob2Reader.Read(iob2Path);
        var predicted = new Dictionary<string, List<(int, int, string)>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(peerJsonLines).Where(l => l.Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var list = new List<(int, int, string)>();
            foreach (var e in json.RootElement.GetProperty("entities").EnumerateArray())
            {
                var type = e.GetProperty("type").GetString() switch
                {
                    "PERSON" => "PER",
                    "PLACE" => "LOC",
                    "ORG" => "ORG",
                    _ => null,
                };
                if (type is not null) list.Add((e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32(), type));
            }

            predicted[json.RootElement.GetProperty("file").GetString()!] = list;
        }

        var scorer = new SpanScorer(PeerTypes);
        for (int i = 0; i < sentences.Count; i++)
        {
            var text = TextOf(sentences[i]);
            var gold = CharSpans(sentences[i], text, sentences[i].Spans());
            var mine = predicted.GetValueOrDefault(FileName(i), []).Select(p => Trim(text, p)).Where(p => p.Item2 > p.Item1);
            scorer.Add(gold, mine);
        }

        return new NerReport(system, sentences.Count, scorer.Scores());
    }

    /// <summary>Restricts a report to <see cref="PeerTypes"/> (recomputing "overall"), for a like-for-like row beside a peer.</summary>
    public static NerReport OnPeerTypes(NerReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Scores.Where(s => PeerTypes.Contains(s.Type)).ToList();
        rows.Add(new TypeScore("overall", rows.Sum(r => r.Gold), rows.Sum(r => r.Predicted), rows.Sum(r => r.Correct)));
        return report with { Scores = [.. rows] };
    }

    private static void Score(SpanScorer scorer, TaggedSentence sentence, ImmutableArray<string> tags)
    {
        var text = TextOf(sentence);
        var predicted = new List<(int Start, int End, string Type)>();
        int start = -1;
        string? type = null;
        for (int i = 0; i <= tags.Length; i++)
        {
            var tag = i < tags.Length ? tags[i] : "O";
            if (type is not null && tag.StartsWith("I-", StringComparison.Ordinal) && string.Equals(tag[2..], type, StringComparison.Ordinal)) continue;
            if (type is not null) predicted.Add((start, i, type));
            type = tag.Length > 2 ? tag[2..] : null;
            start = i;
        }

        scorer.Add(CharSpans(sentence, text, sentence.Spans()), CharSpans(sentence, text, predicted));
    }

    private static string FileName(int index) => "s" + (index + 1).ToString("D5", CultureInfo.InvariantCulture) + ".txt";

    private static string TextOf(TaggedSentence s) => s.Text ?? string.Join(' ', s.Words);

    /// <summary>Word spans as trimmed character spans of the sentence text; words are found left to right.</summary>
    private static IEnumerable<(int, int, string)> CharSpans(TaggedSentence sentence, string text, IEnumerable<(int Start, int End, string Type)> spans)
    {
        var starts = new int[sentence.Words.Length];
        var ends = new int[sentence.Words.Length];
        int pos = 0;
        for (int i = 0; i < sentence.Words.Length; i++)
        {
            int at = text.IndexOf(sentence.Words[i], pos, StringComparison.Ordinal);
            if (at < 0) at = pos;
            starts[i] = at;
            ends[i] = Math.Min(text.Length, at + sentence.Words[i].Length);
            pos = Math.Max(pos, ends[i]);
        }

        return spans.Select(s => Trim(text, (starts[s.Start], ends[s.End - 1], s.Type))).Where(s => s.Item2 > s.Item1).ToList();
    }

    private static (int, int, string) Trim(string text, (int Start, int End, string Type) span)
    {
        int start = Math.Clamp(span.Start, 0, text.Length), end = Math.Clamp(span.End, start, text.Length);
        if (end - start >= 2 && (text.AsSpan(start, end - start).EndsWith("'s", StringComparison.OrdinalIgnoreCase) || text.AsSpan(start, end - start).EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase)))
            end -= 2;
        while (start < end && !char.IsLetterOrDigit(text[start])) start++;
        while (end > start && !char.IsLetterOrDigit(text[end - 1])) end--;
        return (start, end, span.Type);
    }
}
