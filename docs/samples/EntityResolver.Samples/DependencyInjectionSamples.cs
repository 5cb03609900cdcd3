using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EntityResolver.Samples;

/// <summary>The dependency-injection samples of docs/getting-started.md and docs/api.md.</summary>
internal static class DependencyInjectionSamples
{
    public static async Task HostAsync()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Services.AddEntityResolver(options =>
        {
            options.Threshold = 0.6;          // default threshold of every Resolve call
            options.EntityType = "person";    // only persons, unless a call says otherwise
            // options.RegistryPath = "registry.jsonl";   // a file instead of the embedded registry
        });

        using IHost host = builder.Build();
        await host.StartAsync();              // validates the options and loads the registry

        var resolver = host.Services.GetRequiredService<NameResolver>();
        Console.WriteLine(resolver.Resolve("إسحاق دار")[0].EntityId); // person:ishaq-dar
        await host.StopAsync();
    }

    public static void Factory()
    {
        var services = new ServiceCollection();
        services.AddEntityResolver(options => options.RegistryFactory = provider =>
            new EntityRegistryBuilder()
                .AddPerson("person:ivan-petrov", "Ivan Petrov", "Иван Петров")
                .Build());

        using ServiceProvider provider = services.BuildServiceProvider();
        NameResolver resolver = provider.GetRequiredService<NameResolver>();
        Console.WriteLine(resolver.Resolve("Иван Петров")[0].EntityId); // person:ivan-petrov
    }

    public static async Task ConfigurationAsync()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EntityResolver:Top"] = "3",
            ["EntityResolver:Threshold"] = "0.7",
        }); // or an "EntityResolver" section in appsettings.json
        builder.Services.Configure<EntityResolverOptions>(builder.Configuration.GetSection("EntityResolver"));
        builder.Services.AddEntityResolver();

        using IHost host = builder.Build();
        await host.StartAsync();
        ResolveOptions defaults = host.Services.GetRequiredService<NameResolver>().Defaults;
        Console.WriteLine($"top {defaults.Top}, threshold {defaults.Threshold}"); // top 3, threshold 0.7
        await host.StopAsync();
    }

    public static async Task InvalidOptionAsync()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Services.AddEntityResolver(options => options.Threshold = 1.5);
        using IHost host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            Console.WriteLine(e.Message); // EntityResolverOptions.Threshold must be a probability between 0 and 1 (was 1.5).
        }
    }
}
