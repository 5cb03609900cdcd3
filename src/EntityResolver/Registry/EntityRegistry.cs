using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using EntityResolver.Indexing;
using EntityResolver.Registry;
using EntityResolver.Text;

namespace EntityResolver;

/// <summary>
/// An immutable, thread-safe registry of canonical entities, with its names analyzed and indexed
/// for resolution. Build one with <see cref="Create"/>, <see cref="Load(string)"/> or
/// <see cref="EntityRegistryBuilder"/>; "updates" (<see cref="WithEntity"/>, <see cref="WithoutEntity"/>)
/// return a new registry and leave this one untouched, so readers never see half an update.
/// </summary>
public sealed class EntityRegistry
{
    private static readonly Lazy<EntityRegistry> DefaultRegistry = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Entity[] _entities;
    private readonly FrozenDictionary<string, int> _byId;
    private readonly ulong[] _rankClasses;

    private EntityRegistry(Entity[] entities)
    {
        _entities = entities;
        var byId = new Dictionary<string, int>(entities.Length, StringComparer.Ordinal);
        for (int i = 0; i < entities.Length; i++)
        {
            if (!byId.TryAdd(entities[i].Id, i))
            {
                throw new ArgumentException($"Duplicate entity id '{entities[i].Id}': ids must be unique.", nameof(entities));
            }
        }

        _byId = byId.ToFrozenDictionary(StringComparer.Ordinal);

        var cache = new ConcurrentDictionary<string, TokenForms>(StringComparer.Ordinal);
        var analyzer = new NameAnalyzer(cache);
        var analyzed = new List<(int Entity, int Name, AnalyzedName Analyzed, string? Acronym)>();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var perEntity = new HashSet<string>(StringComparer.Ordinal);
        for (int e = 0; e < entities.Length; e++)
        {
            Entity entity = entities[e];
            perEntity.Clear();
            for (int n = 0; n < entity.Names.Count; n++)
            {
                AnalyzedName name = analyzer.AnalyzeAlias(entity.Names[n].Text, entity.IsPerson);
                if (name.IsEmpty)
                {
                    continue;
                }

                string? acronym = entity.IsPerson ? null : AcronymOf(name);
                analyzed.Add((e, n, name, acronym));
                foreach (NameToken t in name.Tokens)
                {
                    if (t.Role == TokenRole.Name && t.Forms.Skeleton.Length > 0)
                    {
                        perEntity.Add(t.Forms.Skeleton);
                    }
                }
            }

            foreach (string skeleton in perEntity)
            {
                df[skeleton] = df.TryGetValue(skeleton, out int c) ? c + 1 : 1;
            }
        }

        Statistics = new TokenStatistics(df.ToFrozenDictionary(StringComparer.Ordinal), entities.Length);
        var aliases = new AliasRecord[analyzed.Count];
        for (int i = 0; i < analyzed.Count; i++)
        {
            var (e, n, name, acronym) = analyzed[i];
            var weights = new float[name.Tokens.Length];
            for (int t = 0; t < weights.Length; t++)
            {
                weights[t] = Statistics.Weight(name.Tokens[t]);
            }

            aliases[i] = new AliasRecord(e, n, name, weights, acronym);
        }

        Aliases = aliases;
        Index = CandidateIndex.Build(aliases);
        _rankClasses = new ulong[entities.Length];
        for (int e = 0; e < entities.Length; e++)
        {
            _rankClasses[e] = RankClassesOf(entities[e]);
        }
    }

    /// <summary>
    /// The embedded default registry: the people and organizations of the seed case (Libyan and
    /// Pakistani officials and institutions), so that the library and tools work out of the box.
    /// </summary>
    public static EntityRegistry Default => DefaultRegistry.Value;

    /// <summary>The number of entities.</summary>
    public int Count => _entities.Length;

    /// <summary>The number of analyzed names (aliases) across all entities.</summary>
    public int NameCount => Aliases.Length;

    /// <summary>The entities, in the order they were added.</summary>
    public IReadOnlyList<Entity> Entities => _entities;

    internal AliasRecord[] Aliases { get; }

    internal CandidateIndex Index { get; }

    internal TokenStatistics Statistics { get; }

    internal Entity EntityAt(int index) => _entities[index];

    /// <summary>The rank classes of an entity's <c>titles</c> attribute (a bit set; see Data/lexicon/ranks.tsv).</summary>
    internal ulong RankClassesAt(int index) => _rankClasses[index];

