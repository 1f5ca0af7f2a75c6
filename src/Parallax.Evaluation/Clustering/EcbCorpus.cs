using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Parallax.Evaluation.Clustering;

/// <summary>One ECB+ document with its gold event cluster.</summary>
/// <param name="Name">File name, e.g. "1_10ecbplus.xml".</param>
/// <param name="Topic">Topic number (the folder name).</param>
/// <param name="Number">The document number inside the topic (10 in "1_10ecbplus.xml").</param>
/// <param name="PlusEvent">True for *ecbplus.xml (the second event of the topic), false for *ecb.xml.</param>
/// <param name="Text">Tokens joined by spaces, one sentence per line.</param>
internal sealed record EcbDocument(string Name, int Topic, int Number, bool PlusEvent, string Text)
{
    /// <summary>The gold cluster: topic plus which of its two events.</summary>
    public string GoldCluster => string.Create(CultureInfo.InvariantCulture, $"{Topic}/{(PlusEvent ? "ecbplus" : "ecb")}");
}

/// <summary>Reads the ECB+ layout of ../shared/bench/clustering: ecbplus/&lt;topic&gt;/*.xml with &lt;token sentence="…"&gt; elements.</summary>
internal static class EcbCorpus
{
    /// <summary>
    /// Reads every document under <paramref name="folder"/>, which may be the clustering folder, its ecbplus
    /// folder, or any folder whose numbered subfolders are topics. Returned in the feed order described by
    /// <see cref="ClusteringBenchmark.FeedOrder"/>.
    /// </summary>
    public static List<EcbDocument> Read(string folder)
    {
        var root = Directory.Exists(Path.Combine(folder, "ecbplus")) ? Path.Combine(folder, "ecbplus") : folder;
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"PX3301: clustering benchmark folder '{folder}' does not exist; pass the path of shared/bench/clustering.");
        }

        var docs = new List<EcbDocument>();
        foreach (var topicDir in Directory.EnumerateDirectories(root))
        {
            if (!int.TryParse(Path.GetFileName(topicDir), NumberStyles.None, CultureInfo.InvariantCulture, out var topic)) continue;
            foreach (var file in Directory.EnumerateFiles(topicDir, "*.xml"))
            {
                var name = Path.GetFileName(file);
                var plus = name.EndsWith("ecbplus.xml", StringComparison.Ordinal);
                if (!plus && !name.EndsWith("ecb.xml", StringComparison.Ordinal)) continue;
                docs.Add(new EcbDocument(name, topic, DocumentNumber(name), plus, ReadText(file)));
            }
        }

        if (docs.Count == 0)
        {
            throw new InvalidDataException($"PX3302: no ECB+ documents (<topic>/*ecb.xml, *ecbplus.xml) under '{root}'; pass the path of shared/bench/clustering.");
        }

        docs.Sort(FeedComparison);
        return docs;
    }

    /// <summary>Round robin over topics: document number first, then ecb before ecbplus, then topic, then name.</summary>
    private static int FeedComparison(EcbDocument a, EcbDocument b)
    {
        var c = a.Number.CompareTo(b.Number);
        if (c == 0) c = a.PlusEvent.CompareTo(b.PlusEvent);
        if (c == 0) c = a.Topic.CompareTo(b.Topic);
        return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
    }

    private static int DocumentNumber(string name)
    {
        var underscore = name.IndexOf('_', StringComparison.Ordinal);
        var end = underscore + 1;
        while (end < name.Length && char.IsAsciiDigit(name[end])) end++;
        return underscore >= 0 && int.TryParse(name.AsSpan(underscore + 1, end - underscore - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : 0;
    }

    private static string ReadText(string file)
    {
        XDocument xml;
        try
        {
            xml = XDocument.Load(file);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"PX3303: '{file}' is not well-formed XML ({e.Message}); restore the file from the ECB+ release.", e);
        }

        var text = new StringBuilder();
        string? sentence = null;
        foreach (var token in xml.Descendants("token"))
        {
            var s = (string?)token.Attribute("sentence");
            if (text.Length > 0) text.Append(string.Equals(s, sentence, StringComparison.Ordinal) ? ' ' : '\n');
            sentence = s;
            text.Append(token.Value);
        }

        return text.ToString();
    }
}
