using System.Buffers.Binary;
using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;
using Parallax.Text;
using Parallax.Text.Tokens;

namespace Parallax.Nlp.Ner;

/// <summary>A span the tagger found: clean-text offsets, token range [<see cref="FirstToken"/>, <see cref="EndToken"/>), type and confidence.</summary>
/// <param name="Span">UTF-16 offsets into the tagged text, end exclusive.</param>
/// <param name="Type">The entity type.</param>
/// <param name="Confidence">In [0, 1]: the product of the per-token label probabilities along the decoded path.</param>
/// <param name="FirstToken">Index of the first token (into the token array passed to the tagger).</param>
/// <param name="EndToken">Index after the last token.</param>
public readonly record struct NerSpan(TextSpan Span, EntityType Type, double Confidence, int FirstToken, int EndToken);

/// <summary>
/// A trained named-entity tagger: a structured (averaged) perceptron over hashed token features with first-order
/// label transitions, decoded by Viterbi over IOB2 labels (an I- label may only follow its own B- or I-).
/// Gazetteer features come from the shipped actor knowledge base.
/// </summary>
/// <remarks>Immutable once created: <see cref="Tag"/> may be called from many threads at once.</remarks>
public sealed class NerModel
{
    private const double Temperature = 4.0;
    private const string ResourceName = "Parallax.Nlp.Ner.Data.ner.model";
    private static readonly byte[] Magic = "PXNER1\n"u8.ToArray();
    private static readonly Lazy<NerModel> DefaultModel = new(LoadShipped, LazyThreadSafetyMode.ExecutionAndPublication);

    [ThreadStatic] private static NerFeatures.Scratch? _threadScratch;

    private readonly float[] _weights;
    private readonly float[] _transitions;
    private readonly int _mask;
    private readonly int _labelCount;
    private readonly EntityType[] _typeOf;
    private readonly bool[] _isBegin;
    private readonly bool[] _allowed;

    internal NerModel(int hashBits, ImmutableArray<string> labels, float[] weights, float[] transitions, Gazetteer gazetteer)
    {
        HashBits = hashBits;
        Labels = labels;
        _mask = (1 << hashBits) - 1;
        _labelCount = labels.Length;
        _weights = weights;
        _transitions = transitions;
        Gazetteer = gazetteer;
        _typeOf = [.. labels.Select(l => l.Length > 2 ? TypeOfLabel(l[2..]) : EntityType.Other)];
        _isBegin = [.. labels.Select(l => l.StartsWith("B-", StringComparison.Ordinal))];
        _allowed = new bool[(_labelCount + 1) * _labelCount];
        for (int prev = -1; prev < _labelCount; prev++)
        {
            for (int y = 0; y < _labelCount; y++)
            {
                var label = labels[y];
                bool ok = !label.StartsWith("I-", StringComparison.Ordinal)
                    || (prev >= 0 && labels[prev].Length > 2 && labels[prev].AsSpan(2).SequenceEqual(label.AsSpan(2)));
                _allowed[((prev + 1) * _labelCount) + y] = ok;
            }
        }
    }

    /// <summary>The model shipped inside this assembly (data/ner/ner.model), loaded once per process.</summary>
    /// <exception cref="InvalidDataException">When the embedded model is missing or damaged (a broken build).</exception>
    public static NerModel Default => DefaultModel.Value;

    /// <summary>The IOB2 labels, "O" first.</summary>
    public ImmutableArray<string> Labels { get; }

    /// <summary>Number of hash bits of the feature table (2^bits buckets per label).</summary>
    public int HashBits { get; }

    internal Gazetteer Gazetteer { get; }

    internal int Mask => _mask;

    /// <summary>Maps a training-data type ("PER", "LOC", "GPE", "ORG", "NORP", …) to an <see cref="EntityType"/>; unknown ones are <see cref="EntityType.Other"/>.</summary>
    public static EntityType TypeOfLabel(string type) => type switch
    {
        "PER" or "PERSON" => EntityType.Person,
        "ORG" or "ORGANIZATION" or "ORGANISATION" => EntityType.Organisation,
        "LOC" or "GPE" or "FAC" or "LOCATION" => EntityType.Location,
        "NORP" => EntityType.Norp,
        _ => EntityType.Other,
    };

