using EntityResolver.Indexing;

namespace EntityResolver.Tests.Indexing;

/// <summary>The index's key table: every key is found with its id, and nothing else is found.</summary>
public sealed class KeyTableTests
{
    [Fact]
    public void Every_key_is_found_and_every_other_text_is_not()
    {
        // Skeleton-like keys, many enough that slots are shared and probes run on.
        var random = new Random(5);
        const string Letters = "bcdfghjklmnprstvwz#";
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (names.Count < 20_000)
        {
            names.Add(new string([.. Enumerable.Range(0, random.Next(1, 9)).Select(_ => Letters[random.Next(Letters.Length)])]));
        }

        string[] keys = [.. names];
        var table = new KeyTable(keys);
        for (int id = 0; id < keys.Length; id++)
        {
            Assert.Equal(id, table.Find(keys[id], KeyTable.Hash(keys[id])));
        }

        int absent = 0;
        for (int i = 0; i < 20_000; i++)
        {
            string other = new([.. Enumerable.Range(0, random.Next(1, 10)).Select(_ => Letters[random.Next(Letters.Length)])]);
            if (!names.Contains(other))
            {
                absent++;
                Assert.Equal(-1, table.Find(other, KeyTable.Hash(other)));
            }
        }

        Assert.True(absent > 1_000, $"only {absent} absent texts were tried");
    }

    [Fact]
    public void Keys_of_the_same_hash_are_told_apart_by_their_text()
    {
        // Two texts of one FNV-1a hash: the slot's hash matches both, the text only one.
        const string First = "rbkpl", Second = "bgbjbb";
        Assert.Equal(KeyTable.Hash(First), KeyTable.Hash(Second));

        string[] one = [First];
        var table = new KeyTable(one);
        Assert.Equal(0, table.Find(First, KeyTable.Hash(First)));
        Assert.Equal(-1, table.Find(Second, KeyTable.Hash(Second)));

        string[] both = ["x", Second, First];
        var shared = new KeyTable(both);
        Assert.Equal(2, shared.Find(First, KeyTable.Hash(First)));
        Assert.Equal(1, shared.Find(Second, KeyTable.Hash(Second)));
    }

    [Fact]
    public void An_empty_table_finds_nothing()
    {
        var table = new KeyTable([]);
        Assert.Equal(-1, table.Find("bnt", KeyTable.Hash("bnt")));
    }
}
