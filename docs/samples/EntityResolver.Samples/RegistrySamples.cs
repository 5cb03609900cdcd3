using System.Text;

namespace EntityResolver.Samples;

/// <summary>The samples of docs/registry-format.md and docs/concepts.md.</summary>
internal static class RegistrySamples
{
    public static void LoadFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"registry-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, """
            {"id": "person:khalifa-haftar", "type": "person", "names": ["Khalifa Haftar", {"text": "خليفة حفتر", "lang": "ar"}], "attributes": {"country": "LY"}, "relations": [{"type": "parent_of", "target": "person:saddam-haftar"}]}
            {"id": "person:saddam-haftar", "type": "person", "names": ["Saddam Khalifa Haftar", {"text": "صدام حفتر", "lang": "ar"}]}
            """);

        EntityRegistry registry = EntityRegistry.Load(path);
        Console.WriteLine($"{registry.Count} entities, {registry.NameCount} names");
        if (registry.TryGetEntity("person:khalifa-haftar", out Entity? father))
        {
            Console.WriteLine($"{father.Name}: {father.Attributes["country"]}, {father.Relations[0].Type} {father.Relations[0].Target}");
        }

        File.Delete(path);
    }

    public static void Problems()
    {
        const string Broken = """
            {"id": "person:a", "names": ["Ali Hassan"]}
            {"id": "person:b", "names": []}
            {"names": ["Omar"], "relations": [{"type": "parent_of"}]}
            """;
        try
        {
            EntityRegistry.Load(new MemoryStream(Encoding.UTF8.GetBytes(Broken)), "people.jsonl");
        }
        catch (RegistryLoadException e)
        {
            foreach (RegistryProblem problem in e.Problems)
            {
                Console.WriteLine(problem); // people.jsonl:2: names: must be a non-empty array ...
            }
        }
    }

    public static void WeakAliases()
    {
        var jibril = new Entity("person:jibril", Entity.PersonType,
        [
            new EntityName("Muhammad Jibril Abdul Rahman"),
            new EntityName("Muhammad Yunus", kind: EntityName.WeakAliasKind),
        ]);
        var resolver = new NameResolver(EntityRegistry.Create([jibril]));
        foreach (string query in new[] { "Muhammad Jibril", "Muhammad Yunus" })
        {
            EntityMatch? match = resolver.Resolve(query, new ResolveOptions { Threshold = 0 }).FirstOrDefault();
            Console.WriteLine($"{query}: {match?.MatchedName} {match?.Score:0.00}");
        }
    }

    public static void Updates()
    {
        EntityRegistry before = EntityRegistry.Default;
        var maryam = new Entity("person:maryam-nawaz", Entity.PersonType, [new EntityName("Maryam Nawaz Sharif"), new EntityName("مریم نواز شریف", lang: "ur")]);
        EntityRegistry after = before.WithEntity(maryam);        // a new registry; `before` is unchanged
        Console.WriteLine($"{before.Count} -> {after.Count} entities");

        var resolver = new NameResolver(after);
        Console.WriteLine(resolver.Resolve("مریم نواز")[0].EntityId); // person:maryam-nawaz
    }
}
