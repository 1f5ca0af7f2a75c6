namespace Parallax.Core.Stories;

/// <summary>
/// Settings of a <see cref="StoryIndex"/>. They are saved inside every snapshot, so a loaded index keeps the
/// settings it was built with. <see cref="StoryIndex.Create"/> throws <see cref="ArgumentOutOfRangeException"/>
/// (code PX3201) when a value is outside the range stated on it.
/// </summary>
public sealed record StoryIndexOptions
{
    /// <summary>
    /// The defaults. <see cref="StoryThreshold"/> was chosen on the odd topics of ECB+ only (B³ F1 is flat at
    /// 0.89 from 0.18 to 0.22 there; 0.20 is the middle of that plateau); the even topics are held out.
    /// <see cref="NameMatchThreshold"/> 0.10 is the middle of the odd-topic plateau (B³ F1 0.893 from 0.08 to 0.15,
    /// overlap 0.3 to 0.7 alike); <see cref="BackgroundWeight"/> 1 leaves ECB+ as it was (0.5 and 1 equal, 2 worse).
    /// </summary>
    public static StoryIndexOptions Default { get; } = new();

    /// <summary>Cosine similarity an article needs to join an existing story, in (0, 1].</summary>
    public double StoryThreshold { get; init; } = 0.20;

    /// <summary>Estimated shingle Jaccard similarity from which an article is a near duplicate, in (0, 1].</summary>
    public double NearDuplicateThreshold { get; init; } = 0.5;

    /// <summary>Words per shingle for duplicate detection, 1 to 16.</summary>
    public int ShingleSize { get; init; } = 4;

    /// <summary>LSH bands; the MinHash signature has <see cref="Bands"/> × <see cref="RowsPerBand"/> values. 1 to 256.</summary>
    public int Bands { get; init; } = 32;

    /// <summary>MinHash values per LSH band, 1 to 32. With 32 × 4 pairs above about 0.42 Jaccard are found reliably.</summary>
    public int RowsPerBand { get; init; } = 4;

    /// <summary>Terms kept in each story centroid (strongest by weight × idf), 8 to 4096.</summary>
    public int CentroidTerms { get; init; } = 150;

    /// <summary>How many of an article's strongest terms are used to look up candidate stories, 1 to 1024.</summary>
    public int CandidateTerms { get; init; } = 24;

    /// <summary>Weight multiplier for terms that occur in the title, at least 1.</summary>
    public double TitleBoost { get; init; } = 2.0;

    /// <summary>Weight multiplier for terms written capitalised inside sentences (names), at least 1.</summary>
    public double NameBoost { get; init; } = 1.5;

    /// <summary>
    /// When set, a story's score halves for every such span between the article's publication time and the
    /// nearest end of the story's publication range; articles or stories without times are not decayed.
    /// Must be positive when set. The default, 30 days, keeps a situation that develops over weeks in one story (the
    /// seed articles span five weeks) while recurring events a year or more apart stay separate.
    /// </summary>
    public TimeSpan? RecencyHalfLife { get; init; } = TimeSpan.FromDays(30);

    /// <summary>How many key terms decisions and summaries carry, 1 to 64.</summary>
    public int KeyTermCount { get; init; } = 8;

    /// <summary>
    /// How much the shipped background document frequencies (<see cref="StoryBackground.Default"/>) count beside
    /// the index's own: 1 counts each background document as one article seen, 0 switches the prior off. At least 0.
    /// </summary>
    public double BackgroundWeight { get; init; } = 1.0;

    /// <summary>
    /// Cosine similarity from which an article joins a story whose names it shares (see
    /// <see cref="NameOverlapThreshold"/>) although it is below <see cref="StoryThreshold"/>, in (0, 1]. A value at or
    /// above <see cref="StoryThreshold"/> switches the name rule off.
    /// </summary>
    public double NameMatchThreshold { get; init; } = 0.10;

    /// <summary>
    /// Share of the article's name weight (idf of the terms it writes capitalised) that must be among the story's
    /// centroid names for <see cref="NameMatchThreshold"/> to apply, in (0, 1].
    /// </summary>
    public double NameOverlapThreshold { get; init; } = 0.5;

    /// <summary>Fewest distinct names an article must share with a story for the name rule to apply, 1 to 64.</summary>
    public int MinSharedNames { get; init; } = 2;

    internal int SignatureLength => Bands * RowsPerBand;

    internal void Validate()
    {
        Check(StoryThreshold > 0 && StoryThreshold <= 1, nameof(StoryThreshold), "in (0, 1]");
        Check(NearDuplicateThreshold > 0 && NearDuplicateThreshold <= 1, nameof(NearDuplicateThreshold), "in (0, 1]");
        Check(ShingleSize is >= 1 and <= 16, nameof(ShingleSize), "from 1 to 16");
        Check(Bands is >= 1 and <= 256, nameof(Bands), "from 1 to 256");
        Check(RowsPerBand is >= 1 and <= 32, nameof(RowsPerBand), "from 1 to 32");
        Check(CentroidTerms is >= 8 and <= 4096, nameof(CentroidTerms), "from 8 to 4096");
        Check(CandidateTerms is >= 1 and <= 1024, nameof(CandidateTerms), "from 1 to 1024");
        Check(TitleBoost >= 1 && double.IsFinite(TitleBoost), nameof(TitleBoost), "finite and at least 1");
        Check(NameBoost >= 1 && double.IsFinite(NameBoost), nameof(NameBoost), "finite and at least 1");
        Check(RecencyHalfLife is null || RecencyHalfLife.Value > TimeSpan.Zero, nameof(RecencyHalfLife), "positive or null");
        Check(BackgroundWeight >= 0 && double.IsFinite(BackgroundWeight), nameof(BackgroundWeight), "finite and at least 0");
        Check(NameMatchThreshold > 0 && NameMatchThreshold <= 1, nameof(NameMatchThreshold), "in (0, 1]");
        Check(NameOverlapThreshold > 0 && NameOverlapThreshold <= 1, nameof(NameOverlapThreshold), "in (0, 1]");
        Check(MinSharedNames is >= 1 and <= 64, nameof(MinSharedNames), "from 1 to 64");
        Check(KeyTermCount is >= 1 and <= 64, nameof(KeyTermCount), "from 1 to 64");
    }

    private static void Check(bool ok, string name, string range)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, $"PX3201: story index option {name} must be {range}; fix the options passed to StoryIndex.Create.");
        }
    }
}
