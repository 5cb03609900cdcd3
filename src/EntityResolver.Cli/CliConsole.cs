namespace EntityResolver.Cli;

/// <summary>
/// The standard streams a command uses. The process uses <see cref="FromSystem"/>; tests pass
/// in-memory streams so that commands run in-process.
/// </summary>
internal sealed class CliConsole
{
    private readonly Func<Stream> _openStdin;

    public CliConsole(Func<Stream> openStdin, Stream stdout, TextWriter stderr, bool isErrorInteractive = false)
    {
        _openStdin = openStdin;
        Stdout = stdout;
        Stderr = stderr;
        IsErrorInteractive = isErrorInteractive;
    }

    /// <summary>Standard output, as bytes (results are written as UTF-8).</summary>
    public Stream Stdout { get; }

    /// <summary>Standard error: messages, the summary line, statistics.</summary>
    public TextWriter Stderr { get; }

    /// <summary>Whether standard error is an interactive terminal (progress display allowed).</summary>
    public bool IsErrorInteractive { get; }

    /// <summary>The process console.</summary>
    public static CliConsole FromSystem() =>
        new(Console.OpenStandardInput, Console.OpenStandardOutput(), Console.Error, !Console.IsErrorRedirected);

    /// <summary>Opens standard input as bytes (so that invalid UTF-8 can be reported by line).</summary>
    public Stream OpenStdin() => _openStdin();
}
