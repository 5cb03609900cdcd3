using System.Net;
using System.Text.Json;

namespace EntityResolver.Server.Tests;

public sealed class EntityEndpointTests(SharedServer server) : IClassFixture<SharedServer>
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task Get_ReturnsTheEntityInTheRegistryFormat()
    {
        using HttpResponseMessage response = await _client.GetAsync("/v1/entities/person:saddam-haftar");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement entity = await response.JsonAsync();
        Assert.Equal("person:saddam-haftar", entity.GetProperty("id").GetString());
        Assert.Equal("person", entity.GetProperty("type").GetString());
        Assert.Contains(entity.GetProperty("names").EnumerateArray(), n => n.GetProperty("text").GetString() == "Saddam Khalifa Haftar");
    }

    [Fact]
    public async Task Get_UnknownIdIs404Problem()
    {
        using HttpResponseMessage response = await _client.GetAsync("/v1/entities/person:nobody-at-all");
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_CreatesThenReplaces_AndResolutionSeesIt()
    {
        const string body = """{"id": "person:put-test-1", "type": "person", "names": ["Wojciech Przybylski", {"text": "Войцех Пшибыльский", "lang": "ru"}], "attributes": {"country": "PL"}, "relations": [{"type": "parent_of", "target": "person:put-test-2"}]}""";
        using HttpResponseMessage created = await _client.PutJsonAsync("/v1/entities/person:put-test-1", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/v1/entities/person%3Aput-test-1", created.Headers.Location?.OriginalString);

        // Acknowledged means visible: the very next read sees it.
        using HttpResponseMessage read = await _client.GetAsync("/v1/entities/person:put-test-1");
        JsonElement entity = await read.JsonAsync();
        Assert.Equal("PL", entity.GetProperty("attributes").GetProperty("country").GetString());
        Assert.Equal("ru", entity.GetProperty("names")[1].GetProperty("lang").GetString());
        Assert.Equal("person:put-test-2", entity.GetProperty("relations")[0].GetProperty("target").GetString());

        using HttpResponseMessage resolved = await _client.PostJsonAsync("/v1/resolve", """{"name": "Przybylski Wojciech"}""");
        Assert.Equal("person:put-test-1", (await resolved.JsonAsync()).GetProperty("matches")[0].GetProperty("entityId").GetString());

        // A body without "id" takes the id of the URL; replacing answers 200.
        using HttpResponseMessage replaced = await _client.PutJsonAsync("/v1/entities/person:put-test-1", """{"names": ["Wojciech Kowalczyk"]}""");
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        using HttpResponseMessage after = await _client.PostJsonAsync("/v1/resolve", """{"name": "Wojciech Przybylski"}""");
        Assert.DoesNotContain((await after.JsonAsync()).GetProperty("matches").EnumerateArray(), m => m.GetProperty("entityId").GetString() == "person:put-test-1");
    }

    [Fact]
    public async Task Put_OutputOfGetIsAcceptedAsInput()
    {
        using HttpResponseMessage read = await _client.GetAsync("/v1/entities/org:ispr");
        string json = await read.Content.ReadAsStringAsync();
        string copy = json.Replace("\"org:ispr\"", "\"org:ispr-copy\"", StringComparison.Ordinal);
        using HttpResponseMessage put = await _client.PutJsonAsync("/v1/entities/org:ispr-copy", copy);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        using HttpResponseMessage back = await _client.GetAsync("/v1/entities/org:ispr-copy");
        Assert.Equal(copy, await back.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"names": []}""", "names")]
    [InlineData("""{"names": "Wojciech"}""", "names")]
    [InlineData("""{"type": "person"}""", "names")]
    [InlineData("""{"names": ["ok", 5]}""", "names[1]")]
    [InlineData("""{"names": [{"lang": "en"}]}""", "names[0].text")]
    [InlineData("""{"names": ["ok"], "type": 7}""", "type")]
    [InlineData("""{"names": ["ok"], "attributes": []}""", "attributes")]
    [InlineData("""{"names": ["ok"], "relations": [{"type": "parent_of"}]}""", "relations[0]")]
    [InlineData("""{"id": "person:other", "names": ["ok"]}""", "id")]
    [InlineData("""{"id": 5, "names": ["ok"]}""", "id")]
    [InlineData("""[1, 2]""", "body")]
    [InlineData("""{"names": ["ok"]""", "body")]
    public async Task Put_InvalidEntityIs400NamingTheField(string body, string field)
    {
        using HttpResponseMessage response = await _client.PutJsonAsync("/v1/entities/person:put-invalid", body);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        using HttpResponseMessage read = await _client.GetAsync("/v1/entities/person:put-invalid");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task Put_NameLongerThanTheLimitIs400()
    {
        string body = JsonSerializer.Serialize(new { names = new[] { "ok", new string('b', 600) } });
        using HttpResponseMessage response = await _client.PutJsonAsync("/v1/entities/person:put-long", body);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "names[1]");
    }

    [Fact]
    public async Task Delete_RemovesTheEntity_ThenIs404()
    {
        using (HttpResponseMessage put = await _client.PutJsonAsync("/v1/entities/person:delete-me", """{"names": ["Bartholomew Quigley"]}"""))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        using HttpResponseMessage deleted = await _client.DeleteAsync("/v1/entities/person:delete-me");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using HttpResponseMessage read = await _client.GetAsync("/v1/entities/person:delete-me");
        await read.AssertProblemAsync(HttpStatusCode.NotFound);
        using HttpResponseMessage resolved = await _client.PostJsonAsync("/v1/resolve", """{"name": "Bartholomew Quigley"}""");
        Assert.Equal(0, (await resolved.JsonAsync()).GetProperty("matches").GetArrayLength());
        using HttpResponseMessage again = await _client.DeleteAsync("/v1/entities/person:delete-me");
        await again.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_PagesThroughTheRegistry()
    {
        JsonElement first = await (await _client.GetAsync("/v1/entities?limit=5")).JsonAsync();
        int total = first.GetProperty("total").GetInt32();
        Assert.True(total >= 30, $"total {total}");
        Assert.Equal(5, first.GetProperty("entities").GetArrayLength());
        JsonElement second = await (await _client.GetAsync("/v1/entities?offset=5&limit=5")).JsonAsync();
        Assert.NotEqual(first.GetProperty("entities")[0].GetProperty("id").GetString(), second.GetProperty("entities")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task List_WithQuery_ReturnsMatchingEntitiesBestFirst()
    {
        JsonElement body = await (await _client.GetAsync("/v1/entities?query=" + Uri.EscapeDataString("आसिम मुनीर"))).JsonAsync();
        Assert.Equal("आसिम मुनीर", body.GetProperty("query").GetString());
        Assert.Equal("person:asim-munir", body.GetProperty("entities")[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("/v1/entities?limit=0", "limit")]
    [InlineData("/v1/entities?limit=abc", "limit")]
    [InlineData("/v1/entities?offset=-1", "offset")]
    [InlineData("/v1/entities?query=%20", "query")]
    [InlineData("/v1/entities?query=Haftar&threshold=3", "threshold")]
    public async Task List_BadParameterIs400NamingIt(string url, string field)
    {
        using HttpResponseMessage response = await _client.GetAsync(url);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }
}
