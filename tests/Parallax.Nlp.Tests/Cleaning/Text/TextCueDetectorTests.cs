using Parallax.Nlp.Cleaning.Text;
using Parallax.Nlp.Documents;

namespace Parallax.Nlp.Tests.Cleaning.Text;

public sealed class TextCueDetectorTests
{
    private static readonly TextCueDetector Detector = new();

    private static MetadataCandidate One(string text, MetadataField field)
    {
        var found = Detector.Detect(text).Where(c => c.Field == field).ToList();
        Assert.True(found.Count == 1, $"expected one {field}, found: {string.Join(" | ", found.Select(f => f.Value))}");
        Assert.Equal(MetadataSource.TextCue, found[0].Source);
        return found[0];
    }

    [Fact]
    public void Detect_AgencyDateline_GivesPlaceAndAgency()
    {
        // Given
        const string text = "ROSTRAVA (Harbour Wire) — Divers found two cracked anchor blocks on Monday.\n\nThe authority said little.";

        // When
        var place = One(text, MetadataField.Dateline);
        var outlet = One(text, MetadataField.Outlet);

        // Then
        Assert.Equal("Rostrava", place.Value);
        Assert.Equal(TextCueDetector.DatelineFirstParagraph, place.Confidence);
        Assert.Equal("ROSTRAVA", place.RawSpan!.Value.Of(text));
        Assert.Equal("Harbour Wire", outlet.Value);
        Assert.Equal(TextCueDetector.DatelineAgency, outlet.Confidence);
    }

    [Fact]
    public void Detect_DatelineWithMonthAndDay_GivesPlaceButNoDate()
    {
        // Given a dateline without a year
        const string text = "NEW PORTSMOUTH, June 1 — The crossing reopened to light traffic.";

        // When
        var cues = Detector.Detect(text);

        // Then the place is known; the date is not guessed
        Assert.Equal("New Portsmouth", One(text, MetadataField.Dateline).Value);
        Assert.DoesNotContain(cues, c => c.Field == MetadataField.Published);
        Assert.DoesNotContain(cues, c => c.Field == MetadataField.Outlet);
    }

    [Fact]
    public void Detect_TitleCaseDatelineWithDate_GivesPlace()
    {
        // Given / When / Then
        Assert.Equal("Rostrava", One("Rostrava, March 3 – Talks resumed in the afternoon.", MetadataField.Dateline).Value);
    }

    [Fact]
    public void Detect_BylineParagraphAtTop_GivesAuthors()
    {
        // Given
        const string text = "By JONAS FEHR and Amira el-Tayeb\n\nThe crossing reopened to light traffic on Monday.";

        // When
        var author = One(text, MetadataField.Author);

        // Then
        Assert.Equal("Jonas Fehr, Amira el-Tayeb", author.Value);
        Assert.Equal(TextCueDetector.BylineParagraph, author.Confidence);
    }

    [Fact]
    public void Detect_ToldTheOutlet_GivesOutlet()
    {
        // Given
        const string text = "A ferry captain told The Delta Courier the queues were the worst in a decade.";

        // When
        var outlet = One(text, MetadataField.Outlet);

        // Then
        Assert.Equal("The Delta Courier", outlet.Value);
        Assert.Equal(TextCueDetector.ToldOutlet, outlet.Confidence);
        Assert.Contains("told The Delta Courier", outlet.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_ToldAPerson_GivesNoOutlet()
    {
        // Given "told" followed by an institution that is not an outlet
        const string text = "The minister told the Assembly the crossing was safe, and later told Jonas Fehr the same.";

        // When / Then
        Assert.Empty(Detector.Detect(text));
    }

    [Fact]
    public void Detect_SelfReferences_CombineForOneOutlet()
    {
        // Given the house style of an outlet writing about its own reporting
        const string text = "RiverNet reports: The anchor blocks were cracked before the storm.\n\n"
            + "RiverNet's engineering sources say the contractor knew in January.";

        // When
        var outlet = One(text, MetadataField.Outlet);

        // Then two independent cues give more than either alone, under the cap
        Assert.Equal("RiverNet", outlet.Value);
        Assert.True(outlet.Confidence > TextCueDetector.ReportsColon);
        Assert.True(outlet.Confidence <= TextCueDetector.CombinedCap);
    }

    [Fact]
    public void Detect_PossessiveSourcesOfACountry_GivesNoOutlet()
    {
        // Given a possessive that names a state, not an outlet
        const string text = "Vestland's intelligence sources say the convoy turned back.";

        // When / Then
        Assert.Empty(Detector.Detect(text));
    }

    [Fact]
    public void Detect_AsReportedBy_GivesModestConfidence()
    {
        // Given
        const string text = "As reported by NordWire, the authority had already ordered new anchors.";

        // When
        var outlet = One(text, MetadataField.Outlet);

        // Then
        Assert.Equal("NordWire", outlet.Value);
        Assert.Equal(TextCueDetector.AsReportedBy, outlet.Confidence);
    }

    [Fact]
    public void Detect_NameReported_IsAmbiguousAndLow()
    {
        // Given a citation-like cue
        const string text = "On Sunday, Kestrelgram reported that the contractor had been paid in advance.";

        // When
        var outlet = One(text, MetadataField.Outlet);

        // Then
        Assert.Equal("Kestrelgram", outlet.Value);
        Assert.Equal(TextCueDetector.NameReported, outlet.Confidence);
    }

    [Fact]
    public void Detect_PlainProse_GivesNothing()
    {
        // Given prose with capitalised subjects and reporting verbs
        const string text = "Officials reported no injuries. It reported later that the Kremlin had called. As reported, the talks stalled.";

        // When / Then nothing is made up
        Assert.Empty(Detector.Detect(text));
    }

    [Fact]
    public void Detect_Null_Throws() => Assert.Throws<ArgumentNullException>(() => Detector.Detect(null!));
}
