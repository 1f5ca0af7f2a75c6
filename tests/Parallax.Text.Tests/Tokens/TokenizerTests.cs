using System.Text.Json;
using Parallax.Text.Tokens;

namespace Parallax.Text.Tests.Tokens;

public sealed class TokenizerTests
{
    private static string Cut(string text) =>
        string.Join(" | ", Tokenizer.Default.Tokenize(text).Select(t => text[t.Start..t.End]));

    [Theory]
    [InlineData("Maj.-Gen. Tamir Heyman", "Maj.-Gen. | Tamir | Heyman")]
    [InlineData("Lt.-Col. Ali Haidar", "Lt.-Col. | Ali | Haidar")]
    [InlineData("Dr. Smith and Gen. Dunford", "Dr. | Smith | and | Gen. | Dunford")]
    [InlineData("U.S.-backed fighters", "U.S. | - | backed | fighters")]
    [InlineData("left the U.S.", "left | the | U.S.")]
    [InlineData("J. R. R. Tolkien", "J. | R. | R. | Tolkien")]
    [InlineData("on Jan. 5 at 10:30 a.m.", "on | Jan. | 5 | at | 10:30 | a.m.")]
    [InlineData("No. 10 said no.", "No. | 10 | said | no | .")]
    [InlineData("e.g. this, i.e., that", "e.g. | this | , | i.e. | , | that")]
    [InlineData("9,000 troops", "9,000 | troops")]
    [InlineData("five to 20 kilometers", "five | to | 20 | kilometers")]
    [InlineData("5–20 km", "5 | – | 20 | km")]
    [InlineData("5-20 km", "5 | - | 20 | km")]
    [InlineData("1.5 million on 2018-06-13", "1.5 | million | on | 2018-06-13")]
    [InlineData("37% of $4.5bn", "37 | % | of | $ | 4.5 | bn")]
    [InlineData("the 4th and 21st", "the | 4th | and | 21st")]
    [InlineData("the 1990s", "the | 1990s")]
    [InlineData("a 10-year-old F-16", "a | 10-year-old | F-16")]
    [InlineData("24/7 at AT&T", "24/7 | at | AT&T")]
    [InlineData("al-Assad in El-Quneitra", "al-Assad | in | El-Quneitra")]
    [InlineData("channel Al-Alam.", "channel | Al-Alam | .")]
    [InlineData("Shi'ite and Shi’ite", "Shi'ite | and | Shi’ite")]
    [InlineData("Russia's and Iran’s", "Russia | 's | and | Iran | ’s")]
    [InlineData("don't, can't, we're, they'll", "do | n't | , | ca | n't | , | we | 're | , | they | 'll")]
    [InlineData("“quoted.”", "“ | quoted | . | ”")]
    [InlineData("‘agree deal’ to", "‘ | agree | deal | ’ | to")]
    [InlineData("\"de-escalation\" deal", "\" | de-escalation | \" | deal")]
    [InlineData("«Pantsir-C1»", "« | Pantsir-C1 | »")]
    [InlineData("Syria — so long", "Syria | — | so | long")]
    [InlineData("options … reconciliation", "options | … | reconciliation")]
    [InlineData("terror... but", "terror | ... | but")]
    [InlineData("see http://x.y/z?q=1.", "see | http://x.y/z?q=1 | .")]
    [InlineData("(https://en.example.org/wiki/A_(b))", "( | https://en.example.org/wiki/A_(b) | )")]
    [InlineData("www.example.org, or EADaily.com.", "www.example.org | , | or | EADaily.com | .")]
    [InlineData("write to a@b.org.", "write | to | a@b.org | .")]
    [InlineData("#Syria via @IDFSpokesperson", "#Syria | via | @IDFSpokesperson")]
    [InlineData("(IS, banned in Russia)", "( | IS | , | banned | in | Russia | )")]
    [InlineData("[Israel and the US]", "[ | Israel | and | the | US | ]")]
    [InlineData("end.Next", "end | . | Next")]
    [InlineData("Why?! Really", "Why | ?! | Really")]
    [InlineData("قصفها لدرعا.", "قصفها | لدرعا | .")]
    [InlineData("ماذا؟", "ماذا | ؟")]
    [InlineData("Москва, Россия", "Москва | , | Россия")]
    public void Tokenize_TrickyNewsInput_GivesExpectedTokens(string input, string expected)
    {
        // Given a news fragment
        // When it is tokenised
        var actual = Cut(input);

        // Then the tokens are cut where a reader would cut them
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("Maj.-Gen.", TokenKind.Abbreviation)]
    [InlineData("9,000", TokenKind.Number)]
    [InlineData("2018-06-13", TokenKind.Number)]
    [InlineData("4th", TokenKind.Ordinal)]
    [InlineData("al-Assad", TokenKind.Word)]
    [InlineData("—", TokenKind.Dash)]
    [InlineData("…", TokenKind.Ellipsis)]
    [InlineData("...", TokenKind.Ellipsis)]
    [InlineData("http://x.y/z?q=1", TokenKind.Url)]
    [InlineData("a@b.org", TokenKind.Email)]
    [InlineData("#Golan", TokenKind.Hashtag)]
    [InlineData("@user", TokenKind.Mention)]
    [InlineData("$", TokenKind.Symbol)]
    [InlineData("%", TokenKind.Symbol)]
    [InlineData(";", TokenKind.Punctuation)]
    [InlineData("(", TokenKind.Bracket)]
    public void Tokenize_SingleToken_HasExpectedKind(string input, TokenKind kind)
    {
        // Given a text that is one token
        // When it is tokenised
        var tokens = Tokenizer.Default.Tokenize(input);

        // Then it is one token of the expected kind covering the whole text
        var t = Assert.Single(tokens);
        Assert.Equal((0, input.Length, kind), (t.Start, t.End, t.Kind));
    }

