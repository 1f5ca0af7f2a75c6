using System.Collections.Immutable;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Events;
using Parallax.Nlp.Pipeline;
using Parallax.Testing;

namespace Parallax.Nlp.Tests.Events;

/// <summary>
/// The event stage on hand-written sentences: the earlier stages of the default pipeline (tokens, time, entities, places,
/// quotes) run for real on a document built by hand, then <see cref="EventStage.Analyze"/> is called.
/// </summary>
public sealed class EventStageTests
{
    private static (Document Doc, ImmutableArray<EventMention> Events) Analyze(string published, params string[] paragraphs) =>
        EventTestPipeline.Analyze(published, paragraphs);

    private static EventMention Trigger(Document doc, ImmutableArray<EventMention> events, string trigger) =>
        EventTestPipeline.Trigger(doc, events, trigger);

    [Fact]
    public void Analyze_IrregularVerbWithAppositionPlaceAndDay_CodesConsultWithRolesPlaceAndDates()
    {
        // Given a meeting told with an irregular past, an apposition, a place and a weekday
        var (doc, events) = Analyze("2018-05-31",
            "Defense Minister Avigdor Lieberman met with Sergei Shoigu, his Russian opposite number, in Moscow on Thursday.");

        // When the stage reads it
        var e = Trigger(doc, events, "met with");

        // Then it is a CONSULT by Lieberman with Shoigu in Moscow, happened that Thursday, reported on the publication day
        Assert.Equal("CONSULT", e.PloverType);
        Assert.Contains("Lieberman", e.Source!.Text, StringComparison.Ordinal);
        Assert.Contains("Shoigu", e.Target!.Text, StringComparison.Ordinal);
        Assert.Equal("Moscow", e.Place!.Name);
        Assert.NotNull(e.Place.Latitude);
        Assert.Equal("2018-05-31", e.Dates.Happened!.Value);
        Assert.Equal("2018-05-31", e.Dates.Reported!.Value);
        Assert.Equal(EventModality.Asserted, e.Modality);
        Assert.Contains(e.Sentence, e.Evidence);
    }

    [Fact]
    public void Analyze_PassiveWithBy_SwapsSourceAndTarget()
    {
        // Given a passive clause
        var (doc, events) = Analyze("2018-06-15", "Hezbollah fighters were attacked by the Syrian army near Quneitra.");

        // When
        var e = Trigger(doc, events, "attacked");

        // Then the agent after "by" is the source and the subject the target
        Assert.Equal("ASSAULT", e.PloverType);
        Assert.Contains("army", e.Source!.Text, StringComparison.Ordinal);
        Assert.Contains("Hezbollah", e.Target!.Text, StringComparison.Ordinal);
        Assert.Equal("Quneitra", e.Place!.Name);
    }

    [Fact]
    public void Analyze_NominalisationWithOf_TakesTheActorAndMode()
    {
        // Given nominalisations: a withdrawal "of" its agent, a bombardment "of" its target
        var (doc, events) = Analyze("2018-07-05",
            "The withdrawal of Iranian forces from southern Syria began on Monday.",
            "Russian and Syrian air bombardment of Daraa resumed late Wednesday.");

        // When
        var withdrawal = Trigger(doc, events, "withdrawal");
        var bombardment = Trigger(doc, events, "bombardment");

        // Then each is coded, with the right role filled from "of"
        Assert.Equal("RETREAT", withdrawal.PloverType);
        Assert.Equal("withdraw", withdrawal.PloverMode);
        Assert.Contains("Iranian forces", withdrawal.Source!.Text, StringComparison.Ordinal);
        Assert.Equal("ASSAULT", bombardment.PloverType);
        Assert.Equal("heavy-weapons", bombardment.PloverMode);
        Assert.Contains("Russian", bombardment.Source!.Text, StringComparison.Ordinal);
        Assert.Equal("Daraa", bombardment.Target!.Text);
        Assert.Equal("Daraa", bombardment.Place!.Name);
        Assert.Equal("2018-07-04", bombardment.Dates.Happened!.Value);
    }

    [Theory]
    [InlineData("Israeli jets struck an Iranian base in Syria.", "struck", EventModality.Asserted)]
    [InlineData("According to the Syrian Observatory, the army shelled two towns near Deraa.", "shelled", EventModality.Reported)]
    [InlineData("Israel reportedly attacked a convoy near the border.", "attacked", EventModality.Alleged)]
    [InlineData("It is alleged that Iran supplied the militias with rockets.", "supplied", EventModality.Alleged)]
    [InlineData("Moscow called the withdrawal of Iranian forces absolutely unrealistic.", "withdrawal", EventModality.Denied)]
    [InlineData("Russia will begin the withdrawal of its troops within weeks.", "withdrawal", EventModality.Planned)]
    [InlineData("Russia plans to deploy military police near the border.", "deploy", EventModality.Planned)]
    [InlineData("Iran threatened to attack Israeli bases.", "attack", EventModality.Threatened)]
    [InlineData("If Iran moves closer, Israel could strike the convoy.", "strike", EventModality.Hypothetical)]
    [InlineData("Russia did not withdraw its troops from Syria.", "withdraw", EventModality.Negated)]
    [InlineData("No agreement was reached in Geneva.", "agreement", EventModality.Negated)]
    public void Analyze_ModalityCue_SetsModality(string sentence, string trigger, EventModality expected)
    {
        // Given a sentence whose words frame the event
        var (doc, events) = Analyze("2018-06-15", sentence);

        // When
        var e = Trigger(doc, events, trigger);

        // Then the modality follows the cue
        Assert.Equal(expected, e.Modality);
    }

