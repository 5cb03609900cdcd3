using EntityResolver.Matching;
using System.Diagnostics;

namespace EntityResolver.Quality;

/// <summary>The figures of one dataset, per script pair and in total.</summary>
internal sealed class DatasetResult
{
    public required string Name { get; init; }

    public required int RegistryEntities { get; init; }

    public required int EvaluatedQueries { get; init; }

    public required int AvailableQueries { get; init; }

    public required int BaselineQueries { get; init; }

    public required SortedDictionary<string, (ResolutionMetrics Resolver, ResolutionMetrics Baseline)> Groups { get; init; }

    public required TimeSpan ResolverTime { get; init; }

    /// <summary>Every evaluated query's outcome: whether its entity is absent, the gold's rank (1-based, 0 if not ranked) and the first candidate's score (negative infinity if none).</summary>
    public required List<(bool Absent, int GoldRank, double Score)> Outcomes { get; init; }

    public required TimeSpan BaselineTime { get; init; }

    /// <summary>Absent queries answered at the default threshold: all of them, and those whose answer is also the answer to the absent entity's own (Latin) name.</summary>
    public required (int Answered, int Alike) FalsePositives { get; init; }

    public (ResolutionMetrics Resolver, ResolutionMetrics Baseline) Total
    {
        get
        {
            var r = new ResolutionMetrics();
            var b = new ResolutionMetrics();
            foreach (var (gr, gb) in Groups.Values)
            {
                r.Add(gr);
                b.Add(gb);
            }

            return (r, b);
        }
    }
}

/// <summary>Runs the resolver and the FuzzySharp baseline over the test and absent queries of a dev set.</summary>
internal static class Evaluator
{
    /// <summary>The baseline's acceptance threshold on WRatio / 100 (the usual cut-off of fuzzy matching).</summary>
    public const double BaselineThreshold = 0.85;

