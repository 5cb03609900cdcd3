namespace EntityResolver.Text;

/// <summary>
/// Spellings that one script writes otherwise than another, for which
/// <see cref="Phonetics.Similarity(TokenForms, TokenForms, float)"/> also reads a Latin form as
/// the other script wrote it when both forms have the flag (<see cref="Phonetics.ReadingsOf"/>).
/// </summary>
[Flags]
internal enum Readings : ulong
{
    None = 0,
    /// <summary>The <c>Gn</c> or <c>Gli</c> of a Latin form (Italian and French gn, Italian gli), the ny or ly of another script's (Аньелли, Батталья).</summary>
    GnOrGli = 1,
    /// <summary>A Latin sh or ch before a, o or u; a Cyrillic ся, сю, сё, тя, тю or тё (Japanese names in Polivanov's system).</summary>
    Japanese = 2,
    /// <summary>A Latin cs (a c said k and an s) before a vowel or at the end; the ch of another script (Hungarian names: Kovács, Ковач).</summary>
    Cs = 4,
    /// <summary>A Latin rz after a consonant; a Cyrillic ж, ш or дж (Polish names: Brzezinski, Бжезинский).</summary>
    Rz = 8,
    /// <summary>A Latin a, i, o, u or y before one consonant and a final e or es (English names: Bates, Lime, Kyle); the ey, ay, ou or yu of a Cyrillic form (Бейтс, Лайм, Кайл).</summary>
    EnglishVowel = 16,
    /// <summary>A Latin au or eau (French names: Arsenault, Moreau); the o of a Cyrillic form (Арсено, Моро), the u of an Arabic-script one, which و writes (أوسين, Ausean).</summary>
    FrenchAu = 32,
    /// <summary>A Latin ill after a, e, u or a consonant before a vowel or at the end, or a final il after a, e or u (French names: Abeille, Baillet, Dubreuil, Fillon); a Cyrillic й after a vowel (Абей, Байе, Дюбрёй, Фийон).</summary>
    FrenchIll = 64,
    /// <summary>A Latin ll between vowels (Spanish names: Castilla, Ballester); the y, i or e of an Arabic-script form, which ي writes (كاستيا, باييستير).</summary>
    SpanishLl = 128,
    /// <summary>A Latin sz (Hungarian names: Szabó, Juhász); the s of a Cyrillic or Arabic-script form (Сабо, سابو).</summary>
    HungarianSz = 256,
    /// <summary>A Latin g before e, i or y (French, Portuguese, Italian and English names: Gibaud, Gérard, Gino); the ж or дж of a Cyrillic form, the ज of a Devanagari one (Жибо, Жерар, Джино, जीना).</summary>
    SoftG = 512,
    /// <summary>A Latin oi or oy after no vowel (French names: Boissier, Bonnefoy); the ua of a Cyrillic form, the wa of an Arabic-script one (Буассье, Бонфуа, بونفوا).</summary>
    FrenchOi = 1024,
    /// <summary>A Latin nh or lh between vowels (Portuguese names: Coutinho, Carvalho); the ny or ly of a Cyrillic form, the ny, ly, ni or li of an Arabic-script one (Коутинью, كارفاليو).</summary>
    PortugueseNh = 2048,
    /// <summary>A Latin eu (German names: Euler, Neumann); the oy of a Cyrillic form (Ойлер, Нойман).</summary>
    GermanEu = 4096,
    /// <summary>A Latin eu or ieu (French names: Beudant, Matthieu), or an oe after no vowel, before a consonant or at the end (German names for ö: Boesch, Kroemer); the yo of a Cyrillic form (Бёдан, Матьё, Бёш, Крёмер).</summary>
    Yo = 8192,
    /// <summary>A Latin ea before a consonant after no vowel (English names: Eaton, Kearney); the i of a Cyrillic or Devanagari form, the i or y of an Arabic-script one (Итон, Кирни, إيتون, ईटन).</summary>
    EnglishEa = 16384,
    /// <summary>A Latin ae after no vowel, before a consonant or at the end (Latin and Greek names: Caesar, Aeschylus; German ones for ä: Jaenisch; Korean ones: Jae); the e of a Cyrillic form (Цезарь, Эсхил, Яниш, Чжэ).</summary>
    LatinAe = 32768,
    /// <summary>A Latin oe after no vowel, before a consonant or at the end (Dutch names: Broekman, Zoelen; English ones: Pascoe); the u of a Cyrillic form (Брукман, Зулен, Паскоу).</summary>
    DutchOe = 65536,
    /// <summary>A Latin final -que (Haque, Siddique, Monique); a k of a Cyrillic or Arabic-script form (حق, صدیق, Моник).</summary>
    Que = 131072,
    /// <summary>A Latin e after no vowel, before one consonant and a final e or es (English names: Steve, Pete, Darlene); the i of a Cyrillic or Devanagari form (Стив, Пит, Дарлин, स्टीव).</summary>
    EnglishE = 262144,
    /// <summary>A Latin h after a vowel and before a consonant (English names: John, Johnson; German ones: Lehmann, Kuhn); a Cyrillic, Arabic-script or Devanagari form with no h (Джон, Леман, جون, जॉन).</summary>
    SilentH = 524288,
    /// <summary>A Latin a, i, o or u before one consonant and a final e or es (English names: Kate, Mike, Rose, Duke), or an ai or ay said as that a (Taylor, Blaine), or an au or aw said o (Paul, Shaw); a Devanagari form, which writes them e, ai, o and yu (केट, माइक, रोज़, ड्यूक, टेलर, ब्लेन, पॉल), or an Arabic-script form with a ي or و said as a vowel, which writes them so too (كيت, مايك, ٹیلر).</summary>
    HindiEnglishVowel = 1048576,
    /// <summary>A Latin a that is a word's first vowel, before a consonant (English names: Gary, Catherine, Andrew); a Cyrillic form with an э, which writes it so (Гэри, Кэтрин, Эндрю).</summary>
    EnglishShortA = 2097152,
    /// <summary>A Latin u after a consonant and not before a vowel or an h (the u of French names, the ü of German ones: Dumas, Luc, Müller); a Cyrillic form with a ю right after a consonant, which writes it so (Дюма, Люк, Мюллер).</summary>
    Yu = 4194304,
    /// <summary>A Latin u after a consonant, then one consonant and a vowel (the long u of English names: Cuba, Pusey, Tukey); a Cyrillic form with an ью after a consonant, or a Devanagari one with a yu after a consonant, which write it so (Хьюз, Пьюзи, क्यूबा).</summary>
    EnglishYu = 8388608,
    /// <summary>A Latin gh after ei, ou or au and not before a vowel (English names: Leigh, Houghton, Bradlaugh), or an ugh after a consonant that is the end or before es, ey or ie (Hugh, Pugh, Hughes); a Cyrillic, Arabic-script or Devanagari form, which leaves the gh out and writes that ugh yu (Ли, Хоутон, Хьюз).</summary>
    EnglishGh = 16777216,
    /// <summary>A Latin gh after ou or au and not before a vowel, said f (Baugh, McLaughlin, Brough); a Cyrillic, Arabic-script or Devanagari form with an f (Боф, Маклафлин, بروف).</summary>
    EnglishGhF = 33554432,
    /// <summary>A Latin final ngh (Singh, Narsingh); a Devanagari word that ends in an anusvara and ह, which the phonetic form reads n (सिंह, नरसिंह).</summary>
    FinalNgh = 67108864,
    /// <summary>A Latin zh after a word's first letter that the phonetic form reads as one sound (Azhar, Mazhar: aZar); an Arabic-script form with a z before an h there, or a Cyrillic one with зх, which write it z and h (أزهر, مظہر, Азхар).</summary>
    SeparateZh = 134217728,
    /// <summary>A Latin sh after a word's first letter that the phonetic form reads as one sound (Hildesheim, Haushofer, Eshaq); an Arabic-script form with an s before an h there, or a Cyrillic one with сх, which write it s and h (Хильдесхайм, Хаусхофер, Эсхак).</summary>
    SeparateSh = 268435456,
    /// <summary>A Latin ou, which the phonetic form reads u (Coutinho, Houghton, Gould); a Cyrillic form with оу, which writes it o and u (Коутинью, Хоутон, Гоулд).</summary>
    LatinOu = 536870912,
    /// <summary>A Latin h after a word's last vowel, which the phonetic form leaves out (Arabic, Persian and Turkish names: Salah, Fattah, Fateh, Baruh); a Cyrillic form that ends in a vowel and х, which writes it (Салах, Фаттах, Фатех, Барух).</summary>
    FinalH = 1073741824,
    /// <summary>A Latin j that begins a word before a vowel, the y of German, Dutch, Scandinavian and Hebrew names (Johann, Josef, Jakob, Jordan); a Cyrillic form that begins with и before a vowel, which writes that y so (Иоганн, Иосиф, Иаков, Иордан).</summary>
    InitialJ = 2147483648,
    /// <summary>A Latin ai before a consonant other than l (French names: Alain, Germain, Blais, Lemaire); the e of a Cyrillic form, which writes it so (Ален, Жермен, Блэ, Лемер).</summary>
    FrenchAi = 4294967296,
    /// <summary>A Latin ai or ei before a consonant other than l (Arabic names: Hussain, Zaid, Saif, Hussein; German ones: Einstein); the ей of a Cyrillic form, which writes it so (Хусейн, Зейд, Сейф, Эйнштейн).</summary>
    AiAsEy = 8589934592,
    /// <summary>A Latin j or y between a vowel and an e or i (Slavic names: Agejev, Grujić, Andrijević; Asseyev); a Cyrillic form with a vowel before е or и, which writes no letter for it (Агеев, Груич, Андриевич, Ассеев).</summary>
    GlideBeforeVowel = 17179869184,
    /// <summary>A Latin u that is a word's first vowel, spelled before two consonants or a final one other than r (English names: Huff, Hutchison, Buckley, Dunn); a Cyrillic form whose first vowel is а, which writes it so (Хафф, Хатчинсон, Бакли, Данн).</summary>
    EnglishShortU = 34359738368,
    /// <summary>A Latin final s that English says z: after a voiced consonant or a w, or in a final -es or -ds after a consonant, not in the -us, -is, -os or -as of Latin, Greek and Spanish names (Knowles, Eagles, Lords, Daws); a Cyrillic form that ends in з, which writes it so (Ноулз, Иглз, Лордз, Доуз).</summary>
    EnglishFinalS = 68719476736,
    /// <summary>A Latin c before a final ki or ka (Polish names: Debicki, Potocka), which the phonetic form reads ts as Russian writes it (Дебицкий); an Arabic-script or Cyrillic form that ends in a k and a vowel, which writes it as English says the ck, k (ديبيكي, Дебики).</summary>
    PolishCkAsK = 137438953472,
    /// <summary>A Latin ow after a consonant and not at the end (English names: Bowers, Cowell, Brown); an Arabic-script or Cyrillic form with au or aw, which writes the ow so (باورز, كاول, Браун).</summary>
    EnglishOw = 274877906944,
    /// <summary>A Latin cht after a front vowel (German names: Brecht, Fichte, Lichtenberg, Höcht), which the phonetic form reads kt; an Arabic-script form with sh before t, which writes the German ich sound so (بريشت, فيشته).</summary>
    GermanIchT = 549755813888,
}

