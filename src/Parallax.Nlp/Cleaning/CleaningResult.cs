using System.Collections.Immutable;
using Parallax.Nlp.Documents;

namespace Parallax.Nlp.Cleaning;

/// <summary>What a cleaner produces from one raw input: the clean text (with its map and removed blocks)
/// and the metadata candidates found in the page or the text (headline, byline, date, outlet…).</summary>
/// <param name="Clean">The clean text, paragraphs, offset map and removed blocks.</param>
/// <param name="Metadata">Metadata candidates, each with its source and evidence.</param>
public sealed record CleaningResult(CleanedText Clean, ImmutableArray<MetadataCandidate> Metadata);