    /// <summary>The evaluated queries of <paramref name="ds"/>: test and absent roles, in a deterministic pseudo-random order, at most <paramref name="limit"/>.</summary>
    public static List<DevPair> EvaluationPairs(DevDataset ds, int limit) =>
        [.. ds.Pairs.Where(p => ds.RoleOf(p) != SplitRole.Train)
            .OrderBy(p => DevDataset.Fnv(p.Query + "\t" + p.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ThenBy(p => p.Line)
            .Take(limit)];

    /// <summary>
    /// Whether the registry's name of one of the <paramref name="absent"/> entities (Latin; the
    /// query was its name in another script) is itself answered with <paramref name="answer"/>
    /// at the threshold: then even the name in the registry's own script cannot tell the absent
    /// entity from the one answered (Megh-nad and Meghnad, two entities), and the false positive
    /// is one of the data, not of the transliteration.
    /// </summary>
    private static bool AnsweredAlike(NameResolver resolver, Entity answer, IEnumerable<Entity?> absent, double threshold) =>
        absent.Any(e => e is not null
            && resolver.Resolve(e.Name, new ResolveOptions { Top = 1, Threshold = threshold }) is [{ } m]
            && string.Equals(m.EntityId, answer.Id, StringComparison.Ordinal));

    public static string GroupOf(DevPair p) => p.Type is null ? $"{p.Script}→Latn" : $"{p.Script}→Latn {p.Type}";

    public static DatasetResult Run(DevDataset ds, EntityRegistry registry, NameResolver resolver, int limit, int baselineLimit, int showMisses = 0)
    {
        double threshold = ResolveOptions.Default.Threshold;
        var options = new ResolveOptions { Top = 10, Threshold = 0 };
        List<DevPair> pairs = EvaluationPairs(ds, limit);
        int available = ds.Pairs.Count(p => ds.RoleOf(p) != SplitRole.Train);
        var groups = new SortedDictionary<string, (ResolutionMetrics, ResolutionMetrics)>(StringComparer.Ordinal);

        var outcomes = new List<(bool, int, double)>(pairs.Count);
        var answeredAbsent = new List<(Entity Answer, string[] GoldIds)>();
        var sw = Stopwatch.StartNew();
        foreach (DevPair p in pairs)
        {
            (ResolutionMetrics r, ResolutionMetrics _) = Group(groups, GroupOf(p));
            IReadOnlyList<EntityMatch> matches = resolver.Resolve(p.Query, options);
            double score = matches.Count > 0 ? matches[0].Score : double.NegativeInfinity; // no candidate: never answered
            bool answered = score >= threshold;
            if (ds.RoleOf(p) == SplitRole.Absent)
            {
                outcomes.Add((true, 0, score));
                r.AddAbsent(answered);
                if (answered)
                {
                    answeredAbsent.Add((matches[0].Entity, p.GoldIds));
                }

                if (answered && showMisses-- > 0)
                {
                    Console.Error.WriteLine($"false positive: {p.Query} (absent) → {matches[0].Name} {matches[0].Score:0.000}");
                }
            }
            else
            {
                int rank = 0;
                for (int i = 0; i < matches.Count && rank == 0; i++)
                {
                    if (p.GoldIds.Contains(matches[i].EntityId, StringComparer.Ordinal))
                    {
                        rank = i + 1;
                    }
                }

                outcomes.Add((false, rank, score));
                r.AddPresent(rank, answered);
                if (rank != 1 && showMisses-- > 0)
                {
                    string gold = registry.TryGetEntity(p.GoldIds[0], out Entity? g) ? g!.Name : p.GoldIds[0];
                    Console.Error.WriteLine($"miss: {p.Query} → gold {gold} (rank {rank}); first: {(matches.Count > 0 ? $"{matches[0].Name} {matches[0].Score:0.000}" : "none")}");
                }
            }
        }

        TimeSpan resolverTime = sw.Elapsed;

        // Outside the timed loop: each false positive's absent entity is resolved by its own name.
        Dictionary<string, Entity> all = ds.Entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        int alike = answeredAbsent.Count(a => AnsweredAlike(resolver, a.Answer, a.GoldIds.Select(id => all.GetValueOrDefault(id)), threshold));
        sw.Restart();
        int baselineCount = Math.Min(baselineLimit, pairs.Count);
        if (baselineCount > 0)
        {
            var baseline = new FuzzyBaseline(registry);
            foreach (DevPair p in pairs.Take(baselineCount))
            {
                (ResolutionMetrics _, ResolutionMetrics b) = Group(groups, GroupOf(p));
                List<(int Entity, double Score)> ranked = baseline.Rank(p.Query, 10);
                bool answered = ranked.Count > 0 && ranked[0].Score >= BaselineThreshold;
                if (ds.RoleOf(p) == SplitRole.Absent)
                {
                    b.AddAbsent(answered);
                }
                else
                {
                    int rank = 0;
                    for (int i = 0; i < ranked.Count && rank == 0; i++)
                    {
                        if (p.GoldIds.Contains(registry.Entities[ranked[i].Entity].Id, StringComparer.Ordinal))
                        {
                            rank = i + 1;
                        }
                    }

                    b.AddPresent(rank, answered);
                }
            }
        }

        return new DatasetResult
        {
            Name = ds.Name,
            FalsePositives = (answeredAbsent.Count, alike),
            RegistryEntities = registry.Count,
            EvaluatedQueries = pairs.Count,
            AvailableQueries = available,
            BaselineQueries = baselineCount,
            Groups = groups,
            ResolverTime = resolverTime,
            Outcomes = outcomes,
            BaselineTime = sw.Elapsed,
        };
    }

    /// <summary>The thresholds of <see cref="OperatingPoints"/>: a fixed sweep, not tuned on the evaluated queries.</summary>
    public static readonly double[] SweptThresholds = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99];

    /// <summary>
    /// Precision, recall, F1 and false-positive rate of <paramref name="r"/>'s queries (all script
    /// pairs together) at each of <see cref="SweptThresholds"/>: what a user who thresholds the
    /// score higher than the default gives up and gains.
    /// </summary>
    public static List<(double Threshold, ResolutionMetrics Metrics)> OperatingPoints(DatasetResult r) =>
        [.. SweptThresholds.Select(t => (t, ResolutionMetrics.At(r.Outcomes, t)))];

    private static (ResolutionMetrics, ResolutionMetrics) Group(SortedDictionary<string, (ResolutionMetrics, ResolutionMetrics)> groups, string key)
    {
        if (!groups.TryGetValue(key, out var g))
        {
            g = (new ResolutionMetrics(), new ResolutionMetrics());
            groups[key] = g;
        }

        return g;
    }
}
