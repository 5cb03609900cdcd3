using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;

namespace EntityResolver.Benchmarks;

/// <summary>A short job (the machine is shared): one launch, two warm-ups, five measured iterations.</summary>
internal static class BenchConfig
{
    public static IConfig Create() => ManualConfig.CreateEmpty()
        .AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5).WithId("Short"))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumnProvider(DefaultColumnProviders.Instance)
        .AddColumn(StatisticColumn.Median)
        .AddExporter(MarkdownExporter.GitHub)
        .AddLogger(ConsoleLogger.Default)
        .WithOptions(ConfigOptions.JoinSummary);
}
