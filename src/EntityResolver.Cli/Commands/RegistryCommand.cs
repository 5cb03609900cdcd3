using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using EntityResolver.Cli.IO;

namespace EntityResolver.Cli.Commands;

/// <summary><c>registry</c>: commands on registry files (<c>registry validate</c>).</summary>
internal static class RegistryCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("registry", "Work with registry files (JSON Lines, one entity per line).");
        command.Subcommands.Add(CreateValidate(console));
        return command;
    }

    private static Command CreateValidate(CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The registry file to check." };
        var command = new Command("validate", "Check a registry file: every problem as file:line:field, duplicate ids, relations to unknown entities. Exit 0 only when clean.")
        {
            file,
        };
        command.SetAction(parse => Validate(parse.GetValue(file)!, console));
        return command;
    }

    private static int Validate(FileInfo file, CliConsole console)
    {
        if (!file.Exists)
        {
            throw new CliException($"{file.FullName}: no such file");
        }

        string source = file.ToString();
        var problems = new List<RegistryProblem>();

        // Lines of invalid UTF-8 are found here, by line, and blanked in the copy the core
        // loads, so that its own checks still see (and number) every other line.
        var lines = new List<string?>();
        using var clean = new MemoryStream();
        using (var reader = new LineSource(OpenRead(file), int.MaxValue / 2))
        {
            while (reader.MoveNext())
            {
                if (Utf8.IsValid(reader.Current))
                {
                    clean.Write(reader.Current);
                    lines.Add(Encoding.UTF8.GetString(reader.Current));
                }
                else
                {
                    problems.Add(new RegistryProblem(source, (int)reader.LineNumber, null, "invalid UTF-8; save the file as UTF-8"));
                    lines.Add(null);
                }

                clean.WriteByte((byte)'\n');
            }
        }

        clean.Position = 0;
        EntityRegistry? registry = null;
        try
        {
            registry = EntityRegistry.Load(clean, source);
        }
        catch (RegistryLoadException ex)
        {
            problems.AddRange(ex.Problems.Count > 0 ? ex.Problems : [new RegistryProblem(source, 0, null, ex.Message)]);
        }
        catch (ArgumentException ex)
        {
            problems.Add(new RegistryProblem(source, 0, null, ex.Message));
        }

        problems.AddRange(DanglingRelations(lines, source));
        using var stdout = new StreamWriter(console.Stdout, new UTF8Encoding(false), 4096, leaveOpen: true) { NewLine = "\n" };
        foreach (RegistryProblem p in problems.OrderBy(p => p.Line).ThenBy(p => p.Field, StringComparer.Ordinal))
        {
            stdout.WriteLine(Format(p));
        }

        stdout.Flush();
        if (problems.Count == 0 && registry is not null)
        {
            console.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{source}: {registry.Count} entities, {registry.NameCount} names, no problems"));
            return ExitCodes.Success;
        }

        console.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{source}: {problems.Count} problem(s)"));
        return ExitCodes.RowErrors;
    }

    /// <summary><c>file:line:field: message</c> (<c>file:line: message</c> when the whole line is at fault).</summary>
    internal static string Format(RegistryProblem p) =>
        p.Field is null ? $"{p.Source}:{p.Line}: {p.Message}" : $"{p.Source}:{p.Line}:{p.Field}: {p.Message}";

    private static FileStream OpenRead(FileInfo file)
    {
        try
        {
            return file.OpenRead();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {file.FullName}: {ex.Message}", ex);
        }
    }

    /// <summary>Relations whose target is no entity of the file. Lines that do not parse are the loader's business and skipped here.</summary>
    private static List<RegistryProblem> DanglingRelations(List<string?> lines, string source)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var targets = new List<(int Line, int Index, string Target)>();
        int lineNumber = 0;
        foreach (string? line in lines)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                if (doc.RootElement.TryGetProperty("id", out JsonElement id) && id.ValueKind == JsonValueKind.String)
                {
                    ids.Add(id.GetString()!);
                }

                if (doc.RootElement.TryGetProperty("relations", out JsonElement rels) && rels.ValueKind == JsonValueKind.Array)
                {
                    int index = 0;
                    foreach (JsonElement rel in rels.EnumerateArray())
                    {
                        if (rel.ValueKind == JsonValueKind.Object && rel.TryGetProperty("target", out JsonElement target) && target.ValueKind == JsonValueKind.String)
                        {
                            targets.Add((lineNumber, index, target.GetString()!));
                        }

                        index++;
                    }
                }
            }
            catch (JsonException)
            {
                // reported by the loader
            }
        }

        return [.. targets
            .Where(t => !ids.Contains(t.Target))
            .Select(t => new RegistryProblem(source, t.Line, string.Create(CultureInfo.InvariantCulture, $"relations[{t.Index}].target"), $"no entity with id '{t.Target}' in this file"))];
    }
}
