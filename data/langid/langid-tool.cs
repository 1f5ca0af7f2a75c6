#:project ../../src/Parallax.Text/Parallax.Text.csproj
// Trains and evaluates the language model until the CLI exposes `parallax train langid` / `parallax eval langid`.
//   dotnet run data/langid/langid-tool.cs -- train CORPUS MODEL
//   dotnet run data/langid/langid-tool.cs -- eval CORPUS MODEL [SNIPPET_DIR [FRANC_JSONL]]
// With SNIPPET_DIR the snippets are also written there for the franc peer; with FRANC_JSONL (the output of
// `node lang.js SNIPPET_DIR`) franc's accuracy is printed beside ours.
using System.Globalization;
using Parallax.Text.Language;

if (args.Length >= 3 && args[0] == "train")
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    LanguageModelTrainer.Train(args[1], args[2]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trained {args[2]} ({new FileInfo(args[2]).Length} bytes) in {clock.Elapsed.TotalSeconds:F1} s"));
    return 0;
}
if (args.Length >= 3 && args[0] == "eval")
{
    var snippets = LanguageEvaluation.Snippets(args[1]);
    var ours = LanguageEvaluation.Evaluate(LanguageIdentifier.Load(args[2]), snippets);
    // A second pass measures speed with the model warm.
    ours = LanguageEvaluation.Evaluate(LanguageIdentifier.Load(args[2]), snippets) is var warm ? ours with { CharactersPerSecond = warm.CharactersPerSecond } : ours;
    var reports = new List<LanguageEvaluationReport> { ours };
    if (args.Length >= 4) LanguageEvaluation.WriteSnippets(snippets, args[3]);
    if (args.Length >= 5) reports.Add(LanguageEvaluation.Score("franc", snippets, LanguageEvaluation.ReadFrancOutput(args[4], snippets.Length)));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{snippets.Length} snippets; ours {ours.CharactersPerSecond:F0} chars/s"));
    Console.Write(LanguageEvaluation.ToMarkdown(reports));
    return 0;
}
Console.Error.WriteLine("usage: train CORPUS MODEL | eval CORPUS MODEL [SNIPPET_DIR [FRANC_JSONL]]");
return 2;
