using System.Globalization;
using System.IO.Compression;
using System.Text;
using Parallax.Nlp.Documents;

namespace Parallax.Ingest;

/// <summary>One input's bytes with what is known about them from outside (name, HTTP headers).</summary>
/// <param name="Bytes">The content, at most <see cref="IngestOptions.MaxBytes"/> long.</param>
/// <param name="Name">A file name whose extension hints at the format, or null.</param>
/// <param name="MediaType">An HTTP media type, or null.</param>
/// <param name="Charset">An HTTP charset, or null.</param>
internal sealed record RawInput(byte[] Bytes, string? Name, string? MediaType = null, string? Charset = null);

/// <summary>
/// Turns one input's bytes into articles and failures: gzip, binary and empty checks, format choice, decoding,
/// then the format's reader. Pure apart from allocation; thread-safe.
/// </summary>
internal static class ContentReader
{
    public static IEnumerable<IngestItem> Read(RawInput input, ReadContext context, IngestOptions options)
    {
        var bytes = input.Bytes;
        var name = input.Name;
        var id = context.SourceId;

        bool gzipMagic = bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;
        bool gzipName = name is not null && name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        if (gzipMagic || gzipName || input.MediaType is "application/gzip" or "application/x-gzip")
        {
            if (!gzipMagic)
                return [Fail(id, InputErrorCode.Decompression, $"{id} is named or served as gzip but does not start with the gzip signature; rename it without .gz if it is not compressed.")];
            var inflated = Gunzip(bytes, options.MaxBytes, id, out var failure);
            if (inflated is null) return [failure!];
            bytes = inflated;
            if (gzipName) name = name![..^3];
            input = input with { MediaType = null };
        }

        if (bytes.Length == 0)
            return [Fail(id, InputErrorCode.Empty, $"{id} is empty (0 bytes); remove it or export the article again.")];

        var bom = TextDecoder.DetectBom(bytes);
        if (bom is null && TextDecoder.Sniff(bytes) == ByteVerdict.Binary)
            return [Fail(id, InputErrorCode.BinaryContent, $"{id} holds binary data (NUL or control bytes), not text; convert it to .txt, .html, .jsonl, a feed or .eml, or remove it from the input (UTF-16 text needs a byte-order mark).")];

        var format = FormatSniffer.FromName(name);
        if (format == InputFormat.Unknown) format = FormatSniffer.FromMediaType(input.MediaType);
        if (format == InputFormat.Unsupported)
            return [Unsupported(id, name, input.MediaType)];
        if (format == InputFormat.Email || (format == InputFormat.Unknown && bom is null && FormatSniffer.LooksLikeEmail(bytes)))
            return EmailOrEmpty(bom is { Name: "utf-8" } ? bytes[3..] : bytes, context);

        Decoded decoded;
        try
        {
            decoded = TextDecoder.Decode(bytes, input.Charset, lookInside: format != InputFormat.PlainText, id);
        }
        catch (DecoderFallbackException ex)
        {
            return [Fail(id, InputErrorCode.Decoding, $"{id} starts with a {bom?.Name} byte-order mark but its bytes are not valid {bom?.Name} (offset {ex.Index.ToString(CultureInfo.InvariantCulture)}); re-save it as UTF-8.")];
        }
        if (string.IsNullOrWhiteSpace(decoded.Text))
            return [Fail(id, InputErrorCode.Empty, $"{id} holds only white space; remove it or export the article again.")];

        var warnings = context.Warnings;
        if (decoded.Warning is { } w) warnings = warnings.Add(w);
        context = context with { Warnings = warnings, EncodingName = decoded.EncodingName };

        if (format == InputFormat.Unknown) format = FormatSniffer.FromContent(decoded.Text);
        if (format == InputFormat.Feed)
        {
            var root = FormatSniffer.RootElement(decoded.Text.AsSpan(0, Math.Min(decoded.Text.Length, 4096)));
            if (root == "html") format = InputFormat.Html;
            else if (root is not null && root is not ("rss" or "feed" or "rdf:RDF"))
                return [Fail(id, InputErrorCode.UnsupportedFormat, $"{id} is XML whose root element is <{root}>, not an RSS <rss>, RSS 1.0 <rdf:RDF> or Atom <feed>; only feeds are read from XML.")];
        }

        return format switch
        {
            InputFormat.Feed => FeedReader.Read(decoded.Text, context),
            InputFormat.JsonLines => JsonLinesReader.Read(decoded.Text, context),
            InputFormat.Html => [Article(context, ContentKind.Html, decoded.Text, [])],
            InputFormat.Unsupported => [Fail(id, InputErrorCode.UnsupportedFormat,
                $"{id} is JSON but not JSON Lines (a pretty-printed object or an array); write one article object per line in a .jsonl file.")],
            _ => [PlainText(decoded.Text, context)],
        };
    }

