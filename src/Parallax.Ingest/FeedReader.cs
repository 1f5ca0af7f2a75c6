using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Parallax.Nlp.Documents;

namespace Parallax.Ingest;

/// <summary>
/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom feeds item by item with a forward-only XML reader, so the items read
/// before a break are kept when a feed is truncated or malformed, and a large feed is never held as a tree.
/// </summary>
internal static partial class FeedReader
{
    /// <summary>Confidence of item fields (title, link, date, author).</summary>
    public const double ItemConfidence = 0.9;

    /// <summary>The channel title names the outlet only loosely (it may be a section or a topic feed).</summary>
    public const double OutletConfidence = 0.6;

    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";

    public static IEnumerable<IngestItem> Read(string text, ReadContext context)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CheckCharacters = false,
        };
        using var reader = XmlReader.Create(new StringReader(ReplaceHtmlEntities(text)), settings);
        string? outlet = null;
        string? root = null;
        int index = 0;
        bool started = false;
        while (true)
        {
            XElement? item = null;
            IngestFailure? failure = null;
            try
            {
                if (!started)
                {
                    started = true;
                    reader.Read();
                }
                while (!reader.EOF && item is null)
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        reader.Read();
                        continue;
                    }
                    root ??= reader.LocalName;
                    var name = reader.LocalName;
                    if (name is "item" or "entry")
                    {
                        item = (XElement)XNode.ReadFrom(reader);
                    }
                    else if (name == "title" && outlet is null && reader.Depth == (root == "feed" ? 1 : 2))
                    {
                        outlet = MetadataValues.CollapseSpace(StripTags(reader.ReadElementContentAsString()));
                    }
                    else
                    {
                        reader.Read();
                    }
                }
            }
            catch (XmlException ex)
            {
                failure = Broken(context, ex, index);
            }
            if (failure is not null)
            {
                yield return failure;
                yield break;
            }
            if (item is null) break;
            index++;
            yield return ReadItem(item, index, outlet, context);
        }
        if (index == 0)
        {
            yield return new IngestFailure(context.SourceId, InputErrorCode.Empty,
                $"{InputCodes.Format(InputErrorCode.Empty)}: {context.SourceId} is a feed with no <item> or <entry>; check that it is the feed you meant.");
        }
    }

    private static IngestFailure Broken(ReadContext context, XmlException ex, int itemsRead)
    {
        var at = ex.LineNumber > 0
            ? $" at line {ex.LineNumber.ToString(CultureInfo.InvariantCulture)}, position {ex.LinePosition.ToString(CultureInfo.InvariantCulture)}"
            : "";
        var reason = ex.Message;
        int cut = reason.IndexOf(" Line ", StringComparison.Ordinal);
        if (cut > 0) reason = reason[..cut];
        return new IngestFailure(context.SourceId, InputErrorCode.MalformedFeed,
            $"{InputCodes.Format(InputErrorCode.MalformedFeed)}: {context.SourceId} is not a well-formed feed{at} ({reason.TrimEnd('.')}). " +
            $"The {itemsRead.ToString(CultureInfo.InvariantCulture)} item(s) before the break were read; download the feed again or fix the XML to read the rest.");
    }

    private static IngestItem ReadItem(XElement item, int index, string? outlet, ReadContext context)
    {
        var id = $"{context.SourceId}#{index.ToString(CultureInfo.InvariantCulture)}";
        var where = $"{id} (feed item)";
        var candidates = new List<MetadataCandidate>(context.SidecarMetadata);
        var warnings = new List<IngestWarning>(context.Warnings);

        var title = Child(item, "title");
        if (title is not null)
        {
            var t = IsHtmlTyped(title) || item.Name.LocalName == "item" ? StripTags(title.Value) : title.Value;
            MetadataValues.Add(MetadataField.Title, t, MetadataSource.Feed, ItemConfidence, where, candidates, warnings, title.Value.Trim());
        }
        if (Link(item) is { } link)
            MetadataValues.Add(MetadataField.Url, link, MetadataSource.Feed, ItemConfidence, where, candidates, warnings);
        var date = Child(item, "pubDate") ?? Child(item, "published") ?? Child(item, "date") ?? Child(item, "updated");
        if (date is not null)
            MetadataValues.Add(MetadataField.Published, date.Value, MetadataSource.Feed, ItemConfidence, where, candidates, warnings);
        var authors = Authors(item);
        if (authors.Count > 0)
            MetadataValues.Add(MetadataField.Author, string.Join(", ", authors), MetadataSource.Feed, ItemConfidence, where, candidates, warnings);
        if (!string.IsNullOrWhiteSpace(outlet))
            MetadataValues.Add(MetadataField.Outlet, outlet, MetadataSource.Feed, OutletConfidence, where, candidates, warnings);

        var (body, kind) = Content(item);
        if (string.IsNullOrWhiteSpace(body))
        {
            return new IngestFailure(id, InputErrorCode.Empty,
                $"{InputCodes.Format(InputErrorCode.Empty)}: {id} has no content:encoded, content, description or summary; the item was skipped. Fetch the article's page ({Link(item) ?? "no link given"}) instead.");
        }
        var externalId = (Child(item, "guid") ?? Child(item, "id"))?.Value.Trim();
        return new IngestedSource(
            new DocumentSource(id, kind, body, [.. candidates], context.EncodingName), [.. warnings])
        {
            ExternalId = string.IsNullOrEmpty(externalId) ? context.ExternalId : externalId,
        };
    }

    private static (string? Body, ContentKind Kind) Content(XElement item)
    {
        var encoded = item.Element(XName.Get("encoded", ContentNs))
            ?? item.Elements().FirstOrDefault(e => e.Name.LocalName == "encoded");
        if (encoded is not null && !string.IsNullOrWhiteSpace(encoded.Value)) return (encoded.Value, ContentKind.Html);
        foreach (var name in (string[])["content", "description", "summary"])
        {
            var e = Child(item, name);
            if (e is null || e.Attribute("src") is not null) continue;
            var type = e.Attribute("type")?.Value.ToLowerInvariant();
            if (type is "xhtml" or "application/xhtml+xml")
            {
                var inner = e.Elements().FirstOrDefault() is { } div ? string.Concat(div.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting))) : e.Value;
                if (!string.IsNullOrWhiteSpace(inner)) return (inner, ContentKind.Html);
                continue;
            }
            if (string.IsNullOrWhiteSpace(e.Value)) continue;
            // Atom marks plain text explicitly; RSS descriptions are HTML by convention.
            bool atomText = item.Name.LocalName == "entry" && (type is null or "text" or "text/plain");
            return (e.Value, atomText ? ContentKind.PlainText : ContentKind.Html);
        }
        return (null, ContentKind.Html);
    }

    private static string? Link(XElement item)
    {
        foreach (var l in item.Elements().Where(e => e.Name.LocalName == "link"))
        {
            var href = l.Attribute("href")?.Value;
            if (href is null) return string.IsNullOrWhiteSpace(l.Value) ? null : l.Value.Trim();
            var rel = l.Attribute("rel")?.Value;
            if (rel is null or "alternate") return href.Trim();
        }
        return null;
    }

    private static List<string> Authors(XElement item)
    {
        var names = new List<string>();
        foreach (var e in item.Elements().Where(e => e.Name.LocalName is "author" or "creator"))
        {
            var name = e.Elements().FirstOrDefault(c => c.Name.LocalName == "name")?.Value ?? e.Value;
            // RSS <author> is "address (Name)"; keep the name.
            var m = MailWithName().Match(name.Trim());
            name = m.Success ? m.Groups["name"].Value : name;
            name = MetadataValues.CollapseSpace(name);
            if (name.Length > 0 && !names.Contains(name, StringComparer.Ordinal)) names.Add(name);
        }
        return names;
    }

    [GeneratedRegex(@"^\S+@\S+\s*\((?<name>[^)]+)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex MailWithName();

    private static XElement? Child(XElement item, string localName) =>
        item.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static bool IsHtmlTyped(XElement e) => e.Attribute("type")?.Value is "html" or "xhtml";

    /// <summary>Feed titles are often HTML or entity-escaped; the title candidate should be text.</summary>
    internal static string StripTags(string value)
    {
        if (value.IndexOfAny(['<', '&']) < 0) return value;
        // A parser per call: HtmlParser instances are not documented as safe to share between threads.
        using var doc = new HtmlParser().ParseDocument("<body>" + value + "</body>");
        return doc.Body?.TextContent ?? value;
    }

    /// <summary>
    /// Feeds often use HTML named entities (&amp;nbsp;, &amp;mdash;) that XML does not define; outside CDATA sections
    /// they are turned into numeric references so the feed parses. CDATA is left as it is: there they are literal
    /// HTML source. Line numbers are unchanged.
    /// </summary>
    internal static string ReplaceHtmlEntities(string text)
    {
        if (!text.Contains('&', StringComparison.Ordinal)) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        int pos = 0;
        while (pos < text.Length)
        {
            int open = text.IndexOf("<![CDATA[", pos, StringComparison.Ordinal);
            int stop = open < 0 ? text.Length : open;
            sb.Append(NamedEntity().Replace(text[pos..stop], ToNumeric));
            if (open < 0) break;
            int close = text.IndexOf("]]>", open, StringComparison.Ordinal);
            int end = close < 0 ? text.Length : close + 3;
            sb.Append(text, open, end - open);
            pos = end;
        }
        return sb.ToString();
    }

    private static string ToNumeric(Match m)
    {
        var name = m.Groups[1].Value;
        if (name is "amp" or "lt" or "gt" or "quot" or "apos") return m.Value;
        var decoded = WebUtility.HtmlDecode(m.Value);
        if (decoded == m.Value || decoded.Length == 0) return m.Value;
        return string.Concat(decoded.EnumerateRunes().Select(r => "&#" + r.Value.ToString(CultureInfo.InvariantCulture) + ";"));
    }

    [GeneratedRegex("&([A-Za-z][A-Za-z0-9]{1,31});", RegexOptions.CultureInvariant)]
    private static partial Regex NamedEntity();
}
