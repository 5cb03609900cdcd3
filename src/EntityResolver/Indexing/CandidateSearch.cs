using EntityResolver.Matching;
using EntityResolver.Text;

namespace EntityResolver.Indexing;

/// <summary>A candidate alias and its ranking weight (the query words it shares, and how alike they are spelled).</summary>
internal readonly record struct Candidate(int Alias, float Weight);

/// <summary>
/// Candidate generation over a <see cref="CandidateIndex"/>: the query's name tokens become
/// terms (skeleton, one-deletion and joined-word keys); keys are visited rarest first; every
/// alias hit accumulates the rarity weight of the terms it shares with the query (once per
/// term); the aliases with the best overlap go to full scoring, down to a cutoff that rises with
/// the best overlap found.
/// </summary>
/// <remarks>
/// <para>Bounds: keys admit new aliases, rarest first, until <see cref="AdmitBudget"/> postings
/// were read; later keys only add their weight to aliases already admitted, within
/// <see cref="BoostBudget"/> postings (keys longer than <see cref="BoostCap"/> are skipped: such
/// common words weigh little). When even the rarest key
/// is over budget (a query of common words only), the two rarest terms are intersected by a
/// sorted merge of their postings; failing that, the rarest key is cut at the budget (the per-key
/// cap).</para>
/// <para>Hit aliases live in a pooled per-thread open-addressing table sized to the budget (it
/// fits the CPU cache; nothing proportional to the registry is touched at random), so nothing
/// is allocated per posting or per candidate.</para>
/// </remarks>
internal static class CandidateSearch
{
    /// <summary>The most aliases handed to full scoring.</summary>
    public const int MaxCandidates = 128;

    /// <summary>The fewest handed to full scoring when there are that many (the cutoff never goes below).</summary>
    public const int MinCandidates = 48;

    /// <summary>Candidates whose overlap is below this share of the best overlap are not scored (past <see cref="MinCandidates"/>).</summary>
    public const float CutoffRatio = 0.4f;

    /// <summary>Postings read while admitting new aliases.</summary>
    public const int AdmitBudget = 6000;

    /// <summary>Keys with more postings than this do not even add weight to admitted aliases (such common keys weigh little).</summary>
    public const int BoostCap = 10_000;

    /// <summary>Postings read in all while adding weight to admitted aliases.</summary>
    public const int BoostBudget = 40_000;

    /// <summary>Share of the heavier word's weight that two adjacent query words written as one are worth.</summary>
    private const float JoinedShare = 0.5f;

    /// <summary>
    /// Weight of the letter-pair similarity (<see cref="CandidateIndex.SignatureSimilarity"/>) in
    /// the overlap that ranks candidates: it orders the many aliases that share a query word's
    /// skeleton (single-word queries tie by the hundred on the skeleton alone).
    /// </summary>
    public const float SimilarityShare = 2f;

    /// <summary>Weight added when a term first hit through a deletion is then hit through its skeleton.</summary>
    private const float UpgradeShare = 0.4f;

