namespace EntityResolver;

/// <summary>A candidate entity for a name, with its calibrated score.</summary>
public sealed class EntityMatch
{
    internal EntityMatch(Entity entity, double score, string matchedName, MatchExplanation? explanation)
    {
        Entity = entity;
        Score = score;
        MatchedName = matchedName;
        Explanation = explanation;
    }

    /// <summary>The matched entity.</summary>
    public Entity Entity { get; }

    /// <summary>The entity id.</summary>
    public string EntityId => Entity.Id;

    /// <summary>The entity's display name.</summary>
    public string Name => Entity.Name;

    /// <summary>The entity type.</summary>
    public string Type => Entity.Type;

    /// <summary>The probability that the name refers to this entity, in [0, 1].</summary>
    public double Score { get; }

    /// <summary>The entity's name (alias) that the query matched best.</summary>
    public string MatchedName { get; }

    /// <summary>The token-by-token explanation, when asked for with <see cref="ResolveOptions.Explain"/>.</summary>
    public MatchExplanation? Explanation { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{EntityId} {Score:0.000} via \"{MatchedName}\"";
}
