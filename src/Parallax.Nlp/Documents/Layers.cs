using System.Collections.Immutable;

namespace Parallax.Nlp.Documents;

/// <summary>
/// The well-known layers of a <see cref="Document"/>. Later stages add their own keys beside these
/// (tokens, sentences, mentions, …); a key is declared once, here or next to the stage that assigns it.
/// </summary>
public static class Layers
{
    /// <summary>The clean text, its paragraphs, offset map and removed blocks. Assigned by a cleaning stage.</summary>
    public static readonly AnnotationKey<CleanedText> Clean = new("clean");

    /// <summary>Metadata candidates found while cleaning and in text cues. Assigned by cleaning / cue stages.</summary>
    public static readonly AnnotationKey<ImmutableArray<MetadataCandidate>> TextMetadata = new("text-metadata");

    /// <summary>Document-level language. Assigned by language identification.</summary>
    public static readonly AnnotationKey<LanguageTag> Language = new("language");

    /// <summary>Language of each paragraph, and of each line that differs from its paragraph. Ordered by start.</summary>
    public static readonly AnnotationKey<ImmutableArray<LanguageTag>> LanguageSpans = new("language-spans");
}
