using System.Globalization;
using System.Text.Json;
using EntityResolver.Registry;
using Microsoft.Data.Sqlite;

namespace EntityResolver.Server;

/// <summary>One change to the stored registry: an entity written (<see cref="Entity"/> set) or deleted.</summary>
internal sealed record StoreChange(string Id, Entity? Entity);

/// <summary>Durable registry storage. <see cref="Apply"/> returns only after the changes are committed.</summary>
internal interface IRegistryStore : IDisposable
{
    /// <summary>A description for logs and <c>/health</c> (the file path).</summary>
    string Description { get; }

    /// <summary>Opens the store; when it holds no registry yet, seeds it with <paramref name="seed"/> first.</summary>
    /// <returns>The stored entities, in insertion order, and whether seeding happened.</returns>
    (IReadOnlyList<Entity> Entities, bool Seeded) Open(Func<IEnumerable<Entity>> seed);

    /// <summary>Applies the changes in one transaction, durably, in order.</summary>
    void Apply(IReadOnlyList<StoreChange> changes);
}

/// <summary>
/// The registry in SQLite: one row per entity holding its registry-format JSON. WAL journal with
/// <c>synchronous=FULL</c>, so a committed write survives a process kill and a power loss.
/// </summary>
internal sealed class SqliteRegistryStore : IRegistryStore
{
    private const int SchemaVersion = 1;
    private readonly string _path;
    private SqliteConnection? _connection;

    public SqliteRegistryStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = Path.GetFullPath(path);
    }

    public string Description => _path;

    public (IReadOnlyList<Entity> Entities, bool Seeded) Open(Func<IEnumerable<Entity>> seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        string? directory = Path.GetDirectoryName(_path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // DefaultTimeout bounds how long a command retries on a locked database (another server).
        var builder = new SqliteConnectionStringBuilder { DataSource = _path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 2 };
        _connection = new SqliteConnection(builder.ToString());
        _connection.Open();

        // One server per store: the connection keeps its lock until it closes (or the process
        // dies), so a second server on the same file fails here instead of diverging silently.
        Execute("PRAGMA busy_timeout=1000;");
        Execute("PRAGMA locking_mode=EXCLUSIVE;");
        try
        {
            Execute("PRAGMA journal_mode=WAL;");
            Execute("PRAGMA synchronous=FULL;");
            Execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);");
            Execute("CREATE TABLE IF NOT EXISTS entities (id TEXT PRIMARY KEY, json TEXT NOT NULL, updated_utc TEXT NOT NULL);");
            using SqliteCommand opened = Command("INSERT OR REPLACE INTO meta (key, value) VALUES ('opened_utc', $t);", null);
            opened.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            opened.ExecuteNonQuery();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
        {
            _connection.Dispose();
            _connection = null;
            throw new InvalidOperationException($"The store '{_path}' is in use by another server process; each store belongs to one server (set Store:Path to another file).", ex);
        }

        string? version = Scalar("SELECT value FROM meta WHERE key = 'schema_version';");
        if (version is not null && !string.Equals(version, SchemaVersion.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The store '{_path}' has schema version {version}; this server reads version {SchemaVersion}.");
        }

        bool seeded = false;
        if (Scalar("SELECT value FROM meta WHERE key = 'seeded_utc';") is null)
        {
            using SqliteTransaction tx = _connection.BeginTransaction();
            using (SqliteCommand clear = Command("DELETE FROM entities;", tx))
            {
                clear.ExecuteNonQuery();
            }

            Upsert(seed().Select(e => new StoreChange(e.Id, e)), tx);
            using (SqliteCommand meta = Command("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', $v), ('seeded_utc', $t);", tx))
            {
                meta.Parameters.AddWithValue("$v", SchemaVersion.ToString(CultureInfo.InvariantCulture));
                meta.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                meta.ExecuteNonQuery();
            }

            tx.Commit();
            seeded = true;
        }

        return (Load(), seeded);
    }

    public void Apply(IReadOnlyList<StoreChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        SqliteConnection connection = _connection ?? throw new InvalidOperationException("The store is not open.");
        using SqliteTransaction tx = connection.BeginTransaction();
        Upsert(changes, tx);
        tx.Commit();
    }

    public void Dispose()
    {
        if (_connection is not null)
        {
            // Fold the WAL back into the database on a clean shutdown.
            try
            {
                Execute("PRAGMA wal_checkpoint(TRUNCATE);");
            }
            catch (SqliteException)
            {
                // Best effort: the WAL is replayed on the next open anyway.
            }

            _connection.Dispose();
            _connection = null;
        }
    }

    private void Upsert(IEnumerable<StoreChange> changes, SqliteTransaction tx)
    {
        using SqliteCommand upsert = Command("INSERT INTO entities (id, json, updated_utc) VALUES ($id, $json, $t) ON CONFLICT(id) DO UPDATE SET json = excluded.json, updated_utc = excluded.updated_utc;", tx);
        SqliteParameter id = upsert.Parameters.Add("$id", SqliteType.Text);
        SqliteParameter json = upsert.Parameters.Add("$json", SqliteType.Text);
        SqliteParameter time = upsert.Parameters.Add("$t", SqliteType.Text);
        using SqliteCommand delete = Command("DELETE FROM entities WHERE id = $id;", tx);
        SqliteParameter deleteId = delete.Parameters.Add("$id", SqliteType.Text);
        string now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        foreach (StoreChange change in changes)
        {
            if (change.Entity is null)
            {
                deleteId.Value = change.Id;
                delete.ExecuteNonQuery();
            }
            else
            {
                id.Value = change.Id;
                json.Value = JsonSerializer.Serialize(EntityDto.From(change.Entity), Json.Store);
                time.Value = now;
                upsert.ExecuteNonQuery();
            }
        }
    }

    private List<Entity> Load()
    {
        var entities = new List<Entity>();
        var problems = new List<RegistryProblem>();
        using SqliteCommand select = Command("SELECT rowid, json FROM entities ORDER BY rowid;", null);
        using SqliteDataReader reader = select.ExecuteReader();
        while (reader.Read())
        {
            int row = checked((int)reader.GetInt64(0));
            try
            {
                using JsonDocument document = JsonDocument.Parse(reader.GetString(1));
                if (RegistryReader.ParseEntity(document.RootElement, _path, row, problems) is { } entity)
                {
                    entities.Add(entity);
                }
            }
            catch (JsonException ex)
            {
                problems.Add(new RegistryProblem(_path, row, null, "invalid JSON in the store: " + RegistryReader.JsonProblem(ex)));
            }
        }

        if (problems.Count > 0)
        {
            throw new RegistryLoadException(problems);
        }

        return entities;
    }

    private void Execute(string sql)
    {
        using SqliteCommand command = Command(sql, null);
        command.ExecuteNonQuery();
    }

    private string? Scalar(string sql)
    {
        using SqliteCommand command = Command(sql, null);
        return command.ExecuteScalar() as string;
    }

    private SqliteCommand Command(string sql, SqliteTransaction? tx)
    {
        SqliteCommand command = (_connection ?? throw new InvalidOperationException("The store is not open.")).CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        return command;
    }
}
