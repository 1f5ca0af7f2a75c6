using Parallax.Evaluation.Ner;
using Parallax.Nlp.Ner;
using Parallax.Testing;

namespace Parallax.Evaluation.Tests.Ner;

public sealed class NerEvaluationTests : IDisposable
{
    // Invented sentences in the bench's column format.
    private const string Corpus = """
        # text = Rosa Diaz left Kyiv's centre.
        1	Rosa	B-PER	-	-
        2	Diaz	I-PER	-	-
        3	left	O	-	-
        4	Kyiv	B-LOC	-	-
        5	's	O	-	-
        6	centre	O	-	-
        7	.	O	-	-

        # text = The Tide Council met.
        1	The	O	-	-
        2	Tide	B-ORG	-	-
        3	Council	I-ORG	-	-
        4	met	O	-	-
        5	.	O	-	-

        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "px-ner-eval-" + Guid.NewGuid().ToString("N"));

    public NerEvaluationTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal));
        return path;
    }

    [Fact]
    public void ScorePeer_PeerOutput_MapsTypesAndTrimsPossessives()
    {
        // Given the corpus, its sentence files, and a peer's output: one exact person, "Kyiv's" as a place, a wrong organisation
        var iob2 = Write("corpus.iob2", Corpus);
        var input = Path.Combine(_folder, "input");
        Assert.Equal(2, NerEvaluation.WritePeerInput(iob2, input));
        var peer = Write("peer.jsonl",
            """
            {"file":"s00001.txt","entities":[{"type":"PERSON","start":0,"end":9},{"type":"PLACE","start":15,"end":21}]}
            {"file":"s00002.txt","entities":[{"type":"ORG","start":0,"end":9},{"type":"DATE","start":10,"end":13}]}

            """);

        // When scored
        var report = NerEvaluation.ScorePeer(iob2, peer, "peer");

        // Then the person and the trimmed place are right, the organisation is wrong, the date is ignored
        Assert.Equal("Rosa Diaz left Kyiv's centre.", File.ReadAllText(Path.Combine(input, "s00001.txt")));
        Assert.Equal(3, report.Overall.Gold);
        Assert.Equal(3, report.Overall.Predicted);
        Assert.Equal(2, report.Overall.Correct);
        Assert.Contains("| peer | overall | 3 | 3 | 2 |", report.ToMarkdownTable(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ModelTrainedOnTheCorpus_ScoresItsOwnSentences()
    {
        // Given a model trained on the corpus itself
        var iob2 = Write("corpus.iob2", Corpus);
        var model = NerTrainer.Train(Iob2Reader.Read(iob2), new NerTrainingOptions(Epochs: 10, HashBits: 12));

        // When evaluated on it
        var report = NerEvaluation.Evaluate(iob2, model);

        // Then the three gold spans are counted and most are found again
        Assert.Equal(3, report.Overall.Gold);
        Assert.True(report.Overall.F1 >= 0.8, report.ToMarkdownTable());
        Assert.Equal(["LOC", "ORG", "PER", "overall"], report.Scores.Select(s => s.Type));
    }

    [SharedFact("bench/ner")]
    public void CrossValidate_Bench_BeatsAFloorAndCoversEveryGoldSpan()
    {
        // Given the shared NER bench
        var path = Path.Combine(SharedData.PathOf("bench/ner")!, "en_ewt-ud-dev.iob2");

        // When cross-validated in five folds with the shipped options
        var report = NerEvaluation.CrossValidate(path);

        // Then every gold span is scored once and the overall F1 stays above the level compromise reaches (56.1)
        Assert.Equal(Iob2Reader.Read(path).Sum(s => s.Spans().Count), report.Overall.Gold);
        Assert.True(report.Overall.F1 > 0.60, report.ToMarkdownTable());
    }
}
