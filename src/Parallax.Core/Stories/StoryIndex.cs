using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace Parallax.Core.Stories;

/// <summary>
/// The in-memory, incremental story index: it finds exact and near duplicates and puts each article into a
/// story (a developing situation) without recomputing earlier decisions.
/// </summary>
/// <remarks>
/// <para>
/// Duplicates: an article whose normalised token sequence equals an earlier one is an exact duplicate
/// of that article's canonical (similarity 1 when it copies the canonical itself, else the similarity of the
/// copy it repeats). Otherwise a MinHash signature over word shingles is looked up in LSH band buckets of the
/// canonical (non-duplicate) articles; the candidate with the highest estimated Jaccard similarity at or above
/// <see cref="StoryIndexOptions.NearDuplicateThreshold"/> (earliest on ties) becomes <c>DuplicateOf</c> and the
/// article joins that article's story. Duplicates do not change document frequencies or story centroids, so
/// syndicated copies do not drown out other reports.
/// </para>
/// <para>
/// Stories: a canonical article is a TF-IDF vector (log term frequency, title and name boosts, document
/// frequencies maintained incrementally). Each story keeps a centroid of summed member term weights, capped to
/// the strongest <see cref="StoryIndexOptions.CentroidTerms"/> terms; candidate stories come from an inverted
/// index over centroid terms, and cosine similarity is computed under the current idf, decayed by publication
/// distance when <see cref="StoryIndexOptions.RecencyHalfLife"/> is set. The idf counts a background table of
/// common-word document frequencies (<see cref="StoryBackground.Default"/>, weighted by
/// <see cref="StoryIndexOptions.BackgroundWeight"/>) beside the index's own, so the first articles of a fresh index
/// are not compared under an idf learnt from three documents.
/// </para>
/// <para>
/// A story qualifies when its score is at or above <see cref="StoryIndexOptions.StoryThreshold"/>, or at or above
/// the lower <see cref="StoryIndexOptions.NameMatchThreshold"/> when the article's names (terms that articles mostly
/// write capitalised inside sentences) are largely the story's: at least <see cref="StoryIndexOptions.MinSharedNames"/>
/// shared and <see cref="StoryIndexOptions.NameOverlapThreshold"/> of the article's name idf mass among the story's
/// centroid terms. A first-hand account of a situation uses everyday words the wire reports do not, but it still
/// names the same places and parties. The article joins the qualifying story with the highest score (earliest
/// story on ties) or opens a new one.
/// </para>
/// <para>
/// Decisions depend only on the options and the sequence of added articles: the same sequence gives the same
/// story ids, memberships and scores, and <see cref="Load"/> of a <see cref="Save"/> continues exactly as the
/// saved index would have. Decisions are never revised when later articles arrive.
/// </para>
/// <para>Not thread-safe: one writer at a time, and no reads concurrent with <see cref="Add"/>.</para>
/// </remarks>
public sealed partial class StoryIndex
{
    private readonly StoryIndexOptions _options;
    private readonly MinHasher _hasher;
    private readonly StoryBackground _background = StoryBackground.Default;

    private readonly Dictionary<string, int> _vocabulary = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private readonly List<int> _documentFrequency = [];
    private readonly List<double> _priorFrequency = [];
    private readonly List<int> _nameFrequency = [];
    private int _documentCount;

    private readonly Dictionary<string, int> _articleOrdinal = new(StringComparer.Ordinal);
    private readonly List<string> _articleIds = [];
    private readonly List<int> _articleStory = [];
    private readonly List<StoryDecision> _decisions = [];

    private readonly Dictionary<UInt128, ExactEntry> _exact = [];
    private readonly List<CanonicalEntry> _canonicals = [];
    private readonly Dictionary<ulong, List<int>> _buckets = [];

    private readonly List<Story> _stories = [];
    private readonly HashSet<string> _storyIds = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<int>> _postings = [];

    private IReadOnlyList<StorySummary>? _summaries;

    private StoryIndex(StoryIndexOptions options)
    {
        _options = options;
        _hasher = new MinHasher(options.ShingleSize, options.Bands, options.RowsPerBand);
    }

    /// <summary>Creates an empty index.</summary>
    /// <param name="options">Settings; <see cref="StoryIndexOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range (PX3201).</exception>
    public static StoryIndex Create(StoryIndexOptions? options = null)
    {
        options ??= StoryIndexOptions.Default;
        options.Validate();
        return new StoryIndex(options);
    }

