using BenchmarkDotNet.Attributes;
using EntityResolver.DataGen;
using EntityResolver.Indexing;
using EntityResolver.Matching;
using EntityResolver.Text;
using FuzzySharp;

namespace EntityResolver.Benchmarks;

/// <summary>The hot path pieces on the 10k registry: preparing a query and scoring one pair.</summary>
public class HotPathBenchmarks
{
    private EntityRegistry _registry = null!;
    private NameAnalyzer _analyzer = null!;
    private PreparedName _query = null!;
    private AliasRecord _alias = null!;
    private string _text = "";

    [GlobalSetup]
    public void Setup()
    {
        _registry = Accuracy.Load("10k");
        _analyzer = new NameAnalyzer();
        GeneratedQuery q = BenchData.Queries("10k").First(q => q.GoldId is not null && q.Noise.Contains("typo", StringComparison.Ordinal));
        _text = q.Text;
        _query = Prepare();
        _registry.TryGetEntity(q.GoldId!, out Entity? gold);
        int entityIndex = _registry.Entities.ToList().IndexOf(gold!);
        _alias = _registry.Aliases.First(a => a.EntityIndex == entityIndex);
    }

    /// <summary>Normalize, romanize, tokenize and weight a query (token forms cached after first sight).</summary>
    [Benchmark]
    public float PrepareQuery() => Prepare().TotalWeight;

    /// <summary>Align and score one (query, alias) pair: the per-candidate cost; must not allocate.</summary>
    [Benchmark]
    public float ScorePair() => ScoringModel.Default.Score(PairScorer.Compute(_query, _alias, isPerson: true, 0));

    private PreparedName Prepare() => new(_analyzer.AnalyzeQuery(_text).Primary, _registry.Statistics, 0);
}

/// <summary>
/// The token similarity of the 10k queries' words against the words of the candidates the
/// search finds for them (the pairs scoring meets, most of them wrong candidates, many across
/// scripts with their readings): what a token pair costs before <see cref="SimilarityMemo"/>
/// keeps it.
/// </summary>
public class TokenSimilarityBenchmarks
{
    private const int PairsPerOp = 8192;
    private (TokenForms Query, TokenForms Alias)[] _pairs = [];

    [GlobalSetup]
    public void Setup()
    {
        EntityRegistry registry = Accuracy.Load("10k");
        var analyzer = new NameAnalyzer();
        var pairs = new List<(TokenForms, TokenForms)>();
        foreach (GeneratedQuery q in BenchData.Queries("10k").Take(200))
        {
            var prepared = new PreparedName(analyzer.AnalyzeQuery(q.Text).Primary, registry.Statistics, 0);
            foreach (Candidate candidate in CandidateSearch.Find(registry.Index, [prepared]).ToArray())
            {
                foreach (NameToken queryToken in prepared.Name.Tokens)
                {
                    pairs.AddRange(registry.Aliases[candidate.Alias].Name.Tokens.Select(t => (queryToken.Forms, t.Forms)));
                }
            }
        }

        _pairs = [.. pairs];
    }

    /// <summary>The pairs in turn, <see cref="PairsPerOp"/> per operation; the figure is per pair.</summary>
    [Benchmark(OperationsPerInvoke = PairsPerOp)]
    public float Similarity()
    {
        float sum = 0f;
        for (int i = 0; i < PairsPerOp; i++)
        {
            (TokenForms a, TokenForms b) = _pairs[i % _pairs.Length];
            sum += Phonetics.Similarity(a, b, 0f);
        }

        return sum;
    }
}

/// <summary>
/// Resolution against FuzzySharp's brute force (<c>Process.ExtractOne</c> over every name, the
/// baseline) on the same 16 queries per operation, at 10k and 100k entities.
/// </summary>
public class ResolveVsFuzzySharpBenchmarks
{
    private const int QueriesPerOp = 16;
    private NameResolver _resolver = null!;
    private string[] _choices = [];
    private string[] _queries = [];

    [Params("10k", "100k")]
    public string Size { get; set; } = "10k";

    [GlobalSetup]
    public void Setup()
    {
        EntityRegistry registry = Accuracy.Load(Size);
        _resolver = new NameResolver(registry);
        _choices = Accuracy.Choices(registry).Choices;
        _queries = [.. BenchData.Queries(Size).Take(QueriesPerOp).Select(q => q.Text)];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = QueriesPerOp)]
    public int FuzzySharpExtractOne()
    {
        int sum = 0;
        foreach (string q in _queries)
        {
            sum += Process.ExtractOne(q, _choices)?.Index ?? 0;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = QueriesPerOp)]
    public int Resolve() => BenchData.ResolveAll(_resolver, _queries);
}

/// <summary>Resolution latency against registry size (one query per operation, averaged over 256 queries).</summary>
public class ResolveScalingBenchmarks
{
    private const int QueriesPerOp = 256;
    private NameResolver _resolver = null!;
    private string[] _queries = [];

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "10k";

