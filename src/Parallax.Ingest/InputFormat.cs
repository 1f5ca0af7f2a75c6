using System.Text.Json;

namespace Parallax.Ingest;

/// <summary>The formats Parallax reads.</summary>
internal enum InputFormat
{
    /// <summary>Not known from the name or content type: sniff the content.</summary>
    Unknown,
    PlainText,
    Html,
    JsonLines,
    Feed,
    Email,
    /// <summary>Known not to be readable (images, PDFs, office files).</summary>
    Unsupported,
}

/// <summary>Decides the format from a file name, a content type, and the content itself.</summary>
internal static class FormatSniffer
{
    /// <summary>The format a file name's extension announces (".gz" already removed).</summary>
    public static InputFormat FromName(string? name)
    {
        if (string.IsNullOrEmpty(name)) return InputFormat.Unknown;
        var ext = Path.GetExtension(name).ToLowerInvariant();
        return ext switch
        {
            ".txt" or ".text" or ".md" or ".markdown" => InputFormat.PlainText,
            ".html" or ".htm" or ".xhtml" => InputFormat.Html,
            ".jsonl" or ".ndjson" => InputFormat.JsonLines,
            ".xml" or ".rss" or ".atom" => InputFormat.Feed,
            ".eml" => InputFormat.Email,
            ".pdf" or ".doc" or ".docx" or ".odt" or ".rtf" or ".png" or ".jpg" or ".jpeg" or ".gif" or ".webp"
                or ".zip" or ".tar" or ".7z" or ".mp3" or ".mp4" or ".exe" or ".dll" or ".xls" or ".xlsx" => InputFormat.Unsupported,
            _ => InputFormat.Unknown,
        };
    }

    /// <summary>The format an HTTP content type announces (media type only, parameters removed).</summary>
    public static InputFormat FromMediaType(string? mediaType) => mediaType?.ToLowerInvariant() switch
    {
        null or "" => InputFormat.Unknown,
        "text/html" or "application/xhtml+xml" => InputFormat.Html,
        "application/rss+xml" or "application/atom+xml" or "application/rdf+xml" or "application/xml" or "text/xml" => InputFormat.Feed,
        "application/x-ndjson" or "application/jsonl" or "application/x-jsonlines" or "application/jsonlines" => InputFormat.JsonLines,
        "message/rfc822" => InputFormat.Email,
        "text/plain" or "text/markdown" => InputFormat.PlainText,
        var t when t.StartsWith("image/", StringComparison.Ordinal) || t.StartsWith("audio/", StringComparison.Ordinal)
            || t.StartsWith("video/", StringComparison.Ordinal) || t is "application/pdf" or "application/zip" or "application/octet-stream"
            => InputFormat.Unsupported,
        _ => InputFormat.Unknown,
    };

    /// <summary>True when the bytes start like an RFC 5322 message: header lines including at least two of From, Subject, Date.</summary>
    public static bool LooksLikeEmail(ReadOnlySpan<byte> bytes)
    {
        var head = System.Text.Encoding.Latin1.GetString(bytes.Length > 8192 ? bytes[..8192] : bytes);
        int known = 0;
        int lines = 0;
        foreach (var raw in head.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0) break;
            if (++lines > 200) return false;
            if (line[0] is ' ' or '\t') continue;
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line.AsSpan(0, colon).ContainsAny(" \t")) return false;
            var name = line[..colon];
            if (name.Equals("From", StringComparison.OrdinalIgnoreCase) || name.Equals("Subject", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Date", StringComparison.OrdinalIgnoreCase))
                known++;
        }
        return known >= 2;
    }

    /// <summary>The format of decoded text judged from how it starts.</summary>
    public static InputFormat FromContent(string text)
    {
        var start = text.AsSpan().TrimStart();
        if (start.Length == 0) return InputFormat.PlainText;
        if (start[0] == '<')
        {
            var head = start.Length > 4096 ? start[..4096] : start;
            var root = RootElement(head);
            if (root is "rss" or "feed" or "rdf:RDF") return InputFormat.Feed;
            if (root is "html") return InputFormat.Html;
            // XML with another root goes the feed way, which names the root it found.
            if (head.StartsWith("<?xml", StringComparison.Ordinal) && root is not null) return InputFormat.Feed;
            return InputFormat.Html;
        }
        if (start[0] is '{' or '[')
        {
            var firstLine = start.IndexOfAny('\r', '\n') is var nl and >= 0 ? start[..nl] : start;
            if (ParsesAs(firstLine, JsonValueKind.Object)) return InputFormat.JsonLines;
            // Pretty-printed JSON or an array is JSON but not JSON Lines; reading it as prose would be wrong.
            if (ParsesAs(start, JsonValueKind.Object) || ParsesAs(start, JsonValueKind.Array)) return InputFormat.Unsupported;
        }
        return InputFormat.PlainText;
    }

    private static bool ParsesAs(ReadOnlySpan<char> json, JsonValueKind kind)
    {
        try
        {
            using var doc = JsonDocument.Parse(json.ToString());
            return doc.RootElement.ValueKind == kind;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The name of the first element after the XML declaration, comments, processing instructions and doctype.</summary>
    public static string? RootElement(ReadOnlySpan<char> head)
    {
        int i = 0;
        while (i < head.Length)
        {
            int lt = head[i..].IndexOf('<');
            if (lt < 0) return null;
            i += lt;
            var rest = head[i..];
            if (rest.StartsWith("<?", StringComparison.Ordinal) || rest.StartsWith("<!", StringComparison.Ordinal))
            {
                if (rest.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase)) return "html";
                int close = rest.StartsWith("<!--", StringComparison.Ordinal)
                    ? rest.IndexOf("-->", StringComparison.Ordinal)
                    : rest.IndexOf('>');
                if (close < 0) return null;
                i += close + 1;
                continue;
            }
            int end = 1;
            while (end < rest.Length && !char.IsWhiteSpace(rest[end]) && rest[end] is not ('>' or '/')) end++;
            var name = rest[1..end].ToString();
            return name.Equals("html", StringComparison.OrdinalIgnoreCase) ? "html" : name;
        }
        return null;
    }
}
