using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace EntityResolver.Server.Tests;

public sealed class SafetyAndOperationsTests
{
    [Fact]
    public async Task BodyLargerThanTheLimitIs413()
    {
        using var factory = new ServerFactory(new() { ["Limits:MaxBodyBytes"] = "2048" });
        using HttpClient client = factory.CreateClient();
        string big = JsonSerializer.Serialize(new { name = "Haftar", padding = new string('x', 4000) });
        using HttpResponseMessage response = await client.PostJsonAsync("/v1/resolve", big);
        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        // Without a Content-Length (chunked), the limit holds too.
        using var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        chunked.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Put, "/v1/entities/person:big") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        using HttpResponseMessage put = await client.SendAsync(request);
        await put.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        using HttpResponseMessage small = await client.PostJsonAsync("/v1/resolve", """{"name": "Haftar"}""");
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
    }

    [Fact]
    public async Task DefaultBodyLimitIsOneMebibyte()
    {
        using var factory = new ServerFactory();
        using HttpClient client = factory.CreateClient();
        string big = JsonSerializer.Serialize(new { names = new[] { "Haftar" }, padding = new string('x', 1024 * 1024) });
        using HttpResponseMessage response = await client.PostJsonAsync("/v1/resolve/batch", big);
        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task MutationsNeedTheApiKeyWhenOneIsConfigured()
    {
        using var factory = new ServerFactory(new() { ["ApiKey"] = "s3cret" });
        using HttpClient client = factory.CreateClient();
        const string body = """{"names": ["Ignatius Pemberton"]}""";

        using HttpResponseMessage missing = await client.PutJsonAsync("/v1/entities/person:keyed", body);
        await missing.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", missing.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        using var wrong = new HttpRequestMessage(HttpMethod.Put, "/v1/entities/person:keyed") { Content = Http.JsonBody(body) };
        wrong.Headers.Add("X-Api-Key", "guess");
        await (await client.SendAsync(wrong)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1/entities/person:keyed")).StatusCode);

        using var right = new HttpRequestMessage(HttpMethod.Put, "/v1/entities/person:keyed") { Content = Http.JsonBody(body) };
        right.Headers.Add("X-Api-Key", "s3cret");
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(right)).StatusCode);

        await (await client.DeleteAsync("/v1/entities/person:keyed")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, "/v1/entities/person:keyed");
        delete.Headers.Add("X-Api-Key", "s3cret");
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(delete)).StatusCode);

        // Reads need no key.
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/v1/resolve", """{"name": "Haftar"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/entities/org:ispr")).StatusCode);
    }

    [Fact]
    public async Task StoreFailure_Is500WithoutDetails_AndTheWriteIsNotApplied()
    {
        var failing = new FailingStore();
        using var factory = new ServerFactory(services: s => s.AddSingleton<IRegistryStore>(sp =>
        {
            failing.Inner = new SqliteRegistryStore(sp.GetRequiredService<ServerOptions>().StorePath);
            return failing;
        }));
        using HttpClient client = factory.CreateClient();
        failing.Fail = true;
        using HttpResponseMessage response = await client.PutJsonAsync("/v1/entities/person:never", """{"names": ["Never Stored"]}""");
        JsonElement problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError);
        string text = problem.GetRawText();
        Assert.DoesNotContain("disk on fire", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1/entities/person:never")).StatusCode);

        // The writer survives: the next write goes through.
        failing.Fail = false;
        Assert.Equal(HttpStatusCode.Created, (await client.PutJsonAsync("/v1/entities/person:later", """{"names": ["Later Stored"]}""")).StatusCode);
    }

    [Fact]
    public async Task SlowRequestIsCancelledWith503()
    {
        // Enough work (about half a second) that the 1 ms timeout fires during it even when the
        // timer's thread-pool callback is late on a busy machine; a batch that finished first
        // would answer 200.
        const int names = 20_000;
        using var factory = new ServerFactory(new() { ["Limits:RequestTimeoutSeconds"] = "0.001", ["Limits:MaxBatchSize"] = $"{names}" });
        using HttpClient client = factory.CreateClient();
        string body = JsonSerializer.Serialize(new { names = Enumerable.Repeat("Saddam Khalid Haftar", names), explain = true });
        using HttpResponseMessage response = await client.PostJsonAsync("/v1/resolve/batch", body);
        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Health_Metrics_OpenApi_AndUnknownRoutes()
    {
        using var factory = new ServerFactory();
        using HttpClient client = factory.CreateClient();

        JsonElement health = await (await client.GetAsync("/health")).JsonAsync();
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(EntityRegistry.Default.Count, health.GetProperty("entities").GetInt32());
        Assert.Equal(1, health.GetProperty("version").GetInt64());

        await client.PostJsonAsync("/v1/resolve", """{"name": "Haftar"}""");
        await client.PostJsonAsync("/v1/resolve", """{"name": 1}""");
        string metrics = await client.GetStringAsync("/metrics");
        Assert.Contains("entityresolver_http_requests_total{method=\"POST\",route=\"/v1/resolve\",status=\"200\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("entityresolver_http_requests_total{method=\"POST\",route=\"/v1/resolve\",status=\"400\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains($"entityresolver_registry_entities {EntityRegistry.Default.Count}", metrics, StringComparison.Ordinal);

        JsonElement openApi = await (await client.GetAsync("/openapi/v1.json")).JsonAsync();
        JsonElement paths = openApi.GetProperty("paths");
        foreach (string path in new[] { "/v1/resolve", "/v1/resolve/batch", "/v1/entities", "/v1/entities/{id}", "/v1/link", "/health", "/reconcile" })
        {
            Assert.True(paths.TryGetProperty(path, out _) || paths.TryGetProperty(path + "/", out _), $"OpenAPI lacks {path}");
        }

        JsonElement resolveSchema = openApi.GetProperty("components").GetProperty("schemas").GetProperty("ResolveRequest");
        Assert.True(resolveSchema.GetProperty("properties").TryGetProperty("name", out _));

        await (await client.GetAsync("/v2/nothing")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PatchAsync("/v1/resolve", Http.JsonBody("{}"))).AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task ReadersNeverFailWhileWritersSwapSnapshots()
    {
        using var factory = new ServerFactory();
        using HttpClient client = factory.CreateClient();
        using var stop = new CancellationTokenSource();
        int reads = 0;
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using HttpResponseMessage r = await client.PostJsonAsync("/v1/resolve", """{"name": "Saddam Khalid Haftar", "top": 1}""");
                Assert.Equal(HttpStatusCode.OK, r.StatusCode);
                Assert.Equal("person:saddam-haftar", (await r.JsonAsync()).GetProperty("matches")[0].GetProperty("entityId").GetString());
                Interlocked.Increment(ref reads);
            }
        })).ToList();

        var writers = Enumerable.Range(0, 3).Select(w => Task.Run(async () =>
        {
            for (int i = 0; i < 15; i++)
            {
                string id = $"person:swap-{w}-{i}";
                using HttpResponseMessage put = await client.PutJsonAsync("/v1/entities/" + id, JsonSerializer.Serialize(new { names = new[] { $"Swapper{w} Number{i} Testname" } }));
                Assert.Equal(HttpStatusCode.Created, put.StatusCode);
                // Read-your-write: acknowledged means visible.
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/entities/" + id)).StatusCode);
            }
        })).ToList();

        await Task.WhenAll(writers);
        await stop.CancelAsync();
        await Task.WhenAll(readers);
        Assert.True(reads > 0);
        JsonElement health = await (await client.GetAsync("/health")).JsonAsync();
        Assert.Equal(EntityRegistry.Default.Count + 45, health.GetProperty("entities").GetInt32());
    }

    [Fact]
    public void TheServerTiersHotMethodsUpWithoutTheStartUpDelay()
    {
        // The built server's runtime configuration (copied next to the tests): docs/server.md, Operations.
        using JsonDocument config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "EntityResolver.Server.runtimeconfig.json")));
        JsonElement properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.Equal(0, properties.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32());
    }

    private sealed class FailingStore : IRegistryStore
    {
        public IRegistryStore? Inner { get; set; }

        private volatile bool _fail;

        public bool Fail
        {
            get => _fail;
            set => _fail = value;
        }

        public string Description => Inner!.Description;

        public (IReadOnlyList<Entity> Entities, bool Seeded) Open(Func<IEnumerable<Entity>> seed) => Inner!.Open(seed);

        public void Apply(IReadOnlyList<StoreChange> changes)
        {
            if (Fail)
            {
                throw new InvalidOperationException("disk on fire");
            }

            Inner!.Apply(changes);
        }

        public void Dispose() => Inner?.Dispose();
    }
}
