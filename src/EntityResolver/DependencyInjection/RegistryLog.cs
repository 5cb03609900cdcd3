using Microsoft.Extensions.Logging;

namespace EntityResolver.DependencyInjection;

/// <summary>Log events of the registry registered by <c>AddEntityResolver</c> (category <c>EntityResolver.EntityRegistry</c>).</summary>
internal static partial class RegistryLog
{
    [LoggerMessage(EventId = 1, EventName = "RegistryLoading", Level = LogLevel.Debug, Message = "Loading the entity registry from {Source}")]
    public static partial void Loading(ILogger logger, string source);

    [LoggerMessage(EventId = 2, EventName = "RegistryLoaded", Level = LogLevel.Information, Message = "Loaded the entity registry from {Source}: {EntityCount} entities, {NameCount} names in {ElapsedMilliseconds} ms")]
    public static partial void Loaded(ILogger logger, string source, int entityCount, int nameCount, long elapsedMilliseconds);

    [LoggerMessage(EventId = 3, EventName = "RegistryLoadFailed", Level = LogLevel.Error, Message = "Could not load the entity registry from {Source}: {ProblemCount} problem(s)")]
    public static partial void LoadFailed(ILogger logger, string source, int problemCount, Exception exception);

    [LoggerMessage(EventId = 4, EventName = "ResolverCreated", Level = LogLevel.Debug, Message = "Name resolver ready: model {Model}, top {Top}, threshold {Threshold}")]
    public static partial void ResolverCreated(ILogger logger, string model, int top, double threshold);
}
