using System.Text;
using System.Text.Json;

namespace EntityResolver.Tests.Cli;

/// <summary>
/// Each kind of unreadable row, under each <c>--on-error</c> mode: the bad row is always line 3,
/// between two good rows, so the tests see that no row is lost, duplicated or reordered.
/// </summary>
public sealed class MalformedInputTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string kind in BadRows.Keys)
        {
            foreach (string mode in new[] { "fail", "skip", "report" })
            {
                data.Add(kind, mode);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, (string Extension, byte[] Bad, string Message)> BadRows = new()
    {
        ["csv invalid UTF-8"] = (".csv", [.. "2,Kh"u8, 0xFF, 0xFE, .. "alifa\n"u8], "invalid UTF-8"),
        ["csv broken quote"] = (".csv", "2,\"Khalifa Haftar\n"u8.ToArray(), "unbalanced quote"),
        ["csv stray quote"] = (".csv", "2,Khal\"ifa\n"u8.ToArray(), "quote"),
        ["csv empty line"] = (".csv", "\n"u8.ToArray(), "empty line"),
        ["csv missing column"] = (".csv", "2\n"u8.ToArray(), "missing column"),
        ["csv extra column"] = (".csv", "2,Khalifa,x\n"u8.ToArray(), "more fields"),
        ["csv empty name"] = (".csv", "2,  \n"u8.ToArray(), "empty name"),
        ["csv 10 MB line"] = (".csv", [.. "2,"u8, .. Enumerable.Repeat((byte)'a', 10 << 20), (byte)'\n'], "over the limit"),
        ["tsv invalid UTF-8"] = (".tsv", [.. "2\tKh"u8, 0xC3, 0x28, .. "\n"u8], "invalid UTF-8"),
        ["tsv missing column"] = (".tsv", "2\n"u8.ToArray(), "missing column"),
        ["jsonl invalid JSON"] = (".jsonl", "{\"id\": \"2\", \"name\": \"Kha\n"u8.ToArray(), "invalid JSON"),
        ["jsonl missing field"] = (".jsonl", "{\"id\": \"2\"}\n"u8.ToArray(), "missing field"),
        ["jsonl not a string"] = (".jsonl", "{\"id\": \"2\", \"name\": 7}\n"u8.ToArray(), "must be a string"),
        ["jsonl invalid UTF-8"] = (".jsonl", [.. "{\"id\": \"2\", \"name\": \"K"u8, 0xED, 0xA0, 0x80, .. "\"}\n"u8], "invalid UTF-8"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_row_behaves_as_documented(string kind, string mode)
    {
        var (extension, badRow, message) = BadRows[kind];
        using var dir = new TempDir();
        string path = dir.File("input" + extension, Build(extension, badRow));

        string[] column = extension == ".jsonl" ? [] : ["--column", "name"];
        CliRun run = CliRunner.Run(["resolve", "--input", path, "--on-error", mode, .. column]);
        string[] before = extension == ".jsonl" ? ["Ishaq Dar", "Khalifa Haftar"] : ["Khalifa Haftar"];
        int bad = before.Length;

        switch (mode)
        {
            case "fail":
                Assert.True(run.ExitCode == 2, run.ToString());
                Assert.Contains("input" + extension + ":3: ", run.Stderr, StringComparison.Ordinal);
                Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
                Assert.Equal(before, run.Json.Select(r => r.GetProperty("query").GetString()));
                break;
            case "skip":
                Assert.True(run.ExitCode == 1, run.ToString());
                Assert.Equal([.. before, "Asim Munir"], run.Json.Select(r => r.GetProperty("query").GetString()));
                Assert.Contains($"{bad + 2} rows read", run.Stderr, StringComparison.Ordinal);
                Assert.Contains("1 errors", run.Stderr, StringComparison.Ordinal);
                break;
            default:
                Assert.True(run.ExitCode == 1, run.ToString());
                JsonElement[] rows = run.Json;
                Assert.Equal(bad + 2, rows.Length);
                Assert.Equal(before, rows.Take(bad).Select(r => r.GetProperty("query").GetString()));
                Assert.Equal(3, rows[bad].GetProperty("line").GetInt32());
                Assert.Contains(message, rows[bad].GetProperty("error").GetString()!, StringComparison.Ordinal);
                Assert.False(rows[bad].TryGetProperty("matches", out _));
                Assert.Equal("Asim Munir", rows[bad + 1].GetProperty("query").GetString());
                break;
        }
    }

    [Fact]
    public void Report_in_csv_output_names_the_line_in_the_error_column()
    {
        using var dir = new TempDir();
        string path = dir.File("in.csv", Build(".csv", "2,\"broken\n"u8.ToArray()));

        CliRun run = CliRunner.Run("resolve", "--input", path, "--column", "name", "--on-error", "report", "--format", "csv", "--threads", "2");

        Assert.Equal(1, run.ExitCode);
        string[] lines = run.Lines;
        Assert.Equal(4, lines.Length);
        Assert.Equal("id,query,entityId,entityName,entityType,score,matchedName,error", lines[0]);
        Assert.StartsWith("1,Khalifa Haftar,person:khalifa-haftar,", lines[1], StringComparison.Ordinal);

        // The row could not be split, so no column passes through; the error names the line.
        Assert.StartsWith(",,,,,,,line 3: unbalanced quote", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("3,Asim Munir,person:asim-munir,", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_rows_keep_their_place_with_threads()
    {
        using var dir = new TempDir();
        var sb = new StringBuilder("id,name\n");
        for (int i = 0; i < 2000; i++)
        {
            sb.Append(i % 97 == 5 ? $"{i},\"broken\n" : $"{i},Asim Munir\n");
        }

        string path = dir.File("in.csv", sb.ToString());

        CliRun run = CliRunner.Run("resolve", "--input", path, "--column", "name", "--on-error", "report", "--threads", "4");

        Assert.Equal(1, run.ExitCode);
        JsonElement[] rows = run.Json;
        Assert.Equal(2000, rows.Length);
        for (int i = 0; i < rows.Length; i++)
        {
            if (i % 97 == 5)
            {
                Assert.Equal(i + 2, rows[i].GetProperty("line").GetInt32());
            }
            else
            {
                Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[i].GetProperty("input").GetProperty("id").GetString());
            }
        }
    }

    [Fact]
    public void A_header_that_cannot_be_read_is_exit_2()
    {
        using var dir = new TempDir();
        string path = dir.File("h.csv", [.. "id,na"u8, 0xFF, .. "me\n1,Asim Munir\n"u8]);

        CliRun run = CliRunner.Run("resolve", "--input", path, "--on-error", "report");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("h.csv:1:", run.Stderr, StringComparison.Ordinal);
    }

    private static byte[] Build(string extension, byte[] bad)
    {
        using var ms = new MemoryStream();
        void Line(string s) => ms.Write(Encoding.UTF8.GetBytes(s + "\n"));
        switch (extension)
        {
            case ".jsonl":
                Line("{\"id\": \"0\", \"name\": \"Ishaq Dar\"}");
                break;
            case ".tsv":
                Line("id\tname");
                Line("1\tKhalifa Haftar");
                break;
            default:
                Line("id,name");
                Line("1,Khalifa Haftar");
                break;
        }

        if (extension == ".jsonl")
        {
            // JSON Lines has no header: make the bad row line 3 as well.
            Line("{\"id\": \"1\", \"name\": \"Khalifa Haftar\"}");
        }

        ms.Write(bad);
        Line(extension switch { ".jsonl" => "{\"id\": \"3\", \"name\": \"Asim Munir\"}", ".tsv" => "3\tAsim Munir", _ => "3,Asim Munir" });
        return ms.ToArray();
    }
}
