using System.Text;

namespace Parallax.Nlp.Cleaning.Html;

/// <summary>
/// Collects the characters of one paragraph (or one removed block) with the raw offset each came from, folding
/// runs of whitespace into one space. A raw start of -1 marks a character whose source could not be located.
/// </summary>
internal sealed class TextSink
{
    private readonly StringBuilder _text = new();
    private readonly List<int> _starts = [];
    private readonly List<int> _lengths = [];

    public int Length => _text.Length;

    public int Letters { get; private set; }

    public void Append(char c, int rawStart, int rawLength)
    {
        if (char.IsWhiteSpace(c))
        {
            if (_text.Length == 0 || _text[^1] == ' ') return;
            c = ' ';
            // A folded run maps to its first raw character only, so the copy stays one-for-one.
            if (rawLength > 1 && rawStart >= 0) rawLength = 1;
        }
        else Letters++;
        _text.Append(c);
        _starts.Add(rawStart);
        _lengths.Add(rawLength);
    }

    /// <summary>Adds a separating space (between blocks of a removed group).</summary>
    public void Break()
    {
        if (_text.Length > 0 && _text[^1] != ' ')
        {
            _text.Append(' ');
            _starts.Add(-1);
            _lengths.Add(0);
        }
    }

    /// <summary>The collected text without its trailing space.</summary>
    public int TrimmedLength => _text.Length > 0 && _text[^1] == ' ' ? _text.Length - 1 : _text.Length;

    public string Text() => _text.ToString(0, TrimmedLength);

    public char this[int index] => _text[index];

    public int StartOf(int index) => _starts[index];

    public int LengthOf(int index) => _lengths[index];

    /// <summary>The raw span covered by the located characters, or (-1, -1) when none was located.</summary>
    public (int Start, int End) RawExtent()
    {
        int start = -1, end = -1;
        for (int i = 0; i < _starts.Count; i++)
        {
            if (_starts[i] < 0) continue;
            if (start < 0) start = _starts[i];
            end = Math.Max(end, _starts[i] + _lengths[i]);
        }
        return (start, end);
    }

    public void Clear()
    {
        _text.Clear();
        _starts.Clear();
        _lengths.Clear();
        Letters = 0;
    }
}
