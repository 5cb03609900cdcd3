using System.Globalization;

namespace EntityResolver.Text;

/// <summary>A raw token: a span of the original text, before normalization.</summary>
/// <param name="Start">Offset in UTF-16 code units.</param>
/// <param name="Length">Length in UTF-16 code units.</param>
/// <param name="AllCaps">Whether the token had two letters or more, each an upper-case Latin or Cyrillic letter (acronym evidence).</param>
internal readonly record struct RawToken(int Start, int Length, bool AllCaps);

/// <summary>
/// Splits text into word tokens on white space, punctuation (Latin, Arabic ، ؛ ۔ ؟, Devanagari
/// danda) and symbols. Hyphens split (Al-Rashid is "Al" + "Rashid"); apostrophes stay inside a
/// word and a trailing possessive 's is dropped. Format controls (ZWNJ, bidi marks) neither split
/// nor count. Never throws, linear in the input length.
/// </summary>
internal static class Tokenizer
{
    public static List<RawToken> Tokenize(ReadOnlySpan<char> text)
    {
        // About one word in six characters of running text: room for all of them, mostly, without
        // the list growing (and copying) a dozen times through a long document.
        var tokens = new List<RawToken>((text.Length / 6) + 4);
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWordChar(text, i))
            {
                i++;
            }

            int start = i;
            while (i < text.Length && (IsWordChar(text, i) || IsInnerApostrophe(text, i)))
            {
                i++;
            }

            if (i > start)
            {
                int end = i;
                // Possessive 's / ’s and trailing apostrophes.
                if (end - start > 2 && (text[end - 1] is 's' or 'S') && IsApostrophe(text[end - 2]))
                {
                    end -= 2;
                }

                while (end > start && IsApostrophe(text[end - 1]))
                {
                    end--;
                }

                if (end > start)
                {
                    tokens.Add(new RawToken(start, end - start, IsAllCaps(text.Slice(start, end - start))));
                }
            }
        }

        return tokens;
    }

    private static bool IsAllCaps(ReadOnlySpan<char> token)
    {
        int letters = 0;
        foreach (char c in token)
        {
            if (char.IsLetter(c))
            {
                if (!IsCapital(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters >= 2;
    }

    /// <summary>An upper-case letter of the scripts that write acronyms in capitals: Latin (A–Z) and Cyrillic (КГБ).</summary>
    internal static bool IsCapital(char c) => c is (>= 'A' and <= 'Z') || (c is >= '\u0400' and <= '\u04FF' && char.IsUpper(c));

    internal static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`';

    private static bool IsInnerApostrophe(ReadOnlySpan<char> text, int i) =>
        IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > 0 && char.IsLetter(text[i - 1]);

    private static bool IsWordChar(ReadOnlySpan<char> text, int i)
    {
        char c = text[i];
        if (c < 0x80)
        {
            return char.IsAsciiLetterOrDigit(c);
        }

        if (char.IsSurrogate(c))
        {
            // A supplementary-plane letter (CJK extension, historic scripts) is part of a word;
            // emoji and unpaired surrogates are not.
            int start = char.IsLowSurrogate(c) && i > 0 ? i - 1 : i;
            return System.Text.Rune.DecodeFromUtf16(text[start..], out System.Text.Rune rune, out _) == System.Buffers.OperationStatus.Done
                && System.Text.Rune.IsLetterOrDigit(rune);
        }

        UnicodeCategory cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
            // ZWNJ / ZWJ / tatweel inside a word keep it together.
            UnicodeCategory.Format => c is '\u200C' or '\u200D',
            _ => c == '\u0640',
        };
    }
}
