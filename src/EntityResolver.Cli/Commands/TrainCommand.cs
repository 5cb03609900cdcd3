using EntityResolver.Cli.IO;
using System.CommandLine;
using System.Globalization;
using System.Text;
using EntityResolver.Matching;
using EntityResolver.Text;

namespace EntityResolver.Cli.Commands;

/// <summary>
/// <c>train</c>: fits a scoring model and writes it as JSON, for <c>--model</c> and
/// <see cref="MatchModel.Load(string)"/>: on labelled name pairs (TSV <c>name_a, name_b, label</c>:
/// the pair stage only), or on a registry and labelled queries (the format of <c>eval</c>: the
/// pair stage from mined pairs, then the second stage that weighs each candidate against its
/// best rival, as the embedded fitted model).
/// </summary>
internal static class TrainCommand
{
    public static Command Create(CliConsole console)
    {
        var pairs = new Option<FileInfo?>("--pairs", "-p") { Description = "Labelled pairs: TSV name_a, name_b, label (1/0, true/false, yes/no, match/nonmatch); an optional header; # comments.", HelpName = "FILE" };
        Option<FileInfo?> registry = CommonOptions.Registry();
        registry.Description = "With --queries: the registry the queries are resolved against (JSON Lines or a snapshot). Default: the embedded seed registry.";
        var queries = new Option<FileInfo?>("--queries", "-q") { Description = "Instead of --pairs: labelled queries, TSV query, gold_entity_id (several joined with '|'; empty or '-' when the entity is not in the registry), as for eval. Fits both stages.", HelpName = "FILE" };
        Option<string?> output = CommonOptions.Output();
        output.Description = "Where to write the model (JSON).";
        output.Required = true;
        var name = new Option<string>("--name") { Description = "The model's versioned name.", DefaultValueFactory = _ => "custom-v1", HelpName = "NAME" };
        var type = new Option<string>("--type") { Description = "The entity type name_b is read as (person names treat honorifics and given names specially).", DefaultValueFactory = _ => Entity.PersonType, HelpName = "TYPE" };
        var l2 = new Option<double>("--l2") { Description = "L2 strength pulling the weights toward the default model's (larger: trust your pairs less).", DefaultValueFactory = _ => 0.01, HelpName = "X" };
        var command = new Command("train", "Fit a scoring model (logistic, L-BFGS with L2) on labelled name pairs, or on a registry and labelled queries, and write it as JSON.")
        {
            pairs, queries, registry, output, name, type, l2,
        };
        command.SetAction(parse =>
        {
            FileInfo? pairFile = parse.GetValue(pairs), queryFile = parse.GetValue(queries);
            string modelName = parse.GetValue(name)!;
            double strength = parse.GetValue(l2);
            if (string.IsNullOrWhiteSpace(modelName) || strength < 0 || double.IsNaN(strength))
            {
                throw new CliException("--name must not be empty and --l2 must be zero or positive");
            }

            return (pairFile, queryFile) switch
            {
                (not null, null) => RunPairs(pairFile, parse.GetValue(output)!, modelName, parse.GetValue(type)!, strength, console),
                (null, not null) => RunQueries(queryFile, parse.GetValue(registry), parse.GetValue(output)!, modelName, strength, console),
                _ => throw new CliException("give either --pairs FILE (labelled name pairs) or --queries FILE (labelled queries, with --registry)"),
            };
        });
        return command;
    }

