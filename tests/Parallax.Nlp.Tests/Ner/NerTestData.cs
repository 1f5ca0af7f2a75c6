using System.Collections.Immutable;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Ner;
using Parallax.Nlp.Tokens;
using Parallax.Testing;

namespace Parallax.Nlp.Tests.Ner;

/// <summary>Invented sentences and documents for the entity specs (no text from the shared data).</summary>
internal static class NerTestData
{
    /// <summary>A small hand-tagged corpus: "word/TAG" pairs, one sentence per line.</summary>
    public static IReadOnlyList<TaggedSentence> Corpus() =>
    [
        .. """
        Marta/B-PER Kovac/I-PER flew/O to/O Lisbon/B-LOC on/O Tuesday/O ./O
        The/O Harbour/B-ORG Board/I-ORG met/O in/O Porto/B-LOC ./O
        Pedro/B-PER Alves/I-PER works/O for/O Delta/B-ORG Freight/I-ORG ./O
        She/O visited/O Vienna/B-LOC and/O Prague/B-LOC last/O week/O ./O
        Officials/O of/O the/O River/B-ORG Authority/I-ORG praised/O Ana/B-PER Lima/I-PER ./O
        Kovac/B-PER said/O the/O talks/O in/O Lisbon/B-LOC went/O well/O ./O
        """.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ').Select(p => p.Split('/')).ToArray())
            .Select(pairs => new TaggedSentence([.. pairs.Select(p => p[0])], [.. pairs.Select(p => p[1])])),
    ];

    /// <summary>A cleaned, tokenised document made of the paragraphs, published on <paramref name="published"/> when given.</summary>
    public static Document Document(string? published, params string[] paragraphs)
    {
        var builder = new DocumentBuilder();
        foreach (var p in paragraphs) builder.Paragraph(p);
        if (published is not null) builder.Meta(MetadataField.Published, published);
        var doc = builder.Build();
        new TokenizationStage().Run(doc, CancellationToken.None);
        return doc;
    }

    public static ImmutableArray<EntityMention> Mentions(Document doc) => new EntityStage().Analyze(doc);

    public static EntityMention Single(Document doc, ImmutableArray<EntityMention> mentions, string surface) =>
        Assert.Single(mentions, m => string.Equals(m.Span.Of(doc.Text), surface, StringComparison.Ordinal));
}
