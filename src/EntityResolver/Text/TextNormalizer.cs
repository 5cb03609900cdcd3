using System.Globalization;
using System.Text;

namespace EntityResolver.Text;

/// <summary>
/// Culture-free normalization of one token: Unicode NFKC (which also maps Arabic presentation
/// forms to base letters), lower case, no format controls (ZWNJ, ZWJ, bidi marks), no Arabic
/// harakat or tatweel, Arabic/Urdu/Persian letter variants folded to one form (alef maqsura
/// stays: it reads a, not i), no apostrophes, no heh that writes the vowel e inside a
/// transliterated word (see <see cref="VowelHeh"/>).
/// The Devanagari nukta is kept: the romanizer reads it (फ़ is f, फ is ph).
/// </summary>
internal static class TextNormalizer
{
    /// <summary>Normalizes one raw token. Returns an empty string when nothing name-like is left.</summary>
    public static string NormalizeToken(ReadOnlySpan<char> raw) => NormalizeToken(raw, keepHamzaSeat: false);

    /// <summary>
    /// <see cref="NormalizeToken(ReadOnlySpan{char})"/>, but with <paramref name="keepHamzaSeat"/>
    /// a yeh with hamza above (ئ) stays as written instead of becoming a yeh: the same string
    /// letter for letter otherwise, for a romanization that tells the two apart.
    /// </summary>
    public static string NormalizeToken(ReadOnlySpan<char> raw, bool keepHamzaSeat)
    {
        if (raw.IsEmpty)
        {
            return string.Empty;
        }

        // Replace unpaired surrogates so that Normalize never throws.
        string text = SanitizeSurrogates(raw);
        if (!text.IsNormalized(NormalizationForm.FormKC))
        {
            text = text.Normalize(NormalizationForm.FormKC);
        }

        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];

            // Yeh with a superscript alef (Urdu موسیٰ, عیسیٰ) is an alef maqsura.
            if (c is '\u064A' or '\u06CC' && i + 1 < text.Length && text[i + 1] == '\u0670')
            {
                sb.Append('\u0649');
                i++;
                continue;
            }

            if (c == '\u0647' && VowelHeh(text, i))
            {
                continue;
            }

            char folded = keepHamzaSeat && c == '\u0626' ? c : Fold(c);
            if (folded != '\0')
            {
                sb.Append(folded);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Whether the heh at <paramref name="i"/> writes the vowel e rather than the consonant h, as
    /// transliterations of Japanese names do inside a word: before alef with hamza below, which
    /// only begins a syllable there (تاتهإيش Tateishi, إيهإيجون Eijun), or after a syllable's
    /// إي and before a consonant (كاإيهتسو Kaetsu). Arabic words have neither sequence; in the
    /// development data every such heh (7 names) is an e. Dropped, the word reads as its Latin
    /// spelling does.
    /// </summary>
    private static bool VowelHeh(string text, int i)
    {
        if (i == 0 || i + 1 >= text.Length)
        {
            return false;
        }

        char next = text[i + 1];
        return next == '\u0625'
            || (i >= 3 && text[i - 2] == '\u0625' && text[i - 1] == '\u064A' && char.IsLetter(next) && Fold(next) is not ('\u0627' or '\u0648' or '\u064A' or '\u0649' or '\u0647'));
    }

    /// <summary>Folds one character; returns '\0' for characters that are dropped.</summary>
    internal static char Fold(char c)
    {
        if (c < 0x80)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c is '\'' or '`' ? '\0' : c;
        }

        switch (c)
        {
            // Apostrophe-like marks inside Latin names (O'Brien, Sa'id, ʿAbd).
            case '\u2019' or '\u2018' or '\u02BC' or '\u02BB' or '\u02BF' or '\u02BE' or '\u00B4':
            // Tatweel, superscript alef.
            case '\u0640' or '\u0670':
                return '\0';
            // Alef forms.
            case '\u0623' or '\u0625' or '\u0622' or '\u0671' or '\u0672' or '\u0673':
                return '\u0627';
            case '\u0624': return '\u0648'; // waw with hamza
            case '\u0626' or '\u06CC' or '\u06D0' or '\u06CD' or '\u06D2' or '\u06D3' or '\u06CE':
                return '\u064A'; // yeh forms (Arabic, Persian/Urdu yeh, bari yeh)
            case '\u06A9' or '\u06AA': return '\u0643'; // keheh, swash kaf
            case '\u0629' or '\u06C3' or '\u06C1' or '\u06D5' or '\u06C0' or '\u06C2':
                return '\u0647'; // teh marbuta, heh goal, ae (do-chashmi heh stays: it marks aspiration)
            case '\u0679': return '\u062A'; // tteh
            case '\u0688': return '\u062F'; // ddal
            case '\u0691': return '\u0631'; // rreh
            case '\u06BA': return '\u0646'; // noon ghunna
            case '\u06A4': return '\u0641'; // veh
            case '\u0676' or '\u0677': return '\u0648';
        }

        // Arabic-Indic digits to ASCII.
        if (c is >= '\u0660' and <= '\u0669')
        {
            return (char)('0' + (c - '\u0660'));
        }

        if (c is >= '\u06F0' and <= '\u06F9')
        {
            return (char)('0' + (c - '\u06F0'));
        }

        // Harakat and Quranic marks.
        if (c is >= '\u064B' and <= '\u065F' || c is >= '\u06D6' and <= '\u06ED' || c is >= '\u0610' and <= '\u061A')
        {
            return '\0';
        }

        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (category is UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.Surrogate)
        {
            return '\0';
        }

        return char.ToLowerInvariant(c);
    }

    internal static string SanitizeSurrogates(ReadOnlySpan<char> raw)
    {
        bool clean = true;
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return raw.ToString();
        }

        var chars = raw.ToArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }
}
