using System.Collections.Immutable;

namespace Parallax.Nlp.Entities;

/// <summary>
/// One entry of the actor knowledge base: immutable, safe to share between threads. Ids are stable across
/// versions of the shipped data ("country:sy", "person:bashar-al-assad") and are the keys user files override.
/// </summary>
public sealed class Actor
{
    internal Actor(
        string id,
        ActorType type,
        string name,
        ImmutableArray<string> aliases,
        ImmutableArray<string> demonyms,
        string? countryCode,
        string? iso3,
        string? capital,
        string? parentId,
        ImmutableArray<string> affiliations,
        string? wikidataId,
        ImmutableArray<ActorRole> roles)
    {
        Id = id;
        Type = type;
        Name = name;
        Aliases = aliases;
        Demonyms = demonyms;
        CountryCode = countryCode;
        Iso3 = iso3;
        Capital = capital;
        ParentId = parentId;
        Affiliations = affiliations;
        WikidataId = wikidataId;
        Roles = roles;
    }

    /// <summary>Our stable id, unique in a loaded knowledge base.</summary>
    public string Id { get; }

    /// <summary>What kind of actor this is.</summary>
    public ActorType Type { get; }

    /// <summary>The canonical English name.</summary>
    public string Name { get; }

    /// <summary>Other names, abbreviations and transliteration variants, as written in the data.</summary>
    public ImmutableArray<string> Aliases { get; }

    /// <summary>Adjectives and demonyms that refer to this actor ("Syrian", "Shi'ite").</summary>
    public ImmutableArray<string> Demonyms { get; }

    /// <summary>ISO 3166-1 alpha-2 code of the country the actor belongs to (or is), upper case; null when none.</summary>
    public string? CountryCode { get; }

    /// <summary>ISO 3166-1 alpha-3 code, for countries; null otherwise.</summary>
    public string? Iso3 { get; }

    /// <summary>The capital city, for countries; null otherwise.</summary>
    public string? Capital { get; }

    /// <summary>Id of the actor this one is part of (a unit's army, a ministry's government); null when none.</summary>
    public string? ParentId { get; }

    /// <summary>Ids of actors this one is aligned with or backed by (Hezbollah: Iran).</summary>
    public ImmutableArray<string> Affiliations { get; }

    /// <summary>The Wikidata item id ("Q858") when known with confidence; null otherwise, never guessed.</summary>
    public string? WikidataId { get; }

    /// <summary>Offices held, in data-file order.</summary>
    public ImmutableArray<ActorRole> Roles { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({Type}: {Name})";
}
