namespace EntityResolver.Server.Tests;

public sealed class SqliteRegistryStoreTests
{
    private static readonly Entity[] Seed =
    [
        new("person:a", Entity.PersonType, [new EntityName("Alpha Person")]),
        new("org:b", Entity.OrganizationType, [new EntityName("Beta Org"), new EntityName("بيتا", "ar")]),
    ];

    [Fact]
    public void SeedsOnce_ThenLoadsWhatIsStored_InOrder()
    {
        using TempDirectory directory = TempDirectory.Create();
        string path = Path.Combine(directory.Path, "sub", "registry.db");
        using (var store = new SqliteRegistryStore(path))
        {
            var (entities, seeded) = store.Open(() => Seed);
            Assert.True(seeded);
            Assert.Equal(["person:a", "org:b"], entities.Select(e => e.Id));
            store.Apply([new StoreChange("person:c", new Entity("person:c", Entity.PersonType, [new EntityName("Gamma Person")])), new StoreChange("person:a", null)]);
            store.Apply([new StoreChange("org:b", new Entity("org:b", Entity.OrganizationType, [new EntityName("Beta Renamed")]))]);
        }

        using (var again = new SqliteRegistryStore(path))
        {
            var (entities, seeded) = again.Open(() => throw new InvalidOperationException("must not reseed"));
            Assert.False(seeded);
            Assert.Equal(["org:b", "person:c"], entities.Select(e => e.Id));
            Assert.Equal("Beta Renamed", entities[0].Name);
        }
    }

    [Fact]
    public void AWeakAliasStaysWeak()
    {
        using TempDirectory directory = TempDirectory.Create();
        string path = Path.Combine(directory.Path, "registry.db");
        using (var store = new SqliteRegistryStore(path))
        {
            store.Open(() => Seed);
            store.Apply([new StoreChange("person:d", new Entity("person:d", Entity.PersonType, [new EntityName("Delta Person"), new EntityName("Del", kind: EntityName.WeakAliasKind)]))]);
        }

        using var again = new SqliteRegistryStore(path);
        var (entities, _) = again.Open(() => throw new InvalidOperationException("must not reseed"));
        Entity stored = Assert.Single(entities, e => e.Id == "person:d");
        Assert.Equal([false, true], stored.Names.Select(n => n.IsWeakAlias));
    }

    [Fact]
    public void ASecondServerOnTheSameStoreIsRefused()
    {
        using TempDirectory directory = TempDirectory.Create();
        string path = Path.Combine(directory.Path, "registry.db");
        using var first = new SqliteRegistryStore(path);
        first.Open(() => Seed);
        using var second = new SqliteRegistryStore(path);
        var error = Assert.Throws<InvalidOperationException>(() => second.Open(() => Seed));
        Assert.Contains("in use by another server", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACorruptRowIsReportedWithItsRow()
    {
        using TempDirectory directory = TempDirectory.Create();
        string path = Path.Combine(directory.Path, "registry.db");
        using (var store = new SqliteRegistryStore(path))
        {
            store.Open(() => Seed);
        }

        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE entities SET json = '{\"id\": \"org:b\", \"names\": []}' WHERE id = 'org:b';";
            command.ExecuteNonQuery();
        }

        using var reopened = new SqliteRegistryStore(path);
        var error = Assert.Throws<RegistryLoadException>(() => reopened.Open(() => Seed));
        RegistryProblem problem = Assert.Single(error.Problems);
        Assert.Equal("names", problem.Field);
        Assert.Equal(2, problem.Line);
        Assert.Contains("registry.db", problem.Source, StringComparison.Ordinal);
    }
}
