using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using EntityResolver.Matching;
using EntityResolver.Text;

namespace EntityResolver.Indexing;

/// <summary>A candidate alias and its ranking weight (the query words it shares, and how alike they are spelled).</summary>
internal readonly record struct Candidate(int Alias, float Weight);

/// <summary>
/// Candidate generation over a <see cref="CandidateIndex"/>: the query's name tokens become
/// terms (skeleton, one-deletion and joined-word keys); keys are visited rarest first; every
/// alias hit accumulates the rarity weight of the terms it shares with the query (once per
/// term); a shortlist of the most promising aliases is then re-ranked by its exact overlap with
/// the query, and the best go to full scoring, down to a cutoff that rises with the best overlap.
/// </summary>
/// <remarks>
/// <para>Pairs first: the aliases with two of the query's common words come from the index's
/// word-pair postings (<see cref="CandidateIndex.PairPostings"/>), whatever the order of the
/// words and however many aliases have each word alone.</para>
/// <para>Bounds: keys admit new aliases, rarest first, until the budget is read
/// (<see cref="AdmitBudget"/> postings for a one-word query, and as many again for its own
/// keys; <see cref="MultiWordAdmitBudget"/> for more); longer keys (common words) are not scanned at all. When every word's own key is
/// over budget (a query of common words only; the joined-word key does not count), the words'
/// own postings are intersected by sorted merges (they hold the deletion variants too: a typo in
/// one word); failing that, the rarest key is cut at the budget (the per-key cap).</para>
/// <para>Re-ranking: the <see cref="ShortlistSize"/> (<see cref="MultiWordShortlistSize"/> for a
/// query of two words or more) admitted aliases with the best optimistic
/// overlap (as if they had every skipped word) are looked up in the forward index (each alias's
/// own keys, one contiguous read), which gives their exact overlap, common words included, at a
/// cost that does not grow with the registry. So a rare word shared by hundreds of aliases no
/// longer leaves the gold tied with them: its common words, which the postings could not afford,
/// now count.</para>
/// <para>Hit aliases live in a pooled per-thread open-addressing table sized to the budget (it
/// fits the CPU cache), so nothing is allocated per posting or per candidate. The one read per
/// admitted alias over a registry-sized array (its <see cref="CandidateIndex.Info"/> entry) is
/// prefetched ahead of its use.</para>
/// </remarks>
internal static class CandidateSearch
{
    /// <summary>
    /// The most aliases handed to full scoring for a query of one word (see <see cref="MultiWordMaxCandidates"/>):
    /// its whole shortlist. One word has little but its skeleton to rank candidates by, and
    /// thousands of names share it; 128 until the forty-third session (over every development
    /// query, netranslit-ru +193 and netranslit-ar +65 net at 256; a one-word query at 1M costs
    /// about a sixth more: docs/benchmarks.md).
    /// </summary>
    public const int MaxCandidates = ShortlistSize;

    /// <summary>
    /// The most aliases handed to full scoring for a query of two words or more. Their ranking
    /// weight tells more (the words an alias shares, not one skeleton that hundreds share): at a
    /// million entities, the search ranks the gold first for 98 % of the queries the resolver
    /// answers right, and below 16th for all but one of 1,427 (benchmark mode <c>ranks</c>). 24
    /// since the forty-ninth session (32 before: the same golds among the candidates at 1M, the
    /// development sets' top-1 unchanged, a quarter less scoring: docs/benchmarks.md).
    /// </summary>
    public const int MultiWordMaxCandidates = 24;

    /// <summary>The fewest handed to full scoring for a query of one word when there are that many (the cutoff never goes below).</summary>
    public const int MinCandidates = 24;

    /// <summary>The fewest handed to full scoring for a query of two words or more (24 until the forty-ninth session).</summary>
    public const int MultiWordMinCandidates = 16;

    /// <summary>Candidates whose overlap is below this share of the best overlap are not scored (past <see cref="MinCandidates"/> or <see cref="MultiWordMinCandidates"/>).</summary>
    public const float CutoffRatio = 0.4f;

    /// <summary>
    /// Postings read while admitting new aliases, for a query of one word; its own keys have as
    /// many again once these are spent (since the fortieth session: netranslit-ru +192 / −33 over
    /// every development query, the 1M latency unchanged: docs/benchmarks.md).
    /// </summary>
    public const int AdmitBudget = 6000;

    /// <summary>
    /// Postings read while admitting new aliases, for a query of two words or more: the aliases
    /// with two of its words come from the pair postings and the intersection, and the budget
    /// only bounds those that share one word (or a typo'd one) with it. 2,000 since the
    /// twenty-ninth session (3,000 before): at 1M a third fewer aliases admitted, the same golds
    /// among the candidates, top-1 unchanged on the dev sets (docs/benchmarks.md).
    /// </summary>
    public const int MultiWordAdmitBudget = 2000;

    /// <summary>Own keys of common words with at most this many postings add their weight to the admitted aliases; longer ones are left to the re-ranking.</summary>
    public const int BoostCap = 20_000;

    /// <summary>Postings read in all while adding weight to admitted aliases.</summary>
    public const int BoostBudget = 40_000;

    /// <summary>Admitted aliases re-ranked by their exact overlap (through the forward index) before the cut.</summary>
    public const int ShortlistSize = 256;

    /// <summary>
    /// The shortlist of a query of two words or more (256 until the twenty-ninth session: halves the
    /// exact re-ranking, about 21 µs a query at 1M; at 1M one gold more and one fewer among the
    /// candidates, the dev sets' results byte-identical: docs/benchmarks.md). Kept at 128 when
    /// <see cref="MultiWordMaxCandidates"/> went to 24: 96 or 64 lose a gold at 1M.
    /// </summary>
    public const int MultiWordShortlistSize = 128;

    /// <summary>Share of the heavier word's weight that two adjacent query words written as one are worth.</summary>
    private const float JoinedShare = 0.5f;

    /// <summary>
    /// Weight of the letter-pair similarity (<see cref="CandidateIndex.SignatureSimilarity"/>) in
    /// the overlap that ranks candidates: it orders the many aliases that share a query word's
    /// skeleton (single-word queries tie by the hundred on the skeleton alone).
    /// </summary>
    public const float SimilarityShare = 2f;

    /// <summary>Weight added when a term first hit through a deletion is then hit through its skeleton.</summary>
    private const float UpgradeShare = 0.4f;

    /// <summary>
    /// How much of an overlap's denominator is the query's weight (the rest is the alias's): above
    /// one half, an alias that has the whole query and a word more ranks above a short alias that
    /// has only part of it, as full scoring would rank them.
    /// </summary>
    private const float QueryShare = 0.75f;

    private const int MaxTerms = 32;
    private const int MaxKeys = 256;

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>
    /// Diagnostics (benchmarks only): when set on a thread, the search reports there how far the
    /// watched aliases got (admitted, shortlisted, rank after the exact overlap).
    /// </summary>
    [ThreadStatic]
    internal static SearchTrace? Trace;

