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
/// a conflict (Jamil / Jamal), the rest are unmatched. No allocation unless a trace is asked for.
/// </summary>
internal static class PairScorer
{
    public const float MatchThreshold = 0.78f;
    public const float ConflictFloor = 0.5f;
    private const int MaxTokens = 16;

    /// <summary>
    /// Across scripts the romanization adds noise: this share of the missing similarity is added
    /// (a raw 0.69 between Devanagari and Latin forms can be a match). The linker's gazetteer uses
    /// the same leniency.
    /// </summary>
    public const float CrossScriptLeniency = 0.3f;

    /// <summary>The lowest raw similarity that can still reach <see cref="MatchThreshold"/> after the cross-script leniency.</summary>
    private const float MinRawJoinSimilarity = (MatchThreshold - CrossScriptLeniency) / (1f - CrossScriptLeniency);

    /// <summary>The lowest raw similarity that can still reach <see cref="ConflictFloor"/> after the cross-script leniency.</summary>
    private const float MinRawCrossScriptSimilarity = (ConflictFloor - CrossScriptLeniency) / (1f - CrossScriptLeniency);

    /// <summary>
    /// <see cref="TokenSimilarity(NameToken, NameToken)"/> of the query's token <paramref name="queryToken"/> and a
    /// candidate's token, through <see cref="SimilarityMemo"/>; an initial is compared, not memoized (it
    /// shares its forms with a one-letter word).
    /// </summary>
    public static float TokenSimilarity(PreparedName query, int queryToken, NameToken candidate) =>
        candidate.IsInitial ? TokenSimilarity(query.Name.Tokens[queryToken], candidate) : SimilarityMemo.Similarity(query, queryToken, candidate);

    /// <summary>
    /// Similarity of two tokens in [0, 1]; 0 for every pair below <see cref="ConflictFloor"/>
    /// (the alignment treats them all alike: neither a match nor a conflict).
    /// </summary>
    public static float TokenSimilarity(NameToken q, NameToken c)
    {
        TokenForms a = q.Forms, b = c.Forms;
        if (ReferenceEquals(a, b) || string.Equals(a.Normalized, b.Normalized, StringComparison.Ordinal))
        {
            return 1f;
        }

        if (q.IsInitial || c.IsInitial)
        {
            return Initials.Similarity(a, b);
        }

        // One generic word or nationality in two languages (group, جماعة; Egyptian, مصري).
        if (a.Concept != 0 && a.Concept == b.Concept)
        {
            return 1f;
        }

        // Across scripts the romanization itself adds noise (vowels guessed, English words
        // spelled in Urdu letters): the same distance is weaker evidence of a different name.
        bool crossScript = a.Script != b.Script;

        // Same phonetic form, different spelling (Dhithi / Diti): near, but below an exact match.
        float s = Phonetics.SameSound(a.Phonetic, b.Phonetic)
            ? (string.Equals(a.Latin, b.Latin, StringComparison.Ordinal) ? 1f : 0.97f)
            : Phonetics.Similarity(a, b, crossScript ? MinRawCrossScriptSimilarity : ConflictFloor);
        if (s <= 0f)
        {
            return 0f;
        }

        return crossScript ? s + (CrossScriptLeniency * (1f - s)) : s;
    }

