using System.Globalization;

namespace EntityResolver.Cli.IO;

/// <summary>A labelled query: its line, the query, the gold entity ids (none: not in the registry) and an optional script column.</summary>
internal readonly record struct LabelledQuery(int Line, string Query, string[] Gold, string? Script);

/// <summary>Reads the labelled queries of <c>eval</c> and <c>train --queries</c>: TSV query, gold_entity_id[, script].</summary>
internal static class LabelledQueries
{
    /// <summary>
    /// Reads the queries; every malformed row is reported with its line number and then the
    /// command fails with <paramref name="consequence"/> ("nothing evaluated"), as does a file
    /// without any query.
    /// </summary>
    public static List<LabelledQuery> Read(FileInfo file, CliConsole console, string consequence)
    {
        if (!file.Exists)
        {
            throw new CliException($"{file.FullName}: no such file");
        }

        var rows = new List<LabelledQuery>();
        var errors = new List<string>();
        foreach (var (lineNo, cols) in TsvLines.Read(file))
        {
            if (rows.Count == 0 && errors.Count == 0 && cols.Length >= 2 && (cols[0].Trim() == "query" || cols[1].Trim() == "gold_entity_id"))
            {
                continue; // the header
            }

            if (cols.Length < 2)
            {
                errors.Add($"{file}:{lineNo}: expected tab-separated query and gold_entity_id, found {cols.Length} column(s)");
                continue;
            }

            if (string.IsNullOrWhiteSpace(cols[0]) || cols[0].Length > NameResolver.MaxNameLength)
            {
                errors.Add($"{file}:{lineNo}:query: {(string.IsNullOrWhiteSpace(cols[0]) ? "empty" : "longer than " + NameResolver.MaxNameLength.ToString(CultureInfo.InvariantCulture) + " characters")}");
                continue;
            }

            string gold = cols[1].Trim();
            string[] ids = gold is "" or "-" ? [] : [.. gold.Split('|').Select(s => s.Trim()).Where(s => s.Length > 0)];
            string? script = cols.Length > 2 && !string.IsNullOrWhiteSpace(cols[2]) ? cols[2].Trim() : null;
            rows.Add(new LabelledQuery(lineNo, cols[0], ids, script));
        }

        if (errors.Count > 0)
        {
            foreach (string e in errors)
            {
                console.Stderr.WriteLine(e);
            }

            throw new CliException($"{file}: {errors.Count} malformed row(s); {consequence}");
        }

        if (rows.Count == 0)
        {
            throw new CliException($"{file}: no labelled query; {consequence}");
        }

        return rows;
    }
}
