using System.Globalization;
using System.Text.Json;
using Parallax.Nlp.Documents;

namespace Parallax.Ingest;

/// <summary>
/// Reads JSON Lines: one JSON object per line, one article per object. A bad line is a failure naming file:line;
/// the other lines are still read. Blank lines are skipped.
/// </summary>
internal static class JsonLinesReader
{
    /// <summary>Record fields are the user's own claims, like front matter.</summary>
    public const double Confidence = 0.95;

    public static IEnumerable<IngestItem> Read(string text, ReadContext context)
    {
        int lineNo = 0;
        int pos = 0;
        while (pos < text.Length)
        {
            int nl = text.IndexOf('\n', pos);
            int end = nl < 0 ? text.Length : nl + 1;
            var line = text[pos..end].Trim();
            pos = end;
            lineNo++;
            if (line.Length == 0) continue;
            yield return ReadLine(line, lineNo, context);
        }
        if (lineNo == 0)
        {
            yield return new IngestFailure(context.SourceId, InputErrorCode.Empty,
                $"{InputCodes.Format(InputErrorCode.Empty)}: {context.SourceId} has no JSON Lines records; put one JSON object per line.");
        }
    }

    private static IngestItem ReadLine(string line, int lineNo, ReadContext context)
    {
        var id = $"{context.SourceId}#{lineNo.ToString(CultureInfo.InvariantCulture)}";
        var where = $"{context.SourceId}:{lineNo.ToString(CultureInfo.InvariantCulture)}";
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            var at = ex.BytePositionInLine is { } p ? $" near column {(p + 1).ToString(CultureInfo.InvariantCulture)}" : "";
            return Bad(id, where, $"is not valid JSON{at}", "Fix the line so it is one complete JSON object; the other lines were read.");
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Bad(id, where, $"is a JSON {doc.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object",
                    "Write one object per line, e.g. {\"title\": \"…\", \"text\": \"…\"}.");
            }
            var record = JsonRecord.Read(doc.RootElement, where, Confidence, allowContent: true);
            var warnings = new List<IngestWarning>(context.Warnings);
            warnings.AddRange(record.Warnings);
            string? body;
            ContentKind kind;
            if (!string.IsNullOrWhiteSpace(record.Html))
            {
                body = record.Html;
                kind = ContentKind.Html;
                if (!string.IsNullOrWhiteSpace(record.Text))
                {
                    warnings.Add(new IngestWarning(IngestWarningCode.TextAndHtml,
                        $"{InputCodes.Format(IngestWarningCode.TextAndHtml)}: {where} has both \"text\" and \"html\"; \"html\" was read and \"text\" ignored. Keep one of them."));
                }
            }
            else
            {
                body = record.Text;
                kind = ContentKind.PlainText;
            }
            if (string.IsNullOrWhiteSpace(body))
            {
                return Bad(id, where, "has no \"text\" or \"html\" field with content",
                    "Add the article body as \"text\" (plain) or \"html\"; the other lines were read.");
            }
            var candidates = new List<MetadataCandidate>(context.SidecarMetadata);
            candidates.AddRange(record.Candidates);
            return new IngestedSource(new DocumentSource(id, kind, body, [.. candidates], context.EncodingName), [.. warnings])
            {
                ExternalId = record.Id,
            };
        }
    }

    private static IngestFailure Bad(string id, string where, string what, string advice) =>
        new(id, InputErrorCode.MalformedJsonLine,
            $"{InputCodes.Format(InputErrorCode.MalformedJsonLine)}: {where} {what}. {advice}");
}
