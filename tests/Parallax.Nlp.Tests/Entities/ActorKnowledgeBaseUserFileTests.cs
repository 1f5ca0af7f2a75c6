using Parallax.Nlp.Entities;

namespace Parallax.Nlp.Tests.Entities;

public sealed class ActorKnowledgeBaseUserFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "parallax-actors-" + Guid.NewGuid().ToString("N"));

    public ActorKnowledgeBaseUserFileTests() => Directory.CreateDirectory(Path.Combine(_folder, "actors"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, "actors", name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    [Fact]
    public void Load_UserFileAddsEntryAndRole_BothResolve()
    {
        // Given a user file with a new person and a role for them
        var people = Write("mine.tsv", "id\ttype\tname\taliases\tcountry", "person:ada-example\tPerson\tAdaline Exampleton\tAda Exampleton\tIS");
        var roles = Write("mine-roles.tsv", "actor\toffice\tof\ttitle\tfrom\tto", "person:ada-example\tForeignMinister\tcountry:is\tMinister for Foreign Affairs\t2030-01-01\t");

        // When the knowledge base loads with it
        var kb = ActorKnowledgeBase.Load([people, roles]);

        // Then the entry matches by name and by title
        Assert.Equal("person:ada-example", kb.Match("Ada Exampleton")[0].Actor.Id);
        Assert.Equal("person:ada-example", kb.ResolveTitle("Icelandic foreign minister", new DateOnly(2030, 6, 1))[0].Actor.Id);
        Assert.Null(ActorKnowledgeBase.LoadDefault().Find("person:ada-example"));
    }

    [Fact]
    public void Load_UserLineWithExistingId_ReplacesAliases()
    {
        // Given a user line that replaces the Kremlin entry's aliases
        var path = Write("override.tsv", "id\taliases", "gov:ru-presidency\tRussian Presidential Administration");

        // When
        var kb = ActorKnowledgeBase.Load([path]);

        // Then the old alias is gone, the new one works, and the rest of the entry is kept
        Assert.DoesNotContain(kb.Match("the Kremlin"), m => m.Actor.Id == "gov:ru-presidency");
        Assert.Equal("gov:ru-presidency", kb.Match("Russian Presidential Administration")[0].Actor.Id);
        Assert.Equal(ActorType.Government, kb.Find("gov:ru-presidency")!.Type);
        Assert.Equal("gov:ru-presidency", ActorKnowledgeBase.LoadDefault().Match("the Kremlin")[0].Actor.Id);
    }

    [Fact]
    public void Load_PlusPrefixedAliases_AreAppended()
    {
        // Given
        var path = Write("append.tsv", "id\taliases", "gov:ru-presidency\t+Staraya Ploshchad");

        // When
        var kb = ActorKnowledgeBase.Load([path]);

        // Then both the old and the new alias match
        Assert.Equal("gov:ru-presidency", kb.Match("the Kremlin")[0].Actor.Id);
        Assert.Equal("gov:ru-presidency", kb.Match("Staraya Ploshchad")[0].Actor.Id);
    }

    [Fact]
    public void Load_DashCell_ClearsValue()
    {
        // Given
        var path = Write("clear.tsv", "id\tqid", "country:sy\t-");

        // When / Then
        Assert.Null(ActorKnowledgeBase.Load([path]).Find("country:sy")!.WikidataId);
    }

    [Theory]
    [InlineData("id\ttype\tname\tqid|person:x\tPerson\tX Y\tQ12a", ActorDataErrorCode.BadWikidataId)]
    [InlineData("id\ttype\tname|person:x\tHuman\tX Y", ActorDataErrorCode.UnknownType)]
    [InlineData("id\ttype\tname\tcolour|person:x\tPerson\tX Y\tred", ActorDataErrorCode.BadHeader)]
    [InlineData("id\ttype\tname|person:x\tPerson\tX Y\textra", ActorDataErrorCode.BadCellCount)]
    [InlineData("id\ttype\tname|person:x\tPerson", ActorDataErrorCode.MissingValue)]
    [InlineData("actor\toffice\tof\tfrom\tto|person:vladimir-putin\tPresident\tcountry:ru\t2020-05-01\t2019-01-01", ActorDataErrorCode.BadDate)]
    [InlineData("actor\toffice\tof\tfrom|person:vladimir-putin\tPresident\tcountry:ru\t2020-13", ActorDataErrorCode.BadDate)]
    [InlineData("actor\toffice\tof|person:vladimir-putin\tGrandVizier\tcountry:ru", ActorDataErrorCode.UnknownReference)]
    [InlineData("actor\toffice\tof|person:nobody\tPresident\tcountry:ru", ActorDataErrorCode.UnknownReference)]
    [InlineData("id\ttype\tname\tparent|person:x\tPerson\tX Y\tforce:nowhere", ActorDataErrorCode.UnknownReference)]
    public void Load_MalformedUserFile_ThrowsCodedError(string content, ActorDataErrorCode expected)
    {
        // Given a user file with one mistake
        var path = Write("bad.tsv", content.Split('|'));

        // When / Then the error names its code and the file
        var ex = Assert.Throws<ActorDataException>(() => ActorKnowledgeBase.Load([path]));
        Assert.Equal(expected, ex.Code);
        Assert.StartsWith($"PX{(int)expected}:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("bad.tsv", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileUnreadable()
    {
        // Given / When / Then
        var ex = Assert.Throws<ActorDataException>(() => ActorKnowledgeBase.Load([Path.Combine(_folder, "absent.tsv")]));
        Assert.Equal(ActorDataErrorCode.FileUnreadable, ex.Code);
    }

    [Fact]
    public void UserFilesIn_DataDirectory_ListsTsvFilesSorted()
    {
        // Given
        Write("b.tsv", "id\ttype\tname");
        Write("a.tsv", "id\ttype\tname");
        Write("notes.txt", "ignored");

        // When
        var files = ActorKnowledgeBase.UserFilesIn(_folder);

        // Then
        Assert.Equal(["a.tsv", "b.tsv"], files.Select(Path.GetFileName));
        Assert.Empty(ActorKnowledgeBase.UserFilesIn(Path.Combine(_folder, "nothing-here")));
    }
}