/// <summary>The role a token plays inside a name.</summary>
internal enum TokenRole : byte
{
    /// <summary>A name word: given name, surname, organization word.</summary>
    Name,
    /// <summary>A kinship link (bin, ibn): kept but barely weighted.</summary>
    Link,
    /// <summary>A function word (of, the, کی): kept but barely weighted.</summary>
    Stop,
    /// <summary>An honorific at the start of a registry name (Syed, Sheikh, Sultan): it may or may not be part of the name, so it is kept but barely weighted.</summary>
    Honorific,
}

/// <summary>The forms of one normalized token that the matcher compares; shared and immutable.</summary>
internal sealed class TokenForms
{
    /// <param name="normalized">The normalized token.</param>
    /// <param name="script">Its script.</param>
    /// <param name="latin">Its romanization.</param>
    /// <param name="spelling">The word as it is said, when not as <paramref name="normalized"/> writes it (see <see cref="Spelling"/>).</param>
    public TokenForms(string normalized, Script script, string latin, string? spelling = null)
        : this(normalized, spelling ?? normalized, script, latin, Phonetics.Encode(Romanizer.PhoneticSource(spelling ?? normalized, script, latin), script))
    {
    }

    /// <summary>
    /// Restores forms computed earlier (a registry snapshot): the phonetic form, its weight and
    /// skeleton, and the lexicon's classes of the word are not computed again; what is derived from
    /// them (readings, potentials, concept) is, so that it follows the library that reads them.
    /// </summary>
    public TokenForms(string normalized, Script script, string latin, string phonetic, float phoneticWeight, string skeleton, bool isCommonName, bool isNamePrefix, bool isPlaceDesignator)
        : this(normalized, normalized, script, latin, phonetic, phoneticWeight, skeleton, (isCommonName, isNamePrefix, isPlaceDesignator))
    {
    }

