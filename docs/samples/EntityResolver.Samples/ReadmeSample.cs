using EntityResolver;

namespace EntityResolver.Samples;

/// <summary>The first C# block of README.md (the consumer check compiles it as a Program.cs of its own).</summary>
internal static class ReadmeSample
{
    public static void Run()
    {
        var resolver = new NameResolver(EntityRegistry.Default);

        // "Saddam Khalid Haftar" in Hindi: one report got his middle name (his father's name, Khalifa) wrong.
        foreach (EntityMatch match in resolver.Resolve("सद्दाम खालिद हाफ़्तार", new ResolveOptions { Explain = true }))
        {
            Console.WriteLine($"{match.EntityId} ({match.Name}): score {match.Score:0.00}");
            Console.WriteLine($"  {match.Explanation!.Summary}");
        }
    }
}
