using Microsoft.Extensions.Options;

namespace EntityResolver.DependencyInjection;

/// <summary>Checks <see cref="EntityResolverOptions"/> once, reporting every problem with the option's name.</summary>
internal sealed class EntityResolverOptionsValidator : IValidateOptions<EntityResolverOptions>
{
    private const string Prefix = nameof(EntityResolverOptions) + ".";

    public ValidateOptionsResult Validate(string? name, EntityResolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.Top is < 1 or > 1000)
        {
            problems.Add(FormattableString.Invariant($"{Prefix}{nameof(options.Top)} must be between 1 and 1000 (was {options.Top})."));
        }

        if (double.IsNaN(options.Threshold) || options.Threshold is < 0 or > 1)
        {
            problems.Add(FormattableString.Invariant($"{Prefix}{nameof(options.Threshold)} must be a probability between 0 and 1 (was {options.Threshold})."));
        }

        if (options.EntityType is not null && string.IsNullOrWhiteSpace(options.EntityType))
        {
            problems.Add($"{Prefix}{nameof(options.EntityType)} must be null (any type) or a type such as \"person\".");
        }

        if (options.RegistryPath is not null)
        {
            if (options.RegistryFactory is not null)
            {
                problems.Add($"{Prefix}{nameof(options.RegistryPath)} and {Prefix}{nameof(options.RegistryFactory)} are both set: set one of them (or neither, for the embedded default registry).");
            }
            else if (string.IsNullOrWhiteSpace(options.RegistryPath))
            {
                problems.Add($"{Prefix}{nameof(options.RegistryPath)} is empty: set it to a registry file, or leave it null for the embedded default registry.");
            }
            else if (!File.Exists(options.RegistryPath))
            {
                problems.Add($"{Prefix}{nameof(options.RegistryPath)}: the registry file '{options.RegistryPath}' does not exist (full path '{Path.GetFullPath(options.RegistryPath)}').");
            }
        }

        if (options.ModelPath is not null)
        {
            if (options.Model is not null)
            {
                problems.Add($"{Prefix}{nameof(options.ModelPath)} and {Prefix}{nameof(options.Model)} are both set: set one of them (or neither, for the default model).");
            }
            else if (string.IsNullOrWhiteSpace(options.ModelPath))
            {
                problems.Add($"{Prefix}{nameof(options.ModelPath)} is empty: set it to a model file, or leave it null for the default model.");
            }
            else if (!File.Exists(options.ModelPath))
            {
                problems.Add($"{Prefix}{nameof(options.ModelPath)}: the model file '{options.ModelPath}' does not exist (full path '{Path.GetFullPath(options.ModelPath)}').");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
