using System.Text.RegularExpressions;
using Parallax.Nlp.Cleaning;
using Parallax.Nlp.Cleaning.Text;
using Parallax.Nlp.Documents;
using Parallax.Testing;

namespace Parallax.Nlp.Tests.Cleaning.Text;

/// <summary>Specs over the repository's own samples/ articles: they clean sensibly and carry the cues they were written with.</summary>
public sealed partial class SampleArticleTests
{
    private static readonly ScrapedTextCleaner Cleaner = new();

    private static string SamplesDir => Path.Combine(SharedData.RepoRoot ?? throw new InvalidOperationException("repository root not found"), "samples");

    private static (string Raw, CleaningResult Result) Sample(string prefix)
    {
        var raw = File.ReadAllText(Directory.GetFiles(SamplesDir, prefix + "*.txt").Single());
        return (raw, Cleaner.Clean(raw));
    }

    public static TheoryData<string> TextSamples => new() { "01-", "02-", "03-", "04-", "05-", "06-", "07-" };

    [Theory]
    [MemberData(nameof(TextSamples))]
    public void Clean_Sample_KeepsItsProseAndDropsItsNoise(string prefix)
    {
        // Given / When
        var (raw, result) = Sample(prefix);

        // Then
        CleaningAssert.Invariants(raw, result);
        Assert.InRange(Words(result.Clean.Text), 200, 600);
        string[] noise =
        [
            "??", "Newspapers in", "click here", "Click Here", "signing up", "newsletter", "Something went wrong",
            "Leave a Reply", "Required fields", "Post a Comment", "Read more", "Read More", "Credit:", "| Analysis",
            "originally appeared", "views", "Older Post", "Reporting by", "By HELENA", "/March 11/25", "Posted on",
        ];
        foreach (var n in noise) Assert.DoesNotContain(n, result.Clean.Text, StringComparison.Ordinal);
        Assert.All(result.Clean.Paragraphs, p => Assert.True(Words(p.Of(result.Clean.Text)) >= 8, $"short paragraph left: {p.Of(result.Clean.Text)}"));
    }

    [Fact]
    public void Samples_ArticleLengths_AreWithinTheWrittenRange()
    {
        // Given every sample article, HTML reduced to its article text
        foreach (var file in Directory.GetFiles(SamplesDir).Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            if (file.EndsWith(".html", StringComparison.Ordinal)) text = Tag().Replace(ArticleElement().Match(text).Value, " ");

            // When / Then
            Assert.InRange(Words(text), 250, 600);
        }
        Assert.True(File.Exists(Path.Combine(SamplesDir, "..", "docs", "samples.md")));
    }

    [Fact]
    public void Clean_MastheadSample_GivesOutletAuthorTitle()
    {
        // Given / When
        var (_, result) = Sample("01-");

        // Then
        Assert.Equal("The Meridian Post", CleaningAssert.Single(result, MetadataField.Outlet).Value);
        Assert.Equal("Helena Voss-Adeyemi", CleaningAssert.Single(result, MetadataField.Author).Value);
        Assert.StartsWith("Talks on Dariv", CleaningAssert.Single(result, MetadataField.Title).Value, StringComparison.Ordinal);
        Assert.Equal(2, result.Clean.Removed.Count(b => b.Reason == RemovalReason.PhotoCaption));
    }

    [Fact]
    public void Clean_OutletDateSample_GivesOutletDateAndKeepsTranslation()
    {
        // Given / When
        var (_, result) = Sample("02-");

        // Then
        Assert.Equal("Nordwire", CleaningAssert.Single(result, MetadataField.Outlet).Value);
        Assert.Equal("2025-03-11", CleaningAssert.Single(result, MetadataField.Published).Value);
        Assert.StartsWith("Dariv drone strike", CleaningAssert.Single(result, MetadataField.Title).Value, StringComparison.Ordinal);
        Assert.StartsWith("Удар дрона", result.Clean.Text, StringComparison.Ordinal);
        Assert.Equal(RemovalReason.Subscription, CleaningAssert.RemovedWith(result, "click here to subscribe").Reason);
    }

    [Fact]
    public void Clean_WireSampleAndItsRepost_ShareAlmostAllParagraphs()
    {
        // Given the wire story and its syndicated copy
        var (_, wire) = Sample("03-");
        var (_, repost) = Sample("04-");

        // When their clean paragraphs are compared
        var a = wire.Clean.Paragraphs.Select(p => p.Of(wire.Clean.Text)).ToHashSet(StringComparer.Ordinal);
        var b = repost.Clean.Paragraphs.Select(p => p.Of(repost.Clean.Text)).ToList();

        // Then most paragraphs are identical and a few differ by small edits
        Assert.Equal(a.Count, b.Count);
        Assert.InRange(b.Count(a.Contains), b.Count - 3, b.Count - 1);
        Assert.Equal("Vienna", CleaningAssert.Single(wire, MetadataField.Dateline).Value);
        Assert.Equal("Eastline", CleaningAssert.Single(repost, MetadataField.Outlet).Value);
        Assert.StartsWith("Reporting by", CleaningAssert.Single(wire, MetadataField.Credit).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_BlogSample_RejoinsBrokenSentenceAndFindsDate()
    {
        // Given / When
        var (_, result) = Sample("06-");

        // Then
        Assert.Contains("on the other bank stop firing", result.Clean.Text, StringComparison.Ordinal);
        Assert.Equal("2025-03-12", CleaningAssert.Single(result, MetadataField.Published).Value);
        var outlet = CleaningAssert.Single(result, MetadataField.Outlet);
        Assert.Equal("Meridian Post", outlet.Value);
        Assert.Equal(TextCueDetector.AsReportedBy, outlet.Confidence);
    }

    [Fact]
    public void Clean_StatementSample_GivesTwoAuthorsDatelineAndCredit()
    {
        // Given / When
        var (_, result) = Sample("07-");

        // Then
        Assert.Equal("Tomasz Reinholt, Daria Ostapchuk", CleaningAssert.Single(result, MetadataField.Author).Value);
        Assert.Equal("Rostrava", CleaningAssert.Single(result, MetadataField.Dateline).Value);
        Assert.StartsWith("Additional reporting by", CleaningAssert.Single(result, MetadataField.Credit).Value, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Metadata, c => c.Field == MetadataField.Outlet);
    }

    private static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("<article>.*</article>", RegexOptions.Singleline)]
    private static partial Regex ArticleElement();
}
