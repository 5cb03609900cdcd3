using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EntityResolver.Server.Tests;

/// <summary>An in-memory server over a fresh SQLite store in a temporary directory.</summary>
public sealed class ServerFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public ServerFactory(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        Directory = TempDirectory.Create();
        _settings = new Dictionary<string, string?>(StringComparer.Ordinal) { ["Store:Path"] = Path.Combine(Directory.Path, "registry.db") };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }

        _services = services;
    }

    public TempDirectory Directory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Directory.Dispose();
        }
    }
}

/// <summary>A temporary directory removed on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    private TempDirectory(string path) => Path = path;

    public string Path { get; }

    public static TempDirectory Create()
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "er-server-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(path);
        return new TempDirectory(path);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the OS cleans temp.
        }
    }
}

/// <summary>One default server shared by the tests of a class (each test uses its own entity ids).</summary>
public sealed class SharedServer : IDisposable
{
    public SharedServer()
    {
        Factory = new ServerFactory();
        Client = Factory.CreateClient();
    }

    public ServerFactory Factory { get; }

    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}
