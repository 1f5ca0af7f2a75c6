using AngleSharp.Dom;

namespace Parallax.Nlp.Cleaning.Html;

/// <summary>
/// Chooses the element holding the article body. Every block's own text is judged as content-like (long enough,
/// few links) or not; the body is the element that maximises content letters minus other letters below it, so
/// that it grows to take in every run of article paragraphs but stops before menus, teasers and footers.
/// Elements whose names or roles mark them as furniture are set aside first, unless they hold most of the page's
/// long paragraphs (a wrapper whose class happens to say "sidebar-layout" must not take the article with it).
/// </summary>
internal sealed class BodyLocator
{
    /// <summary>Letters a paragraph needs to count towards <see cref="ElementStats.LongText"/>.</summary>
    public const int LongParagraph = 150;

    private const int GoodParagraph = 40;
    private const double GoodLinkDensity = 0.35;

    private readonly Dictionary<INode, ElementStats> _stats = new(ReferenceEqualityComparer.Instance);
    private readonly CancellationToken _cancellationToken;
    private int _visited;

    public BodyLocator(CancellationToken cancellationToken) => _cancellationToken = cancellationToken;

    public ElementStats? StatsOf(INode node) => _stats.GetValueOrDefault(node);

    /// <summary>Gathers the statistics and returns the body element, or null when the page has no text.</summary>
    public IElement? Locate(IElement root)
    {
        GatherLongText(root);
        int totalLong = _stats[root].LongText;
        GatherContent(root, totalLong);

        IElement? best = null;
        double bestScore = 0;
        foreach (var (node, s) in _stats)
        {
            if (s.IsJunk || s.Good == 0 || node is not IElement e) continue;
            double score = Score(s);
            // Elements come parent first, so on a tie the deeper element (less furniture around the text) wins.
            if (score >= bestScore)
            {
                best = e;
                bestScore = score;
            }
        }
        if (best is null && _stats[root].Text > 0)
            best = (root.Owner as IDocument)?.Body ?? root;
        return best;
    }

    private static double Score(ElementStats s)
    {
        double score = s.Good - s.Bad;
        if (s.Hint.IsPositive) score += 0.2 * s.Good;
        return score;
    }

    private void Tick()
    {
        if ((++_visited & 1023) == 0) _cancellationToken.ThrowIfCancellationRequested();
    }

    private void GatherLongText(IElement root)
    {
        var blocks = new Stack<ElementStats>();
        DomWalk.Walk(root,
            node =>
            {
                Tick();
                if (node is IText text)
                {
                    if (blocks.Count > 0) blocks.Peek().OwnText += Letters(text.Data);
                    return false;
                }
                if (node is not IElement e || HtmlTags.Skipped.Contains(e.LocalName)) return false;
                var s = new ElementStats { Hint = BoilerplateHints.Classify(e) };
                _stats[e] = s;
                if (HtmlTags.Block.Contains(e.LocalName)) blocks.Push(s);
                return true;
            },
            node =>
            {
                if (node is not IElement e || !_stats.TryGetValue(e, out var s)) return;
                if (HtmlTags.Block.Contains(e.LocalName))
                {
                    blocks.Pop();
                    if (s.OwnText >= LongParagraph) s.LongText += s.OwnText;
                    s.OwnText = 0;
                }
                if (e.ParentElement is { } parent && _stats.TryGetValue(parent, out var ps)) ps.LongText += s.LongText;
            });
    }

    private void GatherContent(IElement root, int totalLong)
    {
        var blocks = new Stack<ElementStats>();
        int linkDepth = 0;
        DomWalk.Walk(root,
            node =>
            {
                Tick();
                if (node is IText text)
                {
                    int letters = Letters(text.Data);
                    if (letters == 0) return false;
                    if (blocks.Count > 0)
                    {
                        var b = blocks.Peek();
                        b.OwnText += letters;
                        if (linkDepth > 0) b.OwnLink += letters;
                    }
                    if (text.ParentElement is { } parent && _stats.TryGetValue(parent, out var ps))
                    {
                        ps.Text += letters;
                        if (linkDepth > 0) ps.Link += letters;
                    }
                    return false;
                }
                if (node is not IElement e || !_stats.TryGetValue(e, out var s)) return false;
                s.IsJunk = s.Hint.Reason is not null && !ReferenceEquals(e, root) && e.LocalName is not ("body" or "html")
                    && !(totalLong > 0 && s.LongText * 2 >= totalLong);
                if (s.IsJunk) return false;
                if (HtmlTags.Block.Contains(e.LocalName)) blocks.Push(s);
                if (e.LocalName == "a") linkDepth++;
                return true;
            },
            node =>
            {
                if (node is not IElement e || !_stats.TryGetValue(e, out var s) || s.IsJunk) return;
                if (e.LocalName == "a") linkDepth--;
                if (HtmlTags.Block.Contains(e.LocalName))
                {
                    blocks.Pop();
                    if (s.OwnText > 0)
                    {
                        bool good = s.OwnText >= GoodParagraph && s.OwnLink <= GoodLinkDensity * s.OwnText && e.LocalName != "h1";
                        if (good)
                        {
                            s.Good += s.OwnText;
                            s.GoodParagraphs++;
                        }
                        // Short plain lines (list items, subheads, results tables) weigh half as much as link text,
                        // so a body made of short items still beats the menus around it.
                        else s.Bad += s.OwnLink + ((s.OwnText - s.OwnLink) / 2);
                    }
                }
                if (e.ParentElement is { } parent && _stats.TryGetValue(parent, out var ps))
                {
                    ps.Text += s.Text;
                    ps.Link += s.Link;
                    ps.Good += s.Good;
                    ps.Bad += s.Bad;
                    ps.GoodParagraphs += s.GoodParagraphs;
                }
            });
    }

    private static int Letters(string text)
    {
        int n = 0;
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c)) n++;
        }
        return n;
    }
}
