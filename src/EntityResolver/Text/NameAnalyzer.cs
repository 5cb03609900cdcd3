using System.Collections.Concurrent;
using System.Globalization;

namespace EntityResolver.Text;

/// <summary>A name after analysis: its tokens, and the titles that stood before it.</summary>
internal sealed class AnalyzedName
{
    public AnalyzedName(NameToken[] tokens, string[] titles, bool isAcronym)
    {
        Tokens = tokens;
        Titles = titles;
        IsAcronym = isAcronym;
        int nameTokens = 0;
        foreach (NameToken t in tokens)
        {
            if (t.Role == TokenRole.Name)
            {
                nameTokens++;
            }
        }

        NameTokenCount = nameTokens;
    }

    public NameToken[] Tokens { get; }

    /// <summary>Leading titles, ranks and honorifics, normalized ("field marshal", "المشير").</summary>
    public string[] Titles { get; }

    /// <summary>The name is an acronym (IMF, or آئی ایم ایف spelled out).</summary>
    public bool IsAcronym { get; }

    public int NameTokenCount { get; }

    public bool IsEmpty => Tokens.Length == 0;
}

/// <summary>
/// Turns a name into comparable tokens: tokenization, normalization, Arabic proclitics and
/// article (للجيش, الغامدي), compound heads joined (Abdul Karim, عبد الكريم, ابو بكر), names
/// spelled as letters read as acronyms, leading titles split off, particles given their role.
/// </summary>
internal sealed class NameAnalyzer
{
    private const int MaxSharedCacheEntries = 200_000;
    private static readonly ConcurrentDictionary<string, TokenForms> SharedCache = new(StringComparer.Ordinal);
    private static int s_sharedCount;

    private readonly Lexicon _lexicon;
    private readonly ConcurrentDictionary<string, TokenForms>? _cache;

    /// <summary>Creates an analyzer; <paramref name="cache"/> shares token forms (a registry build passes its own).</summary>
    public NameAnalyzer(ConcurrentDictionary<string, TokenForms>? cache = null)
    {
        _lexicon = Lexicon.Default;
        _cache = cache;
    }

    /// <summary>Analyzes a registry alias: leading titles and honorifics of person names are marked, nothing is dropped.</summary>
    public AnalyzedName AnalyzeAlias(string text, bool isPerson)
    {
        List<Piece> pieces = Split(text, _lexicon);
        if (TryAcronym(pieces, text, capitalsApart: !isPerson) is { } acronym)
        {
            return acronym;
        }

        // A person's name in a registry may carry its titles (records deduplicated from text do):
        // they stay, as barely weighted tokens that are never taken for the given name.
        int honorifics = isPerson ? LeadingTitleEnd(pieces, honorificsOnly: false) : 0;
        return Build(pieces, 0, honorifics);
    }

    /// <summary>
    /// Analyzes a query. The primary reading drops leading titles; when titles were found, the
    /// literal reading is returned too ("General Assembly" is a name, not a rank).
    /// </summary>
    public (AnalyzedName Primary, AnalyzedName? Literal) AnalyzeQuery(string text)
    {
        List<Piece> pieces = Split(text, _lexicon);
        if (TryAcronym(pieces, text, capitalsApart: true) is { } acronym)
        {
            return (acronym, null);
        }

        int start = LeadingTitleEnd(pieces, honorificsOnly: false);
        AnalyzedName primary = Build(pieces, start);
        return (primary, start > 0 ? Build(pieces, 0) : null);
    }

    /// <summary>
    /// For a query of one Arabic-script word whose article was dropped (see <see cref="AnalyzeQuery"/>),
    /// with or without a proclitic before it, the reading of the whole word; otherwise null. Latin
    /// spellings of Arabic names drop the article or write it apart (al-Harbi), but some join it
    /// (Alharby), and foreign names may begin with the same letters: the article's (الاسكا Alaska,
    /// الپس Alps) or a proclitic's and the article's (فاليرو Valero, بالوتيلي Balotelli).
    /// </summary>
    /// <param name="primary">The query's primary reading, from <see cref="AnalyzeQuery"/>.</param>
    public AnalyzedName? ArticleReading(AnalyzedName primary)
    {
        if (primary.Tokens.Length != 1 || primary.Titles.Length > 0 || primary.IsAcronym)
        {
            return null;
        }

        NameToken token = primary.Tokens[0];
        if (token.Forms.Script != Script.Arabic)
        {
            return null;
        }

        // What SplitArabic drops from the start of a word that stays one token is the article,
        // with or without a proclitic: the whole word is the reading that keeps them.
        return WholeWordOf(token) is { } whole
            ? Build([new Piece(whole, token.Text, false, FinalMarbuta: FinalMarbuta(token.Text), SayZ: SaysZ(token.Text))], 0)
            : null;
    }

