using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using EntityResolver.Indexing;
using EntityResolver.Text;

namespace EntityResolver.Linking;

/// <summary>The best alias token a text token met: its similarity and whether it is a name word.</summary>
/// <param name="Similarity">Phonetic similarity in [0, 1] (1 for the same normalized token).</param>
/// <param name="IsName">The alias token is a name word (not a particle or function word).</param>
/// <param name="Entities">How many entities have a name word at least as similar as a match, counted up to 2 (for rarity).</param>
/// <param name="Witnesses">
/// The entities (indices, ascending) with a name word the resolver can count as matched (at
/// <see cref="Matching.PairScorer.MatchThreshold"/> after its cross-script leniency); null when
/// there are too many to list (a common name word).
/// </param>
/// <param name="OrganizationWitnesses">The organizations among the witnesses (listed further than <paramref name="Witnesses"/>; null when there are too many).</param>
/// <param name="Sole">
/// A name word matched by this token is the whole of some alias (a one-word name, no initials);
/// a short one (<see cref="Gazetteer.WrittenExactly"/>) only when the token writes it.
/// </param>
/// <param name="Anchors">
/// The witnesses whose name word this token writes almost exactly (at
/// <see cref="AnchorSimilarity"/> after the cross-script leniency); null when too many to list.
/// </param>
internal readonly record struct GazetteerHit(float Similarity, bool IsName, int Entities, int[]? Witnesses, int[]? OrganizationWitnesses, bool Sole, int[]? Anchors)
{
    /// <summary>
    /// A person's name has at least one word written as the registry writes it (the resolver's
    /// token similarity at least this): across a million names, two words that only resemble
    /// the words of some name are chance (پیشہ ورانہ and Puja Rana).
    /// </summary>
    public const float AnchorSimilarity = 0.95f;

    /// <summary>
    /// Or two name words of it (each, if it has fewer) are at least this like the registry's (the
    /// resolver's token similarity): a name in a script that writes fewer vowels than the
    /// registry's spelling (Urdu نواز شریف, 0.93 and 0.94 against Nawaz Sharif) comes close on
    /// its words, where two words that resemble a name by chance rarely do (پیشہ against Puja:
    /// 0.81). A third word may be only matched: Urdu محمد is 0.86 like Muhammad.
    /// </summary>
    public const float CloseSimilarity = 0.9f;

    public static readonly GazetteerHit None = new(0f, false, 0, [], [], false, []);

    public bool IsStrong => Similarity >= Matching.PairScorer.MatchThreshold;
}

/// <summary>
/// The vocabulary of a registry's names, for spotting name words in running text: every distinct
/// alias token, reachable through the same blocking keys as the candidate index (consonant
/// skeleton and its one-deletion variants; a word of text also through the skeletons the search
/// reads a query word under, <see cref="Phonetics.QueryReadings"/>), compared phonetically. The
/// index's own keys of a Latin word said otherwise than in English are not posted: at a million
/// names they let Arabic prose through (خلاله met Jalil, its j said kh). Built once per registry
/// instance and cached with it; immutable apart from a bounded lookup memo; thread-safe.
/// </summary>
internal sealed class Gazetteer
{
    private const int MaxMemo = 100_000;

    // Witness and anchor lists longer than this are not kept (a common name word: the linker
    // then asks the entities directly, see Resembles); organizations are fewer and listed up to
    // MaxOrganizations (beyond that, the linker takes any entity to be possible).
    private const int MaxWitnesses = 1 << 14;
    private const int MaxOrganizations = 1 << 13;

    // The memo keeps at most this many entity indices in all (4 bytes each).
    private const long MaxMemoInts = 32_000_000;

    // Across scripts the resolver's leniency applies here too (a raw 0.69 between Devanagari and
    // Latin forms can be a match).
    private const float CrossScriptLeniency = Matching.PairScorer.CrossScriptLeniency;
    private static readonly ConditionalWeakTable<EntityRegistry, Gazetteer> Cache = new();

