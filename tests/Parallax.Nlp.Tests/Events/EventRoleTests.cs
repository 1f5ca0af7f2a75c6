using System.Collections.Immutable;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Events;
using Parallax.Nlp.Pipeline;
using Parallax.Testing;

namespace Parallax.Nlp.Tests.Events;

/// <summary>
/// Participant roles, backers named in the words and readings that are not events, on sentences written for these tests:
/// the earlier stages of the default pipeline run for real, then <see cref="EventStage.Analyze"/>.
/// </summary>
public sealed class EventRoleTests
{
    private static (Document Doc, ImmutableArray<EventMention> Events) Analyze(params string[] paragraphs) =>
        EventTestPipeline.Analyze("2019-03-14", paragraphs);

    private static EventMention Trigger(Document doc, ImmutableArray<EventMention> events, string trigger) =>
        EventTestPipeline.Trigger(doc, events, trigger);

    [Fact]
    public void Analyze_CoordinatedSubjectWhoseSecondNameHasOrganisationAndRank_ActsAsTheFirst()
    {
        // Given "A and <organisation> head <rank> B flew to …"
        var (doc, events) = Analyze("Foreign Minister Sergey Lavrov and SVR head Gen. Sergey Naryshkin flew to Ankara on Tuesday.");

        // When
        var e = Trigger(doc, events, "flew to");

        // Then the first conjunct is the source, not the name nearest the verb
        Assert.Contains("Lavrov", e.Source!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_ObjectAfterAnOfPhrase_TakesThePrepositionalTarget()
    {
        // Given a verb whose target follows a measured object ("… of medicine to X")
        var (doc, events) = Analyze("Norwegian doctors handed over 300 kg of medicine to the Red Cross in Tripoli.");

        // When
        var e = Trigger(doc, events, "handed over");

        // Then the receiver is the target, not the place
        Assert.Contains("Norwegian", e.Source!.Text, StringComparison.Ordinal);
        Assert.Contains("Red Cross", e.Target!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_QuantifiedObjectAndPartitiveSubject_FindBothActors()
    {
        // Given "thousands of X" as subject and "more than 40 Y" as object
        var (doc, events) = Analyze("Thousands of Palestinians protested in Ramallah.", "Ugandan police arrested more than 40 students on Friday.");

        // When
        var protest = Trigger(doc, events, "protested");
        var arrest = Trigger(doc, events, "arrested");

        // Then the quantities are read through
        Assert.Contains("Palestinians", protest.Source!.Text, StringComparison.Ordinal);
        Assert.Contains("students", arrest.Target!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_NominalisationWithByAgent_TakesTheAgentAsSource()
    {
        // Given a nominalisation with its target after "of" and its agent after "by"
        var (doc, events) = Analyze("The bombardment of Idlib by Syrian jets lasted three hours.");

        // When
        var e = Trigger(doc, events, "bombardment");

        // Then
        Assert.Contains("Syrian", e.Source!.Text, StringComparison.Ordinal);
        Assert.Equal("Idlib", e.Target!.Text);
    }

    [Fact]
    public void Analyze_RelativeClause_TakesTheAntecedentAsSubject()
    {
        // Given a relative clause after a name governed by a preposition
        var (doc, events) = Analyze("Aleppo is the next prize for Erdogan, who has promised to expel the militants.");

        // When
        var e = Trigger(doc, events, "promised");

        // Then the antecedent, not the earlier place, makes the promise, and "next prize"/"target"-like nouns are no events
        Assert.Contains("Erdogan", e.Source!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_DemandWithThatClauseAfterAnAdverb_TakesTheComplementSubjectAsTarget()
    {
        // Given a demand whose "that" clause comes after a day
        var (doc, events) = Analyze("The Arab League repeated its demand on Monday that Ethiopia release the detained reporters.");

        // When
        var e = Trigger(doc, events, "demand");

        // Then
        Assert.Equal("REQUEST", e.PloverType);
        Assert.Contains("Ethiopia", e.Target!.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tehran-backed militias shelled the village of Khan Arnabah on Sunday.", "shelled", "country:ir")]
    [InlineData("Iranian-backed fighters attacked a checkpoint near Quneitra.", "attacked", "country:ir")]
    [InlineData("Pro-Iranian groupings deployed near the border on Tuesday.", "deployed", "country:ir")]
    [InlineData("Moscow-backed separatists shelled Mariupol overnight.", "shelled", "country:ru")]
    public void Analyze_SponsoredGroup_KeepsTheBackerAsAffiliationNotAsActor(string sentence, string trigger, string backer)
    {
        // Given a group described by the state that backs it
        var (doc, events) = Analyze(sentence);

        // When
        var e = Trigger(doc, events, trigger);

        // Then the source is the group, affiliated with the backer, and is not the backer itself
        Assert.NotNull(e.Source);
        Assert.Equal(backer, e.Source!.AffiliationId);
        Assert.NotEqual(backer, e.Source.ActorId);
    }

    [Fact]
    public void Analyze_CapitalActing_StandsForItsState()
    {
        // Given a capital as the subject of an armed act
        var (doc, events) = Analyze("Tehran is trying to launch rockets at towns in the Golan.");

        // When
        var e = Trigger(doc, events, "launch rockets");

        // Then the source is Iran and the place the Golan
        Assert.Equal("ASSAULT", e.PloverType);
        Assert.Equal("country:ir", e.Source!.ActorId);
    }

    [Theory]
    [InlineData("Officials met in Amman in order to review the border crossings.", "order")]
    [InlineData("A statement released by the ministry described the talks as useful.", "released")]
    [InlineData("Russian police patrol the de-escalation zone near the border.", "de-escalation")]
    [InlineData("An adviser in the government's reconciliation ministry gave no date.", "reconciliation")]
    [InlineData("The official was not authorised to speak to the media.", "speak to")]
    [InlineData("The plan caused a great deal of anger in the capital.", "deal")]
    public void Analyze_WordsThatOnlyLookLikeEvents_RaiseNoEvent(string sentence, string word)
    {
        // Given a sentence where the trigger word names a thing, an idiom or a press contact
        var (doc, events) = Analyze(sentence);

        // When / Then no event is triggered by it
        Assert.DoesNotContain(events, e => e.Trigger.Of(doc.Text).Equals(word, StringComparison.OrdinalIgnoreCase));
    }
}
