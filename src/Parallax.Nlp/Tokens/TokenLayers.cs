using System.Collections.Immutable;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Serialization;
using Parallax.Text;
using Parallax.Text.Tokens;

namespace Parallax.Nlp.Tokens;

/// <summary>The layers assigned by <see cref="TokenizationStage"/>; offsets index the clean text (<see cref="Document.Text"/>).</summary>
public static class TokenLayers
{
    /// <summary>The tokens of the clean text, ordered by start, never overlapping.</summary>
    public static readonly AnnotationKey<ImmutableArray<Token>> Tokens = new("tokens");

    /// <summary>The sentences of the clean text, ordered, never overlapping; each starts and ends on a token boundary.</summary>
    public static readonly AnnotationKey<ImmutableArray<TextSpan>> Sentences = new("sentences");

    // Registered with the field initialisers, so reading a stored document works once either key was touched.
    static TokenLayers()
    {
        DocumentJson.Register(Tokens);
        DocumentJson.Register(Sentences);
    }

    /// <summary>Makes the layers known to <see cref="DocumentJson"/> (idempotent); call at composition time before reading a store.</summary>
    public static void Register()
    {
        DocumentJson.Register(Tokens);
        DocumentJson.Register(Sentences);
    }
}
