using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EntityResolver.Cli.IO;

/// <summary>The output formats.</summary>
internal enum OutputFormat
{
    /// <summary>JSON Lines: one object per input row (the contract of docs/cli.md).</summary>
    Jsonl,

    /// <summary>CSV: the pass-through columns, then the best match.</summary>
    Csv,
}

/// <summary>Writes one output row per input row: a result or, under <c>--on-error report</c>, an error row.</summary>
internal abstract class ResultWriter : IDisposable
{
    public static ResultWriter Create(OutputFormat format, Stream stream, IReadOnlyList<string> passthroughColumns, bool explain) => format switch
    {
        OutputFormat.Csv => new CsvResultWriter(stream, passthroughColumns),
        _ => new JsonlResultWriter(stream, passthroughColumns, explain),
    };

    public abstract void WriteResult(InputRecord record, IReadOnlyList<EntityMatch> matches);

    public abstract void WriteError(InputRecord record);

    public abstract void Flush();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}

/// <summary><c>{"query": "...", "matches": [...]}</c> per row; error rows are <c>{"line": N, "error": "..."}</c>.</summary>
internal sealed class JsonlResultWriter : ResultWriter
{
    internal static readonly JsonSerializerOptions ExplanationOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Stream _stream;
    private readonly Utf8JsonWriter _json;
    private readonly IReadOnlyList<string> _columns;
    private readonly bool _explain;

    public JsonlResultWriter(Stream stream, IReadOnlyList<string> passthroughColumns, bool explain)
    {
        _stream = new BufferedStream(stream, 1 << 16);
        _json = new Utf8JsonWriter(_stream, WriterOptions);
        _columns = passthroughColumns;
        _explain = explain;
    }

    public override void WriteResult(InputRecord record, IReadOnlyList<EntityMatch> matches)
    {
        _json.WriteStartObject();
        _json.WriteString("query", record.Name);
        _json.WriteStartArray("matches");
        foreach (EntityMatch m in matches)
        {
            WriteMatch(_json, m, _explain);
        }

        _json.WriteEndArray();
        WriteInput(record);
        _json.WriteEndObject();
        EndLine();
    }

    public override void WriteError(InputRecord record)
    {
        _json.WriteStartObject();
        _json.WriteNumber("line", record.Line);
        _json.WriteString("error", record.Error);
        WriteInput(record);
        _json.WriteEndObject();
        EndLine();
    }

    public override void Flush()
    {
        _json.Flush();
        _stream.Flush();
    }

    /// <summary>Writes one match object (shared with <c>dedupe</c> and tests).</summary>
    internal static void WriteMatch(Utf8JsonWriter json, EntityMatch m, bool explain)
    {
        json.WriteStartObject();
        json.WriteString("entityId", m.EntityId);
        json.WriteString("name", m.Name);
        json.WriteString("type", m.Type);
        json.WriteNumber("score", m.Score);
        json.WriteString("matchedName", m.MatchedName);
        if (explain && m.Explanation is not null)
        {
            json.WritePropertyName("explanation");
            JsonSerializer.Serialize(json, m.Explanation, ExplanationOptions);
        }

        json.WriteEndObject();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
            _json.Dispose();
            _stream.Dispose();
        }
    }

    private void WriteInput(InputRecord record)
    {
        if (record.Values is { Length: > 0 } values)
        {
            _json.WriteStartObject("input");
            for (int i = 0; i < values.Length && i < _columns.Count; i++)
            {
                _json.WriteString(_columns[i], values[i]);
            }

            _json.WriteEndObject();
        }
        else if (record.JsonFields is { Count: > 0 } fields)
        {
            _json.WriteStartObject("input");
            foreach (var (key, raw) in fields)
            {
                _json.WritePropertyName(key);
                _json.WriteRawValue(raw, skipInputValidation: true);
            }

            _json.WriteEndObject();
        }
    }

    private void EndLine()
    {
        _json.Flush();
        _stream.WriteByte((byte)'\n');
        _json.Reset(_stream);
    }
}

/// <summary>CSV: the pass-through columns, then query, the best match and an error column.</summary>
internal sealed class CsvResultWriter : ResultWriter
{
    private static readonly string[] ResultColumns = ["query", "entityId", "entityName", "entityType", "score", "matchedName", "error"];
    private readonly StreamWriter _writer;
    private readonly int _passthrough;

    public CsvResultWriter(Stream stream, IReadOnlyList<string> passthroughColumns)
    {
        _writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        _passthrough = passthroughColumns.Count;
        WriteRow([.. passthroughColumns, .. ResultColumns]);
    }

    public override void WriteResult(InputRecord record, IReadOnlyList<EntityMatch> matches)
    {
        EntityMatch? best = matches.Count > 0 ? matches[0] : null;
        WriteRow([
            .. Passthrough(record),
            record.Name,
            best?.EntityId,
            best?.Name,
            best?.Type,
            best?.Score.ToString("0.####", CultureInfo.InvariantCulture),
            best?.MatchedName,
            null,
        ]);
    }

    public override void WriteError(InputRecord record) =>
        WriteRow([.. Passthrough(record), record.Name, null, null, null, null, null, string.Create(CultureInfo.InvariantCulture, $"line {record.Line}: {record.Error}")]);

    public override void Flush() => _writer.Flush();

    internal static string Escape(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _writer.Dispose();
        }
    }

    private string?[] Passthrough(InputRecord record)
    {
        var values = new string?[_passthrough];
        if (record.Values is { } v)
        {
            Array.Copy(v, values, Math.Min(v.Length, values.Length));
        }

        return values;
    }

    private void WriteRow(string?[] fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                _writer.Write(',');
            }

            if (fields[i] is { } f)
            {
                _writer.Write(Escape(f));
            }
        }

        _writer.Write('\n');
    }
}
