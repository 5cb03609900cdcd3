using System.Globalization;
using EntityResolver.Indexing;
using EntityResolver.Matching;
using EntityResolver.Text;

namespace EntityResolver;

/// <summary>
/// Resolves names, in any supported script, against an <see cref="EntityRegistry"/>: candidate
/// generation through the registry's index, token alignment, a calibrated score. Thread-safe;
/// create one per registry and share it.
/// </summary>
/// <example>
/// <code>
/// var resolver = new NameResolver(EntityRegistry.Default);
/// foreach (EntityMatch m in resolver.Resolve("सद्दाम खालिद हाफ़्तार"))
///     Console.WriteLine($"{m.EntityId} {m.Score:0.00}");
/// </code>
/// </example>
public sealed class NameResolver
{
    /// <summary>The most names a query may have, in UTF-16 code units; longer input is a caller error.</summary>
    public const int MaxNameLength = 1024;

    private const int CandidateBudget = 4096;
    private readonly NameAnalyzer _analyzer = new();
    private readonly ScoringModel _model;

    /// <summary>Creates a resolver over <paramref name="registry"/>.</summary>
    /// <param name="registry">The registry to resolve against.</param>
    /// <param name="defaults">Default options for <see cref="Resolve(string, ResolveOptions?)"/>; validated here.</param>
    /// <exception cref="ArgumentException"><paramref name="defaults"/> is invalid.</exception>
    public NameResolver(EntityRegistry registry, ResolveOptions? defaults = null)
        : this(registry, defaults, ScoringModel.Default)
    {
    }

    /// <summary>Creates a resolver over <paramref name="registry"/> that scores with <paramref name="model"/>.</summary>
    /// <param name="registry">The registry to resolve against.</param>
    /// <param name="model">The scoring model (see <see cref="MatchModel.Load(string)"/>).</param>
    /// <param name="defaults">Default options; validated here.</param>
    /// <exception cref="ArgumentException"><paramref name="defaults"/> is invalid.</exception>
    public NameResolver(EntityRegistry registry, MatchModel model, ResolveOptions? defaults = null)
        : this(registry, defaults, (model ?? throw new ArgumentNullException(nameof(model))).Inner)
    {
    }

