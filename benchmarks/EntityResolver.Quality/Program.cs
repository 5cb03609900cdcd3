using System.Diagnostics;
using System.Globalization;
using System.Text;
using EntityResolver.Matching;
using EntityResolver.Text;

namespace EntityResolver.Quality;

/// <summary>
/// The quality harness: resolves the held-out queries of every dev set against a registry built
/// without original-script names (and without the 20 % "absent" entities), next to the FuzzySharp
/// baseline, and writes the figures per dataset and script pair.
/// </summary>
internal static class Program
{
    private const string DefaultData = "/work/shared/data";

    private const string Usage = """
        Usage: dotnet run -c Release --project benchmarks/EntityResolver.Quality -- [train] [options]
          train               fit the default model on the train split instead (writes
                              src/EntityResolver/Data/model/logit-v5.json and docs/reliability.svg
                              beside --out; rebuild, then evaluate)
          calibration [FILE]  the held-out calibration of a fitted model (default the embedded
                              logit-v5) as the resolver ranks today, without refitting it,
                              in the dev registries and in sparse ones (10 % and 1 %)
          stage FIRST NAME OUT [--no-transliteration] [--no-features]
                              fit only a second stage on top of the model file FIRST (its pair
                              weights kept), write it to OUT as model NAME and print its
                              held-out calibration as `calibration` does; the flags leave the
                              transliteration likelihood or the candidate's features out of it
          translit [DIR]      fit the transliteration models on the train split (writes
                              DIR/translit-*.tsv.gz; default src/EntityResolver/Data/model)
          dev [DIR]           top-1 over every query of netranslit-ar, netranslit-ru,
                              wikidata-hi-ur and unsc-2025 against all of each set's entities
                              (DIR: each query's first entity, one file per set, to compare runs)
          systems             the shares of the spelling stage's Palladius and Polivanov
                              spellings (NameResolver), on netranslit-ru-train's train split
          probe [--features] [--model FILE] [--registry FILE | --dev SET [--data DIR]] [--top N] [--ids ID,...] NAME...
                              the top N (3) candidates of each name in the seed registry, a
                              registry file or all of a dev set's entities; --features prints
                              each one's pair features per reading, and those of the --ids too
          --data DIR          the shared data folder holding dev/ (default /work/shared/data)
          --out FILE          write the Markdown report there (for example docs/quality.md)
          --only NAME         run one dataset (unsc-2025, wikidata-hi-ur, cmu-indian-names,
                              netranslit-ar-train, netranslit-ru-train)
          --limit N           evaluate at most N queries per dataset (default: each dataset's cap)
          --model FILE        evaluate this model file instead of the embedded default
          --l2 X              L2 strength for train (default 0.001)
          --baseline-limit N  run the FuzzySharp baseline on at most N of them (default: 400, 200 on netranslit-ar, 100 on netranslit-ru)
          --misses N          print the first N present queries whose first candidate is wrong (stderr)
        """;

    /// <summary>
    /// The datasets, their default query caps and baseline caps (deterministic subsamples; the
    /// baseline scans every alias per query, so it gets fewer queries on the large registries).
    /// </summary>
    private static readonly (string Name, int Cap, int BaselineCap)[] Datasets =
    [
        ("unsc-2025", int.MaxValue, 400),
        ("wikidata-hi-ur", int.MaxValue, 400),
        ("cmu-indian-names", 3000, 400),
        ("netranslit-ar-train", 3000, 200),
        ("netranslit-ru-train", 3000, 100),
    ];

