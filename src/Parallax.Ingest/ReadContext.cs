using System.Collections.Immutable;
using Parallax.Nlp.Documents;

namespace Parallax.Ingest;

/// <summary>What is known about one input before its content is parsed.</summary>
/// <param name="SourceId">The id articles from this input carry (items add "#N").</param>
/// <param name="SidecarMetadata">Candidates from a sidecar, placed first so they win ties.</param>
/// <param name="Warnings">Warnings so far (sidecar, decoding), copied onto every article.</param>
/// <param name="ExternalId">The sidecar's id, when given.</param>
/// <param name="EncodingName">The encoding the content was decoded with.</param>
internal sealed record ReadContext(
    string SourceId,
    ImmutableArray<MetadataCandidate> SidecarMetadata,
    ImmutableArray<IngestWarning> Warnings,
    string? ExternalId,
    string EncodingName = "utf-8");
