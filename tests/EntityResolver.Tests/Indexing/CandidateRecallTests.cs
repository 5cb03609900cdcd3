using EntityResolver.DataGen;
using EntityResolver.Indexing;
using EntityResolver.Matching;
using EntityResolver.Text;

namespace EntityResolver.Tests.Indexing;

/// <summary>
/// The candidate index against brute force on a generated registry of 10,000 people (recombined
/// from the name-part fixture): whenever scoring every alias finds the gold entity, the index
/// must have handed it to scoring.
/// </summary>
public sealed class CandidateRecallTests
{
    private static readonly Lazy<(List<Entity> Entities, EntityRegistry Registry, List<GeneratedQuery> Queries)> Data = new(() =>
    {
        var generator = new Generator(NamePartPool.FromTsv(Fixture.Path("names/parts.tsv")), seed: 7);
        List<Entity> entities = generator.Entities(10_000, seed: 11);
        return (entities, EntityRegistry.Create(entities), generator.Queries(entities, 450, seed: 12));
    });

    [Fact]
    public void Gold_entity_is_a_candidate_whenever_brute_force_finds_it()
    {
        var (_, registry, queries) = Data.Value;
        var resolver = new NameResolver(registry);
        var analyzer = new NameAnalyzer();
        int eligible = 0, found = 0;
        var misses = new List<string>();
        foreach (GeneratedQuery q in queries.Where(q => q.GoldId is not null))
        {
            var (primary, _) = analyzer.AnalyzeQuery(q.Text);
            if (primary.IsEmpty)
            {
                continue;
            }

            ulong ranks = primary.Titles.Length > 0 ? Lexicon.Default.RankClasses(primary.Titles) : 0;
            var (best, score) = BruteForce(registry, () => new PreparedName(primary, registry.Statistics, ranks));
            if (best < 0 || score < resolver.Defaults.Threshold || registry.EntityAt(best).Id != q.GoldId)
            {
                continue;
            }

            eligible++;
            if (resolver.CandidateAliases(q.Text).Any(a => registry.Aliases[a].EntityIndex == best))
            {
                found++;
            }
            else
            {
                misses.Add($"{q.Text} ({q.Noise}) -> {q.GoldId}");
            }
        }

        Assert.True(eligible >= 250, $"only {eligible} queries were found by brute force: the test data is too hard to measure recall");
        double recall = (double)found / eligible;
        Assert.True(recall >= 0.995, $"recall {recall:P2} ({found}/{eligible}); missed: {string.Join("; ", misses)}");
    }

    [Fact]
    public void Candidates_are_few_and_best_first()
    {
        var (_, registry, queries) = Data.Value;
        var resolver = new NameResolver(registry);
        foreach (GeneratedQuery q in queries.Take(100))
        {
            int[] candidates = resolver.CandidateAliases(q.Text);
            Assert.InRange(candidates.Length, 0, CandidateSearch.MaxCandidates);
            Assert.Equal(candidates.Length, candidates.Distinct().Count());
        }
    }

    [Fact]
    public void Postings_are_ascending_and_flag_deletions()
    {
        var (_, registry, _) = Data.Value;
        CandidateIndex index = registry.Index;
        long total = 0;
        for (int k = 0; k < index.KeyCount; k++)
        {
            ReadOnlySpan<int> postings = index.Postings(k);
            total += postings.Length;
            for (int i = 1; i < postings.Length; i++)
            {
                Assert.True(postings[i - 1] >> 1 < postings[i] >> 1, "postings must be strictly ascending by alias");
            }
        }

        Assert.Equal(index.PostingCount, total);

        // An alias is posted under its own skeleton without the deletion flag.
        AliasRecord alias = registry.Aliases[0];
        string skeleton = alias.Name.Tokens.First(t => t.Role == TokenRole.Name && t.Forms.Skeleton.Length > 0).Forms.Skeleton;
        Assert.Contains(0 << 1, index.Postings(skeleton).ToArray());
    }

