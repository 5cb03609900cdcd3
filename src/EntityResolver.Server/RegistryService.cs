using System.Diagnostics;
using System.Threading.Channels;

namespace EntityResolver.Server;

/// <summary>An immutable view of the registry: readers take one and use it for a whole request.</summary>
internal sealed class RegistrySnapshot
{
    private readonly Lazy<EntityLinker> _linker;

    /// <param name="resolver">The resolver over the registry of this version.</param>
    /// <param name="version">Increases by one with every applied group of writes.</param>
    public RegistrySnapshot(NameResolver resolver, long version)
    {
        Resolver = resolver;
        Version = version;
        _linker = new Lazy<EntityLinker>(() => new EntityLinker(resolver), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public NameResolver Resolver { get; }

    public long Version { get; }

    public EntityRegistry Registry => Resolver.Registry;

    /// <summary>The linker over this snapshot, built on first use.</summary>
    public EntityLinker Linker => _linker.Value;
}

/// <summary>The outcome of one write.</summary>
internal enum WriteOutcome
{
    Created,
    Replaced,
    Deleted,
    NotFound,
}

/// <summary>
/// Owns the registry: loads it from the durable store at start, serves the current snapshot to
/// readers (a volatile reference: readers never wait), and applies writes on one writer loop.
/// Writes queued while a rebuild runs are grouped: one transaction, committed before any of them
/// is acknowledged, then one rebuild and one atomic swap.
/// </summary>
internal sealed partial class RegistryService : IHostedService, IDisposable
{
    private const int MaxGroup = 512;
    private readonly IRegistryStore _store;
    private readonly ServerOptions _options;
    private readonly ServerMetrics _metrics;
    private readonly ILogger<RegistryService> _logger;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private volatile RegistrySnapshot? _snapshot;
    private Task? _writer;

    public RegistryService(IRegistryStore store, ServerOptions options, ServerMetrics metrics, ILogger<RegistryService> logger)
    {
        _store = store;
        _options = options;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>The current snapshot.</summary>
    /// <exception cref="InvalidOperationException">The service has not started.</exception>
    public RegistrySnapshot Current => _snapshot ?? throw new InvalidOperationException("The registry is not loaded yet.");

    public string StoreDescription => _store.Description;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var (entities, seeded) = _store.Open(Seed);
        var snapshot = new RegistrySnapshot(new NameResolver(EntityRegistry.Create(entities), _options.Model), 1);
        _snapshot = snapshot;
        _metrics.SetRegistry(snapshot);
        LogLoaded(snapshot.Registry.Count, snapshot.Registry.NameCount, _store.Description, seeded, clock.ElapsedMilliseconds);
        if (!seeded && _options.RegistryPath is not null)
        {
            LogSeedIgnored(_options.RegistryPath, _store.Description);
        }

        _writer = Task.Run(WriteLoopAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Writes already queued are committed before the store closes.
        _queue.Writer.TryComplete();
        if (_writer is not null)
        {
            await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        LogStopped();
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _store.Dispose();
    }

    /// <summary>Adds or replaces an entity; completes once the write is committed and visible to readers.</summary>
    public Task<WriteOutcome> PutAsync(Entity entity) => Enqueue(entity.Id, entity);

    /// <summary>Deletes an entity; completes once the delete is committed and visible to readers.</summary>
    public Task<WriteOutcome> DeleteAsync(string id) => Enqueue(id, null);

    private Task<WriteOutcome> Enqueue(string id, Entity? entity)
    {
        var pending = new PendingWrite(id, entity, new TaskCompletionSource<WriteOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ApiProblemException(StatusCodes.Status503ServiceUnavailable, "Shutting down", "The server is shutting down and accepts no more writes.");
        }

        return pending.Done.Task;
    }

    private IEnumerable<Entity> Seed()
    {
        if (_options.RegistryPath is { } path)
        {
            LogSeeding(path);
            return EntityRegistry.Load(path).Entities;
        }

        LogSeeding("embedded default registry");
        return EntityRegistry.Default.Entities;
    }

    private async Task WriteLoopAsync()
    {
        ChannelReader<PendingWrite> reader = _queue.Reader;
        var group = new List<PendingWrite>(MaxGroup);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            group.Clear();
            while (group.Count < MaxGroup && reader.TryRead(out PendingWrite? write))
            {
                group.Add(write);
            }

            try
            {
                ApplyGroup(group);
            }
#pragma warning disable CA1031 // The writer must survive to serve later writes; this group's callers get the error.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogStoreFailed(ex, group.Count);
                foreach (PendingWrite w in group)
                {
                    w.Done.TrySetException(ex);
                }
            }
        }
    }

    private void ApplyGroup(List<PendingWrite> group)
    {
        RegistrySnapshot current = Current;
        EntityRegistry registry = current.Registry;

        // Decide each outcome against the registry plus the earlier writes of this group.
        var latest = new Dictionary<string, Entity?>(StringComparer.Ordinal);
        var outcomes = new WriteOutcome[group.Count];
        var changes = new List<StoreChange>(group.Count);
        for (int i = 0; i < group.Count; i++)
        {
            PendingWrite w = group[i];
            bool exists = latest.TryGetValue(w.Id, out Entity? prior) ? prior is not null : registry.TryGetEntity(w.Id, out _);
            if (w.Entity is null && !exists)
            {
                outcomes[i] = WriteOutcome.NotFound;
                continue;
            }

            outcomes[i] = w.Entity is null ? WriteOutcome.Deleted : exists ? WriteOutcome.Replaced : WriteOutcome.Created;
            latest[w.Id] = w.Entity;
            changes.Add(new StoreChange(w.Id, w.Entity));
        }

        if (changes.Count > 0)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                _store.Apply(changes);
            }
#pragma warning disable CA1031 // Any store failure fails the writes of this group and nothing else.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogStoreFailed(ex, changes.Count);
                foreach (PendingWrite w in group)
                {
                    w.Done.TrySetException(ex);
                }

                return;
            }

            long commitMs = clock.ElapsedMilliseconds;
            var entities = new List<Entity>(registry.Count + changes.Count);
            foreach (Entity e in registry.Entities)
            {
                if (!latest.TryGetValue(e.Id, out Entity? replacement))
                {
                    entities.Add(e);
                }
                else if (replacement is not null)
                {
                    entities.Add(replacement);
                    latest.Remove(e.Id);
                }
                else
                {
                    latest.Remove(e.Id);
                }
            }

            foreach (var (_, added) in latest)
            {
                if (added is not null)
                {
                    entities.Add(added);
                }
            }

            var next = new RegistrySnapshot(new NameResolver(EntityRegistry.Create(entities), _options.Model, current.Resolver.Defaults), current.Version + 1);
            _snapshot = next;
            _metrics.SetRegistry(next);
            _metrics.RecordWrites(changes.Count, clock.Elapsed.TotalSeconds);
            LogApplied(changes.Count, next.Version, next.Registry.Count, commitMs, clock.ElapsedMilliseconds);
        }

        for (int i = 0; i < group.Count; i++)
        {
            group[i].Done.TrySetResult(outcomes[i]);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registry loaded: {Entities} entities, {Names} names from {Store} (seeded: {Seeded}) in {ElapsedMs} ms")]
    private partial void LogLoaded(int entities, int names, string store, bool seeded, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeding the empty store from {Source}")]
    private partial void LogSeeding(string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registry:Path {RegistryPath} is ignored: the store {Store} already holds a registry (delete it to reseed)")]
    private partial void LogSeedIgnored(string registryPath, string store);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Changes} change(s): registry version {Version}, {Entities} entities (commit {CommitMs} ms, total {ElapsedMs} ms)")]
    private partial void LogApplied(int changes, long version, int entities, long commitMs, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "The store rejected {Changes} change(s); none was applied")]
    private partial void LogStoreFailed(Exception exception, int changes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registry writer stopped; all queued writes are committed")]
    private partial void LogStopped();

    private sealed record PendingWrite(string Id, Entity? Entity, TaskCompletionSource<WriteOutcome> Done);
}
