using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Parallax.Core.Storage;
using Parallax.Core.Watch;
using Parallax.Nlp.Entities;
using Parallax.Nlp.Serialization;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax alerts</c>: the watch-rule alerts in the store; <c>parallax rules check</c>: validates rule files.
/// Rules live in <c>&lt;data-dir&gt;/rules/*.rules</c> (docs/watch-rules.md).
/// </summary>
internal static class AlertsCommand
{
    /// <summary>The folder of the data directory that holds the rule files checked on ingest.</summary>
    public const string RulesFolder = "rules";

    public static string RulesDirectory(CliContext ctx) => Path.Combine(ctx.DataDirectory, RulesFolder);

    /// <summary>
    /// The evaluator for the data directory's rules, or null when there are none. A broken rule file is reported on
    /// stderr and gives <paramref name="error"/> true, so that ingest stops before analysing rather than silently
    /// dropping the rules.
    /// </summary>
    public static WatchEvaluator? LoadWatch(CliContext ctx, ActorKnowledgeBase actors, out bool error)
    {
        error = false;
        try
        {
            var set = WatchRuleSet.LoadDirectory(RulesDirectory(ctx));
            return set.Rules.IsEmpty ? null : WatchEvaluator.Create(set, actors);
        }
        catch (WatchRuleException ex)
        {
            ctx.Fail($"{ex.Message} (rules are read from {RulesDirectory(ctx)}; check a file with `parallax rules check <file>`)");
            error = true;
            return null;
        }
    }

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var json = new Option<bool>("--json") { Description = "Write the alerts as a JSON array, with all their evidence." };
        var rule = new Option<string?>("--rule") { Description = "Only this rule's alerts." };
        var article = new Option<string?>("--article") { Description = "Only alerts on this article (id or unique prefix of at least 4 characters)." };
        var limit = new Option<int>("--limit") { Description = "At most this many alerts, oldest first.", DefaultValueFactory = _ => int.MaxValue };
        var recheck = new Option<bool>("--recheck")
        {
            Description = "First check the data directory's current rules against every stored article (after adding or changing rules); alerts already stored are kept once.",
        };
        var command = new Command("alerts", "List the alerts raised by the watch rules in <data-dir>/rules, oldest first.");
        command.Options.Add(json);
        command.Options.Add(rule);
        command.Options.Add(article);
        command.Options.Add(limit);
        command.Options.Add(recheck);
        command.SetAction(async (r, ct) =>
        {
            var ctx = context(r);
            await using var store = await ctx.OpenStoreAsync(ct).ConfigureAwait(false);
            if (r.GetValue(recheck))
            {
                var actors = ActorKnowledgeBase.Load(ActorKnowledgeBase.UserFilesIn(ctx.DataDirectory));
                var watch = LoadWatch(ctx, actors, out bool broken);
                if (broken) return ExitCodes.Failure;
                if (watch is null)
                {
                    ctx.Fail($"no rules in {RulesDirectory(ctx)}; copy examples/rules there or write your own (docs/watch-rules.md).");
                    return ExitCodes.NotFound;
                }
                int added = 0, articles = 0;
                var now = TimeProvider.System.GetUtcNow();
                await foreach (var (_, a) in store.ReadArticlesAsync(0, ct).ConfigureAwait(false))
                {
                    articles++;
                    var alerts = watch.Evaluate(a.Document, now);
                    if (!alerts.IsEmpty) added += await store.SaveAlertsAsync(alerts, ct).ConfigureAwait(false);
                }
                ctx.Error.WriteLine($"parallax: checked {articles.ToString(CultureInfo.InvariantCulture)} articles against {watch.Rules.Rules.Length.ToString(CultureInfo.InvariantCulture)} rules; {added.ToString(CultureInfo.InvariantCulture)} new alerts.");
            }
            string? articleId = r.GetValue(article);
            if (articleId is not null)
            {
                var found = await store.GetArticleAsync(articleId, ct).ConfigureAwait(false);
                if (found is null)
                {
                    ctx.Fail($"no article {articleId} (or the prefix is ambiguous) in {store.Location}.");
                    return ExitCodes.NotFound;
                }
                articleId = found.Id;
            }
            var list = await store.ListAlertsAsync(new AlertQuery(r.GetValue(rule), articleId, Math.Max(0, r.GetValue(limit))), ct).ConfigureAwait(false);
            if (r.GetValue(json))
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(list, new JsonSerializerOptions(DocumentJson.Options) { WriteIndented = true }));
                return ExitCodes.Success;
            }
            var table = new Table().AddColumns("raised", "rule", "article", "event", "type", "place", "km", "sentence");
            foreach (var a in list)
            {
                table.AddRow(
                    a.RaisedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    Markup.Escape(a.RuleId),
                    Markup.Escape(a.ArticleId[..Math.Min(12, a.ArticleId.Length)]),
                    Markup.Escape(a.EventId),
                    Markup.Escape(a.PloverType),
                    Markup.Escape(a.PlaceName ?? "-"),
                    a.DistanceKm is { } d ? d.ToString("0.0", CultureInfo.InvariantCulture) : "-",
                    Markup.Escape(Shorten(a.SentenceText, 90)));
            }
            ctx.Console.Write(table);
            if (list.Count == 0)
            {
                ctx.Error.WriteLine(Directory.Exists(RulesDirectory(ctx))
                    ? $"parallax: no alerts in {store.Location}."
                    : $"parallax: no alerts in {store.Location}; rules are read from {RulesDirectory(ctx)}, which does not exist (see docs/watch-rules.md).");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateRules(Func<ParseResult, CliContext> context)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Rule files to validate together (zones of one may be used by another).",
            Arity = ArgumentArity.OneOrMore,
        };
        var check = new Command("check", "Validate rule files: syntax, zone files, actors and affiliations. Lists the zones and rules on success.");
        check.Arguments.Add(files);
        check.SetAction((r, _) =>
        {
            var ctx = context(r);
            var paths = r.GetValue(files)!;
            foreach (var p in paths)
            {
                if (!File.Exists(p))
                {
                    ctx.Fail($"PX{(int)WatchErrorCode.FileNotFound}: {p}: no such rule file.");
                    return Task.FromResult(ExitCodes.NotFound);
                }
            }
            try
            {
                var set = WatchRuleSet.Load(paths);
                var actors = ActorKnowledgeBase.Load(ActorKnowledgeBase.UserFilesIn(ctx.DataDirectory));
                WatchEvaluator.Create(set, actors);
                var zones = new Table().AddColumns("zone", "parts", "buffer km", "name");
                foreach (var z in set.Zones)
                {
                    var g = z.Geometry;
                    string parts = string.Join(", ", new[]
                    {
                        Count(g.Polygons.Length, "polygon"), Count(g.Lines.Length, "line"), Count(g.Points.Length, "point"),
                    }.Where(s => s.Length > 0));
                    zones.AddRow(Markup.Escape(z.Id), parts, z.BufferKm.ToString("0.##", CultureInfo.InvariantCulture), Markup.Escape(z.Name));
                }
                var rules = new Table().AddColumns("rule", "conditions", "title");
                foreach (var rule in set.Rules)
                    rules.AddRow(Markup.Escape(rule.Id), Markup.Escape(Conditions(rule)), Markup.Escape(rule.Title));
                ctx.Console.Write(zones);
                ctx.Console.Write(rules);
                ctx.Out.WriteLine($"ok: {set.Zones.Length.ToString(CultureInfo.InvariantCulture)} zones, {set.Rules.Length.ToString(CultureInfo.InvariantCulture)} rules in {paths.Length.ToString(CultureInfo.InvariantCulture)} file(s).");
                return Task.FromResult(ExitCodes.Success);
            }
            catch (WatchRuleException ex)
            {
                ctx.Fail(ex.Message);
                return Task.FromResult(ExitCodes.Failure);
            }
        });
        var command = new Command("rules", "Work with watch-rule files (docs/watch-rules.md).");
        command.Subcommands.Add(check);
        return command;
    }

    private static string Count(int n, string what) =>
        n == 0 ? "" : $"{n.ToString(CultureInfo.InvariantCulture)} {what}{(n == 1 ? "" : "s")}";

    private static string Conditions(WatchRule r)
    {
        var parts = new List<string>();
        foreach (var p in r.Spatial)
        {
            parts.Add(p.Kind == SpatialPredicateKind.Inside
                ? $"inside {string.Join("|", p.ZoneIds)}"
                : $"within {p.DistanceKm.ToString("0.##", CultureInfo.InvariantCulture)} km of {string.Join("|", p.ZoneIds)}");
        }
        if (!r.Actors.IsEmpty) parts.Add("actor " + string.Join("|", r.Actors));
        if (!r.Affiliations.IsEmpty) parts.Add("affiliation " + string.Join("|", r.Affiliations));
        if (!r.ActorTypes.IsEmpty) parts.Add("actor-type " + string.Join("|", r.ActorTypes));
        if (r.Role != ParticipantRole.Any) parts.Add("role " + r.Role.ToString().ToLowerInvariant());
        if (!r.EventTypes.IsEmpty) parts.Add("event-type " + string.Join("|", r.EventTypes));
        if (!r.Modalities.IsEmpty) parts.Add("modality " + string.Join("|", r.Modalities.Select(m => m.ToString().ToLowerInvariant())));
        if (r.From is { } f) parts.Add("from " + f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (r.To is { } t) parts.Add("to " + t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return string.Join("; ", parts);
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : string.Concat(s.AsSpan(0, max - 1), "…");
}
