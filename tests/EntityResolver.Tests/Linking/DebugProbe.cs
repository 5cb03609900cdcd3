using EntityResolver.Linking;
using EntityResolver.Text;
using Xunit.Abstractions;

namespace EntityResolver.Tests.Linking;

public sealed class DebugProbe(ITestOutputHelper output)
{
    [Fact]
    public void Probe()
    {
        var registry = EntityRegistry.Load(Fixture.Path("seed/registry.jsonl"));
        var g = Gazetteer.For(registry);
        var an = new NameAnalyzer();
        foreach (string w in "देबेबेह جی ایچ کیو ghq".Split(' '))
        {
            var f = an.Forms(TextNormalizer.NormalizeToken(w));
            var h = g.Lookup(f);
            output.WriteLine($"{w} latin={f.Latin} ph={f.Phonetic} sk={f.Skeleton} sim={h.Similarity:0.0000} name={h.IsName} ents={h.Entities}");
        }

        var (p, l) = an.AnalyzeQuery("جی ایچ کیو");
        output.WriteLine($"acr={p.IsAcronym} {string.Join(",", p.Tokens.Select(t => t.Forms.Latin + "/" + t.Forms.Skeleton))}");
        var r = new NameResolver(registry);
        foreach (string q in new[] { "GHQ", "جی ایچ کیو" })
        {
            foreach (var m in r.Resolve(q, new ResolveOptions { Top = 3, Threshold = 0.0 }))
            {
                output.WriteLine($"{q} -> {m}");
            }
        }
    }
}
