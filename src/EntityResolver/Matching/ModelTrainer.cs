using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace EntityResolver.Matching;

/// <summary>One labelled pair for fitting: its features, whether it is a match, and a weight.</summary>
internal readonly record struct TrainingPair(PairFeatures Features, bool IsMatch, float Weight = 1f);

/// <summary>One ranked candidate for fitting the second stage: its pair probability, its best rival's, whether it is right, and its pair features.</summary>
internal readonly record struct RivalRow(float PairScore, float RivalScore, bool IsMatch, float Weight = 1f, PairFeatures Features = default, float Transliteration = float.NaN);

/// <summary>What a fit produced: the model and how well it fits its training pairs.</summary>
internal sealed record TrainingResult(ScoringModel Model, int Pairs, int Positives, double LogLoss, int Iterations, double GradientNorm);

/// <summary>
/// Fits the logistic <see cref="ScoringModel"/> on labelled pairs: minimizes the weighted mean log
/// loss plus an L2 penalty (λ/2)·‖w − w₀‖² on the weights (not the bias) with MathNet's L-BFGS.
/// w₀ is zero, or the weights of a prior model: then the data moves a weight only as far as it
/// has evidence, and a feature the pairs never exercise keeps its prior weight. Features are
/// already in [0, 1], so no standardization is needed.
/// </summary>
internal static class ModelTrainer
{
    /// <summary>The default L2 strength.</summary>
    public const double DefaultL2 = 1e-3;

    /// <exception cref="ArgumentException">There are no pairs, only one class, or a negative L2 strength.</exception>
    public static TrainingResult Fit(IReadOnlyList<TrainingPair> pairs, string name, string? description = null, double l2 = DefaultL2, ScoringModel? prior = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        int positives = CheckPairs(pairs);
        if (l2 < 0 || double.IsNaN(l2))
        {
            throw new ArgumentException($"The L2 strength must be zero or positive (was {l2}).", nameof(l2));
        }

        int d = PairFeatures.Count;
        var x = new double[pairs.Count, d];
        for (int i = 0; i < pairs.Count; i++)
        {
            ReadOnlySpan<float> f = pairs[i].Features.AsSpan();
            for (int k = 0; k < d; k++)
            {
                x[i, k] = f[k];
            }
        }

        double[] priorWeights = prior is null ? new double[d] : [.. prior.Weights.Select(w => (double)w)];
        var (theta, iterations, gradientNorm) = Minimize(x, pairs, l2, priorWeights, SpecificitySigns);
        var weights = new float[d];
        for (int k = 0; k < d; k++)
        {
            weights[k] = (float)theta[k + 1];
        }

        var model = new ScoringModel(name, (float)theta[0], weights, description);
        return new TrainingResult(model, pairs.Count, positives, LogLoss(model, pairs), iterations, gradientNorm);
    }

    /// <summary>
    /// The candidate's words that the query leaves out never raise a pair's score: the weights of
    /// coverage_candidate, coverage_product, length_ratio and token_count_ratio are kept at or
    /// above zero (+1) and that of unmatched_candidate at or below (-1). In the dev sets a
    /// native-script query is often shorter than its entity's Latin name, so an unconstrained fit
    /// learns that extra candidate words cost nothing, and ranks a son's longer name (Mohammad
    /// Barzan Ibrahim Hasan) above his father's exact one (Barzan Ibrahim Hassan) when its
    /// spelling is a little closer.
    /// </summary>
    private static readonly int[] SpecificitySigns = [.. PairFeatures.Names.Select(name => name switch
    {
        "coverage_candidate" or "coverage_product" or "length_ratio" or "token_count_ratio" => 1,
        "unmatched_candidate" => -1,
        _ => 0,
    })];

    /// <summary>
    /// Platt scaling folded into the model: fits score = sigmoid(a·z + b) on the model's own logit z
    /// and returns the model with weights a·w and bias a·bias + b. Rankings do not change.
    /// </summary>
    public static ScoringModel Recalibrate(ScoringModel model, IReadOnlyList<TrainingPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(model);
        CheckPairs(pairs);
        var x = new double[pairs.Count, 1];
        for (int i = 0; i < pairs.Count; i++)
        {
            x[i, 0] = model.Logit(pairs[i].Features);
        }

        var (theta, _, _) = Minimize(x, pairs, 0, [0]);
        float a = (float)theta[1], b = (float)theta[0];
        return new ScoringModel(model.Name, (a * model.Bias) + b, [.. model.Weights.Select(w => a * w)], model.Description);
    }

