using Parallax.Nlp.Ner;

namespace Parallax.Nlp.Tests.Ner;

public sealed class NerTrainerTests
{
    private static byte[] Bytes(NerModel model)
    {
        using var stream = new MemoryStream();
        model.Write(stream);
        return stream.ToArray();
    }

    [Fact]
    public void Train_SameDataTwice_GivesByteIdenticalModels()
    {
        // Given the same corpus and options
        var options = new NerTrainingOptions(Epochs: 5, HashBits: 12);

        // When trained twice
        var first = Bytes(NerTrainer.Train(NerTestData.Corpus(), options));
        var second = Bytes(NerTrainer.Train(NerTestData.Corpus(), options));

        // Then the files are equal byte for byte
        Assert.Equal(first, second);
    }

    [Fact]
    public void Train_OtherSeed_GivesAnotherModel()
    {
        // Given two seeds for the shuffle
        // When trained with each
        var a = Bytes(NerTrainer.Train(NerTestData.Corpus(), new NerTrainingOptions(Epochs: 5, Seed: 1, HashBits: 12)));
        var b = Bytes(NerTrainer.Train(NerTestData.Corpus(), new NerTrainingOptions(Epochs: 5, Seed: 2, HashBits: 12)));

        // Then the averaged weights differ (the order of updates matters)
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Train_ThenWriteAndRead_TagsTrainingSentencesAsTaught()
    {
        // Given a model trained on the corpus, written and read back
        var corpus = NerTestData.Corpus();
        var model = NerTrainer.Train(corpus, new NerTrainingOptions(Epochs: 10, HashBits: 14));
        using var stream = new MemoryStream();
        model.Write(stream);
        stream.Position = 0;
        var read = NerModel.Read(stream);

        // When both tag its own training sentences
        var tags = corpus.Select(s => read.TagWords(s.Words)).ToList();
        var before = corpus.Select(s => model.TagWords(s.Words)).ToList();

        // Then the stored model decides as the trained one did, and it learnt most of the gold spans
        for (int i = 0; i < corpus.Count; i++) Assert.True(before[i].SequenceEqual(tags[i]), string.Join(" ", before[i]) + " / " + string.Join(" ", tags[i]) + " / " + string.Join(" ", corpus[i].Tags));
        var scorer = new SpanScorer();
        for (int i = 0; i < corpus.Count; i++) scorer.Add(corpus[i].Spans(), [.. NerCorpusSpans(tags[i])]);
        Assert.True(scorer.Scores()[^1].F1 >= 0.8, scorer.Scores()[^1].ToString());
        Assert.Equal(["O", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-PER", "I-PER"], read.Labels.ToArray());
    }

    private static IEnumerable<(int, int, string)> NerCorpusSpans(System.Collections.Immutable.ImmutableArray<string> tags) =>
        new TaggedSentence([.. tags.Select(_ => "w")], tags).Spans();

    [Fact]
    public void Read_NotAModel_ThrowsPX1201()
    {
        // Given bytes that are not a model
        using var stream = new MemoryStream("hello, this is text"u8.ToArray());

        // When / Then reading fails with the coded message
        var ex = Assert.Throws<InvalidDataException>(() => NerModel.Read(stream));
        Assert.StartsWith("PX1201", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CrossValidate_TwoFolds_ScoresEveryGoldSpanOnce()
    {
        // Given the corpus (13 gold spans)
        var corpus = NerTestData.Corpus();

        // When cross-validated in two folds
        var report = NerTrainer.CrossValidate(corpus, 2, new NerTrainingOptions(Epochs: 3, HashBits: 12));

        // Then the overall row counts each gold span exactly once
        Assert.Equal(corpus.Sum(s => s.Spans().Count), report.Scores[^1].Gold);
        Assert.Equal("overall", report.Scores[^1].Type);
        Assert.Contains("| overall |", report.ToMarkdownTable(), StringComparison.Ordinal);
    }

    [Fact]
    public void Iob2Reader_CommentsAndBlankLines_ReadsSentencesWithText()
    {
        // Given a small file in the bench's column format
        const string file = "# sent_id = a-1\n# text = Rosa left Kyiv.\n1\tRosa\tB-PER\t-\t-\n2\tleft\tO\t-\t-\n3\tKyiv\tB-LOC\t-\t-\n4\t.\tO\t-\t-\n\n1\tOk\tO\t-\t-\n";

        // When read
        var sentences = Iob2Reader.Read(new StringReader(file), "test");

        // Then two sentences, the first with its text and spans
        Assert.Equal(2, sentences.Count);
        Assert.Equal("Rosa left Kyiv.", sentences[0].Text);
        Assert.Equal([(0, 1, "PER"), (2, 3, "LOC")], sentences[0].Spans());
        Assert.Null(sentences[1].Text);
    }

    [Fact]
    public void Iob2Reader_BadTag_ThrowsWithLineNumber()
    {
        // Given a line with an unknown tag
        const string file = "1\tRosa\tX-PER\t-\t-\n";

        // When / Then
        var ex = Assert.Throws<FormatException>(() => Iob2Reader.Read(new StringReader(file), "bad.iob2"));
        Assert.Contains("bad.iob2:1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SpanScorer_PartialOverlap_CountsAsWrong()
    {
        // Given one exact and one boundary-shifted prediction
        var scorer = new SpanScorer();
        scorer.Add([(0, 2, "PER"), (5, 6, "LOC")], [(0, 2, "PER"), (4, 6, "LOC")]);

        // When scored
        var scores = scorer.Scores();

        // Then precision and recall are one half overall
        Assert.Equal(0.5, scores[^1].Precision);
        Assert.Equal(0.5, scores[^1].Recall);
        Assert.Equal(1.0, scores.Single(s => s.Type == "PER").F1);
    }
}
