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
/// analysis. Little-endian, via <see cref="BinaryWriter"/>; strings are written once and then
/// referred to by number (token texts, skeletons, languages repeat a lot).
/// </summary>
/// <remarks>
/// Layout (version 18): magic <c>ERSNAP</c> 0x00 0x1A, int32 version, int32 entity count, entities
/// (id, type, names, attributes as one JSON object, relations), token forms, statistics, aliases
/// (entity, name, titles, tokens as form numbers, weights, acronym), the index (keys, offsets,
/// postings, forward offsets and forward keys as raw int32 arrays; the word-pair keys, offsets and
/// postings), and the int32 end marker. A
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
/// concepts and are listed in Russian too, common-names.tsv).
/// </remarks>
internal static class RegistrySnapshot
{
    public const int Version = 82;
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

    public static void Write(EntityRegistry registry, Stream stream)
    {
        // Not disposed: disposing a BufferedStream closes the caller's stream.
        var buffered = new BufferedStream(stream, 1 << 16);
        using var w = new BinaryWriter(buffered, Encoding.UTF8, leaveOpen: true);
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);

        void Str(string? s)
        {
            // 0 = null; n + 1 = string n, followed by its text the first time.
            if (s is null)
            {
                w.Write7BitEncodedInt(0);
                return;
            }

            if (strings.TryGetValue(s, out int id))
            {
                w.Write7BitEncodedInt(id + 1);
                return;
            }

            id = strings.Count;
            strings.Add(s, id);
            w.Write7BitEncodedInt(id + 1);
            w.Write(s);
        }

        w.Write(Magic);
        w.Write(Version);
        IReadOnlyList<Entity> entities = registry.Entities;
        w.Write(entities.Count);
        foreach (Entity e in entities)
        {
            Str(e.Id);
            Str(e.Type);
            w.Write7BitEncodedInt(e.Names.Count);
            foreach (EntityName n in e.Names)
            {
                Str(n.Text);
                Str(n.Lang);
                Str(n.Script);
                Str(n.Kind);
            }

            if (e.Attributes.Count == 0)
            {
                Str(null);
            }
            else
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

                Str(Encoding.UTF8.GetString(json.GetBuffer(), 0, (int)json.Length));
            }

