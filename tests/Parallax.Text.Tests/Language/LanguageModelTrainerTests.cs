using Parallax.Text.Language;

namespace Parallax.Text.Tests.Language;

public sealed class LanguageModelTrainerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "px-langid-" + Guid.NewGuid().ToString("N"));

    public LanguageModelTrainerTests()
    {
        Directory.CreateDirectory(_folder);
        // A tiny corpus written for this test: a few lines per language, repeated with numbers so features reach the minimum count.
        Write("en", "the weather is cold today and the wind is strong", "we walked to the station in the morning", "this is the house where they lived");
        Write("fr", "le temps est froid aujourd'hui et le vent est fort", "nous avons marché vers la gare le matin", "c'est la maison où ils vivaient");
        Write("de", "das wetter ist heute kalt und der wind ist stark", "wir gingen am morgen zum bahnhof", "das ist das haus in dem sie wohnten");
        Write("ru", "сегодня холодно и сильный ветер", "утром мы пошли на вокзал");
        Write("uk", "сьогодні холодно і сильний вітер", "вранці ми пішли на вокзал");
        File.WriteAllText(Path.Combine(_folder, "SOURCES.txt"), "not a language file\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string lang, params string[] lines) =>
        File.WriteAllLines(Path.Combine(_folder, lang + ".txt"),
            Enumerable.Range(0, 30).SelectMany(i => lines.Select(l => $"{l} {i}")));

    [Fact]
    public void Train_SameCorpusTwice_ByteIdenticalModels()
    {
        // Given the tiny corpus
        var first = Path.Combine(_folder, "a.bin.gz");
        var second = Path.Combine(_folder, "b.bin.gz");

        // When trained twice with the same seed
        LanguageModelTrainer.Train(_folder, first);
        LanguageModelTrainer.Train(_folder, second);

        // Then the files are identical byte for byte
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void Train_TinyCorpus_ModelIdentifiesItsLanguages()
    {
        // Given a model trained on the tiny corpus
        var path = Path.Combine(_folder, "m.bin.gz");
        LanguageModelTrainer.Train(_folder, path);

        // When loaded and asked about phrases made of its vocabulary
        var id = LanguageIdentifier.Load(path);

        // Then each language is recognised and only corpus languages (plus script defaults) are known
        Assert.Equal("en", id.Identify("the wind in the morning").Language);
        Assert.Equal("fr", id.Identify("le vent est froid").Language);
        Assert.Equal("de", id.Identify("der wind ist kalt").Language);
        Assert.Equal("uk", id.Identify("сильний вітер").Language);
        Assert.DoesNotContain("es", id.Languages);
    }

    [Fact]
    public void Train_MissingFolder_ThrowsWithCode()
    {
        // Given a folder that does not exist / When trained / Then a coded error names what to do
        var ex = Assert.Throws<DirectoryNotFoundException>(() => LanguageModelTrainer.Train(Path.Combine(_folder, "nope"), Path.Combine(_folder, "x")));
        Assert.StartsWith("PX3103", ex.Message);
    }

    [Fact]
    public void Load_NotAModel_ThrowsWithCode()
    {
        // Given a gzip stream that is not a model
        using var buffer = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            gz.Write("hello world, not a model"u8);
        buffer.Position = 0;

        // When loaded / Then PX3101
        var ex = Assert.Throws<InvalidDataException>(() => LanguageIdentifier.Load(buffer));
        Assert.StartsWith("PX3101", ex.Message);
    }

    [Fact]
    public void Evaluate_TinyCorpus_SnippetsComeFromHeldOutLinesAndAreScored()
    {
        // Given the tiny corpus and a model trained on it
        var path = Path.Combine(_folder, "e.bin.gz");
        LanguageModelTrainer.Train(_folder, path);

        // When snippets are cut and evaluated
        var snippets = LanguageEvaluation.Snippets(_folder, [30], perLanguage: 5);
        var report = LanguageEvaluation.Evaluate(LanguageIdentifier.Load(path), snippets);

        // Then snippets are short, come only from corpus languages, and the report counts every one
        Assert.NotEmpty(snippets);
        Assert.All(snippets, s => Assert.True(s.Text.Length <= 30));
        Assert.Equal(snippets.Length, report.Rows.Sum(r => r.Total));
        Assert.InRange(report.MacroAccuracy(30), 0, 1);
    }

    [Fact]
    public void Score_Predictions_CountsCorrectPerLanguage()
    {
        // Given three snippets and predictions with one mistake
        EvaluationSnippet[] snippets = [new("en", 20, "a"), new("en", 20, "b"), new("fr", 20, "c")];

        // When scored
        var report = LanguageEvaluation.Score("x", snippets, ["en", "de", "fr"]);

        // Then English is half right and French fully right
        Assert.Equal(0.5, report.Rows.Single(r => r.Language == "en").Accuracy);
        Assert.Equal(1.0, report.Rows.Single(r => r.Language == "fr").Accuracy);
        Assert.Equal(0.75, report.MacroAccuracy(20));
    }

    [Theory]
    [InlineData("eng", "en")]
    [InlineData("arb", "ar")]
    [InlineData("pes", "fa")]
    [InlineData("cmn", "zh")]
    [InlineData("sco", "sco")]
    public void FromIso6393_FrancCode_MapsToIso6391(string code, string expected)
    {
        // Given a franc code / When mapped / Then ISO 639-1 where one exists
        Assert.Equal(expected, LanguageEvaluation.FromIso6393(code));
    }
}