    /// <summary>
    /// Lets two adjacent tokens on one side meet one token on the other when written apart on
    /// one side and together on the other (نور الدين / Noureddine, Sai Jeevadhara / SaiJeevadhara).
    /// Runs before the token-by-token assignment, and a join wins only when it is closer than
    /// either half alone (so Saad al-Din meets Saduddin, not Sayyed).
    /// </summary>
    private static void JoinSplitTokens(NameToken[] qt, NameToken[] ct, int n, int m, ReadOnlySpan<float> sim, Span<sbyte> qPair, Span<sbyte> cPair, Span<float> qSim, bool queryJoined)
    {
        int pairs = queryJoined ? n : m;
        int singles = queryJoined ? m : n;
        Span<char> joined = stackalloc char[128];
        for (int k = 0; k + 1 < pairs; k++)
        {
            bool weakA = queryJoined ? IsWeakQuery(k, qPair, qSim) : IsWeakCandidate(k, cPair, qSim);
            bool weakB = queryJoined ? IsWeakQuery(k + 1, qPair, qSim) : IsWeakCandidate(k + 1, cPair, qSim);
            if (!weakA || !weakB)
            {
                continue;
            }

            // Two initials are two names (F. J., Л. В.), not one word written apart.
            NameToken first = queryJoined ? qt[k] : ct[k], second = queryJoined ? qt[k + 1] : ct[k + 1];
            if (IsLetter(first) && IsLetter(second))
            {
                continue;
            }

            TokenForms a = first.Forms, b = second.Forms;
            int length = a.Phonetic.Length + b.Phonetic.Length;
            if (length > joined.Length || a.Phonetic.Length == 0 || b.Phonetic.Length == 0)
            {
                continue;
            }

            a.Phonetic.AsSpan().CopyTo(joined);
            b.Phonetic.AsSpan().CopyTo(joined[a.Phonetic.Length..]);
            ReadOnlySpan<char> form = joined[..length];
            float formWeight = a.PhoneticWeight + b.PhoneticWeight;
            float formPotential = a.PhoneticPotential + b.PhoneticPotential, formAllowance = a.PotentialAllowance + b.PotentialAllowance;
            for (int s = 0; s < singles; s++)
            {
                bool weakS = queryJoined ? IsWeakCandidate(s, cPair, qSim) : IsWeakQuery(s, qPair, qSim);
                if (!weakS)
                {
                    continue;
                }

                TokenForms single = (queryJoined ? ct[s] : qt[s]).Forms;

                // Hopeless pairs (most of them) stop early: only a match counts here.
                bool crossScript = single.Script != a.Script;
                float floor = crossScript ? MinRawJoinSimilarity : MatchThreshold, gap = Phonetics.PotentialGap(formPotential, single.PhoneticPotential, formAllowance + single.PotentialAllowance);
                Script conventions = Phonetics.Conventions(a, single);

                // The Latin side second, as the conventions' one-way costs want it.
                float joinedSim = a.Script == Script.Latin && single.Script != Script.Latin
                    ? Phonetics.Similarity(single.Phonetic, form, single.PhoneticWeight, formWeight, gap, floor, conventions)
                    : Phonetics.Similarity(form, single.Phonetic, formWeight, single.PhoneticWeight, gap, floor, conventions);
                if (crossScript && joinedSim > 0f)
                {
                    joinedSim += CrossScriptLeniency * (1f - joinedSim);
                }

                float halves = queryJoined ? MathF.Max(sim[(k * m) + s], sim[((k + 1) * m) + s]) : MathF.Max(sim[(s * m) + k], sim[(s * m) + k + 1]);
                if (joinedSim < MatchThreshold || joinedSim <= halves || HalfMatchesElsewhere(sim, n, m, k, s, queryJoined, joinedSim))
                {
                    continue;
                }

                if (queryJoined)
                {
                    Release(k, qPair, cPair);
                    Release(k + 1, qPair, cPair);
                    ReleaseCandidate(s, qPair, cPair);
                    qPair[k] = (sbyte)s;
                    qPair[k + 1] = (sbyte)s;
                    cPair[s] = (sbyte)k;
                    qSim[k] = joinedSim;
                    qSim[k + 1] = joinedSim;
                }
                else
                {
                    ReleaseCandidate(k, qPair, cPair);
                    ReleaseCandidate(k + 1, qPair, cPair);
                    Release(s, qPair, cPair);
                    cPair[k] = (sbyte)s;
                    cPair[k + 1] = (sbyte)s;
                    qPair[s] = (sbyte)k;
                    qSim[s] = joinedSim;
                }

                k++;
                break;
            }
        }
    }

