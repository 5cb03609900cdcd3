using System.Text;

namespace EntityResolver.Tests.Linking;

/// <summary>Behaviour of <see cref="EntityLinker"/> on small texts and bad input.</summary>
public sealed class EntityLinkerTests
{
    private static readonly Lazy<EntityLinker> Linker = new(() => new EntityLinker(new NameResolver(EntityRegistry.Load(Fixture.Path("seed/registry.jsonl")))));

    private static IReadOnlyList<LinkedMention> Link(string text)
    {
        IReadOnlyList<LinkedMention> mentions = Linker.Value.Link(text);
        foreach (LinkedMention m in mentions)
        {
            Assert.InRange(m.Start, 0, text.Length);
            Assert.InRange(m.End, m.Start + 1, text.Length);
            Assert.Equal(text.Substring(m.Start, m.Length), m.Text);
            Assert.InRange(m.Score, 0, 1);
        }

        return mentions;
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("...!!! ۔ ، ।")]
    [InlineData("The weather in the capital was mild on Monday.")]
    public void Text_without_names_gives_no_mentions(string text) => Assert.Empty(Link(text));

    [Fact]
    public void Null_text_is_a_caller_error() => Assert.Throws<ArgumentNullException>(() => Linker.Value.Link((string)null!));

    [Fact]
    public void The_son_full_name_is_not_split_into_a_mention_of_the_father()
    {
        var mentions = Link("Saddam Khalifa Haftar met Khalifa Haftar in Benghazi.");
        Assert.Equal(["person:saddam-haftar", "person:khalifa-haftar"], mentions.Select(m => m.EntityId));
        Assert.Equal(["Saddam Khalifa Haftar", "Khalifa Haftar"], mentions.Select(m => m.Text));
    }

    [Fact]
    public void Titles_are_kept_out_of_the_span_and_reported()
    {
        LinkedMention m = Assert.Single(Link("He met Prime Minister Shehbaz Sharif on Friday."));
        Assert.Equal("Shehbaz Sharif", m.Text);
        Assert.Equal(["Prime Minister"], m.Evidence.Titles);
    }

    [Theory]
    [InlineData("Field Marshal Haftar", "person:khalifa-haftar")]
    [InlineData("Lt Gen Haftar", "person:saddam-haftar")]
    [InlineData("المشير حفتر", "person:khalifa-haftar")]
    [InlineData("لیفٹیننٹ جنرل حفتر", "person:saddam-haftar")]
    [InlineData("लेफ्टिनेंट जनरल हफ़्तार", "person:saddam-haftar")]
    public void A_rank_before_a_bare_surname_picks_the_entity_holding_it(string text, string entity)
    {
        LinkedMention m = Assert.Single(Link(text + " arrived."));
        Assert.Equal(entity, m.EntityId);
        Assert.Equal(LinkKind.PartialName, m.Evidence.Kind);
    }

    [Fact]
    public void A_bare_surname_without_support_is_not_linked()
    {
        // Four registry entities share the surname and nothing in the text tells them apart.
        Assert.Empty(Link("Haftar arrived in Rawalpindi."));
    }

    [Fact]
    public void A_bare_surname_prefers_the_entity_named_in_full_in_the_document()
    {
        var mentions = Link("Osama Hammad leads the eastern government. Hammad met the minister.");
        Assert.Equal(2, mentions.Count);
        Assert.All(mentions, m => Assert.Equal("person:osama-hammad", m.EntityId));
        Assert.Contains(mentions[1].Evidence.Rules, r => r.Contains("named in full", StringComparison.Ordinal));
    }

