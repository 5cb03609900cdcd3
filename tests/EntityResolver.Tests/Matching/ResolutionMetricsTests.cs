using EntityResolver.Matching;

namespace EntityResolver.Tests.Matching;

public sealed class ResolutionMetricsTests
{
    // Three present queries (gold first at 0.9, gold first at 0.6, another entity first at 0.7),
    // two absent ones (best candidate 0.8; no candidate at all).
    private static readonly (bool Absent, int GoldRank, double Score)[] Outcomes =
    [
        (false, 1, 0.9),
        (false, 1, 0.6),
        (false, 2, 0.7),
        (true, 0, 0.8),
        (true, 0, double.NegativeInfinity),
    ];

    [Fact]
    public void At_counts_the_answers_each_threshold_lets_through()
    {
        ResolutionMetrics low = ResolutionMetrics.At(Outcomes, 0.5);
        Assert.Equal(2.0 / 4, low.Precision, 6); // right: 0.9, 0.6; wrong: 0.7, the absent 0.8
        Assert.Equal(2.0 / 3, low.Recall, 6);
        Assert.Equal(0.5, low.FalsePositiveRate, 6);

        ResolutionMetrics high = ResolutionMetrics.At(Outcomes, 0.85);
        Assert.Equal(1.0, high.Precision, 6);
        Assert.Equal(1.0 / 3, high.Recall, 6);
        Assert.Equal(0.0, high.FalsePositiveRate, 6);

        // Top-1 and MRR do not depend on the threshold.
        Assert.Equal(low.Top1Accuracy, high.Top1Accuracy);
        Assert.Equal((1 + 1 + 0.5) / 3, high.Mrr, 6);
    }

    [Fact]
    public void A_query_without_a_candidate_is_never_an_answer()
    {
        ResolutionMetrics zero = ResolutionMetrics.At(Outcomes, 0);
        Assert.Equal(0.5, zero.FalsePositiveRate, 6); // the absent query at 0.8 only
    }
}