    private TokenForms(string normalized, string spelling, Script script, string latin, string phonetic)
        : this(normalized, spelling, script, latin, phonetic, Phonetics.Weight(phonetic), Phonetics.Skeleton(phonetic), ClassesOf(normalized, script, phonetic))
    {
    }

    /// <summary>The one constructor that sets every form: the others compute or restore its arguments.</summary>
    private TokenForms(string normalized, string spelling, Script script, string latin, string phonetic, float phoneticWeight, string skeleton, (bool Common, bool NamePrefix, bool PlaceDesignator) classes)
    {
        Normalized = normalized;
        Spelling = spelling;
        Script = script;
        Latin = latin;
        Phonetic = phonetic;
        PhoneticWeight = phoneticWeight;
        PhoneticPotential = Phonetics.Potential(phonetic);
        PotentialAllowance = Phonetics.PotentialAllowance(phonetic);
        Skeleton = skeleton;
        (_silentTail, _cyrillicSilentTail) = SilentTails(script, latin);
        Readings = Phonetics.ReadingsOf(script, phonetic, latin, normalized);
        (IsCommonName, IsNamePrefix, IsPlaceDesignator) = classes;
        Concept = Lexicon.Default.ConceptOf(normalized, script, phonetic);
        Said = Lexicon.Default.SaidOf(normalized, script);
    }

