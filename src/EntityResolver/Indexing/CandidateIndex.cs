using System.Numerics;
using System.Runtime.InteropServices;
using EntityResolver.Text;

namespace EntityResolver.Indexing;

/// <summary>
/// Inverted index from blocking keys to aliases. A token's keys are its consonant skeleton and,
/// for skeletons of three or more classes, each skeleton with one class deleted (symmetric
/// deletion: two tokens one edit apart share a key). Acronyms have keys of their own.
/// </summary>
/// <remarks>
/// Postings are stored compactly: every key has an id, and the postings of key <c>k</c> are
/// <c>_postings[_offsets[k].._offsets[k + 1]]</c>, ascending (one shared <see cref="int"/> array,
/// no per-key object). A posting is <c>alias &lt;&lt; 1 | deletion</c>: the low bit tells that the
/// alias has the key only as a one-deletion variant of one of its skeletons, not as a skeleton.
/// The same pairs are also kept the other way round (a forward index: the keys of alias <c>a</c>
/// are <c>_aliasKeys[Info(a).ForwardStart..Info(a + 1).ForwardStart]</c>, each <c>key &lt;&lt; 1 |
/// deletion</c>), so that the candidate search can compute a shortlisted alias's exact overlap
/// with the query from one short, contiguous read instead of scanning long postings. What the
/// search reads of every admitted alias (signature, weight, where its keys start) is one 16-byte
/// entry per alias. Word pairs: the aliases with two given common words (each word's own key,
/// both with more than <see cref="PairMinPostings"/> postings) are listed under the pair of key
/// ids, so that a query of common words finds the aliases with two of them, in any order,
/// without intersecting long postings. The commonest keys also have a bitmap of their aliases
/// (see <see cref="Bitmap"/>), for the intersections that remain. Built once, immutable, safe for
/// any number of concurrent readers.
/// </remarks>
internal sealed class CandidateIndex
{
    private readonly KeyTable _keys;
    private readonly string[] _keyNames;
    private readonly int[] _offsets;
    private readonly int[] _postings;
    private readonly AliasInfo[] _aliasInfo;
    private readonly int[] _aliasKeys;
    private readonly ulong[] _pairKeys;
    private readonly int[] _pairOffsets;
    private readonly int[] _pairPostings;
    private readonly Dictionary<int, ulong[]> _bitmaps;

    private CandidateIndex(string[] keyNames, int[] offsets, int[] postings, AliasInfo[] aliasInfo, int[] aliasKeys, PairTable pairs, int bitmapMinPostings = DefaultBitmapMinPostings)
    {
        PairMinPostings = pairs.MinPostings;
        _keyNames = keyNames;
        _pairKeys = pairs.Keys;
        _pairOffsets = pairs.Offsets;
        _pairPostings = pairs.Postings;
        _offsets = offsets;
        _postings = postings;
        _aliasKeys = aliasKeys;
        _aliasInfo = aliasInfo;
        AliasCount = aliasInfo.Length - 1;
        _keys = new KeyTable(keyNames);
        BitmapMinPostings = bitmapMinPostings;
        _bitmaps = BuildBitmaps();
    }

