using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EntityResolver.Cli.IO;
using EntityResolver.Cli.Pipeline;

namespace EntityResolver.Cli.Commands;

/// <summary>
/// <c>resolve</c>: names given as arguments, or a stream of CSV / TSV / JSON Lines rows, to
/// ranked entity matches; one output row per input row, in input order.
/// </summary>
internal static class ResolveCommand
{
    public static Command Create(CliConsole console)
    {
        var names = new Argument<string[]>("NAME")
        {
            Description = "Names to resolve (or use --input).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        Option<FileInfo?> registry = CommonOptions.Registry();
        Option<string?> model = CommonOptions.Model();
        var top = new Option<int>("--top", "-n") { Description = "The most matches per name (1-1000).", DefaultValueFactory = _ => ResolveOptions.Default.Top, HelpName = "N" };
        var threshold = new Option<double>("--threshold", "-t") { Description = "The lowest score a match may have (a probability, 0-1).", DefaultValueFactory = _ => ResolveOptions.Default.Threshold, HelpName = "P" };
        var explain = new Option<bool>("--explain") { Description = "Add a token-by-token explanation object to every match (JSON Lines output)." };
        var type = new Option<string?>("--type") { Description = "Only entities of this type (person, organization, ...).", HelpName = "TYPE" };
        Option<string?> input = CommonOptions.Input("Input file of names (CSV, TSV, JSON Lines or text), '-' for standard input.");
        Option<string?> output = CommonOptions.Output();
        var inputFormat = new Option<string?>("--input-format") { Description = "Input format; default from the file extension (.csv .tsv .jsonl .txt), else guessed from the first line.", HelpName = "FORMAT" };
        inputFormat.AcceptOnlyFromAmong("csv", "tsv", "jsonl", "text");
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "jsonl", HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var column = new Option<string?>("--column", "-c") { Description = "CSV/TSV: the header of the name column (default: the first column). The other columns pass through.", HelpName = "NAME" };
        var field = new Option<string?>("--field") { Description = "JSON Lines: the field holding the name (default: name, else query).", HelpName = "NAME" };
        var noHeader = new Option<bool>("--no-header") { Description = "CSV/TSV: the first line is data, not a header (the name is the first column)." };
        var threads = new Option<int>("--threads") { Description = "Worker threads (output stays in input order).", DefaultValueFactory = _ => 1, HelpName = "N" };
        var onError = new Option<string>("--on-error") { Description = "Rows that cannot be read: fail (stop, exit 2), skip (leave out, exit 1) or report (write an error row, exit 1).", DefaultValueFactory = _ => "fail", HelpName = "MODE" };
        onError.AcceptOnlyFromAmong("fail", "skip", "report");
        var maxLine = new Option<int>("--max-line-length") { Description = "Lines longer than this many bytes are bad rows.", DefaultValueFactory = _ => RecordReaderOptions.DefaultMaxLineBytes, HelpName = "BYTES" };
        var stats = new Option<bool>("--stats") { Description = "At the end, print one JSON line of timings and counts on stderr." };

        var command = new Command("resolve", "Resolve names to entities of the registry; writes JSON Lines (or CSV), one row per name, in input order.")
        {
            names, registry, model, top, threshold, explain, type, input, output, inputFormat, format, column, field, noHeader, threads, onError, maxLine, stats,
        };
        command.SetAction(parse =>
        {
            var settings = new Settings
            {
                Names = parse.GetValue(names) ?? [],
                Registry = parse.GetValue(registry),
                Model = parse.GetValue(model),
                Options = new ResolveOptions { Top = parse.GetValue(top), Threshold = parse.GetValue(threshold), Explain = parse.GetValue(explain), EntityType = parse.GetValue(type) },
                Input = parse.GetValue(input),
                Output = parse.GetValue(output),
                Reader = new RecordReaderOptions
                {
                    Format = parse.GetValue(inputFormat) is { } f ? Enum.Parse<InputFormat>(f, ignoreCase: true) : null,
                    Column = parse.GetValue(column),
                    Field = parse.GetValue(field),
                    HasHeader = !parse.GetValue(noHeader),
                    MaxLineBytes = parse.GetValue(maxLine),
                },
                Format = Enum.Parse<OutputFormat>(parse.GetValue(format)!, ignoreCase: true),
                Threads = parse.GetValue(threads),
                OnError = Enum.Parse<OnError>(parse.GetValue(onError)!, ignoreCase: true),
                Stats = parse.GetValue(stats),
            };
            return Execute(settings, console);
        });
        return command;
    }

    private static int Execute(Settings s, CliConsole console)
    {
        Validate(s);
        MatchModel model = CommonOptions.LoadModel(s.Model);
        EntityRegistry registry = CommonOptions.LoadRegistry(s.Registry, out TimeSpan loadTime);
        var resolver = new NameResolver(registry, model, s.Options);
        var pipeline = new BatchPipeline(name => resolver.Resolve(name), s.Threads, s.OnError);

        PipelineResult result;
        string source;
        if (s.Input is null)
        {
            source = "arguments";
            int i = 0;
            using Stream outStream = CommonOptions.OpenOutput(s.Output, console);
            using ResultWriter writer = ResultWriter.Create(s.Format, outStream, [], s.Options.Explain);
            result = pipeline.Run(() => i < s.Names.Length ? new InputRecord(i + 1, s.Names[i++], null, null, null) : null, writer, _ => { });
        }
        else
        {
            source = s.Input;
            using RecordReader reader = RecordReader.Open(CommonOptions.OpenInput(s.Input, console), s.Input, s.Reader);
            using Stream outStream = CommonOptions.OpenOutput(s.Output, console);
            using ResultWriter writer = ResultWriter.Create(s.Format, outStream, reader.PassthroughColumns, s.Options.Explain);
            result = RunReport.WithProgress(
                console,
                "resolve",
                reader.Length,
                () => reader.BytesConsumed,
                progress => pipeline.Run(() => reader.TryRead(out InputRecord r) ? r : null, writer, progress));
        }

        RunReport.Summary(console, "resolve", result);
        if (s.Stats)
        {
            WriteStats(console, registry, loadTime, pipeline, result);
        }

        if (result.FailedAt is { } bad)
        {
            console.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"entity-resolver: {source}:{bad.Line}: {bad.Error} (--on-error skip or report goes past bad rows)"));
            return ExitCodes.BadInput;
        }

