using EntityResolver.Text;

namespace EntityResolver.Tests.Text;

public sealed class TransliterationModelTests
{
    // Russian spellings of Latin names: ch is ч, sh is ш, a final y is и.
    private static readonly (string, string)[] Pairs =
    [
        ("чарли", "charlie"), ("шарп", "sharp"), ("чейз", "chase"), ("шелби", "shelby"), ("рич", "rich"),
        ("маршалл", "marshall"), ("чен", "chen"), ("шон", "shawn"), ("бишоп", "bishop"), ("чарльз", "charles"),
        ("мичел", "michel"), ("эшли", "ashley"), ("арчер", "archer"), ("уошберн", "washburn"), ("черч", "church"),
        ("карл", "karl"), ("кейн", "kane"), ("марк", "mark"), ("кларк", "clark"), ("хант", "hunt"),
    ];

    [Fact]
    public void Every_marked_letter_is_a_letter_of_its_own_to_the_models_and_to_the_spelling()
    {
        // The model numbers the marked letters after a..z, and the romanization must keep each
        // of them (composed or not) where the spelling asks for marked letters: a letter added to
        // one list and not to the others would never reach the models.
        Assert.Equal(TransliterationModel.Other, 26 + TransliterationModel.MarkedLetters.Length);
        foreach (char marked in TransliterationModel.MarkedLetters)
        {
            string letter = marked.ToString();
            Assert.Equal(letter, Romanizer.LatinToAscii(letter, keepMarked: true));
            Assert.Equal(letter, Romanizer.LatinToAscii(letter.Normalize(System.Text.NormalizationForm.FormD), keepMarked: true));
            Assert.NotEqual(letter, Romanizer.LatinToAscii(letter));
            Assert.Single(Romanizer.LatinToAscii(letter));
        }
    }

    [Fact]
    public void A_fitted_model_prefers_the_spelling_its_pairs_teach()
    {
        var model = TransliterationModel.Train(Pairs);

        // ч is written for ch, к for k and c: Chark is the likelier source of чарк, Clark of кларк.
        Assert.True(model.LogLikelihood("чарк", "chark") > model.LogLikelihood("чарк", "kark") + 5);
        Assert.True(model.LogLikelihood("кларк", "clark") > model.LogLikelihood("кларк", "chlark") + 5);
        Assert.True(model.LogLikelihood("шарк", "shark") > model.LogLikelihood("шарк", "sark"));
    }

    [Fact]
    public void Each_letter_writes_its_own_character_not_its_neighbours()
    {
        var model = TransliterationModel.Train(Pairs);

        // The a of these pairs is а; fitted with its neighbours from the start, the r of Charlie,
        // Marshall and Archer wrote ар and the a nothing, so that мак was as likely from mak as
        // мк, and Mak the least likely source of мак.
        Assert.True(model.LogLikelihood("мак", "mak") > model.LogLikelihood("мк", "mak") + 1);
        Assert.True(model.LogLikelihood("мак", "mak") > model.LogLikelihood("мак", "mk") + 1);
        Assert.True(model.LogLikelihood("рим", "rim") > model.LogLikelihood("арим", "rim") + 1);
    }

    [Fact]
    public void A_marked_letter_writes_what_its_pairs_teach_and_what_its_plain_letter_writes_where_they_are_few()
    {
        // о is written for o, ё for ö (Bergström: Бергстрём); no pair has a ü.
        (string, string)[] pairs =
        [
            .. Pairs, ("борг", "borg"), ("мор", "mor"), ("бергстрём", "bergström"), ("кёлер", "köler"),
            ("шрёдер", "schröder"), ("мун", "mun"), ("турк", "turk"),
        ];
        var model = TransliterationModel.Train(pairs);

        Assert.True(model.LogLikelihood("бёрг", "börg") > model.LogLikelihood("бёрг", "borg") + 1);
        Assert.True(model.LogLikelihood("борг", "borg") > model.LogLikelihood("борг", "börg") + 1);

        // The ü, never seen, writes what u writes, not nothing at the floor.
        Assert.True(model.LogLikelihood("мур", "mür") > model.LogLikelihood("мур", "mur") - 1);
        Assert.True(SavedAndLoaded(model).LogLikelihood("бёрг", "börg") - model.LogLikelihood("бёрг", "börg") is > -1e-3 and < 1e-3);
    }

