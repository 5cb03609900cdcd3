using System.Globalization;
using System.Text;

namespace EntityResolver.Text;

/// <summary>
/// Name-aware romanization of one normalized token to lower-case ASCII. Built-in rules (tables
/// embedded under Data/translit) cover Arabic script (Arabic, Urdu, Persian), Devanagari and
/// Cyrillic, where ICU's general transliterators are wrong for names: ICU keeps Devanagari's
/// inherent vowel (राजेश becomes "rajesha") and leaves Urdu letters untouched. Other
/// scripts go through ICU (<see cref="Icu"/>), cached; Latin loses its diacritics.
/// </summary>
internal static class Romanizer
{
    private static readonly Dictionary<char, (string Latin, char Class)> Arabic = LoadArabic();
    private static readonly Dictionary<char, (string Latin, char Class, string? Nukta)> Devanagari = LoadDevanagari();
    private static readonly Dictionary<char, string> Cyrillic = LoadCyrillic();

    public static string Romanize(string token, Script script) => script switch
    {
        Script.Latin => LatinToAscii(token),
        Script.Arabic => RomanizeArabic(token),
        Script.Devanagari => RomanizeDevanagari(token),
        Script.Cyrillic => RomanizeCyrillic(token),
        Script.Other => Icu.ToLatin(token) is { Length: > 0 } latin ? LatinToAscii(latin) : token,
        _ => LatinToAscii(token),
    };

    /// <summary>
    /// The Latin form that <see cref="Phonetics.Encode"/> reads for a word: <paramref name="latin"/>,
    /// except for letters that the romanization writes as plain ASCII, so that a spelling without
    /// them still meets the word, but that other scripts or languages write as said:
    /// <list type="bullet">
    /// <item>The ç, kept: said s in French and Portuguese names and ch in Turkish ones, and written
    /// letter by letter as k too (François: Франсуа; Kılıç: Кылыч; Cançado: كانكادو).</item>
    /// <item>The h that German writes after an umlaut to mark it long, before a consonant or at
    /// the end, written <c>X</c>: silent, and Russian leaves it out (Böhme: Бёме, Fröhlich: Фрёлих),
    /// while Arabic script often writes it (بوهمه).</item>
    /// <item>The nasal vowels of Polish and Portuguese, ą, ę and ã, written with an <c>N</c> after
    /// them (ą as oN): Russian writes their n, and m before b or p (Dąbrowski: Домбровский, Kępiński:
    /// Кемпинский, Galvão: Галван).</item>
    /// <item>The Czech ř, written rJ: Russian writes it рж (Dvořák: Дворжак, Bořek: Боржек).</item>
    /// <item>The ض and ذ of an Arabic-script word, romanized dh and written <c>D</c>: Arabic says
    /// them d and dh, Persian, Urdu and Turkish z (رضا: Rida and Raza; ضياء: Diya and Zia).</item>
    /// <item>The y that Russian says before a word-initial е, written <c>I</c>: Latin spellings write
    /// it y or j, or leave it out (Елена: Yelena, Jelena, Elena; Ешич: Ješić).</item>
    /// </list>
    /// </summary>
    internal static string PhoneticSource(string normalized, Script script, string latin)
    {
        if (script == Script.Cyrillic)
        {
            return normalized.StartsWith('\u0435') && latin.StartsWith('e') ? "I" + latin : latin;
        }

        if (script == Script.Arabic)
        {
            // Every dh of an Arabic-script romanization is a ض or a ذ, or the aspirated d of Urdu
            // (دھ), which stays d: a word with both is read as romanized.
            return normalized.AsSpan().ContainsAny('\u0636', '\u0630') && !normalized.Contains("\u062F\u06BE", StringComparison.Ordinal)
                ? latin.Replace("dh", "D", StringComparison.Ordinal)
                : latin;
        }

        if (script != Script.Latin || normalized.AsSpan().IndexOfAny("çäöüąęãř") < 0)
        {
            return latin;
        }

        // A word joined to a compound head has a separator the normalized form lacks: read as romanized.
        return string.Equals(LatinToAscii(normalized), latin, StringComparison.Ordinal) ? LatinToAscii(normalized, phonetic: true) : latin;
    }

