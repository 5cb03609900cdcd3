namespace EntityResolver.Samples;

/// <summary>The samples of docs/concepts.md.</summary>
internal static class ConceptsSamples
{
    public static void FatherAndSon()
    {
        var resolver = new NameResolver(EntityRegistry.Default);
        foreach (string name in (string[])["Khalifa Haftar", "Saddam Khalifa Haftar", "حفتر"])
        {
            var top = resolver.Resolve(name, new ResolveOptions { Top = 2, Threshold = 0 });
            Console.WriteLine($"{name}: {string.Join(" | ", top.Select(m => $"{m.EntityId} {m.Score:0.00}"))}");
        }
    }

    public static void Threshold()
    {
        var resolver = new NameResolver(EntityRegistry.Default);
        var strict = new ResolveOptions { Threshold = 0.9 };
        var lenient = new ResolveOptions { Threshold = 0.2 };
        Console.WriteLine($"strict: {resolver.Resolve("Saddam Khalid Haftar", strict).Count} match(es)");
        Console.WriteLine($"lenient: {resolver.Resolve("Saddam Khalid Haftar", lenient).Count} match(es)");
    }

    public static void NoMatch()
    {
        var resolver = new NameResolver(EntityRegistry.Default);
        Console.WriteLine(resolver.Resolve("!!!").Count);          // 0: nothing name-like
        Console.WriteLine(resolver.Resolve("Angela Merkel").Count); // 0: not in the registry
        try
        {
            resolver.Resolve("   ");
        }
        catch (ArgumentException e)
        {
            Console.WriteLine(e.ParamName); // name: an empty name is a caller mistake
        }
    }
}
