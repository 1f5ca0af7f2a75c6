using Parallax.Nlp.Cleaning;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Ner;
using Parallax.Nlp.Tokens;
using Parallax.Testing;

namespace Parallax.Nlp.Tests.Ner;

/// <summary>The entity stage on the five shared seed articles, read from ../shared/seeds at run time (never copied).</summary>
public sealed class SeedEntityTests
{
    private static List<(Document Doc, EntityMention Mention)> All()
    {
        var result = new List<(Document, EntityMention)>();
        foreach (var file in Directory.GetFiles(SharedData.PathOf("seeds")!, "*.txt").Order(StringComparer.Ordinal))
        {
            var doc = new Document(new DocumentSource(file, ContentKind.PlainText, File.ReadAllText(file), []));
            new CleaningStage().Run(doc, CancellationToken.None);
            new TokenizationStage().Run(doc, CancellationToken.None);
            new EntityStage().Run(doc, CancellationToken.None);
            result.AddRange(doc.Get(EntityLayers.Mentions).Select(m => (doc, m)));
        }

        return result;
    }

    [SharedFact("seeds")]
    public void EntityStage_Seeds_EveryNamedActorFoundWithItsIdentity()
    {
        // Given the people, armed groups and state actors the five articles name
        string[] people =
        [
            "person:avigdor-lieberman", "person:tamir-heyman", "person:faisal-mekdad", "person:vladimir-ivanovsky",
            "person:sergey-ryabkov", "person:benjamin-netanyahu", "person:vladimir-putin", "person:sergey-lavrov",
            "person:sergey-shoigu", "person:bashar-al-assad", "person:heather-nauert", "person:gary-koren",
            "person:mike-pompeo", "person:donald-trump",
        ];
        string[] groups =
        [
            "group:hezbollah", "force:irgc", "group:fsa", "group:southern-front", "force:sy-tiger-forces",
            "force:sy-4th-armoured-division", "group:radwan-force", "gov:us-dos", "gov:ru-presidency",
        ];

        // When the stage runs on every seed
        var all = All();

        // Then each is found, people as persons
        foreach (var id in people)
            Assert.Contains(all, x => x.Mention.ActorId == id && x.Mention.Type == EntityType.Person);
        foreach (var id in groups)
            Assert.Contains(all, x => x.Mention.ActorId == id && x.Mention.Type == EntityType.Organisation);
    }

    [SharedFact("seeds")]
    public void EntityStage_Seeds_SpellingsShareOneIdentity()
    {
        // Given / When
        var all = All();
        string[] Spellings(string id) => [.. all.Where(x => x.Mention.ActorId == id).Select(x => x.Mention.Span.Of(x.Doc.Text)).Distinct()];

        // Then the transliterations and the surname-only mentions resolve to one actor each
        Assert.Contains("Avigdor Liberman", Spellings("person:avigdor-lieberman"));
        Assert.Contains("Avigdor Lieberman", Spellings("person:avigdor-lieberman"));
        Assert.Contains("Sergei Ribakov", Spellings("person:sergey-ryabkov"));
        Assert.Contains("Assad", Spellings("person:bashar-al-assad"));
        Assert.Subset(new HashSet<string> { "Hezbollah", "Hizballah", "Hizbollah" }, Spellings("group:hezbollah").ToHashSet());
        Assert.Contains(all, x => x.Mention.ActorId is null && x.Mention.ClusterKey == "per:elia saman");
    }

    [SharedFact("seeds")]
    public void EntityStage_Seeds_JordanNeverPersonStateDepartmentNeverPlace()
    {
        // Given / When
        var all = All();

        // Then
        var jordan = all.Where(x => x.Mention.Span.Of(x.Doc.Text) == "Jordan").ToList();
        Assert.NotEmpty(jordan);
        Assert.All(jordan, x => Assert.NotEqual(EntityType.Person, x.Mention.Type));
        var department = all.Where(x => x.Mention.Span.Of(x.Doc.Text).Contains("State Department", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(department);
        Assert.All(department, x => Assert.NotEqual(EntityType.Location, x.Mention.Type));
    }
}
