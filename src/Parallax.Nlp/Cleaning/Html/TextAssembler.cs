using System.Collections.Immutable;
using System.Text;
using AngleSharp.Dom;
using Parallax.Nlp.Documents;
using Parallax.Text;

namespace Parallax.Nlp.Cleaning.Html;

/// <summary>
/// Walks the whole page once, in document order, locating every text node in the raw HTML and sending its
/// characters either to the clean text (inside the chosen body) or to the removed block of the container that
/// holds it. One instance per page.
/// </summary>
internal sealed class TextAssembler
{
    private const int MaxStructureText = 200;

    private readonly string _raw;
    private readonly BodyLocator _locator;
    private readonly MetadataReader _metadata;
    private readonly IElement? _body;
    private readonly CancellationToken _cancellationToken;
    private readonly SourceAligner _aligner;
    private readonly HashSet<INode> _bodyAncestors = new(ReferenceEqualityComparer.Instance);

    private readonly StringBuilder _clean = new();
    private readonly OffsetMap.Builder _map;
    private readonly ImmutableArray<TextSpan>.Builder _paragraphs = ImmutableArray.CreateBuilder<TextSpan>();
    private readonly ImmutableArray<RemovedBlock>.Builder _removed = ImmutableArray.CreateBuilder<RemovedBlock>();

    private readonly TextSink _paragraph = new();
    private readonly TextSink _group = new();
    private int[] _starts = new int[256];
    private int[] _lengths = new int[256];

    // The removed container being collected, if any; nested containers fold into it.
    private IElement? _groupElement;
    private RemovalReason _groupReason;
    private string _groupDetail = string.Empty;
    private int _groupRawStart;

    private int _contentDepth;
    private bool _titleSeen;
    private int _bylines;
    private int _times;
    private int _visited;

    public TextAssembler(string raw, BodyLocator locator, MetadataReader metadata, IElement? body, CancellationToken cancellationToken)
    {
        _raw = raw;
        _locator = locator;
        _metadata = metadata;
        _body = body;
        _cancellationToken = cancellationToken;
        _aligner = new SourceAligner(raw);
        _map = new OffsetMap.Builder(raw.Length);
        for (INode? n = body?.Parent; n is not null; n = n.Parent) _bodyAncestors.Add(n);
    }

    public CleanedText Run(IElement root)
    {
        DomWalk.Walk(root, Enter, Exit);
        FlushParagraph();
        return new CleanedText(_clean.ToString(), _paragraphs.ToImmutable(), _map.Build(_clean.Length), _removed.ToImmutable());
    }

    private bool Enter(INode node)
    {
        if ((++_visited & 1023) == 0) _cancellationToken.ThrowIfCancellationRequested();
        if (node is IText text)
        {
            AddText(text.Data);
            return false;
        }
        if (node is not IElement e) return false;
        string name = e.LocalName;
        if (HtmlTags.Skipped.Contains(name))
        {
            if (HtmlTags.RawText.Contains(name)) _aligner.SkipRawText(e);
            else _aligner.Enter(e);
            return false;
        }
        _aligner.Enter(e);
        ReadStructure(e);

        if (_groupElement is not null)
        {
            if (HtmlTags.Block.Contains(name) || name == "br") _group.Break();
            return true;
        }

        if (ReferenceEquals(e, _body)) _contentDepth++;
        else if (_contentDepth > 0) return EnterContent(e, name);
        else if (!_bodyAncestors.Contains(e)) BeginGroup(e, OutsideReason(e), OutsideDetail(e));
        return true;
    }

    private bool EnterContent(IElement e, string name)
    {
        var stats = _locator.StatsOf(e);
        if (stats is { IsJunk: true })
        {
            FlushParagraphIfBlock(name);
            BeginGroup(e, stats.Hint.Reason!.Value, stats.Hint.Detail);
            return true;
        }
        if (name == "h1")
        {
            FlushParagraph();
            BeginGroup(e, RemovalReason.Metadata, "headline (<h1>), kept as metadata");
            return true;
        }
        if (stats is not null && HtmlTags.Block.Contains(name) && stats.Text > 0 && stats.Good == 0
            && stats.Link * 2 > stats.Text)
        {
            FlushParagraph();
            BeginGroup(e, RemovalReason.RelatedContent, "block made mostly of links");
            return true;
        }
        if (HtmlTags.Block.Contains(name) || name == "br") FlushParagraph();
        return true;
    }

    private void Exit(INode node)
    {
        if (node is not IElement e) return;
        if (ReferenceEquals(e, _groupElement))
        {
            EndGroup(e);
            return;
        }
        if (_groupElement is not null) return;
        if (ReferenceEquals(e, _body))
        {
            FlushParagraph();
            _contentDepth--;
            return;
        }
        if (_contentDepth > 0) FlushParagraphIfBlock(e.LocalName);
    }

    private void FlushParagraphIfBlock(string name)
    {
        if (HtmlTags.Block.Contains(name) || name == "br") FlushParagraph();
    }

