using EntityResolver.Matching;

namespace EntityResolver;

/// <summary>
/// A scoring model: a versioned logistic model over the pair features that turns a (query,
/// candidate name) pair into a probability. The default is embedded; <c>entity-resolver train</c>
/// fits one on your labelled pairs, and <see cref="Load(string)"/> reads it back.
/// </summary>
/// <example>
/// <code>
/// var model = MatchModel.Load("my-model.json");
/// var resolver = new NameResolver(EntityRegistry.Default, model);
/// Console.WriteLine(model.Describe());
/// </code>
/// </example>
public sealed class MatchModel
{
    private MatchModel(ScoringModel inner) => Inner = inner;

    /// <summary>The embedded default model.</summary>
    public static MatchModel Default { get; } = new(ScoringModel.Default);

    /// <summary>The embedded model fitted on the dev sets (<c>logit-v5</c>); see docs/quality.md.</summary>
    public static MatchModel Fitted => FittedModel.Value;

    /// <summary>The versioned name (such as <c>heuristic-v1</c>).</summary>
    public string Name => Inner.Name;

    internal ScoringModel Inner { get; }

    private static readonly Lazy<MatchModel> FittedModel = new(() => new MatchModel(ScoringModel.Embedded(ScoringModel.FittedResource)));

    private static readonly Lazy<MatchModel> HeuristicModel = new(() => new MatchModel(ScoringModel.Embedded(ScoringModel.HeuristicResource)));

    /// <summary>Reads a model file (JSON with <c>name</c>, <c>bias</c> and <c>weights</c> by feature name).</summary>
    /// <exception cref="InvalidDataException">The file is not a valid model; the message names the file and the field.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static MatchModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using FileStream stream = File.OpenRead(path);
        return new MatchModel(ScoringModel.Load(stream, path));
    }

    /// <summary>
    /// The model a setting names, as the command line (<c>--model</c>) and the server
    /// (<c>Model</c>) read it: <c>default</c> or null for <see cref="Default"/>, <c>fitted</c>
    /// for <see cref="Fitted"/>, <c>heuristic</c> for the embedded hand-set model
    /// (<c>heuristic-v1</c>), anything else the path of a model file.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a valid model.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    public static MatchModel FromSetting(string? setting) => setting switch
    {
        null or "default" => Default,
        "fitted" => Fitted,
        "heuristic" => HeuristicModel.Value,
        _ => Load(setting),
    };

    /// <summary>Reads a model from a stream; <paramref name="sourceName"/> names it in error messages.</summary>
    /// <exception cref="InvalidDataException">The stream is not a valid model.</exception>
    public static MatchModel Load(Stream stream, string sourceName = "<stream>")
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new MatchModel(ScoringModel.Load(stream, sourceName));
    }

    internal static MatchModel From(ScoringModel model) => new(model);

    /// <summary>The model's name, bias, and every feature with its weight and meaning, one per line.</summary>
    public string Describe() => Inner.Describe();

    /// <inheritdoc/>
    public override string ToString() => Name;
}
