using System.Collections.Frozen;

namespace EntityResolver.Text;

/// <summary>
/// The Palladius system, by which Russian writes Chinese names, read back into pinyin: a
/// Cyrillic word that is a sequence of Palladius syllables (Чэнлун, Сяцин, Аньган) has the pinyin
/// spelling that Latin registries give such names (Chenglong, Xiaqing, Angang). What the plain
/// romanization of Cyrillic loses is chiefly the final ng, which Palladius writes н (чэн: cheng)
/// and tells from the final n, written нь (чэнь: chen), and the initials that pinyin spells x, q,
/// j and zh (сю: xiu, цин: qing, цзян: jiang, чжан: zhang).
/// </summary>
internal static class Palladius
{
    /// <summary>Initials: Palladius, pinyin (before a final of the i or ü row, цз, ц and с are j, q and x).</summary>
    private static readonly (string Cyrillic, string Pinyin)[] Initials =
    [
        ("б", "b"), ("п", "p"), ("м", "m"), ("ф", "f"), ("д", "d"), ("т", "t"), ("н", "n"), ("л", "l"),
        ("г", "g"), ("к", "k"), ("х", "h"), ("цз", "z"), ("ц", "c"), ("с", "s"), ("чж", "zh"), ("ч", "ch"),
        ("ш", "sh"), ("ж", "r"),
    ];

    /// <summary>Finals after an initial: Palladius, pinyin (ü written u, as Latin registries fold it).</summary>
    private static readonly (string Cyrillic, string Pinyin)[] Finals =
    [
        ("а", "a"), ("о", "o"), ("э", "e"), ("ы", "i"), ("и", "i"), ("ай", "ai"), ("эй", "ei"), ("ао", "ao"),
        ("оу", "ou"), ("ань", "an"), ("энь", "en"), ("ан", "ang"), ("эн", "eng"), ("ун", "ong"), ("я", "ia"),
        ("е", "ie"), ("яо", "iao"), ("ю", "iu"), ("янь", "ian"), ("инь", "in"), ("ян", "iang"), ("ин", "ing"),
        ("юн", "iong"), ("у", "u"), ("уа", "ua"), ("уай", "uai"), ("уй", "ui"), ("уань", "uan"), ("унь", "un"),
        ("уан", "uang"), ("юй", "u"), ("юэ", "ue"), ("юань", "uan"), ("юнь", "un"),
    ];

    /// <summary>Syllables without an initial: Palladius, pinyin.</summary>
    private static readonly (string Cyrillic, string Pinyin)[] Bare =
    [
        ("а", "a"), ("о", "o"), ("э", "e"), ("ай", "ai"), ("эй", "ei"), ("ао", "ao"), ("оу", "ou"), ("ань", "an"),
        ("энь", "en"), ("ан", "ang"), ("эн", "eng"), ("эр", "er"), ("и", "yi"), ("я", "ya"), ("е", "ye"),
        ("яо", "yao"), ("ю", "you"), ("янь", "yan"), ("инь", "yin"), ("ян", "yang"), ("ин", "ying"),
        ("юн", "yong"), ("у", "wu"), ("ва", "wa"), ("во", "wo"), ("вай", "wai"), ("вэй", "wei"),
        ("вань", "wan"), ("вэнь", "wen"), ("ван", "wang"), ("вэн", "weng"), ("юй", "yu"), ("юэ", "yue"),
        ("юань", "yuan"), ("юнь", "yun"),
    ];

    private static readonly FrozenDictionary<string, string> Syllables = BuildSyllables();

    /// <summary>The longest syllable, in Cyrillic letters (чжуань).</summary>
    private const int MaxSyllable = 6;

