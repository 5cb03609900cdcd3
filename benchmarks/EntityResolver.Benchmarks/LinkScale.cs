using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EntityResolver.Text;

namespace EntityResolver.Benchmarks;

/// <summary>
/// Linking against a large registry: where the registry comes from (<c>ER_LINK_REGISTRY</c> or
/// <c>--registry</c>), how the seed entities are added to it, and an informal report of build
/// time, cold and warm throughput and precision/recall on the five seed articles or on a folder
/// of held-out articles (<c>--articles</c>).
/// </summary>
internal static class LinkScale
{
    /// <summary>Environment variable naming the large registry (JSON Lines or a snapshot) for the linking benchmark.</summary>
    public const string RegistryVariable = "ER_LINK_REGISTRY";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The folder of the five seed articles and their gold mentions.</summary>
    public static string SeedArticles => Path.Combine(AppContext.BaseDirectory, "articles");

    /// <summary>The articles of a folder (file name, text), in file order: by default the five seed articles.</summary>
    public static (string File, string Text)[] Articles(string? folder = null) =>
        [.. Directory.GetFiles(folder ?? SeedArticles, "*.txt").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f, Encoding.UTF8)))];

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

    /// <summary>
    /// Informal report: gazetteer build, cold/fresh/warm/unseen throughput (wall and thread CPU),
    /// resolver calls, precision and recall on the articles of <paramref name="folder"/> (*.txt
    /// and their gold, mentions.jsonl; by default the seed articles).
    /// </summary>
    public static void Run(string path, int rounds, string? folder = null)
    {
        EntityRegistry registry = LoadWithSeed(path, Console.Out);
        var resolver = new NameResolver(registry);
        folder ??= SeedArticles;
        var articles = Articles(folder);
        long bytes = articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Text));
        Console.WriteLine(string.Create(Inv, $"{articles.Length} articles in {folder}: {bytes:N0} UTF-8 bytes"));

        var clock = Clock.Start();
        var first = new EntityLinker(resolver);
        Console.WriteLine(string.Create(Inv, $"build: first linker on the registry (its gazetteer) {clock.Wall.TotalSeconds:0.00} s wall, {clock.CpuMs / 1000:0.00} s thread CPU"));
        int forms = EntityResolver.Linking.Gazetteer.For(registry).FormCount;
        Console.WriteLine(string.Create(Inv, $"gazetteer: {forms:N0} distinct name words; the gate's memo is {forms * 4 / 1048576.0:0.0} MB per concurrent linking pass"));

        // Cold: the first documents ever, through a new gazetteer (its lookup memo is empty).
        var found = new List<(string File, LinkedMention Mention)>();
        clock = Clock.Start();
        foreach (var (file, text) in articles)
        {
            var one = Clock.Start();
            var mentions = first.Link(text);
            Console.WriteLine(string.Create(Inv, $"  cold {file}: {text.Length} chars, {mentions.Count} mentions, {one.CpuMs:0} ms thread CPU"));
            found.AddRange(mentions.Select(m => (file, m)));
        }

        Report("cold: first documents through a new gazetteer", bytes, clock, first.ResolverCalls);
        for (int r = 0; r < rounds; r++)
        {
            int calls = 0;
            clock = Clock.Start();
            foreach (var (_, text) in articles)
            {
                var linker = new EntityLinker(resolver);
                _ = linker.Link(text);
                calls += linker.ResolverCalls;
            }

            Report("a new linker per document (gazetteer warm)", bytes, clock, calls);

            // A shared linker on text it has not seen: each article after the other four.
            calls = 0;
            var total = default(Clock);
            for (int a = 0; a < articles.Length; a++)
            {
                var linker = new EntityLinker(resolver);
                for (int b = 0; b < articles.Length; b++)
                {
                    if (b != a)
                    {
                        _ = linker.Link(articles[b].Text);
                    }
                }

                int before = linker.ResolverCalls;
                var one = Clock.Start();
                _ = linker.Link(articles[a].Text);
                total = total.Add(one);
                calls += linker.ResolverCalls - before;
            }

            Report("a shared linker, each article after the other four", bytes, total, calls);
            int warmBefore = first.ResolverCalls;
            clock = Clock.Start();
            foreach (var (_, text) in articles)
            {
                _ = first.Link(text);
            }

            Report("a shared linker, the same articles again (upper bound)", bytes, clock, first.ResolverCalls - warmBefore);
        }

        Evaluate(articles, Path.Combine(folder, "mentions.jsonl"), found);
    }

    private static void Report(string what, long bytes, Clock clock, int calls) =>
        Console.WriteLine(string.Create(Inv, $"{what}: {clock.Wall.TotalMilliseconds:0} ms wall ({bytes / clock.Wall.TotalSeconds / 1000:0.0} KB/s), {clock.CpuMs:0} ms thread CPU ({bytes / clock.CpuMs:0.0} KB/s), {calls} resolver calls; garbage collections so far: {GC.CollectionCount(0)} / {GC.CollectionCount(1)} / {GC.CollectionCount(2)} (gen 0 / 1 / 2), {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms paused"));

    /// <summary>Wall clock and thread CPU time (the machine is shared: thread CPU is the steadier figure).</summary>
    private readonly record struct Clock(long StartTicks, double StartCpu, TimeSpan Done, double DoneCpu)
    {
        public static Clock Start() => new(Stopwatch.GetTimestamp(), CpuClock.NowMicroseconds(), TimeSpan.Zero, 0);

        public TimeSpan Wall => StartTicks == 0 ? Done : Done + Stopwatch.GetElapsedTime(StartTicks);

        public double CpuMs => StartTicks == 0 ? DoneCpu : DoneCpu + ((CpuClock.NowMicroseconds() - StartCpu) / 1000);

        public Clock Add(Clock other) => new(0, 0, Wall + other.Wall, CpuMs + other.CpuMs);
    }

    /// <summary>Precision/recall against the gold mentions (a found span counts when it overlaps a gold span of the same entity).</summary>
    private static void Evaluate((string File, string Text)[] articles, string goldPath, List<(string File, LinkedMention Mention)> found)
    {
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

        static string ScriptOf(string script) => script is "Deva" or "Latn" or "Cyrl" ? script : "Arab";
        foreach (string script in new[] { "all", "Arab", "Deva", "Latn", "Cyrl" })
        {
            var g = gold.Where(x => script == "all" || ScriptOf(x.Script) == script).ToList();
            var goldFiles = g.Select(x => x.File).ToHashSet(StringComparer.Ordinal);
            var f = found.Where(x => script == "all" || (goldFiles.Contains(x.File) && ScriptOfMention(x, gold) == script)).ToList();
            if (script != "all" && g.Count == 0 && f.Count == 0)
            {
                continue;
            }

            int correct = f.Count(x => g.Any(y => Overlaps(x, y) && y.Entity == x.Mention.EntityId));
            int recalled = g.Count(y => found.Any(x => Overlaps(x, y) && y.Entity == x.Mention.EntityId));
            Console.WriteLine(string.Create(Inv, $"{script}: P={(f.Count == 0 ? 1 : (double)correct / f.Count):0.000} ({correct}/{f.Count}) R={(g.Count == 0 ? 1 : (double)recalled / g.Count):0.000} ({recalled}/{g.Count})"));
        }

        foreach (var x in found.Where(x => !gold.Any(y => Overlaps(x, y) && y.Entity == x.Mention.EntityId)))
        {
            Console.WriteLine(string.Create(Inv, $"  wrong: {x.File} {x.Mention.Start} \"{x.Mention.Text}\" -> {x.Mention.EntityId} ({x.Mention.Score:0.00}): {x.Mention.Evidence}"));
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

            return ScriptDetector.Of(x.Mention.Text) switch
            {
                Script.Arabic => "Arab",
                Script.Devanagari => "Deva",
                Script.Cyrillic => "Cyrl",
                _ => "Latn",
            };
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
