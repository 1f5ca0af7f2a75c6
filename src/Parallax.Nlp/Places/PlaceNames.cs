using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Parallax.Nlp.Places;

/// <summary>
/// The key under which names are matched: case, diacritics, apostrophes (Dar'a, Dar‘ā), punctuation and a leading
/// Arabic article (al-, el-, as-, …) or English "the" are ignored, so spellings that differ only in those meet.
/// </summary>
internal static class PlaceNames
{
    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal)
    {
        "al", "el", "ar", "as", "ash", "ad", "an", "az", "at", "ath", "adh", "the",
    };

    // Called for every name while the gazetteer loads: optimised at once rather than after tiering up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Key(string name)
    {
        // Most names are plain ASCII; decomposing them would only cost time at load.
        var decomposed = Ascii.IsValid(name) ? name : name.Normalize(NormalizationForm.FormD);
        Span<char> buffer = decomposed.Length <= 256 ? stackalloc char[decomposed.Length] : new char[decomposed.Length];
        int len = 0;
        bool space = true;
        foreach (var ch in decomposed)
        {
            if (ch < 128)
            {
                if (char.IsAsciiLetterOrDigit(ch))
                {
                    buffer[len++] = char.ToLowerInvariant(ch);
                    space = false;
                }
                else if (ch is '\'' or '`') continue;
                else if (!space)
                {
                    buffer[len++] = ' ';
                    space = true;
                }
                continue;
            }
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (ch is '‘' or '’' or 'ʿ' or 'ʾ' or 'ʼ' or '´') continue;
            if (char.IsLetterOrDigit(ch))
            {
                buffer[len++] = char.ToLowerInvariant(ch);
                space = false;
            }
            else if (!space)
            {
                buffer[len++] = ' ';
                space = true;
            }
        }
        if (len > 0 && buffer[len - 1] == ' ') len--;
        var key = buffer[..len];
        int cut = key.IndexOf(' ');
        if (cut > 0 && cut <= 3 && Articles.Contains(key[..cut].ToString())) key = key[(cut + 1)..];
        return key.ToString();
    }
}
