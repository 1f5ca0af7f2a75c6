namespace Parallax.Nlp.Cleaning.Html;

/// <summary>Per-element counts gathered before the body is chosen. Letters are non-whitespace characters.</summary>
internal sealed class ElementStats
{
    public Hint Hint;

    /// <summary>Letters in paragraphs of at least <see cref="BodyLocator.LongParagraph"/> letters, junk included.</summary>
    public int LongText;

    /// <summary>True when the element is page furniture to be removed whole.</summary>
    public bool IsJunk;

    /// <summary>Letters below the element, junk excluded.</summary>
    public int Text;

    /// <summary>Letters inside links below the element, junk excluded.</summary>
    public int Link;

    /// <summary>Letters in content-like paragraphs (long enough, few links).</summary>
    public int Good;

    /// <summary>Letters in other paragraphs (short lines, link lists).</summary>
    public int Bad;

    /// <summary>Paragraph-like blocks below the element counted as good.</summary>
    public int GoodParagraphs;

    /// <summary>Letters directly in this block (not in a nested block), and how many of them are link text.</summary>
    public int OwnText;
    public int OwnLink;

    public double LinkDensity => Text == 0 ? 0 : (double)Link / Text;
}
