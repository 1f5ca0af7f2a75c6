using System.Collections.Frozen;
using System.Collections.Immutable;
using Parallax.Nlp.Entities;
using Parallax.Nlp.Ner;
using Parallax.Text;
using Parallax.Text.Tokens;

namespace Parallax.Nlp.Linking;

/// <summary>
/// Ties tagged spans to actors of the knowledge base within one document: names (transliteration-aware, through
/// <see cref="ActorKnowledgeBase.Match"/>), demonyms (<see cref="ActorKnowledgeBase.ResolveDemonym"/>), office
/// descriptions before or instead of a name ("the Israeli defence minister", through
/// <see cref="ActorKnowledgeBase.ResolveTitle"/> on the article's date), and surname-only mentions joined to the
/// document's full-name mention of the same person. Unknown names get a normalised <see cref="EntityMention.ClusterKey"/>.
/// </summary>
/// <remarks>Immutable; <see cref="Link"/> is safe to call from many threads.</remarks>
public sealed class EntityLinker
{
    /// <summary>Links below this confidence are dropped (the mention stays, unlinked).</summary>
    public const double MinimumLinkConfidence = 0.5;

    // Words that end an office description: "Israeli defence minister", "the Kremlin spokesman".
    private static readonly FrozenSet<string> OfficeHeads = FrozenSet.ToFrozenSet(
        ["minister", "president", "premier", "spokesman", "spokeswoman", "spokesperson", "secretary", "ambassador", "chief",
         "head", "envoy", "king", "leader", "commander", "director", "chancellor", "secretary-general", "emir", "monarch"],
        StringComparer.OrdinalIgnoreCase);

    // Words after a group's name that belong to it: "the Radwan force", "Tigers Force".
    private static readonly FrozenSet<string> UnitWords = FrozenSet.ToFrozenSet(
        ["force", "forces", "unit", "units", "division", "brigade", "brigades", "corps", "army", "front", "regiment", "battalion", "guard", "guards"],
        StringComparer.OrdinalIgnoreCase);