    [Fact]
    public void A_kinship_word_points_to_the_registry_relation()
    {
        var mentions = Link("Khalifa Haftar and Saddam Haftar flew in. Khalifa Haftar came with his son, Haftar.");
        LinkedMention last = mentions[^1];
        Assert.Equal("Haftar", last.Text);
        Assert.Equal("person:saddam-haftar", last.EntityId);
        Assert.Contains(last.Evidence.Rules, r => r.Contains("\"son\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_kinship_word_after_a_bare_surname_makes_it_the_parent()
    {
        // Saddam is named in full first, but "with his son, Saddam" makes the bare Haftar his father.
        var mentions = Link("Haftar arrived with his son, Lt. Gen. Saddam Khalid Haftar. Later Khalifa Haftar met Saddam Haftar.");
        LinkedMention first = mentions[0];
        Assert.Equal("Haftar", first.Text);
        Assert.Equal("person:khalifa-haftar", first.EntityId);
        Assert.Contains(first.Evidence.Rules, r => r.Contains("\"son\"", StringComparison.Ordinal));
        Assert.Equal("person:saddam-haftar", mentions[1].EntityId);
    }

    [Fact]
    public void The_documented_example_holds_with_the_default_registry()
    {
        // docs/linking.md
        var linker = new EntityLinker(new NameResolver(EntityRegistry.Default));
        string text = "Haftar arrived with his son, Lt. Gen. Saddam Khalid Haftar. "
                    + "Field Marshal Asim Munir received Khalifa Haftar in Rawalpindi.";
        var mentions = linker.Link(text);
        Assert.Equal(["Haftar", "Saddam Khalid Haftar", "Asim Munir", "Khalifa Haftar"], mentions.Select(m => m.Text));
        Assert.Equal(["person:khalifa-haftar", "person:saddam-haftar", "person:asim-munir", "person:khalifa-haftar"], mentions.Select(m => m.EntityId));
        Assert.Contains("Khalid / Khalifa", mentions[1].Evidence.Resolution, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_common_word_that_is_also_a_surname_needs_a_title()
    {
        // دار is "house": Ishaq Dar is named in full, but the bare word is not linked.
        var mentions = Link("وصل إسحاق دار إلى دار الضيافة");
        LinkedMention m = Assert.Single(mentions);
        Assert.Equal("إسحاق دار", m.Text);
    }

    [Fact]
    public void Lower_case_english_words_are_not_fuzzy_name_matches()
    {
        var mentions = Link("Lt Gen Saddam Haftar called on the minister and said he would hold talks.");
        LinkedMention m = Assert.Single(mentions);
        Assert.Equal("Saddam Haftar", m.Text);
    }

    [Fact]
    public void Acronyms_spelled_in_Urdu_letters_are_found()
    {
        LinkedMention m = Assert.Single(Link("وفد نے آئی ایم سی ٹی سی کی ٹیم سے ملاقات کی"));
        Assert.Equal("org:imctc", m.EntityId);
        Assert.Equal("آئی ایم سی ٹی سی", m.Text);
        Assert.Equal(LinkKind.Acronym, m.Evidence.Kind);
    }

    [Theory]
    [InlineData("وزیر اعظم نے نیشنل یونیورسٹی آف سائنسز اینڈ ٹیکنالوجی کا دورہ کیا۔", "نیشنل یونیورسٹی آف سائنسز اینڈ ٹیکنالوجی")]
    [InlineData("प्रधानमंत्री ने नेशनल यूनिवर्सिटी ऑफ साइंसेज एंड टेक्नोलॉजी का दौरा किया।", "नेशनल यूनिवर्सिटी ऑफ साइंसेज एंड टेक्नोलॉजी")]
    public void An_english_name_written_in_urdu_or_hindi_letters_is_found_across_its_function_words(string text, string written)
    {
        // The registry has the name in English only; آف / ऑफ (of) and اینڈ / एंड (and) are written
        // as no name of it writes them, yet the resolver pairs each with the English word.
        LinkedMention m = Assert.Single(Link(text));
        Assert.Equal("org:nust", m.EntityId);
        Assert.Equal(written, m.Text);
    }

    [Fact]
    public void An_organization_is_named_only_by_every_word_of_its_name()
    {
        // The resolver scores "Zephyrine Cement" 0.98 against Zephyrine Cement Group (Group is a
        // common word of organizations' names and weighs little), but a name left incomplete by
        // a word that is no particle names no organization.
        var linker = LinkerOf(b => b.AddOrganization("o:zc", "Zephyrine Cement Group"));
        Assert.Empty(linker.Link("Zephyrine Cement said on Monday."));
        Assert.Equal("Zephyrine Cement Group", Assert.Single(linker.Link("Zephyrine Cement Group said on Monday.")).Text);
    }

    [Theory]
    [InlineData("Писатель Х. Г. Уэллс сказал.", "Х. Г. Уэллс", "p:wells")] // х for h
    [InlineData("В 2005 г. Р. Дж. Смит приехал.", "Р. Дж. Смит", "p:rj")] // дж is one initial; г. (year) is no name
    [InlineData("Дж. Р. Р. Толкин сказал.", "Дж. Р. Р. Толкин", "p:tolkien")]
    public void Cyrillic_initials_are_part_of_the_name_they_stand_before(string text, string span, string entity)
    {
        // A Cyrillic initial is like the Latin initials it carries over, and its full stop does not
        // end the name; before, only the surname was read (Толкин), or nothing (Уэллс alone is no
        // person named in full).
        var linker = LinkerOf(b => b.AddPerson("p:wells", "H. G. Wells").AddPerson("p:rj", "R. J. Smith").AddPerson("p:ra", "R. A. Smith").AddPerson("p:tolkien", "J. R. R. Tolkien"));
        AssertLinksOnly(linker, text, span, entity);
    }

    [Theory]
    [InlineData("President G. Bush arrived.", "G. Bush", "p:bush")]
    [InlineData("Президент Дж. Буш прибыл.", "Дж. Буш", "p:bush")] // дж for the g of George
    [InlineData("Президент Г. Буш прибыл.", "Г. Буш", "p:bush")]
    [InlineData("Писатель Х. Уэллс сказал.", "Х. Уэллс", "p:wells")] // х for the h of Herbert
    [InlineData("Dr. A. Smith and Dr. B. Smith spoke.", "A. Smith", "p:adam")]
    public void An_initial_stands_for_a_given_name_written_in_full(string text, string span, string entity)
    {
        // The registry writes the given names in full and has no initial G or H: the initial
        // stands for every name word that begins with its letter, as the resolver pairs them.
        // Before, an initial counted only where some alias had the same initial (G. of H. G.
        // Wells), and then for no one else.
        var linker = LinkerOf(b => b.AddPerson("p:bush", "George W. Bush").AddPerson("p:wells", "Herbert George Wells").AddPerson("p:adam", "Adam Smith").AddPerson("p:other", "H. G. Hughes"));
        AssertLinksOnly(linker, text, span, entity);
    }

    [Theory]
    [InlineData("Президент Джордж Буш прибыл.", "Джордж Буш")]
    [InlineData("राष्ट्रपति जॉर्ज बुश पहुंचे।", "जॉर्ज बुश")]
    public void A_given_name_is_found_under_the_readings_the_search_gives_its_script(string text, string span)
    {
        // Джордж and जॉर्ज share no skeleton with George (srs against krk): the gazetteer finds
        // George under the skeleton the search reads them with (дж as g, ज as g: krk). Before, the
        // word met no name word and the text had no mention.
        var linker = LinkerOf(b => b.AddPerson("p:bush", "George W. Bush").AddPerson("p:jordan", "Michael Jordan"));
        AssertLinksOnly(linker, text, span, "p:bush");
    }

    [Theory]
    [InlineData("President George Walker Bush arrived.", "George Walker Bush", "p:bush")]
    [InlineData("Президент Джордж Уокер Буш прибыл.", "Джордж Уокер Буш", "p:bush")]
    [InlineData("President George Harold Bush arrived.", null, null)] // Harold is not the W.
    [InlineData("राष्ट्रपति जॉर्ज वॉकर बुश आए।", "जॉर्ज वॉकर बुश", "p:bush")] // no capitals: वॉकर is not a function word
    [InlineData("राष्ट्रपति जॉर्ज हेरोल्ड बुश आए।", null, null)]
    [InlineData("قال الرئيس حسني سيد مبارك إن الحكومة مستعدة.", "حسني سيد مبارك", "p:mubarak")] // س is the S.
    [InlineData("قال الرئيس حسني محمد مبارك إن الحكومة مستعدة.", null, null)]
    public void A_word_the_registry_writes_as_an_initial_stays_in_the_name(string text, string? span, string? entity)
    {
        // Walker meets no name word of the registry, which has only its initial: before, it broke
        // the run of name words, and George Walker Bush was not linked whole.
        var linker = LinkerOf(b => b.AddPerson("p:bush", "George W. Bush").AddPerson("p:wells", "H. G. Wells").AddPerson("p:mubarak", "Hosni S. Mubarak"));
        IReadOnlyList<LinkedMention> mentions = linker.Link(text);
        if (span is null)
        {
            Assert.DoesNotContain(mentions, m => m.Text.Contains(' ', StringComparison.Ordinal));
        }
        else
        {
            LinkedMention m = Assert.Single(mentions);
            Assert.Equal((span, entity), (m.Text, m.EntityId));
        }
    }

    [Fact]
    public void A_russian_preposition_is_no_initial_but_an_initial_may_be_written_like_one()
    {
        // В ("in") opens the sentence in capitals, like the initial V. of a name; only with its
        // full stop is it one (В. В. Путин). Before, В Москве ("in Moscow") was V. Musco Saori.
        var linker = LinkerOf(b => b.AddPerson("p:v", "V. Musco Saori").AddPerson("p:putin", "Vladimir Vladimirovich Putin"));
        Assert.Empty(linker.Link("В Москве прошла встреча."));
        LinkedMention m = Assert.Single(linker.Link("В. В. Путин прибыл в Москву."));
        Assert.Equal(("В. В. Путин", "p:putin"), (m.Text, m.EntityId));
    }

    [Theory]
    [InlineData("President J. Bush arrived.")] // J is not George's letter
    [InlineData("President G. arrived.")] // an initial alone
    [InlineData("President G arrived.")] // a letter alone, even without its full stop
    [InlineData("President G. Hale arrived.")] // nor the G of H. G. Wells, nor Hale after an initial that is not Andrew's
    [InlineData("President H. G. arrived.")] // nor two: a name ends on a word
    [InlineData("A Bush spokesman said.")] // no full stop: the article
    public void An_initial_is_no_name_without_a_word_of_the_name(string text)
    {
        // At a threshold that lets almost any score through: the rules, not the score, keep these out.
        var registry = new EntityRegistryBuilder().AddPerson("p:bush", "George W. Bush").AddPerson("p:wells", "H. G. Wells").AddPerson("p:ab", "Andrew Bush Hale").Build();
        var linker = new EntityLinker(new NameResolver(registry), new LinkOptions { Threshold = 0.05 });
        Assert.Empty(linker.Link(text));
    }

    [Theory]
    [InlineData("बैठक में आसिम और मुनीर दोनों थे।")]
    [InlineData("حضر عاصم و منير الاجتماع.")]
    [InlineData("बैठक में आसिम के मुनीर थे।")]
    public void A_function_word_between_two_name_words_is_not_part_of_a_persons_name(string text)
    {
        // "Asim and Munir": a name does not gain a function word, so the two words are not the
        // name Asim Munir (and neither is named in full, so neither links alone).
        Assert.Empty(Link(text));
    }

    [Theory]
    [InlineData("सेना के मुख्यालय जीएचक्यू में बैठक हुई।", "जीएचक्यू", "org:ghq")]
    [InlineData("आईएसपीआर ने बयान जारी किया।", "आईएसपीआर", "org:ispr")]
    public void Acronyms_written_as_letter_names_in_one_word_are_found(string text, string written, string entity)
    {
        // Hindi often writes the letter names of an acronym without spaces: जी एच क्यू as जीएचक्यू.
        LinkedMention m = Assert.Single(Link(text), l => l.Text == written);
        Assert.Equal(entity, m.EntityId);
    }

    [Theory]
    [InlineData("قالت وكالة سي آي إيه في بيان إن التقرير صحيح.", "سي آي إيه", "o:cia")] // Arabic آي is i
    [InlineData("سی آئی اے نے رپورٹ جاری کی۔", "سی آئی اے", "o:cia")]
    [InlineData("وقال مكتب إف بي آي إنه يحقق.", "إف بي آي", "o:fbi")]
    [InlineData("По данным Би-би-си, переговоры продолжаются.", "Би-би-си", "o:bbc")]
    public void Acronyms_spelled_as_arabic_and_russian_letter_names_are_linked(string text, string mention, string entity)
    {
        var linker = LinkerOf(b => b
            .AddOrganization("o:cia", "Central Intelligence Agency", "CIA")
            .AddOrganization("o:cea", "Commission for Environmental Assessment", "CEA")
            .AddOrganization("o:fbi", "Federal Bureau of Investigation", "FBI")
            .AddOrganization("o:bbc", "British Broadcasting Corporation", "BBC"));
        LinkedMention m = AssertLinksOnly(linker, text, mention, entity);
        Assert.Equal(LinkKind.Acronym, m.Evidence.Kind);
    }

    [Theory]
    [InlineData("Officers of the K.G.B. arrested him.", "K.G.B")]
    [InlineData("Сотрудники К.Г.Б. задержали его.", "К.Г.Б")]
    public void Capitals_written_apart_are_linked_as_one_acronym(string text, string mention)
    {
        var linker = LinkerOf(b => b
            .AddOrganization("o:kgb", "State Security Committee", "KGB")
            .AddOrganization("o:gb", "Georgian Broadcasting", "GB")
            .AddPerson("p:ewing", "J.R. Ewing"));
        LinkedMention m = AssertLinksOnly(linker, text, mention, "o:kgb");
        Assert.Equal(LinkKind.Acronym, m.Evidence.Kind);

        // With spaces they are initials, and a run must spell the whole acronym: G.B. inside K.G.B. is not GB.
        Assert.Empty(linker.Link("Officers of the K. G. B. arrested him."));
        Assert.DoesNotContain(linker.Link("Officers of the K.G.B.X. arrested him."), l => l.EntityId == "o:gb");

        // A run that spells no acronym is left to the name rules: J.R. is the start of a name.
        Assert.Equal(["K.G.B", "J.R. Ewing"], linker.Link("Officers of the K.G.B. met J.R. Ewing.").Select(l => l.Text));
    }

    [Fact]
    public void An_organization_is_not_linked_through_a_word_it_only_resembles_when_its_other_words_are_common()
    {
        // As at a million entities: many organizations have a word like پاکستان and like جانب, so
        // the gazetteer's gate cannot narrow the span, and सेना (army) is a common word, so the
        // Pakistan Army's name is almost covered by پاکستان alone (coverage_candidate 0.95).
        // پاکستان کی جانب ("on Pakistan's side") pairs جانب with सेना only as similar (0.51).
        var builder = new EntityRegistryBuilder()
            .AddOrganization("o:army", "Pakistan Army", "पाकिस्तान सेना")
            .AddOrganization("o:forces", "Pakistan Armed Forces", "پاکستان کی مسلح افواج");
        string[] like = ["Braxton", "Brixton", "Plaxton", "Paxson", "Prakston"];
        for (int i = 0; i < 8400; i++)
        {
            builder.AddOrganization($"o:h{i}", like[i % like.Length] + " Holdings");
        }

        for (int i = 0; i < 1100; i++)
        {
            builder.AddOrganization($"o:f{i}", "Janab Foods");
        }

        for (int i = 0; i < 150; i++)
        {
            builder.AddPerson($"p:{i}", "Sena Abbot");
        }

        var linker = new EntityLinker(new NameResolver(builder.Build()));
        Assert.Empty(linker.Link("انہوں نے پاکستان کی جانب سے کہا۔"));
        Assert.Equal(["o:army", "o:forces"], linker.Link("पाकिस्तान सेना और پاکستان کی مسلح افواج").Select(m => m.EntityId));
    }

    private static readonly Lazy<EntityLinker> AcronymLinker = new(() => LinkerOf(b => b
        .AddOrganization("o:nato", "North Atlantic Treaty Organization")
        .AddOrganization("o:unesco", "United Nations Educational, Scientific and Cultural Organization")
        .AddOrganization("o:care", "Cooperative for Assistance and Relief Everywhere")
        .Add(new Entity("l:nauta", "place", [new EntityName("Nauta")]))));

    [Theory]
    [InlineData("Генсек НАТО заявил, что альянс готов.", "НАТО", "o:nato")]
    [InlineData("قال الأمين العام إن الناتو مستعد.", "الناتو", "o:nato")]
    [InlineData("नाटो के महासचिव ने कहा।", "नाटो", "o:nato")]
    [InlineData("The Nato summit opened.", "Nato", "o:nato")]
    [InlineData("ЮНЕСКО объявила список.", "ЮНЕСКО", "o:unesco")]
    [InlineData("یونیسکو نے اعلان کیا۔", "یونیسکو", "o:unesco")]
    public void An_acronym_said_as_a_word_is_linked_when_the_registry_lists_only_the_long_name(string text, string mention, string entity)
    {
        // The resolver meets these words as the acronym (AliasRecord.SaidAcronym); the linker's
        // gazetteer must know the word too, or it never proposes the span.
        LinkedMention m = Assert.Single(AcronymLinker.Value.Link(text));
        Assert.Equal(mention, m.Text);
        Assert.Equal(entity, m.EntityId);
    }

    [Fact]
    public void A_short_name_in_another_script_is_linked_only_when_read_almost_exactly()
    {
        // НАТО reads as NATO (similarity 1), so it is not left to the place Nauta (0.86), which
        // the short-name rule never held back. The name Ната and the Hindi word नाता (nata, 0.92)
        // only resemble NATO; a lower-case common word is not the acronym it spells.
        static EntityLinker With(params Entity[] more)
        {
            var builder = new EntityRegistryBuilder().AddOrganization("o:nato", "North Atlantic Treaty Organization", "NATO");
            foreach (Entity e in more)
            {
                builder.Add(e);
            }

            return new EntityLinker(new NameResolver(builder.Build()));
        }

        Assert.Equal(["o:nato", "o:nato"], With(new Entity("l:nauta", "place", [new EntityName("Nauta")])).Link("НАТО и नाटो.").Select(m => m.EntityId));
        EntityLinker linker = With();
        Assert.Empty(linker.Link("Ната пришла. यह नाता है।"));
        // The gazetteer's gate holds them back too: the resolver is not even asked.
        Assert.Equal(0, linker.ResolverCalls);
        // A word in capitals is always asked, and its verdict holds it back: NATA is not NATO.
        Assert.Empty(linker.Link("NATA agreed."));
        Assert.Equal(1, linker.ResolverCalls);
        Assert.Empty(AcronymLinker.Value.Link("They take care of the children."));
    }

    [Fact]
    public void An_Arabic_title_is_not_read_in_a_word_written_in_Urdu_letters()
    {
        // Arabic ركن is a staff rank (العميد الركن); Urdu رکن, written with keheh, is a member.
        // Folded to one spelling, the Urdu word was read as the rank, and a bare surname after it
        // was accepted as the person's.
        var linker = LinkerOf(b => b.AddPerson("p:sami", "Sami Malak"));
        Assert.Equal(["العميد", "الركن"], Assert.Single(linker.Link("قال العميد الركن سامي مالك إن")).Evidence.Titles);
        Assert.Empty(Assert.Single(linker.Link("کمیٹی کے رکن سامی مالک نے کہا۔")).Evidence.Titles);
        Assert.Equal("p:sami", Assert.Single(linker.Link("قال العميد الركن مالك إن")).EntityId);
        Assert.Empty(linker.Link("کمیٹی کے رکن مالک نے کہا۔"));
    }

    [Theory]
    [InlineData("Diya Bal", "दोनों पक्षों ने सहयोग पर बल दिया।", "दिया बल ने कहा।")] // "emphasized"
    [InlineData("دیا زور", "دونوں ملکوں نے تعاون پر زور دیا۔", "دیا زور نے کہا۔")]
    public void A_verb_after_a_noun_is_not_the_end_of_a_name(string name, string text, string named)
    {
        // Diya is a given name, and the noun before the verb दिया, دیا (gave) is a surname's word:
        // the two words read as the reversed name. The verb may still begin a name. (The Urdu
        // case gives the person a name in Urdu whose second word is the noun before دیا, زور.)
        var linker = LinkerOf(b => b.AddPerson("p:diya", "Diya Bal", name));
        Assert.Empty(linker.Link(text));
        Assert.Equal("p:diya", Assert.Single(linker.Link(named)).EntityId);
    }

    [Theory]
    [InlineData("T. Borhani", "دونوں ملکوں نے تعاون بڑھانے کے لیے اتفاق کیا۔")] // "to increase cooperation"
    [InlineData("Jane Ghar", "वह घर जाने वाला था।")] // "he was about to go home"
    public void An_oblique_infinitive_is_not_the_end_of_a_name(string name, string text)
    {
        // بڑھانے reads as Borhani, and घर जाने as the reversed Jane Ghar.
        var linker = LinkerOf(b => b.AddPerson("p:x", name));
        Assert.Empty(linker.Link(text));
        Assert.Equal("p:x", Assert.Single(linker.Link(name + " said.")).EntityId);
    }

    [Fact]
    public void A_name_close_on_every_word_is_linked_without_a_word_written_as_the_registry_writes_it()
    {
        // Urdu writes fewer vowels than the registry's Latin spelling: نواز 0.93 and شریف 0.94
        // against Nawaz Sharif, neither almost exact (0.95). Two words that only resemble a name
        // are not linked: پیشہ ورانہ ("professional") is 0.81 and 0.92 against Puja Rana.
        var linker = LinkerOf(b => b
            .AddPerson("p:nawaz", "Nawaz Sharif")
            .AddPerson("p:puja", "Puja Rana"));
        LinkedMention m = Assert.Single(linker.Link("سابق وزیر اعظم نواز شریف لاہور میں تھے۔"));
        Assert.Equal(("نواز شریف", "p:nawaz"), (m.Text, m.EntityId));
        Assert.Empty(linker.Link("انہیں پیشہ ورانہ تربیت دی گئی۔"));
    }

    [Theory]
    [InlineData("وقال رئيس الحكومة عبد الحميد الدبيبة إن الانتخابات ستجرى.", "عبد الحميد الدبيبة")]
    [InlineData("प्रधानमंत्री अब्दुल हमीद दबीबा ने कहा।", "अब्दुल हमीद दबीबा")]
    [InlineData("Prime Minister Abdul Hamid Dbeibeh said on Monday.", "Abdul Hamid Dbeibeh")]
    [InlineData("Abd al-Hamid Dbeibeh spoke.", "Abd al-Hamid Dbeibeh")]
    public void The_head_of_a_compound_name_is_read_with_the_next_word(string text, string mention)
    {
        // The registry reads عبد الحميد and Abdul Hamid as one word (abd-hamid). Alone, الحميد,
        // हमीद and Hamid are like no word of that name, but like Hammad: the span must be read
        // as the registry reads it, or only the surname is linked and the given name goes to
        // the other man. (The Arabic name is there for the Hindi text: दबीबा is not close enough
        // to the Latin Dbeibeh to end a person's name.)
        // The second registry: the same when the word alone is a name word as written (Hamid
        // Karzai): the resolver reads it joined all the same.
        EntityLinker[] linkers =
        [
            LinkerOf(b => b.AddPerson("p:dbeibeh", "Abdul Hamid Dbeibeh", "عبد الحميد الدبيبة").AddPerson("p:hammad", "Osama Hammad")),
            LinkerOf(b => b.AddPerson("p:dbeibeh", "Abdul Hamid Dbeibeh", "عبد الحميد الدبيبة").AddPerson("p:karzai", "Hamid Karzai", "حميد كرزاي", "हमीद करज़ई")),
        ];
        foreach (EntityLinker linker in linkers)
        {
            AssertLinksOnly(linker, text, mention, "p:dbeibeh");
        }
    }

    [Theory]
    [InlineData("Officials blamed Lashkar-e-Tayyiba for the attack.", "Lashkar-e-Tayyiba", "o:let")]
    [InlineData("Officials blamed Lashkar-i-Taiba for the attack.", "Lashkar-i-Taiba", "o:let")]
    [InlineData("अधिकारियों ने लश्कर-ए-तैयबा को दोषी ठहराया।", "लश्कर-ए-तैयबा", "o:let")]
    [InlineData("The ban on Jamaat-ud-Dawa was extended.", "Jamaat-ud-Dawa", "o:jud")]
    [InlineData("Chief Adviser Md. Yunus met reporters on Monday.", "Md. Yunus", "p:yunus")]
    [InlineData("मो. यूनुस ने कहा।", "मो. यूनुस", "p:yunus")]
    [InlineData("General Ziaul Haq ruled until 1988.", "Ziaul Haq", "p:zia")]
    [InlineData("ज़ियाउल हक़ ने कहा।", "ज़ियाउल हक़", "p:zia")]
    [InlineData("Mujib-ur-Rahman spoke in Dhaka.", "Mujib-ur-Rahman", "p:mujib")]
    [InlineData("Муджибур Рахман выступил в Дакке.", "Муджибур Рахман", "p:mujib")]
    public void Text_reads_the_izafat_the_joined_article_and_abbreviations_as_names_do(string text, string mention, string id)
    {
        // The analysis of a name drops the izafat (the e of Lashkar-e-Tayyiba) and an article said
        // as the next word begins (the ud of Jamaat-ud-Dawa), so they are no words of the
        // registry's names: in text they still bridge the name's words. An article joined to the
        // end of the word before (Ziaul, Mujibur) is read without it, as the registry's names
        // are. An abbreviation (Md., मो.) is read as the word it stands for, and its full stop
        // ends no phrase. Yunus alone is two persons' name.
        var linker = LinkerOf(b => b
            .AddOrganization("o:let", "Lashkar-e-Tayyiba")
            .AddOrganization("o:jud", "Jamaat-ud-Dawa")
            .AddPerson("p:yunus", "Muhammad Yunus")
            .AddPerson("p:khan", "Yunus Khan")
            .AddPerson("p:zia", "Zia-ul-Haq")
            .AddPerson("p:mujib", "Mujibur Rahman"));
        AssertLinksOnly(linker, text, mention, id);
    }

    [Theory]
    [InlineData("جنرل ضیاء الحق نے 1977 میں اقتدار سنبھالا۔", "ضیاء الحق", "p:zia")]
    [InlineData("نگران وزیر اعظم انوار الحق کاکڑ نے اجلاس کی صدارت کی۔", "انوار الحق کاکڑ", "p:kakar")]
    [InlineData("مولانا فضل الرحمن نے جلسے سے خطاب کیا۔", "فضل الرحمن", "p:fazl")]
    [InlineData("وقال أنوار الحق كاكر إن الانتخابات ستجرى.", "أنوار الحق كاكر", "p:kakar")]
    public void Arabic_script_text_reads_a_compound_name_written_with_its_article(string text, string mention, string id)
    {
        // A registry with Latin names only. Arabic script writes the article on the word after
        // it (الحق, الرحمن) and no short vowels: ضیاء and الحق meet Zia and Haq at 0.92 and 0.90,
        // فضل and الرحمن Fazl and Rehman at 0.87 and 0.90, short of the closeness a person's name
        // otherwise needs, and حق, two letters, was compared with no name word at all. Each name
        // was split into bare words, or missed.
        var linker = LinkerOf(b => b
            .AddPerson("p:zia", "Muhammad Zia-ul-Haq")
            .AddPerson("p:kakar", "Anwaar-ul-Haq Kakar")
            .AddPerson("p:fazl", "Fazl-ur-Rehman")
            .AddPerson("p:mujib", "Sheikh Mujibur Rahman"));
        AssertLinksOnly(linker, text, mention, id);
    }

    [Fact]
    public void The_second_half_of_a_compound_name_is_no_bare_name()
    {
        // With the article, Rahman and Din are halves of compound names (Mujib-ur-Rahman,
        // Salah-ud-Din) and, alone, words of prose: الرحمن is also a name of God, يوم الدين the
        // Day of Judgment. Neither is a bare mention of a person the document names in full.
        var linker = LinkerOf(b => b
            .AddPerson("p:mujib", "Sheikh Mujibur Rahman")
            .AddPerson("p:salah", "Salah-ud-Din Yusuf"));
        IReadOnlyList<LinkedMention> urdu = linker.Link("شیخ مجیب الرحمن نے کہا کہ الرحمن سب پر رحم کرتا ہے۔");
        Assert.Equal([("مجیب الرحمن", "p:mujib")], urdu.Select(m => (m.Text, m.EntityId)));
        IReadOnlyList<LinkedMention> arabic = linker.Link("وصل صلاح الدين يوسف إلى المدينة، وقال إن يوم الدين قريب.");
        Assert.Equal([("صلاح الدين يوسف", "p:salah")], arabic.Select(m => (m.Text, m.EntityId)));
    }

    [Fact]
    public void Urdu_text_reads_its_words_as_urdu_spells_them()
    {
        // A registry with Latin names only. Urdu says the ض of رضا z (Raza, where Arabic says
        // Rida), and joins no proclitic to a word as Arabic does (وزیر is a minister, not و + زیر):
        // read as Arabic, رضا is only 0.77 like Raza, too weak to begin a person's name.
        var linker = LinkerOf(b => b
            .AddPerson("p:raza", "Raza Hayat Harraj")
            .AddPerson("p:zir", "Zir Mamlakat"));
        LinkedMention m = Assert.Single(linker.Link("بعد ازاں وزیر مملکت رضا حیات ہراج نے صحافیوں کو بتایا۔"));
        Assert.Equal(("رضا حیات ہراج", "p:raza"), (m.Text, m.EntityId));
        Assert.Equal("wzir", linker.WordForms("وزیر", urduOrPersian: true)?.Latin);

        // An Arabic text reads the same letters the Arabic way.
        Assert.Equal("zir", linker.WordForms("وزير")?.Latin);
        Assert.Equal("rdha", linker.WordForms("رضا")?.Latin);
    }

    [Fact]
    public void A_name_word_of_three_arabic_letters_may_begin_a_name()
    {
        // Arabic script leaves short vowels unwritten: حسن and زيد are Hassan and Zaid, names of
        // five and four Latin letters, not short words that must be written exactly to begin a
        // person's name (the registry has the Latin names only).
        var linker = LinkerOf(b => b
            .AddPerson("p:rouhani", "Hassan Rouhani")
            .AddPerson("p:rifai", "Zaid Rifai"));
        IReadOnlyList<LinkedMention> mentions = linker.Link("وقال الرئيس حسن روحاني إن الحكومة مستمرة، والتقى زيد الرفاعي.");
        Assert.Equal([("حسن روحاني", "p:rouhani"), ("زيد الرفاعي", "p:rifai")], mentions.Select(m => (m.Text, m.EntityId)));
    }

    [Fact]
    public void The_titles_before_a_name_do_not_count_toward_the_longest_mention()
    {
        // Two words at most, but the titles that open a span come on top. Marshal is a title and
        // a name word (Marshall Smith's), so a span may start on it: otherwise the longest one
        // from there ends on Khalifa, and the man known by that one name is taken before the
        // full name.
        var linker = new EntityLinker(
            new NameResolver(new EntityRegistryBuilder()
                .AddPerson("p:haftar", "Khalifa Haftar")
                .AddPerson("p:khalifa", "Khalifa")
                .AddPerson("p:smith", "Marshall Smith")
                .Build()),
            new LinkOptions { MaxMentionTokens = 2 });
        LinkedMention m = Assert.Single(linker.Link("Field Marshal Khalifa Haftar met the envoy."));
        Assert.Equal(("Khalifa Haftar", "p:haftar"), (m.Text, m.EntityId));
    }

    [Fact]
    public void A_person_name_does_not_end_on_a_word_strong_only_for_another_person()
    {
        // सुहाना ("pleasant") is the given name Suhana, so it may end a span; but it pairs with
        // Mausam Chahna's surname at a raw 0.72 (0.81 with the cross-script leniency, which the
        // resolver counts as matched): मौसम सुहाना ("pleasant weather") is not his name.
        var linker = LinkerOf(b => b
            .AddPerson("p:mausam", "Mausam Chahna")
            .AddPerson("p:suhana", "Suhana Khan"));
        Assert.DoesNotContain(linker.Link("आज शहर में मौसम सुहाना रहा।"), m => m.Text == "मौसम सुहाना");
        LinkedMention named = Assert.Single(linker.Link("अभिनेता मौसम चाहना ने कहा।"));
        Assert.Equal(("मौसम चाहना", "p:mausam"), (named.Text, named.EntityId));
    }

    [Fact]
    public void A_name_close_on_two_words_is_linked_when_a_third_is_only_matched()
    {
        // Urdu خواجہ and آصف are 0.94 and 0.92 like the registry's Latin Khawaja and Asif, محمد
        // only 0.86 like Muhammad: no word is almost exact, and not every word is close.
        var linker = LinkerOf(b => b.AddPerson("p:asif", "Khawaja Muhammad Asif"));
        LinkedMention m = Assert.Single(linker.Link("وزیر دفاع خواجہ محمد آصف نے کہا۔"));
        Assert.Equal(("خواجہ محمد آصف", "p:asif"), (m.Text, m.EntityId));
    }

    [Fact]
    public void Invalid_surrogates_do_not_break_linking()
    {
        string text = "\uD800Field Marshal Asim Munir\uDC00 met \uDC00\uD800 Khalifa Haftar \uD83D";
        var mentions = Link(text);
        Assert.Equal(["person:asim-munir", "person:khalifa-haftar"], mentions.Select(m => m.EntityId));
    }

    [Fact]
    public void Bidi_and_zero_width_controls_neither_split_nor_hide_names()
    {
        string text = "\u202BFie\u200Bld Marshal \u200FAsim\u200C Munir\u202C met \u2066Khalifa\u2069 Haftar\uFEFF.";
        var mentions = Link(text);
        Assert.Equal(["person:asim-munir", "person:khalifa-haftar"], mentions.Select(m => m.EntityId));
    }

    [Theory]
    [InlineData('a')]
    [InlineData('ب')]
    [InlineData('क')]
    public void A_megabyte_without_spaces_links_nothing_and_returns(char letter)
    {
        string text = new(letter, 1 << 20);
        Assert.Empty(Link(text));
    }

    [Fact]
    public void A_megabyte_of_names_without_spaces_links_nothing_and_returns()
    {
        var sb = new StringBuilder();
        while (sb.Length < 1 << 20)
        {
            sb.Append("KhalifaHaftarحفترहफ़्तार");
        }

        Assert.Empty(Link(sb.ToString()));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("Haftar,Munir;حفتر،हफ़्तार.ISPR:")]
    public void Ten_megabytes_without_spaces_return_and_the_resolver_work_does_not_grow(string unit)
    {
        // Linear in time without timing: the costly part (resolver calls) is the same for 1 MB
        // and 10 MB of the same text, and what is found grows with the text and no faster.
        static string Repeat(string unit, int length)
        {
            var sb = new StringBuilder(length + unit.Length);
            while (sb.Length < length)
            {
                sb.Append(unit);
            }

            return sb.ToString();
        }

        var small = new EntityLinker(new NameResolver(EntityRegistry.Default));
        int found = small.Link(Repeat(unit, 1 << 20)).Count;
        var large = new EntityLinker(new NameResolver(EntityRegistry.Default));
        int foundLarge = large.Link(Repeat(unit, 10 << 20)).Count;
        Assert.Equal(small.ResolverCalls, large.ResolverCalls);
        Assert.InRange(foundLarge, found * 9, (found * 11) + 1);
    }

    [Fact]
    public void A_megabyte_of_spelled_letters_stays_linear()
    {
        // Letter names (سی ڈی ایف ...) are read as acronyms; a run of them must not be tried at every length.
        var sb = new StringBuilder();
        while (sb.Length < 1 << 20)
        {
            sb.Append("سی ڈی ایف آئی ");
        }

        Assert.Empty(Link(sb.ToString()));
    }

    [Fact]
    public void Linking_is_thread_safe_and_deterministic()
    {
        var linker = new EntityLinker(new NameResolver(EntityRegistry.Load(Fixture.Path("seed/registry.jsonl"))));
        string[] articles = [.. LinkingEvaluation.Files.Select(LinkingEvaluation.Article)];
        var expected = articles.Select(a => Linker.Value.Link(a).Select(m => (m.Start, m.Length, m.EntityId)).ToList()).ToList();
        var results = new List<(int Start, int Length, string EntityId)>[articles.Length * 8];
        Parallel.For(0, results.Length, i => results[i] = [.. linker.Link(articles[i % articles.Length]).Select(m => (m.Start, m.Length, m.EntityId))]);
        for (int i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % articles.Length], results[i]);
        }
    }

    [Fact]
    public void A_megabyte_of_news_gives_the_same_mentions_for_every_copy()
    {
        string article = LinkingEvaluation.Article("003_a0ff32e3ec52c289.txt");
        int perCopy = Link(article).Count;
        var sb = new StringBuilder();
        int copies = 0;
        while (sb.Length < 1 << 20)
        {
            sb.Append(article).Append('\n');
            copies++;
        }

        Assert.Equal(perCopy * copies, Link(sb.ToString()).Count);
    }

    [Fact]
    public void The_stream_and_reader_overloads_agree_with_the_string_overload()
    {
        string text = LinkingEvaluation.Article("004_c2ef6eb630669090.txt");
        var expected = Linker.Value.Link(text).Select(m => (m.Start, m.Length, m.EntityId)).ToList();
        using var stream = new MemoryStream(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray());
        Assert.Equal(expected, Linker.Value.Link(stream).Select(m => (m.Start, m.Length, m.EntityId)));
        using var reader = new StringReader(text);
        Assert.Equal(expected, Linker.Value.Link(reader).Select(m => (m.Start, m.Length, m.EntityId)));
    }

    [Fact]
    public void Invalid_options_are_reported_together()
    {
        var resolver = Linker.Value.Resolver;
        var ex = Assert.Throws<ArgumentException>(() => new EntityLinker(resolver, new LinkOptions { Threshold = 1.5, MaxMentionTokens = 0, AmbiguityMargin = double.NaN }));
        Assert.Contains("Threshold", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxMentionTokens", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AmbiguityMargin", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new EntityLinker(null!));
    }

    [Fact]
    public void The_gazetteer_is_built_once_per_registry()
    {
        var registry = EntityRegistry.Load(Fixture.Path("seed/registry.jsonl"));
        Assert.Same(EntityResolver.Linking.Gazetteer.For(registry), EntityResolver.Linking.Gazetteer.For(registry));
        Assert.NotSame(EntityResolver.Linking.Gazetteer.For(registry), EntityResolver.Linking.Gazetteer.For(Linker.Value.Resolver.Registry));
    }

    [Fact]
    public void A_bare_word_that_resembles_only_a_common_given_name_is_not_linked()
    {
        // اہمیت ("importance") reads ahmit, close to Ahmed, a middle name of the person named in
        // full before it; Ahmed is a common given name, so the document's full mention does not
        // make the bare word one of his.
        const string text = "فیلڈ مارشل عاصم منیر نے دونوں ممالک کے درمیان تعاون کی اہمیت پر زور دیا۔";
        IReadOnlyList<LinkedMention> mentions = Link(text);

        Assert.Contains(mentions, m => m.EntityId == "person:asim-munir" && m.Text.Contains("منیر", StringComparison.Ordinal));
        Assert.DoesNotContain(mentions, m => m.Text == "اہمیت");
    }

    [Fact]
    public void A_mention_neither_begins_nor_ends_on_a_function_word()
    {
        // In a large registry some name is spelled like almost any words; one here is written
        // like "میں ہے" ("is in"). The text's own words can still be a name: the second entity.
        var registry = EntityRegistry.Create(
        [
            new Entity("p:function", Entity.PersonType, [new EntityName("میں ہے")]),
            new Entity("p:name", Entity.PersonType, [new EntityName("Tariq Mehmood"), new EntityName("طارق محمود")]),
        ]);
        var linker = new EntityLinker(new NameResolver(registry));

        IReadOnlyList<LinkedMention> mentions = linker.Link("طارق محمود اس وقت لاہور میں ہے۔");

        Assert.DoesNotContain(mentions, m => m.EntityId == "p:function");
        Assert.Contains(mentions, m => m.EntityId == "p:name" && m.Text == "طارق محمود");
    }

    [Fact]
    public void A_name_inside_an_organization_name_is_looked_for_only_when_another_organization_could_be_it()
    {
        // Every shorter span inside a matched organization's name could be the complete name of
        // another organization; with no other organization in the registry, none is worth a
        // resolver call. With one, the nested name is still found.
        static EntityLinker Linker(params Entity[] entities) => new(new NameResolver(EntityRegistry.Create(entities)));
        var outer = new Entity("o:outer", Entity.OrganizationType, [new EntityName("Northern Grain Trading Company")]);
        const string Text = "The Northern Grain Trading Company reported losses.";

        EntityLinker alone = Linker(outer);
        Assert.Contains(alone.Link(Text), m => m.EntityId == "o:outer");
        Assert.Equal(1, alone.ResolverCalls);

        EntityLinker both = Linker(outer, new Entity("o:inner", Entity.OrganizationType, [new EntityName("Grain Trading")]));
        IReadOnlyList<LinkedMention> mentions = both.Link(Text);
        Assert.Contains(mentions, m => m.EntityId == "o:outer");
        Assert.Contains(mentions, m => m.EntityId == "o:inner" && m.Text == "Grain Trading");
    }

    [Fact]
    public void A_word_with_too_many_organizations_to_list_is_left_to_the_other_words_lists()
    {
        // Thousands of organizations share "Meridian": too many for the gazetteer to list under
        // it. The span "Meridian Falcon" is still not worth a resolver call, because the one
        // organization listed under "Falcon" has no word like "Meridian"; it costs no more calls
        // than the two words kept apart by a full stop. "Meridian Kestrel", listed under
        // "Kestrel", is still found.
        var entities = new List<Entity>
        {
            new("o:falcon", Entity.OrganizationType, [new EntityName("Falcon Logistics")]),
            new("o:kestrel", Entity.OrganizationType, [new EntityName("Meridian Kestrel")]),
        };
        for (int i = 0; entities.Count < 8_300; i++)
        {
            // Distinct made-up words with none of the consonants of Falcon or Kestrel.
            entities.Add(new Entity($"o:{i}", Entity.OrganizationType, [new EntityName($"Meridian {MadeUpWord(i, "bdghjmnpvz", 4)}")]));
        }

        var resolver = new NameResolver(EntityRegistry.Create(entities));
        var together = new EntityLinker(resolver);
        Assert.DoesNotContain(together.Link("Reports from Meridian Falcon arrived."), m => m.Text.Contains(' ', StringComparison.Ordinal));
        var apart = new EntityLinker(resolver);
        apart.Link("Reports from Meridian. Falcon arrived.");
        Assert.Equal(apart.ResolverCalls, together.ResolverCalls);

        Assert.Contains(new EntityLinker(resolver).Link("Meridian Kestrel reported losses."), m => m.EntityId == "o:kestrel" && m.Text == "Meridian Kestrel");
    }

    /// <summary>
    /// A made-up capitalized word of <paramref name="syllables"/> syllables, the digits of
    /// <paramref name="i"/> in base <c>consonants.Length</c> as its consonants: distinct for every
    /// <paramref name="i"/> below that base to the power <paramref name="syllables"/>.
    /// </summary>
    private static string MadeUpWord(int i, string consonants, int syllables)
    {
        var word = new StringBuilder();
        for (int k = 0, n = i; k < syllables; k++, n /= consonants.Length)
        {
            word.Append(consonants[n % consonants.Length]).Append("aeiou"[(n / 7) % 5]);
        }

        word[0] = char.ToUpperInvariant(word[0]);
        return word.ToString();
    }

    /// <summary>The text has one mention, <paramref name="span"/>, linked to <paramref name="entity"/>; returns it.</summary>
    private static LinkedMention AssertLinksOnly(EntityLinker linker, string text, string span, string entity)
    {
        LinkedMention m = Assert.Single(linker.Link(text));
        Assert.Equal((span, entity), (m.Text, m.EntityId));
        return m;
    }

    /// <summary>A linker on a registry of what <paramref name="add"/> adds.</summary>
    private static EntityLinker LinkerOf(Func<EntityRegistryBuilder, EntityRegistryBuilder> add) => new(new NameResolver(add(new EntityRegistryBuilder()).Build()));

    /// <summary>The seed registry and what <paramref name="add"/> adds: look-alikes that a registry of a million names holds by chance.</summary>
    private static EntityLinker SeedWith(Action<EntityRegistryBuilder> add, LinkOptions? options = null)
    {
        var builder = new EntityRegistryBuilder();
        foreach (Entity e in EntityRegistry.Load(Fixture.Path("seed/registry.jsonl")).Entities)
        {
            builder.Add(e);
        }

        add(builder);
        return new EntityLinker(new NameResolver(builder.Build()), options);
    }

    [Fact]
    public void The_words_of_a_title_phrase_are_not_names()
    {
        // Persons whose names resemble words of titles: फील्ड of फील्ड मार्शल, أركان of
        // رئيس أركان and of أركان حرب, الوزراء of رئيس الوزراء. A title phrase before a name is
        // the name's titles, and its words alone are not bare names.
        static void LookAlikes(EntityRegistryBuilder b) => b
            .AddPerson("p:feuillade", "Dove Feuillade", "دوف فيلد")
            .AddPerson("p:rukan", "Aseelah Rukan", "असीलाह रुकान", "A. Rukan")
            .AddPerson("p:khelifa", "Severus Khelifa", "S. Khelifa")
            .AddPerson("p:arkan", "Arkan Khelifa")
            .AddPerson("p:mushir", "Mushir Ahmad")
            .AddPerson("p:harb", "Nabil Harb")
            .AddPerson("p:azra", "Il Schur Serebryanikov Azra", "Il Azra")
            .AddPerson("p:vajra", "Aadita Vajra", "आदिता वज्र");
        EntityLinker linker = SeedWith(LookAlikes);

        IReadOnlyList<LinkedMention> hindi = linker.Link("पाकिस्तान के चीफ ऑफ डिफेंस स्टाफ फील्ड मार्शल आसिम मुनीर के साथ बैठक हुई।");
        LinkedMention munir = Assert.Single(hindi);
        Assert.Equal(("आसिम मुनीर", "person:asim-munir"), (munir.Text, munir.EntityId));

        IReadOnlyList<LinkedMention> arabic = linker.Link("عقد المشير أركان حرب خليفة حفتر اجتماعًا مع رئيس أركان القوات الجوية. وحضر الاجتماع نائب رئيس الوزراء.");
        Assert.Equal(
            [("خليفة حفتر", "person:khalifa-haftar"), ("القوات الجوية", "org:pakistan-air-force")],
            arabic.Select(m => (m.Text, m.EntityId)));

        // The words after the title phrase are the span's name words: the whole span, titles
        // included, is one resolver call (without the phrase, أركان حرب read as name words that no
        // one entity has with حفتر, and the shorter spans cost more calls).
        EntityLinker fresh = SeedWith(LookAlikes);
        Assert.Single(fresh.Link("المشير أركان حرب خليفة حفتر"));
        Assert.Equal(1, fresh.ResolverCalls);

        // A person's name does not end inside a title phrase: with حرب no name word, the run of
        // name words stops after المشير أركان, which is no mention of Arkan Khelifa.
        EntityLinker withoutHarb = SeedWith(b => b.AddPerson("p:arkan", "Arkan Khelifa").AddPerson("p:mushir", "Mushir Ahmad"));
        Assert.Equal(["person:khalifa-haftar"], withoutHarb.Link("عقد المشير أركان حرب خليفة حفتر اجتماعًا.").Select(m => m.EntityId));

        // A word of a title phrase is not even asked about alone.
        Assert.Empty(fresh.Link("وحضر الاجتماع نائب رئيس الوزراء."));
        Assert.Equal(1, fresh.ResolverCalls);
    }

    [Fact]
    public void The_longest_title_phrase_of_the_lexicon_is_read_whole_before_a_name()
    {
        // chief of the air staff has five words, the most a phrase of titles.tsv has: the linker
        // looks back as far as the lexicon's longest phrase (Lexicon.LongestTitle), not a fixed
        // number of words.
        Assert.Equal(5, EntityResolver.Text.Lexicon.Default.LongestTitle);
        LinkedMention m = Assert.Single(SeedWith(_ => { }).Link("Chief of the Air Staff Asim Munir arrived."));
        Assert.Equal("person:asim-munir", m.EntityId);
        Assert.Equal(["Chief of the Air Staff"], m.Evidence.Titles);
    }

    [Fact]
    public void A_country_or_its_adjective_is_not_a_bare_name()
    {
        // бакстон reads like باكستان; after the title رئيس وزراء ("prime minister of") it would be a
        // bare surname. A country's name or adjective (places.tsv, demonyms.tsv) is not one. (A low
        // threshold, so that the resolver's score of the pair, 0.24 here, does not decide.)
        EntityLinker linker = SeedWith(b => b.AddPerson("p:buxton", "Buxton Nanaka", "бакстон нанака"), new LinkOptions { Threshold = 0.2 });
        IReadOnlyList<LinkedMention> mentions = linker.Link("اجتماعًا مع رئيس وزراء باكستان محمد شهباز شريف. وأكد رئيس الوزراء الباكستاني التزام بلاده.");
        Assert.DoesNotContain(mentions, m => m.EntityId == "p:buxton");
        Assert.Contains(mentions, m => m.EntityId == "person:shehbaz-sharif");
    }

    [Fact]
    public void A_rare_long_word_is_a_bare_name_only_of_the_entity_it_writes()
    {
        // دہشتگردی ("terrorism") is a word of one organization's name, written as it is there; it
        // only resembles Dashti. That one entity has the word does not make it his rare name.
        EntityLinker linker = SeedWith(b => b.AddPerson("p:dashti", "Dashti Gert", "دشتي جيرت"));
        Assert.DoesNotContain(linker.Link("انٹیلی جنس شیئرنگ سے دہشتگردی سے نمٹیں گے۔"), m => m.EntityId == "p:dashti");
    }

    [Fact]
    public void A_bare_surname_finds_the_person_named_in_full_among_many_namesakes()
    {
        // Twelve people called just Munir score 1.0 for the bare word, Asim Munir less: he is not
        // among the resolver's first eight candidates, but the document names him in full.
        EntityLinker linker = SeedWith(b =>
        {
            for (int i = 0; i < 12; i++)
            {
                b.AddPerson($"p:munir{i}", "Munir");
            }
        });
        IReadOnlyList<LinkedMention> mentions = linker.Link("Field Marshal Asim Munir received the delegation. Munir said the talks went well.");
        Assert.Equal(["person:asim-munir", "person:asim-munir"], mentions.Select(m => m.EntityId));
        Assert.Equal(LinkKind.PartialName, mentions[1].Evidence.Kind);
    }

    [Fact]
    public void A_word_the_best_alias_leaves_unmatched_may_be_matched_by_another_name_of_the_entity()
    {
        // With Khalid common (400 Khalids), the resolver matches "Saddam Khalid Haftar" through the
        // alias Saddam Haftar and leaves Khalid unmatched; Saddam Khalifa Haftar, his full name,
        // has Khalifa for it (a conflict), so the three words are one mention of him.
        EntityLinker linker = SeedWith(b =>
        {
            for (int i = 0; i < 400; i++)
            {
                b.AddPerson($"p:k{i}", $"Khalid {MadeUpWord(i, "bdgkmnprstvz", 3)}");
            }
        });
        LinkedMention m = Assert.Single(linker.Link("Lt Gen Saddam Khalid Haftar arrived."));
        Assert.Equal(("Saddam Khalid Haftar", "person:saddam-haftar"), (m.Text, m.EntityId));
    }

    [Fact]
    public void A_bare_word_the_resolver_scores_under_half_the_threshold_is_not_linked()
    {
        // ہفتہ ("week") reads like the name Hafta, and the document names Khalifa Haftar, whose
        // surname it resembles, in full; but the resolver scores it against him at 0.08.
        IReadOnlyList<LinkedMention> mentions = SeedWith(b => b.AddPerson("p:hafta", "Rani Hafta")).Link("فیلڈ مارشل نے خلیفہ حفتر سے ملاقات کی۔ اگلے ہفتہ وفد واپس آئے گا۔");
        Assert.Contains(mentions, m => m.EntityId == "person:khalifa-haftar");
        Assert.DoesNotContain(mentions, m => m.Text == "ہفتہ");
    }
}