    /// <summary>The normalized word a token was read from, when <see cref="SplitArabic"/> dropped letters from its start (an article, a proclitic, or both); otherwise null.</summary>
    private static string? WholeWordOf(NameToken token)
    {
        string whole = TextNormalizer.NormalizeToken(token.Text);
        return whole.Length > token.Forms.Normalized.Length && whole.EndsWith(token.Forms.Normalized, StringComparison.Ordinal) ? whole : null;
    }

    /// <summary>
    /// For a query of several Arabic-script words, the reading that keeps whole each word from
    /// which the primary reading dropped a proclitic and the article, or, in Urdu or Persian
    /// letters (<see cref="SaysZ"/>), the article alone; otherwise null. Foreign names may begin
    /// with a proclitic's and the article's letters (فالنتينا Valentina, بالوتيلي Balotelli), and
    /// Urdu and Persian keep Arabic's article inside compounds (ضیاء الحق Zia-ul-Haq, نصیر الدین
    /// Nasiruddin), which the primary reading drops, but they also have names that begin with its
    /// letters (الطاف Altaf, الیاس Ilyas, الٰہی Elahi, الہام Elham). A word after a compound
    /// head (عبد الرحمن) keeps the primary reading's article.
    /// </summary>
    /// <param name="text">The query.</param>
    /// <param name="primary">The query's primary reading, from <see cref="AnalyzeQuery"/>.</param>
    public AnalyzedName? WholeWordReading(string text, AnalyzedName primary)
    {
        // The article the primary reading drops is written with a bare alef (SplitArabic).
        if (primary.Tokens.Length < 2 || primary.IsAcronym)
        {
            return null;
        }

        bool keepArticle = text.Contains("\u0627\u0644", StringComparison.Ordinal) && SaysZ(text);
        if (!keepArticle && !primary.Tokens.Any(LostProcliticAndArticle))
        {
            return null;
        }

        List<Piece> pieces = Split(text, _lexicon, keepArticle, keepProclitic: true);
        AnalyzedName whole = Build(pieces, LeadingTitleEnd(pieces, honorificsOnly: false));
        if (whole.Tokens.Length != primary.Tokens.Length)
        {
            return whole;
        }

        // Compared by spelling: forms are not shared once the analyzer's cache is full.
        for (int i = 0; i < whole.Tokens.Length; i++)
        {
            if (!string.Equals(whole.Tokens[i].Forms.Normalized, primary.Tokens[i].Forms.Normalized, StringComparison.Ordinal))
            {
                return whole;
            }
        }

        return null;
    }

    /// <summary>Whether <see cref="SplitArabic"/> dropped a proclitic and the article from the start of a token's word (والجيش, فالنتينا).</summary>
    private static bool LostProcliticAndArticle(NameToken token)
    {
        return token.Forms.Script == Script.Arabic && WholeWordOf(token) is { } whole
            && IsProcliticAndArticle(whole.AsSpan(0, whole.Length - token.Forms.Normalized.Length));
    }

    /// <summary>A proclitic and the article: li- (لل), or wa-, bi-, ka- or fa- and al- (وال, بال, كال, فال).</summary>
    private static bool IsProcliticAndArticle(ReadOnlySpan<char> prefix) =>
        prefix is "\u0644\u0644" || (prefix.Length == 3 && prefix[1..] is "\u0627\u0644" && prefix[0] is '\u0648' or '\u0628' or '\u0643' or '\u0641');

