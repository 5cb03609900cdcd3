namespace EntityResolver;

/// <summary>
/// Options of <c>services.AddEntityResolver(options => ...)</c>: where the registry comes from and
/// the default <see cref="ResolveOptions"/> of the registered <see cref="NameResolver"/>.
/// </summary>
/// <remarks>
/// Unlike <see cref="ResolveOptions"/>, the properties are settable, as the options pattern of
/// Microsoft.Extensions.Options requires (configuration delegates and configuration binding set
/// them one by one). They are validated once, when the host starts: every problem is reported
/// together, each naming its option.
/// The registry comes from <see cref="RegistryFactory"/> when set, else from the JSON Lines file
/// <see cref="RegistryPath"/> when set, else it is <see cref="EntityRegistry.Default"/>; setting
/// both <see cref="RegistryFactory"/> and <see cref="RegistryPath"/> is an error, and so is setting
/// both <see cref="Model"/> and <see cref="ModelPath"/>.
/// </remarks>
public sealed class EntityResolverOptions
{
    /// <summary>
    /// A registry file (JSON Lines, see docs/registry-format.md), absolute or relative to the
    /// current directory; null (default) for the embedded default registry.
    /// </summary>
    public string? RegistryPath { get; set; }

    /// <summary>
    /// Builds the registry from the service provider (a database, a blob, code); null (default)
    /// to use <see cref="RegistryPath"/> or the embedded default registry. Called once.
    /// </summary>
    public Func<IServiceProvider, EntityRegistry>? RegistryFactory { get; set; }

    /// <summary>
    /// The scoring model, such as <see cref="MatchModel.Fitted"/>; null (default) for
    /// <see cref="ModelPath"/> or, when that is null too, <see cref="MatchModel.Default"/>.
    /// </summary>
    public MatchModel? Model { get; set; }

    /// <summary>A model file (see <see cref="MatchModel.Load(string)"/>); null (default) to use <see cref="Model"/> or the default model.</summary>
    public string? ModelPath { get; set; }

    /// <summary>Default <see cref="ResolveOptions.Top"/>: at most this many matches (1 to 1000; default 5).</summary>
    public int Top { get; set; } = ResolveOptions.Default.Top;

    /// <summary>Default <see cref="ResolveOptions.Threshold"/>: the lowest score returned, in [0, 1] (default 0.5).</summary>
    public double Threshold { get; set; } = ResolveOptions.Default.Threshold;

    /// <summary>Default <see cref="ResolveOptions.Explain"/>: whether matches carry explanations (default false).</summary>
    public bool Explain { get; set; } = ResolveOptions.Default.Explain;

    /// <summary>Default <see cref="ResolveOptions.EntityType"/>: only entities of this type; null (default) for any.</summary>
    public string? EntityType { get; set; } = ResolveOptions.Default.EntityType;

    /// <summary>The resolve options these settings describe.</summary>
    public ResolveOptions ToResolveOptions() => new()
    {
        Top = Top,
        Threshold = Threshold,
        Explain = Explain,
        EntityType = EntityType,
    };
}
