using EntityResolver.Matching;
using EntityResolver.Text;

namespace EntityResolver.Indexing;

/// <summary>
/// Candidate generation over a <see cref="CandidateIndex"/>: the query's name tokens become
/// terms (skeleton and one-deletion keys), terms are visited rarest first, every alias hit
/// accumulates the rarity weight of the terms it shares with the query (once per term), and the
/// best <see cref="MaxCandidates"/> aliases by that weight are returned for full scoring.
/// </summary>
/// <remarks>
/// <para>Bounds: a key whose postings exceed <see cref="PerKeyCap"/>, or that would push the
/// set of hit aliases past <see cref="MaxTouched"/>, admits no new alias; it only adds its weight
/// to aliases already hit (a binary search per hit alias in its ascending postings). The first
/// key visited always admits, so a query made only of very common words still has candidates;
/// when its two rarest terms are both common, their postings are intersected by a sorted merge
/// first.</para>
/// <para>Scratch memory (a weight, a stamp and a term mask per alias) is pooled per thread and
/// stamped per query, so nothing is cleared and nothing is allocated per alias hit.</para>
/// </remarks>
internal static class CandidateSearch
{
    /// <summary>The most aliases handed to full scoring.</summary>
    public const int MaxCandidates = 96;

    /// <summary>Postings longer than this admit no new alias (unless nothing was hit yet).</summary>
    public const int PerKeyCap = 20_000;

    /// <summary>The most distinct aliases hit before keys stop admitting new ones.</summary>
    public const int MaxTouched = 40_000;

    /// <summary>Weight factor of a term hit through a one-deletion key rather than its own skeleton.</summary>
    private const float DeletionFactor = 0.8f;

