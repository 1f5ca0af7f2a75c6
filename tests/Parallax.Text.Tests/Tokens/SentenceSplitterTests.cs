using Parallax.Text.Tokens;

namespace Parallax.Text.Tests.Tokens;

public sealed class SentenceSplitterTests
{
    private static string[] Sentences(string text)
    {
        var tokens = Tokenizer.Default.Tokenize(text);
        return [.. SentenceSplitter.Default.Split(text, tokens).Select(s => s.Of(text))];
    }

    public static TheoryData<string, string[]> Paragraphs => new()
    {
        {
            "Maj.-Gen. Tamir Heyman flew to Moscow. He met his counterpart there.",
            ["Maj.-Gen. Tamir Heyman flew to Moscow.", "He met his counterpart there."]
        },
        {
            "The offer came from the U.S. The rebels turned it down.",
            ["The offer came from the U.S.", "The rebels turned it down."]
        },
        {
            "U.S. President Donald Trump spoke on Jan. 5 at 10 a.m. local time. Aides said little.",
            ["U.S. President Donald Trump spoke on Jan. 5 at 10 a.m. local time.", "Aides said little."]
        },
        {
            "“We will stay,” the minister said. “We have no choice.” Talks resume on Monday.",
            ["“We will stay,” the minister said.", "“We have no choice.”", "Talks resume on Monday."]
        },
        {
            "He said: “A. B. C.” Then he left the room.",
            ["He said: “A. B. C.”", "Then he left the room."]
        },
        {
            "“Why now?” he asked. Nobody answered him.",
            ["“Why now?” he asked.", "Nobody answered him."]
        },
        {
            "The book by J. R. R. Tolkien sold well in Lt.-Col. Haidar's town.",
            ["The book by J. R. R. Tolkien sold well in Lt.-Col. Haidar's town."]
        },
        {
            "No. 10 Downing Street said nothing. Officials waited outside.",
            ["No. 10 Downing Street said nothing.", "Officials waited outside."]
        },
        {
            "The toll rose to 9,000. Rescue teams kept digging (in the rain.) Then night fell.",
            ["The toll rose to 9,000.", "Rescue teams kept digging (in the rain.)", "Then night fell."]
        },
        {
            "We had two options … talks or force. He paused... Then he went on.",
            ["We had two options … talks or force.", "He paused...", "Then he went on."]
        },
        {
            "Russia resumes air strikes\nMoscow, July 5 - Russian jets struck again.",
            ["Russia resumes air strikes", "Moscow, July 5 - Russian jets struck again."]
        },
        {
            "The minister arrived\nin Moscow on Friday, aides said.",
            ["The minister arrived\nin Moscow on Friday, aides said."]
        },
        {
            "A headline without a stop\n\nThe first paragraph ends here. A second sentence follows!\n\nAnother paragraph?",
            ["A headline without a stop", "The first paragraph ends here.", "A second sentence follows!", "Another paragraph?"]
        },
        {
            "Officials met Mr. Ivanov and Dr. Levi, e.g. in Geneva, vs. Vienna last year.",
            ["Officials met Mr. Ivanov and Dr. Levi, e.g. in Geneva, vs. Vienna last year."]
        },
        {
            "قالت الوزارة إن القوات وصلت. هل انسحبت؟ لا.",
            ["قالت الوزارة إن القوات وصلت.", "هل انسحبت؟", "لا."]
        },
        {
            "He wrote “The state of Israel appreciates this.” The talks lasted an hour.",
            ["He wrote “The state of Israel appreciates this.”", "The talks lasted an hour."]
        },
    };

    [Theory]
    [MemberData(nameof(Paragraphs))]
    public void Split_NewsParagraph_GivesExpectedSentences(string text, string[] expected)
    {
        // Given a paragraph of news text
        // When it is split into sentences
        var actual = Sentences(text);

        // Then the sentences are the ones a reader sees
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Split_NoTokens_GivesNoSentences()
    {
        // Given a text of whitespace only
        const string text = " \n\n\t ";

        // When it is split
        var sentences = SentenceSplitter.Default.Split(text, Tokenizer.Default.Tokenize(text));

        // Then there are no sentences
        Assert.Empty(sentences);
    }

    [Fact]
    public void Split_TokensOutsideText_Throws()
    {
        // Given tokens that belong to a longer text
        var tokens = Tokenizer.Default.Tokenize("A much longer text than the other one.");

        // When / Then splitting a shorter text with them throws
        Assert.Throws<ArgumentException>(() => SentenceSplitter.Default.Split("Short.", tokens));
    }
}
