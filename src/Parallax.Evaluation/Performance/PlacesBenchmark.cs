using System.Diagnostics;
using Parallax.Nlp.Places;

namespace Parallax.Evaluation.Performance;

/// <summary>The gazetteer's load time and memory, and toponym resolution throughput (see docs/PERFORMANCE.md).</summary>
/// <param name="FirstLoadMs">The first load in the process: reading the embedded file, JIT included.</param>
/// <param name="LoadMedianMs">Median of the later loads (JIT warm).</param>
/// <param name="HeapMb">Managed heap held by one loaded gazetteer, after a full collection.</param>
/// <param name="Entries">Entries in the gazetteer.</param>
/// <param name="Texts">Texts resolved per run.</param>
/// <param name="Words">Words in them.</param>
/// <param name="Places">Place mentions found per run.</param>
/// <param name="WordsPerSecond">Median over the runs, one thread.</param>
/// <param name="TextsPerSecond">Median over the runs, one thread.</param>
public sealed record PlacesBenchmarkResult(double FirstLoadMs, double LoadMedianMs, double HeapMb, int Entries, int Texts, long Words, int Places,
    double WordsPerSecond, double TextsPerSecond);

/// <summary>Times <see cref="Gazetteer.Load"/> and <see cref="ToponymResolver.Resolve"/>. Run it in a fresh process for the first-load figure.</summary>
public static class PlacesBenchmark
{
    /// <summary>Loads the gazetteer <paramref name="runs"/> + 1 times, then resolves <paramref name="texts"/> <paramref name="runs"/> times on one thread.</summary>
    public static PlacesBenchmarkResult Run(IReadOnlyList<string> texts, int runs)
    {
        ArgumentNullException.ThrowIfNull(texts);
        runs = Math.Max(1, runs);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var sw = Stopwatch.StartNew();
        var gazetteer = Gazetteer.Load([]);
        double first = sw.Elapsed.TotalMilliseconds;
        long after = GC.GetTotalMemory(forceFullCollection: true);
        double heapMb = (after - before) / 1e6;
        var loads = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            sw.Restart();
            var again = Gazetteer.Load([]);
            loads.Add(sw.Elapsed.TotalMilliseconds);
            GC.KeepAlive(again);
        }

        var resolver = new ToponymResolver(gazetteer);
        long words = texts.Sum(t => (long)Parallax.Text.WordCount.Of(t));
        // One untimed pass so that the timed ones measure steady state.
        int places = texts.Sum(t => resolver.Resolve(t).Length);
        var seconds = new List<double>();
        for (int r = 0; r < runs; r++)
        {
            sw.Restart();
            foreach (var t in texts) resolver.Resolve(t);
            seconds.Add(sw.Elapsed.TotalSeconds);
        }
        double median = Median(seconds);
        GC.KeepAlive(gazetteer);
        return new PlacesBenchmarkResult(first, Median(loads), heapMb, gazetteer.Count, texts.Count, words, places,
            median > 0 ? words / median : 0, median > 0 ? texts.Count / median : 0);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
