using System.Collections.Frozen;
using System.Text;

namespace EntityResolver.Text;

/// <summary>The kind of a title-lexicon entry.</summary>
internal enum TitleKind : byte
{
    Rank,
    Office,
    Honorific,
    Role,
    Connector,
}

/// <summary>The kind of a name particle.</summary>
internal enum ParticleKind : byte
{
    None,
    Article,
    Link,
    Head,
    Stop,
}

/// <summary>
/// The embedded word lists (Data/lexicon): titles, particles, common names, letter names. All
/// entries are stored in the normalized form the analyzer compares against.
/// </summary>
internal sealed class Lexicon
{
    private static readonly Lazy<Lexicon> Instance = new(() => new Lexicon());

    private Lexicon()
    {
        Titles = PhraseTable("lexicon/titles.tsv", row => (row.Length > 2 ? ParseKind(row[2]) : TitleKind.Role, row[1] == "ar"));
        LongestTitle = Titles.Values.Max(phrases => phrases[0].Phrase.Length);

        var particles = new Dictionary<string, (ParticleKind, string?)>(StringComparer.Ordinal);
        var joinedHeads = new List<string>();
        var assimilated = new HashSet<string>(StringComparer.Ordinal);
        var izafat = new HashSet<string>(StringComparer.Ordinal);
        foreach (string[] row in ResourceData.ReadTable("lexicon/particles.tsv"))
        {
            string[] words = NormalizeWords(row[0]);
            if (words.Length != 1)
            {
                continue;
            }

            if (row[1] is "assimilated" or "izafat")
            {
                (row[1] == "izafat" ? izafat : assimilated).Add(words[0]);
                continue;
            }

            ParticleKind kind = row[1] switch
            {
                "article" => ParticleKind.Article,
                "link" => ParticleKind.Link,
                "head" => ParticleKind.Head,
                _ => ParticleKind.Stop,
            };
            particles[words[0]] = (kind, row.Length > 2 && row[2].Length > 0 ? row[2] : null);
            if (kind == ParticleKind.Head && row.Length > 3 && row[3] == "joined")
            {
                joinedHeads.Add(words[0]);
            }
        }

        Particles = particles.ToFrozenDictionary(StringComparer.Ordinal);
        _said = ResourceData.ReadTable("lexicon/said-names.tsv")
            .ToFrozenDictionary(row => NormalizeWords(row[0]).Single(), row => Phonetics.Encode(row[1], Script.Latin), StringComparer.Ordinal);
        Abbreviations = ResourceData.ReadTable("lexicon/abbreviations.tsv")
            .Select(row => (Short: NormalizeWords(row[0]), Full: NormalizeWords(row[1])))
            .Where(a => a.Short.Length == 1 && a.Full.Length == 1)
            .ToFrozenDictionary(a => a.Short[0], a => a.Full[0], StringComparer.Ordinal);
        AssimilatedArticles = assimilated.ToFrozenSet(StringComparer.Ordinal);
        Izafat = izafat.ToFrozenSet(StringComparer.Ordinal);

        // The articles said with u (ul, ur-, уль, उल), which South Asian spellings join to the end
        // of the word before; in Devanagari after a consonant, with the vowel sign (मुजीबुर).
        var suffixes = new List<(string Suffix, string Article)>();
        foreach (string article in particles.Where(p => p.Value.Item1 == ParticleKind.Article).Select(p => p.Key).Concat(assimilated))
        {
            if (article.Length >= 2 && IsArticleU(article[0]))
            {
                suffixes.Add((article, article));
                if (article[0] == '\u0909')
                {
                    suffixes.Add(("\u0941" + article[1..], article));
                }
            }
        }

        _articleSuffixes = [.. suffixes.OrderByDescending(x => x.Suffix.Length).ThenBy(x => x.Suffix, StringComparer.Ordinal)];
        _articleNames = new WordList(ResourceData.ReadTable("lexicon/article-names.tsv")
            .Select(row => NormalizeWords(row[0])).Where(words => words.Length == 1).Select(words => words[0]));

        // Longest first, so that "abdul" is tried before a shorter head it starts with.
        JoinedHeads = [.. joinedHeads.OrderByDescending(h => h.Length).ThenBy(h => h, StringComparer.Ordinal)];

        // Concept names by number (0: none); each word's concept, and each Latin word's by its phonetic form.
        var conceptNames = new List<string> { "" };
        var conceptOfWord = new Dictionary<string, ushort>(StringComparer.Ordinal);
        var conceptOfLatinPhonetic = new Dictionary<string, ushort>(StringComparer.Ordinal);
        void AddConcept(string word, string concept)
        {
            int id = conceptNames.IndexOf(concept);
            if (id < 0)
            {
                id = conceptNames.Count;
                conceptNames.Add(concept);
            }

            conceptOfWord.TryAdd(word, (ushort)id);
            if (ScriptDetector.Of(word) == Script.Latin)
            {
                conceptOfLatinPhonetic.TryAdd(LatinPhonetic(word), (ushort)id);
            }
        }

        var commonWords = new List<string>();
        var prefixWords = new List<string>();
        var designatorWords = new List<string>();
        foreach (string[] row in ResourceData.ReadTable("lexicon/common-names.tsv"))
        {
            string[] words = NormalizeWords(row[0]);
            if (words.Length != 1)
            {
                continue;
            }

            commonWords.Add(words[0]);
            if (row.Length > 2 && row[1] is "org" or "place" && row[2].Length > 0)
            {
                AddConcept(words[0], row[2]);
            }

            if (row.Length > 1 && row[1] == "prefix")
            {
                prefixWords.Add(words[0]);
            }
            else if (row.Length > 1 && row[1] == "place")
            {
                designatorWords.Add(words[0]);
            }
        }

        _common = new WordList(commonWords);
        _prefixes = new WordList(prefixWords);
        _placeDesignators = new WordList(designatorWords);

        var demonyms = new List<string>();
        foreach (string[] row in ResourceData.ReadTable("lexicon/demonyms.tsv"))
        {
            string[] words = NormalizeWords(row[0]);
            if (words.Length == 1)
            {
                demonyms.Add(words[0]);
                if (row.Length > 1 && row[1].Length > 0)
                {
                    AddConcept(words[0], CountryConcept + row[1]);
                }
            }
        }

        // Place names have their country's concept, and nothing else.
        foreach (string[] row in ResourceData.ReadTable("lexicon/places.tsv"))
        {
            string[] words = NormalizeWords(row[0]);
            if (words.Length == 1 && row.Length > 1 && row[1].Length > 0)
            {
                AddConcept(words[0], CountryConcept + row[1]);
            }
        }

        _demonyms = new WordList(demonyms);
        _conceptOfWord = conceptOfWord.ToFrozenDictionary(StringComparer.Ordinal);
        _conceptOfLatinPhonetic = conceptOfLatinPhonetic.ToFrozenDictionary(StringComparer.Ordinal);
        _conceptKeys = [null, .. conceptNames.Skip(1).Select(name => "%" + name)];

        var letters = new Dictionary<string, char>(StringComparer.Ordinal);
        var writtenLetters = new Dictionary<string, char>(StringComparer.Ordinal);
        foreach (string[] row in ResourceData.ReadTable("lexicon/letters.tsv"))
        {
            for (int i = 1; i < row.Length; i++)
            {
                string[] words = NormalizeWords(row[i]);
                if (words.Length == 1)
                {
                    letters.TryAdd(words[0], row[0][0]);
                    writtenLetters.TryAdd(row[i].Normalize(NormalizationForm.FormC), row[0][0]);
                }
            }
        }

        LetterNames = letters.ToFrozenDictionary(StringComparer.Ordinal);
        _writtenLetterNames = writtenLetters.ToFrozenDictionary(StringComparer.Ordinal);
        _longestLetterName = letters.Keys.Max(k => k.Length);
        _letterNameStarts = [.. letters.Keys.Where(k => ScriptDetector.Of(k) == Script.Devanagari).Select(k => k[0]).Distinct().Order()];

        var classNames = new List<string>();
        Ranks = PhraseTable("lexicon/ranks.tsv", row =>
        {
            int cls = classNames.IndexOf(row[1]);
            if (cls < 0)
            {
                cls = classNames.Count;
                classNames.Add(row[1]);
            }

            return cls;
        });
        RankClassNames = [.. classNames];
    }

