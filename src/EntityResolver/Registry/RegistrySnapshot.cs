using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using EntityResolver.Indexing;
using EntityResolver.Text;

namespace EntityResolver.Registry;

/// <summary>
/// The binary snapshot of a built registry: entities, analyzed names (token forms already
/// romanized and encoded), token statistics and the candidate index, so that loading skips all
/// analysis. Little-endian, via <see cref="BinaryWriter"/>; strings are written once, in a table,
/// and then referred to by number (token texts, skeletons, languages repeat a lot). The sections
/// of many items are written in blocks of about 256 KiB, so that a load decodes them on every core.
/// </summary>
/// <remarks>
/// Layout (since version 83; version 84 changed keys, not the layout): magic <c>ERSNAP</c> 0x00 0x1A, int32 version, then sections of items,
/// each an int32 item count, an int32 block count, per block its int32 item count and byte
/// length, and the blocks: the strings; the entities (id, type, names, attributes as one JSON
/// object, relations); the token forms; the tokens (form, role, text); the int32 entity count
/// of the statistics and their section (skeleton, document frequency); the aliases (entity,
/// name, titles, tokens by number with their weights, acronym); then the index (keys, offsets, postings, the alias table of signatures, weights and
/// forward offsets, forward keys as raw arrays; the word-pair keys, offsets and postings), and
/// the int32 end marker. A
/// file of another version is refused with a message saying to rebuild it. The snapshot stores
/// the analyzed token forms, so the version also stands for the text analysis: bump it whenever
/// romanization, phonetic forms or skeletons change (version 2: v kept apart from w, Latin č š ž
/// read with h, alef maqsura kept, ज्ञ read gy, every final h dropped, do-chashmi heh kept;
/// version 3: the forward index; version 4: a name with a v is also posted under its skeleton with f;
/// version 5: the word-pair postings of the candidate index; version 6: Latin sch read as sh, tsch as ch;
/// version 7: an Arabic word's first alef with hamza below read i, a first alef before waw and a
/// consonant dropped; version 8: dz and dzh read z and j; version 9: an Arabic-script heh that writes the vowel e
/// inside a transliterated word dropped; version 10: designators of places are common words, a
/// flag the token forms carry; version 11: a pinyin x read sh; version 12: a Latin word with a
/// silent French ending also posted under its skeleton without it; version 13: an h that Arabic
/// script writes apart after a consonant is its own phonetic symbol; version 14: an English dge
/// read j; version 15: French eau, Polish cz and -cki, Italian cc read as said; version 16:
/// Russian чж read zh, in the phonetic form; version 17: and in the romanization, чж written zh;
/// version 18: an Arabic word's final heh read e, h or ah as written, teh marbuta a; version 19: an
/// Arabic-script yeh after another yeh inside a word read e; version 20: a Latin word with a w also
/// posted under its skeleton with w as f, Cyrillic цц read zz; version 21: a Latin word with a j
/// also posted under its skeleton with j as y, and the w-as-f skeleton reads j as y too; version
/// 22: Latin sz and zs read sh and zh, a Latin word with a ch inside also posted under its
/// skeleton with ch as kh; version 23: the t of ts and tz is a symbol of its own, T; version 24:
/// a Cyrillic дз before i or an iotated vowel read j; version 25: the g of a Latin gn between
/// vowels is a symbol of its own, G, and such a word is also posted under its skeleton without it;
/// version 26: a Latin c said k is K and the s of a Cyrillic ц is Q, symbols of their own;
/// version 27: a Latin q before i is K too, and a Latin word with one is also posted under its
/// skeleton with it read ts; version 28: Cyrillic compound heads (Абдул) are split off and
/// joined as Latin ones are, and a head with the assimilated article (abdur) lends the next word
/// its letter when it is written once; version 29: a Latin gi before a, o or u is j; version 30: a
/// Latin c before e, i or y is a symbol of its own, c; version 31: a Cyrillic soft sign before е,
/// и or о is romanized y; version 32: the English Mc, wh, igh before a consonant and final ey
/// and ie are read as said; version 33: so are the Italian cch and the French final -ois, -oit,
/// -oix; version 34: a Latin word with the Hungarian cs is also posted under its skeleton with
/// it read ch; version 35: so is one with the Polish rz after a consonant, read zh or sh; version
/// 36: a Latin word with a v and a j, with v read f and j read y, as one with a w is; version 37:
/// a Latin ç is a symbol of its own, q, and a word with one is also posted under its skeleton
/// with it read s; version 38: the silent h after a German umlaut is a symbol of its own, X, and a
/// word with one is also posted under its skeleton without it; version 39: so is the n of a Polish
/// or Portuguese nasal vowel, N, with the word also posted under its skeleton with it; version 40:
/// and the zh of a Czech ř, J; version 41: a word with such letters is posted under one skeleton
/// with all of them read as said, not one per letter; version 42: a generic organization word or
/// a nationality adjective is also posted under its concept's key, %group; version 43: and so
/// is a place name, under its country's key; version 44: an Arabic-script ض or ذ is a symbol of
/// its own in the phonetic form, D; version 45: so is a Cyrillic х after b, d, g or t, A, and
/// пх and кх are read f and kh; version 46: so is the y of a Cyrillic word-initial е, I; version
/// 47: the g of an Italian gli is G, as that of a Romance gn, and the word is posted under its
/// skeleton without it; version 48: the u of a Latin gu before e, i or y is a symbol of its own, U;
/// version 49: an Urdu aspirate and its own consonant (ٹھٹ) are kept apart in the romanization;
/// version 50: the Romanian ș is romanized sh and ț ts; version 51: the Basque tx is C in the
/// phonetic form, and the Albanian xh before a vowel j; version 52: the German zsch and tzsch
/// are C too; version 53: a word of vowels alone, without a skeleton, is posted under a key of its
/// own; version 54: a Latin word's first ch, and its first j before a vowel, are read kh in the
/// key it is also posted under, as a ch inside it was; version 55: a Latin word with a th is also
/// posted under its skeleton with the th read f; version 56: the th of a Latin word is a phonetic
/// symbol of its own, E; version 57: a Latin word with a th and an ending that Russian leaves out
/// is also posted under its skeleton with the th read f and without the ending; version 58: the
/// kh key reads a first j as kh only before a vowel, as the key's trigger already said; version
/// 59: an organization alias whose acronym is said as a word stores that word's token forms and
/// weight, and is posted under its skeleton; version 60: fewer acronyms are taken as said, only
/// those that can be said, see EntityRegistry.AcronymWordOf; version 61: titles.tsv has the Arabic
/// chief of staff, رئيس اركان, whose words the analysis of a name strips as titles; version 62: a
/// word of a short skeleton whose consonant comes again after a vowel is also posted under a
/// finer key that keeps both, Phonetics.RepeatKey; version 63: a name written as an acronym is
/// also posted under its letters' acronym key; version 64: a name in Cyrillic capitals (КГБ), or
/// in capitals written apart without a space (K.G.B.), is analyzed as an acronym; version 65: an
/// Arabic title is not read in a word written in Urdu or Persian letters; version 66: the ض and ذ
/// of a name written in Urdu or Persian letters are romanized z, NameAnalyzer.SaysZ; version 67:
/// a Devanagari word that splits into three letter names or more, written without spaces (आईएसपीआर), is
/// analyzed as an acronym, Lexicon.JoinedLetterNames; version 68: an article assimilated to the
/// next word (ad-Din, ur-Rahman), and ul, аль, अल, are dropped as al is, Lexicon.IsArticleBefore,
/// and Jamaat and جماعت are the concept of a group; version 69: the izafat between two words, e or
/// i in lower case or between hyphens (Lashkar-e-Taiba), и, ए, is dropped; version 70: an
/// abbreviation of abbreviations.tsv (Md., Mohd) is analyzed as the word it stands for; version 71:
/// a designator of a kind of place (Province, ضلع) is flagged and weighs as a particle,
/// TokenForms.IsPlaceDesignator; version 72: an article joined to the end of the word before one
/// of article-names.tsv (Ziaul Haq, Mujibur Rahman) is dropped, Lexicon.ArticleSuffixStem, and
/// Maulana, Mufti, Allama and Ayatollah are titles; version 73: a Cyrillic letter alone, or дж,
/// is an initial, Initials.IsInitial; version 74: a Latin word ending in a silent -es that only
/// French names have (Charles, Georges) is also keyed without it, Phonetics.SilentTail; version
/// 75: the sch of a romanized Arabic-script word is s and ch, not sh; versions 76 to 78: the
/// reading flags of tokens gained Readings.FinalNgh, SeparateZh and SeparateSh; version 79: a
/// waw before a second waw inside an Arabic-script word is w, Romanizer; version 80: a Cyrillic
/// оу is o and u in the phonetic form, reading flags gained Readings.LatinOu, and a Latin y before
/// one consonant and a silent e carries Readings.EnglishVowel; version 81: a Latin name of
/// said-names.tsv, not said as its letters read (Siobhan), is also posted under the skeleton of
/// how it is said, CandidateIndex.NameSaidSkeleton; version 82: designators of places have
/// concepts and are listed in Russian too, common-names.tsv; version 83: the layout above, in
/// blocks, with the string table first, tokens numbered, and the index's alias table stored;
/// version 84: the t and d of a vowel's -nt and -nd (Laurent, Bertrand) are silent tails against
/// Cyrillic, Phonetics.SilentTail, which the key of a Latin word with a th and such an ending
/// leaves out, CandidateIndex.GreekSaidSkeleton; version 85: a Latin ill after a consonant is
/// Readings.FrenchIll too (Fillon), and a Latin word with that reading is also posted under the
/// skeleton of the ill as said, CandidateIndex.IllSaidYSkeleton; version 86: a Latin word with
/// đ is said with dj too (Lexicon.SaidOf), and posted under that skeleton,
/// CandidateIndex.NameSaidSkeleton; version 87: so is a word ending in -cký with the ts of the
/// Polish -cki (Palacký); version 88: an Arabic-script word's final دز is d and z in the
/// phonetic form, Phonetics.Encode; version 89: a word of six letters or more ending in a plain
/// -cky is said as the -cký is (Lexicon.SaidOf); version 90: a Latin word ending in the -cki or
/// -cka of Polish names is also posted under the skeleton of its c said as an English ck,
/// CandidateIndex.CkSaidKSkeleton; version 91: one with the cht of German names after a front
/// vowel under the skeleton of its ch said sh, CandidateIndex.IchSaidShSkeleton; version 92:
/// Pashto's د and او are function words, particles.tsv. Since version 83, bump the
/// version too when <see cref="CandidateIndex.Signature"/> or an alias's weight in the
/// index change).
/// </remarks>
internal static class RegistrySnapshot
{
    public const int Version = 92;
    private const int EndMarker = 0x21444E45; // "END!"
    private static readonly byte[] Magic = "ERSNAP\0\u001A"u8.ToArray();

