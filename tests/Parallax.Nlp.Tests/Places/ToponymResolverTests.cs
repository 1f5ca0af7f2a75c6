using System.Text.Json;
using Parallax.Nlp.Places;
using Parallax.Nlp.Serialization;
using Parallax.Text;

namespace Parallax.Nlp.Tests.Places;

public sealed class ToponymResolverTests
{
    private static readonly ToponymResolver Resolver = new(Gazetteer.LoadDefault());

    private static ResolvedPlace Find(IEnumerable<ResolvedPlace> places, string text, string name) =>
        places.Single(p => p.Span.Of(text) == name);

    [Fact]
    public void Resolve_SpellingVariants_ResolveToTheSameEntry()
    {
        // Given three articles spelling Daraa differently
        string[] texts =
        [
            "Shelling hit Daraa in southern Syria on Tuesday.",
            "Shelling hit Deraa in southern Syria on Tuesday.",
            "Shelling hit Dar'a in southern Syria on Tuesday.",
        ];

        // When each is resolved
        var ids = texts.Select(t => Resolver.Resolve(t).Single(p => p.Span.Of(t).StartsWith("Dar", StringComparison.Ordinal) || p.Span.Of(t).StartsWith("Der", StringComparison.Ordinal)).Entry!.Id).ToList();

        // Then all three are one gazetteer entry in Syria
        Assert.Single(ids.Distinct());
        Assert.Equal("SY", Gazetteer.LoadDefault().ById(ids[0])!.CountryCode);
    }

    [Fact]
    public void Resolve_NotableFeatures_AreFound()
    {
        // Given a text naming features that are not towns
        const string text = "Israeli jets struck targets near the Golan Heights while fighting raged in East Ghouta.";

        // When it is resolved
        var places = Resolver.Resolve(text);

        // Then both features are resolved to our entries
        Assert.Equal("px:golan-heights", Find(places, text, "Golan Heights").Entry!.Id);
        Assert.Equal("px:east-ghouta", Find(places, text, "East Ghouta").Entry!.Id);
    }

    [Fact]
    public void Resolve_GovernoratePattern_ChoosesTheRegionNotTheTown()
    {
        // Given one text naming the governorate and another naming the town
        const string region = "Rebels in Quneitra governorate accepted the deal, the Syrian army said.";
        const string town = "Residents of the town of Quneitra, close to the Syrian frontier, fled.";

        // When both are resolved
        var r = Resolver.Resolve(region).Single(p => p.Span.Of(region).StartsWith("Quneitra", StringComparison.Ordinal));
        var t = Find(Resolver.Resolve(town), town, "Quneitra");

        // Then the pattern decides the feature class
        Assert.Equal("ADM1", r.Entry!.FeatureCode);
        Assert.Equal("P", t.Entry!.FeatureClass);
    }

    [Fact]
    public void Resolve_ProvincesOfTwoNames_BothAreRegions()
    {
        // Given a coordinated "provinces of X and Y"
        const string text = "The army massed troops around the provinces of Deraa and Quneitra in Syria.";

        // When resolved
        var places = Resolver.Resolve(text);

        // Then both are first-level regions of Syria
        Assert.Equal("ADM1", Find(places, text, "Deraa").Entry!.FeatureCode);
        Assert.Equal("ADM1", Find(places, text, "Quneitra").Entry!.FeatureCode);
    }

    [Fact]
    public void Resolve_Jordan_IsTheCountry()
    {
        // Given a text naming Jordan beside Syria
        const string text = "Thousands fled towards the border with Jordan as Syrian forces advanced.";

        // When resolved
        var jordan = Find(Resolver.Resolve(text), text, "Jordan");

        // Then Jordan is the country
        Assert.Equal(PlaceStatus.Resolved, jordan.Status);
        Assert.Equal("JO", jordan.Entry!.CountryCode);
        Assert.True(jordan.Entry.IsCountry);
    }

    [Fact]
    public void Resolve_MonthAndPersonName_AreNotPlaces()
    {
        // Given a month and a person's name that are also towns somewhere
        const string text = "In May, Michael Jordan said the talks in Damascus had failed.";

        // When resolved
        var places = Resolver.Resolve(text);

        // Then only Damascus is a place
        var p = Assert.Single(places);
        Assert.Equal("Damascus", p.Span.Of(text));
    }

    [Fact]
    public void Resolve_ForeignTownCalledAProvinceInASyriaStory_IsImplausible()
    {
        // Given a Syria story that calls a Moroccan town a Syrian province (a mistranslation)
        const string text = "Syrian government forces shelled Daraa and Quneitra on Monday. Fighting also spread to the province of Essaouira, "
            + "the Syrian Observatory said, as refugees fled towards Jordan.";

        // When resolved
        var essaouira = Find(Resolver.Resolve(text), text, "Essaouira");

        // Then it is flagged, not placed in Morocco
        Assert.Equal(PlaceStatus.Implausible, essaouira.Status);
        Assert.Equal("MA", essaouira.Entry!.CountryCode);
    }

