using Xunit.Abstractions;

namespace EntityResolver.Tests.Linking;

/// <summary>The linker on the five seed articles against the labelled mentions (fixture copies).</summary>
public sealed class EntityLinkerSeedTests
{
    private static readonly Lazy<EntityLinker> Linker = new(() => new EntityLinker(new NameResolver(EntityRegistry.Load(Fixture.Path("seed/registry.jsonl")))));
    private readonly ITestOutputHelper _output;

    public EntityLinkerSeedTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Precision_and_recall_on_the_seed_articles()
    {
        var (scores, report, _) = LinkingEvaluation.Run(Linker.Value);
        foreach (LinkScore s in scores)
        {
            _output.WriteLine(s.ToString());
        }

        _output.WriteLine(report);
        foreach (LinkScore s in scores)
        {
            Assert.True(s.Precision >= 0.95, $"{s}\n{report}");
            Assert.True(s.Recall >= 0.90, $"{s}\n{report}");
        }
    }
}
