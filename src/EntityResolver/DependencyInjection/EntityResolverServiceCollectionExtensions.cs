using System.Diagnostics;
using EntityResolver;
using EntityResolver.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers EntityResolver in an <see cref="IServiceCollection"/>.</summary>
public static class EntityResolverServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="EntityRegistry"/>, a singleton <see cref="NameResolver"/>
    /// over it, configured by <see cref="EntityResolverOptions"/>, and a singleton
    /// <see cref="EntityLinker"/> over that resolver (default <see cref="LinkOptions"/>). The options are validated when
    /// the host starts (an invalid option fails start-up with a message naming it) and the
    /// registry is loaded then too, so a bad registry file fails start-up rather than the first
    /// request. Load events are logged through <see cref="ILogger"/> when logging is registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; null keeps the defaults (embedded registry, top 5, threshold 0.5).
    /// Options can also come from configuration: <c>services.Configure&lt;EntityResolverOptions&gt;(section)</c>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddEntityResolver(options =>
    /// {
    ///     options.RegistryPath = "registry.jsonl";
    ///     options.Threshold = 0.7;
    /// });
    /// </code>
    /// </example>
    public static IServiceCollection AddEntityResolver(this IServiceCollection services, Action<EntityResolverOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        OptionsBuilder<EntityResolverOptions> options = services.AddOptions<EntityResolverOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EntityResolverOptions>, EntityResolverOptionsValidator>());

        // Loads the registry when the host starts (ValidateOnStart creates these options), unless
        // the options are invalid: their own validation reports that.
        services.AddOptions<RegistryWarmUp>().Configure<IServiceProvider>(static (warmUp, provider) =>
        {
            try
            {
                _ = provider.GetRequiredService<IOptions<EntityResolverOptions>>().Value;
            }
            catch (OptionsValidationException)
            {
                return;
            }

            _ = provider.GetRequiredService<EntityRegistry>();
        }).ValidateOnStart();

        services.TryAddSingleton(CreateRegistry);
        services.TryAddSingleton(CreateResolver);
        services.TryAddSingleton(static provider => new EntityLinker(provider.GetRequiredService<NameResolver>()));
        return services;
    }

    private static EntityRegistry CreateRegistry(IServiceProvider provider)
    {
        EntityResolverOptions options = provider.GetRequiredService<IOptions<EntityResolverOptions>>().Value;
        ILogger logger = (provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(typeof(EntityRegistry).FullName!);
        string source = options.RegistryFactory is not null ? $"{nameof(EntityResolverOptions)}.{nameof(EntityResolverOptions.RegistryFactory)}"
            : options.RegistryPath is not null ? options.RegistryPath
            : "the embedded default registry";
        RegistryLog.Loading(logger, source);
        long start = Stopwatch.GetTimestamp();
        EntityRegistry registry;
        try
        {
            registry = options.RegistryFactory is not null
                ? options.RegistryFactory(provider) ?? throw new InvalidOperationException($"{nameof(EntityResolverOptions)}.{nameof(EntityResolverOptions.RegistryFactory)} returned null; it must return a registry.")
                : options.RegistryPath is not null ? EntityRegistry.Load(options.RegistryPath) : EntityRegistry.Default;
        }
        catch (RegistryLoadException e)
        {
            RegistryLog.LoadFailed(logger, source, Math.Max(1, e.Problems.Count), e);
            throw;
        }

        RegistryLog.Loaded(logger, source, registry.Count, registry.NameCount, (long)Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return registry;
    }

    private static NameResolver CreateResolver(IServiceProvider provider)
    {
        EntityResolverOptions options = provider.GetRequiredService<IOptions<EntityResolverOptions>>().Value;
        MatchModel model = options.Model ?? (options.ModelPath is not null ? MatchModel.Load(options.ModelPath) : MatchModel.Default);
        var resolver = new NameResolver(provider.GetRequiredService<EntityRegistry>(), model, options.ToResolveOptions());
        ILogger logger = (provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(typeof(NameResolver).FullName!);
        RegistryLog.ResolverCreated(logger, resolver.ModelName, options.Top, options.Threshold);
        return resolver;
    }

    /// <summary>An empty options type whose creation at start-up loads the registry.</summary>
    private sealed class RegistryWarmUp;
}
