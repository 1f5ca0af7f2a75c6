using System.Collections.Immutable;
using Parallax.Core.Stories;
using Parallax.Ingest;
using Parallax.Nlp.Cleaning;
using Parallax.Nlp.Documents;

namespace Parallax.Evaluation.Clustering;

/// <summary>Where one article of a <see cref="FolderStories"/> run went.</summary>
/// <param name="SourceId">The input as the reader named it (path relative to the folder).</param>
/// <param name="Title">The resolved title, when one was found.</param>
/// <param name="Decision">The story index's decision.</param>
public sealed record FolderStoryRow(string SourceId, string? Title, StoryDecision Decision);

/// <summary>
/// Clusters a folder of articles the way the <c>parallax</c> command does before storing them: each input is read
/// by <see cref="SourceReader"/> (sidecar metadata included), cleaned by <see cref="CleaningStage"/>, and added to
/// a fresh <see cref="StoryIndex"/> with its clean text, resolved title, publication time and outlet, in the
/// reader's order. Used to check that one developing situation told by many outlets forms one story. Stateless and
/// thread-safe.
/// </summary>
public static class FolderStories
{
    /// <summary>Reads, cleans and clusters the inputs in order.</summary>
    /// <param name="inputs">Files or folders, as the command line takes them.</param>
    /// <param name="index">The index to add to; a fresh one with default options when null.</param>
    /// <param name="cancellationToken">Stops between inputs.</param>
    /// <returns>One row per article that was read and cleaned; inputs that cannot be read or hold no article text are skipped.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    public static async Task<ImmutableArray<FolderStoryRow>> RunAsync(
        IReadOnlyList<string> inputs, StoryIndex? index = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        index ??= StoryIndex.Create();
        var cleaning = new CleaningStage();
        var rows = ImmutableArray.CreateBuilder<FolderStoryRow>();
        using var reader = new SourceReader(new IngestOptions());
        await foreach (var item in reader.ReadAsync(inputs, cancellationToken).ConfigureAwait(false))
        {
            if (item is not IngestedSource ingested) continue;
            var doc = new Document(ingested.Source);
            try
            {
                cleaning.Apply(doc, cleaning.Analyze(doc, cancellationToken));
            }
            catch (InvalidDataException)
            {
                continue;
            }

            var input = Parallax.Core.Processing.ArticleProcessor.ToStoryInput(doc);
            rows.Add(new FolderStoryRow(ingested.Source.SourceId, input.Title, index.Add(input)));
        }

        return rows.ToImmutable();
    }

}