    /// <summary>
    /// Finds candidate aliases for the query readings, best first. The span is pooled: valid
    /// until the next call on the same thread.
    /// </summary>
    public static ReadOnlySpan<Candidate> Find(CandidateIndex index, scoped ReadOnlySpan<PreparedName> readings)
    {
        Trace?.Start();
        Scratch s = t_scratch ??= new Scratch();
        s.Begin();

        // Terms: distinct skeletons of name tokens (a repeated word counts once, as in the
        // alias weights of the index), each with its best weight.
        Span<int> ids = stackalloc int[64];
        int termCount = 0, keyCount = 0;
        Span<float> weights = stackalloc float[MaxTerms];
        Span<float> readingWeights = stackalloc float[MaxTerms];

        // Per reading of Phonetics.QueryReadings, the key id (-1: none) and length of the word being added.
        Span<int> readingIds = stackalloc int[Phonetics.QueryReadings.Length], readingLengths = stackalloc int[Phonetics.QueryReadings.Length];
        Span<uint> readingHashes = stackalloc uint[Phonetics.QueryReadings.Length];
        bool oneWord = IsOneWord(readings);
        foreach (PreparedName reading in readings)
        {
            readingWeights.Clear();
            NameToken[] tokens = reading.Name.Tokens;
            int previous = -1;
            for (int t = 0; t < tokens.Length && termCount < MaxTerms - 1; t++)
            {
                NameToken token = tokens[t];
                string wordKey = CandidateIndex.WordKey(token.Forms);
                if (token.Role != TokenRole.Name || wordKey.Length == 0)
                {
                    continue;
                }

                // An acronym (IMF) is looked up as the initials of organization names and as a word.
                if (reading.Name.IsAcronym)
                {
                    AddTerm(CandidateIndex.AcronymKey(token.Forms.Latin), acronym: true, reading.Weights[t], index, s, ref termCount, ref keyCount, weights, readingWeights, ids);
                }

                // A Cyrillic х may be the h of a foreign name, an Arabic ج its g, a Cyrillic ти the
                // chi of a Japanese name (Phonetics.QueryReadings has them all): the word is also
                // looked up so (even when the index has no key of its skeleton as read: Тиэми, tm,
                // is Chiemi, sm).
                // Their lookups are asked for first (see CandidateIndex.PrefetchKey), then made.
                string?[] readingSkeletons = s.ReadingSkeletons;
                for (int r = 0; r < readingSkeletons.Length; r++)
                {
                    readingSkeletons[r] = Phonetics.QueryReadings[r].Read(token.Forms);
                    if (readingSkeletons[r] is { } skeleton)
                    {
                        readingHashes[r] = KeyTable.Hash(skeleton);
                        index.PrefetchKey(readingHashes[r]);
                    }
                }

                bool otherReadings = false;
                int readingLookups = 0, readingsFound = 0;
                for (int r = 0; r < readingSkeletons.Length; r++)
                {
                    string? skeleton = readingSkeletons[r];
                    readingIds[r] = skeleton is null ? -1 : index.KeyId(skeleton, readingHashes[r]);
                    readingLengths[r] = skeleton?.Length ?? 0;
                    otherReadings |= readingIds[r] >= 0;
                    readingLookups += skeleton is null ? 0 : 1;
                    readingsFound += readingIds[r] >= 0 ? 1 : 0;
                }

                Trace?.CountLookups(readingLookups, readingsFound);

                int term = AddTerm(wordKey, acronym: false, reading.Weights[t], index, s, ref termCount, ref keyCount, weights, readingWeights, ids, keepWithoutKeys: otherReadings);
                if (term < 0 && !reading.Name.IsAcronym && wordKey.Length >= MinFarLength)
                {
                    // A long word that meets no key of the index, even by a deletion on each side
                    // (гриммельсгаузен, krmlsksn, against Grimmelshausen, krmlsn): its keys with
                    // two classes deleted.
                    term = AddTerm(wordKey, acronym: false, reading.Weights[t], index, s, ref termCount, ref keyCount, weights, readingWeights, ids, far: true);
                }

                for (int r = 0; r < Phonetics.QueryReadings.Length && term >= 0; r++)
                {
                    AddOwnKey(readingIds[r], readingLengths[r], Phonetics.QueryReadings[r].Unlikely, term, index, s, ref keyCount);
                }

                // A word of a short skeleton, alone in the query, is also looked up under its finer
                // key (Phonetics.RepeatKey): at a million names its skeleton's postings are more
                // than the budget, and cut in registry order. A longer query finds its names
                // through its other words (word pairs, the intersection of common words), which a
                // rare key of one word would leave unread.
                if (oneWord && term >= 0 && Phonetics.RepeatKey(token.Forms) is { } finer)
                {
                    AddOwnKey(index.KeyId(finer), finer.Length, unlikely: false, term, index, s, ref keyCount);
                }

                // Two adjacent words that the registry may write as one (Wali Jan / Walijan).
                if (previous >= 0 && termCount < MaxTerms - 1)
                {
                    int before = termCount;
                    AddTerm(CandidateIndex.JoinedSkeleton(tokens[previous], token), acronym: false, JoinedShare * MathF.Max(reading.Weights[previous], reading.Weights[t]), index, s, ref termCount, ref keyCount, weights, readingWeights, ids);
                    if (termCount > before)
                    {
                        s.Joined[before] = true;
                    }
                }

                previous = t;
            }

            for (int t = 0; t < termCount; t++)
            {
                weights[t] = MathF.Max(weights[t], readingWeights[t]);
            }
        }

        if (keyCount == 0)
        {
            return [];
        }

        Span<KeyRef> keys = s.Keys.AsSpan(0, keyCount);
        // The words' own skeletons first (rarest first; an unlikely reading's after them), then
        // the deletion variants (rarest first): a small deletion key must not use up the budget
        // before a word's own key.
        keys.Sort(static (a, b) => a.Own != b.Own ? (a.Own ? -1 : 1) : a.Unlikely != b.Unlikely ? (a.Unlikely ? 1 : -1) : a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.Key.CompareTo(b.Key));

        // Terms with a key whose postings were not all read (a shortlisted alias may still have
        // them), and the most such a key can be worth.
        uint pending = 0;
        Span<float> pendingFactor = stackalloc float[MaxTerms];
        pendingFactor.Clear();
        int words = 0;
        for (int t = 0; t < termCount; t++)
        {
            words += s.Joined[t] || s.Skeletons[t] is ['#', ..] ? 0 : 1;
        }

        int budget = words >= 2 ? MultiWordAdmitBudget : AdmitBudget;

        // Aliases with two of the query's common words: the word-pair postings, rarest first.
        Trace?.Mark(0);
        int admitted = AdmitPairs(index, s, keys, weights, budget);
        Trace?.Mark(1);
        bool wordKeysRead = false;
        if (RarestWordKey(keys, s.Joined) > budget)
        {
            // Every word's own key is common ("Akane Raey Spirou" at a million entities):
            // intersect the words' own postings, rarest first, until few aliases remain; failing
            // that, the rarest key cut at the budget (the per-key cap). Deletion variants (a typo
            // in a rare word) still admit within a budget of their own below.
            if (IntersectCommon(index, s, keys, weights, budget) == 0)
            {
                int rarest = 0;
                while (s.Joined[keys[rarest].Term])
                {
                    rarest++;
                }

                CutRarest(index, s, keys[rarest], weights, budget);
            }

            wordKeysRead = true;
        }

        Trace?.Mark(2);
        int boosted = 0, ownAdmitted = 0;
        for (int k = 0; k < keys.Length; k++)
        {
            KeyRef key = keys[k];
            if (wordKeysRead && key.Own && !s.Joined[key.Term])
            {
                pending |= 1u << key.Term;
                pendingFactor[key.Term] = 1f;
                continue;
            }

            // A one-word query's own keys (its skeleton and its readings': Тикако is also looked
            // up as Chikako) have a second budget: a reading's key that the plain key left no room
            // for is still read whole (up to the hit table's room), and its names are met.
            ReadOnlySpan<int> postings = index.Postings(key.Key);
            bool fits = admitted + postings.Length <= budget;
            if (fits || (key.Own && words < 2 && ownAdmitted + postings.Length <= budget))
            {
                (fits ? ref admitted : ref ownAdmitted) += postings.Length;
                float w = weights[key.Term];
                foreach (int p in postings)
                {
                    s.Hit(p >> 1, key.Term, Factor(key, p), w);
                }
            }
            else if (key.Own && postings.Length <= BoostCap && boosted + postings.Length <= BoostBudget)
            {
                // A common word's own key: too long to admit, read to add its weight to the
                // aliases already admitted (deletion variants of common words weigh too little).
                boosted += postings.Length;
                float w = weights[key.Term];
                foreach (int p in postings)
                {
                    if ((p & 1) == 0)
                    {
                        s.Boost(p >> 1, key.Term, w);
                    }
                }
            }
            else
            {
                pending |= 1u << key.Term;
                pendingFactor[key.Term] = MathF.Max(pendingFactor[key.Term], Factor(key, 0));
            }
        }

        if (s.Count == 0)
        {
            // Only deletion variants, all common: the rarest, cut at the budget.
            CutRarest(index, s, keys[0], weights, budget);
        }

        // Joined words are a bonus for the Walijan / Wali Jan case, not more of the query to match.
        // A term of two letters or more that an alias has in full also tells how rare the alias's
        // word is: an alias posted under a reading of its word (Bokoev under bkf, as Arabic script
        // writes it) is as rare as that key, though its own skeleton (bk) is common.
        float queryWeight = 0f;
        uint telling = 0;
        for (int t = 0; t < termCount; t++)
        {
            queryWeight += s.Joined[t] ? 0f : weights[t];
            telling |= !s.Joined[t] && s.Skeletons[t] is { Length: >= 2 } skeleton && skeleton[0] != '#' ? 1u << t : 0u;
        }

        ulong signature = 0, spelled = 0;
        foreach (PreparedName reading in readings)
        {
            signature |= CandidateIndex.QuerySignature(reading.Name.Tokens, out ulong written);
            spelled |= written;
        }

        int pairs = BitOperations.PopCount(spelled);

        Trace?.Mark(4);
        ReadOnlySpan<Candidate> result = s.SelectTop(index, keys, weights[..termCount], queryWeight, telling, pending, pendingFactor, signature, pairs, words >= 2 ? MultiWordMinCandidates : MinCandidates, words >= 2 ? MultiWordMaxCandidates : MaxCandidates, words >= 2 ? MultiWordShortlistSize : ShortlistSize);
        Trace?.Mark(5);
        return result;
    }