    public static int Main(string[] args)
    {
        string data = DefaultData;
        string? output = null, only = null, modelPath = null;
        bool train = false;
        double l2 = ModelTrainer.DefaultL2;
        int? limit = null;
        int? baselineLimit = null;
        int misses = 0;
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "train" when i == 0: train = true; break;
                case "probe" when i == 0: return Probe(args[1..]);
                case "stage" when i == 0: return Stage(args[1..], data);
                case "calibration" when i == 0: return Training.Calibrate(Path.Combine(data, "dev"), args.Length > 1 ? LoadModel(args[1]) : ScoringModel.Embedded("model/logit-v5.json"));
                case "systems" when i == 0: return SystemShares.Run(Path.Combine(data, "dev"));
                case "dev" when i == 0: return DevTop1.Run(Path.Combine(data, "dev"), args.Length > 1 ? args[1] : null);
                case "translit" when i == 0: return TranslitTraining.Run(Path.Combine(data, "dev"), args.Length > 1 ? args[1] : "src/EntityResolver/Data/model");
                case "--model": modelPath = Next(); break;
                case "--l2": l2 = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--data": data = Next(); break;
                case "--out": output = Next(); break;
                case "--only": only = Next(); break;
                case "--limit": limit = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--baseline-limit": baselineLimit = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--misses": misses = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "-h" or "--help": Console.WriteLine(Usage); return 0;
                default: Console.Error.WriteLine($"unknown argument {args[i]}\n{Usage}"); return 2;
            }
        }

        if (!TryDevFolder(data, out string dev))
        {
            return 2;
        }

        if (train)
        {
            string modelOut = modelPath ?? Path.Combine("src", "EntityResolver", "Data", "model", Training.ModelName + ".json");
            string? svg = output is null ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, "reliability.svg");
            return Training.Run(dev, modelOut, output, svg, l2);
        }

        ScoringModel scoring = modelPath is null ? ScoringModel.Default : LoadModel(modelPath);
        var selected = Datasets.Where(d => only is null || string.Equals(d.Name, only, StringComparison.Ordinal)).ToList();
        if (selected.Count == 0)
        {
            Console.Error.WriteLine($"unknown dataset {only}; known: {string.Join(", ", Datasets.Select(d => d.Name))}");
            return 2;
        }

        Console.WriteLine($"model {scoring.Name}; ICU: {Icu.Description}; threshold {ResolveOptions.Default.Threshold}; baseline threshold {Evaluator.BaselineThreshold}");
        var results = new List<DatasetResult>();
        foreach (var (name, cap, baselineCap) in selected)
        {
            var sw = Stopwatch.StartNew();
            DevDataset ds = DevDataset.Load(dev, name);
            EntityRegistry registry = ds.BuildRegistry();
            var resolver = new NameResolver(registry, null, scoring);
            TimeSpan load = sw.Elapsed;
            DatasetResult r = Evaluator.Run(ds, registry, resolver, limit ?? cap, baselineLimit ?? baselineCap, misses);
            results.Add(r);
            Console.WriteLine();
            Console.WriteLine($"{name}: registry {r.RegistryEntities} entities, {r.EvaluatedQueries} of {r.AvailableQueries} held-out queries, baseline on {r.BaselineQueries}; load {load.TotalSeconds:0.0}s, resolver {r.ResolverTime.TotalSeconds:0.0}s, baseline {r.BaselineTime.TotalSeconds:0.0}s");
            Console.Write(Table(r));
            Console.WriteLine();
            if (FalsePositiveNote(r) is { } note)
            {
                Console.WriteLine(note);
                Console.WriteLine();
            }

            Console.Write(OperatingPointTable(r));
        }

        if (output is not null)
        {
            WriteBlock(output, "quality" + (modelPath is null ? "" : "-" + scoring.Name) + (only is null ? "" : "-" + only), Report(results, data, limit, baselineLimit, only, modelPath));
            Console.WriteLine($"\nwrote {output}");
        }

        return 0;
    }

    /// <summary>Writes <paramref name="content"/> between the <c>NAME:begin</c> / <c>NAME:end</c> markers of a Markdown file (appending them when missing).</summary>
    internal static void WriteBlock(string path, string block, string content)
    {
        string begin = $"<!-- {block}:begin (generated by benchmarks/EntityResolver.Quality; edit the harness, not this block) -->";
        string end = $"<!-- {block}:end -->";
        string text = File.Exists(path) ? File.ReadAllText(path) : "# Quality\n";
        string section = begin + "\n" + content + end + "\n";
        int b = text.IndexOf(begin, StringComparison.Ordinal);
        int e = text.IndexOf(end, StringComparison.Ordinal);
        if (b >= 0 && e > b)
        {
            int after = e + end.Length;
            if (after < text.Length && text[after] == '\n')
            {
                after++;
            }

            text = string.Concat(text.AsSpan(0, b), section, text.AsSpan(after));
        }
        else
        {
            text = text.TrimEnd('\n') + "\n\n" + section;
        }

        File.WriteAllText(path, text);
    }

    /// <summary>The dev folder under <paramref name="data"/>; false, having said so on stderr, when it does not exist.</summary>
    private static bool TryDevFolder(string data, out string dev)
    {
        dev = Path.Combine(data, "dev");
        if (Directory.Exists(dev))
        {
            return true;
        }

        Console.Error.WriteLine($"no dev data at {dev}; pass --data");
        return false;
    }

    /// <summary>
    /// <c>probe [--features] [--model FILE] [--registry FILE | --dev SET [--data DIR]] [--top N] [--ids ID,...] NAME...</c>:
    /// the top candidates (3 unless --top) of each name with their scores; with --features, each
    /// candidate's pair features per reading, and those of the entities --ids names too. --dev ranks
    /// in a registry of all a development set's entities (as the dev mode does).
    /// </summary>
    /// <summary><c>stage FIRST NAME OUT [--no-transliteration] [--data DIR]</c>: see <see cref="Training.FitStage"/>.</summary>
    private static int Stage(string[] args, string data)
    {
        var positional = new List<string>();
        bool transliteration = true, features = true;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--no-transliteration": transliteration = false; break;
                case "--no-features": features = false; break;
                case "--data" when i + 1 < args.Length: data = args[++i]; break;
                default: positional.Add(args[i]); break;
            }
        }

        if (positional.Count != 3 || positional.Any(a => a.StartsWith("--", StringComparison.Ordinal)))
        {
            Console.Error.WriteLine($"stage: expected FIRST NAME OUT, got {string.Join(' ', args)}\n{Usage}");
            return 2;
        }

        return TryDevFolder(data, out string dev) ? Training.FitStage(dev, LoadModel(positional[0]), positional[1], positional[2], transliteration, features) : 2;
    }

    private static int Probe(string[] args)
    {
        ScoringModel model = ScoringModel.Default;
        EntityRegistry registry = EntityRegistry.Default;
        var names = new List<string>();
        bool features = false;
        int top = 3;
        string[] ids = [];
        string data = DefaultData;
        string? dev = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--features": features = true; break;
                case "--model": model = LoadModel(args[++i]); break;
                case "--registry": registry = EntityRegistry.Load(args[++i]); break;
                case "--data": data = args[++i]; break;
                case "--dev": dev = args[++i]; break;
                case "--top": top = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--ids": ids = args[++i].Split(','); break;
                default: names.Add(args[i]); break;
            }
        }

        if (dev is not null)
        {
            if (!TryDevFolder(data, out string folder))
            {
                return 2;
            }

            registry = EntityRegistry.Create(DevDataset.Load(folder, dev).Entities);
        }

        var resolver = new NameResolver(registry, null, model);
        foreach (string name in names)
        {
            var matches = resolver.Resolve(name, new ResolveOptions { Top = top, Threshold = 0 });
            Console.WriteLine($"{name}\t{string.Join("\t", matches.Select(m => $"{m.EntityId} {m.Score:0.000}"))}");
            if (features)
            {
                var miner = new PairMiner(registry, model);
                PreparedName[] readings = miner.Prepare(name);
                foreach (string eid in matches.Select(m => m.EntityId).Concat(ids.Except(matches.Select(m => m.EntityId), StringComparer.Ordinal)))
                {
                    if (miner.Best(readings, eid) is not null)
                    {
                        Console.WriteLine($"  {eid}:");
                        for (int r = 0; r < readings.Length; r++)
                        {
                            if (miner.Best(readings[r..(r + 1)], eid) is { } fr)
                            {
                                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    reading {r}{(readings[r].IsLiteral ? " (literal)" : "")}: pair score {model.Score(fr):0.000}: {NonZero(fr)}"));
                            }
                        }
                    }
                }
            }
        }

        return 0;
    }

    private static string NonZero(in PairFeatures f)
    {
        ReadOnlySpan<float> v = f.AsSpan();
        var nonZero = new List<string>();
        for (int k = 0; k < v.Length; k++)
        {
            if (v[k] != 0f)
            {
                nonZero.Add(string.Create(CultureInfo.InvariantCulture, $"{PairFeatures.Names[k]}={v[k]:0.###}"));
            }
        }

        return string.Join(' ', nonZero);
    }

    private static ScoringModel LoadModel(string path)
    {
        using FileStream f = File.OpenRead(path);
        return ScoringModel.Load(f, path);
    }

    private static string Pct(double v) => double.IsNaN(v) ? "–" : (100 * v).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Num(double v) => double.IsNaN(v) ? "–" : v.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>How many of the absent queries answered at the threshold got the answer that the absent entity's own name gets (null when none was answered).</summary>
    private static string? FalsePositiveNote(DatasetResult r) => r.FalsePositives.Answered == 0
        ? null
        : string.Create(CultureInfo.InvariantCulture, $"Of the {r.FalsePositives.Answered} queries answered at the threshold although their entity is absent, {r.FalsePositives.Alike} got the answer that the absent entity's own name in the registry's script gets too: there, even the Latin name cannot tell the absent entity from the one answered.");

    private static string Table(DatasetResult r)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| script pair | queries | absent | top-1 % | P % | R % | F1 % | MRR | FPR % | baseline n | base top-1 % | base F1 % | base FPR % |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (group, (m, b)) in r.Groups)
        {
            Row(sb, group, m, b);
        }

        if (r.Groups.Count > 1)
        {
            var (tm, tb) = r.Total;
            Row(sb, "**all**", tm, tb);
        }

        return sb.ToString();
    }

    private static string OperatingPointTable(DatasetResult r)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| threshold | P % | R % | F1 % | FPR % |");
        sb.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var (t, m) in Evaluator.OperatingPoints(r))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {t:0.00} | {Pct(m.Precision)} | {Pct(m.Recall)} | {Pct(m.F1)} | {Pct(m.FalsePositiveRate)} |");
        }

        return sb.ToString();
    }

    private static void Row(StringBuilder sb, string group, ResolutionMetrics m, ResolutionMetrics b) =>
        sb.AppendLine(CultureInfo.InvariantCulture, $"| {group} | {m.Present} | {m.Absent} | {Pct(m.Top1Accuracy)} | {Pct(m.Precision)} | {Pct(m.Recall)} | {Pct(m.F1)} | {Num(m.Mrr)} | {Pct(m.FalsePositiveRate)} | {b.Present + b.Absent} | {Pct(b.Top1Accuracy)} | {Pct(b.F1)} | {Pct(b.FalsePositiveRate)} |");

    private static string Report(List<DatasetResult> results, string data, int? limit, int? baselineLimit, string? only, string? modelPath)
    {
        string Command(string? dataset)
        {
            var c = new StringBuilder("dotnet run -c Release --project benchmarks/EntityResolver.Quality --");
            if (!string.Equals(data, "/work/shared/data", StringComparison.Ordinal))
            {
                c.Append(" --data ").Append(data);
            }

            if (dataset is not null)
            {
                c.Append(" --only ").Append(dataset);
            }

            if (modelPath is not null)
            {
                c.Append(" --model ").Append(modelPath);
            }

            if (limit is not null)
            {
                c.Append(CultureInfo.InvariantCulture, $" --limit {limit}");
            }

            if (baselineLimit is not null)
            {
                c.Append(CultureInfo.InvariantCulture, $" --baseline-limit {baselineLimit}");
            }

            return c.ToString();
        }

        ScoringModel model = modelPath is null ? ScoringModel.Default : LoadModel(modelPath);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Model `{model.Name}`, resolver threshold {ResolveOptions.Default.Threshold}, baseline threshold {Evaluator.BaselineThreshold} (WRatio / 100). ICU: {Icu.Description}.");
        sb.AppendLine();
        sb.AppendLine("Every table below is reproduced by the command above it; the whole report by:");
        sb.AppendLine();
        sb.AppendLine("```sh");
        sb.AppendLine(Command(only) + " --out docs/quality.md");
        sb.AppendLine("```");
        foreach (DatasetResult r in results)
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"### {r.Name}");
            sb.AppendLine();
            sb.AppendLine("```sh");
            sb.AppendLine(Command(r.Name));
            sb.AppendLine("```");
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"Registry: {r.RegistryEntities} entities (original-script names removed, absent entities held out). Queries: {r.EvaluatedQueries} of {r.AvailableQueries} held-out ones; FuzzySharp baseline on the first {r.BaselineQueries} of them.");
            sb.AppendLine();
            sb.Append(Table(r));
            sb.AppendLine();
            if (FalsePositiveNote(r) is { } note)
            {
                sb.AppendLine(note);
                sb.AppendLine();
            }

            sb.AppendLine("At higher thresholds (all script pairs; the same run):");
            sb.AppendLine();
            sb.Append(OperatingPointTable(r));
        }

        return sb.ToString();
    }
}
