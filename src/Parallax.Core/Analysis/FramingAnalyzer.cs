using System.Collections.Immutable;
using Parallax.Nlp.Quotes;
using Parallax.Nlp.Tokens;
using Parallax.Text;

namespace Parallax.Core.Analysis;

/// <summary>Per-article framing: labels and loaded verbs from the lexicon, hedge rate, unnamed-source share and who is quoted.</summary>
internal sealed class FramingAnalyzer(FramingLexicon lexicon)
{
    public ArticleFraming Analyze(StoryArticle article)
    {
        var text = article.Text;
        var sentences = article.Document.TryGet(TokenLayers.Sentences, out var s) && !s.IsDefaultOrEmpty ? s : [new TextSpan(0, text.Length)];
        int words = WordCount.Of(text);

        var labels = Uses(article, sentences, lexicon.FindLabels(text).Select(m => (m.Start, m.Term)));
        var verbs = Uses(article, sentences, lexicon.FindVerbs(text).Select(m => (m.Start, m.Term)));
        var hedgeMatches = lexicon.FindHedges(text).ToList();
        var hedges = Uses(article, sentences, hedgeMatches.Select(m => (m.Start, new LexiconTerm("hedge", m.Phrase, "hedge"))));

        var quotes = article.Document.TryGet(QuoteLayers.Quotes, out var q) ? q : [];
        int unnamed = quotes.Count(x => x.Speaker is null || x.Speaker.Kind != SourceKind.Named);
        var sources = quotes
            .Select(x => x.Speaker is null ? (Name: "unattributed", Kind: SourceKind.Anonymous) : (Name: SpeakerName(x.Speaker), x.Speaker.Kind))
            .GroupBy(x => (Key: Normalise(x.Name), x.Kind))
            .Select(g => new QuotedSource(g.First().Name, g.Key.Kind, g.Count()))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Name, StringComparer.Ordinal)
            .ToImmutableArray();

        return new ArticleFraming(
            article.ArticleId,
            article.OutletOrId,
            words,
            hedgeMatches.Count,
            words == 0 ? 0 : Math.Round(hedgeMatches.Count * 1000.0 / words, 2),
            quotes.Length,
            unnamed,
            quotes.Length == 0 ? 0 : Math.Round((double)unnamed / quotes.Length, 3),
            sources,
            labels,
            verbs,
            hedges);
    }

    /// <summary>The speaker's name: the resolved actor's when the resolution names one ("title → Avigdor Lieberman"), else the words.</summary>
    private static string SpeakerName(Speaker s)
    {
        int arrow = s.Resolution.LastIndexOf('→');
        return arrow >= 0 && s.Kind == SourceKind.Named ? s.Resolution[(arrow + 1)..].Trim() : s.Text;
    }

    private static string Normalise(string name) => FramingLexicon.Fold(name);

    private static ImmutableArray<FramingUse> Uses(StoryArticle article, ImmutableArray<TextSpan> sentences, IEnumerable<(int Start, LexiconTerm Term)> matches) =>
    [
        .. matches
            .GroupBy(m => (m.Term.Group, m.Term.Term))
            .Select(g => new FramingUse(
                g.Key.Group,
                g.Key.Term,
                g.First().Term.Connotation,
                g.Count(),
                [.. g.Select(m => SentenceAt(sentences, m.Start)).Distinct().Select(article.Ref)]))
            .OrderBy(u => u.Group, StringComparer.Ordinal).ThenByDescending(u => u.Count).ThenBy(u => u.Term, StringComparer.Ordinal),
    ];

    private static TextSpan SentenceAt(ImmutableArray<TextSpan> sentences, int offset)
    {
        foreach (var s in sentences)
            if (s.Start <= offset && offset < s.End) return s;
        return sentences.LastOrDefault(s => s.Start <= offset);
    }
}
