using System.Collections.Immutable;
using Parallax.Nlp.Documents;

namespace Parallax.Ingest;

/// <summary>
/// One result of reading inputs: either an article (<see cref="IngestedSource"/>) or a failure
/// (<see cref="IngestFailure"/>). The hierarchy is closed: no other subtypes exist.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public abstract record IngestItem
{
    private protected IngestItem() { }
}

/// <summary>An article that was read, with what deserves a look about how it was read.</summary>
/// <param name="Source">The decoded raw text, its kind, its metadata candidates and the encoding used.</param>
/// <param name="Warnings">Non-fatal findings (PX39xx), in the order found; empty when the input was clean.</param>
public sealed record IngestedSource(DocumentSource Source, ImmutableArray<IngestWarning> Warnings) : IngestItem
{
    /// <summary>
    /// An identifier the input itself gave the article: the JSON Lines or sidecar <c>id</c>, a feed item's
    /// guid or Atom id, an e-mail's Message-ID. Null when there was none.
    /// </summary>
    public string? ExternalId { get; init; }
}

/// <summary>An input, or one item inside it, that could not be read. Reading goes on with the next one.</summary>
/// <param name="SourceId">What failed: a path ("corpus/a.txt"), a path and item or line ("feed.xml#3", "a.jsonl#12"), a URL or "stdin".</param>
/// <param name="Code">The stable code.</param>
/// <param name="Message">The printed message: starts with the code ("PX3004: "), names the input (and line or item) and says what to do.</param>
public sealed record IngestFailure(string SourceId, InputErrorCode Code, string Message) : IngestItem;

/// <summary>A non-fatal finding about an article that was read.</summary>
/// <param name="Code">The stable code.</param>
/// <param name="Message">The printed message: starts with the code ("PX3901: ") and names the input.</param>
public sealed record IngestWarning(IngestWarningCode Code, string Message);
