using System.Text;
using Parallax.Nlp.Cleaning.Html;
using Parallax.Nlp.Documents;

namespace Parallax.Nlp.Tests.Cleaning.Html;

public class HtmlContentExtractorTests
{
    private const string Para1 = "The harbour council voted on Tuesday to rebuild the old stone pier, ending a dispute that had lasted for almost a decade.";
    private const string Para2 = "Fishermen had argued that the crumbling structure put their boats at risk every winter, while shop owners feared the cost.";
    private const string Para3 = "Work is expected to begin in the spring, the council said, and should take about eighteen months to complete in full.";

    private static readonly string NewsPage = $$"""
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
          <title>Pier vote | Harbour Gazette</title>
          <meta name="author" content="Mara Quill">
          <meta name="description" content="Council backs the pier rebuild.">
          <meta property="og:title" content="Council votes to rebuild the pier">
          <meta property="og:site_name" content="Harbour Gazette">
          <meta property="article:published_time" content="2024-03-05T09:30:00+00:00">
          <meta property="og:url" content="https://gazette.example/pier-vote">
          <link rel="canonical" href="/news/pier-vote">
          <script type="application/ld+json">
          {"@context":"https://schema.org","@type":"NewsArticle","headline":"Council votes to rebuild the pier",
           "author":[{"@type":"Person","name":"Mara Quill"}],"datePublished":"2024-03-05T09:30:00Z",
           "publisher":{"@type":"Organization","name":"Harbour Gazette"},"url":"https://gazette.example/pier-vote"}
          </script>
          <style>body { color: black; }</style>
        </head>
        <body>
          <div class="cookie-banner">We use cookies to improve your experience. Accept all cookies or manage your choices.</div>
          <nav class="site-nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
          <main>
            <article>
              <h1>Council votes to rebuild the pier</h1>
              <div class="byline">By Mara Quill</div>
              <time datetime="2024-03-05T09:30:00Z">5 March 2024</time>
              <div class="article-body">
                <p>{{Para1}}</p>
                <div class="ad-slot">Advertisement: buy the best boat insurance in the whole region today</div>
                <p>{{Para2}}</p>
                <figure><img src="pier.jpg"><figcaption>The old pier at low tide, photographed last winter by our staff.</figcaption></figure>
                <p>{{Para3}}</p>
              </div>
              <div class="newsletter-signup">Sign up for our morning newsletter and get the news before breakfast every day.</div>
            </article>
            <section class="related-stories">
              <h2>Related stories</h2>
              <ul><li><a href="/a">Harbour fees rise again for the third year running</a></li>
                  <li><a href="/b">Lifeboat crew rescues two kayakers off the point</a></li></ul>
            </section>
            <div id="comments" class="comments">
              <p>Reader one: about time this happened, the pier has been falling apart for years now.</p>
            </div>
          </main>
          <footer>Copyright Harbour Gazette. All rights reserved. Contact us. Privacy policy. Terms of use.</footer>
        </body>
        </html>
        """;

    private readonly HtmlContentExtractor _extractor = new();

    [Fact]
    public void Extract_NewsPage_KeepsOnlyArticleParagraphs()
    {
        // Given a page with a cookie banner, navigation, an ad, a caption, a sign-up box, related links and comments
        // When
        var result = _extractor.Extract(NewsPage);

        // Then the clean text is exactly the three article paragraphs
        Assert.Equal($"{Para1}\n\n{Para2}\n\n{Para3}", result.Clean.Text);
    }

