using Parallax.Text.Language;

namespace Parallax.Text.Tests.Language;

public sealed class LanguageIdentifierTests
{
    private static readonly LanguageIdentifier Identifier = LanguageIdentifier.Default;

    [Theory]
    [InlineData("en", "The minister said the talks would continue next week in the capital.")]
    [InlineData("ar", "قال الوزير إن المحادثات ستستمر الأسبوع المقبل في العاصمة.")]
    [InlineData("ru", "Министр заявил, что переговоры продолжатся на следующей неделе в столице.")]
    [InlineData("he", "השר אמר כי השיחות יימשכו בשבוע הבא בבירה.")]
    [InlineData("fa", "وزیر گفت که گفتگوها هفته آینده در پایتخت ادامه خواهد یافت.")]
    [InlineData("tr", "Bakan, görüşmelerin gelecek hafta başkentte devam edeceğini söyledi.")]
    [InlineData("fr", "Le ministre a déclaré que les pourparlers se poursuivraient la semaine prochaine dans la capitale.")]
    [InlineData("de", "Der Minister sagte, die Gespräche würden nächste Woche in der Hauptstadt fortgesetzt.")]
    [InlineData("es", "El ministro dijo que las conversaciones continuarán la próxima semana en la capital.")]
    [InlineData("zh", "部长表示，会谈将于下周在首都继续进行。")]
    [InlineData("uk", "Міністр заявив, що переговори продовжаться наступного тижня у столиці.")]
    [InlineData("it", "Il ministro ha detto che i colloqui continueranno la prossima settimana nella capitale.")]
    [InlineData("pt", "O ministro disse que as conversações vão continuar na próxima semana na capital.")]
    [InlineData("nl", "De minister zei dat de gesprekken volgende week in de hoofdstad worden voortgezet.")]
    [InlineData("ur", "وزیر نے کہا کہ بات چیت اگلے ہفتے دارالحکومت میں جاری رہے گی۔")]
    [InlineData("cs", "Ministr řekl, že jednání budou pokračovat příští týden v hlavním městě.")]
    [InlineData("pl", "Minister powiedział, że rozmowy będą kontynuowane w przyszłym tygodniu w stolicy.")]
    [InlineData("ja", "大臣は、協議は来週首都で続けられると述べた。")]
    [InlineData("ko", "장관은 회담이 다음 주 수도에서 계속될 것이라고 말했다.")]
    [InlineData("el", "Ο υπουργός είπε ότι οι συνομιλίες θα συνεχιστούν την επόμενη εβδομάδα.")]
    public void Identify_SentenceInLanguage_ReturnsThatLanguage(string expected, string sentence)
    {
        // Given a sentence written for this test / When identified
        var guess = Identifier.Identify(sentence);

        // Then the language is right and the confidence is meaningful
        Assert.Equal(expected, guess.Language);
        Assert.InRange(guess.Confidence, 0.5, 1.0);
    }

    [Theory]
    [InlineData("The Jerusalem Post")]
    [InlineData("Head of army police arrives to discuss border")]
    [InlineData("Rebels pull back from the southern front")]
    [InlineData("Minister denies the report")]
    [InlineData("Talks stall as ceasefire deadline nears")]
    public void Identify_ShortEnglishHeadline_IsEnglish(string headline)
    {
        // Given a short English headline or masthead / When identified / Then English
        Assert.Equal("en", Identifier.Identify(headline).Language);
    }

    [Theory]
    [InlineData("fr", "Le gouvernement annonce un accord")]
    [InlineData("de", "Regierung kündigt neue Gespräche an")]
    [InlineData("es", "El gobierno anuncia un acuerdo")]
    [InlineData("tr", "Hükümet yeni bir anlaşma açıkladı")]
    [InlineData("ru", "Правительство объявило о сделке")]
    [InlineData("uk", "Уряд оголосив про угоду")]
    public void Identify_ShortForeignHeadline_ReturnsItsLanguage(string expected, string headline)
    {
        // Given a short headline / When identified / Then its language
        Assert.Equal(expected, Identifier.Identify(headline).Language);
    }

    [Fact]
    public void Identify_PersianLetters_PersianNotArabic()
    {
        // Given two short Arabic-script phrases, one with Persian-only letters (گ چ پ)
        // When identified / Then they are told apart
        Assert.Equal("fa", Identifier.Identify("گزارش پلیس از چند شهر").Language);
        Assert.Equal("ar", Identifier.Identify("تقرير الشرطة من عدة مدن").Language);
    }

    [Fact]
    public void Identify_MixedEnglishArabicLine_BothLanguagesReported()
    {
        // Given a line with an English clause and an Arabic clause of similar size
        const string line = "Army resumes strikes on the city الجيش يستأنف الغارات على المدينة";

        // When identified
        var guess = Identifier.Identify(line);

        // Then the dominant script's language wins with partial confidence and the other is the first alternative
        Assert.Contains(guess.Language, new[] { "en", "ar" });
        Assert.True(guess.Confidence < 0.8);
        var other = guess.Language == "en" ? "ar" : "en";
        Assert.Equal(other, guess.Alternatives[0].Language);
    }

    [Fact]
    public void Identify_ScriptRestricted_JudgesOnlyThatScript()
    {
        // Given the same mixed line / When restricted to the Arabic letters / Then Arabic with high confidence
        var guess = Identifier.Identify("Army resumes strikes on the city الجيش يستأنف الغارات على المدينة", TextScript.Arabic);
        Assert.Equal("ar", guess.Language);
        Assert.Equal("Arabic", guess.Script);
        Assert.True(guess.Confidence > 0.9);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12:45 — 2018-07-05 !!!")]
    public void Identify_NoLetters_IsUndetermined(string text)
    {
        // Given text without letters / When identified / Then und with zero confidence
        var guess = Identifier.Identify(text);
        Assert.Equal("und", guess.Language);
        Assert.Equal(0, guess.Confidence);
        Assert.False(guess.IsDetermined);
    }

    [Fact]
    public void Identify_ManyThreads_SameAnswers()
    {
        // Given one identifier and a set of texts
        string[] texts = ["The Jerusalem Post", "Правительство объявило о сделке", "گزارش پلیس از چند شهر", "El gobierno anuncia un acuerdo"];
        var expected = texts.Select(t => Identifier.Identify(t)).ToArray();

        // When many threads identify them at once
        var results = new LanguageGuess[400];
        Parallel.For(0, results.Length, i => results[i] = Identifier.Identify(texts[i % texts.Length]));

        // Then every thread got the same guess
        for (int i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % texts.Length].Language, results[i].Language);
            Assert.Equal(expected[i % texts.Length].Confidence, results[i].Confidence);
        }
    }

    [Fact]
    public void Languages_DefaultModel_CoversRequiredLanguages()
    {
        // Given the embedded model / When its languages are listed / Then the required ones are there
        foreach (var code in new[] { "en", "ar", "ru", "he", "fa", "tr", "fr", "de", "es", "zh" })
            Assert.Contains(code, Identifier.Languages);
    }
}