    private const int MaxTerms = 32;
    private const int MaxKeys = 256;

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>
    /// Finds candidate aliases for the query readings, best first. The span is pooled: valid
    /// until the next call on the same thread.
    /// </summary>
    public static ReadOnlySpan<Candidate> Find(CandidateIndex index, scoped ReadOnlySpan<PreparedName> readings)
    {
        Scratch s = t_scratch ??= new Scratch();
        s.Begin();

        // Terms: distinct skeletons of name tokens (a repeated word counts once, as in the
        // alias weights of the index), each with its best weight.
        Span<int> ids = stackalloc int[64];
        int termCount = 0, keyCount = 0;
        Span<float> weights = stackalloc float[MaxTerms];
        Span<float> readingWeights = stackalloc float[MaxTerms];
        foreach (PreparedName reading in readings)
        {
            readingWeights.Clear();
            NameToken[] tokens = reading.Name.Tokens;
            int previous = -1;
            for (int t = 0; t < tokens.Length && termCount < MaxTerms - 1; t++)
            {
                NameToken token = tokens[t];
                if (token.Role != TokenRole.Name || token.Forms.Skeleton.Length == 0)
                {
                    continue;
                }

                // An acronym (ISPR) is looked up as the initials of organization names and as a word.
                if (reading.Name.IsAcronym)
                {
                    AddTerm(CandidateIndex.AcronymKey(token.Forms.Latin), acronym: true, reading.Weights[t], index, s, ref termCount, ref keyCount, weights, readingWeights, ids);
                }

                AddTerm(token.Forms.Skeleton, acronym: false, reading.Weights[t], index, s, ref termCount, ref keyCount, weights, readingWeights, ids);

                // Two adjacent words that the registry may write as one (Wali Jan / Walijan).
                if (previous >= 0 && termCount < MaxTerms - 1)
                {
                    int before = termCount;
                    AddTerm(CandidateIndex.JoinedSkeleton(tokens[previous], token), acronym: false, JoinedShare * MathF.Max(reading.Weights[previous], reading.Weights[t]), index, s, ref termCount, ref keyCount, weights, readingWeights, ids);
                    if (termCount > before)
                    {
                        s.Joined[before] = true;
                    }
                }

                previous = t;
            }

            for (int t = 0; t < termCount; t++)
            {
                weights[t] = MathF.Max(weights[t], readingWeights[t]);
            }
        }

        if (keyCount == 0)
        {
            return [];
        }

        Span<KeyRef> keys = s.Keys.AsSpan(0, keyCount);
        // The words' own skeletons first (rarest first), then the deletion variants (rarest
        // first): a small deletion key must not use up the budget before a word's own key.
        keys.Sort(static (a, b) => a.Own != b.Own ? (a.Own ? -1 : 1) : a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.Key.CompareTo(b.Key));

        int admitted = 0, boosted = 0;
        int start = 0;
        if (keys[0].Length > AdmitBudget)
        {
            // Only common words ("Akane Raey Spirou" at a million entities): intersect the words'
            // own postings, rarest first, until few aliases remain; failing that, the rarest key
            // cut at the budget (the per-key cap).
            if (IntersectCommon(index, s, keys, weights) == 0)
            {
                foreach (int p in index.Postings(keys[0].Key)[..AdmitBudget])
                {
                    s.Hit(p >> 1, keys[0].Term, Factor(keys[0], p), weights[keys[0].Term]);
                }
            }

            admitted = AdmitBudget;
            start = 1;
        }

        for (int k = start; k < keys.Length; k++)
        {
            KeyRef key = keys[k];
            float w = weights[key.Term];
            ReadOnlySpan<int> postings = index.Postings(key.Key);
            if (admitted == 0 || admitted + postings.Length <= AdmitBudget)
            {
                admitted += postings.Length;
                foreach (int p in postings)
                {
                    s.Hit(p >> 1, key.Term, Factor(key, p), w);
                }
            }
            else if (postings.Length <= BoostCap && boosted + postings.Length <= BoostBudget)
            {
                boosted += postings.Length;
                foreach (int p in postings)
                {
                    s.Boost(p >> 1, key.Term, Factor(key, p), w);
                }
            }
        }

        // Joined words are a bonus for the Walijan / Wali Jan case, not more of the query to match.
        float queryWeight = 0f;
        for (int t = 0; t < termCount; t++)
        {
            queryWeight += s.Joined[t] ? 0f : weights[t];
        }

        ulong signature = 0;
        foreach (PreparedName reading in readings)
        {
            signature |= CandidateIndex.Signature(reading.Name.Tokens);
        }

        return s.SelectTop(index, queryWeight, signature);
    }

    private static void AddTerm(string skeleton, bool acronym, float weight, CandidateIndex index, Scratch s, ref int termCount, ref int keyCount, Span<float> weights, Span<float> readingWeights, Span<int> ids)
    {
        int term = s.Skeletons.AsSpan(0, termCount).IndexOf(skeleton);
        if (term < 0)
        {
            int n = 0;
            bool own = false;
            if (acronym)
            {
                int id = index.KeyId(skeleton);
                if (id >= 0)
                {
                    ids[n++] = id;
                    own = true;
                }
            }
            else
            {
                n = KeysOf(index, skeleton, ids, out own);
            }

            if (n == 0)
            {
                return;
            }

            term = termCount++;
            s.Skeletons[term] = skeleton;
            s.Joined[term] = false;
            weights[term] = 0f;
            for (int k = 0; k < n && keyCount < MaxKeys; k++)
            {
                bool isOwn = own && k == 0;
                s.Keys[keyCount++] = new KeyRef(ids[k], term, isOwn, index.PostingLength(ids[k]), isOwn ? skeleton.Length : skeleton.Length - 1);
            }
        }

        readingWeights[term] = MathF.Max(readingWeights[term], weight);
    }

    /// <summary>
    /// How much of a term's weight a hit is worth: full when the query's skeleton is the alias's;
    /// through a deletion on one or both sides, (k / (k + deletions))² for a key of k classes, so
    /// that meeting on two consonants ("bt" of "bnt" and of "btn") is weak evidence.
    /// </summary>
    private static float Factor(in KeyRef key, int posting)
    {
        int sides = (key.Own ? 0 : 1) + (posting & 1);
        if (sides == 0)
        {
            return 1f;
        }

        float f = key.KeyLength / (float)(key.KeyLength + sides);
        return f * f;
    }

