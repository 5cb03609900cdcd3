using System.Globalization;

namespace EntityResolver.Cli.Commands;

/// <summary>
/// The clustering behind <c>dedupe</c>: candidate pairs and scores from the core resolver over a
/// registry built from the records, then greedy agglomeration from the strongest pair down with
/// cannot-link constraints between clusters.
/// </summary>
internal sealed class RecordClustering
{
    private const int CandidatesPerRecord = 100;
    private readonly DedupeSettings _settings;
    private readonly EntityRegistry? _anchors;

    public RecordClustering(DedupeSettings settings, EntityRegistry? anchors)
    {
        _settings = settings;
        _anchors = anchors;
    }

    /// <summary>The number of clusters of the last run.</summary>
    public int ClusterCount { get; private set; }

    /// <summary>Clusters the records (name, entity type); the result is aligned with the input.</summary>
    public DedupeResult[] Cluster(IReadOnlyList<(string Name, string Type)> records)
    {
        int anchorCount = _anchors?.Count ?? 0;
        var entities = new List<Entity>(anchorCount + records.Count);
        if (_anchors is not null)
        {
            entities.AddRange(_anchors.Entities);
        }

        // Node k: anchors first, then the records. Record ids cannot collide with anchor ids.
        var nodeOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int a = 0; a < anchorCount; a++)
        {
            nodeOf[entities[a].Id] = a;
        }

        for (int i = 0; i < records.Count; i++)
        {
            string id = "\u0001record:" + i.ToString(CultureInfo.InvariantCulture);
            entities.Add(new Entity(id, records[i].Type, [new EntityName(records[i].Name)]));
            nodeOf[id] = anchorCount + i;
        }

        int n = entities.Count;
        var registry = EntityRegistry.Create(entities);
        var resolver = new NameResolver(registry, new ResolveOptions { Top = Math.Min(CandidatesPerRecord, Math.Max(1, n)), Threshold = 0, Explain = true });

        // Directed scores record -> node; anchors are resolved only as targets.
        var directed = new Dictionary<(int From, int To), double>();
        var differ = new HashSet<(int A, int B)>();
        for (int i = 0; i < records.Count; i++)
        {
            int from = anchorCount + i;
            foreach (EntityMatch m in resolver.Resolve(records[i].Name))
            {
                int to = nodeOf[m.EntityId];
                if (to != from)
                {
                    directed[(from, to)] = m.Score;
                    if (ShowsDifference(m.Explanation))
                    {
                        differ.Add(from < to ? (from, to) : (to, from));
                    }
                }
            }
        }

        // A pair's score is the higher of its two directions: a partial mention ("Munir") is a
        // reference to the full name ("Asim Munir") although the full name does not resolve to
        // the bare surname.
        var pairs = new Dictionary<(int A, int B), double>();
        foreach (var ((from, to), score) in directed)
        {
            var key = from < to ? (from, to) : (to, from);
            pairs[key] = pairs.TryGetValue(key, out double other) ? Math.Max(score, other) : score;
        }

        // A cannot-link needs a low score in both directions and positive evidence that the
        // names differ (a conflicting token, given names that differ): the father's name does
        // not resolve to the son's nor the son's to the father's, and the matcher says why. A
        // low score that only reflects missing tokens (a bare surname in another script) is
        // lack of evidence, not a difference.
        var cannot = new HashSet<(int, int)>();
        foreach (var (key, score) in pairs)
        {
            if (score < _settings.CannotLinkBelow && differ.Contains(key))
            {
                cannot.Add(key);
            }
        }

        for (int a = 0; a < anchorCount; a++)
        {
            for (int b = a + 1; b < anchorCount; b++)
            {
                cannot.Add((a, b));
            }
        }

        var members = new List<int>[n];
        var clusterOf = new int[n];
        var best = new double[n];
        for (int k = 0; k < n; k++)
        {
            members[k] = [k];
            clusterOf[k] = k;
        }

        foreach (var ((a, b), score) in pairs.Where(p => p.Value >= _settings.LinkThreshold).OrderByDescending(p => p.Value).ThenBy(p => p.Key.A).ThenBy(p => p.Key.B))
        {
            int ca = clusterOf[a];
            int cb = clusterOf[b];
            if (ca != cb && !Conflicts(members[ca], members[cb], cannot))
            {
                (int keep, int drop) = members[ca].Count >= members[cb].Count ? (ca, cb) : (cb, ca);
                foreach (int k in members[drop])
                {
                    clusterOf[k] = keep;
                }

                members[keep].AddRange(members[drop]);
                members[drop] = [];
            }

            if (clusterOf[a] == clusterOf[b])
            {
                best[a] = Math.Max(best[a], score);
                best[b] = Math.Max(best[b], score);
            }
        }

        // Cluster ids: the anchor's id, else c1, c2, ... in order of first appearance.
        var names = new Dictionary<int, string>();
        var result = new DedupeResult[records.Count];
        int next = 1;
        for (int i = 0; i < records.Count; i++)
        {
            int node = anchorCount + i;
            int c = clusterOf[node];
            int anchor = members[c].Where(k => k < anchorCount).DefaultIfEmpty(-1).Min();
            if (!names.TryGetValue(c, out string? name))
            {
                name = anchor >= 0 ? entities[anchor].Id : "c" + (next++).ToString(CultureInfo.InvariantCulture);
                names[c] = name;
            }

            int size = members[c].Count(k => k >= anchorCount);
            result[i] = new DedupeResult(name, members[c].Count > 1 ? best[node] : 1.0, size);
        }

        ClusterCount = names.Count;
        return result;
    }

    /// <summary>Whether the matcher saw a contradiction (a conflicting token or a mismatch feature), not just missing tokens.</summary>
    private static bool ShowsDifference(MatchExplanation? explanation) =>
        explanation is not null
        && (explanation.Tokens.Any(t => t.Outcome == TokenOutcome.Conflict)
            || explanation.Features.Any(f => f.Value > 0 && (f.Feature.Contains("mismatch", StringComparison.Ordinal) || f.Feature.Contains("conflict", StringComparison.Ordinal))));

    private static bool Conflicts(List<int> a, List<int> b, HashSet<(int, int)> cannot)
    {
        foreach (int x in a)
        {
            foreach (int y in b)
            {
                if (cannot.Contains(x < y ? (x, y) : (y, x)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