    /// <summary>A Latin vowel letter as decomposed (an umlaut is its vowel and a combining mark).</summary>
    private static bool IsLatinVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    /// <summary>The letter <see cref="LatinToAscii"/> keeps for <paramref name="c"/> with the combining <paramref name="mark"/> when it keeps marked letters, or \0.</summary>
    private static char Kept(char c, char mark) => (c, mark) switch
    {
        ('c', '\u0327') => 'ç',
        ('o', '\u0308' or '\u030B') => 'ö',
        ('u', '\u0308' or '\u030B') => 'ü',
        ('a', '\u0308') => 'ä',
        ('a', '\u030A') => 'å',
        ('n', '\u0303') => 'ñ',
        ('e', '\u0301') => 'é',
        ('e', '\u0300') => 'è',
        _ => '\0',
    };

    /// <summary>
    /// Drops diacritics and maps the Latin letters that do not decompose; with
    /// <paramref name="keepMarked"/>, the letters the transliteration models read as letters of
    /// their own are kept: ç, ö (also written ø and ő), ü (ű), ä, å, ñ, é, è and ł; with <paramref name="phonetic"/>,
    /// the form <see cref="PhoneticSource"/> describes: the ç kept, the silent h after an umlaut
    /// written X, a nasal vowel's n N and the zh of a Czech ř J (the symbols of <see cref="Phonetics.Encode"/>).
    /// </summary>
    internal static string LatinToAscii(string token, bool keepMarked = false, bool phonetic = false)
    {
        bool ascii = true;
        foreach (char c in token)
        {
            if (c >= 0x80 || c is >= 'A' and <= 'Z' || !char.IsAsciiLetterOrDigit(c))
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            return token;
        }

        string decomposed = token.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        for (int i = 0; i < decomposed.Length; i++)
        {
            char c = char.ToLowerInvariant(decomposed[i]);
            if (c < 0x80)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    char mark = i + 1 < decomposed.Length ? decomposed[i + 1] : '\0';
                    if (keepMarked && Kept(c, mark) is var kept and not '\0')
                    {
                        sb.Append(kept);
                        continue;
                    }

                    if (phonetic && c == 'c' && mark == '\u0327')
                    {
                        sb.Append('ç');
                        continue;
                    }

                    if (phonetic && ((mark == '\u0328' && c is 'a' or 'e') || (mark == '\u0303' && c == 'a')))
                    {
                        sb.Append(c == 'a' && mark == '\u0328' ? 'o' : c).Append('N');
                        continue;
                    }

                    if (phonetic && c == 'r' && mark == '\u030C')
                    {
                        sb.Append('r').Append('J');
                        continue;
                    }

                    if (phonetic && c == 'h' && i >= 2 && decomposed[i - 1] == '\u0308' && char.ToLowerInvariant(decomposed[i - 2]) is 'a' or 'o' or 'u'
                        && (i + 1 == decomposed.Length || !IsLatinVowel(char.ToLowerInvariant(decomposed[i + 1]))))
                    {
                        sb.Append('X');
                        continue;
                    }

                    sb.Append(c);

                    // č ć, š ş ș ś, ž: the sounds that other scripts write ch, sh, zh (Savićević:
                    // سافيتشيفيتش, Şükrü: شكرو, Ștefan: Штефан). Not ç: it is ch in Turkish but s in
                    // Portuguese (the phonetic form reads it: PhoneticSource).
                    if ((c is 'c' or 's' or 'z' && mark == '\u030C') || (c is 'c' or 's' && mark == '\u0301') || (c == 's' && mark is '\u0327' or '\u0326'))
                    {
                        sb.Append('h');
                    }

                    // The Romanian ț (also written with a cedilla, ţ) is ts: Ionuț, Ионуц.
                    if (c == 't' && mark is '\u0326' or '\u0327')
                    {
                        sb.Append('s');
                    }
                }

                continue;
            }

