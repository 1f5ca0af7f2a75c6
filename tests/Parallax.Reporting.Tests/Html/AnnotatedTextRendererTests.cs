using System.Collections.Immutable;
using AngleSharp.Dom;
using Parallax.Reporting.Html;
using Parallax.Text;

namespace Parallax.Reporting.Tests.Html;

public sealed class AnnotatedTextRendererTests
{
    private static IDocument Render(string text, ImmutableArray<TextSpan> paragraphs, IEnumerable<SpanAnnotation> annotations)
    {
        using var sw = new StringWriter();
        AnnotatedTextRenderer.Render(text, paragraphs, annotations, sw);
        return HtmlDom.Parse("<!DOCTYPE html><body><div id=\"root\">" + sw + "</div></body>");
    }

    /// <summary>The text covered by elements of a class, read as a set of offsets within the concatenated paragraph text.</summary>
    private static SortedSet<int> Covered(IElement root, string cssClass)
    {
        var covered = new SortedSet<int>();
        int at = 0;
        foreach (var p in root.QuerySelectorAll("p"))
            Walk(p, inside: false);
        return covered;

        void Walk(INode node, bool inside)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText t)
                {
                    if (inside) for (int i = 0; i < t.Data.Length; i++) covered.Add(at + i);
                    at += t.Data.Length;
                }
                else if (child is IElement e && !e.ClassList.Contains("badge"))
                    Walk(e, inside || e.ClassList.Contains(cssClass));
            }
        }
    }

    [Fact]
    public void Render_CrossingRanges_NestAndKeepEveryCharacterCovered()
    {
        // Given "abcdefghij" with x over [0, 6) and y over [3, 9), which cross
        var text = "abcdefghij";
        var annotations = new[]
        {
            new SpanAnnotation(new TextSpan(0, 6), "x", "X"),
            new SpanAnnotation(new TextSpan(3, 9), "y", "Y"),
        };

        // When rendered
        var root = Render(text, [new TextSpan(0, 10)], annotations).GetElementById("root")!;

        // Then y is split at x's end, and x covers a–f, y covers d–i
        Assert.Equal("abcdef", string.Concat(root.QuerySelectorAll(".x").Select(e => e.TextContent)));
        Assert.Equal("defghi", string.Concat(root.QuerySelectorAll(".y").Select(e => e.TextContent)));
        Assert.Equal(2, root.QuerySelectorAll(".y").Length);
        Assert.Equal(text, root.QuerySelector("p")!.TextContent);
    }

    [Fact]
    public void Render_RandomAnnotations_CoverExactlyTheirSpansAndKeepTheText()
    {
        // Given random texts, paragraphs, ranges and markers (fixed seed)
        var random = new Random(20240503);
        for (int round = 0; round < 200; round++)
        {
            int length = random.Next(1, 60);
            var chars = new char[length];
            for (int i = 0; i < length; i++) chars[i] = "ab <&>\"'\nxyz"[random.Next(12)];
            var text = new string(chars);
            var paragraphs = RandomParagraphs(random, length);
            var annotations = new List<SpanAnnotation>();
            int count = random.Next(0, 6);
            for (int k = 0; k < count; k++)
            {
                int start = random.Next(0, length + 1), end = random.Next(start, length + 1);
                annotations.Add(new SpanAnnotation(new TextSpan(start, end), "c" + (k % 3).ToString(System.Globalization.CultureInfo.InvariantCulture), "t", "m"));
            }

            // When rendered and parsed
            var root = Render(text, paragraphs, annotations).GetElementById("root")!;

            // Then the paragraph text (badges aside) is the text, and each class covers exactly the union of its ranges
            var shown = string.Concat(root.QuerySelectorAll("p").Select(p => TextWithoutBadges(p)));
            var expected = string.Concat(paragraphs.Select(p => p.Of(text).Replace("\n", "", StringComparison.Ordinal)));
            Assert.Equal(expected, shown);
            foreach (var cls in new[] { "c0", "c1", "c2" })
            {
                var want = new SortedSet<int>();
                int offset = 0;
                foreach (var p in paragraphs)
                {
                    for (int i = p.Start; i < p.End; i++)
                    {
                        if (text[i] == '\n') continue;
                        if (annotations.Any(a => a.CssClass == cls && !a.Span.IsEmpty && a.Span.Start <= i && i < a.Span.End)) want.Add(offset);
                        offset++;
                    }
                }
                Assert.Equal(want, Covered(root, cls));
            }
            Assert.Equal(annotations.Count(a => a.Span.IsEmpty), root.QuerySelectorAll(".badge").Length);
        }
    }

    [Fact]
    public void Render_MarkerInsideParagraph_IsInlineAndMarkerAtEdge_IsInARow()
    {
        // Given two paragraphs "one two" and "three", a marker inside the first and one at the end of it
        var text = "one two\n\nthree";
        var annotations = new[]
        {
            new SpanAnnotation(new TextSpan(3, 3), "m", "inside", "in"),
            new SpanAnnotation(new TextSpan(7, 7), "m", "edge", "edge"),
        };

        // When rendered
        var root = Render(text, [new TextSpan(0, 7), new TextSpan(9, 14)], annotations).GetElementById("root")!;

        // Then the first badge is inside paragraph 1, the second in a row before paragraph 2
        Assert.Equal(["p", "div", "p"], root.Children.Select(c => c.LocalName));
        Assert.Equal("in", root.Children[0].QuerySelector(".badge")!.TextContent);
        Assert.Equal("edge", root.Children[1].QuerySelector(".badge")!.TextContent);
    }

    [Fact]
    public void Render_SpanPastTheText_IsClippedOrDropped()
    {
        // Given annotations reaching past and starting past a 5-character text
        var annotations = new[]
        {
            new SpanAnnotation(new TextSpan(2, 50), "x", "clipped"),
            new SpanAnnotation(new TextSpan(9, 12), "y", "dropped"),
        };

        // When rendered
        var root = Render("hello", [new TextSpan(0, 5)], annotations).GetElementById("root")!;

        // Then x covers "llo" and y is absent
        Assert.Equal("llo", root.QuerySelector(".x")!.TextContent);
        Assert.Null(root.QuerySelector(".y"));
    }

    [Fact]
    public void SafeClass_HostileClassName_KeepsOnlyClassCharacters()
    {
        Assert.Equal("a b-c_d", AnnotatedTextRenderer.SafeClass("a b-c_d\"><"));
        Assert.Equal("x onclickalert1", AnnotatedTextRenderer.SafeClass("x\" onclick=\"alert(1)"));
    }

    private static string TextWithoutBadges(IElement p)
    {
        var clone = (IElement)p.Clone(deep: true);
        foreach (var b in clone.QuerySelectorAll(".badge").ToList()) b.Remove();
        return clone.TextContent;
    }

    private static ImmutableArray<TextSpan> RandomParagraphs(Random random, int length)
    {
        var result = ImmutableArray.CreateBuilder<TextSpan>();
        int at = 0;
        while (at < length)
        {
            int start = Math.Min(length - 1, at + random.Next(0, 3));
            int end = Math.Min(length, start + random.Next(1, 20));
            result.Add(new TextSpan(start, end));
            at = end;
        }
        return result.ToImmutable();
    }
}