    /// <summary>
    /// Reads a table of phrases (first column) with a value computed from the row, keyed by the
    /// phrase's first normalized word, longest phrase first.
    /// </summary>
    private static FrozenDictionary<string, (string[] Phrase, T Value)[]> PhraseTable<T>(string path, Func<string[], T> value)
    {
        var table = new Dictionary<string, List<(string[] Phrase, T Value)>>(StringComparer.Ordinal);
        foreach (string[] row in ResourceData.ReadTable(path))
        {
            string[] words = NormalizeWords(row[0]);
            if (words.Length == 0 || row.Length < 2)
            {
                continue;
            }

            if (!table.TryGetValue(words[0], out var list))
            {
                table[words[0]] = list = [];
            }

            list.Add((words, value(row)));
        }

        foreach (var list in table.Values)
        {
            list.Sort((a, b) => b.Phrase.Length.CompareTo(a.Phrase.Length));
        }

        return table.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Rank and office phrases keyed by first word, longest first, with their class.</summary>
    public FrozenDictionary<string, (string[] Phrase, int Class)[]> Ranks { get; }

    /// <summary>The names of the rank classes (field_marshal, general_officer, prime_minister, ...).</summary>
    public string[] RankClassNames { get; }

    /// <summary>The rank classes named in a sequence of normalized words (longest phrase first), as a bit set.</summary>
    public ulong RankClasses(IReadOnlyList<string> words)
    {
        ulong classes = 0;
        int i = 0;
        while (i < words.Count)
        {
            int matched = 1;
            if (Ranks.TryGetValue(words[i], out var phrases))
            {
                foreach (var (phrase, cls) in phrases)
                {
                    if (i + phrase.Length <= words.Count && StartsWith(words, i, phrase))
                    {
                        classes |= 1UL << (cls & 63);
                        matched = phrase.Length;
                        break;
                    }
                }
            }

            i += matched;
        }

        return classes;
    }

    /// <summary>The rank classes named in free text such as "Deputy Commander-in-Chief of the LNA".</summary>
    public ulong RankClasses(string text) => RankClasses(NormalizeWords(text));

    private static bool StartsWith(IReadOnlyList<string> words, int start, string[] phrase)
    {
        for (int k = 0; k < phrase.Length; k++)
        {
            if (!string.Equals(words[start + k], phrase[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public static Lexicon Default => Instance.Value;

    /// <summary>
    /// Whether a word as written uses no letter that Arabic does not write: Urdu and Persian write
    /// ک, ی, ہ, ے, پ, ٹ and others, which normalization folds into Arabic letters. An Arabic title
    /// written so is another language's word: Urdu رکن is a member, Arabic ركن a staff rank.
    /// </summary>
    public static bool InArabicLetters(ReadOnlySpan<char> written)
    {
        foreach (char c in written)
        {
            // The Arabic block's letters from U+0672 to U+06D3 are the ones other languages add.
            if (c is >= '\u0672' and <= '\u06D3')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Title phrases keyed by their first normalized word, longest first. <c>Arabic</c>: the row is
    /// Arabic's (language <c>ar</c>), and matches only words that Arabic could have written (see
    /// <see cref="InArabicLetters"/>).
    /// </summary>
    public FrozenDictionary<string, (string[] Phrase, (TitleKind Kind, bool Arabic) Sense)[]> Titles { get; }

    /// <summary>The most words a phrase of <see cref="Titles"/> has.</summary>
    public int LongestTitle { get; }

    /// <summary>Heads also written run together with the next word (Abdulkarim, عبدالكريم), longest first.</summary>
    public string[] JoinedHeads { get; }

    /// <summary>Particles by normalized word, with the Latin form of heads.</summary>
    public FrozenDictionary<string, (ParticleKind Kind, string? Canonical)> Particles { get; }

    /// <summary>The article as said before the letters it assimilates to (ad, ur, ash; ад, ур), normalized.</summary>
    public FrozenSet<string> AssimilatedArticles { get; }

    /// <summary>Abbreviations of name words (Md., Mohd), normalized, with the word they stand for (muhammad).</summary>
    public FrozenDictionary<string, string> Abbreviations { get; }

    /// <summary>A normalized word as a name reads it: the word an abbreviation stands for (md: muhammad), or the word itself.</summary>
    public string Expanded(string normalized) => Abbreviations.TryGetValue(normalized, out string? full) ? full : normalized;

    /// <summary>The vowels that join two words of a Persian or Urdu phrase (the e of Lashkar-e-Taiba), normalized.</summary>
    public FrozenSet<string> Izafat { get; }

    /// <summary>Non-discriminating words (common given names, generic organization words).</summary>
    private readonly WordList _common;

    /// <summary>Name prefixes (Muhammad, Syed): common words that also stand before the given name.</summary>
    private readonly WordList _prefixes;

    /// <summary>Designators of places (district, province, island; ضلع, प्रांत): the kind of place, not its name.</summary>
    private readonly WordList _placeDesignators;

    /// <summary>Nationality adjectives (Egyptian, مصري): alone they name no entity; inside a name they may tell two apart (Moroccan / Tunisian Islamic Combatant Group), so they keep their weight.</summary>
    private readonly WordList _demonyms;

    /// <summary>Whether a token is a non-discriminating word.</summary>
    public bool IsCommon(string normalized, Script script, string phonetic) => _common.Contains(normalized, script, phonetic);

    /// <summary>Whether a token is a name prefix that is not the given name (Muhammad Ali Jinnah).</summary>
    public bool IsNamePrefix(string normalized, Script script, string phonetic) => _prefixes.Contains(normalized, script, phonetic);

    /// <summary>
    /// Whether a token designates a kind of place (Province of Hainan Province, ضلع of ضلع سوات): a
    /// label in another script often leaves it out, so it weighs as a particle does.
    /// </summary>
    public bool IsPlaceDesignator(string normalized, Script script, string phonetic) => _placeDesignators.Contains(normalized, script, phonetic);

    /// <summary>
    /// Whether a normalized word is one of the words that stand after the article in compound
    /// names (Haq of Zia-ul-Haq, رحمن of فضل الرحمن; article-names.tsv).
    /// </summary>
    public bool IsArticleName(string normalized) => _articleNames.Contains(normalized);

    /// <summary>Whether a token is a nationality adjective.</summary>
    public bool IsDemonym(TokenForms forms) => _demonyms.Contains(forms.Normalized, forms.Script, forms.Phonetic);

    /// <summary>The phonetic form of a Latin lexicon word, read as a token's is (<see cref="Romanizer.PhoneticSource"/>).</summary>
    private static string LatinPhonetic(string word) => Phonetics.Encode(Romanizer.PhoneticSource(word, Script.Latin, Romanizer.LatinToAscii(word)));

    /// <summary>
    /// A list of normalized words in which a token counts when its normalized form is one of them,
    /// or, in Latin script, when it has the phonetic form of a Latin one (Mohammed for Muhammad,
    /// Haque for Haq).
    /// </summary>
    private sealed class WordList
    {
        private readonly FrozenSet<string> _words;
        private readonly FrozenSet<string> _latinPhonetics;

        public WordList(IEnumerable<string> words)
        {
            _words = words.ToFrozenSet(StringComparer.Ordinal);
            _latinPhonetics = _words.Where(w => ScriptDetector.Of(w) == Script.Latin).Select(LatinPhonetic).ToFrozenSet(StringComparer.Ordinal);
        }

        public bool Contains(string normalized, Script script, string phonetic) =>
            _words.Contains(normalized) || (script == Script.Latin && _latinPhonetics.Contains(phonetic));

        /// <summary>A normalized word of unknown forms (its phonetic form is made only when needed).</summary>
        public bool Contains(string normalized) =>
            _words.Contains(normalized) || (ScriptDetector.Of(normalized) == Script.Latin && _latinPhonetics.Contains(LatinPhonetic(normalized)));
    }

    /// <summary>
    /// Whether a token names a country or is its nationality adjective (Pakistan, باكستان,
    /// الباكستاني; places.tsv leaves out the names that are also given names or surnames, such as
    /// Jordan): such a word alone is never a bare name of a person.
    /// </summary>
    public bool IsCountryWord(TokenForms forms) =>
        _conceptKeys[forms.Concept] is { } key && key.AsSpan(1).StartsWith(CountryConcept, StringComparison.Ordinal);

    /// <summary>The prefix of the concepts of demonyms.tsv and places.tsv (country:PK).</summary>
    private const string CountryConcept = "country:";

    private readonly FrozenDictionary<string, ushort> _conceptOfWord, _conceptOfLatinPhonetic;

    private readonly string?[] _conceptKeys;

    /// <summary>
    /// The index key of a word's concept (%group), or null: the index posts a word under it beside
    /// its skeleton's keys, and a query word looks it up, so that Armed Islamic Group is found from
    /// الجماعة الإسلامية المسلحة, whose words sound like none of its words.
    /// </summary>
    public static string? ConceptKey(TokenForms forms) => Default._conceptKeys[forms.Concept];

    /// <summary>Normalized Latin names that are not said as their letters read, each with the phonetic form of how it is said (said-names.tsv).</summary>
    private readonly FrozenDictionary<string, string> _said;

    /// <summary>
    /// The phonetic form of how a Latin name is said when its letters do not read so (Michael:
    /// <c>maikl</c>, as Майкл and مايكل write it; said-names.tsv), or null, as for a word of
    /// another script: the matcher reads the word so too against another script. A word with
    /// the đ of Serbian and Croatian names, which the romanization makes d (as Vietnamese says
    /// it, and Russian writes it: Đinh, Динь), is also said with dj, as Russian and Arabic script
    /// write it (Đoković: Джокович, ديوكوفيتش; Đilas: Джилас). A word that ends in the -cký of
    /// Czech and Slovak names, or in -cky (six letters or more: American spellings of Polish and
    /// Czech names, Sarecky), is also said with the ts of their c, as Russian and Arabic script
    /// write it (Palacký: Палацкий; Košický: كوشيسكي; Sarecky: Сарецки), where the phonetic form
    /// reads a ck as the k of English names, which the word as written still meets (Zwicky:
    /// زفيكي; Kentucky: Кентукки): read as the Polish -cki is.
    /// </summary>
    public string? SaidOf(string normalized, Script script)
    {
        if (script != Script.Latin)
        {
            return null;
        }

        if (_said.GetValueOrDefault(normalized) is { } said)
        {
            return said;
        }

        bool cky = normalized.EndsWith("cký", StringComparison.Ordinal) || (normalized.Length >= 6 && normalized.EndsWith("cky", StringComparison.Ordinal));
        return normalized.Contains('đ') || cky
            ? LatinPhonetic((cky ? string.Concat(normalized.AsSpan(0, normalized.Length - 1), "i") : normalized).Replace("đ", "dj", StringComparison.Ordinal))
            : null;
    }

    /// <summary>
    /// The concept of a generic organization word, a nationality adjective or a place name
    /// (group: group, groupe, جماعة, समूह; country:EG: Egyptian, مصري, Egypt, مصر), as a number,
    /// or 0: words of one concept are one word in any language or script. As for <see cref="IsCommon"/>, a token counts when
    /// its normalized form is an entry, or when a Latin token has the phonetic form of a Latin entry.
    /// </summary>
    public ushort ConceptOf(string normalized, Script script, string phonetic) =>
        _conceptOfWord.TryGetValue(normalized, out ushort id) ? id
        : script == Script.Latin && _conceptOfLatinPhonetic.TryGetValue(phonetic, out id) ? id
        : (ushort)0;

    /// <summary>Urdu, Hindi, Arabic and Russian spellings of Latin letter names, normalized.</summary>
    public FrozenDictionary<string, char> LetterNames { get; }

    /// <summary>The spellings of <see cref="LetterNames"/> as the table writes them: normalization folds some apart (Urdu ای, e, and Arabic آي, i, are both اي).</summary>
    private readonly FrozenDictionary<string, char> _writtenLetterNames;

    /// <summary>
    /// The Latin letter a word names, by its spelling as written first (Urdu ای is e, Arabic آي
    /// is i, the same word once normalized), then by its normalized form (Би, Ай).
    /// </summary>
    public bool TryLetterName(string written, string normalized, out char letter) =>
        _writtenLetterNames.TryGetValue(written, out letter) || LetterNames.TryGetValue(normalized, out letter);

    private readonly int _longestLetterName;

    /// <summary>The first characters of the Devanagari letter names, sorted (a word that starts otherwise is no run of them).</summary>
    private readonly char[] _letterNameStarts;

    /// <summary>The fewest letter names a single word must be made of to be read as an acronym.</summary>
    internal const int MinJoinedLetterNames = 3;

    /// <summary>
    /// The letters of a Devanagari word written as letter names without spaces (आईएसपीआर: ISPR,
    /// जीएचक्यू: GHQ), when the whole word splits into at least <see cref="MinJoinedLetterNames"/>
    /// of them; otherwise null. Two are not enough: बीबी (bibi) and जीजी are words. Arabic script
    /// is not read so: Urdu, whose letters join, writes letter names apart, and an Arabic-script
    /// name is often made of syllables that are letter names (ارديتي, Arditi: ار دي تي).
    /// </summary>
    public string? JoinedLetterNames(string word)
    {
        // (Acronyms have at most 8 letters, as in capitals: the bound keeps the buffers small.)
        if (word.Length < MinJoinedLetterNames || word.Length > 8 * _longestLetterName || Array.BinarySearch(_letterNameStarts, word[0]) < 0)
        {
            return null;
        }

        // For each position, the length of a letter name that ends there and starts where the
        // word starts or another such name ends (0: none). No word splits into the table's letter
        // names in two ways, so the first found is the split.
        Span<byte> last = stackalloc byte[word.Length + 1];
        last.Clear();
        var lookup = LetterNames.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int end = 1; end <= word.Length; end++)
        {
            for (int length = 1; length <= Math.Min(end, _longestLetterName); length++)
            {
                int start = end - length;
                if ((start == 0 || last[start] != 0) && lookup.ContainsKey(word.AsSpan(start, length)))
                {
                    last[end] = (byte)length;
                    break;
                }
            }
        }

        Span<char> letters = stackalloc char[word.Length];
        int count = 0;
        for (int end = word.Length; end > 0 && last[end] != 0; end -= last[end])
        {
            letters[count++] = lookup[word.AsSpan(end - last[end], last[end])];
        }

        if (last[word.Length] == 0 || count < MinJoinedLetterNames)
        {
            return null;
        }

        letters[..count].Reverse();
        return new string(letters[..count]);
    }

    public ParticleKind ParticleOf(string normalized, out string? canonical)
    {
        if (Particles.TryGetValue(normalized, out var p))
        {
            canonical = p.Canonical;
            return p.Kind;
        }

        canonical = null;
        return ParticleKind.None;
    }

    /// <summary>
    /// Whether <paramref name="word"/> is an article before <paramref name="next"/>: one of
    /// <see cref="Particles"/>' articles, or an assimilated one (ad-Din, ur-Rahman, an-Najaf) when
    /// <paramref name="next"/> begins with the letters after its vowel, followed by a vowel or h
    /// (not "An Nguyen", "As Smith"); in Devanagari, by a letter that is not a virama.
    /// </summary>
    public bool IsArticleBefore(string word, string next) => ParticleOf(word, out _) == ParticleKind.Article || IsAssimilatedArticleBefore(word, next);

    /// <summary>The articles said with u that a word may end in (ul, ur, уль, उल, ुल), each with the article it is, longest first.</summary>
    private readonly (string Suffix, string Article)[] _articleSuffixes;

    /// <summary>The words that stand after the article in compound names (Haq, Rahman, Din; article-names.tsv).</summary>
    private readonly WordList _articleNames;

    /// <summary>The shortest part of a word that may stand before an article joined to its end (Zia of Ziaul).</summary>
    private const int MinArticleStem = 3;

    /// <summary>
    /// A word that ends in the article of the compound name it begins, written joined to it
    /// (Ziaul Haq, Mujibur Rahman, मुजीबुर रहमान, Муджибур Рахман), read without the article
    /// (Zia, Mujib), as the spellings that write the article apart or on the next word are read
    /// (Zia-ul-Haq, مجیب الرحمن): when <paramref name="next"/> is one of
    /// the words of article-names.tsv, at least three letters stand before the article, and an
    /// assimilated article fits the next word (ur before Rahman, not before Haq); never for a
    /// particle (Abdul, Abdur). Null otherwise.
    /// </summary>
    /// <param name="word">The normalized word.</param>
    /// <param name="next">The normalized word after it.</param>
    public string? ArticleSuffixStem(string word, string next)
    {
        // Every such article begins with its u (one or two letters before the end): most words stop
        // here. A particle is none of these words: Abdul and Abdur are heads (Abdul Haq).
        if (word.Length < MinArticleStem + 2 || !(IsArticleU(word[^2]) || IsArticleU(word[^3])) || Particles.ContainsKey(word))
        {
            return null;
        }

        foreach (var (suffix, article) in _articleSuffixes)
        {
            if (word.Length - suffix.Length < MinArticleStem || !word.EndsWith(suffix, StringComparison.Ordinal)
                || (AssimilatedArticles.Contains(article) && !IsAssimilatedArticleBefore(article, next)))
            {
                continue;
            }

            return _articleNames.Contains(next) ? word[..^suffix.Length] : null;
        }

        return null;
    }

    private static bool IsArticleU(char c) => c is 'u' or '\u0443' or '\u0909' or '\u0941';

    /// <summary>Whether <paramref name="word"/> is an assimilated article before <paramref name="next"/> (see <see cref="IsArticleBefore"/>).</summary>
    public bool IsAssimilatedArticleBefore(string word, string next)
    {
        if (word.Length < 2 || !AssimilatedArticles.Contains(word))
        {
            return false;
        }

        ReadOnlySpan<char> letters = word.AsSpan(1);
        if (next.Length <= letters.Length || !next.AsSpan().StartsWith(letters, StringComparison.Ordinal))
        {
            return false;
        }

        // A Devanagari consonant carries its vowel unless a virama follows it (उद दीन, उर रहमान).
        char after = next[letters.Length];
        return ScriptDetector.Of(letters[0]) == Script.Devanagari ? after != '\u094D' : "aeiouyhаеёиоуыэюях".Contains(after, StringComparison.Ordinal);
    }

    private static TitleKind ParseKind(string s) => s switch
    {
        "rank" => TitleKind.Rank,
        "office" => TitleKind.Office,
        "honorific" => TitleKind.Honorific,
        "connector" => TitleKind.Connector,
        _ => TitleKind.Role,
    };

    private static string[] NormalizeWords(string phrase) => NameAnalyzer.NormalizedWords(phrase);
}
