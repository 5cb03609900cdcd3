using EntityResolver.Matching;
using EntityResolver.Text;

namespace EntityResolver.Tests.Matching;

public sealed class PairFeaturesTests
{
    private static readonly EntityRegistry Registry = new EntityRegistryBuilder()
        .AddPerson("p:1", "Khalifa Belqasim Haftar")
        .AddPerson("p:2", "Saddam Khalifa Haftar")
        .AddPerson("p:3", "Manuel Garcia")
        .AddOrganization("o:1", "Inter-Services Public Relations")
        .Build();

    private static PairFeatures Features(string query, string entityId)
    {
        var (primary, _) = new NameAnalyzer().AnalyzeQuery(query);
        var prepared = new PreparedName(primary, Registry.Statistics, 0);
        Assert.True(Registry.TryGetEntity(entityId, out Entity? entity));
        int index = Registry.Entities.ToList().IndexOf(entity!);
        AliasRecord alias = Registry.Aliases.First(a => a.EntityIndex == index);
        return PairScorer.Compute(prepared, alias, entity!.IsPerson, Registry.RankClassesAt(index));
    }

    public static TheoryData<string, string> Pairs() => new()
    {
        { "خليفة حفتر", "p:1" },
        { "सद्दाम हफ़्तार", "p:2" },
        { "Мануэль Гарсия", "p:3" },
        { "ISPR", "o:1" },
        { "Haftar", "p:1" },
        { "x", "p:3" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Every_feature_is_in_the_unit_interval(string query, string entityId)
    {
        PairFeatures f = Features(query, entityId);
        ReadOnlySpan<float> values = f.AsSpan();
        for (int i = 0; i < values.Length; i++)
        {
            Assert.True(values[i] is >= 0f and <= 1f, $"{PairFeatures.Names[i]} = {values[i]} for '{query}'");
        }
    }

    [Fact]
    public void Script_pair_features_name_the_query_script()
    {
        Assert.Equal(1f, Features("خليفة حفتر", "p:1").PairArabLatin);
        Assert.Equal(1f, Features("सद्दाम हफ़्तार", "p:2").PairDevaLatin);
        Assert.Equal(1f, Features("Мануэль Гарсия", "p:3").PairCyrlLatin);
        PairFeatures latin = Features("Manuel Garcia", "p:3");
        Assert.Equal(0f, latin.CrossScript);
        Assert.Equal(0f, latin.PairArabLatin + latin.PairDevaLatin + latin.PairCyrlLatin);
    }

    [Fact]
    public void A_bare_common_name_word_is_flagged_and_a_rare_surname_or_a_full_name_is_not()
    {
        Assert.Equal(1f, Features("Muhammad", "p:1").SingleCommonWord);
        Assert.Equal(1f, Features("Ali", "p:3").SingleCommonWord);
        Assert.Equal(0f, Features("Haftar", "p:1").SingleCommonWord);
        Assert.Equal(0f, Features("حفتر", "p:1").SingleCommonWord);
        Assert.Equal(0f, Features("Khalifa Haftar", "p:1").SingleCommonWord);
    }

    [Fact]
    public void A_missing_given_name_and_a_conflicting_one_are_told_apart()
    {
        PairFeatures conflicting = Features("Khalid Haftar", "p:2");
        PairFeatures exact = Features("Saddam Khalifa Haftar", "p:2");

        Assert.Equal(1f, exact.Exact);
        Assert.Equal(1f, exact.LatinSimilarity, 3);
        Assert.Equal(1f, exact.LengthRatio, 3);
        Assert.Equal(0f, exact.MissingGiven + exact.ConflictGiven);
        Assert.True(conflicting.MissingGiven + conflicting.ConflictGiven > 0f);
        Assert.True(conflicting.TokenCountRatio < 1f);
    }

    [Theory]
    [InlineData("", "", 1f)]
    [InlineData("haftar", "haftar", 1f)]
    [InlineData("haftar", "hafter", 5f / 6f)]
    [InlineData("abc", "", 0f)]
    [InlineData("kitten", "sitting", 4f / 7f)]
    public void Edit_similarity_is_one_minus_levenshtein_over_the_longer_length(string a, string b, float expected)
    {
        Assert.Equal(expected, PairScorer.EditSimilarity(a, b), 4);
        Assert.Equal(expected, PairScorer.EditSimilarity(b, a), 4);
    }

    [Theory]
    [InlineData("Камалхасан", "Kamal Hasan")] // a Cyrillic word, two Latin words
    [InlineData("Kamal Hasan", "Камалхасан")]
    [InlineData("Kamalhasan", "Камал Хасан")] // a Latin word, two Cyrillic words
    [InlineData("Камал Хасан", "Kamalhasan")]
    public void Two_words_joined_meet_one_word_under_the_conventions_of_its_script(string query, string candidate)
    {
        // Cyrillic х for a Latin h is a convention of the script, one way (0.2; h for х is 0.4):
        // whichever side is joined, the join compares with the Cyrillic form first, as the two
        // one-word spellings are compared.
        var analyzer = new NameAnalyzer();
        float expected = PairScorer.TokenSimilarity(analyzer.AnalyzeQuery("Камалхасан").Primary.Tokens[0], analyzer.AnalyzeQuery("Kamalhasan").Primary.Tokens[0]);
        Assert.True(expected < 1f);

        var registry = new EntityRegistryBuilder().AddPerson("p:1", candidate).Build();
        var prepared = new PreparedName(analyzer.AnalyzeQuery(query).Primary, registry.Statistics, 0);
        var trace = new List<AlignmentStep>();
        PairScorer.Compute(prepared, registry.Aliases[0], isPerson: true, 0, trace);

        // One step per query word, at the join's similarity.
        List<AlignmentStep> joined = [.. trace.Where(s => s.Kind == AlignmentKind.Match)];
        Assert.Equal(query.Split(' ').Length, joined.Count);
        Assert.All(joined, s => Assert.Equal(expected, s.Similarity, 4));
    }

    [Theory]
    [InlineData("عبدلله صالح", "Abd al-Latif Abdallah Salih", "Abdallah Salih", 2)] // each word has its own; joined they met Abd al-Latif at 0.80
    [InlineData("Abd al-Latif Abdallah Salih", "عبدلله صالح", "عبدلله صالح", 2)] // the candidate's two words, the other way round
    [InlineData("عارف الله عارف", "Arefullah Aref", "Arefullah Aref", 3)] // a word met as well by another query word still joins
    public void Two_words_that_each_meet_a_word_of_their_own_are_not_joined(string query, string candidate, string matched, int matches)
    {
        var analyzer = new NameAnalyzer();
        var registry = new EntityRegistryBuilder().AddPerson("p:1", candidate).Build();
        var prepared = new PreparedName(analyzer.AnalyzeQuery(query).Primary, registry.Statistics, 0);
        var trace = new List<AlignmentStep>();
        PairScorer.Compute(prepared, registry.Aliases[0], isPerson: true, 0, trace);

        // The query words matched meet the words of `matched`, in their order.
        NameToken[] candidateTokens = registry.Aliases[0].Name.Tokens;
        string[] expected = [.. analyzer.AnalyzeQuery(matched).Primary.Tokens.Select(t => t.Forms.Latin)];
        List<AlignmentStep> steps = [.. trace.Where(s => s.Kind == AlignmentKind.Match)];
        Assert.Equal(matches, steps.Count);
        Assert.Equal(expected, steps.Select(s => candidateTokens[s.CandidateToken].Forms.Latin).Distinct());
    }

    [Theory]
    [InlineData("فيج", "F. J.", 0)] // a word is not two initials joined
    [InlineData("Fife", "F.", 0)] // nor one initial alone
    [InlineData("Эдж", "E. J.", 0)]
    [InlineData("عاد", "A. D.", 0)]
    [InlineData("А. Р.", "Ar", 0)] // Cyrillic initials are not one word either
    [InlineData("John Smith", "J. Smith", 2)] // beside a word that matches in full, an initial stands for a word
    [InlineData("Л. В.", "L. V.", 2)] // initials against initials, in any script
    [InlineData("Oneill", "O Neill", 1)] // a letter joined to its neighbour is part of a word
    [InlineData("K. Jones", "J. K. Rowling", 0)] // two initials that agree are not a word that matches in full
    [InlineData("Дж. Буш", "G. Bush", 2)] // дж is one initial
    [InlineData("Я", "Ya", 1)] // an initial written as the word is said is that word
    public void An_initial_stands_for_a_word_only_beside_a_word_that_matches_in_full(string query, string candidate, int matched)
    {
        var analyzer = new NameAnalyzer();
        var registry = new EntityRegistryBuilder().AddPerson("p:1", candidate).Build();
        var prepared = new PreparedName(analyzer.AnalyzeQuery(query).Primary, registry.Statistics, 0);
        var trace = new List<AlignmentStep>();
        PairFeatures f = PairScorer.Compute(prepared, registry.Aliases[0], isPerson: true, 0, trace);

        Assert.Equal(matched, trace.Count(s => s.Kind == AlignmentKind.Match));
        Assert.Equal(matched == 0, f.CoverageQuery == 0f);
    }
}
