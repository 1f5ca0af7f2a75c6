using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Parallax.Nlp.Places;
using Parallax.Text;

namespace Parallax.Evaluation.Geo;

/// <summary>How toponyms are found before they are resolved.</summary>
public enum GeoMode
{
    /// <summary>The gold spans are given to the resolver: resolution alone.</summary>
    GoldSpans,

    /// <summary>The resolver finds the toponyms itself: detection and resolution.</summary>
    EndToEnd,
}

/// <summary>
/// Toponym-resolution figures for one mode. Distances are great-circle kilometres between the chosen entry's point
/// and the gold point. <see cref="Accuracy161"/>, <see cref="Auc"/>, <see cref="MeanKm"/> and <see cref="MedianKm"/>
/// are over the gold toponyms the system found and resolved (as the published figures are);
/// <see cref="StrictAccuracy161"/> counts every gold toponym, a miss being wrong.
/// </summary>
public sealed record GeoReport(
    GeoMode Mode,
    int Articles,
    int GoldToponyms,
    int Resolved,
    double Coverage,
    double Accuracy161,
    double StrictAccuracy161,
    double Auc,
    double MeanKm,
    double MedianKm,
    TimeSpan Elapsed)
{
    /// <summary>A Markdown table of one or more reports with the published reference figures beside them.</summary>
    public static string ToMarkdownTable(IEnumerable<GeoReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var sb = new StringBuilder();
        sb.AppendLine("| system | mode | acc@161 km | AUC (lower better) | mean km | median km | coverage | acc@161 over all gold |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in reports)
        {
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| Parallax | {(r.Mode == GeoMode.GoldSpans ? "gold spans" : "end to end")} | {r.Accuracy161:P1} | {r.Auc:0.000} | {r.MeanKm:0} | {r.MedianKm:0} | {r.Coverage:P1} ({r.Resolved}/{r.GoldToponyms}) | {r.StrictAccuracy161:P1} |"));
        }
        sb.AppendLine("| CamCoder | end to end | 76% | 0.22 | | | | |");
        sb.AppendLine("| Edinburgh Geoparser | end to end | 76% | 0.25 | | | | |");
        sb.AppendLine("| CLAVIN | end to end | 71% | 0.26 | | | | |");
        sb.AppendLine("| population baseline | end to end | 70% | 0.27 | | | | |");
        sb.AppendLine("| Mordecai 3 | gold spans | 82.7% | | | | | |");
        return sb.ToString();
    }

    /// <summary>This report alone as a Markdown table with the reference rows.</summary>
    public string ToMarkdownTable() => ToMarkdownTable([this]);
}

/// <summary>Runs the toponym resolver over the LGL corpus (local US news with GeoNames-tagged toponyms).</summary>
public static class GeoBenchmark
{
    private const double EarthHalfCircumferenceKm = 20039;

    /// <summary>Evaluates the shipped gazetteer and resolver on <paramref name="lglXmlPath"/> in the given mode.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">PX3603: the file is not LGL XML (articles/article/text/toponyms).</exception>
    public static GeoReport Run(string lglXmlPath, GeoMode mode) => Run(lglXmlPath, mode, new ToponymResolver(Gazetteer.LoadDefault()));

    /// <summary>Evaluates the given resolver; see <see cref="Run(string, GeoMode)"/>.</summary>
    public static GeoReport Run(string lglXmlPath, GeoMode mode, ToponymResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        var articles = LglCorpus.Read(lglXmlPath);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var errors = new List<double>();
        int gold = 0;
        foreach (var a in articles)
        {
            gold += a.Toponyms.Length;
            var spans = mode == GeoMode.GoldSpans ? a.Toponyms.Select(t => t.Span).ToList() : null;
            var places = resolver.Resolve(a.Text, spans);
            foreach (var t in a.Toponyms)
            {
                var hit = places.FirstOrDefault(p => p.Status == PlaceStatus.Resolved && p.Entry is not null
                    && (mode == GeoMode.GoldSpans ? p.Span == t.Span : p.Span.Overlaps(t.Span)));
                if (hit?.Entry is { } e) errors.Add(GeoDistance.DistanceKm(e.Latitude, e.Longitude, t.Latitude, t.Longitude));
            }
        }
        clock.Stop();
        return Summarise(mode, articles.Count, gold, errors, clock.Elapsed);
    }

    internal static GeoReport Summarise(GeoMode mode, int articles, int gold, List<double> errors, TimeSpan elapsed)
    {
        errors.Sort();
        int n = errors.Count;
        int within = errors.Count(e => e <= 161);
        return new GeoReport(
            mode, articles, gold, n,
            gold == 0 ? 0 : (double)n / gold,
            n == 0 ? 0 : (double)within / n,
            gold == 0 ? 0 : (double)within / gold,
            Auc(errors),
            n == 0 ? 0 : errors.Average(),
            n == 0 ? 0 : (n % 2 == 1 ? errors[n / 2] : (errors[n / 2 - 1] + errors[n / 2]) / 2),
            elapsed);
    }

    /// <summary>
    /// Area under the curve of sorted, scaled errors ln(error + 1) / ln(20039) over x in [0, 1], by the trapezoid rule
    /// (as in Gritta et al.'s evaluation); 0 is perfect, 1 is every answer on the far side of the Earth.
    /// </summary>
    internal static double Auc(IReadOnlyList<double> sortedErrors)
    {
        int n = sortedErrors.Count;
        if (n == 0) return 0;
        if (n == 1) return Math.Log(sortedErrors[0] + 1) / Math.Log(EarthHalfCircumferenceKm);
        double area = 0;
        double scale = Math.Log(EarthHalfCircumferenceKm);
        for (int i = 1; i < n; i++)
            area += (Math.Log(sortedErrors[i - 1] + 1) + Math.Log(sortedErrors[i] + 1)) / 2 / scale;
        return area / (n - 1);
    }
}

/// <summary>One LGL toponym: its span in the article text and its gold point.</summary>
internal sealed record LglToponym(TextSpan Span, string Phrase, double Latitude, double Longitude, string GeoNamesId);

/// <summary>One LGL article.</summary>
internal sealed record LglArticle(string Id, string Text, ImmutableArray<LglToponym> Toponyms);

/// <summary>Reads the LGL XML. Toponyms without a gold point (no gaztag) are skipped, as in the published evaluations.</summary>
internal static class LglCorpus
{
    public static List<LglArticle> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"PX3603: LGL file '{path}' not found; pass the path of lgl.xml.", path);
        var doc = XDocument.Load(path);
        var root = doc.Root ?? throw new InvalidDataException($"PX3603: '{path}' is empty.");
        var list = new List<LglArticle>();
        foreach (var art in root.Elements("article"))
        {
            var text = (string?)art.Element("text") ?? throw new InvalidDataException($"PX3603: '{path}': an article has no <text>.");
            var tops = ImmutableArray.CreateBuilder<LglToponym>();
            foreach (var t in art.Element("toponyms")?.Elements("toponym") ?? [])
            {
                var gaz = t.Element("gaztag");
                if (gaz?.Element("lat") is null || gaz.Element("lon") is null) continue;
                int start = int.Parse((string)t.Element("start")!, CultureInfo.InvariantCulture);
                int end = int.Parse((string)t.Element("end")!, CultureInfo.InvariantCulture);
                var phrase = (string?)t.Element("phrase") ?? "";
                if (end > text.Length || !string.Equals(text[start..end], phrase, StringComparison.Ordinal))
                {
                    // Offsets counted in code points drift after astral characters; find the phrase nearby instead.
                    int at = text.IndexOf(phrase, Math.Max(0, Math.Min(start, text.Length) - 10), StringComparison.Ordinal);
                    if (at < 0) continue;
                    (start, end) = (at, at + phrase.Length);
                }
                tops.Add(new LglToponym(new TextSpan(start, end), phrase,
                    double.Parse((string)gaz.Element("lat")!, CultureInfo.InvariantCulture),
                    double.Parse((string)gaz.Element("lon")!, CultureInfo.InvariantCulture),
                    (string?)gaz.Attribute("geonameid") ?? ""));
            }
            list.Add(new LglArticle((string?)art.Attribute("docid") ?? "", text, tops.ToImmutable()));
        }
        return list;
    }
}
