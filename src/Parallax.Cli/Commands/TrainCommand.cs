using System.CommandLine;
using Parallax.Nlp.Ner;
using Parallax.Text.Language;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax train langid</c>: rebuilds a shipped model from its public source (data/*/README.md).</summary>
internal static class TrainCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("train", "Rebuild a shipped model from its training data.");
        var corpus = new Option<string>("--corpus") { Description = "Training corpus folder (built by data/langid/build-corpus.sh).", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Model file to write.", DefaultValueFactory = _ => "data/langid/langid.model" };
        var langid = new Command("langid", "Train the language identifier (character n-grams) deterministically.");
        langid.Options.Add(corpus);
        langid.Options.Add(output);
        langid.SetAction(r =>
        {
            var ctx = context(r);
            var dir = r.GetValue(corpus)!;
            if (!Directory.Exists(dir))
            {
                ctx.Fail($"corpus folder '{dir}' not found; build it with data/langid/build-corpus.sh.");
                return ExitCodes.NotFound;
            }
            LanguageModelTrainer.Train(dir, r.GetValue(output)!);
            ctx.Error.WriteLine($"wrote {r.GetValue(output)}");
            return ExitCodes.Success;
        });
        command.Subcommands.Add(langid);

        var data = new Option<string>("--data") { Description = "Training sentences in IOB2 (e.g. ../shared/bench/ner/en_ewt-ud-dev.iob2).", Required = true };
        var nerOutput = new Option<string>("--output", "-o") { Description = "Model file to write.", DefaultValueFactory = _ => "data/ner/ner.model" };
        var ner = new Command("ner", "Train the named-entity model (structured averaged perceptron) deterministically: same data, same file.");
        ner.Options.Add(data);
        ner.Options.Add(nerOutput);
        ner.SetAction(r =>
        {
            var ctx = context(r);
            var file = r.GetValue(data)!;
            if (!File.Exists(file))
            {
                ctx.Fail($"training file '{file}' not found.");
                return ExitCodes.NotFound;
            }
            NerTrainer.TrainFile(file, r.GetValue(nerOutput)!);
            ctx.Error.WriteLine($"wrote {r.GetValue(nerOutput)}");
            return ExitCodes.Success;
        });
        command.Subcommands.Add(ner);
        return command;
    }
}
