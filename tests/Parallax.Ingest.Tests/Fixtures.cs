using System.IO.Compression;
using System.Text;

namespace Parallax.Ingest.Tests;

/// <summary>Builds fixture bytes in code; every text here was written for these tests.</summary>
internal static class Fixtures
{
    public static byte[] Utf8(string s) => new UTF8Encoding(false).GetBytes(s);

    public static byte[] Gzip(string s)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gz.Write(Utf8(s));
        return output.ToArray();
    }

    public static byte[] Windows1252(string s)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252).GetBytes(s);
    }

    public const string Rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Harbour Chronicle &mdash; World</title>
            <link>https://chronicle.example/</link>
            <image><title>Logo</title><url>https://chronicle.example/logo.png</url></image>
            <item>
              <title>Ferry service resumes</title>
              <link>https://chronicle.example/ferry</link>
              <pubDate>Tue, 05 Mar 2024 14:30:00 GMT</pubDate>
              <dc:creator>Ines Marlow</dc:creator>
              <guid>chronicle-ferry-1</guid>
              <description>Short teaser.</description>
              <content:encoded><![CDATA[<p>The ferry sailed at dawn&nbsp;again.</p>]]></content:encoded>
            </item>
            <item>
              <title>Port &amp; harbour fees rise</title>
              <link>https://chronicle.example/fees</link>
              <author>desk@chronicle.example (Tomas Reyes)</author>
              <description>&lt;p&gt;Fees rise by a tenth.&lt;/p&gt;</description>
            </item>
            <item>
              <title>Third story</title>
              <description>&lt;p&gt;Gulls returned to the pier.&lt;/p&gt;</description>
            </item>
          </channel>
        </rss>
        """;

    public const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title type="text">Upland Courier</title>
          <entry>
            <title type="html">Snow &lt;em&gt;closes&lt;/em&gt; pass</title>
            <link rel="alternate" href="https://courier.example/snow"/>
            <link rel="edit" href="https://courier.example/edit/1"/>
            <id>tag:courier.example,2024:1</id>
            <published>2024-01-09T07:00:00+01:00</published>
            <updated>2024-01-10T07:00:00+01:00</updated>
            <author><name>Lena Ortiz</name></author>
            <content type="html">&lt;p&gt;The pass closed overnight.&lt;/p&gt;</content>
          </entry>
          <entry>
            <title>Road reopens</title>
            <id>tag:courier.example,2024:2</id>
            <updated>2024-01-11T09:00:00Z</updated>
            <summary>Ploughs cleared the road by noon.</summary>
          </entry>
        </feed>
        """;
}
