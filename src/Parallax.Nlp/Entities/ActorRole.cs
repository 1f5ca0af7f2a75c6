namespace Parallax.Nlp.Entities;

/// <summary>
/// An office an actor held: <paramref name="Office"/> is a code from the office lexicon (offices.tsv, such as
/// "DefenceMinister"), <paramref name="OfId"/> the id of the country or organisation the office belongs to,
/// <paramref name="Title"/> the local wording ("Secretary of Defense"). Dates are inclusive; a null
/// <paramref name="From"/> means "not known", a null <paramref name="To"/> means "still held or not known to have ended".
/// </summary>
public sealed record ActorRole(string Office, string OfId, string Title, DateOnly? From, DateOnly? To)
{
    /// <summary>True when the office was held on <paramref name="day"/>; an unknown start counts as "before any date".</summary>
    public bool IsHeldOn(DateOnly day) => (From is null || From.Value <= day) && (To is null || day <= To.Value);
}
