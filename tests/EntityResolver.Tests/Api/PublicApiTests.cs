namespace EntityResolver.Tests.Api;

/// <summary>
/// The public API of the EntityResolver assembly is recorded in PublicApi.approved.txt; any change
/// to it (a member added, removed or changed) fails this test until the record is updated, so that
/// API changes are visible in review.
/// </summary>
public sealed class PublicApiTests
{
    private const string ApprovedFile = "PublicApi.approved.txt";
    private const string UpdateVariable = "UPDATE_PUBLIC_API";

    [Fact]
    public void PublicApiMatchesTheApprovedRecord()
    {
        IReadOnlyList<string> actual = PublicApi.Describe(typeof(EntityRegistry).Assembly);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            string target = Path.Combine(RepositoryRoot(), "tests", "EntityResolver.Tests", "Api", ApprovedFile);
            File.WriteAllLines(target, actual);
            return;
        }

        string approvedPath = Path.Combine(AppContext.BaseDirectory, "Api", ApprovedFile);
        Assert.True(File.Exists(approvedPath), $"{approvedPath} is missing: run `{UpdateVariable}=1 dotnet test --filter PublicApiTests` to create it.");
        string[] approved = File.ReadAllLines(approvedPath);
        IReadOnlyList<string> diff = PublicApi.Diff(approved, actual);
        Assert.True(diff.Count == 0, Message(diff));
        Assert.True(approved.SequenceEqual(actual, StringComparer.Ordinal), $"{ApprovedFile} has the right lines in another order: rewrite it with `{UpdateVariable}=1 dotnet test --filter PublicApiTests`.");
    }

    [Fact]
    public void AnUnrecordedMemberIsReported()
    {
        IReadOnlyList<string> actual = PublicApi.Describe(typeof(EntityRegistry).Assembly);
        string added = actual.First(l => l.Contains("NameResolver: ", StringComparison.Ordinal) && l.Contains(" Resolve(", StringComparison.Ordinal));
        string[] recordWithoutIt = [.. actual.Where(l => l != added)];

        IReadOnlyList<string> diff = PublicApi.Diff(recordWithoutIt, actual);

        Assert.Equal(["+ " + added], diff);
    }

    [Fact]
    public void DescriptionShowsSignaturesDefaultsAndNullability()
    {
        IReadOnlyList<string> lines = PublicApi.Describe([typeof(NameResolver), typeof(ResolveOptions), typeof(TokenOutcome)]);

        Assert.Contains("public sealed class EntityResolver.NameResolver", lines);
        Assert.Contains("EntityResolver.NameResolver: System.Collections.Generic.IReadOnlyList<EntityResolver.EntityMatch> Resolve(string name, EntityResolver.ResolveOptions? options = null)", lines);
        Assert.Contains("EntityResolver.ResolveOptions: int Top { get; init; }", lines);
        Assert.Contains("EntityResolver.ResolveOptions: string? EntityType { get; init; }", lines);
        Assert.Contains("EntityResolver.TokenOutcome.Conflict = 1", lines);
        Assert.Equal("public sealed class EntityResolver.NameResolver", lines[0]);
        Assert.Equal(lines.Skip(1).TakeWhile(l => l.StartsWith("EntityResolver.NameResolver:", StringComparison.Ordinal)).Order(StringComparer.Ordinal), lines.Skip(1).TakeWhile(l => l.StartsWith("EntityResolver.NameResolver:", StringComparison.Ordinal)));
    }

    [Fact]
    public void PublicClassesAreSealedOrStatic()
    {
        var open = typeof(EntityRegistry).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract)
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(open);
    }

    private static string Message(IReadOnlyList<string> diff) =>
        $"The public API of EntityResolver differs from tests/EntityResolver.Tests/Api/{ApprovedFile} "
        + $"(- recorded but gone, + new and unrecorded):{Environment.NewLine}{string.Join(Environment.NewLine, diff)}{Environment.NewLine}"
        + $"If the change is intended, update the record with `{UpdateVariable}=1 dotnet test --filter PublicApiTests` and commit it.";

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EntityResolver.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"EntityResolver.sln not found above {AppContext.BaseDirectory}; cannot update the approved public API.");
    }
}