    /// <summary>
    /// Finds the entities of <paramref name="text"/>. <paramref name="tokens"/> are its tokens (offsets into the text)
    /// and <paramref name="sentences"/> its sentences (each a run of whole tokens, ordered); the model decodes each
    /// sentence separately. Nationality and group adjectives the knowledge base lists as demonyms and the model left
    /// untagged become <see cref="EntityType.Norp"/> spans. Results are ordered and never overlap.
    /// </summary>
    public IReadOnlyList<NerSpan> Tag(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<TextSpan> sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<NerSpan>();
        var scratch = _threadScratch ??= new NerFeatures.Scratch();
        int t = 0;
        foreach (var sentence in sentences)
        {
            while (t < tokens.Length && tokens[t].End <= sentence.Start) t++;
            int first = t;
            while (t < tokens.Length && tokens[t].Start < sentence.End) t++;
            if (t > first) TagSentence(text, tokens[first..t], first, scratch, result, addNorp: true);
        }

        return result;
    }

    /// <summary>The model's IOB2 labels for pre-tokenised words (one sentence); no demonym rule. For evaluation.</summary>
    public ImmutableArray<string> TagWords(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var (text, tokens) = Join(words);
        var scratch = _threadScratch ??= new NerFeatures.Scratch();
        Decode(text, tokens, scratch);
        return [.. scratch.Best.AsSpan(0, tokens.Length).ToArray().Select(y => Labels[y])];
    }

    /// <summary>Writes the model in its compact binary form (deflated, quantised weights, empty rows left out); the same model gives the same bytes.</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Magic);
        using var deflate = new DeflateStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(deflate, Encoding.UTF8, leaveOpen: true);
        w.Write(HashBits);
        w.Write(_labelCount);
        foreach (var label in Labels) w.Write(label);
        foreach (var x in _transitions) w.Write(x);
        float scale = Scale(_weights);
        w.Write(scale);
        int rows = _weights.Length / _labelCount;
        var quantised = new short[_labelCount];
        int previous = -1;
        for (int r = 0; r < rows; r++)
        {
            bool any = false;
            for (int y = 0; y < _labelCount; y++)
            {
                quantised[y] = (short)Math.Round(_weights[(r * _labelCount) + y] / scale);
                any |= quantised[y] != 0;
            }

            if (!any) continue;
            w.Write7BitEncodedInt(r - previous);
            previous = r;
            foreach (var q in quantised) w.Write(q);
        }

