using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace Parallax.Nlp.Documents;

/// <summary>
/// One article as read from its source, before any analysis: the decoded raw text and what the reader
/// learned about it. Produced by ingestion, consumed by <see cref="Document"/>.
/// </summary>
/// <param name="SourceId">Where it came from: a path, a path plus item index ("feed.xml#3"), a URL or "stdin".</param>
/// <param name="Kind">How the raw text is to be cleaned.</param>
/// <param name="Raw">The decoded raw text (HTML source or plain text).</param>
/// <param name="Metadata">Metadata the reader found (sidecar, front matter, feed fields, e-mail headers).</param>
/// <param name="Encoding">The character encoding the bytes were decoded with (e.g. "utf-8", "windows-1252").</param>
public sealed record DocumentSource(
    string SourceId,
    ContentKind Kind,
    string Raw,
    ImmutableArray<MetadataCandidate> Metadata,
    string Encoding = "utf-8")
{
    /// <summary>
    /// The content hash: lower-case hex SHA-256 of the raw text as UTF-8, line endings normalised to LF,
    /// first 16 bytes. Two sources with the same content get the same id whatever their path.
    /// </summary>
    public string ContentHash { get; } = HashOf(Raw);

    /// <summary>Computes the content hash used by <see cref="ContentHash"/>.</summary>
    public static string HashOf(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var normalised = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(_utf8.GetBytes(normalised), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    private static readonly UTF8Encoding _utf8 = new(false);
}
