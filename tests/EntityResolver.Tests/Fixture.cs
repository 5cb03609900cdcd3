namespace EntityResolver.Tests;

/// <summary>Access to the test fixtures copied next to the test assembly.</summary>
internal static class Fixture
{
    public static string Path(string relative) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

    /// <summary>The rows of a TSV fixture without its header.</summary>
    public static IEnumerable<string[]> Tsv(string relative) =>
        File.ReadLines(Path(relative)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t'));
}