    private static IEnumerable<IngestItem> EmailOrEmpty(byte[] bytes, ReadContext context)
    {
        if (bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            return [Fail(context.SourceId, InputErrorCode.Empty, $"{context.SourceId} holds only white space; remove it or export the message again.")];
        return [EmailReader.Read(bytes, context)];
    }

    private static IngestItem PlainText(string text, ReadContext context)
    {
        var candidates = new List<MetadataCandidate>();
        var warnings = new List<IngestWarning>();
        var body = FrontMatter.Strip(text, context.SourceId, candidates, warnings);
        if (string.IsNullOrWhiteSpace(body))
            return Fail(context.SourceId, InputErrorCode.Empty, $"{context.SourceId} has front matter but no article text after it; add the text below the closing ---.");
        return Article(context with { Warnings = context.Warnings.AddRange(warnings) }, ContentKind.PlainText, body, candidates);
    }

    private static IngestedSource Article(ReadContext context, ContentKind kind, string raw, IEnumerable<MetadataCandidate> own) =>
        new(new DocumentSource(context.SourceId, kind, raw, [.. context.SidecarMetadata, .. own], context.EncodingName), context.Warnings)
        {
            ExternalId = context.ExternalId,
        };

    private static IngestFailure Unsupported(string id, string? name, string? mediaType)
    {
        var what = mediaType is not null ? $"served as {mediaType}" : $"a {Path.GetExtension(name ?? "").ToLowerInvariant()} file";
        return Fail(id, InputErrorCode.UnsupportedFormat,
            $"{id} is {what}, which Parallax does not read; convert it to .txt, .html, .jsonl, an RSS/Atom feed or .eml.");
    }

    private static byte[]? Gunzip(byte[] bytes, long maxBytes, string id, out IngestFailure? failure)
    {
        failure = null;
        try
        {
            using var gz = new GZipStream(new MemoryStream(bytes, writable: false), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int n;
            while ((n = gz.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + n > maxBytes)
                {
                    failure = Fail(id, InputErrorCode.TooLarge,
                        $"{id} decompresses to more than the {Limits.Describe(maxBytes)} limit; raise the limit (--max-bytes, IngestOptions.MaxBytes) or split the file.");
                    return null;
                }
                output.Write(buffer, 0, n);
            }
            if (!TrailerMatches(bytes, output.Length))
            {
                failure = Fail(id, InputErrorCode.Decompression, $"{id} failed to decompress as gzip (it ends early or its size trailer does not match); the file is truncated, download or compress it again.");
                return null;
            }
            return output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            failure = Fail(id, InputErrorCode.Decompression, $"{id} failed to decompress as gzip ({ex.Message.TrimEnd('.')}); the file is damaged or truncated, download or compress it again.");
            return null;
        }
        catch (EndOfStreamException)
        {
            failure = Fail(id, InputErrorCode.Decompression, $"{id} failed to decompress as gzip (it ends early); the file is truncated, download or compress it again.");
            return null;
        }
    }

    /// <summary>
    /// .NET's GZipStream stops quietly at the end of a truncated file, so the trailer's ISIZE (length mod 2^32) is
    /// compared with what came out. Files with several gzip members carry only the last member's size; they are
    /// not judged by it.
    /// </summary>
    private static bool TrailerMatches(byte[] gz, long inflatedLength)
    {
        if (gz.Length < 18) return false;
        var isize = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(gz.AsSpan(gz.Length - 4));
        if (isize == (uint)(inflatedLength & 0xFFFFFFFF)) return true;
        return gz.AsSpan(10).IndexOf([(byte)0x1F, (byte)0x8B, (byte)0x08]) >= 0 && gz.Length > 36;
    }

    internal static IngestFailure Fail(string id, InputErrorCode code, string message) =>
        new(id, code, $"{InputCodes.Format(code)}: {message}");
}

/// <summary>Human wording for byte limits.</summary>
internal static class Limits
{
    public static string Describe(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
            ? $"{(bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture)} MB ({bytes.ToString(CultureInfo.InvariantCulture)} bytes)"
            : $"{bytes.ToString(CultureInfo.InvariantCulture)}-byte";
}
