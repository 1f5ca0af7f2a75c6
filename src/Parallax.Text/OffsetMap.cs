using System.Collections.Immutable;

namespace Parallax.Text;

/// <summary>
/// Maps offsets in a derived (cleaned) text back to the raw input it was built from.
/// The map is a sorted list of <see cref="Segment"/>s: each says that <c>Length</c> code units starting at
/// <c>CleanStart</c> were taken from the raw text at <c>RawStart</c> (possibly transformed one-for-one,
/// e.g. an entity decoded or whitespace folded). Clean characters outside every segment were synthesised
/// (a paragraph break, say) and map to the raw offset of the nearest following segment.
/// </summary>
/// <remarks>Immutable and thread-safe once built with <see cref="Builder"/>.</remarks>
public sealed class OffsetMap
{
    private readonly ImmutableArray<Segment> _segments;

    private OffsetMap(ImmutableArray<Segment> segments, int cleanLength, int rawLength)
    {
        _segments = segments;
        CleanLength = cleanLength;
        RawLength = rawLength;
    }

    /// <summary>One run of clean text copied from the raw text.</summary>
    /// <param name="CleanStart">Offset of the run in the clean text.</param>
    /// <param name="RawStart">Offset of the run's source in the raw text.</param>
    /// <param name="Length">Code units in the clean run.</param>
    /// <param name="RawLength">Code units in the raw source (differs from Length when, e.g., "&amp;amp;" became "&amp;").</param>
    public readonly record struct Segment(int CleanStart, int RawStart, int Length, int RawLength);

    /// <summary>The segments, ordered by clean offset, never overlapping.</summary>
    public ImmutableArray<Segment> Segments => _segments;

    /// <summary>Length of the clean text this map was built for.</summary>
    public int CleanLength { get; }

    /// <summary>Length of the raw text this map points into.</summary>
    public int RawLength { get; }

    /// <summary>A map for text that was not changed at all.</summary>
    public static OffsetMap Identity(int length) =>
        new(length == 0 ? [] : [new Segment(0, 0, length, length)], length, length);

    /// <summary>
    /// The raw offset for a clean offset in [0, CleanLength]. Inside a segment whose raw length equals
    /// its clean length the mapping is exact; inside a transformed segment it is proportional; between
    /// segments it is the start of the next segment (or the raw end).
    /// </summary>
    public int ToRaw(int cleanOffset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cleanOffset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cleanOffset, CleanLength);
        int lo = 0, hi = _segments.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var s = _segments[mid];
            if (cleanOffset < s.CleanStart) hi = mid - 1;
            else if (cleanOffset >= s.CleanStart + s.Length) lo = mid + 1;
            else
            {
                int delta = cleanOffset - s.CleanStart;
                return s.RawLength == s.Length ? s.RawStart + delta : s.RawStart + (int)((long)delta * s.RawLength / Math.Max(1, s.Length));
            }
        }
        if (lo < _segments.Length) return _segments[lo].RawStart;
        if (_segments.Length == 0) return 0;
        var last = _segments[^1];
        return cleanOffset == last.CleanStart + last.Length ? last.RawStart + last.RawLength : RawLength;
    }

    /// <summary>The raw span a clean span came from (start mapped forward, end mapped from its last unit).</summary>
    public TextSpan ToRaw(TextSpan clean)
    {
        int start = ToRaw(clean.Start);
        int end = clean.IsEmpty ? start : ToRawEnd(clean.End);
        return new TextSpan(start, Math.Max(start, end));
    }

    private int ToRawEnd(int cleanEnd)
    {
        // The end is exclusive: map the last included unit and step past its raw source.
        int i = FindSegment(cleanEnd - 1);
        if (i < 0) return ToRaw(cleanEnd);
        var s = _segments[i];
        if (s.RawLength == s.Length) return s.RawStart + (cleanEnd - s.CleanStart);
        return cleanEnd == s.CleanStart + s.Length ? s.RawStart + s.RawLength : ToRaw(cleanEnd);
    }

    private int FindSegment(int cleanOffset)
    {
        int lo = 0, hi = _segments.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var s = _segments[mid];
            if (cleanOffset < s.CleanStart) hi = mid - 1;
            else if (cleanOffset >= s.CleanStart + s.Length) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    /// <summary>
    /// Builds a map while clean text is appended. Not thread-safe; one builder per text.
    /// Copies must be appended in increasing clean order; adjacent one-for-one copies are merged.
    /// </summary>
    public sealed class Builder
    {
        private readonly ImmutableArray<Segment>.Builder _segments = ImmutableArray.CreateBuilder<Segment>();
        private readonly int _rawLength;

        /// <summary>Starts a map into a raw text of <paramref name="rawLength"/> code units.</summary>
        public Builder(int rawLength) => _rawLength = rawLength;

        /// <summary>Records that clean[cleanStart..+length) came from raw[rawStart..+rawLength).</summary>
        public void Add(int cleanStart, int rawStart, int length, int rawLength)
        {
            if (length == 0) return;
            ArgumentOutOfRangeException.ThrowIfNegative(rawStart);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(rawStart + rawLength, _rawLength);
            if (_segments.Count > 0)
            {
                var last = _segments[^1];
                if (cleanStart < last.CleanStart + last.Length)
                    throw new ArgumentException("Segments must be added in increasing clean order.", nameof(cleanStart));
                if (last.Length == last.RawLength && length == rawLength
                    && last.CleanStart + last.Length == cleanStart && last.RawStart + last.RawLength == rawStart)
                {
                    _segments[^1] = last with { Length = last.Length + length, RawLength = last.RawLength + rawLength };
                    return;
                }
            }
            _segments.Add(new Segment(cleanStart, rawStart, length, rawLength));
        }

        /// <summary>Records a one-for-one copy.</summary>
        public void Add(int cleanStart, int rawStart, int length) => Add(cleanStart, rawStart, length, length);

        /// <summary>Finishes the map for a clean text of <paramref name="cleanLength"/> code units.</summary>
        public OffsetMap Build(int cleanLength) => new(_segments.ToImmutable(), cleanLength, _rawLength);
    }
}