    /// <summary>The number of magic bytes a snapshot starts with.</summary>
    public static int MagicLength => Magic.Length;

    /// <summary>Whether the (seekable) stream starts with the snapshot magic; the position is restored.</summary>
    public static bool HasMagic(Stream stream)
    {
        long position = stream.Position;
        Span<byte> head = stackalloc byte[Magic.Length];
        int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = position;
        return IsMagic(head[..read]);
    }

    /// <summary>Whether <paramref name="head"/> is the snapshot magic.</summary>
    public static bool IsMagic(ReadOnlySpan<byte> head) => head.SequenceEqual(Magic);

    /// <summary>The size at which a section's block is cut: the first item that reaches it ends the block.</summary>
    public const int BlockBytes = 1 << 18;

    /// <summary>Writes <paramref name="registry"/>, with blocks of about <paramref name="blockBytes"/> (other sizes are for tests).</summary>
    public static void Write(EntityRegistry registry, Stream stream, int blockBytes = BlockBytes)
    {
        // Not disposed: disposing a BufferedStream closes the caller's stream.
        var buffered = new BufferedStream(stream, 1 << 16);
        using var w = new BinaryWriter(buffered, Encoding.UTF8, leaveOpen: true);

        // The sections after the string table are written to memory first: the table comes first
        // in the file, so that a reader can decode every section in parallel, and it lists the
        // strings those sections use.
        var strings = new StringTable(blockBytes);
        var entities = new SectionWriter(blockBytes);
        foreach (Entity e in registry.Entities)
        {
            BinaryWriter s = entities.Item();
            strings.Write(s, e.Id);
            strings.Write(s, e.Type);
            s.Write7BitEncodedInt(e.Names.Count);
            foreach (EntityName n in e.Names)
            {
                strings.Write(s, n.Text);
                strings.Write(s, n.Lang);
                strings.Write(s, n.Script);
                strings.Write(s, n.Kind);
            }

            strings.Write(s, e.Attributes.Count == 0 ? null : AttributesJson(e));
            s.Write7BitEncodedInt(e.Relations.Count);
            foreach (EntityRelation r in e.Relations)
            {
                strings.Write(s, r.Type);
                strings.Write(s, r.Target);
            }
        }

        // Token forms and tokens, numbered by first use; equal tokens are one object (see
        // EntityRegistry), so they are numbered by reference.
        var forms = new Numbering<TokenForms>(ReferenceEqualityComparer.Instance);
        var tokens = new Numbering<NameToken>(ReferenceEqualityComparer.Instance);
        var formSection = new SectionWriter(blockBytes);
        var tokenSection = new SectionWriter(blockBytes);
        int FormNumber(TokenForms f)
        {
            if (forms.Add(f, out int id))
            {
                BinaryWriter s = formSection.Item();
                strings.Write(s, f.Normalized);
                s.Write((byte)f.Script);
                strings.Write(s, f.Latin);
                strings.Write(s, f.Phonetic);
                s.Write(f.PhoneticWeight);
                strings.Write(s, f.Skeleton);
                s.Write((byte)((f.IsCommonName ? 1 : 0) | (f.IsNamePrefix ? 2 : 0) | (f.IsPlaceDesignator ? 4 : 0)));
            }

            return id;
        }

        int TokenNumber(NameToken t)
        {
            int form = FormNumber(t.Forms);
            if (tokens.Add(t, out int id))
            {
                BinaryWriter s = tokenSection.Item();
                s.Write7BitEncodedInt(form);
                s.Write((byte)((byte)t.Role | (t.IsInitial ? 0x80 : 0)));
                strings.Write(s, t.Text);
            }

            return id;
        }

        var aliasSection = new SectionWriter(blockBytes);
        foreach (AliasRecord a in registry.Aliases)
        {
            BinaryWriter item = aliasSection.Item();
            item.Write7BitEncodedInt(a.EntityIndex);
            item.Write7BitEncodedInt(a.NameIndex);
            item.Write(a.Name.IsAcronym);
            item.Write7BitEncodedInt(a.Name.Titles.Length);
            foreach (string title in a.Name.Titles)
            {
                strings.Write(item, title);
            }

            item.Write7BitEncodedInt(a.Name.Tokens.Length);
            for (int i = 0; i < a.Name.Tokens.Length; i++)
            {
                item.Write7BitEncodedInt(TokenNumber(a.Name.Tokens[i]));
                item.Write(a.Weights[i]);
            }

            strings.Write(item, a.Acronym);
            if (a.SaidAcronym is { } said)
            {
                item.Write7BitEncodedInt(FormNumber(said.Name.Tokens[0].Forms) + 1);
                item.Write(said.Weights[0]);
            }
            else
            {
                item.Write7BitEncodedInt(0);
            }
        }

        var statistics = new SectionWriter(blockBytes);
        // In order of the text: a frozen dictionary's own order depends on how it was made.
        foreach (var (skeleton, df) in registry.Statistics.DocumentFrequency.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            BinaryWriter item = statistics.Item();
            strings.Write(item, skeleton);
            item.Write7BitEncodedInt(df);
        }

        w.Write(Magic);
        w.Write(Version);
        strings.Section.WriteTo(w);
        entities.WriteTo(w);
        formSection.WriteTo(w);
        tokenSection.WriteTo(w);
        w.Write(registry.Statistics.EntityCount);
        statistics.WriteTo(w);
        aliasSection.WriteTo(w);
        registry.Index.Write(w);
        w.Write(EndMarker);
        w.Flush();
        buffered.Flush();
    }

