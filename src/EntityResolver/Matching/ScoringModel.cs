using System.Globalization;
using System.Text;
using System.Text.Json;
using EntityResolver.Text;

namespace EntityResolver.Matching;

/// <summary>
/// A logistic model over <see cref="PairFeatures"/>: score = sigmoid(bias + Σ wᵢ·fᵢ). Versioned by
/// name; loaded from a small JSON file. Two are embedded: <c>heuristic-v1</c> (hand-set, the
/// default: it passes the seed case) and <c>logit-v5</c> (fitted on the dev sets with
/// <see cref="ModelTrainer"/>, with a second stage against the best rival candidate
/// (<see cref="Rival"/>), calibrated on them; see docs/quality.md for why it is not the default
/// yet; <see cref="FittedResource"/>). A feature the file does not name has weight 0.
/// </summary>
internal sealed class ScoringModel
{
    /// <summary>The resource name of the default model.</summary>
    public const string DefaultResource = "model/heuristic-v1.json";

    /// <summary>The resource name of the hand-set model (passes the seed case; its scores rank but are not probabilities).</summary>
    public const string HeuristicResource = "model/heuristic-v1.json";

    /// <summary>The resource name of the model fitted on the dev sets.</summary>
    public const string FittedResource = "model/logit-v5.json";

    private static readonly Lazy<ScoringModel> DefaultModel = new(() => Embedded(DefaultResource));

    public ScoringModel(string name, float bias, float[] weights, string? description = null, RivalCalibration? rival = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (weights.Length != PairFeatures.Count)
        {
            throw new ArgumentException($"A model needs {PairFeatures.Count} weights (got {weights.Length}).", nameof(weights));
        }

        if (!float.IsFinite(bias) || weights.Any(w => !float.IsFinite(w)))
        {
            throw new ArgumentException("Model weights must be finite numbers.", nameof(weights));
        }

        Name = name;
        Bias = bias;
        Weights = weights;
        Description = description;
        Rival = rival;
    }

    public static ScoringModel Default => DefaultModel.Value;

    public string Name { get; }

    public string? Description { get; }

    public float Bias { get; }

    /// <summary>Weights in the order of <see cref="PairFeatures.Names"/>.</summary>
    public float[] Weights { get; }

    /// <summary>
    /// The second stage, when the model has one: turns the pair probability of a candidate into
    /// the probability that the candidate is the one the query names, given its best rival among
    /// the other candidates. Null: the score is the pair probability.
    /// </summary>
    public RivalCalibration? Rival { get; }

    /// <summary>This model with another second stage.</summary>
    public ScoringModel WithRival(RivalCalibration? rival) => new(Name, Bias, Weights, Description, rival);

    /// <summary>Loads an embedded model (<c>model/NAME.json</c>).</summary>
    public static ScoringModel Embedded(string resource)
    {
        using Stream s = ResourceData.Open(resource);
        return Load(s, "embedded " + resource);
    }

    public float Logit(in PairFeatures f)
    {
        ReadOnlySpan<float> values = f.AsSpan();
        float z = Bias;
        for (int i = 0; i < values.Length; i++)
        {
            z += Weights[i] * values[i];
        }

        return z;
    }

    public float Score(in PairFeatures f) => 1f / (1f + MathF.Exp(-Logit(f)));

