namespace EntityResolver.Samples;

/// <summary>The sample of docs/algorithms.md.</summary>
internal static class AlgorithmsSamples
{
    public static void Features()
    {
        var resolver = new NameResolver(EntityRegistry.Default);
        EntityMatch match = resolver.Resolve("सद्दाम खालिद हाफ़्तार", new ResolveOptions { Explain = true })[0];
        MatchExplanation why = match.Explanation!;
        Console.WriteLine($"{match.EntityId}: score {match.Score:0.000}, model {why.Model}, bias {why.Bias}");
        foreach (TokenAlignment t in why.Tokens)
        {
            Console.WriteLine($"  {t.QueryLatin ?? "-",-8} {t.CandidateLatin ?? "-",-8} {t.Outcome,-9} similarity {t.Similarity:0.000}  weight {t.Weight:0.00}");
        }

        foreach (FeatureContribution f in why.Features.Where(f => f.Contribution != 0))
        {
            Console.WriteLine($"  {f.Feature,-20} {f.Value,6:0.000} x {f.Weight,5:0.0} = {f.Contribution,7:0.000}");
        }

        double z = why.Bias + why.Features.Sum(f => f.Contribution);
        Console.WriteLine($"  z = {z:0.000}, 1 / (1 + e^-z) = {1 / (1 + Math.Exp(-z)):0.000}");
    }

    public static void Spelling()
    {
        EntityRegistry registry = new EntityRegistryBuilder()
            .AddPerson("p:albret", "Albret")
            .AddPerson("p:albrecht", "Albrecht")
            .Build();
        var resolver = new NameResolver(registry);
        foreach (EntityMatch m in resolver.Resolve("ألبرشت", new ResolveOptions { Top = 2, Threshold = 0, Explain = true }))
        {
            Console.WriteLine($"{m.EntityId}: score {m.Score:0.000}, spelling adjustment {m.Explanation!.SpellingAdjustment:0.000}");
        }
    }

    public static void Concepts()
    {
        EntityRegistry registry = new EntityRegistryBuilder()
            .AddOrganization("o:gia", "Armed Islamic Group")
            .AddOrganization("o:jemaah", "Jemaah Islamiyah")
            .Build();
        var resolver = new NameResolver(registry);
        EntityMatch m = resolver.Resolve("الجماعة الإسلامية المسلحة", new ResolveOptions { Explain = true })[0];
        Console.WriteLine($"{m.EntityId}: score {m.Score:0.000}");
        foreach (TokenAlignment t in m.Explanation!.Tokens)
        {
            Console.WriteLine($"  {t.QueryLatin,-10} {t.CandidateLatin,-8} {t.Outcome} {t.Similarity:0.00}");
        }
    }
}
