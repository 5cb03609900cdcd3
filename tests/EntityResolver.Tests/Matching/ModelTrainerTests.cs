using EntityResolver.Matching;

namespace EntityResolver.Tests.Matching;

public sealed class ModelTrainerTests
{
    /// <summary>Pairs drawn from a known logistic model over two features, the others zero.</summary>
    private static List<TrainingPair> Synthetic(int count, float bias, float w0, float w1, int seed)
    {
        var random = new Random(seed);
        var pairs = new List<TrainingPair>(count);
        for (int i = 0; i < count; i++)
        {
            var f = default(PairFeatures);
            f.CoverageQuery = (float)random.NextDouble();
            f.Conflict = (float)random.NextDouble();
            double p = 1 / (1 + Math.Exp(-(bias + (w0 * f.CoverageQuery) + (w1 * f.Conflict))));
            pairs.Add(new TrainingPair(f, random.NextDouble() < p));
        }

        return pairs;
    }

    [Fact]
    public void Fit_recovers_the_weights_of_a_known_logistic_model()
    {
        List<TrainingPair> pairs = Synthetic(20000, -3f, 6f, -2f, 7);

        TrainingResult result = ModelTrainer.Fit(pairs, "synthetic", l2: 0);

        int coverage = Array.IndexOf(PairFeatures.Names, "coverage_query");
        int conflict = Array.IndexOf(PairFeatures.Names, "conflict");
        Assert.InRange(result.Model.Bias, -3.4f, -2.6f);
        Assert.InRange(result.Model.Weights[coverage], 5.4f, 6.6f);
        Assert.InRange(result.Model.Weights[conflict], -2.5f, -1.5f);
        Assert.True(result.Iterations > 2, $"only {result.Iterations} iterations");
    }

    [Fact]
    public void L2_shrinks_the_weights()
    {
        List<TrainingPair> pairs = Synthetic(5000, -3f, 6f, -2f, 11);
        int coverage = Array.IndexOf(PairFeatures.Names, "coverage_query");

        float free = ModelTrainer.Fit(pairs, "free", l2: 0).Model.Weights[coverage];
        float shrunk = ModelTrainer.Fit(pairs, "shrunk", l2: 0.1).Model.Weights[coverage];

        Assert.True(Math.Abs(shrunk) < Math.Abs(free), $"L2 0.1 gave {shrunk}, none gave {free}");
    }

    [Fact]
    public void Words_of_the_candidate_that_the_query_leaves_out_never_raise_the_score()
    {
        // Labels in which a longer candidate name is the more likely match (the dev sets' short
        // native-script queries of long Latin names): an unconstrained fit would weigh
        // unmatched_candidate up and coverage_candidate down.
        var random = new Random(5);
        var pairs = new List<TrainingPair>();
        for (int i = 0; i < 20000; i++)
        {
            var f = default(PairFeatures);
            f.CoverageQuery = (float)random.NextDouble();
            f.UnmatchedCandidate = (float)random.NextDouble();
            f.CoverageCandidate = 1 - f.UnmatchedCandidate;
            double p = 1 / (1 + Math.Exp(-(-3 + (5 * f.CoverageQuery) + (2 * f.UnmatchedCandidate))));
            pairs.Add(new TrainingPair(f, random.NextDouble() < p));
        }

        float[] w = ModelTrainer.Fit(pairs, "constrained", l2: 0).Model.Weights;

        Assert.InRange(w[Array.IndexOf(PairFeatures.Names, "unmatched_candidate")], float.NegativeInfinity, 0f);
        Assert.InRange(w[Array.IndexOf(PairFeatures.Names, "coverage_candidate")], 0f, float.PositiveInfinity);
        Assert.InRange(w[Array.IndexOf(PairFeatures.Names, "coverage_query")], 4f, 6f);
    }

    [Fact]
    public void Fit_refuses_pairs_of_one_class_or_none()
    {
        List<TrainingPair> onlyMatches = [.. Synthetic(50, 10f, 0f, 0f, 3).Select(p => p with { IsMatch = true })];

        Assert.Throws<ArgumentException>(() => ModelTrainer.Fit([], "empty"));
        ArgumentException e = Assert.Throws<ArgumentException>(() => ModelTrainer.Fit(onlyMatches, "one-class"));
        Assert.Contains("both kinds", e.Message, StringComparison.Ordinal);
    }
}
