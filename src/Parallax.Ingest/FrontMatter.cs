using Parallax.Nlp.Documents;

namespace Parallax.Ingest;

/// <summary>
/// The optional metadata block at the top of a .txt or .md file: a line "---", lines "key: value", a closing
/// "---" (or "..."). Only a block of that exact shape counts, so an article that merely starts with a rule
/// line keeps its text.
/// </summary>
internal static class FrontMatter
{
    private const int MaxLines = 100;

    /// <summary>Confidence of front-matter values; below sidecars (1.0) so a sidecar wins a tie.</summary>
    public const double Confidence = 0.95;

    /// <summary>Splits off the block, returning the text after it and adding its candidates and warnings.</summary>
    public static string Strip(string text, string sourceId, List<MetadataCandidate> candidates, List<IngestWarning> warnings)
    {
        var lines = new List<(string Line, int End)>();
        int pos = 0;
        while (pos < text.Length && lines.Count <= MaxLines + 1)
        {
            int nl = text.IndexOf('\n', pos);
            int end = nl < 0 ? text.Length : nl + 1;
            lines.Add((text[pos..end].TrimEnd('\n', '\r'), end));
            pos = end;
        }
        if (lines.Count < 2 || !IsFence(lines[0].Line, opening: true)) return text;

        var pairs = new List<(string Key, string Value, int LineNo)>();
        for (int i = 1; i < lines.Count && i <= MaxLines; i++)
        {
            var line = lines[i].Line;
            if (IsFence(line, opening: false))
            {
                foreach (var (key, value, lineNo) in pairs)
                {
                    var where = $"{sourceId}:{lineNo.ToString(System.Globalization.CultureInfo.InvariantCulture)} (front matter)";
                    if (MetadataValues.FieldOf(key) is { } field)
                        MetadataValues.Add(field, value, MetadataSource.User, Confidence, where, candidates, warnings, $"{key}: {value}");
                    else
                        warnings.Add(MetadataValues.UnknownKey(key, where));
                }
                return text[lines[i].End..];
            }
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line[0] is ' ' or '\t') return text;
            var k = line[..colon].Trim();
            if (k.Length == 0 || k.Any(char.IsWhiteSpace)) return text;
            pairs.Add((k, Unquote(line[(colon + 1)..].Trim()), i + 1));
        }
        return text;
    }

    private static bool IsFence(string line, bool opening)
    {
        var t = line.TrimEnd();
        return t == "---" || (!opening && t == "...");
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && ((value[0] == '"' && value[^1] == '"') || (value[0] == '\'' && value[^1] == '\'')))
            return value[1..^1];
        if (value.Length >= 2 && value[0] == '[' && value[^1] == ']')
            return string.Join(", ", value[1..^1].Split(',').Select(s => Unquote(s.Trim())));
        return value;
    }
}
