using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EntityResolver.Tests.Cli;

public sealed class ResolveCommandTests
{
    [Fact]
    public void Names_as_arguments_give_one_json_line_each_in_order()
    {
        CliRun run = CliRunner.Run("resolve", "Khalifa Haftar", "Nobody Atall Xyzzy", "سدام خليفة حفتر");

        Assert.True(run.ExitCode == 0, run.ToString());
        JsonElement[] rows = run.Json;
        Assert.Equal(3, rows.Length);
        Assert.Equal("Khalifa Haftar", rows[0].GetProperty("query").GetString());
        JsonElement best = rows[0].GetProperty("matches")[0];
        Assert.Equal("person:khalifa-haftar", best.GetProperty("entityId").GetString());
        Assert.Equal("person", best.GetProperty("type").GetString());
        Assert.InRange(best.GetProperty("score").GetDouble(), 0.5, 1.0);
        Assert.False(string.IsNullOrEmpty(best.GetProperty("matchedName").GetString()));
        Assert.False(string.IsNullOrEmpty(best.GetProperty("name").GetString()));
        Assert.False(best.TryGetProperty("explanation", out _));
        Assert.Equal(0, rows[1].GetProperty("matches").GetArrayLength());
        Assert.Equal("سدام خليفة حفتر", rows[2].GetProperty("query").GetString());
        Assert.Contains("3 rows read", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Matches_are_best_first_and_respect_top_and_threshold()
    {
        CliRun run = CliRunner.Run("resolve", "--top", "2", "--threshold", "0", "Haftar");

        Assert.Equal(0, run.ExitCode);
        JsonElement matches = run.Json[0].GetProperty("matches");
        Assert.Equal(2, matches.GetArrayLength());
        Assert.True(matches[0].GetProperty("score").GetDouble() >= matches[1].GetProperty("score").GetDouble());
    }

    [Fact]
    public void Explain_adds_an_explanation_object_to_every_match()
    {
        CliRun run = CliRunner.Run("resolve", "--explain", "Saddam Khalid Haftar");

        Assert.Equal(0, run.ExitCode);
        JsonElement match = run.Json[0].GetProperty("matches")[0];
        Assert.Equal("person:saddam-haftar", match.GetProperty("entityId").GetString());
        JsonElement explanation = match.GetProperty("explanation");
        Assert.Equal(JsonValueKind.Object, explanation.ValueKind);
        Assert.True(explanation.GetProperty("tokens").GetArrayLength() > 0);
        Assert.Contains("conflict", explanation.GetProperty("summary").GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_name_argument_is_exit_2_with_a_message(string name)
    {
        CliRun run = CliRunner.Run("resolve", "Khalifa Haftar", name);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("arguments:2", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("empty", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Theory]
    [InlineData("resolve")]
    [InlineData("resolve", "--top", "0", "x")]
    [InlineData("resolve", "--threshold", "1.5", "x")]
    [InlineData("resolve", "--threads", "0", "x")]
    [InlineData("resolve", "--on-error", "ignore", "--input", "x.csv")]
    [InlineData("resolve", "--bogus", "x")]
    [InlineData("resolve", "--top", "many", "x")]
    [InlineData("resolve", "--input", "x.csv", "also-a-name")]
    [InlineData("nonsense")]
    [InlineData("resolve", "--registry", "/nonexistent/registry.jsonl", "x")]
    [InlineData("dedupe")]
    [InlineData("registry", "validate")]
    public void Bad_arguments_are_exit_2(params string[] args)
    {
        CliRun run = CliRunner.Run(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.NotEqual(string.Empty, run.Stderr.Trim());
    }

    [Theory]
    [InlineData]
    [InlineData("resolve")]
    [InlineData("dedupe")]
    [InlineData("registry")]
    [InlineData("registry", "validate")]
    public void Every_command_has_help(params string[] command)
    {
        CliRun run = CliRunner.Run([.. command, "--help"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Usage:", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Tsv_input_gives_one_row_per_line_in_order_with_columns_passed_through()
    {
        string path = Fixture.Path("seed/queries.tsv");
        string[] queries = [.. Fixture.Tsv("seed/queries.tsv").Select(r => r[0])];

        CliRun run = CliRunner.Run("resolve", "--input", path);

        Assert.True(run.ExitCode == 0, run.ToString());
        JsonElement[] rows = run.Json;
        Assert.Equal(queries, rows.Select(r => r.GetProperty("query").GetString()));
        int right = rows.Count(r => r.GetProperty("matches").GetArrayLength() > 0
            && r.GetProperty("matches")[0].GetProperty("entityId").GetString() == r.GetProperty("input").GetProperty("gold_entity_id").GetString());
        Assert.True(right > rows.Length / 2, $"{right} of {rows.Length} resolved to their gold entity");
    }

    [Fact]
    public void Csv_input_with_column_passes_other_columns_through_and_writes_csv()
    {
        using var dir = new TempDir();
        string csv = dir.File("people.csv", "id,full name,country\n1,Khalifa Haftar,LY\n2,\"Munir, Asim\",PK\n3,\"Zz \"\"Nobody\"\" Qq\",XX\n");

        CliRun json = CliRunner.Run("resolve", "--input", csv, "--column", "full name");
        CliRun table = CliRunner.Run("resolve", "--input", csv, "--column", "full name", "--format", "csv");

        Assert.True(json.ExitCode == 0, json.ToString());
        JsonElement[] rows = json.Json;
        Assert.Equal(["Khalifa Haftar", "Munir, Asim", "Zz \"Nobody\" Qq"], rows.Select(r => r.GetProperty("query").GetString()));
        Assert.Equal("LY", rows[0].GetProperty("input").GetProperty("country").GetString());
        Assert.Equal("2", rows[1].GetProperty("input").GetProperty("id").GetString());
        Assert.False(rows[0].GetProperty("input").TryGetProperty("full name", out _));

        Assert.True(table.ExitCode == 0, table.ToString());
        string[] lines = table.Lines;
        Assert.Equal("id,country,query,entityId,entityName,entityType,score,matchedName,error", lines[0]);
        Assert.StartsWith("1,LY,Khalifa Haftar,person:khalifa-haftar,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2,PK,\"Munir, Asim\",", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("3,XX,\"Zz \"\"Nobody\"\" Qq\",,", lines[3], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void Jsonl_input_reads_name_or_query_or_the_given_field()
    {
        using var dir = new TempDir();
        string byName = dir.File("a.jsonl", "{\"name\": \"Asim Munir\", \"k\": [1, 2]}\n{\"name\": \"Ishaq Dar\"}\n");
        string byQuery = dir.File("b.jsonl", "{\"query\": \"Asim Munir\"}\n");
        string byField = dir.File("c.jsonl", "{\"who\": \"Asim Munir\", \"name\": \"ignored\"}\n");

        CliRun a = CliRunner.Run("resolve", "--input", byName);
        CliRun b = CliRunner.Run("resolve", "--input", byQuery);
        CliRun c = CliRunner.Run("resolve", "--input", byField, "--field", "who");

        Assert.True(a.ExitCode == 0, a.ToString());
        Assert.Equal(2, a.Json.Length);
        Assert.Equal("person:asim-munir", a.Json[0].GetProperty("matches")[0].GetProperty("entityId").GetString());
        Assert.Equal(2, a.Json[0].GetProperty("input").GetProperty("k").GetArrayLength());
        Assert.Equal("person:ishaq-dar", a.Json[1].GetProperty("matches")[0].GetProperty("entityId").GetString());
        Assert.Equal("Asim Munir", b.Json[0].GetProperty("query").GetString());
        Assert.Equal("Asim Munir", c.Json[0].GetProperty("query").GetString());
        Assert.Equal("ignored", c.Json[0].GetProperty("input").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("Khalifa Haftar\nAsim Munir\n", null)]
    [InlineData("name\tx\nKhalifa Haftar\t1\nAsim Munir\t2\n", null)]
    [InlineData("name,x\nKhalifa Haftar,1\nAsim Munir,2\n", null)]
    [InlineData("{\"name\":\"Khalifa Haftar\"}\n{\"name\":\"Asim Munir\"}\n", null)]
    [InlineData("Khalifa Haftar\r\nAsim Munir", "text")]
    public void Standard_input_is_read_and_its_format_guessed(string stdin, string? format)
    {
        string[] args = format is null ? ["resolve", "--input", "-"] : ["resolve", "--input", "-", "--input-format", format];

        CliRun run = CliRunner.Run(args, stdin);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["Khalifa Haftar", "Asim Munir"], run.Json.Select(r => r.GetProperty("query").GetString()));
    }

    [Fact]
    public void Output_file_receives_the_results()
    {
        using var dir = new TempDir();
        string output = Path.Combine(dir.Path, "out.jsonl");

        CliRun run = CliRunner.Run("resolve", "--output", output, "Ishaq Dar");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("person:ishaq-dar", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public void Threads_keep_count_and_order_on_thousands_of_rows()
    {
        using var dir = new TempDir();
        string[] pool = [.. Fixture.Tsv("seed/queries.tsv").Select(r => r[0]), "Unknown Person", "Z"];
        var sb = new StringBuilder("name,id\n");
        const int Rows = 3000;
        for (int i = 0; i < Rows; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\"{pool[(i * 7) % pool.Length]}\",{i}\n");
        }

        string csv = dir.File("many.csv", sb.ToString());

        CliRun one = CliRunner.Run("resolve", "--input", csv, "--threads", "1");
        CliRun four = CliRunner.Run("resolve", "--input", csv, "--threads", "4");

        Assert.True(four.ExitCode == 0, four.Stderr);
        JsonElement[] rows = four.Json;
        Assert.Equal(Rows, rows.Length);
        for (int i = 0; i < Rows; i++)
        {
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), rows[i].GetProperty("input").GetProperty("id").GetString());
        }

        Assert.Equal(one.Stdout, four.Stdout);
    }

    [Fact]
    public void Stats_prints_one_json_line_on_stderr()
    {
        CliRun run = CliRunner.Run("resolve", "--stats", "Khalifa Haftar", "Asim Munir");

        Assert.Equal(0, run.ExitCode);
        string last = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        using var doc = JsonDocument.Parse(last);
        JsonElement s = doc.RootElement;
        foreach (string key in new[] { "entities", "names", "loadMs", "indexMs", "queries", "resolveMs", "p50Us", "p99Us", "peakWorkingSetMb" })
        {
            Assert.Equal(JsonValueKind.Number, s.GetProperty(key).ValueKind);
        }

        Assert.Equal(2, s.GetProperty("queries").GetInt32());
        Assert.Equal(EntityRegistry.Default.Count, s.GetProperty("entities").GetInt32());
        Assert.True(s.GetProperty("p99Us").GetDouble() >= s.GetProperty("p50Us").GetDouble());
        Assert.True(s.GetProperty("p50Us").GetDouble() > 0);
    }

    [Fact]
    public void A_registry_file_replaces_the_default()
    {
        using var dir = new TempDir();
        string registry = dir.File("r.jsonl", "{\"id\": \"x:1\", \"type\": \"person\", \"names\": [\"Jane Example\"]}\n");

        CliRun run = CliRunner.Run("resolve", "--registry", registry, "Jane Example", "Khalifa Haftar");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("x:1", run.Json[0].GetProperty("matches")[0].GetProperty("entityId").GetString());
        Assert.Equal(0, run.Json[1].GetProperty("matches").GetArrayLength());
    }

    [Fact]
    public void A_broken_registry_is_exit_2_naming_file_and_line()
    {
        using var dir = new TempDir();
        string registry = dir.File("bad.jsonl", "{\"id\": \"x:1\", \"names\": [\"A B\"]}\n{\"id\": \"x:2\"}\n");

        CliRun run = CliRunner.Run("resolve", "--registry", registry, "A B");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.jsonl:2", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_input_file_and_unknown_column_are_exit_2_naming_the_file()
    {
        using var dir = new TempDir();
        string missing = Path.Combine(dir.Path, "nope.csv");
        string csv = dir.File("a.csv", "a,b\nx,y\n");

        CliRun run = CliRunner.Run("resolve", "--input", missing);
        CliRun column = CliRunner.Run("resolve", "--input", csv, "--column", "name");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nope.csv", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, column.ExitCode);
        Assert.Contains("a.csv:1", column.Stderr, StringComparison.Ordinal);
        Assert.Contains("'name'", column.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_display_on_a_terminal_leaves_the_output_alone()
    {
        string path = Fixture.Path("seed/queries.tsv");

        CliRun plain = CliRunner.Run("resolve", "--input", path);
        CliRun shown = CliRunner.Run(["resolve", "--input", path], [], interactive: true);

        Assert.Equal(0, shown.ExitCode);
        Assert.Equal(plain.Stdout, shown.Stdout);
        Assert.Contains("rows read", shown.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", plain.Stderr, StringComparison.Ordinal);
        Assert.Single(plain.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void The_command_tiers_hot_methods_up_without_the_start_up_delay()
    {
        // The built command's runtime configuration (copied next to the tests): docs/cli.md.
        using JsonDocument config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "entity-resolver.runtimeconfig.json")));
        JsonElement properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.Equal(0, properties.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32());
    }
}
