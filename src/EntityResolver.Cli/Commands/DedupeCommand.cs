using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using EntityResolver.Cli.IO;
using EntityResolver.Cli.Pipeline;

namespace EntityResolver.Cli.Commands;

/// <summary>
/// <c>dedupe</c>: groups name records into entities. Every record becomes an entity of a
/// temporary registry; each record is resolved against it to find candidate pairs and their
/// scores; clusters grow from the strongest pairs down, under a cannot-link rule: two records
/// whose pair score is below a low threshold (father and son) never end up in one cluster, not
/// even through a chain of similar names.
/// </summary>
internal static class DedupeCommand
{
    public static Command Create(CliConsole console)
    {
        Option<string?> input = CommonOptions.Input("Records to group (CSV, TSV, JSON Lines or text), '-' for standard input.");
        input.Required = true;
        Option<FileInfo?> registry = new("--registry", "-r")
        {
            Description = "Optional anchors: entities of this registry are added as fixed clusters (records join them; two anchors never merge).",
            HelpName = "FILE",
        };
        Option<string?> output = CommonOptions.Output();
        var inputFormat = new Option<string?>("--input-format") { Description = "Input format; default from the file extension, else guessed.", HelpName = "FORMAT" };
        inputFormat.AcceptOnlyFromAmong("csv", "tsv", "jsonl", "text");
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "jsonl", HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var column = new Option<string?>("--column", "-c") { Description = "CSV/TSV: the header of the name column (default: the first column).", HelpName = "NAME" };
        var field = new Option<string?>("--field") { Description = "JSON Lines: the field holding the name (default: name, else query).", HelpName = "NAME" };
        var typeField = new Option<string>("--type-field") { Description = "Column or field giving a record's entity type (person, organization); records without one are persons.", DefaultValueFactory = _ => "type", HelpName = "NAME" };
        var link = new Option<double>("--link-threshold") { Description = "Pairs scoring at least this are merged (when no cannot-link forbids it).", DefaultValueFactory = _ => DedupeSettings.DefaultLinkThreshold, HelpName = "P" };
        var cannot = new Option<double>("--cannot-link-below") { Description = "Pairs scoring below this (in either direction) may never share a cluster.", DefaultValueFactory = _ => DedupeSettings.DefaultCannotLinkBelow, HelpName = "P" };
        var onError = new Option<string>("--on-error") { Description = "Rows that cannot be read: fail, skip or report (see resolve --help).", DefaultValueFactory = _ => "fail", HelpName = "MODE" };
        onError.AcceptOnlyFromAmong("fail", "skip", "report");
        var command = new Command("dedupe", "Group name records into entities: each record with its cluster id and score, in input order.")
        {
            input, registry, output, inputFormat, format, column, field, typeField, link, cannot, onError,
        };
        command.SetAction(parse =>
        {
            var settings = new DedupeSettings
            {
                Input = parse.GetValue(input)!,
                Anchors = parse.GetValue(registry),
                Output = parse.GetValue(output),
                Reader = new RecordReaderOptions
                {
                    Format = parse.GetValue(inputFormat) is { } f ? Enum.Parse<InputFormat>(f, ignoreCase: true) : null,
                    Column = parse.GetValue(column),
                    Field = parse.GetValue(field),
                },
                TypeField = parse.GetValue(typeField)!,
                Csv = string.Equals(parse.GetValue(format), "csv", StringComparison.Ordinal),
                LinkThreshold = parse.GetValue(link),
                CannotLinkBelow = parse.GetValue(cannot),
                OnError = Enum.Parse<OnError>(parse.GetValue(onError)!, ignoreCase: true),
            };
            return Execute(settings, console);
        });
        return command;
    }