    /// <summary>
    /// For a query whose Cyrillic name words include one that Russian writes by the Palladius
    /// system for Chinese names (<see cref="Palladius.Pinyin"/>), the reading with each such word
    /// spelled in pinyin (Чэнлун: Chenglong); otherwise null. The plain romanization reads
    /// Palladius's final н as n, which is its нь (чэнь: chen), and so finds Chen for Чэн.
    /// </summary>
    /// <param name="primary">The query's primary reading, from <see cref="AnalyzeQuery"/>.</param>
    public AnalyzedName? PinyinReading(AnalyzedName primary)
    {
        NameToken[]? tokens = null;
        for (int i = 0; i < primary.Tokens.Length; i++)
        {
            NameToken token = primary.Tokens[i];
            // A word whose pinyin is its romanization (тэ: te) reads the same either way.
            if (token.Role == TokenRole.Name && token.Forms.Script == Script.Cyrillic && Palladius.Pinyin(token.Forms.Normalized) is { } pinyin
                && !string.Equals(pinyin, token.Forms.Latin, StringComparison.Ordinal))
            {
                tokens ??= [.. primary.Tokens];
                tokens[i] = new NameToken(Forms(pinyin), TokenRole.Name, token.Text, false);
            }
        }

        return tokens is null ? null : new AnalyzedName(tokens, primary.Titles, isAcronym: false);
    }

    /// <summary>The comparable forms of one normalized token (cached).</summary>
    public TokenForms Forms(string normalized) => Forms(normalized, hamzaBelow: false);

    /// <summary>
    /// The comparable forms of one word as written in running text: read as a name's word is (a
    /// first alef with hamza below is i).
    /// </summary>
    /// <param name="normalized">The word's normalized form, whole.</param>
    /// <param name="written">The word as written.</param>
    /// <param name="sayZ">The text is written in Urdu or Persian letters (<see cref="SaysZ"/>).</param>
    public TokenForms Forms(string normalized, ReadOnlySpan<char> written, bool sayZ = false) => Forms(normalized, HamzaBelow(written), FinalMarbuta(written), written, sayZ);

    /// <summary>
    /// Whether the ض and ذ of a name or text are said z: it uses a letter that Arabic
    /// does not write (<see cref="Lexicon.InArabicLetters"/>: ی, ک, ہ, ے, پ, ٹ), so it is Urdu,
    /// Persian or Pashto, whose Latin spellings write z for them (رضا حیات Raza Hayat, ضیا Zia,
    /// نذیر Nazir, ذاکر Zakir, عوض Ewaz; Arabic: Rida, Diya, Nadhir). A word in Arabic letters alone
    /// keeps both readings (<see cref="Phonetics.PersianZSkeleton"/>).
    /// </summary>
    public static bool SaysZ(ReadOnlySpan<char> text) => !Lexicon.InArabicLetters(text);

    /// <summary>Whether a written word begins with alef with hamza below (إ), which folding makes a bare alef.</summary>
    private static bool HamzaBelow(ReadOnlySpan<char> written) => written.Length > 0 && written[0] == '\u0625';

