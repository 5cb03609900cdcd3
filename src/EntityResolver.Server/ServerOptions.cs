using Microsoft.Extensions.Configuration;

namespace EntityResolver.Server;

/// <summary>
/// The server's settings, read once from configuration (appsettings.json, environment variables
/// with <c>__</c> for <c>:</c>, command line such as <c>--Store:Path</c>). Defaults live here.
/// </summary>
internal sealed class ServerOptions
{
    /// <summary>The default largest request body: 1 MiB.</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>Registry file (JSON Lines) used to seed an empty store; null for the embedded default registry.</summary>
    public string? RegistryPath { get; init; }

    /// <summary>The scoring model (<c>Model</c>: <c>default</c>, <c>fitted</c> or a model file).</summary>
    public MatchModel Model { get; init; } = MatchModel.Default;

    /// <summary>The SQLite database that holds the registry.</summary>
    public required string StorePath { get; init; }

    /// <summary>When set, PUT and DELETE need this value in the <c>X-Api-Key</c> header.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The largest request body in bytes (413 above it).</summary>
    public long MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    /// <summary>The longest name accepted, in UTF-16 code units (at most the core's limit).</summary>
    public int MaxNameLength { get; init; } = 512;

    /// <summary>The most names in one batch (413 above it), also the reconciliation batch size.</summary>
    public int MaxBatchSize { get; init; } = 1000;

    /// <summary>The longest text accepted by <c>/v1/link</c>, in UTF-16 code units.</summary>
    public int MaxTextLength { get; init; } = 100_000;

    /// <summary>Requests still running after this are cancelled with 503.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The public base URL used in the reconciliation manifest (behind a proxy); null to use the request's.</summary>
    public Uri? PublicBaseUrl { get; init; }

    /// <summary>Lowest score of a reconciliation candidate.</summary>
    public double ReconcileCandidateThreshold { get; init; } = 0.2;

    /// <summary>Score from which the best reconciliation candidate is flagged <c>match: true</c>.</summary>
    public double ReconcileMatchThreshold { get; init; } = 0.9;

    /// <summary>Where the store lives when <c>Store:Path</c> is not configured.</summary>
    public static string DefaultStorePath()
    {
        string root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(root))
        {
            root = Path.GetTempPath();
        }

        return Path.Combine(root, "EntityResolver", "registry.db");
    }

    /// <summary>Reads and validates the options; every problem is reported at once.</summary>
    /// <exception cref="InvalidOperationException">A setting is out of range.</exception>
    public static ServerOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var options = new ServerOptions
        {
            Model = LoadModel(NullIfEmpty(configuration["Model"]), problems),
            RegistryPath = NullIfEmpty(configuration["Registry:Path"]),
            StorePath = NullIfEmpty(configuration["Store:Path"]) ?? DefaultStorePath(),
            ApiKey = NullIfEmpty(configuration["ApiKey"]),
            MaxBodyBytes = configuration.GetValue("Limits:MaxBodyBytes", DefaultMaxBodyBytes),
            MaxNameLength = configuration.GetValue("Limits:MaxNameLength", 512),
            MaxBatchSize = configuration.GetValue("Limits:MaxBatchSize", 1000),
            MaxTextLength = configuration.GetValue("Limits:MaxTextLength", 100_000),
            RequestTimeout = TimeSpan.FromSeconds(configuration.GetValue("Limits:RequestTimeoutSeconds", 10.0)),
            ReconcileCandidateThreshold = configuration.GetValue("Reconcile:CandidateThreshold", 0.2),
            ReconcileMatchThreshold = configuration.GetValue("Reconcile:MatchThreshold", 0.9),
            PublicBaseUrl = NullIfEmpty(configuration["PublicBaseUrl"]) is { } url && Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) ? uri : null,
        };

        if (NullIfEmpty(configuration["PublicBaseUrl"]) is { } given && options.PublicBaseUrl is null)
        {
            problems.Add($"PublicBaseUrl must be an absolute URL such as https://resolver.example.org (was '{given}')");
        }

        if (options.MaxBodyBytes < 1024)
        {
            problems.Add($"Limits:MaxBodyBytes must be at least 1024 (was {options.MaxBodyBytes})");
        }

        if (options.MaxNameLength is < 1 or > NameResolver.MaxNameLength)
        {
            problems.Add($"Limits:MaxNameLength must be between 1 and {NameResolver.MaxNameLength} (was {options.MaxNameLength})");
        }

        if (options.MaxBatchSize < 1)
        {
            problems.Add($"Limits:MaxBatchSize must be at least 1 (was {options.MaxBatchSize})");
        }

        if (options.MaxTextLength < 1)
        {
            problems.Add($"Limits:MaxTextLength must be at least 1 (was {options.MaxTextLength})");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            problems.Add($"Limits:RequestTimeoutSeconds must be positive (was {options.RequestTimeout.TotalSeconds})");
        }

        if (options.ReconcileCandidateThreshold is < 0 or > 1 || options.ReconcileMatchThreshold is < 0 or > 1)
        {
            problems.Add("Reconcile:CandidateThreshold and Reconcile:MatchThreshold must be between 0 and 1");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid server configuration: " + string.Join("; ", problems) + ".");
        }

        return options;
    }

    private static MatchModel LoadModel(string? value, List<string> problems)
    {
        try
        {
            return MatchModel.FromSetting(value);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            problems.Add($"Model must be 'default', 'fitted', 'heuristic' or a model file written by 'entity-resolver train': {ex.Message}");
            return MatchModel.Default;
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
