using System.CommandLine;
using Parallax.Core.Articles;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax export</c>: the store as JSON, JSON Lines or CSV (docs/schema.md).</summary>
internal static class ExportCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var format = new Option<string>("--format", "-f") { Description = "json, jsonl, csv, or geojson (the resolved places).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "jsonl", "csv", "geojson");
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
                // Through a buffer so the command can be tested with any TextWriter as standard output.
                using var buffer = new MemoryStream();
                Exports.Write(r.GetValue(format)!, stories, articles, buffer);
                await ctx.Out.WriteAsync(new System.Text.UTF8Encoding(false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).ConfigureAwait(false);
                await ctx.Out.FlushAsync(ct).ConfigureAwait(false);
            }
            else
            {
                var temp = path + ".tmp";
                await using (var file = File.Create(temp)) Exports.Write(r.GetValue(format)!, stories, articles, file);
                File.Move(temp, path, overwrite: true);
                ctx.Error.WriteLine($"wrote {articles.Count} article(s) to {path}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
