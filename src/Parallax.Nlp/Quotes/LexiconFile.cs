namespace Parallax.Nlp.Quotes;

/// <summary>Reads the tab-separated lexicon files of data/lexicons: '#' comments, one header line, then rows.</summary>
internal static class LexiconFile
{
    /// <summary>The rows of <paramref name="reader"/> after the header, each with exactly <paramref name="cells"/> cells.
    /// Throws <see cref="LexiconException"/> (PX3501) naming <paramref name="name"/> and the line otherwise.</summary>
    public static List<(int Line, string[] Cells)> Read(string name, TextReader reader, int cells)
    {
        var rows = new List<(int, string[])>();
        bool header = true;
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split('\t');
            if (parts.Length != cells || parts.Any(p => p.Trim().Length == 0))
                throw new LexiconException(LexiconErrorCode.BadLine,
                    $"{name} line {number}: expected {cells} non-empty tab-separated cells, found {parts.Length}; fix the line.");
            if (header)
            {
                header = false;
                continue;
            }

            rows.Add((number, parts.Select(p => p.Trim()).ToArray()));
        }

        return rows;
    }

    /// <summary>Opens an embedded lexicon (logical name "Parallax.Nlp.Lexicons.{file}"); PX3503 when it is missing.</summary>
    public static StreamReader Open(string file)
    {
        var name = "Parallax.Nlp.Lexicons." + file;
        var stream = typeof(LexiconFile).Assembly.GetManifestResourceStream(name)
            ?? throw new LexiconException(LexiconErrorCode.MissingResource,
                $"The embedded lexicon '{name}' is missing; data/lexicons/{file} must be an EmbeddedResource of Parallax.Nlp.");
        return new StreamReader(stream);
    }
}