    private void AddText(string data)
    {
        if (data.Length == 0) return;
        if (_starts.Length < data.Length)
        {
            _starts = new int[Math.Max(data.Length, _starts.Length * 2)];
            _lengths = new int[_starts.Length];
        }
        bool located = _aligner.Align(data, _starts, _lengths);
        TextSink sink;
        if (_groupElement is not null) sink = _group;
        else if (_contentDepth > 0) sink = _paragraph;
        else
        {
            // Loose text between the containers outside the body: a removed block of its own.
            if (string.IsNullOrWhiteSpace(data)) return;
            sink = _group;
        }
        for (int i = 0; i < data.Length; i++)
            sink.Append(data[i], located ? _starts[i] : -1, located ? _lengths[i] : 0);
        if (_groupElement is null && _contentDepth == 0) EmitRemoved(_group, RemovalReason.Boilerplate, "text outside the article body", -1, -1);
    }

    private void BeginGroup(IElement e, RemovalReason reason, string detail)
    {
        _groupElement = e;
        _groupReason = reason;
        _groupDetail = detail;
        _groupRawStart = SourceAligner.StartOf(e);
        _group.Clear();
    }

    private void EndGroup(IElement e)
    {
        int end = _aligner.EndAfterClosingTag(e);
        EmitRemoved(_group, _groupReason, _groupDetail, _groupRawStart, end);
        _groupElement = null;
    }

    private void EmitRemoved(TextSink sink, RemovalReason reason, string detail, int rawStart, int rawEnd)
    {
        string text = sink.Text();
        if (text.Length > 0)
        {
            var (s, t) = sink.RawExtent();
            int start = rawStart >= 0 ? rawStart : s;
            int end = Math.Max(rawEnd, t);
            if (start < 0) start = end = Math.Max(0, Math.Min(_aligner.Cursor, _raw.Length));
            end = Math.Clamp(end, start, _raw.Length);
            _removed.Add(new RemovedBlock(reason, text, new TextSpan(start, end), _clean.Length, detail));
        }
        sink.Clear();
    }

    private void FlushParagraph()
    {
        int length = _paragraph.TrimmedLength;
        if (length == 0)
        {
            _paragraph.Clear();
            return;
        }
        if (ParagraphFilter.Judge(_paragraph.Text()) is { } verdict)
        {
            EmitRemoved(_paragraph, verdict.Reason, verdict.Detail, -1, -1);
            return;
        }
        if (_clean.Length > 0) _clean.Append("\n\n");
        int start = _clean.Length;
        for (int i = 0; i < length; i++)
        {
            int rawStart = _paragraph.StartOf(i);
            if (rawStart >= 0) _map.Add(_clean.Length, rawStart, 1, _paragraph.LengthOf(i));
            _clean.Append(_paragraph[i]);
        }
        _paragraphs.Add(new TextSpan(start, _clean.Length));
        _paragraph.Clear();
    }

    private static RemovalReason OutsideReason(IElement e) =>
        e.LocalName is "h1" or "time" ? RemovalReason.Metadata : BoilerplateHints.Classify(e).Reason ?? RemovalReason.Boilerplate;

    private static string OutsideDetail(IElement e)
    {
        if (e.LocalName is "h1" or "time") return "<" + e.LocalName + "> outside the article body, kept as metadata";
        var hint = BoilerplateHints.Classify(e);
        return hint.Reason is null ? "outside the article body" : hint.Detail + ", outside the article body";
    }

    /// <summary>Headline, byline and time elements become metadata candidates wherever they are.</summary>
    private void ReadStructure(IElement e)
    {
        string name = e.LocalName;
        if (name == "h1" && !_titleSeen)
        {
            string text = Folded(e);
            if (text.Length is > 0 and <= 300)
            {
                _titleSeen = true;
                _metadata.AddStructure(MetadataField.Title, text, e, 0.7);
            }
        }
        else if (name == "time" && _times < 3)
        {
            string text = Folded(e);
            if (DateValues.Normalize(e.GetAttribute("datetime") ?? text) is not null)
            {
                _times++;
                _metadata.AddStructure(MetadataField.Published, text, e, 0.6);
            }
        }
        else if (_bylines < 3 && IsByline(e))
        {
            string text = Folded(e);
            if (text.Length is > 3 and <= MaxStructureText)
            {
                _bylines++;
                _metadata.AddStructure(MetadataField.Author, text, e, 0.6);
            }
        }
    }

    private static bool IsByline(IElement e)
    {
        if (e.GetAttribute("rel") is { } rel && rel.Equals("author", StringComparison.OrdinalIgnoreCase)) return true;
        if (e.GetAttribute("itemprop") is { } prop && prop.Equals("author", StringComparison.OrdinalIgnoreCase)) return true;
        string? cls = e.GetAttribute("class");
        return cls is not null && cls.Contains("byline", StringComparison.OrdinalIgnoreCase)
            && !cls.Contains("bylines", StringComparison.OrdinalIgnoreCase);
    }

    private static string Folded(IElement e)
    {
        string text = e.TextContent;
        if (text.Length > 4 * MaxStructureText) return string.Empty;
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
