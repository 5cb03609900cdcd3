using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using EntityResolver.Linking;
using EntityResolver.Text;

namespace EntityResolver;

/// <summary>
/// Finds the mentions of registry entities in running text, in any supported script, and
/// resolves each one. Words that may belong to a name are spotted through a gazetteer of the
/// registry's name words (phonetic, so नासिर, ناصر and Nasser all hit); the longest span that
/// resolves wins, so "Omar Karim Nasser" is never split into a mention of "Karim Nasser".
/// A bare surname or given name is linked only with support from its context: the entity is
/// named in full elsewhere in the document, a title stands before it, or the word is rare and
/// long. Ties between entities that share the word are broken by the ranks written before the
/// mention (Field Marshal, Lt Gen, المشير, الفريق) against each entity's <c>attributes.titles</c>,
/// by kinship words ("his son") against the registry's relations, and finally by the document:
/// the entity named in full first. Thread-safe; create one per resolver and share it.
/// </summary>
/// <example>
/// <code>
/// var linker = new EntityLinker(new NameResolver(EntityRegistry.Load("registry.jsonl")));
/// foreach (LinkedMention m in linker.Link("General Nasser met Prime Minister Omar Farouk in Cairo."))
///     Console.WriteLine($"{m.Start} {m.Length} {m.Text} {m.EntityId} {m.Score:0.00}");
/// </code>
/// </example>
public sealed partial class EntityLinker
{
    /// <summary>Words longer than this (in UTF-16 code units) are never names; they only separate mentions.</summary>
    public const int MaxWordLength = 64;

    private const float BridgeFloor = 0.6f;
    private const int KinshipWindow = 4;
    private const int AntecedentWindow = 16;
    private const int RareWordLength = 6;
    private const int MaxMemo = 50_000;
    private const int MaxWords = 200_000;
    private const int ShortWordLength = 3;

    // An organization name whose every word is paired with a word of the text, some only by
    // similarity, is accepted at this fraction of the threshold.
    private const double FuzzyOrganizationFactor = 0.6;

    /// <summary>The share of <see cref="LinkOptions.Threshold"/> a bare name word must score at least, whatever its context.</summary>
    private const double BareNameFactor = 0.5;

    // The longest acronym spelled out in letter names (آئی ایم سی ٹی سی has five).
    private const int MaxAcronymLetters = 10;

    // A bare name word has no second word to confirm it: it must meet a name word closely.
    private const float PartialSimilarity = 0.85f;

    private readonly NameAnalyzer _analyzer = new();
    private readonly Gazetteer _gazetteer;
    private readonly ResolveOptions _wordOptions;
    private readonly ResolveOptions _spanOptions;
    private readonly ConcurrentDictionary<string, IReadOnlyList<EntityMatch>> _memo = new(StringComparer.Ordinal);
    // Words as written, read in Arabic text and in Urdu or Persian text (Pass.UrduOrPersian).
    private readonly ConcurrentDictionary<string, WordEntry>[] _words = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
    private readonly ConcurrentDictionary<string, Verdict> _verdicts = new(StringComparer.Ordinal);
    private int _resolverCalls;

    // Entries in the caches above, counted on insertion: ConcurrentDictionary.Count takes every
    // lock of the dictionary, which cost more than the lookups it guarded.
    private int _memoCount;
    private int _wordCount;
    private int _verdictCount;
    private readonly ConcurrentDictionary<string, WordEntry>.AlternateLookup<ReadOnlySpan<char>>[] _wordLookups;

    /// <summary>Creates a linker over the registry of <paramref name="resolver"/>.</summary>
    /// <param name="resolver">The resolver that scores each candidate span.</param>
    /// <param name="options">Linking options; <see cref="LinkOptions.Default"/> when null. Validated here.</param>
    /// <exception cref="ArgumentNullException"><paramref name="resolver"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid.</exception>
    public EntityLinker(NameResolver resolver, LinkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        Options = options ?? LinkOptions.Default;
        Options.Validate();
        Resolver = resolver;
        _gazetteer = Gazetteer.For(resolver.Registry);
        _wordLookups = [_words[0].GetAlternateLookup<ReadOnlySpan<char>>(), _words[1].GetAlternateLookup<ReadOnlySpan<char>>()];
        // One word is resolved with a low threshold, so that every entity sharing the word is a
        // candidate for the context rules; longer spans with the linker's threshold, which lets
        // the resolver fall back to reading title words as name words (General Assembly).
        _wordOptions = new ResolveOptions { Top = 8, Threshold = 0.01, Explain = true };
        _spanOptions = new ResolveOptions { Top = 8, Threshold = Options.Threshold, Explain = true };
    }

    /// <summary>How many times this linker has called the resolver (for benchmarks and tests: spans that never reach it cost little).</summary>
    internal int ResolverCalls => Volatile.Read(ref _resolverCalls);

    /// <summary>The forms the linker reads a word of text with (null: nothing name-like in it); for tests.</summary>
    internal TokenForms? WordForms(string word, bool urduOrPersian = false) => Entry(word, urduOrPersian)?.Forms;

    /// <summary>The resolver (and through it the registry) this linker uses.</summary>
    public NameResolver Resolver { get; }

    /// <summary>The options of this linker.</summary>
    public LinkOptions Options { get; }

