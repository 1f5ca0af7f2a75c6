using System.CommandLine;
using System.Globalization;
using Parallax.Core.Storage;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax search "query"</c>: full-text search over clean text.</summary>
internal static class SearchCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var query = new Argument<string>("query") { Description = "Words to find (FTS5 syntax: \"exact phrase\", AND, OR, NOT, prefix*)." };
        var limit = new Option<int>("--limit") { Description = "Most results shown.", DefaultValueFactory = _ => 20 };
        var command = new Command("search", "Search the clean text and titles of stored articles.");
        command.Arguments.Add(query);
        command.Options.Add(limit);
        command.SetAction(async (r, ct) =>
        {
            var ctx = context(r);
            await using var store = await ctx.OpenStoreAsync(ct).ConfigureAwait(false);
            try
            {
                var hits = await store.SearchAsync(r.GetValue(query)!, r.GetValue(limit), ct).ConfigureAwait(false);
                var table = new Table().AddColumns("article", "story", "outlet", "title", "snippet");
                foreach (var h in hits)
                    table.AddRow(Markup.Escape(h.ArticleId[..12]), Markup.Escape(h.StoryId ?? ""), Markup.Escape(h.Outlet ?? ""),
                        Markup.Escape(h.Title ?? ""), Markup.Escape(h.Snippet.ReplaceLineEndings(" ")));
                ctx.Console.Write(table);
                ctx.Error.WriteLine($"{hits.Count.ToString(CultureInfo.InvariantCulture)} result(s).");
                return hits.Count > 0 ? ExitCodes.Success : ExitCodes.NotFound;
            }
            catch (StoreException ex) when (ex.Code == StoreErrorCode.BadQuery)
            {
                ctx.Fail(ex.Message);
                return ExitCodes.Usage;
            }
        });
        return command;
    }
}
