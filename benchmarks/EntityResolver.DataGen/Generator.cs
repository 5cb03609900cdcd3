using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EntityResolver.DataGen;

/// <summary>A noisy query with its gold answer (<see cref="GoldId"/> is null when the person is not in the registry).</summary>
/// <param name="Text">The query.</param>
/// <param name="GoldId">The entity it refers to, or null.</param>
/// <param name="Noise">The perturbations applied, joined with '+'.</param>
public sealed record GeneratedQuery(string Text, string? GoldId, string Noise);

/// <summary>
/// Deterministic registry and query generator: persons recombined from real name words (given
/// names and surnames drawn with a Zipf-like skew, so some words are as common as Muhammad),
/// in Latin with native-script aliases, plus some organizations. The same seed and pool give
/// the same output on every machine.
/// </summary>
public sealed class Generator
{
    private static readonly string[] OrgWords = ["Trading", "Holding", "Industries", "Shipping", "Petroleum", "Construction", "Investment", "Logistics", "Engineering", "Textiles", "Pharma", "Agro", "Mining", "Energy", "Media"];
    private static readonly string[] OrgSuffixes = ["Company", "Group", "LLC", "Corporation", "Establishment", "Bank", "Foundation", "Limited"];
    private static readonly Dictionary<string, string[]> Titles = new(StringComparer.Ordinal)
    {
        ["Latn"] = ["Mr.", "Dr.", "General", "Sheikh", "Colonel", "Prof."],
        ["Arab"] = ["السيد", "الشيخ", "الدكتور", "اللواء"],
        ["Cyrl"] = ["господин", "генерал", "доктор"],
        ["Deva"] = ["श्री", "डॉ.", "जनरल"],
    };

    private static readonly Dictionary<string, string> Lang = new(StringComparer.Ordinal) { ["Arab"] = "ar", ["Cyrl"] = "ru", ["Deva"] = "hi" };

    private readonly NamePartPool _pool;
    private readonly Dictionary<string, double[]> _cdf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NamePart[]> _ranked = new(StringComparer.Ordinal);
    private readonly double[] _scriptCdf;

    /// <param name="pool">The name words.</param>
    /// <param name="zipf">Skew of word frequencies (0 = uniform).</param>
    /// <param name="seed">Seed of the frequency ranking.</param>
    public Generator(NamePartPool pool, double zipf = 0.9, int seed = 1)
    {
        _pool = pool;
        var rng = new Random(seed);
        foreach (string script in pool.Scripts)
        {
            NamePart[] ranked = [.. pool.ByScript[script]];
            rng.Shuffle(ranked);
            _ranked[script] = ranked;
            var cdf = new double[ranked.Length];
            double total = 0;
            for (int i = 0; i < ranked.Length; i++)
            {
                total += Math.Pow(i + 1, -zipf);
                cdf[i] = total;
            }

            for (int i = 0; i < cdf.Length; i++)
            {
                cdf[i] /= total;
            }

            _cdf[script] = cdf;
        }

        // Scripts weighted by the square root of their vocabulary (a small Indian pool still shows up).
        _scriptCdf = new double[pool.Scripts.Count];
        double acc = 0;
        for (int i = 0; i < pool.Scripts.Count; i++)
        {
            acc += Math.Sqrt(pool.ByScript[pool.Scripts[i]].Count);
            _scriptCdf[i] = acc;
        }

        for (int i = 0; i < _scriptCdf.Length; i++)
        {
            _scriptCdf[i] /= acc;
        }
    }

    /// <summary>Generates <paramref name="count"/> entities (about 92% persons) with unique primary names.</summary>
    public List<Entity> Entities(int count, int seed)
    {
        var rng = new Random(seed);
        var entities = new List<Entity>(count);
        var used = new HashSet<string>(count, StringComparer.Ordinal);
        while (entities.Count < count)
        {
            int i = entities.Count;
            Entity? e = rng.NextDouble() < 0.08 ? Organization(rng, i) : Person(rng, i, used);
            if (e is not null && (e.IsPerson || used.Add(e.Name)))
            {
                entities.Add(e);
            }
        }

        return entities;
    }