    private const int MaxTerms = 32;

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>
    /// Finds candidate aliases for the query readings. The returned span (best first) is valid
    /// until the next call on the same thread.
    /// </summary>
    public static ReadOnlySpan<int> Find(CandidateIndex index, ReadOnlySpan<PreparedName> readings)
    {
        Scratch s = t_scratch ??= new Scratch();
        s.Begin(index.AliasCount);

        // Terms: distinct skeletons of name tokens across readings, with their best weight.
        Span<int> keyIds = stackalloc int[64];
        int termCount = 0;
        foreach (PreparedName reading in readings)
        {
            NameToken[] tokens = reading.Name.Tokens;
            for (int t = 0; t < tokens.Length && termCount < MaxTerms; t++)
            {
                NameToken token = tokens[t];
                string skeleton = token.Forms.Skeleton;
                if (token.Role != TokenRole.Name || skeleton.Length == 0)
                {
                    continue;
                }

                if (reading.Name.IsAcronym && termCount < MaxTerms - 1)
                {
                    string acronym = CandidateIndex.AcronymKey(token.Forms.Latin);
                    int acronymKey = index.KeyId(acronym);
                    if (acronymKey >= 0)
                    {
                        keyIds[0] = acronymKey;
                        termCount = s.AddTerm(termCount, acronym, reading.Weights[t], keyIds[..1], hasOwnKey: true, index);
                    }
                }

                int n = KeysOf(index, skeleton, keyIds, out bool hasOwnKey);
                if (n > 0)
                {
                    termCount = s.AddTerm(termCount, skeleton, reading.Weights[t], keyIds[..n], hasOwnKey, index);
                }
            }
        }

        if (termCount == 0)
        {
            return [];
        }

        // Rarest terms first; within a term its own skeleton first, then deletions, shortest first.
        Span<int> order = stackalloc int[termCount];
        for (int i = 0; i < termCount; i++)
        {
            order[i] = i;
        }

        Term[] terms = s.Terms;
        order.Sort((a, b) => terms[a].Cost != terms[b].Cost ? terms[a].Cost.CompareTo(terms[b].Cost) : a.CompareTo(b));

        if (termCount >= 2 && terms[order[0]].MinLength > PerKeyCap && terms[order[1]].MinLength > PerKeyCap)
        {
            // Two common words ("Muhammad Ali"): seed with the aliases that have both skeletons.
            Intersect(index, s, terms[order[0]], order[0], terms[order[1]], order[1]);
        }

        for (int oi = 0; oi < termCount; oi++)
        {
            int ti = order[oi];
            Term term = terms[ti];
            uint bit = 1u << ti;
            for (int k = 0; k < term.KeyCount; k++)
            {
                int key = s.TermKeys[(ti * Scratch.KeysPerTerm) + k];
                float weight = k == 0 && term.HasOwnKey ? term.Weight : term.Weight * DeletionFactor;
                ReadOnlySpan<int> postings = index.Postings(key);
                bool admit = s.TouchedCount == 0 || (postings.Length <= PerKeyCap && s.TouchedCount + postings.Length <= MaxTouched);
                if (admit)
                {
                    foreach (int a in postings)
                    {
                        s.Hit(a, bit, weight);
                    }
                }
                else
                {
                    s.Boost(postings, bit, weight);
                }
            }
        }

        return s.SelectTop(MaxCandidates);
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

    private static void Intersect(CandidateIndex index, Scratch s, Term a, int ia, Term b, int ib)
    {
        int keyA = s.TermKeys[ia * Scratch.KeysPerTerm];
        int keyB = s.TermKeys[ib * Scratch.KeysPerTerm];
        if (!a.HasOwnKey || !b.HasOwnKey)
        {
            return;
        }

        ReadOnlySpan<int> x = index.Postings(keyA), y = index.Postings(keyB);
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            int u = x[i], v = y[j];
            if (u == v)
            {
                s.Hit(u, 1u << ia, a.Weight);
                s.Hit(u, 1u << ib, b.Weight);
                i++;
                j++;
            }
            else if (u < v)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
    }

    /// <summary>One query term: a distinct skeleton and its keys.</summary>
    private struct Term
    {
        public float Weight;
        public long Cost;
        public int MinLength;
        public int KeyCount;
        public bool HasOwnKey;
        public string Skeleton;
    }

    /// <summary>Per-thread pooled buffers, reused across queries and indexes.</summary>
    private sealed class Scratch
    {
        public const int KeysPerTerm = 64;

        public readonly Term[] Terms = new Term[MaxTerms];
        public readonly int[] TermKeys = new int[MaxTerms * KeysPerTerm];
        private float[] _weight = [];
        private int[] _stamp = [];
        private uint[] _mask = [];
        private int[] _touched = new int[1024];
        private (float Weight, int Alias)[] _heap = new (float, int)[MaxCandidates];
        private readonly int[] _result = new int[MaxCandidates];
        private int _generation;

        public int TouchedCount { get; private set; }

        public void Begin(int aliasCount)
        {
            if (_stamp.Length < aliasCount)
            {
                int size = Math.Max(aliasCount, _stamp.Length * 2);
                _weight = new float[size];
                _stamp = new int[size];
                _mask = new uint[size];
                _generation = 0;
            }

            if (++_generation == int.MaxValue)
            {
                Array.Clear(_stamp);
                _generation = 1;
            }

            TouchedCount = 0;
        }

        public int AddTerm(int count, string skeleton, float weight, ReadOnlySpan<int> keys, bool hasOwnKey, CandidateIndex index)
        {
            for (int i = 0; i < count; i++)
            {
                if (string.Equals(Terms[i].Skeleton, skeleton, StringComparison.Ordinal))
                {
                    Terms[i].Weight = MathF.Max(Terms[i].Weight, weight);
                    return count;
                }
            }

            long cost = 0;
            int min = int.MaxValue;
            for (int k = 0; k < keys.Length; k++)
            {
                int length = index.PostingLength(keys[k]);
                cost += length;
                min = Math.Min(min, length);
                TermKeys[(count * KeysPerTerm) + k] = keys[k];
            }

            Terms[count] = new Term
            {
                Weight = weight,
                Cost = cost,
                MinLength = min,
                KeyCount = keys.Length,
                HasOwnKey = hasOwnKey,
                Skeleton = skeleton,
            };
            return count + 1;
        }

        public void Hit(int alias, uint bit, float weight)
        {
            if (_stamp[alias] != _generation)
            {
                _stamp[alias] = _generation;
                _weight[alias] = weight;
                _mask[alias] = bit;
                if (TouchedCount == _touched.Length)
                {
                    Array.Resize(ref _touched, _touched.Length * 2);
                }

                _touched[TouchedCount++] = alias;
            }
            else if ((_mask[alias] & bit) == 0)
            {
                _mask[alias] |= bit;
                _weight[alias] += weight;
            }
        }

        /// <summary>Adds <paramref name="weight"/> to the aliases already hit that are in <paramref name="postings"/>.</summary>
        public void Boost(ReadOnlySpan<int> postings, uint bit, float weight)
        {
            for (int i = 0; i < TouchedCount; i++)
            {
                int alias = _touched[i];
                if ((_mask[alias] & bit) == 0 && postings.BinarySearch(alias) >= 0)
                {
                    _mask[alias] |= bit;
                    _weight[alias] += weight;
                }
            }
        }

        /// <summary>The best <paramref name="k"/> hit aliases by weight (ties: lower alias id), best first.</summary>
        public ReadOnlySpan<int> SelectTop(int k)
        {
            // A min-heap of the best k: root is the weakest kept.
            int size = 0;
            var heap = _heap;
            for (int i = 0; i < TouchedCount; i++)
            {
                int alias = _touched[i];
                float w = _weight[alias];
                if (size < k)
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

            // Pop weakest first, fill the result from the back.
            for (int n = size; n > 0; n--)
            {
                _result[n - 1] = heap[0].Alias;
                heap[0] = heap[n - 1];
                SiftDown(heap, 0, n - 1);
            }

            return _result.AsSpan(0, size);
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
