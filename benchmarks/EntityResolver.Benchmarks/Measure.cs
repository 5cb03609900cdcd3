using System.Diagnostics;
using System.Globalization;
using EntityResolver.DataGen;
using EntityResolver.Indexing;
using EntityResolver.Matching;
using EntityResolver.Registry;
using EntityResolver.Text;

namespace EntityResolver.Benchmarks;

/// <summary>
/// The figures BenchmarkDotNet does not give: build and snapshot times, memory per alias, per-query
/// latency percentiles from a plain single-threaded loop, index recall against brute force, accuracy.
/// </summary>
internal static class Measure
{
    public static void Run(string size, int recallQueries)
    {
        var inv = CultureInfo.InvariantCulture;
        string path = BenchData.RegistryPath(size);
        List<GeneratedQuery> queries = BenchData.Queries(size);
        Console.WriteLine($"registry {path}");

        GC.Collect();
        GC.WaitForPendingFinalizers();
        long baseline = GC.GetTotalMemory(true);
        var sw = Stopwatch.StartNew();
        List<Entity> entities = RegistryReader.ReadFile(path);
        double readMs = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        EntityRegistry registry = EntityRegistry.Create(entities);
        double buildMs = sw.Elapsed.TotalMilliseconds;
        entities = null!;
        long bytes = GC.GetTotalMemory(true) - baseline;
        GC.KeepAlive(registry);
        Console.WriteLine(string.Create(inv, $"entities {registry.Count}, aliases {registry.NameCount}, index keys {registry.Index.KeyCount}, postings {registry.Index.PostingCount}"));
        Console.WriteLine(string.Create(inv, $"read JSONL {readMs:F0} ms, build (analyze + statistics + index) {buildMs:F0} ms, total {readMs + buildMs:F0} ms"));
        Console.WriteLine(string.Create(inv, $"memory: registry {bytes / 1048576.0:F1} MiB = {bytes / (double)registry.NameCount:F0} B per alias (index {registry.Index.ApproximateBytes / (double)registry.NameCount:F0} B per alias)"));

        string snapshot = BenchData.SnapshotPath(size);
        sw.Restart();
        using (var file = File.Create(snapshot))
        {
            registry.SaveSnapshot(file);
        }

        double saveMs = sw.Elapsed.TotalMilliseconds;
        registry = null!;
        GC.Collect();
        sw.Restart();
        registry = EntityRegistry.Load(snapshot);
        double loadMs = sw.Elapsed.TotalMilliseconds;
        Console.WriteLine(string.Create(inv, $"snapshot: save {saveMs:F0} ms, {new FileInfo(snapshot).Length / 1048576.0:F1} MiB; load {loadMs:F0} ms = {(readMs + buildMs) / loadMs:F1}x faster than read + build"));

        var resolver = new NameResolver(registry);
        for (int i = 0; i < Math.Min(300, queries.Count); i++)
        {
            resolver.Resolve(queries[i].Text);
        }

        var latencies = new double[queries.Count];
        int present = 0, top1 = 0, absent = 0, rejected = 0;
        for (int i = 0; i < queries.Count; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            IReadOnlyList<EntityMatch> matches = resolver.Resolve(queries[i].Text);
            latencies[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
            if (queries[i].GoldId is { } gold)
            {
                present++;
                top1 += matches.Count > 0 && matches[0].EntityId == gold ? 1 : 0;
            }
            else
            {
                absent++;
                rejected += matches.Count == 0 ? 1 : 0;
            }
        }

        Array.Sort(latencies);
        Console.WriteLine(string.Create(inv, $"latency (single thread, {queries.Count} queries): p50 {Percentile(latencies, 0.5):F1} us, p90 {Percentile(latencies, 0.9):F1} us, p99 {Percentile(latencies, 0.99):F1} us, max {latencies[^1]:F1} us, mean {latencies.Average():F1} us"));
        Console.WriteLine(string.Create(inv, $"accuracy: top-1 {top1}/{present} = {100.0 * top1 / present:F1}% of present queries; absent with no match {rejected}/{absent} = {100.0 * rejected / Math.Max(absent, 1):F1}%"));

        if (Environment.GetEnvironmentVariable("ER_RECALL_ONLY") == "1")
        {
            queries = [.. queries.Where(q => q.GoldId is not null)];
        }

        if (recallQueries > 0)
        {
            var (eligible, found) = Recall(registry, resolver, queries.Where(q => q.GoldId is not null).Take(recallQueries));
            Console.WriteLine(string.Create(inv, $"index recall: gold among candidates for {found}/{eligible} = {100.0 * found / Math.Max(eligible, 1):F2}% of queries whose brute-force best entity is the gold one"));
        }
    }

    /// <summary>Per-query latency on the snapshot: wall clock and thread CPU time (the machine may be shared).</summary>
    /// <param name="size">The benchmark registry (10k, 100k, 1m).</param>
    /// <param name="rounds">How many times the queries are run.</param>
    /// <param name="model">The scoring model, as <see cref="MatchModel.FromSetting"/> reads it (default, fitted, a path).</param>
    public static void Latency(string size, int rounds, string model = "default")
    {
        var inv = CultureInfo.InvariantCulture;
        var sw = Stopwatch.StartNew();
        EntityRegistry registry = Accuracy.Load(size);
        Console.WriteLine(string.Create(inv, $"{size}: loaded {registry.Count} entities, {registry.NameCount} aliases in {sw.Elapsed.TotalMilliseconds:F0} ms"));
        List<GeneratedQuery> queries = BenchData.Queries(size);
        var resolver = new NameResolver(registry, MatchModel.FromSetting(model));
        foreach (GeneratedQuery q in queries.Take(300))
        {
            resolver.Resolve(q.Text);
        }

        var wall = new List<double>();
        var cpu = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            foreach (GeneratedQuery q in queries)
            {
                double c0 = CpuClock.NowMicroseconds();
                long t0 = Stopwatch.GetTimestamp();
                resolver.Resolve(q.Text);
                wall.Add(Stopwatch.GetElapsedTime(t0).TotalMicroseconds);
                cpu.Add(CpuClock.NowMicroseconds() - c0);
            }
        }

        double[] w = [.. wall.Order()], c = [.. cpu.Order()];
        if (Environment.GetEnvironmentVariable("ER_LATENCY_SLOWEST") is { } slowest)
        {
            // The slowest queries by thread CPU (the fastest of the rounds, so that a query is slow, not its moment).
            var byQuery = Enumerable.Range(0, queries.Count).Select(i => (Query: queries[i].Text, Us: Enumerable.Range(0, rounds).Min(r => cpu[r * queries.Count + i])));
            foreach (var (query, us) in byQuery.OrderByDescending(x => x.Us).Take(int.Parse(slowest, inv)))
            {
                // The candidate search of its first reading alone (fastest of three), and how many candidates it gave.
                int found = 0;
                double search = double.MaxValue;
                for (int r = 0; r < 3; r++)
                {
                    double s0 = CpuClock.NowMicroseconds();
                    found = resolver.CandidateAliases(query).Length;
                    search = Math.Min(search, CpuClock.NowMicroseconds() - s0);
                }

                double warm = double.MaxValue;
                for (int r = 0; r < 5; r++)
                {
                    double s0 = CpuClock.NowMicroseconds();
                    resolver.Resolve(query);
                    warm = Math.Min(warm, CpuClock.NowMicroseconds() - s0);
                }

                var trace = new CandidateSearch.SearchTrace([]);
                CandidateSearch.Trace = trace;
                resolver.CandidateAliases(query);
                CandidateSearch.Trace = null;
                string phases = string.Join('/', trace.Phases.Select(t => (t * 1e6 / Stopwatch.Frequency).ToString("F0", inv)));
                Console.WriteLine(string.Create(inv, $"  {us,8:F1} us (warm {warm,6:F1} us, search {search,6:F1} us, {found,3} candidates; phases {phases}; admitted {trace.AdmittedCount})  {query}"));
            }
        }

        Console.WriteLine(string.Create(inv, $"{size} latency over {w.Length} queries (single thread): wall p50 {Percentile(w, 0.5):F1} us, p90 {Percentile(w, 0.9):F1}, p99 {Percentile(w, 0.99):F1}, mean {w.Average():F1}; thread CPU p50 {Percentile(c, 0.5):F1} us, p90 {Percentile(c, 0.9):F1}, p99 {Percentile(c, 0.99):F1}, mean {c.Average():F1}"));

        // Each pass over the queries apart: the first runs partly on code not yet tiered up
        // (docs/benchmarks.md, thirty-first session), the later ones show the steady state.
        for (int round = 0; round < rounds; round++)
        {
            double[] r = [.. cpu.Skip(round * queries.Count).Take(queries.Count).Order()];
            Console.WriteLine(string.Create(inv, $"  pass {round + 1}: thread CPU p50 {Percentile(r, 0.5):F1} us, p99 {Percentile(r, 0.99):F1}"));
        }
    }

