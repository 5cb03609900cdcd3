using System.Diagnostics;
using System.Globalization;
using EntityResolver.Indexing;
using EntityResolver.Matching;
using EntityResolver.Text;

namespace EntityResolver.Benchmarks;

/// <summary>Where the time of a query goes: analysis, candidate search, full scoring (single thread).</summary>
internal static class Profile
{
    public static void Run(string size)
    {
        var inv = CultureInfo.InvariantCulture;
        EntityRegistry registry = Accuracy.Load(size);
        var queries = BenchData.Queries(size).Select(q => q.Text).ToArray();
        var analyzer = new NameAnalyzer();
        var model = ScoringModel.Default;
        double analyze = 0, search = 0, score = 0, cpu = 0, searchCpu = 0, scoreCpu = 0;
        var ranks = new int[8];
        double slowest = 0;
        string slow = "";
        var pairTimes = new List<double>();
        var gold = BenchData.Queries(size).Select(q => q.GoldId).ToArray();
        long candidates = 0, scored = 0;
        for (int pass = 0; pass < 2; pass++)
        {
            analyze = search = score = 0;
            candidates = scored = 0;
            cpu = searchCpu = scoreCpu = 0;
            Array.Clear(ranks);
            for (int qi = 0; qi < queries.Length; qi++)
            {
                string q = queries[qi];
                double c0 = CpuClock.NowMicroseconds();
                long t0 = Stopwatch.GetTimestamp();
                var (primary, literal) = analyzer.AnalyzeQuery(q);
                PreparedName[] readings = [new PreparedName(primary, registry.Statistics, 0)];
                long t1 = Stopwatch.GetTimestamp();
                double c1 = CpuClock.NowMicroseconds();
                int[] c = [.. CandidateSearch.Find(registry.Index, readings).ToArray().Select(x => x.Alias)];
                double c2 = CpuClock.NowMicroseconds();
                long t2 = Stopwatch.GetTimestamp();
                float sum = 0;
                foreach (int a in c)
                {
                    AliasRecord alias = registry.Aliases[a];
                    foreach (PreparedName r in readings)
                    {
                        long p0 = Stopwatch.GetTimestamp();
                        sum += model.Score(PairScorer.Compute(r, alias, true, 0));
                        double us = Stopwatch.GetElapsedTime(p0).TotalMicroseconds;
                        if (pass == 1 && us > slowest)
                        {
                            slowest = us;
                            slow = $"{us:F1} us: {string.Join(' ', r.Name.Tokens.Select(t => t.Forms.Phonetic))} / {string.Join(' ', alias.Name.Tokens.Select(t => t.Forms.Phonetic))}";
                        }

                        pairTimes.Add(us);
                        scored++;
                    }
                }

                long t3 = Stopwatch.GetTimestamp();
                double c3 = CpuClock.NowMicroseconds();
                cpu += c3 - c0;
                searchCpu += c2 - c1;
                scoreCpu += c3 - c2;
                if (gold[qi] is { } g && registry.TryGetEntity(g, out Entity? ge))
                {
                    int rank = Array.FindIndex(c, a => ReferenceEquals(registry.EntityAt(registry.Aliases[a].EntityIndex), ge));
                    ranks[rank < 0 ? 7 : rank < 1 ? 0 : rank < 4 ? 1 : rank < 12 ? 2 : rank < 24 ? 3 : rank < 48 ? 4 : rank < 64 ? 5 : 6]++;
                    if (rank < 0 && pass == 1 && ranks[7] <= (Environment.GetEnvironmentVariable("ER_PROFILE_MISSES") is { } m ? int.Parse(m, CultureInfo.InvariantCulture) : 15))
                    {
                        Console.WriteLine($"  gold not a candidate: {q}\t{g}");
                    }
                }

                candidates += c.Length;
                analyze += Stopwatch.GetElapsedTime(t0, t1).TotalMicroseconds;
                search += Stopwatch.GetElapsedTime(t1, t2).TotalMicroseconds;
                score += Stopwatch.GetElapsedTime(t2, t3).TotalMicroseconds;
            }
        }

        int n = queries.Length;
        pairTimes.Sort();
        Console.WriteLine(string.Create(inv, $"pair times: p50 {pairTimes[pairTimes.Count / 2]:F2} us, p90 {pairTimes[pairTimes.Count * 9 / 10]:F2}, p99 {pairTimes[pairTimes.Count * 99 / 100]:F2}, slowest {slow}"));
        Console.WriteLine(string.Create(inv, $"thread CPU per query (analyze+search+score): {cpu / n:F1} us; gold rank among candidates: 0:{ranks[0]} 1-3:{ranks[1]} 4-11:{ranks[2]} 12-23:{ranks[3]} 24-47:{ranks[4]} 48-63:{ranks[5]} 64+:{ranks[6]} missing:{ranks[7]}"));
        Console.WriteLine(string.Create(inv, $"thread CPU per query: candidate search {searchCpu / n:F1} us, scoring {scoreCpu / n:F1} us"));
        Console.WriteLine(string.Create(inv, $"per query: analyze {analyze / n:F1} us, candidate search {search / n:F1} us, scoring {score / n:F1} us ({candidates / (double)n:F1} candidates, {score / Math.Max(scored, 1):F2} us per scored pair)"));

        {
            var (p0, _) = analyzer.AnalyzeQuery(queries[0]);
            var pq = new PreparedName(p0, registry.Statistics, 0);
            int[] c0 = [.. CandidateSearch.Find(registry.Index, [pq]).ToArray().Select(x => x.Alias)];
            AliasRecord al = registry.Aliases[c0[0]];
            var sw0 = Stopwatch.StartNew();
            float acc = 0;
            for (int i = 0; i < 200_000; i++)
            {
                acc += model.Score(PairScorer.Compute(pq, al, true, 0));
            }

            Console.WriteLine(string.Create(inv, $"one pair ({queries[0]} / {string.Join(' ', al.Name.Tokens.Select(t => t.Text))}): {sw0.Elapsed.TotalMicroseconds / 200_000:F3} us {acc}"));
            sw0.Restart();
            for (int i = 0; i < 200_000; i++)
            {
                acc += Phonetics.Similarity(pq.Name.Tokens[0].Forms.Phonetic, al.Name.Tokens[0].Forms.Phonetic, 3, 3);
            }

            Console.WriteLine(string.Create(inv, $"one token similarity: {sw0.Elapsed.TotalMicroseconds / 200_000:F3} us {acc}"));
        }

        var sw = Stopwatch.StartNew();
        var fresh = new NameAnalyzer(new System.Collections.Concurrent.ConcurrentDictionary<string, TokenForms>(StringComparer.Ordinal));
        int names = 0;
        foreach (Entity e in registry.Entities.Take(5000))
        {
            foreach (EntityName name in e.Names)
            {
                fresh.AnalyzeAlias(name.Text, e.IsPerson);
                names++;
            }
        }

        Console.WriteLine(string.Create(inv, $"alias analysis, cold cache: {sw.Elapsed.TotalMicroseconds / names:F1} us per name"));
        sw.Restart();
        foreach (Entity e in registry.Entities.Take(5000))
        {
            foreach (EntityName name in e.Names)
            {
                fresh.AnalyzeAlias(name.Text, e.IsPerson);
            }
        }

        Console.WriteLine(string.Create(inv, $"alias analysis, warm cache: {sw.Elapsed.TotalMicroseconds / names:F1} us per name"));
    }
}
