namespace EntityResolver;

/// <summary>
/// Options of <see cref="EntityLinker"/>. Defaults: <see cref="Threshold"/> 0.5,
/// <see cref="MaxMentionTokens"/> 8, <see cref="AmbiguityMargin"/> 0.15. Immutable;
/// <see cref="Validate"/> reports every problem at once.
/// </summary>
public sealed class LinkOptions
{
    /// <summary>The default options.</summary>
    public static LinkOptions Default { get; } = new();

    /// <summary>
    /// The lowest resolver score (a probability in [0, 1]) a mention of two or more name words, an
    /// acronym or a complete one-word name must have (default 0.5). A bare surname or given name
    /// is judged by its context instead (see <see cref="EntityLinker"/>).
    /// </summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>
    /// The longest mention, in words, not counting the titles before the name, of which there may
    /// be as many words again (1 to 32; default 8).
    /// </summary>
    public int MaxMentionTokens { get; init; } = 8;

    /// <summary>
    /// Candidates whose resolver score is within this distance of the best are ranked by context
    /// (titles, relations, the rest of the document) rather than by score alone (0 to 1; default 0.15).
    /// </summary>
    public double AmbiguityMargin { get; init; } = 0.15;

    /// <summary>Throws when an option is out of range, naming every bad option.</summary>
    /// <exception cref="ArgumentException">One or more options are invalid.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (double.IsNaN(Threshold) || Threshold is < 0 or > 1)
        {
            problems.Add($"Threshold must be a probability between 0 and 1 (was {Threshold})");
        }

        if (MaxMentionTokens is < 1 or > 32)
        {
            problems.Add($"MaxMentionTokens must be between 1 and 32 (was {MaxMentionTokens})");
        }

        if (double.IsNaN(AmbiguityMargin) || AmbiguityMargin is < 0 or > 1)
        {
            problems.Add($"AmbiguityMargin must be between 0 and 1 (was {AmbiguityMargin})");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid link options: " + string.Join("; ", problems) + ".");
        }
    }
}
