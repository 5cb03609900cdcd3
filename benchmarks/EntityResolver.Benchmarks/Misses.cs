using System.Globalization;
using EntityResolver.DataGen;
using EntityResolver.Indexing;
using EntityResolver.Matching;
using EntityResolver.Text;

namespace EntityResolver.Benchmarks;

/// <summary>
/// A cheap stand-in for the brute-force recall: for every present query, the gold entity's best
/// alias score and the best score among the candidates. A query is counted (eligible) when the
/// gold would be the top match if it were a candidate (its score at or above the threshold and
/// above every candidate's); brute force can only count fewer (it may find a better non-candidate).
/// The missed eligible queries are listed with where the gold alias was lost: not admitted, not
/// shortlisted, or below the cut.
/// </summary>
internal static class Misses
{
    public static void Run(string size, int list)
    {
        var inv = CultureInfo.InvariantCulture;
        EntityRegistry registry = Accuracy.Load(size);
        var byEntity = new Dictionary<int, List<int>>();
        var analyzer = new NameAnalyzer();
        ScoringModel model = ScoringModel.Default;
        List<GeneratedQuery> queries = [.. BenchData.Queries(size).Where(q => q.GoldId is not null)];
        var goldIndex = new HashSet<int>();
        var entityIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int e = 0; e < registry.Count; e++)
        {
            entityIndex[registry.EntityAt(e).Id] = e;
        }

        foreach (GeneratedQuery q in queries)
        {
            if (entityIndex.TryGetValue(q.GoldId!, out int e))
            {
                goldIndex.Add(e);
            }
        }

        for (int a = 0; a < registry.Aliases.Length; a++)
        {
            int e = registry.Aliases[a].EntityIndex;
            if (goldIndex.Contains(e))
            {
                (byEntity.TryGetValue(e, out var l) ? l : byEntity[e] = []).Add(a);
            }
        }

        int eligible = 0, found = 0, present = 0, candidates = 0;
        var stages = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var phases = new long[8];
        long admittedSum = 0;
        // Phase times: a warm-up pass (JIT, caches), then the fastest of five timed passes.
        PreparedName[] prepared0 = [.. queries.Select(q => analyzer.AnalyzeQuery(q.Text).Primary).Where(p => !p.IsEmpty).Select(p => new PreparedName(p, registry.Statistics, 0))];
        var best = new long[8];
        long lookups = 0, keysFound = 0; // of one pass
        Array.Fill(best, long.MaxValue);
        for (int pass = 0; pass < 6; pass++)
        {
            var timing = new CandidateSearch.SearchTrace([]);
            CandidateSearch.Trace = timing;
            foreach (PreparedName p in prepared0)
            {
                CandidateSearch.Find(registry.Index, [p]);
            }

            CandidateSearch.Trace = null;
            (lookups, keysFound) = (timing.KeyLookups, timing.KeysFound);
            for (int i = 0; pass > 0 && i < best.Length; i++)
            {
                best[i] = Math.Min(best[i], timing.Phases[i]);
            }
        }

        foreach (GeneratedQuery q in queries)
        {
            var (primary, _) = analyzer.AnalyzeQuery(q.Text);
            if (primary.IsEmpty || !entityIndex.TryGetValue(q.GoldId!, out int gold))
            {
                continue;
            }

            present++;
            ulong ranks = primary.Titles.Length > 0 ? Lexicon.Default.RankClasses(primary.Titles) : 0;
            var prepared = new PreparedName(primary, registry.Statistics, ranks);
            List<int> goldAliases = byEntity[gold];
            var trace = new CandidateSearch.SearchTrace(goldAliases);
            CandidateSearch.Trace = trace;
            Candidate[] found0 = CandidateSearch.Find(registry.Index, [prepared]).ToArray();
            CandidateSearch.Trace = null;
            admittedSum += trace.AdmittedCount;

            candidates += found0.Length;

            float Score(int a)
            {
                AliasRecord alias = registry.Aliases[a];
                return model.Score(PairScorer.Compute(prepared, alias, registry.EntityAt(alias.EntityIndex).IsPerson, registry.RankClassesAt(alias.EntityIndex)));
            }

            float goldScore = goldAliases.Max(Score);
            float bestOther = -1f;
            bool hit = false;
            foreach (Candidate c in found0)
            {
                if (registry.Aliases[c.Alias].EntityIndex == gold)
                {
                    hit = true;
                }
                else
                {
                    bestOther = MathF.Max(bestOther, Score(c.Alias));
                }
            }

            if (goldScore < 0.5f || goldScore < bestOther)
            {
                continue;
            }

            eligible++;
            if (hit)
            {
                found++;
                continue;
            }

            string stage = !trace.Admitted ? "not admitted" : trace.ShortlistRank < 0 ? "not shortlisted" : "cut";
            stages[stage] = stages.GetValueOrDefault(stage) + 1;
            if (eligible - found <= list)
            {
                string names = string.Join(" | ", goldAliases.Select(a => string.Join(' ', registry.Aliases[a].Name.Tokens.Select(t => $"{t.Text}[{t.Forms.Skeleton}]"))));
                var parts = new List<string>();
                NameToken? previous = null;
                foreach (NameToken t in primary.Tokens.Where(t => t.Role == TokenRole.Name && t.Forms.Skeleton.Length > 0))
                {
                    var keys = new HashSet<string>(StringComparer.Ordinal);
                    CandidateIndex.AddKeys(t.Forms.Skeleton, keys);
                    string deletions = string.Join(',', keys.Where(k => k != t.Forms.Skeleton).Select(k => registry.Index.Postings(k).Length));
                    string joined = previous is null ? "" : $" +{registry.Index.Postings(CandidateIndex.JoinedSkeleton(previous, t)).Length}";
                    parts.Add($"{t.Text}[{t.Forms.Skeleton}:{registry.Index.Postings(t.Forms.Skeleton).Length}/{deletions}{joined}]");
                    previous = t;
                }

                string query = string.Join(' ', parts);
                Console.WriteLine(string.Create(inv, $"  {stage}: {query} ({q.Noise}) gold {goldScore:F2} vs {bestOther:F2}; admitted {trace.AdmittedCount}, shortlist rank {trace.ShortlistRank}, exact rank {trace.ExactRank} ({trace.ExactWeights.Watched:F3} of {trace.ExactWeights.First:F3}), {found0.Length} candidates; gold: {names}"));
            }
        }

        Console.WriteLine(string.Create(inv, $"{size}: {present} present queries, {candidates / (double)present:F1} candidates per query; eligible (gold would win if a candidate) {eligible}; gold a candidate {found} = {100.0 * found / Math.Max(eligible, 1):F2}%"));
        double us = 1e6 / System.Diagnostics.Stopwatch.Frequency / prepared0.Length;

        phases = best;
        Console.WriteLine(string.Create(inv, $"  search phases per query (wall, fastest of 5 passes): terms and keys {phases[0] * us:F1} us, pairs {phases[1] * us:F1} us, intersection {phases[2] * us:F1} us, admission and boost {phases[4] * us:F1} us, shortlist {phases[3] * us:F1} us, exact: loads {phases[6] * us:F1} us, overlaps {phases[7] * us:F1} us, sort and cut {phases[5] * us:F1} us; {admittedSum / (double)present:F0} aliases admitted per query"));
        Console.WriteLine(string.Create(inv, $"  key lookups per query: {lookups / (double)prepared0.Length:F1}, {100.0 * keysFound / Math.Max(1, lookups):F0} % finding a key"));
        foreach (var (stage, n) in stages)
        {
            Console.WriteLine($"  lost when {stage}: {n}");
        }
    }
}
