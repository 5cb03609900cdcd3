using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EntityResolver.Tests.DependencyInjection;

public sealed class AddEntityResolverTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("entity-resolver-di-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void WithoutOptionsTheResolverUsesTheEmbeddedRegistry()
    {
        using ServiceProvider provider = new ServiceCollection().AddEntityResolver().BuildServiceProvider();

        var resolver = provider.GetRequiredService<NameResolver>();

        Assert.Same(EntityRegistry.Default, resolver.Registry);
        Assert.Same(resolver, provider.GetRequiredService<NameResolver>());
        Assert.Same(resolver.Registry, provider.GetRequiredService<EntityRegistry>());
        Assert.Equal("person:saddam-haftar", resolver.Resolve("صدام حفتر")[0].EntityId);
    }

    [Fact]
    public void ALinkerOverTheResolverIsRegistered()
    {
        using ServiceProvider provider = new ServiceCollection().AddEntityResolver().BuildServiceProvider();

        var linker = provider.GetRequiredService<EntityLinker>();

        Assert.Same(provider.GetRequiredService<NameResolver>(), linker.Resolver);
        Assert.Same(linker, provider.GetRequiredService<EntityLinker>());
    }

    [Fact]
    public void RegistryIsLoadedFromThePathOption()
    {
        string path = Fixture.Path("seed/registry.jsonl");
        using ServiceProvider provider = new ServiceCollection()
            .AddEntityResolver(o => o.RegistryPath = path)
            .BuildServiceProvider();

        var registry = provider.GetRequiredService<EntityRegistry>();

        Assert.NotSame(EntityRegistry.Default, registry);
        Assert.Equal(EntityRegistry.Load(path).Entities.Select(e => e.Id), registry.Entities.Select(e => e.Id));
    }

    [Fact]
    public void RegistryFactoryIsCalledOnceWithTheProvider()
    {
        int calls = 0;
        IServiceProvider? seen = null;
        using ServiceProvider provider = new ServiceCollection()
            .AddEntityResolver(o => o.RegistryFactory = sp =>
            {
                calls++;
                seen = sp;
                return new EntityRegistryBuilder().AddPerson("person:test-ivanov", "Ivan Petrov", "Иван Петров").Build();
            })
            .BuildServiceProvider();

        var resolver = provider.GetRequiredService<NameResolver>();
        _ = provider.GetRequiredService<EntityRegistry>();

        Assert.Equal(1, calls);
        Assert.NotNull(seen);
        Assert.Equal(1, resolver.Registry.Count);
        Assert.Equal("person:test-ivanov", Assert.Single(resolver.Resolve("Иван Петров")).EntityId);
    }

    [Fact]
    public void ResolveOptionsBecomeTheResolverDefaults()
    {
        using ServiceProvider provider = new ServiceCollection()
            .AddEntityResolver(o =>
            {
                o.Top = 2;
                o.Threshold = 0.9;
                o.Explain = true;
                o.EntityType = Entity.PersonType;
            })
            .BuildServiceProvider();

        ResolveOptions defaults = provider.GetRequiredService<NameResolver>().Defaults;

        Assert.Equal(2, defaults.Top);
        Assert.Equal(0.9, defaults.Threshold);
        Assert.True(defaults.Explain);
        Assert.Equal(Entity.PersonType, defaults.EntityType);
    }

    [Fact]
    public void TheModelOptionChoosesTheScoringModel()
    {
        using ServiceProvider defaults = new ServiceCollection().AddEntityResolver().BuildServiceProvider();
        using ServiceProvider fitted = new ServiceCollection().AddEntityResolver(o => o.Model = MatchModel.Fitted).BuildServiceProvider();
        using ServiceProvider heuristic = new ServiceCollection().AddEntityResolver(o => o.Model = MatchModel.FromSetting("heuristic")).BuildServiceProvider();

        Assert.Equal(MatchModel.Default.Name, defaults.GetRequiredService<NameResolver>().ModelName);
        Assert.Equal("logit-v5", fitted.GetRequiredService<NameResolver>().ModelName);
        Assert.Equal("heuristic-v1", heuristic.GetRequiredService<NameResolver>().ModelName);
    }

    [Fact]
    public void AModelFileIsLoadedFromTheModelPathOption()
    {
        string path = Path.Combine(_directory, "model.json");
        File.WriteAllText(path, "{\"name\": \"test-model-v1\", \"bias\": -1.0, \"weights\": {\"coverage_query\": 2.0}}");
        using ServiceProvider provider = new ServiceCollection().AddEntityResolver(o => o.ModelPath = path).BuildServiceProvider();

        Assert.Equal("test-model-v1", provider.GetRequiredService<NameResolver>().ModelName);
    }

    [Fact]
    public async Task AMissingModelFileOrTwoModelsFailStartUp()
    {
        using IHost missing = BuildHost(o => o.ModelPath = Path.Combine(_directory, "no-model.json"));
        using IHost both = BuildHost(o =>
        {
            o.ModelPath = Path.Combine(_directory, "no-model.json");
            o.Model = MatchModel.Fitted;
        });

        var e1 = await Assert.ThrowsAsync<OptionsValidationException>(() => missing.StartAsync());
        var e2 = await Assert.ThrowsAsync<OptionsValidationException>(() => both.StartAsync());

        Assert.Contains("EntityResolverOptions.ModelPath", e1.Message, StringComparison.Ordinal);
        Assert.Contains("no-model.json", e1.Message, StringComparison.Ordinal);
        Assert.Contains("EntityResolverOptions.Model ", e2.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsCanComeFromConfigureAsWellAsTheDelegate()
    {
        var services = new ServiceCollection();
        services.Configure<EntityResolverOptions>(o => o.Top = 3);
        using ServiceProvider provider = services.AddEntityResolver().BuildServiceProvider();

        Assert.Equal(3, provider.GetRequiredService<NameResolver>().Defaults.Top);
    }

    [Fact]
    public async Task AnInvalidValueFromConfigurationFailsStartUpNamingTheOption()
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["EntityResolver:Top"] = "2", ["EntityResolver:Threshold"] = "2" });
        builder.Services.Configure<EntityResolverOptions>(builder.Configuration.GetSection("EntityResolver"));
        builder.Services.AddEntityResolver();
        using IHost host = builder.Build();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("EntityResolverOptions.Threshold", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("EntityResolverOptions.Top", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStartLoadsTheRegistry()
    {
        int calls = 0;
        using IHost host = BuildHost(o => o.RegistryFactory = _ =>
        {
            calls++;
            return EntityRegistry.Default;
        });

        Assert.Equal(0, calls);
        await host.StartAsync();

        Assert.Equal(1, calls);
        await host.StopAsync();
    }

    [Theory]
    [InlineData(0, 0.5, "EntityResolverOptions.Top")]
    [InlineData(1001, 0.5, "EntityResolverOptions.Top")]
    [InlineData(5, 1.5, "EntityResolverOptions.Threshold")]
    [InlineData(5, -0.1, "EntityResolverOptions.Threshold")]
    [InlineData(5, double.NaN, "EntityResolverOptions.Threshold")]
    public async Task AnInvalidOptionFailsStartUpNamingTheOption(int top, double threshold, string option)
    {
        using IHost host = BuildHost(o =>
        {
            o.Top = top;
            o.Threshold = threshold;
        });

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(option, e.Message, StringComparison.Ordinal);
        Assert.Single(e.Failures);
    }

    [Fact]
    public async Task EveryInvalidOptionIsReportedAtOnce()
    {
        using IHost host = BuildHost(o =>
        {
            o.Top = -1;
            o.Threshold = 2;
            o.EntityType = " ";
            o.RegistryPath = Path.Combine(_directory, "missing.jsonl");
        });

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(4, e.Failures.Count());
        foreach (string option in (string[])["Top", "Threshold", "EntityType", "RegistryPath"])
        {
            Assert.Contains($"EntityResolverOptions.{option}", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AMissingRegistryFileFailsStartUp()
    {
        string missing = Path.Combine(_directory, "no-such-registry.jsonl");
        using IHost host = BuildHost(o => o.RegistryPath = missing);

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("EntityResolverOptions.RegistryPath", e.Message, StringComparison.Ordinal);
        Assert.Contains("no-such-registry.jsonl", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PathAndFactoryTogetherFailStartUp()
    {
        using IHost host = BuildHost(o =>
        {
            o.RegistryPath = Fixture.Path("seed/registry.jsonl");
            o.RegistryFactory = _ => EntityRegistry.Default;
        });

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("EntityResolverOptions.RegistryFactory", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadRegistryFileFailsStartUpWithItsLineAndIsLogged()
    {
        string path = Path.Combine(_directory, "bad.jsonl");
        File.WriteAllLines(path, ["{\"id\": \"person:a\", \"type\": \"person\", \"names\": [\"Ali Hassan\"]}", "{\"id\": \"person:b\", \"type\": \"person\"}"]);
        var logs = new ListLoggerProvider();
        using IHost host = BuildHost(o => o.RegistryPath = path, logs);

        var e = await Assert.ThrowsAsync<RegistryLoadException>(() => host.StartAsync());

        RegistryProblem problem = Assert.Single(e.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains(logs.Entries, l => l.Level == LogLevel.Error && l.EventName == "RegistryLoadFailed" && l.Message.Contains("bad.jsonl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoadingIsLogged()
    {
        var logs = new ListLoggerProvider();
        using IHost host = BuildHost(o => o.RegistryPath = Fixture.Path("seed/registry.jsonl"), logs);

        await host.StartAsync();

        var loaded = Assert.Single(logs.Entries, l => l.EventName == "RegistryLoaded");
        Assert.Equal(LogLevel.Information, loaded.Level);
        Assert.Equal(typeof(EntityRegistry).FullName, loaded.Category);
        Assert.Contains($"{EntityRegistry.Load(Fixture.Path("seed/registry.jsonl")).Count} entities", loaded.Message, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public void AFactoryReturningNullIsAnErrorNamingTheOption()
    {
        using ServiceProvider provider = new ServiceCollection()
            .AddEntityResolver(o => o.RegistryFactory = _ => null!)
            .BuildServiceProvider();

        var e = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<NameResolver>());

        Assert.Contains("EntityResolverOptions.RegistryFactory", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAHostAnInvalidOptionFailsOnFirstUse()
    {
        using ServiceProvider provider = new ServiceCollection()
            .AddEntityResolver(o => o.Threshold = 7)
            .BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<NameResolver>());

        Assert.Contains("EntityResolverOptions.Threshold", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CallingTwiceRegistersOneResolver()
    {
        var services = new ServiceCollection().AddEntityResolver().AddEntityResolver(o => o.Top = 4);
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(NameResolver));
        Assert.Equal(4, provider.GetRequiredService<NameResolver>().Defaults.Top);
        Assert.Single(provider.GetServices<IValidateOptions<EntityResolverOptions>>());
    }

    private static IHost BuildHost(Action<EntityResolverOptions> configure, ListLoggerProvider? logs = null)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
        }

        builder.Services.AddEntityResolver(configure);
        return builder.Build();
    }

    private sealed record LogEntry(string Category, LogLevel Level, string? EventName, string Message);

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        private readonly List<LogEntry> _entries = [];

        public IReadOnlyList<LogEntry> Entries
        {
            get
            {
                lock (_entries)
                {
                    return [.. _entries];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, this);

        public void Dispose()
        {
        }

        private sealed class ListLogger(string category, ListLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner._entries)
                {
                    owner._entries.Add(new LogEntry(category, logLevel, eventId.Name, formatter(state, exception)));
                }
            }
        }
    }
}
