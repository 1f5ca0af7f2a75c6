using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Parallax.Core.Articles;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Events;
using Parallax.Nlp.Pipeline;
using Parallax.Nlp.Quantities;
using Parallax.Nlp.Quotes;
using Parallax.Nlp.Tokens;
using Parallax.Reporting.Export;
using Parallax.Testing;
using Parallax.Text;

namespace Parallax.Reporting.Tests.Export;

/// <summary>Lets other tests reuse the hand-built story.</summary>
internal static class StoryExportTestsAccess
{
    public static StoryView HandBuilt() => StoryExportTests.HandBuiltStory();
}

public sealed class StoryExportTests
{
    internal static StoryView HandBuiltStory() => HandBuilt();

    /// <summary>Two invented articles with hand-made sentence, event, quote and quantity layers.</summary>
    private static StoryView HandBuilt()
    {
        ArticleRecord Article(string source, string outlet, string text, Func<string, TextSpan[], (ImmutableArray<EventMention>, ImmutableArray<Quote>, ImmutableArray<Quantity>)> layers)
        {
            var doc = new DocumentBuilder().From(source).Paragraph(text).Meta(MetadataField.Outlet, outlet).Meta(MetadataField.Published, "2018-06-01").Build();
            var sentences = text.Split(". ").Aggregate((List: new List<TextSpan>(), At: 0), (acc, s) =>
            {
                int len = acc.At + s.Length + 1 > text.Length ? s.Length : s.Length + 1;
                acc.List.Add(new TextSpan(acc.At, acc.At + len));
                return (acc.List, acc.At + s.Length + 2);
            }).List.ToArray();
            doc.Set(TokenLayers.Sentences, [.. sentences]);
            var (events, quotes, quantities) = layers(text, sentences);
            doc.Set(EventLayers.Events, events);
            doc.Set(QuoteLayers.Quotes, quotes);
            doc.Set(QuantityLayers.Quantities, quantities);
            return new ArticleRecord(doc, "s-1", null, 0, new DateTimeOffset(2018, 6, 2, 0, 0, 0, TimeSpan.Zero));
        }

        static TextSpan At(string text, string words) { int i = text.IndexOf(words, StringComparison.Ordinal); return new TextSpan(i, i + words.Length); }
        static EventMention Withdraw(string text, TextSpan sentence, string trigger, EventModality modality) =>
            new("e1", At(text, trigger), "withdraw", sentence, "RETREAT", "withdraw", "087",
                new EventParticipant(At(text, "Iranian forces"), "Iranian forces", "country:ir", "actor:country:ir"), null, null, EventDates.None, modality, null, 0.8, [sentence]);

        var a = Article("a.txt", "Harbour Herald", "Iranian forces will withdraw 15 miles from the border. “We are leaving,” an official said.", (t, s) =>
        (
            [Withdraw(t, s[0], "withdraw", EventModality.Planned)],
            [new Quote("q1", At(t, "We are leaving"), [At(t, "We are leaving")], At(t, "said"), QuoteKind.Direct,
                new Speaker(At(t, "an official"), "an official", null, null, SourceKind.Anonymous, "subject of 'said'"), [s[1]], 0.9)],
            [new Quantity("n1", At(t, "15 miles"), s[0], 24.14, 24.14, QuantityBound.Exact, "km", 15, "miles", null, null, "the border", "Iranian forces", 0.9)]
        ));
        var b = Article("b.txt", "Valley Post", "Iranian forces will not withdraw, the minister said. They stay 60 km from the border.", (t, s) =>
        (
            [Withdraw(t, s[0], "withdraw", EventModality.Negated)],
            [],
            [new Quantity("n1", At(t, "60 km"), s[1], 60, 60, QuantityBound.Exact, "km", 60, "km", null, null, "the border", "They", 0.9)]
        ));
        return new StoryView(new StoryRecord("s-1", "withdrawal", [a.Id, b.Id], ["withdrawal"], a.IngestedAt, b.IngestedAt), [a, b]);
    }

