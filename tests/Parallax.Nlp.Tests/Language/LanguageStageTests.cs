using System.Collections.Immutable;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Language;
using Parallax.Nlp.Pipeline;
using Parallax.Testing;
using Parallax.Text;
using Parallax.Text.Language;

namespace Parallax.Nlp.Tests.Language;

public sealed class LanguageStageTests
{
    private static readonly LanguageStage Stage = new();

    /// <summary>A cleaned document whose paragraphs are the blank-line separated blocks of <paramref name="text"/>.</summary>
    private static Document Cleaned(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var paragraphs = ImmutableArray.CreateBuilder<TextSpan>();
        int at = 0;
        while (at < text.Length)
        {
            int gap = text.IndexOf("\n\n", at, StringComparison.Ordinal);
            int end = gap < 0 ? text.Length : gap;
            int s = at, e = end;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (e > s) paragraphs.Add(new TextSpan(s, e));
            at = gap < 0 ? text.Length : gap + 2;
        }
        var doc = new Document(new DocumentSource("test", ContentKind.PlainText, text, []));
        doc.Set(Layers.Clean, new CleanedText(text, paragraphs.ToImmutable(), OffsetMap.Identity(text.Length), []));
        return doc;
    }

    [Fact]
    public void Declaration_RequiresCleanAssignsLanguageLayers()
    {
        // Given the stage / When its declaration is read / Then it needs clean text and assigns both language layers
        Assert.Equal([Layers.Clean], Stage.Requires);
        Assert.Equal([Layers.Language, Layers.LanguageSpans], Stage.Assigns);
    }

    [Fact]
    public void Analyze_EnglishArticleWithArabicLine_TagsParagraphsAndTheArabicLine()
    {
        // Given an English article whose second paragraph carries an Arabic translation line
        const string text = "Army resumes air strikes on the southern city\n\n" +
            "The army resumed air strikes on Tuesday, officials said.\n" +
            "استأنف الجيش الغارات الجوية يوم الثلاثاء\n" +
            "Residents reported heavy damage near the market.\n\n" +
            "Talks between the two sides are expected to continue next week.";
        var doc = Cleaned(text);

        // When analysed
        var result = Stage.Analyze(doc);

        // Then the document is English, each paragraph is tagged, and the Arabic line is tagged Arabic
        Assert.Equal("en", result.Document.Language);
        Assert.Equal(new TextSpan(0, text.Length), result.Document.Span);
        var paragraphs = doc.Get(Layers.Clean).Paragraphs;
        Assert.All(paragraphs, p => Assert.Contains(result.Spans, t => t.Span == p && t.Language == "en"));
        var arabic = Assert.Single(result.Spans, t => t.Language == "ar");
        Assert.Equal("استأنف الجيش الغارات الجوية يوم الثلاثاء", arabic.Span.Of(text));
        Assert.Equal("Arabic", arabic.Script);
        Assert.Equal(paragraphs.Length + 1, result.Spans.Length);
    }

    [Fact]
    public void Analyze_MixedLine_TagsTheArabicRunInsideIt()
    {
        // Given a single-line paragraph: an English headline followed by its Arabic translation
        const string text = "Army resumes air strikes on the southern city, officials say الجيش يستأنف الغارات\n\nMore details will follow.";
        var doc = Cleaned(text);

        // When analysed
        var result = Stage.Analyze(doc);

        // Then the Arabic run is tagged on its own, inside the paragraph
        var arabic = Assert.Single(result.Spans, t => t.Language == "ar");
        Assert.Equal("الجيش يستأنف الغارات", arabic.Span.Of(text));
        Assert.Equal("en", result.Spans[0].Language);
    }

    [Fact]
    public void Analyze_AnyDocument_SpansOrderedAndInsideText()
    {
        // Given documents in several languages and mixes (fixed seed for the order of paragraphs)
        string[] blocks =
        [
            "The minister arrived late on Friday.", "Le ministre est arrivé vendredi soir.",
            "Министр прибыл в пятницу вечером.\nThe minister arrived on Friday.", "השר הגיע ביום שישי.",
            "وزیر روز جمعه وارد شد.", "12:30", "部长周五晚上抵达。",
        ];
        var random = new Random(17);
        for (int round = 0; round < 20; round++)
        {
            var text = string.Join("\n\n", Enumerable.Range(0, random.Next(1, 6)).Select(_ => blocks[random.Next(blocks.Length)]));

            // When analysed
            var result = Stage.Analyze(Cleaned(text));

            // Then spans are ordered by start, inside the text, with confidences in [0, 1]
            for (int i = 0; i < result.Spans.Length; i++)
            {
                var t = result.Spans[i];
                Assert.InRange(t.Span.End, t.Span.Start, text.Length);
                Assert.InRange(t.Confidence, 0, 1);
                if (i > 0) Assert.True(result.Spans[i - 1].Span.Start <= t.Span.Start);
            }
        }
    }

    [Fact]
    public void Run_InPipeline_WritesBothLayersAndMetadataLanguage()
    {
        // Given a pipeline with a stage that supplies clean text, then the language stage
        var doc = Cleaned("Der Minister sagte, die Gespräche würden nächste Woche fortgesetzt.");

        // When the language stage runs
        Stage.Run(doc, CancellationToken.None);

        // Then both layers are present and the resolved metadata carries the language
        Assert.Equal("de", doc.Get(Layers.Language).Language);
        Assert.Single(doc.Get(Layers.LanguageSpans));
        Assert.Equal("de", doc.Metadata.Value(MetadataField.Language));
    }

    [Fact]
    public void Build_WithoutCleaningStage_FailsWithPX1001()
    {
        // Given a pipeline that has only the language stage / When built / Then the missing requirement is reported
        var ex = Assert.Throws<PipelineException>(() => new PipelineBuilder().Add(Stage).Build());
        Assert.Equal(PipelineErrorCode.RequirementNotMet, ex.Code);
    }

    [SharedFact("seeds")]
    public void Analyze_Seeds_EnglishAndArabicLinesTaggedArabic()
    {
        // Given every seed article, paragraphs split at blank lines
        var files = Directory.GetFiles(SharedData.PathOf("seeds")!, "*.txt").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        int arabicLines = 0;
        foreach (var file in files)
        {
            var doc = Cleaned(File.ReadAllText(file));
            var text = doc.Text;

            // When analysed
            var result = Stage.Analyze(doc);

            // Then the document is English
            Assert.True(result.Document.Language == "en", $"{Path.GetFileName(file)} identified as {result.Document.Language}");

            // And every line written mostly in Arabic script is covered by an Arabic tag
            int at = 0;
            foreach (var line in text.Split('\n'))
            {
                var span = new TextSpan(at, at + line.Length);
                at += line.Length + 1;
                if (Scripts.Dominant(line, out int letters) != TextScript.Arabic || letters < 10) continue;
                arabicLines++;
                Assert.Contains(result.Spans, t => t.Language == "ar" && t.Span.Overlaps(span) && t.Span.Length >= line.Trim().Length * 0.8);
            }
        }
        // And the seeds do hold Arabic lines (the DEBKAfile article quotes its headline in Arabic)
        Assert.True(arabicLines > 0);
    }
}
