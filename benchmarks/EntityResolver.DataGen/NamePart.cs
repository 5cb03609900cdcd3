using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace EntityResolver.DataGen;

/// <summary>One name word in Latin letters and in its native script (Arab, Cyrl or Deva).</summary>
/// <param name="Latin">The Latin spelling, title case.</param>
/// <param name="Native">The native-script spelling.</param>
/// <param name="Script">ISO 15924 code of <paramref name="Native"/>.</param>
public sealed record NamePart(string Latin, string Native, string Script);

/// <summary>Name words grouped by native script; the material the generator recombines.</summary>
public sealed class NamePartPool
{
    private static readonly string[] DevFiles =
    [
        "netranslit-ar-train-entities.jsonl.gz",
        "netranslit-ru-train-entities.jsonl.gz",
        "cmu-indian-names-entities.jsonl.gz",
    ];

    public NamePartPool(IEnumerable<NamePart> parts)
    {
        var byScript = new SortedDictionary<string, List<NamePart>>(StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        foreach (NamePart p in parts)
        {
            if (!IsWord(p.Latin, latin: true) || !IsWord(p.Native, latin: false) || !seen.Add((p.Latin, p.Script)))
            {
                continue;
            }

            if (!byScript.TryGetValue(p.Script, out var list))
            {
                byScript[p.Script] = list = [];
            }

            list.Add(p);
        }

        ByScript = byScript.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<NamePart>)kv.Value, StringComparer.Ordinal);
        Scripts = [.. byScript.Keys];
    }

    public IReadOnlyDictionary<string, IReadOnlyList<NamePart>> ByScript { get; }

    /// <summary>The native scripts, sorted (deterministic iteration order).</summary>
    public IReadOnlyList<string> Scripts { get; }

    public int Count => ByScript.Values.Sum(l => l.Count);

    /// <summary>Reads the single-word cross-script names of the dev data folder (netranslit ar/ru, CMU Indian names).</summary>
    public static NamePartPool FromDevData(string folder)
    {
        var parts = new List<NamePart>();
        foreach (string file in DevFiles)
        {
            string path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Dev data file not found: {path}", path);
            }

            using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            using var reader = new StreamReader(gz);
            while (reader.ReadLine() is { } line)
            {
                using var doc = JsonDocument.Parse(line);
                string? latin = null, native = null, script = null;
                foreach (JsonElement n in doc.RootElement.GetProperty("names").EnumerateArray())
                {
                    string s = n.GetProperty("script").GetString() ?? "";
                    string text = n.GetProperty("text").GetString() ?? "";
                    if (s == "Latn")
                    {
                        latin ??= text;
                    }
                    else
                    {
                        native ??= text;
                        script ??= s;
                    }
                }

                if (latin is not null && native is not null && script is not null)
                {
                    parts.Add(new NamePart(TitleCase(latin), native, script));
                }
            }
        }

        return new NamePartPool(parts);
    }

    /// <summary>Reads a TSV of <c>latin, native, script</c> rows with a header (the test fixture format).</summary>
    public static NamePartPool FromTsv(string path)
    {
        var parts = new List<NamePart>();
        foreach (string line in File.ReadLines(path).Skip(1))
        {
            string[] f = line.Split('\t');
            if (f.Length >= 3)
            {
                parts.Add(new NamePart(TitleCase(f[0]), f[1], f[2]));
            }
        }

        return new NamePartPool(parts);
    }

    /// <summary>Writes the pool as a fixture TSV (a sample of <paramref name="perScript"/> parts of each script).</summary>
    public void WriteTsv(string path, int perScript, int seed)
    {
        var rng = new Random(seed);
        using var w = new StreamWriter(path);
        w.WriteLine("latin\tnative\tscript");
        foreach (string script in Scripts)
        {
            var list = ByScript[script];
            foreach (NamePart p in list.OrderBy(_ => rng.Next()).Take(perScript).OrderBy(p => p.Latin, StringComparer.Ordinal))
            {
                w.WriteLine($"{p.Latin}\t{p.Native}\t{p.Script}");
            }
        }
    }

    private static bool IsWord(string s, bool latin)
    {
        if (s.Length < 2 || s.Length > 16)
        {
            return false;
        }

        foreach (char c in s)
        {
            UnicodeCategory category = char.GetUnicodeCategory(c);
            bool ok = latin ? char.IsAsciiLetter(c) : char.IsLetter(c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static string TitleCase(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant();
}
