using System.Buffers.Binary;
using System.Globalization;
using EntityResolver.DataGen;
using EntityResolver.Indexing;
using EntityResolver.Registry;
using EntityResolver.Text;

namespace EntityResolver.Tests.Indexing;

/// <summary>The registry snapshot: a round trip gives the same registry and the same answers; bad files are refused clearly.</summary>
public sealed class SnapshotTests
{
    private static readonly Lazy<(EntityRegistry Registry, List<GeneratedQuery> Queries)> Data = new(() =>
    {
        var generator = new Generator(NamePartPool.FromTsv(Fixture.Path("names/parts.tsv")), seed: 3);
        List<Entity> entities = generator.Entities(1500, seed: 5);
        var builder = new EntityRegistryBuilder();
        foreach (Entity e in entities)
        {
            builder.Add(e);
        }

        foreach (Entity e in EntityRegistry.Default.Entities)
        {
            builder.Add(e);
        }

        return (builder.Build(), generator.Queries(entities, 150, seed: 6));
    });

    [Fact]
    public void Round_trip_keeps_entities_and_answers()
    {
        var (registry, queries) = Data.Value;
        string path = Path.Combine(Path.GetTempPath(), $"er-snapshot-{Guid.NewGuid():N}.idx");
        try
        {
            using (var file = File.Create(path))
            {
                registry.SaveSnapshot(file);
            }

            EntityRegistry loaded = EntityRegistry.Load(path);
            Assert.Equal(registry.Count, loaded.Count);
            Assert.Equal(registry.NameCount, loaded.NameCount);
            Assert.Equal(registry.Index.KeyCount, loaded.Index.KeyCount);
            for (int i = 0; i < registry.Count; i++)
            {
                Entity a = registry.Entities[i], b = loaded.Entities[i];
                Assert.Equal(a.Id, b.Id);
                Assert.Equal(a.Type, b.Type);
                Assert.Equal(a.Names.Select(n => (n.Text, n.Lang, n.Script, n.Kind)), b.Names.Select(n => (n.Text, n.Lang, n.Script, n.Kind)));
                Assert.Equal(a.Relations, b.Relations);
                Assert.Equal(a.Attributes.Keys.Order(StringComparer.Ordinal), b.Attributes.Keys.Order(StringComparer.Ordinal));
                foreach (var (key, value) in a.Attributes)
                {
                    Assert.Equal(value.GetRawText(), b.Attributes[key].GetRawText());
                }
            }

            var r1 = new NameResolver(registry);
            var r2 = new NameResolver(loaded);
            foreach (string q in queries.Select(q => q.Text).Concat(["Khalifa Haftar", "ISPR", "जनरल असीम मुनीर"]))
            {
                var m1 = r1.Resolve(q);
                var m2 = r2.Resolve(q);
                Assert.Equal(m1.Select(m => (m.EntityId, m.Score, m.MatchedName)), m2.Select(m => (m.EntityId, m.Score, m.MatchedName)));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_same_entities_give_the_same_snapshot_and_one_forms_object_per_word()
    {
        // Analysis runs on all cores, and two threads can meet a new word at once: the word must
        // still end with one forms object (which the snapshot numbers), so that every build of
        // the same file writes the same bytes. The race is likeliest while the cache is empty,
        // so each build is fresh; it does not happen in every run (without the fix, this test
        // failed in 3 of 5 runs), so NameAnalyzerTests checks the cache's rule itself.
        var generator = new Generator(NamePartPool.FromTsv(Fixture.Path("names/parts.tsv")), seed: 11);
        List<Entity> entities = generator.Entities(6000, seed: 12);
        byte[]? first = null;
        for (int build = 0; build < 4; build++)
        {
            EntityRegistry registry = EntityRegistry.Create(entities);
            var byWord = new Dictionary<(string, string, Script), TokenForms>();
            foreach (NameToken token in registry.Aliases.SelectMany(a => a.Name.Tokens))
            {
                TokenForms forms = token.Forms;
                Assert.Same(byWord.TryAdd((forms.Normalized, forms.Latin, forms.Script), forms) ? forms : byWord[(forms.Normalized, forms.Latin, forms.Script)], forms);
            }

            using var stream = new MemoryStream();
            registry.SaveSnapshot(stream);
            first ??= stream.ToArray();
            Assert.Equal(first, stream.ToArray());
        }
    }

    [Theory]
    [InlineData(1)] // every item a block of its own
    [InlineData(4096)]
    public void The_snapshot_is_the_same_registry_whatever_its_block_size(int blockBytes)
    {
        // The sections are decoded block by block on every core: small blocks give many of them,
        // and the registry read must be the one written, down to the bytes it writes again.
        var (registry, queries) = Data.Value;
        using var blocks = new MemoryStream();
        RegistrySnapshot.Write(registry, blocks, blockBytes);
        using var usual = new MemoryStream();
        registry.SaveSnapshot(usual);
        Assert.NotEqual(usual.Length, blocks.Length); // more block tables

        blocks.Position = 0;
        EntityRegistry loaded = EntityRegistry.Load(blocks, "blocks.idx");
        using var again = new MemoryStream();
        loaded.SaveSnapshot(again);
        Assert.Equal(usual.ToArray(), again.ToArray());

        var r1 = new NameResolver(registry);
        var r2 = new NameResolver(loaded);
        foreach (string q in queries.Take(40).Select(q => q.Text))
        {
            Assert.Equal(r1.Resolve(q).Select(m => (m.EntityId, m.Score)), r2.Resolve(q).Select(m => (m.EntityId, m.Score)));
        }
    }

    /// <summary>Where the first section's item count and its first block's item count are: after the magic bytes and the version; after the section's counts.</summary>
    private const int SectionCount = 12, FirstBlockItems = 20;

    [Theory]
    // The first section (the strings) says one item less, as does its first block: the block's
    // last string is then bytes that no item reads.
    [InlineData(new[] { SectionCount, FirstBlockItems }, "block 0 of a section has bytes after its last item")]
    // Its first block alone says one item less: the blocks do not add up to the section.
    [InlineData(new[] { FirstBlockItems }, "items, not")]
    public void A_block_table_that_does_not_match_the_blocks_is_refused(int[] decremented, string message)
    {
        var (registry, _) = Data.Value;
        using var stream = new MemoryStream();
        registry.SaveSnapshot(stream);
        byte[] bytes = stream.ToArray();
        foreach (int at in decremented)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at)) - 1);
        }