            w.Write7BitEncodedInt(e.Relations.Count);
            foreach (EntityRelation r in e.Relations)
            {
                Str(r.Type);
                Str(r.Target);
            }
        }

        // Token forms, numbered by first use.
        var forms = new Dictionary<TokenForms, int>(ReferenceEqualityComparer.Instance);
        var formList = new List<TokenForms>();
        foreach (AliasRecord alias in registry.Aliases)
        {
            foreach (NameToken t in alias.Name.Tokens)
            {
                Number(t.Forms);
            }

            if (alias.SaidAcronym is { } said)
            {
                Number(said.Name.Tokens[0].Forms);
            }
        }

        void Number(TokenForms f)
        {
            if (!forms.ContainsKey(f))
            {
                forms.Add(f, formList.Count);
                formList.Add(f);
            }
        }

        w.Write(formList.Count);
        foreach (TokenForms f in formList)
        {
            Str(f.Normalized);
            w.Write((byte)f.Script);
            Str(f.Latin);
            Str(f.Phonetic);
            w.Write(f.PhoneticWeight);
            Str(f.Skeleton);
            w.Write((byte)((f.IsCommonName ? 1 : 0) | (f.IsNamePrefix ? 2 : 0) | (f.IsPlaceDesignator ? 4 : 0)));
        }

        TokenStatistics stats = registry.Statistics;
        w.Write(stats.EntityCount);
        w.Write(stats.DocumentFrequency.Count);
        foreach (var (skeleton, df) in stats.DocumentFrequency)
        {
            Str(skeleton);
            w.Write7BitEncodedInt(df);
        }

        w.Write(registry.Aliases.Length);
        foreach (AliasRecord a in registry.Aliases)
        {
            w.Write7BitEncodedInt(a.EntityIndex);
            w.Write7BitEncodedInt(a.NameIndex);
            w.Write(a.Name.IsAcronym);
            w.Write7BitEncodedInt(a.Name.Titles.Length);
            foreach (string title in a.Name.Titles)
            {
                Str(title);
            }

            w.Write7BitEncodedInt(a.Name.Tokens.Length);
            for (int i = 0; i < a.Name.Tokens.Length; i++)
            {
                NameToken t = a.Name.Tokens[i];
                w.Write7BitEncodedInt(forms[t.Forms]);
                w.Write((byte)((byte)t.Role | (t.IsInitial ? 0x80 : 0)));
                Str(t.Text);
                w.Write(a.Weights[i]);
            }

            Str(a.Acronym);
            if (a.SaidAcronym is { } said)
            {
                w.Write7BitEncodedInt(forms[said.Name.Tokens[0].Forms] + 1);
                w.Write(said.Weights[0]);
            }
            else
            {
                w.Write7BitEncodedInt(0);
            }
        }

        registry.Index.Write(w);
        w.Write(EndMarker);
        w.Flush();
        buffered.Flush();
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
        var strings = new List<string>();

        string? Str()
        {
            int id = r.Read7BitEncodedInt();
            if (id == 0)
            {
                return null;
            }

            if (id - 1 == strings.Count)
            {
                string s = r.ReadString();
                strings.Add(s);
                return s;
            }

            return strings[id - 1];
        }

        string Req() => Str() ?? throw new InvalidDataException("a required string is missing.");

        // A required string and its number (equal strings have one number: the writer writes each once).
        string ReqNumbered(out int id)
        {
            id = r.Read7BitEncodedInt();
            if (id == 0)
            {
                throw new InvalidDataException("a required string is missing.");
            }

            if (id - 1 == strings.Count)
            {
                string s = r.ReadString();
                strings.Add(s);
                return s;
            }

            return strings[id - 1];
        }

        if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            throw new InvalidDataException("not a registry snapshot (bad magic bytes).");
        }

        int version = r.ReadInt32();
        if (version != Version)
        {
            throw new RegistryLoadException([new RegistryProblem(source, 0, null, $"snapshot version {version} is not supported (this library reads version {Version}); rebuild it with `entity-resolver index build`.")]);
        }

        var entities = new Entity[r.ReadInt32()];
        for (int e = 0; e < entities.Length; e++)
        {
            string id = Req();
            string type = Req();
            var names = new EntityName[r.Read7BitEncodedInt()];
            for (int n = 0; n < names.Length; n++)
            {
                names[n] = new EntityName(Req(), Str(), Str(), Str());
            }

            Dictionary<string, JsonElement>? attributes = null;
            if (Str() is { } json)
            {
                using var doc = JsonDocument.Parse(json);
                attributes = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (JsonProperty p in doc.RootElement.EnumerateObject())
                {
                    attributes[p.Name] = p.Value.Clone();
                }
            }

            int relationCount = r.Read7BitEncodedInt();
            EntityRelation[]? relations = relationCount == 0 ? null : new EntityRelation[relationCount];
            for (int i = 0; i < relationCount; i++)
            {
                relations![i] = new EntityRelation(Req(), Req());
            }

            entities[e] = new Entity(id, type, names, attributes, relations);
        }

        var forms = new TokenForms[r.ReadInt32()];
        for (int i = 0; i < forms.Length; i++)
        {
            string normalized = Req();
            var script = (Script)r.ReadByte();
            string latin = Req();
            string phonetic = Req();
            float phoneticWeight = r.ReadSingle();
            string skeleton = Req();
            byte flags = r.ReadByte();
            forms[i] = new TokenForms(normalized, script, latin, phonetic, phoneticWeight, skeleton, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0);
        }

        int entityCount = r.ReadInt32();
        int dfCount = r.ReadInt32();
        var df = new Dictionary<string, int>(dfCount, StringComparer.Ordinal);
        for (int i = 0; i < dfCount; i++)
        {
            df.Add(Req(), r.Read7BitEncodedInt());
        }

        var statistics = new TokenStatistics(df.ToFrozenDictionary(StringComparer.Ordinal), entityCount);
        var aliases = new AliasRecord[r.ReadInt32()];
        // Equal tokens share one object; keyed by numbers (the text's string number), not by text.
        var tokenTable = new Dictionary<(int Form, int Role, int Text), NameToken?>();
        for (int a = 0; a < aliases.Length; a++)
        {
            int entityIndex = r.Read7BitEncodedInt();
            int nameIndex = r.Read7BitEncodedInt();
            bool isAcronym = r.ReadBoolean();
            int titleCount = r.Read7BitEncodedInt();
            string[] titles = titleCount == 0 ? [] : new string[titleCount];
            for (int i = 0; i < titleCount; i++)
            {
                titles[i] = Req();
            }

            var tokens = new NameToken[r.Read7BitEncodedInt()];
            var weights = new float[tokens.Length];
            for (int i = 0; i < tokens.Length; i++)
            {
                int form = r.Read7BitEncodedInt();
                byte role = r.ReadByte();
                string text = ReqNumbered(out int textId);
                ref NameToken? shared = ref CollectionsMarshal.GetValueRefOrAddDefault(tokenTable, (form, role, textId), out _);
                shared ??= new NameToken(forms[form], (TokenRole)(role & 0x7F), text, (role & 0x80) != 0);
                tokens[i] = shared;
                weights[i] = r.ReadSingle();
            }

            if ((uint)entityIndex >= (uint)entities.Length || (uint)nameIndex >= (uint)entities[entityIndex].Names.Count)
            {
                throw new InvalidDataException($"alias {a} refers to a missing entity or name.");
            }

            string? acronym = Str();
            int acronymWord = r.Read7BitEncodedInt();
            if (acronymWord != 0 && (acronym is null || (uint)(acronymWord - 1) >= (uint)forms.Length || !string.Equals(forms[acronymWord - 1].Latin, acronym, StringComparison.Ordinal)))
            {
                throw new InvalidDataException($"alias {a}: its acronym word refers to no acronym, to a missing token form, or to another word.");
            }

            AliasRecord? said = acronymWord == 0 ? null : AliasRecord.SaidAcronymName(entityIndex, nameIndex, AliasRecord.SaidAcronymWord(forms[acronymWord - 1]), r.ReadSingle());
            aliases[a] = new AliasRecord(entityIndex, nameIndex, new AnalyzedName(tokens, titles, isAcronym), weights, acronym, said);
        }

        CandidateIndex index = CandidateIndex.Read(r, aliases);
        if (r.ReadInt32() != EndMarker)
        {
            throw new InvalidDataException("the end marker is missing (truncated file?).");
        }

        return EntityRegistry.FromSnapshot(entities, aliases, statistics, index);
    }
}
