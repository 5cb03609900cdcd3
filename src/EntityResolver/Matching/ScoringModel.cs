using System.Text.Json;
using EntityResolver.Text;

namespace EntityResolver.Matching;

/// <summary>
/// A logistic model over <see cref="PairFeatures"/>: score = sigmoid(bias + Σ wᵢ·fᵢ). Versioned by
/// name; loaded from a small JSON file (the default one is embedded).
/// </summary>
internal sealed class ScoringModel
{
    private static readonly Lazy<ScoringModel> DefaultModel = new(() =>
    {
        using Stream s = ResourceData.Open("model/default.json");
        return Load(s, "embedded model");
    });

    private ScoringModel(string name, float bias, float[] weights)
    {
        Name = name;
        Bias = bias;
        Weights = weights;
    }

    public static ScoringModel Default => DefaultModel.Value;

    public string Name { get; }

    public float Bias { get; }

    /// <summary>Weights in the order of <see cref="PairFeatures.Names"/>.</summary>
    public float[] Weights { get; }

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

    public static ScoringModel Load(Stream stream, string source)
    {
        using JsonDocument doc = JsonDocument.Parse(stream);
        JsonElement root = doc.RootElement;
        string name = root.TryGetProperty("name", out JsonElement n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : throw new InvalidDataException($"{source}: \"name\" is required");
        float bias = root.TryGetProperty("bias", out JsonElement b) && b.ValueKind == JsonValueKind.Number ? b.GetSingle() : throw new InvalidDataException($"{source}: \"bias\" is required");
        if (!root.TryGetProperty("weights", out JsonElement w) || w.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{source}: \"weights\" must be an object of feature name to number");
        }

        var weights = new float[PairFeatures.Names.Length];
        foreach (JsonProperty p in w.EnumerateObject())
        {
            int index = Array.IndexOf(PairFeatures.Names, p.Name);
            if (index < 0)
            {
                throw new InvalidDataException($"{source}: unknown feature \"{p.Name}\"; known: {string.Join(", ", PairFeatures.Names)}");
            }

            weights[index] = p.Value.GetSingle();
        }

        return new ScoringModel(name, bias, weights);
    }
}
