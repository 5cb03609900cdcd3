using System.Diagnostics;
using System.Globalization;
using EntityResolver.Matching;
using EntityResolver.Text;

namespace EntityResolver.Quality;

/// <summary>
/// Fits transliteration models on the train split and measures, on the held-out queries, how a
/// re-ranking of the resolver's first ten candidates by their likelihood would change top-1.
/// </summary>
internal static class TranslitExperiment
{
    private static readonly string[] Sets = ["netranslit-ar-train", "netranslit-ru-train", "wikidata-hi-ur", "cmu-indian-names", "unsc-2025"];

    public static int Run(string dev, int limit)
    {
        var sw = Stopwatch.StartNew();
        var analyzer = new NameAnalyzer();
        var datasets = Sets.Select(n => DevDataset.Load(dev, n)).ToList();
        var pairsByScript = new Dictionary<Script, List<(string, string)>>();
        foreach (DevDataset ds in datasets)
        {
            var latinOf = ds.Entities.ToDictionary(e => e.Id, e => e.Names.Select(n => n.Text).ToList(), StringComparer.Ordinal);
            foreach (DevPair p in ds.Pairs.Where(p => ds.RoleOf(p) == SplitRole.Train))
            {
                NameToken[] q = analyzer.AnalyzeQuery(p.Query).Primary.Tokens;
                foreach (string id in p.GoldIds)
                {
                    if (!latinOf.TryGetValue(id, out List<string>? names))
                    {
                        continue;
                    }

                    foreach (string name in names)
                    {
                        NameToken[] c = analyzer.AnalyzeAlias(name, true).Tokens;
                        foreach (NameToken qt in q)
                        {
                            if (qt.Forms.Script == Script.Latin)
                            {
                                continue;
                            }

                            // The Latin word most like it, if like enough (a transliteration, not a translation).
                            NameToken? best = null;
                            float bestSim = 0.6f;
                            foreach (NameToken ct in c)
                            {
                                if (ct.Forms.Script != Script.Latin || ct.IsInitial)
                                {
                                    continue;
                                }

                                float s = PairScorer.TokenSimilarity(qt, ct);
                                if (s > bestSim)
                                {
                                    bestSim = s;
                                    best = ct;
                                }
                            }

                            if (best is not null)
                            {
                                if (!pairsByScript.TryGetValue(qt.Forms.Script, out var list))
                                {
                                    pairsByScript[qt.Forms.Script] = list = [];
                                }

                                list.Add((qt.Forms.Normalized, best.Forms.Latin));
                            }
                        }
                    }
                }
            }
        }

        var models = new Dictionary<Script, TransliterationModel>();
        foreach (var (script, list) in pairsByScript)
        {
            var distinct = list.Distinct().ToList();
            models[script] = TransliterationModel.Train(distinct);
            Console.WriteLine($"{script}: {distinct.Count} training pairs, {sw.Elapsed.TotalSeconds:0.0}s");
            foreach (char ch in "aeiouckhsg")
            {
                Console.WriteLine("  " + models[script].Describe(ch));
            }
        }

        double[] lambdas = [0, 0.002, 0.005, 0.01, 0.02, 0.04, 0.08];
        foreach (DevDataset ds in datasets)
        {
            var resolver = new NameResolver(ds.BuildRegistry());
            var queries = ds.Pairs.Where(p => ds.RoleOf(p) == SplitRole.Test)
                .OrderBy(p => DevDataset.Fnv(p.Query + "\t" + p.Line.ToString(CultureInfo.InvariantCulture))).Take(limit).ToList();
            int[] right = new int[lambdas.Length];
            foreach (DevPair p in queries)
            {
                var matches = resolver.Resolve(p.Query, new ResolveOptions { Top = 10, Threshold = 0 });
                if (matches.Count == 0)
                {
                    continue;
                }

                NameToken[] q = analyzer.AnalyzeQuery(p.Query).Primary.Tokens;
                double[] ll = new double[matches.Count];
                for (int k = 0; k < matches.Count; k++)
                {
                    NameToken[] c = analyzer.AnalyzeAlias(matches[k].MatchedName, true).Tokens;
                    double sum = 0;
                    foreach (NameToken qt in q)
                    {
                        if (!models.TryGetValue(qt.Forms.Script, out TransliterationModel? m))
                        {
                            continue;
                        }

                        double best = -30 * qt.Forms.Normalized.Length;
                        foreach (NameToken ct in c)
                        {
                            if (ct.Forms.Script == Script.Latin && !ct.IsInitial)
                            {
                                best = Math.Max(best, m.LogLikelihood(qt.Forms.Normalized, ct.Forms.Latin));
                            }
                        }

                        sum += best;
                    }

                    ll[k] = sum;
                }

                double maxLl = ll.Max();
                for (int li = 0; li < lambdas.Length; li++)
                {
                    int bestK = 0;
                    double bestV = double.NegativeInfinity;
                    for (int k = 0; k < matches.Count; k++)
                    {
                        double v = matches[k].Score + (lambdas[li] * (ll[k] - maxLl));
                        if (v > bestV)
                        {
                            bestV = v;
                            bestK = k;
                        }
                    }

                    if (p.GoldIds.Contains(matches[bestK].EntityId))
                    {
                        right[li]++;
                    }
                }
            }

            Console.WriteLine($"{ds.Name}: {queries.Count} test queries; top-1 by lambda: {string.Join(", ", lambdas.Select((l, i) => string.Create(CultureInfo.InvariantCulture, $"{l}: {100.0 * right[i] / queries.Count:0.0}")))}  ({sw.Elapsed.TotalSeconds:0.0}s)");
        }

        return 0;
    }
}
