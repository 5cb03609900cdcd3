using System.CommandLine;
using System.Diagnostics;

namespace EntityResolver.Cli;

/// <summary>Options shared by several commands, and how to turn them into core objects.</summary>
internal static class CommonOptions
{
    /// <summary><c>--registry FILE</c>: a registry in JSON Lines; the embedded default registry when absent.</summary>
    public static Option<FileInfo?> Registry() => new("--registry", "-r")
    {
        Description = "Registry file (JSON Lines, one entity per line). Default: the embedded seed registry.",
        HelpName = "FILE",
    };

    /// <summary><c>--model FILE|fitted|heuristic|default</c>: the scoring model.</summary>
    public static Option<string?> Model() => new("--model", "-m")
    {
        Description = "The scoring model: a model file written by 'train', 'fitted' for the embedded calibrated model, 'heuristic' for the embedded hand-set one, or 'default'. Default: the embedded default model.",
        HelpName = "FILE|fitted|heuristic|default",
    };

    /// <summary>The model named by a <see cref="Model"/> option value (<see cref="MatchModel.FromSetting"/>); bad files become a <see cref="CliException"/>.</summary>
    public static MatchModel LoadModel(string? value)
    {
        try
        {
            return MatchModel.FromSetting(value);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new CliException("cannot load model: " + ex.Message, ex);
        }
    }

    /// <summary><c>--input FILE|-</c>.</summary>
    public static Option<string?> Input(string description) => new("--input", "-i")
    {
        Description = description,
        HelpName = "FILE|-",
    };

    /// <summary><c>--output FILE|-</c> (default standard output).</summary>
    public static Option<string?> Output() => new("--output", "-o")
    {
        Description = "Where to write the results; '-' or absent for standard output.",
        HelpName = "FILE|-",
    };

    /// <summary>Loads the registry named by <paramref name="file"/>, or the default; bad files become a <see cref="CliException"/>.</summary>
    public static EntityRegistry LoadRegistry(FileInfo? file, out TimeSpan elapsed)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            EntityRegistry registry = file is null ? EntityRegistry.Default : EntityRegistry.Load(file.FullName);
            return registry;
        }
        catch (RegistryLoadException ex)
        {
            throw new CliException("cannot load registry: " + ex.Message, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read registry {file?.FullName}: {ex.Message}", ex);
        }
        finally
        {
            elapsed = Stopwatch.GetElapsedTime(start);
        }
    }

    /// <summary>Opens the input: a file, or standard input for '-'.</summary>
    public static Stream OpenInput(string path, CliConsole console)
    {
        if (path == "-")
        {
            return console.OpenStdin();
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read input {path}: {ex.Message}", ex);
        }
    }

    /// <summary>Opens the output: a file (created or truncated), or standard output for '-' or null.</summary>
    public static Stream OpenOutput(string? path, CliConsole console)
    {
        if (path is null or "-")
        {
            return new NonClosingStream(console.Stdout);
        }

        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write output {path}: {ex.Message}", ex);
        }
    }

    /// <summary>Standard output must stay open after a command: this wrapper flushes instead of closing.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Flush();
            }

            base.Dispose(disposing);
        }
    }
}
