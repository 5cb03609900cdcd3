using System.Text;
using EntityResolver.Tests.Cli;

namespace EntityResolver.Tests.Linking;

/// <summary>The <c>link</c> command of the command line, run in-process.</summary>
public sealed class LinkCommandTests
{
    [Fact]
    public void Links_an_article_from_a_file_as_json_lines_with_utf16_offsets()
    {
        string path = Fixture.Path("seeds/003_a0ff32e3ec52c289.txt");
        string text = File.ReadAllText(path, Encoding.UTF8);
        CliRun run = CliRunner.Run("link", "--registry", Fixture.Path("seed/registry.jsonl"), "--input", path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.NotEmpty(run.Json);
        foreach (var row in run.Json)
        {
            Assert.Equal(["start", "length", "text", "entityId", "score"], row.EnumerateObject().Select(p => p.Name));
            Assert.Equal(row.GetProperty("text").GetString(), text.Substring(row.GetProperty("start").GetInt32(), row.GetProperty("length").GetInt32()));
        }

        Assert.Contains(run.Json, r => r.GetProperty("text").GetString() == "Haftar" && r.GetProperty("entityId").GetString() == "person:saddam-haftar");
        Assert.Contains("mention(s)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_standard_input_with_the_default_registry_and_explains_on_request()
    {
        CliRun run = CliRunner.Run(["link", "--input", "-", "--explain"], "फील्ड मार्शल आसिम मुनीर ने खलीफा हफ़्तार से मुलाकात की।");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["person:asim-munir", "person:khalifa-haftar"], run.Json.Select(r => r.GetProperty("entityId").GetString()));
        var evidence = run.Json[0].GetProperty("evidence");
        Assert.Equal("Name", evidence.GetProperty("kind").GetString());
        Assert.Equal("फील्ड मार्शल", evidence.GetProperty("titles")[0].GetString());
    }

    [Fact]
    public void Empty_input_gives_no_lines()
    {
        CliRun run = CliRunner.Run(["link", "--input", "-"], string.Empty);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void Bad_arguments_and_unreadable_input_exit_with_2()
    {
        Assert.Equal(2, CliRunner.Run("link").ExitCode);
        Assert.Equal(2, CliRunner.Run("link", "--input", "/no/such/file.txt").ExitCode);
        Assert.Equal(2, CliRunner.Run("link", "--input", "-", "--threshold", "3").ExitCode);

        CliRun bad = CliRunner.Run(["link", "--input", "-"], [.. "Asim Munir\nKhalifa "u8, 0xFF, .. " Haftar"u8]);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("-:2: invalid UTF-8", bad.Stderr, StringComparison.Ordinal);
    }
}
