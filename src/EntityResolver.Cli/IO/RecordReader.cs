using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using EntityResolver.Registry;

namespace EntityResolver.Cli.IO;

/// <summary>How to read an input file.</summary>
internal sealed record RecordReaderOptions
{
    /// <summary>The default line length limit: 1 MiB.</summary>
    public const int DefaultMaxLineBytes = 1 << 20;

    /// <summary>The format, or null to infer it from the file extension or the first line.</summary>
    public InputFormat? Format { get; init; }

    /// <summary>CSV/TSV: the header name of the name column (default: the first column).</summary>
    public string? Column { get; init; }

    /// <summary>JSON Lines: the field holding the name (default: <c>name</c>, else <c>query</c>).</summary>
    public string? Field { get; init; }

    /// <summary>CSV/TSV: whether the first line is a header (default true).</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>Lines longer than this many bytes are row errors.</summary>
    public int MaxLineBytes { get; init; } = DefaultMaxLineBytes;
}

/// <summary>
/// Streams records out of CSV, TSV, JSON Lines or plain text, one physical line at a time, so
/// that every problem is tied to a line number and a bad row never swallows its neighbours.
/// Memory is bounded by the line length limit.
/// </summary>
internal sealed class RecordReader : IDisposable
{
    private static readonly SearchValues<char> CsvSpecial = SearchValues.Create("\",");

    private readonly LineSource _lines;
    private readonly RecordReaderOptions _options;
    private readonly int _nameColumn;
    private readonly int _columnCount;
    private InputRecord? _pending;

    private RecordReader(LineSource lines, RecordReaderOptions options, InputFormat format, IReadOnlyList<string> header, int nameColumn, InputRecord? pending, long? length)
    {
        _lines = lines;
        _options = options;
        Format = format;
        _nameColumn = nameColumn;
        _columnCount = header.Count;
        PassthroughColumns = [.. header.Where((_, i) => i != nameColumn)];
        _pending = pending;
        Length = length;
    }

    /// <summary>The format being read.</summary>
    public InputFormat Format { get; }

    /// <summary>CSV/TSV with a header: the columns other than the name column, in input order.</summary>
    public IReadOnlyList<string> PassthroughColumns { get; }

    /// <summary>The input size in bytes, when known (for progress).</summary>
    public long? Length { get; }

    /// <summary>The bytes read so far.</summary>
    public long BytesConsumed => _lines.BytesConsumed;

    /// <summary>The format for a file name, from its extension; null when unknown.</summary>
    public static InputFormat? FormatFromExtension(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".CSV" => InputFormat.Csv,
        ".TSV" or ".TAB" => InputFormat.Tsv,
        ".JSONL" or ".NDJSON" or ".JSON" => InputFormat.Jsonl,
        ".TXT" => InputFormat.Text,
        _ => null,
    };

