using System.Text;
using Parallax.Text.Language;

namespace Parallax.Text.Tests.Language;

public sealed class ScriptsTests
{
    [Theory]
    [InlineData('a', TextScript.Latin)]
    [InlineData('ç', TextScript.Latin)]
    [InlineData('ж', TextScript.Cyrillic)]
    [InlineData('ї', TextScript.Cyrillic)]
    [InlineData('λ', TextScript.Greek)]
    [InlineData('ب', TextScript.Arabic)]
    [InlineData('گ', TextScript.Arabic)]
    [InlineData('ש', TextScript.Hebrew)]
    [InlineData('中', TextScript.Han)]
    [InlineData('の', TextScript.Kana)]
    [InlineData('한', TextScript.Hangul)]
    [InlineData('7', TextScript.Common)]
    [InlineData('،', TextScript.Common)]
    [InlineData(' ', TextScript.Common)]
    public void Of_Letter_ReturnsItsScript(char c, TextScript expected)
    {
        // Given a single character / When its script is asked / Then it is the expected one
        Assert.Equal(expected, Scripts.Of(new Rune(c)));
    }

    [Fact]
    public void Dominant_MostlyHebrewWithLatinName_IsHebrew()
    {
        // Given a Hebrew sentence that names a Latin-script brand
        const string text = "הממשלה אישרה הבוקר את התקציב של BBC";

        // When the dominant script is found
        var script = Scripts.Dominant(text, out int letters);

        // Then Hebrew wins and every letter was counted
        Assert.Equal(TextScript.Hebrew, script);
        Assert.Equal(text.Count(char.IsLetter), letters);
    }

    [Fact]
    public void Dominant_KanjiWithKana_IsJapanese()
    {
        // Given Japanese: kanji mixed with hiragana
        // When / Then the text counts as Japanese, not Chinese
        Assert.Equal(TextScript.Kana, Scripts.Dominant("東京で会議が開かれた", out _));
        Assert.Equal(TextScript.Han, Scripts.Dominant("北京举行会议", out _));
    }

    [Fact]
    public void Dominant_NoLetters_IsCommon()
    {
        // Given digits and punctuation only / When / Then
        Assert.Equal(TextScript.Common, Scripts.Dominant("12:30 — 2018/07/05", out int letters));
        Assert.Equal(0, letters);
    }

    [Fact]
    public void Runs_EnglishThenArabic_TwoRunsCoveringTheLetters()
    {
        // Given an English phrase followed by an Arabic one
        const string text = "Talks resume, \"today\" تستأنف المحادثات اليوم.";

        // When the text is split into script runs
        var runs = Scripts.Runs(text);

        // Then there is a Latin run then an Arabic run, each starting and ending on a letter
        Assert.Equal([TextScript.Latin, TextScript.Arabic], runs.Select(r => r.Script));
        Assert.Equal("Talks resume, \"today", text[runs[0].Start..runs[0].End]);
        Assert.Equal("تستأنف المحادثات اليوم", text[runs[1].Start..runs[1].End]);
        Assert.True(runs[0].End <= runs[1].Start);
    }

    [Fact]
    public void Runs_RandomMixedText_RunsAreOrderedAndInside()
    {
        // Given random strings over several scripts (fixed seed)
        const string alphabet = "abcxyz жщи بتث שלו 中文 12,.!?";
        var random = new Random(17);
        for (int round = 0; round < 200; round++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

            // When split into runs
            var runs = Scripts.Runs(text);

            // Then the runs are ordered, disjoint, inside the text, and neighbours differ in script
            for (int i = 0; i < runs.Length; i++)
            {
                Assert.InRange(runs[i].Start, 0, text.Length);
                Assert.InRange(runs[i].End, runs[i].Start + 1, text.Length);
                if (i > 0)
                {
                    Assert.True(runs[i - 1].End <= runs[i].Start);
                    Assert.NotEqual(runs[i - 1].Script, runs[i].Script);
                }
            }
            Assert.Equal(text.Count(c => Scripts.Of(new Rune(c)) != TextScript.Common), runs.Sum(r => r.Letters));
        }
    }
}
