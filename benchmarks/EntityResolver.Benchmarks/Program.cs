using System.Globalization;
using BenchmarkDotNet.Running;
using EntityResolver.Benchmarks;

// Modes:
//   gen [--dev DIR] [--size 10k|100k|1m]       generate registries and queries into benchmarks/data
//   measure --size 1m [--recall N]              build/load/memory/latency loop (single thread), recall, accuracy
//   latency --size 1m [--rounds N] [--model M]  per-query latency on the snapshot: wall clock and thread CPU, and each pass apart (M: default, fitted, a file)
//   recall --size 10k [--queries N]             index recall against brute force only
//   misses --size 1m [--list N]                 cheap recall stand-in: gold a candidate when it would win; where misses are lost
//   top1 --size 100k [--misses FILE]            top-1 of the resolver alone on every query (and the misses)
//   accuracy --size 100k [--queries N]          top-1 accuracy of the resolver and of FuzzySharp brute force
//   link-registry --registry FILE --output FILE  a registry plus the seed entities, as a snapshot (for linking at scale)
//   link-scale [--registry FILE] [--rounds N] [--articles DIR]   linking against a large registry (ER_LINK_REGISTRY): build, throughput, P/R
//                                                on the seed articles or on DIR's *.txt and mentions.jsonl (benchmarks/heldout-articles)
//   (anything else)                              BenchmarkDotNet (BenchmarkSwitcher), e.g. --filter '*'
string Arg(string name, string fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

switch (args.FirstOrDefault())
{
    case "gen":
        BenchData.Generate(Arg("--dev", "/work/shared/data/dev"), args.Contains("--size") ? Arg("--size", "10k") : null);
        return 0;
    case "measure":
        Measure.Run(Arg("--size", "1m"), int.Parse(Arg("--recall", "200"), CultureInfo.InvariantCulture));
        return 0;
    case "latency":
        Measure.Latency(Arg("--size", "1m"), int.Parse(Arg("--rounds", "1"), CultureInfo.InvariantCulture), Arg("--model", "default"));
        return 0;
    case "ranks":
        Measure.Ranks(Arg("--size", "1m"));
        return 0;
    case "recall":
        Measure.RecallOnly(Arg("--size", "10k"), int.Parse(Arg("--queries", "400"), CultureInfo.InvariantCulture));
        return 0;
    case "debug":
        EntityResolver.Benchmarks.Debug.Run(args[1], args[2], args[3]);
        return 0;
    case "profile":
        Profile.Run(Arg("--size", "10k"));
        return 0;
    case "misses":
        Misses.Run(Arg("--size", "1m"), int.Parse(Arg("--list", "40"), CultureInfo.InvariantCulture));
        return 0;
    case "top1":
        Accuracy.TopOne(Arg("--size", "100k"), args.Contains("--misses") ? Arg("--misses", "misses.tsv") : null);
        return 0;
    case "link-registry":
        LinkScale.Snapshot(Arg("--registry", ""), Arg("--output", ""));
        return 0;
    case "link-scale":
        if (LinkScale.RegistryPath(args) is not { } registryPath)
        {
            Console.Error.WriteLine(LinkScale.Missing());
            return 2;
        }

        LinkScale.Run(registryPath, int.Parse(Arg("--rounds", "3"), CultureInfo.InvariantCulture), Arg("--articles", "") is { Length: > 0 } folder ? folder : null);
        return 0;
    case "accuracy":
        Accuracy.Run(Arg("--size", "100k"), int.Parse(Arg("--queries", "200"), CultureInfo.InvariantCulture));
        return 0;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(BenchData).Assembly).Run(args, BenchConfig.Create());
        return 0;
}