    /// <summary>
    /// Where the candidate search put the gold entity (its first alias in the search order) for
    /// the present queries that the resolver answers right: how many candidates full scoring
    /// needs to see.
    /// </summary>
    public static void Ranks(string size)
    {
        EntityRegistry registry = Accuracy.Load(size);
        var resolver = new NameResolver(registry);
        int[] bounds = [1, 2, 4, 8, 16, 24, 32, 48, 64, 128];
        var counts = new int[bounds.Length + 1];
        int right = 0;
        foreach (GeneratedQuery q in BenchData.Queries(size).Where(q => q.GoldId is not null))
        {
            var matches = resolver.Resolve(q.Text);
            if (matches.Count == 0 || matches[0].EntityId != q.GoldId)
            {
                continue;
            }

            right++;
            int rank = Array.FindIndex(resolver.CandidateAliases(q.Text), a => registry.EntityAt(registry.Aliases[a].EntityIndex).Id == q.GoldId);
            int bucket = Array.FindIndex(bounds, b => rank < b);
            counts[rank < 0 || bucket < 0 ? bounds.Length : bucket]++;
        }

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"{size}: {right} present queries answered right; the gold's rank in the search order (first reading):"));
        for (int i = 0; i < bounds.Length; i++)
        {
            Console.WriteLine(string.Create(inv, $"  below {bounds[i],3}: {counts[i],5}"));
        }

        Console.WriteLine(string.Create(inv, $"  later or not a candidate of the first reading: {counts[^1]}"));
    }

    /// <summary>Only the recall figure, on the snapshot (or JSON Lines) of a size.</summary>
    public static void RecallOnly(string size, int count)
    {
        EntityRegistry registry = Accuracy.Load(size);
        var resolver = new NameResolver(registry);
        var (eligible, found) = Recall(registry, resolver, BenchData.Queries(size).Where(q => q.GoldId is not null).Take(count));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size} index recall: gold among candidates for {found}/{eligible} = {100.0 * found / Math.Max(eligible, 1):F2}% of queries whose brute-force best entity is the gold one"));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>Brute force: every alias scored; counts the queries whose best entity is the gold one, and those whose candidates include it.</summary>
    public static (int Eligible, int Found) Recall(EntityRegistry registry, NameResolver resolver, IEnumerable<GeneratedQuery> queries)
    {
        var analyzer = new NameAnalyzer();
        ScoringModel model = ScoringModel.Default;
        int eligible = 0, found = 0;
        foreach (GeneratedQuery q in queries)
        {
            var (primary, _) = analyzer.AnalyzeQuery(q.Text);
            if (primary.IsEmpty || !registry.TryGetEntity(q.GoldId!, out _))
            {
                continue;
            }

            ulong ranks = primary.Titles.Length > 0 ? Lexicon.Default.RankClasses(primary.Titles) : 0;
            object gate = new();
            float bestScore = -1f;
            int bestEntity = -1;

            // One prepared query per worker: its similarity memo is not thread-safe.
            Parallel.For(0, registry.Aliases.Length, () => (Score: -1f, Entity: -1, Query: new PreparedName(primary, registry.Statistics, ranks)), (a, _, local) =>
            {
                AliasRecord alias = registry.Aliases[a];
                bool person = registry.EntityAt(alias.EntityIndex).IsPerson;
                float s = model.Score(PairScorer.Compute(local.Query, alias, person, registry.RankClassesAt(alias.EntityIndex)));
                if (s > local.Score || (s == local.Score && alias.EntityIndex < local.Entity))
                {
                    local = (s, alias.EntityIndex, local.Query);
                }

                return local;
            }, local =>
            {
                lock (gate)
                {
                    if (local.Score > bestScore || (local.Score == bestScore && local.Entity < bestEntity))
                    {
                        (bestScore, bestEntity) = (local.Score, local.Entity);
                    }
                }
            });

            if (bestEntity < 0 || bestScore < resolver.Defaults.Threshold || registry.EntityAt(bestEntity).Id != q.GoldId)
            {
                continue;
            }

            eligible++;
            int[] candidates = resolver.CandidateAliases(q.Text);
            if (candidates.Any(a => registry.Aliases[a].EntityIndex == bestEntity))
            {
                found++;
            }
            else if (eligible - found <= 12)
            {
                Console.WriteLine($"  missed: {q.Text} ({q.Noise}) -> {registry.EntityAt(bestEntity)} score {bestScore:F2}; {candidates.Length} candidates, first {(candidates.Length > 0 ? registry.Entities[registry.Aliases[candidates[0]].EntityIndex].ToString() : "-")}");
            }
        }

        return (eligible, found);
    }
}
