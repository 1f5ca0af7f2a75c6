namespace Parallax.Nlp.Documents;

/// <summary>What the raw text of a document is, which decides how it is cleaned.</summary>
public enum ContentKind
{
    /// <summary>Plain text, possibly scraped from a page with its noise.</summary>
    PlainText,

    /// <summary>An HTML page or fragment.</summary>
    Html,
}