    /// <summary>
    /// Generates queries: about 80% refer to an entity of <paramref name="entities"/> (typos,
    /// dropped and reordered words, titles, native script), the rest to persons absent from it.
    /// </summary>
    public List<GeneratedQuery> Queries(IReadOnlyList<Entity> entities, int count, int seed, double absentShare = 0.2)
    {
        var rng = new Random(seed);
        var names = new HashSet<string>(entities.Count, StringComparer.Ordinal);
        foreach (Entity e in entities)
        {
            names.Add(e.Name);
        }

        var queries = new List<GeneratedQuery>(count);
        while (queries.Count < count)
        {
            if (rng.NextDouble() < absentShare)
            {
                var (script, parts) = PersonParts(rng);
                string latin = string.Join(' ', parts.Select(p => p.Latin));
                if (names.Contains(latin))
                {
                    continue;
                }

                bool native = rng.NextDouble() < 0.3;
                var tokens = parts.Select(p => native ? p.Native : p.Latin).ToList();
                var noise = new List<string> { "absent" };
                Perturb(rng, tokens, native ? script : "Latn", noise, allowDrop: false);
                queries.Add(new GeneratedQuery(string.Join(' ', tokens), null, string.Join('+', noise)));
                continue;
            }

            Entity entity = entities[rng.Next(entities.Count)];
            EntityName? nativeName = entity.Names.FirstOrDefault(n => n.Kind == "original_script");
            string? hiddenNative = entity.Attributes.TryGetValue("native", out JsonElement hn) ? hn.GetString() : null;
            var q = new List<string>();
            string queryScript = "Latn";
            string? nativeText = nativeName?.Text ?? hiddenNative;
            if (entity.IsPerson && nativeText is not null && rng.NextDouble() < 0.4)
            {
                q.Add(nativeName is null ? "other-script" : "native");
                queryScript = entity.Attributes.TryGetValue("script", out JsonElement s) ? s.GetString() ?? "Latn" : "Latn";
            }

            string text = queryScript == "Latn" ? entity.Name : nativeText!;
            var tokens2 = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            Perturb(rng, tokens2, queryScript, q, allowDrop: true);
            queries.Add(new GeneratedQuery(string.Join(' ', tokens2), entity.Id, q.Count == 0 ? "exact" : string.Join('+', q)));
        }

        return queries;
    }

    /// <summary>Writes entities in the registry JSON Lines format.</summary>
    public static void WriteRegistry(IEnumerable<Entity> entities, string path)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var buffer = new MemoryStream();
        foreach (Entity e in entities)
        {
            buffer.SetLength(0);
            using (var j = new Utf8JsonWriter(buffer, options))
            {
                j.WriteStartObject();
                j.WriteString("id", e.Id);
                j.WriteString("type", e.Type);
                j.WriteStartArray("names");
                foreach (EntityName n in e.Names)
                {
                    j.WriteStartObject();
                    j.WriteString("text", n.Text);
                    if (n.Script is not null)
                    {
                        j.WriteString("script", n.Script);
                    }

                    if (n.Lang is not null)
                    {
                        j.WriteString("lang", n.Lang);
                    }

                    if (n.Kind is not null)
                    {
                        j.WriteString("kind", n.Kind);
                    }

                    j.WriteEndObject();
                }

                j.WriteEndArray();
                j.WriteEndObject();
            }

            w.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
    }

