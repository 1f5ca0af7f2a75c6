namespace Parallax.Nlp.Quotes;

/// <summary>Stable codes for errors in the shipped lexicon files (PX35xx). The numbers never change meaning.</summary>
public enum LexiconErrorCode
{
    /// <summary>PX3501: a line has the wrong number of cells or a cell that does not parse.</summary>
    BadLine = 3501,
    /// <summary>PX3502: a kind or use cell names a value the reader does not know.</summary>
    UnknownKind = 3502,
    /// <summary>PX3503: an embedded lexicon resource is missing from the assembly.</summary>
    MissingResource = 3503,
}

/// <summary>An error in a lexicon file (data/lexicons), with a stable code ("PX3501"), the file and line, and what to change.</summary>
public sealed class LexiconException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LexiconException(LexiconErrorCode code, string message, Exception? inner = null)
        : base($"PX{(int)code}: {message}", inner) => Code = code;

    /// <summary>The stable error code.</summary>
    public LexiconErrorCode Code { get; }
}
