using Parallax.Nlp.Documents;
using Parallax.Nlp.Pipeline;
using Parallax.Nlp.Serialization;
using Parallax.Nlp.Tokens;
using Parallax.Testing;

namespace Parallax.Nlp.Tests.Tokens;

public sealed class TokenizationStageTests
{
    private static Document Article() => new DocumentBuilder()
        .Paragraph("Russia resumes Daraa strikes")
        .Paragraph("Maj.-Gen. Tamir Heyman flew to Moscow. He met Sergei Shoigu on Jan. 5.")
        .Build();

    [Fact]
    public void Analyze_CleanDocument_GivesTokensAndSentencesWithoutWriting()
    {
        // Given a cleaned document with a headline and a paragraph
        var doc = Article();
        var stage = new TokenizationStage();

        // When it is analysed
        var result = stage.Analyze(doc);

        // Then the sentences are the headline and the two sentences, and nothing was written yet
        Assert.Equal(
            ["Russia resumes Daraa strikes", "Maj.-Gen. Tamir Heyman flew to Moscow.", "He met Sergei Shoigu on Jan. 5."],
            result.Sentences.Select(s => s.Of(doc.Text)));
        Assert.Equal("Maj.-Gen.", result.Tokens[4].Of(doc.Text).ToString());
        Assert.False(doc.Has(TokenLayers.Tokens));
    }

    [Fact]
    public void Run_CleanDocument_AssignsBothLayersInAgreement()
    {
        // Given a cleaned document
        var doc = Article();

        // When the stage runs on it
        new TokenizationStage().Run(doc, CancellationToken.None);

        // Then both layers are present and the sentences cover the tokens from first to last
        var tokens = doc.Get(TokenLayers.Tokens);
        var sentences = doc.Get(TokenLayers.Sentences);
        Assert.Equal(tokens[0].Start, sentences[0].Start);
        Assert.Equal(tokens[^1].End, sentences[^1].End);
        Assert.Equal(["clean", "text-metadata", "tokens", "sentences"], doc.LayerKeys.Select(k => k.Name));
    }

    [Fact]
    public void Build_WithoutCleanLayer_FailsWithPX1001()
    {
        // Given a pipeline with the tokenization stage but no cleaning stage
        var builder = new PipelineBuilder().Add(new TokenizationStage());

        // When / Then building it fails naming the missing requirement
        var ex = Assert.Throws<PipelineException>(() => builder.Build());
        Assert.Equal(PipelineErrorCode.RequirementNotMet, ex.Code);
    }

    [Fact]
    public void Rehydrate_StoredTokenLayers_GivesEqualValuesInCompactJson()
    {
        // Given a tokenised document whose layers are stored as JSON
        var doc = Article();
        new TokenizationStage().Run(doc, CancellationToken.None);
        var stored = doc.LayerKeys.Select(k => KeyValuePair.Create(k.Name, DocumentJson.SerializeLayer(k, doc.GetUntyped(k)!))).ToList();

        // When the document is rebuilt from them
        var back = DocumentJson.Rehydrate(doc.Source, stored);

        // Then tokens and sentences are equal, and tokens are stored as short arrays
        Assert.Equal(doc.Get(TokenLayers.Tokens).ToArray(), back.Get(TokenLayers.Tokens).ToArray());
        Assert.Equal(doc.Get(TokenLayers.Sentences).ToArray(), back.Get(TokenLayers.Sentences).ToArray());
        Assert.StartsWith("[[0,6,0,1],[7,14,0]", stored.Single(s => s.Key == "tokens").Value, StringComparison.Ordinal);
        Assert.StartsWith("[[0,28],", stored.Single(s => s.Key == "sentences").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_Cancelled_Throws()
    {
        // Given a cancelled token
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        // When / Then analysing throws
        Assert.Throws<OperationCanceledException>(() => new TokenizationStage().Analyze(Article(), cts.Token));
    }
}
