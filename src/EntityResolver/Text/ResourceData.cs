using System.Text;

namespace EntityResolver.Text;

/// <summary>Reads the reference data files embedded in the assembly (Data/**).</summary>
internal static class ResourceData
{
    /// <summary>Opens an embedded data file by its path under Data/ (forward slashes).</summary>
    public static Stream Open(string path)
    {
        string name = "EntityResolver.Data." + path.Replace('/', '.');
        return typeof(ResourceData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from the EntityResolver assembly.");
    }

    /// <summary>Tab-separated rows of a data file, without comments (#) and blank lines.</summary>
    public static IEnumerable<string[]> ReadTable(string path)
    {
        using var reader = new StreamReader(Open(path), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] cells = line.Split('\t');
            for (int i = 0; i < cells.Length; i++)
            {
                cells[i] = cells[i].Trim().Normalize(NormalizationForm.FormKC);
            }

            if (cells[0].Length > 0)
            {
                yield return cells;
            }
        }
    }
}
