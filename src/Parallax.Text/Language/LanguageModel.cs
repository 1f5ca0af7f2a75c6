using System.Collections.Frozen;
using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;

namespace Parallax.Text.Language;

/// <summary>
/// Naive Bayes weights for the languages written in one script. A feature's weights are its quantized
/// log-probabilities, one byte per language; <see cref="Levels"/> turns a byte back into a log-probability.
/// </summary>
internal sealed class ScriptModel
{
    public ScriptModel(TextScript script, ImmutableArray<string> languages, uint[] features, byte[] weights, double low, double high)
    {
        Script = script;
        Languages = languages;
        Features = features;
        Weights = weights;
        Low = low;
        High = high;
        var index = new Dictionary<uint, int>(features.Length);
        for (int i = 0; i < features.Length; i++) index[features[i]] = i * languages.Length;
        Index = index.ToFrozenDictionary();
        Levels = new double[256];
        for (int q = 0; q < 256; q++) Levels[q] = low + (high - low) * q / 255.0;
    }

    public TextScript Script { get; }
    public ImmutableArray<string> Languages { get; }
    public uint[] Features { get; }
    public byte[] Weights { get; }
    public double Low { get; }
    public double High { get; }
    public FrozenDictionary<uint, int> Index { get; }
    public double[] Levels { get; }
}

/// <summary>
/// The trained model: one <see cref="ScriptModel"/> per script that the corpus covered. A script with one
/// language has no features: its script alone decides. Stored gzip-compressed, little-endian.
/// </summary>
internal sealed class LanguageModel
{
    private static readonly byte[] Magic = "PXLANG"u8.ToArray();
    private const byte Version = 1;

    public LanguageModel(ImmutableArray<ScriptModel> scripts) => ScriptModels = scripts;

    public ImmutableArray<ScriptModel> ScriptModels { get; }

    public ScriptModel? For(TextScript script)
    {
        foreach (var m in ScriptModels)
            if (m.Script == script) return m;
        return null;
    }

    public void Write(Stream output)
    {
        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gzip, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write7BitEncodedInt(ScriptModels.Length);
        foreach (var m in ScriptModels)
        {
            w.Write((byte)m.Script);
            w.Write7BitEncodedInt(m.Languages.Length);
            foreach (var l in m.Languages) w.Write(l);
            w.Write(m.Low);
            w.Write(m.High);
            w.Write7BitEncodedInt(m.Features.Length);
            uint previous = 0;
            foreach (uint f in m.Features)
            {
                w.Write7BitEncodedInt64(f - previous);
                previous = f;
            }
            // Language-major order keeps similar bytes together, which compresses better.
            int langs = m.Languages.Length;
            for (int l = 0; l < langs; l++)
                for (int i = 0; i < m.Features.Length; i++)
                    w.Write(m.Weights[i * langs + l]);
        }
    }

    public static LanguageModel Read(Stream input)
    {
        using var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(gzip, Encoding.UTF8, leaveOpen: true);
        var magic = r.ReadBytes(Magic.Length);
        if (!magic.AsSpan().SequenceEqual(Magic) || r.ReadByte() != Version)
            throw new InvalidDataException("PX3101: not a Parallax language model (or a newer version); rebuild it with `parallax train langid`.");
        int count = r.Read7BitEncodedInt();
        var scripts = ImmutableArray.CreateBuilder<ScriptModel>(count);
        for (int s = 0; s < count; s++)
        {
            var script = (TextScript)r.ReadByte();
            int langs = r.Read7BitEncodedInt();
            var languages = ImmutableArray.CreateBuilder<string>(langs);
            for (int l = 0; l < langs; l++) languages.Add(r.ReadString());
            double low = r.ReadDouble();
            double high = r.ReadDouble();
            int features = r.Read7BitEncodedInt();
            var hashes = new uint[features];
            uint previous = 0;
            for (int i = 0; i < features; i++)
            {
                previous += (uint)r.Read7BitEncodedInt64();
                hashes[i] = previous;
            }
            var weights = new byte[features * langs];
            for (int l = 0; l < langs; l++)
                for (int i = 0; i < features; i++)
                    weights[i * langs + l] = r.ReadByte();
            scripts.Add(new ScriptModel(script, languages.MoveToImmutable(), hashes, weights, low, high));
        }
        return new LanguageModel(scripts.MoveToImmutable());
    }
}
