using System.Collections.Immutable;
using Parallax.Nlp.Ner;

namespace Parallax.Nlp.Linking;

/// <summary>
/// One identity per referent across documents. Linked mentions already share "actor:…" keys and unknown names share
/// their normalised name key; this helper also joins an unknown surname-only person key ("per:samaan") to the one
/// unknown full name that ends with it ("per:elia samaan") when exactly one such full name exists in the collection.
/// </summary>
/// <remarks>Pure and thread-safe: the result depends only on the keys given, not on their order.</remarks>
public static class MentionClusters
{
    /// <summary>
    /// Maps every cluster key of <paramref name="mentions"/> (null keys are skipped) to its identity: itself, or the
    /// unique unknown full-name key a surname-only person key joins.
    /// </summary>
    public static ImmutableDictionary<string, string> Identities(IEnumerable<EntityMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        var keys = mentions.Select(m => m.ClusterKey).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var fullBySurname = keys
            .Where(k => k.StartsWith("per:", StringComparison.Ordinal) && k.Contains(' ', StringComparison.Ordinal))
            .GroupBy(k => k[(k.LastIndexOf(' ') + 1)..], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var result = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var identity = key;
            if (key.StartsWith("per:", StringComparison.Ordinal) && !key.Contains(' ', StringComparison.Ordinal)
                && fullBySurname.TryGetValue(key[4..], out var full) && full.Count == 1)
                identity = full[0];
            result[key] = identity;
        }

        return result.ToImmutable();
    }
}
