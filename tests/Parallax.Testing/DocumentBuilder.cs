using System.Collections.Immutable;
using Parallax.Core.Articles;
using Parallax.Nlp.Documents;
using Parallax.Text;

namespace Parallax.Testing;

/// <summary>Builds analysed documents and article records by hand for tests: paragraphs in, clean layer out.</summary>
public sealed class DocumentBuilder
{
    private readonly List<string> _paragraphs = [];
    private readonly List<MetadataCandidate> _metadata = [];
    private readonly List<(RemovalReason Reason, string Text)> _removed = [];
    private string _sourceId = "test.txt";
    private string? _language;

    /// <summary>Adds a body paragraph.</summary>
    public DocumentBuilder Paragraph(string text) { _paragraphs.Add(text); return this; }

    /// <summary>Sets the source id.</summary>
    public DocumentBuilder From(string sourceId) { _sourceId = sourceId; return this; }

    /// <summary>Adds a metadata candidate found in the text.</summary>
    public DocumentBuilder Meta(MetadataField field, string value, MetadataSource source = MetadataSource.TextCue, double confidence = 0.9)
    {
        _metadata.Add(new MetadataCandidate(field, value, source, confidence, value));
        return this;
    }

    /// <summary>Adds a block that cleaning removed (it is placed in the raw text after the body).</summary>
    public DocumentBuilder Removed(RemovalReason reason, string text) { _removed.Add((reason, text)); return this; }

    /// <summary>Sets the document language layer.</summary>
    public DocumentBuilder Language(string iso) { _language = iso; return this; }

    /// <summary>The document: raw text = body paragraphs then removed blocks; clean text = body paragraphs.</summary>
    public Document Build()
    {
        var clean = string.Join("\n\n", _paragraphs);
        var raw = _removed.Count == 0 ? clean : clean + "\n\n" + string.Join("\n\n", _removed.Select(r => r.Text));
        var map = new OffsetMap.Builder(raw.Length);
        map.Add(0, 0, clean.Length);
        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        int at = 0;
        foreach (var p in _paragraphs)
        {
            spans.Add(new TextSpan(at, at + p.Length));
            at += p.Length + 2;
        }
        var removed = ImmutableArray.CreateBuilder<RemovedBlock>();
        int rawAt = clean.Length + 2;
        foreach (var (reason, text) in _removed)
        {
            removed.Add(new RemovedBlock(reason, text, new TextSpan(rawAt, rawAt + text.Length), clean.Length, $"{reason} in test"));
            rawAt += text.Length + 2;
        }
        var doc = new Document(new DocumentSource(_sourceId, ContentKind.PlainText, raw, []));
        doc.Set(Layers.Clean, new CleanedText(clean, spans.ToImmutable(), map.Build(clean.Length), removed.ToImmutable()));
        doc.Set(Layers.TextMetadata, [.. _metadata]);
        if (_language is not null) doc.Set(Layers.Language, new LanguageTag(new TextSpan(0, clean.Length), _language, "Latin", 0.99));
        return doc;
    }

    /// <summary>An article record around the built document.</summary>
    public ArticleRecord Record(string storyId, string? duplicateOf = null, DateTimeOffset? at = null) =>
        new(Build(), storyId, duplicateOf, duplicateOf is null ? 0 : 0.95, at ?? new DateTimeOffset(2018, 6, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>A story record for tests.</summary>
    public static StoryRecord Story(string id, string label = "test story", DateTimeOffset? at = null) =>
        new(id, label, [], ["syria", "golan"], at ?? new DateTimeOffset(2018, 6, 1, 12, 0, 0, TimeSpan.Zero), at ?? new DateTimeOffset(2018, 6, 1, 12, 0, 0, TimeSpan.Zero));
}
