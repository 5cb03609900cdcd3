using EntityResolver.Text;

namespace EntityResolver.Tests.Text;

public sealed class NameAnalyzerTests
{
    private readonly NameAnalyzer _analyzer = new();

    private string[] Latin(string name) => [.. _analyzer.AnalyzeQuery(name).Primary.Tokens.Select(t => t.Forms.Latin)];

    [Theory]
    [InlineData("Lt. Gen. Saddam Khalid Haftar", new[] { "saddam", "khalid", "haftar" }, new[] { "lt", "gen" })]
    [InlineData("Field Marshal Syed Asim Munir", new[] { "asim", "munir" }, new[] { "field", "marshal", "syed" })]
    [InlineData("Deputy Prime Minister and Foreign Minister Ishaq Dar", new[] { "ishaq", "dar" }, new[] { "deputy", "prime", "minister", "and", "foreign", "minister" })]
    public void Leading_titles_are_split_off_and_kept(string name, string[] tokens, string[] titles)
    {
        AnalyzedName analyzed = _analyzer.AnalyzeQuery(name).Primary;
        Assert.Equal(tokens, analyzed.Tokens.Select(t => t.Forms.Latin));
        Assert.Equal(titles, analyzed.Titles);
    }

    [Fact]
    public void Titles_in_arabic_urdu_and_hindi_are_split_off()
    {
        Assert.Equal(["khlifa", "hftr"], Latin("المشير أركان حرب خليفة حفتر"));
        Assert.Equal(["sdam", "khlifa", "hftr"], Latin("ڈپٹی کمانڈر ان چیف لیفٹیننٹ جنرل صدام خلیفہ حفتر"));
        Assert.Equal(["asim", "munir"], Latin("फील्ड मार्शल आसिम मुनीर"));
    }

    [Fact]
    public void An_Arabic_title_is_not_read_in_a_word_written_in_Urdu_letters()
    {
        // Arabic ركن is a staff rank; Urdu رکن, with keheh, is a member. Both fold to one spelling.
        Assert.Equal(["ركن"], _analyzer.AnalyzeQuery("ركن سامي مالك").Primary.Titles);
        Assert.Empty(_analyzer.AnalyzeQuery("رکن سامی مالک").Primary.Titles);
        // امیر with Persian yeh opens a Pashto or Dari name; الامير is the Arabic honorific.
        Assert.Empty(_analyzer.AnalyzeQuery("امیر عبد الله").Primary.Titles);
        Assert.NotEmpty(_analyzer.AnalyzeQuery("الامير عبد الله").Primary.Titles);
        // Urdu's own rows match Urdu letters, and Arabic's the letters both write (نائب).
        Assert.NotEmpty(_analyzer.AnalyzeQuery("وزیر اعظم سامی مالک").Primary.Titles);
        Assert.NotEmpty(_analyzer.AnalyzeQuery("نائب سامی مالک").Primary.Titles);
    }

    [Fact]
    public void A_name_in_urdu_or_persian_letters_says_zad_and_zal_z()
    {
        // Urdu and Persian write ی, ہ, ک where Arabic writes ي, ه, ك, and say ض and ذ z: رضا
        // حیات is Raza Hayat, ذاکر Zakir. A name in Arabic letters keeps the Arabic reading
        // (Rida, Dhakir), and the same word is cached apart under each reading.
        Assert.Equal(["rza", "hyat"], Latin("رضا حیات"));
        Assert.Equal(["zakr"], Latin("ذاکر"));
        Assert.Equal(["rdha", "hyat"], Latin("رضا حيات"));
        Assert.Equal(["rza", "hyat"], Latin("رضا حیات"));
        Assert.Equal("رضا", _analyzer.AnalyzeQuery("رضا حیات").Primary.Tokens[0].Forms.Normalized);
        Assert.True(NameAnalyzer.SaysZ("رضا حیات"));
        Assert.False(NameAnalyzer.SaysZ("رضا حيات"));
        Assert.False(NameAnalyzer.SaysZ("Raza Hayat"));
    }

    [Fact]
    public void A_name_made_only_of_title_words_is_read_literally()
    {
        var (primary, literal) = _analyzer.AnalyzeQuery("General Headquarters");
        Assert.Equal(["headquarters"], primary.Tokens.Select(t => t.Forms.Latin));
        Assert.NotNull(literal);
        Assert.Equal(["general", "headquarters"], literal!.Tokens.Select(t => t.Forms.Latin));
    }

