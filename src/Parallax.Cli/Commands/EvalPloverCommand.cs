using System.CommandLine;
using Parallax.Evaluation.Plover;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax eval plover FILE</c>: event coding against the PLOVER gold standard.</summary>
internal static class EvalPloverCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var file = new Argument<string>("file") { Description = "The PLOVER gold standard (../shared/bench/events/PLOVER_GSR_CAMEO.txt)." };
        var showErrors = new Option<bool>("--errors") { Description = "Also list each held-out record whose type we got wrong." };
        var plover = new Command("plover", "Events: PLOVER type accuracy, macro and weighted F1, mode accuracy and source/target match, on the tuning (odd ids) and held-out (even ids) halves.");
        plover.Arguments.Add(file);
        plover.Options.Add(showErrors);
        plover.SetAction(r =>
        {
            var ctx = context(r);
            var path = r.GetValue(file)!;
            if (!File.Exists(path))
            {
                ctx.Fail($"file '{path}' not found.");
                return ExitCodes.NotFound;
            }

            var report = PloverBenchmark.Run(path);
            ctx.Out.WriteLine(report.ToMarkdownTable());
            if (r.GetValue(showErrors))
            {
                foreach (var p in report.Predictions.Where(p => p.Record.Number % 2 == 0))
                {
                    var ours = p.Main is null ? "-" : PloverCoding.ToGold2016(PloverCoding.Convention(p.Main), p.Main.PloverMode, p.Main.CameoCode);
                    if (ours != p.Record.EventType)
                        ctx.Out.WriteLine($"{p.Record.Id}\tgold {p.Record.EventType}\tours {ours}\t{p.Main?.Predicate}\t{p.Main?.Modality}");
                }
            }

            return ExitCodes.Success;
        });
        return plover;
    }
}
