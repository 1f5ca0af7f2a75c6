using System.Collections.Immutable;
using System.Text.Json;
using Parallax.Nlp.Documents;

namespace Parallax.Ingest;

/// <summary>
/// Metadata written beside a file: <c>foo.txt.meta.json</c>, else <c>foo.meta.json</c> (for <c>foo.html.gz</c> also
/// <c>foo.html.meta.json</c>). Same fields as a JSON Lines record, without text/html. Its values are the user's
/// own and are preferred over anything else (source User, confidence 1.0, placed first).
/// </summary>
internal static class Sidecar
{
    public const double Confidence = 1.0;

    /// <summary>The loaded sidecar (empty when there is none) and a failure when one exists but cannot be used.</summary>
    public static (ImmutableArray<MetadataCandidate> Candidates, ImmutableArray<IngestWarning> Warnings, string? ExternalId, IngestFailure? Failure)
        Load(string filePath, string fileId, long maxBytes)
    {
        var path = Find(filePath);
        if (path is null) return ([], [], null, null);
        var dirPart = fileId.LastIndexOf('/') is var slash and >= 0 ? fileId[..(slash + 1)] : "";
        var id = dirPart + Path.GetFileName(path);
        try
        {
            var info = new FileInfo(path);
            if (info.Length > maxBytes)
                return ([], [], null, ContentReader.Fail(id, InputErrorCode.MalformedSidecar,
                    $"the sidecar {id} is larger than the {Limits.Describe(maxBytes)} limit; {fileId} was read without it. Keep sidecars to the metadata fields."));
            var bytes = File.ReadAllBytes(path);
            var decoded = TextDecoder.Decode(bytes, null, lookInside: false, id);
            using var doc = JsonDocument.Parse(decoded.Text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return ([], [], null, Bad(id, fileId, $"is a JSON {doc.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object"));
            var record = JsonRecord.Read(doc.RootElement, id, Confidence, allowContent: false);
            var warnings = decoded.Warning is { } w ? record.Warnings.Prepend(w) : record.Warnings;
            return ([.. record.Candidates], [.. warnings], record.Id, null);
        }
        catch (JsonException ex)
        {
            var at = ex.LineNumber is { } l ? $" at line {(l + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "";
            return ([], [], null, Bad(id, fileId, $"is not valid JSON{at}"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ([], [], null, ContentReader.Fail(id, InputErrorCode.Unreadable,
                $"the sidecar {id} could not be read ({ex.Message.TrimEnd('.')}); {fileId} was read without it. Check its permissions."));
        }
    }

    private static IngestFailure Bad(string id, string fileId, string what) =>
        ContentReader.Fail(id, InputErrorCode.MalformedSidecar,
            $"the sidecar {id} {what}; {fileId} was read without it. Write one JSON object with title, outlet, author, url, published, language.");

    private static string? Find(string filePath)
    {
        var dir = Path.GetDirectoryName(filePath) ?? "";
        var name = Path.GetFileName(filePath);
        var candidate = name;
        for (int i = 0; i < 3; i++)
        {
            var path = Path.Combine(dir, candidate + FolderWalker.SidecarSuffix);
            if (File.Exists(path)) return path;
            var stripped = Path.GetFileNameWithoutExtension(candidate);
            if (stripped.Length == 0 || stripped == candidate) break;
            candidate = stripped;
        }
        return null;
    }
}
