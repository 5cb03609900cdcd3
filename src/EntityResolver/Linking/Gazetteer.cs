using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using EntityResolver.Indexing;
using EntityResolver.Text;

namespace EntityResolver.Linking;

/// <summary>The best alias token a text token met: its similarity and whether it is a name word.</summary>
/// <param name="Similarity">Phonetic similarity in [0, 1] (1 for the same normalized token).</param>
/// <param name="IsName">The alias token is a name word (not a particle or function word).</param>
/// <param name="Entities">How many entities have a name word at least as similar as a match (for rarity).</param>
/// <param name="Candidates">
/// The entities (indices, ascending) with a name word similar enough to be matched or to conflict
/// (Khalid / Khalifa); null when there are too many to list (any entity may be meant).
/// </param>
internal readonly record struct GazetteerHit(float Similarity, bool IsName, int Entities, int[]? Candidates)
{
    public static readonly GazetteerHit None = new(0f, false, 0, []);

    public bool IsStrong => Similarity >= Matching.PairScorer.MatchThreshold;
}

/// <summary>
/// The vocabulary of a registry's names, for spotting name words in running text: every distinct
/// alias token, reachable through the same blocking keys as the candidate index (consonant
/// skeleton and its one-deletion variants), compared phonetically. Built once per registry
/// instance and cached with it; immutable apart from a bounded lookup memo; thread-safe.
/// </summary>
internal sealed class Gazetteer
{
    private const int MaxMemo = 100_000;
    private const int MaxCandidates = 4096;
    private static readonly ConditionalWeakTable<EntityRegistry, Gazetteer> Cache = new();

    private readonly TokenForms[] _forms;
    private readonly bool[] _isName;
    private readonly int[][] _entities;
    private readonly FrozenDictionary<string, int> _exact;
    private readonly FrozenDictionary<string, int[]> _byKey;
    private readonly ConcurrentDictionary<string, GazetteerHit> _memo = new(StringComparer.Ordinal);

    private Gazetteer(EntityRegistry registry)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var forms = new List<TokenForms>();
        var isName = new List<bool>();
        var entitySets = new List<HashSet<int>>();
        foreach (AliasRecord alias in registry.Aliases)
        {
            foreach (NameToken token in alias.Name.Tokens)
            {
                string key = token.Forms.Normalized;
                if (!index.TryGetValue(key, out int i))
                {
                    i = forms.Count;
                    index[key] = i;
                    forms.Add(token.Forms);
                    isName.Add(false);
                    entitySets.Add([]);
                }

                if (token.Role == TokenRole.Name)
                {
                    isName[i] = true;
                    entitySets[i].Add(alias.EntityIndex);
                }
            }
        }

        _forms = [.. forms];
        _isName = [.. isName];
        _entities = [.. entitySets.Select(s => s.Order().ToArray())];
        _exact = index.ToFrozenDictionary(StringComparer.Ordinal);

        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < _forms.Length; i++)
        {
            keys.Clear();
            CandidateIndex.AddKeys(_forms[i].Skeleton, keys);
            foreach (string key in keys)
            {
                if (!lists.TryGetValue(key, out var list))
                {
                    lists[key] = list = [];
                }

                list.Add(i);
            }
        }

        _byKey = lists.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The gazetteer of <paramref name="registry"/>, built on first use and kept as long as the registry lives.</summary>
    public static Gazetteer For(EntityRegistry registry) => Cache.GetValue(registry, r => new Gazetteer(r));

    /// <summary>The best alias token that <paramref name="token"/> meets.</summary>
    public GazetteerHit Lookup(TokenForms token)
    {
        if (_memo.TryGetValue(token.Normalized, out GazetteerHit hit))
        {
            return hit;
        }

        hit = Compute(token);
        if (_memo.Count < MaxMemo)
        {
            _memo.TryAdd(token.Normalized, hit);
        }

        return hit;
    }

    private GazetteerHit Compute(TokenForms token)
    {
        int exact = _exact.TryGetValue(token.Normalized, out int e) ? e : -1;
        var forms = new HashSet<int>();
        if (exact >= 0)
        {
            forms.Add(exact);
        }

        // Short words (of, al, کی) only count when written exactly as in a name.
        if (token.Latin.Length > 2 && token.Skeleton.Length > 0)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            CandidateIndex.AddKeys(token.Skeleton, keys);
            foreach (string key in keys)
            {
                if (_byKey.TryGetValue(key, out int[]? postings))
                {
                    forms.UnionWith(postings);
                }
            }
        }

        if (forms.Count == 0)
        {
            return GazetteerHit.None;
        }

        float best = 0f;
        int bestIndex = -1;
        var strong = new HashSet<int>();
        var loose = new HashSet<int>();
        foreach (int i in forms)
        {
            TokenForms f = _forms[i];
            float s = i == exact ? 1f : Phonetics.Similarity(token.Phonetic, f.Phonetic, token.PhoneticWeight, f.PhoneticWeight);
            if (s > best || (s == best && bestIndex >= 0 && _isName[i] && !_isName[bestIndex]))
            {
                best = s;
                bestIndex = i;
            }

            if (_isName[i] && s >= Matching.PairScorer.ConflictFloor && loose.Count <= MaxCandidates)
            {
                loose.UnionWith(_entities[i]);
                if (s >= Matching.PairScorer.MatchThreshold)
                {
                    strong.UnionWith(_entities[i]);
                }
            }
        }

        if (bestIndex < 0 || best <= 0f)
        {
            return GazetteerHit.None;
        }

        int[]? candidates = loose.Count > MaxCandidates ? null : [.. loose.Order()];
        return new GazetteerHit(best, _isName[bestIndex], strong.Count, candidates);
    }
}