    [Fact]
    public void A_model_of_four_context_letters_tells_a_silent_final_r_from_a_written_one()
    {
        // Russian leaves the r of French -ier unwritten (Barbier: Барбье) and writes the r of
        // English -er (Baker: Бейкер). Three letters of context (e, r, the edge) are the same
        // for both; the letter before them (i or k) tells them apart.
        (string, string)[] pairs =
        [
            .. Pairs, ("барбье", "barbier"), ("гарнье", "garnier"), ("пеллетье", "pelletier"), ("оливье", "olivier"),
            ("ренье", "regnier"), ("бейкер", "baker"), ("тернер", "turner"), ("миллер", "miller"), ("купер", "cooper"),
            ("портер", "porter"), ("фишер", "fisher"),
        ];
        TransliterationModel narrow = TransliterationModel.Train(pairs), wide = TransliterationModel.Train(pairs, contextLetters: 4);

        // How much likelier the r is to go unwritten (rather than written) after an i and e
        // than after a k and e; Xavier and Walker were not among the pairs.
        double Gap(TransliterationModel m) =>
            m.LogLikelihood("ксавье", "xavier") - m.LogLikelihood("ксавьер", "xavier")
            - (m.LogLikelihood("уолке", "walker") - m.LogLikelihood("уолкер", "walker"));
        Assert.True(Gap(wide) > Gap(narrow) + 2, $"four letters {Gap(wide):0.00}, three {Gap(narrow):0.00}");
        Assert.True(wide.LogLikelihood("ксавье", "xavier") > wide.LogLikelihood("ксавьер", "xavier"));
        Assert.True(wide.LogLikelihood("уолкер", "walker") > wide.LogLikelihood("уолке", "walker"));

        // Saved and loaded, a model of four letters keeps them.
        TransliterationModel loaded = SavedAndLoaded(wide);
        Assert.Equal(4, loaded.ContextLetters);
        Assert.Equal(wide.LogLikelihood("ксавье", "xavier"), loaded.LogLikelihood("ксавье", "xavier"), 3);
    }

    private static TransliterationModel SavedAndLoaded(TransliterationModel model)
    {
        var text = new StringWriter();
        model.Save(text);
        return TransliterationModel.Load(new StringReader(text.ToString()), "test");
    }

    [Fact]
    public void A_saved_model_loads_with_the_same_likelihoods()
    {
        var model = TransliterationModel.Train(Pairs);

        var loaded = SavedAndLoaded(model);

        foreach ((string native, string latin) in new[] { ("чейн", "chane"), ("шарк", "sark"), ("марч", "march") })
        {
            Assert.Equal(model.LogLikelihood(native, latin), loaded.LogLikelihood(native, latin), 3);
        }
    }

    [Fact]
    public void A_word_is_as_probable_as_the_characters_the_pairs_write()
    {
        var model = TransliterationModel.Train(Pairs);
        var loaded = SavedAndLoaded(model);

        // а and р are written often, щ and ю never: the same length, far less probable.
        Assert.True(model.NativeLogProbability("арар") > model.NativeLogProbability("щюща") + 5);
        Assert.Equal(model.NativeLogProbability("чарльз"), loaded.NativeLogProbability("чарльз"), 3);

        // A reader of one word gives the same figure (it computes it once for all candidates).
        Assert.Equal(model.NativeLogProbability("чарльз"), new TransliterationModel.Reader(model, "чарльз").NativeLogProbability);
    }

