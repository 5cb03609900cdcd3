using EntityResolver.Linking;
using EntityResolver.Matching;
using EntityResolver.Text;

namespace EntityResolver.Tests.Linking;

/// <summary>The gazetteer's word tests and the linker's list intersection against plain reference computations.</summary>
public sealed class GazetteerTests
{
    [Fact]
    public void Resembles_agrees_with_the_similarity_of_every_name_word_of_the_entity()
    {
        // The seed entities and one whose name has words without a phonetic form (Javanese and
        // Mongolian script, which nothing here romanizes).
        string extra = """{"id":"org:unromanized","type":"organization","names":[{"text":"ꦗꦮ Java ᠮᠣᠩ","script":"Latn","lang":"en","kind":"primary"}]}""";
        string jsonl = File.ReadAllText(Fixture.Path("seed/registry.jsonl")).TrimEnd() + "\n" + extra + "\n";
        var registry = EntityRegistry.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(jsonl)), "seed+unromanized");
        Assert.Contains(registry.Aliases.SelectMany(a => a.Name.Tokens), t => t.Role == TokenRole.Name && t.Forms.Phonetic.Length == 0);
        Gazetteer gazetteer = Gazetteer.For(registry);
        var words = registry.Aliases.SelectMany(a => a.Name.Tokens).Select(t => t.Forms).DistinctBy(f => f.Normalized).ToList();
        // A word without a phonetic form (nothing in it romanizes to a sound).
        words.Add(new TokenForms("x", Script.Latin, string.Empty));
        int yes = 0, no = 0;
        foreach (float floor in new[] { PairScorer.ConflictFloor, PairScorer.MatchThreshold, GazetteerHit.AnchorSimilarity })
        {
            for (int e = 0; e < registry.Count; e++)
            {
                foreach (TokenForms word in words)
                {
                    bool expected = Expected(registry, e, word, floor);
                    Assert.True(expected == gazetteer.Resembles(e, word, floor), $"entity {registry.Entities[e].Id}, word {word.Normalized}, floor {floor}: expected {expected}");
                    _ = expected ? yes++ : no++;
                }
            }
        }

        // The remembered test at the conflict floor: words interleaved (each form's answer is kept
        // for the last word only), every question asked twice, and a memo whose tags run out every
        // few words (its answers cleared, the words given new tags), as the linker uses it.
        foreach (var memo in new[] { new Gazetteer.FormMemo(gazetteer.FormCount), new Gazetteer.FormMemo(gazetteer.FormCount, maxTag: 3) })
        {
            var tags = new (int Tag, int Epoch)[words.Count];
            for (int round = 0; round < 2; round++)
            {
                for (int e = 0; e < registry.Count; e++)
                {
                    for (int w = 0; w < words.Count; w++)
                    {
                        if (tags[w].Tag == 0 || tags[w].Epoch != memo.Epoch)
                        {
                            tags[w] = (memo.NextTag(), memo.Epoch);
                        }

                        bool expected = Expected(registry, e, words[w], PairScorer.ConflictFloor);
                        Assert.True(expected == gazetteer.ResemblesAtConflictFloor(e, words[w], memo, tags[w].Tag), $"remembered: entity {registry.Entities[e].Id}, word {words[w].Normalized}: expected {expected}");
                    }
                }
            }
        }

        // Both answers occur often (the comparison is not vacuous).
        Assert.True(yes > 100 && no > 100, $"{yes} alike, {no} not");
    }

    /// <summary>Whether a name word of an alias of entity <paramref name="e"/> is like <paramref name="word"/> at <paramref name="floor"/>: the full distance, read from the alias objects.</summary>
    private static bool Expected(EntityRegistry registry, int e, TokenForms word, float floor)
    {
        foreach (AliasRecord alias in registry.Aliases.Where(a => a.EntityIndex == e))
        {
            foreach (NameToken t in alias.Name.Tokens.Where(t => t.Role == TokenRole.Name))
            {
                float s = string.Equals(t.Forms.Normalized, word.Normalized, StringComparison.Ordinal)
                    ? 1f
                    : Phonetics.Similarity(word, t.Forms, floor: 0f);
                if (floor > PairScorer.ConflictFloor && t.Forms.Script != word.Script)
                {
                    s += PairScorer.CrossScriptLeniency * (1f - s);
                }

                if (s >= floor)
                {
                    return true;
                }
            }
        }

        return false;
    }

    [Fact]
    public void The_linkers_intersection_is_the_set_intersection()
    {
        var random = new Random(7);
        foreach (var (m, n, range) in new[] { (0, 5, 10), (50, 60, 100), (300, 280, 1000), (3, 5000, 20000), (4000, 20, 8000), (1000, 1000, 1000) })
        {
            int[] a = [.. Enumerable.Range(0, m).Select(_ => random.Next(range)).Distinct().Order()];
            int[] b = [.. Enumerable.Range(0, n).Select(_ => random.Next(range)).Distinct().Order()];
            Assert.Equal(a.Intersect(b).Order(), EntityLinker.Intersect(a, b));
            Assert.Equal(a.Intersect(b).Order(), EntityLinker.Intersect(b, a));
        }
    }
}
