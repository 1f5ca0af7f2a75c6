using System.CommandLine;
using Parallax.Core.Articles;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax export</c>: the store as JSON, JSON Lines or CSV (docs/schema.md).</summary>
internal static class ExportCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var format = new Option<string>("--format", "-f") { Description = "json, jsonl or csv.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "jsonl", "csv");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var storyOption = new Option<string?>("--story") { Description = "Export only this story (id or prefix)." };
        var command = new Command("export", "Export articles and stories in a documented format (see docs/schema.md).");
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(storyOption);
        command.SetAction(async (r, ct) =>
        {
            var ctx = context(r);
            await using var store = await ctx.OpenStoreAsync(ct).ConfigureAwait(false);
            var stories = (await store.ListStoriesAsync(ct).ConfigureAwait(false)).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
            var articles = new List<ArticleRecord>();
            var only = r.GetValue(storyOption);
            if (only is not null)
            {
                var view = await store.GetStoryAsync(only, ct).ConfigureAwait(false);
                if (view is null)
                {
                    ctx.Fail($"no story matches '{only}'; `parallax stories` lists them.");
                    return ExitCodes.NotFound;
                }
                stories = [view.Story];
                articles.AddRange(view.Articles);
            }
            else
            {
                await foreach (var (_, a) in store.ReadArticlesAsync(0, ct).ConfigureAwait(false)) articles.Add(a);
            }
            var path = r.GetValue(output);
            if (path is null)
            {
                await using var stdout = Console.OpenStandardOutput();
                await Exports.WriteAsync(r.GetValue(format)!, stories, articles, stdout, ctx.Out, ct).ConfigureAwait(false);
            }
            else
            {
                await using var file = File.Create(path);
                await Exports.WriteAsync(r.GetValue(format)!, stories, articles, file, null, ct).ConfigureAwait(false);
                ctx.Error.WriteLine($"wrote {articles.Count} article(s) to {path}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
