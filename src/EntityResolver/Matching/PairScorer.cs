using EntityResolver.Text;

namespace EntityResolver.Matching;

/// <summary>How a token fared in the alignment.</summary>
internal enum AlignmentKind : byte
{
    Match,
    Conflict,
    QueryOnly,
    CandidateOnly,
}

/// <summary>One alignment decision, recorded only when an explanation is asked for.</summary>
internal readonly record struct AlignmentStep(int QueryToken, int CandidateToken, float Similarity, AlignmentKind Kind);

/// <summary>
/// Aligns the tokens of a prepared query with those of a candidate name and computes the pair
/// features. Tokens are paired greedily by similarity (reordering is free); a pair at or above
/// <see cref="MatchThreshold"/> is a match, a pair between <see cref="ConflictFloor"/> and that is
/// a conflict (Khalid / Khalifa), the rest are unmatched. No allocation unless a trace is asked for.
/// </summary>
internal static class PairScorer
{
    public const float MatchThreshold = 0.78f;
    public const float ConflictFloor = 0.5f;
    private const int MaxTokens = 16;

    /// <summary>Similarity of two tokens in [0, 1].</summary>
    public static float TokenSimilarity(NameToken q, NameToken c)
    {
        TokenForms a = q.Forms, b = c.Forms;
        if (ReferenceEquals(a, b) || string.Equals(a.Normalized, b.Normalized, StringComparison.Ordinal))
        {
            return 1f;
        }

        if (q.IsInitial || c.IsInitial)
        {
            return a.Latin.Length > 0 && b.Latin.Length > 0 && a.Latin[0] == b.Latin[0] ? 0.85f : 0f;
        }

        return Phonetics.Similarity(a.Phonetic, b.Phonetic, a.PhoneticWeight, b.PhoneticWeight);
    }