    /// <summary>
    /// Fits the second stage (<see cref="RivalCalibration"/>) on ranked candidates: each row is a
    /// candidate's pair probability, its best rival's pair probability, its pair features, and
    /// whether the candidate is the right entity. The stage weighs <paramref name="features"/>
    /// (default <see cref="RivalCalibration.DefaultFeatures"/>; empty: pair and rival only) and
    /// the candidate's transliteration likelihood per character (<see cref="RivalRow.Transliteration"/>;
    /// rows without one leave it out, and without any its weights stay 0). No penalty: a few
    /// parameters and many rows.
    /// </summary>
    /// <exception cref="ArgumentException">There are no rows, or only one class.</exception>
    public static RivalCalibration FitRival(IReadOnlyList<RivalRow> rows, IReadOnlyList<string>? features = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        features ??= RivalCalibration.DefaultFeatures;
        int[] columns = [.. features.Select(name => Array.IndexOf(PairFeatures.Names, name) is int i && i >= 0 ? i : throw new ArgumentException($"unknown feature {name}", nameof(features)))];
        var pairs = rows.Select(r => new TrainingPair(default, r.IsMatch, r.Weight)).ToList();
        CheckPairs(pairs);
        int width = 2 + columns.Length + 2;
        var x = new double[rows.Count, width];
        for (int i = 0; i < rows.Count; i++)
        {
            x[i, 0] = RivalCalibration.Logit(rows[i].PairScore);
            x[i, 1] = rows[i].RivalScore;
            ReadOnlySpan<float> f = rows[i].Features.AsSpan();
            for (int k = 0; k < columns.Length; k++)
            {
                x[i, 2 + k] = f[columns[k]];
            }

            // The transliteration likelihood as the stage reads it, and whether it is known.
            if (!float.IsNaN(rows[i].Transliteration))
            {
                x[i, width - 2] = RivalCalibration.SpellingInput(rows[i].Transliteration);
                x[i, width - 1] = 1;
            }
        }

        var prior = new double[width];
        prior[0] = 1;

        // As in the pair stage, the candidate's unmatched words never raise its score.
        int[] signs = [0, 0, .. columns.Select(c => SpecificitySigns[c]), 0, 0];
        var (theta, _, _) = Minimize(x, pairs, 0, prior, signs);
        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        for (int k = 0; k < columns.Length; k++)
        {
            weights[features[k]] = (float)theta[3 + k];
        }

        return new RivalCalibration((float)theta[1], (float)theta[2], (float)theta[0], weights) { Spelling = (float)theta[width - 1], SpellingKnown = (float)theta[width] };
    }

    /// <summary>The weighted mean log loss of <paramref name="model"/> on <paramref name="pairs"/>.</summary>
    public static double LogLoss(ScoringModel model, IReadOnlyList<TrainingPair> pairs)
    {
        double loss = 0, total = 0;
        foreach (TrainingPair p in pairs)
        {
            double s = Math.Clamp(model.Score(p.Features), 1e-7, 1 - 1e-7);
            loss -= p.Weight * (p.IsMatch ? Math.Log(s) : Math.Log(1 - s));
            total += p.Weight;
        }

        return total > 0 ? loss / total : double.NaN;
    }

    private static int CheckPairs(IReadOnlyList<TrainingPair> pairs)
    {
        int positives = pairs.Count(p => p.IsMatch);
        if (pairs.Count == 0)
        {
            throw new ArgumentException("No training pairs: a model needs labelled pairs of both kinds.", nameof(pairs));
        }

        if (positives == 0 || positives == pairs.Count)
        {
            throw new ArgumentException($"All {pairs.Count} training pairs are {(positives == 0 ? "non-matches" : "matches")}: a model needs both kinds.", nameof(pairs));
        }

        return positives;
    }

