using System.Xml.Linq;
using Parallax.Nlp.Time;

namespace Parallax.Nlp.Tests.Time;

public sealed class TimeMlTests
{
    [Fact]
    public void Write_ThenRead_KeepsTextSpansAndValues()
    {
        // Given a text with characters that need escaping and tagged expressions
        const string text = "Q&A <live>: the envoy left on Monday & returned two days later.";
        var anchor = TemporalAnchor.Known(new DateOnly(2018, 5, 31));
        var timexes = new TemporalTagger().Tag(text, anchor);

        // When it is written as TimeML and read back
        var xml = TimeMlWriter.Write(text, anchor, timexes, "doc-1");
        var doc = TimeMlReader.Read(xml);

        // Then the XML is valid and the text, DCT, spans and values survive
        Assert.NotNull(XDocument.Parse(xml));
        Assert.Equal(text, doc.Text);
        Assert.Equal(anchor.Date, doc.CreationTime);
        Assert.Equal(timexes.Select(t => (t.Span, t.Value)), doc.Timexes.Select(t => (t.Span, t.Value)));
    }

    [Fact]
    public void Read_GoldTimeMl_OffsetsIndexTheTaglessText()
    {
        // Given a small TimeML document written by hand
        const string xml = """
            <?xml version="1.0" ?>
            <TimeML><DOCID>X1</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
            <TEXT>Stocks <EVENT eid="e1">fell</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07" mod="END">late yesterday</TIMEX3> &amp; rose.</TEXT></TimeML>
            """;

        // When it is read
        var doc = TimeMlReader.Read(xml);

        // Then the tags are gone and the gold span indexes the text
        Assert.Equal("Stocks fell late yesterday & rose.", doc.Text);
        var t = Assert.Single(doc.Timexes);
        Assert.Equal("late yesterday", t.Span.Of(doc.Text));
        Assert.Equal(("DATE", "1998-01-07", "END"), (t.Type, t.Value, t.Modifier));
        Assert.Equal(new DateOnly(1998, 1, 8), doc.CreationTime);
        Assert.Equal("X1", doc.DocId);
    }
}
