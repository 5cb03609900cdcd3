using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace EntityResolver.Text;

/// <summary>
/// A learned model of how one script writes Latin-spelled names: the probability of a native
/// word given its Latin spelling, P(native | latin), as a stochastic transducer. Each Latin
/// letter, seen with the letters before and after it, writes nothing, one native character or
/// two; the probabilities of these outputs are fitted with expectation maximization over pairs
/// of spellings (Ristad and Yianilos, "Learning string-edit distance", 1998, in its conditional
/// form) and interpolated from the letter with its neighbours down to the letter alone
/// (Witten-Bell).
/// </summary>
/// <remarks>
/// It tells apart Latin spellings that the phonetic similarity finds about equally near a native
/// word: ألبرشت is Albrecht rather than Albret (ش writes the ch), بسلر Besler rather than Basler.
/// Its log-likelihoods compare the candidates of one native word; they are not similarities.
/// Immutable once built; safe for concurrent readers.
/// </remarks>
internal sealed class TransliterationModel
{
    /// <summary>The first line of a model file.</summary>
    public const string Header = "# entity-resolver transliteration model v2";

    // a..z; 26..34 the marked letters NameResolver.Spelling keeps (MarkedLetters, one each, so
    // Other is 26 plus their number: a test holds them in step); 35 any other character; 36 the word's edge.
    private const int Letters = 37;
    internal const int Other = 35;
    private const int Edge = 36;

    /// <summary>The marked letters that are letters of their own to the model (26, 27, …).</summary>
    internal const string MarkedLetters = "çöüäåñéèł";

    /// <summary>The unmarked letter each of <see cref="MarkedLetters"/> starts its probabilities from (<see cref="Reader.OutputsOf"/>): the letter without its mark.</summary>
    private static readonly string UnmarkedLetters = Romanizer.LatinToAscii(MarkedLetters);
    private const double SingleFloor = 1e-4;

    // A pair's floor is a hundredth of a single's squared: at the start, writing two characters
    // from one letter (and nothing from the next) is less likely than one from each, so that the
    // fit learns pairs only where the data needs them (x: кс). With an even start it settled on
    // alignments where a consonant writes nothing and the next vowel its sound, which do not
    // generalize (in a toy fit, ч was not learned for ch).
    private const double PairFloor = SingleFloor * SingleFloor / 100;

    /// <summary>Expected counts under this are dropped after each round (noise of the first rounds).</summary>
    private const double MinCount = 0.1;

    /// <summary>The output code of writing nothing.</summary>
    private const long Nothing = 0;

    private static readonly Lazy<TransliterationModel?>[] EmbeddedModels =
    [
        .. Enum.GetValues<Script>().Select(s => new Lazy<TransliterationModel?>(() => LoadEmbedded(s))),
    ];

    // Per level, indexed by context (null where a context was never seen): level 0 = the letter,
    // 1 = the letter and the next, 2 = the previous letter, the letter and the next; level 3
    // (FullLevel), also the letter before the previous one, in a model of four context letters.
    // _full holds the counts of the model's own contexts (sparse, keyed by Reduce(context,
    // ContextLetters - 1)); the levels below are its sums (Summarize).
    private readonly Dist?[][] _levels = [new Dist?[Letters], new Dist?[Letters * Letters], new Dist?[Letters * Letters * Letters]];
    private readonly Dictionary<int, Dist> _full = [];

    /// <summary>The level of the widest context: the two letters before the letter, the letter and the next.</summary>
    private const int FullLevel = 3;

    /// <summary>How many letters a context has: 3 (the letter with its neighbours) or 4 (and the letter before the previous one).</summary>
    internal int ContextLetters { get; }

    // How often each native character was written, in expected counts, and their total (Summarize):
    // the character frequencies of NativeLogProbability.
    private readonly Dictionary<char, double> _written = [];
    private double _writtenTotal;

    private TransliterationModel(int contextLetters)
    {
        ContextLetters = contextLetters is 3 or 4 ? contextLetters : throw new ArgumentOutOfRangeException(nameof(contextLetters), contextLetters, "A context has 3 or 4 letters.");
    }

    private sealed class Dist
    {
        public double Total;
        public readonly Dictionary<long, double> Outputs = [];

