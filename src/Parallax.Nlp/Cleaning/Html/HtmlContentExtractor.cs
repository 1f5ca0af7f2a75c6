using System.Collections.Immutable;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Parallax.Nlp.Documents;
using Parallax.Text;

namespace Parallax.Nlp.Cleaning.Html;

/// <summary>
/// Extracts the article body of a news page as clean text, with the metadata the page carries and a record of
/// everything it left out.
/// </summary>
/// <remarks>
/// <para>The clean text is the body's paragraphs (paragraphs, list items and subheadings, each its own paragraph)
/// joined by "\n\n", with whitespace folded to single spaces. <see cref="CleanedText.Paragraphs"/> are their spans;
/// <see cref="CleanedText.Map"/> maps every clean offset to a UTF-16 offset in the <c>html</c> string passed in
/// (characters decoded from an entity map to the whole entity; a folded space maps to the first raw whitespace
/// character; the "\n\n" separators are synthesised). Headline, byline and dates are not body text: they become
/// <see cref="MetadataCandidate"/>s, and their elements are listed among the removed blocks.</para>
/// <para>Instances hold no per-call state: one extractor may be shared by any number of threads.</para>
/// <para>Never throws on malformed or truncated HTML; an empty page gives an empty result.
/// Throws <see cref="ArgumentNullException"/> when <c>html</c> is null and <see cref="OperationCanceledException"/>
/// when the token is cancelled.</para>
/// </remarks>
public sealed class HtmlContentExtractor
{
    private static readonly HtmlParserOptions ParserOptions = new() { IsKeepingSourceReferences = true };

    /// <summary>Extracts the body text, metadata candidates and removed blocks from one HTML page.</summary>
    /// <param name="html">The decoded HTML source.</param>
    /// <param name="sourceUrl">The page's address, used to make relative URLs absolute; may be null.</param>
    /// <param name="cancellationToken">Checked while walking the page.</param>
    public CleaningResult Extract(string html, string? sourceUrl = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        cancellationToken.ThrowIfCancellationRequested();
        var parser = new HtmlParser(ParserOptions);
        using var document = parser.ParseDocument(html);
        cancellationToken.ThrowIfCancellationRequested();

        var metadata = new MetadataReader(html, sourceUrl);
        metadata.ReadHead(document);
        var root = document.DocumentElement;
        if (root is null)
            return new CleaningResult(new CleanedText(string.Empty, [], new OffsetMap.Builder(html.Length).Build(0), []), metadata.Candidates);

        var locator = new BodyLocator(cancellationToken);
        var body = locator.Locate(root);
        var assembler = new TextAssembler(html, locator, metadata, body, cancellationToken);
        var clean = assembler.Run(root);
        return new CleaningResult(clean, metadata.Candidates);
    }
}
