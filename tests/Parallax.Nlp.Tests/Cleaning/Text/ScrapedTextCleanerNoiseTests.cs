using Parallax.Nlp.Cleaning.Text;
using Parallax.Nlp.Documents;

namespace Parallax.Nlp.Tests.Cleaning.Text;

public sealed class ScrapedTextCleanerNoiseTests
{
    private const string First = "Engineers at the river crossing said on Tuesday that the second pontoon had been towed back into place.";
    private const string Second = "The regional water authority said it expected the crossing to reopen within ten days, though it gave no firm date.";

    private static readonly ScrapedTextCleaner Cleaner = new();

    private static string Around(params string[] noise) => string.Join("\n", new[] { First }.Concat(noise).Append(Second));

    private static void AssertRemoved(string raw, RemovalReason reason, params string[] noise)
    {
        // When
        var result = Cleaner.Clean(raw);

        // Then the body survives, the noise is gone, and each noise line is in a block with the reason
        CleaningAssert.Invariants(raw, result);
        Assert.Contains(First, result.Clean.Text, StringComparison.Ordinal);
        Assert.Contains(Second, result.Clean.Text, StringComparison.Ordinal);
        foreach (var line in noise)
        {
            Assert.DoesNotContain(line, result.Clean.Text, StringComparison.Ordinal);
            Assert.Equal(reason, CleaningAssert.RemovedWith(result, line).Reason);
        }
    }

    [Fact]
    public void Clean_NewsletterBlock_RemovedAsOneSignUpBlock()
    {
        // Given a sign-up form's text between two body paragraphs
        string[] form =
        [
            "Thanks for subscribing!", "Sign up for our morning briefing newsletter", "Enter your email", "Submit",
            "Something went wrong.", "Please try again later.", "This email address is already subscribed.", "Close",
        ];
        var raw = Around(form);

        // When
        var result = Cleaner.Clean(raw);

        // Then the whole form is one block, from its first to its last line
        CleaningAssert.Invariants(raw, result);
        var block = Assert.Single(result.Clean.Removed);
        Assert.Equal(RemovalReason.SignUpPrompt, block.Reason);
        Assert.StartsWith(form[0], block.Text, StringComparison.Ordinal);
        Assert.EndsWith(form[^1], block.Text, StringComparison.Ordinal);
        Assert.Equal(First.Length + 2, block.CleanOffset);
    }

    [Fact]
    public void Clean_BareUiWordsWithoutSignUpPhrases_AreNotASignUpBlock()
    {
        // Given UI words alone ("Close" is navigation on its own, never a sign-up block)
        var raw = Around("Close");

        // When
        var result = Cleaner.Clean(raw);

        // Then it is removed as navigation, not as a sign-up prompt
        Assert.Equal(RemovalReason.Navigation, CleaningAssert.RemovedWith(result, "Close").Reason);
    }

    [Fact]
    public void Clean_SentenceMentioningANewsletter_IsKept()
    {
        // Given a body sentence that happens to mention a newsletter
        const string sentence = "The engineers' union said in its newsletter that overtime on the crossing had doubled since March.";
        var raw = Around(sentence);

        // When
        var result = Cleaner.Clean(raw);

        // Then it stays
        Assert.Contains(sentence, result.Clean.Text, StringComparison.Ordinal);
        Assert.Empty(result.Clean.Removed);
    }

    [Theory]
    [InlineData("Leave a Reply", "Your e-mail address will not be published. Required fields are marked *")]
    [InlineData("3 comments:", "Post a Comment")]
    [InlineData("Leave a Comment", "Name *", "Email *", "Website", "Save my name, email, and website in this browser for the next time I comment.", "Post Comment")]
    public void Clean_CommentForm_RemovedAsCommentSection(params string[] form) =>
        AssertRemoved(Around(form), RemovalReason.CommentSection, form);

    [Theory]
    [InlineData("Click Here: discount hiking boots")]
    [InlineData("cheap replica watches free shipping")]
    public void Clean_SpamLine_RemovedAsSpam(string spam) => AssertRemoved(Around(spam), RemovalReason.Spam, spam);

    [Theory]
    [InlineData("Why the Old Bridge Was Never Going to Last | Analysis")]
    [InlineData("Read More")]
    [InlineData("Related: Ferry operators brace for a long summer")]
    [InlineData("Flood Barriers Across the Delta Are Running Out of Time")]
    public void Clean_TeaserInsideBody_RemovedAsRelatedContent(string teaser) =>
        AssertRemoved(Around(teaser), RemovalReason.RelatedContent, teaser);

    [Theory]
    [InlineData("A crane lifts a pontoon section near the eastern bankCredit:")]
    [InlineData("A crane lifts a pontoon section near the eastern bank Credit: Lena Ortiz/Harbour Wire")]
    [InlineData("(Lena Ortiz/The Harbour Wire) A crane lifts a pontoon section near the eastern bank.")]
    [InlineData("?? (Lena Ortiz/The Harbour Wire) ?? A crane lifts a pontoon section near the eastern bank.")]
    [InlineData("Photo: A crane lifts a pontoon section near the eastern bank")]
    [InlineData("A crane lifts a pontoon section near the eastern bank. (Photo: Lena Ortiz/Harbour Wire)")]
    public void Clean_PhotoCaption_RemovedAsPhotoCaption(string caption) =>
        AssertRemoved(Around(caption), RemovalReason.PhotoCaption, caption);

