namespace EntityResolver.Matching;

/// <summary>What <see cref="RegistryTrainer.Fit"/> produced.</summary>
internal sealed record RegistryTrainingResult(ScoringModel Model, int Pairs, int Matches, double LogLoss, int RankedCandidates);

/// <summary>
/// Fits a complete model, pair stage and second stage, on a registry and labelled queries (a
/// query and its gold entities; none when its entity is not in the registry), the way the quality
/// harness fits the embedded one: rounds of hard-negative mining (the gold entity's best alias is a
/// positive, the wrong entities among the top candidates are negatives), a logistic fit with L2
/// toward the prior's weights, Platt scaling on pairs mined by the fitted model, then the second
/// stage (<see cref="RivalCalibration"/>) on the ranked candidates of every query, also ranked
/// with its own entities left out.
/// </summary>
internal static class RegistryTrainer
{
    public const int Rounds = 2;

    /// <exception cref="ArgumentException">The queries give no pairs of both kinds, or no ranked candidates of both kinds.</exception>
    public static RegistryTrainingResult Fit(EntityRegistry registry, IReadOnlyList<(string Query, string[] Gold)> queries, string name, string? description, double l2, ScoringModel prior)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(prior);
        prior = prior.WithRival(null);
        ScoringModel model = prior;
        var accumulated = new List<TrainingPair>();
        TrainingResult? result = null;
        for (int round = 0; round < Rounds; round++)
        {
            Mine(new PairMiner(registry, model), queries, accumulated);
            result = ModelTrainer.Fit(accumulated, name, description, l2, prior);
            model = result.Model;
        }

        var remined = new List<TrainingPair>();
        Mine(new PairMiner(registry, model), queries, remined);
        model = ModelTrainer.Recalibrate(model, remined);

        var miner = new PairMiner(registry, model);
        var ranked = new List<RivalRow>();
        foreach (var (query, gold) in queries)
        {
            miner.Ranked(query, gold, ranked, simulateAbsent: true);
        }

        model = model.WithRival(ModelTrainer.FitRival(ranked));
        return new RegistryTrainingResult(model, result!.Pairs, result.Positives, ModelTrainer.LogLoss(model, remined), ranked.Count);
    }

    private static void Mine(PairMiner miner, IReadOnlyList<(string Query, string[] Gold)> queries, List<TrainingPair> output)
    {
        foreach (var (query, gold) in queries)
        {
            miner.Mine(query, gold, output);
        }
    }
}
