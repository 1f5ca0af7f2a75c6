using Parallax.Core.Watch;
using Parallax.Nlp.Entities;
using Parallax.Nlp.Events;
using Parallax.Testing;
using static Parallax.Core.Tests.Watch.WatchEvents;

namespace Parallax.Core.Tests.Watch;

public sealed class WatchEvaluatorTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "px-watch-" + Guid.NewGuid().ToString("N"));

    public WatchEvaluatorTests()
    {
        Directory.CreateDirectory(_dir);
        // A north-south line at 35.8°E and a box over Daraa and Quneitra.
        File.WriteAllText(Path.Combine(_dir, "shapes.geojson"), """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "id": "line", "geometry": {"type": "LineString", "coordinates": [[35.8, 32.7], [35.8, 33.3]]}},
              {"type": "Feature", "id": "box", "geometry": {"type": "Polygon", "coordinates": [[[35.6, 32.1], [36.6, 32.1], [36.6, 33.3], [35.6, 33.3], [35.6, 32.1]]]}}
            ]}
            """);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private WatchEvaluator Evaluator(string rules) =>
        WatchEvaluator.Create(WatchRuleSet.Parse("[zone line]\nfile = shapes.geojson\nfeature = line\n[zone box]\nfile = shapes.geojson\nfeature = box\n" + rules, "t.rules", _dir),
            ActorKnowledgeBase.LoadDefault());

    [Fact]
    public void Match_UnitOfBackedGroup_MatchesAffiliationThroughParentAndBacker()
    {
        // Given a rule on Iranian-backed actors, and an event by the Radwan Force (part of Hezbollah, which Iran backs)
        var evaluator = Evaluator("[rule r]\naffiliation = iran-backed\n");
        var e = Event(sourceActor: "group:radwan-force", sourceText: "Radwan Force");

        // When matched
        var m = Assert.Single(evaluator.Match(e));

        // Then the evidence names the chain
        Assert.Equal("affiliation country:ir via group:radwan-force (source)", Assert.Single(m.Matched));
    }

    [Fact]
    public void Match_StateForceOfTheCountry_CountsAsAffiliated()
    {
        var evaluator = Evaluator("[rule r]\naffiliation = Iran\n");
        Assert.Single(evaluator.Match(Event(sourceActor: "force:quds-force", sourceText: "Quds Force")));
        Assert.Empty(evaluator.Match(Event(sourceActor: "force:idf", sourceText: "IDF")));
    }

    [Fact]
    public void Match_ActorByNameWithoutId_FallsBackToTheKnowledgeBase()
    {
        // Given an event whose source the event stage left without an actor id
        var evaluator = Evaluator("[rule r]\nactor = group:hezbollah\n");
        var e = Event(sourceActor: null, sourceText: "Hizbullah");

        Assert.Single(evaluator.Match(e));
    }

    [Fact]
    public void Match_RoleTarget_IgnoresTheSource()
    {
        var evaluator = Evaluator("[rule r]\nactor = Hezbollah\nrole = target\n");
        Assert.Empty(evaluator.Match(Event(sourceActor: "group:hezbollah")));
        Assert.Single(evaluator.Match(Event(sourceActor: "force:idf", sourceText: "IDF", targetActor: "group:hezbollah")));
    }

    [Fact]
    public void Match_WithinDistanceOfLine_UsesGreatCircleDistance()
    {
        // Given "within 5 km" and "within 10 km" of the line at 35.8°E
        var evaluator = Evaluator("[rule near]\nwithin = 5 km of line\n[rule farther]\nwithin = 10 km of line\n");

        // When an event lies 0.08° (7.5 km at 33°N) east of the line
        var matches = evaluator.Match(Event(at: (33.0, 35.88)));

        // Then only the 10 km rule holds, and the distance is reported
        var m = Assert.Single(matches);
        Assert.Equal("farther", m.Rule.Id);
        Assert.InRange(m.DistanceKm!.Value, 7.2, 7.8);
        Assert.Equal("line", m.ZoneId);
    }

    [Fact]
    public void Match_SpatialRuleAndEventWithoutCoordinates_DoesNotMatch()
    {
        var evaluator = Evaluator("[rule r]\ninside = box\n");
        var e = Event() with { Place = null };
        Assert.Empty(evaluator.Match(e));
    }

    [Theory]
    [InlineData("2018-06-05", true)]
    [InlineData("2018-06", true)]
    [InlineData("2018", true)]
    [InlineData("2017-12-31", false)]
    [InlineData("XXXX-07-16", false)]
    public void Match_DateRange_ComparesTheHappenedDate(string happened, bool expected)
    {
        var evaluator = Evaluator("[rule r]\nfrom = 2018-06-01\nto = 2018-06-30\n");
        Assert.Equal(expected, evaluator.Match(Event(happened: happened)).Length == 1);
    }

    [Fact]
    public void Match_ModalityAndType_BothMustHold()
    {
        var evaluator = Evaluator("[rule r]\nevent-type = ASSAULT\nmodality = asserted, reported\n");
        Assert.Single(evaluator.Match(Event(modality: EventModality.Reported)));
        Assert.Empty(evaluator.Match(Event(modality: EventModality.Denied)));
        Assert.Empty(evaluator.Match(Event(type: "CONSULT")));
    }

    [Fact]
    public void Create_UnknownAffiliation_ThrowsPX5008AtItsLine()
    {
        var set = WatchRuleSet.Parse("[rule r]\nevent-type = AID\naffiliation = Narnia-backed\n", "t.rules", _dir);
        var ex = Assert.Throws<WatchRuleException>(() => WatchEvaluator.Create(set, ActorKnowledgeBase.LoadDefault()));
        Assert.Equal(WatchErrorCode.UnknownActor, ex.Code);
        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void Evaluate_DocumentWithEvents_GivesAlertsWithSentenceEvidenceAndStableIds()
    {
        // Given a document whose event layer holds one matching and one non-matching event
        var doc = new DocumentBuilder().Paragraph("Hezbollah fighters shelled positions near Quneitra on Tuesday. Talks followed in Amman.").Build();
        var sentence = new Parallax.Text.TextSpan(0, 62);
        doc.Set(EventLayers.Events, [Event("e1", sentence: sentence), Event("e2", type: "CONSULT", at: (31.95, 35.93), placeName: "Amman")]);
        var evaluator = Evaluator("[rule r]\ninside = box\nevent-type = ASSAULT\n");
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

        // When evaluated twice
        var first = evaluator.Evaluate(doc, at);
        var second = evaluator.Evaluate(doc, at.AddHours(1));

        // Then one alert carries the sentence, place and conditions, under the same id both times
        var alert = Assert.Single(first);
        Assert.Equal("Hezbollah fighters shelled positions near Quneitra on Tuesday.", alert.SentenceText);
        Assert.Equal("Quneitra", alert.PlaceName);
        Assert.Equal(0, alert.DistanceKm);
        Assert.Equal(["inside box: 0.0 km from the shape, buffer 0.0 km", "event-type ASSAULT"], alert.Matched.ToArray());
        Assert.Equal(Alert.KeyOf("r", doc.Id, "e1"), alert.Id);
        Assert.Equal(alert.Id, Assert.Single(second).Id);
    }
}