    /// <summary>
    /// Weighted logistic regression of the labels on the columns of <paramref name="x"/>; returns
    /// [bias, w...]. <paramref name="signs"/> (optional), per weight: 0 free, +1 kept at or above
    /// zero, -1 at or below (fitted as ±softplus(v)).
    /// </summary>
    private static (Vector<double> Theta, int Iterations, double GradientNorm) Minimize(double[,] x, IReadOnlyList<TrainingPair> pairs, double l2, double[] priorWeights, int[]? signs = null)
    {
        int n = pairs.Count, d = x.GetLength(1);
        double totalWeight = pairs.Sum(p => (double)p.Weight);

        (double, Vector<double>) Objective(Vector<double> theta)
        {
            var grad = new double[d + 1];
            double loss = 0;
            for (int i = 0; i < n; i++)
            {
                double z = theta[0];
                for (int k = 0; k < d; k++)
                {
                    z += theta[k + 1] * x[i, k];
                }

                double y = pairs[i].IsMatch ? 1 : 0, w = pairs[i].Weight;

                // log(1 + e^z) - y z, computed stably.
                double softplus = z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z));
                loss += w * (softplus - (y * z));
                double residual = w * ((1 / (1 + Math.Exp(-z))) - y);
                grad[0] += residual;
                for (int k = 0; k < d; k++)
                {
                    grad[k + 1] += residual * x[i, k];
                }
            }

            loss /= totalWeight;
            for (int k = 0; k <= d; k++)
            {
                grad[k] /= totalWeight;
            }

            for (int k = 1; k <= d; k++)
            {
                double delta = theta[k] - priorWeights[k - 1];
                loss += 0.5 * l2 * delta * delta;
                grad[k] += l2 * delta;
            }

            return (loss, Vector<double>.Build.DenseOfArray(grad));
        }

        // A sign-constrained weight w is fitted as w = ±softplus(v), so the minimizer's parameters are free.
        int Sign(int k) => signs is null || k == 0 ? 0 : signs[k - 1];
        Vector<double> Weights(Vector<double> v)
        {
            Vector<double> w = v.Clone();
            for (int k = 1; k <= d; k++)
            {
                if (Sign(k) != 0)
                {
                    w[k] = Sign(k) * Softplus(v[k]);
                }
            }

            return w;
        }

        (double, Vector<double>) Reparametrized(Vector<double> v)
        {
            var (loss, gradient) = Objective(Weights(v));
            for (int k = 1; k <= d; k++)
            {
                if (Sign(k) != 0)
                {
                    gradient[k] *= Sign(k) / (1 + Math.Exp(-v[k]));
                }
            }

            return (loss, gradient);
        }

        var minimizer = new LimitedMemoryBfgsMinimizer(1e-7, 1e-9, 1e-11, 2000, 10);
        IObjectiveFunction objective = ObjectiveFunction.Gradient(Reparametrized);

        // MathNet's L-BFGS can stop on its gradient criterion well before the optimum of this
        // objective; restart it from where it stopped until the gradient is small or progress stalls.
        Vector<double> best = Vector<double>.Build.Dense(d + 1);
        for (int k = 0; k < d; k++)
        {
            // Constrained weights start from the prior moved inside their bound.
            best[k + 1] = Sign(k + 1) == 0 ? priorWeights[k] : InverseSoftplus(Math.Max(Sign(k + 1) * priorWeights[k], 1e-3));
        }

        int iterations = 0;
        double previous = double.MaxValue, gradientNorm = double.NaN;
        for (int restart = 0; restart < 100; restart++)
        {
            MinimizationResult result;
            try
            {
                result = minimizer.FindMinimum(objective, best);
            }
            catch (MaximumIterationsException) when (restart > 0)
            {
                // The line search found no step from a restart point: it is as good as it gets.
                break;
            }

            best = result.MinimizingPoint;
            iterations += result.Iterations;
            var (value, gradient) = Reparametrized(best);
            gradientNorm = gradient.L2Norm();
            if (gradientNorm < 1e-6 || previous - value < 1e-10)
            {
                break;
            }

            previous = value;
        }

        return (Weights(best), iterations, gradientNorm);
    }

    private static double Softplus(double v) => v > 30 ? v : Math.Log(1 + Math.Exp(v));

    private static double InverseSoftplus(double w) => w > 30 ? w : Math.Log(Math.Exp(w) - 1);
}
