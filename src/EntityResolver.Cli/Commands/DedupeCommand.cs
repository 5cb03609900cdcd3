using System.CommandLine;

namespace EntityResolver.Cli.Commands;

internal static class DedupeCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("dedupe", "todo");
        command.SetAction(_ => console.Stderr.WriteLine("todo"));
        return command;
    }
}
