namespace EntityResolver.Text;

/// <summary>
/// Initials across scripts: which tokens are initials, and whether an initial agrees with a word
/// or another initial. A Latin initial is one letter (J.). A Cyrillic one is one letter, or the
/// дж that Russian writes for a J (Дж. Буш, G. Bush). A Cyrillic letter stands for several Latin
/// ones, as names are carried over: У. for W. (Уильям, William), Х. for H. or J. (Хуан, Juan),
/// Г. for H. (Г. Уэллс, H. Wells, as Russian once wrote it), Э. for A. (Энн, Ann). In Urdu and
/// Hindi an initial is written as the letter's name (एच. जी. वेल्स, H. G. Wells). A word in
/// Devanagari or Arabic script meets the Latin initials its first letter is carried over as, as
/// well as that of its romanization: वॉकर and W. (व romanizes v), फ्रांसिस and F. (फ: ph), جورج
/// and G. (ج: j).
/// </summary>
internal static class Initials
{
    /// <summary>The Cyrillic digraph written for the initial J (or G) of a Latin name.</summary>
    private const string Dzh = "\u0434\u0436"; // дж

    /// <summary>
    /// The Latin letters a word's first Cyrillic letter may stand for in names, the likeliest
    /// first; a letter not listed stands for the first letter of its romanization.
    /// </summary>
    private static readonly Dictionary<char, string> CyrillicLeads = new()
    {
        ['\u0432'] = "vw",   // в: Вальтер, Walter
        ['\u0433'] = "gh",   // г: Г. Уэллс, H. Wells (the older rendering of h; Ukrainian)
        ['\u0435'] = "ey",   // е: Елена, Yelena
        ['\u0451'] = "yej",  // ё: Ёсиф, Yosif
        ['\u0436'] = "zjg",  // ж: Жан, Jean; Жорж, Georges
        ['\u0437'] = "zs",   // з: Зигмунд, Sigmund
        ['\u0438'] = "ie",   // и: Илайджа, Elijah
        ['\u0439'] = "yji",  // й
        ['\u043A'] = "kcq",  // к: Кристофер, Christopher
        ['\u0441'] = "sc",   // с: Сесил, Cecil
        ['\u0443'] = "uw",   // у: Уильям, William
        ['\u0444'] = "fp",   // ф: Филип, Philip
        ['\u0445'] = "hkxj", // х: Хуан, Juan; Хачатур, Khachatur
        ['\u0446'] = "tcz",  // ц: Цезарь, Caesar
        ['\u0447'] = "ct",   // ч: Чарльз, Charles
        ['\u0448'] = "s",    // ш: Шон, Sean
        ['\u0449'] = "s",    // щ
        ['\u044D'] = "ea",   // э: Энн, Ann
        ['\u044E'] = "yjue", // ю: Юрий, Jurij; Юджин, Eugene
        ['\u044F'] = "yji",  // я: Ян, Jan or Ian
        ['\u0454'] = "ye",   // є
        ['\u0457'] = "yi",   // ї
    };

    /// <summary>
    /// The other Latin letters a word's first Devanagari or Arabic-script letter may stand for in
    /// names, after the first letter of its romanization (which comes first and is not listed).
    /// Keyed by the normalized letter: the normalized form writes أ, إ and آ as ا, ک as ك and ی as ي.
    /// </summary>
    private static readonly Dictionary<char, string> CarriedLeads = new()
    {
        // Devanagari
        ['\u0935'] = "vw",    // व: वॉकर, Walker; विलियम, William
        ['\u092B'] = "fp",    // फ (ph): फ्रांसिस, Francis (फ़ with its nukta romanizes f)
        ['\u091C'] = "jgz",   // ज: जॉर्ज, George; जिया, Zia (ज़ without its nukta)
        ['\u0915'] = "kcq",   // क: क्रिस्टोफर, Christopher
        ['\u0938'] = "sc",    // स: सेसिल, Cecil
        ['\u092F'] = "yj",    // य: यूसुफ, Yusuf or Jusuf
        ['\u0909'] = "uo",    // उ: उसामा, Usama or Osama
        ['\u090A'] = "uo",    // ऊ
        ['\u0911'] = "oa",    // ऑ: ऑस्टिन, Austin
        // Arabic script (Arabic, Persian, Urdu)
        ['\u0648'] = "wvou",  // و: ووكر, Walker; وحيد, Vahid
        ['\u0641'] = "fvp",   // ف: فيكتور, Victor; فيليب, Philip
        ['\u0628'] = "bp",    // ب: بول, Paul (Arabic has no p)
        ['\u062C'] = "jg",    // ج: جورج, George
        ['\u0643'] = "kcq",   // ك (and ک): كريستوفر, Christopher
        ['\u0642'] = "qkg",   // ق: Qasim, Kassem, Gaddafi
        ['\u0633'] = "sc",    // س: سيسيل, Cecil
        ['\u062B'] = "ts",    // ث: Thabit, Sabit
        ['\u0630'] = "dz",    // ذ: Dhakir, Zakir
        ['\u0636'] = "dz",    // ض: Diya, Zia
        ['\u0638'] = "zd",    // ظ: Zafar, Dhafar
        ['\u0698'] = "zj",    // ژ
        ['\u064A'] = "yj",    // ي (and ی): يوسف, Yusuf or Jusuf
        ['\u0627'] = "aeiou", // ا (and أ, إ, آ): a vowel the script does not write: أسامة, Osama; ادوارد, Edward
        ['\u0639'] = "aeiou", // ع: عمر, Omar or Umar
    };

