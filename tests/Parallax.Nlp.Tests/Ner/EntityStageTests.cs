using System.Collections.Immutable;
using System.Text.Json;
using Parallax.Nlp.Ner;
using Parallax.Nlp.Pipeline;
using Parallax.Nlp.Serialization;

namespace Parallax.Nlp.Tests.Ner;

public sealed class EntityStageTests
{
    [Fact]
    public void Analyze_Article_LinksNamesWithoutWriting()
    {
        // Given an invented article
        var doc = NerTestData.Document("2018-06-20", "Benjamin Netanyahu flew to Moscow to meet Vladimir Putin. Netanyahu later spoke to reporters.");

        // When analysed
        var mentions = NerTestData.Mentions(doc);

        // Then full names and the later surname share the actor's identity, and nothing was written
        Assert.Equal("person:benjamin-netanyahu", NerTestData.Single(doc, mentions, "Benjamin Netanyahu").ActorId);
        var surname = NerTestData.Single(doc, mentions, "Netanyahu");
        Assert.Equal("person:benjamin-netanyahu", surname.ActorId);
        Assert.Equal("actor:person:benjamin-netanyahu", surname.ClusterKey);
        Assert.Equal("person:vladimir-putin", NerTestData.Single(doc, mentions, "Vladimir Putin").ActorId);
        Assert.False(doc.Has(EntityLayers.Mentions));
    }

    [Fact]
    public void Run_Article_AssignsOrderedMentionsThatRoundTripThroughJson()
    {
        // Given an article run through the stage
        var doc = NerTestData.Document(null, "The State Department said Jordan and Syria held talks. Hizbollah fighters left the Golan.");
        new EntityStage().Run(doc, CancellationToken.None);
        var mentions = doc.Get(EntityLayers.Mentions);

        // When the layer is written as JSON and read back
        var json = DocumentJson.SerializeLayer(EntityLayers.Mentions, mentions);
        var back = (ImmutableArray<EntityMention>)JsonSerializer.Deserialize(json, EntityLayers.Mentions.ValueType, DocumentJson.Options)!;

        // Then it is equal, ordered, registered by name, and the types are right
        Assert.Equal(mentions.AsEnumerable(), back.AsEnumerable());
        Assert.Same(EntityLayers.Mentions, DocumentJson.Find("mentions"));
        Assert.True(mentions.Select(m => m.Span.Start).SequenceEqual(mentions.Select(m => m.Span.Start).Order()));
        Assert.Equal(EntityType.Organisation, NerTestData.Single(doc, mentions, "State Department").Type);
        Assert.Equal(EntityType.Location, NerTestData.Single(doc, mentions, "Jordan").Type);
        Assert.Equal("group:hezbollah", NerTestData.Single(doc, mentions, "Hizbollah").ActorId);
    }

    [Fact]
    public void Build_WithoutTokens_FailsWithRequirementNotMet()
    {
        // Given a pipeline whose entity stage has no tokenizer before it
        var builder = new PipelineBuilder().Add(new Parallax.Nlp.Cleaning.CleaningStage()).Add(new EntityStage());

        // When / Then
        var ex = Assert.Throws<PipelineException>(() => builder.Build());
        Assert.Equal(PipelineErrorCode.RequirementNotMet, ex.Code);
    }
}
