using System.Text;
using Parallax.Core.Stories;

namespace Parallax.Core.Tests.Stories;

public sealed class StoryIndexSnapshotTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(23)]
    [InlineData(47)]
    [InlineData(101)]
    public void SaveLoad_AtAnyPoint_ContinuesExactlyAsTheOriginal(int seed)
    {
        // Given a generated stream of articles (several situations, reposts with small edits, dated and undated)
        var articles = GeneratedStream(seed, 60);
        var reference = StoryIndex.Create();
        var expected = articles.Select(reference.Add).ToArray();
        var cut = new Random(seed).Next(1, articles.Count - 1);

        // When an index is saved after the cut, loaded, and fed the rest
        var first = StoryIndex.Create();
        foreach (var a in articles.Take(cut)) first.Add(a);
        var loaded = StoryIndex.Load(first.Save());
        var continued = articles.Skip(cut).Select(loaded.Add).ToArray();

        // Then every later decision and the final state are identical
        for (var i = 0; i < continued.Length; i++) AssertSameDecision(expected[cut + i], continued[i]);
        Assert.Equal(reference.Save(), loaded.Save());
        Assert.Equal(reference.Stories.Select(s => s.Id + ":" + string.Join(',', s.ArticleIds) + ":" + string.Join(',', s.KeyTerms)),
            loaded.Stories.Select(s => s.Id + ":" + string.Join(',', s.ArticleIds) + ":" + string.Join(',', s.KeyTerms)));
        Assert.Contains(expected, d => d.DuplicateOf is not null);
        Assert.Contains(expected, d => d.DuplicateOf is null && !d.NewStory);
    }

    [Fact]
    public void Load_AfterSave_ReAddingASavedIdReturnsItsDecision()
    {
        // Given a saved index with two articles
        var index = StoryIndex.Create();
        var stream = GeneratedStream(5, 2);
        var decision = index.Add(stream[0]);
        index.Add(stream[1]);

        // When it is loaded and the first article is offered again
        var loaded = StoryIndex.Load(index.Save());
        var again = loaded.Add(stream[0]);

        // Then the saved decision comes back and nothing is added
        Assert.True(loaded.Contains(stream[0].ArticleId));
        AssertSameDecision(decision, again);
        Assert.Equal(2, loaded.Count);
        Assert.Equal(index.Options, loaded.Options);
    }

    [Fact]
    public void Save_SameStream_GivesIdenticalBytes()
    {
        // Given two indexes fed the same stream
        var a = StoryIndex.Create();
        var b = StoryIndex.Create();
        foreach (var input in GeneratedStream(7, 30))
        {
            a.Add(input);
            b.Add(input);
        }

        // When / Then
        Assert.Equal(a.Save(), b.Save());
    }

    [Fact]
    public void Load_BytesThatAreNotASnapshot_ThrowsPX2301()
    {
        // Given some other bytes
        var bytes = Encoding.UTF8.GetBytes("not a snapshot");

        // When / Then
        var e = Assert.Throws<InvalidDataException>(() => StoryIndex.Load(bytes));
        Assert.Contains("PX2301", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TruncatedSnapshot_ThrowsPX2303()
    {
        // Given a snapshot cut short
        var index = StoryIndex.Create();
        foreach (var input in GeneratedStream(3, 10)) index.Add(input);
        var bytes = index.Save();

        // When / Then
        var e = Assert.Throws<InvalidDataException>(() => StoryIndex.Load(bytes.AsSpan(0, bytes.Length / 2)));
        Assert.Contains("PX2303", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownVersion_ThrowsPX2302()
    {
        // Given a snapshot whose version byte is changed
        var bytes = StoryIndex.Create().Save();
        bytes[4] = 99;

        // When / Then
        var e = Assert.Throws<InvalidDataException>(() => StoryIndex.Load(bytes));
        Assert.Contains("PX2302", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FormatOneSnapshot_ContinuesWithoutPriorOrNameRule()
    {
        // Given an empty index written in format 1 (before the background prior and the name rule), built by hand
        var defaults = StoryIndexOptions.Default;
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write("PXSI"u8);
            w.Write7BitEncodedInt(1);
            w.Write(defaults.StoryThreshold);
            w.Write(defaults.NearDuplicateThreshold);
            w.Write7BitEncodedInt(defaults.ShingleSize);
            w.Write7BitEncodedInt(defaults.Bands);
            w.Write7BitEncodedInt(defaults.RowsPerBand);
            w.Write7BitEncodedInt(defaults.CentroidTerms);
            w.Write7BitEncodedInt(defaults.CandidateTerms);
            w.Write(defaults.TitleBoost);
            w.Write(defaults.NameBoost);
            w.Write(true);
            w.Write(defaults.RecencyHalfLife!.Value.Ticks);
            w.Write7BitEncodedInt(defaults.KeyTermCount);
            for (var table = 0; table < 2; table++) w.Write7BitEncodedInt(0);
            w.Write7BitEncodedInt(0);
            for (var table = 0; table < 3; table++) w.Write7BitEncodedInt(0);
        }

        // When it is loaded and fed a stream, beside a fresh index with the prior and the name rule off
        var loaded = StoryIndex.Load(stream.ToArray());
        var legacy = StoryIndex.Create(defaults with { BackgroundWeight = 0, NameMatchThreshold = defaults.StoryThreshold });
        var articles = GeneratedStream(29, 30);
        var fromSnapshot = articles.Select(loaded.Add).ToArray();
        var expected = articles.Select(legacy.Add).ToArray();

        // Then it kept the old matching, decides as the legacy index does, and saves in the current format
        Assert.Equal(0, loaded.Options.BackgroundWeight);
        Assert.Equal(loaded.Options.StoryThreshold, loaded.Options.NameMatchThreshold);
        for (var i = 0; i < expected.Length; i++) AssertSameDecision(expected[i], fromSnapshot[i]);
        Assert.Equal(legacy.Save(), loaded.Save());
        Assert.Equal(2, loaded.Save()[4]);
    }

    private static void AssertSameDecision(StoryDecision expected, StoryDecision actual)
    {
        Assert.Equal(expected.StoryId, actual.StoryId);
        Assert.Equal(expected.NewStory, actual.NewStory);
        Assert.Equal(expected.Score, actual.Score);
        Assert.Equal(expected.DuplicateOf, actual.DuplicateOf);
        Assert.Equal(expected.DuplicateSimilarity, actual.DuplicateSimilarity);
        Assert.Equal<string>(expected.KeyTerms, actual.KeyTerms);
    }

    /// <summary>
    /// Articles drawn from a few invented situations, each with its own names and vocabulary over shared filler,
    /// plus reposts of earlier articles with a sentence changed.
    /// </summary>
    internal static List<StoryInput> GeneratedStream(int seed, int count)
    {
        var random = new Random(seed);
        string[][] situations =
        [
            ["Dalmere", "Quinlan", "flood", "levee", "evacuation", "rainfall", "river", "sandbags", "shelter"],
            ["Voskar", "Elbring", "election", "ballot", "recount", "coalition", "parliament", "turnout", "candidate"],
            ["Pellagra", "Sundvik", "wildfire", "hectares", "firefighters", "drought", "smoke", "containment", "helicopters"],
            ["Oristan", "Mabery", "strike", "union", "wages", "negotiation", "factory", "picket", "contract"],
            ["Teraval", "Gorsky", "earthquake", "magnitude", "aftershock", "rubble", "collapsed", "rescuers", "epicentre"],
        ];
        string[] filler = ["officials", "residents", "local", "government", "statement", "morning", "region", "people", "continued", "expected", "city", "report"];
        var start = new DateTimeOffset(2030, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var list = new List<StoryInput>(count);
        for (var i = 0; i < count; i++)
        {
            var id = "art-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (list.Count > 3 && random.NextDouble() < 0.15)
            {
                var source = list[random.Next(list.Count)];
                var sentences = source.Text.Split('\n');
                sentences[random.Next(sentences.Length)] = Sentence(random, situations[random.Next(situations.Length)], filler);
                list.Add(source with { ArticleId = id, Text = string.Join('\n', sentences) });
                continue;
            }

            var topic = situations[random.Next(situations.Length)];
            var body = string.Join('\n', Enumerable.Range(0, 6 + random.Next(6)).Select(_ => Sentence(random, topic, filler)));
            var title = random.NextDouble() < 0.7 ? topic[0] + " " + topic[2 + random.Next(topic.Length - 2)] : null;
            DateTimeOffset? published = random.NextDouble() < 0.8 ? start.AddHours(random.Next(0, 24 * 20)) : null;
            list.Add(new StoryInput(id, body, title, published, "outlet-" + random.Next(4).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return list;
    }

    private static string Sentence(Random random, string[] topic, string[] filler)
    {
        var words = new List<string>();
        for (var w = 0; w < 8 + random.Next(8); w++)
        {
            words.Add(random.NextDouble() < 0.55 ? topic[random.Next(topic.Length)] : filler[random.Next(filler.Length)]);
        }

        return "The " + string.Join(' ', words) + ".";
    }
}