    // Capitalised words that are surnames of someone in the knowledge base but mostly mean something else.
    private static readonly FrozenSet<string> NotNames = FrozenSet.ToFrozenSet(
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
         "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Human", "Will", "Mark"],
        StringComparer.Ordinal);

    private readonly ActorKnowledgeBase _kb;
    private readonly FrozenDictionary<string, Actor> _orgSuffixes;

    /// <summary>Creates a linker over <paramref name="knowledgeBase"/>.</summary>
    public EntityLinker(ActorKnowledgeBase knowledgeBase)
    {
        _kb = knowledgeBase ?? throw new ArgumentNullException(nameof(knowledgeBase));
        // Trailing runs of two or more words of organisation names ("Revolutionary Guard Corps" in "Islamic
        // Revolutionary Guard Corps"), kept only when a single actor owns them.
        var suffixes = new Dictionary<string, Actor?>(StringComparer.Ordinal);
        foreach (var actor in knowledgeBase.Actors.Where(a => Gazetteer.TypeOf(a.Type) == GazetteerType.Organisation))
        {
            foreach (var name in actor.Aliases.Prepend(actor.Name))
            {
                var tokens = NameKeys.TranslitTokens(name);
                for (int start = 1; start + 2 <= tokens.Count; start++)
                {
                    var key = string.Concat(tokens.Skip(start));
                    suffixes[key] = suffixes.TryGetValue(key, out var other) && other is not null && other.Id != actor.Id ? null : actor;
                }
            }
        }

        _orgSuffixes = suffixes.Where(p => p.Value is not null).ToFrozenDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
    }

    /// <summary>
    /// Links the spans of one document. <paramref name="spans"/> are the tagger's output over <paramref name="text"/>
    /// (ordered, not overlapping), <paramref name="tokens"/> the document's tokens, <paramref name="on"/> the article's
    /// publication day when known (office holders on that day win). Returns mentions ordered by start, not overlapping.
    /// </summary>
    public ImmutableArray<EntityMention> Link(string text, ReadOnlySpan<Token> tokens, IReadOnlyList<NerSpan> spans, DateOnly? on)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        var mentions = new List<EntityMention>(spans.Count);
        int previousEnd = 0;
        for (int s = 0; s < spans.Count; s++)
        {
            var span = spans[s];
            if (span.Span.Start < previousEnd) continue;
            var extended = Extend(text, tokens, StripTitles(text, tokens, span), s + 1 < spans.Count ? spans[s + 1].FirstToken : tokens.Length);
            var mention = LinkOne(text, extended, on);
            // A description right before an unlinked name ("Defense Minister Avigdor Liberman") is not needed when the
            // name links; a title-only description becomes its own mention below.
            mentions.Add(mention);
            previousEnd = mention.Span.End;
        }

        AddTitleMentions(text, tokens, mentions, on);
        SplitCompounds(text, tokens, mentions, on);
        AddUntaggedSurnames(text, tokens, mentions);
        JoinSurnames(text, mentions);
        mentions.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return [.. mentions];
    }

    private static readonly char[] CompoundHyphens = ['-', '\u2010', '\u2011', '\u2013'];

    /// <summary>
    /// One hyphenated token naming two or more known actors ("Syrian-Hizballah forces", "the Daraa-Quneitra operation",
    /// "Russian-Israeli talks") becomes one linked mention per part, replacing what the tagger made of the token (it
    /// sees one word and may call it a person). Every part must be capitalised, three letters or more, and a name,
    /// alias or demonym of the knowledge base; a token the knowledge base knows whole ("El-Quneitra") is left alone,
    /// as is a longer linked name containing the token.
    /// </summary>
    private void SplitCompounds(string text, ReadOnlySpan<Token> tokens, List<EntityMention> mentions, DateOnly? on)
    {
        foreach (var token in tokens)
        {
            if (token.Length < 7) continue;
            var word = text.AsSpan(token.Start, token.Length);
            if (word.IndexOfAny(CompoundHyphens) <= 0) continue;
            var whole = _kb.Match(word.ToString(), on);
            if (whole.Count > 0 && whole[0].Kind is ActorMatchKind.Exact or ActorMatchKind.Transliteration) continue;
            var parts = new List<(TextSpan Span, ActorMatch Match)>();
            for (int start = 0; start <= word.Length;)
            {
                int cut = word[start..].IndexOfAny(CompoundHyphens);
                int end = cut < 0 ? word.Length : start + cut;
                var part = word[start..end];
                if (part.Length < 3 || !char.IsUpper(part[0])) break;
                var found = _kb.Match(part.ToString(), on);
                if (found.Count == 0 || found[0].Confidence < MinimumLinkConfidence
                    || found[0].Kind is not (ActorMatchKind.Exact or ActorMatchKind.Transliteration or ActorMatchKind.Demonym)) break;
                parts.Add((new TextSpan(token.Start + start, token.Start + end), found[0]));
                start = end + 1;
                if (cut < 0) break;
            }
            int pieces = word.ToString().Split(CompoundHyphens).Length;
            if (parts.Count < 2 || parts.Count != pieces) continue;
            var covering = mentions.FindAll(m => m.Span.Start < token.End && token.Start < m.Span.End);
            bool exact = covering.Count == 1 && covering[0].Span.Start == token.Start && covering[0].Span.End == token.End;
            if (covering.Any(m => m.ActorId is not null) && !exact) continue;
            foreach (var m in covering) mentions.Remove(m);
            foreach (var (span, match) in parts)
            {
                mentions.Add(match.Kind == ActorMatchKind.Demonym
                    ? Linked(span, EntityType.Norp, 0.8, match, "compound; demonym")
                    : Linked(span, TypeOf(match.Actor.Type), 0.8, match, "compound; " + Reason(match.Kind)));
            }
        }
    }

    /// <summary>The normalised name key of an unknown name: a type letter and the transliteration tokens ("per:hassan nasrallah").</summary>
    public static string NameKey(EntityType type, string name) =>
        TypePrefix(type) + ":" + string.Join(' ', NameKeys.TranslitTokens(name));

    private static string TypePrefix(EntityType type) => type switch
    {
        EntityType.Person => "per",
        EntityType.Organisation => "org",
        EntityType.Location => "loc",
        EntityType.Norp => "norp",
        _ => "oth",
    };

    private static EntityType TypeOf(ActorType type) => Gazetteer.TypeOf(type) switch
    {
        GazetteerType.Person => EntityType.Person,
        GazetteerType.Location => EntityType.Location,
        GazetteerType.Norp => EntityType.Norp,
        _ => EntityType.Organisation,
    };

    // "Maj.-Gen. Tamir Heyman", "Minister Lieberman": the title is context, not part of the name.
    private static NerSpan StripTitles(string text, ReadOnlySpan<Token> tokens, NerSpan span)
    {
        int first = span.FirstToken;
        while (first < span.EndToken - 1 && IsTitleWord(text, tokens[first])) first++;
        return first == span.FirstToken ? span : span with { Span = new TextSpan(tokens[first].Start, span.Span.End), FirstToken = first };
    }

    private static bool IsTitleWord(string text, Token token)
    {
        var word = text.AsSpan(token.Start, token.Length).TrimEnd('.');
        return Gazetteer.Default.IsTitle(FeatureHash.Lower(word)) || OfficeHeads.Contains(word.ToString());
    }

    private NerSpan Extend(string text, ReadOnlySpan<Token> tokens, NerSpan span, int nextSpanToken)
    {
        if (span.Type is not (EntityType.Organisation or EntityType.Person or EntityType.Other) || span.EndToken >= nextSpanToken) return span;
        var next = tokens[span.EndToken];
        if (!UnitWords.Contains(text[next.Start..next.End]) || next.Start - span.Span.End > 1) return span;
        var longer = text[span.Span.Start..next.End];
        var matches = _kb.Match(longer, null, "ORG");
        return matches.Count > 0 && matches[0].Kind is ActorMatchKind.Exact or ActorMatchKind.Transliteration or ActorMatchKind.Fuzzy
            ? span with { Span = new TextSpan(span.Span.Start, next.End), Type = EntityType.Organisation, EndToken = span.EndToken + 1 }
            : span;
    }

    private EntityMention LinkOne(string text, NerSpan span, DateOnly? on)
    {
        var surface = Surface(text, span.Span);
        var type = span.Type;
        if (type == EntityType.Norp)
        {
            var demonym = _kb.ResolveDemonym(surface);
            // "Iranians", "Russians": the plural of a demonym.
            if (demonym.Count == 0 && surface.Length > 4 && surface.EndsWith('s'))
                demonym = _kb.ResolveDemonym(surface[..^1]);
            if (demonym.Count > 0 && demonym[0].Confidence >= MinimumLinkConfidence)
                return Linked(span.Span, type, span.Confidence, demonym[0], "demonym");
            return Unlinked(span, type, surface);
        }

        var hint = type switch
        {
            EntityType.Person => "PER",
            EntityType.Location => "LOC",
            EntityType.Organisation => "ORG",
            _ => null,
        };
        var matches = _kb.Match(surface, on, hint);
        if (matches.Count > 0)
        {
            var best = matches[0];
            var strong = best.Kind is ActorMatchKind.Exact or ActorMatchKind.Transliteration;
            var bestType = TypeOf(best.Actor.Type);
            // A name the knowledge base knows exactly under another type only ("Jordan", "State Department") takes that type.
            if (strong && bestType != type && !matches.Any(m => m.Kind is ActorMatchKind.Exact or ActorMatchKind.Transliteration && TypeOf(m.Actor.Type) == type))
                return Linked(span.Span, bestType, span.Confidence, best, Reason(best.Kind) + "; retyped");
            if (best.Kind == ActorMatchKind.Demonym)
                return Linked(span.Span, EntityType.Norp, span.Confidence, best, "demonym; retyped");
            if (best.Kind == ActorMatchKind.Surname && NotNames.Contains(surface))
                return Unlinked(span, type, surface);
            if (bestType == type && best.Confidence >= MinimumLinkConfidence && (best.Kind != ActorMatchKind.Fuzzy || surface.Length >= 6))
                return Linked(span.Span, type, span.Confidence, best, Reason(best.Kind));
        }

        if (type == EntityType.Organisation && _orgSuffixes.TryGetValue(NameKeys.Translit(surface), out var org))
            return Linked(span.Span, type, span.Confidence, new ActorMatch(org, 0.8, ActorMatchKind.Transliteration), "name-suffix");
        if (NarrowToKnownName(text, span) is { } narrowed)
            return narrowed;
        return Unlinked(span, type, surface);
    }

    // "Lebanese Hezbollah", "US Secretary of State Mike Pompeo": the span holds words before a name the knowledge base
    // knows exactly; the mention becomes that name. Only capitalised runs of whole words count.
    private EntityMention? NarrowToKnownName(string text, NerSpan span)
    {
        var tokens = new List<Token>();
        Tokenizer.Default.Tokenize(text.AsSpan(span.Span.Start, span.Span.Length), tokens);
        for (int first = 1; first < tokens.Count; first++)
        {
            if (!tokens[first].Has(TokenFlags.Capitalized)) continue;
            var start = span.Span.Start + tokens[first].Start;
            var rest = Surface(text, new TextSpan(start, span.Span.End));
            var match = _kb.Match(rest).FirstOrDefault();
            if (match is null || match.Kind is not (ActorMatchKind.Exact or ActorMatchKind.Transliteration)) continue;
            var narrowed = new TextSpan(start, span.Span.End);
            return Linked(narrowed, TypeOf(match.Actor.Type), span.Confidence, match, Reason(match.Kind) + "; narrowed");
        }

        return null;
    }

    private void AddTitleMentions(string text, ReadOnlySpan<Token> tokens, List<EntityMention> mentions, DateOnly? on)
    {
        var taken = mentions.Select(m => m.Span).ToList();
        for (int i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind != TokenKind.Word || !OfficeHeads.Contains(text[tokens[i].Start..tokens[i].End])) continue;
            // The description: up to five words before the head, stopping at punctuation; "head of the X Ministry" reads forward.
            int first = i;
            while (first > 0 && i - first < 5 && tokens[first - 1].Kind is TokenKind.Word or TokenKind.Clitic or TokenKind.Abbreviation) first--;
            // Start at "the" or the first capitalised word: "said the head of …" reads as "the head of …".
            while (first < i && !char.IsUpper(text[tokens[first].Start])
                   && !string.Equals(text[tokens[first].Start..tokens[first].End], "the", StringComparison.OrdinalIgnoreCase))
                first++;
            int last = i;
            if (string.Equals(text[tokens[i].Start..tokens[i].End], "head", StringComparison.OrdinalIgnoreCase))
                while (last + 1 < tokens.Length && last - i < 6 && tokens[last + 1].Kind is TokenKind.Word or TokenKind.Clitic) last++;
            int descriptionEnd = tokens[last].End;
            var nextIsPerson = mentions.Any(m => m.Type == EntityType.Person && m.Span.Start >= descriptionEnd && m.Span.Start - descriptionEnd <= 2);
            var description = text[tokens[first].Start..tokens[last].End];
            var holders = _kb.ResolveTitle(description, on);
            if (holders.Count == 0 || holders[0].Confidence < MinimumLinkConfidence) continue;
            if (nextIsPerson) continue;
            var holder = holders[0];
            // Without the article's date, a person named in the same article who held this office is the likelier referent.
            if (on is null && holder.Role is { } role)
            {
                var named = mentions
                    .Where(m => m.Type == EntityType.Person && m.ActorId is not null)
                    .Select(m => _kb.Find(m.ActorId!))
                    .FirstOrDefault(a => a is not null && a.Roles.Any(r => string.Equals(r.Office, role.Office, StringComparison.Ordinal) && string.Equals(r.OfId, role.OfId, StringComparison.Ordinal)));
                if (named is not null) holder = new ActorMatch(named, 0.85, ActorMatchKind.Title, role);
            }

            // The mention covers the office phrase from its first capitalised or scope word up to the head.
            var span = new TextSpan(tokens[first].Start, tokens[last].End);
            if (taken.Any(t => t.Overlaps(span)))
            {
                // Keep the description only when it is wider than the scope mention inside it ("Israeli" + "defence minister").
                var inner = mentions.FindIndex(m => m.Span.Overlaps(span));
                if (inner < 0 || !span.Contains(mentions[inner].Span) || mentions[inner].Type == EntityType.Person) continue;
                if (mentions.Any(m => m.Span.Overlaps(span) && !span.Contains(m.Span))) continue;
                mentions.RemoveAll(m => span.Contains(m.Span));
                taken.RemoveAll(t => span.Contains(t));
            }

            taken.Add(span);
            mentions.Add(new EntityMention(span, EntityType.Person, holder.Confidence, holder.Actor.Id, holder.Confidence, "actor:" + holder.Actor.Id, "title"));
            i = last;
        }
    }

    // A capitalised word equal to the last word of a person named in full elsewhere in the document, which the
    // tagger missed ("Wiśniewska-Kral thanked …"), is a mention of that person.
    private static void AddUntaggedSurnames(string text, ReadOnlySpan<Token> tokens, List<EntityMention> mentions)
    {
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in mentions.Where(m => m.Type == EntityType.Person))
        {
            var words = Surface(text, m.Span).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2 && words[^1].Length >= 3) surnames.Add(words[^1]);
        }

        if (surnames.Count == 0) return;
        var taken = mentions.Select(m => m.Span).ToList();
        foreach (var token in tokens)
        {
            if (token.Kind != TokenKind.Word || !token.Has(TokenFlags.Capitalized) || !surnames.Contains(text[token.Start..token.End])) continue;
            if (taken.Any(t => t.Overlaps(token.Span))) continue;
            mentions.Add(new EntityMention(token.Span, EntityType.Person, 0.5, null, 0, null, "unknown"));
            taken.Add(token.Span);
        }
    }

    private static void JoinSurnames(string text, List<EntityMention> mentions)
    {
        // Full names of people in this document, by the transliteration key of their last word.
        var byLast = new Dictionary<string, List<EntityMention>>(StringComparer.Ordinal);
        foreach (var m in mentions.Where(m => m.Type == EntityType.Person && !string.Equals(m.LinkReason, "title", StringComparison.Ordinal)))
        {
            // Whole words as written: "Wiśniewska-Kral" is one surname, not two.
            var words = Surface(text, m.Span).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2) continue;
            var last = NameKeys.Translit(words[^1]);
            if (last.Length == 0) continue;
            if (!byLast.TryGetValue(last, out var list)) byLast[last] = list = [];
            list.Add(m);
        }

        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (string.Equals(m.LinkReason, "title", StringComparison.Ordinal)) continue;
            // Another type only when the knowledge base did not know the word either ("Assad" tagged as a place).
            if (m.Type != EntityType.Person && (m.Type == EntityType.Norp || m.ActorId is not null && m.LinkConfidence >= 0.9)) continue;
            var surface = Surface(text, m.Span);
            if (surface.Contains(' ', StringComparison.Ordinal) || !byLast.TryGetValue(NameKeys.Translit(surface), out var full)) continue;
            // The full name's identity wins over a knowledge-base guess from the surname alone.
            var identities = full.Select(f => f.ClusterKey).Distinct(StringComparer.Ordinal).ToList();
            if (identities.Count != 1) continue;
            var source = full[0];
            if (m.ActorId is not null && string.Equals(m.ActorId, source.ActorId, StringComparison.Ordinal) && !m.LinkReason.StartsWith("surname", StringComparison.Ordinal)) continue;
            mentions[i] = m with
            {
                Type = EntityType.Person,
                ActorId = source.ActorId,
                LinkConfidence = source.ActorId is null ? 0 : Math.Min(source.LinkConfidence, 0.9),
                ClusterKey = source.ClusterKey,
                LinkReason = "surname-in-document",
            };
        }
    }

    private static EntityMention Linked(TextSpan span, EntityType type, double confidence, ActorMatch match, string reason) =>
        new(span, type, confidence, match.Actor.Id, Math.Round(match.Confidence, 4), "actor:" + match.Actor.Id, reason);

    private static EntityMention Unlinked(NerSpan span, EntityType type, string surface)
    {
        var key = NameKeys.TranslitTokens(surface);
        return new EntityMention(span.Span, type, span.Confidence, null, 0, key.Count == 0 ? null : NameKey(type, surface), "unknown");
    }

    private static string Reason(ActorMatchKind kind) => kind switch
    {
        ActorMatchKind.Exact => "exact",
        ActorMatchKind.Transliteration => "transliteration",
        ActorMatchKind.Demonym => "demonym",
        ActorMatchKind.Affiliation => "affiliation",
        ActorMatchKind.Title => "title",
        ActorMatchKind.GivenNameVariant => "given-name-variant",
        ActorMatchKind.Phonetic => "phonetic",
        ActorMatchKind.Surname => "surname",
        _ => "fuzzy",
    };

    // Possessive clitics are separate tokens, but a span may still end in a curly or straight apostrophe.
    private static string Surface(string text, TextSpan span) => text[span.Start..span.End].TrimEnd('\'', '\u2019');
}
