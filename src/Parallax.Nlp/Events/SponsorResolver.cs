using System.Collections.Concurrent;
using Parallax.Nlp.Entities;

namespace Parallax.Nlp.Events;

/// <summary>
/// Reads the backer out of a sponsorship modifier: "Iranian-backed", "Tehran-backed", "Iran-sponsored", "pro-Iranian",
/// "Russian-aligned" → the knowledge-base actor (a capital stands for its country). Thread-safe; caches per word.
/// </summary>
internal sealed class SponsorResolver(ActorKnowledgeBase actors)
{
    private static readonly string[] _suffixes =
        ["-backed", "-sponsored", "-supported", "-funded", "-financed", "-aligned", "-allied", "-affiliated", "-armed", "-trained", "-controlled", "-led", "-linked", "-loyal"];

    private readonly ConcurrentDictionary<string, string?> _cache = new(StringComparer.Ordinal);

    /// <summary>True when the (lower-case) word has the shape of a sponsorship modifier.</summary>
    public static bool IsSponsorWord(string word) =>
        word.StartsWith("pro-", StringComparison.Ordinal) && word.Length > 5
        || Array.Exists(_suffixes, s => word.EndsWith(s, StringComparison.Ordinal) && word.Length > s.Length + 1);

    /// <summary>The backer's actor id for a sponsorship modifier, or null when the word is none or names no known actor.</summary>
    public string? Resolve(string word) => IsSponsorWord(word) ? _cache.GetOrAdd(word, ResolveUncached) : null;

    /// <summary>The country whose capital <paramref name="actorId"/> is (loc:tehran → country:ir), or null.</summary>
    public string? StateOfCapital(string actorId) => _capitals.Value.GetValueOrDefault(actorId);

    private readonly Lazy<Dictionary<string, string>> _capitals = new(() =>
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in actors.Actors)
            if (a.Type == ActorType.Country && a.Capital is { Length: > 0 } capital) byName.TryAdd(capital, a.Id);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in actors.Actors)
            if (a.Type == ActorType.Location && byName.TryGetValue(a.Name, out var country)) result[a.Id] = country;
        return result;
    });

    private string? ResolveUncached(string word)
    {
        string name = word.StartsWith("pro-", StringComparison.Ordinal)
            ? word[4..]
            : word[..word.LastIndexOf('-')];
        var demonym = actors.ResolveDemonym(name);
        if (demonym.Count == 1) return demonym[0].Actor.Id;
        var match = actors.Match(name).Where(m => m.Kind is ActorMatchKind.Exact or ActorMatchKind.Transliteration).ToList();
        if (match.Count != 1) return null;
        // "Tehran-backed": a capital stands for its state.
        return StateOfCapital(match[0].Actor.Id) ?? match[0].Actor.Id;
    }
}
