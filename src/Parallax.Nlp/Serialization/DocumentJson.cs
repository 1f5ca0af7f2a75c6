using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Parallax.Nlp.Documents;
using Parallax.Text;

namespace Parallax.Nlp.Serialization;

/// <summary>
/// JSON for document layers, shared by the store (which keeps each layer as JSON) and the exports.
/// Every layer key that may be stored must be registered once with <see cref="Register{T}"/>; the well-known
/// <see cref="Layers"/> are registered on first use. Stages in other assemblies register their keys in a static
/// constructor or at composition time.
/// </summary>
/// <remarks>Thread-safe. Output is deterministic: property order is declaration order, no indentation unless asked.</remarks>
public static class DocumentJson
{
    private static readonly ConcurrentDictionary<string, AnnotationKey> Keys = new(StringComparer.Ordinal);

    /// <summary>The serializer options used for every layer: camelCase names, enums as strings, spans as [start, end].</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions(false);

    /// <summary>The same options with indentation, for human-facing exports.</summary>
    public static JsonSerializerOptions IndentedOptions { get; } = CreateOptions(true);

    static DocumentJson()
    {
        Register(Layers.Clean);
        Register(Layers.TextMetadata);
        Register(Layers.Language);
        Register(Layers.LanguageSpans);
    }

    /// <summary>Makes a layer key known by name so stored JSON can be read back into it. Re-registering the same key is a no-op;
    /// a different key under an existing name throws <see cref="InvalidOperationException"/>.</summary>
    public static void Register<T>(AnnotationKey<T> key) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(key);
        var existing = Keys.GetOrAdd(key.Name, key);
        if (!ReferenceEquals(existing, key))
            throw new InvalidOperationException($"PX1007: two layer keys are named '{key.Name}'; layer names must be unique.");
    }

    /// <summary>The registered key of that name, or null.</summary>
    public static AnnotationKey? Find(string name) => Keys.GetValueOrDefault(name);

    /// <summary>Serialises one layer value of a document.</summary>
    public static string SerializeLayer(AnnotationKey key, object value)
    {
        ArgumentNullException.ThrowIfNull(key);
        return JsonSerializer.Serialize(value, key.ValueType, Options);
    }

    /// <summary>Writes a layer value into a JSON writer (for exports).</summary>
    public static void WriteLayer(Utf8JsonWriter writer, AnnotationKey key, object value, JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        JsonSerializer.Serialize(writer, value, key.ValueType, options ?? Options);
    }

    /// <summary>
    /// Rebuilds a document from its source and stored layers, in the given order. Layers whose name is not registered
    /// are skipped (a newer version's layer read by an older build) and reported in <paramref name="skipped"/>.
    /// </summary>
    public static Document Rehydrate(DocumentSource source, IEnumerable<KeyValuePair<string, string>> layers, ICollection<string>? skipped = null)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var doc = new Document(source);
        foreach (var (name, json) in layers)
        {
            var key = Find(name);
            if (key is null)
            {
                skipped?.Add(name);
                continue;
            }
            var value = JsonSerializer.Deserialize(json, key.ValueType, Options)
                ?? throw new JsonException($"Layer '{name}' of document {source.ContentHash} is null.");
            SetUntyped(doc, key, value);
        }
        return doc;
    }

    private static void SetUntyped(Document doc, AnnotationKey key, object value)
    {
        var method = typeof(Document).GetMethod(nameof(Document.Set))!.MakeGenericMethod(key.ValueType);
        method.Invoke(doc, [key, value]);
    }

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        o.Converters.Add(new TextSpanConverter());
        o.Converters.Add(new OffsetMapConverter());
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    /// <summary>A span as a two-element array [start, end].</summary>
    private sealed class TextSpanConverter : JsonConverter<TextSpan>
    {
        public override TextSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("A span is an array [start, end].");
            reader.Read();
            int start = reader.GetInt32();
            reader.Read();
            int end = reader.GetInt32();
            reader.Read();
            if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("A span has exactly two numbers.");
            return new TextSpan(start, end);
        }

        public override void Write(Utf8JsonWriter writer, TextSpan value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(value.Start);
            writer.WriteNumberValue(value.End);
            writer.WriteEndArray();
        }
    }

    /// <summary>An offset map as {cleanLength, rawLength, segments: [[cleanStart, rawStart, length, rawLength], …]}.</summary>
    private sealed class OffsetMapConverter : JsonConverter<OffsetMap>
    {
        public override OffsetMap Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var json = JsonDocument.ParseValue(ref reader);
            var root = json.RootElement;
            int cleanLength = root.GetProperty("cleanLength").GetInt32();
            var builder = new OffsetMap.Builder(root.GetProperty("rawLength").GetInt32());
            foreach (var s in root.GetProperty("segments").EnumerateArray())
                builder.Add(s[0].GetInt32(), s[1].GetInt32(), s[2].GetInt32(), s[3].GetInt32());
            return builder.Build(cleanLength);
        }

        public override void Write(Utf8JsonWriter writer, OffsetMap value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteNumber("cleanLength", value.CleanLength);
            writer.WriteNumber("rawLength", value.RawLength);
            writer.WriteStartArray("segments");
            foreach (var s in value.Segments)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(s.CleanStart);
                writer.WriteNumberValue(s.RawStart);
                writer.WriteNumberValue(s.Length);
                writer.WriteNumberValue(s.RawLength);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }
}
