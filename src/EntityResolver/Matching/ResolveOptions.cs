namespace EntityResolver;

/// <summary>
/// Options of one resolution. Defaults: <see cref="Top"/> 5, <see cref="Threshold"/> 0.5, no
/// explanation, any entity type. Immutable; <see cref="Validate"/> reports every problem at once.
/// </summary>
public sealed class ResolveOptions
{
    /// <summary>The default options.</summary>
    public static ResolveOptions Default { get; } = new();

    /// <summary>The largest number of matches returned, best first (1 to 1000; default 5).</summary>
    public int Top { get; init; } = 5;

    /// <summary>The lowest score a match may have, a probability in [0, 1] (default 0.5).</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Whether each match carries a token-by-token <see cref="MatchExplanation"/> (default false).</summary>
    public bool Explain { get; init; }

    /// <summary>Only entities of this type (such as <c>person</c>); null for any (default).</summary>
    public string? EntityType { get; init; }

    /// <summary>Throws when an option is out of range, naming every bad option.</summary>
    /// <exception cref="ArgumentException">One or more options are invalid.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (Top is < 1 or > 1000)
        {
            problems.Add($"Top must be between 1 and 1000 (was {Top})");
        }

        if (double.IsNaN(Threshold) || Threshold is < 0 or > 1)
        {
            problems.Add($"Threshold must be a probability between 0 and 1 (was {Threshold})");
        }

        if (EntityType is not null && string.IsNullOrWhiteSpace(EntityType))
        {
            problems.Add("EntityType must be null or a type such as \"person\"");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid resolve options: " + string.Join("; ", problems) + ".");
        }
    }
}
