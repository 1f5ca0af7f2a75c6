using Parallax.Nlp.Cleaning.Text;
using Parallax.Nlp.Documents;

namespace Parallax.Nlp.Tests.Cleaning.Text;

public sealed class ScrapedTextCleanerMetadataTests
{
    private const string Body1 = "Engineers at the river crossing said on Tuesday that the second pontoon had been towed back into place.";
    private const string Body2 = "The regional water authority said it expected the crossing to reopen within ten days, though it gave no firm date.";

    private static readonly ScrapedTextCleaner Cleaner = new();

    [Fact]
    public void Clean_MastheadHeadlineSubtitleByline_BecomeMetadata()
    {
        // Given a page-top block: masthead, headline, standfirst, byline
        var raw = string.Join("\n\n", "The Delta Courier", "Pontoon crossing to reopen within days",
            "Authority says repairs are ahead of schedule after storm damage", "- • By MARTA OYELARAN-KOVAC", Body1, Body2);

        // When
        var result = Cleaner.Clean(raw);

        // Then each header line is metadata and the clean text is the body only
        CleaningAssert.Invariants(raw, result);
        Assert.Equal(Body1 + "\n\n" + Body2, result.Clean.Text);
        Assert.Equal("The Delta Courier", CleaningAssert.Single(result, MetadataField.Outlet).Value);
        Assert.Equal("Pontoon crossing to reopen within days", CleaningAssert.Single(result, MetadataField.Title).Value);
        Assert.StartsWith("Authority says", CleaningAssert.Single(result, MetadataField.Subtitle).Value, StringComparison.Ordinal);
        var author = CleaningAssert.Single(result, MetadataField.Author);
        Assert.Equal("Marta Oyelaran-Kovac", author.Value);
        Assert.Equal("- • By MARTA OYELARAN-KOVAC", author.Evidence);
        Assert.All(result.Clean.Removed, b => Assert.Equal(RemovalReason.Metadata, b.Reason));
        Assert.All(result.Clean.Removed, b => Assert.Equal(0, b.CleanOffset));
    }

    [Fact]
    public void Clean_MastheadWithoutOutletWordButNamedInPhotoCredit_IsOutlet()
    {
        // Given a one-word masthead that a photo credit repeats
        var raw = string.Join("\n\n", "Kestrelgram", "Pontoon crossing to reopen within days", Body1,
            "(Lena Ortiz/Kestrelgram) A crane lifts a pontoon section.", Body2);

        // When
        var result = Cleaner.Clean(raw);

        // Then the outlet is known, with the higher confidence of a confirmed masthead
        var outlet = CleaningAssert.Single(result, MetadataField.Outlet);
        Assert.Equal("Kestrelgram", outlet.Value);
        Assert.Equal(0.85, outlet.Confidence);
    }

    [Fact]
    public void Clean_ShortLabelWithoutOutletEvidence_IsNotAnOutlet()
    {
        // Given a short line above the headline that nothing marks as an outlet
        var raw = string.Join("\n\n", "Middle East", "Pontoon crossing to reopen within days", Body1, Body2);

        // When
        var result = Cleaner.Clean(raw);

        // Then no outlet is made up
        Assert.DoesNotContain(result.Metadata, c => c.Field == MetadataField.Outlet);
        Assert.Equal("Pontoon crossing to reopen within days", CleaningAssert.Single(result, MetadataField.Title).Value);
    }