        return result.Errors > 0 ? ExitCodes.RowErrors : ExitCodes.Success;
    }

    private static void Validate(Settings s)
    {
        if (s.Input is not null && s.Names.Length > 0)
        {
            throw new CliException("give names as arguments or --input, not both");
        }

        if (s.Input is null && s.Names.Length == 0)
        {
            throw new CliException("nothing to resolve: give one or more names, or --input FILE|- (see 'resolve --help')");
        }

        for (int i = 0; i < s.Names.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(s.Names[i]))
            {
                throw new CliException(string.Create(CultureInfo.InvariantCulture, $"arguments:{i + 1}: NAME is empty; give a name to resolve"));
            }

            if (s.Names[i].StartsWith('-'))
            {
                throw new CliException($"unknown option '{s.Names[i]}' (see 'resolve --help')");
            }

            if (s.Names[i].Length > NameResolver.MaxNameLength)
            {
                throw new CliException(string.Create(CultureInfo.InvariantCulture, $"arguments:{i + 1}: NAME has {s.Names[i].Length} characters, more than the limit of {NameResolver.MaxNameLength}"));
            }
        }

        if (s.Threads is < 1 or > 256)
        {
            throw new CliException($"--threads must be between 1 and 256 (was {s.Threads})");
        }

        if (s.Reader.MaxLineBytes < 16)
        {
            throw new CliException($"--max-line-length must be at least 16 bytes (was {s.Reader.MaxLineBytes})");
        }

        try
        {
            s.Options.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message.Replace("Top", "--top", StringComparison.Ordinal).Replace("Threshold", "--threshold", StringComparison.Ordinal).Replace("EntityType", "--type", StringComparison.Ordinal), ex);
        }
    }

    /// <summary>
    /// One JSON line on stderr. The core loads and indexes a registry in one call, so
    /// <c>loadMs</c> covers both and <c>indexMs</c> repeats it (see docs/cli.md).
    /// </summary>
    private static void WriteStats(CliConsole console, EntityRegistry registry, TimeSpan loadTime, BatchPipeline pipeline, PipelineResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("entities", registry.Count);
            json.WriteNumber("names", registry.NameCount);
            json.WriteNumber("loadMs", Math.Round(loadTime.TotalMilliseconds, 1));
            json.WriteNumber("indexMs", Math.Round(loadTime.TotalMilliseconds, 1));
            json.WriteNumber("queries", pipeline.Latencies.Count);
            json.WriteNumber("resolveMs", Math.Round(result.Elapsed.TotalMilliseconds, 1));
            json.WriteNumber("p50Us", Math.Round(pipeline.Latencies.Percentile(0.50), 1));
            json.WriteNumber("p99Us", Math.Round(pipeline.Latencies.Percentile(0.99), 1));
            using var process = Process.GetCurrentProcess();
            json.WriteNumber("peakWorkingSetMb", Math.Round(process.PeakWorkingSet64 / (1024.0 * 1024.0), 1));
            json.WriteEndObject();
        }

        console.Stderr.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private sealed class Settings
    {
        public required string[] Names { get; init; }

        public FileInfo? Registry { get; init; }

        public string? Model { get; init; }

        public required ResolveOptions Options { get; init; }

        public string? Input { get; init; }

        public string? Output { get; init; }

        public required RecordReaderOptions Reader { get; init; }

        public OutputFormat Format { get; init; }

        public int Threads { get; init; }

        public OnError OnError { get; init; }

        public bool Stats { get; init; }
    }
}