    /// <summary>
    /// Whether either of the two adjacent tokens <paramref name="k"/> and <paramref name="k"/> + 1
    /// (of the query when <paramref name="queryJoined"/>, else of the candidate) meets a token of
    /// the other side other than <paramref name="single"/> at least as closely as the two joined
    /// meet it, and no other token of their side meets that token as closely: then they are two
    /// names, and joining them would take a word from its own match (عبدلله صالح against Abd
    /// al-Latif ... Abdallah Salih: joined, they met Abd al-Latif at 0.80, while each meets its own
    /// word at 0.98 and 0.92). A word met as well by another of its side's words stays free to join
    /// (عارف الله عارف against Arefullah Aref: the second عارف is Aref's).
    /// </summary>
    private static bool HalfMatchesElsewhere(ReadOnlySpan<float> sim, int n, int m, int k, int single, bool queryJoined, float joinedSim)
    {
        int sides = queryJoined ? n : m, others = queryJoined ? m : n;
        for (int o = 0; o < others; o++)
        {
            if (o == single)
            {
                continue;
            }

            float half = MathF.Max(Similarity(sim, m, k, o, queryJoined), Similarity(sim, m, k + 1, o, queryJoined));
            if (half < joinedSim)
            {
                continue;
            }

            bool claimed = false;
            for (int t = 0; t < sides && !claimed; t++)
            {
                claimed = t != k && t != k + 1 && Similarity(sim, m, t, o, queryJoined) >= half;
            }

            if (!claimed)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The similarity of token <paramref name="t"/> of the joined side and token <paramref name="o"/> of the other (<see cref="HalfMatchesElsewhere"/>).</summary>
    private static float Similarity(ReadOnlySpan<float> sim, int m, int t, int o, bool queryJoined) => queryJoined ? sim[(t * m) + o] : sim[(o * m) + t];

    /// <summary>
    /// An initial stands for a word only beside a word that matches in full (J. Smith / John
    /// Smith): when no word of the alignment matches a word, and some word matches an initial
    /// (Fij against F. J., Fife against F., K. Jones against J. K. Rowling) other than as its
    /// romanization (я, ya), the pairs are undone and both sides count as unmatched.
    /// </summary>
    private static void ReleaseLoneInitials(NameToken[] qt, NameToken[] ct, Span<sbyte> qPair, Span<sbyte> cPair, ReadOnlySpan<float> qSim)
    {
        bool any = false;
        for (int i = 0; i < qPair.Length; i++)
        {
            int j = qPair[i];
            if (j >= 0 && qSim[i] >= MatchThreshold)
            {
                // An initial written as the word is said (Ю., Yu.) is that word.
                if (qSim[i] < 1f && IsInitialPair(qt, ct, qPair, cPair, i, j))
                {
                    any = true;
                }
                else if (!IsLetter(qt[i]) || !IsLetter(ct[j]))
                {
                    return;
                }
            }
        }

        for (int i = 0; i < qPair.Length && any; i++)
        {
            if (qPair[i] >= 0)
            {
                Release(i, qPair, cPair);
            }
        }
    }

    /// <summary>
    /// Whether pair (i, j) is a word against an initial (a letter alone, in any script: the
    /// Cyrillic Л. of Л. В. is one too), neither of them joined to its neighbour (O Neill / Oneill
    /// is a word).
    /// </summary>
    private static bool IsInitialPair(NameToken[] qt, NameToken[] ct, ReadOnlySpan<sbyte> qPair, ReadOnlySpan<sbyte> cPair, int i, int j) =>
        IsLetter(qt[i]) != IsLetter(ct[j])
        && (i == 0 || qPair[i - 1] != j) && (i + 1 >= qPair.Length || qPair[i + 1] != j)
        && (j == 0 || cPair[j - 1] != i) && (j + 1 >= cPair.Length || cPair[j + 1] != i);

    /// <summary>Whether a token is an initial (<see cref="NameToken.IsInitial"/>) or a letter alone in another script.</summary>
    private static bool IsLetter(NameToken t) => t.IsInitial || t.Forms.Latin.Length == 1;

    private static bool IsWeakQuery(int i, Span<sbyte> qPair, Span<float> qSim) => qPair[i] < 0 || qSim[i] < MatchThreshold;

    private static bool IsWeakCandidate(int j, Span<sbyte> cPair, Span<float> qSim) => cPair[j] < 0 || qSim[cPair[j]] < MatchThreshold;

    private static void Release(int i, Span<sbyte> qPair, Span<sbyte> cPair)
    {
        int j = qPair[i];
        if (j >= 0 && cPair[j] == i)
        {
            cPair[j] = -1;
        }

        qPair[i] = -1;
    }

    private static void ReleaseCandidate(int j, Span<sbyte> qPair, Span<sbyte> cPair)
    {
        int i = cPair[j];
        if (i >= 0 && qPair[i] == j)
        {
            qPair[i] = -1;
        }

        cPair[j] = -1;
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
            f.SingleTokenCoverage = 1f;
            f.CoverageProduct = 1f;
            trace?.Add(new AlignmentStep(0, -1, 1f, AlignmentKind.Match));
            return f;
        }

        // One word said as the candidate's acronym (ناتو, НАТО, Nato: North Atlantic Treaty
        // Organization) is scored as against that acronym written as a name of its own.
        if (n == 1 && candidate.SaidAcronym is { } said && qt[0].Role == TokenRole.Name
            && TokenSimilarity(query, 0, said.Name.Tokens[0]) >= MatchThreshold)
        {
            int from = trace?.Count ?? 0;
            PairFeatures asSaid = Compute(query, said, isPerson, entityRanks, trace);
            for (int i = from; i < (trace?.Count ?? 0); i++)
            {
                trace![i] = trace[i] with { CandidateToken = -1 }; // not a word of the candidate's name
            }

            return asSaid;
        }

        Span<float> sim = stackalloc float[n * m];
        float maxSim = 0f;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < m; j++)
            {
                float s = TokenSimilarity(query, i, ct[j]);

                // A function word (in, of, في) fills no name's slot: it may match a word, but it
                // is in conflict with none (Yemen / in), so both stay unmatched.
                if (s < MatchThreshold && s > 0f && (qt[i].Role == TokenRole.Stop || ct[j].Role == TokenRole.Stop))
                {
                    s = 0f;
                }

                sim[(i * m) + j] = s;
                maxSim = MathF.Max(maxSim, s);
            }
        }