    public static PairFeatures Compute(PreparedName query, AliasRecord candidate, bool isPerson, List<AlignmentStep>? trace = null)
    {
        NameToken[] qt = query.Name.Tokens;
        NameToken[] ct = candidate.Name.Tokens;
        int n = Math.Min(qt.Length, MaxTokens);
        int m = Math.Min(ct.Length, MaxTokens);
        var f = default(PairFeatures);

        if (query.Name.IsAcronym && candidate.Acronym is not null
            && string.Equals(qt[0].Forms.Latin, candidate.Acronym, StringComparison.Ordinal))
        {
            f.CoverageQuery = 1f;
            f.CoverageCandidate = 1f;
            f.Acronym = 1f;
            f.SingleToken = 1f;
            f.SingleTokenCoverage = 1f;
            f.CoverageProduct = 1f;
            trace?.Add(new AlignmentStep(0, -1, 1f, AlignmentKind.Match));
            return f;
        }

        Span<float> sim = stackalloc float[n * m];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < m; j++)
            {
                sim[(i * m) + j] = TokenSimilarity(qt[i], ct[j]);
            }
        }

        Span<sbyte> qPair = stackalloc sbyte[n];
        Span<sbyte> cPair = stackalloc sbyte[m];
        Span<float> qSim = stackalloc float[n];
        qPair.Fill(-1);
        cPair.Fill(-1);

        // Greedy assignment, best pair first.
        while (true)
        {
            float best = ConflictFloor;
            int bi = -1, bj = -1;
            for (int i = 0; i < n; i++)
            {
                if (qPair[i] >= 0)
                {
                    continue;
                }

                for (int j = 0; j < m; j++)
                {
                    float s = sim[(i * m) + j];
                    if (cPair[j] < 0 && (s > best || (s == best && bi < 0)))
                    {
                        best = s;
                        bi = i;
                        bj = j;
                    }
                }
            }

            if (bi < 0)
            {
                break;
            }

            qPair[bi] = (sbyte)bj;
            cPair[bj] = (sbyte)bi;
            qSim[bi] = best;
        }

        float wq = 0f, wc = 0f, covQ = 0f, covC = 0f, unQ = 0f, unC = 0f, conflict = 0f;
        bool exact = true;
        for (int i = 0; i < n; i++)
        {
            float w = query.Weights[i];
            wq += w;
            int j = qPair[i];
            if (j < 0)
            {
                unQ += w;
                exact = false;
                trace?.Add(new AlignmentStep(i, -1, 0f, AlignmentKind.QueryOnly));
            }
            else if (qSim[i] >= MatchThreshold)
            {
                covQ += w * qSim[i];
                exact &= qSim[i] >= 0.999f;
                trace?.Add(new AlignmentStep(i, j, qSim[i], AlignmentKind.Match));
            }
            else
            {
                conflict += 0.5f * (w + candidate.Weights[j]);
                exact = false;
                trace?.Add(new AlignmentStep(i, j, qSim[i], AlignmentKind.Conflict));
            }
        }

        for (int j = 0; j < m; j++)
        {
            float w = candidate.Weights[j];
            wc += w;
            int i = cPair[j];
            if (i < 0)
            {
                unC += w;
                exact = false;
                trace?.Add(new AlignmentStep(-1, j, 0f, AlignmentKind.CandidateOnly));
            }
            else if (qSim[i] >= MatchThreshold)
            {
                covC += w * qSim[i];
            }
        }

        if (wq <= 0f || wc <= 0f)
        {
            return f;
        }

        f.CoverageQuery = covQ / wq;
        f.CoverageCandidate = covC / wc;
        f.UnmatchedQuery = unQ / wq;
        f.UnmatchedCandidate = unC / wc;
        f.Conflict = conflict / (0.5f * (wq + wc));
        f.SingleToken = query.Name.NameTokenCount == 1 ? 1f : 0f;
        f.Exact = exact ? 1f : 0f;

        // The given name decides between relatives who share the rest of the name: when both
        // are persons' names of two or more words, the first discriminating word of each must
        // be met by some word of the other.
        if (isPerson && query.Name.NameTokenCount >= 2 && candidate.Name.NameTokenCount >= 2)
        {
            int qf = query.FirstNameToken, cf = candidate.FirstNameToken;
            bool qMet = qf < 0 || qf >= n || (qPair[qf] >= 0 && qSim[qf] >= MatchThreshold);
            bool cMet = cf < 0 || cf >= m || (cPair[cf] >= 0 && qSim[cPair[cf]] >= MatchThreshold);
            f.FirstNameMismatch = qMet && cMet ? 0f : 1f;
        }

        AddShapeFeatures(ref f, query, candidate, qPair[..n], qSim[..n], m);
        return f;
    }

    /// <summary>
    /// The features that describe the alignment beyond coverage: romanized and skeleton agreement
    /// of aligned tokens, lengths, script pair, conflicts and gaps by position, initials, rarity.
    /// </summary>
    private static void AddShapeFeatures(ref PairFeatures f, PreparedName query, AliasRecord candidate, ReadOnlySpan<sbyte> qPair, ReadOnlySpan<float> qSim, int m)
    {
        NameToken[] qt = query.Name.Tokens;
        NameToken[] ct = candidate.Name.Tokens;
        int n = qPair.Length;
        float wq = 0f, latin = 0f, skeleton = 0f, weakest = float.MaxValue, initials = 0f;
        float matchedRarity = 0f, unmatchedRarity = 0f;
        int qLength = 0, cLength = 0;
        int lastName = -1;
        for (int i = 0; i < n; i++)
        {
            NameToken q = qt[i];
            float w = query.Weights[i];
            wq += w;
            if (q.Role == TokenRole.Name)
            {
                qLength += q.Forms.Latin.Length;
                lastName = i;
            }

            int j = qPair[i];
            if (j < 0)
            {
                if (q.Role == TokenRole.Name)
                {
                    unmatchedRarity = MathF.Max(unmatchedRarity, w);
                }

                continue;
            }

            NameToken c = ct[j];
            latin += w * EditSimilarity(q.Forms.Latin, c.Forms.Latin);
            if (string.Equals(q.Forms.Skeleton, c.Forms.Skeleton, StringComparison.Ordinal))
            {
                skeleton += w;
            }

            if (q.IsInitial || c.IsInitial)
            {
                initials += 1f;
            }

            if (q.Role == TokenRole.Name)
            {
                weakest = MathF.Min(weakest, qSim[i]);
                if (qSim[i] >= MatchThreshold)
                {
                    matchedRarity = MathF.Max(matchedRarity, w);
                }
            }
        }

        Script qScript = Script.Unknown, cScript = Script.Unknown;
        foreach (NameToken t in qt)
        {
            if (t.Role == TokenRole.Name && t.Forms.Script != Script.Unknown)
            {
                qScript = t.Forms.Script;
                break;
            }
        }

        for (int j = 0; j < m; j++)
        {
            NameToken t = ct[j];
            if (t.Role == TokenRole.Name)
            {
                cLength += t.Forms.Latin.Length;
                if (cScript == Script.Unknown)
                {
                    cScript = t.Forms.Script;
                }
            }
        }

        int qNames = query.Name.NameTokenCount, cNames = candidate.Name.NameTokenCount;
        f.LatinSimilarity = wq > 0f ? latin / wq : 0f;
        f.SkeletonMatch = wq > 0f ? skeleton / wq : 0f;
        f.WeakestMatch = weakest == float.MaxValue ? 0f : weakest;
        f.LengthRatio = Math.Max(qLength, cLength) > 0 ? (float)Math.Min(qLength, cLength) / Math.Max(qLength, cLength) : 0f;
        f.TokenCountRatio = Math.Max(qNames, cNames) > 0 ? (float)Math.Min(qNames, cNames) / Math.Max(qNames, cNames) : 0f;
        f.CrossScript = qScript != cScript ? 1f : 0f;
        f.PairArabLatin = IsPair(qScript, cScript, Script.Arabic) ? 1f : 0f;
        f.PairDevaLatin = IsPair(qScript, cScript, Script.Devanagari) ? 1f : 0f;
        f.PairCyrlLatin = IsPair(qScript, cScript, Script.Cyrillic) ? 1f : 0f;

        int given = query.FirstNameToken;
        if (given >= 0 && given < n)
        {
            f.MissingGiven = qPair[given] < 0 ? 1f : 0f;
            f.ConflictGiven = qPair[given] >= 0 && qSim[given] < MatchThreshold ? 1f : 0f;
        }

        if (qNames >= 2 && lastName >= 0 && lastName != given)
        {
            f.MissingSurname = qPair[lastName] < 0 ? 1f : 0f;
            f.ConflictSurname = qPair[lastName] >= 0 && qSim[lastName] < MatchThreshold ? 1f : 0f;
        }

        f.Initials = n > 0 ? initials / n : 0f;
        f.MatchedRarity = matchedRarity / (1f + matchedRarity);
        f.UnmatchedRarity = unmatchedRarity / (1f + unmatchedRarity);
        f.Titles = query.Name.Titles.Length > 0 ? 1f : 0f;
        f.SingleTokenCoverage = f.SingleToken * f.CoverageQuery;
        f.CoverageProduct = f.CoverageQuery * f.CoverageCandidate;
    }

    private static bool IsPair(Script a, Script b, Script other) =>
        (a == other && b == Script.Latin) || (a == Script.Latin && b == other);

    /// <summary>1 − Levenshtein distance / longer length, over at most 64 characters of each form; no allocation.</summary>
    internal static float EditSimilarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        const int Max = 64;
        if (a.Length > Max)
        {
            a = a[..Max];
        }

        if (b.Length > Max)
        {
            b = b[..Max];
        }

        int longer = Math.Max(a.Length, b.Length);
        if (longer == 0)
        {
            return 1f;
        }

        Span<int> row = stackalloc int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            row[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int up = row[j];
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                row[j] = Math.Min(Math.Min(up + 1, row[j - 1] + 1), diagonal + cost);
                diagonal = up;
            }
        }

        return 1f - ((float)row[b.Length] / longer);
    }
}
