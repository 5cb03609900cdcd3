using System.Collections.Frozen;

namespace EntityResolver.Text;

/// <summary>
/// Polivanov's system, by which Russian writes Japanese names, read back into the Hepburn
/// spelling that Latin registries give them: a Cyrillic word that is a sequence of Japanese
/// syllables (Ёсида, Тиёко, Кацуо) has the spelling Yoshida, Chiyoko, Katsuo. What the plain
/// romanization of Cyrillic reads otherwise is chiefly си, ти and цу (shi, chi, tsu), the с and т
/// before я, ю and ё (sha, cho), дз (z, and j before и, я, ю and ё), х (h) and the й after a
/// vowel (Сэйдзи: Seiji).
/// </summary>
internal static class Polivanov
{
    /// <summary>Syllables: Polivanov, Hepburn. A consonant written twice (тт, сс, кк, and тц) doubles the next syllable's first letter.</summary>
    private static readonly FrozenDictionary<string, string> Syllables = BuildSyllables();

    /// <summary>The longest syllable, in Cyrillic letters (дзя).</summary>
    private const int MaxSyllable = 3;

    private static FrozenDictionary<string, string> BuildSyllables()
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["а"] = "a", ["и"] = "i", ["у"] = "u", ["э"] = "e", ["о"] = "o", ["я"] = "ya", ["ю"] = "yu", ["ё"] = "yo",
            ["н"] = "n", // the syllabic n, before a consonant, a hard sign or at the end (see Hepburn)
            ["си"] = "shi", ["ся"] = "sha", ["сю"] = "shu", ["сё"] = "sho",
            ["ти"] = "chi", ["тя"] = "cha", ["тю"] = "chu", ["тё"] = "cho", ["цу"] = "tsu",
            ["дзи"] = "ji", ["дзя"] = "ja", ["дзю"] = "ju", ["дзё"] = "jo", ["дзу"] = "zu", ["дза"] = "za", ["дзэ"] = "ze", ["дзо"] = "zo",
            ["фу"] = "fu", ["ва"] = "wa", ["во"] = "wo",
        };
        (string Cyrillic, string Latin)[] plain = [("к", "k"), ("г", "g"), ("с", "s"), ("т", "t"), ("д", "d"), ("н", "n"), ("х", "h"), ("б", "b"), ("п", "p"), ("м", "m"), ("р", "r")];
        (string Cyrillic, string Latin)[] vowels = [("а", "a"), ("и", "i"), ("у", "u"), ("э", "e"), ("о", "o")];
        (string Cyrillic, string Latin)[] iotated = [("я", "ya"), ("ю", "yu"), ("ё", "yo")];
        foreach (var (consonant, latin) in plain)
        {
            foreach (var (vowel, sound) in vowels)
            {
                // The di, du and tu of Polivanov are dzi, dzu and tsu; hu is fu.
                if ((consonant is "д" && vowel is "и" or "у") || (consonant == "т" && vowel == "у") || (consonant == "х" && vowel == "у"))
                {
                    continue;
                }

                table.TryAdd(consonant + vowel, latin + sound);
            }

            if (consonant is not ("д" or "т" or "с"))
            {
                foreach (var (vowel, sound) in iotated)
                {
                    table.TryAdd(consonant + vowel, latin + sound);
                }
            }
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// The Hepburn spelling of a normalized Cyrillic word that is a sequence of Japanese syllables
    /// as Polivanov's system writes them (a й after a vowel is i, a hard sign a break, a consonant
    /// written twice a doubled one: Катти, Katchi), with one of the letter sequences that the
    /// system writes for sounds the plain romanization reads otherwise (си, ти, цу, дз, с or т
    /// before я, ю or ё; see <see cref="IsMarked"/>); otherwise null.
    /// </summary>
    public static string? Hepburn(string word)
    {
        if (word.Length == 0 || word.Length > 24 || !IsMarked(word))
        {
            return null;
        }

        var lookup = Syllables.GetAlternateLookup<ReadOnlySpan<char>>();
        var hepburn = new System.Text.StringBuilder(word.Length + 6);
        bool doubled = false;
        for (int i = 0; i < word.Length;)
        {
            char c = word[i];
            if (c == 'ъ' && i > 0)
            {
                i++;
                continue;
            }

            if (c == 'й' && i > 0 && Phonetics.IsCyrillicVowel(word[i - 1]))
            {
                hepburn.Append('i');
                i++;
                continue;
            }

            // A consonant written twice: the next syllable's first letter twice (тти: tchi).
            if (!doubled && i + 1 < word.Length && c is 'к' or 'с' or 'т' or 'п' && (word[i + 1] == c || (c == 'т' && word[i + 1] == 'ц')))
            {
                doubled = true;
                i++;
                continue;
            }

            int length = Math.Min(MaxSyllable, word.Length - i);
            while (length > 0 && !lookup.ContainsKey(word.AsSpan(i, length)))
            {
                length--;
            }

            // The syllabic n stands before a consonant, a hard sign or at the end only (на is a syllable).
            if (length == 0 || (length == 1 && c == 'н' && i + 1 < word.Length && (Phonetics.IsCyrillicVowel(word[i + 1]) || word[i + 1] == 'й')))
            {
                return null;
            }

            lookup.TryGetValue(word.AsSpan(i, length), out string? syllable);
            if (doubled)
            {
                hepburn.Append(syllable![0] == 'c' ? 't' : syllable[0]);
                doubled = false;
            }

            hepburn.Append(syllable);
            i += length;
        }

        return doubled ? null : hepburn.ToString();
    }

    /// <summary>
    /// Whether the word has a letter sequence whose Hepburn spelling the plain romanization of
    /// Cyrillic does not give: си, ти, цу, дз, or с or т before я, ю or ё.
    /// </summary>
    internal static bool IsMarked(ReadOnlySpan<char> word)
    {
        for (int i = 1; i < word.Length; i++)
        {
            char a = word[i - 1], b = word[i];
            if ((a is 'с' or 'т' && b is 'и' or 'я' or 'ю' or 'ё') || (a, b) is ('ц', 'у') or ('д', 'з'))
            {
                return true;
            }
        }

        return false;
    }
}
