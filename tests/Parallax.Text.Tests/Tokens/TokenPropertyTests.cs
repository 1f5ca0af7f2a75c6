using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Parallax.Text.Tokens;

namespace Parallax.Text.Tests.Tokens;

public sealed class TokenPropertyTests
{
    private static readonly string[] Words =
        ["the", "Syria", "al-Assad", "El-Quneitra", "Shi'ite", "Russia's", "don't", "U.S.", "Maj.-Gen.", "Dr.", "e.g.",
         "a.m.", "J.", "No.", "Jan.", "NATO", "F-16", "de-escalation", "Москва", "Россия", "قصفها", "لدرعا", "إيران",
         "Qunayṭirah", "naïve", "Ḥezbollah", "Shoigu", "it's", "O'Neill's", "AT&T", "Pales\u00ADtinian", "x"];

    private static readonly string[] Numbers =
        ["9,000", "1.5", "2018-06-13", "10:30", "37%", "$4.5bn", "4th", "5–20", "5-20", "1990s", "24/7", "0", "٢٠١٨", "3.14.15"];

    private static readonly string[] Marks =
        [".", ",", ";", ":", "!", "?", "?!", "…", "...", "—", "–", "-", "--", "“", "”", "‘", "’", "\"", "'", "«", "»",
         "(", ")", "[", "]", "{", "}", "/", "&", "*", "#", "@", "؟", "،", "`", "_", "$", "€", "\u200B", "\uFEFF", "\u0000",
         "\uD83D\uDE00", "\uD83D\uDC4D\uD83C\uDFFD", "\uD800", "\uDC00", "\u0301", "\u200D", "\u00A7"];

    private static readonly string[] Specials =
        ["http://x.y/z?q=1", "https://a.org/b_(c)", "www.example.org", "EADaily.com", "a@b.org", "#Golan", "@user",
         "U.S.-backed", "Lt.-Col.", "J.R.R.", "end.Next", "Ph.D.", "wo'n't", "'s", "n't"];

    private static readonly string[] Spaces = [" ", " ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u00A0", "\u2029", "\u3000", ""];

    /// <summary>A random news-like text from a small grammar; the same seed gives the same text.</summary>
    private static string Generate(Random random, int pieces)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < pieces; i++)
        {
            int roll = random.Next(100);
            string piece = roll switch
            {
                < 45 => Words[random.Next(Words.Length)],
                < 55 => Numbers[random.Next(Numbers.Length)],
                < 80 => Marks[random.Next(Marks.Length)],
                < 86 => Specials[random.Next(Specials.Length)],
                < 90 => ((char)random.Next(0x20, 0x3000)).ToString(),
                _ => ((char)random.Next(0x21, 0x7F)).ToString(),
            };
            sb.Append(piece);
            // Most pieces are followed by space, some are glued to the next one.
            if (random.Next(100) < 70) sb.Append(Spaces[random.Next(Spaces.Length)]);
        }
        return sb.ToString();
    }

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 8).Select(i => i * 7919)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TokenizeAndSplit_RandomTexts_KeepEveryContract(int seed)
    {
        // Given random texts of words, numbers, punctuation, quotes, whitespace and non-Latin letters
        var random = new Random(seed);
        for (int n = 0; n < 300; n++)
        {
            var text = Generate(random, random.Next(0, 60));

            // When they are tokenised and split into sentences
            var tokens = Tokenizer.Default.Tokenize(text);
            var sentences = SentenceSplitter.Default.Split(text, tokens);

            // Then tokens and sentences keep their contracts
            var violation = TokenInvariants.Violation(text, tokens, sentences);
            Assert.True(violation is null, $"seed {seed} text #{n} {JsonSerializer.Serialize(text)}: {violation}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Tokenize_RandomTexts_IsDeterministicAndRoundTripsThroughJson(int seed)
    {
        // Given random texts
        var random = new Random(seed);
        for (int n = 0; n < 100; n++)
        {
            var text = Generate(random, random.Next(0, 40));

            // When they are tokenised twice and the tokens serialised and read back
            var first = Tokenizer.Default.Tokenize(text);
            var second = Tokenizer.Default.Tokenize(text);
            var back = JsonSerializer.Deserialize<ImmutableArray<Token>>(JsonSerializer.Serialize(first));

            // Then the results are identical
            Assert.Equal(first.ToArray(), second.ToArray());
            Assert.Equal(first.ToArray(), back.ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Tokenize_RandomCharacters_KeepEveryContract(int seed)
    {
        // Given strings of arbitrary UTF-16 code units, lone surrogates included
        var random = new Random(seed);
        for (int n = 0; n < 300; n++)
        {
            var chars = new char[random.Next(0, 40)];
            for (int i = 0; i < chars.Length; i++)
                chars[i] = random.Next(4) == 0 ? (char)random.Next(0, 0x10000) : (char)random.Next(0x20, 0x7F);
            var text = new string(chars);

            // When they are tokenised and split
            var tokens = Tokenizer.Default.Tokenize(text);
            var sentences = SentenceSplitter.Default.Split(text, tokens);

            // Then the contracts hold
            var violation = TokenInvariants.Violation(text, tokens, sentences);
            Assert.True(violation is null, $"seed {seed} text #{n} {JsonSerializer.Serialize(text)}: {violation}");
        }
    }

    [Fact]
    public void Violation_BrokenTokens_IsReported()
    {
        // Given tokens that overlap, leave a letter out, and a sentence that misses the last token
        const string text = "ab cd";
        ImmutableArray<Token> overlapping = [new(0, 2, TokenKind.Word), new(1, 2, TokenKind.Word), new(3, 5, TokenKind.Word)];
        ImmutableArray<Token> gap = [new(0, 2, TokenKind.Word)];
        ImmutableArray<Token> good = [new(0, 2, TokenKind.Word), new(3, 5, TokenKind.Word)];

        // When they are checked
        // Then each broken rule is found
        Assert.Contains("starts before", TokenInvariants.Violation(text, overlapping, [new TextSpan(0, 5)]), StringComparison.Ordinal);
        Assert.Contains("in no token", TokenInvariants.Violation(text, gap, [new TextSpan(0, 2)]), StringComparison.Ordinal);
        Assert.Contains("in no sentence", TokenInvariants.Violation(text, good, [new TextSpan(0, 2)]), StringComparison.Ordinal);
        Assert.Null(TokenInvariants.Violation(text, good, [new TextSpan(0, 2), new TextSpan(3, 5)]));
    }
}
