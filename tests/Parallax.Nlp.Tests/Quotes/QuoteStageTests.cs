using System.Collections.Immutable;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Ner;
using Parallax.Nlp.Quotes;
using Parallax.Nlp.Tokens;
using Parallax.Testing;

namespace Parallax.Nlp.Tests.Quotes;

/// <summary>Specs for the quote stage on hand-written paragraphs, run through the real tokenizer and entity stage.</summary>
public sealed class QuoteStageTests
{
    private static readonly QuoteStage Stage = new();
    private static readonly EntityStage Entities = new();

    internal static Document Prepare(string? outlet, string? published, params string[] paragraphs)
    {
        var builder = new DocumentBuilder();
        foreach (var p in paragraphs) builder.Paragraph(p);
        if (outlet is not null) builder.Meta(MetadataField.Outlet, outlet, MetadataSource.User);
        if (published is not null) builder.Meta(MetadataField.Published, published, MetadataSource.User);
        var doc = builder.Build();
        new TokenizationStage().Run(doc, CancellationToken.None);
        Entities.Run(doc, CancellationToken.None);
        return doc;
    }

    private static (Document Doc, ImmutableArray<Quote> Quotes) Run(params string[] paragraphs) => RunWith(null, null, paragraphs);

    private static (Document Doc, ImmutableArray<Quote> Quotes) RunWith(string? outlet, string? published, params string[] paragraphs)
    {
        var doc = Prepare(outlet, published, paragraphs);
        return (doc, Stage.Analyze(doc));
    }

    private static Quote Single(ImmutableArray<Quote> quotes, QuoteKind kind)
    {
        var matching = quotes.Where(q => q.Kind == kind).ToList();
        Assert.Single(matching);
        return matching[0];
    }

    [Fact]
    public void Analyze_StraightMarksThenSubjectAndSaid_DirectQuoteOfThePerson()
    {
        // Given a straight-quoted sentence attributed after the closing mark
        var (doc, quotes) = Run("\"We will not accept foreign troops near our border,\" Lavrov said on Tuesday.");

        // When / Then
        var q = Single(quotes, QuoteKind.Direct);
        Assert.Equal("We will not accept foreign troops near our border,", q.Content.Of(doc.Text));
        Assert.Equal("said", q.Cue!.Value.Of(doc.Text));
        Assert.Equal("person:sergey-lavrov", q.Speaker!.ActorId);
        Assert.Equal(SourceKind.Named, q.Speaker.Kind);
        Assert.Equal("q1", q.Id);
    }

    [Fact]
    public void Analyze_CurlyMarksAndInvertedSaid_SpeakerAfterTheVerb()
    {
        // Given curly marks and "said NAME"
        var (_, quotes) = Run("“The talks were long but useful,” said Sergei Lavrov.");

        // Then
        var q = Single(quotes, QuoteKind.Direct);
        Assert.Equal("person:sergey-lavrov", q.Speaker!.ActorId);
    }

    [Fact]
    public void Analyze_QuoteBrokenByHeSaid_OneQuoteWithTwoParts()
    {
        // Given a quote interrupted by its attribution
        var (doc, quotes) = Run("“The first phase is over,” Netanyahu said. “The second phase will take much longer.”");

        // Then
        var q = Single(quotes, QuoteKind.Direct);
        Assert.Equal(2, q.Parts.Length);
        Assert.Equal("The second phase will take much longer.", q.Parts[1].Of(doc.Text));
        Assert.Equal("person:benjamin-netanyahu", q.Speaker!.ActorId);
    }

    [Fact]
    public void Analyze_ResumedQuoteWithoutOpeningMark_JoinsTheQuoteBefore()
    {
        // Given a resumed quote that only has its closing mark
        var (doc, quotes) = Run("“We had a choice,” Netanyahu said. – We chose to wait and see what the talks bring. ”");

        // Then
        var q = Single(quotes, QuoteKind.Direct);
        Assert.Equal(2, q.Parts.Length);
        Assert.StartsWith("We chose to wait", q.Parts[1].Of(doc.Text), StringComparison.Ordinal);
        Assert.Equal("person:benjamin-netanyahu", q.Speaker!.ActorId);
    }

    [Fact]
    public void Analyze_MissingClosingMark_ClosesAtParagraphEnd()
    {
        // Given a quote whose closing mark was lost, and a following narrative paragraph
        var (doc, quotes) = Run(
            "Netanyahu told the cabinet: “We will keep acting against every attempt to dig in near our border",
            "The cabinet meeting ended in the afternoon.");

        // Then the quote ends where its paragraph ends
        var q = Single(quotes, QuoteKind.Direct);
        Assert.EndsWith("near our border", q.Content.Of(doc.Text), StringComparison.Ordinal);
        Assert.Equal(doc.Get(Layers.Clean).Paragraphs[0].End, q.Content.End);
        Assert.Equal("person:benjamin-netanyahu", q.Speaker!.ActorId);
    }

