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

    public readonly ReadOnlySpan<float> AsSpan() => MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef(in CoverageQuery), Names.Length);
}
