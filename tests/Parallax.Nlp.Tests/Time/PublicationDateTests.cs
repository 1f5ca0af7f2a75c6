using Parallax.Nlp.Documents;
using Parallax.Nlp.Time;
using Parallax.Testing;

namespace Parallax.Nlp.Tests.Time;

public sealed class PublicationDateTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Metadata_UndatedArticleWithInferredAnchor_PublishedIsInferredWithConfidenceAndEvidence()
    {
        // Given an article with no publication date whose text pairs a weekday with a date and mentions a year
        var doc = new DocumentBuilder()
            .Paragraph("The council met late on Wednesday, June 13, to vote on the harbour budget it first drafted in 2018.")
            .Paragraph("Members said the plan would be reviewed next spring.")
            .Build();

        // When the temporal stage runs and the metadata is read
        new TemporalStage(new TemporalTagger(), Clock).Run(doc, CancellationToken.None);
        var anchor = doc.Get(TimeLayers.Anchor);
        var published = doc.Metadata[MetadataField.Published];

        // Then the inferred anchor day is the publication date, marked Inferred, with the anchor's confidence and reasoning
        Assert.Equal(AnchorSource.Inferred, anchor.Source);
        Assert.NotNull(published);
        Assert.Equal("2018-06-13", published.Value);
        Assert.Equal(MetadataSource.Inferred, published.Source);
        Assert.Equal(anchor.Confidence, published.Confidence);
        Assert.Contains(anchor.Explanation, published.Evidence, StringComparison.Ordinal);
        Assert.Null(published.RawSpan);
    }

    [Theory]
    [InlineData(MetadataSource.User)]
    [InlineData(MetadataSource.HtmlMeta)]
    [InlineData(MetadataSource.TextCue)]
    public void Metadata_KnownPublishedAndInferredAnchor_KnownDateWins(MetadataSource source)
    {
        // Given a document whose publication date came from a reader, a page tag or a text cue, and an inferred anchor
        // that disagrees (the stage infers when the known value is not an ISO date it can read)
        var doc = new DocumentBuilder().Paragraph("Talks resumed on Monday.")
            .Meta(MetadataField.Published, "2018-05-31", source, 0.6)
            .Build();
        doc.Set(TimeLayers.Anchor, new TemporalAnchor(new DateOnly(2018, 6, 4), AnchorSource.Inferred, 0.9, "dateline 'June 4, 2018'"));

        // When the metadata is resolved
        var metadata = doc.Metadata;

        // Then the known date is chosen and the inference is kept only as an alternative
        Assert.Equal("2018-05-31", metadata.Value(MetadataField.Published));
        Assert.Equal(source, metadata[MetadataField.Published]!.Source);
        Assert.Contains(metadata.Candidates, c => c.Field == MetadataField.Published && c.Source == MetadataSource.Inferred && c.Value == "2018-06-04");
    }

    [Fact]
    public void Analyze_KnownPublished_AnchorIsKnownAndNoInferredCandidateIsAdded()
    {
        // Given an article whose publication date is supplied
        var doc = new DocumentBuilder().Paragraph("The minister said on Monday that talks would continue.")
            .Meta(MetadataField.Published, "2018-05-31T10:00:00+00:00", MetadataSource.User)
            .Build();

        // When the stage runs
        new TemporalStage(new TemporalTagger(), Clock).Run(doc, CancellationToken.None);

        // Then only the supplied value is a publication-date candidate
        var published = Assert.Single(doc.Metadata.Candidates, c => c.Field == MetadataField.Published);
        Assert.Equal(MetadataSource.User, published.Source);
    }

    [Fact]
    public void Candidate_UnknownAnchor_IsNull()
    {
        // Given an anchor that fixes no day
        var anchor = new TemporalAnchor(DateOnly.MinValue, AnchorSource.Unknown, 0, "no dated cue in the text");

        // When it is turned into a candidate
        var candidate = PublicationDate.Candidate(anchor);

        // Then there is none: nothing is made up
        Assert.Null(candidate);
    }

    [Fact]
    public void Candidate_KnownAnchor_IsNullBecauseTheMetadataAlreadyHoldsIt()
    {
        // Given a supplied anchor
        var anchor = TemporalAnchor.Known(new DateOnly(2018, 5, 31));

        // When it is turned into a candidate / Then there is none
        Assert.Null(PublicationDate.Candidate(anchor));
    }

    [Theory]
    [InlineData(0.3, true)]
    [InlineData(0.49, true)]
    [InlineData(0.5, false)]
    [InlineData(0.9, false)]
    public void IsUncertain_InferredCandidate_DependsOnConfidence(double confidence, bool expected)
    {
        // Given an inferred anchor of some confidence
        var candidate = PublicationDate.Candidate(new TemporalAnchor(new DateOnly(2018, 6, 13), AnchorSource.Inferred, confidence, "hint"))!;

        // When asked whether it is uncertain / Then it is exactly below the threshold
        Assert.Equal(expected, PublicationDate.IsUncertain(candidate));
    }

    [Fact]
    public void IsUncertain_LowConfidenceFromAnotherSource_IsFalse()
    {
        // Given a weak text cue (not an inference)
        var candidate = new MetadataCandidate(MetadataField.Published, "2018-06-13", MetadataSource.TextCue, 0.2);

        // When asked / Then only inferences are flagged
        Assert.False(PublicationDate.IsUncertain(candidate));
    }

    [Fact]
    public void Supplied_InferredDateOnly_IsNull()
    {
        // Given metadata whose only publication date was inferred
        var metadata = new ArticleMetadata([PublicationDate.Candidate(new TemporalAnchor(new DateOnly(2018, 6, 13), AnchorSource.Inferred, 0.75, "weekday"))!]);

        // When the supplied date is asked for / Then there is none: an inference does not drive story recency
        Assert.Null(PublicationDate.Supplied(metadata));
    }

    [Fact]
    public void Supplied_DateFromAFeed_IsItsInstant()
    {
        // Given a feed date and an inferred one
        var metadata = new ArticleMetadata(
        [
            new MetadataCandidate(MetadataField.Published, "2018-06-14T08:30:00+02:00", MetadataSource.Feed, 0.9),
            PublicationDate.Candidate(new TemporalAnchor(new DateOnly(2018, 6, 13), AnchorSource.Inferred, 0.75, "weekday"))!,
        ]);

        // When the supplied date is asked for / Then it is the feed's instant
        Assert.Equal(new DateTimeOffset(2018, 6, 14, 6, 30, 0, TimeSpan.Zero), PublicationDate.Supplied(metadata));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
