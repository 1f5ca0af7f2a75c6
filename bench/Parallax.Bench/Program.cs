using System.Globalization;
using Parallax.Evaluation.Performance;

// Usage: Parallax.Bench <corpus folder> [runs]. Prints one line per run and the median words per second.
if (args.Length < 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: Parallax.Bench <corpus folder> [runs]");
    return 1;
}
int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var results = new List<ThroughputRun>();
for (int i = 0; i < runs; i++)
{
    var r = await ThroughputBenchmark.RunAsync(args[0]);
    results.Add(r);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"run {i + 1}: {r.Files} files, {r.Bytes / 1e6:0.0} MB, {r.Words} words, {r.TotalSeconds:0.00} s, {r.WordsPerSecond:0} words/s, peak {r.PeakWorkingSetMb:0} MB"));
}
var median = results.OrderBy(r => r.WordsPerSecond).ElementAt(results.Count / 2);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median: {median.WordsPerSecond:0} words/s"));
return 0;