    [Fact]
    public void Joined_and_spaced_compounds_give_the_same_token()
    {
        Assert.Equal(Latin("ابوالقاسم"), Latin("ابو القاسم"));
        Assert.Equal(Latin("Abdulhamid"), Latin("Abdul Hamid"));
        Assert.Equal(Latin("Abd al-Hamid"), Latin("Abdul Hamid"));
        Assert.Equal(Latin("Abdurrahim"), Latin("Abdurahim"));
        Assert.Equal(Latin("Abdussalam"), Latin("Abdusalam"));
    }

    [Theory]
    [InlineData("Абдулхамид", "Абдул Хамид", "Abdulhamid")]
    [InlineData("Абдельрахман", "Абдель Рахман", "Abdelrahman")]
    [InlineData("Абдурахим", "Абдур Рахим", "Abdurrahim")]
    public void Cyrillic_compounds_of_abd_give_the_token_of_their_latin_spelling(string joined, string spaced, string latin)
    {
        string[] Skeletons(string name) => [.. _analyzer.AnalyzeQuery(name).Primary.Tokens.Select(t => t.Forms.Skeleton)];
        Assert.Equal(Latin(spaced), Latin(joined));
        Assert.Single(Skeletons(joined));
        Assert.Equal(Skeletons(latin)[0].Replace("h", "k", StringComparison.Ordinal), Skeletons(joined)[0]);
    }

    [Fact]
    public void Arabic_article_and_proclitics_are_split_off()
    {
        Assert.Equal(Latin("الجيش الليبي"), Latin("للجيش الليبي"));
        Assert.Equal(["mghidi"], Latin("المغیدی"));
        Assert.Equal(["moghedi"], Latin("Al-Moghedi"));
    }

    [Theory]
    [InlineData("Nur ad-Din Zangi", "Nur al-Din Zangi")]
    [InlineData("Shams ur Rahman", "Shams al-Rahman")]
    [InlineData("Salah-ud-Din", "Salah al-Din")]
    [InlineData("Zia ul Haq", "Zia al-Haq")]
    [InlineData("Abu Bakr ash-Shami", "Abu Bakr Shami")]
    [InlineData("An Najaf", "Najaf")]
    [InlineData("Abd ar-Rahman", "Abdul Rahman")]
    [InlineData("Нур ад-Дин", "Нур Дин")]
    [InlineData("Абу Бакр аль-Багдади", "Абу Бакр Багдади")]
    [InlineData("ज़िया उर रहमान", "ज़िया रहमान")]
    [InlineData("अबू बक्र अल-बग़दादी", "अबू बक्र बग़दादी")]
    [InlineData("Lashkar-e-Taiba", "Lashkar Taiba")]
    [InlineData("LASHKAR-I-TAIBA", "Lashkar Taiba")]
    [InlineData("Tehrik e Taliban", "Tehrik Taliban")]
    [InlineData("Лашкар-и-Тайба", "Лашкар Тайба")]
    [InlineData("लश्कर-ए-तैयबा", "लश्कर तैयबा")]
    [InlineData("Ziaul Haq", "Zia al-Haq")] // the article joined to the end of the word before
    [InlineData("Mujibur Rahman", "Mujib ar-Rahman")]
    [InlineData("Shamsul Haque", "Shams al-Haque")]
    [InlineData("Nurul Islam", "Nur al-Islam")]
    [InlineData("Badiuz Zaman", "Badi az-Zaman")]
    [InlineData("ज़ियाउल हक़", "ज़िया हक़")]
    [InlineData("मुजीबुर रहमान", "मुजीब रहमान")]
    [InlineData("Зияуль Хак", "Зия Хак")]
    [InlineData("Муджибур Рахман", "Муджиб Рахман")]
    public void Articles_and_the_izafat_are_dropped_however_they_are_joined(string written, string without)
    {
        Assert.Equal(Latin(without), Latin(written));
    }

    [Theory]
    [InlineData("Rahul Gandhi")] // Gandhi is not a word that follows the article
    [InlineData("Mahmud Durrani")] // nor is Durrani
    [InlineData("Ziaur Haq")] // ur is said before an r only
    [InlineData("Saul Haq")] // two letters before it
    [InlineData("राहुल गांधी")]
    public void A_word_that_only_ends_like_the_article_is_kept(string name)
    {
        // The first word reads as it does alone, where nothing follows it.
        Assert.Equal(Latin(name.Split(' ')[0])[0], Latin(name)[0]);
    }

