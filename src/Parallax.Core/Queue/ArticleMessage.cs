using System.Collections.Immutable;
using System.Text.Json;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Serialization;

namespace Parallax.Core.Queue;

/// <summary>
/// The body of a queued article: the ingested <see cref="DocumentSource"/> as UTF-8 JSON with its content hash, so
/// any worker can analyse it exactly as <c>parallax ingest</c> would have.
/// </summary>
/// <remarks>
/// Format (<see cref="Format"/>): <c>{"format":"parallax.article/1","contentHash":…,"sourceId":…,"kind":"PlainText"|"Html",
/// "encoding":…,"raw":…,"metadata":[…]}</c>; metadata candidates are written as the store writes them. Thread-safe.
/// </remarks>
public static class ArticleMessage
{
    /// <summary>The format tag written into every message; a reader refuses other tags.</summary>
    public const string Format = "parallax.article/1";

    /// <summary>The AMQP content type of the body.</summary>
    public const string ContentType = "application/json";

    /// <summary>Serialises a source (deterministic: the same source gives the same bytes).</summary>
    public static byte[] Serialize(DocumentSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("contentHash", source.ContentHash);
            w.WriteString("sourceId", source.SourceId);
            w.WriteString("kind", source.Kind.ToString());
            w.WriteString("encoding", source.Encoding);
            w.WriteString("raw", source.Raw);
            w.WritePropertyName("metadata");
            JsonSerializer.Serialize(w, source.Metadata.IsDefault ? [] : source.Metadata, DocumentJson.Options);
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>Reads a message body back into the source it was made from.</summary>
    /// <exception cref="ArticleMessageException">
    /// PX3701 when the body is not a message of this format; PX3702 when the raw text does not match the content hash
    /// it was sent with (the message was altered or damaged).
    /// </exception>
    public static DocumentSource Deserialize(ReadOnlySpan<byte> body)
    {
        string hash;
        DocumentSource source;
        try
        {
            var reader = new Utf8JsonReader(body);
            using var json = JsonDocument.ParseValue(ref reader);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new ArticleMessageException(3701, "the message body is not a JSON object.");
            var format = Text(root, "format");
            if (!string.Equals(format, Format, StringComparison.Ordinal))
                throw new ArticleMessageException(3701, $"the message format is '{format}', not '{Format}'; publish it with a matching 'parallax ingest --queue'.");
            hash = Text(root, "contentHash");
            if (!Enum.TryParse<ContentKind>(Text(root, "kind"), ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
                throw new ArticleMessageException(3701, $"the message's kind '{Text(root, "kind")}' is not one of {string.Join(", ", Enum.GetNames<ContentKind>())}.");
            var metadata = root.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Array
                ? m.Deserialize<ImmutableArray<MetadataCandidate>>(DocumentJson.Options)
                : [];
            source = new DocumentSource(Text(root, "sourceId"), kind, Text(root, "raw"), metadata, Text(root, "encoding"));
        }
        catch (JsonException ex)
        {
            throw new ArticleMessageException(3701, $"the message body is not valid JSON: {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            throw new ArticleMessageException(3701, $"the message has an invalid field: {ex.Message}", ex);
        }
        if (!string.Equals(hash, source.ContentHash, StringComparison.Ordinal))
            throw new ArticleMessageException(3702, $"message for {source.SourceId}: its raw text hashes to {source.ContentHash}, not to the content hash {hash} it was sent with.");
        return source;
    }

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw new ArticleMessageException(3701, $"the message has no string field '{name}'.");
}

/// <summary>A queued message that can never be processed (PX37xx); the worker dead-letters it with this message.</summary>
public sealed class ArticleMessageException : Exception
{
    /// <summary>Creates the exception; <paramref name="code"/> is the number after "PX".</summary>
    public ArticleMessageException(int code, string message, Exception? inner = null)
        : base($"PX{code}: {message}", inner) => Code = code;

    /// <summary>The stable code (3701: unreadable message, 3702: content hash mismatch).</summary>
    public int Code { get; }
}
