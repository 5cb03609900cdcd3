using System.Net;
using System.Text.Json;

namespace EntityResolver.Server.Tests;

public sealed class LinkEndpointTests(SharedServer server) : IClassFixture<SharedServer>
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task Link_ReturnsTheMentionsOfTheLibrary_WithOffsetsIntoTheText()
    {
        const string text = "Field Marshal Asim Munir met Khalifa Haftar and his son Saddam Khalifa Haftar; ISPR said.";
        using HttpResponseMessage response = await _client.PostJsonAsync("/v1/link", JsonSerializer.Serialize(new { text }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement mentions = (await response.JsonAsync()).GetProperty("mentions");

        var expected = new EntityLinker(new NameResolver(EntityRegistry.Default)).Link(text);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, mentions.GetArrayLength());
        for (int i = 0; i < expected.Count; i++)
        {
            JsonElement m = mentions[i];
            int start = m.GetProperty("start").GetInt32();
            int length = m.GetProperty("length").GetInt32();
            Assert.Equal(expected[i].Start, start);
            Assert.Equal(expected[i].Length, length);
            Assert.Equal(expected[i].EntityId, m.GetProperty("entityId").GetString());
            Assert.Equal(expected[i].Score, m.GetProperty("score").GetDouble());
            Assert.Equal(text.Substring(start, length), m.GetProperty("text").GetString());
            Assert.False(m.TryGetProperty("evidence", out _));
        }

        Assert.Contains(mentions.EnumerateArray(), m => m.GetProperty("entityId").GetString() == "person:saddam-haftar");
    }

    [Fact]
    public async Task Link_SeesEntitiesAddedThroughTheApi_AndExplainsOnRequest()
    {
        using (HttpResponseMessage put = await _client.PutJsonAsync("/v1/entities/person:link-test", """{"names": ["Theophilus Wainwright-Ogunleye"]}"""))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        const string text = "Yesterday Theophilus Wainwright-Ogunleye arrived.";
        using HttpResponseMessage response = await _client.PostJsonAsync("/v1/link", JsonSerializer.Serialize(new { text, explain = true }));
        JsonElement mention = Assert.Single((await response.JsonAsync()).GetProperty("mentions").EnumerateArray());
        Assert.Equal("person:link-test", mention.GetProperty("entityId").GetString());
        Assert.Equal(text.IndexOf("Theophilus", StringComparison.Ordinal), mention.GetProperty("start").GetInt32());
        Assert.True(mention.TryGetProperty("evidence", out JsonElement evidence));
        Assert.False(string.IsNullOrEmpty(evidence.GetProperty("matchedName").GetString()));
    }

    [Fact]
    public async Task Link_EmptyTextHasNoMentions()
    {
        using HttpResponseMessage response = await _client.PostJsonAsync("/v1/link", """{"text": ""}""");
        Assert.Equal(0, (await response.JsonAsync()).GetProperty("mentions").GetArrayLength());
    }

    [Theory]
    [InlineData("""{}""", "text")]
    [InlineData("""{"text": 5}""", "text")]
    [InlineData("""{"text": ["a"]}""", "text")]
    [InlineData("""{"text": "a", "explain": 1}""", "explain")]
    [InlineData("""{"text": """, "body")]
    public async Task Link_BadRequestNamesTheField(string body, string field)
    {
        using HttpResponseMessage response = await _client.PostJsonAsync("/v1/link", body);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Link_TextLongerThanTheLimitIs400()
    {
        string text = string.Concat(Enumerable.Repeat("Khalifa Haftar met Asim Munir. ", 4000));
        using HttpResponseMessage response = await _client.PostJsonAsync("/v1/link", JsonSerializer.Serialize(new { text }));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "text");
    }
}
