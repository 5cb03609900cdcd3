using System.Numerics;
using EntityResolver.Indexing;
using EntityResolver.Matching;
using EntityResolver.Text;

namespace EntityResolver.Tests.Indexing;

/// <summary>
/// Single-word names that share a consonant skeleton tie on the words they share with a query:
/// the candidate cut must keep the one spelled like the query, not the first aliases by id.
/// </summary>
public sealed class CandidateTieTests
{
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u"];

    [Theory]
    [InlineData("Ubirot")]
    [InlineData("Убирот")]
    public void The_alias_spelled_like_the_query_survives_the_cut_among_hundreds_sharing_its_skeleton(string query)
    {
        // Every vowel pattern around b-r-t (Abarat, Ebirot, Barita...), the gold one added last.
        List<string> names = [.. BrtPatterns().Where(n => !string.Equals(n, "Ubirot", StringComparison.Ordinal)), "Ubirot"];
        EntityRegistry registry = EntityRegistry.Create(names.Select((n, i) => new Entity($"p:{i}", Entity.PersonType, [new EntityName(n)])));
        string goldId = $"p:{names.Count - 1}";
        int gold = Array.FindIndex(registry.Aliases, a => string.Equals(registry.EntityAt(a.EntityIndex).Id, goldId, StringComparison.Ordinal));
        string skeleton = registry.Aliases[gold].Name.Tokens[0].Forms.Skeleton;
        int sharing = registry.Aliases.Count(a => string.Equals(a.Name.Tokens[0].Forms.Skeleton, skeleton, StringComparison.Ordinal));
        Assert.True(sharing > CandidateSearch.MaxCandidates, $"only {sharing} aliases share the skeleton '{skeleton}': the test does not reach the cut");

        var resolver = new NameResolver(registry);
        Assert.Contains(gold, resolver.CandidateAliases(query));
        IReadOnlyList<EntityMatch> matches = resolver.Resolve(query, new ResolveOptions { Top = 1, Threshold = 0 });
        Assert.Equal(goldId, Assert.Single(matches).EntityId);
    }

    [Theory]
    [InlineData("بوريتو", "Boreto")]
    [InlineData("بيروتو", "Beroto")]
    public void Arabic_script_vowels_meet_the_o_and_e_of_the_latin_spelling_in_the_cut(string query, string gold)
    {
        // و is o as often as u, ي e as often as i: among every vowel pattern around b-r-t, the
        // spelling with o and e must not lose to those with u and i that copy the Arabic letters.
        List<string> names = [.. BrtPatterns().Where(n => !string.Equals(n, gold, StringComparison.Ordinal)), gold];
        EntityRegistry registry = EntityRegistry.Create(names.Select((n, i) => new Entity($"p:{i}", Entity.PersonType, [new EntityName(n)])));
        int alias = registry.Aliases.Length - 1;
        Assert.Equal(gold, registry.Aliases[alias].Name.Tokens[0].Text);

        Assert.Contains(alias, new NameResolver(registry).CandidateAliases(query));
    }

    [Fact]
    public void A_one_word_query_hands_its_whole_shortlist_to_scoring()
    {
        // Every vowel pattern around b-r-t ties on the one word of the query: its shortlist is
        // all scored, for only the scoring tells those spellings apart.
        List<string> names = [.. BrtPatterns()];
        EntityRegistry registry = EntityRegistry.Create(names.Select((n, i) => new Entity($"p:{i}", Entity.PersonType, [new EntityName(n)])));
        Assert.True(names.Count > CandidateSearch.ShortlistSize);

        Assert.Equal(CandidateSearch.ShortlistSize, new NameResolver(registry).CandidateAliases("Borata").Length);
        Assert.Equal(CandidateSearch.MultiWordMaxCandidates, new NameResolver(EntityRegistry.Create(names.Select((n, i) => new Entity($"p:{i}", Entity.PersonType, [new EntityName(n + " Kamenska")])))).CandidateAliases("Borata Kamenska").Length);
    }

    [Fact]
    public void Arabic_script_vowels_meet_the_latin_spelling_in_a_query_of_two_words()
    {
        // Hundreds tie on both words of "Boreto Kamenska"; only the spelling tells them apart, and
        // 32 are handed to scoring for a query of two words.
        List<string> names = [.. BrtPatterns().Select(n => n + " Kamenska")];
        EntityRegistry registry = EntityRegistry.Create(names.Select((n, i) => new Entity($"p:{i}", Entity.PersonType, [new EntityName(n)])));
        int gold = names.IndexOf("Boreto Kamenska");

        Assert.Contains(gold, new NameResolver(registry).CandidateAliases("بوريتو كامينسكا"));
    }

