namespace EntityResolver.Tests.Cli;

public sealed class RegistryCommandTests
{
    [Fact]
    public void Validate_accepts_the_seed_registry()
    {
        CliRun run = CliRunner.Run("registry", "validate", Fixture.Path("seed/registry.jsonl"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("no problems", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_reports_every_problem_with_file_line_and_field()
    {
        using var dir = new TempDir();
        string path = dir.File("broken.jsonl", string.Join('\n',
            "{\"id\": \"p:1\", \"type\": \"person\", \"names\": [\"Ann Example\"], \"relations\": [{\"type\": \"parent_of\", \"target\": \"p:2\"}]}",
            "{\"id\": \"p:2\", \"type\": \"person\"}",
            "not json",
            "{\"id\": \"p:1\", \"names\": [\"Ann Other\"]}",
            "{\"id\": \"p:3\", \"names\": [\"Bo\"], \"relations\": [{\"type\": \"x\", \"target\": \"p:1\"}, {\"type\": \"child_of\", \"target\": \"p:404\"}]}",
            "{\"id\": \"p:4\", \"names\": [{\"lang\": \"en\"}]}",
            string.Empty));

        CliRun run = CliRunner.Run("registry", "validate", path);

        Assert.True(run.ExitCode == 1, run.ToString());
        // Word for word what docs/cli.md shows for this file. p:2 exists in the file (with a
        // problem of its own), so the relation on line 1 is not dangling.
        Assert.Equal(
            [
                path + ":2:names: required field is missing",
                path + ":3: invalid JSON: 'not json' is an invalid JSON literal. Expected the literal 'null' (byte 2 of the line).",
                path + ":4:id: duplicate id 'p:1' (first defined on line 1)",
                path + ":5:relations[1].target: no entity with id 'p:404' in this file",
                path + ":6:names[0].text: required string is missing",
            ],
            run.Lines.Where(l => l.StartsWith(path + ":", StringComparison.Ordinal)));
        Assert.Contains("problem(s)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_flags_a_dangling_relation_in_an_otherwise_loadable_file()
    {
        using var dir = new TempDir();
        string path = dir.File("r.jsonl", "{\"id\": \"p:1\", \"names\": [\"Ann Example\"], \"relations\": [{\"type\": \"parent_of\", \"target\": \"p:9\"}]}\n");

        CliRun run = CliRunner.Run("registry", "validate", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([path + ":1:relations[0].target: no entity with id 'p:9' in this file"], run.Lines);
    }

    [Fact]
    public void Validate_reports_invalid_utf8_with_its_line()
    {
        using var dir = new TempDir();
        string path = dir.File("u.jsonl", [.. "{\"id\": \"p:1\", \"names\": [\"A\"]}\n{\"id\": \"p:2\", \"names\": [\"B"u8, 0xFF, .. "\"]}\n"u8]);

        CliRun run = CliRunner.Run("registry", "validate", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.Lines, l => l.StartsWith(path + ":2: invalid UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_of_a_missing_file_is_exit_2()
    {
        CliRun run = CliRunner.Run("registry", "validate", "/nonexistent/registry.jsonl");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("registry.jsonl", run.Stderr, StringComparison.Ordinal);
    }
}