        public void Add(long output, double count)
        {
            Total += count;
            Outputs[output] = Outputs.TryGetValue(output, out double n) ? n + count : count;
        }
    }

    /// <summary>The model embedded for names written in <paramref name="script"/>, or null when there is none.</summary>
    public static TransliterationModel? For(Script script) => EmbeddedModels[(int)script].Value;

    private static TransliterationModel? LoadEmbedded(Script script)
    {
        string? file = script switch
        {
            Script.Arabic => "arabic",
            Script.Cyrillic => "cyrillic",
            Script.Devanagari => "devanagari",
            _ => null,
        };
        if (file is null)
        {
            return null;
        }

        string path = $"model/translit-{file}.tsv.gz";
        using var reader = new StreamReader(new GZipStream(ResourceData.Open(path), CompressionMode.Decompress), Encoding.UTF8);
        return Load(reader, path);
    }

    private static long Single(char x) => 1 + (long)x;

    private static long Pair(char x, char y) => 0x20000 + ((long)x << 16) + y;

    private static int LetterOf(char c)
    {
        if (c is >= 'a' and <= 'z')
        {
            return c - 'a';
        }

        int marked = MarkedLetters.IndexOf(c, StringComparison.Ordinal);
        return marked >= 0 ? 26 + marked : Other;
    }

    /// <summary>The full context (the letter before the previous one, the previous letter, the letter, the next letter) of <paramref name="latin"/>[<paramref name="i"/>].</summary>
    private static int Context(string latin, int i)
    {
        int before = i > 1 ? LetterOf(latin[i - 2]) : Edge;
        int prev = i > 0 ? LetterOf(latin[i - 1]) : Edge;
        int next = i + 1 < latin.Length ? LetterOf(latin[i + 1]) : Edge;
        return Context(before, prev, LetterOf(latin[i]), next);
    }

    /// <summary>The full context of four letters (numbers of <see cref="LetterOf"/>, or <see cref="Edge"/>).</summary>
    private static int Context(int before, int prev, int letter, int next) => (((((before * Letters) + prev) * Letters) + letter) * Letters) + next;

    private static int Reduce(int context, int level) => level switch
    {
        0 => (context / Letters) % Letters,
        1 => context % (Letters * Letters),
        2 => context % (Letters * Letters * Letters),
        _ => context,
    };

    /// <summary>The counts of a context at <paramref name="level"/> (<see cref="Reduce"/>d), or null when it was never seen.</summary>
    private Dist? At(int level, int context) =>
        level < FullLevel ? _levels[level][Reduce(context, level)] : ContextLetters > FullLevel ? _full.GetValueOrDefault(context) : null;

    /// <summary>The log-probability floor of a native word of <paramref name="length"/> characters that no Latin letter wrote.</summary>
    public static double Unwritten(int length) => length * Math.Log(SingleFloor);

    /// <summary>log P(<paramref name="native"/> | <paramref name="latin"/>); −∞ when either is empty.</summary>
    public double LogLikelihood(string native, string latin) => new Reader(this, native).LogLikelihood(latin);

    /// <summary>
    /// Scores Latin spellings against one native word, remembering the probabilities of each
    /// Latin context it meets (the candidates of one query share most of them). Not thread-safe.
    /// </summary>
    internal sealed class Reader
    {
        private readonly TransliterationModel _model;
        private readonly string _native;
        private readonly string _symbols;
        private readonly Dictionary<int, double[]> _byContext = [];
        private readonly int _levels;
        private long[]? _codes;
        private double[]?[]? _byLetter;
        private double[]?[]? _finer;
        private double? _nativeLogProbability;

        /// <param name="model">The model.</param>
        /// <param name="native">The native word.</param>
        /// <param name="levels">How many levels of context <see cref="OutputsOf"/> reads: by default all the model has (its <see cref="ContextLetters"/>), 1 (the letter alone) in the first rounds of a fit.</param>
        public Reader(TransliterationModel model, string native, int levels = 0)
        {
            _model = model;
            _native = native;
            _symbols = Compose(native);
            _levels = levels > 0 ? levels : model.ContextLetters;
        }

        public string Native => _native;

        /// <summary>How many characters the model reads in the native word (see <see cref="Compose"/>).</summary>
        public int Length => _symbols.Length;