    [Fact]
    public void Tokenize_CliticsAndFlags_AreMarked()
    {
        // Given words with clitics, capitals, quotes and brackets
        const string text = "NATO's “Heyman” (ok)";

        // When it is tokenised
        var t = Tokenizer.Default.Tokenize(text);

        // Then the clitic, the capitalisation and the directions are recorded
        Assert.Equal(TokenFlags.Capitalized | TokenFlags.AllCaps, t[0].Flags);
        Assert.Equal(TokenKind.Clitic, t[1].Kind);
        Assert.Equal(TokenFlags.Opening, t[2].Flags);
        Assert.Equal(TokenFlags.Capitalized, t[3].Flags);
        Assert.Equal(TokenFlags.Closing, t[4].Flags);
        Assert.Equal(TokenFlags.Opening, t[5].Flags);
        Assert.Equal(TokenFlags.None, t[6].Flags);
        Assert.Equal(TokenFlags.Closing, t[7].Flags);
    }

    [Fact]
    public void Tokenize_StraightQuotes_GetDirectionFromContext()
    {
        // Given straight quotes opening and closing a phrase
        const string text = "a \"b\" c";

        // When it is tokenised
        var t = Tokenizer.Default.Tokenize(text);

        // Then the first opens and the second closes
        Assert.Equal(TokenFlags.Opening, t[1].Flags);
        Assert.Equal(TokenFlags.Closing, t[3].Flags);
    }

    [Fact]
    public void Tokenize_InvisibleCharactersOutsideWords_BelongToNoToken()
    {
        // Given a byte-order mark, a zero-width space and a soft hyphen inside a word
        const string text = "\uFEFFSyria\u200B Pales\u00ADtinian";

        // When it is tokenised
        var cut = Cut(text);

        // Then the marks outside words are dropped and the soft hyphen stays inside its word
        Assert.Equal("Syria | Pales\u00ADtinian", cut);
    }

    [Fact]
    public void Tokenize_SpanOverload_AppendsTheSameTokens()
    {
        // Given a text and a buffer that already holds a token
        const string text = "Maj.-Gen. Tamir Heyman flew to Moscow.";
        var buffer = new List<Token> { new(0, 1, TokenKind.Word) };

        // When the span overload appends to it
        Tokenizer.Default.Tokenize(text.AsSpan(), buffer);

        // Then the appended tokens equal the string overload's
        Assert.Equal(Tokenizer.Default.Tokenize(text), buffer.Skip(1));
    }

    [Fact]
    public void Tokenize_Null_Throws()
    {
        // Given no text
        // When / Then tokenising it throws
        Assert.Throws<ArgumentNullException>(() => Tokenizer.Default.Tokenize(null!));
    }

    [Fact]
    public void Serialize_Tokens_AreCompactArraysThatRoundTrip()
    {
        // Given tokens with and without flags
        var tokens = Tokenizer.Default.Tokenize("U.S. forces left.");

        // When they are written and read back with System.Text.Json
        var json = JsonSerializer.Serialize(tokens);
        var back = JsonSerializer.Deserialize<Token[]>(json);

        // Then each token is a short array and the values are equal
        Assert.StartsWith("[[0,4,1,3],[5,11,0]", json, StringComparison.Ordinal);
        Assert.Equal(tokens, back);
    }

    [Theory]
    [InlineData("{\"start\":0}")]
    [InlineData("[0,1]")]
    [InlineData("[0,1,0,0,0]")]
    [InlineData("[5,1,0]")]
    public void Deserialize_MalformedToken_ThrowsJsonException(string json)
    {
        // Given JSON that is not a token
        // When / Then reading it throws
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Token>(json));
    }
}
