using System.Diagnostics;
using System.Globalization;
using System.Text;
using EntityResolver.Matching;

namespace EntityResolver.Quality;

/// <summary>
/// Fits the default scoring model on the train split of the dev sets and measures its
/// calibration on the test split. Two rounds: the first mines hard negatives with the hand-set
/// model, the second with the model of the first round.
/// </summary>
internal static class Training
{
    public const string ModelName = "logit-v1";
    private const int Rounds = 3;

    /// <summary>Datasets and the most train (and test) queries taken from each, a deterministic subsample.</summary>
    private static readonly (string Name, int Cap)[] Sets =
    [
        ("unsc-2025", int.MaxValue),
        ("wikidata-hi-ur", int.MaxValue),
        ("cmu-indian-names", 1500),
        ("netranslit-ar-train", 1500),
        ("netranslit-ru-train", 1500),
    ];

    private sealed record Source(string Name, EntityRegistry Registry, List<(string Query, string[] Gold, SplitRole Role)> Queries);

    public static int Run(string dev, string modelPath, string? reportPath, string? svgPath, double l2)
    {
        var sw = Stopwatch.StartNew();
        var sources = new List<Source>();
        foreach (var (name, cap) in Sets)
        {
            DevDataset ds = DevDataset.Load(dev, name);
            EntityRegistry registry = ds.BuildRegistry();
            var queries = new List<(string, string[], SplitRole)>();
            foreach (SplitRole role in new[] { SplitRole.Train, SplitRole.Test, SplitRole.Absent })
            {
                int roleCap = role == SplitRole.Absent ? cap / 2 : cap;
                foreach (DevPair p in ds.Pairs.Where(p => ds.RoleOf(p) == role).OrderBy(p => DevDataset.Fnv(p.Query + "\t" + p.Line.ToString(CultureInfo.InvariantCulture))).Take(roleCap))
                {
                    queries.Add((p.Query, role == SplitRole.Absent ? [] : [.. p.GoldIds.Where(id => ds.EntityRoles.TryGetValue(id, out SplitRole r) && r != SplitRole.Absent)], role));
                }
            }

            sources.Add(new Source(name, registry, queries));
        }

        sources.Add(NameBench(dev));
        Console.WriteLine($"loaded {sources.Count} sources in {sw.Elapsed.TotalSeconds:0.0}s");

        // Hard-negative mining in rounds: each round mines the train split with the current model
        // and fits on the pairs of every round so far, so the model sees the wrong candidates that
        // every earlier model ranked high. Then Platt scaling on pairs mined by the final model
        // (the population the resolver actually returns) folds the calibration into the weights.
        ScoringModel prior = ScoringModel.Embedded("model/heuristic-v1.json");
        ScoringModel model = prior;
        TrainingResult? result = null;
        var accumulated = new List<TrainingPair>();
        for (int round = 1; round <= Rounds; round++)
        {
            accumulated.AddRange(Mine(sources, model, SplitRole.Train, out _));
            result = ModelTrainer.Fit(accumulated, ModelName, Description, l2, prior);
            model = result.Model;
            Console.WriteLine($"round {round}: {result.Pairs} train pairs ({result.Positives} matches), log loss {result.LogLoss:0.0000}, {result.Iterations} L-BFGS iterations (gradient norm {result.GradientNorm:0.0e0}), {sw.Elapsed.TotalSeconds:0.0}s");
        }

        List<TrainingPair> remined = Mine(sources, model, SplitRole.Train, out _);
        Console.WriteLine($"train split mined with the final model: log loss {ModelTrainer.LogLoss(model, remined):0.000}, ECE {Calibration.Of(model, remined).Ece:0.000}");
        model = ModelTrainer.Recalibrate(model, remined);
        Console.WriteLine($"after Platt scaling: log loss {ModelTrainer.LogLoss(model, remined):0.000}, ECE {Calibration.Of(model, remined).Ece:0.000}");

        // Held out: the test split, mined with the final model, plus the candidates of absent queries.
        List<TrainingPair> test = Mine(sources, model, SplitRole.Test, out var perSource);
        Calibration overall = Calibration.Of(model, test);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Model `{model.Name}` fitted on {result!.Pairs} pairs ({result.Positives} matches) of the train split, L2 {l2.ToString(CultureInfo.InvariantCulture)}, {Rounds} rounds of hard-negative mining, Platt-scaled on the pairs the final model mines. Held-out pairs: the test split's gold entities and the wrong entities among their top {PairMiner.NegativesPerQuery} candidates, plus the top candidates of queries whose entity is absent from the registry.");
        report.AppendLine();
        report.AppendLine("| source | held-out pairs | matches | log loss | ECE |");
        report.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (name, pairs) in perSource)
        {
            Calibration c = Calibration.Of(model, pairs);
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {pairs.Count} | {pairs.Count(p => p.IsMatch)} | {ModelTrainer.LogLoss(model, pairs):0.000} | {c.Ece:0.000} |");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"| **all** | {test.Count} | {test.Count(p => p.IsMatch)} | {ModelTrainer.LogLoss(model, test):0.000} | **{overall.Ece:0.000}** |");
        List<TrainingPair> priorTest = Mine(sources, prior, SplitRole.Test, out _);
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"For comparison, the hand-set `{prior.Name}` on the held-out pairs it mines itself ({priorTest.Count} pairs): log loss {ModelTrainer.LogLoss(prior, priorTest):0.000}, ECE {Calibration.Of(prior, priorTest).Ece:0.000}.");
        report.AppendLine();
        report.AppendLine("![reliability diagram](reliability.svg)");
        report.AppendLine();
        report.Append(overall.Table());
        Console.WriteLine();
        Console.Write(report);
        Console.WriteLine();
        Console.Write(model.Describe());