    /// <summary>The index key ids of a skeleton: its own key first (when posted), then its deletions.</summary>
    private static int KeysOf(CandidateIndex index, string skeleton, Span<int> ids, out bool hasOwnKey)
    {
        int n = 0;
        int own = index.KeyId(skeleton);
        hasOwnKey = own >= 0;
        if (hasOwnKey)
        {
            ids[n++] = own;
        }

        if (skeleton.Length >= 3 && skeleton.Length <= 64)
        {
            Span<char> buffer = stackalloc char[skeleton.Length - 1];
            for (int i = 0; i < skeleton.Length && n < ids.Length; i++)
            {
                skeleton.AsSpan(0, i).CopyTo(buffer);
                skeleton.AsSpan(i + 1).CopyTo(buffer[i..]);
                int id = index.KeyId(buffer);
                if (id >= 0 && !ids[..n].Contains(id))
                {
                    ids[n++] = id;
                }
            }
        }

        return n;
    }

    /// <summary>
    /// Intersects the own-skeleton postings of the query's words (sorted merges, rarest first;
    /// a word that would empty the set is skipped) until at most <see cref="AdmitBudget"/>
    /// aliases remain, and admits them. Returns how many were admitted.
    /// </summary>
    private static int IntersectCommon(CandidateIndex index, Scratch s, ReadOnlySpan<KeyRef> keys, ReadOnlySpan<float> weights)
    {
        Span<int> own = stackalloc int[MaxTerms];
        int n = 0;
        for (int k = 0; k < keys.Length && n < MaxTerms; k++)
        {
            if (keys[k].Own)
            {
                own[n++] = k;
            }
        }

        if (n < 2)
        {
            return 0;
        }

        ReadOnlySpan<int> first = index.Postings(keys[own[0]].Key);
        int[] current = s.Buffer(0, first.Length), next = s.Buffer(1, first.Length);
        int count = 0;
        foreach (int p in first)
        {
            current[count++] = p >> 1;
        }

        Span<bool> used = stackalloc bool[MaxTerms];
        used[0] = true;
        for (int j = 1; j < n && count > AdmitBudget; j++)
        {
            ReadOnlySpan<int> postings = index.Postings(keys[own[j]].Key);
            int w = 0, x = 0, y = 0;
            while (x < count && y < postings.Length)
            {
                int u = current[x], v = postings[y] >> 1;
                if (u == v)
                {
                    next[w++] = u;
                    x++;
                    y++;
                }
                else if (u < v)
                {
                    x++;
                }
                else
                {
                    y++;
                }
            }

            if (w > 0)
            {
                (current, next) = (next, current);
                count = w;
                used[j] = true;
            }
        }

        count = Math.Min(count, AdmitBudget);
        for (int i = 0; i < count; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (used[j])
                {
                    s.Hit(current[i], keys[own[j]].Term, 1f, weights[keys[own[j]].Term]);
                }
            }
        }