    /// <summary>
    /// Opens a reader and reads the header. Problems with the header (or an unknown column) are
    /// bad input: <see cref="CliException"/>. The stream is owned by the reader.
    /// </summary>
    public static RecordReader Open(Stream stream, string source, RecordReaderOptions options)
    {
        long? length = stream.CanSeek ? stream.Length : null;
        var lines = new LineSource(stream, options.MaxLineBytes);
        try
        {
            InputFormat? format = options.Format ?? (source == "-" ? null : FormatFromExtension(source));
            if (!lines.MoveNext())
            {
                return new RecordReader(lines, options, format ?? InputFormat.Text, [], 0, null, length);
            }

            string? first = null;
            string? firstError = lines.IsTooLong ? TooLong(lines, options) : TryDecode(lines.Current, out first);
            format ??= first is null ? InputFormat.Text : Sniff(first);
            if (options.Column is not null && (format is InputFormat.Jsonl or InputFormat.Text || !options.HasHeader))
            {
                throw new CliException("--column needs CSV or TSV input with a header" + (format == InputFormat.Jsonl ? "; use --field for JSON Lines" : string.Empty));
            }

            if (options.Field is not null && format != InputFormat.Jsonl)
            {
                throw new CliException("--field applies to JSON Lines input; use --column for CSV or TSV");
            }

            if (format is InputFormat.Csv or InputFormat.Tsv && options.HasHeader)
            {
                if (firstError is not null)
                {
                    throw new CliException($"{source}:1: cannot read the header: {firstError}");
                }

                string[] header;
                if (format == InputFormat.Csv)
                {
                    header = SplitCsv(first!, out string? csvError) ?? throw new CliException($"{source}:1: cannot read the header: {csvError}");
                }
                else
                {
                    header = first!.Split('\t');
                }

                int nameColumn = 0;
                if (options.Column is not null)
                {
                    nameColumn = Array.IndexOf(header, options.Column);
                    if (nameColumn < 0)
                    {
                        throw new CliException($"{source}:1: column '{options.Column}' is not in the header (columns: {string.Join(", ", header)})");
                    }
                }

                return new RecordReader(lines, options, format.Value, header, nameColumn, null, length);
            }

            var reader = new RecordReader(lines, options, format.Value, [], 0, null, length);
            reader._pending = firstError is not null ? InputRecord.Failed(1, firstError) : reader.Parse(1, first!);
            return reader;
        }
        catch
        {
            lines.Dispose();
            throw;
        }
    }

    /// <summary>Reads the next record; false at the end of the input.</summary>
    public bool TryRead(out InputRecord record)
    {
        if (_pending is not null)
        {
            record = _pending;
            _pending = null;
            return true;
        }

        if (!_lines.MoveNext())
        {
            record = null!;
            return false;
        }

        long line = _lines.LineNumber;
        if (_lines.IsTooLong)
        {
            record = InputRecord.Failed(line, TooLong(_lines, _options));
            return true;
        }

        string? error = TryDecode(_lines.Current, out string? text);
        record = error is not null ? InputRecord.Failed(line, error) : Parse(line, text!);
        return true;
    }

    public void Dispose() => _lines.Dispose();

    /// <summary>Splits one CSV line (RFC 4180 quoting; a quoted field may not span lines). Null with an error for a broken quote.</summary>
    internal static string[]? SplitCsv(string line, out string? error)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        int i = 0;
        while (true)
        {
            sb.Clear();
            if (i < line.Length && line[i] == '"')
            {
                int open = i;
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        error = string.Create(CultureInfo.InvariantCulture, $"unbalanced quote: the quoted field opened at column {open + 1} is not closed on this line");
                        return null;
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            sb.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    sb.Append(line[i]);
                    i++;
                }

                if (i < line.Length && line[i] != ',')
                {
                    error = string.Create(CultureInfo.InvariantCulture, $"broken quote: unexpected character after the closing quote at column {i + 1}");
                    return null;
                }
            }
            else
            {
                int start = i;
                int rel = line.AsSpan(i).IndexOfAny(CsvSpecial);
                int end = rel < 0 ? line.Length : i + rel;
                if (end < line.Length && line[end] == '"')
                {
                    error = string.Create(CultureInfo.InvariantCulture, $"broken quote: a quote inside an unquoted field at column {end + 1} (quote the whole field and double the quote)");
                    return null;
                }

                sb.Append(line, start, end - start);
                i = end;
            }

            fields.Add(sb.ToString());
            if (i >= line.Length)
            {
                break;
            }

