using Parallax.Core.Analysis;
using Parallax.Core.Articles;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Pipeline;
using Parallax.Testing;

namespace Parallax.Core.Tests.Analysis;

/// <summary>The story analysis on the five shared seed articles, run through the default pipeline (read from ../shared/seeds at
/// run time, never copied). These check the "must show" items.</summary>
public sealed class SeedStoryAnalysisTests
{
    private static readonly Lazy<(List<ArticleRecord> Articles, StoryAnalysis Analysis)> Seeds = new(() =>
    {
        var pipeline = DefaultPipeline.Create();
        var articles = Directory.GetFiles(SharedData.PathOf("seeds")!, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => pipeline.Process(new DocumentSource(Path.GetFileName(f), ContentKind.PlainText, File.ReadAllText(f), [])))
            .Select(d => new ArticleRecord(d, "s-seeds", null, 0, DateTimeOffset.UnixEpoch))
            .ToList();
        return (articles, new StoryAnalyzer().Analyze(articles.Select(StoryArticle.From)));
    });

    private static string Outlet(string sourceId) =>
        Seeds.Value.Articles.Single(a => a.Document.Source.SourceId.StartsWith(sourceId, StringComparison.Ordinal)).Outlet ?? "?";

    [SharedFact("seeds")]
    public void Analyze_Seeds_May31MoscowMeetingIsOneEventWithThreeReports()
    {
        // Given / When the five seeds analysed as one story
        var analysis = Seeds.Value.Analysis;

        // Then one CONSULT event between Lieberman and Shoigu in Moscow on 31 May 2018 is told by three articles
        var meetings = analysis.Events.Where(e => e.PloverType == "CONSULT"
            && new[] { e.Actor?.Key, e.Target?.Key }.Contains("actor:person:avigdor-lieberman")
            && new[] { e.Actor?.Key, e.Target?.Key }.Contains("actor:person:sergey-shoigu")
            && e.Place == "Moscow").ToList();
        var meeting = Assert.Single(meetings);
        Assert.Equal("2018-05-31", meeting.Happened);
        Assert.Equal(3, meeting.ArticleIds.Length);
        Assert.Equal(3, meeting.Outlets.Length);
        // and the Telegraph's phone call between the same two men, days before a deal, is not one of them
        Assert.DoesNotContain(meeting.Reports, r => r.Predicate.Contains("call", StringComparison.Ordinal));
    }

    [SharedFact("seeds")]
    public void Analyze_Seeds_BufferDistanceIsADiscrepancyWithEachSideCited()
    {
        // Given / When
        var analysis = Seeds.Value.Analysis;

        // Then one distance slot holds the 2017 arrangement (5–20 km), the reported deal (15 miles) and Israel's demand (60 km)
        var slot = Assert.Single(analysis.Claims, c => c.Kind == ClaimKind.Quantity && c.Values.Any(v => v.Low is >= 59 and <= 61 && v.High is null));
        Assert.Equal(ClaimVerdict.Discrepancy, slot.Verdict);
        Assert.Contains(slot.Values, v => v.Low == 5 && v.High == 20 && v.Unit == "km");
        Assert.Contains(slot.Values, v => v.Low is > 24.1 and < 24.2 && v.Text.Contains("15", StringComparison.Ordinal));
        Assert.True(slot.OutletCount >= 2);
        // each value cites its outlet and a sentence that contains its words
        Assert.All(slot.Values, v => Assert.Contains(v.Text, v.Source.Text, StringComparison.Ordinal));
        Assert.All(slot.Values, v => Assert.False(string.IsNullOrEmpty(v.Source.Outlet)));
        // and disagreements come before agreements
        Assert.True(analysis.Claims.IndexOf(slot) < analysis.Claims.ToList().FindIndex(c => c.Verdict == ClaimVerdict.Agreement));
    }

    [SharedFact("seeds")]
    public void Analyze_Seeds_IranianWithdrawalIsAContradictionReportedDeniedAndRuledOut()
    {
        // Given / When
        var analysis = Seeds.Value.Analysis;

        // Then the withdrawal of Iran's side is one contradicted slot
        var slot = Assert.Single(analysis.Claims, c => c.Kind == ClaimKind.Event && c.Key.StartsWith("RETREAT(withdraw)|country:ir", StringComparison.Ordinal));
        Assert.Equal(ClaimVerdict.Contradiction, slot.Verdict);
        var haaretz = Outlet("001");
        // reported by the war monitor
        Assert.Contains(slot.Values, v => v.Source.Outlet == haaretz && v.Polarity is ClaimPolarity.Reported or ClaimPolarity.Expected
            && v.Source.Text.Contains("war monitor", StringComparison.Ordinal));
        // denied by the axis official (anonymous)
        Assert.Contains(slot.Values, v => v.Source.Outlet == haaretz && v.Polarity == ClaimPolarity.Denied && v.Source.Text.Contains("denied", StringComparison.Ordinal));
        // ruled out by Syria's deputy foreign minister and by Lavrov, in two other outlets
        Assert.Contains(slot.Values, v => v.Source.Outlet == Outlet("002") && v.Polarity is ClaimPolarity.Denied or ClaimPolarity.Negated && v.Source.Text.Contains("Mekdad", StringComparison.Ordinal));
        Assert.Contains(slot.Values, v => v.Source.Outlet == Outlet("004") && v.Polarity is ClaimPolarity.Denied or ClaimPolarity.Negated && v.Source.Text.Contains("Lavrov", StringComparison.Ordinal));
        // and the summary states it, citing every side
        Assert.Contains(analysis.Summary, s => s.Text.Contains("RETREAT (withdraw) by Iran", StringComparison.Ordinal) && s.Cites.Length == slot.Values.Select(v => (v.Source.ArticleId, v.Source.Sentence)).Distinct().Count());
    }

