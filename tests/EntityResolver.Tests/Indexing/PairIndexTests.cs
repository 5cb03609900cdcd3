using EntityResolver.DataGen;
using EntityResolver.Indexing;
using EntityResolver.Matching;
using EntityResolver.Text;

namespace EntityResolver.Tests.Indexing;

/// <summary>
/// The word-pair postings of the candidate index, the sorted-list intersection, and the case they
/// exist for: a query of two common words, in another order than the registry's.
/// </summary>
public sealed class PairIndexTests
{
    private static readonly Lazy<EntityRegistry> Registry = new(() =>
    {
        var generator = new Generator(NamePartPool.FromTsv(Fixture.Path("names/parts.tsv")), seed: 21);
        return EntityRegistry.Create(generator.Entities(2000, seed: 22));
    });

    /// <summary>The own keys of each name word of an alias (a word may have more than one: its skeleton, the ones with v and w read as f, the one without a silent ending).</summary>
    private static List<int[]> WordKeys(CandidateIndex index, AliasRecord alias)
    {
        var words = new List<int[]>();
        foreach (NameToken token in alias.Name.Tokens)
        {
            if (token.Role == TokenRole.Name && token.Forms.Skeleton.Length > 0)
            {
                words.Add([.. new[] { token.Forms.Skeleton, Phonetics.SkeletonWithVAsF(token.Forms.Phonetic) }.Concat(CandidateIndex.OwnKeys.Select(said => said(token.Forms))).OfType<string>().Select(k => index.KeyId(k)).Where(k => k >= 0).Distinct()]);
            }
        }

        return words;
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void The_index_is_the_same_whatever_the_ranges_of_its_first_pass(int rangeCount)
    {
        // The first pass numbers keys per range of aliases, in parallel; the ranges' numberings
        // are merged into the order of first use over all aliases, as one range gives.
        EntityRegistry registry = Registry.Value;
        byte[] Written(int ranges)
        {
            using var stream = new MemoryStream();
            using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                CandidateIndex.Build(registry.Aliases, pairMinPostings: 0, rangeCount: ranges).Write(writer);
            }

            return stream.ToArray();
        }

        Assert.Equal(Written(1), Written(rangeCount));
    }

    [Fact]
    public void Every_alias_is_listed_under_each_pair_of_its_words_and_only_there()
    {
        EntityRegistry registry = Registry.Value;
        CandidateIndex index = CandidateIndex.Build(registry.Aliases, pairMinPostings: 0);
        var pairs = new HashSet<(ulong Pair, int Alias)>();
        for (int a = 0; a < registry.Aliases.Length; a++)
        {
            List<int[]> words = WordKeys(index, registry.Aliases[a]);
            for (int i = 0; i < words.Count; i++)
            {
                for (int j = i + 1; j < words.Count; j++)
                {
                    foreach (int k1 in words[i])
                    {
                        foreach (int k2 in words[j])
                        {
                            if (k1 != k2)
                            {
                                pairs.Add((CandidateIndex.PairKey(k1, k2), a));
                                Assert.Contains(a, index.PairPostings(k1, k2).ToArray());
                                Assert.Contains(a, index.PairPostings(k2, k1).ToArray());
                            }
                        }
                    }
                }
            }
        }

        Assert.Equal(pairs.Count, index.PairPostingCount);
        Assert.True(pairs.Count > registry.Aliases.Length, "most aliases have two words or more");
    }

    [Fact]
    public void Pairs_of_rare_words_are_not_kept_by_default()
    {
        EntityRegistry registry = Registry.Value;
        CandidateIndex index = registry.Index;
        Assert.Equal(CandidateIndex.DefaultPairMinPostings, index.PairMinPostings);
        for (int a = 0; a < registry.Aliases.Length; a += 7)
        {
            List<int[]> words = WordKeys(index, registry.Aliases[a]);
            for (int i = 1; i < words.Count; i++)
            {
                int k1 = words[0][0], k2 = words[i][0];
                bool common = index.PostingLength(k1) > index.PairMinPostings && index.PostingLength(k2) > index.PairMinPostings && k1 != k2;
                Assert.Equal(common, index.PairPostings(k1, k2).Contains(a));
            }
        }
    }