    [Fact]
    public void Resolve_SameNameTwice_GetsOneSense()
    {
        // Given a US story naming Alexandria twice with its state once
        const string text = "Alexandria police arrested a man on Friday. The Louisiana man was held in Alexandria overnight.";

        // When resolved
        var places = Resolver.Resolve(text).Where(p => p.Span.Of(text) == "Alexandria").ToList();

        // Then both mentions are the same Louisiana town
        Assert.Equal(2, places.Count);
        Assert.Single(places.Select(p => p.Entry!.Id).Distinct());
        Assert.Equal("US", places[0].Entry!.CountryCode);
        Assert.Equal("LA", places[0].Entry!.Admin1Code);
    }

    [Fact]
    public void Resolve_StateAbbreviations_NeedTheirPeriod()
    {
        // Given AP-style state abbreviations and a title that looks like one
        const string text = "Miss Smith moved from Charleston, W.Va., to Jackson, Miss., last year.";

        // When resolved
        var places = Resolver.Resolve(text);

        // Then the abbreviations are states, the title is no place, and the towns follow their states
        Assert.DoesNotContain(places, p => p.Span.Start == 0);
        Assert.Equal("WV", Find(places, text, "Charleston").Entry!.Admin1Code);
        Assert.Equal("MS", Find(places, text, "Jackson").Entry!.Admin1Code);
        Assert.Equal("ADM1", Find(places, text, "W.Va").Entry!.FeatureCode);
    }

    [Fact]
    public void Resolve_VillagesNerMisses_AreFound()
    {
        // Given small places that a general NER model tends to miss
        const string text = "Clashes were reported in Kafr Shams and al-Harah, and near Harasta, while the Hasbani river ran high.";

        // When resolved
        var names = Resolver.Resolve(text).Where(p => p.Status == PlaceStatus.Resolved).Select(p => p.Span.Of(text)).ToList();

        // Then each is among the places
        Assert.Contains("Kafr Shams", names);
        Assert.Contains("al-Harah", names);
        Assert.Contains("Harasta", names);
        Assert.Contains(names, n => n.StartsWith("Hasbani", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_CandidateSpans_EachYieldsOneResultWithThatSpan()
    {
        // Given a candidate span over an unknown name and one over a known name
        const string text = "Zyxwvu and Damascus.";
        var spans = new[] { new TextSpan(0, 6), new TextSpan(11, 19) };

        // When resolved with those spans
        var places = Resolver.Resolve(text, spans);

        // Then the unknown one is unresolved and the known one resolved
        Assert.Equal(PlaceStatus.Unresolved, places.Single(p => p.Span == spans[0]).Status);
        Assert.Equal("170654", places.Single(p => p.Span == spans[1]).Entry!.Id);
    }

    [Fact]
    public void Resolve_Spans_AreOrderedAndInsideTheText()
    {
        // Given generated texts mixing place names and filler words (fixed seed)
        var random = new Random(1234);
        string[] words = ["Damascus", "the", "Golan Heights", "said", "Jordan", "Quneitra governorate", "and", "May", "Alexandria", "Texas", "army"];

        for (int round = 0; round < 50; round++)
        {
            var text = string.Join(' ', Enumerable.Range(0, 12).Select(_ => words[random.Next(words.Length)]));

            // When resolved
            var places = Resolver.Resolve(text);

            // Then spans are ordered, inside the text and equal to the reported names
            for (int i = 0; i < places.Length; i++)
            {
                Assert.True(places[i].Span.End <= text.Length);
                Assert.Equal(places[i].Name, places[i].Span.Of(text));
                if (i > 0) Assert.True(places[i - 1].Span.Start <= places[i].Span.Start);
            }
        }
    }

    [Fact]
    public void PlacesLayer_RoundTripsThroughDocumentJson()
    {
        // Given resolved places
        const string text = "Fighting near the Golan Heights and in Quneitra governorate, Syria.";
        var places = Resolver.Resolve(text);
        PlaceLayers.EnsureRegistered();

        // When serialised and read back with the document options
        var json = DocumentJson.SerializeLayer(PlaceLayers.Places, places);
        var back = JsonSerializer.Deserialize<System.Collections.Immutable.ImmutableArray<ResolvedPlace>>(json, DocumentJson.Options);

        // Then the same places come back
        Assert.Equal(places.Length, back.Length);
        for (int i = 0; i < places.Length; i++)
        {
            Assert.Equal(places[i].Span, back[i].Span);
            Assert.Equal(places[i].Entry?.Id, back[i].Entry?.Id);
            Assert.Equal(places[i].Status, back[i].Status);
            Assert.Equal(places[i].Entry?.AlternateNames.Length, back[i].Entry?.AlternateNames.Length);
        }
        Assert.Same(PlaceLayers.Places, DocumentJson.Find("places"));
    }
}
