using System.Collections.Immutable;
using Parallax.Core.Articles;
using Parallax.Nlp.Documents;
using Parallax.Text;

namespace Parallax.Reporting.Tests;

/// <summary>
/// Builds an analysed <see cref="ArticleRecord"/> by hand: the raw text is the pieces joined by blank lines, the clean
/// text the kept pieces joined the same way, with an exact offset map and removed blocks at their clean offsets.
/// </summary>
internal sealed class ArticleBuilder(string sourceId)
{
    private readonly List<(bool Keep, string Text, RemovalReason Reason, string Detail)> _pieces = [];
    private readonly List<(MetadataField Field, string Value, MetadataSource Source, double Confidence, string? Evidence)> _sourceMeta = [];
    private readonly List<(MetadataField Field, string Value, MetadataSource Source, double Confidence, string? Evidence)> _textMeta = [];
    private readonly List<(string Text, string Language, string Script, double Confidence)> _foreign = [];
    private readonly List<Action<Document>> _extraLayers = [];
    private (string Language, string Script, double Confidence)? _language;
    private ContentKind _kind = ContentKind.PlainText;
    private string _encoding = "utf-8";
    private string? _storyId;
    private string? _duplicateOf;
    private double _similarity;
    private DateTimeOffset _ingestedAt = new(2024, 5, 3, 8, 0, 0, TimeSpan.Zero);
    private bool _clean = true;

    public ArticleBuilder Paragraph(string text)
    {
        _pieces.Add((true, text, default, ""));
        return this;
    }

    public ArticleBuilder Removed(RemovalReason reason, string text, string detail)
    {
        _pieces.Add((false, text, reason, detail));
        return this;
    }

    /// <summary>A candidate the reader supplied (DocumentSource.Metadata).</summary>
    public ArticleBuilder Meta(MetadataField field, string value, MetadataSource source = MetadataSource.User, double confidence = 1.0, string? evidence = null)
    {
        _sourceMeta.Add((field, value, source, confidence, evidence));
        return this;
    }

    /// <summary>A candidate found while cleaning (the text-metadata layer).</summary>
    public ArticleBuilder TextMeta(MetadataField field, string value, MetadataSource source = MetadataSource.TextCue, double confidence = 0.8, string? evidence = null)
    {
        _textMeta.Add((field, value, source, confidence, evidence));
        return this;
    }

    public ArticleBuilder Language(string language, string script, double confidence)
    {
        _language = (language, script, confidence);
        return this;
    }

    /// <summary>Tags the first occurrence of <paramref name="text"/> in the clean text with another language.</summary>
    public ArticleBuilder ForeignText(string text, string language, string script, double confidence)
    {
        _foreign.Add((text, language, script, confidence));
        return this;
    }

    public ArticleBuilder Layer<T>(AnnotationKey<T> key, T value) where T : notnull
    {
        _extraLayers.Add(d => d.Set(key, value));
        return this;
    }

    public ArticleBuilder Kind(ContentKind kind, string encoding = "utf-8")
    {
        _kind = kind;
        _encoding = encoding;
        return this;
    }

    public ArticleBuilder InStory(string storyId)
    {
        _storyId = storyId;
        return this;
    }

    public ArticleBuilder DuplicateOf(string id, double similarity)
    {
        _duplicateOf = id;
        _similarity = similarity;
        return this;
    }

    public ArticleBuilder IngestedAt(DateTimeOffset at)
    {
        _ingestedAt = at;
        return this;
    }

    /// <summary>Leaves the document uncleaned (no clean layer), as before the pipeline ran.</summary>
    public ArticleBuilder Uncleaned()
    {
        _clean = false;
        return this;
    }

    public ArticleRecord Build()
    {
        var raw = string.Join("\n\n", _pieces.Select(p => p.Text));
        var source = new DocumentSource(sourceId, _kind, raw, [.. _sourceMeta.Select(m => Candidate(m, raw))], _encoding);
        var doc = new Document(source);
        if (_clean)
        {
            var clean = new System.Text.StringBuilder();
            var map = new OffsetMap.Builder(raw.Length);
            var paragraphs = ImmutableArray.CreateBuilder<TextSpan>();
            var removed = ImmutableArray.CreateBuilder<RemovedBlock>();
            int rawAt = 0;
            foreach (var piece in _pieces)
            {
                if (piece.Keep)
                {
                    if (clean.Length > 0) clean.Append("\n\n");
                    map.Add(clean.Length, rawAt, piece.Text.Length);
                    paragraphs.Add(new TextSpan(clean.Length, clean.Length + piece.Text.Length));
                    clean.Append(piece.Text);
                }
                else
                {
                    removed.Add(new RemovedBlock(piece.Reason, piece.Text, new TextSpan(rawAt, rawAt + piece.Text.Length), clean.Length, piece.Detail));
                }
                rawAt += piece.Text.Length + 2;
            }
            var text = clean.ToString();
            doc.Set(Layers.Clean, new CleanedText(text, paragraphs.ToImmutable(), map.Build(text.Length), removed.ToImmutable()));
            if (_textMeta.Count > 0) doc.Set(Layers.TextMetadata, [.. _textMeta.Select(m => Candidate(m, raw))]);
            if (_language is { } lang)
            {
                doc.Set(Layers.Language, new LanguageTag(new TextSpan(0, text.Length), lang.Language, lang.Script, lang.Confidence));
                var spans = new List<LanguageTag>();
                foreach (var p in paragraphs)
                {
                    var whole = _foreign.FirstOrDefault(f => string.Equals(f.Text, p.Of(text), StringComparison.Ordinal));
                    spans.Add(whole.Text is null
                        ? new LanguageTag(p, lang.Language, lang.Script, lang.Confidence)
                        : new LanguageTag(p, whole.Language, whole.Script, whole.Confidence));
                }
                foreach (var f in _foreign)
                {
                    int at = text.IndexOf(f.Text, StringComparison.Ordinal);
                    if (at < 0) throw new InvalidOperationException($"'{f.Text}' is not in the clean text.");
                    if (!paragraphs.Any(p => p.Start == at && p.End == at + f.Text.Length))
                        spans.Add(new LanguageTag(new TextSpan(at, at + f.Text.Length), f.Language, f.Script, f.Confidence));
                }
                doc.Set(Layers.LanguageSpans, [.. spans.OrderBy(s => s.Span.Start).ThenByDescending(s => s.Span.End)]);
            }
        }
        foreach (var set in _extraLayers) set(doc);
        return new ArticleRecord(doc, _storyId, _duplicateOf, _similarity, _ingestedAt);
    }

    private static MetadataCandidate Candidate((MetadataField Field, string Value, MetadataSource Source, double Confidence, string? Evidence) m, string raw)
    {
        int at = m.Evidence is null ? -1 : raw.IndexOf(m.Evidence, StringComparison.Ordinal);
        TextSpan? span = at < 0 ? null : new TextSpan(at, at + m.Evidence!.Length);
        return new MetadataCandidate(m.Field, m.Value, m.Source, m.Confidence, m.Evidence, span);
    }
}
