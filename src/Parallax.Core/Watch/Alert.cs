using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Parallax.Text;

namespace Parallax.Core.Watch;

/// <summary>
/// A watch rule matched an event of a stored article. The evidence is kept with it so that the alert can be read
/// without re-running the pipeline: the sentence, the place and its distance to the zone, and the conditions met.
/// </summary>
/// <param name="Id">Stable key: a hash of rule id, article id and event id. Storing the same alert twice keeps one.</param>
/// <param name="RuleId">The rule that matched.</param>
/// <param name="RuleTitle">The rule's title when it matched.</param>
/// <param name="ArticleId">The article (content hash).</param>
/// <param name="EventId">The event's id within the article ("e3").</param>
/// <param name="PloverType">The event's PLOVER type.</param>
/// <param name="Predicate">The event's trigger lemma.</param>
/// <param name="Sentence">The sentence span in the article's clean text.</param>
/// <param name="SentenceText">That sentence's text.</param>
/// <param name="PlaceName">The event's place as written, or null.</param>
/// <param name="Latitude">The place's latitude, or null.</param>
/// <param name="Longitude">The place's longitude, or null.</param>
/// <param name="ZoneId">The zone of the first spatial condition met, or null when the rule has none.</param>
/// <param name="DistanceKm">The place's great-circle distance to that zone's shape (0 inside), or null.</param>
/// <param name="SourceActorId">The acting participant's actor id, or null.</param>
/// <param name="TargetActorId">The target participant's actor id, or null.</param>
/// <param name="EventDate">The event's date value used for the date range (TimeML), or null.</param>
/// <param name="Matched">One line per condition met, in rule order ("inside golan-line-20km: 6.2 km from the shape").</param>
/// <param name="RaisedAt">When the alert was raised (UTC).</param>
public sealed record Alert(
    string Id,
    string RuleId,
    string RuleTitle,
    string ArticleId,
    string EventId,
    string PloverType,
    string Predicate,
    TextSpan Sentence,
    string SentenceText,
    string? PlaceName,
    double? Latitude,
    double? Longitude,
    string? ZoneId,
    double? DistanceKm,
    string? SourceActorId,
    string? TargetActorId,
    string? EventDate,
    ImmutableArray<string> Matched,
    DateTimeOffset RaisedAt)
{
    /// <summary>The stable alert key for a rule, an article and an event: 24 hex digits of SHA-256.</summary>
    public static string KeyOf(string ruleId, string articleId, string eventId)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        ArgumentNullException.ThrowIfNull(articleId);
        ArgumentNullException.ThrowIfNull(eventId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(ruleId + "\n" + articleId + "\n" + eventId));
        return Convert.ToHexStringLower(hash)[..24];
    }
}

/// <summary>Filters for listing alerts; null members filter nothing.</summary>
/// <param name="RuleId">Only this rule's alerts.</param>
/// <param name="ArticleId">Only alerts on this article (full id).</param>
/// <param name="Limit">At most this many, oldest first.</param>
public sealed record AlertQuery(string? RuleId = null, string? ArticleId = null, int Limit = int.MaxValue);