    /// <summary>Whether a word is a common name, and then whether a name prefix or a designator of places (the lexicon's classes).</summary>
    private static (bool Common, bool NamePrefix, bool PlaceDesignator) ClassesOf(string normalized, Script script, string phonetic)
    {
        bool common = Lexicon.Default.IsCommon(normalized, script, phonetic);
        return (common, common && Lexicon.Default.IsNamePrefix(normalized, script, phonetic), common && Lexicon.Default.IsPlaceDesignator(normalized, script, phonetic));
    }

    private static int s_ids;

    /// <summary>
    /// A number for hashing these forms (<see cref="Matching.SimilarityMemo"/>): distinct for
    /// forms made one after another, but not an identity (it wraps after 2^32 forms).
    /// </summary>
    public int Id { get; } = Interlocked.Increment(ref s_ids);

    /// <summary>The normalized token (folded, lower case).</summary>
    public string Normalized { get; }

    /// <summary>
    /// The normalized token as it is said, which the romanization and the transliteration models
    /// read: <see cref="Normalized"/>, except in a name in Urdu or Persian letters, where ض and ذ
    /// are written ز (NameAnalyzer.SaysZ). Forms restored from a snapshot have their normalized
    /// token here: a snapshot keeps the romanization made from the spelling, and only a query's
    /// forms, never restored, are read by the models.
    /// </summary>
    public string Spelling { get; }

