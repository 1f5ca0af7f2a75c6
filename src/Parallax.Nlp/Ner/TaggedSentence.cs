using System.Collections.Immutable;
using System.Globalization;

namespace Parallax.Nlp.Ner;

/// <summary>
/// One training or test sentence: its words and their IOB2 tags ("O", "B-PER", "I-LOC", …), with the sentence's
/// original text when the corpus gives it (the <c># text =</c> comment), for tools that need untokenised input.
/// </summary>
/// <remarks>Immutable. The constructor throws <see cref="ArgumentException"/> when the two arrays differ in length.</remarks>
public sealed record TaggedSentence
{
    /// <summary>Creates a sentence; words and tags must have the same length.</summary>
    public TaggedSentence(ImmutableArray<string> words, ImmutableArray<string> tags, string? text = null)
    {
        if (words.IsDefault || tags.IsDefault || words.Length != tags.Length)
            throw new ArgumentException("A tagged sentence needs exactly one tag per word.", nameof(tags));
        Words = words;
        Tags = tags;
        Text = text;
    }

    /// <summary>The words (tokens) in order.</summary>
    public ImmutableArray<string> Words { get; }

    /// <summary>One IOB2 tag per word.</summary>
    public ImmutableArray<string> Tags { get; }

    /// <summary>The original sentence text, or null when the corpus did not give it.</summary>
    public string? Text { get; }

    /// <summary>The entity spans as [first word, last word + 1) with their type ("PER", "LOC", …); an I- without a B- opens a span.</summary>
    public IReadOnlyList<(int Start, int End, string Type)> Spans() => NerTags.Spans(Tags.AsSpan());
}

/// <summary>Reads the IOB2 column format of ../shared/bench/ner: "index TAB word TAB tag …", blank lines between sentences, '#' comments.</summary>
public static class Iob2Reader
{
    /// <summary>
    /// Reads every sentence of the file. Throws <see cref="FileNotFoundException"/> when it is missing and
    /// <see cref="FormatException"/> (with the line number) for a line with fewer than three columns or a tag that is
    /// not O, B-X or I-X.
    /// </summary>
    public static IReadOnlyList<TaggedSentence> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    /// <summary>Reads every sentence from <paramref name="reader"/>; <paramref name="name"/> appears in error messages.</summary>
    public static IReadOnlyList<TaggedSentence> Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sentences = new List<TaggedSentence>();
        var words = ImmutableArray.CreateBuilder<string>();
        var tags = ImmutableArray.CreateBuilder<string>();
        string? text = null;
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            if (line.StartsWith('#'))
            {
                const string textPrefix = "# text = ";
                if (line.StartsWith(textPrefix, StringComparison.Ordinal)) text = line[textPrefix.Length..];
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length < 3)
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{name}:{lineNumber}: expected 'index TAB word TAB tag'."));
            var tag = columns[2];
            if (!NerTags.IsValid(tag))
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{name}:{lineNumber}: tag '{tag}' is not O, B-TYPE or I-TYPE."));
            words.Add(columns[1]);
            tags.Add(tag);
        }

        Flush();
        return sentences;

        void Flush()
        {
            if (words.Count > 0) sentences.Add(new TaggedSentence(words.ToImmutable(), tags.ToImmutable(), text));
            words.Clear();
            tags.Clear();
            text = null;
        }
    }
}

/// <summary>IOB2 helpers shared by training, decoding and scoring.</summary>
internal static class NerTags
{
    public static bool IsValid(string tag) =>
        string.Equals(tag, "O", StringComparison.Ordinal)
        || (tag.Length > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-');

    public static List<(int Start, int End, string Type)> Spans(ReadOnlySpan<string> tags)
    {
        var spans = new List<(int, int, string)>();
        int start = -1;
        string? type = null;
        for (int i = 0; i <= tags.Length; i++)
        {
            var tag = i < tags.Length ? tags[i] : "O";
            bool continues = type is not null && tag.Length > 2 && tag[0] == 'I' && tag.AsSpan(2).SequenceEqual(type);
            if (continues) continue;
            if (type is not null) spans.Add((start, i, type));
            type = null;
            if (tag.Length > 2)
            {
                start = i;
                type = tag[2..];
            }
        }

        return spans;
    }
}
