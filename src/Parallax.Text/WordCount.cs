namespace Parallax.Text;

/// <summary>
/// Words as the stores, exports and benchmarks count them: runs of non-white-space characters (the rule the peer
/// scripts use, so figures compare). Scripts written without spaces (Chinese, Thai) count a run as one word.
/// </summary>
public static class WordCount
{
    /// <summary>The number of white-space-separated runs in <paramref name="text"/>. Thread-safe; allocates nothing.</summary>
    public static int Of(ReadOnlySpan<char> text)
    {
        int n = 0;
        bool inWord = false;
        foreach (var ch in text)
        {
            bool word = !char.IsWhiteSpace(ch);
            if (word && !inWord) n++;
            inWord = word;
        }
        return n;
    }
}
