using System.Collections.Frozen;
using EntityResolver.Text;

namespace EntityResolver.Linking;

/// <summary>What a mention is to the person named before a kinship word.</summary>
internal enum Kinship : byte
{
    None,
    Child,
    Parent,
    Sibling,
}

/// <summary>
/// The linker's own reference data: kinship words of every script and the relation they name
/// (Data/lexicon/kinship.tsv), Urdu postpositions written joined to names
/// (Data/lexicon/postpositions.tsv), and the function words a mention neither begins nor ends
/// with (Data/lexicon/function-words.tsv). Ranks come from the core lexicon (Data/lexicon/ranks.tsv). Entries are
/// stored normalized.
/// </summary>
internal sealed class LinkLexicon
{
    private static readonly Lazy<LinkLexicon> Instance = new(() => new LinkLexicon());

    private LinkLexicon()
    {
        var kin = new Dictionary<string, Kinship>(StringComparer.Ordinal);
        foreach (string[] row in ResourceData.ReadTable("lexicon/kinship.tsv"))
        {
            string[] words = NormalizeWords(row[0]);
            if (words.Length == 1 && row.Length > 1)
            {
                kin[words[0]] = row[1] switch
                {
                    "child" => Kinship.Child,
                    "parent" => Kinship.Parent,
                    _ => Kinship.Sibling,
                };
            }
        }

        KinshipWords = kin.ToFrozenDictionary(StringComparer.Ordinal);

        var postpositions = new List<string>();
        foreach (string[] row in ResourceData.ReadTable("lexicon/postpositions.tsv"))
        {
            string[] words = NormalizeWords(row[0]);
            if (words.Length == 1)
            {
                postpositions.Add(words[0]);
            }
        }

        JoinedPostpositions = [.. postpositions];

        var functionWords = new HashSet<string>(StringComparer.Ordinal);
        var finalVerbs = new HashSet<string>(StringComparer.Ordinal);
        foreach (string[] row in ResourceData.ReadTable("lexicon/function-words.tsv"))
        {
            string[] words = NormalizeWords(row[0]);
            if (words.Length == 1)
            {
                (row.Length > 2 && row[2] == "verb" ? finalVerbs : functionWords).Add(words[0]);
            }
        }

        FunctionWords = functionWords.ToFrozenSet(StringComparer.Ordinal);
        FinalVerbs = finalVerbs.ToFrozenSet(StringComparer.Ordinal);
    }

    public static LinkLexicon Default => Instance.Value;

    public FrozenDictionary<string, Kinship> KinshipWords { get; }

    /// <summary>Postpositions written joined to the word before them (Data/lexicon/postpositions.tsv), normalized.</summary>
    public string[] JoinedPostpositions { get; }

    /// <summary>Function words a mention neither begins nor ends with (Data/lexicon/function-words.tsv), normalized.</summary>
    public FrozenSet<string> FunctionWords { get; }

    /// <summary>Verbs that end a clause (दिया, کہا; the rows marked verb in function-words.tsv), normalized: a mention does not end on one.</summary>
    public FrozenSet<string> FinalVerbs { get; }

    internal static string[] NormalizeWords(string phrase)
    {
        var result = new List<string>();
        foreach (RawToken t in Tokenizer.Tokenize(phrase))
        {
            string n = TextNormalizer.NormalizeToken(phrase.AsSpan(t.Start, t.Length));
            if (n.Length > 0)
            {
                result.Add(n);
            }
        }

        return [.. result];
    }
}
