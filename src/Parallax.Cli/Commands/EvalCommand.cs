using System.CommandLine;
using Parallax.Evaluation.Clustering;
using Parallax.Evaluation.Extraction;
using Parallax.Evaluation.Geo;
using Parallax.Evaluation.Ner;
using Parallax.Evaluation.TimeMl;
using Parallax.Nlp.Cleaning.Html;
using Parallax.Text.Language;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax eval extraction|clustering DIR</c>: quality measured on data in the ../shared/bench layouts.</summary>
internal static class EvalCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("eval", "Measure quality on a data set laid out as in ../shared/bench (see docs/QUALITY.md).");

        var extractionDir = new Argument<string>("dir") { Description = "A folder like ../shared/bench/extraction (ground_truth.json, html/, peer-outputs/)." };
        var extraction = new Command("extraction", "Main-text extraction: 4-gram shingle precision, recall and F1 against the ground truth, beside the peers.");
        extraction.Arguments.Add(extractionDir);
        extraction.SetAction(r =>
        {
            var ctx = context(r);
            var dir = r.GetValue(extractionDir)!;
            if (!Directory.Exists(dir)) return NotFound(ctx, dir);
            var extractor = new HtmlContentExtractor();
            var report = ExtractionBenchmark.Run(dir, html => extractor.Extract(html).Clean.Text);
            ctx.Out.WriteLine(report.ToMarkdownTable());
            return ExitCodes.Success;
        });
        command.Subcommands.Add(extraction);

        var clusteringDir = new Argument<string>("dir") { Description = "A folder like ../shared/bench/clustering (ecbplus/<topic>/*.xml)." };
        var clustering = new Command("clustering", "Story clustering: BCubed and pairwise precision, recall and F1 over documents.");
        clustering.Arguments.Add(clusteringDir);
        clustering.SetAction(r =>
        {
            var ctx = context(r);
            var dir = r.GetValue(clusteringDir)!;
            if (!Directory.Exists(dir)) return NotFound(ctx, dir);
            var report = ClusteringBenchmark.Run(dir);
            ctx.Out.WriteLine(report.ToMarkdownTable());
            return ExitCodes.Success;
        });
        command.Subcommands.Add(clustering);

        var timemlDir = new Argument<string>("dir") { Description = "A folder of TimeML (.tml) files, searched recursively (like ../shared/bench/timeml)." };
        var timeml = new Command("timeml", "Temporal expressions: TempEval-3 task A (strict and relaxed span P/R/F1, type and value accuracy, value F1).");
        var timemlPredictions = new Option<string?>("--predictions") { Description = "Score another system's expressions instead of ours: JSON lines as written by ../shared/peers/dates.js over the --export-text folder." };
        var timemlExport = new Option<string?>("--export-text") { Description = "Write each document's text and DCT (NAME.txt, NAME.date) to this folder for a peer to tag, and stop." };
        timeml.Arguments.Add(timemlDir);
        timeml.Options.Add(timemlPredictions);
        var timemlErrors = new Option<string?>("--errors") { Description = "Also write every disagreement (missed, spurious, value, type) to this file as tab-separated lines." };
        timeml.Options.Add(timemlExport);
        timeml.Options.Add(timemlErrors);
        timeml.SetAction(r =>
        {
            var ctx = context(r);
            var dir = r.GetValue(timemlDir)!;
            if (!Directory.Exists(dir)) return NotFound(ctx, dir);
            if (r.GetValue(timemlExport) is { } exportTo)
            {
                ctx.Out.WriteLine($"{TimeMlBenchmark.ExportTexts(dir, exportTo)} documents written to {exportTo}");
                return ExitCodes.Success;
            }
            if (r.GetValue(timemlPredictions) is { } predictions)
            {
                if (!File.Exists(predictions)) return NotFound(ctx, predictions);
                ctx.Out.WriteLine(TimeMlBenchmark.ScorePredictions(dir, predictions).ToMarkdownTable());
                return ExitCodes.Success;
            }
            var ours = TimeMlBenchmark.Run(dir);
            ctx.Out.WriteLine(ours.ToMarkdownTable());
            if (r.GetValue(timemlErrors) is { } errorFile)
                File.WriteAllLines(errorFile, ours.Errors.Select(e => string.Join('\t', e.File, e.Kind, e.Text.ReplaceLineEndings(" "), e.Gold ?? "-", e.Ours ?? "-")));
            return ExitCodes.Success;
        });
        command.Subcommands.Add(timeml);

        var langidDir = new Argument<string>("corpus") { Description = "A language-identification corpus folder (data/langid/build-corpus.py writes one)." };
        var langid = new Command("langid", "Language identification accuracy on held-out snippets of 20, 50 and 150 characters.");
        langid.Arguments.Add(langidDir);
        langid.SetAction(r =>
        {
            var ctx = context(r);
            var dir = r.GetValue(langidDir)!;
            if (!Directory.Exists(dir)) return NotFound(ctx, dir);
            var snippets = LanguageEvaluation.Snippets(dir);
            ctx.Out.WriteLine(LanguageEvaluation.ToMarkdown([LanguageEvaluation.Evaluate(LanguageIdentifier.Default, snippets)]));
            return ExitCodes.Success;
        });
        command.Subcommands.Add(langid);

        var nerFile = new Argument<string>("file") { Description = "Sentences in IOB2 (index, token, tag columns), like ../shared/bench/ner/en_ewt-ud-dev.iob2." };
        var folds = new Option<int>("--cross-validate") { Description = "Train on k-1 folds and test on the held-out fold, k times (0: score the shipped model)." };
        var peer = new Option<string?>("--peer") { Description = "A peer's output (ner.js JSON Lines over the files `--write-peer-input` wrote) to score beside ours." };
        var writePeer = new Option<string?>("--write-peer-input") { Description = "Write each sentence as a text file into this folder for a peer to read, then stop." };
        var ner = new Command("ner", "Named entities: exact-span precision, recall and micro F1 per type and overall.");
        ner.Arguments.Add(nerFile);
        ner.Options.Add(folds);
        ner.Options.Add(peer);
        ner.Options.Add(writePeer);
        ner.SetAction(r =>
        {
            var ctx = context(r);
            var file = r.GetValue(nerFile)!;
            if (!File.Exists(file))
            {
                ctx.Fail($"file '{file}' not found.");
                return ExitCodes.NotFound;
            }
            if (r.GetValue(writePeer) is { } folder)
            {
                int n = NerEvaluation.WritePeerInput(file, folder);
                ctx.Error.WriteLine($"wrote {n} sentence files to {folder}");
                return ExitCodes.Success;
            }
            int k = r.GetValue(folds);
            var ours = k > 1 ? NerEvaluation.CrossValidate(file, k) : NerEvaluation.Evaluate(file);
            var reports = new List<NerReport> { ours };
            if (r.GetValue(peer) is { } peerFile)
            {
                reports[0] = NerEvaluation.OnPeerTypes(ours);
                reports.Add(NerEvaluation.ScorePeer(file, peerFile, Path.GetFileNameWithoutExtension(peerFile)));
            }
            ctx.Out.WriteLine(NerReport.ToMarkdownTable(reports));
            return ExitCodes.Success;
        });
        command.Subcommands.Add(ner);

        var lgl = new Argument<string>("file") { Description = "Toponyms with gold coordinates in the LGL XML layout (../shared/bench/geo/lgl.xml)." };
        var geo = new Command("geo", "Toponym resolution: accuracy within 161 km, AUC of the error curve, mean and median error, coverage; given gold spans and end to end.");
        geo.Arguments.Add(lgl);
        geo.SetAction(r =>
        {
            var ctx = context(r);
            var file = r.GetValue(lgl)!;
            if (!File.Exists(file))
            {
                ctx.Fail($"file '{file}' not found.");
                return ExitCodes.NotFound;
            }
            ctx.Out.WriteLine(GeoReport.ToMarkdownTable([GeoBenchmark.Run(file, GeoMode.GoldSpans), GeoBenchmark.Run(file, GeoMode.EndToEnd)]));
            return ExitCodes.Success;
        });
        command.Subcommands.Add(geo);
        command.Subcommands.Add(EvalPloverCommand.Create(context));
        return command;
    }

    private static int NotFound(CliContext ctx, string dir)
    {
        ctx.Fail($"folder '{dir}' not found.");
        return ExitCodes.NotFound;
    }
}
