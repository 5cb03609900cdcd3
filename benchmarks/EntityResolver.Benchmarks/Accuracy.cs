using System.Diagnostics;
using System.Globalization;
using EntityResolver.DataGen;
using FuzzySharp;

namespace EntityResolver.Benchmarks;

/// <summary>Top-1 accuracy of the resolver and of FuzzySharp's brute-force <c>Process.ExtractOne</c> on the same queries.</summary>
internal static class Accuracy
{
    public static void Run(string size, int count)
    {
        var inv = CultureInfo.InvariantCulture;
        EntityRegistry registry = Load(size);
        var (choices, owners) = Choices(registry);
        var resolver = new NameResolver(registry);
        List<GeneratedQuery> queries = [.. BenchData.Queries(size).Where(q => q.GoldId is not null).Take(count)];
        int ours = 0, fuzzy = 0;
        var sw = new Stopwatch();
        double oursMs = 0, fuzzyMs = 0;
        var byNoise = new SortedDictionary<string, (int N, int Ours, int Fuzzy)>(StringComparer.Ordinal);
        foreach (GeneratedQuery q in queries)
        {
            sw.Restart();
            var matches = resolver.Resolve(q.Text);
            oursMs += sw.Elapsed.TotalMilliseconds;
            bool o = matches.Count > 0 && matches[0].EntityId == q.GoldId;
            sw.Restart();
            var best = FuzzySharp.Process.ExtractOne(q.Text, choices);
            fuzzyMs += sw.Elapsed.TotalMilliseconds;
            bool f = best is not null && owners[best.Index] == q.GoldId;
            ours += o ? 1 : 0;
            fuzzy += f ? 1 : 0;
            foreach (string noise in q.Noise.Split('+'))
            {
                var (n, a, b) = byNoise.GetValueOrDefault(noise);
                byNoise[noise] = (n + 1, a + (o ? 1 : 0), b + (f ? 1 : 0));
            }
        }

        Console.WriteLine(string.Create(inv, $"{size}: {queries.Count} present queries; top-1 resolver {100.0 * ours / queries.Count:F1}% ({oursMs / queries.Count:F3} ms/query), FuzzySharp ExtractOne {100.0 * fuzzy / queries.Count:F1}% ({fuzzyMs / queries.Count:F1} ms/query)"));
        foreach (var (noise, (n, a, b)) in byNoise)
        {
            Console.WriteLine(string.Create(inv, $"  {noise,-13} n={n,4}  resolver {100.0 * a / n,5:F1}%  FuzzySharp {100.0 * b / n,5:F1}%"));
        }
    }

    /// <summary>The snapshot when present (fast), the JSON Lines otherwise.</summary>
    public static EntityRegistry Load(string size) =>
        EntityRegistry.Load(File.Exists(BenchData.SnapshotPath(size)) ? BenchData.SnapshotPath(size) : BenchData.RegistryPath(size));

    /// <summary>Every name of every entity, with the id of its entity: what a brute-force matcher scans.</summary>
    public static (string[] Choices, string[] Owners) Choices(EntityRegistry registry)
    {
        var choices = new List<string>();
        var owners = new List<string>();
        foreach (Entity e in registry.Entities)
        {
            foreach (EntityName n in e.Names)
            {
                choices.Add(n.Text);
                owners.Add(e.Id);
            }
        }

        return ([.. choices], [.. owners]);
    }
}