    [Fact]
    public void Pair_postings_survive_the_snapshot()
    {
        EntityRegistry registry = Registry.Value;
        CandidateIndex index = CandidateIndex.Build(registry.Aliases, pairMinPostings: 0);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            index.Write(writer);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        CandidateIndex read = CandidateIndex.Read(reader, registry.Aliases.Length);
        Assert.Equal(index.PairPostingCount, read.PairPostingCount);
        for (int a = 0; a <= registry.Aliases.Length; a++)
        {
            Assert.Equal(index.Info(a), read.Info(a)); // the alias table is stored, not computed again
        }

        Assert.Equal(0, read.PairMinPostings);
        for (int a = 0; a < registry.Aliases.Length; a += 5)
        {
            List<int[]> words = WordKeys(index, registry.Aliases[a]);
            if (words.Count >= 2 && words[0][0] != words[1][0])
            {
                Assert.Equal(index.PairPostings(words[0][0], words[1][0]).ToArray(), read.PairPostings(words[0][0], words[1][0]).ToArray());
                Assert.Contains(a, read.PairPostings(words[0][0], words[1][0]).ToArray());
            }
        }
    }

    [Theory]
    [InlineData(2000, 256)]
    [InlineData(1400, 128)]
    [InlineData(257, 256)]
    [InlineData(256, 256)]
    [InlineData(100, 256)]
    [InlineData(5000, 1)]
    [InlineData(3, 0)]
    [InlineData(0, 0)]
    public void The_shortlist_selection_keeps_the_smallest_keys(int length, int count)
    {
        var random = new Random(length * 7 + count);
        ulong[] shuffled = [.. Enumerable.Range(0, length).Select(i => ((ulong)(uint)random.Next(50) << 32) | (uint)i).OrderBy(_ => random.Next())];
        int take = Math.Min(count, length);
        ulong[] expected = [.. shuffled.Order().Take(take)];

        // Shuffled, sorted, reversed; with the sorting fallback from the first partition; with
        // the sampled threshold (long inputs), and with one too low to keep enough keys (rank 0).
        foreach (ulong[] input in new[] { shuffled, [.. shuffled.Order()], [.. shuffled.OrderDescending()] })
        {
            foreach (int maxRounds in new[] { -1, 0, 1 })
            {
                foreach (int sampleRank in new[] { -1, 0, 63 })
                {
                    ulong[] keys = [.. input];
                    CandidateSearch.SelectSmallest(keys, take, maxRounds, sampleRank);
                    Assert.Equal(expected, keys[..take].Order());
                    Assert.Equal(input.Order(), keys.Order()); // a permutation: nothing lost or repeated
                }
            }
        }
    }

