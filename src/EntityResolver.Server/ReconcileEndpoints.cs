using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace EntityResolver.Server;

/// <summary>A type as the reconciliation API writes it.</summary>
internal sealed record ReconcileType(string Id, string Name);

/// <summary>The <c>view</c> of a service manifest: a URL template with <c>{{id}}</c>.</summary>
internal sealed record ReconcileView(string Url);

/// <summary>The service manifest of the Reconciliation Service API 0.2.</summary>
internal sealed record ReconcileManifest(
    IReadOnlyList<string> Versions,
    string Name,
    string IdentifierSpace,
    string SchemaSpace,
    IReadOnlyList<ReconcileType> DefaultTypes,
    ReconcileView View,
    int BatchSize,
    string? ServiceVersion,
    string? Documentation);

/// <summary>A reconciliation candidate.</summary>
internal sealed record ReconcileCandidate(string Id, string Name, string? Description, double Score, bool Match, IReadOnlyList<ReconcileType> Type);

/// <summary>The candidates of one query, best first.</summary>
internal sealed record ReconcileResult(IReadOnlyList<ReconcileCandidate> Result);

/// <summary>
/// The W3C Reconciliation Service API, version 0.2 (what OpenRefine speaks) at <c>/reconcile</c>:
/// <c>GET</c> without parameters returns the manifest; a query batch comes as the <c>queries</c>
/// form field of a POST (<c>application/x-www-form-urlencoded</c>), the <c>queries</c> parameter
/// of a GET, or as a JSON body. Scores are the core's calibrated probabilities (0 to 1).
/// </summary>
internal static class ReconcileEndpoints
{
    public const string CorsPolicy = "reconcile";
    private const int DefaultLimit = 5;

