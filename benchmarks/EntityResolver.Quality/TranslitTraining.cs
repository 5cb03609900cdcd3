using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using EntityResolver.Matching;
using EntityResolver.Text;

namespace EntityResolver.Quality;

/// <summary>
/// Fits the embedded transliteration models (<see cref="TransliterationModel"/>) on the train
/// split of the dev sets: every native-script word of a train query paired with the Latin word of
/// its entity's names that is most like it, when like enough to be its transliteration rather than
/// a translation (token similarity above 0.6, <see cref="PairScorer.TokenSimilarity(NameToken, NameToken)"/>).
/// </summary>
internal static class TranslitTraining
{
    /// <summary>The dev sets with native-script queries; absent and test entities are never read.</summary>
    private static readonly string[] Sets = ["netranslit-ar-train", "netranslit-ru-train", "wikidata-hi-ur", "cmu-indian-names", "unsc-2025"];

    private const float MinSimilarity = 0.6f;

    /// <summary>
    /// How many letters of context each script's model reads: four for Cyrillic (the ier of
    /// French names against the er of English ones), three for the others, where four lost
    /// held-out top-1 (netranslit-ar 85.5 → 85.1 %, unsc-2025 organizations 100 → 93.3 %).
    /// </summary>
    private static int ContextLetters(Script script) => script == Script.Cyrillic ? 4 : 3;

    public static int Run(string dev, string outputDir)
    {
        var sw = Stopwatch.StartNew();
        var analyzer = new NameAnalyzer();
        var pairsByScript = new SortedDictionary<Script, HashSet<(string, string)>>();
        foreach (string name in Sets)
        {
            DevDataset ds = DevDataset.Load(dev, name);
            var namesOf = ds.Entities.ToDictionary(e => e.Id, e => e.Names, StringComparer.Ordinal);
            foreach (DevPair p in ds.Pairs.Where(p => ds.RoleOf(p) == SplitRole.Train))
            {
                NameToken[] query = analyzer.AnalyzeQuery(p.Query).Primary.Tokens;
                foreach (string id in p.GoldIds)
                {
                    // A train query's gold ids are train entities, or absent ones (never test).
                    if (ds.EntityRoles.GetValueOrDefault(id) != SplitRole.Train || !namesOf.TryGetValue(id, out var names))
                    {
                        continue;
                    }

                    foreach (EntityName n in names)
                    {
                        NameToken[] latin = [.. analyzer.AnalyzeAlias(n.Text, isPerson: true).Tokens.Where(t => t.Forms.Script == Script.Latin && !t.IsInitial)];
                        foreach (NameToken q in query)
                        {
                            if (q.Forms.Script is Script.Latin or Script.Unknown or Script.Other)
                            {
                                continue;
                            }

                            NameToken? best = null;
                            float bestSimilarity = MinSimilarity;
                            foreach (NameToken c in latin)
                            {
                                float s = PairScorer.TokenSimilarity(q, c);
                                if (s > bestSimilarity)
                                {
                                    (best, bestSimilarity) = (c, s);
                                }
                            }

                            if (best is not null)
                            {
                                if (!pairsByScript.TryGetValue(q.Forms.Script, out var set))
                                {
                                    pairsByScript[q.Forms.Script] = set = [];
                                }

                                set.Add((q.Forms.Normalized, NameResolver.Spelling(best)));
                            }
                        }
                    }
                }
            }
        }

        Directory.CreateDirectory(outputDir);
        foreach (var (script, set) in pairsByScript)
        {
            // Sorted, so that the fit (sums in a fixed order) and the file are the same on every run.
            var pairs = set.OrderBy(p => p.Item1, StringComparer.Ordinal).ThenBy(p => p.Item2, StringComparer.Ordinal).ToList();
            TransliterationModel model = TransliterationModel.Train(pairs, contextLetters: ContextLetters(script));
            string path = Path.Combine(outputDir, $"translit-{script.ToString().ToLowerInvariant()}.tsv.gz");
            using (var file = File.Create(path))
            using (var gz = new GZipStream(file, CompressionLevel.SmallestSize))
            using (var writer = new StreamWriter(gz, new UTF8Encoding(false)))
            {
                model.Save(writer);
            }

            Console.WriteLine($"{script}: {pairs.Count} pairs -> {path} ({new FileInfo(path).Length / 1024} KiB), {sw.Elapsed.TotalSeconds:0.0}s");
            Console.WriteLine("  " + string.Join("\n  ", "kcghçöüäåñ".Select(ch => model.Describe(ch))));
        }

        return 0;
    }
}