    [Theory]
    [InlineData(200, 300)] // similar lengths: the merge, four by four
    [InlineData(2000, 2100)]
    [InlineData(7, 9)] // blocks of four and a rest
    [InlineData(50, 5000)] // a long list: galloping
    [InlineData(1, 1000)]
    [InlineData(0, 10)]
    public void Intersection_is_the_set_intersection(int shortLength, int longLength)
    {
        var random = new Random(shortLength * 31 + longLength);
        int universe = Math.Max(2 * longLength, 10);
        int[] aliases = [.. Enumerable.Range(0, universe).OrderBy(_ => random.Next()).Take(shortLength).Order()];
        // An alias can be posted twice under a key (its own word, and a deletion of another).
        int[] postings = [.. Enumerable.Range(0, universe).OrderBy(_ => random.Next()).Take(longLength).Order()
            .SelectMany(a => random.Next(8) == 0 ? new[] { a << 1, (a << 1) | 1 } : [(a << 1) | random.Next(2)])];
        int[] expected = [.. aliases.Intersect(postings.Select(p => p >> 1))];
        Assert.True(shortLength < 100 || expected.Length > shortLength / 4, "the lists should share many aliases");

        var output = new int[Math.Max(shortLength, 1)];
        int n = CandidateSearch.Intersect(aliases, 0, postings, output);
        Assert.Equal(expected, output[..n]);

        // The same with the short list given as postings (alias << 1 | flag).
        int[] asPostings = [.. aliases.Select(a => (a << 1) | 1)];
        n = CandidateSearch.Intersect(asPostings, 1, postings, output);
        Assert.Equal(expected, output[..n]);

        // Postings against postings, both with aliases posted twice: each alias once.
        var self = new int[postings.Length];
        n = CandidateSearch.Intersect(postings, 1, postings, self);
        Assert.Equal(postings.Select(p => p >> 1).Distinct(), self[..n]);

        // The long list as a bitmap (a common key's): its bits tested, or ANDed with the short list's.
        ulong[] bits = Bitmap(postings.Select(p => p >> 1), universe);
        n = CandidateSearch.Probe(aliases, 0, bits, output);
        Assert.Equal(expected, output[..n]);
        n = CandidateSearch.Probe(asPostings, 1, bits, output);
        Assert.Equal(expected, output[..n]);
        n = CandidateSearch.Probe(postings, 1, bits, self);
        Assert.Equal(postings.Select(p => p >> 1).Distinct(), self[..n]);
        n = CandidateSearch.And(Bitmap(aliases, universe), bits, output);
        Assert.Equal(expected, output[..n]);
    }

    /// <summary><paramref name="count"/> persons named by <paramref name="names"/> in turn, with ids <paramref name="idPrefix"/>0, 1, ...</summary>
    private static IEnumerable<Entity> Copies(string idPrefix, int count, params string[] names) =>
        Enumerable.Range(0, count).Select(i => new Entity($"{idPrefix}{i}", Entity.PersonType, [new EntityName(names[i % names.Length])]));

    private static ulong[] Bitmap(IEnumerable<int> aliases, int universe)
    {
        var bits = new ulong[(universe + 63) / 64];
        foreach (int a in aliases)
        {
            bits[a / 64] |= 1UL << (a % 64);
        }

        return bits;
    }

    [Fact]
    public void Two_common_words_in_the_other_order_find_the_alias()
    {
        // Thousands of aliases have each word (more than the search reads one word's postings
        // for), one alias has both, and another has them in the query's order next to a third
        // word (so the query's joined-words key exists, and is rare).
        string[] syllables = [.. from c in "dflnst" from v in "aeiou" select $"{c}{v}"];
        string Filler(int i) => char.ToUpperInvariant(syllables[i % 30][0]) + syllables[i % 30][1..] + syllables[i / 30 % 30] + syllables[i / 900 % 30];
        int perWord = CandidateSearch.AdmitBudget + 1000;
        var entities = new List<Entity>();
        for (int i = 0; i < perWord; i++)
        {
            entities.Add(new Entity($"a{i}", Entity.PersonType, [new EntityName($"Camby {Filler(i)}")]));
            entities.Add(new Entity($"b{i}", Entity.PersonType, [new EntityName($"{Filler(i + 7)} Kiro")]));
        }

        entities.Add(new Entity("gold", Entity.PersonType, [new EntityName("Camby Kiro")]));
        entities.Add(new Entity("other", Entity.PersonType, [new EntityName("Kiro Camby Nobutaka")]));
        EntityRegistry registry = EntityRegistry.Create(entities);
        Assert.True(registry.Index.Postings("kmb").Length > CandidateSearch.AdmitBudget);
        Assert.True(registry.Index.Postings("kr").Length > CandidateSearch.AdmitBudget);

        var resolver = new NameResolver(registry);
        registry.TryGetEntity("gold", out Entity? gold);
        Assert.Contains(resolver.CandidateAliases("Kiro Camby"), a => ReferenceEquals(registry.EntityAt(registry.Aliases[a].EntityIndex), gold));
        Assert.Equal("gold", resolver.Resolve("Kiro Camby")[0].EntityId);
    }