    [Fact]
    public void Analyze_ReportingFrame_AttributesToTheSpeaker()
    {
        // Given an event in the outlet's report of what someone said
        var (doc, events) = Analyze("2018-06-15", "The Syrian Observatory for Human Rights said the army shelled two towns near Deraa.");

        // When
        var e = Trigger(doc, events, "shelled");

        // Then it is reported by the observatory
        Assert.Equal(EventModality.Reported, e.Modality);
        Assert.Contains("Observatory", e.AttributedTo!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_DenialOfAnEarlierReport_AddsADeniedMentionOfTheReportedEvent()
    {
        // Given a report and, in the next sentence, an anonymous denial of "the report"
        var (doc, events) = Analyze("2018-06-01",
            "The monitor said Hezbollah fighters will withdraw from Quneitra.",
            "An official denied the report, saying it is untrue.");

        // When
        var withdraw = events.Where(e => e.Trigger.Of(doc.Text) == "withdraw").ToList();

        // Then the withdrawal is there twice: planned by the monitor's account, denied by the official, with both sentences
        Assert.Contains(withdraw, e => e.Modality == EventModality.Planned);
        var denied = Assert.Single(withdraw, e => e.Modality == EventModality.Denied);
        Assert.Contains("official", denied.AttributedTo!.Text, StringComparison.Ordinal);
        Assert.Equal(Parallax.Nlp.Quotes.SourceKind.Anonymous, denied.AttributedTo.Kind);
        Assert.Equal(2, denied.Evidence.Length);
    }

    [Fact]
    public void Analyze_InvitationWithPlaceAndFutureDay_IsPlannedWithClaimedDate()
    {
        // Given an invitation for a later day, in an article of July 5
        var (doc, events) = Analyze("2018-07-05", "Putin invited Binyamin Netanyahu to Moscow on July 11.");

        // When
        var e = Trigger(doc, events, "invited");

        // Then it is a planned visit to Moscow on July 11, not a happened one
        Assert.Equal("CONSULT", e.PloverType);
        Assert.Equal(EventModality.Planned, e.Modality);
        Assert.Equal("2018-07-11", e.Dates.ClaimedOrPlanned!.Value);
        Assert.Null(e.Dates.Happened);
        Assert.Equal("Moscow", e.Place!.Name);
        Assert.Contains("Netanyahu", e.Target!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_EventInsideADirectQuote_IsAttributedToTheQuotedSpeaker()
    {
        // Given an event inside quotation marks with its speaker
        var (doc, events) = Analyze("2018-06-15", "\u201cThe army shelled the town for hours,\u201d the commander said.");

        // When
        var e = Trigger(doc, events, "shelled");

        // Then the quote's speaker is who reports it
        Assert.NotNull(e.AttributedTo);
        Assert.Contains("commander", e.AttributedTo!.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Analyze_AnyDocument_IdsInTextOrderSpansInsideSentencesConfidenceInRange()
    {
        // Given a paragraph with several events
        var (doc, events) = Analyze("2018-06-15",
            "Russia and Israel have reportedly reached a deal. Israeli jets struck targets near Damascus, and Iran vowed revenge.");

        // Then ids run e1, e2, … in trigger order; each trigger lies in its sentence; confidence is in [0, 1]
        Assert.NotEmpty(events);
        for (int i = 0; i < events.Length; i++)
        {
            Assert.Equal("e" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), events[i].Id);
            if (i > 0) Assert.True(events[i - 1].Trigger.Start <= events[i].Trigger.Start);
            Assert.True(events[i].Sentence.Contains(events[i].Trigger) || events[i].Modality == EventModality.Denied);
            Assert.InRange(events[i].Confidence, 0, 1);
        }
    }

    [Fact]
    public void Analyze_AdjectivalParticiple_IsNotAnEvent()
    {
        // Given a participle used as an adjective after a determiner
        var (doc, events) = Analyze("2018-06-15", "Rockets landed near the occupied Golan Heights.");

        // Then "occupied" is not read as an occupation
        Assert.DoesNotContain(events, e => e.Trigger.Of(doc.Text) == "occupied");
    }

    [Fact]
    public void Requires_DefaultPipeline_RunsAfterQuotesAndPlaces()
    {
        // Given the default pipeline
        var stages = DefaultPipeline.Create().Stages;

        // Then the event stage is last and everything it requires is assigned before it
        Assert.IsType<EventStage>(stages[^1]);
        var assigned = stages.Take(stages.Length - 1).SelectMany(s => s.Assigns).ToHashSet();
        Assert.All(new EventStage().Requires, key => Assert.Contains(key, assigned));
    }
}
