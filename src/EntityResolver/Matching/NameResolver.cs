using System.Buffers;
using System.Globalization;
using EntityResolver.Indexing;
using EntityResolver.Matching;
using EntityResolver.Text;

namespace EntityResolver;

/// <summary>
/// Resolves names, in any supported script, against an <see cref="EntityRegistry"/>: candidate
/// generation through the registry's index, token alignment, a calibrated score. Thread-safe;
/// create one per registry and share it.
/// </summary>
/// <example>
/// <code>
/// var resolver = new NameResolver(EntityRegistry.Load("registry.jsonl"));
/// foreach (EntityMatch m in resolver.Resolve("Fatima Zahra Benali"))
///     Console.WriteLine($"{m.EntityId} {m.Score:0.00}");
/// </code>
/// </example>
public sealed class NameResolver
{
    /// <summary>The most names a query may have, in UTF-16 code units; longer input is a caller error.</summary>
    public const int MaxNameLength = 1024;

    private readonly NameAnalyzer _analyzer = new();
    private readonly ScoringModel _model;

    /// <summary>
    /// Keeps <see cref="Warm"/>'s loads from being optimized away; per thread, so that resolvers
    /// shared by many threads do not write to one cache line.
    /// </summary>
    [ThreadStatic]
    private static int t_sink;

    /// <summary>The table of each entity's best score that <see cref="Rank(string, ResolveOptions, out PreparedName[], Func{int, bool}?, bool)"/> fills, kept per thread between calls.</summary>
    [ThreadStatic]
    private static Dictionary<int, (float Score, int Alias, int Reading)>? t_best;

    /// <summary>Creates a resolver over <paramref name="registry"/>.</summary>
    /// <param name="registry">The registry to resolve against.</param>
    /// <param name="defaults">Default options for <see cref="Resolve(string, ResolveOptions?)"/>; validated here.</param>
    /// <exception cref="ArgumentException"><paramref name="defaults"/> is invalid.</exception>
    public NameResolver(EntityRegistry registry, ResolveOptions? defaults = null)
        : this(registry, defaults, ScoringModel.Default)
    {
    }

    /// <summary>Creates a resolver over <paramref name="registry"/> that scores with <paramref name="model"/>.</summary>
    /// <param name="registry">The registry to resolve against.</param>
    /// <param name="model">The scoring model (see <see cref="MatchModel.Load(string)"/>).</param>
    /// <param name="defaults">Default options; validated here.</param>
    /// <exception cref="ArgumentException"><paramref name="defaults"/> is invalid.</exception>
    public NameResolver(EntityRegistry registry, MatchModel model, ResolveOptions? defaults = null)
        : this(registry, defaults, (model ?? throw new ArgumentNullException(nameof(model))).Inner)
    {
    }

    /// <summary>How many candidates beyond <see cref="ResolveOptions.Top"/> are ranked, so that the top's rivals are known.</summary>
    private const int RivalLookahead = 4;

    /// <summary>The share of an organization's name (by weight: particles such as "of") the literal reading may leave unmatched.</summary>
    private const float LiteralOrganizationSlack = 0.05f;

    /// <summary>A rival whose pair score is below this is taken as it is, without the namesake test.</summary>
    private const float NegligibleRival = 0.05f;

    /// <summary>How far under the best pair score a candidate is still re-weighed by its spelling (see <see cref="WeighSpellings"/>).</summary>
    private const float SpellingMargin = 0.25f;

    /// <summary>
    /// What a match through a weak alias (<see cref="EntityName.WeakAliasKind"/>) keeps of its
    /// score: a name that cannot identify the entity alone brings it at most to the default
    /// threshold. A rule, not a fitted figure: only unsc-2025 marks its weak aliases, too few to fit one.
    /// </summary>
    internal const float WeakAliasShare = 0.5f;

    /// <summary>The most candidates re-weighed by their spelling.</summary>
    private const int SpellingCandidates = 8;

    /// <summary>
    /// What a nat of transliteration log-likelihood below the likeliest candidate's costs a pair
    /// score. Chosen on the train split (models fitted on half of it, top-1 measured on the other
    /// half): 0.03 is within 0.7 points of each dev set's best value (0.01 to 0.08).
    /// </summary>
    internal const float SpellingWeight = 0.03f;

    /// <summary>
    /// The share of Cyrillic words with a Palladius reading (<see cref="NameAnalyzer.PinyinReading"/>)
    /// that Russian wrote from the pinyin spelling by that system: 387 of the 1,282 one-word
    /// queries with one in netranslit-ru-train's train split have a gold entity with a Latin word
    /// spelled so (`dotnet run -c Release --project benchmarks/EntityResolver.Quality -- systems`).
    /// A Latin word that is that pinyin is a source of the Cyrillic word by Palladius with this
    /// probability, besides what the transliteration model gives it (see <see cref="SpellingLikelihood"/>).
    /// </summary>
    private const double PalladiusShare = 0.30;

    /// <summary>
    /// The share of Cyrillic words with a Hepburn spelling by Polivanov's system
    /// (<see cref="Polivanov.Hepburn"/>) that Russian wrote from it: 2,558 of 3,065 such one-word
    /// queries of the same split, counted by the same command. Used as <see cref="PalladiusShare"/> is.
    /// </summary>
    private const double PolivanovShare = 0.83;

    /// <summary>
    /// What a candidate matched through the reading that dropped a proclitic with the article
    /// (بالسامو read سامو: see <see cref="DroppedProclitic"/>) loses of its pair score: that reading
    /// leaves those letters unexplained, and a name seldom begins with "with the", "and the" or
    /// "like the". Of the netranslit-ar development queries of one word beginning with بال, فال,
    /// كال or وال, about 7 % (25 of 344) name an entity whose Latin name leaves them out. Chosen on
    /// those queries: every cost from 0.24 to 0.48 gave the same top-1 (0.08: 14 fewer), and the
    /// queries whose gold leaves the letters out kept their top-1 at all of them.
    /// </summary>
    private const float DroppedProcliticCost = 0.25f;

    /// <summary>
    /// The nats by which a Latin word that writes the article joined (Alomari, Elbaz, Lazhar) is a
    /// likelier source of a query word with the article (العمري, الباز) than its likelihood without
    /// the article says (see <see cref="ArticleSpellingLikelihood"/>): such a spelling explains the
    /// article, which a spelling without it (Amri, Baz) leaves to chance, since Arabic script
    /// writes many names with and without it. Chosen on the netranslit-ar development queries
    /// (every query, each set against all its entities): 2.25 nats gave +27 / −4, 3 +35 / −6 and
    /// 4 +38 / −11 (the losses: a closer spelling without the article, النهدي Nahdi to Almahdi).
    /// Given for a proclitic before the article too, 3 nats lost four more (بالغنيم Balghunaim to
    /// Alghanem), so it is not.
    /// </summary>
    private const double JoinedArticleLogRatio = 3;