        var ex = Assert.Throws<RegistryLoadException>(() => EntityRegistry.Load(new MemoryStream(bytes), "odd.idx"));
        Assert.Equal("odd.idx", ex.Problems[0].Source);
        Assert.StartsWith("damaged snapshot", ex.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains(message, ex.Problems[0].Message, StringComparison.Ordinal);
    }

    /// <summary>The bytes <see cref="CandidateIndex.Write"/> writes for <paramref name="index"/>.</summary>
    private static byte[] Written(CandidateIndex index)
    {
        using var written = new MemoryStream();
        using (var w = new BinaryWriter(written, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            index.Write(w);
        }

        return written.ToArray();
    }

    /// <summary>Where each array of an index written by <see cref="CandidateIndex.Write"/> starts (after its length), read back as the reader reads it.</summary>
    private static Dictionary<string, int> IndexLayout(byte[] bytes)
    {
        using var r = new BinaryReader(new MemoryStream(bytes));
        int aliasCount = r.ReadInt32(), keyCount = r.ReadInt32();
        for (int i = 0; i < keyCount; i++)
        {
            r.ReadString();
        }

        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        int Ints(string name)
        {
            int length = r.ReadInt32();
            at[name] = (int)r.BaseStream.Position;
            r.BaseStream.Position += 4L * length;
            return length;
        }

        Ints("offsets");
        Ints("postings");
        r.BaseStream.Position += 16L * (aliasCount + 1); // the alias table
        Ints("forward");
        r.ReadInt32(); // pairMinPostings
        int pairCount = r.ReadInt32();
        at["pairKeys"] = (int)r.BaseStream.Position;
        r.BaseStream.Position += 8L * pairCount;
        Ints("pairOffsets");
        Ints("pairPostings");
        at["aliases"] = aliasCount;
        at["keys"] = keyCount;
        return at;
    }

    [Theory]
    // A stored id or offset that the search would follow past its arrays, or a pair table it
    // could not search, is refused when the snapshot is loaded, not met by a query.
    // ({0}: the number of aliases; {1}: of keys.)
    [InlineData("postings", "a posting at 0 names alias {0}, of {0}")]
    [InlineData("forward", "a forward key at 0 names key {1}, of {1}")]
    [InlineData("offsets", "the postings of key 0 end at -1, before they start at 0")]
    [InlineData("pairPostings", "a word pair's posting at 0 names alias {0}, of {0}")]
    [InlineData("pairOffsets", "the postings of word pair 0 end at -1, before they start at 0")]
    [InlineData("pairKeys", "word pair 1 is not after word pair 0")]
    public void An_index_whose_ids_name_nothing_is_refused(string array, string message)
    {
        var (registry, _) = Data.Value;
        // Pairs of words with more than 20 postings each are kept, so that the pair table is not empty.
        byte[] bytes = Written(CandidateIndex.Build(registry.Aliases, pairMinPostings: 20));
        Dictionary<string, int> at = IndexLayout(bytes);
        Span<byte> first = bytes.AsSpan(at[array]);
        switch (array)
        {
            case "postings":
                BinaryPrimitives.WriteInt32LittleEndian(first, at["aliases"] << 1);
                break;
            case "forward":
                BinaryPrimitives.WriteInt32LittleEndian(first, at["keys"] << 1 | 1);
                break;
            case "pairPostings":
                BinaryPrimitives.WriteInt32LittleEndian(first, at["aliases"]);
                break;
            case "pairKeys": // the second pair key made the first: the keys are no longer ascending
                first[8..16].Clear();
                first[..8].CopyTo(first[8..16]);
                break;
            default: // offsets: the first key's postings end before they start
                BinaryPrimitives.WriteInt32LittleEndian(first[4..], -1);
                break;
        }

        var ex = Assert.Throws<InvalidDataException>(() => CandidateIndex.Read(new BinaryReader(new MemoryStream(bytes)), registry.Aliases.Length));
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, message, at["aliases"], at["keys"]), ex.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Where the first item of section <paramref name="section"/> starts in a snapshot written in
    /// one block per section: 0 the strings, 1 the entities, 2 the token forms, 3 the name tokens,
    /// 4 the token statistics, 5 the aliases (the entity count stands between 3 and 4).
    /// </summary>
    private static int FirstItemOf(byte[] snapshot, int section)
    {
        int at = SectionCount; // after the magic bytes and the version
        for (int k = 0; ; k++)
        {
            int blocks = BinaryPrimitives.ReadInt32LittleEndian(snapshot.AsSpan(at + 4));
            int table = at + 8, bytes = 0;
            for (int b = 0; b < blocks; b++)
            {
                bytes += BinaryPrimitives.ReadInt32LittleEndian(snapshot.AsSpan(table + (8 * b) + 4));
            }

            int first = table + (8 * blocks);
            if (k == section)
            {
                return first;
            }

            at = first + bytes + (k == 3 ? 4 : 0);
        }
    }

    [Theory]
    // A reference past its table (127, one byte of a 7-bit number, in a registry of a few strings,
    // forms and tokens) is refused with what refers to what, not as an index out of range.
    [InlineData(1, 0, "a string refers to string 126, of")] // the first entity's id
    [InlineData(3, 0, "a name token refers to token form 127, of")] // the first token's form
    [InlineData(5, 5, "an alias of entity 0 refers to name token 127, of")] // after entity, name, acronym flag, titles, token count
    public void A_snapshot_section_that_refers_past_a_table_is_refused_with_what_it_refers_to(int section, int offset, string message)
    {
        EntityRegistry registry = new EntityRegistryBuilder().AddPerson("p:1", "Ann Lee").Build();
        using var stream = new MemoryStream();
        registry.SaveSnapshot(stream);
        byte[] bytes = stream.ToArray();
        bytes[FirstItemOf(bytes, section) + offset] = 0x7F;

        var ex = Assert.Throws<RegistryLoadException>(() => EntityRegistry.Load(new MemoryStream(bytes), "odd.idx"));
        Assert.StartsWith("damaged snapshot: " + message, ex.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_whose_index_names_a_missing_alias_is_refused_as_damaged()
    {
        var (registry, _) = Data.Value;
        using var stream = new MemoryStream();
        registry.SaveSnapshot(stream);
        byte[] bytes = stream.ToArray(), index = Written(registry.Index);

        // The index is the snapshot's last part, before its 4-byte end marker.
        int start = bytes.Length - 4 - index.Length;
        Assert.Equal(index, bytes[start..^4]);
        Dictionary<string, int> at = IndexLayout(index);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(start + at["postings"]), -2);

        var ex = Assert.Throws<RegistryLoadException>(() => EntityRegistry.Load(new MemoryStream(bytes), "odd.idx"));
        Assert.Equal("odd.idx", ex.Problems[0].Source);
        Assert.StartsWith("damaged snapshot: Snapshot index is inconsistent (a posting at 0 names alias -1", ex.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Round_trip_keeps_an_acronym_said_as_a_word()
    {
        EntityRegistry registry = new EntityRegistryBuilder()
            .AddOrganization("o:1", "North Atlantic Treaty Organization")
            .AddOrganization("o:2", "International Monetary Fund")
            .Build();
        using var stream = new MemoryStream();
        registry.SaveSnapshot(stream);
        stream.Position = 0;
        EntityRegistry loaded = EntityRegistry.Load(stream, "memory");

        for (int a = 0; a < registry.Aliases.Length; a++)
        {
            AliasRecord? before = registry.Aliases[a].SaidAcronym, after = loaded.Aliases[a].SaidAcronym;
            Assert.Equal(before is null, after is null);
            if (before is not null)
            {
                NameToken b = before.Name.Tokens[0], c = after!.Name.Tokens[0];
                Assert.Equal((b.Text, b.Forms.Phonetic, b.Forms.Skeleton, before.Weights[0]), (c.Text, c.Forms.Phonetic, c.Forms.Skeleton, after.Weights[0]));
            }
        }

        Assert.NotNull(loaded.Aliases[0].SaidAcronym);
        Assert.Null(loaded.Aliases[1].SaidAcronym); // imf: three letters
        EntityMatch m1 = new NameResolver(registry).Resolve("ناتو")[0], m2 = new NameResolver(loaded).Resolve("ناتو")[0];
        Assert.Equal(("o:1", m1.Score), (m2.EntityId, m2.Score));
    }

    [Fact]
    public void Round_trip_keeps_the_place_designators()
    {
        EntityRegistry registry = new EntityRegistryBuilder()
            .Add(new Entity("l:hainan", "place", [new EntityName("Hainan Province")]))
            .Add(new Entity("l:henan", "place", [new EntityName("Henan")]))
            .Build();
        using var stream = new MemoryStream();
        registry.SaveSnapshot(stream);
        stream.Position = 0;
        EntityRegistry loaded = EntityRegistry.Load(stream, "memory");

        TokenForms province = loaded.Aliases[0].Name.Tokens[1].Forms;
        Assert.True(province.IsPlaceDesignator);
        Assert.False(loaded.Aliases[0].Name.Tokens[0].Forms.IsPlaceDesignator);
        Assert.Equal(registry.Aliases[0].Weights, loaded.Aliases[0].Weights);
        EntityMatch m1 = new NameResolver(registry).Resolve("ہائنان")[0], m2 = new NameResolver(loaded).Resolve("ہائنان")[0];
        Assert.Equal(("l:hainan", m1.Score), (m2.EntityId, m2.Score));
    }

    [Fact]
    public void Load_from_a_seekable_stream_detects_the_snapshot()
    {
        var (registry, _) = Data.Value;
        using var stream = new MemoryStream();
        registry.SaveSnapshot(stream);
        stream.Position = 0;
        EntityRegistry loaded = EntityRegistry.Load(stream, "memory");
        Assert.Equal(registry.NameCount, loaded.NameCount);
    }

    [Fact]
    public void Truncated_snapshot_is_refused_with_a_clear_error()
    {
        var (registry, _) = Data.Value;
        using var stream = new MemoryStream();
        registry.SaveSnapshot(stream);
        byte[] truncated = stream.ToArray()[..(int)(stream.Length / 2)];
        var ex = Assert.Throws<RegistryLoadException>(() => EntityRegistry.Load(new MemoryStream(truncated), "half.idx"));
        Assert.Contains("half.idx", ex.Problems[0].Source, StringComparison.Ordinal);
        Assert.Contains("snapshot", ex.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_of_another_version_is_refused()
    {
        var (registry, _) = Data.Value;
        using var stream = new MemoryStream();
        registry.SaveSnapshot(stream);
        byte[] bytes = stream.ToArray();
        bytes[8] = 99; // the version follows the 8 magic bytes
        var ex = Assert.Throws<RegistryLoadException>(() => EntityRegistry.Load(new MemoryStream(bytes), "old.idx"));
        Assert.Contains("version 99", ex.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_lines_still_load_from_a_file()
    {
        string path = Fixture.Path("seed/registry.jsonl");
        EntityRegistry registry = EntityRegistry.Load(path);
        Assert.Equal(37, registry.Count);
    }

    [Fact]
    public void A_stream_that_cannot_seek_loads_a_snapshot_and_json_lines()
    {
        var (registry, _) = Data.Value;
        using var snapshot = new MemoryStream();
        registry.SaveSnapshot(snapshot);
        EntityRegistry fromSnapshot = EntityRegistry.Load(ForwardOnly(snapshot.ToArray()), "pipe");
        Assert.Equal(registry.NameCount, fromSnapshot.NameCount);

        EntityRegistry fromLines = EntityRegistry.Load(ForwardOnly(File.ReadAllBytes(Fixture.Path("seed/registry.jsonl"))), "pipe");
        Assert.Equal(37, fromLines.Count);

        // Shorter than the magic bytes: JSON Lines, and its error names the source and line.
        var ex = Assert.Throws<RegistryLoadException>(() => EntityRegistry.Load(ForwardOnly("{x"u8.ToArray()), "pipe"));
        Assert.Equal(("pipe", 1), (ex.Problems[0].Source, ex.Problems[0].Line));
    }

    [LinuxFact]
    public async Task A_named_pipe_loads_by_path()
    {
        string fifo = Path.Combine(Path.GetTempPath(), $"er-fifo-{Guid.NewGuid():N}");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        try
        {
            Task writer = Task.Run(() => File.WriteAllBytes(fifo, File.ReadAllBytes(Fixture.Path("seed/registry.jsonl"))));
            Assert.Equal(37, EntityRegistry.Load(fifo).Count);
            await writer.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            File.Delete(fifo);
        }
    }

    /// <summary>A stream that cannot seek, as a pipe: the bytes, gzip-compressed, read through a decompressing stream.</summary>
    private static Stream ForwardOnly(byte[] bytes)
    {
        var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        compressed.Position = 0;
        var stream = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionMode.Decompress);
        Assert.False(stream.CanSeek);
        return stream;
    }
}

/// <summary>An empty registry builds, saves and loads.</summary>
public sealed class EmptyRegistryTests
{
    [Fact]
    public void Empty_registry_builds_and_round_trips()
    {
        EntityRegistry empty = EntityRegistry.Create([]);
        Assert.Equal(0, empty.Count);
        Assert.Empty(new NameResolver(empty).Resolve("Khalifa Haftar"));
        using var stream = new MemoryStream();
        empty.SaveSnapshot(stream);
        stream.Position = 0;
        Assert.Equal(0, EntityRegistry.Load(stream, "empty.idx").Count);
    }
}

/// <summary>A test that needs Linux (mkfifo): reported as skipped elsewhere, not as passed.</summary>
internal sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "needs Linux (mkfifo)";
        }
    }
}
