using System.CommandLine;
using System.Globalization;

namespace EntityResolver.Cli.Commands;

/// <summary><c>index build</c>: analyzes and indexes a registry once and writes a snapshot that loads much faster.</summary>
internal static class IndexCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("index", "Registry snapshots: the analyzed names and the candidate index in one binary file.");
        var registry = new Option<FileInfo>("--registry", "-r")
        {
            Description = "The registry to index (JSON Lines, or a snapshot to rewrite).",
            HelpName = "FILE",
            Required = true,
        };
        var output = new Option<FileInfo>("--output", "-o")
        {
            Description = "The snapshot file to write (by convention *.idx); pass it to --registry of any command.",
            HelpName = "FILE",
            Required = true,
        };
        var build = new Command("build", "Build the index of a registry and write it as a snapshot: `--registry R.idx` then loads without analyzing any name again.")
        {
            registry,
            output,
        };
        build.SetAction(parse => Build(parse.GetValue(registry)!, parse.GetValue(output)!, console));
        command.Subcommands.Add(build);
        return command;
    }

    private static int Build(FileInfo registryFile, FileInfo outputFile, CliConsole console)
    {
        if (!registryFile.Exists)
        {
            throw new CliException($"{registryFile.FullName}: no such file");
        }

        EntityRegistry registry = CommonOptions.LoadRegistry(registryFile, out TimeSpan loadTime);
        string temporary = outputFile.FullName + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                registry.SaveSnapshot(stream);
            }

            File.Move(temporary, outputFile.FullName, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new CliException($"cannot write {outputFile.FullName}: {ex.Message}", ex);
        }

        console.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{outputFile}: {registry.Count} entities, {registry.NameCount} names, built in {loadTime.TotalMilliseconds:F0} ms, {new FileInfo(outputFile.FullName).Length / 1024.0:F0} KiB"));
        return ExitCodes.Success;
    }
}
