using EntityResolver.Samples;

// Runs every documentation sample in turn: dotnet run --project docs/samples/EntityResolver.Samples
var samples = new (string Name, Func<Task> Run)[]
{
    ("README", Sync(ReadmeSample.Run)),
    ("getting-started: one-liner", Sync(GettingStartedSamples.OneLiner)),
    ("getting-started: options", Sync(GettingStartedSamples.Options)),
    ("getting-started: explanation", Sync(GettingStartedSamples.Explanation)),
    ("getting-started: many names", Sync(GettingStartedSamples.Many)),
    ("getting-started: own registry", Sync(GettingStartedSamples.OwnRegistry)),
    ("getting-started: dependency injection", DependencyInjectionSamples.HostAsync),
    ("api: registry factory", Sync(DependencyInjectionSamples.Factory)),
    ("api: configuration", DependencyInjectionSamples.ConfigurationAsync),
    ("api: invalid option", DependencyInjectionSamples.InvalidOptionAsync),
    ("concepts: father and son", Sync(ConceptsSamples.FatherAndSon)),
    ("concepts: threshold", Sync(ConceptsSamples.Threshold)),
    ("concepts: no match", Sync(ConceptsSamples.NoMatch)),
    ("registry-format: load a file", Sync(RegistrySamples.LoadFile)),
    ("registry-format: problems", Sync(RegistrySamples.Problems)),
    ("registry-format: weak aliases", Sync(RegistrySamples.WeakAliases)),
    ("registry-format: updates", Sync(RegistrySamples.Updates)),
    ("algorithms: features", Sync(AlgorithmsSamples.Features)),
    ("algorithms: spelling", Sync(AlgorithmsSamples.Spelling)),
    ("algorithms: concepts", Sync(AlgorithmsSamples.Concepts)),
};

foreach (var (name, run) in samples)
{
    Console.WriteLine($"=== {name}");
    await run();
    Console.WriteLine();
}

static Func<Task> Sync(Action action) => () =>
{
    action();
    return Task.CompletedTask;
};