            switch (c)
            {
                case 'ß': sb.Append("ss"); break;
                case 'æ': sb.Append("ae"); break;
                case 'œ': sb.Append("oe"); break;
                case 'ø': sb.Append(keepMarked ? 'ö' : 'o'); break;
                case 'ł': sb.Append(keepMarked ? 'ł' : 'l'); break;
                case 'đ' or 'ð': sb.Append('d'); break;
                case 'þ': sb.Append("th"); break;
                case 'ı': sb.Append('i'); break;
                case 'ħ': sb.Append('h'); break;
                default:
                    UnicodeCategory cat = CharUnicodeInfo.GetUnicodeCategory(c);
                    if (cat is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ModifierLetter)
                        && char.IsLetterOrDigit(c))
                    {
                        // A letter of another script inside a Latin token: keep it, compared as written.
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    private static string RomanizeArabic(string token)
    {
        var sb = new StringBuilder(token.Length * 2);
        for (int i = 0; i < token.Length; i++)
        {
            char c = token[i];
            char next = i + 1 < token.Length ? token[i + 1] : '\0';

            // Alef with hamza below, which the analyzer passes on only as a word's first letter,
            // is the vowel i, long when yeh follows (إبراهيم Ibrahim, إيفرا Evra, إيران Iran).
            if (c == '\u0625')
            {
                sb.Append('i');
                if (next == '\u064A')
                {
                    i++;
                }

                continue;
            }

            if (!Arabic.TryGetValue(c, out var entry))
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    sb.Append(c);
                }

                continue;
            }

            // Heh or hah after a stop, heh after s or z and hah after z are a consonant of their
            // own, not the h of a digraph (بهادر b-hadr, سهيل s-hil Suhail, زهرة z-hra Zahra,
            // زحاف z-haf Zahaf); Urdu writes aspiration with do-chashmi heh (بھ), and Latin
            // spellings often write s + hah as sh.
            // A final heh read e is a vowel, not such a consonant. (A teh marbuta keeps the
            // separator it had when it was read as a heh: without it, عدة reads exactly as Ada
            // and no longer as near Adda as Ada, and netranslit-ar lost four such names.)
            string? finalHeh = entry.Class == 'H' && i == token.Length - 1 && i > 0 ? FinalHeh(c, token[i - 1]) : null;
            if (sb.Length > 0 && finalHeh != "e" && ((c is '\u0647' or '\u0629' or '\u062D' && sb[^1] is 'b' or 'p' or 't' or 'd' or 'k' or 'g' or 'j' or 'c') || (c is '\u0647' or '\u0629' && sb[^1] is 's' or 'z') || (c == '\u062D' && sb[^1] == 'z')))
            {
                sb.Append('-');
            }

            // A first alef before waw and a consonant only carries the vowel u/o (اوباما Obama,
            // أوزير Özer, اونٹ Oont). (Before yeh it may be ay as well as i: أيمن Ayman, ایران Iran.)
            if (i == 0 && c == '\u0627' && next == '\u0648' && token.Length > 2
                && Arabic.TryGetValue(token[2], out var third) && third.Class is 'C' or 'E' or 'H')
            {
                continue;
            }

            switch (entry.Class)
            {
                case 'W':
                    // A consonant first, before alef or before a second waw, whose vowel the
                    // second is (داوود Dawud, أتوود Atwood, ایوو Evo; netranslit-ar development
                    // queries +9 / -3 against reading both u); the vowel u otherwise.
                    sb.Append(i == 0 || next is '\u0627' or '\u0648' ? "w" : "u");
                    break;
                case 'Y':
                    sb.Append(Yeh(token, i, next));
                    break;
                case 'H':
                    sb.Append(finalHeh ?? "h");
                    break;
                default:
                    // Two equal consonant letters are two consonants (a short vowel between them
                    // is not written: ممبئی is Mumbai), unlike a doubled Latin letter. The double
                    // lam of the article before lam (الله, عبدالله) is one sound in Latin spellings.
                    // So are a consonant's aspirate and the consonant (ٹھٹہ Thatta: th, t), which
                    // would otherwise merge once the aspirate's h is read as part of a digraph.
                    if (i > 0 && c != '\u0644' && (token[i - 1] == c || (i > 1 && token[i - 1] == '\u06BE' && token[i - 2] == c)))
                    {
                        sb.Append('-');
                    }

                    sb.Append(entry.Latin);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The reading of the yeh at <paramref name="i"/> (<paramref name="next"/> the letter after it,
    /// or \0): y first in the word and before a vowel
    /// letter; otherwise the vowel i, but e after another yeh inside the word, where Arabic script
    /// writes the ie, ye and ille of foreign names (دانييل Daniel, تييري Thierry, باييستا Ballesta).
    /// Not the first yeh's vowel (يين Yin: y, i), not at the end, not before a final heh, where
    /// the French -ier is written ييه (فورييه Fourier: a heh's e follows, and ee is read i), and
    /// not next to a hamza seat (ئ, which the analyzer passes on: رئيس, Urdu مائیکروسافٹ Microsoft).
    /// </summary>
    private static string Yeh(string token, int i, char next)
    {
        if (i == 0 || next is '\u0627' or '\u0648' or '\u0649')
        {
            return "y";
        }

        bool afterInnerYeh = i > 1 && token[i] == '\u064A' && token[i - 1] == '\u064A';
        bool beforeEnd = next == '\0' || (i == token.Length - 2 && next is '\u0647' or '\u0629');
        return afterInnerYeh && !beforeEnd ? "e" : "i";
    }

    /// <summary>
    /// The reading of a word's final heh (see arabic.tsv): written teh marbuta (passed on as ة)
    /// a; written heh e, but h after alef or waw (شاه) and ah after lam (the -llah of الله, عبدالله).
    /// </summary>
    private static string FinalHeh(char heh, char before) =>
        heh == '\u0629' ? "a" : before is '\u0627' or '\u0648' ? "h" : before == '\u0644' ? "ah" : "e";

    private static string RomanizeDevanagari(string token)
    {
        // The conjunct ज्ञ (jña) is said, and spelled in Latin, gy in Hindi names (ज्ञान Gyan,
        // प्रज्ञा Pragya): read it as ग्य.
        if (token.Contains("\u091C\u094D\u091E", StringComparison.Ordinal))
        {
            token = token.Replace("\u091C\u094D\u091E", "\u0917\u094D\u092F", StringComparison.Ordinal);
        }

        // Syllables: onset (Latin) and vowel; vowel null = inherent schwa, "" = none (virama).
        var onsets = new List<string>(token.Length);
        var vowels = new List<string?>(token.Length);
        for (int i = 0; i < token.Length; i++)
        {
            char c = token[i];
            if (!Devanagari.TryGetValue(c, out var entry))
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    onsets.Add(c.ToString());
                    vowels.Add(string.Empty);
                }

                continue;
            }

            switch (entry.Class)
            {
                case 'C':
                    bool nukta = i + 1 < token.Length && token[i + 1] == '\u093C';
                    onsets.Add(nukta && entry.Nukta is not null ? entry.Nukta : entry.Latin);
                    vowels.Add(null);
                    break;
                case 'V':
                    onsets.Add(string.Empty);
                    vowels.Add(entry.Latin);
                    break;
                case 'M':
                    if (vowels.Count > 0 && vowels[^1] is null)
                    {
                        vowels[^1] = entry.Latin;
                    }
                    else
                    {
                        onsets.Add(string.Empty);
                        vowels.Add(entry.Latin);
                    }

                    break;
                case 'X':
                    if (vowels.Count > 0 && vowels[^1] is null)
                    {
                        vowels[^1] = string.Empty;
                    }

                    break;
                case 'N':
                    if (vowels.Count > 0 && vowels[^1] is null)
                    {
                        vowels[^1] = "a";
                    }

                    onsets.Add(entry.Latin);
                    vowels.Add(string.Empty);
                    break;
            }
        }

        // Schwa deletion: drop the final inherent vowel, and a medial one between two
        // pronounced vowels (सरदार is "sardar", रहमान is "rahman").
        int count = onsets.Count;
        var result = new StringBuilder(token.Length * 2);
        bool previousHasVowel = false;
        for (int k = 0; k < count; k++)
        {
            string? v = vowels[k];
            if (v is null)
            {
                bool last = k == count - 1;
                bool nextHasVowel = k + 1 < count && (vowels[k + 1] is { } nv ? nv.Length > 0 : k + 1 < count - 1);
                v = (last && count > 1) || (k > 0 && previousHasVowel && nextHasVowel) ? string.Empty : "a";
            }

            result.Append(onsets[k]).Append(v);
            previousHasVowel = v.Length > 0;
        }

        return result.ToString();
    }

    private static string RomanizeCyrillic(string token)
    {
        var sb = new StringBuilder(token.Length * 2);
        for (int i = 0; i < token.Length; i++)
        {
            char c = token[i];

            // Russian writes the zh of pinyin чж (Чжан Zhang): the ж alone.
            if (c == '\u0447' && i + 1 < token.Length && token[i + 1] == '\u0436')
            {
                continue;
            }

            // A double ц writes the zz of Italian names (Абруццо Abruzzo, Маццини Mazzini; Russian
            // words have none), and цз the j and z of pinyin: j before i and ü (Цзян Jiang, Цзюнь
            // Jun), z before the other vowels (Цзэн Zeng, Цзы Zi).
            if (c == '\u0446' && i + 1 < token.Length && token[i + 1] is '\u0446' or '\u0437')
            {
                char after = i + 2 < token.Length ? token[i + 2] : '\0';
                sb.Append(token[i + 1] == '\u0446' ? "zz" : after is '\u0438' or '\u044F' or '\u044E' or '\u0435' or '\u0451' ? "j" : "z");
                i++;
                continue;
            }

            // A soft sign before е, и or о is the y of Васильев (Vasilyev), Барнье (Barnier: the
            // French -ier), Ньон (Nyon); before я, ю and ё, whose own y it would double, nothing.
            if (c == '\u044C' && i + 1 < token.Length && token[i + 1] is '\u0435' or '\u0438' or '\u043E')
            {
                sb.Append('y');
                continue;
            }

            if (Cyrillic.TryGetValue(c, out string? latin))
            {
                // тс is two letters, not the one sound ц writes (Уотсон Watson: t, s; see Phonetics).
                if (c == '\u0441' && i > 0 && token[i - 1] == '\u0442')
                {
                    sb.Append('-');
                }

                sb.Append(latin);
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static Dictionary<char, (string, char)> LoadArabic()
    {
        var map = new Dictionary<char, (string, char)>();
        foreach (string[] row in ResourceData.ReadTable("translit/arabic.tsv"))
        {
            map[row[0][0]] = (row.Length > 1 ? row[1] : string.Empty, row.Length > 2 && row[2].Length > 0 ? row[2][0] : 'C');
        }

        return map;
    }

    private static Dictionary<char, (string, char, string?)> LoadDevanagari()
    {
        var map = new Dictionary<char, (string, char, string?)>();
        foreach (string[] row in ResourceData.ReadTable("translit/devanagari.tsv"))
        {
            map[row[0][0]] = (row[1], row[2][0], row.Length > 3 && row[3].Length > 0 ? row[3] : null);
        }

        return map;
    }

    private static Dictionary<char, string> LoadCyrillic()
    {
        var map = new Dictionary<char, string>();
        foreach (string[] row in ResourceData.ReadTable("translit/cyrillic.tsv"))
        {
            map[row[0][0]] = row.Length > 1 ? row[1] : string.Empty;
        }

        return map;
    }
}