    [Theory]
    [InlineData("Хираи", "Hirai")]
    [InlineData("Хана", "Hana")]
    public void A_cyrillic_kh_finds_the_h_of_a_name_written_only_in_latin(string query, string gold)
    {
        // The Latin names share no key with the kh reading (Hirai: hr, Хираи read khirai: kr);
        // the others share it (Kiri, Kano...), so the kh reading alone finds only them.
        AssertFoundAmong(query, gold, "Kiri Sato", "Kira Maer", "Kuro Tani", "Kano Rio", "Kuni Ito");
    }

    [Theory]
    // Russian writes the chi of Japanese names ти (Polivanov's system), and their h х. Read with
    // t, the query shares its own key with the others (Iwaguchi: ks, Ивагути read ivaguti: kt).
    [InlineData("Ивагути", "Iwaguchi", JapaneseOthers)]
    [InlineData("Кэммоти", "Kenmochi", JapaneseOthers)]
    [InlineData("Тиэми", "Chiemi", JapaneseOthers)]
    [InlineData("Хигути", "Higuchi", JapaneseOthers)]
    // Read with ts, Адамец shares its own key (tmts, and tms without the t) with Adams, Tomas...,
    // not with Adamec (tmk).
    [InlineData("Адамец", "Adamec", SlavicOthers)]
    [InlineData("Белица", "Bjelica", SlavicOthers)]
    // Russian writes the h of Czech, German and classical names г (Гус: Hus) and their ch х. Read
    // as written, Гус is ks and Хабих kbk (hbh with х as h); Hus is hs, Habich hbs (hbk, its ch as kh).
    [InlineData("Гус", "Hus", GermanOthers)]
    [InlineData("Гасс", "Hass", GermanOthers)]
    [InlineData("Хабих", "Habich", GermanOthers)]
    [InlineData("Гахман", "Hachmann", GermanOthers)]
    // And their z ц: Герцен is krtsn, Herzen hrsn (its z as s, the ц read without its t).
    [InlineData("Герцен", "Herzen", GermanOthers)]
    [InlineData("Гинцпетер", "Hinzpeter", GermanOthers)]
    // An х inside a word, the j of Spanish names: Араухо is rk (rh with х as h), Araujo rs.
    [InlineData("Араухо", "Araujo", SpanishOthers)]
    [InlineData("Алехо", "Alejo", SpanishOthers)]
    // The q of pinyin: Цичао is tsC, which Qichao (kC) is posted under too.
    [InlineData("Цяньчжи", "Qianzhi", PinyinOthers)]
    [InlineData("Цичао", "Qichao", PinyinOthers)]
    // A first у before a vowel, the w of English names: Уэбб is b, Webb wb (too short for a
    // deletion key: Уоррен, rn, meets Warren, wrn, through one).
    [InlineData("Уэбб", "Webb", EnglishOthers)]
    [InlineData("Уолл", "Wall", EnglishOthers)]
    // Arabic script writes the j of Spanish names خ: خوسيه is ks read as written, José s; خوان
    // kn, Juan sn. (أليخاندرو, lkntr, meets Alejandro, lsntr, through a one-deletion key as well.)
    [InlineData("خوسيه", "José", ArabicKhOthers)]
    [InlineData("خوان", "Juan", ArabicKhOthers)]
    [InlineData("أليخاندرو", "Alejandro", ArabicKhOthers)]
    // Persian, Urdu and Turkish say ض and ذ z, and so do the Latin spellings of their names: رضا is
    // rt read as written (Arabic Rida), Raza rs; قاضی kt, Qazi ks; رضیہ (Urdu) rt, Razia rs.
    [InlineData("رضا", "Raza", ArabicZOthers)]
    [InlineData("قاضی", "Qazi", ArabicZOthers)]
    [InlineData("رضیہ", "Razia", ArabicZOthers)]
    // French, Portuguese, Italian and English names say g before e and i zh or j, which Russian
    // writes ж and дж: Жибо is sb read as written, Gibaud kb; Жерар sr, Gérard krrt; Джино sn, Gino kn.
    [InlineData("Жибо", "Gibaud", SoftGOthers)]
    [InlineData("Жерар", "Gérard", SoftGOthers)]
    [InlineData("Джино", "Gino", SoftGOthers)]
    // Hindi writes that g ज, which is j before any letter: जिनेवा is sn read as written, Geneva
    // kn; जेनोआ sn, Genoa kn; जीना sn, Gina kn.
    [InlineData("जिनेवा", "Geneva", SoftGOthers)]
    [InlineData("जेनोआ", "Genoa", SoftGOthers)]
    [InlineData("जीना", "Gina", SoftGOthers)]
    public void A_word_read_as_its_language_writes_it_in_latin_finds_the_name_written_only_in_latin(string query, string gold, string others)
    {
        // Read as written, the query shares its keys with the others, not with the gold name:
        // only the reading (Phonetics.QueryReadings) or the gold's own key as said
        // (CandidateIndex.OwnKeys) brings them together.
        AssertFoundAmong(query, gold, others.Split(", "));
    }

