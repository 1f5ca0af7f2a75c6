using Parallax.Nlp.Documents;
using Parallax.Nlp.Pipeline;
using Parallax.Nlp.Quotes;
using Parallax.Testing;
using Xunit.Abstractions;

namespace Parallax.Nlp.Tests.Quotes;

/// <summary>
/// The quote stage in the default pipeline on the five shared seed articles (read from ../shared/seeds at run time,
/// never copied). The gold below names each direct quote by a few of its words and gives its speaker.
/// </summary>
public sealed class SeedQuoteTests(ITestOutputHelper output)
{
    private static readonly Lazy<List<(string Seed, Document Doc)>> Seeds = new(() =>
    {
        var pipeline = DefaultPipeline.Create();
        var result = new List<(string, Document)>();
        foreach (var file in Directory.GetFiles(SharedData.PathOf("seeds")!, "*.txt").Order(StringComparer.Ordinal))
        {
            var doc = new Document(new DocumentSource(file, ContentKind.PlainText, File.ReadAllText(file), []));
            pipeline.Process(doc, CancellationToken.None);
            result.Add((Path.GetFileName(file)[..3], doc));
        }

        return result;
    });

    // Seed, words inside the quote, and its speaker: an actor id, a cluster key, or the kind of unnamed source.
    private static readonly (string Seed, string Words, string Speaker)[] Gold =
    [
        ("000", "After that", "person:bashar-al-assad"),
        ("000", "two options", "person:bashar-al-assad"),
        ("000", "American interference", "person:bashar-al-assad"),
        ("000", "putting pressure", "person:bashar-al-assad"),
        ("000", "appropriate measures", "gov:us-dos"),
        ("000", "is grateful", "person:avigdor-lieberman"),
        ("000", "open line", "person:avigdor-lieberman"),
        ("000", "main agenda", "person:avigdor-lieberman"),
        ("000", "expansion of Iran", "person:avigdor-lieberman"),
        ("001", "untrue", "anonymous"),
        ("001", "some aspects", "gov:ru-presidency"),
        ("001", "appreciates", "person:avigdor-lieberman"),
        ("001", "continue our dialogue", "person:avigdor-lieberman"),
        ("001", "no room", "person:benjamin-netanyahu"),
        ("002", "wage all the battles", "anonymous"),
        ("002", "are coming", "force:saa"),
        ("002", "But of course", "per:elia saman"),
        ("002", "Currently all efforts", "per:elia saman"),
        ("003", "opportunity to reach", "person:bashar-al-assad"),
        ("003", "you probably think", "person:tamir-heyman"),
        ("003", "risk broadening", "person:heather-nauert"),
        ("003", "firm and appropriate", "person:heather-nauert"),
        ("003", "duly responsible", "person:heather-nauert"),
        ("003", "We request", "person:heather-nauert"),
        ("004", "key powers", "person:sergey-lavrov"),
    ];

    private static bool Matches(Speaker? speaker, string gold) => gold switch
    {
        "anonymous" => speaker?.Kind == SourceKind.Anonymous,
        "collective" => speaker?.Kind == SourceKind.Collective,
        "self" => speaker?.Kind == SourceKind.SelfReferential,
        _ when gold.Contains(':', StringComparison.Ordinal) && !gold.StartsWith("per:", StringComparison.Ordinal) => speaker?.ActorId == gold,
        _ => speaker?.ClusterKey == gold,
    };

    [SharedFact("seeds")]
    public void QuoteStage_Seeds_EveryDirectQuoteHasItsSpeaker()
    {
        // Given the gold speakers of the direct quotes / When the default pipeline runs on the seeds
        var seeds = Seeds.Value;
        int correct = 0, found = 0;
        var wrong = new List<string>();
        foreach (var (seed, words, gold) in Gold)
        {
            var doc = seeds.Single(s => s.Seed == seed).Doc;
            var quote = doc.Get(QuoteLayers.Quotes).FirstOrDefault(q => q.Kind == QuoteKind.Direct && q.Parts.Any(p => p.Of(doc.Text).Contains(words, StringComparison.Ordinal)));
            if (quote is null)
            {
                wrong.Add($"{seed} '{words}': no direct quote");
                continue;
            }

            found++;
            if (Matches(quote.Speaker, gold)) correct++;
            else wrong.Add($"{seed} '{words}': {quote.Speaker?.Kind} {quote.Speaker?.ActorId ?? quote.Speaker?.ClusterKey ?? "unattributed"} ({quote.Speaker?.Resolution}), gold {gold}");
        }

        // Then every quote piece is found with its speaker
        output.WriteLine($"gold quote pieces {Gold.Length}, found {found}, correct speaker {correct}");
        foreach (var w in wrong) output.WriteLine("  " + w);
        Assert.Empty(wrong);
    }

    [SharedFact("seeds")]
    public void QuoteStage_Seeds_NoDirectQuoteOutsideTheGold()
    {
        // Given / When
        var seeds = Seeds.Value;

        // Then every direct quote found holds at least one gold piece (names, titles and scare quotes are not quotes)
        var extra = new List<string>();
        int direct = 0;
        foreach (var (seed, doc) in seeds)
        {
            foreach (var q in doc.Get(QuoteLayers.Quotes).Where(q => q.Kind == QuoteKind.Direct))
            {
                direct++;
                if (!Gold.Any(g => g.Seed == seed && q.Parts.Any(p => p.Of(doc.Text).Contains(g.Words, StringComparison.Ordinal))))
                    extra.Add($"{seed} [{q.Content.Start},{q.Content.End})");
            }
        }

        output.WriteLine($"direct quotes found {direct}, outside the gold {extra.Count}");
        Assert.Empty(extra);
    }

    [SharedFact("seeds")]
    public void QuoteStage_Seeds_UnnamedSourcesMarked()
    {
        // Given / When
        var seeds = Seeds.Value;
        var all = seeds.SelectMany(s => s.Doc.Get(QuoteLayers.Quotes).Select(q => (s.Seed, s.Doc, q))).ToList();
        Speaker? SpeakerOf(string seed, string speakerWords) =>
            all.First(x => x.Seed == seed && x.q.Speaker?.Span is { } sp && sp.Of(x.Doc.Text).Contains(speakerWords, StringComparison.Ordinal)).q.Speaker;

        // Then anonymous, collective and self-referential sourcing is marked as such
        Assert.Equal(SourceKind.Anonymous, SpeakerOf("001", "Syria-based official")!.Kind);
        Assert.Equal(SourceKind.Collective, SpeakerOf("002", "Israeli sources")!.Kind);
        Assert.Equal(SourceKind.SelfReferential, SpeakerOf("004", "Our sources")!.Kind);
        Assert.Equal("media:debkafile", SpeakerOf("004", "Our sources")!.ActorId);
        Assert.Equal(SourceKind.SelfReferential, SpeakerOf("004", "military sources")!.Kind);
    }

    [SharedFact("seeds")]
    public void QuoteStage_Seeds_EverySpanInsideTheText()
    {
        // Given / When / Then
        foreach (var (_, doc) in Seeds.Value)
        {
            foreach (var q in doc.Get(QuoteLayers.Quotes))
            {
                Assert.All(q.Parts, p => Assert.True(p.End <= doc.Text.Length));
                Assert.All(q.Sentences, s => Assert.True(s.Overlaps(q.Content) || (q.Cue is { } c && s.Overlaps(c)) || (q.Speaker?.Span is { } sp && s.Overlaps(sp))));
            }
        }
    }
}
