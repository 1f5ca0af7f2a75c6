using System.Text;
using Parallax.Nlp.Entities;
using Parallax.Nlp.Events;

namespace Parallax.Core.Analysis;

/// <summary>Identity and affiliation keys for event participants and quoted speakers, through the actor knowledge base.</summary>
internal sealed class ActorKeys(ActorKnowledgeBase kb)
{
    /// <summary>The participant as a story actor: the linked actor, else the document cluster key, else its folded words.
    /// Null for a city or region standing where an actor should (the destination of "flew to Moscow" is a place, not a party).</summary>
    public StoryActor? Of(EventParticipant? p)
    {
        if (p is null || IsPlace(p)) return null;
        if (p.ActorId is { } id) return new StoryActor("actor:" + id, kb.Find(id)?.Name ?? p.Text);
        if (p.ClusterKey is { Length: > 0 } key)
        {
            // A cluster key is "actor:…" for linked mentions; those have a knowledge-base name.
            if (key.StartsWith("actor:", StringComparison.Ordinal) && kb.Find(key["actor:".Length..]) is { } actor) return new StoryActor(key, actor.Name);
            return new StoryActor(key, Clean(p.Text));
        }
        var folded = FramingLexicon.Fold(Clean(p.Text));
        return folded.Length == 0 ? null : new StoryActor("text:" + folded, Clean(p.Text));
    }

    /// <summary>A speaker as a story actor, when it is a named source linked to the knowledge base or a document identity.</summary>
    public StoryActor? Of(Parallax.Nlp.Quotes.Speaker? s)
    {
        if (s is null || s.Kind != Parallax.Nlp.Quotes.SourceKind.Named) return null;
        if (s.ActorId is { } id) return new StoryActor("actor:" + id, kb.Find(id)?.Name ?? s.Text);
        return s.ClusterKey is { Length: > 0 } key ? new StoryActor(key, s.Text) : null;
    }

    private bool IsPlace(EventParticipant p)
    {
        var id = p.ActorId ?? (p.ClusterKey is { } k && k.StartsWith("actor:", StringComparison.Ordinal) ? k["actor:".Length..] : null);
        return id is not null && kb.Find(id) is { Type: ActorType.Location or ActorType.Region };
    }

    /// <summary>
    /// The side an actor stands for in claims: a country for states, their forces, officials' countries and demonym phrases
    /// ("Iranian troops", "pro-Iranian groupings", "Tehran-backed militias" → country:ir); an armed group's own id; otherwise
    /// the actor's identity key. Null when nothing is known.
    /// </summary>
    public string? Side(EventParticipant? p)
    {
        if (p is null) return null;
        // The words first: in "Iranian troops and fighters of Lebanon's Hezbollah" the first named side leads.
        if (SideOfWords(p.Text) is { } fromWords) return fromWords;
        var id = p.ActorId ?? (p.ClusterKey is { } k && k.StartsWith("actor:", StringComparison.Ordinal) ? k["actor:".Length..] : null);
        if (id is not null && kb.Find(id) is { } actor && SideOf(actor) is { } side) return side;
        return p.ClusterKey ?? "text:" + FramingLexicon.Fold(Clean(p.Text));
    }

    /// <summary>The side named by words ("Iranian forces", "Tehran", "pro-Iranian groupings"), or null.</summary>
    public string? SideOfWords(string text)
    {
        foreach (var raw in Words(text))
        {
            var word = raw.EndsWith("-backed", StringComparison.OrdinalIgnoreCase) ? raw[..^"-backed".Length] : raw;
            if (word.Length < 3 || !char.IsUpper(word[word.StartsWith("pro-", StringComparison.OrdinalIgnoreCase) ? Math.Min(4, word.Length - 1) : 0])) continue;
            foreach (var m in kb.ResolveDemonym(word))
                if (m.Confidence >= 0.9 && SideOf(m.Actor) is { } side) return side;
            foreach (var m in kb.Match(word))
                if (m.Confidence >= 0.9 && m.Actor.Type is ActorType.Country or ActorType.Location && SideOf(m.Actor) is { } side) return side;
        }
        return null;
    }

    /// <summary>True when the name (or demonym) is a country's: "Syria", "Syrian", "the US".</summary>
    public bool IsCountryName(string name) =>
        kb.Match(name).Any(m => m.Confidence >= 0.9 && m.Actor.Type == ActorType.Country)
        || kb.ResolveDemonym(name).Any(m => m.Confidence >= 0.9 && m.Actor.Type == ActorType.Country);

    /// <summary>The display name of a side key.</summary>
    public string NameOfKey(string key)
    {
        var id = key.StartsWith("actor:", StringComparison.Ordinal) ? key["actor:".Length..] : key;
        return kb.Find(id)?.Name ?? (key.StartsWith("text:", StringComparison.Ordinal) ? key["text:".Length..] : key);
    }

    private string? SideOf(Actor actor)
    {
        switch (actor.Type)
        {
            case ActorType.Country:
                return actor.Id;
            case ActorType.ArmedGroup:
                // A group backed by one state stands with it in claims ("Hezbollah fighters will withdraw" is part of
                // whether Iran's side withdraws); the slot label still names the group.
                var patrons = actor.Affiliations.Where(a => a.StartsWith("country:", StringComparison.Ordinal)).ToList();
                return patrons.Count == 1 ? patrons[0] : actor.Id;
            case ActorType.PoliticalParty or ActorType.InternationalOrganisation or ActorType.GroupLabel or ActorType.MediaOutlet:
                return actor.Id;
            case ActorType.Person:
                // A person speaks for the country of the office they hold, else for their own name.
                var of = actor.Roles.Select(r => kb.Find(r.OfId)).FirstOrDefault(a => a is not null);
                if (of is not null && of.Type != ActorType.Person && SideOf(of) is { } side) return side;
                return actor.CountryCode is { } pc ? "country:" + pc.ToLowerInvariant() : actor.Id;
            default:
                return actor.CountryCode is { } cc ? "country:" + cc.ToLowerInvariant() : actor.Id;
        }
    }

    private static IEnumerable<string> Words(string text)
    {
        var sb = new StringBuilder();
        foreach (char c in text)
        {
            if (char.IsLetter(c) || c is '-' or '\'' or '’') { sb.Append(c); continue; }
            if (sb.Length > 0) yield return sb.ToString();
            sb.Clear();
        }
        if (sb.Length > 0) yield return sb.ToString();
    }

    private static string Clean(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