    [Fact]
    public void Analyze_NestedSingleQuotes_StayInsideTheOuterQuote()
    {
        // Given single marks inside double ones
        var (doc, quotes) = Run("Lavrov said: “They call it a ‘temporary measure’ but nobody in the region believes that.”");

        // Then there is one quote, holding the nested one
        var q = Single(quotes, QuoteKind.Direct);
        Assert.Contains("‘temporary measure’", q.Content.Of(doc.Text), StringComparison.Ordinal);
        Assert.Equal("person:sergey-lavrov", q.Speaker!.ActorId);
    }

    [Fact]
    public void Analyze_QuoteParagraphWithoutCue_CarriesTheSpeakerOver()
    {
        // Given a second quote paragraph with no attribution of its own
        var (_, quotes) = Run(
            "“The ceasefire is holding for now,” Lavrov said.",
            "“Nobody should test it in the coming weeks.”");

        // Then it keeps the speaker, without a span of its own
        Assert.Equal(2, quotes.Length);
        Assert.Equal("person:sergey-lavrov", quotes[1].Speaker!.ActorId);
        Assert.Null(quotes[1].Speaker!.Span);
        Assert.StartsWith("carried over", quotes[1].Speaker!.Resolution, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_SaidThat_IndirectSpeechOfTheSubject()
    {
        // Given reported speech
        var (doc, quotes) = Run("Lavrov said that Russia would keep its military police in the south.");

        // Then
        var q = Single(quotes, QuoteKind.Indirect);
        Assert.Equal("Russia would keep its military police in the south", q.Content.Of(doc.Text));
        Assert.Equal("person:sergey-lavrov", q.Speaker!.ActorId);
    }

    [Theory]
    [InlineData("Netanyahu told reporters the army would respond to any attack.", "person:benjamin-netanyahu", "the army would respond to any attack")]
    [InlineData("The Kremlin denied that any written agreement had been signed.", "gov:ru-presidency", "any written agreement had been signed")]
    [InlineData("Lavrov stressed that the arrangement covered only the south.", "person:sergey-lavrov", "the arrangement covered only the south")]
    [InlineData("Netanyahu added that the army was ready for every scenario.", "person:benjamin-netanyahu", "the army was ready for every scenario")]
    public void Analyze_ReportingVerbs_IndirectSpeechWithContent(string sentence, string actor, string content)
    {
        // Given / When
        var (doc, quotes) = Run(sentence);

        // Then
        var q = Single(quotes, QuoteKind.Indirect);
        Assert.Equal(actor, q.Speaker!.ActorId);
        Assert.Equal(content, q.Content.Of(doc.Text));
    }

    [Fact]
    public void Analyze_AccordingToCollective_CollectiveSource()
    {
        // Given an "according to" phrase naming unnamed sources
        var (doc, quotes) = Run("According to Israeli sources, the convoy left the capital before dawn.");

        // Then
        var q = Single(quotes, QuoteKind.Indirect);
        Assert.Equal(SourceKind.Collective, q.Speaker!.Kind);
        Assert.Equal("the convoy left the capital before dawn", q.Content.Of(doc.Text));
        Assert.Equal("according to", q.Cue!.Value.Of(doc.Text).ToLowerInvariant());
    }

    [Theory]
    [InlineData("An official who spoke on condition of anonymity said the convoy had been hit twice.")]
    [InlineData("A senior diplomat said that the proposal was dead for now.")]
    [InlineData("A source close to the negotiators said the draft had been rewritten.")]
    public void Analyze_UnnamedPerson_AnonymousSource(string sentence)
    {
        // Given / When
        var (_, quotes) = Run(sentence);

        // Then
        var q = Single(quotes, QuoteKind.Indirect);
        Assert.Equal(SourceKind.Anonymous, q.Speaker!.Kind);
        Assert.Null(q.Speaker.ActorId);
    }

    [Fact]
    public void Analyze_WesternIntelligenceSources_Collective()
    {
        // Given
        var (_, quotes) = Run("Western intelligence sources said the shipment reached the port last week.");

        // Then
        Assert.Equal(SourceKind.Collective, Single(quotes, QuoteKind.Indirect).Speaker!.Kind);
    }

    [Theory]
    [InlineData("Our sources disclose that the brigade was quietly pulled back.")]
    [InlineData("DEBKAfile has learned that the brigade was quietly pulled back.")]
    public void Analyze_OutletCitesItself_SelfReferential(string sentence)
    {
        // Given an article whose outlet is known from its metadata
        var (_, quotes) = RunWith("DEBKAfile", null, sentence);

        // Then
        var q = Single(quotes, QuoteKind.Indirect);
        Assert.Equal(SourceKind.SelfReferential, q.Speaker!.Kind);
        Assert.Equal("media:debkafile", q.Speaker.ActorId);
    }

    [Fact]
    public void Analyze_OfficeDescriptionOnTheArticleDate_TheHolderSpeaks()
    {
        // Given an office description in place of a name, in an article dated while Lieberman held the office
        var (_, quotes) = RunWith(null, "2018-06-01", "“We expect Moscow to keep its word,” said the Israeli defence minister.");

        // Then
        var q = Single(quotes, QuoteKind.Direct);
        Assert.Equal("person:avigdor-lieberman", q.Speaker!.ActorId);
    }

    [Fact]
    public void Analyze_PronounAfterNamedPerson_ResolvesToThatPerson()
    {
        // Given
        var (doc, quotes) = Run("Heather Nauert spoke to reporters on Thursday. “The ceasefire must hold,” she said.");

        // Then
        var q = Single(quotes, QuoteKind.Direct);
        Assert.Equal("person:heather-nauert", q.Speaker!.ActorId);
        Assert.Equal("she", q.Speaker.Span!.Value.Of(doc.Text));
        Assert.StartsWith("pronoun", q.Speaker.Resolution, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_TheCommanderSaid_ResolvesToTheEarlierAnonymousSource()
    {
        // Given an anonymous commander introduced first, then "the commander said"
        var (_, quotes) = Run("A senior rebel commander confirmed that the talks had failed. “We will fight on until the end,” the commander said.");

        // Then the direct quote is anonymous too
        var q = Single(quotes, QuoteKind.Direct);
        Assert.Equal(SourceKind.Anonymous, q.Speaker!.Kind);
        Assert.StartsWith("description", q.Speaker.Resolution, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_LeafletsRead_TheirAuthorSpeaks()
    {
        // Given an army named earlier, then "the army dropped leaflets … they read"
        var (_, quotes) = Run(
            "The Syrian army moved more tanks to the south on Monday.",
            "On Tuesday the army dropped leaflets over the villages. “Lay down your weapons while there is still time,” they read.");

        // Then the army that wrote them speaks
        var q = Single(quotes, QuoteKind.Direct);
        Assert.Equal("force:saa", q.Speaker!.ActorId);
        Assert.StartsWith("author of the leaflets", q.Speaker.Resolution, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_StatementReleasedByRead_TheReleaserSpeaks()
    {
        // Given a written statement that "read that …"
        var (doc, quotes) = Run("A statement released by the Kremlin read that both presidents had agreed to coordinate more closely.");

        // Then
        var q = Single(quotes, QuoteKind.Indirect);
        Assert.Equal("gov:ru-presidency", q.Speaker!.ActorId);
        Assert.Equal("both presidents had agreed to coordinate more closely", q.Content.Of(doc.Text));
    }

    [Fact]
    public void Analyze_AppositiveBetweenNameAndVerb_TheNameSpeaks()
    {
        // Given "NAME, description, told …"
        var (_, quotes) = Run("Faisal Mekdad, Syria’s deputy foreign minister, told the agency that no withdrawal was being planned.");

        // Then
        var speaker = Single(quotes, QuoteKind.Indirect).Speaker!;
        Assert.Equal("person:faisal-mekdad", speaker.ActorId);
        Assert.Equal("appositive", speaker.Resolution);
    }

    [Fact]
    public void Analyze_QuoteWithNoSpeakerAnywhere_UnattributedNotGuessed()
    {
        // Given a lone quote paragraph after plain narration
        var (_, quotes) = Run("The town was quiet on Sunday.", "“Nothing will change on the ground after this.”");

        // Then the speaker stays unknown
        var q = Single(quotes, QuoteKind.Direct);
        Assert.Null(q.Speaker);
    }

    [Theory]
    [InlineData("The so-called “de-escalation” zones remain tense.")]
    [InlineData("The parliament passed the law “On the Status of the Capital” in 1980.")]
    [InlineData("Syria deployed the “Pantsir” systems near the border.")]
    public void Analyze_NamesAndScareQuotes_NoQuote(string sentence)
    {
        // Given quotation marks around a term, a title or a name
        var (_, quotes) = Run(sentence);

        // Then there is no direct quote
        Assert.DoesNotContain(quotes, q => q.Kind == QuoteKind.Direct);
    }

    [Fact]
    public void Analyze_IsSaidTo_NoSpeech()
    {
        // Given a hedge with no speaker
        var (_, quotes) = Run("The arrangement is said to have been sealed during a telephone call.");

        // Then
        Assert.Empty(quotes);
    }

    [Fact]
    public void Analyze_MissingMentionsLayer_ThrowsPX1004()
    {
        // Given a document without the entity layer
        var doc = new DocumentBuilder().Paragraph("Lavrov said so.").Build();
        new TokenizationStage().Run(doc, CancellationToken.None);

        // When / Then
        var ex = Assert.Throws<Parallax.Nlp.Pipeline.PipelineException>(() => Stage.Analyze(doc));
        Assert.Equal(Parallax.Nlp.Pipeline.PipelineErrorCode.LayerMissing, ex.Code);
    }
}
