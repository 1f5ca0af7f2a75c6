using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Events;
using Parallax.Nlp.Pipeline;
using Parallax.Text;

namespace Parallax.Evaluation.Plover;

/// <summary>The event type taxonomy scores are computed in.</summary>
public enum PloverTaxonomy
{
    /// <summary>The gold file's own types (the 2016 PLOVER draft: DEMAND, DISAPPROVE, INVESTIGATE, FIGHT beside the rest);
    /// our 2021 codes are mapped onto them (<see cref="PloverCoding.ToGold2016"/>).</summary>
    Gold2016,

    /// <summary>PLOVER 2021 types: the gold's DEMAND, DISAPPROVE, INVESTIGATE and FIGHT folded into REQUEST, ACCUSE, ACCUSE and ASSAULT.</summary>
    Plover2021,
}

/// <summary>What the system said about one gold sentence.</summary>
/// <param name="Record">The gold record.</param>
/// <param name="Main">The main event chosen (<see cref="PloverCoding.MainEvent"/>), or null when no event was found.</param>
/// <param name="Source">The main event's source text (for a pronoun: its antecedent), or null.</param>
/// <param name="Target">The main event's target text, or null.</param>
public sealed record PloverPrediction(PloverRecord Record, EventMention? Main, string? Source, string? Target);

/// <summary>Scores for one split and taxonomy.</summary>
/// <param name="Split">"tune (odd ids)", "held-out (even ids)" or "all".</param>
/// <param name="Taxonomy">The taxonomy the types were compared in.</param>
/// <param name="Records">Gold records.</param>
/// <param name="NoEvent">Records for which no event was found (counted wrong).</param>
/// <param name="Accuracy">Main-event type equals the gold type, over all records.</param>
/// <param name="MacroF1">Mean over the gold types present of per-type F1.</param>
/// <param name="WeightedF1">Per-type F1 weighted by gold support.</param>
/// <param name="ModeRecords">Records with a non-empty gold mode.</param>
/// <param name="ModeAccuracy">Over those, our mode equals the gold mode (after <see cref="PloverCoding.SameMode"/>).</param>
/// <param name="SourceRecords">Records with a gold source.</param>
/// <param name="SourceMatch">Over those, our source matches a gold source (<see cref="PloverCoding.ActorsMatch"/>).</param>
/// <param name="TargetRecords">Records with a gold target.</param>
/// <param name="TargetMatch">Over those, our target matches a gold target.</param>
/// <param name="PerType">Per gold type: support, precision, recall, F1.</param>
public sealed record PloverScores(
    string Split,
    PloverTaxonomy Taxonomy,
    int Records,
    int NoEvent,
    double Accuracy,
    double MacroF1,
    double WeightedF1,
    int ModeRecords,
    double ModeAccuracy,
    int SourceRecords,
    double SourceMatch,
    int TargetRecords,
    double TargetMatch,
    ImmutableArray<(string Type, int Support, double Precision, double Recall, double F1)> PerType);