    /// <summary>The settings this index was built with (also those restored by <see cref="Load"/>).</summary>
    public StoryIndexOptions Options => _options;

    /// <summary>How many distinct articles have been added.</summary>
    public int Count => _articleIds.Count;

    /// <summary>The stories in the order they were opened. A fresh list after each <see cref="Add"/>; cached between adds.</summary>
    public IReadOnlyList<StorySummary> Stories => _summaries ??= BuildSummaries();

    /// <summary>Whether an article with this id was added (directly or before the snapshot this index was loaded from).</summary>
    public bool Contains(string articleId) => _articleOrdinal.ContainsKey(articleId);

    /// <summary>The decision made when the article was added, if it was.</summary>
    public bool TryGetDecision(string articleId, out StoryDecision? decision)
    {
        if (_articleOrdinal.TryGetValue(articleId, out var ordinal))
        {
            decision = _decisions[ordinal];
            return true;
        }

        decision = null;
        return false;
    }

    /// <summary>
    /// Adds one article and returns where it went. Adding an id that is already present returns the original
    /// decision and changes nothing, even when the text differs.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> or its text is null.</exception>
    /// <exception cref="ArgumentException">The article id is null or empty (PX3202).</exception>
    public StoryDecision Add(StoryInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrEmpty(input.ArticleId))
        {
            throw new ArgumentException("PX3202: a story input needs a non-empty ArticleId; pass the article's content hash.", nameof(input));
        }

        if (_articleOrdinal.TryGetValue(input.ArticleId, out var existing)) return _decisions[existing];
        ArgumentNullException.ThrowIfNull(input.Text, nameof(input));

        var analysed = TermAnalyzer.Analyze(input.Text, input.Title);
        var ordinal = _articleIds.Count;
        var signature = _hasher.Signature(analysed.TokenHashes);

        StoryDecision decision;
        int storyIndex;
        var duplicate = FindDuplicate(analysed, signature);
        if (duplicate is { } dup)
        {
            storyIndex = _articleStory[dup.Canonical];
            var vector = Vectorise(analysed, register: false);
            var story = _stories[storyIndex];
            story.Members.Add(ordinal);
            story.Observe(input.Published, input.Title);
            _exact.TryAdd(analysed.ExactKey, new ExactEntry(dup.Canonical, dup.Similarity));
            decision = new StoryDecision(story.Id, false, dup.Similarity, _articleIds[dup.Canonical], dup.Similarity, KeyTerms(vector));
        }
        else
        {
            var vector = Vectorise(analysed, register: true);
            var (best, bestScore) = BestStory(vector, input.Published);
            bool opened;
            if (best >= 0)
            {
                storyIndex = best;
                opened = false;
                _stories[best].Members.Add(ordinal);
            }
            else
            {
                storyIndex = _stories.Count;
                opened = true;
                var story = new Story(NewStoryId(input.ArticleId));
                story.Members.Add(ordinal);
                _stories.Add(story);
                _storyIds.Add(story.Id);
            }

            _stories[storyIndex].Observe(input.Published, input.Title);
            MergeIntoCentroid(storyIndex, vector);
            _exact.TryAdd(analysed.ExactKey, new ExactEntry(ordinal, 1.0));
            if (signature is not null) RegisterCanonical(ordinal, signature);
            decision = new StoryDecision(_stories[storyIndex].Id, opened, bestScore, null, 0, KeyTerms(vector));
        }