    [Fact]
    public void A_one_word_querys_reading_is_looked_up_after_its_plain_key_has_used_the_budget()
    {
        // Тикако reads tikako (skeleton tk) and, as a Japanese name, chikako (sk). Thousands of
        // aliases have each skeleton, together more than the search admits for one word; the
        // plain key is the rarer, so it is read first, and the reading's key, which alone has
        // Chikako, must still be read.
        // The fillers share no letter pair with the query (Teku, Suke), so Chikako ranks first
        // among what the search admits.
        string[] t = ["Teke", "Teku", "Tuke", "Tuku"], k = ["Seke", "Seku", "Suke", "Suku"];
        int plain = CandidateSearch.AdmitBudget / 2, reading = CandidateSearch.AdmitBudget * 3 / 4;
        EntityRegistry registry = EntityRegistry.Create([.. Copies("t", plain, t), .. Copies("s", reading, k), new Entity("gold", Entity.PersonType, [new EntityName("Chikako")])]);
        int tk = registry.Index.Postings("tk").Length, sk = registry.Index.Postings("sk").Length;
        Assert.True(tk < sk && sk <= CandidateSearch.AdmitBudget && tk + sk > CandidateSearch.AdmitBudget, $"{tk} {sk}");

        var resolver = new NameResolver(registry);
        registry.TryGetEntity("gold", out Entity? gold);
        Assert.Contains(resolver.CandidateAliases("Тикако"), a => ReferenceEquals(registry.EntityAt(registry.Aliases[a].EntityIndex), gold));
        Assert.Equal("gold", resolver.Resolve("Тикако")[0].EntityId);
    }

    [Theory]
    [InlineData("Kaleel")]
    [InlineData("كليل")]
    [InlineData("Калил")]
    [InlineData("कलील")]
    public void A_one_word_query_of_a_common_short_skeleton_finds_the_names_with_its_consonants(string query)
    {
        // More aliases than the search reads for one word have the skeleton kl, and the gold comes
        // last in the registry: cut at the budget, the skeleton's postings never reached it. The
        // finer key (Phonetics.RepeatKey: kll, its l said twice) has it at once, in every script.
        string[] fillers = ["Kola", "Gale", "Cole", "Kyle", "Gil"];
        EntityRegistry registry = EntityRegistry.Create([.. Copies("f", CandidateSearch.AdmitBudget + 2000, fillers), new Entity("gold", Entity.PersonType, [new EntityName("Kalil")])]);
        Assert.True(registry.Index.Postings("kl").Length > CandidateSearch.AdmitBudget);

        var resolver = new NameResolver(registry);
        Assert.Equal("gold", resolver.Resolve(query)[0].EntityId);
    }

    [Theory]
    [InlineData("KGB")]
    [InlineData("کے جی بی")] // Urdu letter names: the acronym's letters
    [InlineData("КГБ")] // Cyrillic capitals read as Latin letters
    [InlineData("K.G.B.")] // capitals written apart
    [InlineData("К.Г.Б.")]
    public void A_name_written_as_an_acronym_is_found_whatever_its_letters_skeleton_shares(string query)
    {
        // KGB's skeleton is kb, which thousands of names have, more than the search reads for one
        // word, and the gold comes last in the registry: the acronym's own key finds it.
        string[] fillers = ["Cobb", "Gabe", "Kuba", "Koby", "Gaby"];
        EntityRegistry registry = EntityRegistry.Create([.. Copies("f", CandidateSearch.AdmitBudget + 2000, fillers), new Entity("gold", Entity.OrganizationType, [new EntityName("State Security Committee"), new EntityName("KGB")])]);
        Assert.True(registry.Index.Postings("kb").Length > CandidateSearch.AdmitBudget);

        var resolver = new NameResolver(registry);
        Assert.Equal("gold", resolver.Resolve(query)[0].EntityId);
    }