    /// <summary>An entity's attributes as one JSON object.</summary>
    private static string AttributesJson(Entity e)
    {
        using var json = new MemoryStream();
        using (var j = new Utf8JsonWriter(json))
        {
            j.WriteStartObject();
            foreach (var (key, value) in e.Attributes)
            {
                j.WritePropertyName(key);
                j.WriteRawValue(value.GetRawText(), skipInputValidation: true);
            }

            j.WriteEndObject();
        }

        return Encoding.UTF8.GetString(json.GetBuffer(), 0, (int)json.Length);
    }

    public static EntityRegistry Read(Stream stream, string source)
    {
        try
        {
            return ReadCore(stream, source);
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or IndexOutOfRangeException or ArgumentOutOfRangeException or FormatException or JsonException or ArgumentException)
        {
            throw new RegistryLoadException([new RegistryProblem(source, 0, null, "damaged snapshot: " + ex.Message + " Rebuild it with `entity-resolver index build`.")]);
        }
    }

    private static EntityRegistry ReadCore(Stream stream, string source)
    {
        var buffered = new BufferedStream(stream, 1 << 16);
        using var r = new BinaryReader(buffered, Encoding.UTF8, leaveOpen: true);
        if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            throw new InvalidDataException("not a registry snapshot (bad magic bytes).");
        }

