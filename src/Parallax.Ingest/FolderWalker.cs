namespace Parallax.Ingest;

/// <summary>A file found under a folder input, or a folder that could not be listed.</summary>
/// <param name="FullPath">The file's path on disk.</param>
/// <param name="Id">Its path relative to the folder input, with '/' separators.</param>
/// <param name="Failure">Set when the entry is a folder that could not be listed.</param>
internal sealed record FolderEntry(string FullPath, string Id, IngestFailure? Failure = null);

/// <summary>
/// Walks a folder depth-first, each folder's entries in ordinal order of their names, so the order is the same on
/// every machine and file system. Hidden entries (a leading dot or the hidden attribute), sidecars
/// (<c>*.meta.json</c>) and symbolic links to folders (which can loop) are skipped. Only one folder's listing is
/// held at a time per level.
/// </summary>
internal static class FolderWalker
{
    public const string SidecarSuffix = ".meta.json";

    public static IEnumerable<FolderEntry> Walk(string root) => Walk(root, "");

    private static IEnumerable<FolderEntry> Walk(string dir, string prefix)
    {
        string[] names;
        IngestFailure? failure = null;
        try
        {
            names = [.. Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).OfType<string>()];
            Array.Sort(names, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            names = [];
            var id = prefix.Length == 0 ? dir : prefix.TrimEnd('/');
            failure = ContentReader.Fail(id, InputErrorCode.Unreadable,
                $"the folder {id} could not be listed ({ex.Message.TrimEnd('.')}); check its permissions.");
        }
        if (failure is not null) yield return new FolderEntry(dir, failure.SourceId, failure);

        foreach (var name in names)
        {
            if (name.StartsWith('.')) continue;
            var full = Path.Combine(dir, name);
            FileSystemInfo info = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full);
            if (info.Attributes.HasFlag(FileAttributes.Hidden)) continue;
            if (info is DirectoryInfo d)
            {
                if (d.LinkTarget is not null) continue;
                foreach (var entry in Walk(full, prefix + name + "/")) yield return entry;
                continue;
            }
            if (IsSidecar(name)) continue;
            yield return new FolderEntry(full, prefix + name);
        }
    }

    /// <summary>True for metadata sidecars, which are read with their article, never as articles.</summary>
    public static bool IsSidecar(string name) => name.EndsWith(SidecarSuffix, StringComparison.OrdinalIgnoreCase);
}
