using System.Collections.Immutable;
using System.Globalization;
using Parallax.Core.Articles;
using Parallax.Nlp.Entities;

namespace Parallax.Core.Analysis;

/// <summary>
/// The cross-document analysis of one story: merges its articles' events into story events with every supporting report,
/// aligns claims and judges them, compares each article's framing, draws the actor network and writes a short summary
/// whose every sentence cites the article sentences it rests on.
/// </summary>
/// <remarks>
/// A pure function of the articles given (in the order given) and the lexicons: the same input gives the same output.
/// Immutable and thread-safe; one instance serves many stories. Articles lacking the event, quote, quantity or sentence
/// layers contribute what they have. Cost is about quadratic in the events of one PLOVER type and in the distances of a
/// story, linear in everything else.
/// </remarks>
public sealed class StoryAnalyzer
{
    private readonly ActorKeys _keys;
    private readonly FramingLexicon _lexicon;
    private readonly StoryAnalysisOptions _options;

    /// <summary>Creates an analyzer. Null arguments take the shipped knowledge base, lexicons and default options.</summary>
    public StoryAnalyzer(ActorKnowledgeBase? knowledgeBase = null, FramingLexicon? lexicon = null, StoryAnalysisOptions? options = null)
    {
        _keys = new ActorKeys(knowledgeBase ?? ActorKnowledgeBase.LoadDefault());
        _lexicon = lexicon ?? FramingLexicon.Default;
        _options = options ?? StoryAnalysisOptions.Default;
    }

    /// <summary>Analyses a story view, leaving out articles that duplicate another (<see cref="ArticleRecord.DuplicateOf"/>).</summary>
    public StoryAnalysis Analyze(StoryView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Analyze(view.Articles.Where(a => a.DuplicateOf is null).Select(StoryArticle.From));
    }

    /// <summary>Analyses the given articles as one story; article ids must be distinct (later repeats are ignored).</summary>
    public StoryAnalysis Analyze(IEnumerable<StoryArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = articles.Where(a => seen.Add(a.ArticleId)).ToList();
        if (list.Count == 0) return StoryAnalysis.Empty;

        var events = new EventMerger(_keys, _options).Merge(list);
        var claims = new ClaimAligner(_keys, _lexicon, _options).Align(list);
        var framingAnalyzer = new FramingAnalyzer(_lexicon);
        var framing = list.Select(framingAnalyzer.Analyze).ToImmutableArray();
        var network = Network(events);
        var summary = Summarise(events, claims);
        return new StoryAnalysis([.. list.Select(a => a.ArticleId)], events, claims, framing, network, summary);
    }

    private static readonly HashSet<string> SymmetricTypes = new(StringComparer.Ordinal) { "CONSULT", "AGREE", "COOPERATE" };