        int version = r.ReadInt32();
        if (version != Version)
        {
            throw new RegistryLoadException([new RegistryProblem(source, 0, null, $"snapshot version {version} is not supported (this library reads version {Version}); rebuild it with `entity-resolver index build`.")]);
        }

        // This thread reads the sections in turn, and the index, raw arrays, last; each section
        // is decoded on every core, block by block, as soon as what it refers to is decoded,
        // while this thread reads on.
        var stringSection = new Section(r);
        Task<StringRefs> strings = Task.Run(() => new StringRefs(stringSection.Decode(static (ref SectionReader s) => s.String())));

        var entitySection = new Section(r);
        bool weakAliases = false; // some name is a weak alias (set by any block; read once the entities are done)
        Task<Entity[]> entities = Task.Run(async () =>
        {
            StringRefs str = await strings.ConfigureAwait(false);
            return entitySection.Decode((ref SectionReader s) =>
            {
                string id = str.Req(ref s);
                string type = str.Req(ref s);
                var names = new EntityName[s.Length()];
                for (int n = 0; n < names.Length; n++)
                {
                    names[n] = new EntityName(str.Req(ref s), str.Get(ref s), str.Get(ref s), str.Get(ref s));
                    weakAliases |= names[n].IsWeakAlias;
                }

                Dictionary<string, JsonElement>? attributes = null;
                if (str.Get(ref s) is { } json)
                {
                    using var doc = JsonDocument.Parse(json);
                    attributes = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                    foreach (JsonProperty p in doc.RootElement.EnumerateObject())
                    {
                        attributes[p.Name] = p.Value.Clone();
                    }
                }

                int relationCount = s.Length();
                EntityRelation[] relations = relationCount == 0 ? [] : new EntityRelation[relationCount];
                for (int i = 0; i < relations.Length; i++)
                {
                    relations[i] = new EntityRelation(str.Req(ref s), str.Req(ref s));
                }

                return Entity.Own(id, type, names, attributes, relations);
            });
        });
        Task<EntityRegistry.EntityTables> tables = Task.Run(async () => EntityRegistry.EntityTables.Of(await entities.ConfigureAwait(false)));