        /// <summary>The native word's <see cref="TransliterationModel.NativeLogProbability"/>, computed once per reader (the query's word is the same for every candidate).</summary>
        public double NativeLogProbability => _nativeLogProbability ??= _model.NativeLogProbability(_symbols);

        /// <summary>
        /// The probabilities of the outputs a letter in <paramref name="context"/> can write here:
        /// [0] nothing, [1 + j] the native character j, [1 + n + j] the characters j and j + 1.
        /// </summary>
        /// <remarks>
        /// Each probability is interpolated from the letter with its neighbours down to the letter
        /// alone (Witten-Bell: a level's counts, plus its number of distinct outputs times the
        /// coarser level's probability, over its total plus that number), down to a floor; a marked
        /// letter (ö) down to its plain letter alone (o), then the floor. Levels 1
        /// and 2 are parts of level 0's counts, so an output the letter alone never wrote is unseen
        /// at the finer levels too: the letter's counts are looked up once per letter, and the
        /// finer levels' only for the outputs the letter was seen to write (a few of the 2n + 1).
        /// </remarks>
        public double[] OutputsOf(int context)
        {
            if (_byContext.TryGetValue(context, out double[]? p))
            {
                return p;
            }

            _codes ??= Codes(_symbols);
            int k = _codes.Length;
            p = new double[k];
            for (int o = 0; o < k; o++)
            {
                p[o] = _codes[o] < 0x20000 ? SingleFloor : PairFloor;
            }

            // A marked letter starts from its unmarked letter alone (ö from o), as the levels below
            // start from the floor: where its own counts are few (the ö of Arabic-script pairs), it
            // writes mostly what the unmarked letter writes; where they are many (Cyrillic), its own.
            int letter = Reduce(context, 0);
            if (letter is >= 26 and < Other && _model._levels[0][UnmarkedLetters[letter - 26] - 'a'] is { } plain)
            {
                Interpolate(p, LetterCounts(UnmarkedLetters[letter - 26] - 'a', plain), plain);
            }

            double[]? counts = null;
            for (int level = 0; level < _levels; level++)
            {
                if (_model.At(level, context) is not { } d)
                {
                    break;
                }

                if (level == 0)
                {
                    counts = LetterCounts(Reduce(context, 0), d);
                }
                else
                {
                    // Finer counts, only where the coarser level saw the output.
                    _finer ??= new double[FullLevel + 1][];
                    double[] finer = _finer[level] ??= new double[k];
                    for (int o = 0; o < k; o++)
                    {
                        finer[o] = counts![o] > 0 && d.Outputs.TryGetValue(_codes[o], out double n) ? n : 0;
                    }

                    counts = finer;
                }

                Interpolate(p, counts!, d);
            }

            _byContext[context] = p;
            return p;
        }

        /// <summary>One level of Witten-Bell: <paramref name="p"/>, the coarser level's probabilities, becomes this level's (counts plus the number of distinct outputs times the coarser probability, over the total plus that number).</summary>
        private static void Interpolate(double[] p, double[] counts, Dist d)
        {
            double types = d.Outputs.Count, denominator = d.Total + types;
            for (int o = 0; o < p.Length; o++)
            {
                p[o] = (counts[o] + (types * p[o])) / denominator;
            }
        }

        /// <summary>The output codes in the order of <see cref="OutputsOf"/>.</summary>
        private static long[] Codes(string native)
        {
            int n = native.Length;
            long[] codes = new long[1 + n + Math.Max(0, n - 1)];
            codes[0] = Nothing;
            for (int j = 0; j < n; j++)
            {
                codes[1 + j] = Single(native[j]);
                if (j + 1 < n)
                {
                    codes[1 + n + j] = Pair(native[j], native[j + 1]);
                }
            }

            return codes;
        }

        /// <summary>The counts of every output for a letter alone, looked up once per letter.</summary>
        private double[] LetterCounts(int letter, Dist d)
        {
            _byLetter ??= new double[Letters][];
            if (_byLetter[letter] is { } known)
            {
                return known;
            }

            double[] counts = new double[_codes!.Length];
            for (int o = 0; o < counts.Length; o++)
            {
                d.Outputs.TryGetValue(_codes[o], out counts[o]);
            }

            return _byLetter[letter] = counts;
        }

