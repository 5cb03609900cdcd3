using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace EntityResolver.Tests.Api;

/// <summary>Samples write to <see cref="Console.Out"/>: the classes that run them never run in parallel with other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}

/// <summary>
/// An output block of the docs, marked <c>&lt;!-- output: Class.Method --&gt;</c> right before a
/// <c>```text</c> block, must be what that sample of docs/samples/EntityResolver.Samples prints
/// today, so the numbers the docs show follow the matcher. Rewrite them all with
/// <c>UPDATE_DOCS_OUTPUT=1 dotnet test --filter DocumentationOutputTests</c>.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class DocumentationOutputTests
{
    private const string UpdateVariable = "UPDATE_DOCS_OUTPUT";

    public static TheoryData<string> DocumentNames() => [.. DocumentationSamplesTests.Documents];

    [Theory]
    [MemberData(nameof(DocumentNames))]
    public async Task ShownOutputIsWhatTheSamplePrints(string document)
    {
        string path = Path.Combine(DocumentationSamplesTests.RepositoryRoot(), document);
        string text = await File.ReadAllTextAsync(path);
        var stale = new List<string>();
        var rewritten = new StringBuilder();
        int last = 0;
        foreach (Match block in OutputBlock().Matches(text))
        {
            string sample = block.Groups["sample"].Value;
            string shown = Normalize(block.Groups["output"].Value);
            string printed = Normalize(await RunAsync(sample));
            if (!string.Equals(shown, printed, StringComparison.Ordinal))
            {
                stale.Add($"{sample}:{Environment.NewLine}--- shown:{Environment.NewLine}{shown}{Environment.NewLine}--- printed:{Environment.NewLine}{printed}");
            }

            Group output = block.Groups["output"];
            rewritten.Append(text, last, output.Index - last).Append(printed).Append('\n');
            last = output.Index + output.Length;
        }

        rewritten.Append(text, last, text.Length - last);
        if (stale.Count > 0 && Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(path, rewritten.ToString());
            return;
        }

        Assert.True(stale.Count == 0, $"{document} shows output that its samples no longer print (run `{UpdateVariable}=1 dotnet test --filter DocumentationOutputTests` to rewrite it, then check the prose around it):{Environment.NewLine}{string.Join(Environment.NewLine, stale)}");
    }

    [Fact]
    public void TheDocsMarkTheirOutputBlocks()
    {
        int marked = DocumentationSamplesTests.Documents.Sum(d => OutputBlock().Matches(File.ReadAllText(Path.Combine(DocumentationSamplesTests.RepositoryRoot(), d))).Count);

        Assert.True(marked >= 9, $"only {marked} output blocks are marked");
    }

    private static async Task<string> RunAsync(string sample)
    {
        string[] parts = sample.Split('.');
        Type type = Assembly.Load("EntityResolver.Samples").GetTypes().Single(t => t.Name == parts[0]);
        MethodInfo method = type.GetMethod(parts[1], BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"no sample method {sample}");
        TextWriter console = Console.Out;
        CultureInfo culture = CultureInfo.CurrentCulture;
        var captured = new StringWriter { NewLine = "\n" };
        try
        {
            Console.SetOut(captured);
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            if (method.Invoke(null, null) is Task task)
            {
                await task;
            }
        }
        finally
        {
            Console.SetOut(console);
            CultureInfo.CurrentCulture = culture;
        }

        return captured.ToString();
    }

    private static string Normalize(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())).Trim('\n');

    [GeneratedRegex(@"^<!-- output: (?<sample>\w+\.\w+) -->[ \t]*\r?\n```text[ \t]*\r?\n(?<output>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex OutputBlock();
}