    internal NameResolver(EntityRegistry registry, ResolveOptions? defaults, ScoringModel model)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Registry = registry;
        Defaults = defaults ?? ResolveOptions.Default;
        Defaults.Validate();
        _model = model;
    }

    /// <summary>The registry this resolver reads.</summary>
    public EntityRegistry Registry { get; }

    /// <summary>The options used when a call passes none.</summary>
    public ResolveOptions Defaults { get; }

    /// <summary>The versioned name of the scoring model.</summary>
    public string ModelName => _model.Name;

    /// <summary>
    /// Resolves one name. Returns the matches at or above the threshold, best first; an empty
    /// list when nothing matches (a name of punctuation or emoji, an unknown person).
    /// </summary>
    /// <param name="name">The name, with or without titles, in any supported script.</param>
    /// <param name="options">Options for this call; <see cref="Defaults"/> when null.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, white space or longer than <see cref="MaxNameLength"/>, or an option is invalid.</exception>
    public IReadOnlyList<EntityMatch> Resolve(string name, ResolveOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > MaxNameLength)
        {
            throw new ArgumentException($"A name may have at most {MaxNameLength} characters (this one has {name.Length}); pass running text to the linker instead.", nameof(name));
        }

        options ??= Defaults;
        if (!ReferenceEquals(options, Defaults))
        {
            options.Validate();
        }

        var (primary, literal) = _analyzer.AnalyzeQuery(name);
        if (primary.IsEmpty)
        {
            return [];
        }

        ulong ranks = primary.Titles.Length > 0 ? Lexicon.Default.RankClasses(primary.Titles) : 0;
        var readings = literal is null
            ? new[] { new PreparedName(primary, Registry.Statistics, ranks, literal: false) }
            : [new PreparedName(primary, Registry.Statistics, ranks, literal: false), new PreparedName(literal, Registry.Statistics, ranks, literal: true)];

        // The literal reading (title words kept as name words) is a fallback: it is scored only
        // when the reading without titles finds nothing ("General Headquarters").
        var best = new Dictionary<int, (float Score, int Alias, int Reading)>();
        Score(readings, 0, options, best);
        if (readings.Length > 1 && !best.Values.Any(v => v.Score >= options.Threshold))
        {
            Score(readings, 1, options, best);
        }

        var ranked = best
            .Where(kv => kv.Value.Score >= options.Threshold)
            .OrderByDescending(kv => kv.Value.Score)
            .ThenBy(kv => Registry.EntityAt(kv.Key).Id, StringComparer.Ordinal)
            .Take(options.Top);

        var matches = new List<EntityMatch>();
        foreach (var (entityIndex, (score, aliasIndex, reading)) in ranked)
        {
            AliasRecord alias = Registry.Aliases[aliasIndex];
            Entity entity = Registry.EntityAt(entityIndex);
            MatchExplanation? explanation = options.Explain ? Explain(readings[reading], alias, entity) : null;
            matches.Add(new EntityMatch(entity, Math.Round(score, 4), entity.Names[alias.NameIndex].Text, explanation));
        }

        return matches;
    }

    private void Score(PreparedName[] readings, int reading, ResolveOptions options, Dictionary<int, (float Score, int Alias, int Reading)> best)
    {
        PreparedName query = readings[reading];
        foreach (int aliasIndex in Candidates(query))
        {
            AliasRecord alias = Registry.Aliases[aliasIndex];
            Entity entity = Registry.EntityAt(alias.EntityIndex);
            if (options.EntityType is not null && !string.Equals(entity.Type, options.EntityType, StringComparison.Ordinal))
            {
                continue;
            }

            PairFeatures f = PairScorer.Compute(query, alias, entity.IsPerson, Registry.RankClassesAt(alias.EntityIndex));
            float score = _model.Score(f);
            if (!best.TryGetValue(alias.EntityIndex, out var current) || score > current.Score)
            {
                best[alias.EntityIndex] = (score, aliasIndex, reading);
            }
        }
    }

    /// <summary>Resolves many names, in order; the result has one list per name.</summary>
    /// <exception cref="ArgumentException">A name is empty or white space.</exception>
    public IReadOnlyList<IReadOnlyList<EntityMatch>> ResolveMany(IEnumerable<string> names, ResolveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        return [.. names.Select(n => Resolve(n, options))];
    }

    /// <summary>The candidate aliases: postings of the query's blocking keys, rarest keys first, within a budget.</summary>
    private HashSet<int> Candidates(PreparedName reading)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        {
            NameToken? previous = null;
            foreach (NameToken t in reading.Name.Tokens)
            {
                if (t.Role == TokenRole.Name)
                {
                    CandidateIndex.AddKeys(t.Forms.Skeleton, keys);
                    if (previous is not null)
                    {
                        CandidateIndex.AddKeys(CandidateIndex.JoinedSkeleton(previous, t), keys);
                    }

                    previous = t;
                }
            }

            if (reading.Name.IsAcronym)
            {
                keys.Add(CandidateIndex.AcronymKey(reading.Name.Tokens[0].Forms.Latin));
            }
        }

        var ordered = keys.Select(k => (Key: k, Count: Registry.Index.Postings(k).Length)).Where(k => k.Count > 0).OrderBy(k => k.Count).ToList();
        var candidates = new HashSet<int>();
        foreach (var (key, count) in ordered)
        {
            if (candidates.Count > 0 && candidates.Count + count > CandidateBudget)
            {
                break;
            }

            foreach (int a in Registry.Index.Postings(key))
            {
                candidates.Add(a);
            }
        }

        return candidates;
    }

    private MatchExplanation Explain(PreparedName query, AliasRecord alias, Entity entity)
    {
        var steps = new List<AlignmentStep>();
        PairFeatures f = PairScorer.Compute(query, alias, entity.IsPerson, Registry.RankClassesAt(alias.EntityIndex), steps);
        var tokens = new List<TokenAlignment>();
        var conflicts = new List<string>();
        int matched = 0;
        foreach (AlignmentStep s in steps)
        {
            NameToken? q = s.QueryToken >= 0 ? query.Name.Tokens[s.QueryToken] : null;
            NameToken? c = s.CandidateToken >= 0 ? alias.Name.Tokens[s.CandidateToken] : null;
            double weight = s.QueryToken >= 0 ? query.Weights[s.QueryToken] : alias.Weights[s.CandidateToken];
            var outcome = (TokenOutcome)s.Kind;
            tokens.Add(new TokenAlignment(q?.Text, c?.Text ?? (f.Acronym > 0 ? alias.Acronym : null), Math.Round(s.Similarity, 3), outcome, Math.Round(weight, 3), q?.Forms.Latin, c?.Forms.Latin));
            if (outcome == TokenOutcome.Match)
            {
                matched++;
            }
            else if (outcome == TokenOutcome.Conflict)
            {
                conflicts.Add($"{q!.Text} / {c!.Text}");
            }
        }

        ReadOnlySpan<float> values = f.AsSpan();
        var features = new List<FeatureContribution>(values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            features.Add(new FeatureContribution(PairFeatures.Names[i], Math.Round(values[i], 4), _model.Weights[i], Math.Round(values[i] * _model.Weights[i], 4)));
        }

        string summary = string.Create(CultureInfo.InvariantCulture, $"{matched} of {query.Name.Tokens.Length} query token(s) matched \"{entity.Names[alias.NameIndex].Text}\"");
        if (conflicts.Count > 0)
        {
            summary += "; conflicting name: " + string.Join(", ", conflicts);
        }

        if (f.FirstNameMismatch > 0)
        {
            summary += "; given names differ";
        }

        if (f.Acronym > 0)
        {
            summary += "; acronym";
        }

        if (f.TitleMatch > 0)
        {
            summary += "; title agrees";
        }
        else if (f.TitleConflict > 0)
        {
            summary += "; title conflicts";
        }

        return new MatchExplanation(_model.Name, query.Name.Titles, tokens, features, _model.Bias, summary);
    }
}
