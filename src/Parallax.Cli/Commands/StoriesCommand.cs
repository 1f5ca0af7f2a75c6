using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax stories</c>: the stories in the store.</summary>
internal static class StoriesCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("stories", "List the stories in the store, most recently updated first.");
        command.SetAction(async (r, ct) =>
        {
            var ctx = context(r);
            await using var store = await ctx.OpenStoreAsync(ct).ConfigureAwait(false);
            var stories = await store.ListStoriesAsync(ct).ConfigureAwait(false);
            var articles = await store.ListArticlesAsync(cancellationToken: ct).ConfigureAwait(false);
            var table = new Table().AddColumns("story", "articles", "duplicates", "outlets", "updated", "label");
            foreach (var s in stories)
            {
                var members = articles.Where(a => string.Equals(a.StoryId, s.Id, StringComparison.Ordinal)).ToList();
                table.AddRow(Markup.Escape(s.Id),
                    members.Count.ToString(CultureInfo.InvariantCulture),
                    members.Count(m => m.DuplicateOf is not null).ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join(", ", members.Select(m => m.Outlet ?? "?").Distinct(StringComparer.Ordinal))),
                    s.UpdatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    Markup.Escape(s.Label));
            }
            ctx.Console.Write(table);
            if (stories.Count == 0) ctx.Error.WriteLine($"parallax: no stories in {store.Location}; run `parallax analyze <folder>` first.");
            return ExitCodes.Success;
        });
        return command;
    }
}
