namespace Parallax.Nlp.Entities;

/// <summary>How a mention was tied to an actor; the kinds are listed from the most to the least certain evidence.</summary>
public enum ActorMatchKind
{
    /// <summary>The mention equals the canonical name or an alias once case, diacritics and punctuation are folded.</summary>
    Exact,
    /// <summary>The mention equals a name or alias under the transliteration key (al-/el- optional, kh/h, q/k, ou/u, …).</summary>
    Transliteration,
    /// <summary>The mention is an adjective or demonym of the actor ("Syrian" for Syria).</summary>
    Demonym,
    /// <summary>The mention says "pro-X": the actor is the affiliation, not the thing mentioned.</summary>
    Affiliation,
    /// <summary>The mention names an office; the actor held it on the requested date.</summary>
    Title,
    /// <summary>Same surname, and a given name with the same initial but another spelling ("Binyamin" for "Benjamin").</summary>
    GivenNameVariant,
    /// <summary>The mention sounds like a name or alias: equal consonant skeletons of the transliteration keys.</summary>
    Phonetic,
    /// <summary>The mention is a surname alone (or a phonetic variant of one) of a person entry.</summary>
    Surname,
    /// <summary>The mention is within a small edit distance of a name or alias key.</summary>
    Fuzzy,
}

/// <summary>
/// One candidate for a mention. <see cref="Confidence"/> lies in (0, 1]; values are comparable only within one
/// knowledge base version, and candidates are returned best first. <see cref="Role"/> is set for title matches.
/// </summary>
public sealed record ActorMatch(Actor Actor, double Confidence, ActorMatchKind Kind, ActorRole? Role = null);