    [Theory]
    [InlineData("59")]
    [InlineData("1,204")]
    [InlineData("312 views")]
    public void Clean_LoneNumber_RemovedAsCounter(string counter) => AssertRemoved(Around(counter), RemovalReason.Counter, counter);

    [Theory]
    [InlineData("Newspapers in English")]
    [InlineData("Newspapers from Portugal")]
    [InlineData("Copyright 2024 Harbour Wire. All rights reserved.")]
    [InlineData("This article originally appeared in the Delta Courier.")]
    public void Clean_AggregatorBoilerplate_RemovedAsSyndication(string line) =>
        AssertRemoved(Around(line), RemovalReason.SyndicationBoilerplate, line);

    [Fact]
    public void Clean_InlineSubscriptionPrompt_CutFromTheSentence()
    {
        // Given a prompt glued to the end of a sentence
        const string line = "The full survey appears in this week's print edition on Friday. (click here to subscribe).";
        var raw = Around(line);

        // When
        var result = Cleaner.Clean(raw);

        // Then the sentence stays whole and only the prompt (with its trailing dot) is removed
        CleaningAssert.Invariants(raw, result);
        Assert.Contains("print edition on Friday.\n\n", result.Clean.Text, StringComparison.Ordinal);
        var block = CleaningAssert.RemovedWith(result, "click here to subscribe");
        Assert.Equal(RemovalReason.Subscription, block.Reason);
        Assert.Equal(" (click here to subscribe).", block.Text);
    }

    [Theory]
    [InlineData("Subscribe now for unlimited access")]
    [InlineData("Already a subscriber? Log in")]
    public void Clean_SubscriptionLine_RemovedAsSubscription(string line) =>
        AssertRemoved(Around(line), RemovalReason.Subscription, line);

    [Theory]
    [InlineData("Advertisement")]
    [InlineData("Share on Facebook")]
    [InlineData("Home > World > Europe")]
    public void Clean_PageFurniture_Removed(string line)
    {
        // Given / When
        var result = Cleaner.Clean(Around(line));

        // Then
        Assert.DoesNotContain(line, result.Clean.Text, StringComparison.Ordinal);
        Assert.Contains(CleaningAssert.RemovedWith(result, line).Reason, new[] { RemovalReason.Advertisement, RemovalReason.Navigation });
    }

    [Fact]
    public void Clean_RepeatedBodyLine_RemovedAsRepeated()
    {
        // Given a paragraph that the scrape captured twice
        var raw = string.Join("\n\n", First, Second, First);

        // When
        var result = Cleaner.Clean(raw);

        // Then the second copy goes, marked as repeated
        CleaningAssert.Invariants(raw, result);
        Assert.Equal(result.Clean.Text.IndexOf(First, StringComparison.Ordinal), result.Clean.Text.LastIndexOf(First, StringComparison.Ordinal));
        Assert.Equal(RemovalReason.Repeated, Assert.Single(result.Clean.Removed).Reason);
    }

    [Fact]
    public void Clean_SentenceBrokenAcrossBlankLine_Rejoined()
    {
        // Given a sentence split by a blank line, with a caption dropped in between
        var raw = First + "\n\n" + "In early April, the transport minister and the chief engineer of the Delta Authority\n\n"
            + "A crane lifts a pontoon section near the eastern bankCredit:\n\n"
            + "toured the crossing with the contractors.\n\n" + Second;

        // When
        var result = Cleaner.Clean(raw);

        // Then the sentence is one paragraph again and the caption is gone
        CleaningAssert.Invariants(raw, result);
        Assert.Contains("Delta Authority toured the crossing", result.Clean.Text, StringComparison.Ordinal);
        Assert.Equal(3, result.Clean.Paragraphs.Length);
    }

    [Fact]
    public void Clean_ShortBodyLineEndingWithColon_Kept()
    {
        // Given a lead-in line, which is prose, not a teaser
        const string lead = "The delay has two causes:";
        var raw = Around(lead);

        // When
        var result = Cleaner.Clean(raw);

        // Then
        Assert.Contains(lead, result.Clean.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_WhitespaceRunsAndCrLf_NormalisedWithExactMap()
    {
        // Given CRLF line ends, a no-break space pair and trailing spaces
        var raw = "  " + First.Replace(" the second", " the\u00A0 second", StringComparison.Ordinal) + "   \r\n\r\n" + Second + "\u00A0\r\n";

        // When
        var result = Cleaner.Clean(raw);

        // Then the run becomes one space and the map stays exact
        CleaningAssert.Invariants(raw, result);
        Assert.Equal(First + "\n\n" + Second, result.Clean.Text);
    }

    [Fact]
    public void Clean_EmptyInput_GivesEmptyResult()
    {
        // Given / When
        var result = Cleaner.Clean("  \n\n ");

        // Then
        Assert.Equal("", result.Clean.Text);
        Assert.Empty(result.Clean.Paragraphs);
        Assert.Empty(result.Metadata);
    }

    [Fact]
    public void Clean_Cancelled_Throws()
    {
        // Given
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        // When / Then
        Assert.Throws<OperationCanceledException>(() => Cleaner.Clean(Around("59"), cts.Token));
    }
}
