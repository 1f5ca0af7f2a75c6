using System.Collections.Immutable;
using Parallax.Nlp.Pipeline;
using Parallax.Nlp.Time;

namespace Parallax.Nlp.Documents;

/// <summary>
/// One article under analysis: its raw source and typed, write-once annotation layers. The clean text
/// (<see cref="Text"/>) is itself a layer, so once cleaned it never changes; every other annotation is a
/// stand-off span of UTF-16 offsets into it.
/// </summary>
/// <remarks>
/// A document is written by one pipeline run at a time. Writing a layer twice throws
/// <see cref="PipelineException"/> (PX1003). Once processing is over, every member is safe to read from many threads.
/// </remarks>
public sealed class Document
{
    private readonly Lock _gate = new();
    private ImmutableDictionary<AnnotationKey, object> _layers = ImmutableDictionary<AnnotationKey, object>.Empty;
    private ImmutableList<AnnotationKey> _order = [];

    /// <summary>Starts a document from its source. The id is the source's content hash.</summary>
    public Document(DocumentSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Source = source;
    }

    /// <summary>The content hash of the raw text; stable across runs and machines.</summary>
    public string Id => Source.ContentHash;

    /// <summary>The raw source as read.</summary>
    public DocumentSource Source { get; }

    /// <summary>The raw text (HTML source or plain text).</summary>
    public string Raw => Source.Raw;

    /// <summary>The clean text. Throws <see cref="PipelineException"/> (PX1004) before a cleaning stage ran.</summary>
    public string Text => Get(Layers.Clean).Text;

    /// <summary>
    /// The resolved metadata: the reader's candidates, those found in the page and the text, the
    /// identified language and the inferred publication date, resolved by source preference. Recomputed on each call.
    /// </summary>
    public ArticleMetadata Metadata
    {
        get
        {
            var all = Source.Metadata.AsEnumerable();
            if (TryGet(Layers.TextMetadata, out var found)) all = all.Concat(found);
            if (TryGet(Layers.Language, out var lang) && lang.Language != "und")
                all = all.Append(new MetadataCandidate(MetadataField.Language, lang.Language, MetadataSource.Inferred, lang.Confidence));
            // The temporal stage's inferred anchor is the publication day when nothing else supplied one; it ranks last.
            if (TimeLayers.TryGetAnchor(this, out var anchor) && PublicationDate.Candidate(anchor) is { } published)
                all = all.Append(published);
            return new ArticleMetadata(all);
        }
    }

    /// <summary>The layers present, in the order they were assigned.</summary>
    public IReadOnlyList<AnnotationKey> LayerKeys => _order;

    /// <summary>True when the layer has been assigned.</summary>
    public bool Has(AnnotationKey key) => _layers.ContainsKey(key);

    /// <summary>The layer's value; throws <see cref="PipelineException"/> (PX1004) when it was never assigned.</summary>
    public T Get<T>(AnnotationKey<T> key) where T : notnull =>
        TryGet(key, out var value)
            ? value
            : throw new PipelineException(PipelineErrorCode.LayerMissing,
                $"Document {Id} has no '{key.Name}' layer; add the stage that assigns it before the one that reads it.");

    /// <summary>Reads a layer if present.</summary>
    public bool TryGet<T>(AnnotationKey<T> key, out T value) where T : notnull
    {
        if (_layers.TryGetValue(key, out var v))
        {
            value = (T)v;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>The untyped value of a layer, for exporters that walk every layer.</summary>
    public object? GetUntyped(AnnotationKey key) => _layers.GetValueOrDefault(key);

    /// <summary>Assigns a layer once; a second write throws <see cref="PipelineException"/> (PX1003).</summary>
    public void Set<T>(AnnotationKey<T> key, T value) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            if (_layers.ContainsKey(key))
                throw new PipelineException(PipelineErrorCode.LayerWrittenTwice,
                    $"Layer '{key.Name}' of document {Id} is already assigned; layers are write-once.");
            _layers = _layers.Add(key, value);
            _order = _order.Add(key);
        }
    }
}
