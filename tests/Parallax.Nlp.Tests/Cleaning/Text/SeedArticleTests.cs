using System.Text.RegularExpressions;
using Parallax.Nlp.Cleaning;
using Parallax.Nlp.Cleaning.Text;
using Parallax.Nlp.Documents;
using Parallax.Testing;

namespace Parallax.Nlp.Tests.Cleaning.Text;

/// <summary>
/// Specs over the five shared seed articles (read from ../shared/seeds at run time, never copied here).
/// The checks quote only short phrases needed to find a line.
/// </summary>
public sealed partial class SeedArticleTests
{
    private static readonly ScrapedTextCleaner Cleaner = new();

    private static (string Raw, CleaningResult Result) Seed(string prefix)
    {
        var dir = SharedData.PathOf("seeds")!;
        var file = Directory.GetFiles(dir, prefix + "*.txt").Single();
        var raw = File.ReadAllText(file);
        return (raw, Cleaner.Clean(raw));
    }

    public static TheoryData<string> Seeds => new() { "000_", "001_", "002_", "003_", "004_" };

    [SharedTheory("seeds")]
    [MemberData(nameof(Seeds))]
    public void Clean_Seed_HoldsInvariants(string prefix)
    {
        // Given / When
        var (raw, result) = Seed(prefix);

        // Then
        CleaningAssert.Invariants(raw, result);
    }

    [SharedTheory("seeds")]
    [MemberData(nameof(Seeds))]
    public void Clean_Seed_EveryBodySentenceSurvives(string prefix)
    {
        // Given the seed's prose: every sentence of five or more words from lines that read as paragraphs
        // (the first line is left out: when it is a headline it becomes metadata)
        var (raw, result) = Seed(prefix);
        var clean = CleaningAssert.Fold(result.Clean.Text);
        var sentences = raw.Split('\n')
            .Select(CleaningAssert.Fold)
            .Where(l => l.Length > 0)
            .Skip(1)
            .Where(l => l.Split(' ').Length >= 15 && !l.StartsWith('(') && !l.StartsWith("??", StringComparison.Ordinal) && !l.EndsWith(':'))
            .SelectMany(l => SentenceEnd().Split(l))
            .Where(s => s.Split(' ').Length >= 5 && !s.Contains("click here", StringComparison.OrdinalIgnoreCase));

        // When / Then each is in the clean text
        foreach (var sentence in sentences) Assert.Contains(sentence, clean, StringComparison.Ordinal);
    }

    [SharedTheory("seeds")]
    [MemberData(nameof(Seeds))]
    public void Clean_Seed_ListedNoiseIsGone(string prefix)
    {
        // Given the kinds of noise the seeds carry
        string[] noise =
        [
            "Thank you for signing up", "newsletters we think", "Something went wrong", "try again later",
            "already registered", "Leave a Reply", "Required fields are marked", "No comments:", "Post a Comment",
            "Click Here:", "| Analysis", "Read More", "Credit:", "??", "Sellem/", "Newspapers in English",
            "Newspapers from", "click here to subscribe", "By ANNA", "Additional reporting by", "/July 05/18",
        ];

        // When
        var (_, result) = Seed(prefix);

        // Then none is left, and no line of the clean text is a lone number or a bare UI word
        foreach (var n in noise) Assert.DoesNotContain(n, result.Clean.Text, StringComparison.Ordinal);
        foreach (var p in result.Clean.Paragraphs.Select(s => s.Of(result.Clean.Text)))
        {
            Assert.False(p.All(c => char.IsDigit(c) || c == ','), $"lone number left: {p}");
            Assert.False(p is "Close" or "Click here" or "Thank you,", $"UI word left: {p}");
        }
    }

    [SharedFact("seeds")]
    public void Clean_RussianAgencySeed_TitleAndModestOutlet()
    {
        // Given / When
        var (_, result) = Seed("000_");

        // Then the headline is the title; "As reported by" gives a modest outlet
        Assert.StartsWith("US and Israel break", CleaningAssert.Single(result, MetadataField.Title).Value, StringComparison.Ordinal);
        var outlet = CleaningAssert.Single(result, MetadataField.Outlet);
        Assert.Equal("EADaily", outlet.Value);
        Assert.InRange(outlet.Confidence, 0.3, 0.5);
        Assert.Contains("As reported by EADaily", result.Clean.Text, StringComparison.Ordinal);
    }

