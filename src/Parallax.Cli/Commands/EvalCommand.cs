using System.CommandLine;
using Parallax.Evaluation.Clustering;
using Parallax.Evaluation.Extraction;
using Parallax.Nlp.Cleaning.Html;

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
        return command;
    }

    private static int NotFound(CliContext ctx, string dir)
    {
        ctx.Fail($"folder '{dir}' not found.");
        return ExitCodes.NotFound;
    }
}