        public double LogLikelihood(string latin)
        {
            int n = _symbols.Length;
            if (n == 0 || latin.Length == 0)
            {
                return double.NegativeInfinity;
            }

            Span<double> row = n < 64 ? stackalloc double[n + 1] : new double[n + 1];
            Span<double> next = n < 64 ? stackalloc double[n + 1] : new double[n + 1];
            row.Clear();
            row[0] = 1;
            for (int i = 0; i < latin.Length; i++)
            {
                next.Clear();
                Forward(row, next, OutputsOf(Context(latin, i)), n);

                Span<double> t = row;
                row = next;
                next = t;
            }

            return Math.Log(row[n]);
        }
    }

    /// <summary>
    /// One step of the forward pass: adds to <paramref name="to"/> (the probabilities of having
    /// written each prefix of the native word after one more Latin letter) what each prefix in
    /// <paramref name="from"/> becomes when the letter writes nothing, one character or two
    /// (<paramref name="p"/>, as <see cref="Reader.OutputsOf"/> orders them).
    /// </summary>
    private static void Forward(ReadOnlySpan<double> from, Span<double> to, double[] p, int n)
    {
        for (int j = 0; j <= n; j++)
        {
            double a = from[j];
            if (a == 0)
            {
                continue;
            }

            to[j] += a * p[0];
            if (j < n)
            {
                to[j + 1] += a * p[1 + j];
            }

            if (j + 1 < n)
            {
                to[j + 2] += a * p[1 + n + j];
            }
        }
    }