    private const string SoftGOthers = "Sibo Ali, Zubi Roy, Sarra Ng, Soro Lo, Sano Kim, Zina Ito, Sun Sen, Jerre Lo";
    private const string ArabicZOthers = "Rat Ali, Ruth Roy, Arta Ng, Rota Lo, Kadi Kim, Kut Ito, Tiya Sen, Dia Lo";
    private const string ArabicKhOthers = "Kasi Ali, Koss Roy, Akis Ng, Kano Lo, Kwon Kim, Ikon Ito, Alikant Sen, Leukhandr Ng";
    private const string JapaneseOthers = "Agata Kis, Guti Roy, Okuda Sen, Kito Ise, Tatiana Ng, Tettoni Li";
    private const string SlavicOthers = "Adams Ali, Tomas Ito, Damts Roy, Blits Ng, Bolis Sen, Blaze Kim, Admitz Lo";
    private const string GermanOthers = "Gus Ali, Kass Roy, Kabik Ng, Kahman Lo, Gasse Kim, Hebeh Ito, Kuss Sen";
    private const string SpanishOthers = "Arauco Ali, Rocha Roy, Alec Ng, Ariho Lo, Aleko Kim, Lukas Ito, Raja Sen";
    private const string EnglishOthers = "Abe Ali, Obi Roy, Lee Ng, Eli Lo, Ebo Kim, Ola Ito, Bea Sen";
    private const string PinyinOthers = "Tsuchie Ito, Tezuka Ali, Tsushima Ng, Kichiro Sen, Kaji Roy, Tasaki Lo, Tanzhi Kim";

    [Theory]
    [InlineData("Siobhan", "Шивон", "sn")] // not sbn
    [InlineData("Worcester", "Вустер", "wstr")] // not wrstr
    [InlineData("Đilas", "Джилас", "sls")] // said dj, not tls
    [InlineData("Palacký", "Палацкий", "bltsk")] // said as the Polish -cki, not blk
    public void A_name_not_said_as_its_letters_read_is_posted_under_the_skeleton_of_how_it_is_said(string gold, string query, string said)
    {
        EntityRegistry registry = EntityRegistry.Create([new Entity("p:0", Entity.PersonType, [new EntityName(gold)])]);

        Assert.Equal(said, CandidateIndex.NameSaidSkeleton(registry.Aliases[0].Name.Tokens[0].Forms));
        Assert.Contains(0 << 1, registry.Index.Postings(said).ToArray());
        Assert.Equal(said, new NameAnalyzer().AnalyzeQuery(query).Primary.Tokens[0].Forms.Skeleton);
    }

