namespace EntityResolver.Tests;

/// <summary>The seed case of the core issue, over a fixture copy of the labelled data.</summary>
public sealed class SeedCaseTests
{
    private static readonly Lazy<NameResolver> Resolver = new(() => new NameResolver(EntityRegistry.Load(Fixture.Path("seed/registry.jsonl"))));

    public static TheoryData<string, string, string> Queries()
    {
        var data = new TheoryData<string, string, string>();
        foreach (string[] row in Fixture.Tsv("seed/queries.tsv"))
        {
            data.Add(row[0], row[1], row[3]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Every_labelled_query_resolves_to_its_entity(string query, string gold, string kind)
    {
        IReadOnlyList<EntityMatch> matches = Resolver.Value.Resolve(query, new ResolveOptions { Top = 10 });
        string found = string.Join(", ", matches.Select(m => m.ToString()));
        if (kind == "surname")
        {
            Assert.True(matches.Any(m => m.EntityId == gold), $"'{query}': {gold} not among [{found}]");
        }
        else
        {
            Assert.True(matches.Count > 0 && matches[0].EntityId == gold, $"'{query}': expected {gold} first, got [{found}]");
        }
    }

    public static TheoryData<string, string, string, string> HardNegatives()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (string[] row in Fixture.Tsv("seed/hard_negatives.tsv"))
        {
            data.Add(row[0], row[1], row[2], row[3]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HardNegatives))]
    public void Hard_negative_pairs_never_merge(string nameA, string nameB, string entityA, string entityB)
    {
        NameResolver resolver = Resolver.Value;
        bool aKnown = resolver.Registry.TryGetEntity(entityA, out _);
        bool bKnown = resolver.Registry.TryGetEntity(entityB, out _);
        if (aKnown && bKnown)
        {
            Assert.NotEqual(entityB, resolver.Resolve(nameA).FirstOrDefault()?.EntityId);
            Assert.NotEqual(entityA, resolver.Resolve(nameB).FirstOrDefault()?.EntityId);
        }
        else
        {
            // One side is not in the registry (a location, an unnamed referent): the known side
            // must not be the first candidate of the unknown side's name, nor the reverse.
            if (aKnown)
            {
                Assert.NotEqual(entityA, resolver.Resolve(nameB).FirstOrDefault()?.EntityId);
            }

            if (bKnown)
            {
                Assert.NotEqual(entityB, resolver.Resolve(nameA).FirstOrDefault()?.EntityId);
            }
        }
    }

    [Fact]
    public void Misreported_patronymic_resolves_to_the_son_and_explains_the_conflict()
    {
        EntityMatch best = Resolver.Value.Resolve("Saddam Khalid Haftar", new ResolveOptions { Explain = true })[0];

        Assert.Equal("person:saddam-haftar", best.EntityId);
        Assert.NotNull(best.Explanation);
        Assert.Contains(best.Explanation!.Tokens, t => t.Outcome == TokenOutcome.Conflict && t.QueryToken == "Khalid" && t.CandidateToken == "Khalifa");
        Assert.Contains("Khalid / Khalifa", best.Explanation.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Khalifa Haftar", "person:khalifa-haftar", "person:saddam-haftar")]
    [InlineData("خليفة حفتر", "person:khalifa-haftar", "person:saddam-haftar")]
    [InlineData("Saddam Haftar", "person:saddam-haftar", "person:khalifa-haftar")]
    [InlineData("सद्दाम हफ़्तार", "person:saddam-haftar", "person:khalifa-haftar")]
    public void Father_and_son_are_never_confused(string query, string expected, string never)
    {
        IReadOnlyList<EntityMatch> matches = Resolver.Value.Resolve(query);

        Assert.Equal(expected, matches[0].EntityId);
        Assert.DoesNotContain(matches, m => m.EntityId == never);
    }
}