        Span<sbyte> qPair = stackalloc sbyte[n];
        Span<sbyte> cPair = stackalloc sbyte[m];
        Span<float> qSim = stackalloc float[n];
        qPair.Fill(-1);
        cPair.Fill(-1);

        // Joining split tokens only matters for a pair with some similar token, or where one
        // side is a single token (SaiJeevadhara); most candidates have neither and skip it.
        if (maxSim >= ConflictFloor || n == 1 || m == 1)
        {
            JoinSplitTokens(qt, ct, n, m, sim, qPair, cPair, qSim, queryJoined: true);
            JoinSplitTokens(qt, ct, n, m, sim, qPair, cPair, qSim, queryJoined: false);
        }

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

        ReleaseLoneInitials(qt, ct, qPair, cPair, qSim);

        float wq = 0f, wc = 0f, covQ = 0f, covC = 0f, unQ = 0f, unC = 0f, conflict = 0f, matchedWeight = 0f;
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
                matchedWeight += w;
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
        f.SimilarityDeficit = matchedWeight > 0f ? MathF.Min(1f, 4f * (1f - (covQ / matchedWeight))) : 0f;
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
        f.MaxMatchedRarity = matchedRarity / (1f + matchedRarity);
        f.UnmatchedRarity = unmatchedRarity / (1f + unmatchedRarity);
        f.Titles = query.Name.Titles.Length > 0 ? 1f : 0f;
        f.SingleTokenCoverage = f.SingleToken * f.CoverageQuery;
        f.CoverageProduct = f.CoverageQuery * f.CoverageCandidate;
        if (f.SingleToken > 0f)
        {
            foreach (NameToken t in query.Name.Tokens)
            {
                if (t.Role == TokenRole.Name)
                {
                    // A nationality adjective alone (المصري, Egyptian) names no entity either.
                    f.SingleCommonWord = t.Forms.IsCommonName || Lexicon.Default.IsDemonym(t.Forms) ? 1f : 0f;
                    f.CommonWordPartial = f.SingleCommonWord * f.UnmatchedCandidate;
                    break;
                }
            }
        }
    }

    private static bool IsPair(Script a, Script b, Script other) =>
        (a == other && b == Script.Latin) || (a == Script.Latin && b == other);

    /// <summary>1 − Levenshtein distance / longer length, over at most 64 characters of each form; no allocation.</summary>
    internal static float EditSimilarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        // Most aligned pairs are the same word: no distance to compute.
        if (a.SequenceEqual(b))
        {
            return 1f;
        }

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