    private const byte SoleAlways = 1;
    private const byte SoleWhenWritten = 2;

    // One-word names this short (FBI, KGB, NHS) must be written exactly (WrittenExactly).
    private const int ShortNameLength = 4;

    private readonly TokenForms[] _forms;
    private readonly bool[] _isName;
    // Per form: 1, the whole of an alias; 2, the whole of an alias but only when written exactly (WrittenExactly).
    private readonly byte[] _sole;
    private readonly int _entityCount;
    private readonly int[][] _organizationEntities;
    private readonly AliasRecord[] _aliases;

    /// <summary>How many of <see cref="_aliases"/> are the registry's (the said acronyms follow them).</summary>
    private readonly int _registryAliases;
    private readonly int[] _aliasStart;
    private readonly int[] _aliasOrder;
    private readonly int[] _nameFormStart;
    private readonly int[] _nameForms;
    // The fewest and the most name words of an entity's aliases, side by side (the gate reads both).
    private readonly (byte Fewest, byte Most)[] _nameWords;
    private readonly ConcurrentBag<Scratch> _scratch = [];
    private readonly ConcurrentBag<FormMemo> _memos = [];
    private long _memoInts;
    private readonly int[][] _entities;
    private readonly FrozenDictionary<string, int> _exact;
    private readonly FrozenDictionary<string, int[]> _byKey;
    private readonly ConcurrentDictionary<string, GazetteerHit> _memo = new(StringComparer.Ordinal);
    private int _memoCount;

    private Gazetteer(EntityRegistry registry)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var forms = new List<TokenForms>();
        var isName = new List<bool>();
        var entitySets = new List<HashSet<int>>();
        var sole = new List<byte>();
        // The registry's aliases, then the acronyms said as words (НАТО in running text names
        // the North Atlantic Treaty Organization as the resolver finds it: a one-word name).
        AliasRecord[] aliases = [.. registry.Aliases, .. registry.Aliases.Select(a => a.SaidAcronym).OfType<AliasRecord>()];
        // The form of each name word of each alias, aliases in that order.
        int[] aliasFormStart = new int[aliases.Length + 1];
        var aliasForms = new List<int>();
        for (int a = 0; a < aliases.Length; a++)
        {
            AliasRecord alias = aliases[a];
            foreach (NameToken token in alias.Name.Tokens)
            {
                string key = token.Forms.Normalized;
                if (!index.TryGetValue(key, out int i))
                {
                    i = forms.Count;
                    index[key] = i;
                    forms.Add(token.Forms);
                    isName.Add(false);
                    entitySets.Add([]);
                    sole.Add(0);
                }

                if (token.Role == TokenRole.Name)
                {
                    isName[i] = true;
                    entitySets[i].Add(alias.EntityIndex);
                    if (alias.Name.Tokens.Length == 1)
                    {
                        sole[i] |= WrittenExactly(token.Text) ? SoleWhenWritten : SoleAlways;
                    }

                    aliasForms.Add(i);
                }
            }

            aliasFormStart[a + 1] = aliasForms.Count;
        }

        _forms = [.. forms];
        _isName = [.. isName];
        _sole = [.. sole];
        _entityCount = registry.Count;

        // The aliases of each entity, for Resembles (a counting sort by entity).
        _aliases = aliases;
        _registryAliases = registry.Aliases.Length;
        _aliasStart = new int[registry.Count + 1];
        foreach (AliasRecord alias in _aliases)
        {
            _aliasStart[alias.EntityIndex + 1]++;
        }

        for (int x = 0; x < registry.Count; x++)
        {
            _aliasStart[x + 1] += _aliasStart[x];
        }