    [SharedFact("seeds")]
    public void Clean_LineBrokenSeed_FormsTeasersAndCommentsRemoved()
    {
        // Given / When
        var (_, result) = Seed("001_");

        // Then
        Assert.StartsWith("A Syrian war monitor", result.Clean.Text, StringComparison.Ordinal);
        Assert.Contains("Lavrov said on Monday", result.Clean.Text, StringComparison.Ordinal);
        Assert.Equal(RemovalReason.SignUpPrompt, CleaningAssert.RemovedWith(result, "Thank you for signing up").Reason);
        Assert.Contains("Close", CleaningAssert.RemovedWith(result, "Thank you for signing up").Text, StringComparison.Ordinal);
        Assert.Equal(RemovalReason.RelatedContent, CleaningAssert.RemovedWith(result, "| Analysis").Reason);
        Assert.Equal(RemovalReason.RelatedContent, CleaningAssert.RemovedWith(result, "Read More").Reason);
        Assert.Equal(RemovalReason.CommentSection, CleaningAssert.RemovedWith(result, "Post a Comment").Reason);
        var outlet = CleaningAssert.Single(result, MetadataField.Outlet);
        Assert.Equal("Haaretz", outlet.Value);
        Assert.True(outlet.Confidence < 0.3, "a 'NAME reported' cue is ambiguous");
        Assert.DoesNotContain(result.Metadata, c => c.Field == MetadataField.Title);
    }

    [SharedFact("seeds")]
    public void Clean_TelegraphSeed_CaptionsSpamCommentsCreditAndOutlet()
    {
        // Given / When
        var (_, result) = Seed("002_");

        // Then
        Assert.Equal(3, result.Clean.Removed.Count(b => b.Reason == RemovalReason.PhotoCaption));
        Assert.Equal(RemovalReason.Spam, CleaningAssert.RemovedWith(result, "Click Here:").Reason);
        Assert.Equal(RemovalReason.CommentSection, CleaningAssert.RemovedWith(result, "Leave a Reply").Reason);
        Assert.StartsWith("Additional reporting by", CleaningAssert.Single(result, MetadataField.Credit).Value, StringComparison.Ordinal);
        Assert.Equal("The Telegraph", CleaningAssert.Single(result, MetadataField.Outlet).Value);
        Assert.StartsWith("Russia and Israel", CleaningAssert.Single(result, MetadataField.Title).Value, StringComparison.Ordinal);
        Assert.Contains("told The Telegraph there was no set deadline", result.Clean.Text, StringComparison.Ordinal);
    }

    [SharedFact("seeds")]
    public void Clean_JerusalemPostSeed_HeaderBecomesMetadataAndSentenceRejoined()
    {
        // Given / When
        var (raw, result) = Seed("003_");

        // Then
        var author = CleaningAssert.Single(result, MetadataField.Author);
        Assert.Equal("Anna Ahronheim", author.Value);
        Assert.Contains("By ANNA AHRONHEIM", author.RawSpan!.Value.Of(raw), StringComparison.Ordinal);
        Assert.Equal("The Jerusalem Post", CleaningAssert.Single(result, MetadataField.Outlet).Value);
        Assert.StartsWith("Head of Russia", CleaningAssert.Single(result, MetadataField.Title).Value, StringComparison.Ordinal);
        Assert.StartsWith("PM speaks with Putin", CleaningAssert.Single(result, MetadataField.Subtitle).Value, StringComparison.Ordinal);
        Assert.Contains("Tamir Heyman flew to Moscow", result.Clean.Text, StringComparison.Ordinal);
        Assert.StartsWith("Russia", result.Clean.Text, StringComparison.Ordinal);
        Assert.Equal(2, result.Clean.Removed.Count(b => b.Reason == RemovalReason.PhotoCaption));
        Assert.Equal(2, result.Clean.Removed.Count(b => b.Reason == RemovalReason.SyndicationBoilerplate));
    }

    [SharedFact("seeds")]
    public void Clean_DebkaSeed_OutletDateTitleTranslationAndPrompt()
    {
        // Given / When
        var (_, result) = Seed("004_");

        // Then the date line gives outlet and date, the title loses its outlet prefix
        var outlet = CleaningAssert.Single(result, MetadataField.Outlet);
        Assert.Equal("DEBKAfile", outlet.Value);
        Assert.True(outlet.Confidence >= 0.85);
        Assert.Equal("2018-07-05", CleaningAssert.Single(result, MetadataField.Published).Value);
        var title = CleaningAssert.Single(result, MetadataField.Title).Value;
        Assert.StartsWith("Russia resumes Daraa", title, StringComparison.Ordinal);

        // And the Arabic translation of the headline stays once, as the first paragraph
        var first = result.Clean.Paragraphs[0].Of(result.Clean.Text);
        Assert.True(first.All(c => !char.IsLetter(c) || c >= '\u0600'), "first paragraph is the Arabic line");
        Assert.Equal(1, CountOf(result.Clean.Text, first));

        // And the headline repeat, the counter and the inline prompt are removed with their reasons
        Assert.Equal(2, result.Clean.Removed.Count(b => b.Reason == RemovalReason.Repeated));
        Assert.Single(result.Clean.Removed, b => b.Reason == RemovalReason.Counter);
        Assert.Equal(RemovalReason.Subscription, CleaningAssert.RemovedWith(result, "click here to subscribe").Reason);
        Assert.Contains("DEBKAfile reports:", result.Clean.Text, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        int n = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    [GeneratedRegex(@"(?<=[.!?][”""’]?)\s+(?=[“""‘(\p{Lu}])")]
    private static partial Regex SentenceEnd();
}
