using System.CommandLine;
using System.Globalization;
using Parallax.Core.Articles;
using Parallax.Nlp.Documents;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax show &lt;story|article&gt;</c>.</summary>
internal static class ShowCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var id = new Argument<string>("id") { Description = "A story id (s-…) or an article id; a unique prefix of 4+ characters is enough." };
        var format = new Option<string>("--format")
        {
            Description = "For a story: md (default) or html. For an article: text (default) or md.",
        };
        format.AcceptOnlyFromAmong("md", "html", "text");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var restore = new Option<bool>("--with-removed") { Description = "For an article: print the text with every removed block put back where it was." };
        var command = new Command("show", "Show a story's report, or an article with its metadata, provenance and removed noise.");
        command.Arguments.Add(id);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(restore);
        command.SetAction(async (r, ct) =>
        {
            var ctx = context(r);
            await using var store = await ctx.OpenStoreAsync(ct).ConfigureAwait(false);
            var key = r.GetValue(id)!;
            var story = await store.GetStoryAsync(key, ct).ConfigureAwait(false);
            var path = r.GetValue(output);
            if (story is not null)
            {
                var html = string.Equals(r.GetValue(format), "html", StringComparison.Ordinal);
                await using var writer = path is null ? null : new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
                ReportFiles.Write(story, writer ?? ctx.Out, html, ReportFiles.Zones(ctx));
                return ExitCodes.Success;
            }
            var article = await store.GetArticleAsync(key, ct).ConfigureAwait(false);
            if (article is null)
            {
                ctx.Fail($"no story or article matches '{key}' in {store.Location} (or the prefix is ambiguous); `parallax stories` lists them.");
                return ExitCodes.NotFound;
            }
            if (r.GetValue(restore))
            {
                if (!article.Document.Has(Layers.Clean))
                {
                    ctx.Fail($"article {article.Id} has no clean text to restore into.");
                    return ExitCodes.Failure;
                }
                var clean = article.Document.Get(Layers.Clean);
                var restored = clean.Restore(clean.Removed);
                if (path is null) ctx.Out.WriteLine(restored);
                else await File.WriteAllTextAsync(path, restored, ct).ConfigureAwait(false);
                return ExitCodes.Success;
            }
            if (path is not null)
            {
                await using var file = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
                WriteArticleText(article, file);
            }
            else if (string.Equals(r.GetValue(format), "md", StringComparison.Ordinal)) WriteArticleText(article, ctx.Out);
            else WriteArticle(ctx, article);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteArticle(CliContext ctx, ArticleRecord a)
    {
        var doc = a.Document;
        ctx.Console.Write(new Rule(Markup.Escape(a.Title ?? doc.Source.SourceId)).LeftJustified());
        var info = new Table().AddColumns("field", "value", "source", "confidence", "evidence");
        info.AddRow("id", Markup.Escape(doc.Id), "", "", "");
        info.AddRow("source", Markup.Escape(doc.Source.SourceId), Markup.Escape(doc.Source.Kind.ToString()), "", Markup.Escape(doc.Source.Encoding));
        info.AddRow("story", Markup.Escape(a.StoryId ?? "—"), "", "", "");
        if (a.DuplicateOf is not null)
            info.AddRow("duplicate of", Markup.Escape(a.DuplicateOf), "", a.DuplicateSimilarity.ToString("0.00", CultureInfo.InvariantCulture), "");
        foreach (var c in doc.Metadata.Chosen)
            info.AddRow(c.Field.ToString(), Markup.Escape(c.Value), c.Source.ToString(), c.Confidence.ToString("0.00", CultureInfo.InvariantCulture),
                Markup.Escape(Shorten(c.Evidence ?? "", 60)));
        ctx.Console.Write(info);
        if (doc.Has(Layers.Clean))
        {
            var removed = doc.Get(Layers.Clean).Removed;
            if (removed.Length > 0)
            {
                var t = new Table().AddColumns("removed", "why", "text");
                foreach (var b in removed) t.AddRow(b.Reason.ToString(), Markup.Escape(b.Detail), Markup.Escape(Shorten(b.Text, 80)));
                ctx.Console.Write(t);
            }
            ctx.Console.WriteLine();
            ctx.Out.WriteLine(doc.Text);
        }
    }

    private static void WriteArticleText(ArticleRecord a, TextWriter w)
    {
        var doc = a.Document;
        w.WriteLine($"# {a.Title ?? doc.Source.SourceId}");
        w.WriteLine();
        foreach (var c in doc.Metadata.Chosen)
            w.WriteLine($"- {c.Field}: {c.Value} ({c.Source}, {c.Confidence.ToString("0.00", CultureInfo.InvariantCulture)})");
        w.WriteLine();
        if (doc.Has(Layers.Clean)) w.WriteLine(doc.Text);
    }

    private static string Shorten(string s, int max)
    {
        s = s.ReplaceLineEndings(" ");
        return s.Length <= max ? s : string.Concat(s.AsSpan(0, max - 1), "…");
    }
}
