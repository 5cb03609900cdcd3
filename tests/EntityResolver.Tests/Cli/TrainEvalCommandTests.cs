namespace EntityResolver.Tests.Cli;

public sealed class TrainEvalCommandTests
{
    private const string Pairs = """
        name_a	name_b	label
        خليفة حفتر	Khalifa Haftar	1
        صدام حفتر	Saddam Haftar	1
        Khalifa Haftar	Saddam Khalifa Haftar	0
        शहबाज़ शरीफ़	Shehbaz Sharif	1
        नवाज़ शरीफ़	Shehbaz Sharif	0
        Asim Munir	Asim Malik	0
        عاصم منير	Asim Munir	1
        Ishaq Dar	Dar	0
        """;

    [Fact]
    public void Train_writes_a_model_that_the_library_and_eval_load()
    {
        using var dir = new TempDir();
        string pairs = dir.File("pairs.tsv", Pairs);
        string model = System.IO.Path.Combine(dir.Path, "model.json");

        CliRun train = CliRunner.Run("train", "--pairs", pairs, "--output", model, "--name", "mine-v1");

        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Contains("8 pairs (4 matches)", train.Stderr, StringComparison.Ordinal);
        MatchModel loaded = MatchModel.Load(model);
        Assert.Equal("mine-v1", loaded.Name);
        Assert.Contains("coverage_query", loaded.Describe(), StringComparison.Ordinal);

        string queries = dir.File("queries.tsv", "query\tgold_entity_id\tscript\nخليفة حفتر\tperson:khalifa-haftar\tArab\n");
        CliRun eval = CliRunner.Run("eval", "--registry", Fixture.Path("seed/registry.jsonl"), "--pairs", queries, "--model", model);
        Assert.True(eval.ExitCode == 0, eval.ToString());
        Assert.Contains("model mine-v1", eval.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_on_a_registry_and_labelled_queries_fits_both_stages()
    {
        using var dir = new TempDir();
        string model = System.IO.Path.Combine(dir.Path, "model.json");
        string queries = Fixture.Path("seed/queries.tsv");

        CliRun train = CliRunner.Run("train", "--registry", Fixture.Path("seed/registry.jsonl"), "--queries", queries, "--output", model, "--name", "seed-v1");

        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Contains("120 queries", train.Stderr, StringComparison.Ordinal);
        MatchModel loaded = MatchModel.Load(model);
        Assert.Equal("seed-v1", loaded.Name);
        Assert.Contains("best rival", loaded.Describe(), StringComparison.Ordinal);
        CliRun eval = CliRunner.Run("eval", "--registry", Fixture.Path("seed/registry.jsonl"), "--pairs", queries, "--model", model);
        Assert.True(eval.ExitCode == 0, eval.ToString());
        Assert.Contains("model seed-v1", eval.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("query\tgold\nKhalifa Haftar\tperson:khalifa-haftar\nNobody\tperson:no-such-id\n", "queries.tsv:3:gold_entity_id: 'person:no-such-id' is not in the registry")]
    [InlineData("Somebody\t-\nNobody\t\n", "every query is labelled absent")]
    [InlineData("query\tgold\n", "no labelled query; nothing trained")]
    public void Train_on_queries_refuses_what_cannot_make_a_model(string content, string expected)
    {
        using var dir = new TempDir();
        string queries = dir.File("queries.tsv", content);
        string model = System.IO.Path.Combine(dir.Path, "model.json");

        CliRun run = CliRunner.Run("train", "--registry", Fixture.Path("seed/registry.jsonl"), "--queries", queries, "--output", model);

        AssertRefused(run, model, expected);
    }

    [Fact]
    public void Train_needs_exactly_one_source_of_labels()
    {
        using var dir = new TempDir();
        string pairs = dir.File("pairs.tsv", Pairs);
        string model = System.IO.Path.Combine(dir.Path, "model.json");

        CliRun neither = CliRunner.Run("train", "--output", model);
        CliRun both = CliRunner.Run("train", "--pairs", pairs, "--queries", pairs, "--output", model);

        Assert.Equal(2, neither.ExitCode);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("either --pairs", neither.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(model));
    }

    [Theory]
    [InlineData("resolve")]
    [InlineData("link")]
    public void Resolve_and_link_score_with_the_model_they_are_given(string command)
    {
        using var dir = new TempDir();
        string pairs = dir.File("pairs.tsv", Pairs);
        string model = System.IO.Path.Combine(dir.Path, "model.json");
        Assert.Equal(0, CliRunner.Run("train", "--pairs", pairs, "--output", model, "--name", "mine-v1").ExitCode);
        string text = dir.File("text.txt", "قال خليفة حفتر اليوم");
        string[] Args(string? m) => [command, .. command == "resolve" ? new[] { "خليفة حفتر" } : ["--input", text], "--explain", .. m is null ? Array.Empty<string>() : ["--model", m]];

        CliRun standard = CliRunner.Run(Args(null));
        CliRun fitted = CliRunner.Run(Args("fitted"));
        CliRun heuristic = CliRunner.Run(Args("heuristic"));
        CliRun mine = CliRunner.Run(Args(model));
        CliRun missing = CliRunner.Run(Args(System.IO.Path.Combine(dir.Path, "absent.json")));

        Assert.True(standard.ExitCode == 0, standard.ToString());
        Assert.True(mine.ExitCode == 0, mine.ToString());
        if (command == "resolve")
        {
            Assert.Contains($"\"model\":\"{MatchModel.Default.Name}\"", standard.Stdout, StringComparison.Ordinal);
            Assert.Contains($"\"model\":\"{MatchModel.Fitted.Name}\"", fitted.Stdout, StringComparison.Ordinal);
            Assert.Contains("\"model\":\"heuristic-v1\"", heuristic.Stdout, StringComparison.Ordinal);
            Assert.Contains("\"model\":\"mine-v1\"", mine.Stdout, StringComparison.Ordinal);
        }
        else
        {
            // The linker's evidence names no model, but only the fitted model weighs rivals.
            Assert.Contains("rival", fitted.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("rival", heuristic.Stdout, StringComparison.Ordinal);
            Assert.Equal(MatchModel.Default.Name == MatchModel.Fitted.Name, standard.Stdout.Contains("rival", StringComparison.Ordinal));
        }

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("cannot load model", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_reports_every_malformed_row_by_line_and_writes_nothing()
    {
        using var dir = new TempDir();
        string pairs = dir.File("bad.tsv", "name_a\tname_b\tlabel\nKhalifa Haftar\tKhalifa Haftar\t1\nonly two\tcolumns\nA\tB\tmaybe\n\tEmpty\t0\n");
        string model = System.IO.Path.Combine(dir.Path, "model.json");

        CliRun run = CliRunner.Run("train", "--pairs", pairs, "--output", model);

        AssertRefused(run, model, "bad.tsv:3: expected 3 tab-separated columns", "bad.tsv:4:label: 'maybe'", "bad.tsv:5:name_a: empty name");
    }

    [Theory]
    [InlineData("name_a\tname_b\tlabel\n", "no usable pair")]
    [InlineData("# nothing but a comment\n", "no usable pair")]
    [InlineData("Khalifa Haftar\tKhalifa Haftar\t1\nSaddam Haftar\tSaddam Haftar\tyes\n", "all 2 usable pairs are matches")]
    public void Train_refuses_a_file_without_pairs_of_both_kinds(string content, string expected)
    {
        using var dir = new TempDir();
        string model = System.IO.Path.Combine(dir.Path, "model.json");

        CliRun run = CliRunner.Run("train", "--pairs", dir.File("pairs.tsv", content), "--output", model);

        AssertRefused(run, model, expected);
    }

    [Fact]
    public void Eval_reports_per_script_pair_with_absent_entities()
    {
        using var dir = new TempDir();
        string queries = SeedQueries(dir);

        CliRun run = CliRunner.Run("eval", "--registry", Fixture.Path("seed/registry.jsonl"), "--pairs", queries);

        Assert.True(run.ExitCode == 0, run.ToString());
        string[] lines = run.Lines;
        Assert.Contains(lines, l => l.StartsWith("Arab→registry", StringComparison.Ordinal) && l.Contains("100.0", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Deva→registry", StringComparison.Ordinal));
        string all = lines.Single(l => l.StartsWith("all ", StringComparison.Ordinal));
        string[] cells = all.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("4", cells[1]);
        Assert.Equal("1", cells[2]);
        Assert.Equal("100.0", cells[3]);
        Assert.Equal("0.0", cells[7]);
    }

    [Fact]
    public void Eval_with_thresholds_prints_the_figures_at_each_from_one_ranking()
    {
        using var dir = new TempDir();
        string queries = SeedQueries(dir);

        CliRun run = CliRunner.Run("eval", "--registry", Fixture.Path("seed/registry.jsonl"), "--pairs", queries, "--thresholds", "0, 0.5");

        Assert.True(run.ExitCode == 0, run.ToString());
        string[] Row(string threshold) => run.Lines.Single(l => l.StartsWith(threshold + " ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(run.Lines, l => l.StartsWith("threshold ", StringComparison.Ordinal));
        // At 0 every query with a candidate is answered, the absent one too: its long words meet
        // no key of the seed registry, and looked up with two classes deleted they meet an
        // organization's words (at score 0). At 0.5 it is not answered.
        Assert.Equal(["0", "4", "75.0", "100.0", "85.7", "100.0"], Row("0"));
        Assert.Equal(["0.5", "3", "100.0", "100.0", "100.0", "0.0"], Row("0.5"));
    }

    [Theory]
    [InlineData("0.5,abc", "'abc' (item 2)")]
    [InlineData("1.5", "'1.5' (item 1)")]
    [InlineData("0.5,,0.9", "'' (item 2)")]
    public void Eval_refuses_a_threshold_list_it_cannot_read(string list, string expected)
    {
        using var dir = new TempDir();
        string queries = dir.File("q.tsv", "query\tgold_entity_id\nKhalifa Haftar\tperson:khalifa-haftar\n");

        CliRun run = CliRunner.Run("eval", "--pairs", queries, "--thresholds", list);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--thresholds: " + expected + " is not a number between 0 and 1", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void Eval_reports_malformed_rows_by_line()
    {
        using var dir = new TempDir();
        string queries = dir.File("q.tsv", "query\tgold_entity_id\nKhalifa Haftar\tperson:khalifa-haftar\nno gold column\n");

        CliRun run = CliRunner.Run("eval", "--pairs", queries);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("q.tsv:3: expected tab-separated query and gold_entity_id", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Labelled queries on the seed registry: Arabic, Hindi and Latin ones, and one whose entity is absent.</summary>
    private static string SeedQueries(TempDir dir) => dir.File("queries.tsv", """
        query	gold_entity_id
        خليفة حفتر	person:khalifa-haftar
        सद्दाम हफ़्तार	person:saddam-haftar
        Khalifa Haftar	person:khalifa-haftar
        Zbigniew Brzezinski	-
        """);

    /// <summary>The command failed with exit code 2, said each of <paramref name="messages"/> on stderr, and wrote no model.</summary>
    private static void AssertRefused(CliRun run, string model, params string[] messages)
    {
        Assert.Equal(2, run.ExitCode);
        foreach (string message in messages)
        {
            Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(model));
    }
}
