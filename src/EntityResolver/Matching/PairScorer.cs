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
    private const float CrossScriptBoost = 1.08f;

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

        float s = Phonetics.Similarity(a.Phonetic, b.Phonetic, a.PhoneticWeight, b.PhoneticWeight);

        // Across scripts the romanization itself adds noise (vowels guessed, English words
        // spelled in Urdu letters): the same distance is weaker evidence of a different name.
        return a.Script != b.Script ? MathF.Min(1f, s * CrossScriptBoost) : s;
    }

    public static PairFeatures Compute(PreparedName query, AliasRecord candidate, bool isPerson, ulong entityRanks, List<AlignmentStep>? trace = null)
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
            f.MatchedRarity = 1f;
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
        bool exact = true, nameOnlyInQuery = false, nameOnlyInCandidate = false;
        for (int i = 0; i < n; i++)
        {
            float w = query.Weights[i];
            wq += w;
            int j = qPair[i];
            if (j < 0)
            {
                unQ += w;
                exact = false;
                nameOnlyInQuery |= qt[i].Role == TokenRole.Name;
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
                nameOnlyInCandidate |= ct[j].Role == TokenRole.Name;
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
        f.MatchedRarity = query.MaxWeight > 0f ? MathF.Min(1f, covQ / query.MaxWeight) : 0f;
        f.BothUnmatched = nameOnlyInQuery && nameOnlyInCandidate ? 1f : 0f;
        f.LiteralReading = query.IsLiteral ? 1f : 0f;
        if (query.RankClasses != 0 && entityRanks != 0)
        {
            bool shared = (query.RankClasses & entityRanks) != 0;
            f.TitleMatch = shared ? 1f : 0f;
            f.TitleConflict = shared ? 0f : 1f;
        }

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

        return f;
    }
}