    private static FrozenDictionary<string, string> BuildSyllables()
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (cyrillic, pinyin) in Bare)
        {
            table.TryAdd(cyrillic, pinyin);
        }

        foreach (var (initial, pinyinInitial) in Initials)
        {
            bool dental = initial is "цз" or "ц" or "с";
            bool retroflex = initial is "чж" or "ч" or "ш" or "ж";
            bool labial = initial is "б" or "п" or "м" or "ф";
            foreach (var (final, pinyinFinal) in Finals)
            {
                // The i and ü rows (и, я, е, ю...; not the ы of zi, ci, si): after цз, ц, с they make j, q, x.
                bool front = final[0] is 'и' or 'я' or 'е' or 'ю';
                string? pinyin =
                    final == "ы" ? (dental ? pinyinInitial + "i" : null)
                    : dental && front ? (initial switch { "цз" => "j", "ц" => "q", _ => "x" }) + pinyinFinal
                    : retroflex && front && final != "и" ? null
                    : labial && final == "ун" ? null // pinyin has no bong, pong, mong, fong
                    : final == "о" && !labial ? pinyinInitial + "uo" // го: guo, до: duo
                    : pinyinInitial + pinyinFinal;
                if (pinyin is not null)
                {
                    table.TryAdd(initial + final, pinyin);
                }
            }
        }

        // Palladius writes hui хуэй, where gui, kui and the other ui are гуй, куй...
        table["хуэй"] = "hui";
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// The pinyin spelling of a normalized Cyrillic word that is a sequence of Palladius syllables
    /// (a hard sign between two may mark the break: Синъэ, Xing'e), by its parse into the fewest
    /// syllables; or null when the word is not such a sequence, or has none of the letters that
    /// mark a Chinese name in Russian (see <see cref="IsMarked"/>): many Russian words are
    /// sequences of Palladius syllables too (Иван would read Yiwang).
    /// </summary>
    public static string? Pinyin(string word)
    {
        if (word.Length == 0 || word.Length > 24 || !IsMarked(word))
        {
            return null;
        }

        // count[i]: the fewest syllables that spell word[i..]; first[i]: the length of the first (0: none).
        Span<int> count = stackalloc int[word.Length + 1];
        Span<int> first = stackalloc int[word.Length + 1];
        count[word.Length] = 0;
        var lookup = Syllables.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = word.Length - 1; i >= 0; i--)
        {
            count[i] = int.MaxValue;
            first[i] = 0;
            if (word[i] == 'ъ' && i > 0 && count[i + 1] != int.MaxValue)
            {
                count[i] = count[i + 1];
                first[i] = 1;
                continue;
            }

            for (int length = Math.Min(MaxSyllable, word.Length - i); length >= 1; length--)
            {
                if (count[i + length] != int.MaxValue && count[i + length] + 1 < count[i] && lookup.ContainsKey(word.AsSpan(i, length)))
                {
                    count[i] = count[i + length] + 1;
                    first[i] = length;
                }
            }
        }

        if (count[0] == int.MaxValue)
        {
            return null;
        }

        var pinyin = new System.Text.StringBuilder(word.Length + 4);
        for (int i = 0; i < word.Length; i += first[i])
        {
            if (word[i] != 'ъ')
            {
                lookup.TryGetValue(word.AsSpan(i, first[i]), out string? syllable);
                pinyin.Append(syllable);
            }
        }

        return pinyin.ToString();
    }

    /// <summary>
    /// Whether the word has a letter sequence that Russian writes in Chinese names and rarely
    /// elsewhere: э after a consonant (чэн), цз, чж, a hard sign inside the word, сю, ся, цю, ця
    /// and ци (xiu, xia, qiu, qia, qi), юй, нь before a consonant (the final n of a syllable
    /// before the next: даньцин, danqing), a final ун or юн (дун: dong, сюн: xiong), or a part
    /// with an initial and a final н written twice (минмин: mingming). Russian
    /// words with one (Ельцин, Коньков) rarely parse into Palladius syllables.
    /// </summary>
    internal static bool IsMarked(ReadOnlySpan<char> word)
    {
        for (int i = 1; i < word.Length; i++)
        {
            char a = word[i - 1], b = word[i];
            if ((b == 'э' && !IsVowelOrSign(a)) || (a, b) is ('ц', 'з') or ('ч', 'ж') or ('ю', 'й')
                || (b == 'ъ' && i + 1 < word.Length)
                || (a is 'с' or 'ц' && b is 'ю' or 'я') || (a, b) is ('ц', 'и')
                || (a == 'ь' && i > 1 && word[i - 2] == 'н' && !IsVowelOrSign(b)))
            {
                return true;
            }
        }

        return (word.Length >= 3 && word[^1] == 'н' && word[^2] is 'у' or 'ю' && !IsVowelOrSign(word[^3]))
            || IsDoubledNasal(word);
    }

    /// <summary>
    /// Whether the word is a part that begins with a consonant and ends in н, written twice
    /// (минмин, пинпин: mingming, pingping): Chinese given names double a syllable, and there the
    /// plain romanization reads the final ng as n. Whether the part is a syllable is for the
    /// parse to tell (бенбен is marked, but бен is no syllable).
    /// </summary>
    private static bool IsDoubledNasal(ReadOnlySpan<char> word)
    {
        int half = word.Length / 2;
        return word.Length >= 6 && word.Length % 2 == 0 && word[^1] == 'н' && !IsVowelOrSign(word[0])
            && word[..half].SequenceEqual(word[half..]);
    }

    /// <summary>A vowel letter, й, or a soft or hard sign: what a letter after a consonant is not.</summary>
    private static bool IsVowelOrSign(char c) => Phonetics.IsCyrillicVowel(c) || c is 'й' or 'ь' or 'ъ';
}
