using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EntityResolver.Registry;

/// <summary>
/// Reads the JSON Lines registry format: one entity per line,
/// <c>{"id", "type"?, "names": [string | {"text", "lang"?, "script"?, "kind"?}], "attributes"?, "relations"?}</c>.
/// Blank lines and lines starting with <c>//</c> are skipped. Every problem is collected with
/// its line and field; if there is any, nothing is returned.
/// </summary>
internal static class RegistryReader
{
    private const int MaxProblems = 100;

    public static List<Entity> Read(TextReader reader, string source)
    {
        var entities = new List<Entity>();
        var problems = new List<RegistryProblem>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            Entity? entity = ParseLine(line, source, lineNumber, problems);
            if (entity is not null)
            {
                if (seen.TryGetValue(entity.Id, out int firstLine))
                {
                    problems.Add(new RegistryProblem(source, lineNumber, "id", $"duplicate id '{entity.Id}' (first defined on line {firstLine})"));
                }
                else
                {
                    seen[entity.Id] = lineNumber;
                    entities.Add(entity);
                }
            }

            if (problems.Count >= MaxProblems)
            {
                break;
            }
        }

        if (problems.Count > 0)
        {
            throw new RegistryLoadException(problems);
        }

        return entities;
    }

    /// <summary>
    /// What is wrong with one line of JSON, and where in it: the parser's message without its
    /// own position, which counts lines from 0 inside the line (the caller names the file's line),
    /// then the byte of the line it stopped at, counted from 1.
    /// </summary>
    internal static string JsonProblem(JsonException ex)
    {
        string message = ex.Message;
        int position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (position >= 0)
        {
            message = message[..position].TrimEnd();
        }

        return ex.BytePositionInLine is long column
            ? string.Create(CultureInfo.InvariantCulture, $"{message.TrimEnd('.')} (byte {column + 1} of the line).")
            : message;
    }

    /// <summary>Parses one entity from a JSON object (also used by the HTTP API).</summary>
    internal static Entity? ParseLine(string line, string source, int lineNumber, List<RegistryProblem> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            problems.Add(new RegistryProblem(source, lineNumber, null, "invalid JSON: " + JsonProblem(ex)));
            return null;
        }

        using (document)
        {
            return ParseEntity(document.RootElement, source, lineNumber, problems);
        }
    }

    internal static Entity? ParseEntity(JsonElement root, string source, int lineNumber, List<RegistryProblem> problems)
    {
        int before = problems.Count;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new RegistryProblem(source, lineNumber, null, "expected a JSON object, one entity per line"));
            return null;
        }

        string? id = null;
        if (!root.TryGetProperty("id", out JsonElement idElement))
        {
            problems.Add(new RegistryProblem(source, lineNumber, "id", "required field is missing"));
        }
        else if (idElement.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(idElement.GetString()))
        {
            problems.Add(new RegistryProblem(source, lineNumber, "id", "must be a non-empty string"));
        }
        else
        {
            id = idElement.GetString();
        }

        string type = Entity.PersonType;
        if (root.TryGetProperty("type", out JsonElement typeElement))
        {
            if (typeElement.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(typeElement.GetString()))
            {
                problems.Add(new RegistryProblem(source, lineNumber, "type", "must be a non-empty string such as \"person\" or \"organization\""));
            }
            else
            {
                type = typeElement.GetString()!;
            }
        }

        var names = new List<EntityName>();
        if (!root.TryGetProperty("names", out JsonElement namesElement))
        {
            problems.Add(new RegistryProblem(source, lineNumber, "names", "required field is missing"));
        }
        else if (namesElement.ValueKind != JsonValueKind.Array || namesElement.GetArrayLength() == 0)
        {
            problems.Add(new RegistryProblem(source, lineNumber, "names", "must be a non-empty array of strings or {\"text\": ...} objects"));
        }
        else
        {
            int index = 0;
            foreach (JsonElement n in namesElement.EnumerateArray())
            {
                string field = $"names[{index}]";
                if (n.ValueKind == JsonValueKind.String)
                {
                    AddName(n.GetString(), null, null, null, field, source, lineNumber, names, problems);
                }
                else if (n.ValueKind == JsonValueKind.Object)
                {
                    if (!n.TryGetProperty("text", out JsonElement text) || text.ValueKind != JsonValueKind.String)
                    {
                        problems.Add(new RegistryProblem(source, lineNumber, field + ".text", "required string is missing"));
                    }
                    else
                    {
                        AddName(text.GetString(), OptionalString(n, "lang"), OptionalString(n, "script"), OptionalString(n, "kind"), field + ".text", source, lineNumber, names, problems);
                    }
                }
                else
                {
                    problems.Add(new RegistryProblem(source, lineNumber, field, "must be a string or an object with \"text\""));
                }

                index++;
            }
        }

        var attributes = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.TryGetProperty("attributes", out JsonElement attrs))
        {
            if (attrs.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new RegistryProblem(source, lineNumber, "attributes", "must be an object"));
            }
            else
            {
                foreach (JsonProperty p in attrs.EnumerateObject())
                {
                    attributes[p.Name] = p.Value.Clone();
                }
            }
        }

        // Other top-level fields (description, ...) are kept as attributes too.
        foreach (JsonProperty p in root.EnumerateObject())
        {
            if (p.Name is not ("id" or "type" or "names" or "attributes" or "relations"))
            {
                attributes.TryAdd(p.Name, p.Value.Clone());
            }
        }

        var relations = new List<EntityRelation>();
        if (root.TryGetProperty("relations", out JsonElement rels))
        {
            if (rels.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new RegistryProblem(source, lineNumber, "relations", "must be an array of {\"type\", \"target\"} objects"));
            }
            else
            {
                int index = 0;
                foreach (JsonElement r in rels.EnumerateArray())
                {
                    string? relType = r.ValueKind == JsonValueKind.Object ? OptionalString(r, "type") : null;
                    string? target = r.ValueKind == JsonValueKind.Object ? OptionalString(r, "target") : null;
                    if (string.IsNullOrWhiteSpace(relType) || string.IsNullOrWhiteSpace(target))
                    {
                        problems.Add(new RegistryProblem(source, lineNumber, $"relations[{index}]", "needs string fields \"type\" and \"target\""));
                    }
                    else
                    {
                        relations.Add(new EntityRelation(relType, target));
                    }

                    index++;
                }
            }
        }

        if (problems.Count > before || id is null)
        {
            return null;
        }

        return new Entity(id, type, names, attributes, relations);
    }

    private static void AddName(string? text, string? lang, string? script, string? kind, string field, string source, int line, List<EntityName> names, List<RegistryProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new RegistryProblem(source, line, field, "a name must not be empty"));
            return;
        }

        names.Add(new EntityName(text, lang, script, kind));
    }

    private static string? OptionalString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out JsonElement e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;

    /// <summary>Reads a file, UTF-8 (a BOM is accepted). Invalid UTF-8 is reported with its line.</summary>
    public static List<Entity> ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadStream(stream, path);
    }

    public static List<Entity> ReadStream(Stream stream, string source)
    {
        using var reader = new Utf8LineReader(stream);
        try
        {
            return Read(reader, source);
        }
        catch (DecoderFallbackException ex)
        {
            throw new RegistryLoadException([new RegistryProblem(source, reader.LineNumber, null, "invalid UTF-8: " + ex.Message)]);
        }
    }
}