        var formSection = new Section(r);
        var tokenSection = new Section(r);
        Task<(TokenForms[] Forms, NameToken[] Tokens)> tokens = Task.Run(async () =>
        {
            StringRefs str = await strings.ConfigureAwait(false);
            TokenForms[] forms = formSection.Decode((ref SectionReader s) =>
            {
                string normalized = str.Req(ref s);
                var script = (Script)s.Byte();
                string latin = str.Req(ref s);
                string phonetic = str.Req(ref s);
                float phoneticWeight = s.Single();
                string skeleton = str.Req(ref s);
                byte flags = s.Byte();
                return new TokenForms(normalized, script, latin, phonetic, phoneticWeight, skeleton, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0);
            });

            return (forms, tokenSection.Decode((ref SectionReader s) =>
            {
                int f = s.Count();
                TokenForms form = Referred(forms, f, "a name token", "token form");
                byte role = s.Byte();
                return new NameToken(form, (TokenRole)(role & 0x7F), str.Req(ref s), (role & 0x80) != 0);
            }));
        });

        int entityCount = r.ReadInt32();
        var dfSection = new Section(r);
        Task<TokenStatistics> statistics = Task.Run(async () =>
        {
            StringRefs str = await strings.ConfigureAwait(false);
            var df = dfSection.Decode((ref SectionReader s) => KeyValuePair.Create(str.Req(ref s), s.Count()));
            return new TokenStatistics(df.ToFrozenDictionary(StringComparer.Ordinal), entityCount);
        });

