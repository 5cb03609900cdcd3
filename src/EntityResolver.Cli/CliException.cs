namespace EntityResolver.Cli;

/// <summary>
/// A bad argument or unreadable input: the command stops, the message goes to stderr and the
/// process exits with <see cref="ExitCodes.BadInput"/>.
/// </summary>
internal sealed class CliException : Exception
{
    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CliException()
    {
    }
}

/// <summary>The exit codes of every command (documented in docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>The run completed, but some rows could not be read (with --on-error skip or report), or validation found problems.</summary>
    public const int RowErrors = 1;

    /// <summary>Bad arguments or unreadable input.</summary>
    public const int BadInput = 2;
}