    [Fact]
    public void The_finer_key_of_a_word_does_not_keep_a_longer_query_from_its_common_words()
    {
        // Kalil (kl, finer key kll) is a typo of Kalim (klm, which has kl as a deletion variant).
        // Both words of the query are common, so the gold is found where their postings meet; a
        // rare finer key read as the query's rarest own key would have admitted the few names
        // with kll instead, and left the common words unread.
        EntityRegistry registry = EntityRegistry.Create(
            [.. Copies("k", CandidateSearch.MultiWordAdmitBudget + 1000, "Kola Dinu"), .. Copies("t", CandidateSearch.MultiWordAdmitBudget + 1000, "Tomas Rine"), .. Copies("r", 50, "Kalil Rine"), new Entity("gold", Entity.PersonType, [new EntityName("Kalim Tomas")])]);
        Assert.True(registry.Index.Postings("kl").Length > CandidateSearch.MultiWordAdmitBudget);

        var resolver = new NameResolver(registry);
        registry.TryGetEntity("gold", out Entity? gold);
        Assert.Contains(resolver.CandidateAliases("Kalil Tomas"), a => ReferenceEquals(registry.EntityAt(registry.Aliases[a].EntityIndex), gold));
        Assert.Equal("gold", resolver.Resolve("Kalil Tomas", new ResolveOptions { Threshold = 0 })[0].EntityId);
    }

    [Theory]
    [InlineData("Авиви", "avivi")]
    [InlineData("Иваи", "iwai")]
    [InlineData("Аой", "aoi")]
    [InlineData("إيواو", "iwao")]
    [InlineData("آو", "ao")]
    public void A_word_of_vowels_alone_is_found(string query, string expected)
    {
        // Their skeletons are empty (vowels, and a v, w or y inside the word): without a key of
        // their own, names of such words alone were never candidates.
        string[] names = ["Avivi", "Iwai", "Aoi", "Iwao", "Ao", "Vivian", "Ivy", "Waia", "Ava Smith"];
        EntityRegistry registry = EntityRegistry.Create([.. names.Select(n => new Entity(n.Split(' ')[0].ToLowerInvariant(), Entity.PersonType, [new EntityName(n)]))]);
        // All but Vivian and Waia (skeletons wn and w) have such a word: Ivy, and Ava of Ava Smith, too.
        Assert.Equal(7, registry.Index.Postings(CandidateIndex.VowelWordKey).Length);

        var resolver = new NameResolver(registry);
        Assert.Equal(expected, resolver.Resolve(query, new ResolveOptions { Threshold = 0 })[0].EntityId);
    }

    [Theory]
    [InlineData("Джейк", "Jake", "Jock")]
    [InlineData("Пайк", "Pike", "Pyk")] // (Pyke is said as Pike: its y before a silent e is read ay too)
    [InlineData("Дьюк", "Duke", "Dyk")]
    public void A_russian_long_vowel_meets_the_english_spelling_with_a_silent_e(string query, string expected, string filler)
    {
        // (Кейд: Cade against Kydd was a row until the spelling models were refitted in the
        // seventieth session: Cade is still a candidate, but ranked after every Kydd, which the new
        // Cyrillic model finds the likelier spelling; NameResolverTests.Spellings_the_refitted_models_rank_the_other_way.)
        // More aliases than the search hands to scoring have the query's skeleton and share more
        // of its letter pairs as written (Kydd: k, d); the English spelling (Cade: ka, ad, de)
        // shares them once ей before a final consonant is read as a consonant and a silent e.
        var resolver = new NameResolver(EntityRegistry.Create([new Entity("gold", Entity.PersonType, [new EntityName(expected)]), .. Copies("f", CandidateSearch.MaxCandidates + 72, filler)]));
        Assert.Equal("gold", resolver.Resolve(query, new ResolveOptions { Threshold = 0 })[0].EntityId);
    }

