using System.Diagnostics;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace EntityResolver.Server;

/// <summary>Builds the web application: services, limits, middleware and endpoints.</summary>
internal static class ServerApp
{
    public static WebApplication Build(string[] args)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(args);

        // appsettings.json ships next to the server; read it from there when the working directory
        // (the content root) has none, as under `dotnet path/to/EntityResolver.Server.dll`. Lowest
        // precedence: environment variables and the command line still override it.
        if (!File.Exists(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json")) && File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json")))
        {
            ((IConfigurationBuilder)builder.Configuration).Sources.Insert(0, new JsonConfigurationSource
            {
                FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
                Path = "appsettings.json",
                Optional = true,
            });
        }
        IServiceCollection services = builder.Services;

        // Options are read from the final configuration (test hosts add settings late).
        services.AddSingleton(sp => ServerOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<IRegistryStore>(sp => new SqliteRegistryStore(sp.GetRequiredService<ServerOptions>().StorePath));
        services.AddSingleton<ServerMetrics>();
        services.AddSingleton<RegistryService>();
        services.AddHostedService(sp => sp.GetRequiredService<RegistryService>());

        services.AddOptions<KestrelServerOptions>().Configure<ServerOptions>((kestrel, options) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
        });
        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<ServerOptions>((timeouts, options) =>
        {
            timeouts.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = options.RequestTimeout,
                TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
                WriteTimeoutResponse = context => context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "Request timed out", Detail = $"The request took longer than the limit of {options.RequestTimeout.TotalSeconds} s." },
                }).AsTask(),
            };
        });
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(15));

        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? c.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.ConfigureHttpJsonOptions(o => Json.Configure(o.SerializerOptions));
        services.AddCors(o => o.AddPolicy(ReconcileEndpoints.CorsPolicy, p => p.AllowAnyOrigin().AllowAnyHeader().WithMethods("GET", "POST")));
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "EntityResolver HTTP API";
            document.Info.Description = "Resolves person and organization names across scripts against a registry of canonical entities. Errors are RFC 9457 problem documents.";
            return Task.CompletedTask;
        }));

        WebApplication app = builder.Build();
        app.Use(RecordRequestAsync);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors();
        app.UseRequestTimeouts();

        app.MapOpenApi("/openapi/{documentName}.json");
        ApiEndpoints.Map(app);
        ReconcileEndpoints.Map(app);
        LinkEndpoints.Map(app);
        return app;
    }

    /// <summary>Counts every request by method, route template and final status.</summary>
    private static async Task RecordRequestAsync(HttpContext context, RequestDelegate next)
    {
        long start = Stopwatch.GetTimestamp();
        Endpoint? endpoint = context.GetEndpoint(); // the exception handler clears it on errors
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            string route = ((endpoint ?? context.GetEndpoint()) as RouteEndpoint)?.RoutePattern.RawText ?? "(unmatched)";
            context.RequestServices.GetRequiredService<ServerMetrics>()
                .RecordRequest(context.Request.Method, route, context.Response.StatusCode, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
    }
}
