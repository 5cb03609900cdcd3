namespace EntityResolver.Text;

/// <summary>The writing system of a token, as far as name matching cares.</summary>
internal enum Script : byte
{
    /// <summary>No letters (digits, symbols) or not recognised.</summary>
    Unknown = 0,
    /// <summary>Latin letters, with or without diacritics.</summary>
    Latin,
    /// <summary>Arabic script, including the Urdu and Persian letters.</summary>
    Arabic,
    /// <summary>Devanagari (Hindi, Marathi, Nepali).</summary>
    Devanagari,
    /// <summary>Cyrillic.</summary>
    Cyrillic,
    /// <summary>Any other script; romanized through ICU when available.</summary>
    Other,
}

/// <summary>Detects the script of a character or a token from Unicode block ranges.</summary>
internal static class ScriptDetector
{
    public static Script Of(char c)
    {
        if (c < 0x80)
        {
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a' ? Script.Latin : Script.Unknown;
        }

        return c switch
        {
            >= '\u00C0' and <= '\u024F' => c is '\u00D7' or '\u00F7' ? Script.Unknown : Script.Latin,
            >= '\u1E00' and <= '\u1EFF' => Script.Latin,
            >= '\u0400' and <= '\u052F' => Script.Cyrillic,
            >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF'
                or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' => IsArabicLetterBlock(c) ? Script.Arabic : Script.Unknown,
            >= '\u0900' and <= '\u097F' or >= '\uA8E0' and <= '\uA8FF' => c is '\u0964' or '\u0965' ? Script.Unknown : Script.Devanagari,
            _ => char.IsLetter(c) ? Script.Other : Script.Unknown,
        };
    }

    /// <summary>The dominant script of the letters in <paramref name="token"/>.</summary>
    public static Script Of(ReadOnlySpan<char> token)
    {
        Span<int> counts = stackalloc int[6];
        foreach (char c in token)
        {
            counts[(int)Of(c)]++;
        }

        Script best = Script.Unknown;
        int bestCount = 0;
        for (int i = 1; i < counts.Length; i++)
        {
            if (counts[i] > bestCount)
            {
                bestCount = counts[i];
                best = (Script)i;
            }
        }

        return best;
    }

    private static bool IsArabicLetterBlock(char c) =>
        c is not ('\u060C' or '\u061B' or '\u061F' or '\u06D4' or '\u066A' or '\u066B' or '\u066C' or '\u066D')
        && !(c >= '\u0660' && c <= '\u0669') && !(c >= '\u06F0' && c <= '\u06F9');
}
