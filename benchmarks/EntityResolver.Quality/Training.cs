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
    public const string ModelName = "logit-v5";
    private const int Rounds = 3;

    /// <summary>Weight of a synthetic pair relative to a mined one.</summary>
    private const float AugmentedWeight = 0.5f;

    /// <summary>Datasets and the most train (and test) queries taken from each, a deterministic subsample.</summary>
    private static readonly (string Name, int Cap)[] Sets =
    [
        ("unsc-2025", int.MaxValue),
        ("wikidata-hi-ur", int.MaxValue),
        ("cmu-indian-names", 1500),
        ("netranslit-ar-train", 1500),
        ("netranslit-ru-train", 1500),
    ];

    /// <summary>Datasets whose multi-word names feed the training-pair augmentation (<see cref="Augmenter"/>); ofac-sdn has no queries, only names.</summary>
    private static readonly string[] AugmentedSets = ["unsc-2025", "ofac-sdn"];

    internal sealed record Source(string Name, EntityRegistry Registry, List<(string Query, string[] Gold, SplitRole Role)> Queries)
    {
        /// <summary>Synthetic pairs from the train split's entities (fitted on).</summary>
        public List<AugmentedQuery> AugmentedTrain { get; init; } = [];

        /// <summary>The same shapes from the test split's entities (only measured).</summary>
        public List<AugmentedQuery> AugmentedTest { get; init; } = [];
    }

    public static int Run(string dev, string modelPath, string? reportPath, string? svgPath, double l2)
    {
        var sw = Stopwatch.StartNew();
        List<Source> sources = LoadSources(dev);
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

        // Second stage: the pair probability against the best rival among the ranked candidates,
        // fitted on the train split's queries as they are and with their entities left out.
        List<RivalRow> rivalTrain = RankedRows(sources, model, SplitRole.Train, out _);
        List<RivalRow> rivalAugmented = RankedAugmented(sources, model);
        model = model.WithRival(ModelTrainer.FitRival([.. rivalTrain, .. rivalAugmented]));
        Console.WriteLine($"second stage fitted on {rivalTrain.Count} ranked candidates and {rivalAugmented.Count} ranked targets of augmented queries: {model.Rival}");

        // Held out: the test split, mined with the final model, plus the candidates of absent queries.
        List<TrainingPair> test = Mine(sources, model, SplitRole.Test, out var perSource);
        List<RivalRow> rankedTest = RankedRows(sources, model, SplitRole.Test, out var rankedPerSource);
        RivalCalibration stage = model.Rival!.Value;
        Calibration overall = FinalCalibration(stage, rankedTest);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Model `{model.Name}`: the pair model below, then the second stage fitted on {rivalTrain.Count} ranked candidates of the train split's queries (top {PairMiner.RankedPerQuery} of each query, and again with the query's own entities left out, weight {PairMiner.SimulatedAbsentWeight}, so that it also sees queries whose entity is absent) and the rows of {rivalAugmented.Count} augmented queries' targets among their top {PairMiner.RankedPerQuery} (weight {AugmentedWeight}): {model.Rival}. Held out: the top {PairMiner.RankedPerQuery} candidates of the test split's queries and of the queries whose entity is absent from the registry. The score users see is the final one; its calibration:");
        report.AppendLine();
        report.AppendLine("| source | held-out ranked candidates | right | log loss | ECE | ECE of the pair score alone |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, rows) in rankedPerSource)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {rows.Count} | {rows.Count(r => r.IsMatch)} | {RankedLogLoss(stage, rows):0.000} | {FinalCalibration(stage, rows).Ece:0.000} | {Calibration.Of(rows.Select(r => ((double)r.PairScore, r.IsMatch))).Ece:0.000} |");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"| **all** | {rankedTest.Count} | {rankedTest.Count(r => r.IsMatch)} | {RankedLogLoss(stage, rankedTest):0.000} | **{overall.Ece:0.000}** | {Calibration.Of(rankedTest.Select(r => ((double)r.PairScore, r.IsMatch))).Ece:0.000} |");
        report.AppendLine();
        report.AppendLine("The same held-out queries (all sources together) ranked in sparse registries: each registry keeps its queries' entities and a random share of the others (see *The size of the registry*):");
        report.AppendLine();
        report.Append(SparseTable(stage, sources, model));
        report.AppendLine();
        report.AppendLine("The pair model alone (first stage), on pairs mined like its training pairs:");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Model `{model.Name}` fitted on {result!.Pairs} pairs ({result.Positives} matches) of the train split, L2 {l2.ToString(CultureInfo.InvariantCulture)}, {Rounds} rounds of hard-negative mining, Platt-scaled on the pairs the final model mines. Held-out pairs: the test split's gold entities and the wrong entities among their top {PairMiner.NegativesPerQuery} candidates, plus the top candidates of queries whose entity is absent from the registry.");
        report.AppendLine();
        report.AppendLine("| source | held-out pairs | matches | log loss | ECE |");
        report.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (name, pairs) in perSource)
        {
            Calibration c = Calibration.Of(model, pairs);
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {pairs.Count} | {pairs.Count(p => p.IsMatch)} | {ModelTrainer.LogLoss(model, pairs):0.000} | {c.Ece:0.000} |");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"| **all** | {test.Count} | {test.Count(p => p.IsMatch)} | {ModelTrainer.LogLoss(model, test):0.000} | {Calibration.Of(model, test).Ece:0.000} |");
        List<TrainingPair> priorTest = Mine(sources, prior, SplitRole.Test, out _);
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"For comparison, the hand-set `{prior.Name}` on the held-out pairs it mines itself ({priorTest.Count} pairs): log loss {ModelTrainer.LogLoss(prior, priorTest):0.000}, ECE {Calibration.Of(prior, priorTest).Ece:0.000}.");
        report.AppendLine();
        int augmentedTrain = sources.Sum(s => s.AugmentedTrain.Count);
        report.AppendLine(CultureInfo.InvariantCulture, $"Augmented pairs (see *Training-pair augmentation*): {augmentedTrain} synthetic queries from train-split entities of {string.Join(", ", sources.Where(s => s.AugmentedTrain.Count > 0).Select(s => s.Name))} are among the fitted pairs. The same shapes built from test-split entities (never fitted on), as the share of pairs the resolver would answer (score ≥ 0.5):");
        report.AppendLine();
        report.AppendLine("| shape (held-out) | pairs | labelled matches | mean score | ≥ 0.5, fitted | ≥ 0.5, hand-set |");
        report.AppendLine("|---|---|---:|---:|---:|---:|");
        var priorShapes = AugmentedHeldOut(sources, prior).ToDictionary(x => x.Shape, x => x.Pairs);
        foreach (var (shape, pairs) in AugmentedHeldOut(sources, model))
        {
            if (pairs.Count == 0)
            {
                continue;
            }

            double Above(ScoringModel m, List<TrainingPair> ps) => ps.Count == 0 ? double.NaN : ps.Count(p => m.Score(p.Features) >= 0.5) / (double)ps.Count;
            report.AppendLine(CultureInfo.InvariantCulture, $"| {shape} | {pairs.Count} | {pairs.Count(p => p.IsMatch)} | {pairs.Average(p => model.Score(p.Features)):0.000} | {100 * Above(model, pairs):0.0} % | {100 * Above(prior, priorShapes[shape]):0.0} % |");
        }

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

    /// <summary>
    /// Fits only a second stage on top of a fixed first stage (<paramref name="firstStage"/>, whose
    /// pair scores, spelling re-weighing and so ranking inputs are kept), on the rows
    /// <see cref="Run"/>'s second stage is fitted on, writes it as model <paramref name="name"/> to
    /// <paramref name="modelPath"/> and prints its held-out calibration as <see cref="Calibrate(string, ScoringModel)"/>
    /// does. Without <paramref name="transliteration"/> the stage does not read the
    /// transliteration likelihood, without <paramref name="features"/> the candidate's own pair
    /// features (docs/quality.md, *Why the fitted model is not the default*).
    /// </summary>
    public static int FitStage(string dev, ScoringModel firstStage, string name, string modelPath, bool transliteration, bool features)
    {
        List<Source> sources = LoadSources(dev);
        var model = new ScoringModel(name, firstStage.Bias, firstStage.Weights, $"{firstStage.Name}'s pair weights with a fitted second stage (see docs/quality.md)");
        List<RivalRow> rows = [.. RankedRows(sources, model, SplitRole.Train, out _), .. RankedAugmented(sources, model)];
        if (!transliteration)
        {
            rows = rows.ConvertAll(r => r with { Transliteration = float.NaN });
        }

        model = model.WithRival(ModelTrainer.FitRival(rows, features ? null : []));
        Console.WriteLine($"second stage fitted on {rows.Count} rows (ranked candidates of the train split and augmented targets): {model.Rival}");
        using (FileStream f = File.Create(modelPath))
        {
            model.Save(f, new Dictionary<string, string>
            {
                ["first_stage"] = firstStage.Name,
                ["reproduce"] = $"dotnet run -c Release --project benchmarks/EntityResolver.Quality -- stage FIRST.json {name} OUT.json{(transliteration ? "" : " --no-transliteration")}{(features ? "" : " --no-features")}",
            });
        }

        Console.WriteLine($"wrote {modelPath}");
        return Calibrate(sources, model);
    }

    /// <summary>The held-out calibration of a fitted model as the resolver runs today, without refitting it.</summary>
    public static int Calibrate(string dev, ScoringModel model)
    {
        if (model.Rival is null)
        {
            Console.Error.WriteLine($"{model.Name} has no second stage: its scores are not fitted probabilities");
            return 2;
        }

        return Calibrate(LoadSources(dev), model);
    }

    /// <summary>The same over sources already loaded.</summary>
    private static int Calibrate(List<Source> sources, ScoringModel model)
    {
        RivalCalibration stage = model.Rival!.Value;
        List<RivalRow> rows = RankedRows(sources, model, SplitRole.Test, out var perSource);
        Console.WriteLine("| source | held-out ranked candidates | right | log loss | ECE |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, r) in perSource.Append(("**all**", rows)))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {r.Count} | {r.Count(x => x.IsMatch)} | {RankedLogLoss(stage, r):0.000} | {FinalCalibration(stage, r).Ece:0.000} |"));
        }

        Console.WriteLine();
        Console.Write(SparseTable(stage, sources, model));
        return 0;
    }

    /// <summary>The dev sets' registries and queries (train, test and absent roles, capped), with the augmented shapes and nk-name-bench.</summary>
    internal static List<Source> LoadSources(string dev)
    {
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

            sources.Add(AugmentedSets.Contains(name)
                ? new Source(name, registry, queries) { AugmentedTrain = Augmenter.Build(ds, SplitRole.Train), AugmentedTest = Augmenter.Build(ds, SplitRole.Test) }
                : new Source(name, registry, queries));
        }

        DevDataset ofac = DevDataset.Load(dev, "ofac-sdn");
        sources.Add(new Source("ofac-sdn", ofac.BuildRegistry(), []) { AugmentedTrain = Augmenter.Build(ofac, SplitRole.Train), AugmentedTest = Augmenter.Build(ofac, SplitRole.Test) });
        foreach (Source s in sources.Where(s => s.AugmentedTrain.Count > 0))
        {
            Console.WriteLine($"{s.Name}: augmented train pairs " + string.Join(", ", s.AugmentedTrain.GroupBy(a => a.Shape).Select(g => $"{g.Key} {g.Count()}")) + $"; held-out {s.AugmentedTest.Count}");
        }

        sources.Add(NameBench(dev));
        return sources;
    }

    private const string Description = "Logistic regression over the pair features, fitted with MathNet L-BFGS and L2 on the train split of the dev sets (positives: native-script names against their entity's Latin aliases; negatives: the best-scoring wrong candidates, and nk-name-bench non-matches), then a second stage that weighs the pair probability against the best rival candidate and, for one-word queries naming a person, the transliteration likelihood of the query given the candidate's Latin spelling. In both stages the weights of the candidate's words that the query leaves out are sign-constrained: they never raise a score.";

    /// <summary>
    /// The top ranked candidates of the real queries of <paramref name="role"/> (the test role
    /// includes the absent queries) with their pair and rival scores; train queries are ranked a
    /// second time with their gold entities left out (<see cref="PairMiner.Ranked"/>).
    /// </summary>
    private static List<RivalRow> RankedRows(List<Source> sources, ScoringModel model, SplitRole role, out List<(string Name, List<RivalRow> Rows)> perSource)
    {
        var all = new List<RivalRow>();
        perSource = [];
        foreach (Source s in sources.Where(s => s.Name != "nk-name-bench"))
        {
            var miner = new PairMiner(s.Registry, model);
            var rows = new List<RivalRow>();
            foreach (var (query, gold, r) in s.Queries)
            {
                if (r == role || (role == SplitRole.Test && r == SplitRole.Absent))
                {
                    miner.Ranked(query, gold, rows, simulateAbsent: role == SplitRole.Train);
                }
            }

            if (rows.Count > 0)
            {
                perSource.Add((s.Name, rows));
                all.AddRange(rows);
            }
        }

        return all;
    }

    /// <summary>The shares of a dev registry that the sparse registries of <see cref="SparseTable"/> keep.</summary>
    private static readonly double[] SparseRates = [0.1, 0.01];

    /// <summary>
    /// Log loss and ECE of the final scores of the held-out queries (test and absent) ranked in
    /// sparse registries, per rate: how the calibration depends on the size of the registry
    /// (docs/quality.md, *The size of the registry*). For each rate r of
    /// <see cref="SparseRates"/>, a source's queries are dealt into 1/r groups by a hash of the
    /// query; each group is ranked in a registry of its queries' gold entities and a disjoint
    /// share r of the others (also by hash), so that the registries are r times the size and
    /// every query's entity is as often present as in the full registry.
    /// </summary>
    private static string SparseTable(RivalCalibration stage, List<Source> sources, ScoringModel model)
    {
        var table = new StringBuilder();
        table.AppendLine("| registries | held-out ranked candidates | right | log loss | ECE |");
        table.AppendLine("|---|---:|---:|---:|---:|");
        foreach (double rate in SparseRates)
        {
            var rows = new List<RivalRow>();
            uint groups = (uint)Math.Round(1 / rate);
            foreach (Source s in sources.Where(s => s.Name != "nk-name-bench" && s.Queries.Count > 0))
            {
                var queries = s.Queries.Where(q => q.Role is SplitRole.Test or SplitRole.Absent);
                foreach (var group in queries.GroupBy(q => DevDataset.Fnv(q.Query) % groups))
                {
                    var gold = new HashSet<string>(group.SelectMany(q => q.Gold), StringComparer.Ordinal);
                    EntityRegistry registry = EntityRegistry.Create(s.Registry.Entities.Where(e => gold.Contains(e.Id) || DevDataset.Fnv(e.Id + "/sparse") % groups == group.Key));
                    var miner = new PairMiner(registry, model);
                    foreach (var (query, goldIds, _) in group)
                    {
                        miner.Ranked(query, goldIds, rows, simulateAbsent: false);
                    }
                }
            }

            table.AppendLine(CultureInfo.InvariantCulture, $"| {100 * rate:0.#} % of each registry | {rows.Count} | {rows.Count(r => r.IsMatch)} | {RankedLogLoss(stage, rows):0.000} | {FinalCalibration(stage, rows).Ece:0.000} |");
        }

        return table.ToString();
    }

    /// <summary>
    /// The train split's synthetic queries (<see cref="Augmenter"/>) ranked in their registry: the
    /// row of the target entity when it is among the top candidates, labelled like the pair (a
    /// bare common surname is not a match), at <see cref="AugmentedWeight"/>. They show the
    /// second stage partial references and longer names, which the dev queries lack.
    /// </summary>
    private static List<RivalRow> RankedAugmented(List<Source> sources, ScoringModel model)
    {
        var rows = new List<RivalRow>();
        foreach (Source s in sources.Where(s => s.AugmentedTrain.Count > 0))
        {
            var miner = new PairMiner(s.Registry, model);
            foreach (AugmentedQuery q in s.AugmentedTrain)
            {
                miner.RankedTarget(q.Text, q.EntityId, f => IsMatch(q, f), rows, AugmentedWeight);
            }
        }

        return rows;
    }

    /// <summary>
    /// The label of a synthetic pair: a bare surname that the lexicon knows as a common name or
    /// word (Ali, Khan, Dar) does not single out one entity, so it is a non-match.
    /// </summary>
    private static bool IsMatch(AugmentedQuery q, in PairFeatures f) => q.Match && !(q.Shape == Augmenter.SurnameOnly && f.SingleCommonWord > 0f);

    /// <summary>The calibration of the final scores of ranked candidates' rows.</summary>
    private static Calibration FinalCalibration(RivalCalibration stage, List<RivalRow> rows) => Calibration.Of(rows.Select(r => ((double)stage.Apply(r), r.IsMatch)));

    private static double RankedLogLoss(RivalCalibration stage, List<RivalRow> rows)
    {
        double loss = 0, total = 0;
        foreach (RivalRow r in rows)
        {
            double p = Math.Clamp(stage.Apply(r), 1e-7, 1 - 1e-7);
            loss -= r.Weight * (r.IsMatch ? Math.Log(p) : Math.Log(1 - p));
            total += r.Weight;
        }

        return loss / total;
    }

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

            if (role == SplitRole.Train)
            {
                AddAugmented(miner, s.AugmentedTrain, pairs);
            }

            if (pairs.Count > 0)
            {
                perSource.Add((s.Name, pairs));
                all.AddRange(pairs);
            }
        }

        return all;
    }

    /// <summary>Features of synthetic pairs under the current model (the best alias and reading of the target entity).</summary>
    private static void AddAugmented(PairMiner miner, List<AugmentedQuery> queries, List<TrainingPair> output)
    {
        foreach (AugmentedQuery q in queries)
        {
            PreparedName[] readings = miner.Prepare(q.Text);
            if (readings.Length > 0 && miner.Best(readings, q.EntityId) is { } f)
            {
                output.Add(new TrainingPair(f, IsMatch(q, f), AugmentedWeight));
            }
        }
    }

    /// <summary>Held-out synthetic pairs (test-split entities) per shape, scored by <paramref name="model"/>.</summary>
    private static List<(string Shape, List<TrainingPair> Pairs)> AugmentedHeldOut(List<Source> sources, ScoringModel model)
    {
        var byShape = new SortedDictionary<string, List<TrainingPair>>(StringComparer.Ordinal);
        foreach (Source s in sources.Where(s => s.AugmentedTest.Count > 0))
        {
            var miner = new PairMiner(s.Registry, model);
            foreach (var group in s.AugmentedTest.GroupBy(a => a.Shape))
            {
                if (!byShape.TryGetValue(group.Key, out List<TrainingPair>? list))
                {
                    byShape[group.Key] = list = [];
                }

                AddAugmented(miner, [.. group], list);
            }
        }

        return [.. byShape.Select(kv => (kv.Key, kv.Value))];
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
