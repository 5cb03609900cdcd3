using System.Collections.Frozen;

namespace EntityResolver.Text;

/// <summary>The kind of a title-lexicon entry.</summary>
internal enum TitleKind : byte
{
    Rank,
    Office,
    Honorific,
    Role,
    Connector,
}

/// <summary>The kind of a name particle.</summary>
internal enum ParticleKind : byte
{
    None,
    Article,
    Link,
    Head,
    Stop,
}

/// <summary>
/// The embedded word lists (Data/lexicon): titles, particles, common names, letter names. All
/// entries are stored in the normalized form the analyzer compares against.
/// </summary>
internal sealed class Lexicon
{
    private static readonly Lazy<Lexicon> Instance = new(() => new Lexicon());

    private Lexicon()
    {
        var titles = new Dictionary<string, List<(string[] Phrase, TitleKind Kind)>>(StringComparer.Ordinal);
        foreach (string[] row in ResourceData.ReadTable("lexicon/titles.tsv"))
        {
            string[] words = NormalizeWords(row[0]);
            if (words.Length == 0)
            {
                continue;
            }

            TitleKind kind = row.Length > 2 ? ParseKind(row[2]) : TitleKind.Role;
            if (!titles.TryGetValue(words[0], out var list))
            {
                titles[words[0]] = list = [];
            }

            list.Add((words, kind));
        }

        foreach (var list in titles.Values)
        {
            list.Sort((a, b) => b.Phrase.Length.CompareTo(a.Phrase.Length));
        }

        Titles = titles.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

        var particles = new Dictionary<string, (ParticleKind, string?)>(StringComparer.Ordinal);
        foreach (string[] row in ResourceData.ReadTable("lexicon/particles.tsv"))
        {
            string[] words = NormalizeWords(row[0]);
            if (words.Length != 1)
            {
                continue;
            }

            ParticleKind kind = row[1] switch
            {
                "article" => ParticleKind.Article,
                "link" => ParticleKind.Link,
                "head" => ParticleKind.Head,
                _ => ParticleKind.Stop,
            };
            particles[words[0]] = (kind, row.Length > 2 && row[2].Length > 0 ? row[2] : null);
        }

        Particles = particles.ToFrozenDictionary(StringComparer.Ordinal);

        var common = new List<string>();
        foreach (string[] row in ResourceData.ReadTable("lexicon/common-names.tsv"))
        {
            common.Add(Phonetics.Encode(Romanizer.LatinToAscii(row[0])));
        }

        CommonNamePhonetics = [.. common];

        var letters = new Dictionary<string, char>(StringComparer.Ordinal);
        foreach (string[] row in ResourceData.ReadTable("lexicon/letters.tsv"))
        {
            for (int i = 1; i < row.Length; i++)
            {
                string[] words = NormalizeWords(row[i]);
                if (words.Length == 1)
                {
                    letters[words[0]] = row[0][0];
                }
            }
        }

        LetterNames = letters.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static Lexicon Default => Instance.Value;

    /// <summary>Title phrases keyed by their first normalized word, longest first.</summary>
    public FrozenDictionary<string, (string[] Phrase, TitleKind Kind)[]> Titles { get; }

    /// <summary>Particles by normalized word, with the Latin form of heads.</summary>
    public FrozenDictionary<string, (ParticleKind Kind, string? Canonical)> Particles { get; }

    /// <summary>Phonetic forms of non-discriminating given names.</summary>
    public string[] CommonNamePhonetics { get; }

    /// <summary>Urdu and Hindi spellings of Latin letter names.</summary>
    public FrozenDictionary<string, char> LetterNames { get; }

    public ParticleKind ParticleOf(string normalized, out string? canonical)
    {
        if (Particles.TryGetValue(normalized, out var p))
        {
            canonical = p.Canonical;
            return p.Kind;
        }

        canonical = null;
        return ParticleKind.None;
    }

    private static TitleKind ParseKind(string s) => s switch
    {
        "rank" => TitleKind.Rank,
        "office" => TitleKind.Office,
        "honorific" => TitleKind.Honorific,
        "connector" => TitleKind.Connector,
        _ => TitleKind.Role,
    };

    private static string[] NormalizeWords(string phrase)
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
