using System.Globalization;
using System.Text;

namespace EntityResolver.Text;

/// <summary>
/// A learned model of how one script writes Latin-spelled names: the probability of a native
/// word given its Latin spelling, P(native | latin), as a stochastic transducer. Each Latin
/// letter, seen with the letters before and after it, writes nothing, one native character or
/// two; the probabilities of these outputs are fitted with expectation maximization over pairs
/// of spellings (Ristad and Yianilos, "Learning string-edit distance", 1998, in its conditional
/// form), and interpolated from the full context down to the letter alone (Witten-Bell).
/// </summary>
/// <remarks>
/// It tells apart Latin spellings that the phonetic similarity finds equally near a native word:
/// ألبرشت is Albrecht rather than Albret (ش writes the ch), مانع Manea rather than Mana. Its
/// log-likelihoods compare candidates for one native word; they are not similarities.
/// </remarks>
internal sealed class TransliterationModel
{
    private const int Letters = 28;   // a..z, 26 = any other character, 27 = word boundary
    private const int Boundary = 27;
    private const double SingleFloor = 1e-4;
    private const double PairFloor = SingleFloor * SingleFloor;

    // counts[level][context] = (total, outputs), level 0 = letter, 1 = letter and next, 2 = previous, letter and next.
    private readonly Dictionary<int, Dist>[] levels = [new(), new(), new()];

    private sealed class Dist
    {
        public double Total;
        public Dictionary<long, double> Outputs = [];
    }

    private TransliterationModel()
    {
    }

    /// <summary>The output code of writing nothing.</summary>
    private const long Nothing = 0;

    private static long Single(char x) => 1 + (long)x;

    private static long Pair(char x, char y) => 0x10000 + ((long)x << 16) + y;

    private static int LetterOf(char c) => c is >= 'a' and <= 'z' ? c - 'a' : 26;

    private static int Context(int level, string latin, int i)
    {
        int c = LetterOf(latin[i]);
        int next = i + 1 < latin.Length ? LetterOf(latin[i + 1]) : Boundary;
        int prev = i > 0 ? LetterOf(latin[i - 1]) : Boundary;
        return level switch
        {
            0 => c,
            1 => (c * Letters) + next,
            _ => (((prev * Letters) + c) * Letters) + next,
        };
    }

    /// <summary>The probability that the Latin letter at <paramref name="i"/> writes <paramref name="output"/>.</summary>
    private double Probability(string latin, int i, long output)
    {
        double p = output == Nothing || output < 0x10000 ? SingleFloor : PairFloor;
        for (int level = 0; level < 3; level++)
        {
            if (!levels[level].TryGetValue(Context(level, latin, i), out Dist? d) || d.Total <= 0)
            {
                break;
            }

            double types = d.Outputs.Count;
            double ml = d.Outputs.TryGetValue(output, out double n) ? n / d.Total : 0;
            p = ((d.Total * ml) + (types * p)) / (d.Total + types);
        }

        return p;
    }

    /// <summary>log P(<paramref name="native"/> | <paramref name="latin"/>); −∞ when either is empty.</summary>
    public double LogLikelihood(string native, string latin)
    {
        if (native.Length == 0 || latin.Length == 0)
        {
            return double.NegativeInfinity;
        }

        double[] alpha = Forward(native, latin, null);
        return Math.Log(alpha[(latin.Length * (native.Length + 1)) + native.Length]);
    }

    /// <summary>
    /// The forward probabilities α[i, j] = P(native[..j] | latin[..i]); when <paramref name="cache"/>
    /// is given, the probabilities of every edge are stored there in the order the edges are visited.
    /// </summary>
    private double[] Forward(string native, string latin, List<double>? cache)
    {
        int w = native.Length + 1;
        double[] alpha = new double[(latin.Length + 1) * w];
        alpha[0] = 1;
        for (int i = 0; i < latin.Length; i++)
        {
            double none = Probability(latin, i, Nothing);
            cache?.Add(none);
            for (int j = 0; j <= native.Length; j++)
            {
                double a = alpha[(i * w) + j];
                alpha[((i + 1) * w) + j] += a * none;
                if (j < native.Length)
                {
                    double one = Probability(latin, i, Single(native[j]));
                    cache?.Add(one);
                    alpha[((i + 1) * w) + j + 1] += a * one;
                }

                if (j + 1 < native.Length)
                {
                    double two = Probability(latin, i, Pair(native[j], native[j + 1]));
                    cache?.Add(two);
                    alpha[((i + 1) * w) + j + 2] += a * two;
                }
            }
        }

        return alpha;
    }

