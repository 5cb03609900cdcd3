using System.Globalization;
using EntityResolver.DataGen;

namespace EntityResolver.Benchmarks;

/// <summary>Where the generated benchmark data lives (benchmarks/data, git-ignored) and how it is made.</summary>
internal static class BenchData
{
    /// <summary>Resolves every query (the measured loop of the resolve benchmarks); returns the number of matches.</summary>
    public static int ResolveAll(NameResolver resolver, string[] queries)
    {
        int sum = 0;
        foreach (string q in queries)
        {
            sum += resolver.Resolve(q).Count;
        }

        return sum;
    }

    public const int QueriesPerSize = 2000;

    public static readonly (string Name, int Count, int Seed)[] Sizes = [("10k", 10_000, 10), ("100k", 100_000, 100), ("1m", 1_000_000, 1000)];

    public static string Folder
    {
        get
        {
            string? env = Environment.GetEnvironmentVariable("ER_BENCH_DATA");
            if (!string.IsNullOrEmpty(env))
            {
                return env;
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "EntityResolver.sln")))
                {
                    return Path.Combine(dir.FullName, "benchmarks", "data");
                }
            }

            return Path.Combine(Directory.GetCurrentDirectory(), "benchmarks", "data");
        }
    }

    public static string RegistryPath(string size) => Path.Combine(Folder, $"registry-{size}.jsonl");

    public static string SnapshotPath(string size) => Path.Combine(Folder, $"registry-{size}.idx");

    public static string QueriesPath(string size) => Path.Combine(Folder, $"queries-{size}.tsv");

    public static List<GeneratedQuery> Queries(string size) => Generator.ReadQueries(QueriesPath(size));

    /// <summary>Generates every size from the dev data folder (deterministic: same files on every run).</summary>
    public static void Generate(string devFolder, string? only)
    {
        Directory.CreateDirectory(Folder);
        NamePartPool pool = NamePartPool.FromDevData(devFolder);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"name parts: {pool.Count} ({string.Join(", ", pool.Scripts.Select(s => $"{s} {pool.ByScript[s].Count}"))})"));
        var generator = new Generator(pool);
        foreach (var (name, count, seed) in Sizes)
        {
            if (only is not null && name != only)
            {
                continue;
            }

            var entities = generator.Entities(count, seed);
            Generator.WriteRegistry(entities, RegistryPath(name));
            var queries = generator.Queries(entities, QueriesPerSize, seed + 1);
            Generator.WriteQueries(queries, QueriesPath(name));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {entities.Count} entities, {entities.Sum(e => e.Names.Count)} names, {queries.Count} queries -> {Folder}"));
        }
    }
}
