using System.Text.Json;

namespace EntityResolver.Server;

/// <summary>One mention found in the text, the object the command line's <c>link</c> writes.</summary>
internal sealed record MentionDto(int Start, int Length, string Text, string EntityId, double Score, LinkEvidence? Evidence);

/// <summary>The mentions of a text, in text order.</summary>
internal sealed record LinkResponse(IReadOnlyList<MentionDto> Mentions);

/// <summary><c>POST /v1/link</c>: the core's <see cref="EntityLinker"/> over the current snapshot.</summary>
internal static class LinkEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/link", LinkAsync)
            .WithName("Link")
            .WithSummary("Finds and resolves the mentions of registry entities in running text. Offsets are UTF-16 code units.")
            .Accepts<LinkRequest>("application/json")
            .Produces<LinkResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    internal static async Task<IResult> LinkAsync(HttpContext context, RegistryService registry, ServerOptions options, ServerMetrics metrics)
    {
        using JsonDocument document = await RequestReader.ReadJsonAsync(context.Request, options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        JsonElement body = RequestReader.RequireObject(document.RootElement, "body");
        if (!body.TryGetProperty("text", out JsonElement textElement))
        {
            throw ApiProblemException.BadField("text", "required string is missing.");
        }

        if (textElement.ValueKind != JsonValueKind.String)
        {
            throw ApiProblemException.BadField("text", $"expected a string, got {RequestReader.Describe(textElement)}.");
        }

        string text = textElement.GetString()!;
        if (text.Length > options.MaxTextLength)
        {
            throw ApiProblemException.BadField("text", $"is {text.Length} characters long; the limit is {options.MaxTextLength}.");
        }

        bool explain = RequestReader.OptionalBool(body, "explain") ?? false;
        IReadOnlyList<LinkedMention> mentions = registry.Current.Linker.Link(text);
        metrics.RecordNames(mentions.Count);
        return TypedResults.Ok(new LinkResponse([.. mentions.Select(m => new MentionDto(m.Start, m.Length, m.Text, m.EntityId, m.Score, explain ? m.Evidence : null))]));
    }
}
