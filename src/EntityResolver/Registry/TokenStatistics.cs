using System.Collections.Frozen;
using EntityResolver.Text;

namespace EntityResolver;

/// <summary>
/// Rarity of name tokens in a registry: weight = ln(1 + N / df), with df the number of entities
/// whose names contain the token's skeleton. A rare surname counts for more than Muhammad;
/// common given names (Data/lexicon/common-names.tsv) are damped further; particles, and the
/// designators of places (Province of Hainan Province, which a label in another script often
/// leaves out), barely count.
/// </summary>
internal sealed class TokenStatistics
{
    private const float CommonNameFactor = 0.35f;
    private const float ParticleWeight = 0.15f;
    private readonly FrozenDictionary<string, int> _documentFrequency;
    private readonly int _entityCount;

    public TokenStatistics(FrozenDictionary<string, int> documentFrequency, int entityCount)
    {
        _documentFrequency = documentFrequency;
        _entityCount = Math.Max(entityCount, 1);
        MaxWeight = MathF.Log(1f + _entityCount);
    }

    /// <summary>Entities per skeleton (written to snapshots).</summary>
    public FrozenDictionary<string, int> DocumentFrequency => _documentFrequency;

    /// <summary>The number of entities the frequencies were counted over.</summary>
    public int EntityCount => _entityCount;

    /// <summary>The weight of a token never seen in the registry.</summary>
    public float MaxWeight { get; }

    public float Weight(NameToken token)
    {
        if (token.Role != TokenRole.Name || token.Forms.IsPlaceDesignator)
        {
            return ParticleWeight;
        }

        float w = _documentFrequency.TryGetValue(token.Forms.Skeleton, out int df) ? MathF.Log(1f + ((float)_entityCount / df)) : MaxWeight;
        if (token.Forms.IsCommonName)
        {
            w *= CommonNameFactor;
        }

        if (token.IsInitial)
        {
            w *= 0.5f;
        }

        return MathF.Max(w, ParticleWeight);
    }
}