    [Fact]
    public void A_reading_that_is_also_a_deletion_variant_is_read_as_an_own_key()
    {
        // Бацевич (bts) read without the t of ц is bs, Bacewicz's skeleton, which is also a
        // deletion variant of bts. As a deletion it would be read last (it has the most
        // postings of the three), after bt and ts had used most of the budget; as the reading's
        // own key it is read with the word's own keys.
        int third = CandidateSearch.AdmitBudget / 3;
        EntityRegistry registry = EntityRegistry.Create(
            [new Entity("gold", Entity.PersonType, [new EntityName("Bacewicz")]), .. Copies("Bota", third, "Bota"), .. Copies("Tosa", third, "Tosa"), .. Copies("Basa", third + 100, "Basa")]);
        int bt = registry.Index.Postings("bt").Length, ts = registry.Index.Postings("ts").Length, bs = registry.Index.Postings("bs").Length;
        Assert.True(bt < bs && ts < bs && bt + ts + bs > CandidateSearch.AdmitBudget, $"{bt} {ts} {bs}");

        var resolver = new NameResolver(registry);
        Assert.Equal("gold", resolver.Resolve("Бацевич", new ResolveOptions { Threshold = 0 })[0].EntityId);
    }

    [Fact]
    public void An_initial_without_a_skeleton_has_no_key()
    {
        EntityRegistry registry = EntityRegistry.Create([new Entity("a", Entity.PersonType, [new EntityName("A. Smith")])]);
        Assert.Equal(0, registry.Index.Postings(CandidateIndex.VowelWordKey).Length);
    }

    [Fact]
    public void Bitmaps_of_common_keys_give_the_same_candidates_as_merging_their_postings()
    {
        // Three common words, two of them together in more aliases than the search admits (so the
        // intersection goes on to the third), Kiro the most common.
        string[] syllables = [.. from c in "dflnst" from v in "aeiou" select $"{c}{v}"];
        string Filler(int i) => char.ToUpperInvariant(syllables[i % 30][0]) + syllables[i % 30][1..] + syllables[i / 30 % 30] + syllables[i / 900 % 30];
        var entities = new List<Entity>();
        for (int i = 0; i < 4000; i++)
        {
            entities.Add(new Entity($"a{i}", Entity.PersonType, [new EntityName($"Camby Kiro {Filler(i)}")]));
            entities.Add(new Entity($"b{i}", Entity.PersonType, [new EntityName($"Dolan {Filler(i + 7)}")]));
        }

        for (int i = 0; i < 1000; i++)
        {
            entities.Add(new Entity($"c{i}", Entity.PersonType, [new EntityName($"{Filler(i + 11)} Kiro")]));
        }

        for (int i = 0; i < 500; i++)
        {
            entities.Add(new Entity($"d{i}", Entity.PersonType, [new EntityName($"Camby Kiro Dolan {Filler(i + 13)}")]));
        }

        EntityRegistry registry = EntityRegistry.Create(entities);
        CandidateIndex merged = CandidateIndex.Build(registry.Aliases, bitmapMinPostings: int.MaxValue);
        CandidateIndex kiroOnly = CandidateIndex.Build(registry.Aliases, bitmapMinPostings: 5000);
        CandidateIndex all = CandidateIndex.Build(registry.Aliases, bitmapMinPostings: 100);
        int kmb = merged.KeyId("kmb"), kr = merged.KeyId("kr"), tln = merged.KeyId("tln");
        Assert.True(merged.PostingLength(kmb) is > CandidateSearch.MultiWordAdmitBudget and < 5000 && merged.PostingLength(kr) > 5000 && merged.PostingLength(tln) > CandidateSearch.MultiWordAdmitBudget);
        Assert.Null(merged.Bitmap(kr));
        Assert.True(kiroOnly.Bitmap(kr) is not null && kiroOnly.Bitmap(kmb) is null);
        Assert.True(all.Bitmap(kmb) is not null && all.Bitmap(tln) is not null);

        var analyzer = new NameAnalyzer();
        foreach (string query in new[] { "Camby Kiro", "Kiro Camby Dolan", "Dolan Camby", "Kiro Dolan", "Camby Kiro Dolan Tuna" })
        {
            var reading = new PreparedName(analyzer.AnalyzeQuery(query).Primary, registry.Statistics, 0);
            Candidate[] expected = CandidateSearch.Find(merged, [reading]).ToArray();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, CandidateSearch.Find(kiroOnly, [reading]).ToArray());
            Assert.Equal(expected, CandidateSearch.Find(all, [reading]).ToArray());
        }
    }
}
