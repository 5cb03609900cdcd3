namespace EntityResolver.Tests.Cli;

/// <summary><c>index build</c>: the snapshot it writes loads as a registry and answers like the JSON Lines.</summary>
public sealed class IndexCommandTests
{
    [Fact]
    public void Index_build_writes_a_snapshot_that_resolve_reads()
    {
        using var dir = new TempDir();
        string output = Path.Combine(dir.Path, "seed.idx");
        CliRun run = CliRunner.Run("index", "build", "--registry", Fixture.Path("seed/registry.jsonl"), "--output", output);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("37 entities", run.Stderr, StringComparison.Ordinal);

        EntityRegistry snapshot = EntityRegistry.Load(output);
        EntityRegistry jsonl = EntityRegistry.Load(Fixture.Path("seed/registry.jsonl"));
        Assert.Equal(jsonl.Count, snapshot.Count);
        Assert.Equal(jsonl.NameCount, snapshot.NameCount);
        var fromSnapshot = new NameResolver(snapshot).Resolve("Khalifa Haftar");
        var fromJsonl = new NameResolver(jsonl).Resolve("Khalifa Haftar");
        Assert.NotEmpty(fromJsonl);
        Assert.Equal(fromJsonl.Select(m => (m.EntityId, m.Score)), fromSnapshot.Select(m => (m.EntityId, m.Score)));
    }

    [Fact]
    public void Index_build_reports_a_missing_registry()
    {
        using var dir = new TempDir();
        CliRun run = CliRunner.Run("index", "build", "--registry", Path.Combine(dir.Path, "missing.jsonl"), "--output", Path.Combine(dir.Path, "x.idx"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir.Path, "x.idx")));
    }

    [Fact]
    public void Index_build_requires_an_output()
    {
        CliRun run = CliRunner.Run("index", "build", "--registry", Fixture.Path("seed/registry.jsonl"));
        Assert.Equal(2, run.ExitCode);
    }
}