    private static string Export(IStoryExporter exporter, StoryView view)
    {
        using var stream = new MemoryStream();
        exporter.Write([view], stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Checks that a JSON item names an article of the story and that each span named lies in that article's text.</summary>
    private static void AssertCited(JsonElement item, IReadOnlyDictionary<string, string> texts, params string[] spanProperties)
    {
        var id = item.GetProperty("articleId").GetString()!;
        Assert.True(texts.ContainsKey(id), $"unknown article {id}");
        var text = texts[id];
        foreach (var name in spanProperties)
        {
            var value = item.GetProperty(name);
            var spans = value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
            Assert.NotEmpty(spans);
            foreach (var span in spans)
            {
                int start = span[0].GetInt32(), end = span[1].GetInt32();
                Assert.InRange(start, 0, end);
                Assert.InRange(end, start, text.Length);
            }
        }
    }

    private static void AssertEveryItemCited(JsonElement root, IReadOnlyDictionary<string, string> texts)
    {
        foreach (var e in root.GetProperty("events").EnumerateArray())
            foreach (var r in e.GetProperty("reports").EnumerateArray()) AssertCited(r, texts, "sentence", "trigger", "evidence");
        foreach (var q in root.GetProperty("quotes").EnumerateArray()) AssertCited(q, texts, "sentences", "contentSpan");
        foreach (var q in root.GetProperty("quantities").EnumerateArray()) AssertCited(q, texts, "sentence", "span");
        foreach (var c in root.GetProperty("claims").EnumerateArray())
            foreach (var v in c.GetProperty("values").EnumerateArray()) AssertCited(v, texts, "sentence", "span");
        foreach (var f in root.GetProperty("framing").EnumerateArray())
            foreach (var kind in new[] { "labels", "verbs", "hedgeUses" })
                foreach (var u in f.GetProperty(kind).EnumerateArray())
                    Assert.All(u.GetProperty("sentences").EnumerateArray(), s => Assert.InRange(s[1].GetInt32(), s[0].GetInt32(), texts[f.GetProperty("articleId").GetString()!].Length));
        foreach (var s in root.GetProperty("summary").EnumerateArray())
            foreach (var c in s.GetProperty("cites").EnumerateArray()) AssertCited(c, texts, "sentence");
    }

    [Fact]
    public void JsonExporter_StoryView_EveryEventQuoteQuantityAndClaimCarriesArticleAndSentenceSpans()
    {
        // Given a story whose articles have event, quote and quantity layers
        var view = HandBuilt();
        var texts = view.Articles.ToDictionary(a => a.Id, a => a.Document.Text, StringComparer.Ordinal);

        // When exported as JSON
        using var json = JsonDocument.Parse(Export(new JsonExporter(), view));
        var root = json.RootElement;

        // Then every item of the story view names its article and sentence spans inside that article
        Assert.Equal(2, root.GetProperty("events").GetArrayLength());
        Assert.Equal(1, root.GetProperty("quotes").GetArrayLength());
        Assert.Equal(2, root.GetProperty("quantities").GetArrayLength());
        Assert.True(root.GetProperty("claims").GetArrayLength() >= 2);
        AssertEveryItemCited(root, texts);

        // and the withdrawal is a contradiction, the distances a discrepancy, each value from its own outlet
        var claims = root.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal("contradiction", claims[0].GetProperty("verdict").GetString());
        Assert.Equal("discrepancy", claims[1].GetProperty("verdict").GetString());
        Assert.Equal(["Harbour Herald", "Valley Post"], claims[1].GetProperty("values").EnumerateArray().Select(v => v.GetProperty("outlet").GetString()!).ToArray());
        Assert.Equal("s-1", claims[0].GetProperty("storyId").GetString());
    }

    [Fact]
    public void JsonLinesExporter_StoryView_OneLinePerItemTypedAndCited()
    {
        // Given / When the same story as JSON Lines
        var view = HandBuilt();
        var lines = Export(new JsonLinesExporter(), view).TrimEnd('\n').Split('\n');

        // Then the story view follows the documents, one typed line per item, each naming its article or articles
        var types = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("type").GetString()!).ToList();
        Assert.Equal(["header", "story", "document", "document"], types.Take(4).ToArray());
        Assert.Equal(2, types.Count(t => t == "event"));
        Assert.Equal(1, types.Count(t => t == "quote"));
        Assert.Equal(2, types.Count(t => t == "quantity"));
        Assert.Contains("claim", types);
        Assert.Equal(2, types.Count(t => t == "framing"));
        var quote = JsonDocument.Parse(lines[types.IndexOf("quote")]).RootElement;
        Assert.Equal("anonymous", quote.GetProperty("speaker").GetProperty("kind").GetString());
        Assert.Equal("We are leaving", quote.GetProperty("content").GetString());
    }

    [Theory]
    [InlineData(CsvTable.Events)]
    [InlineData(CsvTable.Quotes)]
    [InlineData(CsvTable.Quantities)]
    [InlineData(CsvTable.Claims)]
    [InlineData(CsvTable.Framing)]
    public void CsvExporter_StoryTable_EveryRowHasArticleIdAndSentenceSpan(CsvTable table)
    {
        // Given / When one of the story view's CSV tables
        var view = HandBuilt();
        var rows = Export(new CsvExporter(table), view).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        // Then the header names the article and sentence columns, and every row fills them
        var header = rows[0].Split(',');
        int article = Array.IndexOf(header, "article_id"), start = Array.IndexOf(header, "sentence_start"), end = Array.IndexOf(header, "sentence_end");
        Assert.True(article >= 0 && start >= 0 && end >= 0, rows[0]);
        Assert.True(rows.Length > 1, "no rows");
        var ids = view.Articles.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var row in rows.Skip(1))
        {
            // The fields checked come before any free text, so splitting on commas is safe for them.
            var cells = row.Split(',');
            Assert.Contains(cells[article], ids);
            Assert.True(int.Parse(cells[start], System.Globalization.CultureInfo.InvariantCulture) < int.Parse(cells[end], System.Globalization.CultureInfo.InvariantCulture), row);
        }
    }

    [SharedFact("seeds")]
    public void JsonExporter_Seeds_EveryEventQuoteQuantityAndClaimCarriesArticleAndSentenceSpans()
    {
        // Given the five seeds through the default pipeline, as one story
        var pipeline = DefaultPipeline.Create();
        ImmutableArray<ArticleRecord> articles =
        [
            .. Directory.GetFiles(SharedData.PathOf("seeds")!, "*.txt").Order(StringComparer.Ordinal)
                .Select(f => new ArticleRecord(pipeline.Process(new DocumentSource(Path.GetFileName(f), ContentKind.PlainText, File.ReadAllText(f), [])), "s-seeds", null, 0, DateTimeOffset.UnixEpoch)),
        ];
        var view = new StoryView(new StoryRecord("s-seeds", "seeds", [.. articles.Select(a => a.Id)], [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), articles);

        // When exported as JSON
        using var json = JsonDocument.Parse(Export(new JsonExporter(), view));

        // Then every item carries its article and spans inside it, and there is something of each kind
        var root = json.RootElement;
        foreach (var kind in new[] { "events", "quotes", "quantities", "claims", "framing", "network", "summary" })
            Assert.True(root.GetProperty(kind).GetArrayLength() > 0, kind);
        AssertEveryItemCited(root, articles.ToDictionary(a => a.Id, a => a.Document.Text, StringComparer.Ordinal));
    }
}
