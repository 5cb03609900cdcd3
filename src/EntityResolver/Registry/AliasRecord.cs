using EntityResolver.Text;

namespace EntityResolver;

/// <summary>One analyzed name of one entity, ready to score: tokens, weights, acronym.</summary>
internal sealed class AliasRecord
{
    public AliasRecord(int entityIndex, int nameIndex, AnalyzedName name, float[] weights, string? acronym)
    {
        EntityIndex = entityIndex;
        NameIndex = nameIndex;
        Name = name;
        Weights = weights;
        Acronym = acronym;
        float total = 0f;
        foreach (float w in weights)
        {
            total += w;
        }

        TotalWeight = total;
        FirstNameToken = -1;
        for (int i = 0; i < name.Tokens.Length; i++)
        {
            NameToken t = name.Tokens[i];
            if (t.Role == TokenRole.Name && !t.Forms.IsNamePrefix)
            {
                FirstNameToken = i;
                break;
            }
        }
    }

    public int EntityIndex { get; }

    public int NameIndex { get; }

    public AnalyzedName Name { get; }

    /// <summary>Rarity weight of each token (see <see cref="TokenStatistics"/>).</summary>
    public float[] Weights { get; }

    public float TotalWeight { get; }

    /// <summary>The index of the first discriminating name token (the given name), or -1.</summary>
    public int FirstNameToken { get; }

    /// <summary>The initials of an organization name with several words (International Monetary Fund: imf).</summary>
    public string? Acronym { get; }
}
