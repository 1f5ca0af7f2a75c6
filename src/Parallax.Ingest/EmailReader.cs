using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Parallax.Nlp.Documents;

namespace Parallax.Ingest;

/// <summary>
/// Reads an RFC 5322 message (.eml): Subject, From and Date headers (RFC 2047 encoded words decoded), MIME
/// multipart bodies, quoted-printable and base64, per-part charsets. The HTML part is preferred because
/// newsletters put the article there and the plain part is often a stripped summary.
/// </summary>
internal static partial class EmailReader
{
    public const double Confidence = 0.9;

    /// <summary>A From display name is a person or a newsletter's sender name; only a loose author claim.</summary>
    public const double AuthorConfidence = 0.6;

    private const int MaxDepth = 8;

    private sealed record Part(string MediaType, string? Charset, byte[] Body);

    public static IngestItem Read(byte[] bytes, ReadContext context)
    {
        // Latin-1 maps each byte to one char and back, so structure can be parsed as text and bodies recovered as bytes.
        var all = Encoding.Latin1.GetString(bytes);
        var (headers, body) = SplitEntity(all);
        if (!headers.ContainsKey("from") && !headers.ContainsKey("subject") && !headers.ContainsKey("date"))
        {
            return Fail(context, "has no From, Subject or Date header", "Save the message with its headers (\"Save as .eml\" or \"Show original\").");
        }

        var leaves = new List<Part>();
        var warnings = new List<IngestWarning>(context.Warnings);
        CollectParts(headers, body, leaves, 0);
        var chosen = leaves.FirstOrDefault(p => p.MediaType == "text/html") ?? leaves.FirstOrDefault(p => p.MediaType == "text/plain");
        if (chosen is null)
        {
            return Fail(context, "has no text/plain or text/html part", "Export the message with its body, or save the article as .html or .txt.");
        }
        var isHtml = chosen.MediaType == "text/html";
        var decoded = TextDecoder.Decode(chosen.Body, chosen.Charset, lookInside: isHtml, context.SourceId);
        if (decoded.Warning is { } w) warnings.Add(w);
        if (string.IsNullOrWhiteSpace(decoded.Text))
        {
            return new IngestFailure(context.SourceId, InputErrorCode.Empty,
                $"{InputCodes.Format(InputErrorCode.Empty)}: {context.SourceId}: the message's {chosen.MediaType} part is empty; check that the right message was saved.");
        }

        var candidates = new List<MetadataCandidate>(context.SidecarMetadata);
        var where = $"{context.SourceId} (e-mail header)";
        if (headers.TryGetValue("subject", out var subject))
            MetadataValues.Add(MetadataField.Title, DecodeHeader(subject), MetadataSource.Email, Confidence, where, candidates, warnings, "Subject: " + subject.Trim());
        if (headers.TryGetValue("from", out var from) && DisplayName(DecodeHeader(from)) is { } name)
            MetadataValues.Add(MetadataField.Author, name, MetadataSource.Email, AuthorConfidence, where, candidates, warnings, "From: " + from.Trim());
        if (headers.TryGetValue("date", out var date))
            MetadataValues.Add(MetadataField.Published, date, MetadataSource.Email, Confidence, where, candidates, warnings, "Date: " + date.Trim());
        var messageId = headers.TryGetValue("message-id", out var mid) ? mid.Trim().Trim('<', '>') : null;

        return new IngestedSource(
            new DocumentSource(context.SourceId, isHtml ? ContentKind.Html : ContentKind.PlainText, decoded.Text, [.. candidates], decoded.EncodingName),
            [.. warnings])
        {
            ExternalId = context.ExternalId ?? (string.IsNullOrEmpty(messageId) ? null : messageId),
        };
    }

    private static IngestFailure Fail(ReadContext context, string what, string advice) =>
        new(context.SourceId, InputErrorCode.MalformedEmail,
            $"{InputCodes.Format(InputErrorCode.MalformedEmail)}: {context.SourceId} is not a readable e-mail message: it {what}. {advice}");

