using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;

namespace EntityResolver.Server.Tests;

/// <summary>The real server: Kestrel on 127.0.0.1, a free port chosen by the OS.</summary>
public sealed class KestrelTests
{
    [Fact]
    public async Task RealKestrel_ServesResolveWritesReconciliationAndLimits()
    {
        using TempDirectory directory = TempDirectory.Create();
        WebApplication app = ServerApp.Build(["--urls", "http://127.0.0.1:0", "--Store:Path", Path.Combine(directory.Path, "registry.db"), "--Limits:MaxBodyBytes", "4096", "--Logging:LogLevel:Default", "Warning"]);
        await app.StartAsync();
        try
        {
            string address = app.Urls.Single();
            Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
            using var client = new HttpClient { BaseAddress = new Uri(address) };

            using HttpResponseMessage resolved = await client.PostJsonAsync("/v1/resolve", """{"name": "عاصم منير"}""");
            Assert.Equal("person:asim-munir", (await resolved.JsonAsync()).GetProperty("matches")[0].GetProperty("entityId").GetString());

            using HttpResponseMessage put = await client.PutJsonAsync("/v1/entities/org:kestrel-test", """{"type": "organization", "names": ["Kestrel Testing Bureau", "KTB"]}""");
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/entities/org:kestrel-test")).StatusCode);

            using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("queries", """{"q0": {"query": "Kestrel Testing Bureau"}}""")]);
            JsonElement batch = await (await client.PostAsync("/reconcile", form)).JsonAsync();
            Assert.Equal("org:kestrel-test", batch.GetProperty("q0").GetProperty("result")[0].GetProperty("id").GetString());

            // Kestrel's own body limit answers 413 as a problem document too.
            string big = JsonSerializer.Serialize(new { name = "Haftar", padding = new string('x', 10_000) });
            await (await client.PostJsonAsync("/v1/resolve", big)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
            await (await client.PostJsonAsync("/v1/resolve", "{")).AssertProblemAsync(HttpStatusCode.BadRequest, "body");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        // A clean stop leaves the store readable by the next start.
        await using WebApplication again = ServerApp.Build(["--urls", "http://127.0.0.1:0", "--Store:Path", Path.Combine(directory.Path, "registry.db"), "--Logging:LogLevel:Default", "Warning"]);
        await again.StartAsync();
        using var client2 = new HttpClient { BaseAddress = new Uri(again.Urls.Single()) };
        Assert.Equal(HttpStatusCode.OK, (await client2.GetAsync("/v1/entities/org:kestrel-test")).StatusCode);
        await again.StopAsync();
    }
}