            i++; // the comma
        }

        error = null;
        return [.. fields];
    }

    private static string TooLong(LineSource lines, RecordReaderOptions options) =>
        string.Create(CultureInfo.InvariantCulture, $"line is {lines.LineBytes} bytes long, over the limit of {options.MaxLineBytes} bytes (--max-line-length)");

    /// <summary>Decodes strict UTF-8; returns an error naming the byte offset of the first invalid sequence.</summary>
    private static string? TryDecode(ReadOnlySpan<byte> bytes, out string? text)
    {
        if (Utf8.IsValid(bytes))
        {
            text = Encoding.UTF8.GetString(bytes);
            return null;
        }

        char[] scratch = new char[bytes.Length];
        Utf8.ToUtf16(bytes, scratch, out int read, out _, replaceInvalidSequences: false);
        text = null;
        return string.Create(CultureInfo.InvariantCulture, $"invalid UTF-8 at byte {read + 1} of the line");
    }

    private static InputFormat Sniff(string first)
    {
        string t = first.TrimStart();
        if (t.StartsWith('{'))
        {
            return InputFormat.Jsonl;
        }

        if (first.Contains('\t', StringComparison.Ordinal))
        {
            return InputFormat.Tsv;
        }

        return first.Contains(',', StringComparison.Ordinal) || first.Contains('"', StringComparison.Ordinal) ? InputFormat.Csv : InputFormat.Text;
    }

    private InputRecord Parse(long line, string text)
    {
        if (text.Length == 0 || (Format != InputFormat.Text && string.IsNullOrWhiteSpace(text)))
        {
            return InputRecord.Failed(line, "empty line");
        }

        return Format switch
        {
            InputFormat.Text => WithName(line, text, null, null),
            InputFormat.Jsonl => ParseJson(line, text),
            _ => ParseDelimited(line, text),
        };
    }

    private InputRecord ParseDelimited(long line, string text)
    {
        string[]? fields;
        if (Format == InputFormat.Csv)
        {
            fields = SplitCsv(text, out string? error);
            if (fields is null)
            {
                return InputRecord.Failed(line, error!);
            }
        }
        else
        {
            fields = text.Split('\t');
        }

        if (!_options.HasHeader)
        {
            return WithName(line, fields[0], null, null);
        }

        if (fields.Length != _columnCount)
        {
            string which = fields.Length < _columnCount
                ? $"missing column(s) from '{HeaderName(fields.Length)}' on"
                : "more fields than the header has";
            return InputRecord.Failed(line, string.Create(CultureInfo.InvariantCulture, $"row has {fields.Length} field(s), the header has {_columnCount}: {which}"));
        }

        var values = new string[fields.Length - 1];
        for (int i = 0, j = 0; i < fields.Length; i++)
        {
            if (i != _nameColumn)
            {
                values[j++] = fields[i];
            }
        }

        return WithName(line, fields[_nameColumn], values, null);
    }

    private string HeaderName(int index) => index == _nameColumn ? "(name)" : PassthroughColumns[index < _nameColumn ? index : index - 1];

    private InputRecord ParseJson(long line, string text)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            return InputRecord.Failed(line, "invalid JSON: " + RegistryReader.JsonProblem(ex));
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return InputRecord.Failed(line, "expected a JSON object");
            }

            string field = _options.Field ?? (doc.RootElement.TryGetProperty("name", out _) ? "name" : "query");
            if (!doc.RootElement.TryGetProperty(field, out JsonElement nameElement))
            {
                return InputRecord.Failed(line, _options.Field is null ? "missing field 'name' (or 'query')" : $"missing field '{field}'");
            }

            if (nameElement.ValueKind != JsonValueKind.String)
            {
                return InputRecord.Failed(line, $"field '{field}' must be a string");
            }

            var others = new List<KeyValuePair<string, string>>();
            foreach (JsonProperty p in doc.RootElement.EnumerateObject())
            {
                if (!string.Equals(p.Name, field, StringComparison.Ordinal))
                {
                    others.Add(new(p.Name, p.Value.GetRawText()));
                }
            }

            return WithName(line, nameElement.GetString()!, null, others);
        }
    }

    private static InputRecord WithName(long line, string name, string[]? values, IReadOnlyList<KeyValuePair<string, string>>? json)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return new InputRecord(line, null, values, json, "empty name");
        }

        if (name.Length > NameResolver.MaxNameLength)
        {
            return new InputRecord(line, null, values, json, string.Create(CultureInfo.InvariantCulture, $"name has {name.Length} characters, more than the limit of {NameResolver.MaxNameLength}"));
        }

        return new InputRecord(line, name, values, json, null);
    }
}