    /// <summary>
    /// Whether a written word ends in teh marbuta or an Urdu heh (ة ۃ ہ ە ۀ ۂ; diacritics and
    /// tatweel aside), which folding makes a heh: its final letter reads a, not e (see arabic.tsv).
    /// </summary>
    private static bool FinalMarbuta(ReadOnlySpan<char> written)
    {
        for (int i = written.Length - 1; i >= 0; i--)
        {
            char c = written[i];
            if (c == '\u0640' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            return c is '\u0629' or '\u06C3' or '\u06C1' or '\u06D5' or '\u06C0' or '\u06C2';
        }

        return false;
    }

    /// <summary>
    /// <paramref name="normalized"/> with each yeh that was written as a hamza seat (ئ) put back,
    /// when <paramref name="written"/> has one: a hamza seat does not make a pair of yehs (see
    /// Romanizer.Yeh). The word may be the end of what was written (its article split off).
    /// </summary>
    private static string WithHamzaSeats(string normalized, ReadOnlySpan<char> written)
    {
        if (written.IndexOf('\u0626') < 0)
        {
            return normalized;
        }

        string kept = TextNormalizer.NormalizeToken(written, keepHamzaSeat: true);
        if (kept.Length < normalized.Length)
        {
            return normalized;
        }

        ReadOnlySpan<char> end = kept.AsSpan(kept.Length - normalized.Length);
        for (int i = 0; i < end.Length; i++)
        {
            if (end[i] != normalized[i] && !(end[i] == '\u0626' && normalized[i] == '\u064A'))
            {
                return normalized;
            }
        }

        return end.ToString();
    }

    private TokenForms Forms(Piece piece) => Forms(piece.Normalized, piece.HamzaBelow, piece.FinalMarbuta, piece.Text, piece.SayZ);

    /// <param name="normalized">The normalized word.</param>
    /// <param name="hamzaBelow">Its first letter, a bare alef, was written with hamza below: romanized i.</param>
    /// <param name="finalMarbuta">Its final letter, a heh, was written teh marbuta or an Urdu heh: romanized a.</param>
    /// <param name="written">The word as written, if known: where its hamza seats stand (<see cref="WithHamzaSeats"/>).</param>
    /// <param name="sayZ">Its ض and ذ are said z (<see cref="SaysZ"/>): romanized as ز.</param>
    private TokenForms Forms(string normalized, bool hamzaBelow, bool finalMarbuta = false, ReadOnlySpan<char> written = default, bool sayZ = false)
    {
        // Such a word is cached under its spelling with the hamzas or the teh marbuta, apart from
        // the bare alef's, the yeh's or the heh's; the romanization reads them.
        string key = WithHamzaSeats(normalized, written);
        if (hamzaBelow && key.StartsWith('\u0627'))
        {
            key = string.Concat("\u0625", key.AsSpan(1));
        }

        if (finalMarbuta && key.Length > 1 && key[^1] == '\u0647')
        {
            key = string.Concat(key.AsSpan(0, key.Length - 1), "\u0629");
        }

        // Read with z, the word is cached apart from its Arabic reading and from a word written with ز.
        string spelling = key;
        string? saidZ = null;
        if (sayZ && key.AsSpan().ContainsAny('\u0636', '\u0630'))
        {
            spelling = WithZ(key);
            saidZ = WithZ(normalized);
            key = "\u0002" + key;
        }

        var cache = _cache ?? SharedCache;
        if (cache.TryGetValue(key, out TokenForms? forms))
        {
            return forms;
        }

        Script script = ScriptDetector.Of(normalized);
        return Cached(key, new TokenForms(normalized, script, Romanizer.Romanize(spelling, script), saidZ));
    }

    /// <summary>
    /// Adds new <paramref name="forms"/> to the cache under <paramref name="key"/> and returns the
    /// word's forms: with a registry's cache, those another thread may have added meanwhile (one
    /// object per word, so that a snapshot numbers the same forms in every build); the shared
    /// cache takes them while it has room.
    /// </summary>
    internal TokenForms Cached(string key, TokenForms forms)
    {
        if (_cache is not null)
        {
            return _cache.GetOrAdd(key, forms);
        }

        if (Volatile.Read(ref s_sharedCount) < MaxSharedCacheEntries && SharedCache.TryAdd(key, forms))
        {
            // Counted on insertion: ConcurrentDictionary.Count takes every lock of the dictionary.
            Interlocked.Increment(ref s_sharedCount);
        }

        return forms;
    }

    /// <summary>A word with its ض and ذ written ز, as Urdu and Persian say them (<see cref="SaysZ"/>).</summary>
    private static string WithZ(string word) => word.Replace('\u0636', '\u0632').Replace('\u0630', '\u0632');

    /// <param name="Normalized">The normalized (folded) word.</param>
    /// <param name="Text">The word as written.</param>
    /// <param name="AllCaps">Written in capitals (Latin or Cyrillic).</param>
    /// <param name="HamzaBelow">An Arabic-script word whose first letter is written alef with hamza below (إ), which folding makes a bare alef.</param>
    /// <param name="FinalMarbuta">An Arabic-script word whose final letter is written teh marbuta or an Urdu heh, which folding makes a heh.</param>
    /// <param name="SayZ">An Arabic-script word of a name whose ض and ذ are said z (<see cref="SaysZ"/>).</param>
    /// <param name="Connector">A letter of the izafat (<see cref="Lexicon.Izafat"/>) written in lower case (or a script without case), or joined by hyphens on both sides (the e of Lashkar-e-Taiba): not an initial.</param>
    private readonly record struct Piece(string Normalized, string Text, bool AllCaps, bool HamzaBelow = false, bool FinalMarbuta = false, bool SayZ = false, bool Connector = false);

    /// <summary>The normalized words of a phrase, split as names are (used for the word lists).</summary>
    /// <remarks>Word lists are read before the lexicon exists, so no joined heads are split off here, nor
    /// proclitics before the lexicon's words.</remarks>
    internal static string[] NormalizedWords(string text) => [.. Split(text, null).Select(p => p.Normalized)];

    /// <param name="text">The name.</param>
    /// <param name="lexicon">The lexicon whose heads and concepts are split off; null for the word lists.</param>
    /// <param name="keepArticle">Keep the article of a word that is not after a compound head (see <see cref="WholeWordReading"/>).</param>
    /// <param name="keepProclitic">Keep whole a word that begins with a proclitic and the article (see <see cref="WholeWordReading"/>).</param>
    private static List<Piece> Split(string text, Lexicon? lexicon, bool keepArticle = false, bool keepProclitic = false)
    {
        var pieces = new List<Piece>();
        bool sayZ = lexicon is not null && SaysZ(text);
        foreach (RawToken raw in Tokenizer.Tokenize(text))
        {
            ReadOnlySpan<char> span = text.AsSpan(raw.Start, raw.Length);
            string normalized = TextNormalizer.NormalizeToken(span);
            if (normalized.Length == 0)
            {
                continue;
            }

            string written = span.ToString();
            if (lexicon is not null)
            {
                normalized = lexicon.Expanded(normalized);
            }

            if (ScriptDetector.Of(normalized) == Script.Arabic)
            {
                bool keep = keepArticle && !(pieces.Count > 0 && lexicon?.ParticleOf(pieces[^1].Normalized, out _) == ParticleKind.Head);
                SplitArabic(normalized, written, lexicon, sayZ, keep, keepProclitic, pieces);
            }
            else if (normalized.Length == 1 && lexicon is not null && lexicon.Izafat.Contains(normalized))
            {
                bool hyphens = raw.Start > 0 && IsHyphen(text[raw.Start - 1]) && raw.Start + raw.Length < text.Length && IsHyphen(text[raw.Start + raw.Length]);
                pieces.Add(new Piece(normalized, written, false, Connector: hyphens || !char.IsUpper(written[0])));
            }
            else
            {
                SplitLatinHead(normalized, written, raw.AllCaps, lexicon?.JoinedHeads ?? [], pieces);
            }
        }

        return pieces;
    }

    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    private static void SplitArabic(string token, string written, Lexicon? lexicon, bool sayZ, bool keepArticle, bool keepProclitic, List<Piece> pieces)
    {
        int length = token.Length;
        // Proclitic li- + article (للجيش), conjunction/preposition + article (والجيش, بالجيش),
        // when at least three letters are left (بالتي is Balti, not bi- + al- + ti).
        if (token.Length >= 5 && IsProcliticAndArticle(token.AsSpan(0, 2)))
        {
            token = keepProclitic ? token : token[2..];
        }
        else if (token.Length >= 6 && IsProcliticAndArticle(token.AsSpan(0, 3)))
        {
            token = keepProclitic ? token : token[3..];
        }
        else if (token.Length >= 4 && "وبلفك".Contains(token[0])
            && lexicon is not null && lexicon.ConceptOf(token[1..], Script.Arabic, "") != 0)
        {
            // A proclitic before a word of the lexicon's concepts, without the article: لأهل is
            // li- + ahl (for the people), ومصر wa- + Misr (and Egypt).
            token = token[1..];
        }

        // Joined compound heads: عبدالكريم, ابوبكر.
        foreach (string head in lexicon?.JoinedHeads ?? [])
        {
            if (token.Length >= head.Length + 2 && token.StartsWith(head, StringComparison.Ordinal) && ScriptDetector.Of(head[0]) == Script.Arabic)
            {
                pieces.Add(new Piece(head, written, false, SayZ: sayZ));
                token = token[head.Length..];
                break;
            }
        }

        // The article is written with a bare alef (hamzat wasl); أل / إل begin foreign names
        // (ألبيرتوس, إلاري), which keep their first syllable.
        if (!keepArticle && token.Length >= 4 && token.StartsWith("ال", StringComparison.Ordinal) && token != "الله"
            && !written.StartsWith('\u0623') && !written.StartsWith('\u0625'))
        {
            token = token[2..];
        }

        // Hamza below marks the vowel i (إبراهيم Ibrahim, إيفرا Evra): folding writes every alef
        // form as a bare alef, so the word carries that reading beside its folded form.
        pieces.Add(new Piece(token, written, false, token.Length == length && HamzaBelow(written), FinalMarbuta(written), sayZ));
    }

    private static void SplitLatinHead(string token, string written, bool allCaps, string[] joinedHeads, List<Piece> pieces)
    {
        foreach (string head in joinedHeads)
        {
            if (token.Length >= head.Length + 3 && token.StartsWith(head, StringComparison.Ordinal) && ScriptDetector.Of(head[0]) != Script.Arabic)
            {
                pieces.Add(new Piece(head, written, false));
                pieces.Add(new Piece(AfterAssimilatedArticle(head, token), written, false));
                return;
            }
        }

        pieces.Add(new Piece(token, written, allCaps));
    }

    /// <summary>
    /// The word after a joined head. A head that ends in the article assimilated to that word's
    /// first letter (abdur, abdus: Abd al-Rahim said Abdur-Rahim) lends the word that letter when
    /// the spelling writes it once (Abdurahim is Abd + Rahim, as Abdurrahim is).
    /// </summary>
    private static string AfterAssimilatedArticle(string head, string token)
    {
        char last = head[^1];
        bool assimilated = last is 'r' or 's' or '\u0440' or '\u0441'; // r, s; Cyrillic р, с
        return assimilated && token[head.Length] != last ? token[(head.Length - 1)..] : token[head.Length..];
    }

    /// <param name="pieces">The name's pieces.</param>
    /// <param name="text">The name as written.</param>
    /// <param name="capitalsApart">Whether capital letters apart (K.G.B.) may be an acronym: not in
    /// a person's name, where they are initials, as they are when written with spaces (K. G.).</param>
    private AnalyzedName? TryAcronym(List<Piece> pieces, string text, bool capitalsApart)
    {
        if (pieces.Count == 1 && pieces[0].AllCaps && pieces[0].Normalized.Length <= 8)
        {
            return new AnalyzedName([new NameToken(Forms(pieces[0]), TokenRole.Name, pieces[0].Text, false)], [], isAcronym: true);
        }

        // Letter names written as one word (आईएसपीआर), as Hindi often writes them.
        if (pieces.Count == 1 && _lexicon.JoinedLetterNames(pieces[0].Normalized) is { } joined)
        {
            return new AnalyzedName([new NameToken(Forms(joined), TokenRole.Name, pieces[0].Text, false)], [], isAcronym: true);
        }

        if (pieces.Count < 2)
        {
            return null;
        }

        // Spelled as letter names (آئی ایم ایف) or written as capitals apart (K.G.B., К.Г.Б.).
        Span<char> letters = stackalloc char[pieces.Count];
        bool capitals = capitalsApart && SingleCapital(pieces[0]) && WrittenWhole(text);
        for (int i = 0; i < pieces.Count; i++)
        {
            char letter;
            if (capitals)
            {
                if (!SingleCapital(pieces[i]))
                {
                    return null;
                }

                letter = pieces[i].Normalized[0];
            }
            else if (!_lexicon.TryLetterName(pieces[i].Text, pieces[i].Normalized, out letter))
            {
                return null;
            }

            letters[i] = letter;
        }

        string acronym = new(letters);
        string written = string.Join(' ', pieces.Select(p => p.Text));
        return new AnalyzedName([new NameToken(Forms(acronym), TokenRole.Name, written, false)], [], isAcronym: true);
    }

    /// <summary>Whether the text has no space inside it (K.G.B., not K. G. B.).</summary>
    private static bool WrittenWhole(string text)
    {
        foreach (char c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SingleCapital(Piece piece) => piece.Text.Length == 1 && piece.Normalized.Length == 1 && Tokenizer.IsCapital(piece.Text[0]);

    /// <summary>Index of the first token after the leading run of titles (0 when none).</summary>
    private int LeadingTitleEnd(List<Piece> pieces, bool honorificsOnly)
    {
        int i = 0;
        int lastTitleEnd = 0;
        while (i < pieces.Count)
        {
            int matched = 0;
            TitleKind kind = TitleKind.Role;
            if (_lexicon.Titles.TryGetValue(pieces[i].Normalized, out var phrases))
            {
                foreach (var (phrase, (k, arabic)) in phrases)
                {
                    if (i + phrase.Length <= pieces.Count && Matches(pieces, i, phrase, arabic))
                    {
                        matched = phrase.Length;
                        kind = k;
                        break;
                    }
                }
            }

            if (matched == 0 || (honorificsOnly && kind != TitleKind.Honorific))
            {
                break;
            }

            i += matched;
            if (kind != TitleKind.Connector)
            {
                lastTitleEnd = i;
            }
        }

        // Keep at least one token: a name that is all title words is read literally.
        return lastTitleEnd >= pieces.Count ? 0 : lastTitleEnd;
    }

    private static bool Matches(List<Piece> pieces, int start, string[] phrase, bool arabic)
    {
        for (int k = 0; k < phrase.Length; k++)
        {
            if (!string.Equals(pieces[start + k].Normalized, phrase[k], StringComparison.Ordinal) || (arabic && !Lexicon.InArabicLetters(pieces[start + k].Text)))
            {
                return false;
            }
        }

        return true;
    }

    private AnalyzedName Build(List<Piece> pieces, int start, int honorificsUntil = 0)
    {
        var titles = new string[start];
        for (int i = 0; i < start; i++)
        {
            titles[i] = pieces[i].Normalized;
        }

        var tokens = new List<NameToken>(pieces.Count - start);
        for (int i = start; i < pieces.Count; i++)
        {
            Piece piece = pieces[i];
            if (i < honorificsUntil)
            {
                tokens.Add(new NameToken(Forms(piece), TokenRole.Honorific, piece.Text, false));
                continue;
            }

            ParticleKind kind = _lexicon.ParticleOf(piece.Normalized, out string? canonical);
            if (kind == ParticleKind.None && i + 1 < pieces.Count
                && ((piece.Connector && i > start) || _lexicon.IsAssimilatedArticleBefore(piece.Normalized, pieces[i + 1].Normalized)))
            {
                // An article said as the next word begins (Nur ad-Din, Shams ur-Rahman), or the
                // izafat between two words (Lashkar-e-Taiba), which Urdu does not write.
                continue;
            }

            switch (kind)
            {
                case ParticleKind.Article when pieces.Count - start > 1:
                    continue;
                case ParticleKind.Head when i + 1 < pieces.Count:
                    // Join the head with the next word, skipping an article (Abu al-Hasan, Abd ar-Rahman).
                    int next = i + 1;
                    if (next + 1 < pieces.Count && _lexicon.IsArticleBefore(pieces[next].Normalized, pieces[next + 1].Normalized))
                    {
                        next++;
                    }

                    TokenForms tail = Forms(pieces[next]);
                    TokenForms joined = Joined(canonical ?? Romanizer.Romanize(piece.Normalized, ScriptDetector.Of(piece.Normalized)), piece.Normalized, tail);
                    string text = piece.Text == pieces[next].Text ? piece.Text : piece.Text + " " + pieces[next].Text;
                    tokens.Add(new NameToken(joined, TokenRole.Name, text, false));
                    i = next;
                    continue;
                case ParticleKind.Link:
                    tokens.Add(new NameToken(Forms(piece), TokenRole.Link, piece.Text, false));
                    continue;
                case ParticleKind.Stop when pieces.Count - start > 1:
                    tokens.Add(new NameToken(Forms(piece), TokenRole.Stop, piece.Text, false));
                    continue;
            }

            // The article of a compound name joined to the end of its first word (Ziaul Haq, Mujibur Rahman).
            TokenForms forms = i + 1 < pieces.Count && _lexicon.ArticleSuffixStem(piece.Normalized, pieces[i + 1].Normalized) is { } stem
                ? Forms(stem, hamzaBelow: false, sayZ: piece.SayZ)
                : Forms(piece);
            tokens.Add(new NameToken(forms, TokenRole.Name, piece.Text, Initials.IsInitial(forms)));
        }

        return new AnalyzedName([.. tokens], titles, isAcronym: false);
    }

    private TokenForms Joined(string headLatin, string headNormalized, TokenForms tail)
    {
        // The tail's romanization is part of the key: one folded word can have two readings (hamza below).
        string key = headNormalized + "\u0001" + tail.Normalized + "\u0001" + tail.Latin;
        var cache = _cache ?? SharedCache;
        if (cache.TryGetValue(key, out TokenForms? forms))
        {
            return forms;
        }

        return Cached(key, new TokenForms(headNormalized + tail.Normalized, tail.Script, headLatin + "-" + tail.Latin));
    }
}
