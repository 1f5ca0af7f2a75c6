using System.Globalization;

namespace Parallax.Ingest;

/// <summary>
/// Stable codes for input errors (PX3xxx). A number never changes meaning; print with
/// <see cref="InputCodes.Format(InputErrorCode)"/> ("PX3004").
/// </summary>
public enum InputErrorCode
{
    /// <summary>PX3001: the input path does not exist.</summary>
    NotFound = 3001,
    /// <summary>PX3002: the file or stream could not be read (permissions, I/O error).</summary>
    Unreadable = 3002,
    /// <summary>PX3003: the content is binary (NUL bytes or a high share of control characters), not text.</summary>
    BinaryContent = 3003,
    /// <summary>PX3004: the input is empty or whitespace only, or an item carries no text.</summary>
    Empty = 3004,
    /// <summary>PX3005: the input (or its decompressed form, or a download) is larger than <see cref="IngestOptions.MaxBytes"/>.</summary>
    TooLarge = 3005,
    /// <summary>PX3006: an RSS or Atom feed is not well-formed XML or is cut short; items before the break are kept.</summary>
    MalformedFeed = 3006,
    /// <summary>PX3007: a JSON Lines line is not a JSON object with the expected fields; other lines are kept.</summary>
    MalformedJsonLine = 3007,
    /// <summary>PX3008: the format is not one Parallax reads (an image, a PDF, XML that is not a feed, a JSON array).</summary>
    UnsupportedFormat = 3008,
    /// <summary>PX3009: a URL was refused before any request: its host resolves to a loopback, link-local or private address.</summary>
    NetworkRefused = 3009,
    /// <summary>PX3010: a download failed: DNS, connection, HTTP status, redirect loop or timeout.</summary>
    NetworkFailed = 3010,
    /// <summary>PX3011: the bytes cannot be decoded in the encoding their byte-order mark declares.</summary>
    Decoding = 3011,
    /// <summary>PX3012: a gzip file failed to decompress.</summary>
    Decompression = 3012,
    /// <summary>PX3013: an e-mail message has no usable headers or no text part.</summary>
    MalformedEmail = 3013,
    /// <summary>PX3014: a metadata sidecar (<c>*.meta.json</c>) is not a JSON object with the expected fields; the article is read without it.</summary>
    MalformedSidecar = 3014,
    /// <summary>PX3015: an input looked like a URL but is not an absolute http or https URL.</summary>
    InvalidUrl = 3015,
}

/// <summary>
/// Stable codes for warnings (PX39xx): the input was read, but something about it deserves a look.
/// </summary>
public enum IngestWarningCode
{
    /// <summary>PX3901: the bytes were not valid UTF-8 and declared no encoding; they were decoded as Windows-1252.</summary>
    NotUtf8 = 3901,
    /// <summary>PX3902: a declared charset (HTML meta, XML declaration, HTTP header, MIME part) is unknown; detection was used instead.</summary>
    UnknownCharset = 3902,
    /// <summary>PX3903: a metadata key (front matter, sidecar, JSON Lines) is not one Parallax knows; it was ignored.</summary>
    UnknownMetadataKey = 3903,
    /// <summary>PX3904: a metadata value could not be used (a date that does not parse, a non-string value); it was ignored.</summary>
    InvalidMetadataValue = 3904,
    /// <summary>PX3905: a JSON Lines record has both <c>text</c> and <c>html</c>; <c>html</c> was used.</summary>
    TextAndHtml = 3905,
}

/// <summary>Formats input codes the way they are printed everywhere ("PX3004").</summary>
public static class InputCodes
{
    /// <summary>The printed form of an error code, e.g. "PX3004".</summary>
    public static string Format(InputErrorCode code) => "PX" + ((int)code).ToString(CultureInfo.InvariantCulture);

    /// <summary>The printed form of a warning code, e.g. "PX3901".</summary>
    public static string Format(IngestWarningCode code) => "PX" + ((int)code).ToString(CultureInfo.InvariantCulture);
}
