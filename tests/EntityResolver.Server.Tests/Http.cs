using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace EntityResolver.Server.Tests;

/// <summary>Small helpers for JSON requests and problem documents.</summary>
internal static class Http
{
    public static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        using JsonDocument document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json) => client.PostAsync(url, JsonBody(json));

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, string json) => client.PutAsync(url, JsonBody(json));

    /// <summary>Asserts the status and an RFC 9457 problem body; returns the body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal); // no stack trace
        using JsonDocument document = JsonDocument.Parse(text);
        JsonElement problem = document.RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        if (field is not null)
        {
            Assert.True(problem.TryGetProperty("errors", out JsonElement errors), $"no 'errors' in {text}");
            Assert.True(errors.TryGetProperty(field, out _), $"field '{field}' not named in {text}");
        }

        return problem;
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
