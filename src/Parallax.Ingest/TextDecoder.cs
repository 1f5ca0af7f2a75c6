using System.Text;
using System.Text.RegularExpressions;

namespace Parallax.Ingest;

/// <summary>The outcome of decoding bytes: the text, the encoding's name, and a warning when one is due.</summary>
internal readonly record struct Decoded(string Text, string EncodingName, IngestWarning? Warning);

/// <summary>What a byte sniff found before decoding.</summary>
internal enum ByteVerdict
{
    Text,
    Binary,
}

/// <summary>
/// Turns bytes into text. Order: byte-order mark, then a declared charset (HTTP header, MIME part, HTML meta,
/// XML declaration), then strict UTF-8, then Windows-1252 with a warning. Windows-1252 is the fallback because
/// it maps every byte, so nothing is lost, and it is what mislabelled Western pages almost always are.
/// </summary>
internal static partial class TextDecoder
{
    private static readonly UTF8Encoding _strictUtf8 = new(false, true);

    /// <summary>Windows-1252; reading it registers the code-pages provider, which .NET leaves out by default.</summary>
    public static Encoding Windows1252 { get; } = RegisterCodePages();

    private static Encoding RegisterCodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    /// <summary>
    /// Binary when the bytes hold NUL or more than 10% control characters other than tab, line feed, form feed
    /// and carriage return. Text encoded as UTF-16/32 (which has NULs) must be recognised by its BOM first.
    /// </summary>
    public static ByteVerdict Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return ByteVerdict.Text;
        var sample = bytes.Length > 65536 ? bytes[..65536] : bytes;
        int control = 0;
        foreach (var b in sample)
        {
            if (b == 0) return ByteVerdict.Binary;
            if ((b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D or 0x1B)) || b == 0x7F) control++;
        }
        return control * 10 > sample.Length ? ByteVerdict.Binary : ByteVerdict.Text;
    }

    /// <summary>The BOM's encoding and length, or null when there is none.</summary>
    public static (Encoding Encoding, string Name, int Length)? DetectBom(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
            return (new UTF32Encoding(false, false, true), "utf-32le", 4);
        if (b.Length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)
            return (new UTF32Encoding(true, false, true), "utf-32be", 4);
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
            return (_strictUtf8, "utf-8", 3);
        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE)
            return (new UnicodeEncoding(false, false, true), "utf-16le", 2);
        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF)
            return (new UnicodeEncoding(true, false, true), "utf-16be", 2);
        return null;
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/>. <paramref name="declared"/> is a charset from outside the bytes
    /// (HTTP header, MIME part); when null and <paramref name="lookInside"/> is set, the HTML meta charset or XML
    /// declaration in the first 4 KB is used. Throws <see cref="DecoderFallbackException"/> when a BOM's
    /// encoding does not fit the bytes.
    /// </summary>
    public static Decoded Decode(ReadOnlySpan<byte> bytes, string? declared, bool lookInside, string sourceId)
    {
        if (DetectBom(bytes) is { } bom)
            return new Decoded(bom.Encoding.GetString(bytes[bom.Length..]), bom.Name, null);

        IngestWarning? warning = null;
        var charset = declared;
        bool fromInside = false;
        if (charset is null && lookInside)
        {
            charset = FindDeclaredCharset(bytes);
            fromInside = charset is not null;
        }
        if (charset is not null)
        {
            var enc = Resolve(charset);
            // Bytes that could be read as ASCII to find the declaration are not UTF-16/32, whatever it says
            // (browsers treat such a meta charset as UTF-8 for the same reason).
            if (fromInside && enc is not null && enc.CodePage is 1200 or 1201 or 12000 or 12001) enc = _strictUtf8;
            if (enc is null)
            {
                warning = new IngestWarning(IngestWarningCode.UnknownCharset,
                    $"{InputCodes.Format(IngestWarningCode.UnknownCharset)}: {sourceId} declares charset '{charset}', which is not supported; the encoding was detected from the bytes instead.");
            }
            else if (enc.CodePage != Encoding.UTF8.CodePage)
            {
                return new Decoded(enc.GetString(bytes), NameOf(enc), null);
            }
        }

        try
        {
            return new Decoded(_strictUtf8.GetString(bytes), "utf-8", warning);
        }
        catch (DecoderFallbackException ex)
        {
            var where = ex.Index >= 0 ? $" (first bad byte near offset {ex.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)})" : "";
            return new Decoded(Windows1252.GetString(bytes), "windows-1252",
                new IngestWarning(IngestWarningCode.NotUtf8,
                    $"{InputCodes.Format(IngestWarningCode.NotUtf8)}: {sourceId} is not valid UTF-8{where}; it was decoded as Windows-1252. Save it as UTF-8 or declare its charset if characters look wrong."));
        }
    }

    /// <summary>An encoding for a charset label, or null when unknown. ISO-8859-1 and ASCII map to Windows-1252, as browsers do.</summary>
    public static Encoding? Resolve(string label)
    {
        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        if (name.Length == 0) return null;
        if (name is "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "iso8859-1" or "l1" or "cp1252")
            return Windows1252;
        if (name is "utf8") return _strictUtf8;
        try
        {
            var enc = Encoding.GetEncoding(name);
            return enc.CodePage == Encoding.UTF8.CodePage ? _strictUtf8 : enc;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Stable lower-case names for the encodings reported in <c>DocumentSource.Encoding</c>.</summary>
    public static string NameOf(Encoding enc) => enc.CodePage switch
    {
        65001 => "utf-8",
        1200 => "utf-16le",
        1201 => "utf-16be",
        12000 => "utf-32le",
        12001 => "utf-32be",
        _ => enc.WebName.ToLowerInvariant(),
    };

    /// <summary>The charset declared by an HTML meta tag or XML declaration in the first 4 KB, read as ASCII.</summary>
    public static string? FindDeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes.Length > 4096 ? bytes[..4096] : bytes);
        var xml = XmlDeclaration().Match(head);
        if (xml.Success) return xml.Groups["cs"].Value;
        var meta = MetaCharset().Match(head);
        if (meta.Success) return meta.Groups["cs"].Value;
        var equiv = MetaHttpEquiv().Match(head);
        return equiv.Success ? equiv.Groups["cs"].Value : null;
    }

    [GeneratedRegex("""^\s*<\?xml[^>]*?encoding\s*=\s*["'](?<cs>[A-Za-z0-9._:-]+)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex("""<meta[^>]*?\bcharset\s*=\s*["']?(?<cs>[A-Za-z0-9._:-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();

    [GeneratedRegex("""<meta[^>]*?content\s*=\s*["'][^"']*?charset\s*=\s*(?<cs>[A-Za-z0-9._:-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaHttpEquiv();
}