    internal static ActorNetwork Network(ImmutableArray<StoryEvent> events)
    {
        var edges = new Dictionary<(string, string, string), (StoryActor S, StoryActor T, List<string> Ids, int Reports)>();
        foreach (var e in events)
        {
            if (e.Actor is not { } s || e.Target is not { } t || string.Equals(s.Key, t.Key, StringComparison.Ordinal)) continue;
            if (SymmetricTypes.Contains(e.PloverType) && string.CompareOrdinal(s.Key, t.Key) > 0) (s, t) = (t, s);
            var key = (s.Key, t.Key, e.PloverType);
            if (!edges.TryGetValue(key, out var edge)) edge = (s, t, [], 0);
            edge.Ids.Add(e.Id);
            edges[key] = (edge.S, edge.T, edge.Ids, edge.Reports + e.Reports.Length);
        }
        var list = edges.Values
            .Select(e => new NetworkEdge(e.S, e.T, e.Ids.Count == 0 ? string.Empty : events.First(x => x.Id == e.Ids[0]).PloverType, [.. e.Ids], e.Reports))
            .OrderByDescending(e => e.Reports).ThenBy(e => e.Source.Key, StringComparer.Ordinal).ThenBy(e => e.Target.Key, StringComparer.Ordinal).ThenBy(e => e.PloverType, StringComparer.Ordinal)
            .ToImmutableArray();
        var actors = list.SelectMany(e => new[] { e.Source, e.Target })
            .GroupBy(a => a.Key, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToImmutableArray();
        return new ActorNetwork(actors, list);
    }

    /// <summary>
    /// Templated sentences: the most reported events (with how many outlets report them), then each disagreement (its two
    /// sides with who holds them). Each sentence cites the report sentences it is built from.
    /// </summary>
    private ImmutableArray<SummarySentence> Summarise(ImmutableArray<StoryEvent> events, ImmutableArray<ClaimSlot> claims)
    {
        var result = ImmutableArray.CreateBuilder<SummarySentence>();
        int budget = _options.SummarySentences;
        var disagreements = claims.Where(c => c.Verdict is ClaimVerdict.Contradiction or ClaimVerdict.Discrepancy).ToList();
        int eventBudget = Math.Max(1, budget - Math.Min(disagreements.Count, budget / 2));
        foreach (var e in events.Where(e => e.Outlets.Length >= 2 && e.Actor is not null).OrderByDescending(e => e.Outlets.Length).ThenByDescending(e => e.Reports.Length).Take(eventBudget))
        {
            var who = e.Target is null ? e.Actor!.Name : e.Actor!.Name + " and " + e.Target.Name;
            var where = e.Place is null ? string.Empty : " in " + e.Place;
            var when = e.Happened is null ? string.Empty : " on " + e.Happened;
            var mode = e.PloverMode is null ? string.Empty : " (" + e.PloverMode + ")";
            var text = $"{who}: {e.PloverType}{mode}{where}{when}, reported by {Plural(e.Outlets.Length, "outlet")} in {Plural(e.Reports.Length, "mention")} (" +
                       string.Join("; ", e.Reports.GroupBy(r => r.Source.Outlet, StringComparer.Ordinal)
                           .Select(g => g.Key + ": " + string.Join(", ", g.Select(r => "“" + r.Predicate + "”").Distinct(StringComparer.Ordinal)))) + ").";
            result.Add(new SummarySentence(text, [.. e.Reports.Select(r => r.Source).DistinctBy(r => (r.ArticleId, r.Sentence))]));
        }
        foreach (var c in disagreements)
        {
            if (result.Count >= budget) break;
            string text;
            if (c.Kind == ClaimKind.Quantity)
            {
                text = $"Outlets give different figures for the {c.Label}: " +
                       string.Join("; ", c.Values.Select(v => ClaimAligner.Show(v) + " (" + v.Source.Outlet + (v.AttributedTo is null ? string.Empty : ", citing " + v.AttributedTo) + ")")) + ".";
            }
            else
            {
                var sides = c.Values.GroupBy(v => v.Polarity).OrderBy(g => g.Key)
                    .Select(g => PolarityWord(g.Key) + " by " + string.Join(", ", g.Select(v => v.AttributedTo is null ? v.Source.Outlet : v.AttributedTo + " (" + v.Source.Outlet + ")").Distinct(StringComparer.Ordinal)));
                text = $"Whether {c.Label} is contested: {string.Join("; ", sides)}.";
            }
            result.Add(new SummarySentence(text, [.. c.Values.Select(v => v.Source).DistinctBy(r => (r.ArticleId, r.Sentence))]));
        }
        return result.ToImmutable();
    }

    private static string PolarityWord(ClaimPolarity? p) => p switch
    {
        ClaimPolarity.Asserted => "stated",
        ClaimPolarity.Reported => "reported",
        ClaimPolarity.Expected => "expected",
        ClaimPolarity.Hypothetical => "raised as a possibility",
        ClaimPolarity.Denied => "denied or ruled out",
        ClaimPolarity.Negated => "negated",
        _ => "given",
    };

    private static string Plural(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? noun : noun + "s");
}
