using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
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
    private readonly Dictionary<string, int> _byId; // never written after construction: safe for concurrent readers
    private readonly ulong[] _rankClasses;
    private readonly bool[] _isPerson;

    /// <summary>Per alias, whether it is a weak alias (<see cref="EntityName.IsWeakAlias"/>); null when the registry has none.</summary>
    private readonly bool[]? _weakAliases;

    private EntityRegistry(Entity[] entities)
    {
        _entities = entities;
        (_byId, _rankClasses, _isPerson) = EntityTables.Of(entities);

        // Analysis is the costly step (romanization, phonetic forms): run it on all cores over
        // ranges of entities, sharing one token-forms cache. Tokens are immutable records: equal
        // ones (the same word written the same way in many names) share one object, which is
        // most of the memory of a large registry.
        var cache = new ConcurrentDictionary<string, TokenForms>(StringComparer.Ordinal);
        var tokenTable = new ConcurrentDictionary<NameToken, NameToken>();
        var analyzedByEntity = new AnalyzedAlias[entities.Length][];
        var ranges = Partitioner.Create(0, Math.Max(entities.Length, 1), Math.Max(256, entities.Length / (Environment.ProcessorCount * 8)));
        Parallel.ForEach(ranges, range =>
        {
            var analyzer = new NameAnalyzer(cache);
            var list = new List<AnalyzedAlias>(4);
            for (int e = range.Item1; e < range.Item2 && e < entities.Length; e++)
            {
                Entity entity = entities[e];
                list.Clear();
                for (int n = 0; n < entity.Names.Count; n++)
                {
                    AnalyzedName name = analyzer.AnalyzeAlias(entity.Names[n].Text, entity.IsPerson);
                    if (!name.IsEmpty)
                    {
                        NameToken[] tokens = name.Tokens;
                        for (int t = 0; t < tokens.Length; t++)
                        {
                            tokens[t] = tokenTable.GetOrAdd(tokens[t], tokens[t]);
                        }

                        string? acronym = entity.IsPerson ? null : AcronymOf(name);
                        list.Add(new AnalyzedAlias(n, name, acronym, AcronymWordOf(acronym, analyzer)));
                    }
                }

                analyzedByEntity[e] = [.. list];
            }
        });

        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var perEntity = new HashSet<string>(StringComparer.Ordinal);
        foreach (AnalyzedAlias[] names in analyzedByEntity)
        {
            perEntity.Clear();
            foreach (AnalyzedAlias alias in names)
            {
                foreach (NameToken t in alias.Name.Tokens)
                {
                    if (t.Role == TokenRole.Name && t.Forms.Skeleton.Length > 0)
                    {
                        perEntity.Add(t.Forms.Skeleton);
                    }
                }

                // The acronym said as a word counts as the name the registry could have listed.
                if (alias.AcronymWord is { Forms.Skeleton.Length: > 0 } said)
                {
                    perEntity.Add(said.Forms.Skeleton);
                }
            }

            foreach (string skeleton in perEntity)
            {
                ref int count = ref CollectionsMarshal.GetValueRefOrAddDefault(df, skeleton, out _);
                count++;
            }
        }

        Statistics = new TokenStatistics(df.ToFrozenDictionary(StringComparer.Ordinal), entities.Length);
        // The alias records, in entity order: each entity's first alias index, then on all cores.
        var firstAlias = new int[analyzedByEntity.Length + 1];
        for (int e = 0; e < analyzedByEntity.Length; e++)
        {
            firstAlias[e + 1] = firstAlias[e] + analyzedByEntity[e].Length;
        }

        var aliases = new AliasRecord[firstAlias[^1]];

        Parallel.ForEach(ranges, range =>
        {
            for (int e = range.Item1; e < range.Item2 && e < analyzedByEntity.Length; e++)
            {
                int i = firstAlias[e];
                foreach (var (n, name, acronym, acronymWord) in analyzedByEntity[e])
                {
                    var weights = new float[name.Tokens.Length];
                    for (int t = 0; t < weights.Length; t++)
                    {
                        weights[t] = Statistics.Weight(name.Tokens[t]);
                    }

                    AliasRecord? said = acronymWord is null ? null : AliasRecord.SaidAcronymName(e, n, acronymWord, Statistics.Weight(acronymWord));
                    aliases[i++] = new AliasRecord(e, n, name, weights, acronym, said);
                }
            }
        });

        Aliases = aliases;
        _weakAliases = WeakAliases(entities, aliases);
        Index = CandidateIndex.Build(aliases);
    }

    /// <summary>A registry read from a snapshot: nothing is analyzed again; its aliases are walked for weak ones only when the reader met one (<paramref name="weakAliases"/>).</summary>
    private EntityRegistry(Entity[] entities, EntityTables tables, AliasRecord[] aliases, TokenStatistics statistics, CandidateIndex index, bool weakAliases)
    {
        _entities = entities;
        (_byId, _rankClasses, _isPerson) = tables;
        Aliases = aliases;
        _weakAliases = weakAliases ? WeakAliases(entities, aliases) : null;
        Statistics = statistics;
        Index = index;
    }

    /// <summary>Per alias, whether its name is a weak alias; null when none is.</summary>
    private static bool[]? WeakAliases(Entity[] entities, AliasRecord[] aliases)
    {
        bool[]? weak = null;
        for (int a = 0; a < aliases.Length; a++)
        {
            if (entities[aliases[a].EntityIndex].Names[aliases[a].NameIndex].IsWeakAlias)
            {
                (weak ??= new bool[aliases.Length])[a] = true;
            }
        }

        return weak;
    }

    /// <summary>
    /// What a registry keeps of its entities besides the entities: their indexes by id, and, in
    /// flat arrays, what scoring reads of them (an entity object and its type string are two cache
    /// misses per candidate in a large registry). A snapshot load makes these while it reads on.
    /// </summary>
    internal sealed record EntityTables(Dictionary<string, int> ById, ulong[] RankClasses, bool[] IsPerson)
    {
        /// <exception cref="ArgumentException">Two entities have one id.</exception>
        public static EntityTables Of(Entity[] entities)
        {
            var classes = new ulong[entities.Length];
            var persons = new bool[entities.Length];
            for (int e = 0; e < entities.Length; e++)
            {
                classes[e] = RankClassesOf(entities[e]);
                persons[e] = entities[e].IsPerson;
            }

            return new EntityTables(IndexIds(entities), classes, persons);
        }
    }

    private readonly record struct AnalyzedAlias(int NameIndex, AnalyzedName Name, string? Acronym, NameToken? AcronymWord);

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

    /// <summary>The index of the entity with this id, or -1.</summary>
    internal int IndexOf(string id) => _byId.TryGetValue(id, out int index) ? index : -1;

    /// <summary>The rank classes of an entity's <c>titles</c> attribute (a bit set; see Data/lexicon/ranks.tsv).</summary>
    internal ulong RankClassesAt(int index) => _rankClasses[index];

    /// <summary>Whether the entity at this index is a person.</summary>
    internal bool IsPersonAt(int index) => _isPerson[index];

    /// <summary>Whether the alias at this index is a weak alias (<see cref="EntityName.WeakAliasKind"/>).</summary>
    internal bool IsWeakAlias(int alias) => _weakAliases is { } weak && weak[alias];

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

    /// <summary>
    /// Loads a registry from a file: a snapshot written by <see cref="SaveSnapshot(Stream)"/>
    /// (recognized by its magic bytes; loads without analyzing any name again), otherwise JSON
    /// Lines (UTF-8, one entity per line).
    /// </summary>
    /// <exception cref="RegistryLoadException">The file has problems (each is listed with line and field, or the snapshot is damaged or of another version); nothing is loaded.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static EntityRegistry Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Load(file, path);
    }

    /// <summary>
    /// Loads a registry from a stream of JSON Lines, or of a snapshot when the stream starts with
    /// the snapshot's magic bytes. The stream need not be seekable (a pipe, standard input).
    /// </summary>
    /// <param name="stream">UTF-8 JSON Lines, or a snapshot.</param>
    /// <param name="sourceName">The name used in error messages (a file name, a URL).</param>
    /// <exception cref="RegistryLoadException">The stream has problems; nothing is loaded.</exception>
    public static EntityRegistry Load(Stream stream, string sourceName = "<stream>")
    {
        ArgumentNullException.ThrowIfNull(stream);
        Stream input = PrefixedStream.Sniff(stream, out bool snapshot);
        return snapshot ? RegistrySnapshot.Read(input, sourceName) : new EntityRegistry([.. RegistryReader.ReadStream(input, sourceName)]);
    }

    /// <summary>
    /// Writes this registry as a snapshot: a versioned binary file holding the entities, their
    /// analyzed names and the candidate index, which <see cref="Load(string)"/> reads back much
    /// faster than it builds a registry from JSON Lines (see docs/benchmarks.md for the format).
    /// </summary>
    /// <param name="stream">A writable stream; left open.</param>
    /// <example>
    /// <code>
    /// var registry = EntityRegistry.Load("sanctions.jsonl");
    /// using (var file = File.Create("sanctions.idx")) registry.SaveSnapshot(file);
    /// var again = EntityRegistry.Load("sanctions.idx"); // no analysis, no index build
    /// </code>
    /// </example>
    public void SaveSnapshot(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        RegistrySnapshot.Write(this, stream);
    }

    /// <summary>Creates a registry from parts read from a snapshot (<paramref name="weakAliases"/>: some name is a weak alias).</summary>
    internal static EntityRegistry FromSnapshot(Entity[] entities, EntityTables tables, AliasRecord[] aliases, TokenStatistics statistics, CandidateIndex index, bool weakAliases) =>
        new(entities, tables, aliases, statistics, index, weakAliases);

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

    /// <summary>Ids to positions. A plain dictionary: freezing a million ids costs more than it saves.</summary>
    private static Dictionary<string, int> IndexIds(Entity[] entities)
    {
        var byId = new Dictionary<string, int>(entities.Length, StringComparer.Ordinal);
        for (int i = 0; i < entities.Length; i++)
        {
            if (!byId.TryAdd(entities[i].Id, i))
            {
                throw new ArgumentException($"Duplicate entity id '{entities[i].Id}': ids must be unique.", nameof(entities));
            }
        }

        return byId;
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

    /// <summary>
    /// An organization's acronym read as a word (<see cref="AliasRecord.SaidAcronym"/>), when it
    /// can be said as one: four letters or more, two vowels or more, two consonants together only
    /// between vowels (the sc of UNESCO) or at the start as s and a consonant or a consonant and l
    /// or r (SWAPO, FRELIMO), never three vowels in a row (NATO, OPEC, ASEAN; not IMF or UNHCR,
    /// read letter by letter, nor AAMC, NCAE or AUEB, which cannot be said). A
    /// shorter one, even with two vowels, would meet short names as a word (ECO: Eko); one read
    /// letter by letter that passes adds a key and a one-word name that text seldom writes.
    /// </summary>
    internal static NameToken? AcronymWordOf(string? acronym, NameAnalyzer analyzer)
    {
        if (acronym is null || acronym.Length < 4)
        {
            return null;
        }

        int vowels = 0;
        for (int i = 0; i < acronym.Length; i++)
        {
            char c = acronym[i];
            char next = i + 1 < acronym.Length ? acronym[i + 1] : '\0';
            if (Phonetics.IsVowel(c))
            {
                vowels++;
                if (Phonetics.IsVowel(next) && i + 2 < acronym.Length && Phonetics.IsVowel(acronym[i + 2]))
                {
                    return null;
                }
            }
            else if (next != '\0' && !Phonetics.IsVowel(next))
            {
                bool onset = i == 0 && (c == 's' || next is 'l' or 'r');
                bool between = i > 0 && Phonetics.IsVowel(acronym[i - 1]) && i + 2 < acronym.Length && Phonetics.IsVowel(acronym[i + 2]);
                if (!onset && !between)
                {
                    return null;
                }
            }
        }

        return vowels >= 2 ? AliasRecord.SaidAcronymWord(analyzer.Forms(acronym)) : null;
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
