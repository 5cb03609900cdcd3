using System.Globalization;
using EntityResolver.Matching;

namespace EntityResolver.Quality;

/// <summary>
/// Top-1 over every query of the development sets (train, test and absent splits alike), each
/// resolved against a registry of all the set's entities: the "over every development query"
/// figures of docs/quality.md and docs/algorithms.md. With a directory, each query's first
/// entity is written there (one line per query, in order) so that two runs can be compared.
/// </summary>
internal static class DevTop1
{
    private static readonly string[] Sets = ["netranslit-ar-train", "netranslit-ru-train", "wikidata-hi-ur", "unsc-2025"];

    public static int Run(string dev, string? outputDir)
    {
        foreach (string name in Sets)
        {
            DevDataset set = DevDataset.Load(dev, name);
            var resolver = new NameResolver(EntityRegistry.Create(set.Entities));
            var first = new string?[set.Pairs.Count];
            Parallel.For(0, set.Pairs.Count, i => first[i] = resolver.Resolve(set.Pairs[i].Query, new ResolveOptions { Top = 1, Threshold = 0 }) is [var m, ..] ? m.EntityId : null);

            int right = 0;
            for (int i = 0; i < first.Length; i++)
            {
                right += first[i] is { } id && set.Pairs[i].GoldIds.Contains(id, StringComparer.Ordinal) ? 1 : 0;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: top-1 {right} of {first.Length} = {100.0 * right / first.Length:F2} %"));
            if (outputDir is not null)
            {
                Directory.CreateDirectory(outputDir);
                File.WriteAllLines(Path.Combine(outputDir, name + ".top1"), first.Select(id => id ?? "-"));
            }
        }

        return 0;
    }
}
