namespace EntityResolver.Matching;

/// <summary>
/// Evaluation counts for one group of queries (shared by the quality harness and the CLI's
/// <c>eval</c>). Present queries have a gold entity in the registry; absent
/// ones do not. An answer is the first candidate when its score is at or above the threshold.
/// </summary>
internal sealed class ResolutionMetrics
{
    public int Present { get; private set; }

    public int Absent { get; private set; }

    public int Top1 { get; private set; }

    public double ReciprocalRanks { get; private set; }

    /// <summary>Present queries answered with a gold entity.</summary>
    public int TruePositives { get; private set; }

    /// <summary>Answers that are wrong (present queries answered with another entity, absent queries answered at all).</summary>
    public int FalsePositives { get; private set; }

    public int AbsentAnswered { get; private set; }

    public double Top1Accuracy => Ratio(Top1, Present);

    public double Mrr => Ratio(ReciprocalRanks, Present);

    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    public double Recall => Ratio(TruePositives, Present);

    public double F1 => double.IsNaN(Precision) || double.IsNaN(Recall) ? double.NaN : Precision + Recall > 0 ? 2 * Precision * Recall / (Precision + Recall) : 0;

    public double FalsePositiveRate => Ratio(AbsentAnswered, Absent);

    /// <summary>Adds one query: <paramref name="goldRank"/> is the 1-based rank of the first gold entity (0 if none was ranked).</summary>
    public void AddPresent(int goldRank, bool answered)
    {
        Present++;
        if (goldRank == 1)
        {
            Top1++;
        }

        if (goldRank > 0)
        {
            ReciprocalRanks += 1.0 / goldRank;
        }

        if (answered)
        {
            if (goldRank == 1)
            {
                TruePositives++;
            }
            else
            {
                FalsePositives++;
            }
        }
    }

    public void AddAbsent(bool answered)
    {
        Absent++;
        if (answered)
        {
            AbsentAnswered++;
            FalsePositives++;
        }
    }

    public void Add(ResolutionMetrics other)
    {
        Present += other.Present;
        Absent += other.Absent;
        Top1 += other.Top1;
        ReciprocalRanks += other.ReciprocalRanks;
        TruePositives += other.TruePositives;
        FalsePositives += other.FalsePositives;
        AbsentAnswered += other.AbsentAnswered;
    }

    /// <summary>
    /// The counts of <paramref name="outcomes"/> when an answer needs <paramref name="threshold"/>:
    /// each outcome is whether the query's entity is absent, the gold's rank (as in
    /// <see cref="AddPresent"/>) and the first candidate's score (negative infinity when there was
    /// none: never an answer). One ranking gives every threshold's figures.
    /// </summary>
    public static ResolutionMetrics At(IEnumerable<(bool Absent, int GoldRank, double Score)> outcomes, double threshold)
    {
        var m = new ResolutionMetrics();
        foreach (var (absent, rank, score) in outcomes)
        {
            if (absent)
            {
                m.AddAbsent(score >= threshold);
            }
            else
            {
                m.AddPresent(rank, score >= threshold);
            }
        }

        return m;
    }

    private static double Ratio(double a, double b) => b > 0 ? a / b : double.NaN;
}