    [Theory]
    [InlineData("Agnelli", "nl")] // Аньелли, أنييلي
    [InlineData("Castagno", "kstn")] // Кастаньо
    [InlineData("Bologna", "bln")] // Болонья, بولونيا
    [InlineData("Battaglia", "btl")] // Батталья, باتاليا
    [InlineData("Baglioni", "bln")] // Бальони, باليوني
    public void A_romance_gn_or_gli_is_posted_as_its_own_key_without_its_g(string gold, string said)
    {
        // Agnelli's skeleton is knl; nl is only a deletion variant of it, which at scale is
        // capped among the many names with that key. Posted as the word's own key, it is not.
        EntityRegistry registry = EntityRegistry.Create([new Entity("p:0", Entity.PersonType, [new EntityName(gold)])]);

        Assert.Equal(said, CandidateIndex.GnSaidNySkeleton(registry.Aliases[0].Name.Tokens[0].Forms));
        Assert.Contains(0 << 1, registry.Index.Postings(said).ToArray());
    }

    [Theory]
    [InlineData("Csaba", "cs", "sb")] // Чаба, not ksb
    [InlineData("Gulácsi", "cs", "kls")] // Гулачи, not klks
    [InlineData("Brzezinski", "rz", "bsnsk")] // Бжезинский, not brsnsk
    [InlineData("Przybylski", "rz", "bsblsk")] // Пшибыльский
    [InlineData("Andrzej", "rz", "ns")] // Анджей, not ntrs
    [InlineData("Gonçalo", "ç", "knsl")] // Гонсалу, not knkl
    [InlineData("Kılıç", "ç", "kls")] // Кылыч, not klk
    [InlineData("Böhme", "öh", "bm")] // Бёме, not bhm
    [InlineData("Dąbrowski", "ą", "tmbrsk")] // Домбровский, not tbrsk
    [InlineData("Gąsiewska", "ą", "knsk")] // Гонсевская, not ksk
    [InlineData("Dvořák", "ř", "trsk")] // Дворжак, not trk
    [InlineData("Debicki", "ck", "tbk")] // ديبيكي, not tbtsk
    [InlineData("Potocka", "ck", "btk")] // بوتوكا, not btsk
    [InlineData("Specht", "cht", "sbst")] // شبيشت, not sbkt
    [InlineData("Feuchtwanger", "cht", "fstnkr")] // فويشتفانغر, not fktnkr
    public void Latin_spellings_said_otherwise_are_posted_as_their_own_keys_read_as_said(string gold, string spelling, string said)
    {
        EntityRegistry registry = EntityRegistry.Create([new Entity("p:0", Entity.PersonType, [new EntityName(gold)])]);
        TokenForms forms = registry.Aliases[0].Name.Tokens[0].Forms;

        Assert.Equal(said, spelling switch
        {
            "cs" => CandidateIndex.CsSaidChSkeleton(forms),
            "rz" => CandidateIndex.RzSaidZhSkeleton(forms),
            "ck" => CandidateIndex.CkSaidKSkeleton(forms),
            "cht" => CandidateIndex.IchSaidShSkeleton(forms),
            _ => CandidateIndex.DiacriticsSaidSkeleton(forms),
        });
        Assert.Contains(0 << 1, registry.Index.Postings(said).ToArray());
    }

    [Theory]
    [InlineData("ديبيكي", "Debicki", "Delbeke", "Debec", "Debise")]
    [InlineData("بينديريكي", "Penderecki", "Bundrage", "Bencharki", "Kendrick")]
    [InlineData("بوتوكي", "Potocki", "Potok", "Botha", "Pettke")]
    public void A_polish_cki_that_arabic_script_writes_ki_finds_its_name_first(string query, string gold, params string[] others)
    {
        // Readings.PolishCkAsK: the c of -cki said as the k of English ck (the plain phonetic form
        // reads ts, as Russian writes it), in the pair score and in the index key.
        AssertFoundAmong(query, gold, others);
    }

    [Theory]
    [InlineData("гриммельсгаузен", "Grimmelshausen", "Grimaldi", "Hausen")] // krmlsksn against krmlsn
    [InlineData("хильдесхаймер", "Hildesheimer", "Heimer", "Hilde")]
    [InlineData("روكينجهام", "Rockingham", "Rocking", "Graham")] // rknshm against rknkm
    public void A_long_word_that_meets_no_key_is_looked_up_with_two_classes_deleted(string query, string gold, params string[] others)
    {
        // A deletion on each side leaves the two skeletons apart; so the query had no candidate.
        AssertFoundAmong(query, gold, others);
    }

