using System.Net;
using System.Text.Json;

namespace EntityResolver.Server.Tests;

public sealed class ResolveEndpointTests(SharedServer server) : IClassFixture<SharedServer>
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task Resolve_ReturnsTheMatchObjectsOfTheCommandLine()
    {
        using HttpResponseMessage response = await _client.PostJsonAsync("/v1/resolve", """{"name": "Saddam Khalid Haftar", "top": 3}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement body = await response.JsonAsync();
        Assert.Equal("Saddam Khalid Haftar", body.GetProperty("query").GetString());
        JsonElement best = body.GetProperty("matches")[0];
        Assert.Equal("person:saddam-haftar", best.GetProperty("entityId").GetString());
        Assert.Equal("person", best.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(best.GetProperty("name").GetString()));
        Assert.False(string.IsNullOrEmpty(best.GetProperty("matchedName").GetString()));
        double score = best.GetProperty("score").GetDouble();
        Assert.InRange(score, 0.5, 1.0);
        Assert.False(best.TryGetProperty("explanation", out _));

        // The same answer as the library gives, score for score.
        var expected = new NameResolver(EntityRegistry.Default).Resolve("Saddam Khalid Haftar", new ResolveOptions { Top = 3 });
        Assert.Equal(expected.Select(m => (m.EntityId, m.Score)), body.GetProperty("matches").EnumerateArray().Select(m => (m.GetProperty("entityId").GetString()!, m.GetProperty("score").GetDouble())));
    }

    [Fact]
    public async Task Resolve_ExplainsOnRequest()
    {
        using HttpResponseMessage response = await _client.PostJsonAsync("/v1/resolve", """{"name": "Saddam Khalid Haftar", "top": 1, "explain": true}""");
        JsonElement explanation = (await response.JsonAsync()).GetProperty("matches")[0].GetProperty("explanation");
        Assert.Contains(explanation.GetProperty("tokens").EnumerateArray(), t => t.GetProperty("outcome").GetString() == "conflict");
        Assert.False(string.IsNullOrEmpty(explanation.GetProperty("summary").GetString()));
    }

    [Fact]
    public async Task Resolve_FiltersByTypeAndThreshold()
    {
        using HttpResponseMessage org = await _client.PostJsonAsync("/v1/resolve", """{"name": "ISPR", "type": "organization"}""");
        JsonElement matches = (await org.JsonAsync()).GetProperty("matches");
        Assert.NotEqual(0, matches.GetArrayLength());
        Assert.All(matches.EnumerateArray(), m => Assert.Equal("organization", m.GetProperty("type").GetString()));

        using HttpResponseMessage person = await _client.PostJsonAsync("/v1/resolve", """{"name": "ISPR", "type": "person"}""");
        Assert.Equal(0, (await person.JsonAsync()).GetProperty("matches").GetArrayLength());

        using HttpResponseMessage strict = await _client.PostJsonAsync("/v1/resolve", """{"name": "Saddam Khalid Haftar", "threshold": 1.0}""");
        Assert.All((await strict.JsonAsync()).GetProperty("matches").EnumerateArray(), m => Assert.Equal(1.0, m.GetProperty("score").GetDouble()));
    }

    [Fact]
    public async Task Resolve_UnknownNameHasNoMatches()
    {
        using HttpResponseMessage response = await _client.PostJsonAsync("/v1/resolve", """{"name": "Quentin Zbigniewski"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.JsonAsync()).GetProperty("matches").GetArrayLength());
    }

    [Theory]
    [InlineData("""{}""", "name")]
    [InlineData("""{"name": 5}""", "name")]
    [InlineData("""{"name": "   "}""", "name")]
    [InlineData("""{"name": null}""", "name")]
    [InlineData("""{"name": "Haftar", "top": "5"}""", "top")]
    [InlineData("""{"name": "Haftar", "top": 0}""", "top")]
    [InlineData("""{"name": "Haftar", "top": 1.5}""", "top")]
    [InlineData("""{"name": "Haftar", "threshold": 2}""", "threshold")]
    [InlineData("""{"name": "Haftar", "threshold": "high"}""", "threshold")]
    [InlineData("""{"name": "Haftar", "type": 3}""", "type")]
    [InlineData("""{"name": "Haftar", "explain": "yes"}""", "explain")]
    [InlineData("""["Haftar"]""", "body")]
    [InlineData("""{"name": "Haftar",""", "body")]
    [InlineData("""not json""", "body")]
    public async Task Resolve_BadRequestNamesTheField(string body, string field)
    {
        using HttpResponseMessage response = await _client.PostJsonAsync("/v1/resolve", body);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Resolve_NameLongerThanTheLimitIs400()
    {
        string name = new('a', 513);
        using HttpResponseMessage response = await _client.PostJsonAsync("/v1/resolve", JsonSerializer.Serialize(new { name }));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "name");
    }

    [Fact]
    public async Task Resolve_OtherMediaTypeIs415()
    {
        using var content = new StringContent("""{"name": "Haftar"}""", System.Text.Encoding.UTF8, "text/plain");
        using HttpResponseMessage response = await _client.PostAsync("/v1/resolve", content);
        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Batch_ResolvesEveryNameInOrder()
    {
        using HttpResponseMessage response = await _client.PostJsonAsync("/v1/resolve/batch", """{"names": ["ISPR", "Quentin Zbigniewski", "Saddam Khalid Haftar"], "top": 1}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement results = (await response.JsonAsync()).GetProperty("results");
        Assert.Equal(["ISPR", "Quentin Zbigniewski", "Saddam Khalid Haftar"], results.EnumerateArray().Select(r => r.GetProperty("query").GetString()));
        Assert.Equal("org:ispr", results[0].GetProperty("matches")[0].GetProperty("entityId").GetString());
        Assert.Equal(0, results[1].GetProperty("matches").GetArrayLength());
        Assert.Equal("person:saddam-haftar", results[2].GetProperty("matches")[0].GetProperty("entityId").GetString());
        Assert.All(results.EnumerateArray(), r => Assert.True(r.GetProperty("matches").GetArrayLength() <= 1));
    }

    [Theory]
    [InlineData("""{}""", "names")]
    [InlineData("""{"names": "ISPR"}""", "names")]
    [InlineData("""{"names": ["ISPR", 7]}""", "names[1]")]
    [InlineData("""{"names": ["ISPR", ""]}""", "names[1]")]
    [InlineData("""{"names": ["ISPR"], "top": -1}""", "top")]
    public async Task Batch_BadRequestNamesTheField(string body, string field)
    {
        using HttpResponseMessage response = await _client.PostJsonAsync("/v1/resolve/batch", body);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Batch_LargerThanTheLimitIs413()
    {
        string body = JsonSerializer.Serialize(new { names = Enumerable.Repeat("Haftar", 1001) });
        using HttpResponseMessage response = await _client.PostJsonAsync("/v1/resolve/batch", body);
        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "names");
    }
}