    /// <summary>
    /// Fits a model on pairs of a native spelling and a Latin one (both as the analyzer forms them:
    /// the normalized native word, the lower-case ASCII Latin word) with <paramref name="iterations"/>
    /// rounds of expectation maximization.
    /// </summary>
    public static TransliterationModel Train(IReadOnlyList<(string Native, string Latin)> pairs, int iterations = 8)
    {
        var model = new TransliterationModel();

        // Start: every output the data could use, equally likely in every context; nothing a
        // little likelier, so that the first alignments are not all diagonal.
        foreach ((string native, string latin) in pairs)
        {
            for (int i = 0; i < latin.Length; i++)
            {
                Add(model.levels, latin, i, Nothing, 1);
            }
        }

        for (int it = 0; it < iterations; it++)
        {
            Dictionary<int, Dist>[] counts = [new(), new(), new()];
            var cache = new List<double>();
            foreach ((string native, string latin) in pairs)
            {
                if (native.Length == 0 || latin.Length == 0)
                {
                    continue;
                }

                cache.Clear();
                double[] alpha = model.Forward(native, latin, cache);
                int w = native.Length + 1;
                double z = alpha[(latin.Length * w) + native.Length];
                if (!(z > 0))
                {
                    continue;
                }

                double[] beta = new double[(latin.Length + 1) * w];
                beta[(latin.Length * w) + native.Length] = 1;

                // The edges' probabilities in the order Forward visited them, per row.
                int[] rowStart = new int[latin.Length + 1];
                int perRow = 1 + native.Length + Math.Max(0, native.Length - 1);
                for (int i = 0; i <= latin.Length; i++)
                {
                    rowStart[i] = i * perRow;
                }

                for (int i = latin.Length - 1; i >= 0; i--)
                {
                    int k = rowStart[i];
                    double none = cache[k++];
                    for (int j = 0; j <= native.Length; j++)
                    {
                        double b = none * beta[((i + 1) * w) + j];
                        double one = 0, two = 0;
                        if (j < native.Length)
                        {
                            one = cache[k++];
                            b += one * beta[((i + 1) * w) + j + 1];
                        }

                        if (j + 1 < native.Length)
                        {
                            two = cache[k++];
                            b += two * beta[((i + 1) * w) + j + 2];
                        }

                        beta[(i * w) + j] = b;
                        double a = alpha[(i * w) + j] / z;
                        if (a <= 0)
                        {
                            continue;
                        }

                        Add(counts, latin, i, Nothing, a * none * beta[((i + 1) * w) + j]);
                        if (j < native.Length)
                        {
                            Add(counts, latin, i, Single(native[j]), a * one * beta[((i + 1) * w) + j + 1]);
                        }

                        if (j + 1 < native.Length)
                        {
                            Add(counts, latin, i, Pair(native[j], native[j + 1]), a * two * beta[((i + 1) * w) + j + 2]);
                        }
                    }
                }
            }

            for (int level = 0; level < 3; level++)
            {
                model.levels[level].Clear();
                foreach (KeyValuePair<int, Dist> kv in counts[level])
                {
                    // Outputs with a negligible expected count are noise of the first rounds.
                    var kept = new Dist();
                    foreach (KeyValuePair<long, double> o in kv.Value.Outputs)
                    {
                        if (o.Value >= 0.05)
                        {
                            kept.Outputs[o.Key] = o.Value;
                            kept.Total += o.Value;
                        }
                    }

                    if (kept.Total > 0)
                    {
                        model.levels[level][kv.Key] = kept;
                    }
                }
            }
        }

        return model;
    }

    private static void Add(Dictionary<int, Dist>[] levels, string latin, int i, long output, double count)
    {
        if (count <= 0)
        {
            return;
        }

        for (int level = 0; level < 3; level++)
        {
            int ctx = Context(level, latin, i);
            if (!levels[level].TryGetValue(ctx, out Dist? d))
            {
                levels[level][ctx] = d = new Dist();
            }

            d.Total += count;
            d.Outputs[output] = d.Outputs.TryGetValue(output, out double n) ? n + count : count;
        }
    }

    /// <summary>The most likely outputs of a letter alone, for inspection: "k: ك 0.61, ق 0.12, …".</summary>
    public string Describe(char letter, int top = 5)
    {
        if (!levels[0].TryGetValue(LetterOf(letter), out Dist? d))
        {
            return $"{letter}: (unseen)";
        }

        var sb = new StringBuilder();
        sb.Append(letter).Append(':');
        foreach (KeyValuePair<long, double> o in d.Outputs.OrderByDescending(o => o.Value).Take(top))
        {
            string text = o.Key == Nothing ? "∅" : o.Key < 0x10000 ? ((char)(o.Key - 1)).ToString() : $"{(char)((o.Key - 0x10000) >> 16)}{(char)((o.Key - 0x10000) & 0xFFFF)}";
            sb.Append(CultureInfo.InvariantCulture, $" {text} {o.Value / d.Total:0.00}");
        }

        return sb.ToString();
    }
}
