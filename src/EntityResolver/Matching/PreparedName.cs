using EntityResolver.Text;

namespace EntityResolver.Matching;

/// <summary>A query reading with its token weights, prepared once and scored against many candidates.</summary>
internal sealed class PreparedName
{
    public PreparedName(AnalyzedName name, TokenStatistics statistics, ulong rankClasses, bool literal)
    {
        Name = name;
        RankClasses = rankClasses;
        IsLiteral = literal;
        MaxWeight = statistics.MaxWeight;
        Weights = new float[name.Tokens.Length];
        FirstNameToken = -1;
        for (int i = 0; i < Weights.Length; i++)
        {
            NameToken t = name.Tokens[i];
            Weights[i] = statistics.Weight(t);
            TotalWeight += Weights[i];
            if (FirstNameToken < 0 && t.Role == TokenRole.Name && !t.Forms.IsNamePrefix)
            {
                FirstNameToken = i;
            }
        }
    }

    public AnalyzedName Name { get; }

    /// <summary>
    /// Per query token, the similarity already computed against each registry token. Registry
    /// tokens are shared objects (one per distinct normalized token), so a common token such as
    /// Muhammad is compared once per query, not once per alias. Owned by one query: not shared
    /// between threads.
    /// </summary>
    private Dictionary<TokenForms, float>[]? _memo;

    /// <summary>How many registry tokens each query token's memo starts with room for (see <see cref="Reserve"/>).</summary>
    private int _capacity;

    /// <summary>
    /// Makes room in the memo for the tokens of <paramref name="candidates"/> candidate names
    /// before they are scored: a memo grown entry by entry spends more time copying itself than
    /// it saves on similarities.
    /// </summary>
    public void Reserve(int candidates)
    {
        _capacity = Math.Max(_capacity, 3 * candidates);
        if (_memo is null)
        {
            return;
        }

        foreach (Dictionary<TokenForms, float>? memo in _memo)
        {
            memo?.EnsureCapacity(_capacity);
        }
    }

    public float CachedSimilarity(int queryToken, NameToken candidate)
    {
        _memo ??= new Dictionary<TokenForms, float>[Name.Tokens.Length];
        var memo = _memo[queryToken] ??= new Dictionary<TokenForms, float>(_capacity, ReferenceEqualityComparer.Instance);
        if (!memo.TryGetValue(candidate.Forms, out float s))
        {
            s = PairScorer.TokenSimilarity(Name.Tokens[queryToken], candidate);
            memo[candidate.Forms] = s;
        }

        return s;
    }

    public float[] Weights { get; }

    public float TotalWeight { get; }

    public int FirstNameToken { get; }

    /// <summary>The rank classes of the titles before the name (see Data/lexicon/ranks.tsv).</summary>
    public ulong RankClasses { get; }

    /// <summary>Whether this reading keeps the title words as part of the name.</summary>
    public bool IsLiteral { get; }

    /// <summary>The weight of a token unique in the registry.</summary>
    public float MaxWeight { get; }
}
