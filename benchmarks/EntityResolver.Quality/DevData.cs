using System.IO.Compression;
using System.Text.Json;

namespace EntityResolver.Quality;

/// <summary>Which part of a dev set an entity (and the queries naming it) belongs to.</summary>
internal enum SplitRole
{
    /// <summary>Removed from the registry: its queries must find nothing above the threshold.</summary>
    Absent,

    /// <summary>In the registry; its queries are evaluated (held out from training).</summary>
    Test,

    /// <summary>In the registry; its queries may be used to fit the scoring model.</summary>
    Train,
}

/// <summary>One labelled query of a dev set: a native-script name and the acceptable entity ids.</summary>
internal sealed record DevPair(int Line, string Query, string[] GoldIds, string Script, string? Type);

/// <summary>A dev set: entities (without their original-script names) and labelled queries.</summary>
internal sealed class DevDataset
{
    public const int AbsentPercent = 20;
    public const int TestPercent = 40;

    private DevDataset(string name, List<Entity> entities, List<DevPair> pairs, Dictionary<string, List<EntityName>> originalNames)
    {
        Name = name;
        OriginalNames = originalNames;
        Entities = entities;
        Pairs = pairs;
        EntityRoles = new Dictionary<string, SplitRole>(StringComparer.Ordinal);
        foreach (Entity e in entities)
        {
            EntityRoles[e.Id] = RoleOf(e.Id);
        }
    }

    public string Name { get; }

    /// <summary>Every entity, with its original-script names removed.</summary>
    public List<Entity> Entities { get; }

    public List<DevPair> Pairs { get; }

    /// <summary>The original-script names removed from each entity (queries and training augmentation use them).</summary>
    public Dictionary<string, List<EntityName>> OriginalNames { get; }

    public Dictionary<string, SplitRole> EntityRoles { get; }

    /// <summary>The registry the queries are resolved against: every entity but the absent ones.</summary>
    public EntityRegistry BuildRegistry() => EntityRegistry.Create(Entities.Where(e => EntityRoles[e.Id] != SplitRole.Absent));

    /// <summary>A deterministic split by entity id: 20 % absent, 40 % test, 40 % train.</summary>
    public static SplitRole RoleOf(string entityId)
    {
        uint bucket = Fnv(entityId) % 100;
        return bucket < AbsentPercent ? SplitRole.Absent : bucket < AbsentPercent + TestPercent ? SplitRole.Test : SplitRole.Train;
    }

    /// <summary>The role of a query: absent when every gold entity is absent (or unknown), else test when any gold entity is a test entity.</summary>
    public SplitRole RoleOf(DevPair pair)
    {
        bool anyPresent = false, anyTest = false;
        foreach (string id in pair.GoldIds)
        {
            if (EntityRoles.TryGetValue(id, out SplitRole r) && r != SplitRole.Absent)
            {
                anyPresent = true;
                anyTest |= r == SplitRole.Test;
            }
        }

        return !anyPresent ? SplitRole.Absent : anyTest ? SplitRole.Test : SplitRole.Train;
    }

    /// <summary>FNV-1a over UTF-16 code units: a stable hash for splits and subsamples.</summary>
    public static uint Fnv(string s)
    {
        uint h = 2166136261;
        foreach (char c in s)
        {
            h = (h ^ c) * 16777619;
        }

        return h;
    }

    /// <summary>Loads <c>NAME-entities.jsonl.gz</c> and <c>NAME-pairs.tsv.gz</c> (no queries when that file is missing) from <paramref name="dir"/>.</summary>
    public static DevDataset Load(string dir, string name)
    {
        string entitiesPath = Path.Combine(dir, name + "-entities.jsonl.gz");
        string pairsPath = Path.Combine(dir, name + "-pairs.tsv.gz");
        var entities = new List<Entity>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var originalNames = new Dictionary<string, List<EntityName>>(StringComparer.Ordinal);
        int lineNo = 0;
        foreach (string line in ReadLines(entitiesPath))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using JsonDocument doc = JsonDocument.Parse(line);
            JsonElement root = doc.RootElement;
            string id = root.GetProperty("id").GetString() ?? throw new InvalidDataException($"{entitiesPath}:{lineNo}: id is null");
            string type = root.TryGetProperty("type", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "unknown";
            var names = new List<EntityName>();
            foreach (JsonElement n in root.GetProperty("names").EnumerateArray())
            {
                string? kind = Str(n, "kind");
                string? text = Str(n, "text");
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                if (string.Equals(kind, "original_script", StringComparison.Ordinal))
                {
                    if (!originalNames.TryGetValue(id, out List<EntityName>? list))
                    {
                        originalNames[id] = list = [];
                    }

                    list.Add(new EntityName(text, Str(n, "lang"), Str(n, "script"), kind));
                    continue;
                }

                // unsc-2025 marks the UN lists' "low quality" aliases (a name that cannot identify
                // the person alone): the registry's weak aliases.
                names.Add(new EntityName(text, Str(n, "lang"), Str(n, "script"), string.Equals(Str(n, "quality"), "Low", StringComparison.Ordinal) ? EntityName.WeakAliasKind : kind));
            }

            if (names.Count > 0 && seen.Add(id))
            {
                entities.Add(new Entity(id, type, names));
            }
        }

        return new DevDataset(name, entities, File.Exists(pairsPath) ? ReadPairs(pairsPath) : [], originalNames);
    }

    /// <summary>Reads a pairs TSV (query, gold ids joined with '|', script[, type, ...]) with a header.</summary>
    public static List<DevPair> ReadPairs(string path)
    {
        var pairs = new List<DevPair>();
        string[]? header = null;
        int lineNo = 0;
        foreach (string line in ReadLines(path))
        {
            lineNo++;
            string[] cols = line.Split('\t');
            if (header is null)
            {
                header = cols;
                continue;
            }

            if (cols.Length < 3 || string.IsNullOrWhiteSpace(cols[0]))
            {
                continue;
            }

            int typeCol = Array.IndexOf(header, "type");
            string? type = typeCol >= 0 && typeCol < cols.Length ? cols[typeCol] : null;
            pairs.Add(new DevPair(lineNo, cols[0], cols[1].Split('|'), cols[2], type));
        }

        return pairs;
    }

    public static IEnumerable<string> ReadLines(string path)
    {
        using Stream file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    private static string? Str(JsonElement e, string property) =>
        e.TryGetProperty(property, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