        var aliasSection = new Section(r);
        Task<AliasRecord[]> aliases = Task.Run(async () =>
        {
            StringRefs str = await strings.ConfigureAwait(false);
            Entity[] entityArray = await entities.ConfigureAwait(false);
            var (forms, tokenArray) = await tokens.ConfigureAwait(false);
            return aliasSection.Decode((ref SectionReader s) =>
            {
                int entityIndex = s.Count();
                int nameIndex = s.Count();
                if ((uint)entityIndex >= (uint)entityArray.Length || (uint)nameIndex >= (uint)entityArray[entityIndex].Names.Count)
                {
                    throw new InvalidDataException($"an alias of entity {entityIndex} refers to a missing entity or name.");
                }

                bool isAcronym = s.Byte() != 0;
                int titleCount = s.Length();
                string[] titles = titleCount == 0 ? [] : new string[titleCount];
                for (int i = 0; i < titles.Length; i++)
                {
                    titles[i] = str.Req(ref s);
                }

                var aliasTokens = new NameToken[s.Length()];
                var weights = new float[aliasTokens.Length];
                for (int i = 0; i < aliasTokens.Length; i++)
                {
                    int token = s.Count();
                    aliasTokens[i] = Referred(tokenArray, token, $"an alias of entity {entityIndex}", "name token");
                    weights[i] = s.Single();
                }

                string? acronym = str.Get(ref s);
                int acronymWord = s.Count();
                if (acronymWord != 0 && (acronym is null || (uint)(acronymWord - 1) >= (uint)forms.Length || !string.Equals(forms[acronymWord - 1].Latin, acronym, StringComparison.Ordinal)))
                {
                    throw new InvalidDataException($"an alias of entity {entityIndex}: its acronym word refers to no acronym, to a missing token form, or to another word.");
                }

                AliasRecord? said = acronymWord == 0 ? null : AliasRecord.SaidAcronymName(entityIndex, nameIndex, AliasRecord.SaidAcronymWord(forms[acronymWord - 1]), s.Single());
                return new AliasRecord(entityIndex, nameIndex, new AnalyzedName(aliasTokens, titles, isAcronym), weights, acronym, said);
            });
        });

        CandidateIndex index = CandidateIndex.Read(r, aliasSection.Count);
        if (r.ReadInt32() != EndMarker)
        {
            throw new InvalidDataException("the end marker is missing (truncated file?).");
        }

