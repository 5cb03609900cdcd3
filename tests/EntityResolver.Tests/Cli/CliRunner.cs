using System.Text;
using System.Text.Json;
using EntityResolver.Cli;

namespace EntityResolver.Tests.Cli;

/// <summary>Runs the command line in-process with captured standard streams.</summary>
internal static class CliRunner
{
    public static CliRun Run(params string[] args) => Run(args, stdin: []);

    public static CliRun Run(string[] args, string stdin) => Run(args, Encoding.UTF8.GetBytes(stdin));

    public static CliRun Run(string[] args, byte[] stdin, bool interactive = false)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var console = new CliConsole(() => new MemoryStream(stdin, writable: false), stdout, stderr, interactive);
        int exit = EntityResolver.Cli.Cli.Run(args, console);
        return new CliRun(exit, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }
}

internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public JsonElement[] Json => [.. Lines.Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>A temporary directory removed after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "er-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name, string content) => File(name, Encoding.UTF8.GetBytes(content));

    public string File(string name, byte[] content)
    {
        string path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