    /// <summary>
    /// The native word as the model reads it:
    /// <list type="bullet">
    /// <item>A Devanagari consonant with a nukta (ज़, ग़, फ़) as the one character Unicode has for
    /// it, which normalization splits in two (NFC leaves these composed characters out). Split,
    /// the nukta was a character that some letter had to write: the fit gave it to the letters
    /// around the consonant, and the z of Gaza or Zaidi was unlikely for ज़ (ज़ा was likelier from
    /// ja than from za).</item>
    /// <item>The letters that Persian and Urdu add to Arabic script for p, ch, zh and g (پ چ ژ گ)
    /// as what Arabic writes for those sounds (ب, تش, ج, غ). The Arabic-script model is fitted
    /// mostly on Arabic names, where these letters are rare (چ about 30 expected counts in all,
    /// against thousands for ش), and it had spread them over whatever letters stood near them:
    /// چانگشا was likelier from Jiangxi than from Changsha. The do-chashmi heh (ھ) of Urdu
    /// aspirates is kept: the fit learned it well enough (folded to ه, wikidata-hi-ur lost two
    /// development queries).</item>
    /// </list>
    /// </summary>
    internal static string Compose(string native)
    {
        if (native.AsSpan().IndexOfAny(PersianLetters) >= 0)
        {
            var folded = new StringBuilder(native.Length + 2);
            foreach (char c in native)
            {
                switch (c)
                {
                    case '\u067E': folded.Append('\u0628'); break; // پ: ب
                    case '\u0686': folded.Append("\u062A\u0634"); break; // چ: تش
                    case '\u0698': folded.Append('\u062C'); break; // ژ: ج
                    case '\u06AF': folded.Append('\u063A'); break; // گ: غ
                    default: folded.Append(c); break;
                }
            }

            return folded.ToString();
        }

        if (!native.Contains('\u093C', StringComparison.Ordinal))
        {
            return native;
        }

        var sb = new StringBuilder(native.Length);
        foreach (char c in native)
        {
            if (c == '\u093C' && sb.Length > 0 && NuktaLetters.TryGetValue(sb[^1], out char composed))
            {
                sb[^1] = composed;
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>The Persian and Urdu letters <see cref="Compose"/> reads as Arabic ones: پ چ ژ گ.</summary>
    private static readonly SearchValues<char> PersianLetters = SearchValues.Create("\u067E\u0686\u0698\u06AF");

    /// <summary>The Devanagari letters with a nukta that normalization splits (U+0958–U+095F: क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़), by the consonant they split into.</summary>
    private static readonly Dictionary<char, char> NuktaLetters = Enumerable.Range('\u0958', 8).ToDictionary(c => ((char)c).ToString().Normalize(NormalizationForm.FormD)[0], c => (char)c);

    /// <summary>
    /// Fits a model on pairs of a native spelling and a Latin one (as the analyzer forms them: the
    /// normalized native word, the lower-case ASCII Latin word) with expectation maximization:
    /// first <paramref name="letterRounds"/> rounds in which each letter's outputs are those of the
    /// letter alone, then <paramref name="rounds"/> rounds with its neighbours. Pairs with an
    /// empty side are skipped.
    /// </summary>
    /// <remarks>
    /// Fitted with its neighbours from the first round, a letter could learn to write its
    /// neighbour's character as well as its own: in Arabic script b came to write بي, با or بو
    /// (with the vowel after it) about as often as ب alone, and the vowel nothing. Such an
    /// alignment explains the training pairs as well, but not a name whose vowel goes unwritten
    /// (عابد, Abid: the b before an i was seldom ب alone). The letter alone cannot tell which
    /// vowel follows, so the first rounds settle on one character per letter (b: ب 0.96), and
    /// the neighbours then refine that alignment instead of replacing it.
    /// <paramref name="contextLetters"/>: 3, the letter with its neighbours; 4, also the letter
    /// before the previous one (the ier of French names, whose r Russian leaves unwritten:
    /// Barbier, Барбье; the er of English ones, whose r it writes: Baker, Бейкер).
    /// </remarks>
    public static TransliterationModel Train(IEnumerable<(string Native, string Latin)> pairs, int rounds = 8, int letterRounds = 8, int contextLetters = 3)
    {
        var data = pairs.Where(p => p.Native.Length > 0 && p.Latin.Length > 0).Select(p => (Native: Compose(p.Native), p.Latin)).ToList();
        var model = new TransliterationModel(contextLetters);

        // Start: writing nothing is the one output seen, so that every character written is at
        // its floor and the first alignments spread evenly.
        foreach ((_, string latin) in data)
        {
            for (int i = 0; i < latin.Length; i++)
            {
                model.Count(Context(latin, i), Nothing, 1);
            }
        }

        model.Summarize();
        for (int round = 0; round < letterRounds + rounds; round++)
        {
            var next = new TransliterationModel(contextLetters);
            foreach ((string native, string latin) in data)
            {
                model.Expect(native, latin, next, diagonal: round == 0, levels: round < letterRounds ? 1 : contextLetters);
            }

            next.Prune();
            next.Summarize();
            model = next;
        }

        return model;
    }

    /// <summary>Adds to <paramref name="into"/> the expected count of every output in the alignments of one pair (forward-backward).</summary>
    /// <remarks>
    /// With <paramref name="diagonal"/> (the first round, when every output is equally likely),
    /// alignments that keep the two words' positions in step are favoured: without it the first
    /// posteriors are spread over every alignment and the fit can settle on one where each letter
    /// writes what its neighbour should.
    /// <paramref name="levels"/> is how many levels of context the current model is read with
    /// (1 in the letter rounds of <see cref="Train"/>).
    /// </remarks>
    private void Expect(string native, string latin, TransliterationModel into, bool diagonal, int levels)
    {
        int n = native.Length, w = n + 1, m = latin.Length;
        var probs = new double[m][];
        var reader = new Reader(this, native, levels);
        var contexts = new int[m];
        for (int i = 0; i < m; i++)
        {
            contexts[i] = Context(latin, i);
            probs[i] = reader.OutputsOf(contexts[i]);
            if (diagonal)
            {
                probs[i] = (double[])probs[i].Clone();
                double[] p = probs[i];
                for (int j = 0; j <= n; j++)
                {
                    // The edge from (i, j) ends at (i + 1, j + k): weigh it by how far that is from the diagonal.
                    if (j < n)
                    {
                        p[1 + j] *= InStep(i + 1, j + 1, m, n);
                    }

                    if (j + 1 < n)
                    {
                        p[1 + n + j] *= InStep(i + 1, j + 2, m, n);
                    }
                }
            }
        }

        double[] alpha = new double[(m + 1) * w];
        alpha[0] = 1;
        for (int i = 0; i < m; i++)
        {
            Forward(alpha.AsSpan(i * w, w), alpha.AsSpan((i + 1) * w, w), probs[i], n);
        }

        double z = alpha[(m * w) + n];
        if (!(z > 0))
        {
            return;
        }

        double[] beta = new double[(m + 1) * w];
        beta[(m * w) + n] = 1;
        for (int i = m - 1; i >= 0; i--)
        {
            double[] p = probs[i];
            for (int j = 0; j <= n; j++)
            {
                double a = alpha[(i * w) + j] / z;
                double b0 = beta[((i + 1) * w) + j] * p[0];
                double b1 = j < n ? beta[((i + 1) * w) + j + 1] * p[1 + j] : 0;
                double b2 = j + 1 < n ? beta[((i + 1) * w) + j + 2] * p[1 + n + j] : 0;
                beta[(i * w) + j] = b0 + b1 + b2;
                if (a > 0)
                {
                    into.Count(contexts[i], Nothing, a * b0);
                    if (b1 > 0)
                    {
                        into.Count(contexts[i], Single(native[j]), a * b1);
                    }

                    if (b2 > 0)
                    {
                        into.Count(contexts[i], Pair(native[j], native[j + 1]), a * b2);
                    }
                }
            }
        }
    }

    private static double InStep(int i, int j, int m, int n) => Math.Exp(-4 * Math.Abs(((double)i / m) - ((double)j / n)));

    /// <summary>Adds <paramref name="count"/> to <paramref name="output"/> in the model's own context of <paramref name="context"/> (a full one, <see cref="Context(int, int, int, int)"/>).</summary>
    private void Count(int context, long output, double count)
    {
        if (count > 0)
        {
            context = Reduce(context, ContextLetters - 1);
            if (!_full.TryGetValue(context, out Dist? d))
            {
                _full[context] = d = new Dist();
            }

            d.Add(output, count);
        }
    }

    private void Prune()
    {
        foreach ((int context, Dist d) in _full.ToArray())
        {
            var kept = new Dist();
            foreach (KeyValuePair<long, double> o in d.Outputs)
            {
                if (o.Value >= MinCount)
                {
                    kept.Add(o.Key, o.Value);
                }
            }

            if (kept.Total > 0)
            {
                _full[context] = kept;
            }
            else
            {
                _full.Remove(context);
            }
        }
    }

    /// <summary>
    /// log P(<paramref name="native"/>) under the native characters' own frequencies in the
    /// model's training pairs (each character alone, add-half smoothing). What
    /// <see cref="LogLikelihood"/> gains over it is what the Latin spelling explains: a character
    /// the pairs seldom show (the ॉ of English loanwords in Hindi) is unlikely under both.
    /// </summary>
    public double NativeLogProbability(string native)
    {
        double denominator = Math.Log(_writtenTotal + (0.5 * (_written.Count + 1)));
        double sum = 0;
        foreach (char c in native)
        {
            sum += Math.Log(_written.GetValueOrDefault(c) + 0.5) - denominator;
        }

        return sum;
    }

    /// <summary>Levels 0 to 2 as sums of the model's own contexts, and the native characters' frequencies (<see cref="NativeLogProbability"/>).</summary>
    private void Summarize()
    {
        foreach (Dist?[] level in _levels)
        {
            Array.Clear(level);
        }

        _written.Clear();
        _writtenTotal = 0;
        foreach ((int context, Dist full) in _full)
        {
            Dist letter = _levels[0][Reduce(context, 0)] ??= new Dist();
            Dist withNext = _levels[1][Reduce(context, 1)] ??= new Dist();
            Dist withBoth = _levels[2][Reduce(context, 2)] ??= new Dist();
            foreach (KeyValuePair<long, double> o in full.Outputs)
            {
                letter.Add(o.Key, o.Value);
                withNext.Add(o.Key, o.Value);
                withBoth.Add(o.Key, o.Value);
                foreach (char c in OutputText(o.Key))
                {
                    _written[c] = _written.GetValueOrDefault(c) + o.Value;
                    _writtenTotal += o.Value;
                }
            }
        }
    }

    /// <summary>
    /// Writes the model as text: <see cref="Header"/>, then one line per context and output:
    /// the <see cref="ContextLetters"/> letters of the context (the letter before the previous one
    /// in a model of four, the previous letter, the letter, the next; _ for an edge, ? for another
    /// character), the output (empty for nothing), its expected count.
    /// </summary>
    public void Save(TextWriter writer)
    {
        writer.Write(Header);
        writer.Write('\n');
        var context = new StringBuilder(ContextLetters);
        foreach ((int c, Dist d) in _full.OrderBy(kv => kv.Key))
        {
            context.Clear();
            for (int k = ContextLetters - 1, rest = c; k >= 0; k--, rest /= Letters)
            {
                context.Insert(0, LetterName(rest % Letters));
            }

            string name = context.ToString();
            foreach (KeyValuePair<long, double> o in d.Outputs.OrderBy(o => o.Key))
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{name}\t{OutputText(o.Key)}\t{o.Value:0.####}\n"));
            }
        }
    }

    private static char LetterName(int letter) => letter switch
    {
        Edge => '_',
        Other => '?',
        >= 26 => MarkedLetters[letter - 26],
        _ => (char)('a' + letter),
    };

    private static int LetterFromName(char c) => c switch
    {
        '_' => Edge,
        '?' => Other,
        >= 'a' and <= 'z' => c - 'a',
        _ => MarkedLetters.IndexOf(c, StringComparison.Ordinal) is int marked and >= 0 ? 26 + marked : -1,
    };

    private static string OutputText(long output) => output switch
    {
        Nothing => "",
        < 0x20000 => ((char)(output - 1)).ToString(),
        _ => string.Concat((char)((output - 0x20000) >> 16), (char)((output - 0x20000) & 0xFFFF)),
    };

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The text is not such a model; the message names <paramref name="source"/> and the line.</exception>
    public static TransliterationModel Load(TextReader reader, string source)
    {
        if (reader.ReadLine() is not { } header || !string.Equals(header, Header, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{source}:1: not a transliteration model (the first line must be '{Header}').");
        }

        TransliterationModel? model = null;
        int lineNo = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0)
            {
                continue;
            }

            string[] cells = line.Split('\t');
            if (cells.Length != 3)
            {
                throw new InvalidDataException($"{source}:{lineNo}: expected 3 tab-separated fields (context, output, count), found {cells.Length}.");
            }

            // The first context sets how many letters every context has (3 or 4).
            string ctx = cells[0];
            int letters = model?.ContextLetters ?? (ctx.Length is 3 or 4 ? ctx.Length : 3);
            bool valid = ctx.Length == letters;
            int before = !valid ? -1 : letters == 4 ? LetterFromName(ctx[0]) : Edge;
            int prev = valid ? LetterFromName(ctx[letters - 3]) : -1, letter = valid ? LetterFromName(ctx[letters - 2]) : -1, next = valid ? LetterFromName(ctx[letters - 1]) : -1;
            if (before < 0 || prev < 0 || letter < 0 || letter == Edge || next < 0 || (prev == Edge && before != Edge))
            {
                throw new InvalidDataException($"{source}:{lineNo}: context '{ctx}' must be {letters} of a-z, {MarkedLetters}, ? (another character) or _ (the edge) as the model's first context, the letter next to last, and only edges before an edge.");
            }

            model ??= new TransliterationModel(letters);

            if (cells[1].Length > 2)
            {
                throw new InvalidDataException($"{source}:{lineNo}: output '{cells[1]}' has more than two characters.");
            }

            if (!double.TryParse(cells[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double count) || !(count > 0) || double.IsInfinity(count))
            {
                throw new InvalidDataException($"{source}:{lineNo}: count '{cells[2]}' is not a positive number.");
            }

            long output = cells[1].Length switch
            {
                0 => Nothing,
                1 => Single(cells[1][0]),
                _ => Pair(cells[1][0], cells[1][1]),
            };
            model.Count(Context(before, prev, letter, next), output, count);
        }

        if (model is null)
        {
            throw new InvalidDataException($"{source}: the model has no entries.");
        }

        model.Summarize();
        return model;
    }

    /// <summary>The most likely outputs of a letter alone, for inspection: "k: ك 0.22 كي 0.20 …" (∅: nothing).</summary>
    public string Describe(char letter, int top = 5)
    {
        if (_levels[0][LetterOf(letter)] is not { } d)
        {
            return $"{letter}: (unseen)";
        }

        var sb = new StringBuilder();
        sb.Append(letter).Append(':');
        foreach (KeyValuePair<long, double> o in d.Outputs.OrderByDescending(o => o.Value).Take(top))
        {
            string text = o.Key == Nothing ? "∅" : OutputText(o.Key);
            sb.Append(CultureInfo.InvariantCulture, $" {text} {o.Value / d.Total:0.00}");
        }

        return sb.ToString();
    }
}
