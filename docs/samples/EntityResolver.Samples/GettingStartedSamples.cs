namespace EntityResolver.Samples;

/// <summary>The samples of docs/getting-started.md.</summary>
internal static class GettingStartedSamples
{
    public static void OneLiner()
    {
        IReadOnlyList<EntityMatch> matches = new NameResolver(EntityRegistry.Default).Resolve("عاصم منیر");
        Console.WriteLine(matches[0]); // person:asim-munir 0.9.. via "عاصم منير"
    }

    public static void Options()
    {
        var resolver = new NameResolver(EntityRegistry.Default);
        var options = new ResolveOptions { Top = 3, Threshold = 0.3, EntityType = Entity.PersonType };
        foreach (EntityMatch match in resolver.Resolve("Haftar", options))
        {
            Console.WriteLine($"{match.EntityId,-28} {match.Score:0.000}  via \"{match.MatchedName}\"");
        }
    }

    public static void Explanation()
    {
        var resolver = new NameResolver(EntityRegistry.Default);
        EntityMatch best = resolver.Resolve("Field Marshal Syed Asim Munir", new ResolveOptions { Explain = true })[0];
        MatchExplanation why = best.Explanation!;
        Console.WriteLine($"{best.EntityId} {best.Score:0.00}: {why.Summary}");
        Console.WriteLine($"titles set aside: {string.Join(", ", why.Titles)}");
        foreach (TokenAlignment t in why.Tokens)
        {
            Console.WriteLine($"  {t.QueryToken ?? "-",-10} {t.CandidateToken ?? "-",-10} {t.Outcome,-13} similarity {t.Similarity:0.00} weight {t.Weight:0.00}");
        }
    }

    public static void Many()
    {
        var resolver = new NameResolver(EntityRegistry.Default);
        string[] names = ["हफ़्तार", "ISPR", "شہباز شریف", "Nobody Atall"];
        IReadOnlyList<IReadOnlyList<EntityMatch>> results = resolver.ResolveMany(names);
        for (int i = 0; i < names.Length; i++)
        {
            Console.WriteLine($"{names[i]} -> {(results[i].Count > 0 ? results[i][0].EntityId : "(no match)")}");
        }
    }

    public static void OwnRegistry()
    {
        EntityRegistry registry = new EntityRegistryBuilder()
            .AddPerson("person:vladimir-putin", "Vladimir Putin", "Владимир Путин", "فلاديمير بوتين")
            .AddOrganization("org:un", "United Nations", "UN", "الأمم المتحدة")
            .Build();
        var resolver = new NameResolver(registry);
        Console.WriteLine(resolver.Resolve("Путин")[0].EntityId); // person:vladimir-putin
    }
}
