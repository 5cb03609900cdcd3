using EntityResolver.Text;

namespace EntityResolver.Benchmarks;

internal static class Debug
{
    public static void Run(string size, string query, string goldId)
    {
        EntityRegistry registry = size.EndsWith(".tsv", StringComparison.Ordinal)
            ? EntityRegistry.Create(new EntityResolver.DataGen.Generator(EntityResolver.DataGen.NamePartPool.FromTsv(size), seed: 7).Entities(10_000, seed: 11))
            : File.Exists(size) ? EntityRegistry.Load(size) : Accuracy.Load(size);
        registry.TryGetEntity(goldId, out Entity? gold);
        var goldAliases = Enumerable.Range(0, registry.Aliases.Length).Where(a => ReferenceEquals(registry.EntityAt(registry.Aliases[a].EntityIndex), gold)).ToHashSet();
        foreach (int a in goldAliases)
        {
            Console.WriteLine($"gold alias {a}: {string.Join(' ', registry.Aliases[a].Name.Tokens.Select(t => $"{t.Text}[{t.Forms.Skeleton} {t.Forms.Phonetic}]"))} weight {registry.Index.AliasWeight(a)}");
        }

        var (p, l) = new NameAnalyzer().AnalyzeQuery(query);
        foreach (var t in p.Tokens)
        {
            Console.WriteLine($"query token {t.Text}: phonetic {t.Forms.Phonetic}, latin {t.Forms.Latin}, skeleton {t.Forms.Skeleton}");
            var keys = new HashSet<string>(StringComparer.Ordinal);
            EntityResolver.Indexing.CandidateIndex.AddKeys(t.Forms.Skeleton, keys);
            foreach (string k in keys)
            {
                int[] post = [.. registry.Index.Postings(k).ToArray().Select(x => x >> 1)];
                Console.WriteLine($"  {t.Text} key {k}: {post.Length} postings, gold in: {goldAliases.Any(g => post.Contains(g))}");
            }
        }

        var prepared = new EntityResolver.Matching.PreparedName(p, registry.Statistics, 0);
        Console.WriteLine("query weights: " + string.Join(", ", prepared.Weights));
        var trace = new EntityResolver.Indexing.CandidateSearch.SearchTrace(goldAliases);
        EntityResolver.Indexing.CandidateSearch.Trace = trace;
        var found = EntityResolver.Indexing.CandidateSearch.Find(registry.Index, [prepared]).ToArray();
        EntityResolver.Indexing.CandidateSearch.Trace = null;
        Console.WriteLine($"trace: gold admitted {trace.Admitted}, admitted {trace.AdmittedCount}, shortlist rank {trace.ShortlistRank}, exact rank {trace.ExactRank}");
        Console.WriteLine(found.Length + " candidates: " + string.Join(", ", found.Take(50).Select(c => $"{c.Alias}:{registry.EntityAt(registry.Aliases[c.Alias].EntityIndex).Name}={c.Weight:F3}/{registry.Index.AliasWeight(c.Alias):F1}")));
        foreach (var c in found.Take(3).Concat(found.Where(c => goldAliases.Contains(c.Alias))))
        {
            Console.WriteLine($"  alias {c.Alias} keys: {string.Join(' ', registry.Index.KeysOfAlias(c.Alias).ToArray().Select(k => registry.Index.KeyName(k >> 1) + ((k & 1) == 1 ? "*" : "")))}");
        }

        var resolver = new NameResolver(registry);
        Console.WriteLine(string.Join(", ", resolver.CandidateAliases(query).Take(10).Select(a => $"{a}:{registry.EntityAt(registry.Aliases[a].EntityIndex).Name}")));
    }
}