    [SharedFact("seeds")]
    public void Analyze_Seeds_EachArticleFramesTheStoryDifferently()
    {
        // Given / When
        var framing = Seeds.Value.Analysis.Framing;

        // Then no two articles share the same labels, verbs and hedge rate
        Assert.Equal(5, framing.Length);
        var signatures = framing.Select(f => string.Join(";", f.Labels.Concat(f.Verbs).Select(u => u.Group + ":" + u.Term)) + "|" + f.HedgesPer1000Words.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(5, signatures.Distinct(StringComparer.Ordinal).Count());

        // and the armed opposition is "terrorists"/"illegal armed formations" in one article and "rebels" in another
        var eadaily = framing.Single(f => f.Outlet == Outlet("000"));
        var telegraph = framing.Single(f => f.Outlet == Outlet("002"));
        Assert.Contains(eadaily.Labels, l => l.Group == "armed opposition" && l.Connotation == "pejorative");
        Assert.Contains(eadaily.Labels, l => l.Term == "illegal armed formations");
        Assert.Contains(telegraph.Labels, l => l.Group == "armed opposition" && l.Term == "rebels");
        Assert.DoesNotContain(telegraph.Labels, l => l.Term == "illegal armed formations");
        // and hedges and unnamed sources are counted per article
        Assert.Contains(framing, f => f.UnnamedQuotes > 0);
        Assert.All(framing, f => Assert.True(f.Words > 0));
    }

    [SharedFact("seeds")]
    public void Analyze_Seeds_EveryCitationPointsIntoItsArticle()
    {
        // Given / When
        var (articles, analysis) = Seeds.Value;
        var texts = articles.ToDictionary(a => a.Id, a => a.Document.Text, StringComparer.Ordinal);
        var refs = analysis.Events.SelectMany(e => e.Reports.Select(r => r.Source))
            .Concat(analysis.Claims.SelectMany(c => c.Values.Select(v => v.Source)))
            .Concat(analysis.Summary.SelectMany(s => s.Cites))
            .Concat(analysis.Framing.SelectMany(f => f.Labels.Concat(f.Verbs).Concat(f.HedgeUses).SelectMany(u => u.Sentences)))
            .ToList();

        // Then every cited sentence lies in its article and reads as cited
        Assert.NotEmpty(refs);
        Assert.All(refs, r =>
        {
            var text = texts[r.ArticleId];
            Assert.InRange(r.Sentence.End, r.Sentence.Start, text.Length);
            Assert.Equal(r.Sentence.Of(text).Trim(), r.Text);
        });
        Assert.True(analysis.Summary.Length >= 3);
        Assert.All(analysis.Summary, s => Assert.NotEmpty(s.Cites));
    }

    [SharedFact("seeds")]
    public void Analyze_Seeds_NoContradictionWithoutTwoVoices()
    {
        // Given / When
        var analysis = Seeds.Value.Analysis;

        // Then every contradiction sets a report against a denial or a negation from another voice, and no slot about a
        // request is contradicted by a sentence that only says the request was not complied with
        foreach (var slot in analysis.Claims.Where(c => c.Verdict == ClaimVerdict.Contradiction))
        {
            var positive = slot.Values.Where(v => v.Polarity is ClaimPolarity.Asserted or ClaimPolarity.Reported or ClaimPolarity.Expected).ToList();
            var negative = slot.Values.Where(v => v.Polarity is ClaimPolarity.Denied or ClaimPolarity.Negated).ToList();
            Assert.Contains(positive, p => negative.Exists(n => n.Polarity == ClaimPolarity.Denied
                || n.Source.ArticleId != p.Source.ArticleId || n.AttributedTo != p.AttributedTo));
        }

        Assert.DoesNotContain(analysis.Claims, c => c.Verdict == ClaimVerdict.Contradiction && c.Label.StartsWith("REQUEST", StringComparison.Ordinal));
    }
}
