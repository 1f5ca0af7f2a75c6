using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Xml;
using Parallax.Text;

namespace Parallax.Nlp.Time;

/// <summary>A TIMEX3 read from a TimeML file.</summary>
/// <param name="Id">The tid attribute.</param>
/// <param name="Span">UTF-16 offsets into <see cref="TimeMlDocument.Text"/>.</param>
/// <param name="Type">The type attribute (DATE, TIME, DURATION, SET).</param>
/// <param name="Value">The value attribute.</param>
/// <param name="Modifier">The mod attribute, or null.</param>
public sealed record TimeMlTimex(string Id, TextSpan Span, string Type, string Value, string? Modifier);

/// <summary>A TimeML document: the TEXT element's content with the tags removed, its creation time and its TIMEX3s.</summary>
/// <param name="DocId">The DOCID element, or null.</param>
/// <param name="Text">The TEXT element's character content (entities decoded, tags removed).</param>
/// <param name="CreationTime">The DCT's value as a day, or null when absent or not a day.</param>
/// <param name="Timexes">The TIMEX3s inside TEXT, in text order.</param>
public sealed record TimeMlDocument(string? DocId, string Text, DateOnly? CreationTime, ImmutableArray<TimeMlTimex> Timexes);

/// <summary>Reads TimeML (.tml) files. Thread-safe (stateless).</summary>
public static class TimeMlReader
{
    /// <summary>Reads a .tml file. Throws <see cref="XmlException"/> when it is not well-formed and <see cref="IOException"/> when
    /// it cannot be read.</summary>
    public static TimeMlDocument ReadFile(string path) => Read(File.ReadAllText(path));

    /// <summary>Parses TimeML from a string; see <see cref="ReadFile"/>.</summary>
    public static TimeMlDocument Read(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, IgnoreComments = true, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var text = new StringBuilder();
        var timexes = ImmutableArray.CreateBuilder<TimeMlTimex>();
        var open = new Stack<(string Id, int Start, string Type, string Value, string? Mod)>();
        string? docId = null;
        DateOnly? dct = null;
        bool inText = false, inDct = false, inDocId = false;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    bool empty = reader.IsEmptyElement;
                    switch (reader.Name)
                    {
                        case "TEXT": inText = !empty; break;
                        case "DCT": inDct = !empty; break;
                        case "DOCID": inDocId = !empty; break;
                        case "TIMEX3" when inDct:
                            var v = reader.GetAttribute("value");
                            if (v is { Length: >= 10 } && DateOnly.TryParseExact(v.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) dct = d;
                            break;
                        case "TIMEX3" when inText && !empty:
                            open.Push((reader.GetAttribute("tid") ?? string.Empty, text.Length, reader.GetAttribute("type") ?? "DATE",
                                reader.GetAttribute("value") ?? string.Empty, reader.GetAttribute("mod")));
                            break;
                    }
                    break;
                case XmlNodeType.EndElement:
                    switch (reader.Name)
                    {
                        case "TEXT": inText = false; break;
                        case "DCT": inDct = false; break;
                        case "DOCID": inDocId = false; break;
                        case "TIMEX3" when inText && open.Count > 0:
                            var t = open.Pop();
                            timexes.Add(new TimeMlTimex(t.Id, new TextSpan(t.Start, text.Length), t.Type, t.Value, t.Mod));
                            break;
                    }
                    break;
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA:
                    if (inText) text.Append(reader.Value);
                    else if (inDocId) docId = (docId ?? string.Empty) + reader.Value.Trim();
                    break;
            }
        }
        timexes.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new TimeMlDocument(docId, text.ToString(), dct, timexes.ToImmutable());
    }
}

/// <summary>Writes our annotations as TimeML: a DCT and the text with TIMEX3 tags. Thread-safe (stateless).</summary>
public static class TimeMlWriter
{
    /// <summary>
    /// The TimeML document for <paramref name="text"/>: well-formed XML, text escaped, one TIMEX3 per expression (an
    /// expression overlapping an earlier one, or outside the text, is left out so tags stay nested).
    /// </summary>
    /// <param name="text">The text the spans index into.</param>
    /// <param name="anchor">Written as the DCT when usable; otherwise the DCT element is omitted.</param>
    /// <param name="timexes">The expressions, any order.</param>
    /// <param name="docId">Written as DOCID when given.</param>
    public static string Write(string text, TemporalAnchor? anchor, IEnumerable<Timex> timexes, string? docId = null) =>
        Write(text, anchor, timexes, [], docId);

