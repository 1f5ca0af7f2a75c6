using Parallax.Nlp.Entities;

namespace Parallax.Nlp.Tests.Entities;

public sealed class NameKeysTests
{
    [Theory]
    [InlineData("Al-Assad", "al assad")]
    [InlineData("U.S.", "us")]
    [InlineData("Israel's", "israel")]
    [InlineData("Dar'a", "dara")]
    [InlineData("the Kremlin", "kremlin")]
    [InlineData("Çavuşoğlu", "cavusoglu")]
    public void Fold_Examples_FoldCaseDiacriticsAndPunctuation(string input, string expected)
    {
        // Given / When / Then
        Assert.Equal(expected, NameKeys.Fold(input));
    }

    [Theory]
    [InlineData("As-Suwayda", "Suweida")]
    [InlineData("Lieberman", "Liberman")]
    [InlineData("El-Quneitra", "Kuneitra")]
    [InlineData("Shoygu", "Shoigu")]
    [InlineData("Ivanovsky", "Ivanovski")]
    [InlineData("Hamah", "Hama")]
    [InlineData("Khan Sheikhoun", "Han Sheikhun")]
    public void Translit_SpellingVariants_GiveSameKey(string a, string b)
    {
        // Given / When / Then
        Assert.Equal(NameKeys.Translit(a), NameKeys.Translit(b));
    }

    [Fact]
    public void Translit_StandaloneEnglishWords_AreNotTreatedAsArticles()
    {
        // Given "as" and "an" without a hyphen
        // When / Then they stay part of the key
        Assert.NotEqual(NameKeys.Translit("Ras al-Ain"), NameKeys.Translit("Ras Ain an"));
        Assert.Equal("asbest", NameKeys.Translit("as best"));
    }

    [Fact]
    public void Keys_RandomStrings_FoldIsIdempotentAndDistanceIsAMetricOnSamples()
    {
        // Given random strings from a fixed seed
        var random = new Random(20240611);
        const string alphabet = "abcdefghijklmnopqrstuvwxyz -'ÉéüçŞ";
        string Next() => new([.. Enumerable.Range(0, random.Next(0, 14)).Select(_ => alphabet[random.Next(alphabet.Length)])]);

        for (var i = 0; i < 500; i++)
        {
            var a = Next();
            var b = Next();

            // Then folding twice changes nothing, and distance is symmetric, zero on itself, bounded by length
            Assert.Equal(NameKeys.Fold(a), NameKeys.Fold(NameKeys.Fold(a)));
            Assert.Equal(0, NameKeys.Distance(a, a, 3));
            Assert.Equal(NameKeys.Distance(a, b, 20), NameKeys.Distance(b, a, 20));
            Assert.True(NameKeys.Distance(a, b, 40) <= Math.Max(a.Length, b.Length));
            Assert.True(NameKeys.Phonetic(NameKeys.Translit(a)).Length <= NameKeys.Translit(a).Length);
        }
    }
}