    private static ulong RankClassesOf(Entity entity)
    {
        if (!entity.Attributes.TryGetValue("titles", out System.Text.Json.JsonElement titles))
        {
            return 0;
        }

        ulong classes = 0;
        if (titles.ValueKind == System.Text.Json.JsonValueKind.String)
        {
            classes |= Lexicon.Default.RankClasses(titles.GetString()!);
        }
        else if (titles.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            foreach (System.Text.Json.JsonElement t in titles.EnumerateArray())
            {
                if (t.ValueKind == System.Text.Json.JsonValueKind.String)
                {
                    classes |= Lexicon.Default.RankClasses(t.GetString()!);
                }
            }
        }

        return classes;
    }

    /// <summary>Creates a registry from entities.</summary>
    /// <exception cref="ArgumentException">Two entities share an id.</exception>
    public static EntityRegistry Create(IEnumerable<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        return new EntityRegistry([.. entities]);
    }

    /// <summary>Loads a registry from a JSON Lines file (UTF-8, one entity per line).</summary>
    /// <exception cref="RegistryLoadException">The file has problems; each is listed with line and field, and nothing is loaded.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static EntityRegistry Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new EntityRegistry([.. RegistryReader.ReadFile(path)]);
    }

    /// <summary>Loads a registry from a JSON Lines stream.</summary>
    /// <param name="stream">UTF-8 JSON Lines.</param>
    /// <param name="sourceName">The name used in error messages (a file name, a URL).</param>
    /// <exception cref="RegistryLoadException">The stream has problems; nothing is loaded.</exception>
    public static EntityRegistry Load(Stream stream, string sourceName = "<stream>")
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new EntityRegistry([.. RegistryReader.ReadStream(stream, sourceName)]);
    }

    /// <summary>Finds an entity by id.</summary>
    public bool TryGetEntity(string id, [NotNullWhen(true)] out Entity? entity)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_byId.TryGetValue(id, out int index))
        {
            entity = _entities[index];
            return true;
        }

        entity = null;
        return false;
    }

    /// <summary>A new registry with <paramref name="entity"/> added, or replacing the entity with the same id.</summary>
    public EntityRegistry WithEntity(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var list = new List<Entity>(_entities.Length + 1);
        bool replaced = false;
        foreach (Entity e in _entities)
        {
            if (string.Equals(e.Id, entity.Id, StringComparison.Ordinal))
            {
                list.Add(entity);
                replaced = true;
            }
            else
            {
                list.Add(e);
            }
        }

        if (!replaced)
        {
            list.Add(entity);
        }

        return new EntityRegistry([.. list]);
    }

    /// <summary>A new registry without the entity <paramref name="id"/> (this registry when there is none).</summary>
    public EntityRegistry WithoutEntity(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.ContainsKey(id) ? new EntityRegistry([.. _entities.Where(e => !string.Equals(e.Id, id, StringComparison.Ordinal))]) : this;
    }

    private static string? AcronymOf(AnalyzedName name)
    {
        if (name.IsAcronym || name.NameTokenCount < 2)
        {
            return null;
        }

        Span<char> letters = stackalloc char[name.Tokens.Length];
        int n = 0;
        foreach (NameToken t in name.Tokens)
        {
            if (t.Role != TokenRole.Name || t.Forms.Script != Script.Latin || t.Forms.Latin.Length == 0)
            {
                if (t.Role == TokenRole.Name)
                {
                    return null;
                }

                continue;
            }

            letters[n++] = t.Forms.Latin[0];
        }

        return n >= 2 ? new string(letters[..n]) : null;
    }

    private static EntityRegistry LoadDefault()
    {
        using Stream stream = ResourceData.Open("registry/default.jsonl");
        return Load(stream, "embedded default registry");
    }
}

/// <summary>Collects entities and builds an immutable <see cref="EntityRegistry"/>.</summary>
public sealed class EntityRegistryBuilder
{
    private readonly List<Entity> _entities = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    /// <summary>The number of entities added so far.</summary>
    public int Count => _entities.Count;

    /// <summary>Adds an entity.</summary>
    /// <exception cref="ArgumentException">An entity with the same id was already added.</exception>
    public EntityRegistryBuilder Add(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (!_ids.Add(entity.Id))
        {
            throw new ArgumentException($"An entity with id '{entity.Id}' was already added.", nameof(entity));
        }

        _entities.Add(entity);
        return this;
    }

    /// <summary>Adds a person with its names (the first is the display name).</summary>
    public EntityRegistryBuilder AddPerson(string id, params string[] names) => Add(new Entity(id, Entity.PersonType, names.Select(n => new EntityName(n))));

    /// <summary>Adds an organization with its names (the first is the display name).</summary>
    public EntityRegistryBuilder AddOrganization(string id, params string[] names) => Add(new Entity(id, Entity.OrganizationType, names.Select(n => new EntityName(n))));

    /// <summary>Analyzes and indexes the entities and returns the immutable registry.</summary>
    public EntityRegistry Build() => EntityRegistry.Create(_entities);
}
