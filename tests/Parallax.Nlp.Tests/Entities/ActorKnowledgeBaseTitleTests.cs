using Parallax.Nlp.Entities;

namespace Parallax.Nlp.Tests.Entities;

public sealed class ActorKnowledgeBaseTitleTests
{
    private static readonly ActorKnowledgeBase Kb = ActorKnowledgeBase.LoadDefault();

    private static string? Holder(string description, DateOnly? on) => Kb.ResolveTitle(description, on).FirstOrDefault()?.Actor.Id;

    [Theory]
    [InlineData("Israeli defence minister", "2018-06-01", "person:avigdor-lieberman")]
    [InlineData("Israeli defense minister", "2016-05-30", "person:avigdor-lieberman")]
    [InlineData("Israeli defence minister", "2018-11-14", "person:avigdor-lieberman")]
    [InlineData("Israeli defence minister", "2019-03-01", "person:benjamin-netanyahu")]
    [InlineData("Israeli defence minister", "2016-01-01", "person:moshe-yaalon")]
    [InlineData("head of the Israeli Defense Ministry", "2017-02-10", "person:avigdor-lieberman")]
    [InlineData("the Syrian president", "2018-06-01", "person:bashar-al-assad")]
    [InlineData("Russian Foreign Minister", "2018-06-01", "person:sergey-lavrov")]
    [InlineData("the Syrian foreign minister", "2019-06-01", "person:walid-muallem")]
    [InlineData("Syrian Deputy Foreign Minister", "2018-06-01", "person:faisal-mekdad")]
    [InlineData("Syrian foreign minister", "2021-06-01", "person:faisal-mekdad")]
    [InlineData("US Secretary of State", "2017-06-01", "person:rex-tillerson")]
    [InlineData("US Secretary of State", "2018-06-01", "person:mike-pompeo")]
    [InlineData("American defense secretary", "2018-06-01", "person:jim-mattis")]
    [InlineData("Iranian foreign minister", "2018-06-01", "person:mohammad-javad-zarif")]
    [InlineData("Iran's supreme leader", "2018-06-01", "person:ali-khamenei")]
    [InlineData("Israeli prime minister", "2018-06-01", "person:benjamin-netanyahu")]
    [InlineData("Israeli PM", "2022-01-01", "person:naftali-bennett")]
    [InlineData("Turkish president", "2018-06-01", "person:recep-tayyip-erdogan")]
    [InlineData("State Department spokeswoman", "2018-06-01", "person:heather-nauert")]
    [InlineData("Israeli ambassador to Russia", "2018-06-01", "person:gary-koren")]
    [InlineData("head of Israeli military intelligence", "2019-06-01", "person:tamir-heyman")]
    [InlineData("UN Secretary-General", "2018-06-01", "person:antonio-guterres")]
    [InlineData("Hezbollah leader", "2018-06-01", "person:hassan-nasrallah")]
    [InlineData("Quds Force commander", "2018-06-01", "person:qassem-soleimani")]
    public void ResolveTitle_OnDate_GivesHolderThatDay(string description, string day, string expectedId)
    {
        // Given an office description and a day
        var on = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        // When it is resolved
        var holder = Holder(description, on);

        // Then the holder of that office on that day is returned
        Assert.Equal(expectedId, holder);
    }

    [Fact]
    public void ResolveTitle_LiebermanAndSuccessor_DifferByDate()
    {
        // Given the day before and after Lieberman's resignation took effect
        // When
        var before = Kb.ResolveTitle("Israeli defence minister", new DateOnly(2018, 11, 14));
        var after = Kb.ResolveTitle("Israeli defence minister", new DateOnly(2018, 12, 1));

        // Then
        Assert.Equal("person:avigdor-lieberman", Assert.Single(before).Actor.Id);
        Assert.Equal("person:benjamin-netanyahu", Assert.Single(after).Actor.Id);
        Assert.Equal(ActorMatchKind.Title, after[0].Kind);
        Assert.Equal("DefenceMinister", after[0].Role!.Office);
    }

    [Fact]
    public void ResolveTitle_OfficeWithSeveralHolders_GivesEachWithLowerConfidence()
    {
        // Given an office Russia fills with several people at once
        // When
        var matches = Kb.ResolveTitle("Russia's deputy foreign minister", new DateOnly(2018, 6, 1));

        // Then Ryabkov is among them and none is claimed with full confidence
        Assert.Contains(matches, m => m.Actor.Id == "person:sergey-ryabkov");
        Assert.True(matches.Count > 1);
        Assert.All(matches, m => Assert.True(m.Confidence < 0.9));
    }

    [Fact]
    public void ResolveTitle_WithoutDate_GivesCurrentHolders()
    {
        // Given / When
        var matches = Kb.ResolveTitle("Russian foreign minister");

        // Then the open-ended term is chosen
        Assert.Equal("person:sergey-lavrov", Assert.Single(matches).Actor.Id);
    }

    [Theory]
    [InlineData("defence minister")]
    [InlineData("Syrian")]
    [InlineData("the weather in Syria")]
    public void ResolveTitle_MissingScopeOrOffice_ReturnsNothing(string description)
    {
        // Given a description that lacks a country or an office
        // When / Then
        Assert.Empty(Kb.ResolveTitle(description, new DateOnly(2018, 6, 1)));
    }

    [Fact]
    public void ResolveTitle_DateWithNoRecordedHolder_ReturnsNothing()
    {
        // Given a day before any recorded Israeli defence minister
        // When / Then
        Assert.Empty(Kb.ResolveTitle("Israeli defence minister", new DateOnly(1990, 1, 1)));
    }
}