    public Script Script { get; }

    /// <summary>Lower-case ASCII romanization.</summary>
    public string Latin { get; }

    /// <summary>Phonetic form (see <see cref="Phonetics"/>).</summary>
    public string Phonetic { get; }

    public float PhoneticWeight { get; }

    /// <summary>The phonetic form's potential (<see cref="Phonetics.Potential"/>): a bound that spares most distances.</summary>
    public float PhoneticPotential { get; }

    /// <summary>See <see cref="Phonetics.PotentialAllowance"/> (0 for most words).</summary>
    public float PotentialAllowance { get; }

    private readonly byte _silentTail, _cyrillicSilentTail;

    /// <summary>
    /// How many final symbols of <see cref="Phonetic"/> a script with the given
    /// <paramref name="conventions"/> leaves out of this Latin spelling (Brunet, Arnaud, Dajoux:
    /// see <see cref="Phonetics.SilentTail"/>); 0 for other scripts. Devanagari leaves out what
    /// Arabic script does (Brunet: برونيه, ब्रूने).
    /// </summary>
    public int SilentTail(Script conventions) => conventions == Script.Cyrillic ? _cyrillicSilentTail : _silentTail;

    private static (byte, byte) SilentTails(Script script, string latin) =>
        script == Script.Latin ? ((byte)Phonetics.SilentTail(latin, Script.Arabic), (byte)Phonetics.SilentTail(latin, Script.Cyrillic)) : ((byte)0, (byte)0);

    /// <summary>
    /// The spellings this form has that another script may write otherwise (a Latin gn, a
    /// Cyrillic ny, ...): the two sides of the readings of <see cref="Phonetics.Similarity(TokenForms, TokenForms, float)"/>,
    /// known once per word rather than searched for in every pair.
    /// </summary>
    public Readings Readings { get; }

    /// <summary>
    /// The phonetic form of how this Latin name is said when its letters do not read so (Michael:
    /// <c>maikl</c>; <see cref="Lexicon.SaidOf"/>), or null: read against another script too.
    /// </summary>
    public string? Said { get; }

    /// <summary>Coarse consonant skeleton: the blocking key.</summary>
    public string Skeleton { get; }

    /// <summary>A non-discriminating word: a common given name (Muhammad, Syed) or a generic organization word (News, Agency).</summary>
    public bool IsCommonName { get; }

    /// <summary>A name prefix that stands before the given name (Muhammad, Syed): not taken for the given name.</summary>
    public bool IsNamePrefix { get; }

    /// <summary>A designator of a kind of place (Province, ضلع, द्वीप), one of the common words: it weighs as a particle (<see cref="TokenStatistics.Weight"/>).</summary>
    public bool IsPlaceDesignator { get; }

    /// <summary>The concept of a generic organization word, a nationality adjective or a place name (<see cref="Lexicon.ConceptOf"/>), or 0: forms of one concept are one word.</summary>
    public ushort Concept { get; }
}

/// <summary>One token of an analyzed name.</summary>
/// <param name="Forms">The comparable forms.</param>
/// <param name="Role">Name word, link or stop word.</param>
/// <param name="Text">The token as written (for explanations).</param>
/// <param name="IsInitial">An initial (<see cref="Initials.IsInitial"/>): a Latin letter alone, a Cyrillic letter alone or дж.</param>
internal sealed record NameToken(TokenForms Forms, TokenRole Role, string Text, bool IsInitial);