    private static int Execute(DedupeSettings s, CliConsole console)
    {
        if (s.LinkThreshold is < 0 or > 1 || s.CannotLinkBelow is < 0 or > 1 || s.CannotLinkBelow > s.LinkThreshold)
        {
            throw new CliException("--link-threshold and --cannot-link-below must be probabilities with --cannot-link-below <= --link-threshold");
        }

        var records = new List<InputRecord>();
        var passthrough = new List<string>();
        using (RecordReader reader = RecordReader.Open(CommonOptions.OpenInput(s.Input, console), s.Input, s.Reader))
        {
            passthrough.AddRange(reader.PassthroughColumns);
            while (reader.TryRead(out InputRecord r))
            {
                records.Add(r);
            }
        }

        var result = new PipelineResult { Read = records.Count };
        InputRecord? failed = records.Find(r => r.Error is not null);
        if (failed is not null && s.OnError == OnError.Fail)
        {
            throw new CliException(string.Create(CultureInfo.InvariantCulture, $"{s.Input}:{failed.Line}: {failed.Error} (--on-error skip or report goes past bad rows)"));
        }

        EntityRegistry? anchors = s.Anchors is null ? null : CommonOptions.LoadRegistry(s.Anchors, out _);
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var valid = records.Where(r => r.Error is null).ToList();
        var clustering = new RecordClustering(s, anchors);
        DedupeResult[] assigned = clustering.Cluster(valid.Select(r => (r.Name!, TypeOf(r, s.TypeField, passthrough))).ToList());
        result.Elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(start);

        using Stream outStream = CommonOptions.OpenOutput(s.Output, console);
        using var writer = new StreamWriter(outStream, new System.Text.UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        if (s.Csv)
        {
            writer.WriteLine(string.Join(',', passthrough.Append("name").Append("cluster").Append("score").Append("error").Select(CsvResultWriter.Escape)));
        }

        int v = 0;
        foreach (InputRecord r in records)
        {
            if (r.Error is not null)
            {
                result.Errors++;
                if (s.OnError == OnError.Report)
                {
                    Write(writer, s.Csv, r, null, passthrough);
                }

                continue;
            }

            DedupeResult d = assigned[v++];
            if (d.Size > 1)
            {
                result.Resolved++;
            }
            else
            {
                result.Unmatched++;
            }

            Write(writer, s.Csv, r, d, passthrough);
        }

        writer.Flush();
        console.Stderr.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"entity-resolver dedupe: {result.Read} rows read, {clustering.ClusterCount} clusters, {result.Resolved} records in shared clusters, {result.Unmatched} alone, {result.Errors} errors, {result.Elapsed.TotalSeconds:0.000} s"));
        return result.Errors > 0 ? ExitCodes.RowErrors : ExitCodes.Success;
    }

    private static string TypeOf(InputRecord r, string typeField, List<string> columns)
    {
        if (r.JsonFields is not null)
        {
            foreach (var (key, raw) in r.JsonFields)
            {
                if (string.Equals(key, typeField, StringComparison.Ordinal) && raw.StartsWith('"'))
                {
                    string? value = JsonSerializer.Deserialize<string>(raw);
                    return string.IsNullOrWhiteSpace(value) ? Entity.PersonType : value;
                }
            }
        }
        else if (r.Values is not null)
        {
            int i = columns.IndexOf(typeField);
            if (i >= 0 && i < r.Values.Length && !string.IsNullOrWhiteSpace(r.Values[i]))
            {
                return r.Values[i];
            }
        }

        return Entity.PersonType;
    }

    private static void Write(StreamWriter writer, bool csv, InputRecord r, DedupeResult? d, List<string> columns)
    {
        string? score = d?.Score.ToString("0.####", CultureInfo.InvariantCulture);
        if (csv)
        {
            var fields = new List<string?>();
            for (int i = 0; i < columns.Count; i++)
            {
                fields.Add(r.Values is { } values && i < values.Length ? values[i] : null);
            }

            fields.Add(r.Name);
            fields.Add(d?.Cluster);
            fields.Add(score);
            fields.Add(r.Error is null ? null : string.Create(CultureInfo.InvariantCulture, $"line {r.Line}: {r.Error}"));
            writer.WriteLine(string.Join(',', fields.Select(f => f is null ? string.Empty : CsvResultWriter.Escape(f))));
            return;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("line", r.Line);
            if (r.Error is not null)
            {
                json.WriteString("error", r.Error);
            }
            else
            {
                json.WriteString("name", r.Name);
                json.WriteString("cluster", d!.Value.Cluster);
                json.WriteNumber("score", Math.Round(d.Value.Score, 4));
                json.WriteNumber("clusterSize", d.Value.Size);
            }

            if (r.JsonFields is { Count: > 0 })
            {
                json.WriteStartObject("input");
                foreach (var (key, raw) in r.JsonFields)
                {
                    json.WritePropertyName(key);
                    json.WriteRawValue(raw, skipInputValidation: true);
                }

                json.WriteEndObject();
            }
            else if (r.Values is { Length: > 0 } values)
            {
                json.WriteStartObject("input");
                for (int i = 0; i < values.Length && i < columns.Count; i++)
                {
                    json.WriteString(columns[i], values[i]);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        writer.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        writer.Write('\n');
    }
}

/// <summary>The settings of one <c>dedupe</c> run.</summary>
internal sealed class DedupeSettings
{
    public const double DefaultLinkThreshold = 0.5;
    public const double DefaultCannotLinkBelow = 0.1;

    public string Input { get; init; } = "-";

    public FileInfo? Anchors { get; init; }

    public string? Output { get; init; }

    public RecordReaderOptions Reader { get; init; } = new();

    public string TypeField { get; init; } = "type";

    public bool Csv { get; init; }

    public double LinkThreshold { get; init; } = DefaultLinkThreshold;

    public double CannotLinkBelow { get; init; } = DefaultCannotLinkBelow;

    public OnError OnError { get; init; }
}

/// <summary>A record's cluster: its id, the strongest pair score that holds the record in it (1 alone), the cluster size.</summary>
internal readonly record struct DedupeResult(string Cluster, double Score, int Size);
