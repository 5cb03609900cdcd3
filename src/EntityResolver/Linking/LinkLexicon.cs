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

/// <summary>A canonical military rank and its grade (higher is more senior).</summary>
internal readonly record struct Rank(string Name, int Grade);

/// <summary>
/// The linker's reference data (Data/lexicon/ranks.tsv, kinship.tsv): rank words of every script
/// mapped to one canonical rank, and kinship words. Entries are stored normalized.
/// </summary>
internal sealed class LinkLexicon
{
    private static readonly Lazy<LinkLexicon> Instance = new(() => new LinkLexicon());

    private LinkLexicon()
    {
        var ranks = new Dictionary<string, Rank>(StringComparer.Ordinal);
        foreach (string[] row in ResourceData.ReadTable("lexicon/ranks.tsv"))
        {
            string phrase = string.Join(' ', NormalizeWords(row[0]));
            if (phrase.Length > 0 && row.Length > 2 && int.TryParse(row[2], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int grade))
            {
                ranks[phrase] = new Rank(row[1], grade);
            }
        }

        Ranks = ranks.ToFrozenDictionary(StringComparer.Ordinal);
        MaxRankWords = ranks.Keys.Max(k => k.Split(' ').Length);

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
    }

    public static LinkLexicon Default => Instance.Value;

    /// <summary>Rank phrases (normalized words joined by one space).</summary>
    public FrozenDictionary<string, Rank> Ranks { get; }

    public int MaxRankWords { get; }

    public FrozenDictionary<string, Kinship> KinshipWords { get; }

    /// <summary>The ranks named in a free-text title (<paramref name="text"/>) such as "Lieutenant General" or "الفريق أول ركن" (longest phrase first).</summary>
    public List<Rank> RanksIn(string text)
    {
        string[] words = NormalizeWords(text);
        var found = new List<Rank>();
        int i = 0;
        while (i < words.Length)
        {
            // A longer title that is not a rank wins (Secretary-General is not a general).
            int title = LongestTitle(words, i);
            int matched = 0;
            for (int len = Math.Min(MaxRankWords, words.Length - i); len >= 1 && matched == 0 && len >= title; len--)
            {
                if (Ranks.TryGetValue(string.Join(' ', words, i, len), out Rank rank))
                {
                    found.Add(rank);
                    matched = len;
                }
            }

            i += Math.Max(Math.Max(matched, title), 1);
        }

        return found;
    }

    private static int LongestTitle(string[] words, int i)
    {
        if (!Lexicon.Default.Titles.TryGetValue(words[i], out var phrases))
        {
            return 0;
        }

        foreach (var (phrase, _) in phrases)
        {
            if (i + phrase.Length <= words.Length && phrase.AsSpan().SequenceEqual(words.AsSpan(i, phrase.Length)))
            {
                return phrase.Length;
            }
        }

        return 0;
    }

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
