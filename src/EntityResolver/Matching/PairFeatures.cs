using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EntityResolver.Matching;

/// <summary>The fixed feature vector of one (query, candidate name) pair; every value in [0, 1].</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PairFeatures
{
    /// <summary>Feature names, in vector order (the model file uses them).</summary>
    public static readonly string[] Names =
    [
        "coverage_query", "coverage_candidate", "unmatched_query", "unmatched_candidate",
        "conflict", "first_name_mismatch", "single_token", "exact", "acronym",
        "matched_rarity", "both_unmatched", "title_match", "title_conflict", "literal_reading", "similarity_deficit",
    ];

    /// <summary>Rarity-weighted, similarity-weighted share of the query's tokens that met a candidate token.</summary>
    public float CoverageQuery;

    /// <summary>The same share of the candidate's tokens.</summary>
    public float CoverageCandidate;

    /// <summary>Weighted share of query tokens the candidate lacks (no similar token at all).</summary>
    public float UnmatchedQuery;

    /// <summary>Weighted share of candidate tokens the query lacks.</summary>
    public float UnmatchedCandidate;

    /// <summary>Weighted share of token pairs that are similar but different (Khalid / Khalifa).</summary>
    public float Conflict;

    /// <summary>1 when both are persons' names of two or more words and the given name of either is not met.</summary>
    public float FirstNameMismatch;

    /// <summary>1 when the query is a single word (a bare surname or given name).</summary>
    public float SingleToken;

    /// <summary>1 when every token on both sides met its counterpart exactly.</summary>
    public float Exact;

    /// <summary>1 when the query is an acronym of the candidate name.</summary>
    public float Acronym;

    /// <summary>Rarity weight of the matched query tokens over that of a unique token, capped at 1: a bare common surname proves less than a full name.</summary>
    public float MatchedRarity;

    /// <summary>1 when both sides have name tokens the other lacks (a swapped word, not a missing one).</summary>
    public float BothUnmatched;

    /// <summary>1 when a rank or office before the query name is among the entity's titles.</summary>
    public float TitleMatch;

    /// <summary>1 when the query names a rank or office and the entity has titles, none of the same class (Lt Gen vs Field Marshal).</summary>
    public float TitleConflict;

    /// <summary>1 when the query was read with its title words as part of the name ("General Headquarters").</summary>
    public float LiteralReading;

    /// <summary>How far the matched tokens are from identical: 4 × (1 − weighted mean similarity), capped at 1.</summary>
    public float SimilarityDeficit;

    public readonly ReadOnlySpan<float> AsSpan() => MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef(in CoverageQuery), Names.Length);
}
