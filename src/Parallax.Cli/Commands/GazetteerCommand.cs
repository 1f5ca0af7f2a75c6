using System.CommandLine;
using System.Globalization;
using Parallax.Nlp.Places;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax gazetteer build</c>: compiles data/gazetteer/places.tsv.gz into the shipped places.pxg (data/gazetteer/README.md);
/// with <c>--check</c> it only tells whether the compiled file is what the TSV gives.
/// </summary>
internal static class GazetteerCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("gazetteer", "The shipped gazetteer.");
        var from = new Option<string>("--from") { Description = "The gazetteer TSV (.gz allowed), as data/gazetteer/build.sh writes it.", DefaultValueFactory = _ => "data/gazetteer/places.tsv.gz" };
        var output = new Option<string>("--output", "-o") { Description = "The compiled file to write (embedded into Parallax.Nlp on the next build).", DefaultValueFactory = _ => "data/gazetteer/places.pxg" };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 0 when --output holds exactly what --from compiles to, 3 when it does not." };
        var build = new Command("build", "Compile the gazetteer TSV into the binary file Parallax loads (names folded into sorted matching keys). Deterministic: the same TSV gives the same payload.");
        build.Options.Add(from);
        build.Options.Add(output);
        build.Options.Add(check);
        build.SetAction(r =>
        {
            var ctx = context(r);
            var source = r.GetValue(from)!;
            var target = r.GetValue(output)!;
            if (!File.Exists(source))
            {
                ctx.Fail($"gazetteer TSV '{source}' not found; run from the repository root or give --from (data/gazetteer/build.sh makes it).");
                return ExitCodes.NotFound;
            }
            try
            {
                if (r.GetValue(check)) return Check(ctx, source, target);
                GazetteerFile.Build(source, target);
                ctx.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {target} ({new FileInfo(target).Length:N0} bytes) from {source}"));
                return ExitCodes.Success;
            }
            catch (InvalidDataException ex)
            {
                ctx.Fail(ex.Message);
                return ExitCodes.Failure;
            }
        });
        command.Subcommands.Add(build);
        return command;
    }

    private static int Check(CliContext ctx, string source, string target)
    {
        if (!File.Exists(target))
        {
            ctx.Fail($"compiled gazetteer '{target}' not found; run `parallax gazetteer build`.");
            return ExitCodes.NotFound;
        }
        var expected = GazetteerFile.BuildPayload(source);
        byte[] actual;
        using (var file = File.OpenRead(target))
        {
            actual = GazetteerFile.ReadPayload(file, target);
        }
        if (expected.AsSpan().SequenceEqual(actual))
        {
            ctx.Out.WriteLine($"{target} is up to date with {source}");
            return ExitCodes.Success;
        }
        ctx.Fail($"{target} differs from what {source} compiles to; run `parallax gazetteer build`.");
        return ExitCodes.Failure;
    }
}