        _nameWords = new (byte, byte)[registry.Count];
        Array.Fill(_nameWords, (byte.MaxValue, (byte)0));
        foreach (AliasRecord alias in _aliases)
        {
            int n = Math.Min(alias.Name.Tokens.Count(t => t.Role == TokenRole.Name), byte.MaxValue - 1);
            ref var counts = ref _nameWords[alias.EntityIndex];
            counts = ((byte)Math.Min(counts.Fewest, n), (byte)Math.Max(counts.Most, n));
        }

        _aliasOrder = new int[_aliases.Length];
        int[] next = [.. _aliasStart];
        for (int a = 0; a < _aliases.Length; a++)
        {
            _aliasOrder[next[_aliases[a].EntityIndex]++] = a;
        }

        // The distinct name-word forms of each entity, over all its aliases.
        _nameFormStart = new int[registry.Count + 1];
        var nameForms = new List<int>(aliasForms.Count);
        for (int e = 0; e < registry.Count; e++)
        {
            int start = nameForms.Count;
            for (int a = _aliasStart[e]; a < _aliasStart[e + 1]; a++)
            {
                int alias = _aliasOrder[a];
                for (int x = aliasFormStart[alias]; x < aliasFormStart[alias + 1]; x++)
                {
                    if (!CollectionsMarshal.AsSpan(nameForms)[start..].Contains(aliasForms[x]))
                    {
                        nameForms.Add(aliasForms[x]);
                    }
                }
            }

            _nameFormStart[e + 1] = nameForms.Count;
        }