    /// <summary>Writes queries as TSV: <c>query, gold_entity_id, noise</c> (empty gold when absent).</summary>
    public static void WriteQueries(IEnumerable<GeneratedQuery> queries, string path)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.WriteLine("query\tgold_entity_id\tnoise");
        foreach (GeneratedQuery q in queries)
        {
            w.WriteLine($"{q.Text}\t{q.GoldId}\t{q.Noise}");
        }
    }

    /// <summary>Reads queries written by <see cref="WriteQueries"/>.</summary>
    public static List<GeneratedQuery> ReadQueries(string path) =>
        [.. File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(f => new GeneratedQuery(f[0], f[1].Length == 0 ? null : f[1], f[2]))];

    private (string Script, NamePart[] Parts) PersonParts(Random rng)
    {
        int si = Array.BinarySearch(_scriptCdf, rng.NextDouble());
        string script = _pool.Scripts[Math.Min(si < 0 ? ~si : si, _scriptCdf.Length - 1)];
        double r = rng.NextDouble();
        int n = r < 0.55 ? 2 : r < 0.9 ? 3 : 4;
        var parts = new NamePart[n];
        for (int i = 0; i < n; i++)
        {
            parts[i] = Draw(rng, script);
        }

        return (script, parts);
    }

    private NamePart Draw(Random rng, string script)
    {
        double[] cdf = _cdf[script];
        int k = Array.BinarySearch(cdf, rng.NextDouble());
        return _ranked[script][Math.Min(k < 0 ? ~k : k, cdf.Length - 1)];
    }

    private Entity? Person(Random rng, int index, HashSet<string> used)
    {
        var (script, parts) = PersonParts(rng);
        string latin = string.Join(' ', parts.Select(p => p.Latin));
        if (!used.Add(latin))
        {
            return null;
        }

        string native = string.Join(' ', parts.Select(p => p.Native));
        var names = new List<EntityName> { new(latin, "en", "Latn", "primary") };
        var attributes = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            ["script"] = JsonSerializer.SerializeToElement(script),
        };

        // 70% carry their native-script name; the rest keep it hidden (queries in that script are cross-script).
        if (rng.NextDouble() < 0.7)
        {
            names.Add(new EntityName(native, Lang[script], script, "original_script"));
        }
        else
        {
            attributes["native"] = JsonSerializer.SerializeToElement(native);
        }

        double v = rng.NextDouble();
        if (v < 0.1)
        {
            names.Add(new EntityName(parts[0].Latin[0] + ". " + string.Join(' ', parts.Skip(1).Select(p => p.Latin)), "en", "Latn", "alias"));
        }
        else if (v < 0.2 && parts.Length >= 3)
        {
            names.Add(new EntityName(parts[0].Latin + " " + parts[^1].Latin, "en", "Latn", "alias"));
        }

        return new Entity(string.Create(CultureInfo.InvariantCulture, $"gen:p{index:D7}"), Entity.PersonType, names, attributes);
    }

    private Entity Organization(Random rng, int index)
    {
        string script = _pool.Scripts[rng.Next(_pool.Scripts.Count)];
        NamePart owner = Draw(rng, script);
        string word = OrgWords[rng.Next(OrgWords.Length)];
        string suffix = OrgSuffixes[rng.Next(OrgSuffixes.Length)];
        string name = rng.NextDouble() < 0.5 ? $"{owner.Latin} {word} {suffix}" : $"{owner.Latin} {Draw(rng, script).Latin} {word} {suffix}";
        var names = new List<EntityName> { new(name, "en", "Latn", "primary") };
        return new Entity(string.Create(CultureInfo.InvariantCulture, $"gen:o{index:D7}"), Entity.OrganizationType, names);
    }

    private static void Perturb(Random rng, List<string> tokens, string script, List<string> noise, bool allowDrop)
    {
        if (allowDrop && tokens.Count >= 3 && rng.NextDouble() < 0.15)
        {
            tokens.RemoveAt(1 + rng.Next(tokens.Count - 1));
            noise.Add("drop");
        }

        if (tokens.Count >= 2 && rng.NextDouble() < 0.2)
        {
            // Surname first, as in lists.
            string last = tokens[^1];
            tokens.RemoveAt(tokens.Count - 1);
            tokens.Insert(0, last);
            noise.Add("reorder");
        }

        if (rng.NextDouble() < 0.35)
        {
            int t = rng.Next(tokens.Count);
            tokens[t] = Typo(rng, tokens[t]);
            noise.Add("typo");
        }

        if (rng.NextDouble() < 0.15 && Titles.TryGetValue(script, out string[]? titles))
        {
            tokens.Insert(0, titles[rng.Next(titles.Length)]);
            noise.Add("title");
        }
    }

    private static string Typo(Random rng, string word)
    {
        if (word.Length < 4)
        {
            return word;
        }

        var sb = new StringBuilder(word);
        int i = 1 + rng.Next(word.Length - 2);
        switch (rng.Next(4))
        {
            case 0:
                sb.Remove(i, 1);
                break;
            case 1:
                sb.Insert(i, word[i]);
                break;
            case 2:
                (sb[i], sb[i + 1]) = (sb[i + 1], sb[i]);
                break;
            default:
                char c = word[i];
                sb[i] = char.IsAsciiLetterLower(c) ? (char)('a' + ((c - 'a' + 1 + rng.Next(25)) % 26)) : word[rng.Next(word.Length)];
                break;
        }

        return sb.ToString();
    }
}