    [Fact]
    public void A_short_word_that_meets_no_key_has_no_candidate()
    {
        // Two classes deleted from a skeleton under six classes leave too little of the word:
        // Hankatis (hnkts) without k and s is hnt, a deletion of Hunter's hntr.
        EntityRegistry registry = EntityRegistry.Create([new Entity("p:0", Entity.PersonType, [new EntityName("Hunter")])]);

        Assert.Empty(new NameResolver(registry).CandidateAliases("Hankatis"));
    }

    [Theory]
    [InlineData("إنجل", "Engel")]
    [InlineData("جيورجيو", "Giorgio")]
    public void An_arabic_jim_finds_the_g_of_a_name_written_only_in_latin(string query, string gold)
    {
        // Read with j (Engel: nkl, إنجل read injl: nsl; Giorgio: krk, جيورجيو: srs), the query
        // shares its own key with the others (Anjali, Jarjis...), not with the gold name (a short
        // one may still be found through a deletion variant, Giorgio is not).
        AssertFoundAmong(query, gold, "Anjali Rao", "Ansel Ito", "Nasli Kim", "Jorge Sosa", "Jarjis Ali", "Zaras Tan");
    }

    [Theory]
    [InlineData("فويتكوفياك", "Wojtkowiak")] // a Polish w is ف and its j ي
    [InlineData("بايراكتاراي", "Bajraktaraj")]
    [InlineData("فويوفيتش", "Vujović")] // a Serbian v is ف and its j ي (Vujović fs, its v read f and j read y fs)
    [InlineData("араюури", "Arajuuri")] // a Finnish j is й (я, ю)
    [InlineData("аахен", "Aachen")] // a German ch is х
    [InlineData("ахенбах", "Achenbach")]
    [InlineData("кьети", "Chieti")] // an Italian first ch is к
    [InlineData("хуан", "Juan")] // a Spanish first j is х
    public void A_letter_said_otherwise_than_in_english_finds_the_name_written_with_it(string query, string gold)
    {
        // The gold's own skeleton shares no key with the query's (Wojtkowiak wstk, فويتكوفياك
        // ftkfk; Aachen sn, Ахен kn): it is found through the key of the letter as said.
        AssertFoundAmong(query, gold, "Anjali Rao", "Ansel Ito", "Nasli Kim", "Jorge Sosa");
    }

    [Theory]
    [InlineData("aachen", "kn")] // Ахен
    [InlineData("bachmann", "bkmn")] // Бахман
    [InlineData("pinocchio", null)] // Пиноккио: its Italian cch is k in its own skeleton
    [InlineData("chodzko", "ksk")] // Ходзько: a first ch too
    [InlineData("chieti", "kt")] // Кьети
    [InlineData("jorge", "krk")] // Хорхе: a first j before a vowel, the Spanish jota
    [InlineData("juarez", "krs")] // Хуарес
    [InlineData("mejia", null)] // a j inside the word: the query reads a Cyrillic х there as j (Phonetics.SpanishSkeleton)
    [InlineData("jrachi", "srk")] // a first j before a consonant is no jota, even in a word with a ch
    [InlineData("karl", null)]
    public void A_ch_or_a_first_j_gives_a_latin_word_the_skeleton_of_a_kh(string word, string? expected)
    {
        var forms = new TokenForms(word, Script.Latin, word);
        Assert.Equal(expected, CandidateIndex.KhSaidSkeleton(forms));
    }

    [Theory]
    [InlineData("athena", "fn")] // Афина
    [InlineData("themistius", "fmsts")] // Фемистий, read with its Latin ending (Phonetics.LatinCaseSkeleton)
    [InlineData("smith", "smf")] // an English th too: the key is a second one, Смит keeps smt
    [InlineData("matthaeus", "mfs")] // Матфей: a t before th is one th
    [InlineData("tomas", null)]
    public void A_th_gives_a_latin_word_the_skeleton_of_a_greek_theta_said_f(string word, string? expected)
    {
        var forms = new TokenForms(word, Script.Latin, word);
        Assert.Equal(expected, CandidateIndex.ThSaidFSkeleton(forms));
    }

