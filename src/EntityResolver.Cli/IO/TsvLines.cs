using System.Text;
using EntityResolver.Registry;

namespace EntityResolver.Cli.IO;

/// <summary>Reads the small labelled TSV files of <c>eval</c> and <c>train</c>.</summary>
internal static class TsvLines
{
    /// <summary>
    /// The non-blank lines of a UTF-8 file that do not start with '#', split on tabs, with their
    /// 1-based line numbers. Invalid UTF-8 is a <see cref="CliException"/> naming the line.
    /// </summary>
    public static IEnumerable<(int Line, string[] Cells)> Read(FileInfo file)
    {
        using Stream stream = file.OpenRead();
        var reader = new Utf8LineReader(stream);
        while (true)
        {
            string? line;
            try
            {
                line = reader.ReadLine();
            }
            catch (DecoderFallbackException ex)
            {
                throw new CliException($"{file}:{reader.LineNumber}: invalid UTF-8", ex);
            }

            if (line is null)
            {
                yield break;
            }

            if (line.Length > 0 && line[0] != '#')
            {
                yield return (reader.LineNumber, line.Split('\t'));
            }
        }
    }
}
