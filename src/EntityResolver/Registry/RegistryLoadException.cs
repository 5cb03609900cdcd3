namespace EntityResolver;

/// <summary>A problem found in a registry file, with its place.</summary>
/// <param name="Source">The file name or source description.</param>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Field">The JSON field at fault (such as <c>id</c> or <c>names[2].text</c>), or null for the whole line.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record RegistryProblem(string Source, int Line, string? Field, string Message)
{
    /// <summary>"file:line: field: message".</summary>
    public override string ToString() => Field is null ? $"{Source}:{Line}: {Message}" : $"{Source}:{Line}: {Field}: {Message}";
}

/// <summary>
/// Thrown when a registry file cannot be loaded. Nothing is loaded: the exception lists every
/// problem found (up to a limit), each with file, line and field.
/// </summary>
public sealed class RegistryLoadException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public RegistryLoadException(IReadOnlyList<RegistryProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with a message.</summary>
    public RegistryLoadException(string message)
        : base(message)
    {
        Problems = [];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public RegistryLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Creates the exception with no message.</summary>
    public RegistryLoadException()
        : this("The registry could not be loaded.")
    {
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<RegistryProblem> Problems { get; }

    private static string Describe(IReadOnlyList<RegistryProblem> problems) => problems.Count switch
    {
        0 => "The registry could not be loaded.",
        1 => problems[0].ToString(),
        _ => $"{problems[0]} (and {problems.Count - 1} more problem(s): {string.Join("; ", problems.Skip(1).Take(5))})",
    };
}