    [Theory]
    [InlineData(RemovalReason.CookieBanner, "We use cookies")]
    [InlineData(RemovalReason.Navigation, "Home News Sport Weather")]
    [InlineData(RemovalReason.Advertisement, "boat insurance")]
    [InlineData(RemovalReason.PhotoCaption, "old pier at low tide")]
    [InlineData(RemovalReason.SignUpPrompt, "morning newsletter")]
    [InlineData(RemovalReason.RelatedContent, "Lifeboat crew")]
    [InlineData(RemovalReason.CommentSection, "Reader one")]
    [InlineData(RemovalReason.Navigation, "All rights reserved")]
    [InlineData(RemovalReason.Metadata, "Council votes to rebuild the pier")]
    [InlineData(RemovalReason.Metadata, "By Mara Quill")]
    public void Extract_NewsPage_RecordsRemovedBlockWithReason(RemovalReason reason, string fragment)
    {
        // Given
        string html = NewsPage;

        // When
        var removed = _extractor.Extract(html).Clean.Removed;

        // Then the fragment sits in a removed block with that reason, whose raw span contains its first words
        var block = Assert.Single(removed, b => b.Text.Contains(fragment, StringComparison.Ordinal));
        Assert.Equal(reason, block.Reason);
        Assert.False(string.IsNullOrWhiteSpace(block.Detail));
        string firstWord = fragment.Split(' ')[0];
        Assert.Contains(firstWord, block.RawSpan.Of(html), StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_NewsPage_RemovedBlocksHaveTextAndOrderedOffsets()
    {
        // Given
        var result = _extractor.Extract(NewsPage);

        // When
        var removed = result.Clean.Removed;

        // Then no block is empty, offsets lie in the clean text, and restoring them keeps every removed text
        Assert.All(removed, b => Assert.False(string.IsNullOrWhiteSpace(b.Text)));
        Assert.All(removed, b => Assert.InRange(b.CleanOffset, 0, result.Clean.Text.Length));
        Assert.Equal(removed.Select(b => b.CleanOffset).Order(), removed.Select(b => b.CleanOffset));
        string restored = result.Clean.Restore(removed);
        Assert.All(removed, b => Assert.Contains(b.Text, restored, StringComparison.Ordinal));
        Assert.DoesNotContain(removed, b => b.Text.Contains("color: black", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_NewsPage_TitleBylineAndDateBecomeMetadata()
    {
        // Given
        var result = _extractor.Extract(NewsPage, "https://gazette.example/news/pier-vote");

        // When
        var structure = result.Metadata.Where(m => m.Source == MetadataSource.PageStructure).ToList();

        // Then
        Assert.Contains(structure, m => m.Field == MetadataField.Title && m.Value == "Council votes to rebuild the pier");
        Assert.Contains(structure, m => m.Field == MetadataField.Author && m.Value == "Mara Quill" && m.Evidence == "By Mara Quill");
        Assert.Contains(structure, m => m.Field == MetadataField.Published && m.Value == "2024-03-05T09:30:00Z");
        Assert.DoesNotContain("Mara Quill", result.Clean.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MetadataField.Title, "Council votes to rebuild the pier", MetadataSource.JsonLd)]
    [InlineData(MetadataField.Author, "Mara Quill", MetadataSource.JsonLd)]
    [InlineData(MetadataField.Published, "2024-03-05T09:30:00Z", MetadataSource.JsonLd)]
    [InlineData(MetadataField.Outlet, "Harbour Gazette", MetadataSource.JsonLd)]
    [InlineData(MetadataField.Url, "https://gazette.example/pier-vote", MetadataSource.JsonLd)]
    [InlineData(MetadataField.Title, "Council votes to rebuild the pier", MetadataSource.OpenGraph)]
    [InlineData(MetadataField.Outlet, "Harbour Gazette", MetadataSource.OpenGraph)]
    [InlineData(MetadataField.Published, "2024-03-05T09:30:00Z", MetadataSource.OpenGraph)]
    [InlineData(MetadataField.Url, "https://gazette.example/pier-vote", MetadataSource.OpenGraph)]
    [InlineData(MetadataField.Author, "Mara Quill", MetadataSource.HtmlMeta)]
    [InlineData(MetadataField.Subtitle, "Council backs the pier rebuild.", MetadataSource.HtmlMeta)]
    [InlineData(MetadataField.Url, "https://gazette.example/news/pier-vote", MetadataSource.HtmlMeta)]
    [InlineData(MetadataField.Language, "en", MetadataSource.HtmlMeta)]
    public void Extract_HeadTags_YieldCandidateFromSource(MetadataField field, string value, MetadataSource source)
    {
        // Given a page whose relative canonical link needs the source URL
        // When
        var metadata = _extractor.Extract(NewsPage, "https://gazette.example/other").Metadata;

        // Then
        var candidate = Assert.Single(metadata, m => m.Field == field && m.Source == source && m.Value == value);
        Assert.False(string.IsNullOrEmpty(candidate.Evidence));
    }

    [Fact]
    public void Extract_MetaTag_EvidenceIsTheTagAndSpanPointsAtIt()
    {
        // Given
        string html = NewsPage;

        // When
        var site = _extractor.Extract(html).Metadata.Single(m => m.Field == MetadataField.Outlet && m.Source == MetadataSource.OpenGraph);

        // Then
        Assert.Equal("""<meta property="og:site_name" content="Harbour Gazette">""", site.Evidence);
        Assert.Equal(site.Evidence, site.RawSpan!.Value.Of(html));
    }

    [Fact]
    public void Extract_ListsAndSubheadings_KeptAsOwnParagraphs()
    {
        // Given
        const string html = """
            <html><body><div class="story-body">
            <p>The island ferry timetable changes next week, and travellers should check before setting out early.</p>
            <h2>What changes</h2>
            <ul><li>The first sailing moves to seven.</li><li>The last sailing moves to nine.</li></ul>
            <p>The operator said the new times reflect demand measured over the whole of last summer season.</p>
            </div></body></html>
            """;

        // When
        var clean = _extractor.Extract(html).Clean;

        // Then
        string[] expected =
        [
            "The island ferry timetable changes next week, and travellers should check before setting out early.",
            "What changes",
            "The first sailing moves to seven.",
            "The last sailing moves to nine.",
            "The operator said the new times reflect demand measured over the whole of last summer season.",
        ];
        Assert.Equal(expected, clean.Paragraphs.Select(p => p.Of(clean.Text)));
        Assert.Equal(string.Join("\n\n", expected), clean.Text);
    }

    [Fact]
    public void Extract_EntitiesAndWhitespace_DecodedAndFolded()
    {
        // Given
        const string html = "<html><body><article><p>Fish &amp; chips\n\n   cost &pound;5&nbsp;now, said the owner of the caf&eacute; on the quay by the harbour wall.</p></article></body></html>";

        // When
        var clean = _extractor.Extract(html).Clean;

        // Then
        Assert.Equal("Fish & chips cost £5 now, said the owner of the café on the quay by the harbour wall.", clean.Text);
        Assert.Equal(html.IndexOf("&amp;", StringComparison.Ordinal), clean.Map.ToRaw(clean.Text.IndexOf('&', StringComparison.Ordinal)));
    }

    [Fact]
    public void Extract_GeneratedPages_MapPointsAtSourceCharacters()
    {
        // Given pages built from random words, entities, inline tags and whitespace (fixed seed)
        var random = new Random(20240305);
        for (int page = 0; page < 60; page++)
        {
            string html = GeneratePage(random);

            // When
            var clean = _extractor.Extract(html).Clean;

            // Then every clean character copied from the page maps back to itself, a folded space, or an entity
            Assert.NotEmpty(clean.Text);
            foreach (var s in clean.Map.Segments)
            {
                for (int k = 0; k < s.Length; k++)
                {
                    char c = clean.Text[s.CleanStart + k];
                    char r = html[clean.Map.ToRaw(s.CleanStart + k)];
                    bool ok = r == c || (c == ' ' && char.IsWhiteSpace(r)) || r == '&';
                    Assert.True(ok, $"page {page}: clean '{c}' at {s.CleanStart + k} maps to raw '{r}'");
                }
            }
            Assert.All(clean.Paragraphs, p => Assert.DoesNotContain('\n', p.Of(clean.Text)));
        }
    }

    private static string GeneratePage(Random random)
    {
        string[] words = ["harbour", "council", "pier", "boats", "winter", "spring", "stone", "quay", "tide", "crew", "storm", "ferry"];
        string[] decorations = ["&amp;", "&eacute;", "&#8217;", "&nbsp;", "\n   ", "\t", "<b>bold</b>", "<a href=\"/x\">link</a>", "<!-- note -->", "&quot;"];
        var sb = new StringBuilder("<html><head><title>t</title></head><body><nav><a href=\"/\">Home</a></nav><div class=\"article-body\">");
        int paragraphs = random.Next(3, 7);
        for (int p = 0; p < paragraphs; p++)
        {
            sb.Append("<p>");
            int count = random.Next(20, 40);
            for (int w = 0; w < count; w++)
            {
                sb.Append(words[random.Next(words.Length)]);
                sb.Append(random.Next(5) == 0 ? decorations[random.Next(decorations.Length)] : " ");
            }
            sb.Append(".</p>\n");
        }
        sb.Append("</div><footer>Footer text here</footer></body></html>");
        return sb.ToString();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<html><body></body></html>")]
    [InlineData("<html><body><div><p>Unclosed paragraph about the harbour council and its long running pier dispute")]
    [InlineData("<p>One<p>Two<div><span>Three</p></div></span><table><tr><td>cell text that is quite long indeed, long enough")]
    [InlineData("<html><head><script>var x = '<p>not text</p>';")]
    [InlineData("<<<>>>&&&;;; <p class=\"a>b</p> </html> <html>")]
    public void Extract_MalformedHtml_ReturnsConsistentResult(string html)
    {
        // Given malformed, truncated or empty input
        // When
        var clean = _extractor.Extract(html).Clean;

        // Then paragraphs lie inside the text and the map stays inside the raw input
        Assert.All(clean.Paragraphs, p => Assert.InRange(p.End, p.Start, clean.Text.Length));
        Assert.Equal(html.Length, clean.Map.RawLength);
        Assert.All(Enumerable.Range(0, clean.Text.Length + 1), i => Assert.InRange(clean.Map.ToRaw(i), 0, html.Length));
        Assert.DoesNotContain("not text", clean.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_TruncatedAtEveryCut_NeverThrows()
    {
        // Given the news page cut at many points
        for (int cut = 0; cut < NewsPage.Length; cut += 37)
        {
            string html = NewsPage[..cut];

            // When
            var result = _extractor.Extract(html);

            // Then
            Assert.Equal(html.Length, result.Clean.Map.RawLength);
        }
    }

    [Fact]
    public void Extract_DeeplyNestedAndHugePage_Completes()
    {
        // Given 5,000 unclosed divs and then a few megabytes of paragraphs
        var sb = new StringBuilder("<html><body>");
        for (int i = 0; i < 5000; i++) sb.Append("<div>");
        while (sb.Length < 3_000_000) sb.Append("<p>").Append(Para1).Append(" <a href=\"/x\">More</a> ").Append(Para2).Append("</p>\n");
        string html = sb.ToString();

        // When
        var clean = _extractor.Extract(html).Clean;

        // Then
        Assert.StartsWith(Para1, clean.Text, StringComparison.Ordinal);
        Assert.True(clean.Paragraphs.Length > 1000);
    }

    [Fact]
    public void Extract_CancelledToken_Throws()
    {
        // Given
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        // When / Then
        Assert.ThrowsAny<OperationCanceledException>(() => _extractor.Extract(NewsPage, null, cts.Token));
    }

    [Fact]
    public void Extract_SharedInstance_SameResultOnManyThreads()
    {
        // Given
        string expected = _extractor.Extract(NewsPage).Clean.Text;

        // When
        var results = Enumerable.Range(0, 16).AsParallel().Select(_ => _extractor.Extract(NewsPage).Clean.Text).ToList();

        // Then
        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
