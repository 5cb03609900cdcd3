using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace EntityResolver.Server;

/// <summary>
/// A client error: turned into an RFC 9457 problem document by <see cref="ProblemExceptionHandler"/>,
/// with the offending field under <c>errors</c>.
/// </summary>
internal sealed class ApiProblemException : Exception
{
    public ApiProblemException(int status, string title, string detail, string? field = null)
        : base(detail)
    {
        Status = status;
        Title = title;
        Field = field;
    }

    public ApiProblemException()
        : this(StatusCodes.Status400BadRequest, "Bad request", "The request is invalid.")
    {
    }

    public ApiProblemException(string message)
        : this(StatusCodes.Status400BadRequest, "Bad request", message)
    {
    }

    public ApiProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = StatusCodes.Status400BadRequest;
        Title = "Bad request";
    }

    public int Status { get; }

    public string Title { get; }

    public string? Field { get; }

    /// <summary>Every bad field with its messages, when there is more than one.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    public static ApiProblemException BadField(string field, string message) =>
        new(StatusCodes.Status400BadRequest, "Invalid request field", $"'{field}': {message}", field);

    public static ApiProblemException TooLarge(string detail, string? field = null) =>
        new(StatusCodes.Status413PayloadTooLarge, "Request too large", detail, field);
}

/// <summary>Reads request bodies within the configured size limit and checks fields by name.</summary>
internal static class RequestReader
{
    /// <summary>
    /// Reads the whole body, at most <paramref name="limit"/> bytes (413 beyond). A body somewhat
    /// over the limit is read to its end and dropped, so that the client receives the 413 instead
    /// of a reset connection; a much larger one is cut off (Kestrel's limit, then the connection closes).
    /// </summary>
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        long drainBudget = Math.Max(limit * 4, 4L * 1024 * 1024);
        IHttpMaxRequestBodySizeFeature? sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = drainBudget;
        }

        if (request.ContentLength > drainBudget)
        {
            throw ApiProblemException.TooLarge($"The request body has {request.ContentLength} bytes; the limit is {limit}.");
        }

        var output = new ArrayBufferWriter<byte>(request.ContentLength is > 0 and < 65536 ? (int)request.ContentLength.Value : 4096);
        long total = 0;
        byte[]? discard = null;
        while (true)
        {
            Memory<byte> buffer = total > limit ? (discard ??= new byte[16384]) : output.GetMemory(4096);
            int read = await request.Body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
            if (discard is null)
            {
                output.Advance(read);
            }

            if (total > drainBudget)
            {
                break;
            }
        }

        if (total > limit)
        {
            throw ApiProblemException.TooLarge($"The request body is larger than the limit of {limit} bytes.");
        }

        return output.WrittenSpan.ToArray();
    }

    /// <summary>Reads a JSON body (415 for another media type, 400 for malformed JSON).</summary>
    public static async Task<JsonDocument> ReadJsonAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            throw new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"Send the body as application/json (was '{request.ContentType ?? "none"}').");
        }

        byte[] body = await ReadBodyAsync(request, limit, cancellationToken).ConfigureAwait(false);
        return ParseJson(body, "body");
    }

    public static JsonDocument ParseJson(ReadOnlyMemory<byte> utf8, string field)
    {
        try
        {
            return JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            string where = ex.LineNumber is long line ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, byte {ex.BytePositionInLine + 1}") : "";
            throw ApiProblemException.BadField(field, "malformed JSON" + where + ".");
        }
    }

    public static JsonElement RequireObject(JsonElement element, string field)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw ApiProblemException.BadField(field, $"expected a JSON object, got {Describe(element)}.");
        }

        return element;
    }

    public static string RequireName(JsonElement obj, string field, int maxLength)
    {
        if (!obj.TryGetProperty(field, out JsonElement e))
        {
            throw ApiProblemException.BadField(field, "required string is missing.");
        }

        return CheckName(e, field, maxLength);
    }

    public static string CheckName(JsonElement e, string field, int maxLength)
    {
        if (e.ValueKind != JsonValueKind.String)
        {
            throw ApiProblemException.BadField(field, $"expected a string, got {Describe(e)}.");
        }

        string value = e.GetString()!;
        if (string.IsNullOrWhiteSpace(value))
        {
            throw ApiProblemException.BadField(field, "must not be empty or white space.");
        }

        if (value.Length > maxLength)
        {
            throw ApiProblemException.BadField(field, $"is {value.Length} characters long; the limit is {maxLength}.");
        }

        return value;
    }

    public static int? OptionalInt(JsonElement obj, string field, int min, int max)
    {
        if (!obj.TryGetProperty(field, out JsonElement e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out int value))
        {
            throw ApiProblemException.BadField(field, $"expected an integer, got {Describe(e)}.");
        }

        if (value < min || value > max)
        {
            throw ApiProblemException.BadField(field, $"must be between {min} and {max} (was {value}).");
        }

        return value;
    }

    public static double? OptionalProbability(JsonElement obj, string field)
    {
        if (!obj.TryGetProperty(field, out JsonElement e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out double value))
        {
            throw ApiProblemException.BadField(field, $"expected a number, got {Describe(e)}.");
        }

        if (value is < 0 or > 1)
        {
            throw ApiProblemException.BadField(field, string.Create(CultureInfo.InvariantCulture, $"must be between 0 and 1 (was {value})."));
        }

        return value;
    }

    public static bool? OptionalBool(JsonElement obj, string field)
    {
        if (!obj.TryGetProperty(field, out JsonElement e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw ApiProblemException.BadField(field, $"expected true or false, got {Describe(e)}."),
        };
    }

    public static string? OptionalString(JsonElement obj, string field)
    {
        if (!obj.TryGetProperty(field, out JsonElement e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(e.GetString()))
        {
            throw ApiProblemException.BadField(field, $"expected a non-empty string, got {Describe(e)}.");
        }

        return e.GetString();
    }

    /// <summary>The options of a resolve request (top, threshold, type, explain), validated by name.</summary>
    public static ResolveOptions ReadResolveOptions(JsonElement obj) => new()
    {
        Top = OptionalInt(obj, "top", 1, 1000) ?? ResolveOptions.Default.Top,
        Threshold = OptionalProbability(obj, "threshold") ?? ResolveOptions.Default.Threshold,
        EntityType = OptionalString(obj, "type"),
        Explain = OptionalBool(obj, "explain") ?? false,
    };

    public static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
