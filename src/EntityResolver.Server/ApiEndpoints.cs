using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EntityResolver.Registry;

namespace EntityResolver.Server;

/// <summary>The <c>/v1</c> endpoints, <c>/health</c> and <c>/metrics</c>: HTTP mapping only, every decision is the core's.</summary>
internal static class ApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        RouteGroupBuilder v1 = app.MapGroup("/v1");

        v1.MapPost("/resolve", ResolveAsync)
            .WithName("Resolve")
            .WithSummary("Resolves one name to ranked registry entities.")
            .Accepts<ResolveRequest>("application/json")
            .Produces<ResolveResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        v1.MapPost("/resolve/batch", ResolveBatchAsync)
            .WithName("ResolveBatch")
            .WithSummary("Resolves many names, one result per name in input order.")
            .Accepts<BatchResolveRequest>("application/json")
            .Produces<BatchResolveResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        v1.MapGet("/entities", ListEntities)
            .WithName("ListEntities")
            .WithSummary("Lists entities (offset, limit) or, with query, the entities whose names match it, best first.")
            .Produces<EntityListResponse>()
            .ProducesValidationProblem();

        v1.MapGet("/entities/{id}", GetEntity)
            .WithName("GetEntity")
            .WithSummary("Reads one entity in the registry file format.")
            .Produces<EntityDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        v1.MapPut("/entities/{id}", PutEntityAsync)
            .WithName("PutEntity")
            .WithSummary("Adds or replaces an entity (registry file format). Acknowledged once committed to the store and visible to readers.")
            .AddEndpointFilter<ApiKeyFilter>()
            .Accepts<EntityDto>("application/json")
            .Produces<EntityDto>()
            .Produces<EntityDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        v1.MapDelete("/entities/{id}", DeleteEntityAsync)
            .WithName("DeleteEntity")
            .WithSummary("Deletes an entity. Acknowledged once committed to the store and visible to readers.")
            .AddEndpointFilter<ApiKeyFilter>()
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/health", Health)
            .WithName("Health")
            .WithSummary("Liveness and the size and version of the loaded registry.")
            .Produces<HealthResponse>();

        app.MapGet("/metrics", (ServerMetrics metrics) => Results.Text(metrics.ToPrometheusText(), "text/plain; version=0.0.4; charset=utf-8"))
            .WithName("Metrics")
            .WithSummary("Counters in the Prometheus text format.")
            .Produces<string>(contentType: "text/plain");
    }

    internal static async Task<IResult> ResolveAsync(HttpContext context, RegistryService registry, ServerOptions options, ServerMetrics metrics)
    {
        using JsonDocument document = await RequestReader.ReadJsonAsync(context.Request, options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        JsonElement body = RequestReader.RequireObject(document.RootElement, "body");
        string name = RequestReader.RequireName(body, "name", options.MaxNameLength);
        ResolveOptions resolveOptions = RequestReader.ReadResolveOptions(body);
        IReadOnlyList<EntityMatch> matches = registry.Current.Resolver.Resolve(name, resolveOptions);
        metrics.RecordNames(1);
        return TypedResults.Ok(new ResolveResponse(name, [.. matches.Select(MatchDto.From)]));
    }

    internal static async Task<IResult> ResolveBatchAsync(HttpContext context, RegistryService registry, ServerOptions options, ServerMetrics metrics)
    {
        using JsonDocument document = await RequestReader.ReadJsonAsync(context.Request, options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        JsonElement body = RequestReader.RequireObject(document.RootElement, "body");
        if (!body.TryGetProperty("names", out JsonElement namesElement))
        {
            throw ApiProblemException.BadField("names", "required array of strings is missing.");
        }

        if (namesElement.ValueKind != JsonValueKind.Array)
        {
            throw ApiProblemException.BadField("names", $"expected an array of strings, got {RequestReader.Describe(namesElement)}.");
        }

        int count = namesElement.GetArrayLength();
        if (count > options.MaxBatchSize)
        {
            throw ApiProblemException.TooLarge($"The batch has {count} names; the limit is {options.MaxBatchSize}.", "names");
        }

        var names = new List<string>(count);
        int index = 0;
        foreach (JsonElement n in namesElement.EnumerateArray())
        {
            names.Add(RequestReader.CheckName(n, $"names[{index}]", options.MaxNameLength));
            index++;
        }

        ResolveOptions resolveOptions = RequestReader.ReadResolveOptions(body);
        NameResolver resolver = registry.Current.Resolver; // one snapshot for the whole batch
        var results = new List<ResolveResponse>(names.Count);
        foreach (string name in names)
        {
            context.RequestAborted.ThrowIfCancellationRequested();
            results.Add(new ResolveResponse(name, [.. resolver.Resolve(name, resolveOptions).Select(MatchDto.From)]));
        }

        metrics.RecordNames(names.Count);
        return TypedResults.Ok(new BatchResolveResponse(results));
    }

    internal static IResult ListEntities(HttpContext context, RegistryService registry, ServerOptions options, ServerMetrics metrics)
    {
        IQueryCollection query = context.Request.Query;
        int offset = QueryInt(query, "offset", 0, int.MaxValue) ?? 0;
        int limit = QueryInt(query, "limit", 1, 1000) ?? 100;
        EntityRegistry current = registry.Current.Registry;
        string? text = query["query"];
        if (text is null)
        {
            var page = current.Entities.Skip(offset).Take(limit).Select(EntityDto.From).ToList();
            return TypedResults.Ok(new EntityListResponse(null, current.Count, offset, limit, page));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw ApiProblemException.BadField("query", "must not be empty or white space.");
        }

        if (text.Length > options.MaxNameLength)
        {
            throw ApiProblemException.BadField("query", $"is {text.Length} characters long; the limit is {options.MaxNameLength}.");
        }

        double threshold = ResolveOptions.Default.Threshold;
        if (query.ContainsKey("threshold") && (!double.TryParse(query["threshold"], NumberStyles.Float, CultureInfo.InvariantCulture, out threshold) || threshold is < 0 or > 1))
        {
            throw ApiProblemException.BadField("threshold", "must be a number between 0 and 1.");
        }

        string? type = query["type"];
        // Total counts every match up to the resolver's cap of 1000.
        var resolveOptions = new ResolveOptions { Top = 1000, Threshold = threshold, EntityType = string.IsNullOrWhiteSpace(type) ? null : type };
        IReadOnlyList<EntityMatch> matches = registry.Current.Resolver.Resolve(text, resolveOptions);
        metrics.RecordNames(1);
        var entities = matches.Skip(offset).Take(limit).Select(m => EntityDto.From(m.Entity)).ToList();
        return TypedResults.Ok(new EntityListResponse(text, matches.Count, offset, limit, entities));
    }

    internal static IResult GetEntity(string id, RegistryService registry) =>
        registry.Current.Registry.TryGetEntity(id, out Entity? entity)
            ? TypedResults.Ok(EntityDto.From(entity))
            : NotFound(id);

    internal static async Task<IResult> PutEntityAsync(string id, HttpContext context, RegistryService registry, ServerOptions options)
    {
        using JsonDocument document = await RequestReader.ReadJsonAsync(context.Request, options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        JsonElement body = RequestReader.RequireObject(document.RootElement, "body");
        if (body.TryGetProperty("id", out JsonElement idElement))
        {
            if (idElement.ValueKind != JsonValueKind.String || !string.Equals(idElement.GetString(), id, StringComparison.Ordinal))
            {
                throw ApiProblemException.BadField("id", $"must equal the id in the URL ('{id}') or be left out.");
            }
        }
        else
        {
            // The id may be left out of the body: the URL names the entity.
            JsonObject withId = JsonNode.Parse(body.GetRawText())!.AsObject();
            withId["id"] = id;
            body = JsonSerializer.SerializeToElement(withId);
        }

        var problems = new List<RegistryProblem>();
        Entity? entity = RegistryReader.ParseEntity(body, "request body", 1, problems);
        if (entity is null || problems.Count > 0)
        {
            throw Invalid(problems);
        }

        for (int i = 0; i < entity.Names.Count; i++)
        {
            if (entity.Names[i].Text.Length > options.MaxNameLength)
            {
                throw ApiProblemException.BadField($"names[{i}]", $"is {entity.Names[i].Text.Length} characters long; the limit is {options.MaxNameLength}.");
            }
        }

        WriteOutcome outcome = await registry.PutAsync(entity).ConfigureAwait(false);
        EntityDto dto = EntityDto.From(entity);
        return outcome == WriteOutcome.Created
            ? TypedResults.Created($"/v1/entities/{Uri.EscapeDataString(id)}", dto)
            : TypedResults.Ok(dto);
    }

    internal static async Task<IResult> DeleteEntityAsync(string id, RegistryService registry)
    {
        WriteOutcome outcome = await registry.DeleteAsync(id).ConfigureAwait(false);
        return outcome == WriteOutcome.NotFound ? NotFound(id) : TypedResults.NoContent();
    }

    internal static IResult Health(RegistryService registry)
    {
        RegistrySnapshot snapshot = registry.Current;
        return TypedResults.Ok(new HealthResponse("ok", snapshot.Registry.Count, snapshot.Registry.NameCount, snapshot.Version, snapshot.Resolver.ModelName, registry.StoreDescription));
    }

    private static IResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Entity not found", detail: $"No entity has the id '{id}'.");

    private static ApiProblemException Invalid(List<RegistryProblem> problems)
    {
        RegistryProblem first = problems.Count > 0 ? problems[0] : new RegistryProblem("request body", 1, null, "the entity is invalid");
        string field = first.Field ?? "body";
        string detail = string.Join("; ", problems.Select(p => p.Field is null ? p.Message : $"'{p.Field}': {p.Message}"));
        var errors = problems
            .GroupBy(p => p.Field ?? "body", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);
        return new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid entity", detail.Length == 0 ? first.Message : detail, field) { Errors = errors.Count > 0 ? errors : null };
    }

    private static int? QueryInt(IQueryCollection query, string name, int min, int max)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (!int.TryParse(values.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            throw ApiProblemException.BadField(name, $"must be an integer between {min} and {max} (was '{values}').");
        }

        return value;
    }
}