    [Theory]
    [InlineData("not a model\n", "x.tsv:1:")]
    [InlineData(TransliterationModel.Header + "\n_ab\tа\t1\n_ab\tа\n", "x.tsv:3: expected 3 tab-separated fields")]
    [InlineData(TransliterationModel.Header + "\nab\tа\t1\n", "x.tsv:2: context 'ab' must be 3")]
    [InlineData(TransliterationModel.Header + "\na_b\tа\t1\n", "x.tsv:2: context 'a_b'")]
    // The first context sets the model's width; a context of the other width, or a letter before an edge, is refused.
    [InlineData(TransliterationModel.Header + "\n_ab\tа\t1\n__ab\tа\t1\n", "x.tsv:3: context '__ab' must be 3")]
    [InlineData(TransliterationModel.Header + "\n__ab\tа\t1\n_ab\tа\t1\n", "x.tsv:3: context '_ab' must be 4")]
    [InlineData(TransliterationModel.Header + "\na_bc\tа\t1\n", "x.tsv:2: context 'a_bc' must be 4")]
    [InlineData(TransliterationModel.Header + "\n_ab\tабв\t1\n", "x.tsv:2: output 'абв'")]
    [InlineData(TransliterationModel.Header + "\n_ab\tа\t-1\n", "x.tsv:2: count '-1'")]
    [InlineData(TransliterationModel.Header + "\n_ab\tа\tmany\n", "x.tsv:2: count 'many'")]
    [InlineData(TransliterationModel.Header + "\n", "x.tsv: the model has no entries")]
    public void A_malformed_model_is_refused_with_its_line(string text, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => TransliterationModel.Load(new StringReader(text), "x.tsv"));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arabic_Cyrillic_and_Devanagari_have_embedded_models_and_Latin_has_none()
    {
        Assert.NotNull(TransliterationModel.For(Script.Arabic));
        Assert.NotNull(TransliterationModel.For(Script.Cyrillic));
        Assert.NotNull(TransliterationModel.For(Script.Devanagari));
        Assert.Null(TransliterationModel.For(Script.Latin));

        // The embedded Arabic model knows that ش writes the ch of German names.
        TransliterationModel arabic = TransliterationModel.For(Script.Arabic)!;
        Assert.True(arabic.LogLikelihood("البرشت", "albrecht") > arabic.LogLikelihood("البرشت", "albret"));

        // Its b writes ب, and the i of a name that leaves it unwritten costs no more than the u:
        // fitted with its neighbours from the first round, b before an i wrote بي, and Abid was
        // 6.9 nats less likely than Abud to be written عابد (algorithms.md section 9).
        Assert.True(arabic.LogLikelihood("عابد", "abid") > arabic.LogLikelihood("عابد", "abud") - 1);
    }

    [Fact]
    public void A_devanagari_consonant_with_a_nukta_is_one_character_to_the_models()
    {
        // Normalization writes ज़ as ज and a nukta; the model reads the one character U+095B.
        string zaidi = TextNormalizer.NormalizeToken("ज़ैदी");
        Assert.Equal(5, zaidi.Length);
        Assert.Equal("\u095Bैदी", TransliterationModel.Compose(zaidi));
        Assert.Equal("\u095A\u095Bा", TransliterationModel.Compose(TextNormalizer.NormalizeToken("ग़ज़ा")));
        Assert.Equal("जल", TransliterationModel.Compose("जल"));

        // Fitted on pairs that spell it z, it writes the z; split, the nukta was a character some
        // letter around it had to write, and ज़ा was likelier from ja than from za.
        var model = TransliterationModel.Train([(zaidi, "zaidi"), (TextNormalizer.NormalizeToken("ज़ाहिद"), "zahid"), ("जय", "jay"), ("जान", "jan")]);
        string za = TextNormalizer.NormalizeToken("ज़ा");
        Assert.True(model.LogLikelihood(za, "za") > model.LogLikelihood(za, "ja"));
        TransliterationModel hindi = TransliterationModel.For(Script.Devanagari)!;
        Assert.True(hindi.LogLikelihood(za, "za") > hindi.LogLikelihood(za, "ja") + 3);
    }

    [Theory]
    [InlineData("چانگشا", "تشانغشا", "changsha", "jiangxi")]
    [InlineData("ژاک", "جاك", "jacques", "zak")]
    [InlineData("پرویز", "برويز", "parvez", "farwiz")]
    [InlineData("گاندھی", "غاندھي", "gandhi", "kandhi")]
    public void A_persian_letter_is_read_as_arabic_writes_its_sound(string word, string read, string likelier, string lessLikely)
    {
        // The Arabic-script model was fitted mostly on Arabic names, which seldom have پ چ ژ گ:
        // it reads them as the ب, تش, ج and غ that Arabic writes for p, ch, zh and g. Read as
        // they are, چانگشا was likelier from Jiangxi and ژاک from Zak.
        string normalized = TextNormalizer.NormalizeToken(word);
        Assert.Equal(read, TransliterationModel.Compose(normalized));
        TransliterationModel arabic = TransliterationModel.For(Script.Arabic)!;
        Assert.True(arabic.LogLikelihood(normalized, likelier) > arabic.LogLikelihood(normalized, lessLikely));

        // The do-chashmi heh of Urdu aspirates is the model's own letter.
        Assert.Equal("بھٹو", TransliterationModel.Compose("بھٹو"));
    }
}