    [Fact]
    public void Clean_OutletDateLine_GivesOutletAndDate()
    {
        // Given an "OUTLET/Month DD/YY" line under the headline
        var raw = string.Join("\n", "Pontoon crossing to reopen within days", "RiverNet/March 04/24", "", Body1, Body2);

        // When
        var result = Cleaner.Clean(raw);

        // Then
        CleaningAssert.Invariants(raw, result);
        Assert.Equal("RiverNet", CleaningAssert.Single(result, MetadataField.Outlet).Value);
        var published = CleaningAssert.Single(result, MetadataField.Published);
        Assert.Equal("2024-03-04", published.Value);
        Assert.Equal("RiverNet/March 04/24", published.RawSpan!.Value.Of(raw));
        Assert.DoesNotContain("RiverNet", result.Clean.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_OutletPrefixedHeadlineRepeatedWithTranslation_TranslationStays()
    {
        // Given "OUTLET: headline" with a Cyrillic translation on the same line, then the plain headline and the translation again
        const string translation = "Понтонная переправа откроется в ближайшие дни";
        var raw = string.Join("\n", $"RiverNet: Pontoon crossing to reopen within days {translation}", "", "418", "",
            "Pontoon crossing to reopen within days", translation, "RiverNet/March 04/24", "", Body1, Body2);

        // When
        var result = Cleaner.Clean(raw);

        // Then the title loses the outlet prefix, the repeats go, one copy of the translation stays as a paragraph
        CleaningAssert.Invariants(raw, result);
        Assert.Equal("Pontoon crossing to reopen within days", CleaningAssert.Single(result, MetadataField.Title).Value);
        Assert.Equal(translation + "\n\n" + Body1 + "\n\n" + Body2, result.Clean.Text);
        Assert.Equal(2, result.Clean.Removed.Count(b => b.Reason == RemovalReason.Repeated));
        Assert.Contains(result.Clean.Removed, b => b.Reason == RemovalReason.Counter);
        var outlet = CleaningAssert.Single(result, MetadataField.Outlet);
        Assert.Equal("RiverNet", outlet.Value);
        Assert.True(outlet.Confidence > 0.85, "two agreeing cues raise the confidence");
    }

    [Fact]
    public void Clean_KickerPrefix_StaysInTitleAndIsNoOutlet()
    {
        // Given a headline with an "Analysis:" kicker
        var raw = string.Join("\n\n", "Analysis: Why the crossing matters to the delta towns", Body1, Body2);

        // When
        var result = Cleaner.Clean(raw);

        // Then
        Assert.StartsWith("Analysis:", CleaningAssert.Single(result, MetadataField.Title).Value, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Metadata, c => c.Field == MetadataField.Outlet);
    }

    [Fact]
    public void Clean_CreditLine_BecomesCredit()
    {
        // Given a closing credit line
        var raw = string.Join("\n\n", Body1, Body2, "Additional reporting by Tomasz Weller in Rostrava");

        // When
        var result = Cleaner.Clean(raw);

        // Then
        CleaningAssert.Invariants(raw, result);
        Assert.Equal("Additional reporting by Tomasz Weller in Rostrava", CleaningAssert.Single(result, MetadataField.Credit).Value);
        Assert.Equal(RemovalReason.Metadata, CleaningAssert.RemovedWith(result, "Additional reporting").Reason);
    }

    [Fact]
    public void Clean_DateLineUnderHeadline_GivesPublished()
    {
        // Given a labelled publication stamp
        var raw = string.Join("\n", "Pontoon crossing to reopen within days", "Published: 4 March 2024 09:40 CET", Body1, Body2);

        // When
        var result = Cleaner.Clean(raw);

        // Then
        Assert.Equal("2024-03-04", CleaningAssert.Single(result, MetadataField.Published).Value);
        Assert.Equal(Body1 + "\n\n" + Body2, result.Clean.Text);
    }

    [Fact]
    public void Clean_NoHeaderLines_NoTitleIsMadeUp()
    {
        // Given text that starts straight with prose
        var raw = Body1 + "\n" + Body2;

        // When
        var result = Cleaner.Clean(raw);

        // Then nothing is invented
        Assert.Empty(result.Metadata);
        Assert.Equal(Body1 + "\n\n" + Body2, result.Clean.Text);
    }

    [Fact]
    public void Clean_BylineLikeSentence_IsNotAByline()
    {
        // Given a sentence that starts with "By" and a capitalised word
        const string sentence = "By Friday, the divers had cleared most of the debris from the western span.";
        var raw = string.Join("\n\n", Body1, sentence, Body2);

        // When
        var result = Cleaner.Clean(raw);

        // Then it stays in the text and names no author
        Assert.Contains(sentence, result.Clean.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Metadata, c => c.Field == MetadataField.Author);
    }

    [Fact]
    public void Clean_TextCuesInBody_MappedToRawOffsets()
    {
        // Given a body cue after a removed header
        const string cue = "The harbour master told The Delta Courier that night shifts would continue.";
        var raw = string.Join("\n\n", "Pontoon crossing to reopen within days", "59", Body1, cue);

        // When
        var result = Cleaner.Clean(raw);

        // Then the detector's outlet points at the raw text
        var outlet = CleaningAssert.Single(result, MetadataField.Outlet);
        Assert.Equal("The Delta Courier", outlet.Value);
        Assert.Equal("The Delta Courier", outlet.RawSpan!.Value.Of(raw));
    }

    [Fact]
    public void Clean_RandomlyAssembledPages_KeepBodyDropNoiseAndHoldInvariants()
    {
        // Given pages assembled from body sentences and noise lines in random order, with a fixed seed
        string[] body =
        [
            Body1, Body2,
            "Divers working for the contractor found two cracked anchor blocks, according to a draft report seen by local officials.",
            "“We are not going to reopen a crossing we cannot vouch for,” the authority's chief engineer said on Monday.",
            "Ferry operators said queues at the northern landing had stretched to three hours over the weekend.",
            "Последние проверки, по словам инженеров, завершатся к концу недели.",
        ];
        string[] noise =
        [
            "Thank you for signing up.\nWe have more newsletters you might like.\nClose", "Read More", "1,204 views",
            "Click Here: cheap hiking boots", "Leave a Reply\nYour email address will not be published.",
            "A crane lifts a pontoon section near the eastern bankCredit:", "Newspapers in English", "Advertisement",
        ];
        var random = new Random(20240304);
        string[] breaks = ["\n", "\n\n", "\r\n", "  \n \n", "\n\u00A0\n"];

        for (int round = 0; round < 200; round++)
        {
            var parts = body.OrderBy(_ => random.Next()).Take(random.Next(2, body.Length + 1)).ToList();
            int noiseCount = random.Next(0, 4);
            for (int n = 0; n < noiseCount; n++) parts.Insert(random.Next(1, parts.Count + 1), noise[random.Next(noise.Length)]);
            var sb = new System.Text.StringBuilder();
            foreach (var p in parts) sb.Append(p).Append(breaks[random.Next(breaks.Length)]);
            var raw = sb.ToString();

            // When
            var result = Cleaner.Clean(raw);

            // Then
            CleaningAssert.Invariants(raw, result);
            foreach (var p in parts.Where(body.Contains)) Assert.Contains(p, result.Clean.Text, StringComparison.Ordinal);
            Assert.Equal(parts.Count(body.Contains), result.Clean.Paragraphs.Length);
        }
    }
}
