namespace Parallax.Text;

/// <summary>
/// A half-open range [<see cref="Start"/>, <see cref="End"/>) of UTF-16 code units in some text.
/// Offsets index .NET strings directly (the same units as JavaScript's <c>String.slice</c>).
/// </summary>
/// <remarks>Immutable and thread-safe. The constructor throws <see cref="ArgumentOutOfRangeException"/>
/// when start is negative or end is before it.</remarks>
public readonly record struct TextSpan
{
    /// <summary>Creates a span; throws when start is negative or end precedes start.</summary>
    public TextSpan(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        Start = start;
        End = end;
    }

    /// <summary>First code unit inside the span.</summary>
    public int Start { get; }

    /// <summary>First code unit after the span.</summary>
    public int End { get; }

    /// <summary>Number of code units covered.</summary>
    public int Length => End - Start;

    /// <summary>True when the span covers nothing.</summary>
    public bool IsEmpty => End == Start;

    /// <summary>True when the two spans share at least one code unit.</summary>
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    /// <summary>True when <paramref name="other"/> lies wholly inside this span.</summary>
    public bool Contains(TextSpan other) => Start <= other.Start && other.End <= End;

    /// <summary>The covered text; throws when the span lies outside <paramref name="text"/>.</summary>
    public string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Substring(Start, Length);
    }

    /// <inheritdoc />
    public override string ToString() => $"[{Start.ToString(System.Globalization.CultureInfo.InvariantCulture)},{End.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
}
