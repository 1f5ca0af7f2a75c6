using Parallax.Text;

namespace Parallax.Nlp.Time;

/// <summary>The TimeML TIMEX3 type of a temporal expression.</summary>
public enum TimexType
{
    /// <summary>A calendar date or period: a day, week, month, quarter, season, year, decade, or a vague PAST_REF/PRESENT_REF/FUTURE_REF.</summary>
    Date,
    /// <summary>A time of day or a part of a day (value such as 2018-06-13T22:00 or 2018-06-13TEV).</summary>
    Time,
    /// <summary>A length of time (value such as P5Y or PT1H30M).</summary>
    Duration,
    /// <summary>A recurrence (value such as P1W for "every week").</summary>
    Set,
}

/// <summary>What the expression dates, relative to the article.</summary>
public enum TimexRole
{
    /// <summary>When something happened (past or present, not a statement's own date).</summary>
    Happened,
    /// <summary>When something was said or reported ("said on Monday").</summary>
    Reported,
    /// <summary>A planned, announced or claimed future time ("will begin within weeks", "the summit on July 16").</summary>
    ClaimedOrPlanned,
}

/// <summary>
/// One temporal expression (a TimeML TIMEX3) found in a text and its normalised value.
/// </summary>
/// <param name="Id">Identifier within the document ("t1", "t2", … in text order), used by <see cref="AnchorTimexId"/>.</param>
/// <param name="Span">Where the expression is: UTF-16 code units into the text given to the tagger (the clean text).</param>
/// <param name="Type">The TIMEX3 type.</param>
/// <param name="Value">The TimeML value: 2018-05-28, 2017-11, 2018-W24, 2018-Q3, 199 (a decade), P1Y, PT1H30M, PRESENT_REF,
/// PAST_REF, FUTURE_REF; unknown parts are X (XXXX-06-12 when the year cannot be resolved).</param>
/// <param name="Modifier">The TimeML mod (START, MID, END, APPROX, LESS_THAN, MORE_THAN, EQUAL_OR_LESS, EQUAL_OR_MORE), or null.
/// "late on Wednesday" keeps the day as the value and the lateness as END.</param>
/// <param name="AnchorTimexId">The <see cref="Id"/> of the expression this one was computed from ("two days later"), or null
/// when it was computed from the document's anchor or needs none.</param>
/// <param name="Role">Happened, reported, or claimed/planned.</param>
/// <param name="Resolution">A short human explanation of how the value was computed.</param>
/// <param name="Confidence">How sure the value is, in [0, 1].</param>
public sealed record Timex(
    string Id,
    TextSpan Span,
    TimexType Type,
    string Value,
    string? Modifier,
    string? AnchorTimexId,
    TimexRole Role,
    string Resolution,
    double Confidence);

/// <summary>
/// A range between two expressions ("between June 12 and 15", "from May to July", "June 12-15"): in TimeML a
/// non-consuming DURATION TIMEX3 whose beginPoint and endPoint are the two expressions.
/// </summary>
/// <param name="Id">Identifier within the document ("r1", "r2", … in text order).</param>
/// <param name="BeginId">The <see cref="Timex.Id"/> of the start.</param>
/// <param name="EndId">The <see cref="Timex.Id"/> of the end (inclusive).</param>
/// <param name="Span">From the range's first word ("between", "from", or the start) to the end expression's end: UTF-16
/// code units into the same text as the expressions.</param>
/// <param name="Duration">Its length counted inclusively at the ends' granularity (June 12–15: P4D; May–July: P3M;
/// 2011–2015: P5Y).</param>
public sealed record TimexRange(string Id, string BeginId, string EndId, TextSpan Span, string Duration);