        return EntityRegistry.FromSnapshot(entities.GetAwaiter().GetResult(), tables.GetAwaiter().GetResult(), aliases.GetAwaiter().GetResult(), statistics.GetAwaiter().GetResult(), index, weakAliases);
    }

    /// <summary>Reads one item of a section.</summary>
    private delegate T ItemReader<T>(ref SectionReader reader);

    /// <summary>The largest block a snapshot may have: blocks are cut at <see cref="BlockBytes"/>, after the item that reaches it, so a larger one is damage.</summary>
    private const int MaxBlockBytes = 1 << 26;

    /// <summary>The most blocks a section may have (4 TiB of blocks): more is damage, not a table to allocate.</summary>
    private const int MaxBlocks = 1 << 24;

    /// <summary>A section written by <see cref="SectionWriter"/>, read but not decoded: its blocks' bytes and where their items start.</summary>
    private sealed class Section
    {
        private readonly int[] _starts;
        private readonly byte[][] _blocks;

        /// <summary>Reads the section's block table and blocks.</summary>
        public Section(BinaryReader r)
        {
            Count = r.ReadInt32();
            int blockCount = r.ReadInt32();
            if (Count < 0 || blockCount < 0 || blockCount > Count || blockCount > MaxBlocks)
            {
                throw new InvalidDataException($"a section has {Count} items in {blockCount} blocks.");
            }

            _starts = new int[blockCount + 1];
            _blocks = new byte[blockCount][];
            var lengths = new int[blockCount];
            for (int b = 0; b < blockCount; b++)
            {
                int items = r.ReadInt32();
                int length = r.ReadInt32();
                if (items <= 0 || length < items || length > MaxBlockBytes || _starts[b] > Count - items)
                {
                    throw new InvalidDataException($"block {b} of a section has {items} items in {length} bytes.");
                }

                _starts[b + 1] = _starts[b] + items;
                lengths[b] = length;
            }

            if (_starts[^1] != Count)
            {
                throw new InvalidDataException($"a section's blocks hold {_starts[^1]} items, not {Count}.");
            }

            // Each block is allocated as it is read: a damaged table stops at the first short read,
            // not after allocating what it claims.
            for (int b = 0; b < blockCount; b++)
            {
                _blocks[b] = GC.AllocateUninitializedArray<byte>(lengths[b]);
                r.BaseStream.ReadExactly(_blocks[b]);
            }
        }

        public int Count { get; }

        /// <summary>Decodes the blocks on every core, each into its own range of the items.</summary>
        public T[] Decode<T>(ItemReader<T> read)
        {
            var values = new T[Count];
            try
            {
                Parallel.For(0, _blocks.Length, b =>
                {
                    var reader = new SectionReader(_blocks[b]);
                    for (int i = _starts[b]; i < _starts[b + 1]; i++)
                    {
                        values[i] = read(ref reader);
                    }

                    if (!reader.AtEnd)
                    {
                        throw new InvalidDataException($"block {b} of a section has bytes after its last item.");
                    }
                });
            }
            catch (AggregateException ex)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.Flatten().InnerExceptions[0]);
            }

            return values;
        }
    }

    /// <summary>The string table, read: what a string written by <see cref="StringTable"/> refers to.</summary>
    private sealed class StringRefs(string[] strings)
    {
        /// <summary>A string, or null.</summary>
        public string? Get(ref SectionReader s)
        {
            int id = s.Count();
            return id == 0 ? null : Referred(strings, id - 1, "a string", "string");
        }

        /// <summary>A string that may not be null.</summary>
        public string Req(ref SectionReader s) => Get(ref s) ?? throw new InvalidDataException("a required string is missing.");
    }

    /// <summary>Reads the items of one block: the subset of <see cref="BinaryReader"/> the sections use.</summary>
    private ref struct SectionReader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _position;

        public readonly bool AtEnd => _position == _bytes.Length;

        public byte Byte() => _bytes[_position++];

        public float Single()
        {
            float value = BinaryPrimitives.ReadSingleLittleEndian(_bytes.Slice(_position, 4));
            _position += 4;
            return value;
        }

        /// <summary>A non-negative number, as <see cref="BinaryWriter.Write7BitEncodedInt"/> writes it.</summary>
        public int Count()
        {
            uint value = 0;
            for (int shift = 0; shift < 35; shift += 7)
            {
                byte b = _bytes[_position++];
                value |= (uint)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return value <= int.MaxValue ? (int)value : throw new InvalidDataException("a count is negative.");
                }
            }

            throw new InvalidDataException("a number is longer than five bytes.");
        }

        /// <summary>The number of items that follow, each of one byte or more: not more than the bytes left.</summary>
        public int Length()
        {
            int n = Count();
            return n <= _bytes.Length - _position ? n : throw new InvalidDataException($"a count of {n} items is more than the {_bytes.Length - _position} bytes left in its block.");
        }

        /// <summary>A string, as <see cref="BinaryWriter.Write(string)"/> writes it.</summary>
        public string String()
        {
            int length = Count();
            string value = Encoding.UTF8.GetString(_bytes.Slice(_position, length));
            _position += length;
            return value;
        }
    }

    /// <summary>Items of one section, written to memory in blocks (see <see cref="Section"/>).</summary>
    private sealed class SectionWriter
    {
        private readonly MemoryStream _block = new();
        private readonly BinaryWriter _writer;
        private readonly List<(int Items, byte[] Bytes)> _blocks = [];
        private readonly int _blockBytes;
        private int _items;
        private int _count;

        public SectionWriter(int blockBytes)
        {
            _writer = new BinaryWriter(_block, Encoding.UTF8, leaveOpen: true);
            _blockBytes = blockBytes;
        }

        /// <summary>Begins an item, which the returned writer writes.</summary>
        public BinaryWriter Item()
        {
            if (_block.Length >= _blockBytes)
            {
                Cut();
            }

            _items++;
            _count++;
            return _writer;
        }

        public void WriteTo(BinaryWriter output)
        {
            Cut();
            output.Write(_count);
            output.Write(_blocks.Count);
            foreach (var (items, bytes) in _blocks)
            {
                output.Write(items);
                output.Write(bytes.Length);
            }

            foreach (var (_, bytes) in _blocks)
            {
                output.Write(bytes);
            }
        }

        private void Cut()
        {
            _writer.Flush();
            if (_items > 0)
            {
                _blocks.Add((_items, _block.ToArray()));
                _block.SetLength(0);
                _items = 0;
            }
        }
    }

    /// <summary>The item of <paramref name="table"/> that <paramref name="referrer"/> refers to by number, or a refusal saying which reference is past the table.</summary>
    private static T Referred<T>(T[] table, int number, string referrer, string what) =>
        (uint)number < (uint)table.Length ? table[number] : throw new InvalidDataException($"{referrer} refers to {what} {number}, of {table.Length}.");

    /// <summary>Strings numbered by first use, with a section that lists them: a string is written as 0 (null) or its number + 1.</summary>
    private sealed class StringTable(int blockBytes)
    {
        private readonly Numbering<string> _ids = new(StringComparer.Ordinal);

        public SectionWriter Section { get; } = new(blockBytes);

        public void Write(BinaryWriter w, string? s)
        {
            if (s is null)
            {
                w.Write7BitEncodedInt(0);
                return;
            }

            if (_ids.Add(s, out int id))
            {
                Section.Item().Write(s);
            }

            w.Write7BitEncodedInt(id + 1);
        }
    }

    /// <summary>Values numbered by first use, as <paramref name="comparer"/> tells them apart (token forms and tokens by reference, strings by text).</summary>
    private sealed class Numbering<T>(IEqualityComparer<T> comparer)
        where T : class
    {
        private readonly Dictionary<T, int> _ids = new(comparer);

        /// <summary>Numbers <paramref name="value"/>; true when it is new.</summary>
        public bool Add(T value, out int id)
        {
            ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, value, out bool exists);
            if (!exists)
            {
                slot = _ids.Count - 1;
            }

            id = slot;
            return !exists;
        }
    }
}