    /// <summary>Splits headers (unfolded, names lower-case, first occurrence kept) from the body.</summary>
    private static (Dictionary<string, string> Headers, string Body) SplitEntity(string entity)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        int pos = 0;
        string? lastName = null;
        while (pos < entity.Length)
        {
            int nl = entity.IndexOf('\n', pos);
            int end = nl < 0 ? entity.Length : nl + 1;
            var line = entity[pos..end].TrimEnd('\n', '\r');
            pos = end;
            if (line.Length == 0) break;
            if (line[0] is ' ' or '\t')
            {
                if (lastName is not null) headers[lastName] += " " + line.Trim();
                continue;
            }
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                lastName = null;
                continue;
            }
            var name = line[..colon].Trim().ToLowerInvariant();
            lastName = headers.ContainsKey(name) ? null : name;
            if (lastName is not null) headers[name] = line[(colon + 1)..].Trim();
        }
        return (headers, pos < entity.Length ? entity[pos..] : "");
    }

    private static void CollectParts(Dictionary<string, string> headers, string body, List<Part> leaves, int depth)
    {
        var (mediaType, parameters) = ParseContentType(headers.GetValueOrDefault("content-type"));
        if (headers.GetValueOrDefault("content-disposition") is { } disposition
            && disposition.TrimStart().StartsWith("attachment", StringComparison.OrdinalIgnoreCase))
            return;
        if (mediaType.StartsWith("multipart/", StringComparison.Ordinal))
        {
            if (depth >= MaxDepth || !parameters.TryGetValue("boundary", out var boundary) || boundary.Length == 0) return;
            foreach (var part in SplitMultipart(body, boundary))
            {
                var (h, b) = SplitEntity(part);
                CollectParts(h, b, leaves, depth + 1);
            }
            return;
        }
        if (mediaType is not ("text/plain" or "text/html")) return;
        var encoding = headers.GetValueOrDefault("content-transfer-encoding")?.Trim().ToLowerInvariant();
        var bytes = encoding switch
        {
            "base64" => FromBase64(body),
            "quoted-printable" => FromQuotedPrintable(body),
            _ => Encoding.Latin1.GetBytes(body),
        };
        if (bytes is not null) leaves.Add(new Part(mediaType, parameters.GetValueOrDefault("charset"), bytes));
    }

    private static IEnumerable<string> SplitMultipart(string body, string boundary)
    {
        var delimiter = "--" + boundary;
        var parts = new List<string>();
        int start = -1;
        int pos = 0;
        while (pos <= body.Length)
        {
            int nl = body.IndexOf('\n', pos);
            int end = nl < 0 ? body.Length : nl + 1;
            var line = body[pos..end].TrimEnd('\n', '\r').TrimEnd();
            if (line.StartsWith(delimiter, StringComparison.Ordinal))
            {
                if (start >= 0) parts.Add(TrimTrailingNewline(body[start..pos]));
                if (line.AsSpan(delimiter.Length).StartsWith("--", StringComparison.Ordinal)) return parts;
                start = end;
            }
            if (nl < 0) break;
            pos = end;
        }
        // A missing closing delimiter still leaves a readable last part.
        if (start >= 0 && start < body.Length) parts.Add(body[start..]);
        return parts;
    }

    private static string TrimTrailingNewline(string s) =>
        s.EndsWith("\r\n", StringComparison.Ordinal) ? s[..^2] : s.EndsWith('\n') ? s[..^1] : s;

    private static (string MediaType, Dictionary<string, string> Parameters) ParseContentType(string? value)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(value)) return ("text/plain", parameters);
        var pieces = value.Split(';');
        foreach (var p in pieces.Skip(1))
        {
            int eq = p.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) continue;
            parameters[p[..eq].Trim().ToLowerInvariant()] = p[(eq + 1)..].Trim().Trim('"');
        }
        return (pieces[0].Trim().ToLowerInvariant(), parameters);
    }

    private static byte[]? FromBase64(string body)
    {
        var compact = new StringBuilder(body.Length);
        foreach (var c in body)
            if (!char.IsWhiteSpace(c)) compact.Append(c);
        try
        {
            return Convert.FromBase64String(compact.ToString());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>RFC 2045 quoted-printable: "=XX" is a byte, "=" at a line end is a soft break.</summary>
    internal static byte[] FromQuotedPrintable(string body)
    {
        var output = new List<byte>(body.Length);
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c != '=')
            {
                output.Add((byte)c);
                continue;
            }
            if (i + 1 < body.Length && body[i + 1] == '\n')
            {
                i += 1;
                continue;
            }
            if (i + 2 < body.Length && body[i + 1] == '\r' && body[i + 2] == '\n')
            {
                i += 2;
                continue;
            }
            if (i + 2 < body.Length && byte.TryParse(body.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                output.Add(b);
                i += 2;
                continue;
            }
            output.Add((byte)c);
        }
        return [.. output];
    }

    /// <summary>
    /// Header text: raw 8-bit bytes read as UTF-8 when valid (RFC 6532), then RFC 2047 encoded words decoded;
    /// white space between two adjacent encoded words is dropped, as the RFC says.
    /// </summary>
    internal static string DecodeHeader(string latin1Value)
    {
        var raw = Encoding.Latin1.GetBytes(latin1Value);
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(raw);
        }
        catch (DecoderFallbackException)
        {
            text = latin1Value;
        }
        text = BetweenEncodedWords().Replace(text, "?==?");
        return EncodedWord().Replace(text, m =>
        {
            var enc = TextDecoder.Resolve(m.Groups["cs"].Value);
            if (enc is null) return m.Value;
            var payload = m.Groups["text"].Value;
            byte[]? bytes = m.Groups["enc"].Value.ToUpperInvariant() == "B"
                ? FromBase64(payload)
                : FromQuotedPrintable(payload.Replace('_', ' '));
            return bytes is null ? m.Value : enc.GetString(bytes);
        });
    }

    [GeneratedRegex(@"\?=\s+=\?", RegexOptions.CultureInvariant)]
    private static partial Regex BetweenEncodedWords();

    [GeneratedRegex(@"=\?(?<cs>[^?*]+)(?:\*[^?]*)?\?(?<enc>[BbQq])\?(?<text>[^?]*)\?=", RegexOptions.CultureInvariant)]
    private static partial Regex EncodedWord();

    /// <summary>"Jane Doe &lt;jane@example.org&gt;" gives "Jane Doe"; a bare address gives null (an address is not a byline).</summary>
    private static string? DisplayName(string from)
    {
        int lt = from.IndexOf('<', StringComparison.Ordinal);
        var name = lt > 0 ? from[..lt] : "";
        if (lt < 0)
        {
            var m = Regex.Match(from, @"\((?<n>[^)]+)\)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            name = m.Success ? m.Groups["n"].Value : "";
        }
        name = name.Trim().Trim('"').Trim();
        return name.Length == 0 ? null : name;
    }
}
