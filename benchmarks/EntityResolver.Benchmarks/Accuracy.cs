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

    /// <summary>Top-1 of the resolver alone on every query of a size (no baseline), and the queries it gets wrong.</summary>
    public static void TopOne(string size, string? missesPath)
    {
        EntityRegistry registry = Load(size);
        var resolver = new NameResolver(registry);
        int present = 0, top1 = 0, absent = 0, rejected = 0;
        var misses = new List<string>();
        foreach (GeneratedQuery q in BenchData.Queries(size))
        {
            var matches = resolver.Resolve(q.Text);
            string first = matches.Count > 0 ? matches[0].EntityId : "-";
            if (q.GoldId is { } gold)
            {
                present++;
                top1 += first == gold ? 1 : 0;
                if (first != gold)
                {
                    misses.Add($"{q.Text}\t{gold}\t{first}");
                }
            }
            else
            {
                absent++;
                rejected += matches.Count == 0 ? 1 : 0;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size}: top-1 {top1}/{present} = {100.0 * top1 / present:F1}% of present queries; absent with no match {rejected}/{absent} = {100.0 * rejected / Math.Max(absent, 1):F1}%"));
        if (missesPath is not null)
        {
            File.WriteAllLines(missesPath, misses);
        }
    }

    /// <summary>
    /// The snapshot when present (fast), the JSON Lines otherwise, or when the snapshot was written
    /// by another version of the library (<c>measure --size SIZE</c> rewrites it).
    /// </summary>
    public static EntityRegistry Load(string size)
    {
        string snapshot = BenchData.SnapshotPath(size);
        if (File.Exists(snapshot))
        {
            try
            {
                return EntityRegistry.Load(snapshot);
            }
            catch (RegistryLoadException e)
            {
                Console.Error.WriteLine($"// {e.Message} Building from {BenchData.RegistryPath(size)} instead.");
            }
        }

        return EntityRegistry.Load(BenchData.RegistryPath(size));
    }

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
