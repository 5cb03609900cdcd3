using EntityResolver.Text;

namespace EntityResolver;

/// <summary>One analyzed name of one entity, ready to score: tokens, weights, acronym.</summary>
internal sealed class AliasRecord
{
    public AliasRecord(int entityIndex, int nameIndex, AnalyzedName name, float[] weights, string? acronym, AliasRecord? saidAcronym = null)
    {
        EntityIndex = entityIndex;
        NameIndex = nameIndex;
        Name = name;
        Weights = weights;
        if (saidAcronym is not null && !string.Equals(saidAcronym.Name.Tokens[0].Forms.Latin, acronym, StringComparison.Ordinal))
        {
            throw new ArgumentException("The said acronym must be the acronym's letters read as a word.", nameof(saidAcronym));
        }

        _acronym = (object?)saidAcronym ?? acronym;
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

    /// <summary>
    /// <see cref="Acronym"/>, or <see cref="SaidAcronym"/>, whose word is those letters: one field
    /// instead of two, since few aliases have either (8 bytes per alias of any registry, 14 MiB at
    /// a million entities).
    /// </summary>
    private readonly object? _acronym;

    /// <summary>The initials of an organization name with several words (International Monetary Fund: imf).</summary>
    public string? Acronym => _acronym as string ?? (_acronym as AliasRecord)?.Name.Tokens[0].Forms.Latin;

    /// <summary>
    /// <see cref="Acronym"/> read as a word, when it is said as one (North Atlantic Treaty
    /// Organization: NATO; see <see cref="EntityRegistry.AcronymWordOf"/>), as a one-word name of
    /// the same entity: what a one-word query in another script or in lower case is scored against
    /// when it meets that word (ناتو, НАТО, Nato), as if the registry listed the acronym; otherwise null.
    /// </summary>
    public AliasRecord? SaidAcronym => _acronym as AliasRecord;

    /// <summary>The word of <see cref="SaidAcronym"/>: the acronym's forms, written in capitals.</summary>
    public static NameToken SaidAcronymWord(TokenForms forms) => new(forms, TokenRole.Name, forms.Latin.ToUpperInvariant(), false);

    /// <summary>The one-word name that is <see cref="SaidAcronym"/> of alias <paramref name="nameIndex"/> of entity <paramref name="entityIndex"/>.</summary>
    public static AliasRecord SaidAcronymName(int entityIndex, int nameIndex, NameToken word, float weight) =>
        new(entityIndex, nameIndex, new AnalyzedName([word], [], isAcronym: true), [weight], acronym: null);
}