    /// <summary>Whether every reading of the query has one name word (with a key) or none.</summary>
    private static bool IsOneWord(scoped ReadOnlySpan<PreparedName> readings)
    {
        foreach (PreparedName reading in readings)
        {
            int words = 0;
            foreach (NameToken token in reading.Name.Tokens)
            {
                words += token.Role == TokenRole.Name && CandidateIndex.WordKey(token.Forms).Length > 0 ? 1 : 0;
            }

            if (words > 1)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The postings of the rarest own key of a word (joined words left out); 0 when no word has its own key.</summary>
    private static int RarestWordKey(ReadOnlySpan<KeyRef> keys, bool[] joined)
    {
        foreach (KeyRef key in keys)
        {
            if (!key.Own)
            {
                return 0;
            }

            if (!joined[key.Term])
            {
                return key.Length;
            }
        }

        return 0;
    }

    /// <summary>
    /// Admits the aliases that have two of the query's words (keys of two different words, both
    /// common: see <see cref="CandidateIndex.PairMinPostings"/>; one of them may be a deletion
    /// variant of the query's word, a typo that added a consonant), rarest pair first, within
    /// <paramref name="budget"/>. Returns the number of postings read.
    /// </summary>
    private static int AdmitPairs(CandidateIndex index, Scratch s, ReadOnlySpan<KeyRef> keys, scoped ReadOnlySpan<float> weights, int budget)
    {
        // The words' common keys: own skeletons, and deletion variants (the query has a consonant
        // more than the alias: Harjypt / Harjyot), as indexes into keys.
        Span<int> words = stackalloc int[64];
        int n = 0;
        for (int r = 0; r < keys.Length && n < words.Length; r++)
        {
            KeyRef key = keys[r];
            if (!s.Joined[key.Term] && key.Length > index.PairMinPostings && s.Skeletons[key.Term] is { Length: > 0 } skeleton && skeleton[0] != '#')
            {
                words[n++] = r;
            }
        }

        if (n < 2)
        {
            return 0;
        }

        // (length, pair) of every pair of two different words' keys, one of them the word's own
        // skeleton (a typo in one word, not in both), that has postings.
        Span<(int Length, int First, int Second)> pairs = stackalloc (int, int, int)[128];
        int count = 0;
        for (int i = 0; i < n && count < pairs.Length; i++)
        {
            for (int j = i + 1; j < n && count < pairs.Length; j++)
            {
                KeyRef a = keys[words[i]], b = keys[words[j]];
                if (a.Term != b.Term && (a.Own || b.Own))
                {
                    int length = index.PairPostings(a.Key, b.Key).Length;
                    if (length > 0)
                    {
                        pairs[count++] = (length, words[i], words[j]);
                    }
                }
            }
        }

        pairs[..count].Sort();
        int admitted = 0;
        foreach ((int length, int first, int second) in pairs[..count])
        {
            if (admitted + length > budget)
            {
                break;
            }

            admitted += length;
            KeyRef a = keys[first], b = keys[second];
            float fa = Factor(a, 0), fb = Factor(b, 0);
            foreach (int alias in index.PairPostings(a.Key, b.Key))
            {
                s.Hit(alias, a.Term, fa, weights[a.Term]);
                s.Hit(alias, b.Term, fb, weights[b.Term]);
            }
        }

        return admitted;
    }

    private static void CutRarest(CandidateIndex index, Scratch s, in KeyRef key, scoped ReadOnlySpan<float> weights, int budget)
    {
        foreach (int p in index.Postings(key.Key)[..Math.Min(budget, key.Length)])
        {
            s.Hit(p >> 1, key.Term, Factor(key, p), weights[key.Term]);
        }
    }

    /// <summary>Adds another skeleton of a term's word (key <paramref name="id"/>, -1: not in the index; <paramref name="length"/> symbols) as one of its own keys.</summary>
    /// <remarks>
    /// A reading's skeleton may also be a deletion variant of the word's own (Бацевич, <c>bts</c>,
    /// read without the t of ц: <c>bs</c>, Bacewicz): the key is then the reading's, an own key,
    /// not a deletion read after the others at a deletion's worth.
    /// </remarks>
    private static void AddOwnKey(int id, int length, bool unlikely, int term, CandidateIndex index, Scratch s, ref int keyCount)
    {
        if (id < 0)
        {
            return;
        }

        var own = new KeyRef(id, term, Own: true, index.PostingLength(id), length, Reading: true, Unlikely: unlikely);
        int at = KeyOf(s.Keys.AsSpan(0, keyCount), id, term);
        if (at >= 0)
        {
            // Readings share words (the kh key of a word is added once).
            if (!s.Keys[at].Own)
            {
                s.Keys[at] = own;
            }
        }
        else if (keyCount < MaxKeys)
        {
            s.Keys[keyCount++] = own;
        }
    }

    /// <summary>Where the term has the key among <paramref name="keys"/>, or -1.</summary>
    private static int KeyOf(ReadOnlySpan<KeyRef> keys, int id, int term)
    {
        for (int k = 0; k < keys.Length; k++)
        {
            if (keys[k].Key == id && keys[k].Term == term)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>
    /// Adds a term for <paramref name="skeleton"/> (or raises the weight of the same term); returns
    /// its index, or -1 when the index has no key of it (unless <paramref name="keepWithoutKeys"/>:
    /// the caller adds keys of another reading of the word).
    /// </summary>
    private static int AddTerm(string skeleton, bool acronym, float weight, CandidateIndex index, Scratch s, ref int termCount, ref int keyCount, Span<float> weights, Span<float> readingWeights, Span<int> ids, bool keepWithoutKeys = false, bool far = false)
    {
        int term = s.Skeletons.AsSpan(0, termCount).IndexOf(skeleton);
        if (term < 0)
        {
            int n = 0;
            bool own = false;
            if (acronym)
            {
                int id = index.KeyId(skeleton);
                Trace?.CountLookups(1, id >= 0 ? 1 : 0);
                if (id >= 0)
                {
                    ids[n++] = id;
                    own = true;
                }
            }
            else if (far)
            {
                n = FarKeysOf(index, skeleton, ids);
            }
            else
            {
                n = KeysOf(index, skeleton, ids, out own);
            }

            if (n == 0 && !keepWithoutKeys)
            {
                return -1;
            }

            term = termCount++;
            s.Skeletons[term] = skeleton;
            s.Joined[term] = false;
            weights[term] = 0f;
            for (int k = 0; k < n && keyCount < MaxKeys; k++)
            {
                bool isOwn = own && k == 0;
                s.Keys[keyCount++] = new KeyRef(ids[k], term, isOwn, index.PostingLength(ids[k]), isOwn ? skeleton.Length : skeleton.Length - (far ? 2 : 1));
            }
        }

        readingWeights[term] = MathF.Max(readingWeights[term], weight);
        return term;
    }

    /// <summary>
    /// How much of a term's weight a hit is worth: full when the query's skeleton is the alias's;
    /// through a deletion on one or both sides, (k / (k + deletions))² for a key of k classes, so
    /// that meeting on two consonants ("bt" of "bnt" and of "btn") is weak evidence.
    /// </summary>
    private static float Factor(in KeyRef key, int posting)
    {
        int sides = (key.Own ? 0 : 1) + (posting & 1);
        if (sides == 0)
        {
            return 1f;
        }

        float f = key.KeyLength / (float)(key.KeyLength + sides);
        return f * f;
    }

    /// <summary>The index key ids of a skeleton: its own key first (when posted), then its deletions.</summary>
    private static int KeysOf(CandidateIndex index, string skeleton, Span<int> ids, out bool hasOwnKey)
    {
        // Every lookup is asked for first (see CandidateIndex.PrefetchKey), then made: the
        // deletions are written one after the other into a buffer of length × (length - 1).
        int length = skeleton.Length;
        int deletions = length is >= 3 and <= MaxDeletedLength ? length : 0;
        Span<char> variants = stackalloc char[deletions * (length - 1)];
        Span<uint> hashes = stackalloc uint[deletions];
        uint ownHash = KeyTable.Hash(skeleton);
        index.PrefetchKey(ownHash);
        for (int i = 0; i < deletions; i++)
        {
            Span<char> variant = variants.Slice(i * (length - 1), length - 1);
            skeleton.AsSpan(0, i).CopyTo(variant);
            skeleton.AsSpan(i + 1).CopyTo(variant[i..]);
            hashes[i] = KeyTable.Hash(variant);
            index.PrefetchKey(hashes[i]);
        }

        int n = 0;
        int own = index.KeyId(skeleton, ownHash);
        hasOwnKey = own >= 0;
        if (hasOwnKey)
        {
            ids[n++] = own;
        }

        int made = 1, found = n;
        for (int i = 0; i < deletions && n < ids.Length; i++, made++)
        {
            int id = index.KeyId(variants.Slice(i * (length - 1), length - 1), hashes[i]);
            if (id >= 0)
            {
                found++;
                if (!ids[..n].Contains(id))
                {
                    ids[n++] = id;
                }
            }
        }

        Trace?.CountLookups(made, found);
        return n;
    }

    /// <summary>The longest skeleton whose deletions the search looks up (their buffers are on the stack).</summary>
    private const int MaxDeletedLength = 64;

    /// <summary>
    /// The shortest skeleton of a word that meets no key (<see cref="FarKeysOf"/>) to be looked up
    /// with two classes deleted: of a shorter one, what is left is three classes or fewer, which
    /// say too little of the word.
    /// </summary>
    private const int MinFarLength = 6;

    /// <summary>The longest skeleton looked up with two classes deleted (its variants' buffer is on the stack).</summary>
    private const int MaxFarLength = 24;

    /// <summary>
    /// The index key ids of a skeleton with two of its classes deleted: with the index's own
    /// deletion variants, they meet an alias whose skeleton is up to three edits away. Only for a
    /// long word that meets no key otherwise (<see cref="MinFarLength"/>).
    /// </summary>
    private static int FarKeysOf(CandidateIndex index, string skeleton, Span<int> ids)
    {
        int length = skeleton.Length;
        if (length > MaxFarLength)
        {
            return 0;
        }

        Span<char> variant = stackalloc char[length - 2];
        int n = 0, made = 0;
        for (int i = 0; i < length && n < ids.Length; i++)
        {
            for (int j = i + 1; j < length && n < ids.Length; j++)
            {
                skeleton.AsSpan(0, i).CopyTo(variant);
                skeleton.AsSpan(i + 1, j - i - 1).CopyTo(variant[i..]);
                skeleton.AsSpan(j + 1).CopyTo(variant[(j - 1)..]);
                made++;
                int id = index.KeyId(variant, KeyTable.Hash(variant));
                if (id >= 0 && !ids[..n].Contains(id))
                {
                    ids[n++] = id;
                }
            }
        }

        Trace?.CountLookups(made, n);
        return n;
    }

    /// <summary>
    /// Intersects the own-skeleton postings of the query's words (sorted merges, rarest first;
    /// a word that would empty the set is skipped) until at most <paramref name="budget"/>
    /// aliases remain, and admits them. Returns how many were admitted.
    /// </summary>
    private static int IntersectCommon(CandidateIndex index, Scratch s, ReadOnlySpan<KeyRef> keys, ReadOnlySpan<float> weights, int budget)
    {
        Span<int> own = stackalloc int[MaxTerms];
        int n = 0;
        for (int k = 0; k < keys.Length && n < MaxTerms; k++)
        {
            if (keys[k].Own && !keys[k].Reading && !s.Joined[keys[k].Term])
            {
                own[n++] = k;
            }
        }

        if (n < 2)
        {
            return 0;
        }

        ReadOnlySpan<int> first = index.Postings(keys[own[0]].Key);
        ulong[]? firstBits = index.Bitmap(keys[own[0]].Key);
        int[] current = s.Buffer(0, first.Length), next = s.Buffer(1, first.Length);
        int count = 0;
        Span<bool> used = stackalloc bool[MaxTerms];
        used[0] = true;
        for (int j = 1; j < n && (j == 1 || count > budget); j++)
        {
            // The first merge reads the rarest key's postings as they are (no copy). A key with
            // a bitmap is not merged: its bits are tested (both keys common: their bitmaps ANDed).
            int key = keys[own[j]].Key;
            ReadOnlySpan<int> sofar = j == 1 ? first : current.AsSpan(0, count);
            int shift = j == 1 ? 1 : 0;
            int w = index.Bitmap(key) is not { } bits ? Intersect(sofar, shift, index.Postings(key), next)
                : j == 1 && firstBits is not null ? And(firstBits, bits, next)
                : Probe(sofar, shift, bits, next);
            if (j == 1 && w == 0)
            {
                // Keep the rarest key alone (as if the second word were not there).
                foreach (int p in first)
                {
                    current[count++] = p >> 1;
                }

                continue;
            }

            if (w > 0)
            {
                (current, next) = (next, current);
                count = w;
                used[j] = true;
            }
        }

        count = Math.Min(count, budget);
        for (int i = 0; i < count; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (used[j])
                {
                    s.Hit(current[i], keys[own[j]].Term, 1f, weights[keys[own[j]].Term]);
                }
            }
        }

        return count;
    }

    /// <summary>
    /// The distinct aliases of <paramref name="aliases"/> (ascending; each shifted right by
    /// <paramref name="shift"/>: 1 for postings, 0 for alias ids) that are in <paramref name="postings"/>
    /// (ascending, <c>alias &lt;&lt; 1 | deletion</c>), written to <paramref name="output"/> in
    /// ascending order; returns their number. A long list is searched by galloping (doubling
    /// steps, then halving); lists of similar length are merged four by four (each block of one
    /// compared with the four rotations of the other's, as in Lemire, Boytsov and Kurz, "SIMD
    /// compression and the intersection of sorted integers", 2016), the rest one by one.
    /// </summary>
    internal static int Intersect(ReadOnlySpan<int> aliases, int shift, ReadOnlySpan<int> postings, int[] output)
    {
        int w = 0, last = -1;
        if (postings.Length > 8 * aliases.Length)
        {
            int y = 0;
            foreach (int a in aliases)
            {
                int u = a >> shift;
                int target = (u << 1) | 1; // the last posting that can be alias u
                int step = 1, hi = y;
                while (hi < postings.Length && postings[hi] < (u << 1))
                {
                    y = hi + 1;
                    hi += step;
                    step <<= 1;
                }

                hi = Math.Min(hi, postings.Length - 1);
                // postings[y - 1] < u << 1 (or y is 0); the first at or above u << 1 is in y..hi.
                while (y < hi)
                {
                    int mid = (y + hi) >>> 1;
                    if (postings[mid] < (u << 1))
                    {
                        y = mid + 1;
                    }
                    else
                    {
                        hi = mid;
                    }
                }

                if (y >= postings.Length)
                {
                    break;
                }

                if (postings[y] >= (u << 1) && postings[y] <= target && u != last)
                {
                    output[w++] = last = u;
                }
            }

            return w;
        }

        int x = 0, z = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            ref int a0 = ref MemoryMarshal.GetReference(aliases);
            ref int p0 = ref MemoryMarshal.GetReference(postings);
            while (x + 4 <= aliases.Length && z + 4 <= postings.Length)
            {
                Vector128<int> va = Vector128.ShiftRightLogical(Vector128.LoadUnsafe(ref a0, (nuint)x), shift);
                Vector128<int> vp = Vector128.ShiftRightLogical(Vector128.LoadUnsafe(ref p0, (nuint)z), 1);
                Vector128<int> equal = Vector128.Equals(va, vp)
                    | Vector128.Equals(va, Vector128.Shuffle(vp, Vector128.Create(1, 2, 3, 0)))
                    | Vector128.Equals(va, Vector128.Shuffle(vp, Vector128.Create(2, 3, 0, 1)))
                    | Vector128.Equals(va, Vector128.Shuffle(vp, Vector128.Create(3, 0, 1, 2)));
                for (uint mask = equal.ExtractMostSignificantBits(); mask != 0; mask &= mask - 1)
                {
                    int u = aliases[x + BitOperations.TrailingZeroCount(mask)] >> shift;
                    if (u != last)
                    {
                        output[w++] = last = u;
                    }
                }

                int maxA = aliases[x + 3] >> shift, maxP = postings[z + 3] >> 1;
                x += maxA <= maxP ? 4 : 0;
                z += maxA >= maxP ? 4 : 0;
            }
        }

        while (x < aliases.Length && z < postings.Length)
        {
            int u = aliases[x] >> shift, v = postings[z] >> 1;
            bool take = u == v && u != last;
            output[w] = u;
            w += take ? 1 : 0;
            last = take ? u : last;
            x += u <= v ? 1 : 0;
            z += u >= v ? 1 : 0;
        }

        return w;
    }

    /// <summary>
    /// The distinct aliases of <paramref name="aliases"/> (ascending; shifted right by
    /// <paramref name="shift"/> as in <see cref="Intersect"/>) whose bit is set in
    /// <paramref name="bits"/>, ascending; returns their number.
    /// </summary>
    internal static int Probe(ReadOnlySpan<int> aliases, int shift, ulong[] bits, int[] output)
    {
        int w = 0, last = -1;
        foreach (int a in aliases)
        {
            int u = a >> shift;
            bool take = ((bits[u >> 6] >> (u & 63)) & 1) != 0 && u != last;
            output[w] = u;
            w += take ? 1 : 0;
            last = take ? u : last;
        }

        return w;
    }

    /// <summary>The aliases set in both bitmaps, ascending; returns their number.</summary>
    internal static int And(ulong[] a, ulong[] b, int[] output)
    {
        int w = 0;
        int length = Math.Min(a.Length, b.Length);
        for (int i = 0; i < length; i++)
        {
            for (ulong both = a[i] & b[i]; both != 0; both &= both - 1)
            {
                output[w++] = (i << 6) + BitOperations.TrailingZeroCount(both);
            }
        }

        return w;
    }

    /// <summary>One key of one query term.</summary>
    private readonly record struct KeyRef(int Key, int Term, bool Own, int Length, int KeyLength, bool Reading = false, bool Unlikely = false);

    /// <summary>
    /// Moves the <paramref name="count"/> smallest keys to the front, in no order (the keys are
    /// distinct). When the keys are many more than <paramref name="count"/> (the shortlist: 128
    /// or 256 of about 1,400 admitted aliases), a threshold is read off a sorted sample of 64
    /// keys, at about twice the rank the count would have in it, and the keys at or under it are
    /// moved to the front without a branch (a swap per key, whichever side it falls on); only
    /// those, about a fifth of the keys, are then selected among (<see cref="QuickSelect"/>). The
    /// quickselect's comparisons go either way at random, so each costs a mispredicted branch
    /// about half the time; the pass that moves the keys has none. Should the threshold fall
    /// short of <paramref name="count"/> keys (a sample far from the whole), every key is
    /// selected among, as without it.
    /// </summary>
    /// <param name="keys">The keys; permuted in place.</param>
    /// <param name="count">How many of the smallest are wanted at the front.</param>
    /// <param name="maxRounds">See <see cref="QuickSelect"/> (tests).</param>
    /// <param name="sampleRank">The sample's rank read as the threshold; -1: about twice the count's rank (tests set it).</param>
    internal static void SelectSmallest(Span<ulong> keys, int count, int maxRounds = -1, int sampleRank = -1)
    {
        const int Samples = 64;
        int n = keys.Length;
        if (count > 0 && n >= 512 && n >= 4 * count)
        {
            Span<ulong> sample = stackalloc ulong[Samples];
            int stride = n / Samples;
            for (int i = 0; i < Samples; i++)
            {
                sample[i] = keys[i * stride];
            }

            sample.Sort();
            int rank = sampleRank >= 0 ? sampleRank : Math.Min(Samples - 1, (int)(2L * count * Samples / n) + 2);
            ulong threshold = sample[rank];
            int under = 0;
            for (int i = 0; i < n; i++)
            {
                ulong key = keys[i];
                keys[i] = keys[under];
                keys[under] = key;
                under += key <= threshold ? 1 : 0;
            }

            if (under >= count)
            {
                QuickSelect(keys[..under], count, maxRounds);
                return;
            }
        }

        QuickSelect(keys, count, maxRounds);
    }

    /// <summary>
    /// Moves the <paramref name="count"/> smallest keys to the front, in no order (quickselect;
    /// the keys are distinct). After <paramref name="maxRounds"/> partitions (by default twice the
    /// bits of the length: a pivot that kept choosing badly) the rest is sorted instead, so the
    /// time stays O(n log n) whatever the order of the keys.
    /// </summary>
    private static void QuickSelect(Span<ulong> keys, int count, int maxRounds)
    {
        int lo = 0, hi = keys.Length - 1;
        int rounds = maxRounds >= 0 ? maxRounds : 2 * (BitOperations.Log2((uint)keys.Length) + 1);
        while (lo < hi && count > lo && count <= hi)
        {
            if (rounds-- == 0)
            {
                keys[lo..(hi + 1)].Sort();
                return;
            }

            int mid = lo + ((hi - lo) >> 1);
            // The median of three as the pivot.
            if (keys[mid] < keys[lo])
            {
                (keys[mid], keys[lo]) = (keys[lo], keys[mid]);
            }

            if (keys[hi] < keys[lo])
            {
                (keys[hi], keys[lo]) = (keys[lo], keys[hi]);
            }

            if (keys[hi] < keys[mid])
            {
                (keys[hi], keys[mid]) = (keys[mid], keys[hi]);
            }

            ulong pivot = keys[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (keys[i] < pivot)
                {
                    i++;
                }

                while (keys[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (keys[i], keys[j]) = (keys[j], keys[i]);
                    i++;
                    j--;
                }
            }

            // Now keys[lo..j] <= pivot <= keys[i..hi], and keys[j+1..i-1] == pivot.
            if (count <= j)
            {
                hi = j;
            }
            else if (count >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>Per-thread pooled buffers: an open-addressing table of hit aliases, reused across queries.</summary>
    private sealed class Scratch
    {
        private const int Capacity = 1 << 14; // > 2 x AdmitBudget; Hit admits at most Capacity / 2 aliases, which a one-word query's two budgets can exceed (the rest are not admitted)
        private const int Mask = Capacity - 1;

        public readonly KeyRef[] Keys = new KeyRef[MaxKeys];
        public readonly string?[] Skeletons = new string?[MaxTerms];

        /// <summary>A word's skeletons as <see cref="Phonetics.QueryReadings"/> read it (null: not read so).</summary>
        public readonly string?[] ReadingSkeletons = new string?[Phonetics.QueryReadings.Length];
        public readonly bool[] Joined = new bool[MaxTerms];

        private readonly int[] _alias = new int[Capacity];
        private readonly int[] _stamp = new int[Capacity];
        private readonly float[] _weight = new float[Capacity];
        private readonly uint[] _terms = new uint[Capacity];
        private readonly uint[] _own = new uint[Capacity];
        private readonly int[] _touched = new int[Capacity];
        private const int KeyMask = 1023; // > 2 x MaxKeys
        private const int FilterBits = 18; // 32 KiB: one bit per hash of an admitted alias

        private readonly ulong[] _filter = new ulong[(1 << FilterBits) / 64];
        private readonly float[] _aliasWeight = new float[Capacity];
        private readonly float[] _similarity = new float[Capacity];
        private readonly int[] _starts = new int[2 * ShortlistSize];
        private int _sink;

        private readonly (float Weight, int Alias)[] _top = new (float, int)[ShortlistSize];
        private readonly ulong[] _shortlist = new ulong[Capacity];
        private readonly int[] _keySlots = new int[KeyMask + 1];
        private readonly int[] _nextKeyRef = new int[MaxKeys];
        private readonly Candidate[] _result = new Candidate[MaxCandidates];
        private readonly int[][] _buffers = [[], []];
        private int _generation;

        public int Count { get; private set; }

        /// <summary>A pooled int buffer (two of them) of at least <paramref name="size"/> elements.</summary>
        public int[] Buffer(int which, int size)
        {
            if (_buffers[which].Length < size)
            {
                _buffers[which] = new int[Math.Max(size, _buffers[which].Length * 2)];
            }

            return _buffers[which];
        }

        public void Begin()
        {
            if (++_generation == int.MaxValue)
            {
                Array.Clear(_stamp);
                _generation = 1;
            }

            Count = 0;
            Array.Clear(_filter);
        }

        private int Slot(int alias, out bool found)
        {
            int i = (int)((uint)alias * 2654435769u >> 18) & Mask;
            while (_stamp[i] == _generation)
            {
                if (_alias[i] == alias)
                {
                    found = true;
                    return i;
                }

                i = (i + 1) & Mask;
            }

            found = false;
            return i;
        }

        /// <summary>Admits <paramref name="alias"/> (when there is room) and adds the term's weight once.</summary>
        public void Hit(int alias, int term, float factor, float weight)
        {
            int i = Slot(alias, out bool found);
            if (!found)
            {
                if (Count >= Capacity / 2)
                {
                    return;
                }

                _stamp[i] = _generation;
                _alias[i] = alias;
                _weight[i] = 0f;
                _terms[i] = 0;
                _own[i] = 0;
                _touched[Count++] = i;
                uint bit = FilterBit(alias);
                _filter[bit >> 6] |= 1UL << (int)(bit & 63);
            }

            Add(i, term, factor, weight);
        }

        /// <summary>Adds the term's weight to <paramref name="alias"/> if it was admitted (a bit filter that fits the L1 cache answers most misses).</summary>
        public void Boost(int alias, int term, float weight)
        {
            uint bit = FilterBit(alias);
            if ((_filter[bit >> 6] & (1UL << (int)(bit & 63))) == 0)
            {
                return;
            }

            int i = Slot(alias, out bool found);
            if (found)
            {
                Add(i, term, 1f, weight);
            }
        }

        private static uint FilterBit(int alias) => ((uint)alias * 2246822519u) >> (32 - FilterBits);

        private void Add(int i, int term, float factor, float weight)
        {
            uint bit = 1u << term;
            if ((_terms[i] & bit) == 0)
            {
                _terms[i] |= bit;
                _weight[i] += weight * factor;
                if (factor >= 1f)
                {
                    _own[i] |= bit;
                }
            }
            else if (factor >= 1f && (_own[i] & bit) == 0)
            {
                // Hit through a deletion first, now through the skeleton itself: (about) full weight.
                _own[i] |= bit;
                _weight[i] += weight * UpgradeShare;
            }
        }

        /// <summary>
        /// The admitted aliases with the best ranking weight, best first, at most
        /// <paramref name="maxCandidates"/>, cut by <see cref="CutoffRatio"/> (never below <paramref name="minCandidates"/>). The ranking weight
        /// is the overlap (see <see cref="Overlap"/>) plus <see cref="SimilarityShare"/> times the letter-pair similarity of the query's and
        /// the alias's spelling (the skeleton keys cannot tell Prerad from Abart); ties: lower
        /// alias id. First a shortlist of <paramref name="shortlistSize"/> aliases (at most
        /// <see cref="ShortlistSize"/>) by an optimistic
        /// overlap (what was counted during admission, plus the weight of every
        /// <paramref name="pending"/> term the alias was not yet seen to have in full); then each
        /// shortlisted alias's exact overlap from its own keys (the forward index), whatever the
        /// length of the postings of the query's common words.
        /// </summary>
        public ReadOnlySpan<Candidate> SelectTop(CandidateIndex index, scoped ReadOnlySpan<KeyRef> keys, scoped ReadOnlySpan<float> weights, float queryWeight, uint telling, uint pending, scoped ReadOnlySpan<float> pendingFactor, ulong signature, int pairs, int minCandidates, int maxCandidates, int shortlistSize)
        {
            // 1. The shortlist: the best optimistic overlaps.
            // The alias weights first, in a loop of independent loads (they are scattered over a
            // registry-sized array: the CPU overlaps the cache misses), then the selection.
            var aliasWeights = _aliasWeight;
            var similarities = _similarity;
            // The entries are scattered over a registry-sized array: each is asked for ahead of
            // its use (a prefetch), so the cache misses overlap.
            const int Distance = 24;
            for (int t = 0; t < Math.Min(Distance, Count); t++)
            {
                index.PrefetchInfo(_alias[_touched[t]]);
            }

            for (int t = 0; t < Count; t++)
            {
                if (t + Distance < Count)
                {
                    index.PrefetchInfo(_alias[_touched[t + Distance]]);
                }

                int alias = _alias[_touched[t]];
                ref readonly CandidateIndex.AliasInfo info = ref index.Info(alias);
                aliasWeights[t] = info.Weight;
                similarities[t] = SimilarityShare * CandidateIndex.SignatureSimilarity(signature, pairs, info.Signature);
            }

            // As keys that order candidates (see Key), the best ShortlistSize selected in place.
            Span<ulong> shortlist = _shortlist.AsSpan(0, Count);
            for (int t = 0; t < Count; t++)
            {
                int i = _touched[t];
                float gain = 0f;
                for (uint missing = pending & ~_own[i]; missing != 0; missing &= missing - 1)
                {
                    int term = BitOperations.TrailingZeroCount(missing);
                    gain += weights[term] * pendingFactor[term];
                }

                shortlist[t] = Key(Overlap(_weight[i] + gain, queryWeight, MathF.Max(aliasWeights[t], WeightOf(_own[i] & telling, weights))) + similarities[t], _alias[i]);
            }

            int size = Math.Min(Count, shortlistSize);
            SelectSmallest(shortlist, size);
            var top = _top;
            for (int h = 0; h < size; h++)
            {
                top[h] = FromKey(shortlist[h]);
            }

            Trace?.Record(this, top.AsSpan(0, size), Count, exact: false);
            Trace?.Mark(3);

            // 2. Exact overlap of each shortlisted alias: for every query term, the best factor
            //    among the alias's keys that are keys of that term.
            IndexQueryKeys(keys);
            Span<float> factors = stackalloc float[MaxTerms];
            factors.Clear();
            // Again independent loads first (where each alias's keys start, its weight, the first
            // line of its keys), then the lookups.
            var starts = _starts;
            for (int h = 0; h < size; h++)
            {
                int alias = top[h].Alias;
                ref readonly CandidateIndex.AliasInfo info = ref index.Info(alias);
                starts[h] = info.ForwardStart;
                starts[h + ShortlistSize] = index.Info(alias + 1).ForwardStart;
                aliasWeights[h] = info.Weight;
                similarities[h] = SimilarityShare * CandidateIndex.SignatureSimilarity(signature, pairs, info.Signature);
            }

            ReadOnlySpan<int> forward = index.ForwardKeys;
            int touch = 0;
            for (int h = 0; h < size; h++)
            {
                // Every admitted alias has a key (it was in postings), so its first and last exist
                // (an alias's keys often span two cache lines).
                touch |= forward[starts[h]] ^ forward[starts[h + ShortlistSize] - 1];
            }

            _sink = touch; // keeps the touching loop
            Trace?.Mark(6);

            for (int h = 0; h < size; h++)
            {
                uint seen = 0;
                foreach (int encoded in forward[starts[h]..starts[h + ShortlistSize]])
                {
                    for (int r = FirstKeyRef(encoded >> 1); r >= 0; r = _nextKeyRef[r])
                    {
                        ref readonly KeyRef key = ref keys[r];
                        float f = Factor(key, encoded);
                        if (f > factors[key.Term])
                        {
                            factors[key.Term] = f;
                            seen |= 1u << key.Term;
                        }
                    }
                }

                float shared = 0f;
                uint full = 0;
                for (; seen != 0; seen &= seen - 1)
                {
                    int term = BitOperations.TrailingZeroCount(seen);
                    shared += weights[term] * factors[term];
                    full |= factors[term] >= 1f ? 1u << term : 0u;
                    factors[term] = 0f;
                }

                top[h] = (Overlap(shared, queryWeight, MathF.Max(aliasWeights[h], WeightOf(full & telling, weights))) + similarities[h], top[h].Alias);
            }

            Trace?.Mark(7);
            // 3. Best first; the cut.
            // Sorted as integers (see Key).
            Span<ulong> order = shortlist[..size]; // the selection's keys were decoded above
            for (int h = 0; h < size; h++)
            {
                order[h] = Key(top[h].Weight, top[h].Alias);
            }

            order.Sort();
            Span<(float Weight, int Alias)> ranked = top.AsSpan(0, size);
            for (int h = 0; h < size; h++)
            {
                ranked[h] = FromKey(order[h]);
            }

            Trace?.Record(this, ranked, Count, exact: true);
            int total = Math.Min(size, maxCandidates);
            for (int n = 0; n < total; n++)
            {
                _result[n] = new Candidate(ranked[n].Alias, ranked[n].Weight);
            }

            int keep = total;
            if (total > minCandidates)
            {
                float cutoff = _result[0].Weight * CutoffRatio;
                keep = minCandidates;
                while (keep < total && _result[keep].Weight >= cutoff)
                {
                    keep++;
                }
            }

            return _result.AsSpan(0, keep);
        }

        /// <summary>
        /// Shared weight over the mean of the query's and the alias's weight; the shared weight is
        /// never counted above either (one alias word can meet two query words through deletions,
        /// and joined words are a bonus that cannot make a partial match look complete).
        /// </summary>
        private static float Overlap(float shared, float queryWeight, float aliasWeight) =>
            MathF.Min(shared, MathF.Min(queryWeight, aliasWeight)) / ((QueryShare * queryWeight) + ((1f - QueryShare) * aliasWeight));

        /// <summary>The summed weight of the <paramref name="terms"/> (a bit set).</summary>
        private static float WeightOf(uint terms, scoped ReadOnlySpan<float> weights)
        {
            float sum = 0f;
            for (; terms != 0; terms &= terms - 1)
            {
                sum += weights[BitOperations.TrailingZeroCount(terms)];
            }

            return sum;
        }

        /// <summary>A small hash from the query's key ids to their first <see cref="KeyRef"/> (others chained): one key can serve several terms.</summary>
        private void IndexQueryKeys(scoped ReadOnlySpan<KeyRef> keys)
        {
            Array.Clear(_keySlots);
            for (int r = keys.Length - 1; r >= 0; r--)
            {
                int slot = KeySlot(keys[r].Key);
                while (_keySlots[slot] != 0 && keys[_keySlots[slot] - 1].Key != keys[r].Key)
                {
                    slot = (slot + 1) & KeyMask;
                }

                _nextKeyRef[r] = _keySlots[slot] - 1;
                _keySlots[slot] = r + 1;
            }
        }

        private int FirstKeyRef(int key)
        {
            var keys = Keys;
            for (int slot = KeySlot(key); ; slot = (slot + 1) & KeyMask)
            {
                int r = _keySlots[slot] - 1;
                if (r < 0 || keys[r].Key == key)
                {
                    return r;
                }
            }
        }

        /// <summary>Whether <paramref name="alias"/> was admitted (diagnostics).</summary>
        public bool Admitted(int alias)
        {
            Slot(alias, out bool found);
            return found;
        }

        private static int KeySlot(int key) => (int)((uint)key * 2654435769u >> 22) & KeyMask;

        /// <summary>
        /// An integer that orders candidates as the ranking does: higher weight first, then lower
        /// alias. Weights are never negative, so their bits order them.
        /// </summary>
        private static ulong Key(float weight, int alias) =>
            ((ulong)(uint.MaxValue - BitConverter.SingleToUInt32Bits(MathF.Max(weight, 0f))) << 32) | (uint)alias;

        private static (float Weight, int Alias) FromKey(ulong key) =>
            (BitConverter.UInt32BitsToSingle(uint.MaxValue - (uint)(key >> 32)), (int)(uint)key);
    }

    /// <summary>Where the watched aliases went in the last search (diagnostics for the benchmarks).</summary>
    internal sealed class SearchTrace(IReadOnlyCollection<int> watched)
    {
        private long _last;

        /// <summary>
        /// Stopwatch ticks spent in each phase, summed over searches, by index: 0 terms and their
        /// keys, 1 word pairs, 2 intersection, 3 shortlist, 4 admission and boost, 5 sort and cut,
        /// 6 and 7 the exact re-ranking's loads and overlaps.
        /// </summary>
        public long[] Phases { get; } = new long[8];

        /// <summary>A search starts: the time to the next <see cref="Mark"/> is phase 0's.</summary>
        internal void Start() => _last = System.Diagnostics.Stopwatch.GetTimestamp();

        /// <summary>Phase <paramref name="phase"/> ends: the time since the last mark (or <see cref="Start"/>) is its.</summary>
        internal void Mark(int phase)
        {
            long now = System.Diagnostics.Stopwatch.GetTimestamp();
            Phases[phase] += now - _last;
            _last = now;
        }

        /// <summary>Whether a watched alias was admitted.</summary>
        public bool Admitted { get; private set; }

        /// <summary>Aliases admitted in all.</summary>
        public int AdmittedCount { get; private set; }

        /// <summary>Lookups of key texts in the index (a word's skeleton, its deletions, its readings, an acronym), summed over searches.</summary>
        public long KeyLookups { get; private set; }

        /// <summary>How many of <see cref="KeyLookups"/> found a key.</summary>
        public long KeysFound { get; private set; }

        internal void CountLookups(int made, int found)
        {
            KeyLookups += made;
            KeysFound += found;
        }

        /// <summary>Best rank of a watched alias in the shortlist by optimistic overlap (-1: not shortlisted).</summary>
        public int ShortlistRank { get; private set; } = -1;

        /// <summary>Best rank of a watched alias after the exact overlap (-1: not shortlisted).</summary>
        public int ExactRank { get; private set; } = -1;

        /// <summary>The ranking weight of the best watched alias after the exact overlap, and of the first alias.</summary>
        public (float Watched, float First) ExactWeights { get; private set; }

        internal void Record(object scratch, ReadOnlySpan<(float Weight, int Alias)> list, int admittedCount, bool exact)
        {
            var s = (Scratch)scratch;
            AdmittedCount = admittedCount;
            Admitted = watched.Any(s.Admitted);
            if (!exact)
            {
                // The shortlist is not sorted: the rank is the number of better entries.
                ShortlistRank = -1;
                float best = float.NegativeInfinity;
                foreach ((float w, int a) in list)
                {
                    if (watched.Contains(a))
                    {
                        best = MathF.Max(best, w);
                    }
                }

                if (best > float.NegativeInfinity)
                {
                    int rank = 0;
                    foreach ((float w, _) in list)
                    {
                        rank += w > best ? 1 : 0;
                    }

                    ShortlistRank = rank;
                }

                return;
            }

            ExactRank = -1;
            for (int i = 0; i < list.Length; i++)
            {
                if (watched.Contains(list[i].Alias))
                {
                    ExactRank = i;
                    ExactWeights = (list[i].Weight, list[0].Weight);
                    return;
                }
            }
        }
    }
}
