using System.Runtime.CompilerServices;
using EntityResolver.Text;

namespace EntityResolver.Matching;

/// <summary>
/// The token similarities a thread has computed lately, keyed by the query reading, its token and
/// the registry token's forms: a common registry word such as Muhammad is compared once per query
/// token, not once per alias. A fixed table per thread, reused from query to query, so a query
/// allocates nothing for it; lossy (an entry may be overwritten by a later one), so a miss only
/// computes the similarity again.
/// </summary>
internal static class SimilarityMemo
{
    /// <summary>
    /// Entries per thread (96 KiB): ten times the distinct (query token, registry token) pairs of
    /// a typical query's candidates (128 candidates of up to three words for one query word, or 32
    /// for three: about 400). The entries keep the forms they hold alive until overwritten: at
    /// most this many per thread.
    /// </summary>
    private const int Size = 1 << 12;

    private const int Mask = Size - 1;

    /// <summary>How many slots from its hash an entry may sit in.</summary>
    private const int Probe = 4;

    private struct Entry
    {
        public TokenForms? Forms;
        public long Owner;
        public int Token;
        public float Similarity;
    }

    [ThreadStatic]
    private static Entry[]? t_entries;

    /// <summary>
    /// <see cref="PairScorer.TokenSimilarity(NameToken, NameToken)"/> of the query's token
    /// <paramref name="token"/> and <paramref name="candidate"/>, from the memo when it holds it.
    /// </summary>
    public static float Similarity(PreparedName query, int token, NameToken candidate)
    {
        Entry[] entries = t_entries ??= new Entry[Size];
        long owner = query.MemoOwner;
        TokenForms forms = candidate.Forms;
        int home = Slot(owner, token, forms.Id);
        int free = -1;
        for (int i = 0; i < Probe; i++)
        {
            ref Entry e = ref entries[(home + i) & Mask];
            if (e.Owner == owner)
            {
                if (e.Token == token && ReferenceEquals(e.Forms, forms))
                {
                    return e.Similarity;
                }
            }
            else if (free < 0)
            {
                free = (home + i) & Mask;
            }
        }

        float s = PairScorer.TokenSimilarity(query.Name.Tokens[token], candidate);
        ref Entry slot = ref entries[free >= 0 ? free : home];
        slot.Forms = forms;
        slot.Owner = owner;
        slot.Token = token;
        slot.Similarity = s;
        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(long owner, int token, int forms) =>
        (int)(((uint)forms * 2654435769u + (uint)token * 40503u + (uint)owner * 2246822519u) >> 20);
}
