using System.Text;

namespace EntityResolver.Tests.Matching;

/// <summary>Weak aliases (<see cref="EntityName.WeakAliasKind"/>): a match through one keeps half its score.</summary>
public sealed class WeakAliasTests
{
    private const string Entities = """
        {"id": "p:jibril", "type": "person", "names": ["Muhammad Jibril Abdul Rahman", {"text": "Muhammad Yunus", "kind": "KIND"}]}
        {"id": "p:dabski", "type": "person", "names": ["Salem Nor Eldin al-Dabski", "Abdullah Ragab"]}
        """;

    private static EntityRegistry Registry(string kind) =>
        EntityRegistry.Load(new MemoryStream(Encoding.UTF8.GetBytes(Entities.Replace("KIND", kind, StringComparison.Ordinal))), "weak.jsonl");

    private static readonly ResolveOptions All = new() { Threshold = 0, Explain = true };

    [Theory]
    [InlineData("Muhammad Yunus")]
    [InlineData("محمد يونس")]
    [InlineData("محمد يونس أحمد")]
    public void A_match_through_a_weak_alias_keeps_half_its_score(string query)
    {
        EntityMatch strong = new NameResolver(Registry("alias")).Resolve(query, All)[0];
        EntityMatch weak = new NameResolver(Registry(EntityName.WeakAliasKind)).Resolve(query, All)[0];

        Assert.Equal("p:jibril", strong.EntityId);
        Assert.Equal("p:jibril", weak.EntityId);
        Assert.Equal("Muhammad Yunus", weak.MatchedName);
        Assert.Equal(strong.Score / 2, weak.Score, 0.001);
        Assert.Contains("weak alias", weak.Explanation!.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("weak alias", strong.Explanation!.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Alone_a_weak_alias_does_not_reach_the_default_threshold()
    {
        var resolver = new NameResolver(Registry(EntityName.WeakAliasKind));

        Assert.Empty(resolver.Resolve("محمد يونس أحمد"));
        Assert.NotEmpty(new NameResolver(Registry("alias")).Resolve("محمد يونس أحمد"));
        // The entity's other names are not weakened, and the best of its names is the one matched.
        EntityMatch full = Assert.Single(resolver.Resolve("Muhammad Jibril Abdul Rahman"));
        Assert.Equal("p:jibril", full.EntityId);
        Assert.Equal("Muhammad Jibril Abdul Rahman", full.MatchedName);
        Assert.Equal(new NameResolver(Registry("alias")).Resolve("Muhammad Jibril Abdul Rahman")[0].Score, full.Score);
    }

    [Fact]
    public void Names_know_whether_they_are_weak()
    {
        EntityRegistry registry = Registry(EntityName.WeakAliasKind);

        Assert.True(registry.Entities[0].Names[1].IsWeakAlias);
        Assert.False(registry.Entities[0].Names[0].IsWeakAlias);
        Assert.False(new EntityName("Abu Naim", kind: "alias").IsWeakAlias);
        Assert.False(new EntityName("Abu Naim").IsWeakAlias);
    }

    [Fact]
    public void A_snapshot_keeps_weak_aliases_weak()
    {
        EntityRegistry registry = Registry(EntityName.WeakAliasKind);
        var stream = new MemoryStream();
        registry.SaveSnapshot(stream);
        stream.Position = 0;
        EntityRegistry loaded = EntityRegistry.Load(stream, "weak.idx");

        EntityMatch before = new NameResolver(registry).Resolve("محمد يونس", All)[0];
        EntityMatch after = new NameResolver(loaded).Resolve("محمد يونس", All)[0];
        Assert.Equal(before.Score, after.Score);
        Assert.Contains("weak alias", after.Explanation!.Summary, StringComparison.Ordinal);
    }
}