    [Theory]
    [InlineData("abdul", "haq")]
    [InlineData("abdur", "rahman")]
    public void A_compound_head_is_no_word_with_the_article_joined(string head, string next)
    {
        // The linker asks the lexicon of every word of text, particles included; the head is
        // joined with the next word instead (Abdul Haq: abd-haq).
        Assert.Null(Lexicon.Default.ArticleSuffixStem(head, next));
        Assert.Equal("zia", Lexicon.Default.ArticleSuffixStem("ziaul", "haq")); // a word that is no particle
    }

    [Theory]
    [InlineData("An Nguyen", 2)] // a given name before ng, which no Arabic word after the article begins with
    [InlineData("As Smith", 2)] // s, then a consonant
    [InlineData("Ad Kumar", 2)] // not the letter after its vowel
    [InlineData("Nur ad", 2)] // nothing after it
    [InlineData("उस समय", 2)] // Hindi "that", not an article
    public void A_word_that_only_looks_like_an_assimilated_article_is_kept(string name, int tokens)
    {
        Assert.Equal(tokens, _analyzer.AnalyzeQuery(name).Primary.Tokens.Length);
    }

    [Theory]
    [InlineData("Robert E. Lee", 3)] // a capital written apart is an initial
    [InlineData("ROBERT E LEE", 3)]
    [InlineData("Lee e", 2)] // not between two words
    public void A_letter_of_the_izafat_that_is_an_initial_is_kept(string name, int tokens)
    {
        Assert.Equal(tokens, _analyzer.AnalyzeQuery(name).Primary.Tokens.Length);
    }

    [Fact]
    public void A_one_arabic_word_with_the_article_also_has_a_reading_that_keeps_it()
    {
        AnalyzedName primary = _analyzer.AnalyzeQuery("الاسكا").Primary;
        AnalyzedName? kept = _analyzer.ArticleReading(primary);

        Assert.NotNull(kept);
        Assert.Equal("اسكا", primary.Tokens[0].Forms.Normalized);
        Assert.Equal("الاسكا", kept!.Tokens[0].Forms.Normalized);
        Assert.StartsWith("al", kept.Tokens[0].Forms.Latin, StringComparison.Ordinal);

        // A proclitic before the article is kept with it.
        AnalyzedName? whole = _analyzer.ArticleReading(_analyzer.AnalyzeQuery("فاليرو").Primary);
        Assert.Equal("فاليرو", whole?.Tokens[0].Forms.Normalized);

        // Not for several words, a word without the article, one whose article was kept anyway
        // (hamza: a foreign name), or another script.
        Assert.Null(_analyzer.ArticleReading(_analyzer.AnalyzeQuery("الجيش الليبي").Primary));
        Assert.Null(_analyzer.ArticleReading(_analyzer.AnalyzeQuery("كريم").Primary));
        Assert.Null(_analyzer.ArticleReading(_analyzer.AnalyzeQuery("إلاري").Primary));
        Assert.Null(_analyzer.ArticleReading(_analyzer.AnalyzeQuery("Alaska").Primary));

        // Nor for a joined compound (its head and article are part of the name's one word).
        Assert.Null(_analyzer.ArticleReading(_analyzer.AnalyzeQuery("عبدالكريم").Primary));
        Assert.Null(_analyzer.ArticleReading(_analyzer.AnalyzeQuery("ابوبكر").Primary));
    }

    [Fact]
    public void A_registry_cache_keeps_the_forms_another_thread_added_first()
    {
        // Two threads of a registry's analysis can both miss a new word and make its forms: the
        // one that adds second must take the forms already cached, so that the word has one
        // forms object (SnapshotTests: the same entities write the same snapshot).
        var cache = new System.Collections.Concurrent.ConcurrentDictionary<string, TokenForms>(StringComparer.Ordinal);
        var analyzer = new NameAnalyzer(cache);
        var first = new TokenForms("swat", Script.Latin, "swat");
        cache["swat"] = first;

        Assert.Same(first, analyzer.Cached("swat", new TokenForms("swat", Script.Latin, "swat")));
        var other = new TokenForms("sindh", Script.Latin, "sindh");
        Assert.Same(other, analyzer.Cached("sindh", other));
        Assert.Same(other, cache["sindh"]);
    }