        w.Write7BitEncodedInt(0);
    }

    /// <summary>Reads a model written by <see cref="Write"/>. Throws <see cref="InvalidDataException"/> when the stream is not one.</summary>
    public static NerModel Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var magic = new byte[Magic.Length];
        stream.ReadExactly(magic);
        if (!magic.AsSpan().SequenceEqual(Magic))
            throw new InvalidDataException("PX1201: not a Parallax NER model file; rebuild it with 'parallax train ner' (see data/ner/README.md).");
        using var deflate = new DeflateStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(deflate, Encoding.UTF8, leaveOpen: true);
        int bits = r.ReadInt32();
        int count = r.ReadInt32();
        if (bits is < 8 or > 24 || count is < 1 or > 64)
            throw new InvalidDataException("PX1201: the NER model header is damaged; rebuild it with 'parallax train ner'.");
        var labels = ImmutableArray.CreateRange(Enumerable.Range(0, count).Select(_ => r.ReadString()));
        var transitions = new float[(count + 1) * count];
        for (int i = 0; i < transitions.Length; i++) transitions[i] = r.ReadSingle();
        float scale = r.ReadSingle();
        var weights = new float[(1 << bits) * count];
        int row = -1;
        int delta;
        while ((delta = r.Read7BitEncodedInt()) != 0)
        {
            row += delta;
            for (int y = 0; y < count; y++) weights[(row * count) + y] = r.ReadInt16() * scale;
        }

        return new NerModel(bits, labels, weights, transitions, Gazetteer.Default);
    }

    /// <summary>Rounds weights to the 16-bit grid <see cref="Write"/> stores them on.</summary>
    internal static void Quantise(float[] weights)
    {
        float scale = Scale(weights);
        for (int i = 0; i < weights.Length; i++) weights[i] = (short)Math.Round(weights[i] / scale) * scale;
    }

    // A power of two: dividing and multiplying by it is exact, so quantising twice changes nothing.
    private static float Scale(float[] weights)
    {
        float max = 1e-6f;
        foreach (var x in weights) max = Math.Max(max, Math.Abs(x));
        return MathF.Pow(2, MathF.Ceiling(MathF.Log2(max / short.MaxValue)));
    }

    internal static (string Text, Token[] Tokens) Join(IReadOnlyList<string> words)
    {
        var sb = new StringBuilder();
        var tokens = new Token[words.Count];
        for (int i = 0; i < words.Count; i++)
        {
            if (i > 0) sb.Append(' ');
            tokens[i] = new Token(sb.Length, sb.Length + words[i].Length, TokenKind.Word);
            sb.Append(words[i]);
        }

        return (sb.ToString(), tokens);
    }

    /// <summary>Extracts features and runs Viterbi; the best labels end up in <c>scratch.Best</c>.</summary>
    internal void Decode(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, NerFeatures.Scratch scratch)
    {
        int n = tokens.Length;
        scratch.Ensure(n, _labelCount);
        NerFeatures.Extract(text, tokens, Gazetteer, _mask, scratch);
        Emissions(scratch.Features, n, scratch.Scores);
        Viterbi(scratch.Scores, n, scratch);
    }

    internal void Emissions(int[] features, int n, float[] emission)
    {
        int l = _labelCount;
        var weights = _weights;
        for (int i = 0; i < n; i++)
        {
            var row = emission.AsSpan(i * l, l);
            row.Clear();
            for (int k = 0; k < NerFeatures.PerToken; k++)
            {
                var w = weights.AsSpan(features[(i * NerFeatures.PerToken) + k] * l, l);
                for (int y = 0; y < l; y++) row[y] += w[y];
            }
        }
    }

    /// <summary>Viterbi over emission scores (overwritten with path scores); best labels go to <c>scratch.Best</c>.</summary>
    internal void Viterbi(float[] emission, int n, NerFeatures.Scratch scratch)
    {
        int l = _labelCount;
        var back = scratch.Back;
        Span<float> previous = stackalloc float[l];
        Span<float> current = stackalloc float[l];
        for (int y = 0; y < l; y++)
            previous[y] = _allowed[y] ? emission[y] + _transitions[y] : float.NegativeInfinity;
        for (int i = 1; i < n; i++)
        {
            for (int y = 0; y < l; y++)
            {
                float best = float.NegativeInfinity;
                int arg = 0;
                for (int p = 0; p < l; p++)
                {
                    int cell = ((p + 1) * l) + y;
                    if (!_allowed[cell]) continue;
                    float s = previous[p] + _transitions[cell];
                    if (s > best)
                    {
                        best = s;
                        arg = p;
                    }
                }

                current[y] = best + emission[(i * l) + y];
                back[(i * l) + y] = arg;
            }

            current.CopyTo(previous);
        }

        int last = 0;
        for (int y = 1; y < l; y++)
            if (previous[y] > previous[last]) last = y;
        var labels = scratch.Best;
        labels[n - 1] = last;
        for (int i = n - 1; i > 0; i--) labels[i - 1] = back[(i * l) + labels[i]];
    }

    private void TagSentence(string text, ReadOnlySpan<Token> tokens, int offset, NerFeatures.Scratch scratch, List<NerSpan> result, bool addNorp)
    {
        int n = tokens.Length;
        int l = _labelCount;
        scratch.Ensure(n, l);
        NerFeatures.Extract(text, tokens, Gazetteer, _mask, scratch);
        var emission = scratch.Scores;
        Emissions(scratch.Features, n, emission);
        // Keep the raw emissions for the confidence; Viterbi needs only the back pointers.
        Span<float> raw = n * l <= 2048 ? stackalloc float[n * l] : new float[n * l];
        emission.AsSpan(0, n * l).CopyTo(raw);
        Viterbi(emission, n, scratch);
        var best = scratch.Best;
        int i = 0;
        while (i < n)
        {
            int y = best[i];
            if (y != 0)
            {
                int end = i + 1;
                while (end < n && best[end] != 0 && !_isBegin[best[end]] && _typeOf[best[end]] == _typeOf[y]) end++;
                // "Bashar al-Assad": a following Arabic-article name part belongs to the name the model found.
                while (end < n && best[end] == 0 && tokens[end].Start - tokens[end - 1].End <= 1
                       && NerFeatures.ArticlePrefix(text.AsSpan(tokens[end].Start, tokens[end].Length))
                       && char.IsUpper(text[tokens[end].Start + text.AsSpan(tokens[end].Start, tokens[end].Length).IndexOf('-') + 1]))
                    end++;
                double confidence = 1.0;
                for (int k = i; k < end; k++) confidence *= LocalProbability(raw, k, k == 0 ? -1 : best[k - 1], best[k]);
                var type = _typeOf[y];
                if (end == i + 1 && type != EntityType.Person && IsDemonymOnly(text, tokens[i])) type = EntityType.Norp;
                result.Add(new NerSpan(new TextSpan(tokens[i].Start, tokens[end - 1].End), type, Math.Round(confidence, 4), offset + i, offset + end));
                i = end;
                continue;
            }

            if (addNorp && scratch.GazBegin[i] && GazetteerSpan(text, tokens, scratch, best, i) is var (gazEnd, gazType) && gazEnd > i)
            {
                // A knowledge-base name the model left untagged: trust the gazetteer, with a lower confidence.
                result.Add(new NerSpan(new TextSpan(tokens[i].Start, tokens[gazEnd - 1].End), gazType, 0.6, offset + i, offset + gazEnd));
                i = gazEnd;
                continue;
            }

            if (addNorp && scratch.Gaz[i] == GazetteerType.Norp && IsDemonymCandidate(text, tokens[i]))
                result.Add(new NerSpan(tokens[i].Span, EntityType.Norp, 0.9, offset + i, offset + i + 1));
            else if (addNorp && IsProDemonym(text, tokens[i]))
                result.Add(new NerSpan(tokens[i].Span, EntityType.Norp, 0.85, offset + i, offset + i + 1));
            i++;
        }
    }

    /// <summary>The end and type of a gazetteer match starting at <paramref name="i"/> over tokens the model left as O, written with a capital; (0, _) when none.</summary>
    private static (int End, EntityType Type) GazetteerSpan(string text, ReadOnlySpan<Token> tokens, NerFeatures.Scratch scratch, int[] best, int i)
    {
        var type = scratch.Gaz[i] == GazetteerType.Surname ? GazetteerType.Person : scratch.Gaz[i] & ~GazetteerType.Surname;
        if (scratch.Gaz[i] == GazetteerType.Surname && IsCalendarWord(text.AsSpan(tokens[i].Start, tokens[i].Length))) return (0, EntityType.Other);
        EntityType entityType = type switch
        {
            GazetteerType.Person => EntityType.Person,
            GazetteerType.Organisation => EntityType.Organisation,
            GazetteerType.Location => EntityType.Location,
            _ => EntityType.Other,
        };
        if (entityType == EntityType.Other) return (0, entityType);
        char first = text[tokens[i].Start];
        if (!char.IsUpper(first) && !char.IsDigit(first)) return (0, entityType);
        int end = i + 1;
        while (end < tokens.Length && !scratch.GazBegin[end] && scratch.Gaz[end] == scratch.Gaz[i]) end++;
        for (int k = i; k < end; k++)
            if (best[k] != 0) return (0, entityType);
        // A single capitalised word opening a sentence is too often an ordinary word ("Sham", "Al").
        if (end == i + 1 && i == 0 && tokens[i].Length <= 3) return (0, entityType);
        return (end, entityType);
    }

    private static bool IsCalendarWord(ReadOnlySpan<char> word) =>
        word is "January" or "February" or "March" or "April" or "May" or "June" or "July" or "August" or "September"
            or "October" or "November" or "December" or "Monday" or "Tuesday" or "Wednesday" or "Thursday" or "Friday"
            or "Saturday" or "Sunday";

    private bool IsDemonymOnly(string text, Token token) =>
        Gazetteer.IsDemonym(FeatureHash.Lower(text.AsSpan(token.Start, token.Length)));

    private static bool IsDemonymCandidate(string text, Token token) => char.IsUpper(text[token.Start]);

    private bool IsProDemonym(string text, Token token)
    {
        var word = text.AsSpan(token.Start, token.Length);
        return word.Length > 5 && word.StartsWith("pro-", StringComparison.OrdinalIgnoreCase) && char.IsUpper(word[4])
            && Gazetteer.IsDemonym(FeatureHash.Lower(word[4..]));
    }

    private double LocalProbability(ReadOnlySpan<float> raw, int i, int previous, int chosen)
    {
        int l = _labelCount;
        double max = double.NegativeInfinity;
        Span<double> s = stackalloc double[l];
        for (int y = 0; y < l; y++)
        {
            int cell = ((previous + 1) * l) + y;
            // Averaged perceptron scores are large margins, not log-probabilities; a fixed temperature spreads them.
            s[y] = _allowed[cell] ? (raw[(i * l) + y] + _transitions[cell]) / Temperature : double.NegativeInfinity;
            max = Math.Max(max, s[y]);
        }

        double sum = 0;
        for (int y = 0; y < l; y++) sum += Math.Exp(s[y] - max);
        return Math.Exp(s[chosen] - max) / sum;
    }

    private static NerModel LoadShipped()
    {
        using var stream = typeof(NerModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException("PX1202: the NER model is not embedded in Parallax.Nlp; rebuild it with 'parallax train ner' (see data/ner/README.md).");
        return Read(stream);
    }
}
