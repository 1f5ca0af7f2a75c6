using System.Collections.Immutable;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Pipeline;

namespace Parallax.Nlp.Tests.Pipeline;

public sealed class PipelineBuilderTests
{
    private static readonly AnnotationKey<string> A = new("a");
    private static readonly AnnotationKey<string> B = new("b");

    private sealed class Stage(string name, AnnotationKey<string>[] requires, AnnotationKey<string> assigns, Func<Document, string>? compute = null)
        : PipelineStage<string>
    {
        public override string Name => name;
        public override IReadOnlyList<AnnotationKey> Requires => requires;
        public override IReadOnlyList<AnnotationKey> Assigns => [assigns];
        public override string Analyze(Document document, CancellationToken cancellationToken = default) => (compute ?? (_ => name))(document);
        public override void Apply(Document document, string result) => document.Set(assigns, result);
    }

    private static Document NewDocument(string raw = "text") =>
        new(new DocumentSource("test", ContentKind.PlainText, raw, ImmutableArray<MetadataCandidate>.Empty));

    [Fact]
    public void Build_RequirementAssignedLater_FailsWithPX1001()
    {
        // Given a stage that needs "a" placed before the stage that assigns it
        var builder = new PipelineBuilder().Add(new Stage("needs-a", [A], B)).Add(new Stage("makes-a", [], A));

        // When the pipeline is built / Then it fails naming the code and the layer
        var ex = Assert.Throws<PipelineException>(() => builder.Build());
        Assert.Equal(PipelineErrorCode.RequirementNotMet, ex.Code);
        Assert.Contains("'a'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TwoStagesAssignSameLayer_FailsWithPX1002()
    {
        var builder = new PipelineBuilder().Add(new Stage("one", [], A)).Add(new Stage("two", [], A));
        Assert.Equal(PipelineErrorCode.AssignedTwice, Assert.Throws<PipelineException>(() => builder.Build()).Code);
    }

    [Fact]
    public void InsertBefore_PlacesStageAheadOfAnchor_AndPipelineRunsInThatOrder()
    {
        // Given a consumer of "a", and the producer inserted before it
        var pipeline = new PipelineBuilder()
            .Add(new Stage("needs-a", [A], B, d => d.Get(A) + "+b"))
            .InsertBefore<Stage>(new Stage("makes-a", [], A, _ => "a"))
            .Build();

        // When a document runs through it
        var doc = pipeline.Process(NewDocument());

        // Then the stages ran producer first
        Assert.Equal("a+b", doc.Get(B));
        Assert.Equal(["a", "b"], doc.LayerKeys.Select(k => k.Name));
    }

    [Fact]
    public void Set_SameLayerTwice_FailsWithPX1003()
    {
        var doc = NewDocument();
        doc.Set(A, "x");
        Assert.Equal(PipelineErrorCode.LayerWrittenTwice, Assert.Throws<PipelineException>(() => doc.Set(A, "y")).Code);
        Assert.Equal("x", doc.Get(A));
    }

    [Fact]
    public async Task RunBatchAsync_OneDocumentThrows_OthersStillSucceed()
    {
        // Given a stage that fails on one input
        var pipeline = new PipelineBuilder()
            .Add(new Stage("picky", [], A, d => d.Raw == "bad" ? throw new InvalidOperationException("boom") : d.Raw))
            .Build();
        var sources = new[] { "one", "bad", "three" }
            .Select(t => new DocumentSource(t, ContentKind.PlainText, t, []))
            .ToAsyncEnumerable();
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<DocumentOutcome>();

        // When the batch runs with two documents in flight
        await pipeline.RunBatchAsync(sources, (o, _) => { outcomes.Add(o); return ValueTask.CompletedTask; }, 2);

        // Then the bad one is reported with a coded error naming the stage and the others are processed
        Assert.Equal(3, outcomes.Count);
        var failed = Assert.Single(outcomes, o => !o.Succeeded);
        Assert.Equal("bad", failed.Source.SourceId);
        Assert.Contains("PX1006", failed.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("picky", failed.Error.Message, StringComparison.Ordinal);
    }
}
