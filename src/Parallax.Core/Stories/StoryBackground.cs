using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Parallax.Core.Stories;

/// <summary>
/// Background document frequencies of common words, used as a prior on the index's own document frequencies.
/// A fresh index has seen only a handful of articles, so its idf says that the words every report of one
/// situation shares ("Dariv", "plant") are common and that a blog's everyday words ("water", "neighbours") are
/// rare; the prior corrects that until the index has seen enough articles of its own to outweigh it.
/// </summary>
/// <remarks>
/// The table format, one entry a line: the number of background documents on the first line, then
/// "term count" lines (terms as <see cref="TermAnalyzer.Term"/> returns them, counts in documents).
/// Immutable and thread-safe.
/// </remarks>
public sealed class StoryBackground
{
    private readonly FrozenDictionary<string, int> _frequency;

    private StoryBackground(int documents, FrozenDictionary<string, int> frequency)
    {
        Documents = documents;
        _frequency = frequency;
    }

    /// <summary>The table shipped with Parallax (see <see cref="Build"/> for how it is made).</summary>
    public static StoryBackground Default { get; } = Parse(StoryBackgroundTable.Text);

    /// <summary>How many documents the frequencies were counted over.</summary>
    public int Documents { get; }

    /// <summary>How many terms the table holds.</summary>
    public int Count => _frequency.Count;

    /// <summary>In how many background documents the term occurs written in lower case; 0 when not listed.</summary>
    public int Frequency(string term) => _frequency.GetValueOrDefault(term);

    /// <summary>
    /// Counts, over <paramref name="documents"/>, the documents in which each content term occurs written in lower
    /// case inside a sentence (so names, which are written capitalised, stay out of the table), and returns the
    /// table text of the terms found in at least <paramref name="minDocuments"/> documents, most frequent first
    /// (ordinal order on ties). The same documents give the same text.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="documents"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minDocuments"/> is less than 1.</exception>
    public static string Build(IEnumerable<string> documents, int minDocuments)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentOutOfRangeException.ThrowIfLessThan(minDocuments, 1);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var n = 0;
        foreach (var text in documents)
        {
            n++;
            foreach (var (term, stat) in TermAnalyzer.Analyze(text, null).Terms)
            {
                if (stat.LowerInside > 0) counts[term] = counts.GetValueOrDefault(term) + 1;
            }
        }

        var sb = new StringBuilder();
        sb.Append(n.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var (term, count) in counts.Where(c => c.Value >= minDocuments).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            sb.Append(term).Append(' ').Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Reads a table written by <see cref="Build"/>.</summary>
    /// <exception cref="FormatException">A line is not "term count" or the header is not a count.</exception>
    public static StoryBackground Parse(string table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0) return new StoryBackground(0, FrozenDictionary<string, int>.Empty);
        var documents = int.Parse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture);
        var map = new Dictionary<string, int>(lines.Length, StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0) throw new FormatException("A story background line must be 'term count'.");
            map[line[..space]] = int.Parse(line.AsSpan(space + 1), NumberStyles.None, CultureInfo.InvariantCulture);
        }

        return new StoryBackground(documents, map.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