    public static void Map(IEndpointRouteBuilder app)
    {
        RouteGroupBuilder group = app.MapGroup("/reconcile").RequireCors(CorsPolicy).WithTags("Reconciliation");
        group.MapGet("/", GetAsync)
            .WithName("ReconcileGet")
            .WithSummary("Without parameters: the service manifest. With ?queries=: a reconciliation query batch.")
            .Produces<ReconcileManifest>()
            .Produces<Dictionary<string, ReconcileResult>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapPost("/", PostAsync)
            .WithName("ReconcilePost")
            .WithSummary("A reconciliation query batch, as the form field 'queries' or a JSON body.")
            .Produces<Dictionary<string, ReconcileResult>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    internal static IResult GetAsync(HttpContext context, RegistryService registry, ServerOptions options, ServerMetrics metrics)
    {
        string? queries = context.Request.Query["queries"];
        if (queries is null)
        {
            return TypedResults.Ok(Manifest(context.Request, options));
        }

        if (Encoding.UTF8.GetByteCount(queries) > options.MaxBodyBytes)
        {
            throw ApiProblemException.TooLarge($"The query batch is larger than the limit of {options.MaxBodyBytes} bytes.", "queries");
        }

        using JsonDocument batch = RequestReader.ParseJson(Encoding.UTF8.GetBytes(queries), "queries");
        return TypedResults.Ok(Reconcile(batch.RootElement, registry.Current, options, metrics, context.RequestAborted));
    }

    internal static async Task<IResult> PostAsync(HttpContext context, RegistryService registry, ServerOptions options, ServerMetrics metrics)
    {
        HttpRequest request = context.Request;
        JsonDocument batch;
        if (request.HasFormContentType)
        {
            byte[] body = await RequestReader.ReadBodyAsync(request, options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
            Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form;
            using (var reader = new FormReader(Encoding.UTF8.GetString(body)))
            {
                form = reader.ReadForm();
            }

            if (!form.TryGetValue("queries", out var queries) || string.IsNullOrEmpty(queries))
            {
                throw ApiProblemException.BadField("queries", "the form field with the JSON query batch is missing.");
            }

            batch = RequestReader.ParseJson(Encoding.UTF8.GetBytes(queries.ToString()), "queries");
        }
        else if (request.HasJsonContentType())
        {
            batch = await RequestReader.ReadJsonAsync(request, options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            throw new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"Send the query batch as the form field 'queries' (application/x-www-form-urlencoded) or as application/json (was '{request.ContentType ?? "none"}').");
        }

        using (batch)
        {
            return TypedResults.Ok(Reconcile(batch.RootElement, registry.Current, options, metrics, context.RequestAborted));
        }
    }

    internal static ReconcileManifest Manifest(HttpRequest request, ServerOptions options)
    {
        string root = options.PublicBaseUrl is { } configured
            ? configured.AbsoluteUri.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
        string? version = typeof(ReconcileEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return new ReconcileManifest(
            ["0.2"],
            "EntityResolver",
            root + "/v1/entities/",
            root + "/reconcile/types/",
            [TypeOf(Entity.PersonType), TypeOf(Entity.OrganizationType)],
            new ReconcileView(root + "/v1/entities/{{id}}"),
            options.MaxBatchSize,
            version,
            null);
    }

    internal static Dictionary<string, ReconcileResult> Reconcile(JsonElement batch, RegistrySnapshot snapshot, ServerOptions options, ServerMetrics metrics, CancellationToken cancellationToken)
    {
        RequestReader.RequireObject(batch, "queries");
        int count = batch.EnumerateObject().Count();
        if (count > options.MaxBatchSize)
        {
            throw ApiProblemException.TooLarge($"The batch has {count} queries; the limit (batchSize in the manifest) is {options.MaxBatchSize}.", "queries");
        }

        // Read and check every query before resolving any.
        var parsed = new List<(string Key, string Text, string[] Types, int Limit)>(count);
        foreach (JsonProperty q in batch.EnumerateObject())
        {
            string field = "queries." + q.Name;
            JsonElement query = RequestReader.RequireObject(q.Value, field);
            if (!query.TryGetProperty("query", out JsonElement text))
            {
                throw ApiProblemException.BadField(field + ".query", "this service matches names: a query string is required.");
            }

            string name = RequestReader.CheckName(text, field + ".query", options.MaxNameLength);
            parsed.Add((q.Name, name, ReadTypes(query, field + ".type"), ReadLimit(query, field + ".limit")));
        }

        var results = new Dictionary<string, ReconcileResult>(parsed.Count, StringComparer.Ordinal);
        foreach (var (key, text, types, limit) in parsed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results[key] = new ReconcileResult(Candidates(snapshot.Resolver, text, types, limit, options));
        }

        metrics.RecordNames(parsed.Count);
        return results;
    }

    private static List<ReconcileCandidate> Candidates(NameResolver resolver, string text, string[] types, int limit, ServerOptions options)
    {
        IEnumerable<EntityMatch> matches = types.Length == 0
            ? resolver.Resolve(text, new ResolveOptions { Top = limit, Threshold = options.ReconcileCandidateThreshold })
            : types.SelectMany(t => resolver.Resolve(text, new ResolveOptions { Top = limit, Threshold = options.ReconcileCandidateThreshold, EntityType = t }));
        var ranked = matches
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.EntityId, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        var candidates = new List<ReconcileCandidate>(ranked.Count);
        for (int i = 0; i < ranked.Count; i++)
        {
            EntityMatch m = ranked[i];
            bool match = i == 0 && m.Score >= options.ReconcileMatchThreshold && (ranked.Count == 1 || ranked[1].Score < options.ReconcileMatchThreshold);
            string? description = m.Entity.Attributes.TryGetValue("description", out JsonElement d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            candidates.Add(new ReconcileCandidate(m.EntityId, m.Name, description, m.Score, match, [TypeOf(m.Type)]));
        }

        return candidates;
    }

    private static string[] ReadTypes(JsonElement query, string field)
    {
        if (!query.TryGetProperty("type", out JsonElement type) || type.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (type.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(type.GetString()))
        {
            return [type.GetString()!];
        }

        if (type.ValueKind == JsonValueKind.Array && type.EnumerateArray().All(t => t.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(t.GetString())))
        {
            return [.. type.EnumerateArray().Select(t => t.GetString()!).Distinct(StringComparer.Ordinal)];
        }

        throw ApiProblemException.BadField(field, $"expected a type id or an array of type ids, got {RequestReader.Describe(type)}.");
    }

    private static int ReadLimit(JsonElement query, string field)
    {
        if (!query.TryGetProperty("limit", out JsonElement limit) || limit.ValueKind == JsonValueKind.Null)
        {
            return DefaultLimit;
        }

        if (limit.ValueKind != JsonValueKind.Number || !limit.TryGetInt32(out int value) || value < 1)
        {
            throw ApiProblemException.BadField(field, $"expected a positive integer, got {(limit.ValueKind == JsonValueKind.Number ? limit.GetRawText() : RequestReader.Describe(limit))}.");
        }

        return Math.Min(value, 1000);
    }

    private static ReconcileType TypeOf(string type) => new(type, type.Length == 0 ? type : char.ToUpperInvariant(type[0]) + type[1..]);
}
