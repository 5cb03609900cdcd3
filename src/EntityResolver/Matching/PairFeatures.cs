using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EntityResolver.Matching;

/// <summary>
/// The fixed feature vector of one (query, candidate name) pair; every value in [0, 1]. The
/// fields are laid out in the order of <see cref="Names"/>, which a model file refers to.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PairFeatures
{
    /// <summary>Feature names, in vector order (the model file uses them).</summary>
    public static readonly string[] Names =
    [
        "coverage_query", "coverage_candidate", "unmatched_query", "unmatched_candidate",
        "conflict", "first_name_mismatch", "single_token", "exact", "acronym",
        "matched_rarity", "both_unmatched", "title_match", "title_conflict", "literal_reading", "similarity_deficit",
        "latin_similarity", "skeleton_match", "weakest_match", "length_ratio", "token_count_ratio",
        "cross_script", "pair_arab_latn", "pair_deva_latn", "pair_cyrl_latn",
        "conflict_given", "conflict_surname", "missing_given", "missing_surname",
        "initials", "max_matched_rarity", "unmatched_rarity", "titles",
        "single_token_coverage", "coverage_product", "single_common_word", "common_word_partial",
    ];

    /// <summary>One line per feature, in vector order: what it measures.</summary>
    public static readonly string[] Descriptions =
    [
        "rarity- and similarity-weighted share of the query's tokens that met a candidate token",
        "the same share of the candidate's tokens",
        "rarity-weighted share of query tokens with no similar candidate token",
        "rarity-weighted share of candidate tokens with no similar query token",
        "weighted share of token pairs that are similar but different (Jamil / Jamal)",
        "1 when both are persons' names of two or more words and the given name of either is not met",
        "1 when the query is a single name word",
        "1 when every token on both sides met its counterpart exactly",
        "1 when the query is the acronym of the candidate",
        "rarity weight of the matched query tokens over that of a unique token, capped at 1",
        "1 when both sides have name tokens the other lacks (a swapped word, not a missing one)",
        "1 when a rank or office before the query name is among the entity's titles",
        "1 when the query names a rank or office and the entity has titles, none of the same class",
        "1 when the query was read with its title words as part of the name",
        "how far the matched tokens are from identical: 4 × (1 − weighted mean similarity), capped at 1",
        "rarity-weighted mean edit similarity of the romanized (Latin) forms of aligned tokens",
        "rarity-weighted share of query tokens whose aligned token has the same consonant skeleton",
        "the lowest similarity among aligned query name tokens (0 when none is aligned)",
        "shorter / longer romanized length of the two names",
        "fewer / more name words of the two names",
        "1 when query and candidate are written in different scripts",
        "1 when the pair is Arabic script against Latin",
        "1 when the pair is Devanagari against Latin",
        "1 when the pair is Cyrillic against Latin",
        "1 when the query's given name (first discriminating word) conflicts with its counterpart",
        "1 when the query's last name word conflicts with its counterpart",
        "1 when the query's given name met no candidate token",
        "1 when the query's last name word met no candidate token (two or more words)",
        "share of query tokens aligned through an initial",
        "rarity of the rarest matched query token, w / (1 + w)",
        "rarity of the rarest unmatched query token, w / (1 + w)",
        "1 when titles or role words were split off the query",
        "single_token × coverage_query",
        "coverage_query × coverage_candidate",
        "1 when the query is a single name word that the lexicon knows as a common name or word (Ali, Khan) or a nationality adjective (Egyptian): alone it does not single out an entity",
        "single_common_word × unmatched_candidate: a common word that names only part of a longer name",
    ];

    /// <summary>Rarity-weighted, similarity-weighted share of the query's tokens that met a candidate token.</summary>
    public float CoverageQuery;

    /// <summary>The same share of the candidate's tokens.</summary>
    public float CoverageCandidate;

    /// <summary>Weighted share of query tokens the candidate lacks (no similar token at all).</summary>
    public float UnmatchedQuery;

    /// <summary>Weighted share of candidate tokens the query lacks.</summary>
    public float UnmatchedCandidate;

    /// <summary>Weighted share of token pairs that are similar but different (Jamil / Jamal).</summary>
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

    /// <summary>1 when the query was read with its title words as part of the name ("General Assembly").</summary>
    public float LiteralReading;

    /// <summary>How far the matched tokens are from identical: 4 × (1 − weighted mean similarity), capped at 1.</summary>
    public float SimilarityDeficit;

    /// <summary>Weighted mean edit similarity of the Latin forms of aligned tokens.</summary>
    public float LatinSimilarity;

    /// <summary>Weighted share of query tokens whose aligned token has the same skeleton.</summary>
    public float SkeletonMatch;

    /// <summary>The lowest similarity among aligned query name tokens.</summary>
    public float WeakestMatch;

    /// <summary>Shorter over longer romanized length.</summary>
    public float LengthRatio;

    /// <summary>Fewer over more name words.</summary>
    public float TokenCountRatio;

    /// <summary>1 when the two names are in different scripts.</summary>
    public float CrossScript;

    /// <summary>1 for Arabic script against Latin.</summary>
    public float PairArabLatin;

    /// <summary>1 for Devanagari against Latin.</summary>
    public float PairDevaLatin;

    /// <summary>1 for Cyrillic against Latin.</summary>
    public float PairCyrlLatin;

    /// <summary>1 when the query's given name conflicts.</summary>
    public float ConflictGiven;

    /// <summary>1 when the query's last name word conflicts.</summary>
    public float ConflictSurname;

    /// <summary>1 when the query's given name is unmatched.</summary>
    public float MissingGiven;

    /// <summary>1 when the query's last name word is unmatched.</summary>
    public float MissingSurname;

    /// <summary>Share of query tokens aligned through an initial.</summary>
    public float Initials;

    /// <summary>Squashed rarity of the rarest matched query token.</summary>
    public float MaxMatchedRarity;

    /// <summary>Squashed rarity of the rarest unmatched query token.</summary>
    public float UnmatchedRarity;

    /// <summary>1 when titles were split off the query.</summary>
    public float Titles;

    /// <summary><see cref="SingleToken"/> × <see cref="CoverageQuery"/>.</summary>
    public float SingleTokenCoverage;

    /// <summary><see cref="CoverageQuery"/> × <see cref="CoverageCandidate"/>.</summary>
    public float CoverageProduct;

    /// <summary>1 when the query is a single name word that the lexicon flags as common.</summary>
    public float SingleCommonWord;

    /// <summary><see cref="SingleCommonWord"/> × <see cref="UnmatchedCandidate"/>: a common word that names only part of a longer name.</summary>
    public float CommonWordPartial;

    /// <summary>The number of features.</summary>
    public static int Count => Names.Length;

    public readonly ReadOnlySpan<float> AsSpan() => MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef(in CoverageQuery), Names.Length);
}
