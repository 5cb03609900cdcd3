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
        var prepared = new PreparedName(primary, Registry.Statistics, 0, literal: false);
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
}