    [Theory]
    [InlineData("antisthenes", "ntsfn")] // Антисфен
    [InlineData("theodotus", "ft")] // Феодот (d and t are one t)
    [InlineData("athena", null)] // no ending to leave out: the th key above has it
    [InlineData("marcus", null)] // no th
    public void A_greek_name_with_a_th_is_also_posted_as_russian_writes_it(string word, string? expected)
    {
        var forms = new TokenForms(word, Script.Latin, word);
        Assert.Equal(expected, CandidateIndex.GreekSaidSkeleton(forms));
    }

    [Theory]
    [InlineData("Athena", "афина")] // fn: no key of Athena (tn) but the one its th read f is posted under
    [InlineData("Antisthenes", "антисфен")] // ntsfn: neither Antisthenes' (ntstns) nor its th key (ntsfns), but that key without the ending
    [InlineData("Cotillard", "котийяр")] // ktr: not Cotillard's (ktlrt, and its deletions), but its ill read iy without the silent d
    public void A_cyrillic_spelling_finds_the_latin_name_it_writes_as_said(string gold, string query)
    {
        EntityRegistry registry = EntityRegistry.Create([new Entity("p:0", Entity.PersonType, [new EntityName(gold)]), new Entity("p:1", Entity.PersonType, [new EntityName("Anjali Rao")])]);
        Assert.Contains(0, new NameResolver(registry).CandidateAliases(query));
    }

    [Theory]
    [InlineData("cotillard", "ktr")] // Котийяр: the ill said iy, the d silent
    [InlineData("guillaume", "km")] // Гийом
    [InlineData("abeille", "b")] // Абей: after a vowel, the ill said y
    [InlineData("filon", null)] // no ill
    [InlineData("bouillon", "bn")] // Буйон
    public void A_french_ill_gives_a_latin_word_the_skeleton_of_the_ill_as_russian_writes_it(string word, string? expected)
    {
        var forms = new TokenForms(word, Script.Latin, word);
        Assert.Equal(expected, CandidateIndex.IllSaidYSkeleton(forms));
    }


    [Theory]
    [InlineData("jelen", "yln")] // ييلين, Йелен
    [InlineData("mojmir", "mr")] // Моймир: m, y, m, r
    [InlineData("bajrami", "brm")] // بايرامي
    [InlineData("james", "yms")]
    [InlineData("maria", null)] // no j
    public void A_j_gives_a_latin_word_the_skeleton_of_a_j_said_y(string word, string? expected)
    {
        var forms = new TokenForms(word, Script.Latin, word);
        Assert.Equal(expected, CandidateIndex.JSaidYSkeleton(forms));
    }

    [Theory]
    [InlineData("morisot", "mrs")]
    [InlineData("juvet", "s")] // v inside a word is no key letter
    [InlineData("dajoux", "ts")]
    [InlineData("garnier", "krn")]
    [InlineData("ahmed", null)] // an ending Arabic names keep
    [InlineData("moris", null)] // no silent ending
    public void A_silent_french_ending_gives_a_word_a_second_own_key(string word, string? expected)
    {
        var forms = new TokenForms(word, Script.Latin, word);
        Assert.Equal(expected, CandidateIndex.SaidSkeleton(forms));
    }

    [Fact]
    public void A_name_with_a_silent_ending_is_posted_under_its_skeleton_without_it()
    {
        // Morisot (mrst) is posted under mrs as an own key, not only as a deletion variant: a
        // query written as said, موريسو or Мориссо, meets it at full weight.
        EntityRegistry registry = EntityRegistry.Create([new Entity("p:0", Entity.PersonType, [new EntityName("Berthe Morisot")])]);
        CandidateIndex index = registry.Index;

        Assert.Contains(0 << 1, index.Postings(index.KeyId("mrs")).ToArray());
        Assert.Contains(0 << 1, index.Postings(index.KeyId("mrst")).ToArray());
    }