        using (FileStream f = File.Create(modelPath))
        {
            model.Save(f, new Dictionary<string, string>
            {
                ["trained_on"] = string.Join(", ", sources.Select(s => s.Name)) + " (train split by entity id)",
                ["l2"] = l2.ToString(CultureInfo.InvariantCulture),
                ["held_out_ece"] = overall.Ece.ToString("0.0000", CultureInfo.InvariantCulture),
                ["reproduce"] = "dotnet run -c Release --project benchmarks/EntityResolver.Quality -- train --out docs/quality.md",
            });
        }

        Console.WriteLine($"wrote {modelPath}");
        if (svgPath is not null)
        {
            File.WriteAllText(svgPath, overall.Svg($"{model.Name}: reliability on held-out pairs"));
            Console.WriteLine($"wrote {svgPath}");
        }

        if (reportPath is not null)
        {
            Program.WriteBlock(reportPath, "calibration", report.ToString());
            Console.WriteLine($"wrote {reportPath}");
        }

        return 0;
    }

    private const string Description = "Logistic regression over the pair features, fitted with MathNet L-BFGS and L2 on the train split of the dev sets (positives: native-script names against their entity's Latin aliases; negatives: the best-scoring wrong candidates, and nk-name-bench non-matches).";

    private static List<TrainingPair> Mine(List<Source> sources, ScoringModel model, SplitRole role, out List<(string Name, List<TrainingPair> Pairs)> perSource)
    {
        var all = new List<TrainingPair>();
        perSource = [];
        foreach (Source s in sources)
        {
            var miner = new PairMiner(s.Registry, model);
            var pairs = new List<TrainingPair>();
            foreach (var (query, gold, r) in s.Queries)
            {
                if (r == role || (role == SplitRole.Test && r == SplitRole.Absent))
                {
                    if (s.Name == "nk-name-bench")
                    {
                        MineBench(miner, query, gold, pairs);
                    }
                    else
                    {
                        miner.Mine(query, gold, pairs);
                    }
                }
            }

            perSource.Add((s.Name, pairs));
            all.AddRange(pairs);
        }

        return all;
    }

    /// <summary>nk-name-bench pairs are labelled directly: gold[0] is the target entity, gold[1] "true" or "false".</summary>
    private static void MineBench(PairMiner miner, string query, string[] gold, List<TrainingPair> output)
    {
        PreparedName[] readings = miner.Prepare(query);
        if (readings.Length > 0 && miner.Best(readings, gold[0]) is { } f)
        {
            output.Add(new TrainingPair(f, string.Equals(gold[1], "true", StringComparison.Ordinal)));
        }
    }

    /// <summary>nk-name-bench: a registry of the target names; each labelled pair is one query, split by target id.</summary>
    private static Source NameBench(string dev)
    {
        var entities = new Dictionary<string, Entity>(StringComparer.Ordinal);
        var queries = new List<(string, string[], SplitRole)>();
        bool header = true;
        foreach (string line in DevDataset.ReadLines(Path.Combine(dev, "nk-name-bench-pairs.tsv.gz")))
        {
            if (header)
            {
                header = false;
                continue;
            }

            string[] c = line.Split('\t');
            if (c.Length < 7 || string.IsNullOrWhiteSpace(c[0]) || string.IsNullOrWhiteSpace(c[6]))
            {
                continue;
            }

            string type = c[4] switch { "Person" => Entity.PersonType, "Company" or "Organization" or "LegalEntity" => Entity.OrganizationType, _ => "other" };
            if (!entities.ContainsKey(c[1]))
            {
                entities[c[1]] = new Entity(c[1], type, [new EntityName(c[6], script: c[5])]);
            }

            SplitRole role = DevDataset.RoleOf(c[1]) == SplitRole.Train ? SplitRole.Train : SplitRole.Test;
            queries.Add((c[0], [c[1], c[3]], role));
        }

        return new Source("nk-name-bench", EntityRegistry.Create(entities.Values), queries);
    }
}
