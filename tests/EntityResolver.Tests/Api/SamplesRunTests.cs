using System.Reflection;

namespace EntityResolver.Tests.Api;

/// <summary>
/// The documentation samples (docs/samples/EntityResolver.Samples) compile with the solution;
/// this runs each of them too, so that a sample that throws (a name that no longer resolves, an
/// option that became invalid) fails the build instead of misleading a reader.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class SamplesRunTests
{
    private static readonly Assembly Samples = Assembly.Load("EntityResolver.Samples");

    public static TheoryData<string> SampleMethods()
    {
        var data = new TheoryData<string>();
        foreach (MethodInfo m in Methods())
        {
            data.Add($"{m.DeclaringType!.Name}.{m.Name}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleMethods))]
    public async Task SampleRunsWithoutError(string sample)
    {
        MethodInfo method = Methods().Single(m => $"{m.DeclaringType!.Name}.{m.Name}" == sample);

        object? result = method.Invoke(null, null);
        if (result is Task task)
        {
            await task;
        }
    }

    [Fact]
    public void EverySampleClassHasSamples() =>
        Assert.True(Methods().Count() >= 15, $"found only {Methods().Count()} sample methods");

    private static IEnumerable<MethodInfo> Methods() =>
        Samples.GetTypes()
            .Where(t => t.IsClass && t.IsAbstract && t.IsSealed && (t.Name.EndsWith("Sample", StringComparison.Ordinal) || t.Name.EndsWith("Samples", StringComparison.Ordinal)))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetParameters().Length == 0 && (m.ReturnType == typeof(void) || m.ReturnType == typeof(Task)))
            .OrderBy(m => m.DeclaringType!.Name, StringComparer.Ordinal)
            .ThenBy(m => m.Name, StringComparer.Ordinal);
}
