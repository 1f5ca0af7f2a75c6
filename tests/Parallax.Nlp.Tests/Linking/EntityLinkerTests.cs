using Parallax.Nlp.Linking;
using Parallax.Nlp.Ner;
using Parallax.Nlp.Tests.Ner;

namespace Parallax.Nlp.Tests.Linking;

public sealed class EntityLinkerTests
{
    [Fact]
    public void Link_TitleOnArticleDate_GivesTheHolderThen()
    {
        // Given an article dated while Lieberman was defence minister, naming only the office
        var doc = NerTestData.Document("2018-06-15", "Moscow welcomed the Israeli defence minister on Thursday.");

        // When linked
        var mentions = NerTestData.Mentions(doc);

        // Then the description is a person mention of him
        var title = Assert.Single(mentions, m => m.LinkReason == "title");
        Assert.Equal("person:avigdor-lieberman", title.ActorId);
        Assert.Equal(EntityType.Person, title.Type);
        Assert.EndsWith("defence minister", title.Span.Of(doc.Text), StringComparison.Ordinal);
    }

    [Fact]
    public void Link_HyphenatedPairOfKnownNames_OneMentionPerPart()
    {
        // Given one hyphenated word joining a demonym and a group, and one joining two governorates
        var doc = NerTestData.Document(null, "Pro-government Syrian-Hezbollah units began the Deraa-Kuneitra offensive at dawn.");

        // When linked
        var mentions = NerTestData.Mentions(doc);

        // Then each part is its own linked mention, and no person is made of either word
        Assert.Equal("group:hezbollah", NerTestData.Single(doc, mentions, "Hezbollah").ActorId);
        Assert.Equal(EntityType.Norp, NerTestData.Single(doc, mentions, "Syrian").Type);
        Assert.Equal("loc:daraa", NerTestData.Single(doc, mentions, "Deraa").ActorId);
        Assert.Equal("loc:quneitra", NerTestData.Single(doc, mentions, "Kuneitra").ActorId);
        Assert.DoesNotContain(mentions, m => m.Type == EntityType.Person);
    }

    [Fact]
    public void Link_HyphenatedNameKnownWhole_OrWithAnUnknownPart_StaysOneWord()
    {
        // Given a town the knowledge base knows with its hyphen, and a hyphenated word with an unknown part
        var doc = NerTestData.Document(null, "Shelling hit El-Quneitra on Monday, and Jean-Marcel Dupuis said Iranian-backed fighters left.");

        // When linked
        var mentions = NerTestData.Mentions(doc);

        // Then neither is split into parts
        Assert.DoesNotContain(mentions, m => m.Span.Of(doc.Text) is "El" or "Quneitra" or "Jean" or "Marcel");
        Assert.DoesNotContain(mentions, m => m.LinkReason.StartsWith("compound", StringComparison.Ordinal));
    }

    [Fact]
    public void Link_Kremlin_IsTheRussianPresidency()
    {
        // Given a sentence about the Kremlin
        var doc = NerTestData.Document(null, "The Kremlin said the talks in Helsinki were useful.");

        // When / Then
        var kremlin = NerTestData.Single(doc, NerTestData.Mentions(doc), "Kremlin");
        Assert.Equal("gov:ru-presidency", kremlin.ActorId);
        Assert.Equal(EntityType.Organisation, kremlin.Type);
    }

    [Fact]
    public void Link_TransliterationVariants_OneActor()
    {
        // Given two spellings in two articles
        var first = NerTestData.Document(null, "Defense Minister Avigdor Liberman spoke on Sunday.");
        var second = NerTestData.Document(null, "Defence Minister Avigdor Lieberman spoke on Sunday.");

        // When linked
        var a = NerTestData.Single(first, NerTestData.Mentions(first), "Avigdor Liberman");
        var b = NerTestData.Single(second, NerTestData.Mentions(second), "Avigdor Lieberman");

        // Then both are the same actor, and the title word is not part of the name
        Assert.Equal("person:avigdor-lieberman", a.ActorId);
        Assert.Equal(a.ClusterKey, b.ClusterKey);
    }

    [Fact]
    public void Link_UnknownPersonAcrossDocuments_SameClusterKey()
    {
        // Given an invented person named in two articles, by full name and then by surname
        var first = NerTestData.Document(null, "Local mayor Dorota Wiśniewska-Kral opened the bridge. Wiśniewska-Kral thanked the engineers.");
        var second = NerTestData.Document(null, "Dorota Wiśniewska-Kral said the bridge would carry trucks.");

        // When both are linked
        var m1 = NerTestData.Mentions(first);
        var m2 = NerTestData.Mentions(second);
        var full1 = NerTestData.Single(first, m1, "Dorota Wiśniewska-Kral");
        var surname = NerTestData.Single(first, m1, "Wiśniewska-Kral");
        var full2 = NerTestData.Single(second, m2, "Dorota Wiśniewska-Kral");

        // Then they share one identity though the knowledge base does not know her
        Assert.Null(full1.ActorId);
        Assert.StartsWith("per:", full1.ClusterKey, StringComparison.Ordinal);
        Assert.Equal(full1.ClusterKey, full2.ClusterKey);
        Assert.Equal(full1.ClusterKey, surname.ClusterKey);
    }

    [Fact]
    public void Identities_SurnameKeyWithOneFullName_JoinsIt()
    {
        // Given keys from several documents: a lone surname and the one full name ending with it
        EntityMention M(string key) => new(new Parallax.Text.TextSpan(0, 1), EntityType.Person, 1, null, 0, key, "unknown");
        var mentions = new[] { M("per:samaan"), M("per:elia samaan"), M("per:haddad"), M("per:rami haddad"), M("per:nour haddad") };

        // When identities are computed
        var identities = MentionClusters.Identities(mentions);

        // Then the unique surname joins, the ambiguous one stays alone
        Assert.Equal("per:elia samaan", identities["per:samaan"]);
        Assert.Equal("per:haddad", identities["per:haddad"]);
    }
}
