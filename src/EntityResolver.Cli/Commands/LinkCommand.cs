using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EntityResolver.Cli.Commands;

/// <summary>
/// <c>link</c>: the mentions of registry entities in a text (a file or standard input), as JSON
/// Lines, one per mention, in text order. Offsets are UTF-16 code units of the decoded text.
/// </summary>
internal static class LinkCommand
{
    public static Command Create(CliConsole console)
    {
        Option<FileInfo?> registry = CommonOptions.Registry();
        Option<string?> model = CommonOptions.Model();
        Option<string?> input = CommonOptions.Input("The text to link (UTF-8), '-' for standard input.");
        Option<string?> output = CommonOptions.Output();
        var threshold = new Option<double>("--threshold", "-t") { Description = "The lowest resolver score of a full name or acronym (a probability, 0-1).", DefaultValueFactory = _ => LinkOptions.Default.Threshold, HelpName = "P" };
        var explain = new Option<bool>("--explain") { Description = "Add the evidence of each decision (titles, context rules, alternatives) to every mention." };
        var command = new Command("link", "Find and resolve the mentions of registry entities in running text; writes JSON Lines {start, length, text, entityId, score}, one per mention.")
        {
            registry, model, input, output, threshold, explain,
        };
        command.SetAction(parse => Execute(parse.GetValue(registry), parse.GetValue(model), parse.GetValue(input), parse.GetValue(output), parse.GetValue(threshold), parse.GetValue(explain), console));
        return command;
    }

    private static int Execute(FileInfo? registryFile, string? modelName, string? input, string? output, double threshold, bool explain, CliConsole console)
    {
        if (input is null)
        {
            throw new CliException("nothing to link: give --input FILE, or --input - for standard input (see 'link --help')");
        }

        var options = new LinkOptions { Threshold = threshold };
        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message.Replace("Threshold", "--threshold", StringComparison.Ordinal), ex);
        }

        MatchModel model = CommonOptions.LoadModel(modelName);
        string text = ReadText(input, console);
        EntityRegistry registry = CommonOptions.LoadRegistry(registryFile, out _);
        var linker = new EntityLinker(new NameResolver(registry, model), options);
        IReadOnlyList<LinkedMention> mentions = linker.Link(text);

        using Stream stream = CommonOptions.OpenOutput(output, console);
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            foreach (LinkedMention m in mentions)
            {
                Write(json, m, explain);
                json.Flush();
                stream.WriteByte((byte)'\n');
                json.Reset();
            }
        }

        console.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"link: {mentions.Count} mention(s) in {text.Length} characters of {input}"));
        return ExitCodes.Success;
    }

    private static void Write(Utf8JsonWriter json, LinkedMention m, bool explain)
    {
        json.WriteStartObject();
        json.WriteNumber("start", m.Start);
        json.WriteNumber("length", m.Length);
        json.WriteString("text", m.Text);
        json.WriteString("entityId", m.EntityId);
        json.WriteNumber("score", Math.Round(m.Score, 4));
        if (explain)
        {
            LinkEvidence e = m.Evidence;
            json.WriteStartObject("evidence");
            json.WriteString("kind", e.Kind.ToString());
            json.WriteString("matchedName", e.MatchedName);
            WriteArray(json, "titles", e.Titles);
            WriteArray(json, "rules", e.Rules);
            WriteArray(json, "alternatives", e.Alternatives);
            json.WriteString("resolution", e.Resolution);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (string v in values)
        {
            json.WriteStringValue(v);
        }

        json.WriteEndArray();
    }

    /// <summary>The whole input as text; invalid UTF-8 is a bad input (exit 2) with the byte offset.</summary>
    private static string ReadText(string input, CliConsole console)
    {
        using Stream stream = CommonOptions.OpenInput(input, console);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        ReadOnlySpan<byte> bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            int line = 1;
            int valid = 0;
            while (valid < bytes.Length && System.Text.Rune.DecodeFromUtf8(bytes[valid..], out _, out int used) == System.Buffers.OperationStatus.Done)
            {
                line += bytes[valid] == (byte)'\n' ? 1 : 0;
                valid += used;
            }

            throw new CliException(string.Create(CultureInfo.InvariantCulture, $"{input}:{line}: invalid UTF-8 at byte {valid}; save the text as UTF-8"));
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
