using System.Collections.Immutable;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Pipeline;
using Parallax.Text;
using Parallax.Text.Tokens;

namespace Parallax.Nlp.Tokens;

/// <summary>The tokens and sentences of one document, as computed by <see cref="TokenizationStage.Analyze"/>.</summary>
/// <param name="Tokens">Tokens of the clean text, ordered.</param>
/// <param name="Sentences">Sentences of the clean text, ordered; every token lies in exactly one.</param>
public sealed record TokenizationResult(ImmutableArray<Token> Tokens, ImmutableArray<TextSpan> Sentences);

/// <summary>
/// Cuts the clean text into tokens and sentences. Requires <see cref="Layers.Clean"/>; assigns
/// <see cref="TokenLayers.Tokens"/> and <see cref="TokenLayers.Sentences"/>.
/// </summary>
/// <remarks>Stateless apart from the immutable tokenizer and splitter: one instance serves many threads.</remarks>
public sealed class TokenizationStage : PipelineStage<TokenizationResult>
{
    private readonly Tokenizer _tokenizer;
    private readonly SentenceSplitter _splitter;

    static TokenizationStage() => TokenLayers.Register();

    /// <summary>Creates the stage with the default tokenizer and splitter.</summary>
    public TokenizationStage() : this(Tokenizer.Default, SentenceSplitter.Default) { }

    /// <summary>Creates the stage with the given tokenizer and splitter; throws <see cref="ArgumentNullException"/> for null.</summary>
    public TokenizationStage(Tokenizer tokenizer, SentenceSplitter splitter)
    {
        _tokenizer = tokenizer ?? throw new ArgumentNullException(nameof(tokenizer));
        _splitter = splitter ?? throw new ArgumentNullException(nameof(splitter));
    }

    /// <inheritdoc />
    public override string Name => "tokens";

    /// <inheritdoc />
    public override IReadOnlyList<AnnotationKey> Requires => [Layers.Clean];

    /// <inheritdoc />
    public override IReadOnlyList<AnnotationKey> Assigns => [TokenLayers.Tokens, TokenLayers.Sentences];

    /// <summary>Tokenises and splits the clean text; throws <see cref="PipelineException"/> PX1004 when it is missing.</summary>
    public override TokenizationResult Analyze(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        cancellationToken.ThrowIfCancellationRequested();
        var text = document.Text;
        var tokens = _tokenizer.Tokenize(text);
        cancellationToken.ThrowIfCancellationRequested();
        return new TokenizationResult(tokens, _splitter.Split(text, tokens));
    }

    /// <inheritdoc />
    public override void Apply(Document document, TokenizationResult result)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(result);
        document.Set(TokenLayers.Tokens, result.Tokens);
        document.Set(TokenLayers.Sentences, result.Sentences);
    }
}