    /// <summary>The most letters <see cref="Letters"/> writes to its buffer (a letter name's letter, the romanization's first and the carried ones); a caller's buffer holds this many.</summary>
    public static readonly int MaxLetters = 2 + CarriedLeads.Values.Max(leads => leads.Length);

    /// <summary>Whether a name word is an initial: one Latin letter, or a Cyrillic letter alone or дж.</summary>
    public static bool IsInitial(TokenForms forms) => forms.Script switch
    {
        Script.Latin => forms.Latin.Length == 1,
        Script.Cyrillic => (forms.Normalized.Length == 1 && forms.Latin.Length > 0) || forms.Normalized == Dzh,
        _ => false,
    };

    /// <summary>The similarity of an initial and a word that begin alike (J. and John, Дж. and Джон).</summary>
    public const float Same = 0.85f;

    /// <summary>The similarity of an initial and a word that begin with letters one carries the other over as (У. and William).</summary>
    public const float Carried = 0.82f;

    /// <summary>
    /// The similarity of an initial and a word, or of two initials: 1 when both romanize alike (Ю.
    /// and Yu.) or both are initials of one likeliest Latin letter (Дж. and J., Х. and H.; not Ю.
    /// and Y.), <see cref="Same"/> when they begin with the same letter (in one script) or the
    /// likeliest Latin letters of their first letters are one, <see cref="Carried"/> when some
    /// other Latin letter is, otherwise 0.
    /// </summary>
    public static float Similarity(TokenForms a, TokenForms b)
    {
        if (a.Latin.Length == 0 || b.Latin.Length == 0)
        {
            return 0f;
        }

        if (a.Script == Script.Cyrillic && b.Script == Script.Cyrillic)
        {
            return a.Normalized[0] == b.Normalized[0] && a.Normalized.StartsWith(Dzh, StringComparison.Ordinal) == b.Normalized.StartsWith(Dzh, StringComparison.Ordinal) ? Same : 0f;
        }

        if (string.Equals(a.Latin, b.Latin, StringComparison.Ordinal))
        {
            return 1f;
        }

        Span<char> bufferA = stackalloc char[MaxLetters], bufferB = stackalloc char[MaxLetters];
        ReadOnlySpan<char> lettersA = Letters(a, bufferA), lettersB = Letters(b, bufferB);
        return lettersA[0] != lettersB[0] ? (lettersA.IndexOfAny(lettersB) >= 0 ? Carried : 0f)
            : IsInitial(a) && IsInitial(b) && !Iotated(a) && !Iotated(b) ? 1f
            : Same;
    }

    /// <summary>
    /// Whether a Cyrillic initial is a vowel said with a y before it (я, ю, ё): Latin spellings
    /// mostly write it with two letters (Yu. Gagarin), so Y. alone is not quite the same initial.
    /// </summary>
    private static bool Iotated(TokenForms forms) => forms.Script == Script.Cyrillic && forms.Latin.Length > 1 && forms.Latin[0] == 'y';

    /// <summary>
    /// The Latin letters a token's first letter may stand for, the likeliest first: the first
    /// letter of its romanization; for a Cyrillic word, the letters its first letter is carried
    /// over as (дж: j and g, not the d of dzh); for a Devanagari or Arabic-script word, the letter
    /// it names if it is a letter's name (एच: h), then the first letter of its romanization, then
    /// the others its first letter is carried over as (एच: h, e; फ्रांसिस: p, f; بي: b, p).
    /// <paramref name="buffer"/> holds at least <see cref="MaxLetters"/> characters.
    /// </summary>
    public static ReadOnlySpan<char> Letters(TokenForms forms, Span<char> buffer)
    {
        if (forms.Script == Script.Cyrillic)
        {
            return forms.Normalized.StartsWith(Dzh, StringComparison.Ordinal) ? "jg"
                : CyrillicLeads.TryGetValue(forms.Normalized[0], out string? leads) ? leads
                : forms.Latin.AsSpan(0, 1);
        }

        int count = 0;
        if (forms.Script != Script.Latin && Lexicon.Default.LetterNames.TryGetValue(forms.Normalized, out char letter))
        {
            buffer[count++] = letter;
        }

        Add(forms.Latin[0], buffer, ref count);
        // (Not for a word that begins with the article ال: its alif is no vowel of the name, and الدين
        // is no U.)
        if (forms.Script != Script.Latin && CarriedLeads.TryGetValue(forms.Normalized[0], out string? carried)
            && !forms.Normalized.StartsWith("ال", StringComparison.Ordinal))
        {
            foreach (char c in carried)
            {
                Add(c, buffer, ref count);
            }
        }

        return buffer[..count];

        static void Add(char c, Span<char> buffer, ref int count)
        {
            if (buffer[..count].IndexOf(c) < 0)
            {
                buffer[count++] = c;
            }
        }
    }
}