    [Fact]
    public void Forward_index_is_the_postings_transposed()
    {
        var (_, registry, _) = Data.Value;
        CandidateIndex index = registry.Index;
        var fromPostings = new HashSet<(int Alias, int Encoded)>();
        for (int k = 0; k < index.KeyCount; k++)
        {
            foreach (int p in index.Postings(k))
            {
                fromPostings.Add((p >> 1, (k << 1) | (p & 1)));
            }
        }

        var fromForward = new HashSet<(int Alias, int Encoded)>();
        for (int a = 0; a < index.AliasCount; a++)
        {
            foreach (int encoded in index.KeysOfAlias(a))
            {
                Assert.True(fromForward.Add((a, encoded)), $"alias {a} lists key {encoded >> 1} twice");
            }
        }

        Assert.Equal(index.PostingCount, fromForward.Count);
        Assert.True(fromPostings.SetEquals(fromForward), "the forward index must hold exactly the (alias, key) pairs of the postings");
    }

    [Fact]
    public void Scoring_a_candidate_allocates_nothing()
    {
        // The token similarities are memoized in a table per thread (SimilarityMemo), made on the
        // thread's first query: once it exists, a new query allocates nothing to score, even
        // against tokens it has never seen.
        var (_, registry, queries) = Data.Value;
        var analyzer = new NameAnalyzer();
        ScoringModel model = ScoringModel.Default;
        var first = new PreparedName(analyzer.AnalyzeQuery(queries[0].Text).Primary, registry.Statistics, 0);
        float sum = model.Score(PairScorer.Compute(first, registry.Aliases[0], isPerson: true, 0));
        var query = new PreparedName(analyzer.AnalyzeQuery(queries[1].Text).Primary, registry.Statistics, 0);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int a = 0; a < 1000; a++)
        {
            sum += model.Score(PairScorer.Compute(query, registry.Aliases[a], isPerson: true, 0));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sum > 0f);
    }

    /// <summary>Every alias scored; each worker prepares its own query.</summary>
    private static (int Entity, float Score) BruteForce(EntityRegistry registry, Func<PreparedName> prepare)
    {
        ScoringModel model = ScoringModel.Default;
        var gate = new object();
        (int Entity, float Score) best = (-1, -1f);
        Parallel.For(0, registry.Aliases.Length, () => (Entity: -1, Score: -1f, Query: prepare()), (a, _, local) =>
        {
            AliasRecord alias = registry.Aliases[a];
            bool person = registry.EntityAt(alias.EntityIndex).IsPerson;
            float s = model.Score(PairScorer.Compute(local.Query, alias, person, registry.RankClassesAt(alias.EntityIndex)));
            if (s > local.Score || (s == local.Score && alias.EntityIndex < local.Entity))
            {
                local = (alias.EntityIndex, s, local.Query);
            }

            return local;
        }, local =>
        {
            lock (gate)
            {
                if (local.Score > best.Score || (local.Score == best.Score && local.Entity < best.Entity))
                {
                    best = (local.Entity, local.Score);
                }
            }
        });

        return best;
    }

    /// <summary>Asserts that <paramref name="query"/> finds <paramref name="gold"/> among the candidates of a registry of it and <paramref name="others"/>, and puts it first.</summary>
    private static void AssertFoundAmong(string query, string gold, params string[] others)
    {
        string[] names = [gold, .. others];
        EntityRegistry registry = EntityRegistry.Create(names.Select((n, i) => new Entity($"p:{i}", Entity.PersonType, [new EntityName(n)])));
        var resolver = new NameResolver(registry);

        Assert.Contains(0, resolver.CandidateAliases(query));
        Assert.Equal("p:0", resolver.Resolve(query, new ResolveOptions { Top = 1 })[0].EntityId);
    }
}