    internal NameResolver(EntityRegistry registry, ResolveOptions? defaults, ScoringModel model)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Registry = registry;
        Defaults = defaults ?? ResolveOptions.Default;
        Defaults.Validate();
        _model = model;
    }

    /// <summary>The registry this resolver reads.</summary>
    public EntityRegistry Registry { get; }

    /// <summary>The options used when a call passes none.</summary>
    public ResolveOptions Defaults { get; }

    /// <summary>The versioned name of the scoring model.</summary>
    public string ModelName => _model.Name;

    /// <summary>
    /// Resolves one name. Returns the matches at or above the threshold, best first; an empty
    /// list when nothing matches (a name of punctuation or emoji, an unknown person).
    /// </summary>
    /// <param name="name">The name, with or without titles, in any supported script.</param>
    /// <param name="options">Options for this call; <see cref="Defaults"/> when null.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, white space or longer than <see cref="MaxNameLength"/>, or an option is invalid.</exception>
    public IReadOnlyList<EntityMatch> Resolve(string name, ResolveOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > MaxNameLength)
        {
            throw new ArgumentException($"A name may have at most {MaxNameLength} characters (this one has {name.Length}); pass running text to the linker instead.", nameof(name));
        }

        options ??= Defaults;
        if (!ReferenceEquals(options, Defaults))
        {
            options.Validate();
        }

        List<RankedCandidate> ranked = Rank(name, options, out PreparedName[] readings);
        return Matches(ranked, readings, options);
    }

    /// <summary>
    /// The matches of <paramref name="name"/> among the entities that own <paramref name="aliases"/>
    /// alone, as if the registry held no other (no candidate search: those aliases are the
    /// candidates, and the rivals of a second stage are among them). The linker asks it for a bare
    /// name word and the entities its document names in full, which a search among a million names
    /// need not rank among the first.
    /// </summary>
    internal IReadOnlyList<EntityMatch> ResolveAmong(string name, ResolveOptions options, IReadOnlyList<int> aliases)
    {
        PreparedName[] readings = PreparedName.Readings(_analyzer, name, Registry.Statistics);
        if (readings.Length == 0 || aliases.Count == 0)
        {
            return [];
        }

        var candidates = new Candidate[aliases.Count];
        for (int i = 0; i < candidates.Length; i++)
        {
            candidates[i] = new Candidate(aliases[i], 0f);
        }

        List<RankedCandidate> ranked = Rank(readings, options, exclude: null, rivals: false, [], candidates);
        return Matches(ranked, readings, options);
    }

    private List<EntityMatch> Matches(List<RankedCandidate> ranked, PreparedName[] readings, ResolveOptions options)
    {
        var matches = new List<EntityMatch>();
        bool droppedProclitic = options.Explain && DroppedProclitic(readings);
        foreach (RankedCandidate r in ranked)
        {
            if (matches.Count == options.Top || r.Score < options.Threshold)
            {
                break;
            }

            AliasRecord alias = Registry.Aliases[r.Alias];
            Entity entity = Registry.EntityAt(r.Entity);
            MatchExplanation? explanation = options.Explain ? Explain(readings[r.Reading], alias, entity, r, r.Reading == 0 && droppedProclitic) : null;
            matches.Add(new EntityMatch(entity, Math.Round(r.Score, 4), entity.Names[alias.NameIndex].Text, explanation));
        }

        return matches;
    }

    /// <summary>
    /// The candidates of a name, best first, with their pair scores and final scores (no
    /// threshold; at most <see cref="ResolveOptions.Top"/> plus a few, enough to rank the top).
    /// <paramref name="exclude"/> drops entities (by index) as if they were not in the registry:
    /// the quality harness uses it to see a query whose entity is absent. Rivals are found when
    /// the model has a second stage, or when <paramref name="rivals"/> asks for them; without
    /// them the final score is the pair score and candidates under the threshold are left out.
    /// </summary>
    internal List<RankedCandidate> Rank(string name, ResolveOptions options, out PreparedName[] readings, Func<int, bool>? exclude = null, bool rivals = false)
    {
        readings = PreparedName.Readings(_analyzer, name, Registry.Statistics);
        if (readings.Length == 0)
        {
            return [];
        }

        // Each entity's best score, alias and reading: the thread's table, taken for this call (a
        // call made from within it, by an exclude callback, makes its own) and given back cleared.
        Dictionary<int, (float Score, int Alias, int Reading)> best = t_best ?? new(CandidateSearch.MaxCandidates);
        t_best = null;
        try
        {
            return Rank(readings, options, exclude, rivals, best);
        }
        finally
        {
            best.Clear();
            t_best = best;
        }
    }

    private List<RankedCandidate> Rank(PreparedName[] readings, ResolveOptions options, Func<int, bool>? exclude, bool rivals, Dictionary<int, (float Score, int Alias, int Reading)> best, Candidate[]? given = null)
    {
        // The literal reading (title words kept as name words) is a fallback: it is scored only
        // when the reading without titles finds no good match (an organization named by title
        // words alone; رائد is a rank and also the given name Raed). Good means at or above the
        // caller's threshold, and never below the default one, so that a caller asking for
        // every candidate (threshold 0) gets the same ranking. It is scored on the first
        // reading's candidates, which share its other words (unless there are none): a search of
        // its own found the same first names on every held-out set, and cost a second search for
        // most absent titled names. The reading with an article kept, or with Palladius words in
        // pinyin, is scored beside the first: each entity keeps its best score of the two.
        ReadOnlySpan<Candidate> candidates = given ?? Candidates(readings[0]);
        Score(readings[0], 0, candidates, options, best);
        double good = Math.Max(options.Threshold, ResolveOptions.Default.Threshold);
        if (readings.Length > 1 && !readings[1].IsLiteral)
        {
            if (DroppedProclitic(readings))
            {
                foreach (KeyValuePair<int, (float Score, int Alias, int Reading)> kv in best)
                {
                    best[kv.Key] = kv.Value with { Score = MathF.Max(0f, kv.Value.Score - DroppedProcliticCost) };
                }
            }

            Score(readings[1], 1, given ?? Candidates(readings[1]), options, best);
        }
        else if (readings.Length > 1 && !best.Values.Any(v => v.Score >= good))
        {
            // (No search ran since the first reading's: its candidates are still the buffer's.)
            Score(readings[1], 1, candidates.IsEmpty ? Candidates(readings[1]) : candidates, options, best, TitleWords(readings[1], readings[0]));
        }

        // The readers of the query's words under the transliteration models, made when first needed.
        List<TransliterationModel.Reader>? readers = null;
        Dictionary<int, float>? spelling = WeighSpellings(readings, best, Registry.Aliases, exclude, ref readers);
        RivalCalibration? stage = _model.Rival;
        bool withRivals = rivals || stage is not null;
        double floor = withRivals ? double.NegativeInfinity : options.Threshold;
        int take = withRivals ? options.Top + RivalLookahead : options.Top;
        List<RankedCandidate> byPair = Top(best, floor, exclude, spelling, take, unweighed: false);
        if (withRivals && spelling is not null)
        {
            // Rivals are judged on the pair scores before the spelling re-weighing (see RivalOf),
            // so the candidates first by those scores are ranked too, and rivals are sought in that order.
            List<RankedCandidate> byUnweighed = Top(best, floor, exclude, spelling, take, unweighed: true);
            foreach (RankedCandidate c in byPair)
            {
                if (!byUnweighed.Exists(u => u.Entity == c.Entity))
                {
                    Insert(byUnweighed, c, int.MaxValue, unweighed: true);
                }
            }

            byPair = byUnweighed;
        }

        if (!withRivals || byPair.Count == 0)
        {
            return byPair;
        }

        // Each candidate's matched words, in its best alias and (when that is not Latin) in its best Latin alias.
        var words = new string[]?[2 * byPair.Count];
        var ranked = new List<RankedCandidate>(byPair.Count);
        // Each reading's one name word whose transliteration likelihood the stage reads (-1: none).
        int[]? singleWords = rivals || stage is { WeighsSpelling: true } ? Array.ConvertAll(readings, SingleModelWord) : null;
        for (int i = 0; i < byPair.Count; i++)
        {
            var (rival, rivalScore) = RivalOf(i, byPair, words, readings);
            RankedCandidate c = byPair[i];
            PreparedName query = readings[c.Reading];
            AliasRecord alias = Registry.Aliases[c.Alias];
            bool person = Registry.IsPersonAt(c.Entity);

            // Persons only: the models are fitted on persons' names; wikidata-hi-ur's entities of
            // unknown type (places, things, written after their English pronunciation: डैलस,
            // वॉट) lost recall when it was read for them too (F1 81.2 → 75.1 %).
            int word = person && singleWords is not null ? singleWords[c.Reading] : -1;
            float likelihood = word >= 0 ? SpellingPerCharacter(query, word, alias, readers ??= []) : float.NaN;
            float score = c.PairScore;
            if (stage is { } s)
            {
                // The stage weighs the candidate's own features too (how much of its name the query left out).
                score = s.HasFeatures
                    ? s.Apply(c.PairScore, rivalScore, PairScorer.Compute(query, alias, person, Registry.RankClassesAt(c.Entity)), likelihood)
                    : s.Apply(c.PairScore, rivalScore, default, likelihood);
            }

            ranked.Add(c with { Rival = rival, RivalScore = rivalScore, Score = score, Transliteration = likelihood });
        }

        ranked.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(Registry.EntityAt(a.Entity).Id, Registry.EntityAt(b.Entity).Id));
        return ranked;
    }

    /// <summary>
    /// The first <paramref name="take"/> entities of <paramref name="best"/> scored at
    /// <paramref name="floor"/> or above and not excluded, by pair score (before the spelling
    /// re-weighing when <paramref name="unweighed"/>), best first; equal scores by entity id.
    /// Selected by insertion: the entities' ids are read only for equal scores.
    /// </summary>
    private List<RankedCandidate> Top(Dictionary<int, (float Score, int Alias, int Reading)> best, double floor, Func<int, bool>? exclude, Dictionary<int, float>? spelling, int take, bool unweighed)
    {
        var top = new List<RankedCandidate>(take + 1);
        foreach (KeyValuePair<int, (float Score, int Alias, int Reading)> kv in best)
        {
            if (kv.Value.Score >= floor && (exclude is null || !exclude(kv.Key)))
            {
                Insert(top, new RankedCandidate(kv.Key, kv.Value.Score, 0f, kv.Value.Score, kv.Value.Alias, kv.Value.Reading) { Spelling = spelling?.GetValueOrDefault(kv.Key) ?? 0f }, take, unweighed);
            }
        }

        return top;
    }

    /// <summary>Inserts <paramref name="c"/> into <paramref name="top"/> (ordered as <see cref="Top"/> orders) when it is among the first <paramref name="take"/>.</summary>
    private void Insert(List<RankedCandidate> top, RankedCandidate c, int take, bool unweighed)
    {
        int at = top.Count;
        while (at > 0 && Precedes(c, top[at - 1], unweighed))
        {
            at--;
        }

        if (at < take)
        {
            top.Insert(at, c);
            if (top.Count > take)
            {
                top.RemoveAt(take);
            }
        }
    }

    private bool Precedes(in RankedCandidate a, in RankedCandidate b, bool unweighed)
    {
        float x = unweighed ? a.UnweighedPairScore : a.PairScore, y = unweighed ? b.UnweighedPairScore : b.PairScore;
        return x != y ? x > y : string.CompareOrdinal(Registry.EntityAt(a.Entity).Id, Registry.EntityAt(b.Entity).Id) < 0;
    }

    /// <summary>
    /// Re-weighs the best candidates of a query written in a script with a transliteration model
    /// (<see cref="TransliterationModel"/>): those whose pair scores are within
    /// <see cref="SpellingMargin"/> of the best (at most <see cref="SpellingCandidates"/>) lose
    /// <see cref="SpellingWeight"/> per nat by which their Latin spelling is a less likely source
    /// of the query's words than the likeliest one's among the names of no more words (Albret
    /// against Albrecht for ألبرشت). A candidate matched through a name in the query's own script
    /// is not re-weighed, nor is an <paramref name="exclude"/>d one, which is no reference for the
    /// others either. Returns the changes (entity, negative amount), or null when nothing changed.
    /// </summary>
    private static Dictionary<int, float>? WeighSpellings(PreparedName[] readings, Dictionary<int, (float Score, int Alias, int Reading)> best, AliasRecord[] aliases, Func<int, bool>? exclude, ref List<TransliterationModel.Reader>? readers)
    {
        if (best.Count < 2 || !HasSpellingModel(readings[0]))
        {
            return null;
        }

        float top = float.NegativeInfinity;
        foreach (KeyValuePair<int, (float Score, int Alias, int Reading)> kv in best)
        {
            if (exclude is null || !exclude(kv.Key))
            {
                top = MathF.Max(top, kv.Value.Score);
            }
        }

        // The best SpellingCandidates within the margin, best first (ties by entity), by insertion.
        Span<int> near = stackalloc int[SpellingCandidates];
        Span<float> nearScores = stackalloc float[SpellingCandidates];
        int count = 0;
        foreach (KeyValuePair<int, (float Score, int Alias, int Reading)> kv in best)
        {
            float score = kv.Value.Score;
            if (score < top - SpellingMargin || (exclude is not null && exclude(kv.Key)))
            {
                continue;
            }

            int at = count;
            while (at > 0 && (nearScores[at - 1] < score || (nearScores[at - 1] == score && near[at - 1] > kv.Key)))
            {
                at--;
            }

            if (at == SpellingCandidates)
            {
                continue;
            }

            int last = Math.Min(count, SpellingCandidates - 1);
            for (int m = last; m > at; m--)
            {
                near[m] = near[m - 1];
                nearScores[m] = nearScores[m - 1];
            }

            near[at] = kv.Key;
            nearScores[at] = score;
            count = Math.Min(count + 1, SpellingCandidates);
        }

        if (count < 2)
        {
            return null;
        }

        Span<double> likelihoods = stackalloc double[count];
        Span<int> words = stackalloc int[count];
        (string? Pinyin, string? Hepburn)[]? systems = SystemSpellings(readings);
        for (int k = 0; k < count; k++)
        {
            (_, int aliasIndex, int reading) = best[near[k]];
            AliasRecord alias = aliases[aliasIndex];
            // A candidate met through the pinyin reading is weighed by the words as written.
            likelihoods[k] = readings[reading].Kind switch
            {
                ReadingKind.Article => ArticleSpellingLikelihood(readings[0], readings[reading], alias, readers ??= []),
                ReadingKind.Pinyin => SpellingLikelihood(readings[0], alias, readers ??= [], systems),
                _ => SpellingLikelihood(readings[reading], alias, readers ??= [], reading == 0 ? systems : null),
            };
            words[k] = alias.Name.NameTokenCount;
        }

        Dictionary<int, float>? changes = null;
        for (int k = 0; k < count; k++)
        {
            double ll = likelihoods[k];
            if (double.IsNaN(ll))
            {
                continue;
            }

            // Measured against the likeliest spelling among names of no more words: a longer name
            // must not win by its spelling over one the query gives in full (the son's name
            // holds the father's, and may spell one of its words closer to the query).
            double likeliest = ll;
            for (int j = 0; j < count; j++)
            {
                if (!double.IsNaN(likelihoods[j]) && words[j] <= words[k])
                {
                    likeliest = Math.Max(likeliest, likelihoods[j]);
                }
            }

            if (ll < likeliest)
            {
                var (score, alias, reading) = best[near[k]];
                float lowered = MathF.Max(0f, score - (float)(SpellingWeight * (likeliest - ll)));
                best[near[k]] = (lowered, alias, reading);
                (changes ??= [])[near[k]] = lowered - score;
            }
        }

        return changes;
    }

    /// <summary>
    /// Whether the query's primary reading dropped a proclitic with the article (بال, فال, كال,
    /// وال, لل) that its second reading keeps (<see cref="NameAnalyzer.ArticleReading"/>), not the
    /// article alone (which Latin spellings of Arabic names often drop too: al-Harbi, Harbi).
    /// </summary>
    private static bool DroppedProclitic(PreparedName[] readings)
    {
        if (readings.Length < 2 || readings[1].Kind != ReadingKind.Article)
        {
            return false;
        }

        return readings[1].Name.Tokens[0].Forms.Normalized.Length > readings[0].Name.Tokens[0].Forms.Normalized.Length && !ArticleAlone(readings[1]);
    }

    /// <summary>Whether an article reading's word begins with the article itself (العمري), not with a proclitic before it (بالغنيم).</summary>
    private static bool ArticleAlone(PreparedName article) => article.Name.Tokens[0].Forms.Normalized.StartsWith("ال", StringComparison.Ordinal);

    /// <summary>
    /// The query's name word when it has one only, written in a script with a transliteration
    /// model; -1 otherwise. The second stage reads the transliteration likelihood of these queries
    /// alone: a name of several words has its words' agreement as evidence, and read for those
    /// too (in a first version, the likelihood without the ratio to the word's own characters),
    /// it measured how far their romanization was from the conventions the models were fitted on
    /// (the Afghan names of unsc-2025 against the Arabic model, fitted mostly on netranslit-ar):
    /// unsc-2025 persons' recall at 0.5 fell from 93.5 to 74.0 %.
    /// </summary>
    private static int SingleModelWord(PreparedName query)
    {
        if (query.Name.NameTokenCount != 1 || query.Name.IsAcronym)
        {
            return -1;
        }

        NameToken[] tokens = query.Name.Tokens;
        int word = Array.FindIndex(tokens, t => t.Role == TokenRole.Name);
        return TransliterationModel.For(tokens[word].Forms.Script) is not null ? word : -1;
    }

    /// <summary>
    /// Whether a name word of the query is written in a script with a transliteration model. An
    /// acronym (КГБ) is read letter by letter, not spelled as a name is: the models do not weigh it.
    /// </summary>
    private static bool HasSpellingModel(PreparedName query)
    {
        if (query.Name.IsAcronym)
        {
            return false;
        }

        foreach (NameToken t in query.Name.Tokens)
        {
            if (t.Role == TokenRole.Name && TransliterationModel.For(t.Forms.Script) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// log P(the query's words | the alias's Latin words): for each query word (not an initial)
    /// that has a transliteration model, the likeliest of the alias's Latin words that it met in scoring (at
    /// the conflict floor or above), or the model's floor for a word written from no letter when
    /// it met none; NaN when the alias has no Latin word (it was matched in the query's own script).
    /// A Latin word that is a query word's spelling by a system of its script (<paramref
    /// name="systems"/>: Deng for Дэн by Palladius, Chiki for Тики by Polivanov) is its source as a
    /// mixture: by the system (<see cref="PalladiusShare"/>, <see cref="PolivanovShare"/>) or as
    /// the model reads it. The model, fitted on Russian spellings of mostly other names, finds Den
    /// and Ticky likelier (Russian writes an English Deng Денг), and so took Den for Дэн.
    /// </summary>
    private static double SpellingLikelihood(PreparedName query, AliasRecord alias, List<TransliterationModel.Reader> readers, (string? Pinyin, string? Hepburn)[]? systems = null)
    {
        NameToken[] tokens = query.Name.Tokens;
        NameToken[] candidate = alias.Name.Tokens;
        bool latin = false;
        foreach (NameToken c in candidate)
        {
            latin |= c.Forms.Script == Script.Latin && !c.IsInitial;
        }

        if (!latin)
        {
            return double.NaN;
        }

        double sum = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            // An initial (Э., Дж.) is no spelling of the word it stands for: the model would weigh
            // Э as a transliteration of Andrew against one of Edward. Nor is a designator of places
            // a spelling of the one it meets (ضلع, District): the model would prefer Valley.
            NameToken q = tokens[i];
            if (q.Role != TokenRole.Name || q.IsInitial || q.Forms.IsPlaceDesignator || TransliterationModel.For(q.Forms.Script) is not { } model)
            {
                continue;
            }

            TransliterationModel.Reader reader = ReaderOf(readers, model, q.Forms.Spelling);
            double likeliest = double.NegativeInfinity;
            (string? pinyin, string? hepburn) = systems is null ? default : systems[i];
            foreach (NameToken c in candidate)
            {
                double share = c.Forms.Script != Script.Latin ? 0
                    : string.Equals(c.Forms.Latin, pinyin, StringComparison.Ordinal) ? PalladiusShare
                    : string.Equals(c.Forms.Latin, hepburn, StringComparison.Ordinal) ? PolivanovShare
                    : 0;
                if (share > 0)
                {
                    likeliest = Math.Max(likeliest, Math.Log(share + ((1 - share) * Math.Exp(reader.LogLikelihood(Spelling(c))))));
                }
                else if (MetLatinWord(query, i, c))
                {
                    likeliest = Math.Max(likeliest, reader.LogLikelihood(Spelling(c)));
                }
            }

            // A word that met none is charged the floor for each character the model reads in it.
            sum += double.IsNegativeInfinity(likeliest) ? TransliterationModel.Unwritten(reader.Length) : likeliest;
        }

        return sum;
    }

    /// <summary>
    /// Each word's spelling (of the query's primary reading) by the Palladius system, from the
    /// pinyin reading when it changed the word, and by Polivanov's (<see cref="Polivanov.Hepburn"/>);
    /// null when no word has either.
    /// </summary>
    private static (string? Pinyin, string? Hepburn)[]? SystemSpellings(PreparedName[] readings)
    {
        NameToken[] tokens = readings[0].Name.Tokens;
        NameToken[]? pinyin = Array.Find(readings, r => r.Kind == ReadingKind.Pinyin)?.Name.Tokens;
        (string? Pinyin, string? Hepburn)[]? systems = null;
        for (int i = 0; i < tokens.Length; i++)
        {
            NameToken q = tokens[i];
            string? p = pinyin is not null && !ReferenceEquals(pinyin[i], q) ? pinyin[i].Forms.Latin : null;
            string? h = q.Role == TokenRole.Name && q.Forms.Script == Script.Cyrillic ? Polivanov.Hepburn(q.Forms.Normalized) : null;
            if (p is not null || h is not null)
            {
                (systems ??= new (string?, string?)[tokens.Length])[i] = (p, h);
            }
        }

        return systems;
    }

    /// <summary>
    /// <see cref="SpellingLikelihood"/> of a candidate matched through the reading that keeps the
    /// query word's article (<paramref name="article"/>, one word), made comparable with the
    /// candidates matched through the reading without it (<paramref name="primary"/>): when the
    /// Latin word that met it writes the article joined (Albadran, Elmaghrabi; see
    /// <see cref="JoinedArticleLength"/>), the likelihood of the word without its article given the
    /// Latin word without it, plus <see cref="JoinedArticleLogRatio"/> when the query's article has
    /// no proclitic before it. The likelihoods of strings of different lengths are not comparable:
    /// البدران has two letters more to explain against Albadran than بدران against Badran, and
    /// lost to Badran by them. Otherwise (a foreign name read whole, as Alaska), the likelihood of
    /// the whole word.
    /// </summary>
    private static double ArticleSpellingLikelihood(PreparedName primary, PreparedName article, AliasRecord alias, List<TransliterationModel.Reader> readers)
    {
        // The article reading exists only for a query of one word (NameAnalyzer.ArticleReading).
        NameToken q = primary.Name.Tokens[0];
        TransliterationModel model = TransliterationModel.For(q.Forms.Script)!;

        // The article alone, not a proclitic before it (بالغنيم: Balghunaim, not Alghanem).
        bool alone = ArticleAlone(article);
        double explained = alone ? JoinedArticleLogRatio : 0;
        TransliterationModel.Reader? reader = null;
        double likeliest = double.NegativeInfinity;
        foreach (NameToken c in alias.Name.Tokens)
        {
            string latin = Spelling(c);
            int joined = JoinedArticleLength(latin, maghrebi: alone);
            if (joined > 0 && MetLatinWord(article, 0, c))
            {
                reader ??= ReaderOf(readers, model, q.Forms.Spelling);
                likeliest = Math.Max(likeliest, reader.LogLikelihood(latin[joined..]) + explained);
            }
        }

        return double.IsNegativeInfinity(likeliest) ? SpellingLikelihood(article, alias, readers) : likeliest;
    }

    /// <summary>
    /// The length of the article that a Latin word writes joined, 0 if none: al or el (Alomari,
    /// Elbaz), or, with <paramref name="maghrebi"/>, the l alone of Maghrebi spellings (Lahrichi
    /// الحريشي, Lazhar الأزهر, Laraki العراقي), before a word of at least three letters.
    /// </summary>
    private static int JoinedArticleLength(string latin, bool maghrebi)
    {
        if (latin.Length > 4 && (latin.StartsWith("al", StringComparison.Ordinal) || latin.StartsWith("el", StringComparison.Ordinal)))
        {
            return 2;
        }

        return maghrebi && latin.Length > 3 && latin[0] == 'l' && latin[1] != 'l' ? 1 : 0;
    }

    /// <summary>
    /// What the second stage weighs (<see cref="RivalCalibration.Spelling"/>): the transliteration
    /// log-likelihood of the query's one name word (<paramref name="word"/>) given the candidate's
    /// Latin words that met it, read as one word (وليجان and Wali Jan are compared letter for
    /// letter), less the word's log-probability under its characters' own frequencies
    /// (<see cref="TransliterationModel.NativeLogProbability"/>), per character. NaN when no Latin
    /// word met it.
    /// </summary>
    private static float SpellingPerCharacter(PreparedName query, int word, AliasRecord alias, List<TransliterationModel.Reader> readers)
    {
        NameToken q = query.Name.Tokens[word];
        string? latin = null;
        foreach (NameToken c in alias.Name.Tokens)
        {
            if (MetLatinWord(query, word, c))
            {
                latin = latin is null ? Spelling(c) : latin + Spelling(c);
            }
        }

        if (latin is null)
        {
            return float.NaN;
        }

        TransliterationModel.Reader reader = ReaderOf(readers, TransliterationModel.For(q.Forms.Script)!, q.Forms.Spelling);
        return (float)((reader.LogLikelihood(latin) - reader.NativeLogProbability) / reader.Length);
    }

    /// <summary>
    /// A Latin word as the transliteration models read it: its romanization, except where the
    /// romanization writes alike what the scripts tell apart:
    /// <list type="bullet">
    /// <item>A compound head joined to the word after it: Abdulkarim, Abdelkarim and Abdoulkarim
    /// are all abd-karim, so that they meet in scoring. The word is read as its letters are
    /// written (Abdul Karim: abdulkarim; Abdurahim: abdurahim, where the romanization lends the
    /// head's r to Rahim), so that Абдулкарим is likelier from Abdulkarim than from Abdelkarim.</item>
    /// <item>The dotless ı of Turkish names, which the romanization writes i: it is read y, as the
    /// romanization writes the Cyrillic ы that Russian writes for it (Arkın: arkyn, Аркын), so that
    /// Аркын is likelier from Arkın and Аркин from Arkin.</item>
    /// <item>The ç, which the romanization writes c: it is kept, a letter of its own to the models,
    /// which learn what each script writes for it (Kılıç: Кылыч, François: Франсуа).</item>
    /// <item>The umlauts ö (with ø and ő), ü (ű) and ä, which the romanization writes o, u and a:
    /// they are kept too. Russian writes them ё, ю and е or я where it writes о, у and а for the
    /// plain vowels (Бергстрём: Bergström rather than Bergstrom, Мюллер: Müller rather than
    /// Muller), and Arabic script often writes them as the plain vowels. So are å, ñ (Acuña: Акунья,
    /// أكونيا), é, è (Barnabé: Барнабе) and ł.</item>
    /// </list>
    /// </summary>
    internal static string Spelling(NameToken word)
    {
        bool joined = word.Forms.Latin.Contains('-', StringComparison.Ordinal);
        if (!joined && word.Forms.Normalized.AsSpan().IndexOfAny(SpelledApart) < 0)
        {
            return word.Forms.Latin;
        }

        string written = joined ? word.Text : word.Forms.Normalized;
        return Romanizer.LatinToAscii(written.Replace('ı', 'y'), keepMarked: true);
    }

    /// <summary>
    /// The letters <see cref="Spelling"/> spells otherwise than the romanization: the models'
    /// marked letters, those <see cref="Romanizer.LatinToAscii"/> keeps as one of them (ø, ő, ű),
    /// and the dotless ı.
    /// </summary>
    private static readonly SearchValues<char> SpelledApart = SearchValues.Create(TransliterationModel.MarkedLetters + "øőűı");

    /// <summary>Whether <paramref name="candidate"/> is a Latin word (not an initial) that met the query's word <paramref name="queryToken"/> in scoring (at the conflict floor or above).</summary>
    private static bool MetLatinWord(PreparedName query, int queryToken, NameToken candidate) =>
        candidate.Forms.Script == Script.Latin && !candidate.IsInitial && PairScorer.TokenSimilarity(query, queryToken, candidate) >= PairScorer.ConflictFloor;

    private static TransliterationModel.Reader ReaderOf(List<TransliterationModel.Reader> readers, TransliterationModel model, string native)
    {
        foreach (TransliterationModel.Reader r in readers)
        {
            // A normalized word is of one script, so it names its model too.
            if (string.Equals(r.Native, native, StringComparison.Ordinal))
            {
                return r;
            }
        }

        var reader = new TransliterationModel.Reader(model, native);
        readers.Add(reader);
        return reader;
    }

    /// <summary>
    /// The best other candidate that is not a namesake of candidate <paramref name="i"/> (matched
    /// through the very same words: three persons called Nasser are namesakes for the query
    /// "Nasser"; Abha and Aabha are rivals; one entity met through its Arabic alias ناصر and
    /// another through its only alias Nasser are namesakes too, by the words of their Latin
    /// aliases), and its pair score; -1 and 0 when there is none.
    /// The rival's pair score is taken before the spelling re-weighing: a rival that spells the
    /// query less likely ranks lower, but it is no less a sign that the query could name
    /// another entity (with the lowered score, absent entities' queries were answered more often).
    /// <paramref name="byPair"/> is in the order of those scores.
    /// </summary>
    private (int Rival, float Score) RivalOf(int i, List<RankedCandidate> byPair, string[]?[] words, PreparedName[] readings)
    {
        for (int j = 0; j < byPair.Count; j++)
        {
            if (j == i)
            {
                continue;
            }

            // A weak rival changes the score too little to be worth the namesake test.
            if (byPair[j].UnweighedPairScore < NegligibleRival)
            {
                return (byPair[j].Entity, byPair[j].UnweighedPairScore);
            }

            string[] mine = words[i] ??= MatchedWords(byPair[i], readings, latin: false);
            string[] theirs = words[j] ??= MatchedWords(byPair[j], readings, latin: false);
            if (mine.Length == 0 || !(mine.AsSpan().SequenceEqual(theirs) || SameInLatin(i, j)))
            {
                return (byPair[j].Entity, byPair[j].UnweighedPairScore);
            }
        }

        return (-1, 0f);

        // Met through aliases of two scripts (or two non-Latin ones), the two may still be
        // namesakes by the words of their Latin aliases.
        bool SameInLatin(int a, int b)
        {
            if (IsLatin(Registry.Aliases[byPair[a].Alias]) && IsLatin(Registry.Aliases[byPair[b].Alias]))
            {
                return false;
            }

            string[] x = LatinWords(a);
            return x.Length > 0 && x.AsSpan().SequenceEqual(LatinWords(b));
        }

        // A Latin alias's words are its own (already in words[k]); another's, those of the entity's best Latin alias.
        string[] LatinWords(int k) => IsLatin(Registry.Aliases[byPair[k].Alias])
            ? words[k]!
            : words[byPair.Count + k] ??= MatchedWords(byPair[k], readings, latin: true);
    }

    /// <summary>
    /// The normalized words of the candidate's alias that met a query word, sorted. With
    /// <paramref name="latin"/>, those of the entity's Latin alias that the query meets best
    /// instead (the alias's own when the entity has none).
    /// </summary>
    private string[] MatchedWords(RankedCandidate c, PreparedName[] readings, bool latin)
    {
        var steps = new List<AlignmentStep>();
        PreparedName query = readings[c.Reading];
        bool person = Registry.IsPersonAt(c.Entity);
        ulong ranks = Registry.RankClassesAt(c.Entity);
        AliasRecord alias = Registry.Aliases[c.Alias];
        if (latin)
        {
            alias = BestLatinAlias(c, query, person, ranks) ?? alias;
        }

        PairScorer.Compute(query, alias, person, ranks, steps);
        return [.. steps.Where(s => s.Kind == AlignmentKind.Match && s.CandidateToken >= 0).Select(s => alias.Name.Tokens[s.CandidateToken].Forms.Normalized).Order(StringComparer.Ordinal)];
    }

    private static bool IsLatin(AliasRecord alias) => Array.TrueForAll(alias.Name.Tokens, t => t.Forms.Script == Script.Latin);

    /// <summary>The candidate's entity's Latin alias with the best pair score against the query (the first of equal ones); null when it has none.</summary>
    private AliasRecord? BestLatinAlias(RankedCandidate c, PreparedName query, bool person, ulong ranks)
    {
        // An entity's aliases are contiguous in the registry.
        AliasRecord[] aliases = Registry.Aliases;
        int first = c.Alias;
        while (first > 0 && aliases[first - 1].EntityIndex == c.Entity)
        {
            first--;
        }

        AliasRecord? best = null;
        float bestScore = float.NegativeInfinity;
        for (int a = first; a < aliases.Length && aliases[a].EntityIndex == c.Entity; a++)
        {
            if (!IsLatin(aliases[a]))
            {
                continue;
            }

            float logit = _model.Logit(PairScorer.Compute(query, aliases[a], person, ranks));
            if (logit > bestScore)
            {
                (best, bestScore) = (aliases[a], logit);
            }
        }

        return best;
    }

    /// <param name="query">The reading to score.</param>
    /// <param name="reading">Its index among the query's readings.</param>
    /// <param name="candidates">The candidates to score it against.</param>
    /// <param name="options">The caller's options.</param>
    /// <param name="best">Each entity's best score, alias and reading so far.</param>
    /// <param name="titleWords">
    /// For the literal reading, its tokens that are title words (bit i: token i); a candidate
    /// that none of them meets is skipped: the literal reading would score it as the reading
    /// without titles did, with words left over.
    /// </param>
    private void Score(PreparedName query, int reading, ReadOnlySpan<Candidate> candidates, ResolveOptions options, Dictionary<int, (float Score, int Alias, int Reading)> best, ulong titleWords = 0)
    {
        t_sink = Warm(candidates);
        foreach (Candidate candidate in candidates)
        {
            int aliasIndex = candidate.Alias;
            AliasRecord alias = Registry.Aliases[aliasIndex];
            if (options.EntityType is not null && !string.Equals(Registry.EntityAt(alias.EntityIndex).Type, options.EntityType, StringComparison.Ordinal))
            {
                continue;
            }

            if (titleWords != 0 && !MeetsAny(query, titleWords, alias))
            {
                continue;
            }

            bool person = Registry.IsPersonAt(alias.EntityIndex);
            PairFeatures f = PairScorer.Compute(query, alias, person, Registry.RankClassesAt(alias.EntityIndex));
            if (query.IsLiteral && !person && f.UnmatchedCandidate > LiteralOrganizationSlack)
            {
                // Title words read as name words name an organization only when they complete its
                // name: an office held by a person ("the Governor") is not the office's
                // organization ("Office of the Governor").
                continue;
            }

            float score = _model.Score(f);
            if (Registry.IsWeakAlias(aliasIndex))
            {
                score *= WeakAliasShare;
            }

            if (!best.TryGetValue(alias.EntityIndex, out var current) || score > current.Score)
            {
                best[alias.EntityIndex] = (score, aliasIndex, reading);
            }
        }
    }

    /// <summary>The tokens of <paramref name="literal"/> that <paramref name="primary"/> lacks (the title words read as name words), as bits.</summary>
    private static ulong TitleWords(PreparedName literal, PreparedName primary)
    {
        ulong bits = 0;
        NameToken[] tokens = literal.Name.Tokens;
        for (int i = 0; i < Math.Min(tokens.Length, 64); i++)
        {
            if (!primary.Name.Tokens.Any(t => string.Equals(t.Forms.Normalized, tokens[i].Forms.Normalized, StringComparison.Ordinal)))
            {
                bits |= 1UL << i;
            }
        }

        return bits;
    }

    /// <summary>Whether one of the query's tokens in <paramref name="tokens"/> (bits) meets a word of the alias at the conflict floor or above.</summary>
    private static bool MeetsAny(PreparedName query, ulong tokens, AliasRecord alias)
    {
        for (ulong rest = tokens; rest != 0; rest &= rest - 1)
        {
            int i = System.Numerics.BitOperations.TrailingZeroCount(rest);
            foreach (NameToken c in alias.Name.Tokens)
            {
                if (PairScorer.TokenSimilarity(query, i, c) >= PairScorer.ConflictFloor)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Reads what scoring will read of every candidate (alias record, tokens, token forms), one
    /// level at a time over all candidates. In a large registry each candidate's data is a chain
    /// of cache misses; scored one by one they come one after another, but the loads of one
    /// level are independent across candidates, so here the CPU overlaps them.
    /// </summary>
    private int Warm(ReadOnlySpan<Candidate> candidates)
    {
        AliasRecord[] aliases = Registry.Aliases;
        int sink = 0;
        foreach (Candidate c in candidates)
        {
            sink += aliases[c.Alias].EntityIndex;
        }

        foreach (Candidate c in candidates)
        {
            AliasRecord alias = aliases[c.Alias];
            sink += alias.Name.Tokens.Length + alias.Weights.Length + (int)Registry.RankClassesAt(alias.EntityIndex);
        }

        foreach (Candidate c in candidates)
        {
            foreach (NameToken t in aliases[c.Alias].Name.Tokens)
            {
                sink += (int)t.Forms.Script;
            }
        }

        foreach (Candidate c in candidates)
        {
            foreach (NameToken t in aliases[c.Alias].Name.Tokens)
            {
                TokenForms f = t.Forms;
                sink += f.Normalized.Length + f.Phonetic.Length + f.Latin.Length;
            }
        }

        return sink;
    }

    /// <summary>Resolves many names, in order; the result has one list per name.</summary>
    /// <exception cref="ArgumentException">A name is empty or white space.</exception>
    public IReadOnlyList<IReadOnlyList<EntityMatch>> ResolveMany(IEnumerable<string> names, ResolveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        return [.. names.Select(n => Resolve(n, options))];
    }

    /// <summary>
    /// The candidate aliases of a query's first reading (best first), as an array: for tests and
    /// benchmarks that measure the index's recall.
    /// </summary>
    internal int[] CandidateAliases(string name)
    {
        PreparedName[] readings = PreparedName.Readings(_analyzer, name, Registry.Statistics);
        if (readings.Length == 0)
        {
            return [];
        }

        ReadOnlySpan<Candidate> candidates = Candidates(readings[0]);
        var aliases = new int[candidates.Length];
        for (int i = 0; i < aliases.Length; i++)
        {
            aliases[i] = candidates[i].Alias;
        }

        return aliases;
    }

    /// <summary>
    /// The candidate aliases of one reading: the query's blocking keys, rarest first, each alias
    /// weighted by the rare words it shares with the query; the best few go to full scoring (see
    /// <see cref="CandidateSearch"/>). The span is pooled per thread: valid until the next query.
    /// </summary>
    private ReadOnlySpan<Candidate> Candidates(PreparedName reading) => CandidateSearch.Find(Registry.Index, new ReadOnlySpan<PreparedName>(in reading));

    private MatchExplanation Explain(PreparedName query, AliasRecord alias, Entity entity, RankedCandidate ranked, bool droppedProclitic)
    {
        var steps = new List<AlignmentStep>();
        PairFeatures f = PairScorer.Compute(query, alias, entity.IsPerson, Registry.RankClassesAt(alias.EntityIndex), steps);
        var tokens = new List<TokenAlignment>();
        var conflicts = new List<string>();
        int matched = 0;
        foreach (AlignmentStep s in steps)
        {
            NameToken? q = s.QueryToken >= 0 ? query.Name.Tokens[s.QueryToken] : null;
            var outcome = (TokenOutcome)s.Kind;
            // A query word paired with no word of the name: the acronym, or the acronym said as a
            // word (SaidAcronym); a query word left unpaired (QueryOnly) has no candidate side.
            bool paired = s.CandidateToken >= 0 || outcome != TokenOutcome.QueryOnly;
            NameToken? c = s.CandidateToken >= 0 ? alias.Name.Tokens[s.CandidateToken] : !paired || f.Acronym > 0 ? null : alias.SaidAcronym?.Name.Tokens[0];
            double weight = s.QueryToken >= 0 ? query.Weights[s.QueryToken] : alias.Weights[s.CandidateToken];
            tokens.Add(new TokenAlignment(q?.Text, c?.Text ?? (paired && f.Acronym > 0 ? alias.Acronym : null), Math.Round(s.Similarity, 3), outcome, Math.Round(weight, 3), q?.Forms.Latin, c?.Forms.Latin));
            if (outcome == TokenOutcome.Match)
            {
                matched++;
            }
            else if (outcome == TokenOutcome.Conflict)
            {
                conflicts.Add($"{q!.Text} / {c!.Text}");
            }
        }

        ReadOnlySpan<float> values = f.AsSpan();
        var features = new List<FeatureContribution>(values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            features.Add(new FeatureContribution(PairFeatures.Names[i], Math.Round(values[i], 4), _model.Weights[i], Math.Round(values[i] * _model.Weights[i], 4)));
        }

        string summary = string.Create(CultureInfo.InvariantCulture, $"{matched} of {query.Name.Tokens.Length} query token(s) matched \"{entity.Names[alias.NameIndex].Text}\"");
        if (conflicts.Count > 0)
        {
            summary += "; conflicting name: " + string.Join(", ", conflicts);
        }

        if (f.FirstNameMismatch > 0)
        {
            summary += "; given names differ";
        }

        if (f.Acronym > 0)
        {
            summary += "; acronym";
        }

        if (f.TitleMatch > 0)
        {
            summary += "; title agrees";
        }
        else if (f.TitleConflict > 0)
        {
            summary += "; title conflicts";
        }

        if (Registry.IsWeakAlias(ranked.Alias))
        {
            summary += string.Create(CultureInfo.InvariantCulture, $"; a weak alias (score × {WeakAliasShare:0.##})");
        }

        if (droppedProclitic)
        {
            summary += string.Create(CultureInfo.InvariantCulture, $"; read without its first letters as a proclitic and the article, which names seldom begin with (-{DroppedProcliticCost:0.##})");
        }

        if (ranked.Spelling < 0)
        {
            summary += string.Create(CultureInfo.InvariantCulture, $"; another candidate's Latin spelling is a likelier source of the query ({ranked.Spelling:0.###})");
        }

        if (_model.Rival is { WeighsSpelling: true } && !float.IsNaN(ranked.Transliteration))
        {
            summary += string.Create(CultureInfo.InvariantCulture, $"; its Latin spelling makes the query word {ranked.Transliteration:0.##} nats per character likelier than the word's letters alone");
        }

        string? rivalId = ranked.Rival >= 0 ? Registry.EntityAt(ranked.Rival).Id : null;
        if (_model.Rival is not null)
        {
            summary += rivalId is null
                ? string.Create(CultureInfo.InvariantCulture, $"; no rival candidate (pair score {ranked.PairScore:0.###})")
                : string.Create(CultureInfo.InvariantCulture, $"; best rival {rivalId} at {ranked.RivalScore:0.###} (pair score {ranked.PairScore:0.###})");
        }

        return new MatchExplanation(_model.Name, query.Name.Titles, tokens, features, _model.Bias, summary, Math.Round(ranked.PairScore, 4), _model.Rival is null ? null : rivalId, _model.Rival is null ? null : Math.Round(ranked.RivalScore, 4), Math.Round(ranked.Spelling, 4));
    }
}

/// <summary>A ranked candidate: entity and alias indexes, pair score, best rival (-1: none) and its pair score, final score.</summary>
internal readonly record struct RankedCandidate(int Entity, float PairScore, float RivalScore, float Score, int Alias, int Reading, int Rival = -1)
{
    /// <summary>What <see cref="NameResolver"/>'s spelling re-weighing took off the pair score (0 or negative).</summary>
    public float Spelling { get; init; }

    /// <summary>The pair score before the spelling re-weighing.</summary>
    public float UnweighedPairScore => PairScore - Spelling;

    /// <summary>
    /// The transliteration log-likelihood ratio per character that the second stage reads
    /// (<see cref="RivalCalibration.Spelling"/>); NaN when unknown or not computed (it is, for the
    /// ranked candidates of a one-word query naming a person, when the stage reads it or rivals
    /// were asked for).
    /// </summary>
    public float Transliteration { get; init; } = float.NaN;
}
