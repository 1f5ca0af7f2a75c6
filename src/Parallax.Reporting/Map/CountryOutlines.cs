using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;

namespace Parallax.Reporting.Map;

/// <summary>One country's outline: rings of [longitude, latitude] in degrees, and their bounding box.</summary>
internal sealed record CountryOutline(string Name, string Id, ImmutableArray<ImmutableArray<(double Lon, double Lat)>> Rings,
    double West, double South, double East, double North);

/// <summary>
/// The Natural Earth 1:50m admin-0 country outlines (public domain, via the npm package world-atlas), simplified
/// to about 0.01° and embedded as data/naturalearth/countries.bin.gz (built by data/naturalearth/build.sh).
/// Loaded once, on first use; immutable and thread-safe.
/// </summary>
internal static class CountryOutlines
{
    private const string ResourceName = "Parallax.Reporting.Map.countries.bin.gz";
    private const double Scale = 1000;

    private static readonly Lazy<ImmutableArray<CountryOutline>> Loaded = new(Load);

    /// <summary>Every country, ordered by id then name.</summary>
    public static ImmutableArray<CountryOutline> All => Loaded.Value;

    private static ImmutableArray<CountryOutline> Load()
    {
        using var stream = typeof(CountryOutlines).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing; rebuild with data/naturalearth/build.sh.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return Parse(memory.ToArray());
    }

    /// <summary>Reads the format build.js writes: "PXNE", version 1, then per country name, id and zig-zag varint delta rings.</summary>
    internal static ImmutableArray<CountryOutline> Parse(byte[] data)
    {
        int at = 0;
        if (data.Length < 5 || data[0] != 'P' || data[1] != 'X' || data[2] != 'N' || data[3] != 'E' || data[4] != 1)
            throw new InvalidDataException("The country outline data has an unknown header; rebuild it with data/naturalearth/build.sh.");
        at = 5;
        int count = (int)Varint(data, ref at);
        var countries = ImmutableArray.CreateBuilder<CountryOutline>(count);
        for (int c = 0; c < count; c++)
        {
            string name = Text(data, ref at);
            string id = Text(data, ref at);
            int ringCount = (int)Varint(data, ref at);
            var rings = ImmutableArray.CreateBuilder<ImmutableArray<(double, double)>>(ringCount);
            double west = double.MaxValue, south = double.MaxValue, east = double.MinValue, north = double.MinValue;
            for (int r = 0; r < ringCount; r++)
            {
                int n = (int)Varint(data, ref at);
                var ring = ImmutableArray.CreateBuilder<(double, double)>(n);
                long x = 0, y = 0;
                for (int i = 0; i < n; i++)
                {
                    x += Unzig(Varint(data, ref at));
                    y += Unzig(Varint(data, ref at));
                    double lon = x / Scale, lat = y / Scale;
                    ring.Add((lon, lat));
                    west = Math.Min(west, lon);
                    east = Math.Max(east, lon);
                    south = Math.Min(south, lat);
                    north = Math.Max(north, lat);
                }
                rings.Add(ring.MoveToImmutable());
            }
            countries.Add(new CountryOutline(name, id, rings.MoveToImmutable(), west, south, east, north));
        }
        return countries.MoveToImmutable();
    }

    private static ulong Varint(byte[] data, ref int at)
    {
        ulong value = 0;
        int shift = 0;
        while (true)
        {
            if (at >= data.Length) throw new InvalidDataException("The country outline data ends early.");
            byte b = data[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) return value;
            shift += 7;
        }
    }

    private static long Unzig(ulong n) => (long)(n >> 1) ^ -(long)(n & 1);

    private static string Text(byte[] data, ref int at)
    {
        int length = (int)Varint(data, ref at);
        var s = Encoding.UTF8.GetString(data, at, length);
        at += length;
        return s;
    }
}