    /// <summary>Finds and resolves the entity mentions in <paramref name="text"/>, in text order.</summary>
    /// <param name="text">Running text in any supported script; may be empty.</param>
    /// <returns>The mentions, ordered by offset; empty when there are none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public IReadOnlyList<LinkedMention> Link(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? [] : new Pass(this, text).Run();
    }

    /// <summary>Reads <paramref name="reader"/> to its end and links the text; offsets count from the start of what was read.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    public IReadOnlyList<LinkedMention> Link(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Link(reader.ReadToEnd());
    }

    /// <summary>Reads UTF-8 text (a byte order mark is honoured) from <paramref name="stream"/> and links it.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public IReadOnlyList<LinkedMention> Link(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return Link(reader);
    }

    /// <summary>Resolves a span's words (the last character tells one word from several), remembering recent answers.</summary>
    private IReadOnlyList<EntityMatch> Resolve(string key)
    {
        if (_memo.TryGetValue(key, out var matches))
        {
            return matches;
        }

        string query = key[..^1];
        matches = string.IsNullOrWhiteSpace(query) || query.Length > NameResolver.MaxNameLength
            ? []
            : Resolver.Resolve(query, key[^1] == '\u0001' ? _wordOptions : _spanOptions);
        Interlocked.Increment(ref _resolverCalls);
        Remember(_memo, ref _memoCount, MaxMemo, key, matches);
        return matches;
    }

    /// <summary>Adds an entry to a bounded cache, emptying it first when it is full.</summary>
    private static void Remember<T>(ConcurrentDictionary<string, T> cache, ref int count, int max, string key, T value)
    {
        if (Volatile.Read(ref count) >= max)
        {
            cache.Clear();
            Volatile.Write(ref count, 0);
        }

        if (cache.TryAdd(key, value))
        {
            Interlocked.Increment(ref count);
        }
    }

    /// <summary>What the linker knows about a word as written, independent of where it stands.</summary>
    private sealed record WordEntry(string Normalized, TokenForms Forms, GazetteerHit Hit, bool IsLetterName, bool Capitalized, int SkipStart, int SkipEnd)
    {
        /// <summary>Letter names written as one word (जीएचक्यू): an acronym, as if written in capitals; <see cref="Normalized"/> and <see cref="Forms"/> are its letters' (ghq).</summary>
        public bool JoinedLetters { get; init; }

        /// <summary>
        /// An Arabic-script word written with the article before a word of compound names (the
        /// الحق of ضیاء الحق, the الرحمن of فضل الرحمن; <see cref="Lexicon.IsArticleName"/>). A name
        /// word however short, never a bare name alone.
        /// </summary>
        public bool ArticleName { get; init; }

        /// <summary>The word as the core lexicon stores words (article and proclitics split off); set on first use.</summary>
        public string? Key { get; set; }
    }

    /// <summary>Whether a span of words is a mention, as far as its words alone can tell (cached per linker).</summary>
    private sealed class Verdict
    {
        public static readonly Verdict None = new(LinkKind.Name, [], 0);

        public Verdict(LinkKind kind, List<Candidate> candidates, int nameOffset)
        {
            Kind = kind;
            Candidates = candidates;
            NameOffset = nameOffset;
        }

        public LinkKind Kind { get; }

        public List<Candidate> Candidates { get; }

        /// <summary>Words of titles at the start of the span, before the name.</summary>
        public int NameOffset { get; }
    }

    /// <summary>The entry of a word as written (cached per linker, bounded), or null when nothing name-like is left after normalization.</summary>
    /// <param name="raw">The word as written.</param>
    /// <param name="urduOrPersian">The text is Urdu or Persian (<see cref="Pass.UrduOrPersian"/>), which reads some words otherwise.</param>
    private WordEntry? Entry(ReadOnlySpan<char> raw, bool urduOrPersian)
    {
        var lookup = _wordLookups[urduOrPersian ? 1 : 0];
        if (lookup.TryGetValue(raw, out WordEntry? entry))
        {
            return entry;
        }

        entry = Analyze(raw, urduOrPersian);
        if (entry is not null && Volatile.Read(ref _wordCount) < MaxWords && lookup.TryAdd(raw, entry))
        {
            Interlocked.Increment(ref _wordCount);
        }

        return entry;
    }

    /// <summary>
    /// Looks a word up in the gazetteer, trying it without an Arabic proclitic or a joined Urdu
    /// postposition. In Urdu or Persian text (<paramref name="urduOrPersian"/>) its ض and ذ are said
    /// z (<see cref="NameAnalyzer.SaysZ"/>), and no one-letter proclitic is split off: neither
    /// language joins و, ب, ل, ف or ك to the next word as Arabic does (Urdu وزیر is a minister, not
    /// و + زیر).
    /// </summary>
    private WordEntry? Analyze(ReadOnlySpan<char> raw, bool urduOrPersian)
    {
        string n = Lexicon.Default.Expanded(TextNormalizer.NormalizeToken(raw));
        if (n.Length == 0)
        {
            return null;
        }

        bool capitalized = char.IsUpper(raw[0]);
        Script script = ScriptDetector.Of(n);
        bool letter = script != Script.Latin && n.Length <= 4 && Lexicon.Default.LetterNames.ContainsKey(n);
        if (script == Script.Devanagari && Lexicon.Default.JoinedLetterNames(n) is { } joined)
        {
            TokenForms letters = _analyzer.Forms(joined);
            return new WordEntry(joined, letters, _gazetteer.Lookup(letters), false, true, 0, 0) { JoinedLetters = true };
        }

        TokenForms forms = _analyzer.Forms(n, raw, sayZ: urduOrPersian);
        GazetteerHit hit = _gazetteer.Lookup(forms);

        // Latin script capitalizes names: a lower-case word counts only when it is a name word as written (armed forces).
        if (script == Script.Latin && !capitalized && hit.Similarity < 0.999f)
        {
            return new WordEntry(n, forms, GazetteerHit.None, letter, capitalized, 0, 0);
        }

        // The article before a word of compound names (ضیاء الحق, فضل الرحمن: Zia-ul-Haq,
        // Fazl-ur-Rehman), whichever reading of the word the gazetteer prefers.
        bool articleName = script == Script.Arabic && n.Length >= 4 && n.StartsWith("ال", StringComparison.Ordinal) && Lexicon.Default.IsArticleName(n[2..]);
        if (script != Script.Arabic || hit.Similarity >= 0.999f)
        {
            return new WordEntry(n, forms, hit, letter, capitalized, 0, 0) { ArticleName = articleName };
        }

        int skipStart = 0, skipEnd = 0;
        TokenForms bestForms = forms;
        GazetteerHit bestHit = hit;
        foreach (var (variant, s, e) in ArabicVariants(n, proclitics: !urduOrPersian))
        {
            // The letters of the word that the variant keeps, as written (a final teh marbuta reads a).
            int cut = RawLength(raw, n.Length - variant.Length - e, fromEnd: false);
            int cutEnd = RawLength(raw, e, fromEnd: true);
            TokenForms f = cut + cutEnd < raw.Length ? _analyzer.Forms(variant, raw[cut..^cutEnd], urduOrPersian) : _analyzer.Forms(variant, [], urduOrPersian);
            GazetteerHit h = _gazetteer.Lookup(f);
            if (h.IsStrong && h.Similarity > bestHit.Similarity + 0.05f)
            {
                (bestHit, bestForms, skipStart, skipEnd) = (h, f, s, e);
            }
        }

        int startUnits = RawLength(raw, skipStart, fromEnd: false);
        int endUnits = RawLength(raw, skipEnd, fromEnd: true);
        if (ReferenceEquals(bestForms, forms) || startUnits + endUnits >= raw.Length)
        {
            return new WordEntry(n, forms, hit, letter, capitalized, 0, 0) { ArticleName = articleName };
        }

        return new WordEntry(n, bestForms, bestHit, letter, capitalized, startUnits, endUnits) { ArticleName = articleName };
    }

    /// <summary>Readings of an Arabic-script word: (normalized variant, letters cut from the span's start, letters cut from its end).</summary>
    private static IEnumerable<(string Variant, int SkipStart, int SkipEnd)> ArabicVariants(string n, bool proclitics)
    {
        // The article and li- + article (للجيش) stay inside the span; the analyzer strips them.
        if (n.Length >= 4 && n.StartsWith("ال", StringComparison.Ordinal))
        {
            yield return (n[2..], 0, 0);
        }

        if (n.Length >= 4 && n.StartsWith("لل", StringComparison.Ordinal))
        {
            yield return (n[2..], 0, 0);
        }

        // One-letter proclitics (و ب ل ف ك) are left out of the span.
        if (proclitics && n.Length >= 4 && n[0] is 'و' or 'ب' or 'ل' or 'ف' or 'ك')
        {
            string rest = n[1..];
            yield return (rest, 1, 0);
            if (rest.Length >= 4 && rest.StartsWith("ال", StringComparison.Ordinal))
            {
                yield return (rest[2..], 1, 0);
            }
        }

        // Urdu postpositions written joined to the word before them (name + نے).
        foreach (string suffix in LinkLexicon.Default.JoinedPostpositions)
        {
            if (n.Length >= suffix.Length + 3 && n.EndsWith(suffix, StringComparison.Ordinal))
            {
                yield return (n[..^suffix.Length], 0, suffix.Length);
            }
        }
    }

    /// <summary>The number of UTF-16 code units that hold <paramref name="letters"/> normalized letters at one end of a word.</summary>
    private static int RawLength(ReadOnlySpan<char> raw, int letters, bool fromEnd)
    {
        int count = 0, units = 0;
        while (count < letters && units < raw.Length)
        {
            char c = fromEnd ? raw[raw.Length - 1 - units] : raw[units];
            units++;
            if (TextNormalizer.Fold(c) != '\0')
            {
                count++;
            }
        }

        // Marks that belong to the last letter cut from the start stay with it.
        while (!fromEnd && units < raw.Length && TextNormalizer.Fold(raw[units]) == '\0')
        {
            units++;
        }

        return units;
    }

    /// <summary>One word of the text, with what the linker knows about it.</summary>
    private sealed class Word
    {
        /// <summary>Offset of the part that can belong to a name (a joined postposition or a one-letter proclitic is left out).</summary>
        public int Start;
        public int Length;

        /// <summary>The whole word, normalized (titles and kinship words are matched on it).</summary>
        public string Normalized = string.Empty;

        public WordEntry? Entry;
        public int RawStart;
        public int RawLength;

        public TokenForms? Forms;

        public GazetteerHit Hit;

        /// <summary>Something other than spaces, hyphens, format controls or an abbreviation's full stop stands before this word.</summary>
        public bool HardBefore;

        /// <summary>Only a comma (and spaces) stands before this word.</summary>
        public bool CommaBefore;
        public bool Capitalized;
        public bool AllCaps;
        public bool IsLetterName;

        /// <summary>An initial of a name (<see cref="Pass.ReadInitials"/>): G. of G. Bush, Дж. of Дж. Буш.</summary>
        public bool IsInitial;
        public bool Consumed;

        /// <summary>The head of a compound name whose next name word was read joined with it (<see cref="Pass.JoinHeads"/>): a span may start here.</summary>
        public bool OpensJoined;

        /// <summary>Whether the word is part of a title phrase of two or more words (1), or not (-1); 0 until asked (<see cref="Pass.InTitlePhrase"/>).</summary>
        public sbyte TitlePhrase;

        /// <summary>The tag of this word in the pass's <see cref="Gazetteer.FormMemo"/> (0: none yet) and the memo's epoch when it was given.</summary>
        public int MemoTag;
        public int MemoEpoch;
        public int End => Start + Length;

        /// <summary>A capital letter alone (Latin, or Cyrillic with its дж): an initial when a full stop follows it.</summary>
        public bool IsCapitalLetter => Capitalized && Forms is { } forms && Initials.IsInitial(forms);

        /// <summary>See <see cref="WordEntry.ArticleName"/>.</summary>
        public bool IsArticleName => Entry is { ArticleName: true };
    }

    /// <summary>The numbers in both ascending lists.</summary>
    internal static int[] Intersect(int[] a, int[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return [];
        }

        var result = new List<int>(Math.Min(a.Length, b.Length));
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                result.Add(a[x]);
                x++;
                y++;
            }
            else if (a[x] < b[y])
            {
                x++;
            }
            else
            {
                y++;
            }
        }

        return [.. result];
    }

    private sealed class Candidate
    {
        public required EntityMatch Match;
    }

    private sealed class Mention
    {
        public int First;
        public int Last; // exclusive
        public int NameFirst;
        public LinkKind Kind;
        public List<Candidate> Candidates = [];
        public Entity? Chosen;
        public double Score;
        public string MatchedName = string.Empty;
        public List<string> Rules = [];
        public List<(int First, int Last, TitleKind Kind)> TitlePhrases = [];
        public bool Rejected;
        public (Kinship Relation, Entity Antecedent, string Word)? Kin;
        public (Kinship Relation, Entity Relative, string Word)? NextKin;
        public string? Summary;
    }

    /// <summary>The work of one <see cref="Link(string)"/> call.</summary>
    private sealed partial class Pass
    {
        private readonly EntityLinker _linker;
        private readonly string _text;
        private readonly List<Word> _words = [];
        private readonly Dictionary<string, IReadOnlyList<EntityMatch>> _resolved = new(StringComparer.Ordinal);
        private readonly List<Mention> _mentions = [];
        private readonly List<int> _deferred = [];
        private readonly List<int> _unresolved = [];
        private readonly List<int> _names = [];
        private readonly List<TokenForms> _nameForms = [];
        private readonly Dictionary<(int, int), int[]?> _pairs = [];

        private readonly Lexicon _lexicon = Lexicon.Default;
        private Gazetteer.FormMemo? _memo;

        public Pass(EntityLinker linker, string text)
        {
            _linker = linker;
            _text = text;
        }

        private EntityRegistry Registry => _linker.Resolver.Registry;

        private LinkOptions Options => _linker.Options;

        public IReadOnlyList<LinkedMention> Run()
        {
            try
            {
                ReadWords();
                ReadInitials();
                JoinHeads();
                StripJoinedArticles();
                FindAcronyms();
                FindNames();
                Decide();
                return Emit();
            }
            finally
            {
                if (_memo is not null)
                {
                    _linker._gazetteer.Return(_memo);
                }
            }
        }

        private void ReadWords()
        {
            int previousEnd = 0;
            Word? previous = null;
            List<RawToken> raws = Tokenizer.Tokenize(_text);
            _words.Capacity = raws.Count;
            bool urduOrPersian = UrduOrPersian(raws);
            foreach (RawToken raw in raws)
            {
                var word = new Word { Start = raw.Start, Length = raw.Length, RawStart = raw.Start, RawLength = raw.Length, AllCaps = raw.AllCaps };
                WordEntry? entry = raw.Length <= MaxWordLength ? _linker.Entry(_text.AsSpan(raw.Start, raw.Length), urduOrPersian) : null;
                if (entry is null)
                {
                    // Too long or nothing name-like: a separator.
                    previous = null;
                    previousEnd = raw.Start + raw.Length;
                    word.HardBefore = true;
                    _words.Add(word);
                    continue;
                }

                word.Entry = entry;
                word.Normalized = entry.Normalized;
                word.Forms = entry.Forms;
                word.Hit = entry.Hit;
                word.IsLetterName = entry.IsLetterName;
                word.AllCaps |= entry.JoinedLetters;
                word.Capitalized = entry.Capitalized;
                word.Start = raw.Start + entry.SkipStart;
                word.Length = raw.Length - entry.SkipStart - entry.SkipEnd;
                (word.HardBefore, word.CommaBefore) = previous is null ? (true, false) : Gap(previous, previousEnd, word.Start);
                _words.Add(word);
                previous = word;
                previousEnd = word.End;
            }
        }

        /// <summary>
        /// Reads as an initial each capital letter alone (Latin, or Cyrillic with its дж) that a full
        /// stop follows inside the phrase (G. Bush, Дж. Буш, J. R. R. Tolkien): it stands for
        /// any name word that begins with its letter, as the resolver pairs them
        /// (<see cref="Initials.Similarity"/>), so its entities are too many to list (<see cref="Gazetteer.InitialHit"/>).
        /// A word followed by no full stop is read as it is (the A of A Smith said).
        /// </summary>
        private void ReadInitials()
        {
            for (int i = 0; i + 1 < _words.Count; i++)
            {
                Word w = _words[i];
                int end = w.RawStart + w.RawLength;
                if (w.IsCapitalLetter && end < _text.Length && _text[end] == '.' && !_words[i + 1].HardBefore)
                {
                    w.IsInitial = true;
                    w.Hit = Gazetteer.InitialHit(w.Hit);
                }
            }
        }

        /// <summary>
        /// Whether the text is Urdu or Persian: more than a third of its Arabic-script words use a
        /// letter that Arabic does not write (<see cref="NameAnalyzer.SaysZ"/>). Urdu text has such
        /// letters in most words (ی, ک, ہ, ے: seven words in ten in the held-out articles); Arabic
        /// text none, and one Persian name quoted in it does not make it Persian. A word of the
        /// text is read as the text's language reads it, even when it is written in Arabic letters
        /// alone (رضا in Urdu is Raza; see <see cref="Analyze"/>).
        /// </summary>
        private bool UrduOrPersian(List<RawToken> raws)
        {
            int arabic = 0, other = 0;
            foreach (RawToken raw in raws)
            {
                ReadOnlySpan<char> word = _text.AsSpan(raw.Start, raw.Length);
                if (ScriptDetector.Of(word) == Script.Arabic)
                {
                    arabic++;
                    other += NameAnalyzer.SaysZ(word) ? 1 : 0;
                }
            }

            return 3 * other > arabic;
        }

        /// <summary>
        /// A word after the head of a compound name (عبد الحميد, Abu Bakr, Abu al-Hasan) is read
        /// as the registry reads it: one word with the head (see NameAnalyzer.Build). Alone, الحميد
        /// is like no name word of عبد الحميد الدبيبة, so the gate would let no span with it through.
        /// The joined reading is kept when the gazetteer finds it at least as close as the word
        /// alone (at a million names الحميد alone is a name word as written, and the resolver still
        /// reads the pair joined).
        /// </summary>
        private void JoinHeads()
        {
            for (int k = 1; k < _words.Count; k++)
            {
                Word w = _words[k];
                if (w.Entry is null || w.HardBefore)
                {
                    continue;
                }

                // An article written apart between them (Abu al-Hasan) is skipped, as the analyzer skips it.
                int h = k - 1;
                ParticleKind kind = _lexicon.ParticleOf(_words[h].Normalized, out _);
                if (kind == ParticleKind.Article && h > 0 && !_words[h].HardBefore)
                {
                    h--;
                    kind = _lexicon.ParticleOf(_words[h].Normalized, out _);
                }

                Word head = _words[h];
                if (kind != ParticleKind.Head || head.Entry is null)
                {
                    continue;
                }

                AnalyzedName joined = _linker._analyzer.AnalyzeAlias(_text[head.Start..w.End], isPerson: false);
                if (joined.Tokens is [{ Role: TokenRole.Name } token] && _linker._gazetteer.Lookup(token.Forms) is var hit && hit.Similarity >= w.Hit.Similarity)
                {
                    (w.Forms, w.Hit) = (token.Forms, hit);
                    head.OpensJoined = IsAnchor(w);
                }
            }
        }

        /// <summary>
        /// A word that ends in the article of the compound name it begins (Ziaul of Ziaul Haq,
        /// मुजीबुर of मुजीबुर रहमान) is read without it, as the name analysis reads it
        /// (<see cref="Lexicon.ArticleSuffixStem"/>): the registry's names hold Zia and Mujib. Kept
        /// when the gazetteer finds the word so at least as close as the word as written.
        /// </summary>
        private void StripJoinedArticles()
        {
            for (int k = 0; k + 1 < _words.Count; k++)
            {
                Word w = _words[k], next = _words[k + 1];
                if (w.Entry is null || next.Entry is null || next.HardBefore
                    || _lexicon.ArticleSuffixStem(w.Normalized, next.Normalized) is not { } stem)
                {
                    continue;
                }

                TokenForms forms = _linker._analyzer.Forms(stem);
                if (_linker._gazetteer.Lookup(forms) is var hit && hit.Similarity >= w.Hit.Similarity)
                {
                    (w.Forms, w.Hit) = (forms, hit);
                }
            }
        }

        /// <summary>The word as the core lexicon normalizes words (titles, ranks, letter names are stored that way).</summary>
        private string Key(Word w)
        {
            if (w.Entry is not { } entry)
            {
                return string.Empty;
            }

            if (entry.Key is null)
            {
                string[] pieces = NameAnalyzer.NormalizedWords(_text.Substring(w.RawStart, w.RawLength));
                entry.Key = pieces.Length > 0 ? pieces[^1] : entry.Normalized;
            }

            return entry.Key;
        }

        private (bool Hard, bool Comma) Gap(Word previous, int from, int to)
        {
            bool hard = false, comma = false;
            for (int i = from; i < to; i++)
            {
                char c = _text[i];
                if (c is '\n' or '\r')
                {
                    return (true, false);
                }

                if (c is ' ' or '\t' or '-' or '\u2010' or '\u2011' or '\u00A0' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.SpaceSeparator)
                {
                    continue;
                }

                // The full stop of an abbreviation (Lt. Gen. Dr., Md., मो.) or of a Cyrillic
                // initial (Х. Г. Уэллс, Дж. Буш) does not end the phrase.
                if (c == '.' && previous.Length <= 3 && i == previous.End
                    && (previous.Forms?.Script == Script.Latin
                        || previous.IsCapitalLetter
                        || _lexicon.Abbreviations.ContainsKey(TextNormalizer.NormalizeToken(_text.AsSpan(previous.Start, previous.Length)))))
                {
                    continue;
                }

                if (c is ',' or '\u060C')
                {
                    comma = true;
                }

                hard = true;
            }

            return (hard, comma && hard);
        }

        /// <summary>
        /// Letter names spelled out in Urdu or Hindi (آئی ایم سی ٹی سی) and capitals written apart
        /// without a space (K.G.B., К.Г.Б.) read as acronyms.
        /// </summary>
        private void FindAcronyms()
        {
            FindCapitalsApart();
            int i = 0;
            while (i < _words.Count)
            {
                if (!_words[i].IsLetterName)
                {
                    i++;
                    continue;
                }

                int j = i + 1;
                while (j < _words.Count && _words[j].IsLetterName && !_words[j].HardBefore)
                {
                    j++;
                }

                // Longest run of letters first (آئی ایم سی ٹی سی کی: the last letter name is a postposition).
                int a = i;
                while (a < j - 1)
                {
                    bool found = false;
                    for (int b = Math.Min(j, a + MaxAcronymLetters); b >= a + 2 && !found; b--)
                    {
                        if (Evaluate(a, b, letters: true) is { } mention)
                        {
                            _mentions.Add(mention);
                            for (int k = a; k < b; k++)
                            {
                                _words[k].Consumed = true;
                            }

                            a = b;
                            found = true;
                        }
                    }

                    if (!found)
                    {
                        a++;
                    }
                }

                i = j;
            }
        }

        /// <summary>
        /// Runs of single capitals each followed by a full stop and no space (K.G.B.): the resolver
        /// reads such a run as an acronym, as it reads the query K.G.B. A run that spells no
        /// entity's acronym is left to <see cref="FindNames"/> (J.R. Smith).
        /// </summary>
        private void FindCapitalsApart()
        {
            int i = 0;
            while (i < _words.Count)
            {
                int j = CapitalsRunEnd(i);
                if (j - i >= 2 && Evaluate(i, j, letters: true) is { } mention)
                {
                    _mentions.Add(mention);
                    for (int k = i; k < j; k++)
                    {
                        _words[k].Consumed = true;
                    }
                }

                i = j;
            }
        }

        private bool SingleCapital(Word w) => w.RawLength == 1 && Tokenizer.IsCapital(_text[w.RawStart]);

        /// <summary>Whether only a full stop stands between the one-letter word <paramref name="a"/> and <paramref name="b"/>.</summary>
        private bool Dotted(Word a, Word b) => b.RawStart == a.RawStart + 2 && _text[a.RawStart + 1] == '.';

        /// <summary>The end of the run of capitals written apart that starts at word <paramref name="i"/> (<paramref name="i"/> + 1 when none does).</summary>
        private int CapitalsRunEnd(int i)
        {
            int j = i + 1;
            if (SingleCapital(_words[i]))
            {
                while (j < _words.Count && SingleCapital(_words[j]) && Dotted(_words[j - 1], _words[j]))
                {
                    j++;
                }
            }

            return j;
        }

        /// <summary>Whether words [from, to) are capitals written apart (<see cref="FindCapitalsApart"/>).</summary>
        private bool CapitalsApart(int from, int to) => to - from >= 2 && CapitalsRunEnd(from) >= to;

        /// <summary>Runs of words that hit the gazetteer, segmented longest match first.</summary>
        private void FindNames()
        {
            int i = 0;
            while (i < _words.Count)
            {
                if (!InRun(i))
                {
                    i++;
                    continue;
                }

                int j = i + 1;
                while (j < _words.Count && InRun(j) && !_words[j].HardBefore)
                {
                    j++;
                }

                Segment(i, j);
                i = j;
            }

            LinkDeferred();
        }

        /// <summary>
        /// The longest organization list that <see cref="Viable"/> reads alone when a word of the
        /// span has too many organizations to list (reading every list cost the gate more time than
        /// the resolver calls it saved).
        /// </summary>
        private const int ShortOrganizationList = 1024;

        /// <summary>
        /// Whether some entity can be named by words [from, to): one that the resolver can count
        /// as matched on a name word of the span (two, for a person, unless one name word is all
        /// the span has) and that has a word like each of the other name words. The resolver
        /// accepts no span without that, so other spans are never sent to it: at a million
        /// entities two common words each resemble thousands of names, but rarely the same one.
        /// The name words of the span are in <see cref="_names"/>. With <paramref name="otherThan"/>
        /// (an organization's index) only other organizations count: the test of a name nested
        /// in that organization's (<see cref="FindNested"/>).
        /// </summary>
        private bool Viable(int from, int to, int otherThan = -1)
        {
            FindNameWords(from, to);
            if (_names.Count == 0)
            {
                return true;
            }

            // A word with too many organizations to list them (null) would let any organization
            // through. When another name word has a short list, only that list is read: the
            // organization must then be like that word at the match threshold, where LikeOthers
            // asks only the conflict floor of the span's other words. An approximation: one
            // matched at the threshold only on other words is no longer tried (at a million
            // entities, a tenth fewer resolver calls, the same precision and recall; docs/linking.md).
            bool oneNameWord = NameWords(from, to) == 1;
            int shortest = -1, shortestLength = int.MaxValue;
            bool unlisted = false;
            foreach (int k in _names)
            {
                if (_words[k].Hit.OrganizationWitnesses is not { } list)
                {
                    unlisted = true;
                }
                else if (list.Length < shortestLength)
                {
                    (shortest, shortestLength) = (k, list.Length);
                }
            }

            bool onlyShortest = unlisted && shortestLength <= ShortOrganizationList;
            foreach (int k in _names)
            {
                GazetteerHit hit = _words[k].Hit;
                if (oneNameWord && hit.Witnesses is null)
                {
                    return true;
                }

                if (onlyShortest && k != shortest)
                {
                    continue;
                }

                if (hit.OrganizationWitnesses is not { } organizations)
                {
                    return true;
                }

                foreach (int e in organizations)
                {
                    if (e != otherThan && _linker._gazetteer.NameWords(e) <= to - from && _names.Count <= _linker._gazetteer.MaxNameWords(e)
                        && LikeOthers(e, k, -1) && Covered(e, from, to) && (AnchoredIn(e) || MatchedElsewhere(e, k)))
                    {
                        return true;
                    }
                }

                if (oneNameWord && otherThan < 0)
                {
                    foreach (int e in hit.Witnesses!)
                    {
                        if (LikeOthers(e, k, -1))
                        {
                            return true;
                        }
                    }
                }
            }

            // A person: the first and the last name word of the span are matched to the entity
            // (a person's name starts and ends on name words), one word of the span almost exactly.
            int first = _names[0], last = _names[^1];
            if (first == last || otherThan >= 0)
            {
                return false;
            }

            if (Pair(first, last) is not { } both)
            {
                return true;
            }

            bool compound = HasArticleCompound();
            foreach (int e in both)
            {
                if ((compound || AnchoredIn(e) || CloseInTwo(e)) && LikeOthers(e, first, last))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the name words of the span (<see cref="_names"/>) hold an article compound: a
        /// name word, then one written with the article before a word of compound names (ضیاء الحق,
        /// فضل الرحمن, انوار الحق کاکڑ). Arabic script writes no short vowels, so such words meet a
        /// Latin-only name at 0.87–0.92 (Zia 0.92, Haq 0.90, Fazl 0.87), short of the closeness
        /// that a person's name otherwise needs on one word or two; the compound stands in for it.
        /// The resolver must still match every word, the span's edges be that person's words.
        /// </summary>
        private bool HasArticleCompound()
        {
            for (int i = 1; i < _names.Count; i++)
            {
                if (_names[i] == _names[i - 1] + 1 && _words[_names[i]].IsArticleName && !_words[_names[i - 1]].IsArticleName)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Puts the name words of words [from, to) in <see cref="_names"/>.</summary>
        private void FindNameWords(int from, int to)
        {
            _names.Clear();
            for (int k = SkipTitles(from, to); k < to; k++)
            {
                // Title words (the resolver strips them: the phrases that open the span, such as
                // اركان حرب, and single title words) and particles (ابو joins the next word) do not count.
                if (_words[k].Hit.IsName && !IsTitleOrParticle(_words[k]))
                {
                    _names.Add(k);
                }
            }
        }

        /// <summary>Whether a name word of the span other than <paramref name="k"/> can be matched to a name word of entity <paramref name="e"/>.</summary>
        private bool MatchedElsewhere(int e, int k)
        {
            foreach (int other in _names)
            {
                if (other != k && Resembles(e, other, anchor: false))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a name word of the span writes a name word of entity <paramref name="e"/> almost exactly.</summary>
        private bool AnchoredIn(int e)
        {
            foreach (int k in _names)
            {
                if (_words[k].Hit.Anchors is { } anchors ? Array.BinarySearch(anchors, e) >= 0 : Resembles(e, k, anchor: true))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether two name words of the span (each one, if it has fewer) are like a name word of
        /// entity <paramref name="e"/> at <see cref="GazetteerHit.CloseSimilarity"/>.
        /// </summary>
        private bool CloseInTwo(int e)
        {
            // The gate asks this of every entity both edge words witness: stop as soon as the
            // words left cannot make up the count.
            int need = Math.Min(2, _names.Count), close = 0;
            for (int i = 0; i < _names.Count && close + (_names.Count - i) >= need; i++)
            {
                if (_words[_names[i]].Forms is { } forms && _linker._gazetteer.Resembles(e, forms, GazetteerHit.CloseSimilarity) && ++close >= need)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the words of the span (title words too: Army) cover every name word of some alias of organization <paramref name="e"/>, each at least <paramref name="floor"/> similar.</summary>
        private bool Covered(int e, int from, int to, float floor = Matching.PairScorer.ConflictFloor)
        {
            List<TokenForms> words = _nameForms;
            words.Clear();
            for (int k = from; k < to; k++)
            {
                if (_words[k].Forms is { } forms)
                {
                    words.Add(forms);
                }
            }

            return _linker._gazetteer.Covered(e, words, floor);
        }

        /// <summary>Whether entity <paramref name="e"/> has a word like each name word of the span other than <paramref name="a"/> and <paramref name="b"/>.</summary>
        private bool LikeOthers(int e, int a, int b)
        {
            foreach (int k in _names)
            {
                if (k != a && k != b && !Resembles(e, k, anchor: null))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether entity <paramref name="e"/> has a name word like word <paramref name="k"/>: at the conflict floor, at the match threshold, or almost exactly (<paramref name="anchor"/>).</summary>
        private bool Resembles(int e, int k, bool? anchor)
        {
            if (_words[k].Forms is not { } forms)
            {
                return false;
            }

            if (anchor is null)
            {
                // The gate's most frequent test (an organization's word like each other word of the span), remembered per name-word form.
                Gazetteer.FormMemo memo = _memo ??= _linker._gazetteer.RentMemo();
                Word w = _words[k];
                if (w.MemoTag == 0 || w.MemoEpoch != memo.Epoch)
                {
                    (w.MemoTag, w.MemoEpoch) = (memo.NextTag(), memo.Epoch);
                }

                return _linker._gazetteer.ResemblesAtConflictFloor(e, forms, memo, w.MemoTag);
            }

            return _linker._gazetteer.Resembles(e, forms, anchor == true ? GazetteerHit.AnchorSimilarity : Matching.PairScorer.MatchThreshold);
        }

        /// <summary>The entities both words can be matched to (null: both are common name words, any entity may be meant).</summary>
        private int[]? Pair(int a, int b)
        {
            if (_pairs.TryGetValue((a, b), out int[]? both))
            {
                return both;
            }

            int[]? x = _words[a].Hit.Witnesses, y = _words[b].Hit.Witnesses;
            both = (x, y) switch
            {
                (null, null) => null,
                (null, _) => [.. y.Where(e => Resembles(e, a, anchor: false))],
                (_, null) => [.. x.Where(e => Resembles(e, b, anchor: false))],
                _ => Intersect(x, y),
            };
            _pairs[(a, b)] = both;
            return both;
        }

        /// <summary>
        /// Support a bare word can have without knowing the document's full names: it may be an
        /// acronym or a one-word name, a title or a kinship word stands near it, or it is rare and
        /// long. Otherwise it is linked only if an entity it resembles is named in full (see
        /// <see cref="LinkDeferred"/>); these are the only kinds of support a bare name is accepted on.
        /// </summary>
        private bool SingleWordSupported(int i)
        {
            Word w = _words[i];
            if (w.AllCaps || w.IsLetterName || w.Hit.Sole || (w.Hit.Entities == 1 && w.Forms is { } f && f.Latin.Length >= RareWordLength))
            {
                return true;
            }

            if (TitleChain(i, i).Count > 0)
            {
                return true;
            }

            for (int k = Math.Max(0, i - KinshipWindow); k <= Math.Min(_words.Count - 1, i + KinshipWindow + 1); k++)
            {
                if (k != i && LinkLexicon.Default.KinshipWords.ContainsKey(_words[k].Normalized))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The bare words put aside by <see cref="Segment"/>: without support (<see cref="_deferred"/>),
        /// resolved only when an entity they resemble is named in full in the document; without a
        /// candidate of the resolver's (<see cref="_unresolved"/>), mentions when such an entity
        /// is, which <see cref="DecidePartial"/> then adds to their candidates.
        /// </summary>
        private void LinkDeferred()
        {
            if (_deferred.Count == 0 && _unresolved.Count == 0)
            {
                return;
            }

            var named = new HashSet<int>();
            foreach (Mention m in _mentions)
            {
                if (m.Kind != LinkKind.PartialName && m.Candidates.Count > 0)
                {
                    named.Add(Registry.IndexOf(m.Candidates[0].Match.EntityId));
                }
            }

            // A word with no candidate of the resolver's may still be a person's named in full here
            // (DecidePartial adds them, or rejects the mention).
            foreach (int i in _deferred)
            {
                if (Witnessed(i, named) && (Evaluate(i, i + 1, letters: false) ?? Unresolved(i)) is { } mention)
                {
                    _mentions.Add(mention);
                }
            }

            foreach (int i in _unresolved)
            {
                if (Witnessed(i, named) && Unresolved(i) is { } mention)
                {
                    _mentions.Add(mention);
                }
            }
        }

        /// <summary>A bare word without a candidate of the resolver's, as a mention that only the persons the document names in full can fill (null when it cannot be a bare name).</summary>
        private Mention? Unresolved(int i) =>
            IsAnchor(_words[i]) && PartialWordOk(_words[i]) ? new Mention { First = i, Last = i + 1, NameFirst = i, Kind = LinkKind.PartialName } : null;

        /// <summary>Whether word <paramref name="i"/> can be matched to an entity of <paramref name="named"/> (or to too many entities to list).</summary>
        private bool Witnessed(int i, HashSet<int> named) => _words[i].Hit.Witnesses is not { } witnesses || NamedAmong(named, witnesses);

        /// <summary>Whether an entity of <paramref name="named"/> (a few) is among <paramref name="witnesses"/> (ascending, up to thousands).</summary>
        private static bool NamedAmong(HashSet<int> named, int[] witnesses)
        {
            foreach (int e in named)
            {
                if (Array.BinarySearch(witnesses, e) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A word that may stand inside a name: it resembles a name word, is a function word of a
        /// name as written, or is a name particle (ابو, bin, al) or a function word of names in
        /// any spelling (آف, of; اینڈ, and), which the match must then pair (<see cref="LeavesFunctionWord"/>);
        /// or a word that the analysis of a name drops before the next word: the izafat in lower case
        /// (Lashkar-e-Taiba) or an article said as the next word begins (Jamaat-ud-Dawa); or a
        /// word the registry may write as an initial (<see cref="WrittenInFull"/>).
        /// </summary>
        private bool InRun(int i)
        {
            Word w = _words[i];
            if (w.Consumed)
            {
                return false;
            }

            if (w.Hit.Similarity >= BridgeFloor || (w.Hit.Similarity >= 0.999f && !w.Hit.IsName)
                || (w.Normalized.Length > 0 && _lexicon.ParticleOf(w.Normalized, out _) is ParticleKind.Head or ParticleKind.Link or ParticleKind.Article or ParticleKind.Stop))
            {
                return true;
            }

            return i + 1 < _words.Count && w.Normalized.Length > 0
                && ((_lexicon.Izafat.Contains(w.Normalized) && !w.Capitalized && !w.AllCaps)
                    || _lexicon.IsAssimilatedArticleBefore(w.Normalized, _words[i + 1].Normalized)
                    || WrittenInFull(i));
        }

        /// <summary>
        /// Whether word <paramref name="i"/> may be a name word that the registry writes as an
        /// initial (Walker of George Walker Bush against George W. Bush; Уокер, वॉकर): between two
        /// name words (not titles) within the phrase, not part of a title phrase (the Air of Chief
        /// of the Air Staff), and capitalized in a script that capitalizes names; in Devanagari or
        /// Arabic script, which do not, not a function word (और, و) nor short. It bridges the run;
        /// the resolver must still pair it.
        /// </summary>
        private bool WrittenInFull(int i)
        {
            Word w = _words[i];
            bool nameLike = w.Forms switch
            {
                { Script: Script.Latin or Script.Cyrillic } => w.Capitalized,
                { Script: Script.Devanagari or Script.Arabic } f => !IsShort(f) && !LinkLexicon.Default.FunctionWords.Contains(w.Normalized),
                _ => false,
            };
            return i > 0 && nameLike && !w.HardBefore && !_words[i + 1].HardBefore
                && IsNameWord(_words[i - 1]) && IsNameWord(_words[i + 1]) && !InTitlePhrase(i);
        }

        private bool IsNameWord(Word w) => w.Hit.IsName && w.Hit.Similarity >= BridgeFloor && !IsTitleOrParticle(w);

        /// <summary>
        /// A word a mention may start or end with: a strong hit on a name word. A short word
        /// (<see cref="IsShort"/>: كي, कर, and) must be a name word as written: short words are too
        /// often near some name.
        /// </summary>
        private static bool IsAnchor(Word w) =>
            w.Hit.IsStrong && w.Hit.IsName && (w.Hit.Similarity >= 0.999f || w.Forms is not { } f || !IsShort(f) || w.IsArticleName);

        /// <summary>
        /// Whether a word is short (<see cref="ShortWordLength"/> letters or fewer romanized). Arabic
        /// script leaves short vowels unwritten, so a word of three letters there is a name of four
        /// or five (رضا Raza, حسن Hasan, عمر Omar): only a word of two letters or fewer is short
        /// there (كي, نے, سے).
        /// </summary>
        private static bool IsShort(TokenForms f) => f.Latin.Length <= (f.Script == Script.Arabic ? ShortWordLength - 1 : ShortWordLength);

        /// <summary>
        /// Whether a mention may begin or end on <paramref name="w"/>: not a function word (and, in,
        /// is), nor, at the end, a verb that ends a clause (बल दिया), and an anchor or a longer word
        /// that only resembles a name word (نیوز for News), so that transliterations the registry
        /// lacks can be tried; the span must hold an anchor too. A name does not end on an initial
        /// (<see cref="Word.IsInitial"/>), and may begin on one that is also a function word (В. of
        /// В. В. Путин, not the в of В Москве, "in Moscow").
        /// </summary>
        private static bool IsEdge(Word w, bool end) =>
            !(end && w.IsInitial) && (w.IsInitial || !LinkLexicon.Default.FunctionWords.Contains(w.Normalized)) && !(end && LinkLexicon.Default.FinalVerbs.Contains(w.Normalized))
            && ((!end && w.OpensJoined) || IsAnchor(w) || (w.Hit.IsName && w.Hit.Similarity >= BridgeFloor && w.Forms is { } f && (!IsShort(f) || w.IsArticleName)));

        private bool HasAnchor(int from, int to)
        {
            for (int k = from; k < to; k++)
            {
                if (IsAnchor(_words[k]))
                {
                    return to - from > 1 || k == from;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether a single word can be a mention at all, before asking the resolver: an acronym in
        /// capitals, or a name word (as written, or close enough for a bare name) that is not a
        /// title word (رئيس, General) on its own, nor the word after an initial (<see cref="AfterInitial"/>).
        /// </summary>
        private bool MayStandAlone(int i) => (_words[i].AllCaps || ((_words[i].Hit.Similarity >= 0.999f || PartialWordOk(_words[i])) && !IsTitleOrParticle(_words[i]) && !InTitlePhrase(i))) && !AfterInitial(i);

        /// <summary>
        /// Whether an initial stands right before word <paramref name="i"/>: the name begins with it,
        /// so the word is not a name alone (B. Smith is not the Adam Smith named before it).
        /// </summary>
        private bool AfterInitial(int i) => i > 0 && _words[i - 1].IsInitial && !_words[i].HardBefore;

        /// <summary>
        /// Whether word <paramref name="i"/> is part of a title phrase of two or more words (फील्ड
        /// of फील्ड मार्शल, الوزراء of رئيس الوزراء), which at a million entities resemble some
        /// name word each: such a word is never a name alone, and a person's name does not end on
        /// one. Asked only of words that could end a name, and remembered per word.
        /// </summary>
        private bool InTitlePhrase(int i)
        {
            Word w = _words[i];
            if (w.TitlePhrase == 0)
            {
                w.TitlePhrase = -1;
                for (int p = Math.Max(0, i - _lexicon.LongestTitle + 1); p <= i; p++)
                {
                    if (_words[p].Entry is not null && TitleLength(p, _words.Count) is int length and >= 2 && p + length > i)
                    {
                        w.TitlePhrase = 1;
                        break;
                    }
                }
            }

            return w.TitlePhrase > 0;
        }

        private void Segment(int from, int to)
        {
            int i = from;
            while (i < to)
            {
                if (!IsEdge(_words[i], end: false))
                {
                    i++;
                    continue;
                }

                // A span can only be a name that has a word like each of its name words: stop where
                // the words of the span have no entity in common (cheap, before any resolver call).
                // Latin script capitalizes names: a span does not start on a lower-case word
                // (a particle such as al- aside), however many names have that word.
                if (LowerLatin(_words[i]) && _lexicon.ParticleOf(Key(_words[i]), out _) == ParticleKind.None)
                {
                    i++;
                    continue;
                }

                // A span can only be a name that has a word like each of its name words: stop where
                // the words of the span have no entity in common (cheap, before any resolver call).
                // The titles that open the span do not count: a long one (کمانڈر ان چیف فیلڈ مارشل)
                // would leave no room for the name after it. As many title words as name words at
                // most, so that a run of title words costs linear time.
                int longest = Math.Min(to, SkipTitles(i, Math.Min(to, i + Options.MaxMentionTokens)) + Options.MaxMentionTokens);
                bool found = false;
                for (int j = longest; j > i; j--)
                {
                    if (!IsEdge(_words[j - 1], end: true) || !HasAnchor(i, j))
                    {
                        continue;
                    }

                    if (j - i == 1 && !MayStandAlone(i))
                    {
                        continue;
                    }

                    // A bare word needs support before it costs a resolver call; the support of a
                    // full name elsewhere in the document is known only after this pass.
                    if (j - i == 1 && !SingleWordSupported(i) && !_linker._verdicts.ContainsKey(VerdictKey(i, j, letters: false)))
                    {
                        _deferred.Add(i);
                        continue;
                    }

                    if (Evaluate(i, j, letters: false, gate: j - i > 1) is not { } mention)
                    {
                        if (j - i == 1)
                        {
                            // Nothing the resolver ranks first, but a person the document names in full may be meant.
                            _unresolved.Add(i);
                        }

                        continue;
                    }

                    // A person's name does not end inside a title phrase (المشير أركان of المشير أركان
                    // حرب): the words after the span decide, so the verdict, kept per span, cannot.
                    if (mention.Kind != LinkKind.Acronym && mention.Candidates[0].Match.Entity.IsPerson && InTitlePhrase(j - 1))
                    {
                        continue;
                    }

                    _mentions.Add(mention);
                    if (mention.Kind == LinkKind.Name && !mention.Candidates[0].Match.Entity.IsPerson && j - i >= 3)
                    {
                        FindNested(mention);
                    }

                    i = j;
                    found = true;
                    break;
                }

                if (!found)
                {
                    i++;
                }
            }
        }

        /// <summary>A word in Latin script written in lower case.</summary>
        private static bool LowerLatin(Word w) => !w.Capitalized && !w.AllCaps && w.Forms?.Script == Script.Latin;

        private bool IsTitleOrParticle(Word w)
        {
            string key = Key(w);
            return _lexicon.Titles.ContainsKey(key) || _lexicon.ParticleOf(key, out _) != ParticleKind.None;
        }

        /// <summary>A complete name of another organization inside an organization's name (پاک فوج inside پاک فوج کے شعبہ تعلقاتِ عامہ).</summary>
        private void FindNested(Mention outer)
        {
            string outerId = outer.Candidates[0].Match.EntityId;
            int outerIndex = Registry.IndexOf(outerId);
            for (int len = outer.Last - outer.First - 1; len >= 2; len--)
            {
                for (int a = outer.First; a + len <= outer.Last; a++)
                {
                    if (!IsAnchor(_words[a]) || !IsAnchor(_words[a + len - 1]) || !Viable(a, a + len, outerIndex))
                    {
                        continue;
                    }

                    foreach (EntityMatch m in Resolve(a, a + len))
                    {
                        if (!m.Entity.IsPerson && m.EntityId != outerId && m.Score >= Options.Threshold
                            && Feature(m, "coverage_candidate") >= 0.95 && Feature(m, "unmatched_query") <= 0.05)
                        {
                            _mentions.Add(new Mention
                            {
                                First = a, Last = a + len, NameFirst = a, Kind = LinkKind.Name,
                                Candidates = [new Candidate { Match = m }],
                                Rules = { $"complete name of {m.EntityId} inside the name of {outerId}" },
                            });
                            return;
                        }
                    }
                }
            }
        }

        private IReadOnlyList<EntityMatch> Resolve(int from, int to)
        {
            var sb = new StringBuilder();
            if (CapitalsApart(from, to))
            {
                // As written, K.G.B: with spaces the resolver would read initials.
                sb.Append(_text.AsSpan(_words[from].Start, _words[to - 1].End - _words[from].Start));
            }
            else
            {
                for (int k = from; k < to; k++)
                {
                    if (k > from)
                    {
                        sb.Append(' ');
                    }

                    sb.Append(_text.AsSpan(_words[k].Start, _words[k].Length));
                }
            }

            sb.Append(to - from == 1 ? '\u0001' : '\u0002');
            string query = sb.ToString();
            if (!_resolved.TryGetValue(query, out var matches))
            {
                matches = _linker.Resolve(query);
                _resolved[query] = matches;
            }

            return matches;
        }

        private static double Feature(EntityMatch m, string name)
        {
            foreach (FeatureContribution f in m.Explanation!.Features)
            {
                if (string.Equals(f.Feature, name, StringComparison.Ordinal))
                {
                    return f.Value;
                }
            }

            return 0;
        }

        /// <summary>A person's name is matched almost exactly on at least one word (<see cref="GazetteerHit.AnchorSimilarity"/>), or closely on two matched words, or on each if fewer (<see cref="GazetteerHit.CloseSimilarity"/>).</summary>
        private static bool Anchored(EntityMatch m)
        {
            int matched = 0, close = 0;
            foreach (TokenAlignment t in m.Explanation!.Tokens)
            {
                if (t.Outcome == TokenOutcome.Match && t.QueryToken is not null)
                {
                    if (t.Similarity >= GazetteerHit.AnchorSimilarity - 0.0005)
                    {
                        return true;
                    }

                    matched++;
                    close += t.Similarity >= GazetteerHit.CloseSimilarity - 0.0005 ? 1 : 0;
                }
            }

            return matched > 0 && close >= Math.Min(2, matched);
        }

        private static int MatchedTokens(EntityMatch m)
        {
            int n = 0;
            foreach (TokenAlignment t in m.Explanation!.Tokens)
            {
                if (t.Outcome == TokenOutcome.Match && t.QueryToken is not null)
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>Whether words [from, to) are a mention, and of which entities (the verdict on the same words is cached per linker).</summary>
        /// <param name="from">First word.</param>
        /// <param name="to">Word after the last.</param>
        /// <param name="letters">The words are letter names spelling an acronym.</param>
        /// <param name="gate">Whether to ask <see cref="Viable"/> before the resolver (spans of two or more words).</param>
        private Mention? Evaluate(int from, int to, bool letters, bool gate = false)
        {
            string key = VerdictKey(from, to, letters);
            if (!_linker._verdicts.TryGetValue(key, out Verdict? verdict))
            {
                verdict = (gate && !Viable(from, to) ? null : Judge(from, to, letters)) ?? Verdict.None;
                Remember(_linker._verdicts, ref _linker._verdictCount, MaxMemo, key, verdict);
            }

            return ReferenceEquals(verdict, Verdict.None)
                ? null
                : new Mention { First = from, Last = to, NameFirst = from + verdict.NameOffset, Kind = verdict.Kind, Candidates = verdict.Candidates };
        }

        private string VerdictKey(int from, int to, bool letters)
        {
            var sb = new StringBuilder(letters ? "L" : "W");
            for (int k = from; k < to; k++)
            {
                sb.Append('\u0003').Append(_text.AsSpan(_words[k].RawStart, _words[k].RawLength));
            }

            return sb.ToString();
        }

        /// <summary>Whether words [from, to) are a mention, and of which entities, judged on the words alone.</summary>
        private Verdict? Judge(int from, int to, bool letters)
        {
            if (AllTitles(from, to))
            {
                return null;
            }

            IReadOnlyList<EntityMatch> matches = Resolve(from, to);
            if (matches.Count == 0)
            {
                return null;
            }

            bool acronymForm = letters || (to - from == 1 && _words[from].AllCaps);

            // A span that starts or ends with a word that only resembles a name word can only be
            // an organization's transliterated name; a person's name must start and end on name words.
            bool anchored = letters || ((IsAnchor(_words[from]) || _words[from].OpensJoined) && IsAnchor(_words[to - 1]));
            FindNameWords(from, to);
            (int firstName, int lastName) = _names.Count > 0 ? (_names[0], _names[^1]) : (-1, -1);
            bool compound = HasArticleCompound();
            var full = new List<Candidate>();
            var partial = new List<Candidate>();
            LinkKind kind = LinkKind.Name;
            bool titlesInName = false;
            foreach (EntityMatch m in matches)
            {
                if (Feature(m, "acronym") > 0 || letters)
                {
                    // An acronym is written exactly: آئی ایم سی ٹی سی کی is not IMCTC.
                    if (acronymForm && m.Score >= Options.Threshold && SpellsAcronym(m, from, to))
                    {
                        full.Add(new Candidate { Match = m });
                        kind = LinkKind.Acronym;
                    }

                    continue;
                }

                if (LeavesFunctionWord(m))
                {
                    continue;
                }

                // A word the best alias leaves unmatched rules the entity out, unless the entity has
                // a word like it in another name: a three-word span may be matched best through a
                // two-word alias, its middle word left over, while the full name has a word like
                // that one (a conflict, as a misreported middle name is).
                if (Feature(m, "unmatched_query") > 0.05 && !(m.Entity.IsPerson && NamedByItsWords(Registry.IndexOf(m.EntityId), from, to)))
                {
                    continue;
                }

                int matched = MatchedTokens(m);
                if (m.Entity.IsPerson && (!anchored || LowerLatin(_words[to - 1]) || !EdgesStrongFor(Registry.IndexOf(m.EntityId), firstName, lastName)))
                {
                    continue;
                }

                if (to - from == 1 && !m.Entity.IsPerson && !ShortNameWrittenExactly(_words[from], m))
                {
                    continue;
                }

                if (m.Entity.IsPerson)
                {
                    if (matched >= 2 && m.Score >= Options.Threshold && (compound || Anchored(m)))
                    {
                        full.Add(new Candidate { Match = m });
                    }
                    else if (matched == 1)
                    {
                        partial.Add(new Candidate { Match = m });
                    }
                }
                else if (matched >= 1 && m.Score >= Options.Threshold && Feature(m, "coverage_candidate") >= 0.8 && CoversOrganization(m) && !HasOutcome(m, TokenOutcome.Conflict))
                {
                    // A name word paired only as similar (a conflict) is left to the next rule, which
                    // asks every word on both sides to be paired: a word that is common in the
                    // registry (सेना, army) weighs little in the coverage, and پاکستان کی جانب
                    // ("on Pakistan's side") is not the Pakistan Army.
                    full.Add(new Candidate { Match = m });
                }
                else if (to - from >= 2 && matched >= 1 && m.Score >= Options.Threshold * FuzzyOrganizationFactor && CoversOrganization(m) && AllAligned(m))
                {
                    // A transliteration the registry lacks (ورلڈ بینک for World Bank): every word on
                    // both sides is paired, some only as similar (a conflict), none is missing.
                    full.Add(new Candidate { Match = m });
                }
                else if (matched >= 1 && m.Score >= Options.Threshold && m.Explanation!.Titles.Count > 0 && full.Count == 0
                    && Registry.IndexOf(m.EntityId) is int e and >= 0 && Covered(e, from, to, Matching.PairScorer.MatchThreshold))
                {
                    // The resolver matched the words after the titles, and the title words are the
                    // rest of the organization's name (General Assembly): every
                    // name word of the organization is matched by a word of the span, so the whole
                    // span, titles included, names it.
                    full.Add(new Candidate { Match = m });
                    titlesInName = true;
                }
            }

            List<Candidate> candidates;
            if (full.Count > 0)
            {
                candidates = full;
            }
            else if (partial.Count > 0 && NameWords(from, to) == 1 && PartialWordOk(_words[to - 1]))
            {
                kind = LinkKind.PartialName;
                candidates = partial;
            }
            else
            {
                return null;
            }

            // Titles stay out of the span, unless the resolver read them as part of an organization's name (General Assembly).
            int nameFirst = !titlesInName && (candidates[0].Match.Entity.IsPerson || kind == LinkKind.PartialName || candidates[0].Match.Explanation!.Titles.Count > 0)
                ? SkipTitles(from, to)
                : from;
            return new Verdict(kind, candidates, nameFirst - from);
        }

        /// <summary>
        /// Whether the first and the last name word of a span are each strong for person
        /// <paramref name="e"/> (like a name word of it at the match threshold, without the
        /// cross-script leniency). The span's edges are anchors, but an anchor may be strong only
        /// for another entity: at a million names सुहाना ("pleasant") is the given name Suhana,
        /// and so ended `मौसम सुहाना` ("pleasant weather") taken for a Mausam Chahna, with whose
        /// surname it pairs at a raw 0.72.
        /// </summary>
        /// <param name="e">The person.</param>
        /// <param name="first">The span's first name word (-1: it has none).</param>
        /// <param name="last">Its last name word.</param>
        private bool EdgesStrongFor(int e, int first, int last)
        {
            return first < 0 || (StrongFor(first) && (last == first || StrongFor(last)));

            bool StrongFor(int k) => _words[k].Forms is not { } f || _linker._gazetteer.Resembles(e, f, Matching.PairScorer.MatchThreshold, withoutLeniency: true);
        }

        /// <summary>Whether entity <paramref name="e"/> has a word like each name word of words [from, to) after their titles (at the conflict floor), over all its names.</summary>
        private bool NamedByItsWords(int e, int from, int to)
        {
            for (int k = SkipTitles(from, to); k < to; k++)
            {
                if (!IsTitleOrParticle(_words[k]) && !Resembles(e, k, anchor: null))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A bare name word must look like a name: close to a name word of the registry, capitalized
        /// in Latin script, neither a common given name that several entities share (Muhammad) nor
        /// a country's name or adjective (باكستان, الباكستاني), nor the second half of a compound
        /// name written with its article (الرحمن of مجیب الرحمن; alone, also a name of God), nor a
        /// letter alone (the G of H. G. Wells is no name by itself).
        /// </summary>
        private static bool PartialWordOk(Word w) =>
            w.Forms is { } f && w.Hit.Similarity >= PartialSimilarity && !Initials.IsInitial(f) && !w.IsArticleName && !(f.IsCommonName && w.Hit.Entities >= 2)
            && (f.Script != Script.Latin || w.Capitalized) && !Lexicon.Default.IsCountryWord(f);

        /// <summary>Whether the letters of words [from, to) are exactly the acronym the match was made with.</summary>
        private bool SpellsAcronym(EntityMatch m, int from, int to)
        {
            var letters = new StringBuilder(to - from);
            for (int k = from; k < to; k++)
            {
                Word w = _words[k];
                // As written first: Urdu ای is e, Arabic آي i (Lexicon.TryLetterName).
                if (w.IsLetterName && _lexicon.TryLetterName(_text.Substring(w.Start, w.Length), Key(w), out char letter))
                {
                    letters.Append(letter);
                }
                else
                {
                    // A word in capitals spells the Latin letters it reads as (КГБ, К.Г.Б.: KGB).
                    letters.Append((w.AllCaps || SingleCapital(w)) && w.Forms is { } forms ? forms.Latin : w.Normalized);
                }
            }

            string spelled = letters.ToString();
            foreach (TokenAlignment t in m.Explanation!.Tokens)
            {
                if (t.Outcome == TokenOutcome.Match && (string.Equals(t.CandidateLatin, spelled, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(t.CandidateToken, spelled, StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasOutcome(EntityMatch m, TokenOutcome outcome)
        {
            foreach (TokenAlignment t in m.Explanation!.Tokens)
            {
                if (t.Outcome == outcome)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the match leaves a function word of the span (a stop particle: of, آف, और, के)
        /// unpaired. A name does not gain function words: the registry may lack a transliteration
        /// of one (آف for the "of" of an English name written in Urdu letters, paired with it as
        /// similar), but "X के Y" ("X's Y") is no name "X Y", and "X और Y" ("X and Y") none either.
        /// </summary>
        private bool LeavesFunctionWord(EntityMatch m) => LeavesUnpaired(m, TokenOutcome.QueryOnly, ParticleKind.Stop);

        /// <summary>
        /// Whether the match leaves a word of particle kind <paramref name="kind"/> unpaired on one
        /// side: the span's (<see cref="TokenOutcome.QueryOnly"/>) or the name's
        /// (<see cref="TokenOutcome.CandidateOnly"/>).
        /// </summary>
        private bool LeavesUnpaired(EntityMatch m, TokenOutcome side, ParticleKind kind)
        {
            foreach (TokenAlignment t in m.Explanation!.Tokens)
            {
                if (t.Outcome == side && (side == TokenOutcome.QueryOnly ? t.QueryToken : t.CandidateToken) is { } word
                    && _lexicon.ParticleOf(TextNormalizer.NormalizeToken(word), out _) == kind)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool AllAligned(EntityMatch m)
        {
            foreach (TokenAlignment t in m.Explanation!.Tokens)
            {
                if (t.Outcome is TokenOutcome.QueryOnly or TokenOutcome.CandidateOnly)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>An organization is named only by all of its name's words (پاک is not پاک فوج); particles and function words may be missing.</summary>
        private bool CoversOrganization(EntityMatch m) => !LeavesUnpaired(m, TokenOutcome.CandidateOnly, ParticleKind.None);

        /// <summary>
        /// A one-word match of an organization's short name (<see cref="Gazetteer.WrittenExactly"/>)
        /// counts only when the word writes it: as it is, ignoring case, or in another script read
        /// almost exactly (<see cref="GazetteerHit.AnchorSimilarity"/>), as the gazetteer's
        /// <see cref="GazetteerHit.Sole"/> asks.
        /// </summary>
        private static bool ShortNameWrittenExactly(Word w, EntityMatch m)
        {
            if (m.Explanation!.Tokens is not [{ Outcome: TokenOutcome.Match, CandidateToken: { } name } t] || !Gazetteer.WrittenExactly(name))
            {
                return true;
            }

            string a = TextNormalizer.NormalizeToken(name);
            return w.Forms is { } f && Gazetteer.WritesShortName(string.Equals(w.Normalized, a, StringComparison.Ordinal), f.Script, ScriptDetector.Of(a), t.Similarity);
        }

        private int NameWords(int from, int to) => to - SkipTitles(from, to);

        private bool AllTitles(int from, int to)
        {
            int k = from;
            while (k < to)
            {
                int len = TitleLength(k, to);
                if (len == 0)
                {
                    return false;
                }

                k += len;
            }

            return true;
        }

        /// <summary>The first word after the titles that open [from, to) (at least one word is left).</summary>
        private int SkipTitles(int from, int to)
        {
            int k = from;
            while (k < to - 1)
            {
                int len = TitleLength(k, to - 1);
                if (len == 0)
                {
                    break;
                }

                k += len;
            }

            return k;
        }

        /// <summary>The length in words of the longest title phrase at <paramref name="at"/> that ends by <paramref name="limit"/>.</summary>
        private int TitleLength(int at, int limit) => TitlePhrase(at, limit, exactEnd: -1).Length;

        private (int Length, TitleKind Kind) TitlePhrase(int at, int limit, int exactEnd)
        {
            if (_words[at].Normalized.Length == 0 || !_lexicon.Titles.TryGetValue(Key(_words[at]), out var phrases))
            {
                return (0, TitleKind.Role);
            }

            foreach (var (phrase, (kind, arabic)) in phrases)
            {
                int end = at + phrase.Length;
                if (end > limit || (exactEnd >= 0 && end != exactEnd))
                {
                    continue;
                }

                bool ok = true;
                for (int k = 0; k < phrase.Length && ok; k++)
                {
                    Word w = _words[at + k];
                    ok = w.Normalized.Length > 0 && string.Equals(Key(w), phrase[k], StringComparison.Ordinal) && (k == 0 || !w.HardBefore)
                        && (!arabic || Lexicon.InArabicLetters(_text.AsSpan(w.RawStart, w.RawLength)));
                }

                if (ok)
                {
                    return (phrase.Length, kind);
                }
            }

            return (0, TitleKind.Role);
        }

        /// <summary>The chain of titles written right before word <paramref name="nameFirst"/>, nearest last.</summary>
        private List<(int First, int Last, TitleKind Kind)> TitleChain(int nameFirst, int spanFirst)
        {
            var chain = new List<(int First, int Last, TitleKind Kind)>();

            // Titles inside the span, before the name.
            int k = spanFirst;
            while (k < nameFirst)
            {
                var (len, kind) = TitlePhrase(k, nameFirst, exactEnd: -1);
                if (len == 0)
                {
                    break;
                }

                chain.Add((k, k + len, kind));
                k += len;
            }

            // Titles before the span.
            int start = spanFirst;
            var before = new List<(int First, int Last, TitleKind Kind)>();
            while (before.Count < 8 && start > 0 && !_words[start].HardBefore)
            {
                bool found = false;
                for (int p = Math.Max(0, start - _lexicon.LongestTitle); p < start; p++)
                {
                    var (len, kind) = TitlePhrase(p, start, exactEnd: start);
                    if (len > 0)
                    {
                        before.Add((p, start, kind));
                        start = p;
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    break;
                }
            }

            // A connector counts only between titles.
            while (before.Count > 0 && before[^1].Kind == TitleKind.Connector)
            {
                before.RemoveAt(before.Count - 1);
            }

            before.Reverse();
            before.AddRange(chain);
            return before;
        }

        private string Written(int first, int last) => _text[_words[first].Start.._words[last - 1].End];

        private List<LinkedMention> Emit()
        {
            var result = new List<LinkedMention>();
            foreach (Mention m in _mentions)
            {
                if (m.Rejected || m.Chosen is null)
                {
                    continue;
                }

                int start = _words[m.NameFirst].Start;
                int end = _words[m.Last - 1].End;
                var titles = m.TitlePhrases.Select(t => Written(t.First, t.Last)).ToList();
                var alternatives = m.Candidates
                    .Where(c => !ReferenceEquals(c.Match.Entity, m.Chosen))
                    .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Match.EntityId} ({c.Match.Score:0.###})"))
                    .ToList();
                var evidence = new LinkEvidence(m.Kind, m.MatchedName, titles, m.Rules, alternatives, m.Summary ?? string.Empty);
                result.Add(new LinkedMention(start, end - start, _text[start..end], m.Chosen.Id, m.Score, evidence));
            }

            result.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
            return result;
        }
    }
}
