using System.Globalization;
using Parallax.Core.Articles;
using System.Text.RegularExpressions;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Entities;
using Parallax.Nlp.Linking;
using Parallax.Nlp.Ner;

namespace Parallax.Reporting.Sections;

/// <summary>
/// The actors of the story: one row per identity (a knowledge-base actor, or an unknown name's cluster key), with
/// its type, its mentions per outlet and the spellings each outlet used. Articles without the mentions layer are skipped.
/// The people named in bylines and credit lines (which cleaning moved into metadata) count too, spelled "(byline)".
/// </summary>
internal sealed partial class ActorsSection : IReportSection
{
    private static readonly string[] Header = ["Actor", "Type", "Mentions", "Outlets: mentions and spellings"];

    private readonly ActorKnowledgeBase _kb;

    public ActorsSection(ActorKnowledgeBase knowledgeBase) => _kb = knowledgeBase;

    public string Id => "actors";

    public string Title => "Actors";

    public int Order => 350;

    public string Stylesheet => string.Empty;

    public void RenderMarkdown(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rows = Rows(context);
        if (rows.Count == 0) writer.Write("No named actors were found (or the entity stage did not run).\n");
        else Table.Markdown(writer, Header, rows);
    }

    public void RenderHtml(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rows = Rows(context);
        if (rows.Count == 0) writer.Write("<p>No named actors were found (or the entity stage did not run).</p>\n");
        else Table.Html(writer, Header, rows);
    }

    /// <summary>The actors with their mentions, most mentioned first, ties by name (ordinal).</summary>
    internal IReadOnlyList<ActorSummary> Summaries(IEnumerable<ArticleRecord> articles)
    {
        var byIdentity = new Dictionary<string, ActorSummary>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            if (article.DuplicateOf is not null || !article.Document.TryGet(EntityLayers.Mentions, out var mentions)) continue;
            var text = ArticleFacts.CleanText(article);
            var outlet = article.Outlet ?? "unknown outlet";
            foreach (var m in mentions)
            {
                if (m.ClusterKey is null || m.Type == EntityType.Norp || m.Span.End > text.Length) continue;
                var identity = m.ClusterKey;
                if (!byIdentity.TryGetValue(identity, out var summary))
                {
                    var actor = m.ActorId is null ? null : _kb.Find(m.ActorId);
                    byIdentity[identity] = summary = new ActorSummary(identity, actor?.Name ?? m.Span.Of(text), actor?.Id, TypeLabel(m.Type));
                }

                summary.Add(outlet, m.Span.Of(text));
            }

            foreach (var name in BylineNames(article.Document.Metadata))
            {
                var actor = _kb.Match(name, typeHint: "Person").FirstOrDefault(a => a.Actor.Type == ActorType.Person && a.Confidence >= 0.8)?.Actor;
                var identity = actor is null ? EntityLinker.NameKey(EntityType.Person, name) : "actor:" + actor.Id;
                if (!byIdentity.TryGetValue(identity, out var summary))
                    byIdentity[identity] = summary = new ActorSummary(identity, actor?.Name ?? name, actor?.Id, TypeLabel(EntityType.Person));
                summary.Add(outlet, name + " (byline)");
            }
        }

        return [.. byIdentity.Values.OrderByDescending(s => s.Total).ThenBy(s => s.Name, StringComparer.Ordinal)];
    }

    private List<IReadOnlyList<Cell>> Rows(ReportContext context) =>
    [
        .. Summaries(context.View.Articles).Select(s => (IReadOnlyList<Cell>)
        [
            s.ActorId is null ? s.Name + " (not in the knowledge base)" : $"{s.Name} ({s.ActorId})",
            s.Type,
            s.Total.ToString(CultureInfo.InvariantCulture),
            string.Join("; ", s.ByOutlet.Select(o =>
                $"{o.Key}: {o.Value.Count.ToString(CultureInfo.InvariantCulture)} ({string.Join(", ", o.Value.Spellings.Select(p => $"“{p}”"))})")),
        ]),
    ];

    /// <summary>People named by the Author field ("A and B", "A, B") and by credit lines ("Additional reporting by A in Beirut").</summary>
    internal static IEnumerable<string> BylineNames(ArticleMetadata metadata)
    {
        var values = new List<string>();
        if (metadata.Value(MetadataField.Author) is { } author) values.Add(author);
        foreach (var credit in metadata.Candidates.Where(c => c.Field == MetadataField.Credit).Select(c => c.Value).Distinct(StringComparer.Ordinal))
        {
            var by = CreditBy().Match(credit);
            if (by.Success) values.Add(by.Groups["names"].Value);
        }
        foreach (var value in values)
            foreach (var part in NameSeparator().Split(value))
            {
                var name = part.Trim().TrimEnd('.');
                // A person's name: two to four capitalised words, no digits (not "Staff", "Reuters", "The Editors").
                if (PersonName().IsMatch(name)) yield return name;
            }
    }

    [GeneratedRegex(@"\bby\s+(?<names>.+?)(?:\s+in\s+\p{Lu}[\p{L}\- ]*)?\.?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CreditBy();

    [GeneratedRegex(@"\s*(?:,|\band\b|&)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex NameSeparator();

    [GeneratedRegex(@"^\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-.]*){1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex PersonName();

    private static string TypeLabel(EntityType type) => type switch
    {
        EntityType.Person => "person",
        EntityType.Organisation => "organisation",
        EntityType.Location => "place",
        EntityType.Norp => "group adjective",
        _ => "other",
    };

    /// <summary>One identity's mentions, counted per outlet with the distinct spellings in order of first use.</summary>
    internal sealed class ActorSummary(string identity, string name, string? actorId, string type)
    {
        public string Identity { get; } = identity;

        public string Name { get; } = name;

        public string? ActorId { get; } = actorId;

        public string Type { get; } = type;

        public int Total { get; private set; }

        public SortedDictionary<string, (int Count, List<string> Spellings)> ByOutlet { get; } = new(StringComparer.Ordinal);

        public void Add(string outlet, string spelling)
        {
            Total++;
            var (count, spellings) = ByOutlet.GetValueOrDefault(outlet, (0, []));
            if (!spellings.Contains(spelling, StringComparer.Ordinal)) spellings.Add(spelling);
            ByOutlet[outlet] = (count + 1, spellings);
        }
    }
}