        return count;
    }

    /// <summary>One key of one query term.</summary>
    private readonly record struct KeyRef(int Key, int Term, bool Own, int Length, int KeyLength);

    /// <summary>Per-thread pooled buffers: an open-addressing table of hit aliases, reused across queries.</summary>
    private sealed class Scratch
    {
        private const int Capacity = 1 << 14; // > 2 x AdmitBudget
        private const int Mask = Capacity - 1;

        public readonly KeyRef[] Keys = new KeyRef[MaxKeys];
        public readonly string?[] Skeletons = new string?[MaxTerms];
        public readonly bool[] Joined = new bool[MaxTerms];
        private readonly int[] _alias = new int[Capacity];
        private readonly int[] _stamp = new int[Capacity];
        private readonly float[] _weight = new float[Capacity];
        private readonly uint[] _terms = new uint[Capacity];
        private readonly uint[] _own = new uint[Capacity];
        private readonly int[] _touched = new int[Capacity];
        private readonly (float Weight, int Alias)[] _heap = new (float, int)[MaxCandidates];
        private readonly Candidate[] _result = new Candidate[MaxCandidates];
        private readonly int[][] _buffers = [[], []];
        private int _generation;

        public int Count { get; private set; }

        /// <summary>A pooled int buffer (two of them) of at least <paramref name="size"/> elements.</summary>
        public int[] Buffer(int which, int size)
        {
            if (_buffers[which].Length < size)
            {
                _buffers[which] = new int[Math.Max(size, _buffers[which].Length * 2)];
            }

            return _buffers[which];
        }

        public void Begin()
        {
            if (++_generation == int.MaxValue)
            {
                Array.Clear(_stamp);
                _generation = 1;
            }

            Count = 0;
        }

        private int Slot(int alias, out bool found)
        {
            int i = (int)((uint)alias * 2654435769u >> 18) & Mask;
            while (_stamp[i] == _generation)
            {
                if (_alias[i] == alias)
                {
                    found = true;
                    return i;
                }

                i = (i + 1) & Mask;
            }

            found = false;
            return i;
        }

        /// <summary>Admits <paramref name="alias"/> (when there is room) and adds the term's weight once.</summary>
        public void Hit(int alias, int term, float factor, float weight)
        {
            int i = Slot(alias, out bool found);
            if (!found)
            {
                if (Count >= Capacity / 2)
                {
                    return;
                }

                _stamp[i] = _generation;
                _alias[i] = alias;
                _weight[i] = 0f;
                _terms[i] = 0;
                _own[i] = 0;
                _touched[Count++] = i;
            }

            Add(i, term, factor, weight);
        }

        /// <summary>Adds the term's weight to <paramref name="alias"/> if it was admitted.</summary>
        public void Boost(int alias, int term, float factor, float weight)
        {
            int i = Slot(alias, out bool found);
            if (found)
            {
                Add(i, term, factor, weight);
            }
        }

        private void Add(int i, int term, float factor, float weight)
        {
            uint bit = 1u << term;
            if ((_terms[i] & bit) == 0)
            {
                _terms[i] |= bit;
                _weight[i] += weight * factor;
                if (factor >= 1f)
                {
                    _own[i] |= bit;
                }
            }
            else if (factor >= 1f && (_own[i] & bit) == 0)
            {
                // Hit through a deletion first, now through the skeleton itself: (about) full weight.
                _own[i] |= bit;
                _weight[i] += weight * UpgradeShare;
            }
        }

        /// <summary>
        /// The hit aliases with the best overlap (shared weight over the mean of the query's and
        /// the alias's indexed weight, so that a long alias sharing one word ranks below a short
        /// one sharing it), plus <see cref="SimilarityShare"/> times the letter-pair similarity of
        /// the query's and the alias's spelling (the skeleton keys cannot tell Prerad from Abart);
        /// ties: lower alias id. Best first, cut by <see cref="CutoffRatio"/>.
        /// </summary>
        public ReadOnlySpan<Candidate> SelectTop(CandidateIndex index, float queryWeight, ulong signature)
        {
            // A min-heap of the best: its root is the weakest kept.
            int size = 0;
            var heap = _heap;
            for (int t = 0; t < Count; t++)
            {
                int i = _touched[t];
                int alias = _alias[i];
                // One alias word can meet two query words through deletions: never more than the alias has.
                float aliasWeight = index.AliasWeight(alias);
                float w = (MathF.Min(_weight[i], aliasWeight) / (0.5f * (queryWeight + aliasWeight)))
                    + (SimilarityShare * CandidateIndex.SignatureSimilarity(signature, index.AliasSignature(alias)));
                if (size < MaxCandidates)
                {
                    heap[size] = (w, alias);
                    SiftUp(heap, size++);
                }
                else if (Better(w, alias, heap[0].Weight, heap[0].Alias))
                {
                    heap[0] = (w, alias);
                    SiftDown(heap, 0, size);
                }
            }

            int total = size;
            for (int n = size; n > 0; n--)
            {
                _result[n - 1] = new Candidate(heap[0].Alias, heap[0].Weight);
                heap[0] = heap[n - 1];
                SiftDown(heap, 0, n - 1);
            }

            int keep = total;
            if (total > MinCandidates)
            {
                float cutoff = _result[0].Weight * CutoffRatio;
                keep = MinCandidates;
                while (keep < total && _result[keep].Weight >= cutoff)
                {
                    keep++;
                }
            }

            return _result.AsSpan(0, keep);
        }

        private static bool Better(float w1, int a1, float w2, int a2) => w1 > w2 || (w1 == w2 && a1 < a2);

        private static void SiftUp((float Weight, int Alias)[] h, int i)
        {
            while (i > 0)
            {
                int p = (i - 1) / 2;
                if (!Better(h[p].Weight, h[p].Alias, h[i].Weight, h[i].Alias))
                {
                    break;
                }

                (h[p], h[i]) = (h[i], h[p]);
                i = p;
            }
        }

        private static void SiftDown((float Weight, int Alias)[] h, int i, int n)
        {
            while (true)
            {
                int l = (2 * i) + 1, r = l + 1, m = i;
                if (l < n && Better(h[m].Weight, h[m].Alias, h[l].Weight, h[l].Alias))
                {
                    m = l;
                }

                if (r < n && Better(h[m].Weight, h[m].Alias, h[r].Weight, h[r].Alias))
                {
                    m = r;
                }

                if (m == i)
                {
                    return;
                }

                (h[m], h[i]) = (h[i], h[m]);
                i = m;
            }
        }
    }
}