    /// <summary>10k, 100k and 1m, or the comma-separated sizes in <c>ER_BENCH_SIZES</c> (an A/B run of one size).</summary>
    public static IEnumerable<string> Sizes => Environment.GetEnvironmentVariable("ER_BENCH_SIZES")?.Split(',') ?? ["10k", "100k", "1m"];

    [GlobalSetup]
    public void Setup()
    {
        _resolver = new NameResolver(Accuracy.Load(Size));
        _queries = [.. BenchData.Queries(Size).Skip(100).Take(QueriesPerOp).Select(q => q.Text)];
    }

    [Benchmark(OperationsPerInvoke = QueriesPerOp)]
    public int Resolve() => BenchData.ResolveAll(_resolver, _queries);
}

/// <summary>Building the candidate index over the analyzed aliases of the 100k registry.</summary>
public class BuildIndexBenchmarks
{
    private EntityRegistry _registry = null!;

    [GlobalSetup]
    public void Setup() => _registry = Accuracy.Load("100k");

    [Benchmark]
    public int BuildIndex() => CandidateIndex.Build(_registry.Aliases).KeyCount;
}

/// <summary>
/// Linking throughput on the five seed articles (Hindi, Arabic, English, English, Urdu) against the
/// embedded default registry: one operation links all five; divide their size by the time for MB/s.
/// </summary>
public class LinkingBenchmarks
{
    private EntityLinker _linker = null!;
    private string[] _articles = [];

    /// <summary>UTF-8 size of the five articles, for the throughput in the docs.</summary>
    public static long ArticleBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "articles");
        _articles = [.. Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)];
        ArticleBytes = _articles.Sum(a => (long)System.Text.Encoding.UTF8.GetByteCount(a));
        _linker = new EntityLinker(new NameResolver(EntityRegistry.Default));
        Console.WriteLine($"// five articles, {ArticleBytes} UTF-8 bytes");
    }

    /// <summary>Link all five articles with one linker: its word and span caches are warm after the first operation (an upper bound).</summary>
    [Benchmark]
    public int LinkSeedArticlesWarm() => LinkAll(_linker);

    /// <summary>Link all five articles with a new linker each time: its caches start empty (the registry's gazetteer is shared).</summary>
    [Benchmark(Baseline = true)]
    public int LinkSeedArticlesColdLinker() => LinkAll(new EntityLinker(new NameResolver(EntityRegistry.Default)));

    private int LinkAll(EntityLinker linker)
    {
        int mentions = 0;
        foreach (string article in _articles)
        {
            mentions += linker.Link(article).Count;
        }

        return mentions;
    }
}

/// <summary>
/// Linking throughput against a large registry (a million generated entities plus the seed
/// entities): the registry comes from <c>ER_LINK_REGISTRY</c> (see <see cref="LinkScale"/>; the
/// benchmark fails with an explanation when it is not set). One operation links the five seed
/// articles. The gazetteer is built and its lookup memo warmed in the setup (its build time is
/// printed there; cold numbers come from the <c>link-scale</c> mode).
/// </summary>
public class LinkingLargeRegistryBenchmarks
{
    private NameResolver _resolver = null!;
    private EntityLinker _linker = null!;
    private string[] _articles = [];

    [GlobalSetup]
    public void Setup()
    {
        string path = LinkScale.RegistryPath([]) ?? throw new InvalidOperationException(LinkScale.Missing());
        _resolver = new NameResolver(LinkScale.LoadWithSeed(path, Console.Out));
        _articles = [.. LinkScale.Articles().Select(a => a.Text)];
        var sw = System.Diagnostics.Stopwatch.StartNew();
        _linker = new EntityLinker(_resolver);
        Console.WriteLine($"// gazetteer of {_resolver.Registry.Count:N0} entities built in {sw.Elapsed.TotalSeconds:0.0} s");
        sw.Restart();
        int mentions = LinkAll(_linker);
        Console.WriteLine($"// first (cold) pass over the five articles: {sw.Elapsed.TotalSeconds:0.0} s, {mentions} mentions, {_linker.ResolverCalls} resolver calls");
    }

    /// <summary>Each article through a new linker (its word, span and resolver caches empty; the registry's gazetteer shared).</summary>
    [Benchmark(Baseline = true)]
    public int NewLinkerPerDocument()
    {
        int mentions = 0;
        foreach (string article in _articles)
        {
            mentions += new EntityLinker(_resolver).Link(article).Count;
        }

        return mentions;
    }

    /// <summary>The same articles through one shared linker (every span cached: an upper bound).</summary>
    [Benchmark]
    public int SharedLinkerSameArticles() => LinkAll(_linker);

    private int LinkAll(EntityLinker linker)
    {
        int mentions = 0;
        foreach (string article in _articles)
        {
            mentions += linker.Link(article).Count;
        }

        return mentions;
    }
}
