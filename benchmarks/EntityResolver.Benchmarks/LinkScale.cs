using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EntityResolver.Benchmarks;

/// <summary>
/// Linking against a large registry: where the registry comes from (<c>ER_LINK_REGISTRY</c> or
/// <c>--registry</c>), how the seed entities are added to it, and an informal report of build
/// time, cold and warm throughput and precision/recall on the five seed articles.
/// </summary>
internal static class LinkScale
{
    /// <summary>Environment variable naming the large registry (JSON Lines or a snapshot) for the linking benchmark.</summary>
    public const string RegistryVariable = "ER_LINK_REGISTRY";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The five seed articles (file name, text), in file order.</summary>
    public static (string File, string Text)[] Articles()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "articles");
        return [.. Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f, Encoding.UTF8)))];
    }

    /// <summary>The registry path from <c>--registry</c> or <see cref="RegistryVariable"/>, or null when neither is set.</summary>
    public static string? RegistryPath(string[] args)
    {
        int i = Array.IndexOf(args, "--registry");
        string? path = i >= 0 && i + 1 < args.Length ? args[i + 1] : Environment.GetEnvironmentVariable(RegistryVariable);
        return string.IsNullOrEmpty(path) ? null : path;
    }

    /// <summary>Explains how to get a large registry when none is configured.</summary>
    public static string Missing() =>
        $"No large registry: set {RegistryVariable} (or pass --registry) to a registry with the seed entities, e.g. "
        + "generate benchmarks/data/registry-1m.jsonl with 'gen --size 1m' (docs/benchmarks.md), then "
        + "'link-registry --registry benchmarks/data/registry-1m.jsonl --output /tmp/registry-1m-seed.idx' (docs/linking.md).";

    /// <summary>Loads a registry and adds the seed entities it lacks (a full rebuild when any is missing).</summary>
    public static EntityRegistry LoadWithSeed(string path, TextWriter log)
    {
        var sw = Stopwatch.StartNew();
        EntityRegistry registry = EntityRegistry.Load(path);
        log.WriteLine(string.Create(Inv, $"// loaded {registry.Count:N0} entities, {registry.NameCount:N0} names from {path} in {sw.Elapsed.TotalSeconds:0.0} s"));
        var missing = EntityRegistry.Default.Entities.Where(e => !registry.TryGetEntity(e.Id, out _)).ToList();
        if (missing.Count == 0)
        {
            return registry;
        }

        sw.Restart();
            StartCpu();
        registry = EntityRegistry.Create(registry.Entities.Concat(missing));
        log.WriteLine(string.Create(Inv, $"// added {missing.Count} seed entities (full rebuild) in {sw.Elapsed.TotalSeconds:0.0} s"));
        return registry;
    }

    /// <summary>Writes a snapshot of the registry at <paramref name="input"/> plus the seed entities.</summary>
    public static void Snapshot(string input, string output)
    {
        EntityRegistry registry = LoadWithSeed(input, Console.Out);
        using FileStream file = File.Create(output);
        registry.SaveSnapshot(file);
        Console.WriteLine(string.Create(Inv, $"wrote {output}: {registry.Count:N0} entities ({file.Length:N0} bytes)"));
    }

    /// <summary>Informal report: gazetteer build, cold/fresh/warm throughput, precision and recall on the seed articles.</summary>
    public static void Run(string path, int rounds)
    {
        EntityRegistry registry = LoadWithSeed(path, Console.Out);
        var resolver = new NameResolver(registry);
        var articles = Articles();
        long bytes = articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Text));

        var sw = Stopwatch.StartNew();
        var first = new EntityLinker(resolver);
        Console.WriteLine(string.Create(Inv, $"build: first linker (gazetteer of the registry) {sw.Elapsed.TotalSeconds:0.00} s"));
        sw.Restart();
            StartCpu();
        _ = new EntityLinker(resolver);
        Console.WriteLine(string.Create(Inv, $"build: another linker on the same registry {sw.Elapsed.TotalMilliseconds:0.0} ms"));

        // Cold: the very first documents through a fresh gazetteer memo and linker caches.
        var found = new List<(string File, LinkedMention Mention)>();
        EntityResolver.Linking.Gazetteer.DebugLog = [];
        sw.Restart();
            StartCpu();
        foreach (var (file, text) in articles)
        {
            var one = Stopwatch.StartNew();
            var mentions = first.Link(text);
            Console.WriteLine(string.Create(Inv, $"cold {file}: {text.Length} chars, {mentions.Count} mentions, {one.Elapsed.TotalMilliseconds:0.0} ms"));
            found.AddRange(mentions.Select(m => (file, m)));
        }

        Report("cold (first documents ever)", bytes, sw.Elapsed);
        var gl = EntityResolver.Linking.Gazetteer.DebugLog;
        Console.WriteLine($"gazetteer computes {EntityResolver.Linking.Gazetteer.DebugCalls} {EntityResolver.Linking.Gazetteer.DebugMs:0} ms; forms p50 {gl.Select(x => x.Item2).Order().ElementAt(gl.Count / 2)} p90 {gl.Select(x => x.Item2).Order().ElementAt(gl.Count * 9 / 10)} max {gl.Max(x => x.Item2)}; loose p50 {gl.Select(x => x.Item3).Order().ElementAt(gl.Count / 2)} p90 {gl.Select(x => x.Item3).Order().ElementAt(gl.Count * 9 / 10)} max {gl.Max(x => x.Item3)}; over4096 {gl.Count(x => x.Item3 > 4096)} strong p50 {gl.Select(x => x.Item4).Order().ElementAt(gl.Count / 2)} strong0 {gl.Count(x => x.Item4 == 0)} exact {gl.Count(x => x.Item5 >= 0.999f)}");
        Console.WriteLine($"keys {EntityResolver.Linking.Gazetteer.DebugT[0] / 1e6:0} ms, sims {EntityResolver.Linking.Gazetteer.DebugT[1] / 1e6:0} ms, entities {EntityResolver.Linking.Gazetteer.DebugT[2] / 1e6:0} ms");
        var ws = gl.Select(x => x.Item4).Order().ToArray();
        Console.WriteLine($"witness p50 {ws[ws.Length / 2]} p75 {ws[ws.Length * 3 / 4]} p90 {ws[ws.Length * 9 / 10]} p95 {ws[ws.Length * 95 / 100]} mean {ws.Average():0} >1024 {ws.Count(x => x > 1024)} >512 {ws.Count(x => x > 512)}");
        EntityResolver.Linking.Gazetteer.DebugLog = null;
        for (int r = 0; r < rounds; r++)
        {
            EntityLinker.DebugCalls = 0; EntityLinker.DebugMs = 0; EntityLinker.DebugLog = []; Array.Clear(EntityLinker.DebugWhy);
            sw.Restart();
            StartCpu();
            foreach (var (_, text) in articles)
            {
                _ = new EntityLinker(resolver).Link(text);
            }

            Report("fresh linker per document", bytes, sw.Elapsed);
            Console.WriteLine($"resolver calls {EntityLinker.DebugCalls} {EntityLinker.DebugMs:0} ms; why {string.Join(",", EntityLinker.DebugWhy)}");
            Console.WriteLine($"single {EntityLinker.DebugLog!.Count(x => !x.Item1.Contains(' '))} {EntityLinker.DebugLog!.Where(x => !x.Item1.Contains(' ')).Sum(x => x.Item2):0} ms; found {EntityLinker.DebugLog!.Count(x => x.Item3 > 0)}");
            foreach (var g in EntityLinker.DebugLog!.GroupBy(x => x.Item1.Count(c => c == ' ')).OrderBy(g => g.Key)) Console.WriteLine($"  words {g.Key + 1}: {g.Count()} calls {g.Sum(x => x.Item2):0} ms");
            foreach (var q in EntityLinker.DebugLog!.Take(400)) Console.WriteLine($"   {q.Item2:0.0} ms {q.Item3} {q.Item1}");
            EntityLinker.DebugLog = null;
            sw.Restart();
            StartCpu();
            foreach (var (_, text) in articles)
            {
                _ = first.Link(text);
            }

            Report("one linker, warm", bytes, sw.Elapsed);
        }

        Evaluate(articles, found);
        var opts = new ResolveOptions { Top = 20, Threshold = 0.01, Explain = true };
        foreach (var (file, m) in found)
        {
            var r = resolver.Resolve(m.Text, opts).FirstOrDefault(x => x.EntityId == m.EntityId);
            var sims = r?.Explanation?.Tokens.Where(t => t.Outcome == TokenOutcome.Match).Select(t => t.Similarity).ToList() ?? [];
            Console.WriteLine(string.Create(Inv, $"SIM {(m.EntityId.StartsWith("gen:", StringComparison.Ordinal) ? "GEN" : "SEED")} max {(sims.Count > 0 ? sims.Max() : 0):0.00} min {(sims.Count > 0 ? sims.Min() : 0):0.00} n {sims.Count} {m.Text}"));
        }
    }

    private static double _cpu = CpuClock.NowMicroseconds();

    private static void Report(string what, long bytes, TimeSpan elapsed)
    {
        double cpu = (CpuClock.NowMicroseconds() - _cpu) / 1000;
        Console.WriteLine(string.Create(Inv, $"{what}: {elapsed.TotalMilliseconds:0.0} ms wall ({bytes / elapsed.TotalSeconds / 1000:0.0} KB/s), {cpu:0.0} ms thread CPU ({bytes / cpu:0.0} KB/s) for {bytes:N0} bytes"));
    }

    private static void StartCpu() => _cpu = CpuClock.NowMicroseconds();

    /// <summary>Precision/recall against the gold mentions (a found span counts when it overlaps a gold span of the same entity).</summary>
    private static void Evaluate((string File, string Text)[] articles, List<(string File, LinkedMention Mention)> found)
    {
        string goldPath = Path.Combine(AppContext.BaseDirectory, "articles", "mentions.jsonl");
        var texts = articles.ToDictionary(a => a.File, a => a.Text, StringComparer.Ordinal);
        var gold = new List<(string File, int Start, int End, string Entity, string Script)>();
        foreach (string line in File.ReadLines(goldPath).Where(l => l.Length > 0))
        {
            using JsonDocument doc = JsonDocument.Parse(line);
            JsonElement r = doc.RootElement;
            string file = r.GetProperty("file").GetString()!;
            string text = texts[file];
            gold.Add((file, Utf16(text, r.GetProperty("offset").GetInt32()), Utf16(text, r.GetProperty("end").GetInt32()), r.GetProperty("entity_id").GetString()!, r.GetProperty("script").GetString()!));
        }

        static string ScriptOf(string script) => script == "Deva" || script == "Latn" ? script : "Arab";
        foreach (string script in new[] { "all", "Arab", "Deva", "Latn" })
        {
            var g = gold.Where(x => script == "all" || ScriptOf(x.Script) == script).ToList();
            var goldFiles = g.Select(x => x.File).ToHashSet(StringComparer.Ordinal);
            var f = found.Where(x => script == "all" || (goldFiles.Contains(x.File) && ScriptOfMention(x, gold) == script)).ToList();
            int correct = f.Count(x => g.Any(y => Overlaps(x, y) && y.Entity == x.Mention.EntityId));
            int recalled = g.Count(y => found.Any(x => Overlaps(x, y) && y.Entity == x.Mention.EntityId));
            Console.WriteLine(string.Create(Inv, $"{script}: P={(f.Count == 0 ? 1 : (double)correct / f.Count):0.000} ({correct}/{f.Count}) R={(g.Count == 0 ? 1 : (double)recalled / g.Count):0.000} ({recalled}/{g.Count})"));
        }

        foreach (var x in found.Where(x => !gold.Any(y => Overlaps(x, y) && y.Entity == x.Mention.EntityId)))
        {
            Console.WriteLine(string.Create(Inv, $"  wrong: {x.File} {x.Mention.Start} \"{x.Mention.Text}\" -> {x.Mention.EntityId} ({x.Mention.Score:0.00})"));
        }

        foreach (var y in gold.Where(y => !found.Any(x => Overlaps(x, y) && y.Entity == x.Mention.EntityId)))
        {
            Console.WriteLine(string.Create(Inv, $"  missed: {y.File} {y.Start} \"{texts[y.File][y.Start..y.End]}\" {y.Entity}"));
        }

        static bool Overlaps((string File, LinkedMention Mention) x, (string File, int Start, int End, string Entity, string Script) y) =>
            x.File == y.File && x.Mention.Start < y.End && y.Start < x.Mention.Start + x.Mention.Length;

        // A found mention takes the script of its article's gold mentions at the same place, else of the text itself.
        static string ScriptOfMention((string File, LinkedMention Mention) x, List<(string File, int Start, int End, string Entity, string Script)> gold)
        {
            foreach (var y in gold)
            {
                if (Overlaps(x, y))
                {
                    return ScriptOf(y.Script);
                }
            }

            foreach (char c in x.Mention.Text)
            {
                if (c is >= '\u0600' and <= '\u06FF')
                {
                    return "Arab";
                }

                if (c is >= '\u0900' and <= '\u097F')
                {
                    return "Deva";
                }
            }

            return "Latn";
        }
    }

    private static int Utf16(string text, int codePoints)
    {
        int units = 0;
        for (int cp = 0; cp < codePoints; cp++)
        {
            units += char.IsHighSurrogate(text[units]) ? 2 : 1;
        }

        return units;
    }
}
