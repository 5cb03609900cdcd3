using EntityResolver.Cli.IO;
using EntityResolver.Matching;
using System.CommandLine;
using System.Globalization;
using System.Text;
using EntityResolver.Text;

namespace EntityResolver.Cli.Commands;

/// <summary>
/// <c>eval</c>: resolves labelled queries (TSV <c>query, gold_entity_id[, script]</c>) against a
/// registry and prints top-1 accuracy, precision / recall / F1 at the threshold, the false-positive
/// rate on queries whose entity is absent, and MRR, per script pair.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(CliConsole console)
    {
        Option<FileInfo?> registry = CommonOptions.Registry();
        var pairs = new Option<FileInfo>("--pairs", "-p") { Description = "Labelled queries: TSV query, gold_entity_id (several joined with '|'; empty or '-' when the entity is not in the registry)[, script]; an optional header.", HelpName = "FILE", Required = true };
        var threshold = new Option<double>("--threshold", "-t") { Description = "The score an answer needs (a probability, 0-1).", DefaultValueFactory = _ => ResolveOptions.Default.Threshold, HelpName = "P" };
        var sweep = new Option<string?>("--thresholds") { Description = "Also print P/R/F1 and FPR over all queries at each of these thresholds (comma-separated, 0-1), from the same ranking: to choose a threshold.", HelpName = "P,P,..." };
        Option<string?> model = CommonOptions.Model();
        var command = new Command("eval", "Measure resolution quality on labelled queries: top-1, P/R/F1 at the threshold, FPR on absent entities, MRR, per script pair.")
        {
            registry, pairs, threshold, sweep, model,
        };
        command.SetAction(parse => Run(parse.GetValue(registry), parse.GetValue(pairs)!, parse.GetValue(threshold), parse.GetValue(sweep), parse.GetValue(model), console));
        return command;
    }

    private static int Run(FileInfo? registryFile, FileInfo pairsFile, double threshold, string? sweep, string? modelName, CliConsole console)
    {
        if (double.IsNaN(threshold) || threshold is < 0 or > 1)
        {
            throw new CliException($"--threshold must be between 0 and 1 (was {threshold.ToString(CultureInfo.InvariantCulture)})");
        }

        double[] thresholds = sweep is null ? [] : ParseThresholds(sweep);

        List<LabelledQuery> rows = LabelledQueries.Read(pairsFile, console, "nothing evaluated");
        EntityRegistry registry = CommonOptions.LoadRegistry(registryFile, out _);
        MatchModel matchModel = CommonOptions.LoadModel(modelName);

        var resolver = new NameResolver(registry, matchModel, new ResolveOptions { Top = 10, Threshold = 0 });
        var groups = new SortedDictionary<string, ResolutionMetrics>(StringComparer.Ordinal);
        var outcomes = new List<(bool Absent, int GoldRank, double Score)>(rows.Count);
        foreach (var (_, query, gold, script) in rows)
        {
            string key = (script ?? ScriptName(query)) + "→registry";
            if (!groups.TryGetValue(key, out ResolutionMetrics? c))
            {
                groups[key] = c = new ResolutionMetrics();
            }

            IReadOnlyList<EntityMatch> matches = resolver.Resolve(query);
            double score = matches.Count > 0 ? matches[0].Score : double.NegativeInfinity; // no candidate: never answered
            bool answered = score >= threshold;
            string[] present = [.. gold.Where(id => registry.TryGetEntity(id, out _))];
            if (present.Length == 0)
            {
                c.AddAbsent(answered);
                outcomes.Add((true, 0, score));
                continue;
            }

            int rank = 0;
            for (int i = 0; i < matches.Count && rank == 0; i++)
            {
                rank = present.Contains(matches[i].EntityId, StringComparer.Ordinal) ? i + 1 : 0;
            }

            c.AddPresent(rank, answered);
            outcomes.Add((false, rank, score));
        }

        var total = new ResolutionMetrics();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"model {matchModel.Name}, threshold {threshold}, {rows.Count} queries, registry {registry.Count} entities\n");
        sb.Append(CultureInfo.InvariantCulture, $"{"script pair",-22} {"queries",8} {"absent",7} {"top-1",7} {"P",7} {"R",7} {"F1",7} {"FPR",7} {"MRR",7}\n");
        foreach (var (key, c) in groups)
        {
            Line(sb, key, c);
            total.Add(c);
        }

        if (groups.Count > 1)
        {
            Line(sb, "all", total);
        }

        if (thresholds.Length > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n{"threshold",-22} {"answered",8} {"P",7} {"R",7} {"F1",7} {"FPR",7}\n");
            foreach (double t in thresholds)
            {
                ResolutionMetrics m = ResolutionMetrics.At(outcomes, t);
                sb.Append(CultureInfo.InvariantCulture, $"{t,-22} {outcomes.Count(o => o.Score >= t),8} {P(m.Precision),7} {P(m.Recall),7} {P(m.F1),7} {P(m.FalsePositiveRate),7}\n");
            }
        }

        using var stdout = new StreamWriter(console.Stdout, new UTF8Encoding(false), 4096, leaveOpen: true) { NewLine = "\n" };
        stdout.Write(sb.ToString());
        return ExitCodes.Success;
    }

    private static string ScriptName(string query) => ScriptDetector.Of(query.AsSpan()) switch
    {
        Script.Latin => "Latn",
        Script.Arabic => "Arab",
        Script.Devanagari => "Deva",
        Script.Cyrillic => "Cyrl",
        Script.Other => "Other",
        _ => "Zyyy",
    };

    /// <summary>The thresholds of <c>--thresholds</c>, in the order given.</summary>
    private static double[] ParseThresholds(string list)
    {
        string[] items = list.Split(',', StringSplitOptions.TrimEntries);
        var thresholds = new double[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            if (!double.TryParse(items[i], NumberStyles.Float, CultureInfo.InvariantCulture, out thresholds[i]) || double.IsNaN(thresholds[i]) || thresholds[i] is < 0 or > 1)
            {
                throw new CliException($"--thresholds: '{items[i]}' (item {i + 1}) is not a number between 0 and 1");
            }
        }

        return thresholds;
    }

    private static string P(double v) => double.IsNaN(v) ? "-" : (100 * v).ToString("0.0", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder sb, string key, ResolutionMetrics c)
    {
        string mrr = double.IsNaN(c.Mrr) ? "-" : c.Mrr.ToString("0.000", CultureInfo.InvariantCulture);
        sb.Append(CultureInfo.InvariantCulture, $"{key,-22} {c.Present + c.Absent,8} {c.Absent,7} {P(c.Top1Accuracy),7} {P(c.Precision),7} {P(c.Recall),7} {P(c.F1),7} {P(c.FalsePositiveRate),7} {mrr,7}\n");
    }
}
