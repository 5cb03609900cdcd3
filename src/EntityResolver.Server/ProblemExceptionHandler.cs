using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace EntityResolver.Server;

/// <summary>
/// Turns exceptions into problem documents: client errors (<see cref="ApiProblemException"/>,
/// Kestrel's <see cref="BadHttpRequestException"/>) with their status and field; anything else as
/// a bare 500 without exception details.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails details;
        switch (exception)
        {
            case ApiProblemException problem:
                details = problem.Errors is not null
                    ? new HttpValidationProblemDetails(problem.Errors.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal))
                    : problem.Field is null
                        ? new ProblemDetails()
                        : new HttpValidationProblemDetails(new Dictionary<string, string[]>(StringComparer.Ordinal) { [problem.Field] = [problem.Message] });
                details.Status = problem.Status;
                details.Title = problem.Title;
                details.Detail = problem.Message;
                if (problem.Status == StatusCodes.Status401Unauthorized)
                {
                    httpContext.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{ApiKeyFilter.HeaderName}\"";
                }

                break;
            case BadHttpRequestException bad:
                details = new ProblemDetails
                {
                    Status = bad.StatusCode,
                    Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Bad request",
                    Detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is larger than the configured limit." : "The request could not be read.",
                };
                break;
            default:
                details = new ProblemDetails
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Title = "Internal server error",
                    Detail = "The server failed to process the request; the error is logged with the trace id.",
                };
                break;
        }

        httpContext.Response.StatusCode = details.Status ?? StatusCodes.Status500InternalServerError;
        if (httpContext.Response.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The rest of the body may be unread: do not reuse this connection.
            httpContext.Response.Headers.Connection = "close";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = null }).ConfigureAwait(false);
    }
}

/// <summary>Requires the configured API key in the <c>X-Api-Key</c> header (401 otherwise); a no-op when none is configured.</summary>
internal sealed class ApiKeyFilter(ServerOptions options) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";
    private readonly byte[]? _key = options.ApiKey is null ? null : Encoding.UTF8.GetBytes(options.ApiKey);

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (_key is not null)
        {
            string? given = context.HttpContext.Request.Headers[HeaderName];
            if (given is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _key))
            {
                throw new ApiProblemException(StatusCodes.Status401Unauthorized, "Unauthorized", given is null ? $"This server requires the {HeaderName} header for changes to the registry." : $"The {HeaderName} header does not match the configured key.");
            }
        }

        return next(context);
    }
}