        _articleOrdinal.Add(input.ArticleId, ordinal);
        _articleIds.Add(input.ArticleId);
        _articleStory.Add(storyIndex);
        _decisions.Add(decision);
        _summaries = null;
        return decision;
    }

    private (int Canonical, double Similarity)? FindDuplicate(AnalyzedText analysed, uint[]? signature)
    {
        // A text without words has nothing to compare; treating all empty texts as copies of each other would merge unrelated articles.
        if (signature is null) return null;
        if (_exact.TryGetValue(analysed.ExactKey, out var exact)) return (exact.Canonical, exact.Similarity);

        var candidates = new SortedSet<int>();
        foreach (var key in _hasher.BandKeys(signature))
        {
            if (_buckets.TryGetValue(key, out var bucket)) candidates.UnionWith(bucket);
        }

        var best = -1;
        var bestSimilarity = 0.0;
        foreach (var c in candidates)
        {
            var similarity = MinHasher.EstimateJaccard(signature, _canonicals[c].Signature);
            if (similarity > bestSimilarity)
            {
                best = c;
                bestSimilarity = similarity;
            }
        }

        return best >= 0 && bestSimilarity >= _options.NearDuplicateThreshold
            ? (_canonicals[best].Article, bestSimilarity)
            : null;
    }

    private void RegisterCanonical(int article, uint[] signature)
    {
        var index = _canonicals.Count;
        _canonicals.Add(new CanonicalEntry(article, signature));
        AddToBuckets(index, signature);
    }

    private void AddToBuckets(int canonicalIndex, uint[] signature)
    {
        foreach (var key in _hasher.BandKeys(signature))
        {
            if (!_buckets.TryGetValue(key, out var bucket))
            {
                bucket = [];
                _buckets.Add(key, bucket);
            }

            bucket.Add(canonicalIndex);
        }
    }

    /// <summary>
    /// The article's L2-normalised boosted log-tf weights, sorted by term id. With <paramref name="register"/>
    /// new terms enter the vocabulary and document frequencies count the article; otherwise unknown terms get
    /// id -1 and are kept only for key terms.
    /// </summary>
    private SparseVector Vectorise(AnalyzedText analysed, bool register)
    {
        if (register) _documentCount++;
        var ids = new List<int>(analysed.Terms.Count);
        var weights = new List<double>(analysed.Terms.Count);
        var unknown = new List<(string Term, double Weight)>();
        var nameCandidates = new List<int>();
        var norm = 0.0;
        foreach (var (term, stat) in analysed.Terms)
        {
            var w = 1 + Math.Log(stat.Count);
            if (stat.InTitle) w *= _options.TitleBoost;
            if (stat.IsName) w *= _options.NameBoost;
            norm += w * w;

            if (!_vocabulary.TryGetValue(term, out var id))
            {
                if (!register)
                {
                    unknown.Add((term, w));
                    continue;
                }

                id = _terms.Count;
                _vocabulary.Add(term, id);
                _terms.Add(term);
                _documentFrequency.Add(0);
                _priorFrequency.Add(PriorOf(term));
                _nameFrequency.Add(0);
            }

            if (register)
            {
                _documentFrequency[id]++;
                if (stat.IsName) _nameFrequency[id]++;
            }

            ids.Add(id);
            weights.Add(w);
            if (stat.LowerInside == 0) nameCandidates.Add(id);
        }

        norm = norm > 0 ? Math.Sqrt(norm) : 1;
        var idArray = ids.ToArray();
        var weightArray = weights.Select(w => w / norm).ToArray();
        Array.Sort(idArray, weightArray);
        var names = nameCandidates.Where(IsName).Order().ToArray();
        return new SparseVector(idArray, weightArray, unknown.Select(u => (u.Term, u.Weight / norm)).ToArray(), names);
    }

    private double Idf(int termId) => IdfOf(_documentFrequency[termId], _priorFrequency[termId]);

    /// <summary>Smoothed idf with the background counted as <see cref="StoryIndexOptions.BackgroundWeight"/> × its documents.</summary>
    private double IdfOf(int df, double prior) =>
        Math.Log((_documentCount + (_options.BackgroundWeight * _background.Documents) + 1.0) / (df + prior + 1.0)) + 1.0;

    private double PriorOf(string term) => _options.BackgroundWeight * _background.Frequency(term);

    /// <summary>
    /// The story the article joins (-1 for none) and the best cosine found. A story qualifies at
    /// <see cref="StoryIndexOptions.StoryThreshold"/>, or at <see cref="StoryIndexOptions.NameMatchThreshold"/> when
    /// the article's names agree with the story's (<see cref="NameOverlap"/>); the qualifying story with the highest
    /// score wins, the earliest on ties.
    /// </summary>
    private (int Story, double Score) BestStory(SparseVector vector, DateTimeOffset? published)
    {
        var order = StrongestFirst(vector.Ids, vector.Weights);
        var candidates = new SortedSet<int>();
        for (var i = 0; i < order.Length && i < _options.CandidateTerms; i++)
        {
            if (_postings.TryGetValue(vector.Ids[order[i]], out var stories)) candidates.UnionWith(stories);
        }

        if (candidates.Count == 0) return (-1, 0);

        var docNorm = 0.0;
        var docWeighted = new double[vector.Ids.Length];
        for (var i = 0; i < vector.Ids.Length; i++)
        {
            docWeighted[i] = vector.Weights[i] * Idf(vector.Ids[i]);
            docNorm += docWeighted[i] * docWeighted[i];
        }

        docNorm = Math.Sqrt(docNorm);
        var best = -1;
        var bestScore = 0.0;
        var bestAny = 0.0;
        foreach (var s in candidates)
        {
            var score = Cosine(vector.Ids, docWeighted, docNorm, _stories[s]) * Decay(_stories[s], published);
            bestAny = Math.Max(bestAny, score);
            if (score <= bestScore) continue;
            var qualifies = score >= _options.StoryThreshold
                || (score >= _options.NameMatchThreshold && NameOverlap(vector.Names, _stories[s]) >= _options.NameOverlapThreshold);
            if (!qualifies) continue;
            best = s;
            bestScore = score;
        }

        return best >= 0 ? (best, bestScore) : (-1, bestAny);
    }

    /// <summary>
    /// How far the article's names are the story's: the idf mass of the article's names found among the story's
    /// centroid names over the idf mass of all its names, 0 when fewer than <see cref="StoryIndexOptions.MinSharedNames"/>
    /// are shared. Names are what tell two reports of one situation from two like events (two earthquakes, two
    /// rehab stays), which share most of their other vocabulary.
    /// </summary>
    private double NameOverlap(int[] names, Story story)
    {
        if (names.Length == 0) return 0;
        var shared = 0;
        var sharedMass = 0.0;
        var totalMass = 0.0;
        foreach (var name in names)
        {
            var idf = Idf(name);
            totalMass += idf;
            if (Array.BinarySearch(story.TermIds, name) >= 0 && IsName(name))
            {
                shared++;
                sharedMass += idf;
            }
        }

        return shared >= _options.MinSharedNames && totalMass > 0 ? sharedMass / totalMass : 0;
    }

    /// <summary>A term is a name when the articles that use it mostly write it capitalised inside sentences.</summary>
    private bool IsName(int termId) => _nameFrequency[termId] > 0 && 2 * _nameFrequency[termId] >= _documentFrequency[termId];

    private double Cosine(int[] ids, double[] docWeighted, double docNorm, Story story)
    {
        var storyNorm = 0.0;
        var dot = 0.0;
        var i = 0;
        for (var j = 0; j < story.TermIds.Length; j++)
        {
            var term = story.TermIds[j];
            var w = story.Mass[j] * Idf(term);
            storyNorm += w * w;
            while (i < ids.Length && ids[i] < term) i++;
            if (i < ids.Length && ids[i] == term) dot += docWeighted[i] * w;
        }

        return docNorm > 0 && storyNorm > 0 ? dot / (docNorm * Math.Sqrt(storyNorm)) : 0;
    }

    private double Decay(Story story, DateTimeOffset? published)
    {
        if (_options.RecencyHalfLife is not { } halfLife || published is null || story.MinTicks is null || story.MaxTicks is null)
        {
            return 1;
        }

        var ticks = published.Value.UtcTicks;
        var gap = ticks < story.MinTicks ? story.MinTicks.Value - ticks : ticks > story.MaxTicks ? ticks - story.MaxTicks.Value : 0;
        return gap == 0 ? 1 : Math.Pow(0.5, (double)gap / halfLife.Ticks);
    }

    private void MergeIntoCentroid(int storyIndex, SparseVector vector)
    {
        var story = _stories[storyIndex];
        var mergedIds = new List<int>(story.TermIds.Length + vector.Ids.Length);
        var mergedMass = new List<double>(mergedIds.Capacity);
        int i = 0, j = 0;
        while (i < story.TermIds.Length || j < vector.Ids.Length)
        {
            if (j >= vector.Ids.Length || (i < story.TermIds.Length && story.TermIds[i] < vector.Ids[j]))
            {
                mergedIds.Add(story.TermIds[i]);
                mergedMass.Add(story.Mass[i++]);
            }
            else if (i >= story.TermIds.Length || vector.Ids[j] < story.TermIds[i])
            {
                mergedIds.Add(vector.Ids[j]);
                mergedMass.Add(vector.Weights[j++]);
            }
            else
            {
                mergedIds.Add(story.TermIds[i]);
                mergedMass.Add(story.Mass[i++] + vector.Weights[j++]);
            }
        }

        var ids = mergedIds.ToArray();
        var mass = mergedMass.ToArray();
        if (ids.Length > _options.CentroidTerms)
        {
            var keep = StrongestFirst(ids, mass).Take(_options.CentroidTerms).Order().ToArray();
            ids = [.. keep.Select(k => ids[k])];
            mass = [.. keep.Select(k => mass[k])];
        }

        foreach (var old in story.TermIds)
        {
            if (Array.BinarySearch(ids, old) < 0) _postings[old].Remove(storyIndex);
        }

        foreach (var term in ids)
        {
            if (Array.BinarySearch(story.TermIds, term) >= 0) continue;
            AddPosting(term, storyIndex);
        }

        story.TermIds = ids;
        story.Mass = mass;
    }

    private void AddPosting(int term, int storyIndex)
    {
        if (!_postings.TryGetValue(term, out var list))
        {
            list = [];
            _postings.Add(term, list);
        }

        var at = list.BinarySearch(storyIndex);
        if (at < 0) list.Insert(~at, storyIndex);
    }

    /// <summary>Positions of <paramref name="ids"/> ordered by weight × idf, strongest first, lower term id first on ties.</summary>
    private int[] StrongestFirst(int[] ids, double[] weights)
    {
        var scores = new double[ids.Length];
        for (var i = 0; i < ids.Length; i++) scores[i] = weights[i] * Idf(ids[i]);
        var order = Enumerable.Range(0, ids.Length).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var c = scores[b].CompareTo(scores[a]);
            return c != 0 ? c : ids[a].CompareTo(ids[b]);
        });
        return order;
    }

    private ImmutableArray<string> KeyTerms(SparseVector vector)
    {
        var scored = new List<(string Term, double Score)>(vector.Ids.Length + vector.Unknown.Length);
        for (var i = 0; i < vector.Ids.Length; i++) scored.Add((_terms[vector.Ids[i]], vector.Weights[i] * Idf(vector.Ids[i])));
        foreach (var (term, weight) in vector.Unknown) scored.Add((term, weight * IdfOf(0, PriorOf(term))));
        return [.. scored
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Term, StringComparer.Ordinal)
            .Take(_options.KeyTermCount)
            .Select(s => s.Term)];
    }

    private string NewStoryId(string firstArticleId)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(firstArticleId)));
        var id = "s-" + hash[..10];

        // Ten hex digits collide about once in a trillion pairs; a suffix keeps ids unique when they do.
        var candidate = id;
        for (var n = 2; _storyIds.Contains(candidate); n++) candidate = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{id}-{n}");
        return candidate;
    }

    private List<StorySummary> BuildSummaries()
    {
        var list = new List<StorySummary>(_stories.Count);
        foreach (var story in _stories)
        {
            var keyTerms = StrongestFirst(story.TermIds, story.Mass)
                .Take(_options.KeyTermCount)
                .Select(k => _terms[story.TermIds[k]])
                .ToImmutableArray();
            var label = story.Title ?? string.Join(' ', keyTerms.Take(3));
            list.Add(new StorySummary(story.Id, label, [.. story.Members.Select(m => _articleIds[m])], keyTerms));
        }

        return list;
    }

    private readonly record struct ExactEntry(int Canonical, double Similarity);

    private sealed record CanonicalEntry(int Article, uint[] Signature);

    /// <summary>
    /// An article's weights by term id (ascending), the terms not in the vocabulary (kept for key terms only), and
    /// the ids of its terms that are names (<see cref="IsName"/>) never written in lower case in it, ascending.
    /// </summary>
    private sealed record SparseVector(int[] Ids, double[] Weights, (string Term, double Weight)[] Unknown, int[] Names);

    private sealed class Story(string id)
    {
        public string Id { get; } = id;

        public List<int> Members { get; } = [];

        /// <summary>Centroid term ids, ascending; <see cref="Mass"/> holds the summed member weights (before idf) beside them.</summary>
        public int[] TermIds { get; set; } = [];

        public double[] Mass { get; set; } = [];

        public long? MinTicks { get; set; }

        public long? MaxTicks { get; set; }

        public string? Title { get; set; }

        public void Observe(DateTimeOffset? published, string? title)
        {
            if (published is { } p)
            {
                var t = p.UtcTicks;
                MinTicks = MinTicks is null ? t : Math.Min(MinTicks.Value, t);
                MaxTicks = MaxTicks is null ? t : Math.Max(MaxTicks.Value, t);
            }

            if (Title is null && !string.IsNullOrWhiteSpace(title)) Title = title.Trim();
        }
    }
}
