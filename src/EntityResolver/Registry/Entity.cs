using System.Text.Json;

namespace EntityResolver;

/// <summary>One name of an entity, in one script or language.</summary>
public sealed class EntityName
{
    /// <summary>Creates a name.</summary>
    /// <param name="text">The name as written; must contain a letter or digit.</param>
    /// <param name="lang">Optional language code (BCP 47, such as "ar", "ur", "hi").</param>
    /// <param name="script">Optional script code (ISO 15924, such as "Arab", "Deva").</param>
    /// <param name="kind">Optional kind ("primary", "alias", "original_script", "acronym", ...); <see cref="WeakAliasKind"/> marks a weak alias.</param>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty or white space.</exception>
    public EntityName(string text, string? lang = null, string? script = null, string? kind = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Text = text;
        Lang = lang;
        Script = script;
        Kind = kind;
    }

    /// <summary>The name as written.</summary>
    public string Text { get; }

    /// <summary>The language code, if known.</summary>
    public string? Lang { get; }

    /// <summary>The script code, if known.</summary>
    public string? Script { get; }

    /// <summary>The kind of name, if given.</summary>
    public string? Kind { get; }

    /// <summary>
    /// The <see cref="Kind"/> of a weak alias: a name too unspecific to identify the entity alone
    /// (a nickname, a common name, a short form: the "low quality" aliases of the UN sanctions
    /// lists, OFAC's weak AKAs, OpenSanctions' <c>weakAlias</c>). A match through a weak alias
    /// scores half what it would through any other name, so that alone it stays under the
    /// default threshold (0.5) unless it is perfect.
    /// </summary>
    public const string WeakAliasKind = "weak_alias";

    /// <summary>Whether this name is a weak alias (its <see cref="Kind"/> is <see cref="WeakAliasKind"/>).</summary>
    public bool IsWeakAlias => string.Equals(Kind, WeakAliasKind, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => Text;
}

/// <summary>A typed relation from one entity to another, such as <c>parent_of</c>.</summary>
/// <param name="Type">The relation type (<c>parent_of</c>, <c>child_of</c>, <c>member_of</c>, ...).</param>
/// <param name="Target">The id of the related entity.</param>
public sealed record EntityRelation(string Type, string Target);

/// <summary>
/// A canonical person, organization or other entity with its names in several scripts, free-form
/// attributes and relations. Immutable.
/// </summary>
public sealed class Entity
{
    /// <summary>The type string of a person.</summary>
    public const string PersonType = "person";

    /// <summary>The type string of an organization.</summary>
    public const string OrganizationType = "organization";

    private static readonly IReadOnlyDictionary<string, JsonElement> NoAttributes = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>Creates an entity.</summary>
    /// <param name="id">A unique, non-empty id (such as <c>person:omar-farouk</c>).</param>
    /// <param name="type"><see cref="PersonType"/>, <see cref="OrganizationType"/> or any other type string.</param>
    /// <param name="names">At least one name; the first is the canonical display name.</param>
    /// <param name="attributes">Optional attributes (JSON values), such as <c>titles</c> or <c>country</c>.</param>
    /// <param name="relations">Optional relations to other entities.</param>
    /// <exception cref="ArgumentException">The id is empty or there is no name.</exception>
    public Entity(string id, string type, IEnumerable<EntityName> names, IReadOnlyDictionary<string, JsonElement>? attributes = null, IEnumerable<EntityRelation>? relations = null)
        : this(id, type, [.. names ?? throw new ArgumentNullException(nameof(names))], attributes is null ? null : new Dictionary<string, JsonElement>(attributes, StringComparer.Ordinal), relations is null ? [] : [.. relations])
    {
    }

    private Entity(string id, string type, EntityName[] names, Dictionary<string, JsonElement>? attributes, EntityRelation[] relations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        if (names.Length == 0)
        {
            throw new ArgumentException($"Entity '{id}' needs at least one name.", nameof(names));
        }

        Id = id;
        Type = type;
        Names = names;
        Attributes = attributes ?? NoAttributes;
        Relations = relations;
    }

    /// <summary>An entity that keeps the arrays and the dictionary it is given, made for it alone (a snapshot's): nothing is copied.</summary>
    internal static Entity Own(string id, string type, EntityName[] names, Dictionary<string, JsonElement>? attributes, EntityRelation[] relations) =>
        new(id, type, names, attributes, relations);

    /// <summary>The unique id.</summary>
    public string Id { get; }

    /// <summary>The type: <c>person</c>, <c>organization</c> or another string.</summary>
    public string Type { get; }

    /// <summary>The names; the first is the canonical display name.</summary>
    public IReadOnlyList<EntityName> Names { get; }

    /// <summary>The canonical display name (the first name).</summary>
    public string Name => Names[0].Text;

    /// <summary>Free-form attributes.</summary>
    public IReadOnlyDictionary<string, JsonElement> Attributes { get; }

    /// <summary>Relations to other entities.</summary>
    public IReadOnlyList<EntityRelation> Relations { get; }

    /// <summary>Whether this entity is a person.</summary>
    public bool IsPerson => string.Equals(Type, PersonType, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({Name})";
}