    [Fact]
    public void A_name_of_several_words_in_urdu_letters_also_has_a_reading_that_keeps_its_articles()
    {
        // الطاف is Altaf, not the article and طاف; الحق in ضیاء الحق is the article and Haq.
        string[] Whole(string name) => WholeWordReading(name, f => f.Latin);

        Assert.Equal(["taf", "hsin"], Latin("الطاف حسین"));
        Assert.Equal(["altaf", "hsin"], Whole("الطاف حسین"));
        Assert.Equal(["zya", "alhq"], Whole("ضیاء الحق"));

        // Not after a compound head (عبد الرحمن is one word either way), nor in Arabic letters,
        // nor for a name without the article or of one word (ArticleReading's case).
        Assert.Empty(Whole("عبد الرحمن ملک"));
        Assert.Empty(Whole("الطاف حسين"));
        Assert.Empty(Whole("نواز شریف"));
        Assert.Empty(Whole("الطاف"));
    }

    [Fact]
    public void A_name_of_several_words_has_a_reading_that_keeps_a_proclitic_and_article_whole()
    {
        // فالنتينا is Valentina, not fa- + al- + ntina; the primary reading still splits it off.
        string[] Whole(string name) => WholeWordReading(name, f => f.Normalized);

        Assert.Equal("نتينا", _analyzer.AnalyzeQuery("فالنتينا تيريشكوفا").Primary.Tokens[0].Forms.Normalized);
        Assert.Equal(["فالنتينا", "تيريشكوفا"], Whole("فالنتينا تيريشكوفا"));

        // The other words keep the primary reading: an Arabic article alone is still dropped.
        Assert.Equal(["بالوتيلي", "بشير"], Whole("بالوتيلي البشير"));

        // In Urdu letters the articles are kept too (folding writes Urdu's yeh as Arabic's).
        Assert.Equal(["فالنتينا", "الطاف"], Whole("فالنتینا الطاف"));

        // Not without such a word, nor for one word (ArticleReading's case), nor for a proclitic
        // before a word of the lexicon's concepts without the article (ومصر).
        Assert.Empty(Whole("عمر البشير"));
        Assert.Empty(Whole("فالنتينا"));
        Assert.Empty(Whole("جيش ومصر"));
    }

    /// <summary>One form of each token of <see cref="NameAnalyzer.WholeWordReading"/> of <paramref name="name"/>; empty when it has none.</summary>
    private string[] WholeWordReading(string name, Func<TokenForms, string> form) =>
        [.. _analyzer.WholeWordReading(name, _analyzer.AnalyzeQuery(name).Primary)?.Tokens.Select(t => form(t.Forms)) ?? []];

    [Fact]
    public void A_proclitic_and_article_are_split_off_only_before_three_letters()
    {
        Assert.Equal(["jish"], Latin("بالجيش"));
        Assert.Equal(["balti"], Latin("بالتي")); // Balti, not bi- + al- + ti
    }

    [Theory]
    [InlineData("لأهل", "أهل")] // li- + ahl: for the people
    [InlineData("ومصر", "مصر")] // wa- + Misr: and Egypt
    [InlineData("بلبنان", "لبنان")]
    public void A_proclitic_is_split_off_before_a_word_of_the_lexicons_concepts(string joined, string word)
    {
        TokenForms split = Assert.Single(_analyzer.AnalyzeQuery(joined).Primary.Tokens).Forms;
        TokenForms alone = Assert.Single(_analyzer.AnalyzeQuery(word).Primary.Tokens).Forms;

        Assert.Equal(alone.Normalized, split.Normalized);
        Assert.NotEqual(0, split.Concept);
    }

    [Theory]
    [InlineData("لبنى")] // Lubna: l + bna is no word of the lexicon
    [InlineData("وقار")] // Waqar
    [InlineData("فراس")] // Firas
    public void Names_that_begin_with_a_proclitic_letter_stay_whole(string name)
    {
        Assert.Equal(name, Assert.Single(_analyzer.AnalyzeQuery(name).Primary.Tokens).Forms.Normalized);
    }

