using EntityResolver.Text;

namespace EntityResolver.Matching;

/// <summary>
/// Turns labelled queries into labelled pairs of features for fitting and calibration. For a
/// query, the pair of an entity is the one its best alias and reading give under the mining model
/// (what the resolver ranks by). Positives: the gold entities; negatives: the wrong entities among
/// the resolver's top candidates (the hard cases).
/// </summary>
internal sealed class PairMiner
{
    public const int NegativesPerQuery = 5;

    /// <summary>How many ranked candidates of a query feed the second stage (<see cref="Ranked"/>).</summary>
    public const int RankedPerQuery = 5;

    /// <summary>The weight of a query ranked with its own entities left out (a simulated absent entity).</summary>
    public const float SimulatedAbsentWeight = 0.5f;

    private readonly NameAnalyzer _analyzer = new();
    private readonly EntityRegistry _registry;
    private readonly ScoringModel _model;
    private readonly NameResolver _resolver;
    private readonly List<int>[] _aliasesOf;

    public PairMiner(EntityRegistry registry, ScoringModel model)
    {
        _registry = registry;
        _model = model;
        _resolver = new NameResolver(registry, null, model);
        _aliasesOf = new List<int>[registry.Count];
        for (int i = 0; i < registry.Count; i++)
        {
            _aliasesOf[i] = [];
        }

        for (int a = 0; a < registry.Aliases.Length; a++)
        {
            _aliasesOf[registry.Aliases[a].EntityIndex].Add(a);
        }
    }

    /// <summary>The query's readings prepared against the registry, as the resolver prepares them (see <see cref="PreparedName.Readings"/>).</summary>
    public PreparedName[] Prepare(string query) => PreparedName.Readings(_analyzer, query, _registry.Statistics);

    /// <summary>The best-scoring features of <paramref name="entityId"/> for the query, or null when the entity is unknown or has no usable name.</summary>
    public PairFeatures? Best(PreparedName[] readings, string entityId)
    {
        int e = _registry.IndexOf(entityId);
        if (e < 0)
        {
            return null;
        }

        Entity entity = _registry.Entities[e];
        PairFeatures? best = null;
        float bestScore = float.MinValue;
        foreach (int a in _aliasesOf[e])
        {
            foreach (PreparedName reading in readings)
            {
                PairFeatures f = PairScorer.Compute(reading, _registry.Aliases[a], entity.IsPerson, _registry.RankClassesAt(e));
                float s = _model.Logit(f);
                if (s > bestScore)
                {
                    bestScore = s;
                    best = f;
                }
            }
        }

        return best;
    }

    /// <summary>Labelled pairs of one query: one positive per gold entity in the registry, and the wrong entities among the top candidates.</summary>
    public void Mine(string query, IReadOnlyCollection<string> goldIds, List<TrainingPair> output, float weight = 1f)
    {
        PreparedName[] readings = Prepare(query);
        if (readings.Length == 0)
        {
            return;
        }

        foreach (string gold in goldIds)
        {
            if (Best(readings, gold) is { } f)
            {
                output.Add(new TrainingPair(f, true, weight));
            }
        }

        int negatives = 0;
        foreach (EntityMatch m in _resolver.Resolve(query, new ResolveOptions { Top = NegativesPerQuery + goldIds.Count, Threshold = 0 }))
        {
            if (negatives == NegativesPerQuery)
            {
                break;
            }

            if (goldIds.Contains(m.EntityId) || Best(readings, m.EntityId) is not { } f)
            {
                continue;
            }

            output.Add(new TrainingPair(f, false, weight));
            negatives++;
        }
    }

    /// <summary>The pair features of a ranked candidate (its alias and reading).</summary>
    public PairFeatures FeaturesOf(PreparedName[] readings, RankedCandidate c) =>
        PairScorer.Compute(readings[c.Reading], _registry.Aliases[c.Alias], _registry.EntityAt(c.Entity).IsPerson, _registry.RankClassesAt(c.Entity));

    /// <summary>
    /// The labelled rank of the target of a synthetic query among its ranked candidates, as a
    /// row for the second stage (nothing when the target is not among them).
    /// </summary>
    public void RankedTarget(string query, string targetId, Func<PairFeatures, bool> isMatch, List<RivalRow> output, float weight)
    {
        var options = new ResolveOptions { Top = RankedPerQuery, Threshold = 0 };
        foreach (RankedCandidate c in _resolver.Rank(query, options, out PreparedName[] readings, null, rivals: true).Take(RankedPerQuery))
        {
            if (string.Equals(_registry.EntityAt(c.Entity).Id, targetId, StringComparison.Ordinal))
            {
                PairFeatures f = FeaturesOf(readings, c);
                output.Add(new RivalRow(c.PairScore, c.RivalScore, isMatch(f), weight, f, c.Transliteration));
                return;
            }
        }
    }

    /// <summary>
    /// The top ranked candidates of a query with their pair and rival scores, labelled by the
    /// gold entities (none: the query's entity is absent). With <paramref name="simulateAbsent"/>
    /// the query is ranked a second time with its gold entities left out (at
    /// <see cref="SimulatedAbsentWeight"/>): what a query whose entity is not in the registry sees.
    /// </summary>
    public void Ranked(string query, IReadOnlyCollection<string> goldIds, List<RivalRow> output, bool simulateAbsent)
    {
        var options = new ResolveOptions { Top = RankedPerQuery, Threshold = 0 };
        void Add(Func<int, bool>? exclude, float weight)
        {
            foreach (RankedCandidate c in _resolver.Rank(query, options, out PreparedName[] readings, exclude, rivals: true).Take(RankedPerQuery))
            {
                output.Add(new RivalRow(c.PairScore, c.RivalScore, goldIds.Contains(_registry.EntityAt(c.Entity).Id), weight, FeaturesOf(readings, c), c.Transliteration));
            }
        }

        Add(null, 1f);
        if (simulateAbsent && goldIds.Count > 0)
        {
            Add(e => goldIds.Contains(_registry.EntityAt(e).Id), SimulatedAbsentWeight);
        }
    }
}
