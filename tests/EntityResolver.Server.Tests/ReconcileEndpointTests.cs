using System.Net;
using System.Text.Json;

namespace EntityResolver.Server.Tests;

/// <summary>The shapes of the W3C Reconciliation Service API 0.2: manifest, query batch, result batch.</summary>
public sealed class ReconcileEndpointTests(SharedServer server) : IClassFixture<SharedServer>
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task Manifest_HasTheFieldsOfTheSpecification()
    {
        using HttpResponseMessage response = await _client.GetAsync("/reconcile");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement manifest = await response.JsonAsync();
        Assert.Contains("0.2", manifest.GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        Assert.False(string.IsNullOrEmpty(manifest.GetProperty("name").GetString()));
        Assert.True(Uri.TryCreate(manifest.GetProperty("identifierSpace").GetString(), UriKind.Absolute, out _));
        Assert.True(Uri.TryCreate(manifest.GetProperty("schemaSpace").GetString(), UriKind.Absolute, out _));
        Assert.Contains("{{id}}", manifest.GetProperty("view").GetProperty("url").GetString(), StringComparison.Ordinal);
        var types = manifest.GetProperty("defaultTypes").EnumerateArray().Select(t => (t.GetProperty("id").GetString(), t.GetProperty("name").GetString())).ToList();
        Assert.Contains(("person", "Person"), types);
        Assert.Contains(("organization", "Organization"), types);
        Assert.Equal(1000, manifest.GetProperty("batchSize").GetInt32());
    }

    [Fact]
    public async Task Manifest_UsesTheConfiguredPublicBaseUrl()
    {
        using var factory = new ServerFactory(new() { ["PublicBaseUrl"] = "https://resolver.example.org/" });
        using HttpClient client = factory.CreateClient();
        JsonElement manifest = await (await client.GetAsync("/reconcile")).JsonAsync();
        Assert.Equal("https://resolver.example.org/v1/entities/", manifest.GetProperty("identifierSpace").GetString());
        Assert.Equal("https://resolver.example.org/v1/entities/{{id}}", manifest.GetProperty("view").GetProperty("url").GetString());
    }

    [Fact]
    public async Task Manifest_ViewUrlLeadsToTheEntity()
    {
        JsonElement manifest = await (await _client.GetAsync("/reconcile")).JsonAsync();
        string url = manifest.GetProperty("view").GetProperty("url").GetString()!.Replace("{{id}}", Uri.EscapeDataString("org:ispr"), StringComparison.Ordinal);
        using HttpResponseMessage entity = await _client.GetAsync(new Uri(url).PathAndQuery);
        Assert.Equal("org:ispr", (await entity.JsonAsync()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task PostForm_ReturnsAResultBatchKeyedLikeTheQueries()
    {
        string queries = """{"q0": {"query": "حفتر", "limit": 3}, "q1": {"query": "ISPR", "type": "organization"}, "q2": {"query": "Quentin Zbigniewski"}}""";
        using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("queries", queries)]);
        using HttpResponseMessage response = await _client.PostAsync("/reconcile", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement batch = await response.JsonAsync();
        Assert.Equal(["q0", "q1", "q2"], batch.EnumerateObject().Select(p => p.Name));
        foreach (JsonProperty result in batch.EnumerateObject())
        {
            JsonElement candidates = result.Value.GetProperty("result");
            Assert.Equal(JsonValueKind.Array, candidates.ValueKind);
            double previous = double.MaxValue;
            foreach (JsonElement c in candidates.EnumerateArray())
            {
                // Required by the result schema: id, name, score; and match, type as this service sends them.
                Assert.False(string.IsNullOrEmpty(c.GetProperty("id").GetString()));
                Assert.False(string.IsNullOrEmpty(c.GetProperty("name").GetString()));
                double score = c.GetProperty("score").GetDouble();
                Assert.True(score <= previous, "candidates are sorted by decreasing score");
                previous = score;
                Assert.True(c.GetProperty("match").ValueKind is JsonValueKind.True or JsonValueKind.False);
                JsonElement type = c.GetProperty("type")[0];
                Assert.False(string.IsNullOrEmpty(type.GetProperty("id").GetString()));
                Assert.False(string.IsNullOrEmpty(type.GetProperty("name").GetString()));
            }
        }

        Assert.InRange(batch.GetProperty("q0").GetProperty("result").GetArrayLength(), 1, 3);
        Assert.All(batch.GetProperty("q0").GetProperty("result").EnumerateArray(), c => Assert.EndsWith("haftar", c.GetProperty("id").GetString(), StringComparison.Ordinal));
        JsonElement ispr = batch.GetProperty("q1").GetProperty("result")[0];
        Assert.Equal("org:ispr", ispr.GetProperty("id").GetString());
        Assert.True(ispr.GetProperty("match").GetBoolean());
        Assert.All(batch.GetProperty("q1").GetProperty("result").EnumerateArray(), c => Assert.Equal("organization", c.GetProperty("type")[0].GetProperty("id").GetString()));
        Assert.DoesNotContain(batch.GetProperty("q2").GetProperty("result").EnumerateArray(), c => c.GetProperty("match").GetBoolean());
    }

    [Fact]
    public async Task Get_WithQueriesParameter_AndJsonBody_AnswerLikeTheForm()
    {
        string queries = """{"a": {"query": "Asim Munir", "type": ["person", "organization"], "limit": 1}}""";
        JsonElement viaGet = await (await _client.GetAsync("/reconcile?queries=" + Uri.EscapeDataString(queries))).JsonAsync();
        JsonElement viaJson = await (await _client.PostJsonAsync("/reconcile", queries)).JsonAsync();
        Assert.Equal("person:asim-munir", viaGet.GetProperty("a").GetProperty("result")[0].GetProperty("id").GetString());
        Assert.Equal(1, viaGet.GetProperty("a").GetProperty("result").GetArrayLength());
        Assert.Equal(viaGet.GetRawText(), viaJson.GetRawText());
    }

    [Fact]
    public async Task Cors_IsOpenForReconciliation()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/reconcile");
        request.Headers.Add("Origin", "https://openrefine.example");
        using HttpResponseMessage response = await _client.SendAsync(request);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());

        // The preflight of a JSON POST from a web client.
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/reconcile");
        preflight.Headers.Add("Origin", "https://openrefine.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        using HttpResponseMessage allowed = await _client.SendAsync(preflight);
        Assert.True(allowed.IsSuccessStatusCode);
        Assert.Contains("POST", allowed.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""not json""", "queries")]
    [InlineData("""["Haftar"]""", "queries")]
    [InlineData("""{"q0": "Haftar"}""", "queries.q0")]
    [InlineData("""{"q0": {"limit": 3}}""", "queries.q0.query")]
    [InlineData("""{"q0": {"query": 5}}""", "queries.q0.query")]
    [InlineData("""{"q0": {"query": "Haftar", "limit": 0}}""", "queries.q0.limit")]
    [InlineData("""{"q0": {"query": "Haftar", "limit": "3"}}""", "queries.q0.limit")]
    [InlineData("""{"q0": {"query": "Haftar", "type": 5}}""", "queries.q0.type")]
    public async Task BadQueryBatchIs400NamingTheField(string queries, string field)
    {
        using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("queries", queries)]);
        using HttpResponseMessage response = await _client.PostAsync("/reconcile", form);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task FormWithoutQueriesIs400()
    {
        using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("query", "Haftar")]);
        using HttpResponseMessage response = await _client.PostAsync("/reconcile", form);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "queries");
    }

    [Fact]
    public async Task BatchLargerThanBatchSizeIs413()
    {
        var queries = Enumerable.Range(0, 1001).ToDictionary(i => "q" + i, _ => new { query = "Haftar" });
        using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("queries", JsonSerializer.Serialize(queries))]);
        using HttpResponseMessage response = await _client.PostAsync("/reconcile", form);
        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task OtherMediaTypeIs415()
    {
        using var content = new StringContent("queries", System.Text.Encoding.UTF8, "text/plain");
        using HttpResponseMessage response = await _client.PostAsync("/reconcile", content);
        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }
}