    /// <summary>
    /// As <see cref="Write(string, TemporalAnchor?, IEnumerable{Timex}, string?)"/>, with each range written as a
    /// non-consuming DURATION TIMEX3 (an empty element right after its end expression) whose beginPoint and endPoint name
    /// the two expressions; a range whose ends were left out is left out too.
    /// </summary>
    public static string Write(string text, TemporalAnchor? anchor, IEnumerable<Timex> timexes, IEnumerable<TimexRange> ranges, string? docId = null)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var rangesByEnd = ranges.ToLookup(r => r.EndId, StringComparer.Ordinal);
        var written = new HashSet<string>(StringComparer.Ordinal);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(timexes);
        var sb = new StringBuilder(text.Length * 2);
        var settings = new XmlWriterSettings { OmitXmlDeclaration = false, Indent = false, NewLineHandling = NewLineHandling.None, Encoding = new UTF8Encoding(false) };
        using (var xw = XmlWriter.Create(new StringWriter(sb, CultureInfo.InvariantCulture), settings))
        {
            xw.WriteStartElement("TimeML");
            xw.WriteWhitespace("\n");
            if (docId is not null)
            {
                xw.WriteElementString("DOCID", docId);
                xw.WriteWhitespace("\n");
            }
            if (anchor is { IsUsable: true })
            {
                xw.WriteStartElement("DCT");
                xw.WriteStartElement("TIMEX3");
                xw.WriteAttributeString("tid", "t0");
                xw.WriteAttributeString("type", "DATE");
                xw.WriteAttributeString("value", anchor.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                xw.WriteAttributeString("temporalFunction", "false");
                xw.WriteAttributeString("functionInDocument", "CREATION_TIME");
                xw.WriteString(anchor.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                xw.WriteEndElement();
                xw.WriteEndElement();
                xw.WriteWhitespace("\n");
            }
            xw.WriteStartElement("TEXT");
            int at = 0;
            foreach (var t in timexes.OrderBy(t => t.Span.Start).ThenByDescending(t => t.Span.Length))
            {
                if (t.Span.Start < at || t.Span.End > text.Length) continue;
                WriteText(xw, text[at..t.Span.Start]);
                xw.WriteStartElement("TIMEX3");
                xw.WriteAttributeString("tid", t.Id);
                xw.WriteAttributeString("type", t.Type.ToString().ToUpperInvariant());
                xw.WriteAttributeString("value", t.Value);
                if (t.Modifier is not null) xw.WriteAttributeString("mod", t.Modifier);
                if (t.AnchorTimexId is not null) xw.WriteAttributeString("anchorTimeID", t.AnchorTimexId);
                xw.WriteAttributeString("functionInDocument", "NONE");
                WriteText(xw, t.Span.Of(text));
                xw.WriteEndElement();
                written.Add(t.Id);
                foreach (var r in rangesByEnd[t.Id])
                {
                    if (!written.Contains(r.BeginId)) continue;
                    xw.WriteStartElement("TIMEX3");
                    xw.WriteAttributeString("tid", r.Id);
                    xw.WriteAttributeString("type", "DURATION");
                    xw.WriteAttributeString("value", r.Duration);
                    xw.WriteAttributeString("beginPoint", r.BeginId);
                    xw.WriteAttributeString("endPoint", r.EndId);
                    xw.WriteAttributeString("functionInDocument", "NONE");
                    xw.WriteEndElement();
                }
                at = t.Span.End;
            }
            WriteText(xw, text[at..]);
            xw.WriteEndElement();
            xw.WriteWhitespace("\n");
            xw.WriteEndElement();
        }
        return sb.ToString();
    }

    private static void WriteText(XmlWriter xw, string s)
    {
        // Characters XML 1.0 cannot carry (most C0 controls) are replaced so the output always parses.
        var clean = new StringBuilder(s.Length);
        foreach (char c in s) clean.Append(c < 0x20 && c != '\n' && c != '\r' && c != '\t' ? ' ' : c);
        xw.WriteString(clean.ToString());
    }
}