        _nameForms = [.. nameForms];
        _entities = [.. entitySets.Select(s => s.Order().ToArray())];
        _organizationEntities = [.. _entities.Select(list => list.Where(x => !registry.IsPersonAt(x)).ToArray())];
        _exact = index.ToFrozenDictionary(StringComparer.Ordinal);

        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < _forms.Length; i++)
        {
            keys.Clear();
            CandidateIndex.AddKeys(_forms[i].Skeleton, keys);
            foreach (string key in keys)
            {
                if (!lists.TryGetValue(key, out var list))
                {
                    lists[key] = list = [];
                }

                list.Add(i);
            }
        }

        _byKey = lists.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Whether a one-word name (<paramref name="name"/>, as the registry writes it) stands for a
    /// word of text only when the word writes it: as it is, ignoring case, or in another script
    /// read almost exactly (<see cref="GazetteerHit.AnchorSimilarity"/>). So are names of four
    /// letters or fewer, listed (PMO, HoR) or acronyms said as words (NATO): a word that only
    /// resembles one is chance (the name Ната and the Hindi word नाता are not NATO; НАТО is not
    /// the place Nauta). Longer ones are not held to it: Arabic writes UNESCO اليونسكو (0.88).
    /// </summary>
    public static bool WrittenExactly(string name) => TextNormalizer.NormalizeToken(name).Length <= ShortNameLength;

    /// <summary>
    /// Whether a word of text writes a short name (<see cref="WrittenExactly"/>): it is the name as
    /// written (<paramref name="same"/>), or, in another script, reads it almost exactly
    /// (<paramref name="similarity"/> at <see cref="GazetteerHit.AnchorSimilarity"/> or more). The
    /// gate (<see cref="GazetteerHit.Sole"/>) and the linker's verdict ask it alike.
    /// </summary>
    public static bool WritesShortName(bool same, Script word, Script name, double similarity) =>
        same || (word != name && similarity >= GazetteerHit.AnchorSimilarity);

    /// <summary>
    /// The hit of a word of text read as an initial (the G. of G. Bush): a name word as written,
    /// like every name word of the registry that begins with its letter, so of too many entities
    /// to list (<see cref="GazetteerHit.Witnesses"/> null: the linker asks each entity that the
    /// span's other words name, <see cref="Resembles"/>). It writes no name word almost exactly (no
    /// anchors); the organizations it may name are those with that initial (<paramref name="hit"/>'s).
    /// </summary>
    public static GazetteerHit InitialHit(GazetteerHit hit) => new(1f, true, 2, null, hit.OrganizationWitnesses ?? [], false, []);

    /// <summary>The gazetteer of <paramref name="registry"/>, built on first use and kept as long as the registry lives.</summary>
    public static Gazetteer For(EntityRegistry registry) => Cache.GetValue(registry, r => new Gazetteer(r));

    /// <summary>The best alias token that <paramref name="token"/> meets.</summary>
    public GazetteerHit Lookup(TokenForms token)
    {
        if (_memo.TryGetValue(token.Normalized, out GazetteerHit hit))
        {
            return hit;
        }

        hit = Compute(token);
        long ints = (hit.Witnesses?.Length ?? 0) + (hit.OrganizationWitnesses?.Length ?? 0) + (hit.Anchors?.Length ?? 0);
        // (Counted on insertion: ConcurrentDictionary.Count takes every lock of the dictionary.)
        if (Volatile.Read(ref _memoCount) < MaxMemo && Interlocked.Read(ref _memoInts) + ints <= MaxMemoInts && _memo.TryAdd(token.Normalized, hit))
        {
            Interlocked.Add(ref _memoInts, ints);
            Interlocked.Increment(ref _memoCount);
        }

        return hit;
    }

    private GazetteerHit Compute(TokenForms token)
    {
        if (!_scratch.TryTake(out Scratch? scratch))
        {
            scratch = new Scratch(_forms.Length, _entityCount);
        }

        try
        {
            return Compute(token, scratch);
        }
        finally
        {
            _scratch.Add(scratch);
        }
    }

    private GazetteerHit Compute(TokenForms token, Scratch scratch)
    {
        int stamp = scratch.Next();
        List<int> forms = scratch.Forms;
        int exact = _exact.TryGetValue(token.Normalized, out int e) ? e : -1;
        if (exact >= 0)
        {
            scratch.FormStamp[exact] = stamp;
            forms.Add(exact);
        }

        // A Cyrillic initial (Дж., Х.) is like the Latin initials it carries over (J. or G.; H., K. or J.).
        bool cyrillicInitial = token.Script == Script.Cyrillic && Initials.IsInitial(token);
        if (cyrillicInitial)
        {
            var lookup = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (char letter in Initials.Letters(token, stackalloc char[Initials.MaxLetters]))
            {
                if (lookup.TryGetValue(new ReadOnlySpan<char>(in letter), out int i) && scratch.FormStamp[i] != stamp)
                {
                    scratch.FormStamp[i] = stamp;
                    forms.Add(i);
                }
            }
        }

        // Short words (of, al, کی) only count when written exactly as in a name; a word that stands
        // after the article in compound names is a name word however short (the حق of الحق: Haq).
        if ((token.Latin.Length > 2 || Lexicon.Default.IsArticleName(token.Normalized)) && token.Skeleton.Length > 0)
        {
            HashSet<string> keys = scratch.Keys;
            CandidateIndex.AddKeys(token.Skeleton, keys);
            // And, as the search reads a query word, under the skeletons of its script's conventions
            // (Джордж and जॉर्ज meet George there: krk).
            foreach (var (read, _) in Phonetics.QueryReadings)
            {
                if (read(token) is { } reading)
                {
                    keys.Add(reading);
                }
            }

            foreach (string key in keys)
            {
                if (_byKey.TryGetValue(key, out int[]? postings))
                {
                    foreach (int p in postings)
                    {
                        if (scratch.FormStamp[p] != stamp)
                        {
                            scratch.FormStamp[p] = stamp;
                            forms.Add(p);
                        }
                    }
                }
            }
        }

        if (forms.Count == 0)
        {
            return GazetteerHit.None;
        }

        // Similarities first (sequential, cheap); entity lists only for the forms the resolver
        // could count as matched, which are few next to the forms that share a blocking key.
        float best = 0f;
        int bestIndex = -1;
        List<(float Lenient, int Form)> similar = scratch.Similar;
        foreach (int i in forms)
        {
            TokenForms f = _forms[i];
            // Unlike Compare, a word that only agrees with an initial of the registry's (Kai, K.) is
            // not read as it here: a word of text is a name word by its own spelling, and the
            // resolver counts a word against an initial only beside a word matched in full.
            float s = i == exact ? 1f : cyrillicInitial ? Initials.Similarity(token, f) : Phonetics.Similarity(token, f, floor: 0f);
            if (s > best || (s == best && bestIndex >= 0 && _isName[i] && !_isName[bestIndex]))
            {
                best = s;
                bestIndex = i;
            }

            float lenient = f.Script != token.Script ? s + (CrossScriptLeniency * (1f - s)) : s;
            if (_isName[i] && lenient >= Matching.PairScorer.MatchThreshold)
            {
                similar.Add((s >= Matching.PairScorer.MatchThreshold ? 2f + lenient : lenient, i));
            }
        }

        if (bestIndex < 0 || best <= 0f)
        {
            return GazetteerHit.None;
        }

        // Strong forms (raw similarity at the match threshold) first: they decide the count.
        similar.Sort((a, b) => b.Lenient.CompareTo(a.Lenient));
        // (Strong forms rank 2 + their lenient similarity, the others their lenient similarity.)
        int strong = 0, first = -1;
        bool sole = false;
        List<int> witnesses = scratch.Witnesses, organizations = scratch.Organizations, anchors = scratch.Anchors;
        foreach (var (rank, i) in similar)
        {
            sole |= (_sole[i] & SoleAlways) != 0
                || ((_sole[i] & SoleWhenWritten) != 0 && WritesShortName(i == exact, token.Script, _forms[i].Script, rank >= 2f ? rank - 2f : rank));
            if (rank >= 2f && strong < 2)
            {
                foreach (int entity in _entities[i])
                {
                    if (first < 0)
                    {
                        (first, strong) = (entity, 1);
                    }
                    else if (entity != first)
                    {
                        strong = 2;
                        break;
                    }
                }
            }

            if ((rank >= 2f ? rank - 2f : rank) >= GazetteerHit.AnchorSimilarity && anchors.Count <= MaxWitnesses)
            {
                foreach (int entity in _entities[i])
                {
                    if (scratch.AnchorStamp[entity] != stamp)
                    {
                        scratch.AnchorStamp[entity] = stamp;
                        anchors.Add(entity);
                    }
                }
            }

            if (witnesses.Count <= MaxWitnesses)
            {
                foreach (int entity in _entities[i])
                {
                    if (scratch.EntityStamp[entity] != stamp)
                    {
                        scratch.EntityStamp[entity] = stamp;
                        witnesses.Add(entity);
                    }
                }
            }

            foreach (int entity in _organizationEntities[i])
            {
                if (scratch.OrganizationStamp[entity] != stamp)
                {
                    scratch.OrganizationStamp[entity] = stamp;
                    organizations.Add(entity);
                }
            }
        }

        int[]? witnessed = witnesses.Count > MaxWitnesses ? null : Sorted(witnesses);
        int[]? organizationWitnesses = organizations.Count > MaxOrganizations ? null : Sorted(organizations);
        int[]? anchored = anchors.Count > MaxWitnesses ? null : Sorted(anchors);
        return new GazetteerHit(best, _isName[bestIndex], strong, witnessed, organizationWitnesses, sole, anchored);
    }

    /// <summary>
    /// Whether some alias of entity <paramref name="entity"/> has every name word like one of
    /// <paramref name="words"/> (at <paramref name="floor"/>, by default the conflict floor, after the cross-script leniency): an
    /// organization is named only by all of its name's words. An alias with more name words than
    /// <paramref name="words"/> is taken as not covered (one word of text does not stand for two).
    /// </summary>
    public bool Covered(int entity, IReadOnlyList<TokenForms> words, float floor = Matching.PairScorer.ConflictFloor)
    {
        if (NameWords(entity) > words.Count)
        {
            return false;
        }

        float rawFloor = RawFloor(floor);
        for (int a = _aliasStart[entity]; a < _aliasStart[entity + 1]; a++)
        {
            bool all = true;
            foreach (NameToken t in _aliases[_aliasOrder[a]].Name.Tokens)
            {
                if (t.Role != TokenRole.Name)
                {
                    continue;
                }

                bool any = false;
                foreach (TokenForms w in words)
                {
                    any |= Compare(t.Forms, w, rawFloor).Lenient >= floor;
                }

                if (!any)
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The registry's aliases of entity <paramref name="entity"/> (indices into <see cref="EntityRegistry.Aliases"/>; the said acronyms that the gazetteer lists after them are left out), appended to <paramref name="into"/>.</summary>
    public void AliasesOf(int entity, List<int> into)
    {
        for (int a = _aliasStart[entity]; a < _aliasStart[entity + 1]; a++)
        {
            if (_aliasOrder[a] < _registryAliases)
            {
                into.Add(_aliasOrder[a]);
            }
        }
    }

    /// <summary>The fewest name words an alias of entity <paramref name="entity"/> has.</summary>
    public int NameWords(int entity) => _nameWords[entity].Fewest;

    /// <summary>The most name words an alias of entity <paramref name="entity"/> has (a span with more has words the resolver leaves unmatched).</summary>
    public int MaxNameWords(int entity) => _nameWords[entity].Most;

    /// <summary>
    /// Whether entity <paramref name="entity"/> has a name word as similar to <paramref name="token"/>
    /// as <paramref name="floor"/> (the resolver's token similarity: cross-script leniency above
    /// the conflict floor). Reads the entity's distinct name-word forms from flat arrays, not its
    /// aliases' objects: at a million entities the linker asks this (at the conflict floor through
    /// <see cref="ResemblesAtConflictFloor"/>) about twenty thousand times per document, and much of
    /// the cost was the walk through the objects. With <paramref name="withoutLeniency"/>, the
    /// plain phonetic similarity is compared (as <see cref="GazetteerHit.IsStrong"/> reads it).
    /// </summary>
    public bool Resembles(int entity, TokenForms token, float floor, bool withoutLeniency = false)
    {
        bool lenient = !withoutLeniency && floor > Matching.PairScorer.ConflictFloor;
        float rawFloor = lenient ? RawFloor(floor) : floor;
        for (int x = _nameFormStart[entity]; x < _nameFormStart[entity + 1]; x++)
        {
            var (raw, withLeniency) = Compare(_forms[_nameForms[x]], token, rawFloor);
            if ((lenient ? withLeniency : raw) >= floor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <see cref="Resembles(int, TokenForms, float, bool)"/> at the conflict floor, remembering in
    /// <paramref name="memo"/> the answer for each name-word form under <paramref name="tag"/> (see
    /// <see cref="FormMemo.NextTag"/>; one per text word): organizations share most of their name
    /// words (National, Army, Bank), so the gate compares one text word with the same form again
    /// and again.
    /// </summary>
    public bool ResemblesAtConflictFloor(int entity, TokenForms token, FormMemo memo, int tag)
    {
        const float Floor = Matching.PairScorer.ConflictFloor;
        int[] answers = memo.Answers;
        for (int x = _nameFormStart[entity]; x < _nameFormStart[entity + 1]; x++)
        {
            int f = _nameForms[x];
            int known = answers[f];
            bool like;
            if (known >> 1 == tag)
            {
                like = (known & 1) != 0;
            }
            else
            {
                like = Compare(_forms[f], token, Floor).Raw >= Floor;
                answers[f] = (tag << 1) | (like ? 1 : 0);
            }

            if (like)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A memo for <see cref="ResemblesAtConflictFloor"/> from a pool (one per linking pass); give it back with <see cref="Return"/>.</summary>
    public FormMemo RentMemo() => _memos.TryTake(out FormMemo? memo) ? memo : new FormMemo(FormCount);

    /// <summary>The number of distinct words (forms) of the registry's names.</summary>
    public int FormCount => _forms.Length;

    /// <summary>Gives a memo back to the pool.</summary>
    public void Return(FormMemo memo) => _memos.Add(memo);

    /// <summary>
    /// Answers of <see cref="ResemblesAtConflictFloor"/> per name-word form, each tagged with the
    /// text word it was computed for (one word per form: the last asked). Tags are never reused
    /// within an <see cref="Epoch"/>; when they run out the answers are cleared and a new epoch
    /// begins, so a pooled memo needs no clearing between uses.
    /// </summary>
    /// <param name="forms">The number of name-word forms of the gazetteer.</param>
    /// <param name="maxTag">The last tag before the answers are cleared (at most 2^30 - 1: a tag and its answer share an int; small in tests).</param>
    internal sealed class FormMemo(int forms, int maxTag = (1 << 30) - 1)
    {
        private int _lastTag;

        public int[] Answers { get; } = new int[forms];

        /// <summary>Changes when the answers are cleared: a tag from an earlier epoch must not be used.</summary>
        public int Epoch { get; private set; }

        /// <summary>A tag that no answer in the memo carries yet.</summary>
        public int NextTag()
        {
            if (_lastTag >= maxTag)
            {
                Array.Clear(Answers);
                _lastTag = 0;
                Epoch++;
            }

            return ++_lastTag;
        }
    }

    /// <summary>The least raw similarity that the cross-script leniency lifts to <paramref name="floor"/>.</summary>
    private static float RawFloor(float floor) => (floor - CrossScriptLeniency) / (1f - CrossScriptLeniency);

    /// <summary>
    /// The similarity of <paramref name="f"/> to <paramref name="token"/> (as the resolver compares
    /// them: an initial agrees with a word that begins with its letter), raw and with the
    /// cross-script leniency; both 0 below <paramref name="rawFloor"/> (the distance then stops early).
    /// </summary>
    private static (float Raw, float Lenient) Compare(TokenForms f, TokenForms token, float rawFloor)
    {
        float s = string.Equals(f.Normalized, token.Normalized, StringComparison.Ordinal) ? 1f
            : Initials.IsInitial(token) || Initials.IsInitial(f) ? Initials.Similarity(token, f)
            : Phonetics.Similarity(token, f, rawFloor);
        return s < rawFloor ? (0f, 0f) : (s, f.Script != token.Script ? s + (CrossScriptLeniency * (1f - s)) : s);
    }

    private static int[] Sorted(List<int> list)
    {
        int[] result = [.. list];
        Array.Sort(result);
        return result;
    }

    /// <summary>Per-call work space, pooled: stamps instead of hash sets over forms and entities.</summary>
    private sealed class Scratch(int forms, int entities)
    {
        private int _stamp;

        public int[] FormStamp { get; } = new int[forms];

        public int[] EntityStamp { get; } = new int[entities];

        public int[] OrganizationStamp { get; } = new int[entities];

        public int[] AnchorStamp { get; } = new int[entities];

        public List<int> Anchors { get; } = [];

        public List<int> Forms { get; } = [];

        public List<(float Lenient, int Form)> Similar { get; } = [];

        public List<int> Witnesses { get; } = [];

        public List<int> Organizations { get; } = [];

        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

        public int Next()
        {
            if (++_stamp == int.MaxValue)
            {
                Array.Clear(FormStamp);
                Array.Clear(EntityStamp);
                Array.Clear(OrganizationStamp);
                Array.Clear(AnchorStamp);
                _stamp = 1;
            }

            Forms.Clear();
            Similar.Clear();
            Witnesses.Clear();
            Organizations.Clear();
            Anchors.Clear();
            Keys.Clear();
            return _stamp;
        }
    }
}