    [Theory]
    [InlineData("ليفاندوفسكي", "Lewandowski")]
    [InlineData("فيرتهايم", "Wertheim")]
    public void A_german_or_polish_w_is_found_from_the_f_arabic_script_writes(string query, string gold)
    {
        // Among every vowel pattern around b-r-t: the w said v is only found under its own key.
        List<string> names = [.. BrtPatterns(), gold];
        EntityRegistry registry = EntityRegistry.Create(names.Select((n, i) => new Entity($"p:{i}", Entity.PersonType, [new EntityName(n)])));
        int alias = Array.FindIndex(registry.Aliases, a => string.Equals(registry.EntityAt(a.EntityIndex).Id, $"p:{names.Count - 1}", StringComparison.Ordinal));

        Assert.Contains(alias, new NameResolver(registry).CandidateAliases(query));
    }

    [Fact]
    public void Signature_similarity_is_one_for_the_same_spelling_and_lower_for_other_vowels()
    {
        EntityRegistry registry = EntityRegistry.Create([
            new Entity("p:1", Entity.PersonType, [new EntityName("Ubirot")]),
            new Entity("p:2", Entity.PersonType, [new EntityName("Abarat")]),
        ]);
        ulong a = registry.Index.AliasSignature(0), b = registry.Index.AliasSignature(1);
        int pairs = BitOperations.PopCount(a);
        Assert.Equal(1f, CandidateIndex.SignatureSimilarity(a, pairs, a));
        Assert.InRange(CandidateIndex.SignatureSimilarity(a, pairs, b), 0f, 0.5f);
        Assert.Equal(0f, CandidateIndex.SignatureSimilarity(0, 0, 0));
    }

    [Theory]
    [InlineData("بوريتو", "Boreto")]
    [InlineData("بوريتو كامينسكا", "Boreto Kamenska")]
    public void An_arabic_script_query_of_one_or_two_words_has_the_vowel_pairs_of_its_latin_spellings(string query, string latin)
    {
        NameToken[] tokens = new NameAnalyzer().AnalyzeQuery(query).Primary.Tokens;
        ulong alias = EntityRegistry.Create([new Entity("p:1", Entity.PersonType, [new EntityName(latin)])]).Index.AliasSignature(0);

        ulong read = CandidateIndex.QuerySignature(tokens, out ulong written);
        int pairs = BitOperations.PopCount(written);
        Assert.Equal(written, CandidateIndex.Signature(tokens));
        Assert.Equal(written, read & written);
        float asWritten = CandidateIndex.SignatureSimilarity(written, pairs, alias), asRead = CandidateIndex.SignatureSimilarity(read, pairs, alias);
        Assert.True(asRead > 0.9f && asRead - asWritten > 0.25f, $"as written {asWritten}, as read {asRead}");
    }

    [Theory]
    [InlineData("Тёку", "Choku", "Toku")] // a Japanese syllable: the pairs of its sh or ch
    [InlineData("Сёити", "Shoichi", "Soichi")]
    [InlineData("Иглз", "Eagles", null)] // a final з after a consonant: the pairs of an English -s or -es
    [InlineData("Ширз", "Shears", null)]
    public void A_cyrillic_query_has_the_pairs_of_the_latin_spelling_it_is_read_as(string query, string latin, string? other)
    {
        // Read as written, тёку (tyoku) shares more pairs with Toku than with Choku; both are
        // among the many names of its keys (tk, sk), and the pairs choose which are scored. An
        // English -s read z only comes nearer (Iguelz, which writes the z, stays nearer still:
        // the scoring's reading tells them apart).
        NameToken[] tokens = new NameAnalyzer().AnalyzeQuery(query).Primary.Tokens;
        ulong read = CandidateIndex.QuerySignature(tokens, out ulong written);
        int pairs = BitOperations.PopCount(written);
        Assert.Equal(written, read & written);

        EntityRegistry registry = EntityRegistry.Create([new Entity("p:1", Entity.PersonType, [new EntityName(latin)]), new Entity("p:2", Entity.PersonType, [new EntityName(other ?? "Ng")])]);
        float asRead = CandidateIndex.SignatureSimilarity(read, pairs, registry.Index.AliasSignature(0));
        Assert.True(asRead > CandidateIndex.SignatureSimilarity(written, pairs, registry.Index.AliasSignature(0)), $"{latin} {asRead}");
        if (other is not null)
        {
            Assert.True(asRead > CandidateIndex.SignatureSimilarity(read, pairs, registry.Index.AliasSignature(1)), $"{latin} {asRead}");
        }
    }

    [Fact]
    public void A_cyrillic_query_with_a_final_z_after_a_vowel_keeps_its_written_pairs()
    {
        // Делёз is Deleuze, whose z it writes; the pairs of an s would bring Delos nearer.
        ulong read = CandidateIndex.QuerySignature(new NameAnalyzer().AnalyzeQuery("Делёз").Primary.Tokens, out ulong written);
        Assert.Equal(written, read);
    }

