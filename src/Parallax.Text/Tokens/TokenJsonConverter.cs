using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parallax.Text.Tokens;

/// <summary>
/// Writes a token as <c>[start, end, kind]</c> or <c>[start, end, kind, flags]</c>: a stored article holds
/// thousands of tokens, and named properties would triple the size.
/// </summary>
internal sealed class TokenJsonConverter : JsonConverter<Token>
{
    public override Token Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException("A token is an array [start, end, kind] or [start, end, kind, flags].");
        int start = ReadInt(ref reader);
        int end = ReadInt(ref reader);
        int kind = ReadInt(ref reader);
        int flags = 0;
        if (!reader.Read()) throw new JsonException("A token array ends early.");
        if (reader.TokenType == JsonTokenType.Number)
        {
            flags = reader.GetInt32();
            if (!reader.Read()) throw new JsonException("A token array ends early.");
        }
        if (reader.TokenType != JsonTokenType.EndArray)
            throw new JsonException("A token has three or four numbers.");
        if (start < 0 || end < start || kind is < 0 or > byte.MaxValue || flags is < 0 or > byte.MaxValue)
            throw new JsonException($"A token [{start}, {end}, {kind}, {flags}] is out of range.");
        return new Token(start, end, (TokenKind)kind, (TokenFlags)flags);
    }

    public override void Write(Utf8JsonWriter writer, Token value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Start);
        writer.WriteNumberValue(value.End);
        writer.WriteNumberValue((int)value.Kind);
        if (value.Flags != TokenFlags.None) writer.WriteNumberValue((int)value.Flags);
        writer.WriteEndArray();
    }

    private static int ReadInt(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.Number)
            throw new JsonException("A token is an array of numbers [start, end, kind, flags?].");
        return reader.GetInt32();
    }
}
