using System.Text.RegularExpressions;

namespace EntityResolver.Tests.Api;

/// <summary>
/// Every C# block of README.md and of the user guides in docs/ must stand, line for line (white
/// space aside, enclosing class and method allowed), in one source file of the samples project
/// docs/samples/EntityResolver.Samples, which the solution builds: so every sample compiles.
/// </summary>
public sealed partial class DocumentationSamplesTests
{
    internal static readonly string[] Documents =
    [
        "README.md",
        "docs/getting-started.md",
        "docs/concepts.md",
        "docs/registry-format.md",
        "docs/algorithms.md",
        "docs/api.md",
    ];

    public static TheoryData<string> DocumentNames() => [.. Documents];

    [Theory]
    [MemberData(nameof(DocumentNames))]
    public void EveryCSharpSampleIsInTheSamplesProject(string document)
    {
        string root = RepositoryRoot();
        string path = Path.Combine(root, document);
        Assert.True(File.Exists(path), $"{document} is missing");
        string[][] sources = [.. Directory.GetFiles(Path.Combine(root, "docs", "samples", "EntityResolver.Samples"), "*.cs")
            .Select(f => Lines(File.ReadAllText(f)))];

        var missing = new List<string>();
        foreach (Match block in CSharpBlock().Matches(File.ReadAllText(path)))
        {
            string[] lines = Lines(block.Groups["code"].Value);
            if (lines.Length > 0 && !sources.Any(source => IsSubsequence(lines, source)))
            {
                missing.Add(string.Join(Environment.NewLine, lines));
            }
        }

        Assert.True(missing.Count == 0, $"{document}: these ```csharp blocks are not in docs/samples/EntityResolver.Samples (copy each into a sample file so that it compiles):{Environment.NewLine}{string.Join(Environment.NewLine + "---" + Environment.NewLine, missing)}");
    }

    [Fact]
    public void ReadmeStartsWithTheTwoCommandsAndACSharpExample()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        int run = readme.IndexOf("dotnet run --project src/EntityResolver.Cli -- resolve \"सद्दाम खालिद हाफ़्तार\"", StringComparison.Ordinal);
        int test = readme.IndexOf("dotnet test", StringComparison.Ordinal);
        int csharp = readme.IndexOf("```csharp", StringComparison.Ordinal);

        Assert.InRange(run, 0, 200);
        Assert.InRange(test, run, 300);
        Assert.True(csharp > test, "README.md needs a ```csharp example after the commands");
    }

    [Fact]
    public void SubsequenceAllowsEnclosingCodeButNotChangedLines()
    {
        string[] source = Lines("class A\n{\n    void M()\n    {\n        var x = 1;\n        Use(x);\n    }\n}");

        Assert.True(IsSubsequence(Lines("var x = 1;\nUse(x);"), source));
        Assert.False(IsSubsequence(Lines("var x = 2;\nUse(x);"), source));
        Assert.False(IsSubsequence(Lines("Use(x);\nvar x = 1;"), source));
    }

    private static string[] Lines(string text) =>
        [.. text.Split('\n').Select(l => Regex.Replace(l.Trim(), @"\s+", " ")).Where(l => l.Length > 0)];

    private static bool IsSubsequence(string[] needle, string[] haystack)
    {
        int i = 0;
        foreach (string line in haystack)
        {
            if (i < needle.Length && string.Equals(needle[i], line, StringComparison.Ordinal))
            {
                i++;
            }
        }

        return i == needle.Length;
    }

    internal static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EntityResolver.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"EntityResolver.sln not found above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^```csharp[ \t]*\r?\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