    private static int RunQueries(FileInfo file, FileInfo? registryFile, string output, string name, double l2, CliConsole console)
    {
        List<LabelledQuery> rows = LabelledQueries.Read(file, console, "nothing trained");
        EntityRegistry registry = CommonOptions.LoadRegistry(registryFile, out _);
        var unknown = rows.SelectMany(r => r.Gold.Where(id => !registry.TryGetEntity(id, out _)).Select(id => $"{file}:{r.Line}:gold_entity_id: '{id}' is not in the registry")).ToList();
        if (unknown.Count > 0)
        {
            Report(unknown, console);
            throw new CliException($"{file}: {unknown.Count} gold id(s) not in the registry; nothing trained");
        }

        if (rows.All(r => r.Gold.Length == 0))
        {
            throw new CliException($"{file}: every query is labelled absent ('-'); a model needs queries whose entity is in the registry");
        }

        RegistryTrainingResult result;
        try
        {
            result = RegistryTrainer.Fit(registry, [.. rows.Select(r => (r.Query, r.Gold))], name, $"Fitted by entity-resolver train on {file.Name} against a registry of {registry.Count} entities.", l2, ScoringModel.Default);
        }
        catch (ArgumentException ex)
        {
            throw new CliException($"{file}: {ex.Message} Nothing trained.", ex);
        }

        using (Stream stream = CommonOptions.OpenOutput(output, console))
        {
            result.Model.Save(stream, new Dictionary<string, string>
            {
                ["trained_on"] = file.Name,
                ["queries"] = rows.Count.ToString(CultureInfo.InvariantCulture),
                ["registry_entities"] = registry.Count.ToString(CultureInfo.InvariantCulture),
                ["l2"] = l2.ToString(CultureInfo.InvariantCulture),
                ["prior"] = ScoringModel.Default.Name,
            });
        }

        console.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Model.Name}: {rows.Count} queries, {result.Pairs} mined pairs ({result.Matches} matches), pair log loss {result.LogLoss:0.000}; second stage on {result.RankedCandidates} ranked candidates, {result.Model.Rival}"));
        return ExitCodes.Success;
    }

    private static int RunPairs(FileInfo file, string output, string name, string type, double l2, CliConsole console)
    {
        List<(int Line, string A, string B, bool Label)> rows = Read(file, console);
        var entities = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            entities.TryAdd(row.B, entities.Count);
        }

        EntityRegistry registry = EntityRegistry.Create(entities.Select(e => new Entity("pair:" + e.Value.ToString(CultureInfo.InvariantCulture), type, [new EntityName(e.Key)])));
        var aliases = new Dictionary<int, AliasRecord>();
        foreach (AliasRecord a in registry.Aliases)
        {
            aliases.TryAdd(a.EntityIndex, a);
        }

        var analyzer = new NameAnalyzer();
        var training = new List<TrainingPair>();
        var unusable = new List<string>();
        foreach (var (line, a, b, label) in rows)
        {
            var (query, _) = analyzer.AnalyzeQuery(a);
            int entity = entities[b];
            if (query.IsEmpty || !aliases.TryGetValue(entity, out AliasRecord? alias))
            {
                unusable.Add($"{file}:{line}: {(query.IsEmpty ? "name_a" : "name_b")} has no name words");
                continue;
            }

            var prepared = new PreparedName(query, registry.Statistics, 0);
            training.Add(new TrainingPair(PairScorer.Compute(prepared, alias, registry.EntityAt(entity).IsPerson, registry.RankClassesAt(entity)), label));
        }

        Report(unusable, console);
        int matches = training.Count(p => p.IsMatch);
        if (training.Count == 0)
        {
            throw new CliException($"{file}: no usable pair; nothing trained");
        }

        if (matches == 0 || matches == training.Count)
        {
            throw new CliException($"{file}: all {training.Count} usable pairs are {(matches == 0 ? "non-matches" : "matches")}; a model needs both kinds");
        }

        TrainingResult result = ModelTrainer.Fit(training, name, $"Fitted by entity-resolver train on {file.Name}.", l2, ScoringModel.Default);
        using (Stream stream = CommonOptions.OpenOutput(output, console))
        {
            result.Model.Save(stream, new Dictionary<string, string>
            {
                ["trained_on"] = file.Name,
                ["pairs"] = training.Count.ToString(CultureInfo.InvariantCulture),
                ["l2"] = l2.ToString(CultureInfo.InvariantCulture),
                ["prior"] = ScoringModel.Default.Name,
            });
        }

        console.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Model.Name}: {training.Count} pairs ({matches} matches), log loss {result.LogLoss:0.000}, {result.Iterations} L-BFGS iterations{(unusable.Count > 0 ? $", {unusable.Count} pair(s) without name words left out" : "")}"));
        return unusable.Count > 0 ? ExitCodes.RowErrors : ExitCodes.Success;
    }

    /// <summary>Reads the pairs; every malformed row is reported with its line number, and any makes the command fail.</summary>
    private static List<(int Line, string A, string B, bool Label)> Read(FileInfo file, CliConsole console)
    {
        if (!file.Exists)
        {
            throw new CliException($"{file.FullName}: no such file");
        }

        var rows = new List<(int, string, string, bool)>();
        var errors = new List<string>();
        foreach (var (lineNo, cols) in TsvLines.Read(file))
        {
            if (cols.Length < 3)
            {
                errors.Add($"{file}:{lineNo}: expected 3 tab-separated columns (name_a, name_b, label), found {cols.Length}");
                continue;
            }

            if (!TryLabel(cols[2].Trim(), out bool label))
            {
                if (rows.Count == 0 && errors.Count == 0 && cols[2].Trim().Equals("label", StringComparison.OrdinalIgnoreCase))
                {
                    continue; // the header
                }

                errors.Add($"{file}:{lineNo}:label: '{cols[2].Trim()}' is not a label (1/0, true/false, yes/no, match/nonmatch)");
                continue;
            }

            if (string.IsNullOrWhiteSpace(cols[0]) || string.IsNullOrWhiteSpace(cols[1]))
            {
                errors.Add($"{file}:{lineNo}:{(string.IsNullOrWhiteSpace(cols[0]) ? "name_a" : "name_b")}: empty name");
                continue;
            }

            rows.Add((lineNo, cols[0].Trim(), cols[1].Trim(), label));
        }

        if (errors.Count > 0)
        {
            Report(errors, console);
            throw new CliException($"{file}: {errors.Count} malformed row(s); nothing trained");
        }

        return rows;
    }

    private static void Report(List<string> problems, CliConsole console)
    {
        foreach (string p in problems)
        {
            console.Stderr.WriteLine(p);
        }
    }

    private static bool TryLabel(string text, out bool label)
    {
        switch (text.ToUpperInvariant())
        {
            case "1" or "TRUE" or "YES" or "MATCH" or "Y" or "T":
                label = true;
                return true;
            case "0" or "FALSE" or "NO" or "NONMATCH" or "NON-MATCH" or "N" or "F":
                label = false;
                return true;
            default:
                label = false;
                return false;
        }
    }
}
