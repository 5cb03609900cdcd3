using System.CommandLine;
using System.Text;
using EntityResolver.Cli.Commands;

namespace EntityResolver.Cli;

/// <summary>The command tree and the entry point that the process and the tests call.</summary>
internal static class Cli
{
    /// <summary>
    /// The commands. To add one, write <c>Commands/XCommand.cs</c> with a static
    /// <c>Create(CliConsole)</c> factory and add one line here.
    /// </summary>
    public static RootCommand BuildRoot(CliConsole console)
    {
        var root = new RootCommand("entity-resolver: resolve person and organization names across scripts against a registry of entities.");
        root.Subcommands.Add(ResolveCommand.Create(console));
        root.Subcommands.Add(DedupeCommand.Create(console));
        root.Subcommands.Add(RegistryCommand.Create(console));
        root.Subcommands.Add(TrainCommand.Create(console));
        root.Subcommands.Add(EvalCommand.Create(console));
        root.Subcommands.Add(LinkCommand.Create(console));
        return root;
    }

    /// <summary>Parses <paramref name="args"/>, runs the command and returns the exit code.</summary>
    public static int Run(string[] args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        RootCommand root = BuildRoot(console);
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                console.Stderr.WriteLine("entity-resolver: " + error.Message);
            }

            console.Stderr.WriteLine($"Run '{parse.CommandResult.Command.Name} --help' for usage.");
            return ExitCodes.BadInput;
        }

        using var output = new StreamWriter(console.Stdout, new UTF8Encoding(false), 4096, leaveOpen: true) { AutoFlush = true };
        var configuration = new InvocationConfiguration { Output = output, Error = console.Stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return parse.Invoke(configuration);
        }
        catch (CliException ex)
        {
            console.Stderr.WriteLine("entity-resolver: " + ex.Message);
            return ExitCodes.BadInput;
        }
        catch (IOException ex)
        {
            // A read error mid-stream, or a closed output pipe.
            console.Stderr.WriteLine("entity-resolver: I/O error: " + ex.Message);
            return ExitCodes.BadInput;
        }
    }
}
