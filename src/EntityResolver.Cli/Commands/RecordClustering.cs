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

    /// <summary>A pair score this high makes a name a common neighbour that lifts a cannot-link between two others.</summary>
    private const double StrongLink = 0.9;
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

        // Node k: anchors first, then each distinct (name, type) once; records with the same
        // name share a node (so that copies neither cost work nor crowd out other spellings
        // from a record's candidates). Node ids cannot collide with anchor ids.
        var nodeOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int a = 0; a < anchorCount; a++)
        {
            nodeOf[entities[a].Id] = a;
        }

        var distinct = new Dictionary<(string Name, string Type), int>();
        var recordNode = new int[records.Count];
        var copies = new List<int>();
        var nodeNames = new List<string>();
        for (int i = 0; i < records.Count; i++)
        {
            if (!distinct.TryGetValue(records[i], out int node))
            {
                node = anchorCount + distinct.Count;
                distinct[records[i]] = node;
                string id = "\u0001name:" + (node - anchorCount).ToString(CultureInfo.InvariantCulture);
                entities.Add(new Entity(id, records[i].Type, [new EntityName(records[i].Name)]));
                nodeOf[id] = node;
                copies.Add(0);
                nodeNames.Add(records[i].Name);
            }

            recordNode[i] = node;
            copies[node - anchorCount]++;
        }

        int n = entities.Count;
        var registry = EntityRegistry.Create(entities);
        var resolver = new NameResolver(registry, new ResolveOptions { Top = Math.Min(CandidatesPerRecord, Math.Max(1, n)), Threshold = 0, Explain = true });

        // Directed scores name -> node; anchors are resolved only as targets.
        var directed = new Dictionary<(int From, int To), double>();
        var differ = new HashSet<(int A, int B)>();
        for (int k = 0; k < nodeNames.Count; k++)
        {
            int from = anchorCount + k;
            foreach (EntityMatch m in resolver.Resolve(nodeNames[k]))
            {
                int to = nodeOf[m.EntityId];
                if (to != from)
                {
                    directed[(from, to)] = m.Explanation?.PairScore ?? m.Score;
                    if (ShowsDifference(m.Explanation))
                    {
                        differ.Add(from < to ? (from, to) : (to, from));
                    }
                }
            }
        }

        // A pair's score is the higher of its two directions: a partial mention ("Nasser") is a
        // reference to the full name ("Omar Nasser") although the full name does not resolve to
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
        // lack of evidence, not a difference. Nor do two names clearly differ when a third
        // name matches both strongly (two long titled forms of one name in two scripts that
        // the matcher fails to compare directly, each an exact match of the plain name).
        var strong = new Dictionary<int, HashSet<int>>();
        foreach (var ((a, b), score) in pairs)
        {
            if (score >= StrongLink)
            {
                (strong.TryGetValue(a, out var sa) ? sa : strong[a] = []).Add(b);
                (strong.TryGetValue(b, out var sb) ? sb : strong[b] = []).Add(a);
            }
        }

        var cannot = new HashSet<(int, int)>();
        foreach (var (key, score) in pairs)
        {
            if (score < _settings.CannotLinkBelow && differ.Contains(key)
                && !(strong.TryGetValue(key.A, out var na) && strong.TryGetValue(key.B, out var nb) && na.Overlaps(nb)))
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

        // A name that links to two names which may never share a cluster (a bare surname, to the
        // father's and to the son's full name) is ambiguous: it joins neither side, only other
        // ambiguous names. Otherwise whichever side is merged first would take it.
        var linked = new Dictionary<int, List<int>>();
        foreach (var ((a, b), score) in pairs)
        {
            if (score >= _settings.LinkThreshold)
            {
                (linked.TryGetValue(a, out var la) ? la : linked[a] = []).Add(b);
                (linked.TryGetValue(b, out var lb) ? lb : linked[b] = []).Add(a);
            }
        }

        var ambiguous = new HashSet<int>();
        foreach (var (x, neighbours) in linked)
        {
            if (neighbours.Any(y => neighbours.Any(z => y < z && cannot.Contains((y, z)))))
            {
                ambiguous.Add(x);
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
            if (ca != cb && ambiguous.Contains(a) == ambiguous.Contains(b) && !Conflicts(members[ca], members[cb], cannot))
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
            int node = recordNode[i];
            int c = clusterOf[node];
            int anchor = members[c].Where(k => k < anchorCount).DefaultIfEmpty(-1).Min();
            if (!names.TryGetValue(c, out string? name))
            {
                name = anchor >= 0 ? entities[anchor].Id : "c" + (next++).ToString(CultureInfo.InvariantCulture);
                names[c] = name;
            }

            int size = members[c].Where(k => k >= anchorCount).Sum(k => copies[k - anchorCount]);

            // An identical copy holds a record in its cluster with certainty.
            double score = copies[node - anchorCount] > 1 || members[c].Count == 1 ? 1.0 : best[node];
            result[i] = new DedupeResult(name, score, size);
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
