using System.Collections.Frozen;
using EntityResolver.Text;

namespace EntityResolver.Indexing;

/// <summary>
/// Inverted index from blocking keys to aliases. A token's keys are its consonant skeleton and,
/// for skeletons of three or more classes, each skeleton with one class deleted (symmetric
/// deletion: two tokens one edit apart share a key). Acronyms have keys of their own. Built
/// once, immutable, safe for concurrent readers.
/// </summary>
internal sealed class CandidateIndex
{
    private readonly FrozenDictionary<string, int[]> _postings;

    private CandidateIndex(FrozenDictionary<string, int[]> postings) => _postings = postings;

    public int KeyCount => _postings.Count;

    public static CandidateIndex Build(IReadOnlyList<AliasRecord> aliases)
    {
        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (int a = 0; a < aliases.Count; a++)
        {
            keys.Clear();
            AliasRecord alias = aliases[a];
            NameToken? previous = null;
            foreach (NameToken token in alias.Name.Tokens)
            {
                if (token.Role == TokenRole.Name)
                {
                    AddKeys(token.Forms.Skeleton, keys);
                    if (previous is not null)
                    {
                        keys.Add(JoinedSkeleton(previous, token));
                    }

                    previous = token;
                }
            }

            if (alias.Acronym is not null)
            {
                keys.Add(AcronymKey(alias.Acronym));
            }

            foreach (string key in keys)
            {
                if (!lists.TryGetValue(key, out var list))
                {
                    lists[key] = list = [];
                }

                list.Add(a);
            }
        }

        return new CandidateIndex(lists.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal));
    }

    public static string AcronymKey(string acronym) => "#" + acronym;

    /// <summary>The skeleton of two adjacent tokens written as one (Wali Jan / Walijan).</summary>
    public static string JoinedSkeleton(NameToken first, NameToken second) =>
        Phonetics.Skeleton(string.Concat(first.Forms.Phonetic, second.Forms.Phonetic));

    /// <summary>The blocking keys of one skeleton.</summary>
    public static void AddKeys(string skeleton, HashSet<string> keys)
    {
        if (skeleton.Length == 0)
        {
            return;
        }

        keys.Add(skeleton);
        if (skeleton.Length >= 3)
        {
            for (int i = 0; i < skeleton.Length; i++)
            {
                keys.Add(string.Concat(skeleton.AsSpan(0, i), skeleton.AsSpan(i + 1)));
            }
        }
    }

    /// <summary>The aliases posted under <paramref name="key"/> (empty when none).</summary>
    public ReadOnlySpan<int> Postings(string key) => _postings.TryGetValue(key, out int[]? list) ? list : [];
}