    [Fact]
    public void A_longer_arabic_script_query_and_other_scripts_keep_their_written_pairs()
    {
        foreach (string query in (string[])["بوريتو كامينسكا سيرو", "Боретто", "Boreto"])
        {
            ulong read = CandidateIndex.QuerySignature(new NameAnalyzer().AnalyzeQuery(query).Primary.Tokens, out ulong written);
            Assert.Equal(written, read);
        }
    }

    [Fact]
    public void A_query_of_two_words_hands_at_most_the_multi_word_maximum_to_scoring_and_keeps_the_gold_first()
    {
        // Every vowel pattern around b-r-t followed by one shared surname: hundreds of aliases
        // tie on both skeletons of "Ubirot Kamenska"; only the spelling tells them apart.
        List<string> names = [.. BrtPatterns().Select(n => n + " Kamenska")];

        EntityRegistry registry = EntityRegistry.Create(names.Select((n, i) => new Entity($"p:{i}", Entity.PersonType, [new EntityName(n)])));
        string goldId = $"p:{names.IndexOf("Ubirot Kamenska")}";
        int gold = Array.FindIndex(registry.Aliases, a => string.Equals(registry.EntityAt(a.EntityIndex).Id, goldId, StringComparison.Ordinal));
        var resolver = new NameResolver(registry);

        int[] twoWords = resolver.CandidateAliases("Ubirot Kamenska");
        Assert.InRange(twoWords.Length, CandidateSearch.MultiWordMinCandidates, CandidateSearch.MultiWordMaxCandidates);
        Assert.Equal(gold, twoWords[0]);
        Assert.Equal(goldId, Assert.Single(resolver.Resolve("Ubirot Kamenska", new ResolveOptions { Top = 1 })).EntityId);

        // One word: the wider maximum (the spelling alone orders the ties).
        Assert.InRange(resolver.CandidateAliases("Ubirot").Length, CandidateSearch.MultiWordMaxCandidates + 1, CandidateSearch.MaxCandidates);
    }

    [Theory]
    [InlineData("بوكويف", "Bokoev", "b", "k")]
    [InlineData("سيرفو", "Cervo", "s", "r")]
    public void A_word_found_through_a_rare_reading_of_its_v_ranks_as_rare_as_that_reading(string query, string gold, string first, string second)
    {
        // Hundreds of names spelled with the query's consonants less its f (Buku, Sirua...): the
        // gold's own skeleton is theirs, and only the reading of its v as f meets the query in full.
        List<string> names = [.. Patterns(first, second), gold];
        EntityRegistry registry = EntityRegistry.Create(names.Select((n, i) => new Entity($"p:{i}", Entity.PersonType, [new EntityName(n)])));
        int alias = registry.Aliases.Length - 1;
        Assert.Equal(gold, registry.Aliases[alias].Name.Tokens[0].Text);
        string skeleton = registry.Aliases[alias].Name.Tokens[0].Forms.Skeleton;
        int sharing = registry.Aliases.Count(a => string.Equals(a.Name.Tokens[0].Forms.Skeleton, skeleton, StringComparison.Ordinal));
        Assert.True(sharing > CandidateSearch.MaxCandidates, $"only {sharing} aliases share the skeleton '{skeleton}': the test does not reach the cut");

        Assert.Contains(alias, new NameResolver(registry).CandidateAliases(query));
    }

    /// <summary>Every vowel pattern around two consonants, with a y or w after the second or not (Buku, Abekiy, Okaw...).</summary>
    private static IEnumerable<string> Patterns(string first, string second)
    {
        foreach (string v1 in Vowels.Prepend(""))
        {
            foreach (string v2 in Vowels)
            {
                foreach (string v3 in Vowels)
                {
                    foreach (string end in (string[])["", "y", "w", "h"])
                    {
                        string name = v1 + first + v2 + second + v3 + end;
                        yield return char.ToUpperInvariant(name[0]) + name[1..];
                    }
                }
            }
        }
    }

    /// <summary>Every vowel pattern around b-r-t, capitalized (Bart, Abarat, Ebirot, Barita...).</summary>
    private static IEnumerable<string> BrtPatterns()
    {
        foreach (string v1 in Vowels.Prepend(""))
        {
            foreach (string v2 in Vowels)
            {
                foreach (string v3 in Vowels)
                {
                    foreach (string v4 in Vowels.Prepend(""))
                    {
                        string name = v1 + "b" + v2 + "r" + v3 + "t" + v4;
                        yield return char.ToUpperInvariant(name[0]) + name[1..];
                    }
                }
            }
        }
    }
}
