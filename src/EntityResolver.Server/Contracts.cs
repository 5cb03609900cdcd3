using System.Text.Json;
using System.Text.Json.Serialization;

namespace EntityResolver.Server;

// The wire shapes of the HTTP API. Request records are documentation for OpenAPI: bodies are read
// by RequestReader so that every bad field is reported by name.

/// <summary>Body of <c>POST /v1/resolve</c>.</summary>
/// <param name="Name">The name to resolve, in any supported script.</param>
/// <param name="Top">The most matches returned (1 to 1000, default 5).</param>
/// <param name="Threshold">The lowest score returned, 0 to 1 (default 0.5).</param>
/// <param name="Type">Only entities of this type, such as <c>person</c> or <c>organization</c>.</param>
/// <param name="Explain">Whether each match carries a token-by-token explanation.</param>
internal sealed record ResolveRequest(string Name, int? Top, double? Threshold, string? Type, bool? Explain);

/// <summary>Body of <c>POST /v1/resolve/batch</c>.</summary>
/// <param name="Names">The names, resolved in order.</param>
/// <param name="Top">The most matches per name (1 to 1000, default 5).</param>
/// <param name="Threshold">The lowest score returned, 0 to 1 (default 0.5).</param>
/// <param name="Type">Only entities of this type.</param>
/// <param name="Explain">Whether each match carries an explanation.</param>
internal sealed record BatchResolveRequest(IReadOnlyList<string> Names, int? Top, double? Threshold, string? Type, bool? Explain);

/// <summary>Body of <c>POST /v1/link</c>.</summary>
/// <param name="Text">The running text.</param>
internal sealed record LinkRequest(string Text);

/// <summary>One match, the same object as the command line writes.</summary>
internal sealed record MatchDto(string EntityId, string Name, string Type, double Score, string MatchedName, MatchExplanation? Explanation)
{
    public static MatchDto From(EntityMatch m) => new(m.EntityId, m.Name, m.Type, m.Score, m.MatchedName, m.Explanation);
}

/// <summary>The matches of one query, best first; empty when nothing passes the threshold.</summary>
internal sealed record ResolveResponse(string Query, IReadOnlyList<MatchDto> Matches);

/// <summary>The results of a batch, one per name, in order.</summary>
internal sealed record BatchResolveResponse(IReadOnlyList<ResolveResponse> Results);

/// <summary>A name of an entity in the registry format.</summary>
internal sealed record NameDto(string Text, string? Lang, string? Script, string? Kind);

/// <summary>A relation in the registry format.</summary>
internal sealed record RelationDto(string Type, string Target);

/// <summary>An entity in the registry file format (what <c>PUT /v1/entities/{id}</c> accepts).</summary>
internal sealed record EntityDto(string Id, string Type, IReadOnlyList<NameDto> Names, IReadOnlyDictionary<string, JsonElement>? Attributes, IReadOnlyList<RelationDto>? Relations)
{
    public static EntityDto From(Entity e) => new(
        e.Id,
        e.Type,
        [.. e.Names.Select(n => new NameDto(n.Text, n.Lang, n.Script, n.Kind))],
        e.Attributes.Count == 0 ? null : e.Attributes,
        e.Relations.Count == 0 ? null : [.. e.Relations.Select(r => new RelationDto(r.Type, r.Target))]);
}

/// <summary>A page of entities, or the entities matching a query.</summary>
internal sealed record EntityListResponse(string? Query, int Total, int Offset, int Limit, IReadOnlyList<EntityDto> Entities);

/// <summary>The body of <c>GET /health</c>.</summary>
internal sealed record HealthResponse(string Status, int Entities, int Names, long Version, string Model, string Store);

/// <summary>JSON settings shared by the endpoints and the store.</summary>
internal static class Json
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Compact options for the store (registry file format, nulls left out).</summary>
    public static JsonSerializerOptions Store { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
        {
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        }

        return options;
    }
}
