using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace EntityResolver.Server.Tests;

public sealed class ServerOptionsTests
{
    private static ServerOptions From(Dictionary<string, string?> settings) =>
        ServerOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        ServerOptions options = From([]);
        Assert.Equal(1024 * 1024, options.MaxBodyBytes);
        Assert.Equal(512, options.MaxNameLength);
        Assert.Equal(1000, options.MaxBatchSize);
        Assert.Equal(TimeSpan.FromSeconds(10), options.RequestTimeout);
        Assert.Null(options.ApiKey);
        Assert.Null(options.RegistryPath);
        Assert.EndsWith(Path.Combine("EntityResolver", "registry.db"), options.StorePath, StringComparison.Ordinal);
    }

    [Fact]
    public void CommandLineKeysOfTheBrief_AreRead()
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddCommandLine(["--Registry:Path", "r.jsonl", "--Store:Path", "s.db", "--ApiKey", "k", "--Limits:MaxBatchSize", "7"])
            .Build();
        ServerOptions options = ServerOptions.From(configuration);
        Assert.Equal("r.jsonl", options.RegistryPath);
        Assert.Equal("s.db", options.StorePath);
        Assert.Equal("k", options.ApiKey);
        Assert.Equal(7, options.MaxBatchSize);
    }

    [Fact]
    public void EveryBadSettingIsReportedAtOnce()
    {
        var error = Assert.Throws<InvalidOperationException>(() => From(new()
        {
            ["Limits:MaxNameLength"] = "5000",
            ["Limits:MaxBatchSize"] = "0",
            ["Limits:RequestTimeoutSeconds"] = "-1",
            ["PublicBaseUrl"] = "not a url",
        }));
        Assert.Contains("Limits:MaxNameLength", error.Message, StringComparison.Ordinal);
        Assert.Contains("Limits:MaxBatchSize", error.Message, StringComparison.Ordinal);
        Assert.Contains("Limits:RequestTimeoutSeconds", error.Message, StringComparison.Ordinal);
        Assert.Contains("PublicBaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheModelSettingChoosesTheScoringModel()
    {
        Assert.Equal(MatchModel.Default.Name, From([]).Model.Name);
        Assert.Equal(MatchModel.Fitted.Name, From(new() { ["Model"] = "fitted" }).Model.Name);
        var error = Assert.Throws<InvalidOperationException>(() => From(new() { ["Model"] = "/no/such/model.json" }));
        Assert.Contains("Model must be", error.Message, StringComparison.Ordinal);
        Assert.Contains("/no/such/model.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheServerScoresWithTheConfiguredModel()
    {
        using var factory = new ServerFactory(new() { ["Model"] = "fitted" });
        using HttpClient client = factory.CreateClient();

        JsonElement health = await (await client.GetAsync("/health")).JsonAsync();

        Assert.Equal(MatchModel.Fitted.Name, health.GetProperty("model").GetString());
    }
}
