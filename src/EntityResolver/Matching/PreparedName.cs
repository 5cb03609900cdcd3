using EntityResolver.Text;

namespace EntityResolver.Matching;

/// <summary>Which reading of a query a <see cref="PreparedName"/> is (see <see cref="PreparedName.Readings"/>).</summary>
internal enum ReadingKind : byte
{
    /// <summary>The query without its titles: the reading every query has.</summary>
    Primary,
    /// <summary>Title words read as name words (<see cref="PreparedName.IsLiteral"/>).</summary>
    Literal,
    /// <summary>One Arabic-script word with its article, and a proclitic before it, kept (<see cref="NameAnalyzer.ArticleReading"/>).</summary>
    Article,
    /// <summary>Cyrillic words written by the Palladius system, in pinyin (<see cref="NameAnalyzer.PinyinReading"/>).</summary>
    Pinyin,
    /// <summary>A name of several words in Urdu or Persian letters with its articles kept (<see cref="NameAnalyzer.WholeWordReading"/>).</summary>
    Whole,
}

/// <summary>A query reading with its token weights, prepared once and scored against many candidates.</summary>
internal sealed class PreparedName
{
    public PreparedName(AnalyzedName name, TokenStatistics statistics, ulong rankClasses, ReadingKind kind = ReadingKind.Primary)
    {
        Name = name;
        RankClasses = rankClasses;
        Kind = kind;
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

    /// <summary>
    /// A query's readings, prepared as the resolver scores them: first the reading without titles;
    /// then, when there were titles, the literal reading (titles read as name words: a fallback,
    /// see <see cref="IsLiteral"/>); or, for one Arabic-script word, the reading with its article (and a
    /// proclitic before it) kept (<see cref="NameAnalyzer.ArticleReading"/>); or, for a name of
    /// several words in Urdu or Persian letters, the reading with its articles kept
    /// (<see cref="NameAnalyzer.WholeWordReading"/>); or, for Cyrillic
    /// words written by the Palladius system, the reading with them in pinyin (<see cref="NameAnalyzer.PinyinReading"/>).
    /// Empty when the query has no name word.
    /// </summary>
    public static PreparedName[] Readings(NameAnalyzer analyzer, string query, TokenStatistics statistics)
    {
        var (primary, literal) = analyzer.AnalyzeQuery(query);
        if (primary.IsEmpty)
        {
            return [];
        }

        ulong ranks = primary.Titles.Length > 0 ? Lexicon.Default.RankClasses(primary.Titles) : 0;
        var first = new PreparedName(primary, statistics, ranks);
        if (literal is not null)
        {
            return [first, new PreparedName(literal, statistics, ranks, ReadingKind.Literal)];
        }

        if (analyzer.ArticleReading(primary) is { } article)
        {
            return [first, new PreparedName(article, statistics, ranks, ReadingKind.Article)];
        }

        if (analyzer.WholeWordReading(query, primary) is { } whole)
        {
            return [first, new PreparedName(whole, statistics, ranks, ReadingKind.Whole)];
        }

        return analyzer.PinyinReading(primary) is { } pinyin ? [first, new PreparedName(pinyin, statistics, ranks, ReadingKind.Pinyin)] : [first];
    }

    public AnalyzedName Name { get; }

    /// <summary>
    /// This reading's key in <see cref="SimilarityMemo"/>: unique in the process (a 64-bit count
    /// that does not wrap), so no other reading's similarities are taken for this one's.
    /// </summary>
    public long MemoOwner { get; } = Interlocked.Increment(ref s_memoOwners);

    private static long s_memoOwners;

    public float[] Weights { get; }

    public float TotalWeight { get; }

    public int FirstNameToken { get; }

    /// <summary>The rank classes of the titles before the name (see Data/lexicon/ranks.tsv).</summary>
    public ulong RankClasses { get; }

    /// <summary>Which reading of the query this is.</summary>
    public ReadingKind Kind { get; }

    /// <summary>Whether this reading keeps the title words as part of the name.</summary>
    public bool IsLiteral => Kind == ReadingKind.Literal;

    /// <summary>The weight of a token unique in the registry.</summary>
    public float MaxWeight { get; }
}
