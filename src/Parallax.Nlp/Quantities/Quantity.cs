using System.Collections.Immutable;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Serialization;
using Parallax.Text;

namespace Parallax.Nlp.Quantities;

/// <summary>How a quantity's number is bounded. The names are what stored JSON holds (camelCase).</summary>
public enum QuantityBound
{
    /// <summary>A single value ("15 miles").</summary>
    Exact,
    /// <summary>About that value ("some 9,000", "around 60 km").</summary>
    Approximate,
    /// <summary>A lower bound ("at least six", "more than 7,000").</summary>
    AtLeast,
    /// <summary>An upper bound ("up to 20 km", "fewer than 100").</summary>
    AtMost,
    /// <summary>A range ("five to 20 kilometers", "5–20 km"): <see cref="Quantity.Low"/> to <see cref="Quantity.High"/>.</summary>
    Range,
}

/// <summary>
/// A number with its unit, normalised, and attached to what it measures.
/// </summary>
/// <param name="Id">Identifier within the document ("n1", … in text order).</param>
/// <param name="Span">The quantity's words ("five to 20 kilometers", "at least six people").</param>
/// <param name="Sentence">The sentence it was read from.</param>
/// <param name="Low">The value, or the range's low end, in <paramref name="Unit"/>.</param>
/// <param name="High">The range's high end, or the same as <paramref name="Low"/> for a single value.</param>
/// <param name="Bound">Exact, approximate, lower bound, upper bound or range.</param>
/// <param name="Unit">The normalised unit: "km" for distances (miles are converted: 15 miles → 24.14 km), a duration
/// as "s", "ha"/"km2" for areas, "USD" etc. for money, "percent", or the counted noun's lemma for counts ("fighter", "person").</param>
/// <param name="OriginalValue">The value as written, in the original unit (15 for "15 miles"; the low end for a range; 1.5 for
/// "an hour and a half").</param>
/// <param name="OriginalUnit">The unit as written ("miles"), or null for counts.</param>
/// <param name="Measured">What it measures or counts ("Shi'ite militia fighters", "buffer zone", "people killed"), or null.</param>
/// <param name="MeasuredSpan">Where that is in the text, or null.</param>
/// <param name="Reference">For distances: what it is measured from ("the Golan Heights"), or null.</param>
/// <param name="Holder">Whom it applies to ("Tehran-backed militias"), or null.</param>
/// <param name="Confidence">In [0, 1].</param>
/// <remarks>Immutable and thread-safe; serialises through <see cref="DocumentJson.Options"/>.</remarks>
public sealed record Quantity(
    string Id,
    TextSpan Span,
    TextSpan Sentence,
    double Low,
    double High,
    QuantityBound Bound,
    string Unit,
    double OriginalValue,
    string? OriginalUnit,
    string? Measured,
    TextSpan? MeasuredSpan,
    string? Reference,
    string? Holder,
    double Confidence);

/// <summary>The layer assigned by the quantity stage.</summary>
public static class QuantityLayers
{
    /// <summary>The document's quantities, ordered by span start.</summary>
    public static readonly AnnotationKey<ImmutableArray<Quantity>> Quantities = new("quantities");

    static QuantityLayers() => DocumentJson.Register(Quantities);

    /// <summary>Makes the layer known to <see cref="DocumentJson"/> (idempotent).</summary>
    public static void Register() => DocumentJson.Register(Quantities);
}