    [Fact]
    public void Alef_with_hamza_below_reads_i_and_the_folded_word_stays_one()
    {
        NameToken hamza = _analyzer.AnalyzeQuery("إبراهيم").Primary.Tokens[0];
        NameToken bare = _analyzer.AnalyzeQuery("ابراهيم").Primary.Tokens[0];
        Assert.Equal("ibrahim", hamza.Forms.Latin);
        Assert.Equal("abrahim", bare.Forms.Latin);
        Assert.Equal(bare.Forms.Normalized, hamza.Forms.Normalized); // the same word for exact matching
        Assert.Equal(["isamu"], Latin("إيسامو"));
        Assert.Equal(["abu-idris"], Latin("أبو إدريس")); // a joined head keeps its tail's reading
        Assert.Equal(["abu-adris"], Latin("أبو ادريس"));
    }

    [Theory]
    [InlineData("تاتهإيش", "Tateishi")]
    [InlineData("كوإيهدزكا", "Koezuka")]
    [InlineData("إيهإجيرو", "Eijiro")]
    public void A_transliteration_that_writes_e_with_heh_has_the_skeleton_of_its_latin_spelling(string arabic, string latin)
    {
        Assert.Equal(
            _analyzer.AnalyzeQuery(latin).Primary.Tokens[0].Forms.Skeleton,
            _analyzer.AnalyzeQuery(arabic).Primary.Tokens[0].Forms.Skeleton);
    }

    [Fact]
    public void The_linker_reads_a_word_of_text_as_the_resolver_reads_it()
    {
        var linker = new EntityLinker(new NameResolver(EntityRegistry.Default));
        foreach (string word in new[] { "إيسامو", "إبراهيم", "ابراهيم", "اوباما" })
        {
            Assert.Equal(Latin(word)[0], linker.WordForms(word)?.Latin);
        }
    }

    [Fact]
    public void Names_spelled_as_letters_are_acronyms()
    {
        AnalyzedName urdu = _analyzer.AnalyzeQuery("آئی ایم سی ٹی سی").Primary;
        Assert.True(urdu.IsAcronym);
        Assert.Equal("imctc", urdu.Tokens[0].Forms.Latin);
        Assert.True(_analyzer.AnalyzeQuery("ISPR").Primary.IsAcronym);
    }

    [Theory]
    [InlineData("سي آي إيه", "cia")] // Arabic letter names
    [InlineData("إف بي آي", "fbi")]
    [InlineData("بي إم دبليو", "bmw")]
    [InlineData("ای سی پی", "ecp")] // Urdu ای is e, Arabic آي i: the same word once normalized
    [InlineData("آئی ایس آئی", "isi")]
    [InlineData("Би-би-си", "bbc")] // Russian letter names, joined by hyphens
    [InlineData("Си-эн-эн", "cnn")]
    [InlineData("Ай-би-эм", "ibm")]
    public void Names_spelled_as_letters_are_acronyms_in_arabic_and_russian_too(string name, string acronym)
    {
        AnalyzedName analyzed = _analyzer.AnalyzeQuery(name).Primary;
        Assert.True(analyzed.IsAcronym, name);
        Assert.Equal(acronym, analyzed.Tokens[0].Forms.Latin);
    }

    [Theory]
    [InlineData("Си Цзиньпин")] // Си is c, Цзиньпин no letter
    [InlineData("محمد بن سلمان")]
    public void A_name_with_a_word_that_is_no_letter_name_is_no_acronym(string name)
    {
        Assert.False(_analyzer.AnalyzeQuery(name).Primary.IsAcronym);
    }

    [Fact]
    public void Every_run_of_three_devanagari_letter_names_splits_back_into_its_letters()
    {
        // JoinedLetterNames takes the first split it finds: right only while no run of the
        // table's letter names splits in two ways.
        var names = Lexicon.Default.LetterNames.Where(kv => ScriptDetector.Of(kv.Key) == Script.Devanagari).ToList();
        Assert.Equal(26, names.Count);
        foreach (var a in names)
        {
            foreach (var b in names)
            {
                foreach (var c in names)
                {
                    Assert.Equal(new string([a.Value, b.Value, c.Value]), Lexicon.Default.JoinedLetterNames(a.Key + b.Key + c.Key));
                }
            }
        }
    }