/// <summary>Result of <see cref="PloverBenchmark.Run(string)"/>: every split in both taxonomies.</summary>
public sealed record PloverReport(ImmutableArray<PloverScores> Rows, ImmutableArray<PloverPrediction> Predictions)
{
    /// <summary>The row for a split and taxonomy.</summary>
    /// <exception cref="KeyNotFoundException">No such row.</exception>
    public PloverScores Row(string split, PloverTaxonomy taxonomy) =>
        Rows.FirstOrDefault(r => r.Taxonomy == taxonomy && r.Split.StartsWith(split, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No PLOVER row for split '{split}' in {taxonomy}.");

    /// <summary>A Markdown table of the rows, then per-type F1 on the held-out half in the gold taxonomy. Deterministic.</summary>
    public string ToMarkdownTable()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("| taxonomy | split | records | type accuracy | macro F1 | weighted F1 | mode accuracy | source match | target match | no event |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in Rows)
        {
            sb.AppendLine(c, $"| {(r.Taxonomy == PloverTaxonomy.Gold2016 ? "gold (2016 draft)" : "PLOVER 2021")} | {r.Split} | {r.Records} | {r.Accuracy:F3} | {r.MacroF1:F3} | {r.WeightedF1:F3} | {r.ModeAccuracy:F3} (n={r.ModeRecords}) | {r.SourceMatch:F3} (n={r.SourceRecords}) | {r.TargetMatch:F3} (n={r.TargetRecords}) | {r.NoEvent} |");
        }

        var held = Rows.FirstOrDefault(r => r.Taxonomy == PloverTaxonomy.Gold2016 && r.Split.StartsWith("held-out", StringComparison.Ordinal));
        if (held is not null)
        {
            sb.AppendLine();
            sb.AppendLine("| type (held-out, gold taxonomy) | support | precision | recall | F1 |");
            sb.AppendLine("|---|---:|---:|---:|---:|");
            foreach (var t in held.PerType)
                sb.AppendLine(c, $"| {t.Type} | {t.Support} | {t.Precision:F3} | {t.Recall:F3} | {t.F1:F3} |");
        }

        return sb.ToString();
    }
}

/// <summary>
/// How Parallax events are compared with PLOVER gold codings. The rules are stated here so the figures can be read:
/// the main event of a sentence is its first event in text order; PLOVER codes statements of intent as AGREE, threats
/// as THREATEN and refusals as REJECT, so a planned cooperative event counts as AGREE, a threatened one as THREATEN and a
/// negated cooperative one as REJECT.
/// </summary>
public static class PloverCoding
{
    private static readonly HashSet<string> _cooperative = new(StringComparer.Ordinal)
    {
        "CONSULT", "AID", "COOPERATE", "RETREAT", "CONCEDE", "SUPPORT",
    };

    private static readonly HashSet<string> _stopWords = new(StringComparer.Ordinal)
    {
        "the", "of", "and", "for", "its", "his", "her", "their", "from", "with", "in",
    };

    /// <summary>The main event of one sentence's events: the first in text order, or null when there are none.</summary>
    public static EventMention? MainEvent(ImmutableArray<EventMention> events) =>
        events.IsDefaultOrEmpty ? null : events.OrderBy(e => e.Trigger.Start).ThenBy(e => e.Id, StringComparer.Ordinal).First();

    /// <summary>The event's type under the PLOVER convention for intent, threats and refusals (2021 type names).</summary>
    public static string Convention(EventMention e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Modality switch
        {
            EventModality.Threatened when e.PloverType != "THREATEN" => "THREATEN",
            EventModality.Planned when _cooperative.Contains(e.PloverType) => "AGREE",
            EventModality.Negated when _cooperative.Contains(e.PloverType) || e.PloverType == "AGREE" => "REJECT",
            _ => e.PloverType,
        };
    }

    /// <summary>Our (2021) type in the gold file's 2016 taxonomy: REQUEST → DEMAND; ACCUSE → INVESTIGATE (mode
    /// investigate) or DISAPPROVE; ASSAULT with a CAMEO 19x code (conventional force) → FIGHT.</summary>
    public static string ToGold2016(string type2021, string? mode, string? cameo) => type2021 switch
    {
        "REQUEST" => "DEMAND",
        "ACCUSE" => mode == "investigate" ? "INVESTIGATE" : "DISAPPROVE",
        "ASSAULT" when cameo is not null && cameo.StartsWith("19", StringComparison.Ordinal) => "FIGHT",
        _ => type2021,
    };

    /// <summary>A gold (2016) type in the 2021 taxonomy.</summary>
    public static string To2021(string goldType) => goldType switch
    {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" or "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        _ => goldType,
    };

    /// <summary>Modes match when equal, when one is the other plus a suffix ("demo" and "demo-org"), or through the
    /// 2016 names of strike modes (hunger = strike-hun, boycott = strike-gen). Case-insensitive.</summary>
    public static bool SameMode(string? ours, string gold)
    {
        ArgumentNullException.ThrowIfNull(gold);
        if (ours is null) return false;
        ours = ours.ToLowerInvariant();
        gold = gold.ToLowerInvariant();
        if (ours == "hunger") ours = "strike-hun";
        if (ours == "boycott" && gold.StartsWith("strike", StringComparison.Ordinal)) ours = "strike-gen";
        return ours == gold || gold.StartsWith(ours + "-", StringComparison.Ordinal) || ours.StartsWith(gold + "-", StringComparison.Ordinal);
    }

    /// <summary>
    /// An actor matches a gold actor when, compared case-insensitively, they share a word of at least three letters that
    /// is not a function word ("Romanian officials" matches "Romanian"; "the army" does not match "police").
    /// </summary>
    public static bool ActorsMatch(string? ours, IEnumerable<string> gold)
    {
        ArgumentNullException.ThrowIfNull(gold);
        if (ours is null) return false;
        var mine = ContentWords(ours);
        return gold.Any(g => ContentWords(g).Overlaps(mine));
    }

    private static HashSet<string> ContentWords(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (var ch in text.ToLowerInvariant().Append(' '))
        {
            if (char.IsLetterOrDigit(ch) || ch == '-') { sb.Append(ch); continue; }
            if (sb.Length >= 3 && !_stopWords.Contains(sb.ToString())) words.Add(sb.ToString());
            sb.Clear();
        }

        return words;
    }
}

/// <summary>Runs the event stage over the PLOVER gold standard, one sentence per document.</summary>
public static class PloverBenchmark
{
    /// <summary>Evaluates the default pipeline (with its event stage) on <paramref name="goldPath"/>.</summary>
    /// <exception cref="FileNotFoundException">PX3811: the file does not exist.</exception>
    /// <exception cref="InvalidDataException">PX3812: the file is not PLOVER gold JSON.</exception>
    public static PloverReport Run(string goldPath)
    {
        // The sentence is the clean text as given: the cleaning stage would (rightly) treat one line as too little to be an article.
        var stages = DefaultPipeline.Create().Stages.Where(s => !s.Assigns.Contains(Layers.Clean)).ToList();
        return Run(goldPath, text =>
        {
            var doc = SentenceDocument(text);
            foreach (var stage in stages) stage.Run(doc, CancellationToken.None);
            return doc.Get(EventLayers.Events);
        });
    }

    /// <summary>A document whose clean text is <paramref name="text"/> as given, one paragraph, no metadata.</summary>
    internal static Document SentenceDocument(string text)
    {
        var doc = new Document(new DocumentSource("plover", ContentKind.PlainText, text, []));
        var map = new OffsetMap.Builder(text.Length);
        map.Add(0, 0, text.Length);
        doc.Set(Layers.Clean, new CleanedText(text, [new TextSpan(0, text.Length)], map.Build(text.Length), []));
        doc.Set(Layers.TextMetadata, []);
        return doc;
    }

    /// <summary>Evaluates the given extractor (sentence text → its events) on <paramref name="goldPath"/>.</summary>
    public static PloverReport Run(string goldPath, Func<string, ImmutableArray<EventMention>> extract) =>
        Score(PloverGold.Read(goldPath), extract);

    /// <summary>Scores the records; output is deterministic (records in file order, types in ordinal order).</summary>
    public static PloverReport Score(ImmutableArray<PloverRecord> records, Func<string, ImmutableArray<EventMention>> extract)
    {
        ArgumentNullException.ThrowIfNull(extract);
        var predictions = ImmutableArray.CreateBuilder<PloverPrediction>(records.Length);
        foreach (var r in records)
        {
            var main = PloverCoding.MainEvent(extract(r.Text));
            predictions.Add(new PloverPrediction(r, main, main?.Source?.Text, main?.Target?.Text));
        }

        var all = predictions.ToImmutable();
        var rows = ImmutableArray.CreateBuilder<PloverScores>();
        foreach (var taxonomy in new[] { PloverTaxonomy.Gold2016, PloverTaxonomy.Plover2021 })
        {
            rows.Add(Scores("tune (odd ids)", taxonomy, [.. all.Where(p => p.Record.Number % 2 == 1)]));
            rows.Add(Scores("held-out (even ids)", taxonomy, [.. all.Where(p => p.Record.Number % 2 == 0)]));
            rows.Add(Scores("all", taxonomy, all));
        }

        return new PloverReport(rows.ToImmutable(), all);
    }

    private static PloverScores Scores(string split, PloverTaxonomy taxonomy, ImmutableArray<PloverPrediction> predictions)
    {
        var pairs = predictions.Select(p =>
        {
            string gold = taxonomy == PloverTaxonomy.Gold2016 ? p.Record.EventType : PloverCoding.To2021(p.Record.EventType);
            string? ours = p.Main is null ? null
                : taxonomy == PloverTaxonomy.Gold2016
                    ? PloverCoding.ToGold2016(PloverCoding.Convention(p.Main), p.Main.PloverMode, p.Main.CameoCode)
                    : PloverCoding.Convention(p.Main);
            return (Gold: gold, Ours: ours, p);
        }).ToList();

        int n = pairs.Count;
        double accuracy = n == 0 ? 0 : pairs.Count(x => x.Ours == x.Gold) / (double)n;
        var perType = ImmutableArray.CreateBuilder<(string, int, double, double, double)>();
        double macro = 0, weighted = 0;
        var types = pairs.Select(x => x.Gold).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var type in types)
        {
            int tp = pairs.Count(x => x.Gold == type && x.Ours == type);
            int predicted = pairs.Count(x => x.Ours == type);
            int support = pairs.Count(x => x.Gold == type);
            double p = predicted == 0 ? 0 : tp / (double)predicted;
            double r = support == 0 ? 0 : tp / (double)support;
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            perType.Add((type, support, p, r, f));
            macro += f;
            weighted += f * support;
        }

        macro = types.Count == 0 ? 0 : macro / types.Count;
        weighted = n == 0 ? 0 : weighted / n;

        var withMode = pairs.Where(x => x.p.Record.Mode is not null).ToList();
        var withSource = pairs.Where(x => x.p.Record.Sources.Length > 0).ToList();
        var withTarget = pairs.Where(x => x.p.Record.Targets.Length > 0).ToList();
        static bool SourceOk(PloverPrediction p) => p.Record.Reciprocal
            ? PloverCoding.ActorsMatch(p.Source, p.Record.Sources.AddRange(p.Record.Targets)) || PloverCoding.ActorsMatch(p.Target, p.Record.Sources.AddRange(p.Record.Targets))
            : PloverCoding.ActorsMatch(p.Source, p.Record.Sources);
        static bool TargetOk(PloverPrediction p) => p.Record.Reciprocal
            ? PloverCoding.ActorsMatch(p.Target, p.Record.Sources.AddRange(p.Record.Targets)) || PloverCoding.ActorsMatch(p.Source, p.Record.Targets)
            : PloverCoding.ActorsMatch(p.Target, p.Record.Targets);

        return new PloverScores(
            split,
            taxonomy,
            n,
            pairs.Count(x => x.Ours is null),
            accuracy,
            macro,
            weighted,
            withMode.Count,
            withMode.Count == 0 ? 0 : withMode.Count(x => PloverCoding.SameMode(x.p.Main?.PloverMode, x.p.Record.Mode!)) / (double)withMode.Count,
            withSource.Count,
            withSource.Count == 0 ? 0 : withSource.Count(x => SourceOk(x.p)) / (double)withSource.Count,
            withTarget.Count,
            withTarget.Count == 0 ? 0 : withTarget.Count(x => TargetOk(x.p)) / (double)withTarget.Count,
            perType.ToImmutable());
    }
}