    /// <summary>A readable description: name, description, bias, then one line per feature with its weight and meaning.</summary>
    public string Describe()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"model {Name}: score = sigmoid(bias + Σ weight × feature), bias {Bias:0.###}\n");
        if (Description is not null)
        {
            sb.Append(Description).Append('\n');
        }

        for (int i = 0; i < Weights.Length; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{PairFeatures.Names[i],-24} {Weights[i],8:0.###}  {PairFeatures.Descriptions[i]}\n");
        }

        if (Rival is { } r)
        {
            sb.Append("then, against the best rival candidate: ").Append(r).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Writes the model as JSON (the format <see cref="Load"/> reads).</summary>
    public void Save(Stream stream, IReadOnlyDictionary<string, string>? metadata = null)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("name", Name);
        w.WriteString("kind", "logistic");
        if (Description is not null)
        {
            w.WriteString("description", Description);
        }

        if (metadata is not null)
        {
            foreach (var (key, value) in metadata)
            {
                w.WriteString(key, value);
            }
        }

        w.WriteNumber("bias", Math.Round(Bias, 5));
        w.WriteStartObject("weights");
        for (int i = 0; i < Weights.Length; i++)
        {
            w.WriteNumber(PairFeatures.Names[i], Math.Round(Weights[i], 5));
        }

        w.WriteEndObject();
        if (Rival is { } r)
        {
            w.WriteStartObject("rival");
            w.WriteNumber("own", Math.Round(r.Own, 5));
            w.WriteNumber("rival", Math.Round(r.Rival, 5));
            w.WriteNumber("bias", Math.Round(r.Bias, 5));
            if (r.HasFeatures)
            {
                w.WriteStartObject("features");
                foreach (var (feature, weight) in r.Features)
                {
                    w.WriteNumber(feature, Math.Round(weight, 5));
                }

                w.WriteEndObject();
            }

            if (r.WeighsSpelling)
            {
                w.WriteStartObject("spelling");
                w.WriteNumber("per_character", Math.Round(r.Spelling, 5));
                w.WriteNumber("known", Math.Round(r.SpellingKnown, 5));
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteStartObject("features");
        for (int i = 0; i < Weights.Length; i++)
        {
            w.WriteString(PairFeatures.Names[i], PairFeatures.Descriptions[i]);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Reads a model file: <c>name</c>, <c>bias</c> and <c>weights</c> (feature name → number) are required.</summary>
    /// <exception cref="InvalidDataException">The file is not a model; the message names the source and the field.</exception>
    public static ScoringModel Load(Stream stream, string source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }

        using (doc)
        {
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{source}: a model is a JSON object with \"name\", \"bias\" and \"weights\"");
            }

            string name = root.TryGetProperty("name", out JsonElement n) && n.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(n.GetString())
                ? n.GetString()! : throw new InvalidDataException($"{source}: field \"name\" is required (a non-empty string)");
            float bias = root.TryGetProperty("bias", out JsonElement b) && b.ValueKind == JsonValueKind.Number && float.IsFinite(b.GetSingle())
                ? b.GetSingle() : throw new InvalidDataException($"{source}: field \"bias\" is required (a number)");
            string? description = root.TryGetProperty("description", out JsonElement d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            if (!root.TryGetProperty("weights", out JsonElement w) || w.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{source}: field \"weights\" must be an object of feature name to number");
            }

            var weights = new float[PairFeatures.Count];
            foreach (JsonProperty p in w.EnumerateObject())
            {
                int index = Array.IndexOf(PairFeatures.Names, p.Name);
                if (index < 0)
                {
                    throw new InvalidDataException($"{source}: weights.{p.Name}: unknown feature; known: {string.Join(", ", PairFeatures.Names)}");
                }

                if (p.Value.ValueKind != JsonValueKind.Number || !float.IsFinite(p.Value.GetSingle()))
                {
                    throw new InvalidDataException($"{source}: weights.{p.Name}: must be a finite number");
                }

                weights[index] = p.Value.GetSingle();
            }

            RivalCalibration? rival = null;
            if (root.TryGetProperty("rival", out JsonElement rv))
            {
                float Number(string field) => rv.ValueKind == JsonValueKind.Object && rv.TryGetProperty(field, out JsonElement v) && v.ValueKind == JsonValueKind.Number && float.IsFinite(v.GetSingle())
                    ? v.GetSingle() : throw new InvalidDataException($"{source}: rival.{field}: required (a finite number)");
                Dictionary<string, float>? features = null;
                if (rv.ValueKind == JsonValueKind.Object && rv.TryGetProperty("features", out JsonElement rf))
                {
                    if (rf.ValueKind != JsonValueKind.Object)
                    {
                        throw new InvalidDataException($"{source}: rival.features must be an object of feature name to number");
                    }

                    features = new Dictionary<string, float>(StringComparer.Ordinal);
                    foreach (JsonProperty p in rf.EnumerateObject())
                    {
                        if (Array.IndexOf(PairFeatures.Names, p.Name) < 0)
                        {
                            throw new InvalidDataException($"{source}: rival.features.{p.Name}: unknown feature; known: {string.Join(", ", PairFeatures.Names)}");
                        }

                        features[p.Name] = p.Value.ValueKind == JsonValueKind.Number && float.IsFinite(p.Value.GetSingle())
                            ? p.Value.GetSingle() : throw new InvalidDataException($"{source}: rival.features.{p.Name}: must be a finite number");
                    }
                }

                float perCharacter = 0f, known = 0f;
                if (rv.ValueKind == JsonValueKind.Object && rv.TryGetProperty("spelling", out JsonElement sp))
                {
                    float SpellingNumber(string field) => sp.ValueKind == JsonValueKind.Object && sp.TryGetProperty(field, out JsonElement v) && v.ValueKind == JsonValueKind.Number && float.IsFinite(v.GetSingle())
                        ? v.GetSingle() : throw new InvalidDataException($"{source}: rival.spelling.{field}: required (a finite number)");
                    (perCharacter, known) = (SpellingNumber("per_character"), SpellingNumber("known"));
                }

                rival = new RivalCalibration(Number("own"), Number("rival"), Number("bias"), features) { Spelling = perCharacter, SpellingKnown = known };
            }

            return new ScoringModel(name, bias, weights, description, rival);
        }
    }
}

/// <summary>
/// The second stage of a model: score = sigmoid(Own · logit(p) + Rival · r + Σ vₖ·fₖ + Bias
/// [+ Spelling · t + SpellingKnown]), where p is the candidate's pair probability, r the pair
/// probability of its best rival (the best other candidate that is not a namesake), fₖ a few of
/// the candidate's own pair features (how much of the candidate's name and of the query the match
/// left out, whether the query is a single common word) and t, when known, how likely the
/// candidate's Latin spelling makes the query (<see cref="Spelling"/>). One name can be a good
/// spelling of several entities; how likely it means this one
/// depends on the others the registry offers, and on whether the query names all of it: a lone
/// candidate that the query names only in part (one common word of a longer name) is not raised
/// the way a lone full match is.
/// </summary>
internal readonly record struct RivalCalibration(float Own, float Rival, float Bias)
{
    /// <summary>The pair features a stage fitted by <see cref="ModelTrainer.FitRival"/> weighs.</summary>
    public static readonly string[] DefaultFeatures = ["unmatched_candidate", "unmatched_query", "single_common_word", "single_token"];

    private readonly float[]? _features;

    public RivalCalibration(float own, float rival, float bias, IReadOnlyDictionary<string, float>? features)
        : this(own, rival, bias)
    {
        if (features is null || features.Count == 0)
        {
            return;
        }

        _features = new float[PairFeatures.Count];
        foreach (var (name, weight) in features)
        {
            int index = Array.IndexOf(PairFeatures.Names, name);
            if (index < 0)
            {
                throw new ArgumentException($"unknown feature {name}", nameof(features));
            }

            _features[index] = weight;
        }
    }

    /// <summary>True when the stage weighs the candidate's pair features too (the resolver then needs them).</summary>
    public bool HasFeatures => _features is not null;

    /// <summary>The non-zero feature weights by name, in vector order.</summary>
    public IReadOnlyList<(string Name, float Weight)> Features =>
        _features is null ? [] : [.. _features.Select((w, i) => (PairFeatures.Names[i], w)).Where(x => x.w != 0f)];

    /// <summary>
    /// The weight of the candidate's transliteration likelihood, read for a query of one name word
    /// in a script with a transliteration model and a candidate that is a person: the word's
    /// log-likelihood given the candidate's Latin words that met it, less its log-probability
    /// under its characters' own frequencies, per character (<see cref="NameResolver"/>; floored
    /// at <see cref="SpellingFloor"/>). 0: the stage does not read it.
    /// </summary>
    public float Spelling { get; init; }

    /// <summary>Added when the likelihood is read (a one-word query naming a person, and a Latin word of the candidate that met it).</summary>
    public float SpellingKnown { get; init; }

    /// <summary>True when the stage reads the transliteration likelihood (the resolver then computes it).</summary>
    public bool WeighsSpelling => Spelling != 0f || SpellingKnown != 0f;

    /// <summary>The lowest per-character value the stage reads (the floor of a character written from no letter).</summary>
    private static readonly float SpellingFloor = (float)TransliterationModel.Unwritten(1);

    /// <summary>The stage's input for a transliteration likelihood per character: the value, floored at <see cref="SpellingFloor"/>.</summary>
    public static float SpellingInput(float transliteration) => MathF.Max(transliteration, SpellingFloor);

    public float Apply(float pairScore, float rivalScore) => Apply(pairScore, rivalScore, default);

    /// <summary>The final score of a ranked candidate's row, as the resolver computes it.</summary>
    public float Apply(in RivalRow row) => Apply(row.PairScore, row.RivalScore, row.Features, row.Transliteration);

    /// <param name="pairScore">The candidate's pair probability.</param>
    /// <param name="rivalScore">Its best rival's pair probability (0: none).</param>
    /// <param name="features">Its pair features.</param>
    /// <param name="transliteration">Its transliteration log-likelihood ratio per character (<see cref="Spelling"/>); NaN when unknown.</param>
    public float Apply(float pairScore, float rivalScore, in PairFeatures features, float transliteration = float.NaN)
    {
        double z = (Own * Logit(pairScore)) + (Rival * rivalScore) + Bias;
        if (_features is not null)
        {
            ReadOnlySpan<float> values = features.AsSpan();
            for (int i = 0; i < values.Length; i++)
            {
                z += _features[i] * values[i];
            }
        }

        if (!float.IsNaN(transliteration))
        {
            z += (Spelling * SpellingInput(transliteration)) + SpellingKnown;
        }

        return (float)(1 / (1 + Math.Exp(-z)));
    }

    public bool Equals(RivalCalibration other) =>
        Own == other.Own && Rival == other.Rival && Bias == other.Bias && Spelling == other.Spelling && SpellingKnown == other.SpellingKnown && Features.SequenceEqual(other.Features);

    public override int GetHashCode() => HashCode.Combine(Own, Rival, Bias, Features.Count);

    /// <summary>The formula with its parameters.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"score = sigmoid({Shown(Own):0.###} × logit(pair score) {Shown(Rival):+0.###;-0.###} × best rival's pair score");
        foreach (var (name, weight) in Features)
        {
            sb.Append(CultureInfo.InvariantCulture, $" {Shown(weight):+0.###;-0.###} × {name}");
        }

        if (WeighsSpelling)
        {
            sb.Append(CultureInfo.InvariantCulture, $" {Shown(Spelling):+0.###;-0.###} × transliteration log-likelihood ratio per character {Shown(SpellingKnown):+0.###;-0.###} when known");
        }

        sb.Append(CultureInfo.InvariantCulture, $" {Shown(Bias):+0.###;-0.###})");
        return sb.ToString();
    }

    /// <summary>
    /// A weight rounded as shown, and never a negative zero: a tiny negative weight would
    /// otherwise be formatted by the positive section with a minus sign before it ("-+0").
    /// </summary>
    private static float Shown(float weight) => MathF.Round(weight, 3) + 0f;

    /// <summary>The logit of a pair probability, clamped the way <see cref="Apply(float, float)"/> clamps it.</summary>
    public static double Logit(float pairScore)
    {
        double p = Math.Clamp(pairScore, 1e-6, 1 - 1e-6);
        return Math.Log(p / (1 - p));
    }
}
