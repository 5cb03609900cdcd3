using EntityResolver.Text;

namespace EntityResolver.Matching;

/// <summary>A query reading with its token weights, prepared once and scored against many candidates.</summary>
internal sealed class PreparedName
{
    public PreparedName(AnalyzedName name, TokenStatistics statistics)
    {
        Name = name;
        Weights = new float[name.Tokens.Length];
        FirstNameToken = -1;
        for (int i = 0; i < Weights.Length; i++)
        {
            NameToken t = name.Tokens[i];
            Weights[i] = statistics.Weight(t);
            TotalWeight += Weights[i];
            if (FirstNameToken < 0 && t.Role == TokenRole.Name && !t.Forms.IsCommonName)
            {
                FirstNameToken = i;
            }
        }
    }

    public AnalyzedName Name { get; }

    public float[] Weights { get; }

    public float TotalWeight { get; }

    public int FirstNameToken { get; }
}
