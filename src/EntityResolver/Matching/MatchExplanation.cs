namespace EntityResolver;

/// <summary>How one token of the query or of the candidate name fared.</summary>
public enum TokenOutcome
{
    /// <summary>The query token met a candidate token.</summary>
    Match,
    /// <summary>The tokens are similar but not the same name (Jamil / Jamal): the score is lowered.</summary>
    Conflict,
    /// <summary>The query token has no counterpart in the candidate name.</summary>
    QueryOnly,
    /// <summary>The candidate token has no counterpart in the query.</summary>
    CandidateOnly,
}

/// <summary>One row of an explanation: which token met which, how similar they are, how much they weigh.</summary>
/// <param name="QueryToken">The query token as written, or null.</param>
/// <param name="CandidateToken">The candidate token as written, or null.</param>
/// <param name="Similarity">Token similarity in [0, 1].</param>
/// <param name="Outcome">Match, conflict or unmatched.</param>
/// <param name="Weight">The token's rarity weight (query side when there is one).</param>
/// <param name="QueryLatin">The romanized query token, or null.</param>
/// <param name="CandidateLatin">The romanized candidate token, or null.</param>
public sealed record TokenAlignment(string? QueryToken, string? CandidateToken, double Similarity, TokenOutcome Outcome, double Weight, string? QueryLatin, string? CandidateLatin);

/// <summary>One feature of the scoring model: its value for this pair, its weight, its contribution to the logit.</summary>
/// <param name="Feature">Feature name (such as <c>conflict</c>).</param>
/// <param name="Value">Value for this pair.</param>
/// <param name="Weight">Model weight.</param>
/// <param name="Contribution">Value times weight.</param>
public sealed record FeatureContribution(string Feature, double Value, double Weight, double Contribution);

/// <summary>Why a candidate got its score.</summary>
public sealed class MatchExplanation
{
    internal MatchExplanation(string model, IReadOnlyList<string> titles, IReadOnlyList<TokenAlignment> tokens, IReadOnlyList<FeatureContribution> features, double bias, string summary, double pairScore, string? rivalEntityId, double? rivalPairScore, double spellingAdjustment)
    {
        PairScore = pairScore;
        SpellingAdjustment = spellingAdjustment;
        RivalEntityId = rivalEntityId;
        RivalPairScore = rivalPairScore;
        Model = model;
        Titles = titles;
        Tokens = tokens;
        Features = features;
        Bias = bias;
        Summary = summary;
    }

    /// <summary>The versioned name of the scoring model.</summary>
    public string Model { get; }

    /// <summary>Titles and honorifics split off the query (kept as context, not matched).</summary>
    public IReadOnlyList<string> Titles { get; }

    /// <summary>The token alignment.</summary>
    public IReadOnlyList<TokenAlignment> Tokens { get; }

    /// <summary>Feature values and their contributions.</summary>
    public IReadOnlyList<FeatureContribution> Features { get; }

    /// <summary>The model's bias (intercept).</summary>
    public double Bias { get; }

    /// <summary>A one-line summary in English, such as "2 of 3 query tokens matched; conflict: Jamil / Jamal".</summary>
    public string Summary { get; }

    /// <summary>
    /// The pair score: how well the query and the matched name agree, from the features and the
    /// <see cref="SpellingAdjustment"/>. Without a second stage in the model it is the score itself.
    /// </summary>
    public double PairScore { get; }

    /// <summary>
    /// What the spelling model took off the pair score (0 or negative): for a query in Arabic
    /// script, Cyrillic or Devanagari, how much less likely the matched name's Latin spelling is
    /// to be written as the query than that of the likeliest of the other close candidates whose
    /// names have no more words (ألبرشت: Albret loses to Albrecht; a longer name never lowers a
    /// shorter one). 0 when the query is in Latin script or the candidate
    /// was matched through a name in the query's own script.
    /// </summary>
    public double SpellingAdjustment { get; }

    /// <summary>
    /// The best rival candidate that the model's second stage weighed the match against (another
    /// entity the query could name, not a namesake); null when the model has no second stage or
    /// there was no rival.
    /// </summary>
    public string? RivalEntityId { get; }

    /// <summary>The rival's pair score, when the model has a second stage (0 when there was no rival).</summary>
    public double? RivalPairScore { get; }

    /// <inheritdoc/>
    public override string ToString() => Summary;
}