    /// <summary>The alias table: each alias's signature, weight and first forward key, and an end entry.</summary>
    private static AliasInfo[] AliasTable(IReadOnlyList<AliasRecord> aliases, int[] aliasKeyOffsets)
    {
        var info = new AliasInfo[aliases.Count + 1];
        // Per alias and independent: on every core, in ranges.
        if (aliases.Count > 0)
        {
            Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, aliases.Count, 1 << 16), range =>
            {
                for (int a = range.Item1; a < range.Item2; a++)
                {
                    info[a] = new AliasInfo(Signature(aliases[a].Name.Tokens), AliasWeight(aliases[a]), aliasKeyOffsets[a]);
                }
            });
        }

        info[^1] = new AliasInfo(0, 0f, aliasKeyOffsets[^1]);
        return info;
    }

    /// <summary>
    /// By default, keys with more postings than this also have a bitmap of their aliases, so that
    /// the aliases two common words share are found by testing bits instead of merging long lists.
    /// A bitmap has one bit per alias of the registry: at a million aliases about the size of such
    /// a key's postings (125 KB against 128 KB or more); at 1.78 million (the 1M-entity benchmark)
    /// it is larger, 13 B per alias in all (docs/benchmarks.md).
    /// </summary>
    public const int DefaultBitmapMinPostings = 32_768;

    /// <summary>Keys with more postings than this have a bitmap (see <see cref="Bitmap"/>).</summary>
    public int BitmapMinPostings { get; }

    /// <summary>The aliases of key <paramref name="keyId"/> as a bitmap (bit <c>alias</c> of word <c>alias / 64</c>), or null when the key has at most <see cref="BitmapMinPostings"/> postings.</summary>
    public ulong[]? Bitmap(int keyId) => PostingLength(keyId) > BitmapMinPostings ? _bitmaps[keyId] : null;

    private Dictionary<int, ulong[]> BuildBitmaps()
    {
        var common = Enumerable.Range(0, _keyNames.Length).Where(k => PostingLength(k) > BitmapMinPostings).ToArray();
        var bitmaps = new ulong[common.Length][];
        int words = (AliasCount + 63) >> 6;
        Parallel.For(0, common.Length, i =>
        {
            var bits = new ulong[words];
            foreach (int p in Postings(common[i]))
            {
                bits[p >> 7] |= 1UL << ((p >> 1) & 63);
            }

            bitmaps[i] = bits;
        });

        var byKey = new Dictionary<int, ulong[]>(common.Length);
        for (int i = 0; i < common.Length; i++)
        {
            byKey.Add(common[i], bitmaps[i]);
        }

        return byKey;
    }

    public int KeyCount => _keyNames.Length;

    /// <summary>The number of aliases the postings refer to.</summary>
    public int AliasCount { get; }

    /// <summary>The number of (key, alias) postings.</summary>
    public int PostingCount => _postings.Length;

    /// <summary>The number of (word pair, alias) postings (see <see cref="PairPostings"/>).</summary>
    public int PairPostingCount => _pairPostings.Length;

    /// <summary>
    /// By default, two words form a pair key only when each word's key has more than this many
    /// postings: a query with a rarer word finds its aliases through that word alone.
    /// </summary>
    public const int DefaultPairMinPostings = 2000;

    /// <summary>Two words form a pair key only when each word's key has more than this many postings.</summary>
    public int PairMinPostings { get; }

    /// <summary>Managed bytes held by the postings and key table (approximate).</summary>
    public long ApproximateBytes
    {
        get
        {
            long bytes = ((_postings.Length + _offsets.Length + _aliasKeys.Length + _pairOffsets.Length + _pairPostings.Length) * 4L) + (_pairKeys.Length * 8L) + (_aliasInfo.Length * 16L);
            foreach (ulong[] bitmap in _bitmaps.Values)
            {
                bytes += bitmap.Length * 8L;
            }

            foreach (string k in _keyNames)
            {
                bytes += 22 + (2L * k.Length) + 8; // string object, array slot
            }

            return bytes + _keys.Bytes;
        }
    }

    /// <summary>
    /// Builds the index of <paramref name="aliases"/>; <paramref name="pairMinPostings"/>: see
    /// <see cref="PairMinPostings"/>; <paramref name="bitmapMinPostings"/>: see
    /// <see cref="BitmapMinPostings"/>; <paramref name="rangeCount"/>: the ranges of aliases the
    /// first pass runs in parallel, one per core (and at least <see cref="MinBuildRange"/> aliases
    /// each) when 0. The index is the same for any number of ranges.
    /// </summary>
    public static CandidateIndex Build(IReadOnlyList<AliasRecord> aliases, int pairMinPostings = DefaultPairMinPostings, int bitmapMinPostings = DefaultBitmapMinPostings, int rangeCount = 0)
    {
        // Pass 1, on every core: the aliases in ranges, each range numbering the keys it meets on
        // its own (KeyCollector): every alias's keys (the forward index) and its words' own keys.
        if (rangeCount <= 0)
        {
            rangeCount = Math.Clamp(aliases.Count / MinBuildRange, 1, Environment.ProcessorCount);
        }

        var ranges = new KeyCollector[rangeCount];
        Parallel.For(0, rangeCount, r =>
        {
            var range = new KeyCollector(RangeStart(r), RangeStart(r + 1));
            range.Collect(aliases);
            ranges[r] = range;
        });

        int RangeStart(int r) => (int)((long)aliases.Count * r / rangeCount);

        // The ranges' keys numbered as one, in range order: each range lists its keys in the order
        // of their first use in it, so a key's id is the order of its first use over all aliases,
        // whatever the number of ranges (the snapshot does not depend on the machine's cores).
        // The first range's numbering is already that (its keys are all known). Then the postings
        // counted per key.
        Dictionary<string, int> keys = ranges[0].Ids;
        List<string> keyNames = ranges[0].KeyNames;
        var counts = new List<int>(new int[keyNames.Count]);
        var forwardOffsets = new int[aliases.Count + 1];
        var forward = new int[ranges.Sum(range => range.Keys.Count)];
        var wordKeyOffsets = new int[aliases.Count + 1];
        var wordKeys = new (int Word, int Key)[ranges.Sum(range => range.WordKeys.Count)];
        int forwardCount = 0, wordKeyCount = 0;
        foreach (KeyCollector range in ranges)
        {
            int[] ids = new int[range.KeyNames.Count];
            for (int k = 0; k < ids.Length; k++)
            {
                ids[k] = range == ranges[0] ? k : IdOf(range.KeyNames[k]);
            }

            for (int a = range.Start; a < range.End; a++)
            {
                forwardOffsets[a + 1] = forwardCount + range.KeyOffsets[a - range.Start + 1];
                wordKeyOffsets[a + 1] = wordKeyCount + range.WordKeyOffsets[a - range.Start + 1];
            }

            foreach (int encoded in range.Keys)
            {
                counts[ids[encoded >> 1]]++;
                forward[forwardCount++] = (ids[encoded >> 1] << 1) | (encoded & 1);
            }

            foreach ((int word, int key) in range.WordKeys)
            {
                wordKeys[wordKeyCount++] = (word, ids[key]);
            }
        }

        ranges = null;

        int IdOf(string key)
        {
            ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(keys, key, out bool known);
            if (!known)
            {
                id = keyNames.Count;
                keyNames.Add(key);
                counts.Add(0);
            }

            return id;
        }

        var offsets = new int[keyNames.Count + 1];
        for (int k = 0; k < keyNames.Count; k++)
        {
            offsets[k + 1] = offsets[k] + counts[k];
        }

        // Pass 2: fill the postings in alias order (so each list is ascending), and the pairs.
        var postings = new int[offsets[^1]];
        int[] cursor = offsets[..^1];
        var pairs = new PairBuilder(pairMinPostings);
        var aliasPairs = new List<ulong>(16);
        for (int a = 0; a < aliases.Count; a++)
        {
            for (int f = forwardOffsets[a]; f < forwardOffsets[a + 1]; f++)
            {
                postings[cursor[forward[f] >> 1]++] = (a << 1) | (forward[f] & 1);
            }

            // Pairs of two different words' own keys, both common; each pair once per alias.
            aliasPairs.Clear();
            for (int i = wordKeyOffsets[a]; i < wordKeyOffsets[a + 1]; i++)
            {
                if (counts[wordKeys[i].Key] <= pairMinPostings)
                {
                    continue;
                }

                for (int j = i + 1; j < wordKeyOffsets[a + 1]; j++)
                {
                    if (wordKeys[j].Word != wordKeys[i].Word && wordKeys[j].Key != wordKeys[i].Key && counts[wordKeys[j].Key] > pairMinPostings)
                    {
                        ulong pair = PairKey(wordKeys[i].Key, wordKeys[j].Key);
                        if (!aliasPairs.Contains(pair))
                        {
                            aliasPairs.Add(pair);
                            pairs.Add(pair, a);
                        }
                    }
                }
            }
        }

        return new CandidateIndex([.. keyNames], offsets, postings, AliasTable(aliases, forwardOffsets), forward, pairs.Build(), bitmapMinPostings);
    }

    /// <summary>The fewest aliases a range of the index's first pass has (<see cref="Build"/>): a smaller registry is one range.</summary>
    private const int MinBuildRange = 1 << 14;

    /// <summary>
    /// The first pass of <see cref="Build"/> over one range of aliases, with its own numbering of
    /// the keys, in the order of their first use in the range (<see cref="KeyNames"/>): the keys
    /// of each alias (<see cref="Keys"/>, <c>id &lt;&lt; 1 | deletion</c>, from
    /// <see cref="KeyOffsets"/>) and the ids of the own keys of its words, each with its word's
    /// number (<see cref="WordKeys"/>, from <see cref="WordKeyOffsets"/>).
    /// </summary>
    private sealed class KeyCollector
    {
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _idsBySpan;
        private readonly Dictionary<string, int[]> _bySkeleton = new(StringComparer.Ordinal);
        private readonly Dictionary<TokenForms, WordKeys> _byWord = [];
        private readonly HashSet<string> _scratch = new(StringComparer.Ordinal);
        private readonly List<int> _wordKeyList = new(8);
        private readonly List<int> _wordIdList = new(4);
        private readonly List<int> _aliasKeys = new(32);
        private char[] _joinBuffer = new char[256];

        public KeyCollector(int start, int end)
        {
            Start = start;
            End = end;
            Keys = new((end - start) * 8);
            KeyOffsets = new int[end - start + 1];
            WordKeys = new((end - start) * 4);
            WordKeyOffsets = new int[end - start + 1];
            _idsBySpan = Ids.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public int Start { get; }

        public int End { get; }

        /// <summary>The range's keys, each with its id in the range.</summary>
        public Dictionary<string, int> Ids { get; } = new(StringComparer.Ordinal);

        /// <summary>The range's keys by id.</summary>
        public List<string> KeyNames { get; } = [];

        public List<int> Keys { get; }

        public int[] KeyOffsets { get; }

        public List<(int Word, int Key)> WordKeys { get; }

        public int[] WordKeyOffsets { get; }

        public void Collect(IReadOnlyList<AliasRecord> aliases)
        {
            for (int a = Start; a < End; a++)
            {
                CollectKeys(aliases[a]);
                Keys.AddRange(_aliasKeys);
                KeyOffsets[a - Start + 1] = Keys.Count;
                CollectWordKeys(aliases[a]);
                WordKeyOffsets[a - Start + 1] = WordKeys.Count;
            }
        }

        private int KeyIdOf(ReadOnlySpan<char> key)
        {
            if (!_idsBySpan.TryGetValue(key, out int id))
            {
                id = KeyNames.Count;
                string name = key.ToString();
                Ids.Add(name, id);
                KeyNames.Add(name);
            }

            return id;
        }

        // Keys of a skeleton, encoded id << 1 | deletion; the skeleton's own key first.
        private int[] SkeletonKeys(string skeleton)
        {
            if (!_bySkeleton.TryGetValue(skeleton, out int[]? ids))
            {
                _scratch.Clear();
                AddKeys(skeleton, _scratch);
                ids = new int[_scratch.Count];
                int i = 0;
                ids[i++] = KeyIdOf(skeleton) << 1;
                foreach (string k in _scratch)
                {
                    if (!string.Equals(k, skeleton, StringComparison.Ordinal))
                    {
                        ids[i++] = (KeyIdOf(k) << 1) | 1;
                    }
                }

                _bySkeleton.Add(skeleton, ids);
            }

            return ids;
        }

        // The keys of one word, computed once per distinct word (equal words share one forms
        // object): its skeleton's keys, the keys of its skeleton as Arabic script writes a v, and
        // its own keys as other languages say its letters (encoded, in that order); and the ids of
        // the word's own keys, for word pairs.
        private WordKeys KeysOfWord(TokenForms forms)
        {
            if (_byWord.TryGetValue(forms, out WordKeys cached))
            {
                return cached;
            }

            _wordKeyList.Clear();
            _wordIdList.Clear();
            string wordKey = WordKey(forms);
            _wordKeyList.AddRange(SkeletonKeys(wordKey));
            _wordIdList.Add(KeyIdOf(wordKey));

            // A v inside a word is f in Arabic script: the name is found from that
            // spelling too (Svetlova: سفيتلوفا).
            if (Phonetics.SkeletonWithVAsF(forms.Phonetic) is { } arabic && !string.Equals(arabic, forms.Skeleton, StringComparison.Ordinal))
            {
                _wordKeyList.AddRange(SkeletonKeys(arabic));
                _wordIdList.Add(KeyIdOf(arabic));
            }

            // A Latin word's letters as other scripts write them when said otherwise than
            // in English: own keys only, without deletion variants (OwnKeys).
            foreach (Func<TokenForms, string?> said in OwnKeys)
            {
                if (said(forms) is { } key)
                {
                    int id = KeyIdOf(key);
                    _wordKeyList.Add(id << 1);
                    _wordIdList.Add(id);
                }
            }

            var keysOfWord = new WordKeys([.. _wordKeyList], [.. _wordIdList]);
            _byWord.Add(forms, keysOfWord);
            return keysOfWord;
        }

        private void AddAliasKey(int encoded)
        {
            for (int i = 0; i < _aliasKeys.Count; i++)
            {
                if (_aliasKeys[i] >> 1 == encoded >> 1)
                {
                    _aliasKeys[i] &= encoded | ~1; // a skeleton beats a deletion
                    return;
                }
            }

            _aliasKeys.Add(encoded);
        }

        // The alias's keys, into _aliasKeys.
        private void CollectKeys(AliasRecord alias)
        {
            _aliasKeys.Clear();
            NameToken? previous = null;
            foreach (NameToken token in alias.Name.Tokens)
            {
                if (IsIndexed(token))
                {
                    foreach (int encoded in KeysOfWord(token.Forms).Keys)
                    {
                        AddAliasKey(encoded);
                    }

                    // Two adjacent words written as one (Wali Jan / Walijan).
                    if (previous is not null)
                    {
                        if (_joinBuffer.Length < JoinBufferLength(previous, token))
                        {
                            _joinBuffer = new char[JoinBufferLength(previous, token)];
                        }

                        AddAliasKey(KeyIdOf(JoinedSkeleton(previous, token, _joinBuffer)) << 1);
                    }

                    previous = token;
                }
            }

            if (alias.Acronym is not null)
            {
                AddAliasKey(KeyIdOf(AcronymKey(alias.Acronym)) << 1);
            }
            else if (alias.Name.IsAcronym && alias.Name.Tokens[0].Forms.Latin is { Length: >= 2 } letters)
            {
                // A name written as an acronym (KGB), under the key an acronym query looks up
                // too: the skeleton of so few letters (kb) is shared by tens of thousands of
                // names at a million entities, more than a one-word query reads.
                AddAliasKey(KeyIdOf(AcronymKey(letters)) << 1);
            }

            // The acronym said as a word (NATO: ناتو, НАТО, Nato), under its own skeleton.
            if (alias.SaidAcronym?.Name.Tokens[0].Forms.Skeleton is { Length: > 0 } said)
            {
                AddAliasKey(KeyIdOf(said) << 1);
            }
        }

        // The ids of the own keys of the alias's words, each with its word's number, into WordKeys.
        private void CollectWordKeys(AliasRecord alias)
        {
            int word = 0;
            foreach (NameToken token in alias.Name.Tokens)
            {
                if (IsIndexed(token))
                {
                    word++;
                    foreach (int id in KeysOfWord(token.Forms).Ids)
                    {
                        WordKeys.Add((word, id));
                    }
                }
            }
        }
    }

    /// <summary>
    /// The skeletons a Latin word is also posted under, each as the word's own key only: as Arabic
    /// script and Cyrillic write its letters when its language says them otherwise than English
    /// does. Deletion variants of such keys crowded other names out of the candidates when tried
    /// (Ivanov), and English names keep their own spelling (Howard: هوارد, James: جيمس). Then, in
    /// every script, the finer key of a word with a short skeleton (<see cref="Phonetics.RepeatKey"/>,
    /// which a query of one word looks up), and last the key of the concept of a generic organization word, a nationality adjective
    /// or a place name (<see cref="Lexicon.ConceptKey"/>), which the query looks up through
    /// <see cref="Phonetics.QueryReadings"/>: the two lists must both have it.
    /// </summary>
    internal static readonly Func<TokenForms, string?>[] OwnKeys = [WSaidVSkeleton, JSaidYSkeleton, KhSaidSkeleton, ThSaidFSkeleton, GreekSaidSkeleton, IllSaidYSkeleton, GnSaidNySkeleton, PinyinQSkeleton, CsSaidChSkeleton, RzSaidZhSkeleton, CkSaidKSkeleton, IchSaidShSkeleton, DiacriticsSaidSkeleton, SaidSkeleton, NameSaidSkeleton, Phonetics.RepeatKey, Lexicon.ConceptKey];

    private delegate string? SkeletonReading(ReadOnlySpan<char> form);

    /// <summary>
    /// The skeleton of a Latin word with its w (and v) read f, as Arabic script writes the w that
    /// German, Dutch and Polish say v (Lewandowski: ليفاندوفسكي, skeleton <c>lfntfsk</c>), and its
    /// j read y (<see cref="Phonetics.SkeletonWithWAsF"/>), or null (<see cref="LatinVariant"/>).
    /// </summary>
    internal static string? WSaidVSkeleton(TokenForms forms) => LatinVariant(forms, Phonetics.SkeletonWithWAsF);

    /// <summary>
    /// The skeleton of a Latin word with its j read y (<see cref="Phonetics.SkeletonWithJAsY"/>:
    /// Jelen, ييلين and Йелен, skeleton <c>yln</c>, not <c>sln</c>), or null (<see cref="LatinVariant"/>).
    /// </summary>
    internal static string? JSaidYSkeleton(TokenForms forms) => LatinVariant(forms, Phonetics.SkeletonWithJAsY);

    /// <summary>
    /// The skeleton of a Latin word with its ch, and a first j before a vowel, read kh (<see cref="Phonetics.SkeletonWithKh"/>:
    /// Aachen, Ахен, skeleton <c>kn</c>, not <c>sn</c>; Jorge, Хорхе, <c>krk</c>, not <c>srk</c>), or null (<see cref="LatinVariant"/>).
    /// </summary>
    internal static string? KhSaidSkeleton(TokenForms forms) => LatinVariant(forms, Phonetics.SkeletonWithKh);

    /// <summary>
    /// The skeleton of a Latin word with its th read f (<see cref="Phonetics.SkeletonWithThAsF"/>:
    /// Athena, Афина, skeleton <c>fn</c>, not <c>tn</c>), or null (<see cref="LatinVariant"/>). An
    /// English th (Smith: Смит) keeps meeting the word's own key.
    /// </summary>
    internal static string? ThSaidFSkeleton(TokenForms forms) => LatinVariant(forms, Phonetics.SkeletonWithThAsF);

    /// <summary>
    /// The skeleton of a Latin word with a th and an ending that Russian leaves out, as Russian
    /// writes a Greek name: its th read f, without the ending (Antisthenes: Антисфен, skeleton
    /// <c>ntsfn</c>; Theodotus: Феодот, <c>ft</c>; <see cref="TokenForms.SilentTail"/>), or null.
    /// </summary>
    internal static string? GreekSaidSkeleton(TokenForms forms) => WithoutSilentTail(forms, Script.Cyrillic, Phonetics.SkeletonWithThAsF);

    /// <summary>
    /// The skeleton of a Latin word with its French ill read as said (<see cref="Readings.FrenchIll"/>)
    /// and without the ending that Russian leaves out (<see cref="TokenForms.SilentTail"/>), as
    /// Russian writes it: Cotillard, Котийяр, skeleton <c>ktr</c>, not <c>ktlrt</c>; Guillaume,
    /// Гийом, <c>km</c>; Abeille, Абей, <c>b</c>; or null when it reads as the word's own skeleton.
    /// </summary>
    internal static string? IllSaidYSkeleton(TokenForms forms)
    {
        if (forms.Script != Script.Latin || !forms.Readings.HasFlag(Readings.FrenchIll))
        {
            return null;
        }

        return ReadWithout(forms, forms.SilentTail(Script.Cyrillic), static form => Phonetics.SkeletonAsSaid(form, Readings.FrenchIll));
    }

    /// <summary>
    /// The skeleton of a Latin word without the g of its Romance gn or Italian gli (<see cref="Phonetics.SkeletonWithGnAsNy"/>:
    /// Agnelli, Аньелли, skeleton <c>nl</c>, not <c>knl</c>; Battaglia, Батталья, <c>btl</c>), or null (<see cref="LatinVariant"/>).
    /// </summary>
    internal static string? GnSaidNySkeleton(TokenForms forms) => LatinVariant(forms, Phonetics.SkeletonWithGnAsNy);

    /// <summary>
    /// The skeleton of a Latin word with a q before i read ts (<see cref="Phonetics.SkeletonWithKAsTs"/>:
    /// the pinyin Qing, Цин, skeleton <c>tsn</c>, not <c>kn</c>), or null (<see cref="LatinVariant"/>).
    /// A c said k in the same word is read ts too (the pinyin c is: Cao, Цао).
    /// </summary>
    internal static string? PinyinQSkeleton(TokenForms forms) =>
        forms.Latin.Contains("qi", StringComparison.Ordinal) ? LatinVariant(forms, Phonetics.SkeletonWithKAsTs) : null;

    /// <summary>
    /// The skeleton of a Latin word that has <paramref name="reading"/>, read with it
    /// (<see cref="Phonetics.SkeletonAsSaid"/>), or null when it has not, or when the reading
    /// gives the word's own skeleton (as <see cref="LatinVariant"/>).
    /// </summary>
    private static string? ReadingSkeleton(TokenForms forms, Readings reading) =>
        forms.Script == Script.Latin && forms.Readings.HasFlag(reading) && Phonetics.SkeletonAsSaid(forms.Phonetic, reading) is { } skeleton
            && !string.Equals(skeleton, forms.Skeleton, StringComparison.Ordinal)
            ? skeleton
            : null;

    /// <summary>
    /// The skeleton of a Latin word with its Hungarian cs read ch (<see cref="Phonetics.SkeletonAsSaid"/>:
    /// Csaba, Чаба, skeleton <c>sb</c>, not <c>ksb</c>), or null (<see cref="LatinVariant"/>).
    /// </summary>
    internal static string? CsSaidChSkeleton(TokenForms forms) => ReadingSkeleton(forms, Readings.Cs);

    /// <summary>
    /// The skeleton of a Latin word with its Polish rz read zh or sh (<see cref="Phonetics.SkeletonAsSaid"/>:
    /// Brzezinski, Бжезинский, skeleton <c>bsnsk</c>, not <c>brsnsk</c>), or null (<see cref="LatinVariant"/>).
    /// </summary>
    internal static string? RzSaidZhSkeleton(TokenForms forms) => ReadingSkeleton(forms, Readings.Rz);

    /// <summary>
    /// The skeleton of a Latin word with the c of its Polish -cki or -cka said as the k of an
    /// English ck (<see cref="Readings.PolishCkAsK"/>: Debicki, ديبيكي, skeleton <c>tbk</c>, not
    /// <c>tbtsk</c>), or null (<see cref="LatinVariant"/>).
    /// </summary>
    internal static string? CkSaidKSkeleton(TokenForms forms) => ReadingSkeleton(forms, Readings.PolishCkAsK);

    /// <summary>
    /// The skeleton of a Latin word with the ch of its German cht after a front vowel said sh
    /// (<see cref="Readings.GermanIchT"/>: Specht, شبيشت, skeleton <c>sbst</c>, not <c>sbkt</c>), or
    /// null (<see cref="LatinVariant"/>).
    /// </summary>
    internal static string? IchSaidShSkeleton(TokenForms forms) => ReadingSkeleton(forms, Readings.GermanIchT);

    /// <summary>
    /// The skeleton of a Latin word with the letters its diacritics mark read as said
    /// (<see cref="Phonetics.SkeletonWithDiacriticsAsSaid"/>: Gonçalo, Гонсалу, skeleton <c>knsl</c>,
    /// not <c>knkl</c>; Böhme, Бёме, <c>bm</c>; Dąbrowski, Домбровский, <c>tmbrsk</c>; Dvořák,
    /// Дворжак, <c>trsk</c>), or null (<see cref="LatinVariant"/>).
    /// </summary>
    internal static string? DiacriticsSaidSkeleton(TokenForms forms) => LatinVariant(forms, Phonetics.SkeletonWithDiacriticsAsSaid);

    /// <summary>The skeleton <paramref name="read"/> gives a Latin word, or null when the word is not Latin, it gives none, or it is the word's own skeleton.</summary>
    private static string? LatinVariant(TokenForms forms, SkeletonReading read) =>
        forms.Script == Script.Latin && read(forms.Phonetic) is { } skeleton && !string.Equals(skeleton, forms.Skeleton, StringComparison.Ordinal)
            ? skeleton
            : null;

    /// <summary>
    /// The skeleton of a Latin word without the ending that French leaves silent and Arabic script
    /// and Cyrillic leave out (<see cref="TokenForms.SilentTail"/>), or null when it has none or
    /// the skeleton is the same.
    /// </summary>
    internal static string? SaidSkeleton(TokenForms forms) => WithoutSilentTail(forms, Script.Arabic, Phonetics.Skeleton);

    /// <summary>
    /// The skeleton of how a Latin name is said when its letters do not read so (<see cref="TokenForms.Said"/>:
    /// Siobhan, Шивон, skeleton <c>sn</c>, not <c>sbn</c>), or null when it has none or it is the word's own.
    /// </summary>
    internal static string? NameSaidSkeleton(TokenForms forms) =>
        forms.Said is { } said && Phonetics.Skeleton(said) is { Length: > 0 } skeleton && !string.Equals(skeleton, forms.Skeleton, StringComparison.Ordinal)
            ? skeleton
            : null;

    /// <summary>
    /// What <paramref name="read"/> gives the phonetic form of a Latin word without the ending that
    /// a script with <paramref name="conventions"/> leaves out (<see cref="TokenForms.SilentTail"/>),
    /// or null when the word has no such ending, or the skeleton is empty or the word's own.
    /// </summary>
    private static string? WithoutSilentTail(TokenForms forms, Script conventions, SkeletonReading read)
    {
        int silent = forms.SilentTail(conventions);
        return silent > 0 ? ReadWithout(forms, silent, read) : null;
    }

    /// <summary>The skeleton <paramref name="read"/> gives the word's phonetic form without its last <paramref name="silent"/> symbols, or null when it gives none, an empty one or the word's own.</summary>
    private static string? ReadWithout(TokenForms forms, int silent, SkeletonReading read) =>
        read(forms.Phonetic.AsSpan(0, forms.Phonetic.Length - silent)) is { Length: > 0 } said && !string.Equals(said, forms.Skeleton, StringComparison.Ordinal)
            ? said
            : null;

    /// <summary>The pair key of two key ids (order does not matter).</summary>
    public static ulong PairKey(int a, int b) => a < b ? ((ulong)(uint)a << 32) | (uint)b : ((ulong)(uint)b << 32) | (uint)a;

    /// <summary>
    /// The aliases that have both words (the own keys <paramref name="a"/> and <paramref name="b"/>
    /// of two of their words), ascending; empty when either key has at most
    /// <see cref="PairMinPostings"/> postings (no pair was kept) or no alias has both.
    /// </summary>
    public ReadOnlySpan<int> PairPostings(int a, int b)
    {
        int i = _pairKeys.AsSpan().BinarySearch(PairKey(a, b));
        return i < 0 ? [] : _pairPostings.AsSpan(_pairOffsets[i], _pairOffsets[i + 1] - _pairOffsets[i]);
    }

    /// <summary>The keys of one word, as an alias's keys list them (encoded), and the ids of its own keys (for word pairs).</summary>
    private readonly record struct WordKeys(int[] Keys, int[] Ids);

    /// <summary>The pair postings, grouped by pair key: sorted distinct keys, offsets, aliases.</summary>
    private readonly record struct PairTable(int MinPostings, ulong[] Keys, int[] Offsets, int[] Postings);

    /// <summary>Collects (pair key, alias) entries and groups them (one sort; aliases ascending within a key).</summary>
    private sealed class PairBuilder(int minPostings)
    {
        private ulong[] _keys = new ulong[1024];
        private int[] _aliases = new int[1024];
        private int _count;

        public void Add(ulong key, int alias)
        {
            if (_count == _keys.Length)
            {
                Array.Resize(ref _keys, _count * 2);
                Array.Resize(ref _aliases, _count * 2);
            }

            _keys[_count] = key;
            _aliases[_count++] = alias;
        }

        public PairTable Build()
        {
            Span<ulong> keys = _keys.AsSpan(0, _count);
            Span<int> aliases = _aliases.AsSpan(0, _count);
            keys.Sort(aliases);
            int distinct = 0;
            for (int i = 0; i < keys.Length; i++)
            {
                distinct += i == 0 || keys[i] != keys[i - 1] ? 1 : 0;
            }

            var unique = new ulong[distinct];
            var offsets = new int[distinct + 1];
            int u = 0;
            for (int i = 0; i < keys.Length;)
            {
                int end = i + 1;
                while (end < keys.Length && keys[end] == keys[i])
                {
                    end++;
                }

                aliases[i..end].Sort(); // the sort above is not stable
                unique[u] = keys[i];
                offsets[++u] = end;
                i = end;
            }

            return new PairTable(minPostings, unique, offsets, aliases.ToArray());
        }
    }

    /// <summary>Whether a name token before <paramref name="t"/> has the same skeleton (a repeated word counts once).</summary>
    private static bool SkeletonBefore(NameToken[] tokens, int t)
    {
        for (int i = 0; i < t; i++)
        {
            if (tokens[i].Role == TokenRole.Name && string.Equals(tokens[i].Forms.Skeleton, tokens[t].Forms.Skeleton, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The rarity weight of an alias's distinct indexed words (what a candidate could fail to match).</summary>
    private static float AliasWeight(AliasRecord alias)
    {
        float w = 0f;
        for (int t = 0; t < alias.Name.Tokens.Length; t++)
        {
            NameToken token = alias.Name.Tokens[t];
            if (IsIndexed(token) && !SkeletonBefore(alias.Name.Tokens, t))
            {
                w += alias.Weights[t];
            }
        }

        return w;
    }

    /// <summary>The total token weight of alias <paramref name="alias"/>.</summary>
    public float AliasWeight(int alias) => _aliasInfo[alias].Weight;

    /// <summary>
    /// What the candidate search reads of alias <paramref name="alias"/>, in one 16-byte entry
    /// (one cache miss instead of three): its signature, its weight, where its keys start (they
    /// end where the next alias's start: <c>Info(alias + 1).ForwardStart</c>).
    /// </summary>
    public ref readonly AliasInfo Info(int alias) => ref _aliasInfo[alias];

    /// <summary>Asks the CPU to load <see cref="Info"/> of <paramref name="alias"/> into the cache (no effect without SSE).</summary>
    public void PrefetchInfo(int alias) => CpuCache.Prefetch(in _aliasInfo[alias]);

    /// <summary>The letter-pair signature of alias <paramref name="alias"/> (see <see cref="Signature"/>).</summary>
    public ulong AliasSignature(int alias) => _aliasInfo[alias].Signature;

    /// <summary>
    /// The letter pairs of the phonetic forms of the name words (with the word boundaries), hashed
    /// into 64 bits: what the skeleton keys leave out (vowels, order of letters), cheap to compare.
    /// </summary>
    public static ulong Signature(NameToken[] tokens) => PairSignature(tokens, vowels: false, out _);

    /// <summary>
    /// A query's <see cref="Signature"/> (<paramref name="written"/>), and the signature to compare
    /// with aliases' (<see cref="SignatureSimilarity"/>): for a query of one or two words read from
    /// Arabic script it also has the pairs of its vowels as Latin may spell them, its و o as often
    /// as u, its ي e as often as i (بيلوتو, bilutu, meets Bellotto's pairs be, lo, ot, to); read
    /// from Cyrillic, the pairs of an English long vowel and silent e (<see cref="EnglishVowelPairBits"/>). Not for
    /// longer names: the extra pairs of three words or more fill much of the 64 bits, so that a
    /// long name would meet every long alias.
    /// </summary>
    public static ulong QuerySignature(NameToken[] tokens, out ulong written)
    {
        int words = 0;
        foreach (NameToken token in tokens)
        {
            words += token.Role == TokenRole.Name ? 1 : 0;
        }

        return PairSignature(tokens, vowels: words <= 2, out written);
    }

    /// <summary>The letter-pair signature (<paramref name="written"/>: without the vowel pairs that <paramref name="vowels"/> adds to Arabic-script words).</summary>
    private static ulong PairSignature(NameToken[] tokens, bool vowels, out ulong written)
    {
        ulong signature = 0;
        written = 0;
        foreach (NameToken token in tokens)
        {
            if (token.Role != TokenRole.Name)
            {
                continue;
            }

            bool read = vowels && token.Forms.Script == Script.Arabic;
            bool japanese = vowels && token.Forms.Script == Script.Cyrillic && (token.Forms.Readings & Readings.Japanese) != 0;
            bool english = vowels && token.Forms.Script == Script.Cyrillic;
            string phonetic = token.Forms.Phonetic;
            char previous = ' ';
            for (int i = 0; i < phonetic.Length; i++)
            {
                char c = Phonetics.Plain(phonetic[i]);
                written |= PairBit(previous, c);
                signature |= read ? VowelPairBits(previous, c) : 0;
                signature |= previous == 'q' || c == 'q' ? CedillaPairBits(previous, c) : 0;
                signature |= japanese ? JapanesePairBits(phonetic, i, previous) : 0;
                signature |= english ? EnglishVowelPairBits(phonetic, i, previous) : 0;
                signature |= english && c == 'z' && i + 1 == phonetic.Length && !Phonetics.IsVowel(previous) ? EnglishFinalSPairBits(previous) : 0;
                previous = c;
            }

            if (previous != ' ')
            {
                written |= PairBit(previous, ' ');
                signature |= read ? VowelPairBits(previous, ' ') : 0;
                signature |= previous == 'q' ? CedillaPairBits(previous, ' ') : 0;
            }
        }

        return signature | written;
    }

    /// <summary>The bits of a letter pair's o-for-u and e-for-i spellings.</summary>
    private static ulong VowelPairBits(char first, char second)
    {
        char first2 = LatinVowel(first), second2 = LatinVowel(second);
        return PairBit(first2, second) | PairBit(first, second2) | PairBit(first2, second2);
    }

    /// <summary>
    /// The bits of the pairs a Latin spelling of a Japanese name has where Russian wrote ся, сю,
    /// сё, тя, тю or тё at <paramref name="i"/> (sh or ch, then the vowel: Тёку meets Choku's
    /// pairs ch and cho; see <see cref="Readings.Japanese"/>); 0 elsewhere.
    /// </summary>
    private static ulong JapanesePairBits(string phonetic, int i, char previous)
    {
        if (!Phonetics.IsCyrillicJapaneseSyllable(phonetic, i))
        {
            return 0;
        }

        char said = phonetic[i] == 's' ? 'S' : 'C';
        return PairBit(previous, said) | PairBit(said, phonetic[i + 2]);
    }

    /// <summary>
    /// The bits of the pairs an English spelling has where Russian wrote its long vowel at
    /// <paramref name="i"/> (<see cref="Phonetics.EnglishLongVowelAt"/>): ей, ай, оу and ью
    /// before the word's last letter, a consonant, are the a, i, o and u of a consonant and a
    /// silent e (Кейд meets Cade's pairs ka, ad, de, e; Джейк Jake's; Апдайк Updike's; Дьюк
    /// Duke's); 0 elsewhere. Not inside a word, where ей and ай are as often the ei of
    /// German and Dutch names and the aj of Slavic ones (Кайка, Kajka): the added pairs made short
    /// aliases look alike (development top-1: +74 / −43 with them, +56 / −20 without).
    /// </summary>
    private static ulong EnglishVowelPairBits(string phonetic, int i, char previous)
    {
        if (i + 3 != phonetic.Length || Phonetics.IsVowel(phonetic[i + 2]) || phonetic[i + 2] == 'y')
        {
            return 0;
        }

        char english = Phonetics.EnglishLongVowelAt(phonetic, i);
        if (english == '\0')
        {
            return 0;
        }

        char consonant = Phonetics.Plain(phonetic[i + 2]);
        return PairBit(previous, english) | PairBit(english, consonant) | PairBit(consonant, 'e') | PairBit('e', ' ');
    }

    /// <summary>
    /// The bits of the pairs an English spelling has where Russian wrote a final з after
    /// <paramref name="previous"/>: the s of an -s or an -es said z (Ноулз meets Knowles' pairs
    /// ls, le, es and s; Иглз Eagles'; see <see cref="Readings.EnglishFinalS"/>).
    /// </summary>
    private static ulong EnglishFinalSPairBits(char previous) =>
        PairBit(previous, 's') | PairBit(previous, 'e') | PairBit('e', 's') | PairBit('s', ' ');

    /// <summary>
    /// The bits of a letter pair with a Latin ç (<c>q</c>) read s and read ch, as French and
    /// Portuguese names and Turkish ones say it (Kılıç's iq is also is and iC, and meets Кылыч's yC
    /// less far; see <see cref="Phonetics.SkeletonWithDiacriticsAsSaid"/>).
    /// </summary>
    private static ulong CedillaPairBits(char first, char second) =>
        PairBit(first == 'q' ? 's' : first, second == 'q' ? 's' : second) | PairBit(first == 'q' ? 'C' : first, second == 'q' ? 'C' : second);

    private static char LatinVowel(char c) => c switch { 'u' => 'o', 'i' => 'e', _ => c };

    /// <summary>
    /// Dice similarity of a query's signature (<see cref="QuerySignature"/>, of <paramref name="queryPairs"/>
    /// pairs as written) and an alias's (shared pairs over the mean number of pairs), 0..1.
    /// </summary>
    public static float SignatureSimilarity(ulong query, int queryPairs, ulong alias)
    {
        int total = queryPairs + BitOperations.PopCount(alias);
        return total == 0 ? 0f : MathF.Min(1f, 2f * BitOperations.PopCount(query & alias) / total);
    }

    private static ulong PairBit(char first, char second) => 1UL << (int)((((uint)first * 31u) + second) * 2654435769u >> 26);

    public static string AcronymKey(string acronym) => "#" + acronym;

    /// <summary>The key of a word made of vowels and of letters that no skeleton keeps (Avivi, Iwai, Ou: <see cref="WordKey"/>).</summary>
    public const string VowelWordKey = "~";

    /// <summary>
    /// The key a name word is posted and looked up under: its skeleton, or <see cref="VowelWordKey"/>
    /// for a word of two letters or more whose skeleton is empty (Avivi, Авиви; Iwai, Иваи), which
    /// would otherwise have no key at all; empty for an initial or a one-letter word without a
    /// skeleton (the name's other words find it).
    /// </summary>
    public static string WordKey(TokenForms forms) =>
        forms.Skeleton.Length > 0 || forms.Phonetic.Length < 2 ? forms.Skeleton : VowelWordKey;

    /// <summary>Whether the index posts <paramref name="token"/>: a name word with a <see cref="WordKey"/>.</summary>
    private static bool IsIndexed(NameToken token) => token.Role == TokenRole.Name && WordKey(token.Forms).Length > 0;

    /// <summary>The skeleton of two adjacent tokens written as one (Wali Jan / Walijan).</summary>
    public static string JoinedSkeleton(NameToken first, NameToken second)
    {
        int length = JoinBufferLength(first, second);
        Span<char> buffer = length <= 384 ? stackalloc char[length] : new char[length];
        return new string(JoinedSkeleton(first, second, buffer));
    }

    /// <summary>The buffer <see cref="JoinedSkeleton(NameToken, NameToken, Span{char})"/> needs: the two words joined, and room for their skeleton.</summary>
    private static int JoinBufferLength(NameToken first, NameToken second) => 3 * (first.Forms.Phonetic.Length + second.Forms.Phonetic.Length);

    /// <summary>
    /// <see cref="JoinedSkeleton(NameToken, NameToken)"/> written into <paramref name="buffer"/>
    /// (at least <see cref="JoinBufferLength"/> long), without a string: the index's build computes
    /// it for every pair of adjacent words of every alias, and most are keys it already has.
    /// </summary>
    private static ReadOnlySpan<char> JoinedSkeleton(NameToken first, NameToken second, Span<char> buffer)
    {
        string a = first.Forms.Phonetic, b = second.Forms.Phonetic;
        Span<char> joined = buffer[..(a.Length + b.Length)];
        a.CopyTo(joined);
        b.CopyTo(joined[a.Length..]);
        Span<char> skeleton = buffer[joined.Length..];
        return skeleton[..Phonetics.WriteSkeleton(joined, skeleton)];
    }

    /// <summary>The blocking keys of one skeleton.</summary>
    public static void AddKeys(string skeleton, HashSet<string> keys)
    {
        if (skeleton.Length == 0)
        {
            return;
        }

        keys.Add(skeleton);
        if (skeleton.Length >= 3)
        {
            for (int i = 0; i < skeleton.Length; i++)
            {
                keys.Add(string.Concat(skeleton.AsSpan(0, i), skeleton.AsSpan(i + 1)));
            }
        }
    }

    /// <summary>The id of a key, or -1 when no alias is posted under it. No allocation.</summary>
    public int KeyId(ReadOnlySpan<char> key) => _keys.Find(key, KeyTable.Hash(key));

    /// <summary><see cref="KeyId(ReadOnlySpan{char})"/> with the key's <see cref="KeyTable.Hash"/> already computed (after <see cref="PrefetchKey"/>).</summary>
    public int KeyId(ReadOnlySpan<char> key, uint hash) => _keys.Find(key, hash);

    /// <summary>
    /// Asks the CPU to load where the key of <paramref name="hash"/> (<see cref="KeyTable.Hash"/>)
    /// would be: the table is the size of the index, so a lookup is a cache miss, and a query's
    /// lookups (a word's deletions, its readings) overlap when all are asked for first.
    /// </summary>
    public void PrefetchKey(uint hash) => _keys.Prefetch(hash);

    /// <summary>The postings of key <paramref name="keyId"/> (<c>alias &lt;&lt; 1 | deletion</c>), ascending.</summary>
    public ReadOnlySpan<int> Postings(int keyId) => _postings.AsSpan(_offsets[keyId], _offsets[keyId + 1] - _offsets[keyId]);

    /// <summary>The text of key <paramref name="keyId"/> (for diagnostics).</summary>
    public string KeyName(int keyId) => _keyNames[keyId];

    /// <summary>Where the keys of alias <paramref name="alias"/> start in <see cref="ForwardKeys"/> (they end where the next alias's start).</summary>
    public int ForwardStart(int alias) => _aliasInfo[alias].ForwardStart;

    /// <summary>Every alias's keys, one after the other (see <see cref="ForwardStart"/>).</summary>
    public ReadOnlySpan<int> ForwardKeys => _aliasKeys;

    /// <summary>The keys of alias <paramref name="alias"/> (<c>key &lt;&lt; 1 | deletion</c>; the forward index).</summary>
    public ReadOnlySpan<int> KeysOfAlias(int alias) => _aliasKeys.AsSpan(_aliasInfo[alias].ForwardStart, _aliasInfo[alias + 1].ForwardStart - _aliasInfo[alias].ForwardStart);

    /// <summary>The number of aliases posted under key <paramref name="keyId"/>.</summary>
    public int PostingLength(int keyId) => _offsets[keyId + 1] - _offsets[keyId];

    /// <summary>The postings of <paramref name="key"/> (<c>alias &lt;&lt; 1 | deletion</c>; empty when none).</summary>
    public ReadOnlySpan<int> Postings(string key)
    {
        int id = KeyId(key);
        return id < 0 ? [] : Postings(id);
    }

    /// <summary>Writes the index (keys, offsets, postings, forward index) to a snapshot.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(AliasCount);
        writer.Write(_keyNames.Length);
        foreach (string k in _keyNames)
        {
            writer.Write(k);
        }

        WriteInts(writer, _offsets);
        WriteInts(writer, _postings);
        writer.Write(MemoryMarshal.AsBytes(_aliasInfo.AsSpan()));
        WriteInts(writer, _aliasKeys);
        writer.Write(PairMinPostings);
        writer.Write(_pairKeys.Length);
        writer.Write(MemoryMarshal.AsBytes(_pairKeys.AsSpan()));
        WriteInts(writer, _pairOffsets);
        WriteInts(writer, _pairPostings);
    }

    /// <summary>Reads an index written by <see cref="Write"/>, of <paramref name="aliasCount"/> aliases.</summary>
    public static CandidateIndex Read(BinaryReader reader, int aliasCount)
    {
        if (reader.ReadInt32() != aliasCount)
        {
            throw new InvalidDataException("Snapshot index does not match the aliases.");
        }

        int keyCount = reader.ReadInt32();
        var names = new string[keyCount];
        for (int i = 0; i < keyCount; i++)
        {
            names[i] = reader.ReadString();
        }

        int[] offsets = ReadInts(reader);
        int[] postings = ReadInts(reader);
        if (offsets.Length != keyCount + 1 || offsets[^1] != postings.Length)
        {
            throw new InvalidDataException("Snapshot index is inconsistent (offsets do not match postings).");
        }

        // The alias table as written (what the search reads of each alias, computed when the index was built).
        var aliasInfo = GC.AllocateUninitializedArray<AliasInfo>(aliasCount + 1);
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(aliasInfo.AsSpan()));
        int[] forward = ReadInts(reader);
        if (aliasInfo[0].ForwardStart != 0 || aliasInfo[^1].ForwardStart != forward.Length || forward.Length != postings.Length)
        {
            throw new InvalidDataException("Snapshot index is inconsistent (the alias table or the forward index does not match the postings).");
        }

        for (int a = 0; a < aliasCount; a++)
        {
            if ((uint)aliasInfo[a].ForwardStart > (uint)aliasInfo[a + 1].ForwardStart)
            {
                throw new InvalidDataException($"Snapshot index is inconsistent (alias {a}'s keys end before they start).");
            }
        }

        // The ids the search follows without checking them: every one must name what is there.
        CheckOffsets(offsets, "key");
        CheckIds(postings, aliasCount, 1, "a posting", "alias");
        CheckIds(forward, keyCount, 1, "a forward key", "key");

        int pairMinPostings = reader.ReadInt32();
        int pairCount = reader.ReadInt32();
        if (pairCount < 0)
        {
            throw new InvalidDataException("Snapshot index has a negative array length.");
        }

        var pairKeys = GC.AllocateUninitializedArray<ulong>(pairCount);
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(pairKeys.AsSpan()));
        int[] pairOffsets = ReadInts(reader);
        int[] pairPostings = ReadInts(reader);
        if (pairOffsets.Length != pairCount + 1 || pairOffsets[^1] != pairPostings.Length)
        {
            throw new InvalidDataException("Snapshot index is inconsistent (the pair offsets do not match the pair postings).");
        }

        for (int i = 1; i < pairKeys.Length; i++)
        {
            if (pairKeys[i] <= pairKeys[i - 1])
            {
                throw new InvalidDataException($"Snapshot index is inconsistent (word pair {i} is not after word pair {i - 1}; they are looked up in order).");
            }
        }

        CheckOffsets(pairOffsets, "word pair");
        CheckIds(pairPostings, aliasCount, 0, "a word pair's posting", "alias");

        return new CandidateIndex(names, offsets, postings, aliasInfo, forward, new PairTable(pairMinPostings, pairKeys, pairOffsets, pairPostings));
    }

    /// <summary>Refuses offsets that do not start at 0 or go back (a span of negative length).</summary>
    private static void CheckOffsets(int[] offsets, string what)
    {
        if (offsets[0] != 0)
        {
            throw new InvalidDataException($"Snapshot index is inconsistent (the postings of {what} 0 start at {offsets[0]}, not 0).");
        }

        for (int i = 1; i < offsets.Length; i++)
        {
            if (offsets[i] < offsets[i - 1])
            {
                throw new InvalidDataException($"Snapshot index is inconsistent (the postings of {what} {i - 1} end at {offsets[i]}, before they start at {offsets[i - 1]}).");
            }
        }
    }

    /// <summary>
    /// Refuses an id (stored as <c>id &lt;&lt; shift | flag</c>) that is negative or names no item
    /// of <paramref name="count"/>: the search would index past its arrays with it.
    /// </summary>
    private static void CheckIds(int[] values, int count, int shift, string where, string what)
    {
        ulong limit = (ulong)count << shift;
        for (int i = 0; i < values.Length; i++)
        {
            if ((uint)values[i] >= limit)
            {
                throw new InvalidDataException($"Snapshot index is inconsistent ({where} at {i} names {what} {values[i] >> shift}, of {count}).");
            }
        }
    }

    private static void WriteInts(BinaryWriter writer, int[] values)
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static int[] ReadInts(BinaryReader reader)
    {
        int length = reader.ReadInt32();
        if (length < 0)
        {
            throw new InvalidDataException("Snapshot index has a negative array length.");
        }

        // Not zeroed: every element is read at once.
        int[] values = GC.AllocateUninitializedArray<int>(length);
        Span<byte> bytes = MemoryMarshal.AsBytes(values.AsSpan());
        reader.BaseStream.ReadExactly(bytes);
        return values;
    }

    /// <summary>An alias's letter-pair signature, weight and first forward key (see <see cref="Info"/>).</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    internal readonly record struct AliasInfo(ulong Signature, float Weight, int ForwardStart);
}
