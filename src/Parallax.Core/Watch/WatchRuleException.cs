namespace Parallax.Core.Watch;

/// <summary>Stable error codes of zones and watch rules (PX5xxx).</summary>
public enum WatchErrorCode
{
    /// <summary>PX5001: a line is neither a comment, a section header nor <c>key = value</c>.</summary>
    Syntax = 5001,
    /// <summary>PX5002: a key that the section type does not know.</summary>
    UnknownKey = 5002,
    /// <summary>PX5003: a value that cannot be read (a distance, a date, a modality, an event type).</summary>
    BadValue = 5003,
    /// <summary>PX5004: a rule names a zone that no loaded file defines.</summary>
    UnknownZone = 5004,
    /// <summary>PX5005: a zone's GeoJSON file is not valid GeoJSON or holds no usable geometry.</summary>
    BadGeoJson = 5005,
    /// <summary>PX5006: two zones or two rules share an id.</summary>
    DuplicateId = 5006,
    /// <summary>PX5007: a rule or zone file cannot be read.</summary>
    FileNotFound = 5007,
    /// <summary>PX5008: an actor or affiliation that the actor knowledge base does not know.</summary>
    UnknownActor = 5008,
    /// <summary>PX5009: a required key is missing (a zone without a file, a rule without any condition).</summary>
    MissingKey = 5009,
}

/// <summary>An error in a rule or zone file, with a stable PX5xxx code and the file and line it concerns.</summary>
public sealed class WatchRuleException : Exception
{
    /// <summary>Creates the exception; the message reads "PX5001: rules/golan.rules:12: …".</summary>
    public WatchRuleException(WatchErrorCode code, string file, int line, string message, Exception? inner = null)
        : base(Format(code, file, line, message), inner)
    {
        Code = code;
        File = file;
        Line = line;
    }

    /// <summary>The stable code.</summary>
    public WatchErrorCode Code { get; }

    /// <summary>The file the problem is in, as it was given.</summary>
    public string File { get; }

    /// <summary>The 1-based line, or 0 when the problem concerns the whole file.</summary>
    public int Line { get; }

    private static string Format(WatchErrorCode code, string file, int line, string message) =>
        line > 0
            ? $"PX{(int)code}: {file}:{line.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {message}"
            : $"PX{(int)code}: {file}: {message}";
}
