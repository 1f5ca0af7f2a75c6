namespace Parallax.Nlp.Entities;

/// <summary>Stable codes for errors in actor data files (PX34xx). The numbers never change meaning.</summary>
public enum ActorDataErrorCode
{
    /// <summary>PX3401: the file has no header line, or the header names an unknown column.</summary>
    BadHeader = 3401,
    /// <summary>PX3402: a line has more cells than the header.</summary>
    BadCellCount = 3402,
    /// <summary>PX3403: a required cell (id, type, name; actor, office, of) is empty.</summary>
    MissingValue = 3403,
    /// <summary>PX3404: the type cell names no <see cref="ActorType"/>.</summary>
    UnknownType = 3404,
    /// <summary>PX3405: a date is not yyyy, yyyy-MM or yyyy-MM-dd, or a range ends before it starts.</summary>
    BadDate = 3405,
    /// <summary>PX3406: a Wikidata id does not match ^Q\d+$.</summary>
    BadWikidataId = 3406,
    /// <summary>PX3407: the same id appears twice in the shipped data (user files may repeat ids to override).</summary>
    DuplicateId = 3407,
    /// <summary>PX3408: a role, parent or affiliation names an actor or office that does not exist.</summary>
    UnknownReference = 3408,
    /// <summary>PX3409: an extra file could not be read.</summary>
    FileUnreadable = 3409,
}

/// <summary>An error in an actor data file, with a stable code ("PX3401"), the file and line, and what to change.</summary>
public sealed class ActorDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActorDataException(ActorDataErrorCode code, string message, Exception? inner = null)
        : base($"PX{(int)code}: {message}", inner) => Code = code;

    /// <summary>The stable error code.</summary>
    public ActorDataErrorCode Code { get; }
}
