namespace EntityResolver.Cli.IO;

/// <summary>One input row: its line, the name to resolve and the values that pass through, or why it cannot be read.</summary>
/// <param name="Line">The 1-based line number in the input (for names given as arguments, the argument's position).</param>
/// <param name="Name">The name, or null when the row has an error.</param>
/// <param name="Values">CSV/TSV: the other columns' values, aligned with <see cref="RecordReader.PassthroughColumns"/>.</param>
/// <param name="JsonFields">JSON Lines: the other fields, as raw JSON.</param>
/// <param name="Error">Why the row cannot be read, or null.</param>
internal sealed record InputRecord(long Line, string? Name, string[]? Values, IReadOnlyList<KeyValuePair<string, string>>? JsonFields, string? Error)
{
    public static InputRecord Failed(long line, string error, string? name = null) => new(line, name, null, null, error);
}

/// <summary>The input formats.</summary>
internal enum InputFormat
{
    /// <summary>Comma-separated values with a header row (RFC 4180 quoting, one record per line).</summary>
    Csv,

    /// <summary>Tab-separated values with a header row, no quoting.</summary>
    Tsv,

    /// <summary>JSON Lines: one object per line; the name is in field <c>name</c> or <c>query</c> (or <c>--field</c>).</summary>
    Jsonl,

    /// <summary>One name per line, no header.</summary>
    Text,
}