    [Theory]
    [InlineData("बीबी")] // two letter names are a word (bibi), not an acronym
    [InlineData("जीजी")]
    [InlineData("जीवन")] // जी + वन: वन is no letter name
    [InlineData("एकता")]
    [InlineData("ارديتي")] // Arabic script: ار دي تي are letter names in Urdu, but this is Arditi
    [InlineData("بيكيسي")]
    public void A_word_is_not_an_acronym_unless_it_is_devanagari_and_splits_into_three_letter_names_or_more(string word)
    {
        Assert.False(_analyzer.AnalyzeQuery(word).Primary.IsAcronym);
    }

    [Theory]
    [InlineData("КГБ", "kgb")] // Cyrillic capitals
    [InlineData("K.G.B.", "kgb")] // capitals written apart, without a space
    [InlineData("К.Г.Б.", "kgb")]
    [InlineData("U.N.", "un")]
    [InlineData("जीएचक्यू", "ghq")] // Devanagari letter names written as one word
    [InlineData("आईएसपीआर", "ispr")]
    [InlineData("आईएमसीटीसी", "imctc")]
    [InlineData("बीबीसी", "bbc")]
    public void Names_in_capitals_or_in_letter_names_run_together_are_acronyms(string query, string letters)
    {
        AnalyzedName name = _analyzer.AnalyzeQuery(query).Primary;
        Assert.True(name.IsAcronym);
        Assert.Equal(letters, Assert.Single(name.Tokens).Forms.Latin);
        Assert.True(_analyzer.AnalyzeAlias(query, isPerson: false).IsAcronym);
    }

    [Fact]
    public void Capitals_apart_are_initials_when_spaced_or_in_a_person_name()
    {
        Assert.False(_analyzer.AnalyzeQuery("K. G. B.").Primary.IsAcronym);
        Assert.False(_analyzer.AnalyzeQuery("Кгб").Primary.IsAcronym);
        Assert.False(_analyzer.AnalyzeAlias("J.K.", isPerson: true).IsAcronym);
        Assert.True(_analyzer.AnalyzeAlias("K.G.B.", isPerson: false).IsAcronym);
    }

    [Fact]
    public void Particles_get_their_roles()
    {
        AnalyzedName name = _analyzer.AnalyzeQuery("Mohammed bin Saeed Al-Moghedi").Primary;
        Assert.Equal([TokenRole.Name, TokenRole.Link, TokenRole.Name, TokenRole.Name], name.Tokens.Select(t => t.Role));
        Assert.True(name.Tokens[0].Forms.IsCommonName);
    }

    [Theory]
    [InlineData("Group", "الجماعة", true)]
    [InlineData("groupe", "समूह", true)]
    [InlineData("گروپ", "группа", true)]
    [InlineData("Network", "شبکه", true)]
    [InlineData("Islamic", "الإسلامية", true)]
    [InlineData("Egyptian", "المصري", true)]
    [InlineData("Moroccan", "المغربية", true)]
    [InlineData("Egypt", "مصر", true)]
    [InlineData("Египет", "Egyptian", true)]
    [InlineData("Levant", "الشام", true)]
    [InlineData("Syria", "सीरियाई", true)]
    [InlineData("Group", "Front", false)]
    [InlineData("Egyptian", "Libyan", false)]
    [InlineData("Iraq", "Syria", false)]
    [InlineData("جماعة", "Jamal", false)]
    public void Generic_organization_words_nationalities_and_places_have_one_concept_in_every_language(string a, string b, bool same)
    {
        TokenForms first = Assert.Single(_analyzer.AnalyzeQuery(a).Primary.Tokens).Forms;
        TokenForms second = Assert.Single(_analyzer.AnalyzeQuery(b).Primary.Tokens).Forms;

        Assert.NotEqual(0, first.Concept);
        Assert.Equal(same, first.Concept == second.Concept);
    }

    [Theory]
    [InlineData("Чэн Лун", "cheng long")]
    [InlineData("Чжан Иван", "zhang ivan")] // only the words marked Chinese are read in pinyin
    [InlineData("Тэ", null)] // its pinyin is its romanization: no second reading
    [InlineData("Иван Петров", null)]
    public void A_query_with_palladius_words_has_a_pinyin_reading(string query, string? latin)
    {
        AnalyzedName? reading = _analyzer.PinyinReading(_analyzer.AnalyzeQuery(query).Primary);
        Assert.Equal(latin, reading is null ? null : string.Join(' ', reading.Tokens.Select(t => t.Forms.Latin)));
    }
}
