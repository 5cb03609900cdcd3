namespace EntityResolver.Text;

/// <summary>
/// The phonetic form of a romanized token and the distances on it. The form keeps vowels but
/// the distance charges little for them, because Arabic script does not write short vowels and
/// Devanagari and Latin spellings of one name disagree on vowel length and quality.
/// Symbols: vowels a e i o u; semivowels y w; consonants b d f g h j k l m n r s t z,
/// v, x (kh), S (sh), C (ch), T (the t of ts and tz, cheap to leave out: see Encode), G (the g of
/// a Romance gn between vowels, cheap to leave out too), Z (the zh of a Latin spelling: j, except that Arabic script also
/// writes it ز, as in بيستوزيف Bestuzhev, or ز and a heh, as in مظهر Mazhar), K (a Latin c said
/// k, plain k except that Slavic spellings say it ts: Adamec, Адамец; and a Latin q before i, which
/// pinyin says close to ch: Qin, Цинь), c (a Latin c before e, i or y: plain s, except that
/// Turkish says it j, which Arabic script and Cyrillic write ج and дж: Cem, Джем), q (a Latin ç,
/// close to s, ch and k: <see cref="CedillaCost"/>), X (the silent h that German writes after an
/// umlaut: plain h, 0.1 to leave out: Böhme, Бёме, where Arabic script writes it, بوهمه), N (the n
/// of a Polish or Portuguese nasal vowel: plain n, and m, 0.1 to leave out: Dąbrowski, Домбровский),
/// J (the zh of a Czech ř: plain j, 0.1 to leave out: Dvořák, Дворжак), Q (the s of a Cyrillic ц, plain s, which meets K), D (an
/// Arabic-script ض or ذ: plain d, and z at <see cref="PersianZCost"/>: رضا, Rida and Raza), A (a
/// Cyrillic х after b, d, g or t, the h of a Latin digraph: plain x, 0.1 to leave out: Дхони, Dhoni), E (the th
/// of a Latin spelling: plain t, and the f of Cyrillic at <see cref="ThetaCost"/>: Athena, Афина), I (the
/// y Russian says before a word-initial е: plain y, 0.1 to leave out: Ешич, Ješić; Елена, Elena), and H (an h that
/// Arabic script writes as a letter of its own after a consonant, مظهر mz-hr, which Latin
/// spellings often join to that consonant: Mazhar, Adham, Fathi). Digraphs are collapsed,
/// doubled symbols merged (k and K too), p/b and q/k merged; v stays apart from w because Arabic script writes it ف (Karimova: كريموفا) as often as و.
/// </summary>
/// <remarks>Registry snapshots store these forms: a change here needs a new <c>RegistrySnapshot.Version</c>.</remarks>
internal static class Phonetics
{
    private const float VowelCost = 0.3f;

    /// <summary>Substituting o for u or e for i when one side was read from Arabic script, which writes each pair with one letter.</summary>
    private const float ArabicVowelCost = 0.05f;

    /// <summary>
    /// Substituting for a Latin letter what Arabic script or Cyrillic writes for it (ب for p, й
    /// for a j said y, х for kh and for the ch of German names: <see cref="SubstitutionCost"/>).
    /// </summary>
    private const float ScriptConventionCost = 0.2f;
    private const float SemivowelCost = 0.35f;

    /// <summary>
    /// Substituting for a Latin c before e, i or y (<c>c</c>) the j (ج, дж) that Arabic script and
    /// Cyrillic write for the c of Turkish names (Cem: Джем).
    /// </summary>
    private const float TurkishCCost = 0.3f;

    /// <summary>
    /// The same for a c said k (<c>K</c>: Kırca, Кырджа): dearer, so that k's
    /// <see cref="Potential"/> stays 1 (j's is 0.5), and with it the distance's lower bound.
    /// </summary>
    private const float TurkishKCost = 0.5f;

    /// <summary>
    /// Substituting z for an Arabic-script ض or ذ (<c>D</c>), which Persian, Urdu and Turkish say z
    /// (رضا Raza, ضياء Zia, قاضی Qazi) and Arabic d or dh (Rida, Qadi): the cheapest cost at which
    /// d's <see cref="Potential"/> stays 1 (z's is 0.7), and with it the distance's lower bound.
    /// </summary>
    private const float PersianZCost = 0.3f;

    /// <summary>
    /// Substituting a Cyrillic f for the th of a Latin spelling (<c>E</c>), as Russian writes the
    /// theta of Greek names (Theodosia: Феодосья, Pytheas: Пифей), while an English th is plain t
    /// (Smith: Смит). It is below what the potentials bound (<see cref="LooseSymbols"/>).
    /// </summary>
    private const float ThetaCost = 0.3f;

    private const float HCost = 0.7f;

    /// <summary>
    /// Leaving out an <c>H</c> (see the class summary: a Latin digraph may have taken it), the
    /// <c>T</c> of ts or the <c>G</c> of a Romance gn (other spellings leave them out).
    /// </summary>
    private const float SplitHCost = 0.3f;
    private const float NearCost = 0.4f;

    /// <summary>
    /// Leaving out one of <see cref="UnwrittenSymbols"/>: the silent h after a German umlaut
    /// (<c>X</c>: Böhme, Бёме), the n of a nasal vowel (<c>N</c>: Dąbrowski, Dabrowski) or the zh
    /// of a Czech ř (<c>J</c>: Dvořák, Dvorak), which spellings without the diacritics leave out;
    /// the Cyrillic х after a stop (<c>A</c>: Дхони, Dhoni), which Latin digraphs fold in; and the y
    /// of a Cyrillic word-initial е (<c>I</c>: Елена, Elena), which Latin spellings may leave out.
    /// </summary>
    private const float UnwrittenCost = 0.1f;

    /// <summary>
    /// Leaving out a Latin spelling's silent tail (<see cref="SilentTail"/>): one letter or a case
    /// ending, left out whole whatever its symbols (the x of -aux is two, k and s; the -us of
    /// Aemilius two, and the й of Эмилий goes with it).
    /// </summary>
    private const float SilentCost = 0.3f;

    /// <summary>
    /// What a reading of a Latin form keeps of its similarity (every one of <see cref="LatinReadings"/>
    /// but the gn, the ae, the Dutch oe and the two yu readings): an equal spelling stays ahead.
    /// </summary>
    private const float ReadingShare = 0.93f;

    /// <summary>
    /// What a reading of two Latin vowels as one keeps (the ae read e, <see cref="Readings.LatinAe"/>;
    /// the Dutch oe read u, <see cref="Readings.DutchOe"/>): it changes one vowel, so at
    /// <see cref="ReadingShare"/> a spelling with another vowel there stayed ahead (Тэгер: Tager
    /// before Taeger; Брукман: Brakman before Broekman); an equal spelling (Teger) still does.
    /// </summary>
    private const float VowelReadingShare = 0.97f;

    /// <summary>
    /// What the readings of a u after a consonant as yu keep (<see cref="Readings.Yu"/>,
    /// <see cref="Readings.EnglishYu"/>): less than <see cref="ReadingShare"/>, since that u is yu
    /// in some names and u in most others, so that a reading surer of the yu wins a tie: the long u
    /// before a silent e (Дьюд: Dude before Dud), the shu of a Japanese name (Касю: Kashu before Kasu).
    /// </summary>
    private const float YuReadingShare = 0.92f;

    /// <summary>
    /// Converts a lower-case ASCII romanization to its phonetic form. <paramref name="script"/>:
    /// the script the word was written in; some letter groups are read as one sound only in a
    /// Latin spelling (sz, zs), where a romanization of another script has two letters.
    /// </summary>
    public static string Encode(ReadOnlySpan<char> latin, Script script = Script.Latin)
    {
        Span<char> buffer = latin.Length <= 128 ? stackalloc char[latin.Length * 2] : new char[latin.Length * 2];
        int n = 0;
        for (int i = 0; i < latin.Length; i++)
        {
            char c = latin[i];
            char next = i + 1 < latin.Length ? latin[i + 1] : '\0';
            char symbol;

            // Spellings of European languages that other scripts write as said: French eau is o
            // (Rousseau: Руссо, روسو); Polish cz and Italian cc before e or i are ch (Abkowicz:
            // Абкович, Ricci: Риччи, ريتشي); the c of a Polish -cki or -cka is ts (Balicki:
            // Балицкий), not the silent c of English ck.
            if (c == 'e' && next == 'a' && i + 2 < latin.Length && latin[i + 2] == 'u')
            {
                AppendSymbol(buffer, ref n, 'o');
                i += 2;
                continue;
            }

            // A Cyrillic х after a stop is mostly the h of a Latin digraph, which Russian writes as a
            // letter of its own: the aspiration of Indian and Thai names (Дхони Dhoni, Бхутто Bhutto,
            // Атхар Athar, Гхош Ghosh), and an h after a stop in other names (Кханна Khanna, Экхард
            // Eckhard, Ампхол Amphol). After b, d, g or t it is A, cheap to leave out, as the digraph
            // does, and plain kh otherwise (Бёттхер Böttcher: the ch of German names); кх is the
            // Latin kh and пх the Latin ph (f), which Russian writes ф in other names.
            if (script == Script.Cyrillic && c is 'b' or 'd' or 'g' or 't' or 'p' or 'k' && next == 'k' && i + 2 < latin.Length && latin[i + 2] == 'h')
            {
                AppendSymbol(buffer, ref n, c switch { 'p' => 'f', 'k' => 'x', _ => c });
                if (c is not ('p' or 'k'))
                {
                    AppendSymbol(buffer, ref n, 'A');
                }

                i += 2;
                continue;
            }

            // English, French and Italian spellings that other scripts write as said (SaidSpelling).
            if (script == Script.Latin && SaidSpelling(latin, i, buffer, ref n) is > 0 and int read)
            {
                i += read - 1;
                continue;
            }

            // The spellings of ch as one sound (ChSpellings), before the Hungarian zs would take the z of a zsch.
            if (ChSpelling(latin, i, script) is > 0 and int chLength)
            {
                AppendSymbol(buffer, ref n, 'C');
                i += chLength - 1;
                continue;
            }

            // Polish and Hungarian sz (Barabasz: Барабаш, Szabó: Сабо) and Hungarian zs (Zsolt:
            // Жолт) are one sound each.
            if (c is 's' or 'z' && next is 's' or 'z' && next != c && script == Script.Latin)
            {
                AppendSymbol(buffer, ref n, c == 's' ? 'S' : 'Z');
                i++;
                continue;
            }

            if (c == 'c' && (next == 'z' || (next == 'c' && i + 2 < latin.Length && latin[i + 2] is 'e' or 'i')))
            {
                AppendSymbol(buffer, ref n, 'C');
                i++;
                continue;
            }

            // Italian and Romanian gi before a, o or u is j, the i only marking it; a doubled gg
            // too (Giotto: Джотто, Biagio: بياجيو, Caravaggio: Караваджо, Giurgiu: Джурджу).
            if (c == 'g' && script == Script.Latin && SoftGi(latin, next == 'g' ? i + 2 : i + 1))
            {
                AppendSymbol(buffer, ref n, 'j');
                i += next == 'g' ? 2 : 1;
                continue;
            }

            if (c == 'c' && next == 'k' && latin.Length >= 6 && i == latin.Length - 3 && latin[^1] is 'i' or 'a')
            {
                AppendSymbol(buffer, ref n, 't');
                AppendSymbol(buffer, ref n, 's');
                continue;
            }

            // English spellings of organization words transliterated into other scripts:
            // "-tion"/"-sion" is pronounced sh (National: نیشنل), "ch" before a consonant is k
            // (Technology: ٹیکنالوجی).
            if (c is 't' or 's' && next == 'i' && i + 3 < latin.Length && latin[i + 2] == 'o' && latin[i + 3] == 'n')
            {
                AppendSymbol(buffer, ref n, 'S');
                i++;
                continue;
            }

            if (c == 'c' && next == 'h' && i + 2 < latin.Length && latin[i + 2] is 'r' or 'l' or 'n' or 't')
            {
                AppendSymbol(buffer, ref n, 'k');
                i++;
                continue;
            }

            // Vowel digraphs of English and French romanizations: ee = i (Saeed, Jeevan),
            // oo/ou = u (Moosa, Moustafa). Not the оу of Russian, which writes two sounds: the
            // long o of English names (Роуз Rose, Боуи Bowie, Коуди Cody), and the ou of Portuguese
            // and English ones (Коутинью Coutinho), which Readings.LatinOu reads so.
            if ((c == 'e' && next == 'e') || (c == 'o' && (next == 'o' || (next == 'u' && script != Script.Cyrillic))))
            {
                AppendSymbol(buffer, ref n, c == 'e' ? 'i' : 'u');
                i++;
                continue;
            }

            // English dge is j (Bridget, Hodge, Aldridge): Arabic script writes دج, Cyrillic дж
            // (Бриджит). Not dgi or dga: Indian and Persian names say d and g (Zindagi, Yadgir).
            if (c == 'd' && next == 'g' && i + 2 < latin.Length && latin[i + 2] == 'e')
            {
                AppendSymbol(buffer, ref n, 'j');
                i++;
                continue;
            }

            // dj is j (Djamel); dz is z or j in other spellings (Russian writes the z and j of
            // Japanese names дз: Мацудзуки Matsuzuki; and j дж: Джамал Jamal). Before i, or y
            // and a vowel, a Cyrillic дз is the j of a Japanese name (Polivanov's system writes
            // ji, ja, ju and jo дзи, дзя, дзю and дзё: Фудзии Fujii, Дзёдзи Joji).
            if (c == 'd' && next == 'z' && script == Script.Cyrillic && i + 2 < latin.Length
                && (latin[i + 2] == 'i' || (latin[i + 2] == 'y' && i + 3 < latin.Length && IsVowel(latin[i + 3]))))
            {
                AppendSymbol(buffer, ref n, 'j');
                i++;
                continue;
            }

            // Arabic script's final دز is the -ds of English names, d and z (Edwards: إدواردز,
            // Bonds: بوندز), not a z.
            if (c == 'd' && next is 'j' or 'z' && !(script == Script.Arabic && next == 'z' && i + 2 == latin.Length))
            {
                continue;
            }

            // The t of ts and tz is T, which other spellings of the sound leave out: Cyrillic
            // writes one letter (ц) for the German z (Цукерман Zuckerman), the c of Latin (Цицерон
            // Cicero) and the ts of Russian names; Arabic script writes it تس (موتسارت Mozart).
            // (Cyrillic тс, two letters, is romanized with a separator: t, s.)
            if (c == 't' && next is 's' or 'z')
            {
                if (n == 0 || buffer[n - 1] != 't')
                {
                    AppendSymbol(buffer, ref n, 'T');
                }

                // The ts read from Cyrillic is ц, whose s is Q: the c that Slavic and Hungarian
                // spellings say ts meets it (Adamec: Адамец, Václav: Вацлав; see K below).
                if (script == Script.Cyrillic && next == 's')
                {
                    AppendSymbol(buffer, ref n, 'Q');
                    i++;
                }

                continue;
            }

            // The g of gn between vowels is G, which Italian and French names say ny and other
            // scripts write so (Agnelli: Аньелли, أنييلي; Bologna: Болонья): cheap to leave out,
            // and plain g otherwise (Wagner: Вагнер, Magnus: Магнус). So is the g of an Italian
            // gli after a vowel, before a vowel or at the end, said ly (Battaglia: Батталья,
            // باتاليا; Sbaragli: Сбаральи).
            if (c == 'g' && script == Script.Latin && i > 0 && IsVowel(latin[i - 1]) && i + 2 < latin.Length
                && ((next == 'n' && (IsVowel(latin[i + 2]) || latin[i + 2] == 'y')) || (next == 'l' && latin[i + 2] == 'i' && (i + 3 == latin.Length || IsVowel(latin[i + 3])))))
            {
                AppendSymbol(buffer, ref n, 'G');
                continue;
            }

            // The u of gu before e, i or y is U: Spanish, French and Portuguese names leave it
            // unsaid, and other scripts unwritten (Guichard: Гишар, غيشار; Miguel: Мигель), while
            // Italian ones say it (Guerra: Гуэрра), which U, a plain u otherwise, matches at no cost.
            if (c == 'u' && script == Script.Latin && i > 0 && latin[i - 1] == 'g' && next is 'e' or 'i' or 'y')
            {
                AppendSymbol(buffer, ref n, 'U');
                continue;
            }

            // sch is sh in German, Dutch and Yiddish names (Schmidt: شميت, Шмидт), which other
            // scripts write with their one letter for sh. In a romanization of Arabic script it
            // is two letters, s and ch (Urdu سچن, Sachin), while Russian writes the sch of Latin
            // names сч letter for letter (Maschio: Масчио, Visch: Висч).
            if (c == 's' && next == 'c' && i + 2 < latin.Length && latin[i + 2] == 'h' && script != Script.Arabic)
            {
                AppendSymbol(buffer, ref n, 'S');
                i += 2;
                continue;
            }

            // The xh of Albanian names before a vowel is j (Xhaka: Джака, Haxhi: Хаджи); not the
            // x of an English name before a final -ham or -hall (Bloxham, Foxhall).
            if (c == 'x' && next == 'h' && script == Script.Latin && IsVowel(At(latin, i + 2))
                && !latin[(i + 2)..].SequenceEqual("am") && !latin[(i + 2)..].SequenceEqual("all"))
            {
                AppendSymbol(buffer, ref n, 'j');
                i++;
                continue;
            }

            if (next == 'h' && c is 'k' or 'g' or 's' or 'c' or 'z' or 't' or 'd' or 'p' or 'b' or 'j')
            {
                symbol = c switch
                {
                    'k' => 'x',
                    'g' => 'g',
                    's' => 'S',
                    'c' => 'C',
                    'z' => 'Z',
                    't' => script == Script.Latin ? 'E' : 't',
                    'd' => 'd',
                    'p' => 'f',
                    'b' => 'b',
                    _ => 'j',
                };
                i++;
            }
            else
            {
                switch (c)
                {
                    case 'c':
                        // A c that English and Romance spellings say k is K: plain k, except that
                        // Slavic and Hungarian spellings say it ts, which Cyrillic writes ц
                        // (Adamec: Адамец, Bjelica: Белица; see Q above).
                        symbol = next is 'e' or 'i' or 'y' ? 'c' : next is 'k' or 'q' ? '\0' : 'K';
                        break;
                    case 'q':
                        // The q of pinyin, always before i or u (ü), is said close to ch and Russian
                        // writes it ц (Qing: Цин, Qian: Цянь): K, as the c of Slavic names, before i.
                        symbol = next == 'i' && script == Script.Latin ? 'K' : 'k';
                        break;
                    case 'x' when next is 'i' or 'u' && (i == 0 || latin[i - 1] is 'n' or 'g' or '-'):
                        // Pinyin x (Xi, Xu, Jiangxi, Xinjiang) is said, and written in other
                        // scripts, close to sh: शिनिंग, شينينغ (Xining); so are Maltese,
                        // Portuguese and Catalan word-initial x (Xuereb, Xuxa, Ximo).
                        symbol = 'S';
                        break;
                    case 'h' when n >= 2 && buffer[n - 1] == '-' && buffer[n - 2] != '-' && !IsVowel(buffer[n - 2]):
                        symbol = 'H';
                        break;
                    case 'ç':
                        // A Latin ç (Romanizer.PhoneticSource) is q: see CedillaCost.
                        symbol = 'q';
                        break;
                    case 'X' or 'N' or 'J':
                        // The silent h after a German umlaut, a nasal vowel's n and the zh of a Czech ř
                        // (Romanizer.PhoneticSource): plain h, n and j that cost next to nothing to leave out.
                        symbol = c;
                        break;
                    case 'D' or 'I':
                        // An Arabic-script ض or ذ, and the y of a Cyrillic word-initial е
                        // (Romanizer.PhoneticSource): see PersianZCost and UnwrittenSymbols.
                        symbol = c;
                        break;
                    case 'x':
                        AppendSymbol(buffer, ref n, 'k');
                        symbol = 's';
                        break;
                    case '-':
                        // A separator (between the halves of a compound, or between two equal
                        // letters of Arabic script) stops the merging of doubled symbols.
                        if (n > 0)
                        {
                            buffer[n++] = '-';
                        }

                        symbol = '\0';
                        break;
                    default:
                        symbol = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '\0';
                        break;
                }
            }

            if (symbol != '\0')
            {
                AppendSymbol(buffer, ref n, symbol);
            }
        }

        // Drop the separators now that they have done their work.
        int kept = 0;
        for (int k = 0; k < n; k++)
        {
            if (buffer[k] != '-')
            {
                buffer[kept++] = buffer[k];
            }
        }

        n = kept;

        // A final h after a vowel is not pronounced in most romanized names (Fatimah, Aishah), so
        // Latin spellings drop or keep it at will; Arabic script writes it after a consonant
        // (صالح salh: Salah, Saleh), where no short vowel is written: dropped too.
        if (n >= 3 && buffer[n - 1] is 'h' or 'H' or 'X')
        {
            n--;
        }

        return new string(buffer[..n]);
    }

    /// <summary>
    /// The spellings of ch as one sound, which other scripts write with one letter or as تش: tsch,
    /// tsh and tch in every romanization (German tsch, Arabic تش, English tch), and in Latin names
    /// the tzsch and zsch of German (Pötzsch: Пётч, Zschokke: Чокке) and the tx of Basque
    /// (Etxeberria: Эчеверрия, Txiki: Чики). No spelling is the start of another.
    /// </summary>
    private static readonly (string Spelling, bool LatinOnly)[] ChSpellings = [("tsch", false), ("tsh", false), ("tch", false), ("tzsch", true), ("zsch", true), ("tx", true)];

    /// <summary>The length of the <see cref="ChSpellings"/> spelling at <paramref name="i"/>, or 0.</summary>
    private static int ChSpelling(ReadOnlySpan<char> latin, int i, Script script)
    {
        if (latin[i] is not ('t' or 'z'))
        {
            return 0;
        }

        foreach ((string spelling, bool latinOnly) in ChSpellings)
        {
            if ((!latinOnly || script == Script.Latin) && latin[i..].StartsWith(spelling, StringComparison.Ordinal))
            {
                return spelling.Length;
            }
        }

        return 0;
    }

    /// <summary>
    /// How many final symbols of the phonetic form of a Latin spelling French leaves silent, which
    /// Arabic script and Cyrillic, writing the name as it is said, leave out: the t of -et, -ot,
    /// -ait, -oit, -aut, -rt, the lt of -ault and the d of -rd, -aud (Brunet Брюне, Arnaud, Boulard Булар, Arsenault Арсено), the x
    /// of -aux, -eux, -oux (Dajoux Дажу: k and s), the r of -ier (Garnier Гарнье); and with the
    /// <paramref name="conventions"/> of Cyrillic an s after a vowel (Dubois Дюбуа; Arabic script
    /// writes it: ديمارس Dumars), the t or d of a vowel's -nt or -nd (Laurent Лоран, Dupont Дюпон,
    /// Bertrand Бертран; Hindi and Urdu say them: Prashant प्रशांत, Anand آنند), the whole case
    /// ending of a Latin or Greek name, which Russian leaves out (two symbols, the vowel and its s:
    /// Quartus Кварт, Aemilius Эмилий, Demades Демад; French -es after a consonant too, Fallières
    /// Фальер: <see cref="LatinCaseEnding"/>),
    /// and the g of a final ng, which Russian leaves out of Chinese names (Wang: Ван); with the
    /// conventions of Arabic script, a silent -es that only French names have (Charles شارل:
    /// <see cref="FrenchEs"/>). 0 for words of three letters or fewer and for other endings.
    /// </summary>
    public static int SilentTail(ReadOnlySpan<char> latin, Script conventions)
    {
        int n = latin.Length;
        if (n < 4)
        {
            return 0;
        }

        char last = latin[n - 1], before = latin[n - 2], third = latin[n - 3];
        return last switch
        {
            // -et, -ot, -ait, -oit, -aut, -ert, -ard, -aud; not -at, -it, -ed, -id, -oud
            // (Barakat, Ismat, Ahmed, Rashid, Mahmoud: Arabic names, which keep them).
            't' when before is 'e' or 'o' or 'r' || (before is 'i' or 'u' && IsVowel(third)) => 1,
            't' when before == 'l' && third == 'u' && latin[n - 4] == 'a' => 2, // -ault: Arsenault Арсено
            'd' when before == 'r' || (before == 'u' && third == 'a') => 1,
            // A vowel's -nt and -nd, which Russian leaves out of French names (Laurent Лоран,
            // Bertrand Бертран); Hindi and Urdu say them in Indian names (Prashant प्रशांत, Anand
            // आनंद), which Arabic script's conventions serve too. Leaving one out costs
            // SilentCost, so the names that say it (Grant: Грант) still meet their spelling in full.
            't' or 'd' when before == 'n' && IsVowel(third) && conventions == Script.Cyrillic => 1,
            'x' when before == 'u' && IsVowel(third) => 2,
            'r' when before == 'e' && third == 'i' && !IsVowel(latin[n - 4]) => 1,
            's' when conventions == Script.Cyrillic && LatinCaseEnding(latin) => 2,
            's' when conventions == Script.Arabic && FrenchEs(latin) => 2,
            's' when (IsVowel(before) || before == 'y') && conventions == Script.Cyrillic => 1,
            // Russian writes the final ng of Chinese names н (Wang: Ван, Aiping: Айпин).
            'g' when before == 'n' && conventions == Script.Cyrillic => 1,
            _ => 0,
        };
    }

    /// <summary>
    /// Whether <paramref name="latin"/> ends in the -us or -os of a Latin or Greek name, in the -as
    /// of one after i or e, or in an -es after a consonant (Greek and French), which Russian
    /// leaves out with its s: Faustus Фауст, Aemilius Эмилий, Ambrosios Амвросий, Critias Критий
    /// (their й is <see cref="CyrillicCaseEnding"/>'s), Demades Демад, Fallières Фальер. Not the
    /// -ous of French names, which say its ou (u).
    /// </summary>
    private static bool LatinCaseEnding(ReadOnlySpan<char> latin) =>
        latin[^2] switch
        {
            'u' => latin[^3] != 'o',
            'o' => true,
            'a' => latin[^3] is 'i' or 'e',
            'e' => !IsVowel(latin[^3]) && latin[^3] != 'y',
            _ => false,
        };

    /// <summary>
    /// Whether <paramref name="latin"/> ends in a silent -es that only French names have, which
    /// Arabic script leaves out with its s, as French says it: -rles, -lles, -nnes, -rges, -ules,
    /// -ieres (Charles شارل, Gilles جيل, Cannes كان, Georges جورج, Jules جول, Fallières فاليير). Not
    /// the -es of English names, whose s Arabic script writes (Jones جونز, James جيمس, Holmes
    /// هولمز, Miles مايلز), nor one after a vowel (Idrees).
    /// </summary>
    private static bool FrenchEs(ReadOnlySpan<char> latin) =>
        latin.Length >= 5 && latin[^4..] is "rles" or "lles" or "nnes" or "rges" or "ules" || latin.EndsWith("ieres", StringComparison.Ordinal);

    /// <summary>
    /// Whether a form read from Cyrillic ends in a vowel and y (й), the ending that Russian
    /// writes for the -ius, -eus and -aus of Latin and Greek names (Эмилий Aemilius, Ахиллей
    /// Achilleus, Менелай Menelaus; <see cref="LatinCaseEnding"/>).
    /// </summary>
    private static bool CyrillicCaseEnding(ReadOnlySpan<char> form) =>
        form.Length >= 3 && form[^1] == 'y' && IsVowel(form[^2]);

    /// <summary>
    /// The readings of a Latin form that <see cref="Similarity(TokenForms, TokenForms, float)"/>
    /// also tries against a form with the same spelling flag (<see cref="ReadingsOf"/>), each with
    /// what it keeps of its similarity:
    /// <list type="bullet">
    /// <item>Italian and French names say their gn ny, and the other scripts write it so (Agnelli:
    /// Аньелли, أنييلي; Montaigne: Монтень), while German names say g and n (Wagner: Вагнер): the
    /// <c>Gn</c> read as the ny of the other form, in full. So is an Italian gli before a vowel
    /// read ly, and a final one lyi (Battaglia: Батталья, باتاليا; Sbaragli: Сбаральи).</item>
    /// <item>Polivanov's system writes the sha, shu, sho, cha, chu and cho of Japanese names ся,
    /// сю, сё, тя, тю, тё (Shōda: Сёда, Chōkyū: Тёкю), which the romanization reads sy and ty and
    /// a vowel: one step from the Latin sh and ch, and the y one more, so a spelling without them
    /// was nearer (Soda, Toku). Cyrillic forms only carry the flag.</item>
    /// <item>The Polish rz after a consonant is zh, sh after a voiceless one (Brzezinski:
    /// Бжезинский, Krzysztof: Кшиштоф), which Russian writes; Arabic script keeps the r, so only
    /// Cyrillic forms carry the flag.</item>
    /// <item>The Hungarian cs is ch (Kovács: Ковач, Csaba: تشابا), though transliterations also
    /// write it letter by letter (Kocsis: كوكسيس).</item>
    /// <item>The vowel of an English name before one consonant and a silent final e is said as a
    /// diphthong, which Russian writes (Bates: Бейтс, Lime: Лайм); other languages say it as
    /// written (Ariane: Ариан). Cyrillic forms only carry the flag.</item>
    /// <item>The au and eau of French names are o (Arsenault: Арсено, Chauveau: Шово), while
    /// German ones say au (Baumann: Бауман), which the form as written meets. Cyrillic forms with
    /// an o and Arabic-script forms with a u (و) carry the flag (when it was first tried against
    /// Arabic script no netranslit-ar top-1 changed; in the sixty-fifth session it gained two).</item>
    /// <item>The ill of French names after a, e or u, and their final il after a vowel, are y
    /// (Abeille: Абей, Dubreuil: Дюбрёй), which Russian writes й; German names say their il
    /// (Feiler: Фейлер). Cyrillic forms only carry the flag.</item>
    /// <item>The ll of Spanish names between vowels is y, which Arabic script writes ي (Castilla:
    /// كاستيا, Ballester: باييستير); Russian writes it ль (Кастилья), which the form as written
    /// meets. Arabic-script forms with a y, i or e only carry the flag.</item>
    /// <item>The sz of Hungarian names is s (Szabó: Сабо, سابو; Juhász: Юхас), while Polish names
    /// say it sh (Szymański: Шиманский), which the form as written meets. Cyrillic and
    /// Arabic-script forms with an s only carry the flag.</item>
    /// <item>The oi and oy of French names are wa (Coypel: Куапель, Jeanroy: Жанруа, Hiroi: هيروا),
    /// which the final -ois, -oit and -oix of the form as written already are. Cyrillic forms with
    /// a ua and Arabic-script forms with a wa only carry the flag.</item>
    /// <item>The nh and lh of Portuguese names between vowels are ny and ly, and a final o after
    /// them u (Coutinho: Коутинью, Carvalho: كارفاليو, Cunha: Кунья); English names say the h
    /// apart or not at all (Bonham), which the form as written meets. Cyrillic forms with an ny or
    /// ly and Arabic-script forms with an ny, ly, ni or li only carry the flag.</item>
    /// <item>The eu of German names is oy, which Russian writes ой (Euler: Ойлер, Neumann:
    /// Нойман), and that of French names, and their ieu, the ё of Russian (Fleury: Флёри,
    /// Matthieu: Матьё), while Spanish and Italian ones say it as written (Eusebio: Эусебио).
    /// Cyrillic forms with an oy or a yo only carry the flags (with Arabic script's وي, Neuer: نوير,
    /// one more netranslit-ar query was right: not kept).</item>
    /// <item>The ea of English names before a consonant is i, which Russian writes и and Arabic
    /// script ي (Eaton: Итон, إيتون; Kearney: Кирни), while Romance names say it as written
    /// (Leandro: Леандро). Cyrillic forms with an i and Arabic-script forms with an i or y only
    /// carry the flag.</item>
    /// <item>The ae of Latin and Greek names, and that of German names for ä and of Korean ones,
    /// is e, which Russian writes (Caesar: Цезарь, Aeschylus: Эсхил, Jaenisch: Яниш, Jae: Чжэ),
    /// while Dutch and Arabic names say it otherwise (Aerts: Артс, Saeed: Саид), which the form as
    /// written meets. Cyrillic forms with an e only carry the flag (with Arabic script's i, y or
    /// e too, netranslit-ar lost more queries than it gained: Kais read as Kaes).</item>
    /// <item>The oe of German names for ö is the ё of Russian, as the French eu is (Kroemer: Крёмер,
    /// Boesch: Бёш); that of Dutch names is u (Broekman: Брукман, Zoelen: Зулен), and an English
    /// final oe meets the у of оу (Pascoe: Паскоу); Joel's are apart (Джоэл), which the form as
    /// written meets. Cyrillic forms with a yo or a u only carry the flags.</item>
    /// <item>The a of an English name that is its first vowel, before a consonant, is the vowel of
    /// Gary, which Russian writes э (Гэри, Эшли, Мэтью). Cyrillic forms with an э only carry the
    /// flag: an е is as often an e (Флеш: Flesch), and with it netranslit-ru lost 23 development
    /// queries for 64, against 10 for 50 with э alone.</item>
    /// <item>Hindi writes English names as said too: a Devanagari form has the silent h, the
    /// English e and ea and the soft g (<see cref="ReadingsOf"/>), and a reading of the long
    /// vowel before a silent e, the ai and the au of its own (<see cref="ReadHindiEnglishVowel"/>),
    /// which Arabic-script forms with a ي or و share.</item>
    /// <item>A u after a consonant is the yu that Russian writes ю in French and German names
    /// (Dumas: Дюма, Müller: Мюллер) and ью in English ones, as Hindi writes यू (Tukey: Тьюки,
    /// Cuba: क्यूबा): <see cref="ReadYu"/>, <see cref="ReadEnglishYu"/>.</item>
    /// </list>
    /// All but the gn, the ae, the Dutch oe and the two yu readings keep <see cref="ReadingShare"/>,
    /// so that an equal spelling stays ahead (Tyurin: Тюрин stays nearer than Churin); the yu
    /// readings keep less (<see cref="YuReadingShare"/>).
    /// </summary>
    private static readonly (Readings Reading, Rewrite Read, float Share)[] LatinReadings =
    [
        (Readings.GnOrGli, ReadGn, 1f),
        (Readings.Japanese, ReadJapaneseSyllable, ReadingShare),
        (Readings.Rz, ReadPolishRz, ReadingShare),
        (Readings.Cs, ReadHungarianCs, ReadingShare),
        (Readings.EnglishVowel, ReadEnglishVowel, ReadingShare),
        (Readings.FrenchAu, ReadFrenchAu, ReadingShare),
        (Readings.FrenchIll, ReadFrenchIll, ReadingShare),
        (Readings.SpanishLl, ReadSpanishLl, ReadingShare),
        (Readings.HungarianSz, ReadHungarianSz, ReadingShare),
        (Readings.SoftG, ReadSoftG, ReadingShare),
        (Readings.FrenchOi, ReadFrenchOi, ReadingShare),
        (Readings.PortugueseNh, ReadPortugueseNh, ReadingShare),
        (Readings.GermanEu, ReadGermanEu, ReadingShare),
        (Readings.Yo, ReadYo, ReadingShare),
        (Readings.EnglishEa, ReadEnglishEa, ReadingShare),
        (Readings.LatinAe, ReadLatinAe, VowelReadingShare),
        (Readings.DutchOe, ReadDutchOe, VowelReadingShare),
        (Readings.Que, ReadQue, ReadingShare),
        (Readings.EnglishE, ReadEnglishE, ReadingShare),
        (Readings.SilentH, ReadSilentH, ReadingShare),
        (Readings.HindiEnglishVowel, ReadHindiEnglishVowel, ReadingShare),
        (Readings.EnglishShortA, ReadEnglishShortA, ReadingShare),
        (Readings.LatinOu, ReadLatinOu, ReadingShare), // before the yu readings: the u of an ou is no yu
        (Readings.Yu, ReadYu, YuReadingShare),
        (Readings.EnglishYu, ReadEnglishYu, YuReadingShare),
        (Readings.EnglishGh, ReadSilentGh, ReadingShare),
        (Readings.EnglishGhF, ReadGhF, ReadingShare),
        (Readings.FinalNgh, ReadFinalNgh, ReadingShare),
        (Readings.SeparateZh, ReadSeparateZh, ReadingShare),
        (Readings.SeparateSh, ReadSeparateSh, ReadingShare),
        (Readings.FinalH, ReadFinalH, ReadingShare),
        (Readings.InitialJ, ReadInitialJ, ReadingShare),
        (Readings.FrenchAi, ReadFrenchAi, ReadingShare),
        (Readings.AiAsEy, ReadAiAsEy, ReadingShare),
        (Readings.GlideBeforeVowel, ReadGlideBeforeVowel, ReadingShare),
        (Readings.EnglishShortU, ReadEnglishShortU, ReadingShare),
        (Readings.EnglishFinalS, ReadEnglishFinalS, ReadingShare),
        (Readings.PolishCkAsK, ReadPolishCkAsK, ReadingShare),
        (Readings.EnglishOw, ReadEnglishOw, ReadingShare),
        (Readings.GermanIchT, ReadGermanIchT, ReadingShare),
    ];

    /// <summary>
    /// The u that the phonetic form reads for a Latin ou (the ou of French names: Moustafa,
    /// Boulez) as the o and u that Russian writes for it in Portuguese and English names (Coutinho:
    /// Коутинью, Houghton: Хоутон, Gould: Гоулд), where the form read from Cyrillic keeps оу two
    /// sounds (the English long o of Роуз, Боуи and Коуди); read only against a Cyrillic form with ou.
    /// </summary>
    private static int ReadLatinOu(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) => Say(form[i] == 'u' && i > 0 && form[i - 1] != 'o', "ou", 1, said, ref n);

    /// <summary>
    /// The zh of a Latin spelling as two sounds, z and h, as Arabic and Urdu names have it and
    /// the other scripts write it (Azhar: أزهر, اظہر, Азхар; Mazhar: مظهر, Мазхар). The phonetic
    /// form reads a zh as the one sound of Russian names (Zhukov: Жуков; Brezhnev: بريجنيف), so
    /// this is read only against an Arabic-script form with a z before a h, or a Cyrillic one
    /// with зх.
    /// </summary>
    private static int ReadSeparateZh(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) => Say(form[i] == 'Z' && i > 0, "zh", 1, said, ref n);

    /// <summary>
    /// The sh of a Latin spelling as two sounds, s and h, as German compounds (Hildesheim:
    /// Хильдесхайм, Haushofer: Хаусхофер) and Arabic names (Eshaq: Эсхак) have it and Russian
    /// writes it; read only against a Cyrillic form with сх, or an Arabic-script one with an s
    /// before an h (the phonetic form reads a sh as one sound: Shamil, Шамиль). Both readings
    /// are of two sounds that meet inside a word: a word that begins with сх is Dutch (Schaken:
    /// Схакен), whose sch is s and kh.
    /// </summary>
    private static int ReadSeparateSh(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) => Say(form[i] == 'S' && i > 0, "sh", 1, said, ref n);

    /// <summary>
    /// The h after a Latin word's last vowel, which the phonetic form leaves out (Salah: sala), as
    /// Russian writes it, х (Салах, Фаттах, Фатех); read only against a Cyrillic form that ends in
    /// a vowel and х. Russian as often leaves it out (Абдулла, Ализаде), which the form as written
    /// meets.
    /// </summary>
    private static int ReadFinalH(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) =>
        i == form.Length - 1 && IsVowel(form[i]) ? Say(true, [form[i], 'x'], 1, said, ref n) : 0;

    /// <summary>
    /// A Latin word's first j before a vowel as the i that Russian writes for the y of German,
    /// Dutch, Scandinavian and Hebrew names (Johann: Иоганн, Josef: Иосиф, Jakob: Иаков, Jordan:
    /// Иордан); read only against a Cyrillic form that begins with и before a vowel. Russian as
    /// often writes й (Йозеф) or the English j (Джозеф), which the form as written meets.
    /// </summary>
    private static int ReadInitialJ(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) => Say(i == 0 && form[0] == 'j', "i", 1, said, ref n);

    /// <summary>
    /// The j of a Slavic name between a vowel and an e or i, and the y of a romanization there,
    /// left out, as Russian writes them: its е after a vowel says the glide (Agejev, Asseyev:
    /// Агеев, Ассеев; Babajew: Бабаев), and it writes the Serbian j so before i too (Grujić: Груич).
    /// The phonetic form reads Russian's ее as the i of an English ee, so an e, the glide and an e
    /// are read i (Agejev: agiv, as Агеев). Read only against a Cyrillic form with a vowel before е
    /// or и.
    /// </summary>
    private static int ReadGlideBeforeVowel(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) =>
        form[i] == 'e' && IsGlideBeforeVowel(form, i + 1) && form[i + 2] == 'e' ? Say(true, "i", 3, said, ref n)
            : IsGlideBeforeVowel(form, i) ? Say(true, "", 1, said, ref n)
            : 0;

    /// <summary>Whether a Latin phonetic form has, at <paramref name="i"/>, a j or y between a vowel and an e or i.</summary>
    private static bool IsGlideBeforeVowel(ReadOnlySpan<char> form, int i) =>
        i > 0 && i < form.Length && form[i] is 'j' or 'y' && IsVowel(form[i - 1]) && At(form, i + 1) is 'e' or 'i';

    /// <summary>
    /// The ai of a French name before a consonant, said e, as Russian writes it (Alain: Ален,
    /// Germain: Жермен, Blais: Блэ, Lemaire: Лемер); read only against a Cyrillic form with an e.
    /// Not before l, where French says ay (Bail: Бай, <see cref="Readings.FrenchIll"/>), nor the
    /// ai of other names that Russian writes ай (Kaiser: Кайзер), which the form as written meets.
    /// </summary>
    private static int ReadFrenchAi(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) => Say(IsFrenchAi(form, i), "e", 2, said, ref n);

    /// <summary>Whether a Latin form has, at <paramref name="i"/>, an ai before a consonant other than l.</summary>
    private static bool IsFrenchAi(ReadOnlySpan<char> form, int i) => form[i] == 'a' && IsIBeforeConsonant(form, i + 1);

    /// <summary>Whether a Latin form has, at <paramref name="i"/>, an i before a consonant other than l (or y and w, which are no consonants here).</summary>
    private static bool IsIBeforeConsonant(ReadOnlySpan<char> form, int i) =>
        At(form, i) == 'i' && i + 1 < form.Length && !IsVowel(form[i + 1]) && form[i + 1] is not ('l' or 'y' or 'w');

    /// <summary>
    /// The ai or ei of an Arabic or German name before a consonant as the ей that Russian writes
    /// for it (Hussain, Hussein: Хусейн; Zaid: Зейд; Saif: Сейф; Einstein: Эйнштейн); read only
    /// against a Cyrillic form with ей. Russian as often writes ай (Зайд, Штайн), which the form as
    /// written meets.
    /// </summary>
    private static int ReadAiAsEy(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) => Say(IsAiOrEi(form, i), "ey", 2, said, ref n);

    /// <summary>Whether a Latin form has, at <paramref name="i"/>, an ai or ei before a consonant other than l.</summary>
    private static bool IsAiOrEi(ReadOnlySpan<char> form, int i) => form[i] is 'a' or 'e' && IsIBeforeConsonant(form, i + 1);

    /// <summary>
    /// The final ngh of a Latin spelling (Singh, Narsingh) as Hindi writes it, an anusvara and ह,
    /// which the phonetic form of the Devanagari word reads n (सिंह: sin); read only against a
    /// Devanagari word that ends so. Elsewhere an anusvara before ह is n or m (संहिता Samhita).
    /// </summary>
    private static int ReadFinalNgh(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) =>
        Say(i == form.Length - 2 && form[i] == 'n' && form[i + 1] == 'g', "n", 2, said, ref n);

    /// <summary>
    /// The gh of an English name that is said as nothing, as the other scripts write it (Leigh:
    /// Ли; Houghton: Хоутон; Bradlaugh: Брэдлоу): a g after a vowel and not before one (the
    /// phonetic form writes gh g); and the ugh of Hugh, Pugh and Hughes, said yu (Хью, Пью, Хьюз),
    /// at the end or before es, ey or ie (the phonetic form writes a final ey or ie i: Hughey, hugi).
    /// Read only against a Latin spelling with such a gh (<see cref="SpellsEnglishGh"/>): Persian
    /// and Arabic names write a gh that is said (Forough: فروغ; Moghrabi: مغربي), and Arabic script
    /// often writes the English one too (Vaughn: فوغن), which the form as written meets.
    /// </summary>
    private static int ReadSilentGh(ReadOnlySpan<char> form, int i, Span<char> said, ref int n)
    {
        if (form[i] == 'u' && i > 0 && !IsVowel(form[i - 1]) && At(form, i + 1) == 'g' && (i + 2 == form.Length || form[(i + 2)..] is "es" or "i"))
        {
            said[n++] = 'y';
            said[n++] = 'u';
            return 2;
        }

        return IsGhAfterVowel(form, i) ? 1 : 0;
    }

    /// <summary>The gh of an English name after ou or au said f, as the other scripts write it (Baugh: Боф; McLaughlin: Маклафлин; Brough: بروف); read only against a Latin spelling with such a gh (<see cref="SpellsEnglishGh"/>).</summary>
    private static int ReadGhF(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) => Say(IsGhAfterVowel(form, i) && form[i - 1] == 'u', "f", 1, said, ref n);

    /// <summary>Whether a phonetic form has, at <paramref name="i"/>, a g after a vowel and not before one.</summary>
    private static bool IsGhAfterVowel(ReadOnlySpan<char> form, int i) =>
        form[i] == 'g' && i > 0 && IsVowel(form[i - 1]) && !(IsVowel(At(form, i + 1)) || At(form, i + 1) is 'y' or 'w');

    /// <summary>
    /// Whether a Latin spelling has the gh of English names said as nothing or f: after ei, ou or
    /// au and not before a vowel (Leigh, Houghton, Baugh; not Vaughan, whose gh the form as written
    /// meets as closely, nor the igh that the phonetic form already reads), or in an ugh after a
    /// consonant that ends the word or comes before es, ey or ie (Hugh, Hughes; not Mughal).
    /// </summary>
    private static bool SpellsEnglishGh(string latin, out bool f)
    {
        f = false;
        bool any = false;
        for (int k = latin.Length < 4 ? -1 : latin.IndexOf("gh", 2, StringComparison.Ordinal); k > 0; k = latin.IndexOf("gh", k + 2, StringComparison.Ordinal))
        {
            ReadOnlySpan<char> after = latin.AsSpan(k + 2);
            bool vowelAfter = after.Length > 0 && (IsVowel(after[0]) || after[0] == 'y');
            (char a, char b) = (latin[k - 2], latin[k - 1]);
            if (!vowelAfter && (a, b) is ('e', 'i') or ('o', 'u') or ('a', 'u'))
            {
                any = true;
                f |= b == 'u';
            }
            else if (b == 'u' && !IsVowel(a) && (after.Length == 0 || after is "es" or "ey" or "ie"))
            {
                any = true;
            }
        }

        return any;
    }

    /// <summary>
    /// The u of a Latin name after a consonant, said as the u of French names and the ü of German
    /// ones, which Russian writes ю (Dumas: Дюма; Luc: Люк; Müller: Мюллер); read so only against
    /// a form with a ю right after a consonant (an ью is English's, <see cref="ReadEnglishYu"/>).
    /// </summary>
    private static int ReadYu(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) => Say(IsLatinYu(form, i), "yu", At(form, i + 1) == 'X' ? 2 : 1, said, ref n);

    /// <summary>
    /// Whether a Latin form has, at <paramref name="i"/>, a u after a consonant and not before a
    /// vowel or an h (Dumas, Luc, Munich; not Luis, Yusuf, Paul, nor the long u of German Kuhn,
    /// Кун). The silent h after a ü (<c>X</c>: Kühn, Кюн) is read with it.
    /// </summary>
    private static bool IsLatinYu(ReadOnlySpan<char> form, int i) =>
        form[i] == 'u' && i > 0 && !(IsVowel(form[i - 1]) || form[i - 1] is 'y' or 'w' or 'q') && !(IsVowel(At(form, i + 1)) || At(form, i + 1) == 'h');

    /// <summary>
    /// The u of a Latin name after a consonant and in an open syllable, said as the long u of
    /// English names, which Russian writes ью and Hindi यू (Pusey: Пьюзи; Cuba: क्यूबा; Munich:
    /// म्यूनिख); read so only against a form that writes such a yu. Not a u in a closed syllable
    /// (Duc: Дюк, not Дьюк).
    /// </summary>
    private static int ReadEnglishYu(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) => Say(IsEnglishYu(form, i), "yu", 1, said, ref n);

    /// <summary>Whether a Latin form has, at <paramref name="i"/>, a u after a consonant, then one consonant (not h) and a vowel or y (Cuba, Pusey, Munich; not Duc, Gupta).</summary>
    private static bool IsEnglishYu(ReadOnlySpan<char> form, int i) =>
        IsLatinYu(form, i) && i + 2 < form.Length && !(form[i + 1] is 'w' or 'y' or 'X') && (IsVowel(form[i + 2]) || form[i + 2] == 'y');

    /// <summary>Whether a form read from Devanagari has, at <paramref name="i"/>, a consonant, a y and a u (क्यू, म्यू).</summary>
    private static bool IsConsonantYu(ReadOnlySpan<char> form, int i) =>
        !(IsVowel(form[i]) || form[i] is 'y' or 'w') && At(form, i + 1) == 'y' && At(form, i + 2) == 'u';

    /// <summary>
    /// The a of an English name that is its first vowel, before a consonant, said as in Gary,
    /// which Russian writes э (Гэри, Кэтрин, Эндрю); read so only against a form with an э.
    /// </summary>
    private static int ReadEnglishShortA(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) => Say(IsEnglishShortA(form, i), "e", 1, said, ref n);

    /// <summary>
    /// The u of an English name that is its first vowel, in a closed syllable, said as in Huff,
    /// which Russian writes а (Хафф, Хатчинсон, Бакли, Данн); read so only against a form whose
    /// first vowel is а, and only in a word whose spelling closes the syllable
    /// (<see cref="SpellsEnglishShortU"/>): the phonetic form writes a double consonant as one.
    /// A reading, not the form: German, Slavic and Spanish names say u (Hunger: Хунгер; Bush:
    /// Буш), and the form itself meets them.
    /// </summary>
    private static int ReadEnglishShortU(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) =>
        Say(form[i] == 'u' && FirstVowelAt(form) == i, "a", 1, said, ref n);

    /// <summary>
    /// The final s of an English name said z, as Russian writes it (Knowles: Ноулз, Daws: Доуз):
    /// after a voiced consonant or a w, and a final -es or -ds after a consonant read z with its e
    /// silent (Eagles: Иглз, Miles: Майлз) and its d left out, as the phonetic form leaves out the
    /// d of Russian's дз (Lords: Лордз). Not after a vowel: there Russian's з is as often the z or
    /// se of a French name (Тейз: Taze, not Teis), and the -us, -is, -os or -as of Latin, Greek and
    /// Spanish names is s. Read so only against a Cyrillic form that ends in з, and only in a
    /// word so spelled (<see cref="SpellsEnglishFinalS"/>). A reading, not the form: Russian as
    /// often writes с (Джонс: Jones), which the form as written meets.
    /// </summary>
    private static int ReadEnglishFinalS(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) =>
        i == 0 ? 0
            : i + 1 == form.Length ? Say(form[i] == 's' && IsVoicedBeforeS(form[i - 1]), "z", 1, said, ref n)
            : i + 2 == form.Length ? Say(form[i + 1] == 's' && (form[i] == 'd' || (form[i] == 'e' && !IsVowel(form[i - 1]) && form[i - 1] is not ('s' or 'z' or 'S' or 'Z' or 'C' or 'j' or 'x' or 'y' or 'w'))), "z", 2, said, ref n)
            : 0;

    /// <summary>
    /// The c of a Polish -cki or -cka said as English says a ck, k, the way Arabic script mostly
    /// writes it (Debicki: ديبيكي, Penderecki: بينديريكي, Piasecki: بياسيكي; 28 of the 34
    /// netranslit-ar development names that end so), where the phonetic form reads the ts
    /// that Russian writes (Дебицкий). Read only against an Arabic-script or Cyrillic form that
    /// ends in a k and a vowel, and only in a word so spelled (the form's ts before a final ki or
    /// ka comes from a c: <see cref="ReadingsOf"/>).
    /// </summary>
    private static int ReadPolishCkAsK(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) =>
        Say(i + 4 == form.Length && form[i] == 't' && form[i + 1] == 's' && form[i + 2] == 'k' && form[i + 3] is 'i' or 'a', "", 2, said, ref n);

    /// <summary>
    /// The ow of an English name said au, as Arabic script and Russian write it (Bowers: باورز,
    /// Cowell: كاول, Brown: Браун), where the phonetic form keeps the o of Bowen and Lowe; after a
    /// consonant and not at the end (Barlow, Bigelow: بيغلو, Барлоу; Slavic -ow: Abramow). Read
    /// only against a form with au or aw.
    /// </summary>
    private static int ReadEnglishOw(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) =>
        Say(IsEnglishOw(form, i), "au", 2, said, ref n);

    private static bool IsEnglishOw(ReadOnlySpan<char> form, int i) =>
        i > 0 && i + 2 < form.Length && form[i] == 'o' && form[i + 1] == 'w' && !IsVowel(form[i - 1]);

    /// <summary>
    /// The ch of a German cht after a front vowel, the ich sound, said sh as Arabic script writes
    /// it (Brecht: بريشت, Fichte: فيشته, Lichtenberg), where the phonetic form reads the k of
    /// Greek chr, chl and cht; read only against an Arabic-script form with sh before t, and only
    /// in a word so spelled (<see cref="SpellsGermanIchT"/>: the spelling decides, since the form
    /// writes ö and ü as o and u). Russian writes х (Брехт), which the form's k is near already.
    /// </summary>
    private static int ReadGermanIchT(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) =>
        Say(i > 0 && form[i] == 'k' && At(form, i + 1) == 't' && IsVowel(form[i - 1]), "S", 1, said, ref n);

    /// <summary>Whether a normalized Latin word has a cht after e, i, y, ä, ö or ü, or after the eu or äu of German (<see cref="Readings.GermanIchT"/>).</summary>
    private static bool SpellsGermanIchT(string written)
    {
        for (int j = written.IndexOf("cht", 1, StringComparison.Ordinal); j > 0; j = written.IndexOf("cht", j + 1, StringComparison.Ordinal))
        {
            char before = written[j - 1];
            if (before is 'e' or 'i' or 'y' or 'ä' or 'ö' or 'ü' || (before == 'u' && j > 1 && written[j - 2] is 'e' or 'ä'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a form read from another script ends in a k and a vowel (<see cref="Readings.PolishCkAsK"/>).</summary>
    private static bool EndsInKAndVowel(ReadOnlySpan<char> phonetic) =>
        phonetic.Length > 2 && phonetic[^2] == 'k' && phonetic[^1] is 'i' or 'a' or 'e' or 'y';

    /// <summary>Whether a Latin spelling ends in an s that English says z, after a voiced consonant or a w, or in an -es after a consonant (Knowles, Lords, Daws; not Drusus, Carlos, Ross, Teis).</summary>
    private static bool SpellsEnglishFinalS(string latin) =>
        latin.Length > 2 && latin[^1] == 's' && (IsVoicedBeforeS(latin[^2]) || latin[^2] == 'd' || (latin[^2] == 'e' && !IsVowel(latin[^3])));

    /// <summary>Whether a letter is one after which English says a final s z (a voiced consonant other than d, whose ds the reading takes as one, or a w).</summary>
    private static bool IsVoicedBeforeS(char c) => c is 'w' or 'l' or 'm' or 'n' or 'r' or 'g' or 'b' or 'v';

    /// <summary>Where a form's first vowel (a, e, i, o, u or y) is, or -1.</summary>
    private static int FirstVowelAt(ReadOnlySpan<char> form) => form.IndexOfAny("aeiouy");

    /// <summary>Whether a Latin spelling's first vowel is a u before two consonants or a final one, neither an r, y, w or h (Huff, Hutchison, Dunn; not Hubert, Murphy, Hughes).</summary>
    private static bool SpellsEnglishShortU(string latin)
    {
        int u = FirstVowelAt(latin);
        return u >= 0 && latin[u] == 'u' && u + 1 < latin.Length && IsClosing(latin[u + 1])
            && (u + 2 == latin.Length || (!IsVowel(latin[u + 2]) && latin[u + 2] != 'y'));

        static bool IsClosing(char c) => !(IsVowel(c) || c is 'y' or 'w' or 'h' or 'r');
    }

    /// <summary>Whether a Latin form's first vowel is an a at <paramref name="i"/>, before a consonant and not the long a of a silent e (Gary, Jack; not Kate, Ayla).</summary>
    private static bool IsEnglishShortA(ReadOnlySpan<char> form, int i) =>
        form[i] == 'a' && i + 1 < form.Length && !(IsVowel(form[i + 1]) || form[i + 1] is 'y' or 'w' or 'h') && FirstVowelAt(form) == i && !IsEnglishVowel(form, i);

    /// <summary>
    /// A Latin h after a vowel and before a consonant, silent, as Cyrillic and Arabic
    /// script write it: the h of English names after an o (John: Джон, جون; Johnson: Джонсон) and
    /// the German h that makes a vowel long (Lehmann: Леман, Kuhn: Кун, Lohmann: لومان). Read so
    /// only against a form with no h at all (<see cref="ReadingsOf"/>). A reading, not the form:
    /// Persian, Arabic and Indian names say it (Mohsen: محسن, Мохсен; Ahmed: Ахмед), and their
    /// other-script forms write it, which the form as written meets.
    /// </summary>
    private static int ReadSilentH(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) => IsSilentH(form, i) ? 1 : 0;

    /// <summary>An h after a vowel and before a consonant (a final one the phonetic form already leaves out: Noah, noa).</summary>
    private static bool IsSilentH(ReadOnlySpan<char> form, int i) =>
        form[i] == 'h' && i > 0 && IsVowel(form[i - 1]) && i + 1 < form.Length && !(IsVowel(form[i + 1]) || form[i + 1] is 'y' or 'w');

    /// <summary>
    /// The e of an English name before one consonant and a silent final e, said i, as Russian
    /// writes it (Steve: Стив; Pete: Пит; Darlene: Дарлин). A reading, not the form: German, French
    /// and Italian names say both e (Marlene: Марлен, Michele: Микеле), and the form itself meets
    /// them. Not against Arabic script, whose ي writes e and i alike (there it lost more
    /// development queries than it gained).
    /// </summary>
    private static int ReadEnglishE(ReadOnlySpan<char> form, int i, Span<char> said, ref int n)
    {
        if (IsEnglishE(form, i))
        {
            said[n++] = 'i';
            return 1;
        }

        return i >= 2 && IsEnglishE(form, i - 2) ? 1 : 0; // its final e, silent
    }

    private static bool IsEnglishE(ReadOnlySpan<char> form, int i) => form[i] == 'e' && IsLongVowelBeforeSilentE(form, i);

    /// <summary>Whether a Latin spelling ends in an e, one letter and an e or es (Steve, Darlenes; not Estelle, whose ll the phonetic form writes as one l).</summary>
    private static bool SpellsEnglishE(string latin)
    {
        ReadOnlySpan<char> word = latin.EndsWith("es", StringComparison.Ordinal) ? latin.AsSpan(0, latin.Length - 1) : latin;
        return word.Length >= 3 && word[^1] == 'e' && word[^3] == 'e' && word[^2] != 'e';
    }

    /// <summary>
    /// A final -que said k, its u and e silent, as other scripts write it: the South Asian
    /// spellings of Arabic names (Haque, Siddique, Rafique: حق, صدیق, رفیق) and French names
    /// (Monique: Моник). A reading, not the spelling's form: Spanish and Italian say the e
    /// (Enrique: Энрике, Cinque: Чинкве), and the form itself meets them. A qu inside a word is
    /// not read so: Хоакин and Маркес meet Joaquin and Marquez as closely without it (0.88, 0.89).
    /// </summary>
    private static int ReadQue(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) =>
        Say(IsFinalQue(form, i), "k", form.Length - i, said, ref n);

    /// <summary>Whether a Latin form ends at <paramref name="i"/> in -que, or in the -ques of French names, their s silent too (Jacques: Жак, جاك).</summary>
    private static bool IsFinalQue(ReadOnlySpan<char> form, int i) =>
        i > 0 && (i + 3 == form.Length || (i + 4 == form.Length && form[i + 3] == 's')) && form[i] == 'k' && form[i + 1] == 'u' && form[i + 2] == 'e';

    /// <summary>The oe of a Dutch name, said u, as Russian writes it (Broekman: Брукман, Zoelen: Зулен); an English final oe meets the у of оу (Pascoe: Паскоу).</summary>
    private static int ReadDutchOe(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) =>
        Say(IsOe(form, i), "u", 2, said, ref n);

    /// <summary>The ae of a Latin, Greek, German or Korean name, said e, as Russian writes it (Caesar: Цезарь, Jaenisch: Яниш, Taeger: Тэгер).</summary>
    private static int ReadLatinAe(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) =>
        Say(IsLatinAe(form, i), "e", 2, said, ref n);

    private static bool IsLatinAe(ReadOnlySpan<char> form, int i) => IsVowelPair(form, i, 'a', 'e');

    /// <summary>The ea of an English name before a consonant, said i, as Russian writes it (Beasley: Бизли, Heath: Хит).</summary>
    private static int ReadEnglishEa(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) =>
        Say(IsEnglishEa(form, i), "i", 2, said, ref n);

    private static bool IsEnglishEa(ReadOnlySpan<char> form, int i) =>
        form[i] == 'e' && At(form, i + 1) == 'a' && i + 2 < form.Length && !IsVowel(form[i + 2]) && (i == 0 || !IsVowel(form[i - 1]));

    /// <summary>The eu of a German name, said oy, as Russian writes it (Euler: Ойлер, Neumann: Нойман).</summary>
    private static int ReadGermanEu(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) =>
        Say(IsEu(form, i), "oy", 2, said, ref n);

    /// <summary>
    /// The eu of a French name, and its ieu, and the oe that German names write for ö, said as the
    /// yo that Russian writes ё (Beudant: Бёдан, Matthieu: Матьё, Kroemer: Крёмер).
    /// </summary>
    private static int ReadYo(ReadOnlySpan<char> form, int i, Span<char> said, ref int n)
    {
        bool ieu = form[i] == 'i' && IsEu(form, i + 1);
        return Say(ieu || IsEu(form, i) || IsOe(form, i), "yo", ieu ? 3 : 2, said, ref n);
    }

    /// <summary>Whether a Latin form has an oe after no vowel, before a consonant or at the end, at <paramref name="i"/> (Kroemer, Broekman, Pascoe).</summary>
    private static bool IsOe(ReadOnlySpan<char> form, int i) => IsVowelPair(form, i, 'o', 'e');

    /// <summary>Whether <paramref name="form"/> has <paramref name="first"/> and <paramref name="second"/> at <paramref name="i"/>, after no vowel and before a consonant or the end.</summary>
    private static bool IsVowelPair(ReadOnlySpan<char> form, int i, char first, char second) =>
        form[i] == first && At(form, i + 1) == second && (i == 0 || !IsVowel(form[i - 1])) && (i + 2 == form.Length || !IsVowel(form[i + 2]));

    private static bool IsEu(ReadOnlySpan<char> form, int i) => i < form.Length && form[i] == 'e' && At(form, i + 1) == 'u';

    /// <summary>
    /// The sz of a Hungarian name, said s, as Russian and Arabic script write it (Szabó: Сабо,
    /// سابو). In the phonetic form the sz is an sh (<c>S</c>), as in Polish names, so the Latin
    /// spelling decides whether the form has the reading (<see cref="ReadingsOf"/>); a word with
    /// an sh besides (rare) reads it so too.
    /// </summary>
    private static int ReadHungarianSz(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) =>
        Say(form[i] == 'S', "s", 1, said, ref n);

    /// <summary>
    /// The ll of a Spanish name between vowels, said y, as Arabic script writes it (Castilla:
    /// كاستيا, Ballester: باييستير). In the phonetic form the ll is one l, so the Latin spelling
    /// decides whether the form has the reading (<see cref="ReadingsOf"/>); a word with both
    /// (Villalobos) reads each l between vowels so.
    /// </summary>
    private static int ReadSpanishLl(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) =>
        Say(IsLBetweenVowels(form, i), "y", 1, said, ref n);

    /// <summary>
    /// The g of a Latin form before e, i or y, said zh in French and Portuguese names and j in
    /// Italian and English ones, which Russian writes ж and дж (Gibaud: Жибо, Gérard: Жерар, Gino:
    /// Джино); the phonetic form keeps the hard g of German and English names (Gebhardt, Gibson).
    /// An e between that g and an o or a only marks it soft and goes with it (George: Джордж;
    /// Borgeot: Боржо), as the i of the Italian gi does in the phonetic form itself. (Only
    /// Cyrillic, Devanagari and Arabic-script forms have this reading, see <see cref="ReadingsOf"/>:
    /// Arabic script writes that g ج, as it writes j: George, Urdu جارج; Geagea, جعجع.)
    /// </summary>
    private static int ReadSoftG(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) =>
        Say(IsSoftG(form, i), "Z", At(form, i + 1) == 'e' && At(form, i + 2) is 'o' or 'a' ? 2 : 1, said, ref n);

    /// <summary>
    /// The oi or oy of a French name, said wa, as Russian writes it (Boissier: Буассье, Bonnefoy:
    /// Бонфуа, Coypel: Куапель); an oy before a vowel keeps its y (Boyer: Буайе). The final -ois,
    /// -oit and -oix are read so in the phonetic form itself (<see cref="SaidSpelling"/>).
    /// </summary>
    private static int ReadFrenchOi(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) =>
        Say(IsFrenchOi(form, i), "ua", At(form, i + 1) == 'y' && IsVowel(At(form, i + 2)) ? 1 : 2, said, ref n);

    private static bool IsFrenchOi(ReadOnlySpan<char> form, int i) => form[i] == 'o' && At(form, i + 1) is 'i' or 'y' && (i == 0 || !IsVowel(form[i - 1]));

    /// <summary>
    /// The nh and lh of a Portuguese name between vowels, said ny and ly, as Russian and Arabic
    /// script write them (Coutinho: Коутинью, Carvalho: Карвалью, كارفاليو; Cunha: Кунья), and a
    /// final o after them, said u (ью, يو).
    /// </summary>
    private static int ReadPortugueseNh(ReadOnlySpan<char> form, int i, Span<char> said, ref int n)
    {
        if (!IsPortugueseNh(form, i))
        {
            return 0;
        }

        said[n++] = form[i];
        said[n++] = 'y';
        if (form[i + 2] == 'o' && i + 3 == form.Length)
        {
            said[n++] = 'u';
            return 3;
        }

        return 2;
    }

    private static bool IsPortugueseNh(ReadOnlySpan<char> form, int i) =>
        form[i] is 'n' or 'l' && At(form, i + 1) == 'h' && i > 0 && IsVowel(form[i - 1]) && IsVowel(At(form, i + 2));

    private static bool IsSoftG(ReadOnlySpan<char> form, int i) => form[i] == 'g' && At(form, i + 1) is 'e' or 'i' or 'y';

    /// <summary>Whether a phonetic form has an l between vowels at <paramref name="i"/> (where a Latin spelling may have an ll).</summary>
    private static bool IsLBetweenVowels(ReadOnlySpan<char> form, int i) =>
        form[i] == 'l' && i > 0 && IsVowel(form[i - 1]) && IsVowel(At(form, i + 1));

    /// <summary>Whether a Latin spelling has an ll between vowels (Castilla, Vallejo; not the first ll of Llanillo).</summary>
    private static bool SpellsSpanishLl(string latin)
    {
        for (int i = latin.IndexOf("ll", StringComparison.Ordinal); i >= 0; i = latin.IndexOf("ll", i + 1, StringComparison.Ordinal))
        {
            if (i > 0 && IsVowel(latin[i - 1]) && IsVowel(At(latin, i + 2)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The ill of a French name after a, e or u, and its final il after them, said y, as Russian
    /// writes it (Abeille: Абей, Baillet: Байе, Bouillon: Буйон, Dubreuil: Дюбрёй, Raspail:
    /// Распай); after a consonant, its ill said iy, which Russian writes ий (Fillon: Фийон,
    /// Cotillard: Котийяр, Guillaume: Гийом, Bastille: Бастий). A final e after it is not said. In
    /// the phonetic form the ll is one l, so the Latin spelling decides whether the form has the
    /// reading (<see cref="ReadingsOf"/>).
    /// </summary>
    private static int ReadFrenchIll(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) =>
        IsFrenchIll(form, i) ? Say(true, IsVowel(form[i - 1]) ? "y" : "iy", i + 3 == form.Length && form[i + 2] == 'e' ? 3 : 2, said, ref n) : 0;

    /// <summary>Whether a Latin spelling has an ill, or ends in il after a vowel (Soleil): not an il before a vowel (Feiler).</summary>
    private static bool SpellsFrenchIll(string latin) =>
        latin.Contains("ill", StringComparison.Ordinal) || (latin.Length >= 3 && latin.EndsWith("il", StringComparison.Ordinal) && IsVowel(latin[^3]));

    /// <summary>Whether a Latin phonetic form has, at <paramref name="i"/>, the il of an ill after a letter other than i or o (a, e, u or a consonant), before a vowel, a final y (Marcilly: Марсийи) or at the end.</summary>
    private static bool IsFrenchIll(ReadOnlySpan<char> form, int i) =>
        form[i] == 'i' && At(form, i + 1) == 'l' && i > 0 && form[i - 1] is not ('i' or 'o') && (i + 2 == form.Length || IsVowel(form[i + 2]) || (form[i + 2] == 'y' && i + 3 == form.Length));

    /// <summary>The au or eau of a French name, said o, as Russian writes it (Arsenault: Арсено, Moreau: Моро, Audard: Одар) and Arabic script's و.</summary>
    private static int ReadFrenchAu(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) =>
        Say(IsFrenchAu(form, i), "o", form[i] == 'e' ? 3 : 2, said, ref n);

    /// <summary>Whether a Latin form has an au, or an eau, at <paramref name="i"/>.</summary>
    private static bool IsFrenchAu(ReadOnlySpan<char> form, int i) =>
        (form[i] == 'a' && At(form, i + 1) == 'u' && (i == 0 || form[i - 1] != 'e')) || (form[i] == 'e' && At(form, i + 1) == 'a' && At(form, i + 2) == 'u');

    /// <summary>
    /// The vowel of an English name before one consonant and a silent final e as said, and as
    /// Russian writes it: a as ey (Bates: Бейтс, Wade: Уэйд), i as ay (Lime: Лайм, Divine:
    /// Дивайн), o as ou (Dole: Доул), u as yu (Duke: Дьюк; the French u of Hercule, Эркюль, is
    /// written so too); the e is left out. (Arabic script, which writes ey and i alike, was
    /// tried too: netranslit-ar +5 / -1, for one more distance on most pairs; not kept.)
    /// </summary>
    private static int ReadEnglishVowel(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) => ReadLongVowel(form, i, said, ref n, hindi: false);

    /// <summary>
    /// The vowel of an English name before one consonant and a silent final e as Hindi (and Arabic
    /// script, with ي and و: Kate كيت, Mike مايك) writes it:
    /// a as e (Kate: केट, James: जेम्स), i as ai (Mike: माइक), o as o (Rose: रोज़), u as yu (Duke:
    /// ड्यूक); the e is left out. The ai or ay of an English name is said as that a, and Hindi
    /// writes it e too (Taylor: टेलर, Hailey: हेली, Murray: मरे), with the silent final e after
    /// one consonant left out (Blaine: ब्लेन, Wayne: वेन, Adelaide: एडिलेड); its au or aw is o, which
    /// Hindi writes ऑ (Paul: पॉल, Austin: ऑस्टिन, Shaw: शॉ).
    /// </summary>
    private static int ReadHindiEnglishVowel(ReadOnlySpan<char> form, int i, Span<char> said, ref int n)
    {
        if (IsEnglishAi(form, i))
        {
            return Say(true, "e", 2, said, ref n);
        }

        if (IsEnglishAu(form, i))
        {
            return Say(true, "o", 2, said, ref n);
        }

        return i >= 3 && IsSilentE(form, i) && IsEnglishAi(form, i - 3) ? 1 : ReadLongVowel(form, i, said, ref n, hindi: true);
    }

    /// <summary>Whether a Latin form has, at <paramref name="i"/>, an au or aw after no vowel and before a consonant, or a final aw (Paul, Lawrence, Shaw; not Mauer's eau, Dawood's aw before a vowel).</summary>
    private static bool IsEnglishAu(ReadOnlySpan<char> form, int i) => IsADiphthong(form, i, 'u', 'w');

    /// <summary>Whether a Latin form has, at <paramref name="i"/>, an ai or ay after no vowel and before a consonant, or an ay at the end (Taylor, Blaine, Murray; not Maya, Sinai).</summary>
    private static bool IsEnglishAi(ReadOnlySpan<char> form, int i) => IsADiphthong(form, i, 'i', 'y');

    /// <summary>Whether a Latin form has, at <paramref name="i"/>, an a and <paramref name="vowel"/> or <paramref name="glide"/> after no vowel and before a consonant, or an a and <paramref name="glide"/> at the end.</summary>
    private static bool IsADiphthong(ReadOnlySpan<char> form, int i, char vowel, char glide) =>
        form[i] == 'a' && (At(form, i + 1) == vowel || At(form, i + 1) == glide) && (i == 0 || !(IsVowel(form[i - 1]) || form[i - 1] == 'y'))
        && (i + 2 == form.Length ? form[i + 1] == glide : !(IsVowel(form[i + 2]) || form[i + 2] is 'y' or 'w' or 'h'));

    /// <summary>The long vowel of an English name as Russian or Hindi writes it (<see cref="EnglishLongVowels"/>), and its silent final e left out.</summary>
    private static int ReadLongVowel(ReadOnlySpan<char> form, int i, Span<char> said, ref int n, bool hindi)
    {
        if (IsEnglishVowel(form, i))
        {
            foreach ((char english, string russian, string hindiSpelling) in EnglishLongVowels)
            {
                if (english == form[i])
                {
                    return Say(true, hindi ? hindiSpelling : russian, 1, said, ref n);
                }
            }
        }

        return i >= 2 && IsEnglishVowel(form, i - 2) ? 1 : 0;
    }

    /// <summary>The long vowels of English names (before one consonant and a silent e), with what Russian and Hindi write for each (<see cref="ReadLongVowel"/>).</summary>
    private static readonly (char English, string Russian, string Hindi)[] EnglishLongVowels = [('a', "ey", "e"), ('i', "ay", "ai"), ('o', "ou", "o"), ('u', "yu", "yu"), ('y', "ay", "ai")];

    /// <summary>The English long vowel whose two letters a form read from Cyrillic has at <paramref name="i"/> (ей a, ай i, оу o, ью u), or <c>'\0'</c>.</summary>
    public static char EnglishLongVowelAt(ReadOnlySpan<char> form, int i)
    {
        foreach ((char english, string russian, _) in EnglishLongVowels)
        {
            if (form[i..].StartsWith(russian, StringComparison.Ordinal))
            {
                return english;
            }
        }

        return '\0';
    }

    /// <summary>Whether a Latin form has, at <paramref name="i"/>, an a, i, o, u or y after no vowel, then one consonant and its final e or es (Bates, Wade, Lime, Kyle; not Ariane).</summary>
    private static bool IsEnglishVowel(ReadOnlySpan<char> form, int i) => form[i] is 'a' or 'i' or 'o' or 'u' or 'y' && IsLongVowelBeforeSilentE(form, i);

    /// <summary>Whether the vowel at <paramref name="i"/> follows no vowel and comes before one consonant and a final e or es (the long vowels of English names).</summary>
    private static bool IsLongVowelBeforeSilentE(ReadOnlySpan<char> form, int i) =>
        (i == 0 || !(IsVowel(form[i - 1]) || form[i - 1] == 'y')) && i + 2 < form.Length
        && !(IsVowel(form[i + 1]) || form[i + 1] is 'y' or 'w' or 'h') && IsSilentE(form, i + 2);

    /// <summary>Whether the e at <paramref name="i"/> is a word's last letter, or its last but an s (Bates, Haines): the silent e of an English long vowel.</summary>
    private static bool IsSilentE(ReadOnlySpan<char> form, int i) =>
        form[i] == 'e' && (i + 1 == form.Length || (i + 2 == form.Length && form[i + 1] == 's'));

    /// <summary>The <c>Gn</c> of a Latin form read as the ny, and its <c>Gli</c> as the ly, that the other scripts write for them.</summary>
    private static int ReadGn(ReadOnlySpan<char> form, int i, Span<char> said, ref int n)
    {
        if (form[i] != 'G')
        {
            return 0;
        }

        said[n++] = form[i + 1];
        said[n++] = 'y';
        return form[i + 1] == 'l' && IsVowel(At(form, i + 3)) ? 3 : 2;
    }

    /// <summary>
    /// The readings a phonetic form has (<see cref="Readings"/>); each is a pattern of a Latin form
    /// and the pattern of the other scripts' forms it may meet. The phonetic form writes ll as l
    /// and sz as sh, so for a Latin form the spelling, <paramref name="latin"/>, tells an ill, or a
    /// final il after a vowel (Soleil, Dubreuil), from an il before a vowel (Abeille, Feiler), an ll
    /// between vowels from an l (Castilla, Castila), and an sz from an sh (Szabó, Shabo); for a
    /// Cyrillic form, the word as <paramref name="written"/> tells an э from an е.
    /// </summary>
    public static Readings ReadingsOf(Script script, ReadOnlySpan<char> phonetic, string latin, string written)
    {
        Readings readings = (script == Script.Latin ? phonetic.Contains('G') : script is Script.Cyrillic or Script.Arabic && (phonetic.Contains("ny", StringComparison.Ordinal) || phonetic.Contains("ly", StringComparison.Ordinal))) ? Readings.GnOrGli : Readings.None;
        for (int i = 0; i < phonetic.Length; i++)
        {
            readings |= script switch
            {
                Script.Latin => (IsJapaneseSyllable(phonetic, i) ? Readings.Japanese : 0) | (IsHungarianCs(phonetic, i) ? Readings.Cs : 0) | (IsPolishRz(phonetic, i) ? Readings.Rz : 0)
                    | (IsEnglishVowel(phonetic, i) ? Readings.EnglishVowel | Readings.HindiEnglishVowel : 0) | (IsEnglishAi(phonetic, i) || IsEnglishAu(phonetic, i) ? Readings.HindiEnglishVowel : 0) | (IsEnglishShortA(phonetic, i) ? Readings.EnglishShortA : 0) | (IsLatinYu(phonetic, i) ? Readings.Yu : 0) | (IsEnglishYu(phonetic, i) ? Readings.EnglishYu : 0) | (IsFrenchAu(phonetic, i) ? Readings.FrenchAu : 0) | (IsFrenchIll(phonetic, i) ? Readings.FrenchIll : 0)
                    | (IsLBetweenVowels(phonetic, i) ? Readings.SpanishLl : 0) | (IsSoftG(phonetic, i) ? Readings.SoftG : 0) | (IsFrenchOi(phonetic, i) ? Readings.FrenchOi : 0)
                    | (IsPortugueseNh(phonetic, i) ? Readings.PortugueseNh : 0) | (IsEu(phonetic, i) ? Readings.GermanEu | Readings.Yo : 0) | (IsOe(phonetic, i) ? Readings.Yo | Readings.DutchOe : 0)
                    | (IsEnglishEa(phonetic, i) ? Readings.EnglishEa : 0) | (IsLatinAe(phonetic, i) ? Readings.LatinAe : 0)
                    | (IsFinalQue(phonetic, i) ? Readings.Que : 0) | (IsEnglishE(phonetic, i) ? Readings.EnglishE : 0) | (IsSilentH(phonetic, i) ? Readings.SilentH : 0)
                    | (IsFrenchAi(phonetic, i) ? Readings.FrenchAi : 0) | (IsAiOrEi(phonetic, i) ? Readings.AiAsEy : 0) | (IsGlideBeforeVowel(phonetic, i) ? Readings.GlideBeforeVowel : 0)
                    | (IsEnglishOw(phonetic, i) ? Readings.EnglishOw : 0),
                Script.Cyrillic => (IsCyrillicJapaneseSyllable(phonetic, i) ? Readings.Japanese : 0)
                    | (phonetic[i] == 'C' ? Readings.Cs : 0) | (phonetic[i] is 'Z' or 'S' or 'j' ? Readings.Rz : 0)
                    | (EnglishLongVowelAt(phonetic, i) != '\0' ? Readings.EnglishVowel : 0)
                    | (phonetic[i] == 'o' ? Readings.FrenchAu : 0)
                    | (i > 0 && phonetic[i] == 'y' && IsVowel(phonetic[i - 1]) ? Readings.FrenchIll : 0)
                    | (phonetic[i] == 's' ? Readings.HungarianSz : 0) | (phonetic[i] == 'Z' ? Readings.SoftG : 0) | (phonetic[i] == 'u' && At(phonetic, i + 1) == 'a' ? Readings.FrenchOi : 0)
                    | (phonetic[i] is 'n' or 'l' && At(phonetic, i + 1) == 'y' ? Readings.PortugueseNh : 0)
                    | ((phonetic[i], At(phonetic, i + 1)) == ('o', 'y') ? Readings.GermanEu : 0) | ((phonetic[i], At(phonetic, i + 1)) == ('y', 'o') ? Readings.Yo : 0)
                    | (phonetic[i] == 'i' ? Readings.EnglishEa : 0) | (phonetic[i] == 'e' ? Readings.LatinAe | Readings.FrenchAi : 0) | (phonetic[i] == 'u' ? Readings.DutchOe : 0)
                    | ((phonetic[i], At(phonetic, i + 1)) == ('e', 'y') ? Readings.AiAsEy : 0)
                    | (phonetic[i] == 'k' ? Readings.Que : 0) | (phonetic[i] == 'i' ? Readings.EnglishE : 0),
                Script.Arabic => (phonetic[i] == 'C' ? Readings.Cs : 0) | (phonetic[i] is 'y' or 'i' or 'e' ? Readings.SpanishLl : 0) | (phonetic[i] == 's' ? Readings.HungarianSz : 0) | (phonetic[i] == 'j' ? Readings.SoftG : 0)
                    | (phonetic[i] == 'w' && At(phonetic, i + 1) == 'a' ? Readings.FrenchOi : 0)
                    | (phonetic[i] is 'n' or 'l' && At(phonetic, i + 1) is 'y' or 'i' ? Readings.PortugueseNh : 0)
                    | (phonetic[i] is 'i' or 'y' ? Readings.EnglishEa : 0) | (phonetic[i] == 'k' ? Readings.Que : 0) | (phonetic[i] == 'u' ? Readings.FrenchAu : 0) | (phonetic[i] is 'i' or 'u' ? Readings.HindiEnglishVowel : 0),
                Script.Devanagari => (phonetic[i] == 'i' ? Readings.EnglishE | Readings.EnglishEa : 0) | (phonetic[i] == 'j' ? Readings.SoftG : 0) | (phonetic[i] is 'e' or 'o' or 'u' || (phonetic[i] == 'a' && At(phonetic, i + 1) == 'i') ? Readings.HindiEnglishVowel : 0)
                    | (IsConsonantYu(phonetic, i) ? Readings.EnglishYu : 0),
                _ => 0,
            };
        }

        // A form of another script with no h (SilentH): nothing there for a Latin h after a vowel
        // to meet (an h, an Arabic-script ہ, a kh). A Cyrillic х after b, d, g or t (A) does not
        // count: it writes the h of a Latin dh, th, bh or gh (мидхар: Mihdhar, whose first h it
        // leaves out).
        if (script is Script.Cyrillic or Script.Arabic or Script.Devanagari && phonetic.IndexOfAny('h', 'H', 'x') < 0)
        {
            readings |= Readings.SilentH;
        }

        if (script == Script.Cyrillic)
        {
            // The phonetic form writes some of Russian's letters alike, and the word as written
            // tells them apart. Russian writes an English a э (Гэри, Эндрю), the phonetic form е's
            // e; an е is as often an e (Флеш: Flesch, not Flash).
            readings |= written.Contains('э') ? Readings.EnglishShortA : 0;

            // And an English short u а (Хафф, Бакли): a first vowel а.
            readings |= FirstVowelAt(phonetic) is int first and >= 0 && phonetic[first] == 'a' ? Readings.EnglishShortU : 0;

            // And an English final s з (Ноулз, Иглз); the h after a word's last vowel х (Салах);
            // the y of a first j и (Иоганн); no letter for the glide before е or и (Агеев); and
            // the long o of English names оу (Роуз).
            readings |= written.EndsWith('з') ? Readings.EnglishFinalS : 0;
            readings |= phonetic.Length > 2 && phonetic[^1] == 'x' && IsVowel(phonetic[^2]) ? Readings.FinalH : 0;
            readings |= phonetic.Length > 2 && phonetic[0] == 'i' && IsVowel(phonetic[1]) ? Readings.InitialJ : 0;
            readings |= AnyAt(written, VowelBeforeEOrI) ? Readings.GlideBeforeVowel : 0;
            readings |= phonetic.Contains("ou", StringComparison.Ordinal) ? Readings.LatinOu : 0;

            // It writes the u of French and German names ю (Дюма, Мюллер), the long u of English
            // ones ью (Пьюзи, Дьюк), both yu in the phonetic form.
            for (int k = written.IndexOf('ю'); k > 0; k = written.IndexOf('ю', k + 1))
            {
                readings |= written[k - 1] == 'ь' ? (k > 1 && IsCyrillicConsonant(written[k - 2]) ? Readings.EnglishYu : 0)
                    : IsCyrillicConsonant(written[k - 1]) ? Readings.Yu : 0;
            }
        }

        if (script == Script.Latin)
        {
            readings &= ~((SpellsFrenchIll(latin) ? 0 : Readings.FrenchIll) | (SpellsSpanishLl(latin) ? 0 : Readings.SpanishLl) | (latin.EndsWith("que", StringComparison.Ordinal) || latin.EndsWith("ques", StringComparison.Ordinal) ? 0 : Readings.Que)
                | (SpellsEnglishE(latin) ? 0 : Readings.EnglishE));
            readings |= latin.Contains("sz", StringComparison.Ordinal) && phonetic.Contains('S') ? Readings.HungarianSz : 0;
            readings |= SpellsEnglishGh(latin, out bool ghF) ? Readings.EnglishGh | (ghF ? Readings.EnglishGhF : 0) : 0;
            readings |= latin.EndsWith("ngh", StringComparison.Ordinal) && phonetic.EndsWith("ng", StringComparison.Ordinal) ? Readings.FinalNgh : 0;
            readings |= SpellsInside(latin, phonetic, "zh", 'Z') ? Readings.SeparateZh : 0;
            readings |= SpellsInside(latin, phonetic, "sh", 'S') ? Readings.SeparateSh : 0;
            readings |= latin.Contains("ou", StringComparison.Ordinal) && phonetic.Contains('u') ? Readings.LatinOu : 0;
            readings |= latin.Length > 2 && latin[^1] == 'h' && IsVowel(latin[^2]) && phonetic.Length > 1 && IsVowel(phonetic[^1]) ? Readings.FinalH : 0;
            readings |= latin.Length > 2 && latin[0] == 'j' && phonetic.Length > 1 && phonetic[0] == 'j' && IsVowel(phonetic[1]) ? Readings.InitialJ : 0;
            readings |= SpellsEnglishShortU(latin) ? Readings.EnglishShortU : 0;
            readings |= SpellsEnglishFinalS(latin) ? Readings.EnglishFinalS : 0;
            readings |= SpellsGermanIchT(written) ? Readings.GermanIchT : 0;
            readings |= (latin.EndsWith("cki", StringComparison.Ordinal) || latin.EndsWith("cka", StringComparison.Ordinal)) && (phonetic.EndsWith("tski", StringComparison.Ordinal) || phonetic.EndsWith("tska", StringComparison.Ordinal)) ? Readings.PolishCkAsK : 0;
        }
        else if (script is Script.Cyrillic or Script.Arabic or Script.Devanagari)
        {
            readings |= script != Script.Devanagari && EndsInKAndVowel(phonetic) ? Readings.PolishCkAsK : 0;
            readings |= script == Script.Arabic && phonetic.Contains("St", StringComparison.Ordinal) ? Readings.GermanIchT : 0;
            readings |= script != Script.Devanagari && (phonetic.Contains("au", StringComparison.Ordinal) || phonetic.Contains("aw", StringComparison.Ordinal)) ? Readings.EnglishOw : 0;
            readings |= Readings.EnglishGh | (phonetic.Contains('f') ? Readings.EnglishGhF : 0);
            readings |= script == Script.Devanagari && written.EndsWith("ंह", StringComparison.Ordinal) ? Readings.FinalNgh : 0;
            readings |= SpellsSeparateH(script, phonetic, 'z') ? Readings.SeparateZh : 0;
            readings |= SpellsSeparateH(script, phonetic, 's') ? Readings.SeparateSh : 0;
        }

        return readings;
    }

    private static char At(ReadOnlySpan<char> form, int i) => i < form.Length ? form[i] : '\0';

    /// <summary>Whether a normalized Cyrillic word has, at <paramref name="i"/>, an е or и after a vowel (<see cref="Readings.GlideBeforeVowel"/>).</summary>
    private static bool VowelBeforeEOrI(ReadOnlySpan<char> written, int i) => i > 0 && written[i] is 'е' or 'и' && IsCyrillicVowel(written[i - 1]);

    /// <summary>Whether a Latin spelling has <paramref name="digraph"/> after its first letter, and its phonetic form the one sound <paramref name="sound"/> there (Azhar: aZar).</summary>
    private static bool SpellsInside(string latin, ReadOnlySpan<char> phonetic, string digraph, char sound) =>
        latin.Length > 2 && phonetic.Length > 1 && latin.IndexOf(digraph, 1, StringComparison.Ordinal) > 0 && phonetic[1..].Contains(sound);

    /// <summary>Whether a form read from Arabic script has <paramref name="consonant"/> before an h (ه), or one read from Cyrillic before an x (х), after its first letter: <see cref="Readings.SeparateZh"/>, <see cref="Readings.SeparateSh"/>.</summary>
    private static bool SpellsSeparateH(Script script, ReadOnlySpan<char> phonetic, char consonant) =>
        phonetic.Length > 2 && script switch
        {
            Script.Arabic => phonetic[1..].IndexOf([consonant, 'H']) >= 0,
            Script.Cyrillic => phonetic[1..].IndexOf([consonant, 'x']) >= 0,
            _ => false,
        };

    /// <summary>Whether a normalized Cyrillic letter is a consonant (not a vowel, й, ь or ъ).</summary>
    private static bool IsCyrillicConsonant(char c) => c is >= 'а' and <= 'я' && !IsCyrillicVowel(c) && c is not ('й' or 'ь' or 'ъ');

    /// <summary>Whether a normalized Cyrillic letter is a vowel.</summary>
    internal static bool IsCyrillicVowel(char c) => "аеёиоуыэюя".Contains(c);

    /// <summary>A rewriting of a Latin form at one position: appends what it reads there and returns how many symbols it read (0: none).</summary>
    private delegate int Rewrite(ReadOnlySpan<char> form, int i, Span<char> said, ref int n);

    /// <summary>
    /// The sh or ch of a Latin form before a, o or u, as Russian writes it in Japanese names: sy or
    /// ty; after an s or t, the one consonant that a doubled letter is to the form read from
    /// Cyrillic (Bessho: Бэссё, besyo; Issho: Иссё).
    /// </summary>
    private static int ReadJapaneseSyllable(ReadOnlySpan<char> form, int i, Span<char> said, ref int n)
    {
        if (!IsJapaneseSyllable(form, i))
        {
            return 0;
        }

        char consonant = form[i] == 'S' ? 's' : 't';
        if (n == 0 || said[n - 1] != consonant)
        {
            said[n++] = consonant;
        }

        said[n++] = 'y';
        return 1;
    }

    /// <summary>Whether a form read from Cyrillic has an s or t, a y and a, o or u at <paramref name="i"/> (ся, сю, сё, тя, тю, тё).</summary>
    public static bool IsCyrillicJapaneseSyllable(ReadOnlySpan<char> form, int i) =>
        form[i] is 's' or 't' && At(form, i + 1) == 'y' && At(form, i + 2) is 'a' or 'o' or 'u';

    /// <summary>Whether a Latin form has an sh or ch (<c>S</c>, <c>C</c>) and a, o or u at <paramref name="i"/>.</summary>
    private static bool IsJapaneseSyllable(ReadOnlySpan<char> form, int i) => form[i] is 'S' or 'C' && At(form, i + 1) is 'a' or 'o' or 'u';

    /// <summary>The Hungarian cs of a Latin form (a c said k and an s, before a vowel or at the end) read as ch.</summary>
    private static int ReadHungarianCs(ReadOnlySpan<char> form, int i, Span<char> said, ref int n) =>
        Say(IsHungarianCs(form, i), "C", 2, said, ref n);

    private static bool IsHungarianCs(ReadOnlySpan<char> form, int i) => form[i] == 'K' && At(form, i + 1) == 's' && (i + 2 == form.Length || IsVowel(form[i + 2]));

    /// <summary>
    /// What most readings do (<see cref="Rewrite"/>): when their pattern is <paramref name="at"/>
    /// the position, write <paramref name="text"/>, the pattern as said, and return
    /// <paramref name="length"/>, how many symbols of the form it stands for; otherwise 0.
    /// </summary>
    private static int Say(bool at, ReadOnlySpan<char> text, int length, Span<char> said, ref int n)
    {
        if (!at)
        {
            return 0;
        }

        text.CopyTo(said[n..]);
        n += text.Length;
        return length;
    }

    /// <summary>Writes <paramref name="form"/> read with <paramref name="rewrite"/> into <paramref name="said"/> (twice its length); returns its length.</summary>
    private static int Rewritten(ReadOnlySpan<char> form, Rewrite rewrite, Span<char> said)
    {
        int n = 0;
        for (int i = 0; i < form.Length; i++)
        {
            int read = rewrite(form, i, said, ref n);
            if (read == 0)
            {
                said[n++] = form[i];
            }
            else
            {
                i += read - 1;
            }
        }

        return n;
    }

    /// <summary>
    /// The skeleton of a Latin form read with one of <see cref="LatinReadings"/>, or null when
    /// the reading changes nothing in it. The index posts some of them (CandidateIndex.OwnKeys):
    /// the Hungarian cs read ch (<see cref="Readings.Cs"/>: Csaba, <c>sb</c> as Чаба and تشابا are
    /// read, not <c>ksb</c>), the Polish rz after a consonant read zh or sh
    /// (<see cref="Readings.Rz"/>: Brzezinski, <c>bsnsk</c> as Бжезинский is read, not <c>brsnsk</c>),
    /// the French ill (<see cref="Readings.FrenchIll"/>), the c of the Polish -cki said as the k of
    /// English ck (<see cref="Readings.PolishCkAsK"/>: Debicki, <c>tbk</c>) and the ch of the German
    /// cht said sh (<see cref="Readings.GermanIchT"/>: Specht, <c>sbst</c>).
    /// </summary>
    public static string? SkeletonAsSaid(ReadOnlySpan<char> form, Readings reading)
    {
        if (form.Length > MaxReadLength)
        {
            return null;
        }

        Span<char> said = stackalloc char[2 * form.Length];
        int n = Rewritten(form, RewriteOf(reading), said);
        return said[..n].SequenceEqual(form) ? null : Skeleton(said[..n]);
    }

    /// <summary>The rewriting of one of <see cref="LatinReadings"/>.</summary>
    private static Rewrite RewriteOf(Readings reading)
    {
        foreach ((Readings r, Rewrite read, _) in LatinReadings)
        {
            if (r == reading)
            {
                return read;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(reading), reading, "not one of the Latin readings");
    }

    /// <summary>
    /// The Polish rz after a consonant, as Russian writes it: ж, ш after a voiceless consonant,
    /// and дж for drz (Brzezinski: Бжезинский, Przybylski: Пшибыльский, Andrzej: Анджей).
    /// </summary>
    private static int ReadPolishRz(ReadOnlySpan<char> form, int i, Span<char> said, ref int n)
    {
        if (!IsPolishRz(form, i))
        {
            return 0;
        }

        char before = said[n - 1];
        if (before == 'd')
        {
            said[n - 1] = 'j';
        }
        else
        {
            said[n++] = before is 'p' or 't' or 'k' or 'K' or 'x' or 'f' or 's' or 'S' or 'C' ? 'S' : 'Z';
        }

        return 2;
    }

    private static bool IsPolishRz(ReadOnlySpan<char> form, int i) =>
        form[i] == 'r' && At(form, i + 1) == 'z' && i > 0 && !IsVowel(form[i - 1]) && form[i - 1] is not ('r' or 'y' or 'w');

    /// <summary>The longest Latin form the readings are tried on (longer ones are not read).</summary>
    private const int MaxReadLength = 64;

    /// <summary>
    /// The similarity of <paramref name="other"/> to the Latin <paramref name="form"/> read with
    /// <paramref name="rewrite"/>, times <paramref name="share"/> (see <see cref="LatinReadings"/>).
    /// </summary>
    private static float ReadingSimilarity(TokenForms other, string form, Rewrite rewrite, float share, int silent, float floor, Script conventions)
    {
        if (form.Length > MaxReadLength)
        {
            return 0f;
        }

        Span<char> said = stackalloc char[2 * form.Length];
        return SaidSimilarity(other, said[..Rewritten(form, rewrite, said)], share, silent, floor, conventions);
    }

    /// <summary>The similarity of <paramref name="other"/> to a Latin form as read (<paramref name="said"/>), times <paramref name="share"/>.</summary>
    private static float SaidSimilarity(TokenForms other, ReadOnlySpan<char> said, float share, int silent, float floor, Script conventions) =>
        share * ScriptSimilarity(other, said, Weight(said), Potential(said), PotentialAllowance(said), silent, floor, conventions);

    /// <summary>
    /// The similarity of <paramref name="other"/> to the Latin <paramref name="form"/> read with
    /// every one of the <paramref name="shared"/> readings at once (at each position, the first of
    /// <see cref="LatinReadings"/> that reads there), times the least share of those that read (at
    /// most <see cref="ReadingShare"/>); 0 when fewer than two of them read anything (one alone was
    /// tried already).
    /// </summary>
    private static float CombinedReadingSimilarity(TokenForms other, string form, Readings shared, int silent, float floor, Script conventions)
    {
        if (form.Length > MaxReadLength)
        {
            return 0f;
        }

        Span<char> said = stackalloc char[2 * form.Length];
        int n = 0;
        Readings fired = Readings.None;
        float share = ReadingShare;
        for (int i = 0; i < form.Length; i++)
        {
            int read = 0;
            foreach ((Readings reading, Rewrite rewrite, float readingShare) in LatinReadings)
            {
                if ((shared & reading) != 0 && (read = rewrite(form, i, said, ref n)) > 0)
                {
                    fired |= reading;
                    share = MathF.Min(share, readingShare);
                    break;
                }
            }

            if (read == 0)
            {
                said[n++] = form[i];
            }
            else
            {
                i += read - 1;
            }
        }

        if ((fired & (fired - 1)) == 0)
        {
            return 0f;
        }

        return SaidSimilarity(other, said[..n], share, silent, floor, conventions);
    }

    /// <summary>Whether <paramref name="latin"/> has an i at <paramref name="at"/> followed by a, o or u.</summary>
    private static bool SoftGi(ReadOnlySpan<char> latin, int at) =>
        at + 1 < latin.Length && latin[at] == 'i' && latin[at + 1] is 'a' or 'o' or 'u';

    private static void AppendSymbol(Span<char> buffer, ref int n, char symbol)
    {
        // Doubled symbols merge, and so do k and K (Akçay, Taraqqi: one k), and s and a soft c
        // (Pascia, Scena: one s).
        if (n > 0 && (buffer[n - 1] == symbol || (buffer[n - 1] is 'k' or 'K' && symbol is 'k' or 'K') || (buffer[n - 1] == 's' && symbol == 'c')))
        {
            return;
        }

        // A t and the th after it are one th (Matthias: Маттиас; Matthaeus: Матфей).
        if (n > 0 && buffer[n - 1] == 't' && symbol == 'E')
        {
            buffer[n - 1] = symbol;
            return;
        }

        buffer[n++] = symbol;
    }

    /// <summary>
    /// Whether two phonetic forms are one sound: equal, or equal once <c>H</c> is read as h and
    /// <c>Z</c> as j (the symbols that only some script pairs tell apart; see the class summary).
    /// </summary>
    public static bool SameSound(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return true;
        }

        if (a.Length != b.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i] && Plain(a[i]) != Plain(b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A symbol as the forms wrote it before <c>H</c>, <c>X</c>, <c>N</c>, <c>Z</c>, <c>J</c>, <c>T</c>, <c>E</c>, <c>G</c>, <c>K</c>, <c>Q</c>, <c>c</c>, <c>D</c>, <c>A</c>, <c>I</c> and <c>U</c> (h, h, n, j, j, t, t, g, k, s, s, d, kh, y and u).</summary>
    public static char Plain(char symbol) => symbol switch { 'H' or 'X' => 'h', 'N' => 'n', 'Z' or 'J' => 'j', 'T' or 'E' => 't', 'G' => 'g', 'K' => 'k', 'Q' or 'c' => 's', 'D' => 'd', 'A' => 'x', 'I' => 'y', 'U' => 'u', _ => symbol };

    /// <summary>
    /// Reads a spelling of English, French or Italian names at <paramref name="i"/> of a Latin
    /// word as it is said, as Arabic script and Cyrillic write it, appending its symbols; returns
    /// how many letters it read (0: none of these spellings is there).
    /// <list type="bullet">
    /// <item>The Mc of Scottish and Irish names is mac (McGowan: Макгоун, ماكغوان, as MacGowan;
    /// McKinnie: Маккини); not the Georgian mch (Mchedlishvili).</item>
    /// <item>The Italian cch is k (Bacchetti: Баккетти, Pinocchio: Пиноккио), not the ch of other
    /// spellings.</item>
    /// <item>The French oi of a final -ois, -oit, -oix is said wa, its consonant silent: u and a,
    /// as the other scripts write it (Blois: Блуа, Benoit: Бенуа, Delacroix: Делакруа, ديلاكروا).</item>
    /// <item>The English wh is w (Whalen: Уэйлен, ويلن; Lillywhite: Лиллиуайт); not after a vowel,
    /// where romanizations of Arabic have a w and an h (Tawhid: توحيد).</item>
    /// <item>The English igh before a consonant is the vowel of Wright (Albright: Олбрайт, أولبرايت;
    /// Highfield: Хайфилд), the gh silent; not after a or e (Haight, Leighton), not before a vowel
    /// (the Italian ghi of Alighieri: Алигьери), and not at the end, where it is more often the gh
    /// of Persian and Arabic names (Tofigh: توفيغ).</item>
    /// <item>A final ey or ie after a consonant is the i of English spellings (Ackerley: Аккерли,
    /// Dempsey: ديمبسي; Leslie: Лесли); not in words of four letters or fewer, whose ey is said as
    /// written (Frey: Фрей, Bey, Ney).</item>
    /// </list>
    /// </summary>
    private static int SaidSpelling(ReadOnlySpan<char> latin, int i, Span<char> buffer, ref int n)
    {
        char c = latin[i];
        char next = i + 1 < latin.Length ? latin[i + 1] : '\0';
        char third = i + 2 < latin.Length ? latin[i + 2] : '\0';
        int rest = latin.Length - i;
        if (i == 0 && c == 'm' && next == 'c' && latin.Length > 3 && !IsVowel(third) && third != 'h')
        {
            AppendSymbol(buffer, ref n, 'm');
            AppendSymbol(buffer, ref n, 'a');
            return 1;
        }

        if (c == 'c' && next == 'c' && third == 'h')
        {
            AppendSymbol(buffer, ref n, 'K');
            return 3;
        }

        if (c == 'o' && next == 'i' && rest == 3 && third is 's' or 't' or 'x' && i >= 2)
        {
            AppendSymbol(buffer, ref n, 'u');
            AppendSymbol(buffer, ref n, 'a');
            return rest;
        }

        if (c == 'w' && next == 'h' && (i == 0 || !IsVowel(latin[i - 1])))
        {
            AppendSymbol(buffer, ref n, 'w');
            return 2;
        }

        if (c == 'i' && next == 'g' && third == 'h' && rest > 3 && !IsVowel(latin[i + 3]) && (i == 0 || latin[i - 1] is not ('a' or 'e')))
        {
            AppendSymbol(buffer, ref n, 'a');
            AppendSymbol(buffer, ref n, 'y');
            return 3;
        }

        if (c is 'e' or 'i' && next == (c == 'e' ? 'y' : 'e') && rest == 2 && latin.Length >= 5 && !IsVowel(latin[i - 1]) && latin[i - 1] != 'y')
        {
            AppendSymbol(buffer, ref n, 'i');
            return rest;
        }

        return 0;
    }

    public static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>Cost of inserting or deleting one symbol.</summary>
    public static float IndelCost(char c) => IsVowel(c) ? VowelCost : c is 'y' or 'w' ? SemivowelCost : c == 'h' ? HCost : UnwrittenSymbols.Contains(c) ? UnwrittenCost : SplitSymbols.Contains(c) ? SplitHCost : 1f;

    /// <summary>
    /// The spelling conventions a comparison of two forms allows for: <see cref="Script.Arabic"/>
    /// when either was read from Arabic script, <see cref="Script.Cyrillic"/> when either was read
    /// from Cyrillic, <see cref="Script.Devanagari"/> when one was read from Devanagari and the other
    /// is a Latin spelling, otherwise <see cref="Script.Latin"/> (none). See <see cref="SubstitutionCost"/>.
    /// </summary>
    public static Script Conventions(TokenForms a, TokenForms b) =>
        a.Script == Script.Arabic || b.Script == Script.Arabic ? Script.Arabic
        : a.Script == Script.Cyrillic || b.Script == Script.Cyrillic ? Script.Cyrillic
        : (a.Script, b.Script) is (Script.Devanagari, Script.Latin) or (Script.Latin, Script.Devanagari) ? Script.Devanagari
        : Script.Latin;

    /// <summary>
    /// Cost of substituting <paramref name="a"/> by <paramref name="b"/>. With the
    /// <paramref name="conventions"/> of a script one side was read from, <paramref name="a"/> is
    /// the symbol read from that script and <paramref name="b"/> the Latin spelling's (the order
    /// <see cref="Similarity(TokenForms, TokenForms, float)"/> gives them), and what the script
    /// writes for a Latin letter is close to it, one way only: Arabic script writes o and u with
    /// و, e and i with ي (both ways); the g of foreign and Egyptian names with ج, p with ب, the w
    /// said v of German and Polish names with ف, their j said y with ي, the j of Spanish names
    /// with خ, and zh with ز. Russian writes a foreign h as г or х, the j of Spanish names as х,
    /// the j said y as й, the w of English names as у (at no cost), the shi of Japanese names as
    /// си, their chi as ти, and the s of German st and sp as ш (Штайн Stein). Both write the ch of German names as kh (Bach: باخ, Бах)
    /// and that of French names as sh (Achar: أشار, Binoche: Бинош), and both write the c of Turkish
    /// names with their j (ج, дж): 0.3 from a soft c, 0.5 from a c said k (at 0.5, k's
    /// <see cref="Potential"/> stays what it was). Hindi writes the ch of German names ख़ too (Bach:
    /// बाख़, Munich: म्यूनिख़), but neither the sh of French ones (श is the sh of Indian names, whose
    /// Latin ch is च: with it, cmu-indian-names answered more queries of absent entities, शाशिश
    /// with Sachish) nor the j of Turkish ones (its ज met the q of Thaqib).
    /// The other way (پ for a Latin b, ج for a Latin y) is no closer than without conventions.
    /// </summary>
    public static float SubstitutionCost(char a, char b, Script conventions = Script.Latin)
    {
        if ((conventions == Script.Arabic && (a, b) is ('z', 'Z')) || (conventions == Script.Cyrillic && (a, b) is ('Q', 'K')))
        {
            return ScriptConventionCost;
        }

        // Russian writes the w of English names у (Уэйд Wade, Оуэн Owen, Брюэр Brewer): it is the
        // letter's spelling, not a near one (netranslit-ru development queries, top-1 against
        // 0.2, the cost without conventions: +43 at 0.05, +27 at 0.1, +82 at 0).
        if (conventions == Script.Cyrillic && (a, b) is ('u', 'w'))
        {
            return 0f;
        }

        if (a == 'q' || b == 'q')
        {
            return CedillaCost(a == 'q' ? b : a);
        }

        if ((a, b) is ('D', 'z') or ('z', 'D'))
        {
            return PersianZCost;
        }

        if (conventions == Script.Cyrillic && (a, b) is ('f', 'E'))
        {
            return ThetaCost;
        }

        // The n of a nasal vowel is the m that Russian writes before b and p (Dąbrowski: Домбровский).
        if ((a, b) is ('N', 'm') or ('m', 'N'))
        {
            return 0f;
        }

        if (conventions is Script.Arabic or Script.Cyrillic && Plain(a) == 'j' && b is 'c' or 'K')
        {
            return b == 'c' ? TurkishCCost : TurkishKCost;
        }

        a = Plain(a);
        b = Plain(b);
        if (a == b)
        {
            return 0f;
        }

        bool va = IsVowel(a), vb = IsVowel(b);
        if (va && vb)
        {
            return conventions == Script.Arabic && (a, b) is ('o', 'u') or ('u', 'o') or ('e', 'i') or ('i', 'e') ? ArabicVowelCost : VowelCost;
        }

        if ((conventions == Script.Cyrillic && (a, b) is ('g', 'h') or ('x', 'h') or ('s', 'S') or ('S', 's') or ('t', 'C') or ('x', 'C') or ('S', 'C') or ('x', 'j') or ('y', 'j'))
            || (conventions == Script.Arabic && (a, b) is ('j', 'g') or ('x', 'C') or ('S', 'C') or ('b', 'p') or ('f', 'w') or ('y', 'j') or ('i', 'j') or ('x', 'j'))
            || (conventions == Script.Devanagari && (a, b) is ('x', 'C')))
        {
            return ScriptConventionCost;
        }

        if ((a == 'y' && b is 'i' or 'e') || (b == 'y' && a is 'i' or 'e') || (a == 'w' && b is 'u' or 'o') || (b == 'w' && a is 'u' or 'o'))
        {
            return 0.2f;
        }

        if ((a == 's' && b == 'z') || (a == 'z' && b == 's'))
        {
            return 0.25f;
        }

        // v is written و (w, or the vowel u/o) in Urdu and Persian, ف (f) in Arabic.
        if (a == 'v' || b == 'v')
        {
            char other = a == 'v' ? b : a;
            return other switch
            {
                'w' => 0.15f,
                'f' or 'u' or 'o' => 0.3f,
                _ => 1f,
            };
        }

        return IsNear(a, b) ? NearCost : 1f;
    }

    /// <summary>
    /// Substituting <paramref name="other"/> for a Latin ç (<c>q</c>), under any conventions: ch
    /// (Turkish: Kılıç, Кылыч, كيليتش) at no cost; s (French and Portuguese: François, Франсуа,
    /// فرانسوا) and k (the letter written as such: Cançado, كانكادو; and the c of a spelling
    /// without the cedilla, Francois) at 0.1, which keeps <see cref="Potential"/> what it was for
    /// k (1) and s (0.8); sh 0.2; j 0.4 (Arabic script writes the Turkish ç ج too: Meriç, ماريج).
    /// </summary>
    private static float CedillaCost(char other) => other switch
    {
        'q' or 'C' => 0f,
        'k' or 'K' or 's' or 'c' or 'Q' => 0.1f,
        'S' => 0.2f,
        'j' or 'Z' => 0.4f,
        _ => 1f,
    };

    private static bool IsNear(char a, char b)
    {
        if (a > b)
        {
            (a, b) = (b, a);
        }

        return (a, b) switch
        {
            ('b', 'p') or ('d', 'z') or ('j', 'z') or ('g', 'j') or ('g', 'k') or ('k', 'x') or ('h', 'x') or ('g', 'x')
                or ('S', 's') or ('C', 'S') or ('C', 'j') or ('C', 's') or ('C', 'k') or ('d', 't') or ('m', 'n') or ('s', 't') or ('j', 'y') or ('S', 'j') => true,
            _ => false,
        };
    }

    /// <summary>Total weight of a form: the cost of deleting all of it.</summary>
    public static float Weight(ReadOnlySpan<char> form)
    {
        float w = 0f;
        foreach (char c in form)
        {
            w += IndelCost(c);
        }

        return w;
    }

    /// <summary>
    /// Similarity in [0, 1] of two phonetic forms: one minus the weighted edit distance over the
    /// larger of the two weights. No allocation for forms up to 64 symbols.
    /// </summary>
    public static float Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b, float weightA, float weightB) =>
        Similarity(a, b, weightA, weightB, floor: 0f, conventions: Script.Latin);

    /// <summary>
    /// <see cref="Similarity(ReadOnlySpan{char}, ReadOnlySpan{char}, float, float)"/> for a caller
    /// to whom every similarity below <paramref name="floor"/> is the same: such pairs get 0, and
    /// the distance stops as soon as it is too large (most pairs of a candidate set are far apart).
    /// <paramref name="conventions"/>: see <see cref="Conventions"/>; under a script's conventions,
    /// <paramref name="a"/> is the form read from that script (<see cref="SubstitutionCost"/>).
    /// </summary>
    public static float Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b, float weightA, float weightB, float floor, Script conventions) =>
        Similarity(a, b, weightA, weightB, PotentialGap(Potential(a), Potential(b), PotentialAllowance(a) + PotentialAllowance(b)), floor, conventions);

    /// <summary>
    /// The similarity of two tokens' phonetic forms under the conventions of their scripts, for a
    /// caller to whom every similarity below <paramref name="floor"/> is the same (0). When one
    /// side was read from Arabic script or Cyrillic and the other is a Latin spelling with a
    /// silent tail (<see cref="TokenForms.SilentTail"/>), leaving out that tail costs
    /// <see cref="SilentCost"/>: those scripts write French names as they are said
    /// (Brunet: Брюне, برونيه); and a Latin gn between vowels (<c>Gn</c>) is also read as the
    /// <c>ny</c> they write for it (Agnelli: Аньелли). A Latin form is also read as those scripts,
    /// and Devanagari, write some names (<see cref="LatinReadings"/>).
    /// </summary>
    public static float Similarity(TokenForms a, TokenForms b, float floor)
    {
        Script conventions = Conventions(a, b);
        if (conventions != Script.Latin && (a.Script == Script.Latin || b.Script == Script.Latin))
        {
            // The Latin side second: the conventions' costs are one way (the script's symbol
            // first), and the distance discounts the end of its second form. Hindi writes French
            // names as said too (Brunet: ब्रूने), with Arabic script's silent tails.
            (TokenForms other, TokenForms latin) = b.Script == Script.Latin ? (a, b) : (b, a);
            int silent = latin.SilentTail(conventions);
            float similarity = ScriptSimilarity(other, latin.Phonetic, latin.PhoneticWeight, latin.PhoneticPotential, latin.PotentialAllowance, silent, floor, conventions);

            // Spellings that the other script writes as their language says them (LatinReadings):
            // the Latin form is also read so, when both forms have the spelling.
            Readings shared = latin.Readings & other.Readings;
            if (shared != Readings.None)
            {
                // A reading keeps at most its share: it is read only when that could beat the best so far.
                foreach ((Readings reading, Rewrite read, float share) in LatinReadings)
                {
                    if (similarity < share && (shared & reading) != 0)
                    {
                        similarity = MathF.Max(similarity, ReadingSimilarity(other, latin.Phonetic, read, share, silent, floor, conventions));
                    }
                }

                // A word may need two of them at once (Gene: जीन, its soft g and its e; Eugene:
                // Юджин). Together they keep no more than one does, so a pair already that close
                // needs no more.
                if (similarity < ReadingShare && (shared & (shared - 1)) != 0)
                {
                    similarity = MathF.Max(similarity, CombinedReadingSimilarity(other, latin.Phonetic, shared, silent, floor, conventions));
                }
            }

            // A name not said as its letters read (Michael: Майкл, مايكل), read as said.
            if (latin.Said is { } said && similarity < ReadingShare)
            {
                similarity = MathF.Max(similarity, SaidSimilarity(other, said, ReadingShare, 0, floor, conventions));
            }

            return similarity;
        }

        return FormSimilarity(a, b, floor, conventions);
    }

    /// <summary>The similarity of two tokens' phonetic forms as they are, with no silent tail and no reading.</summary>
    private static float FormSimilarity(TokenForms a, TokenForms b, float floor, Script conventions) =>
        Similarity(a.Phonetic, b.Phonetic, a.PhoneticWeight, b.PhoneticWeight, PotentialGap(a.PhoneticPotential, b.PhoneticPotential, a.PotentialAllowance + b.PotentialAllowance), floor, conventions);

    /// <summary>
    /// <see cref="Similarity(TokenForms, TokenForms, float)"/> of a form read from another script
    /// and a Latin phonetic form (its weight, potential and allowance given), whose last
    /// <paramref name="silent"/> symbols may be left out (<see cref="SilentTail"/>).
    /// </summary>
    private static float ScriptSimilarity(TokenForms other, ReadOnlySpan<char> latin, float latinWeight, float latinPotential, float latinAllowance, int silent, float floor, Script conventions)
    {
        float allowance = other.PotentialAllowance + latinAllowance;
        float gap = PotentialGap(other.PhoneticPotential, latinPotential, allowance);
        if (silent > 0)
        {
            float said = latinPotential - Potential(latin[^silent..]);
            gap = MathF.Min(gap, PotentialGap(other.PhoneticPotential, said, allowance));
            if (conventions == Script.Cyrillic && CyrillicCaseEnding(other.Phonetic))
            {
                gap = MathF.Min(gap, PotentialGap(other.PhoneticPotential - PotentialTable['y'], said, allowance));
            }
        }

        return Similarity(other.Phonetic, latin, other.PhoneticWeight, latinWeight, gap, floor, conventions, silent);
    }

    /// <summary>
    /// The lower bound on the distance of two forms of potentials <paramref name="a"/> and
    /// <paramref name="b"/> (<see cref="Potential"/>), given the sum of their allowances
    /// (<see cref="PotentialAllowance"/>): what the <c>potentialGap</c> of <see cref="Similarity(ReadOnlySpan{char}, ReadOnlySpan{char}, float, float, float, float, Script, int)"/> wants.
    /// </summary>
    public static float PotentialGap(float a, float b, float allowance) => MathF.Abs(a - b) - allowance;

    /// <param name="a">One phonetic form (under a script's conventions, the one read from that script).</param>
    /// <param name="b">The other (the Latin spelling's).</param>
    /// <param name="weightA">The weight of <paramref name="a"/>.</param>
    /// <param name="weightB">The weight of <paramref name="b"/>.</param>
    /// <param name="potentialGap">
    /// The difference of the two forms' potentials less their allowances (<see cref="Potential"/>), a
    /// lower bound on their distance: when it alone puts the pair below <paramref name="floor"/>, no distance is computed.
    /// </param>
    /// <param name="floor">Every similarity below it is 0.</param>
    /// <param name="conventions">See <see cref="Conventions"/>.</param>
    /// <param name="silentTail">How many final symbols of <paramref name="b"/> (a silent ending, <see cref="SilentTail"/>) may be left out together, at <see cref="SilentCost"/>; under Cyrillic conventions, with the final й of <paramref name="a"/> (<see cref="CyrillicCaseEnding"/>).</param>
    public static float Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b, float weightA, float weightB, float potentialGap, float floor, Script conventions, int silentTail = 0)
    {
        if (a.SequenceEqual(b))
        {
            return a.IsEmpty ? 0f : 1f;
        }

        float norm = MathF.Max(weightA, weightB);
        if (norm <= 0f)
        {
            return 0f;
        }

        // (The weights' difference is no bound on the distance: y for j costs 0.4, their
        // weights differ by 0.65.)
        float limit = MathF.Min(1f, 1f - floor) * norm;
        if (potentialGap > limit + PotentialSlack)
        {
            return 0f;
        }

        float d = Distance(a, b, limit, conventions switch { Script.Arabic => ArabicSubstitutionTable, Script.Cyrillic => CyrillicSubstitutionTable, Script.Devanagari => DevanagariSubstitutionTable, _ => SubstitutionTable }, silentTail, conventions == Script.Cyrillic && CyrillicCaseEnding(a));
        return d > limit ? 0f : MathF.Max(0f, 1f - (d / norm));
    }

    // Cost tables over the ASCII symbols of phonetic forms, built once from the functions above,
    // so that the inner loop of the distance is two table reads.
    private static readonly float[] IndelTable = BuildIndelTable();
    private static readonly float[] SubstitutionTable = BuildSubstitutionTable(Script.Latin);
    private static readonly float[] ArabicSubstitutionTable = BuildSubstitutionTable(Script.Arabic);
    private static readonly float[] CyrillicSubstitutionTable = BuildSubstitutionTable(Script.Cyrillic);
    private static readonly float[] DevanagariSubstitutionTable = BuildSubstitutionTable(Script.Devanagari);

    /// <summary>The substitution tables of every convention, which the potentials bound together.</summary>
    private static readonly float[][] SubstitutionTables = [SubstitutionTable, ArabicSubstitutionTable, CyrillicSubstitutionTable, DevanagariSubstitutionTable];
    private static readonly float[] PotentialTable = BuildPotentialTable();

    /// <summary>Per symbol, what its insertion may change a form's potential by beyond its cost (see <see cref="PotentialAllowance"/>).</summary>
    private static readonly float[] AllowanceTable = BuildAllowanceTable();

    /// <summary>
    /// The symbols that other spellings leave out (<see cref="SplitHCost"/>, <see cref="UnwrittenCost"/>)
    /// but that every substitution reads as a plain letter (<see cref="Plain"/>): H, T, G and the
    /// <see cref="UnwrittenSymbols"/>.
    /// </summary>
    private const string SplitSymbols = "HTG" + UnwrittenSymbols;

    /// <summary>The symbols of the letters that a Latin spelling's diacritics add to what its romanization writes: X, N and J.</summary>
    private const string DiacriticSymbols = "XNJ";

    /// <summary>The symbols of letters another script writes that Latin spellings leave out: A (the Cyrillic х that a Latin digraph folds in) and I (the y of a Cyrillic word-initial е). No skeleton has them.</summary>
    private const string ScriptOnlySymbols = "AI";

    /// <summary>The symbols of letters a Latin spelling writes that other scripts leave out: U (the u of gu before e, i or y). No skeleton has them.</summary>
    private const string UnsaidSymbols = "U";

    /// <summary>The symbols no skeleton has: the <see cref="ScriptOnlySymbols"/> and the <see cref="UnsaidSymbols"/>.</summary>
    private const string SkeletonlessSymbols = ScriptOnlySymbols + UnsaidSymbols;

    /// <summary>The symbols that cost <see cref="UnwrittenCost"/> to leave out: the <see cref="DiacriticSymbols"/> and the <see cref="SkeletonlessSymbols"/>.</summary>
    private const string UnwrittenSymbols = DiacriticSymbols + SkeletonlessSymbols;

    /// <summary>
    /// The symbols whose substitutions the potentials leave out of their bound: E (a Latin th), a
    /// Cyrillic f for <see cref="ThetaCost"/>, would take every t's potential down to f's plus that
    /// cost, 0.8, and the bound would weaken for the many words with a t. E gets t's potential
    /// instead, and the forms with an E give back the difference (<see cref="PotentialAllowance"/>).
    /// </summary>
    private const string LooseSymbols = "E";

    /// <summary>Rounding room for the potential bound (float sums in a different order than the distance's).</summary>
    private const float PotentialSlack = 1e-3f;

    /// <summary>
    /// A form's potential: the sum of its symbols' potentials. Every edit operation changes it by
    /// at most what the operation costs, under any script's conventions, except inserting or
    /// deleting an <c>H</c>, <c>T</c> or <c>G</c> (see <see cref="PotentialAllowance"/>), so the difference of two forms'
    /// potentials, less their allowances, is a lower bound on their distance (a word and a word twice
    /// its length are far apart before any distance is computed).
    /// </summary>
    public static float Potential(ReadOnlySpan<char> form)
    {
        float p = 0f;
        foreach (char c in form)
        {
            p += PotentialTable[c & 127];
        }

        return p;
    }

    /// <summary>
    /// What inserting or deleting the <c>H</c>s, <c>T</c>s and <c>G</c>s of a form may change its
    /// potential by beyond their cost. <c>T</c> is plain t to every substitution (<c>H</c> plain h,
    /// <c>G</c> plain g), so a potential that bounded its insertion cost (0.3) would bound every
    /// t's too, and the bound would lose most of its power over the many words with a t; it gets
    /// t's potential instead, and the few forms with a T give back the difference: 0 for a form
    /// without one.
    /// </summary>
    public static float PotentialAllowance(ReadOnlySpan<char> form)
    {
        float allowance = 0f;
        foreach (char c in form)
        {
            allowance += AllowanceTable[c & 127];
        }

        return allowance;
    }

    /// <summary>
    /// The largest symbol potentials φ with φ(x) ≤ the cost of inserting x and |φ(x) − φ(y)| ≤ the
    /// cheapest substitution of x by y under any conventions: the shortest-path fixpoint of
    /// φ(x) = min(indel(x), min over y of subst(x, y) + φ(y)), with H, T and G left out of it
    /// (each gets its plain letter's potential through the fixpoint: <see cref="PotentialAllowance"/>).
    /// </summary>
    private static float[] BuildPotentialTable()
    {
        var phi = new float[128];
        for (int c = 0; c < 128; c++)
        {
            phi[c] = IndelTable[c];
        }

        foreach (char split in SplitSymbols)
        {
            phi[split] = float.PositiveInfinity;
        }

        for (bool changed = true; changed;)
        {
            changed = false;
            for (int x = 0; x < 128; x++)
            {
                for (int y = 0; y < 128; y++)
                {
                    if (LooseSymbols.Contains((char)x) || LooseSymbols.Contains((char)y))
                    {
                        continue;
                    }

                    foreach (float[] t in SubstitutionTables)
                    {
                        float viaY = MathF.Min(t[(x * 128) + y], t[(y * 128) + x]) + phi[y];
                        if (viaY < phi[x])
                        {
                            phi[x] = viaY;
                            changed = true;
                        }
                    }
                }
            }
        }

        foreach (char loose in LooseSymbols)
        {
            phi[loose] = phi[Plain(loose)];
        }

        return phi;
    }

    private static float[] BuildAllowanceTable()
    {
        var table = new float[128];
        foreach (char split in SplitSymbols)
        {
            table[split] = PotentialTable[split] - IndelTable[split];
        }

        // A loose symbol gives back what a substitution changes the potential by beyond its cost.
        foreach (char loose in LooseSymbols)
        {
            for (int y = 0; y < 128; y++)
            {
                foreach (float[] t in SubstitutionTables)
                {
                    float cost = MathF.Min(t[(loose * 128) + y], t[(y * 128) + loose]);
                    table[loose] = MathF.Max(table[loose], MathF.Abs(PotentialTable[loose] - PotentialTable[y]) - cost);
                }
            }
        }

        return table;
    }

    private static float[] BuildIndelTable()
    {
        var table = new float[128];
        for (int c = 0; c < 128; c++)
        {
            table[c] = IndelCost((char)c);
        }

        return table;
    }

    private static float[] BuildSubstitutionTable(Script conventions)
    {
        var table = new float[128 * 128];
        for (int a = 0; a < 128; a++)
        {
            for (int b = 0; b < 128; b++)
            {
                table[(a * 128) + b] = SubstitutionCost((char)a, (char)b, conventions);
            }
        }

        return table;
    }

    /// <summary>Weighted edit distance (two-row dynamic programme, table-driven).</summary>
    public static float Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Distance(a, b, float.PositiveInfinity, SubstitutionTable);

    /// <summary>
    /// The weighted edit distance, or a value above <paramref name="limit"/> as soon as the
    /// distance is known to exceed it (the smallest cell of a row never decreases from row to row).
    /// The last <paramref name="silentTail"/> symbols of <paramref name="b"/>, a silent ending, may
    /// be left out together at <see cref="SilentCost"/>; with <paramref name="caseEnding"/>, together
    /// with the final y of <paramref name="a"/> too (<see cref="CyrillicCaseEnding"/>).
    /// </summary>
    private static float Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, float limit, float[] subst, int silentTail = 0, bool caseEnding = false)
    {
        int m = b.Length;
        Span<float> prev = m < 64 ? stackalloc float[m + 1] : new float[m + 1];
        Span<float> cur = m < 64 ? stackalloc float[m + 1] : new float[m + 1];

        // b's symbols and their insertion costs, read once instead of once per row.
        Span<int> symbols = m < 64 ? stackalloc int[m] : new int[m];
        Span<float> insert = m < 64 ? stackalloc float[m] : new float[m];
        float[] indel = IndelTable;
        prev[0] = 0f;
        for (int j = 0; j < m; j++)
        {
            symbols[j] = b[j] & 127;
            insert[j] = indel[symbols[j]];
            prev[j + 1] = prev[j] + insert[j];
        }

        // A's final й after a vowel and b's silent tail may be one ending, left out together
        // (Эмилий: Aemilius; see CyrillicCaseEnding): the row before a's last symbol gives it.
        int last = caseEnding && silentTail > 0 && silentTail <= m ? a.Length - 1 : -1;
        float ending = float.PositiveInfinity;
        for (int i = 0; i < a.Length; i++)
        {
            if (i == last)
            {
                ending = prev[m - silentTail] + SilentCost;
            }

            int ca = a[i] & 127;
            float del = indel[ca];
            ReadOnlySpan<float> row = subst.AsSpan(ca * 128, 128);
            float diagonal = prev[0], left = prev[0] + del;
            cur[0] = left;
            float rowMin = left;
            for (int j = 0; j < m; j++)
            {
                // Branch-free minima: which operation wins is data, not a pattern to predict.
                float up = prev[j + 1];
                float best = MathF.Min(MathF.Min(diagonal + row[symbols[j]], up + del), left + insert[j]);
                cur[j + 1] = best;
                rowMin = MathF.Min(rowMin, best);
                diagonal = up;
                left = best;
            }

            if (rowMin > limit)
            {
                return MathF.Min(rowMin, ending);
            }

            Span<float> t = prev;
            prev = cur;
            cur = t;
        }

        return silentTail > 0 && silentTail <= m ? MathF.Min(MathF.Min(prev[m], prev[m - silentTail] + SilentCost), ending) : prev[m];
    }

    /// <summary>
    /// The consonant skeleton used as a blocking key: vowels dropped, y and w kept only first,
    /// consonants merged into coarse classes (t/d, s/z/sh/ch/j, k/g/kh).
    /// </summary>
    public static string Skeleton(ReadOnlySpan<char> form) => Skeleton(form, SkeletonReading.None);

    /// <summary>
    /// The skeleton that Arabic script gives a form with a v (ف: Svetlova is سفيتلوفا, skeleton
    /// sftlf, not stl; Vittorio is فيتوريو), or null when the form has no v. The index posts a
    /// name under both; queries keep their own skeleton.
    /// </summary>
    public static string? SkeletonWithVAsF(ReadOnlySpan<char> form) => form.Contains('v') ? Skeleton(form, SkeletonReading.VAsF) : null;

    /// <summary>
    /// The skeleton of a Latin spelling with the letters that other languages say kh read so: its
    /// ch, as German, Dutch, Polish, Czech and Greek names say it (Italian ones k) and Cyrillic and
    /// Arabic script write it (Aachen: Ахен, Auerbach: أورباخ, Chodźko: Ходзько, Chieti: Кьети), and
    /// a first j before a vowel, the Spanish jota (Jorge: Хорхе, Juárez: Хуарес); or null when the
    /// form has neither.
    /// </summary>
    public static string? SkeletonWithKh(ReadOnlySpan<char> form) =>
        form.Contains('C') || FirstJBeforeVowel(form) ? Skeleton(form, SkeletonReading.KhSaid) : null;

    /// <summary>Whether a form begins with a j before a vowel, which Spanish says kh (Jorge, Juárez; <see cref="SkeletonWithKh"/>).</summary>
    private static bool FirstJBeforeVowel(ReadOnlySpan<char> form) => form.Length > 1 && form[0] == 'j' && IsVowel(form[1]);

    /// <summary>
    /// The skeleton of a Latin spelling with its th (<c>E</c>) read f, as Russian writes the theta
    /// of Greek names (Athena: Афина, skeleton <c>fn</c>, not <c>tn</c>; Themistius: Фемистий;
    /// Matthaeus: Матфей), or null when the form has no th.
    /// </summary>
    public static string? SkeletonWithThAsF(ReadOnlySpan<char> form) => form.Contains('E') ? Skeleton(form, SkeletonReading.ThAsF) : null;

    /// <summary>
    /// The skeleton that Arabic script gives a Latin spelling whose w is said v (ف: Lewandowski is
    /// ليفاندوفسكي, Wertheim فيرتهايم), with v read f and j read y too (as the same languages say
    /// it: Wojtkowiak is فويتكوفياك), or null when the form has no w. A form with a v and a j
    /// gets it too (Vujović: فويوفيتش, Jovanović: يوفانوفيتش): <see cref="SkeletonWithVAsF"/>
    /// keeps the j, and <see cref="SkeletonWithJAsY"/> leaves an inner v out, as Cyrillic в may be.
    /// </summary>
    public static string? SkeletonWithWAsF(ReadOnlySpan<char> form) =>
        form.Contains('w') || (form.Contains('v') && form.Contains('j')) ? Skeleton(form, SkeletonReading.VAsF | SkeletonReading.WAsF | SkeletonReading.JAsY) : null;

    /// <summary>
    /// The skeleton of a Latin spelling with its <c>K</c> read ts, as Russian writes the q of
    /// pinyin (Qing: Цин, skeleton <c>tsn</c>, not <c>kn</c>), or null when the form has no K.
    /// </summary>
    public static string? SkeletonWithKAsTs(ReadOnlySpan<char> form) => form.Contains('K') ? Skeleton(form, SkeletonReading.KAsTs) : null;

    /// <summary>
    /// The skeleton of a Latin spelling without the g of its Romance gn or Italian gli (<c>G</c>),
    /// which Italian and French names say ny and ly (Agnelli: Аньелли, أنييلي, skeleton <c>nl</c>;
    /// Battaglia: Батталья, <c>btl</c>), or null when the form has none.
    /// </summary>
    public static string? SkeletonWithGnAsNy(ReadOnlySpan<char> form) => form.Contains('G') ? Skeleton(form, SkeletonReading.WithoutG) : null;

    /// <summary>
    /// The skeleton of a Latin spelling with the letters its diacritics mark read as said, as
    /// Arabic script and Cyrillic write them, or null when the form has none: the ç (<c>q</c>) as
    /// s, the class of ch, sh and j too (Gonçalo: Гонсалу, <c>knsl</c>, not <c>knkl</c>; Kılıç:
    /// Кылыч, <c>kls</c>, not <c>klk</c>), the silent h after an umlaut (<c>X</c>) left out (Böhme:
    /// Бёме, <c>bm</c>, not <c>bhm</c>), the n of a nasal vowel (<c>N</c>) as n, or m before b or
    /// p (Dąbrowski: Домбровский, <c>tmbrsk</c>, not <c>tbrsk</c>), and the zh of a Czech ř
    /// (<c>J</c>) as j (Dvořák: Дворжак, <c>trsk</c>, not <c>trk</c>). The plain skeleton reads
    /// them as a spelling without the diacritics does.
    /// </summary>
    public static string? SkeletonWithDiacriticsAsSaid(ReadOnlySpan<char> form) =>
        form.IndexOfAny("q" + DiacriticSymbols) >= 0 ? Skeleton(form, SkeletonReading.DiacriticsAsSaid) : null;

    /// <summary>
    /// The skeleton of a Latin spelling whose j is said y, as Slavic, German, Dutch and Nordic
    /// names say it and Arabic script (ي) and Cyrillic (й) write it (Mojmír: Моймир, Jelen:
    /// ييلين), or null when the form has no j.
    /// </summary>
    public static string? SkeletonWithJAsY(ReadOnlySpan<char> form) => form.Contains('j') ? Skeleton(form, SkeletonReading.JAsY) : null;

    /// <summary>
    /// The skeleton of a form read from Cyrillic with its kh (х) as h and without the t of its ts
    /// (ц), or null when the form has neither: Russian writes the h of foreign names with х
    /// (Hirai: Хираи, Hilde: Хильда), which the romanization reads as kh, and the German z and
    /// the c of Latin names with ц (Цукерман Zuckerman). The search looks such a query word up under both.
    /// </summary>
    public static string? SkeletonWithKhAsH(ReadOnlySpan<char> form) => form.ContainsAny('x', 'T') ? Skeleton(form, SkeletonReading.KhAsH | SkeletonReading.WithoutT) : null;

    /// <summary>
    /// The skeleton of a form read from Cyrillic as a Japanese name: its t before i, or before a y
    /// and a vowel, as ch (Polivanov's system writes chi, cha, chu and cho ти, тя, тю and тё:
    /// Iwaguchi is Ивагути, Chatani Тятани) and its kh as h (Higuchi: Хигути); or null when the
    /// form has no such t. Its ts keeps its t, which the Latin spellings of Japanese names write
    /// (Tsuchiya: Цутия). A key apart from <see cref="SkeletonWithKhAsH"/>'s: Ahti (Ахти) keeps its t.
    /// </summary>
    public static string? SkeletonWithTiAsChi(ReadOnlySpan<char> form) => AnyAt(form, TBeforeI) ? Skeleton(form, SkeletonReading.KhAsH | SkeletonReading.TiAsChi) : null;

    /// <summary>Whether a t of the form is before an i, or before a y and a vowel (ти, тя, тю, тё).</summary>
    private static bool TBeforeI(ReadOnlySpan<char> form, int i) =>
        form[i] == 't' && i + 1 < form.Length && (form[i + 1] == 'i' || (form[i + 1] == 'y' && i + 2 < form.Length && IsVowel(form[i + 2])));

    /// <summary>A test of the symbol at one position of a form (<see cref="TBeforeI"/>, <see cref="SlavicC"/>, <see cref="InnerKhBeforeVowel"/>).</summary>
    private delegate bool SymbolTest(ReadOnlySpan<char> form, int i);

    /// <summary>Whether <paramref name="test"/> holds at some position of the form.</summary>
    private static bool AnyAt(ReadOnlySpan<char> form, SymbolTest test)
    {
        for (int i = 0; i < form.Length; i++)
        {
            if (test(form, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The skeleton of a form read from Arabic script with its j (ج) as g and without the t of its
    /// ts (تس), or null when the form has neither: Arabic writes the g of foreign names, and
    /// Egyptian Arabic its own g, with ج (Engel: إنجل, Giorgi: جيورجي, Gamal: جمال), and the
    /// German and Italian z with تس (Mozart: موتسارت). The search looks such a query word up under both.
    /// </summary>
    public static string? SkeletonWithJAsG(ReadOnlySpan<char> form) => form.ContainsAny('j', 'T') ? Skeleton(form, SkeletonReading.JAsG | SkeletonReading.WithoutT) : null;

    /// <summary>
    /// The second skeleton a query word is looked up under, by the conventions of the script it
    /// was read from (<see cref="SkeletonWithKhAsH"/>, <see cref="SkeletonWithJAsG"/>), or null.
    /// </summary>
    public static string? ConventionSkeleton(TokenForms forms) => forms.Script switch
    {
        Script.Cyrillic => SkeletonWithKhAsH(forms.Phonetic),
        Script.Arabic => SkeletonWithJAsG(forms.Phonetic),
        _ => null,
    };

    /// <summary>
    /// The third skeleton a query word is looked up under: a Cyrillic word's reading as a Japanese
    /// name (<see cref="SkeletonWithTiAsChi"/>), or null.
    /// </summary>
    public static string? JapaneseSkeleton(TokenForms forms) => forms.Script == Script.Cyrillic ? SkeletonWithTiAsChi(forms.Phonetic) : null;

    /// <summary>
    /// The fourth: a Cyrillic word with ц read as the c of a Slavic or Hungarian Latin spelling,
    /// which the skeleton reads k (Адамец: Adamec, skeleton <c>tmk</c>), or null when the word has
    /// no such ц. Only a ц at the end of the word or before a consonant, a or o: Latin spellings
    /// write the ц of Japanese tsu ts (Tatsuo: Тацуо), that of Italian zi z (Grazia: Грация).
    /// </summary>
    public static string? SlavicSkeleton(TokenForms forms) =>
        forms.Script == Script.Cyrillic && AnyAt(forms.Phonetic, SlavicC) ? Skeleton(forms.Phonetic, SkeletonReading.TsAsK | SkeletonReading.WithoutT) : null;

    /// <summary>Whether the symbol at <paramref name="i"/> is the s of a ц that a Slavic Latin spelling may write c: at the end, or before a consonant, a or o.</summary>
    private static bool SlavicC(ReadOnlySpan<char> form, int i) =>
        form[i] == 'Q' && (i + 1 == form.Length || form[i + 1] is 'a' or 'o' || !(IsVowel(form[i + 1]) || form[i + 1] == 'y'));

    /// <summary>
    /// The fifth: a Cyrillic word that begins with г, or with х and has another х, read as the
    /// German, Czech, Dutch or classical name that Russian writes so: its first letter as h
    /// (Гаснер: Hasner, Гарпаг: Harpagus, skeleton <c>hsnr</c>, not <c>ksnr</c>) and its other х
    /// as the kh of a ch (Гахман: Hachmann, Хабих: Habich, skeleton <c>hbk</c>: the index posts
    /// such a ch as k, <see cref="SkeletonWithKh"/>), and its ц as the z that those languages
    /// write for it, without the t (Герцен: Herzen, skeleton <c>hrsn</c>, not <c>hrtsn</c>;
    /// Гинцпетер: Hinzpeter), or null for other words (a first х alone is
    /// <see cref="SkeletonWithKhAsH"/>'s).
    /// </summary>
    public static string? GermanSkeleton(TokenForms forms)
    {
        ReadOnlySpan<char> form = forms.Phonetic;
        return forms.Script == Script.Cyrillic && form.Length > 1 && (form[0] == 'g' || (form[0] == 'x' && form[1..].Contains('x')))
            ? Skeleton(form, SkeletonReading.FirstAsH | SkeletonReading.WithoutT)
            : null;
    }

    /// <summary>
    /// The sixth: a Cyrillic word with an х after its first letter and before a vowel, read as
    /// the Spanish j or the Greek ch that Russian writes so (Араухо: Araujo, skeleton <c>rs</c>,
    /// not <c>rk</c>; Архелай: Archelaus, whose ch the skeleton reads as sh), or null when the
    /// word has no such х. A first х is left as it is: the foreign names that Russian begins
    /// with х begin with h far more often (Хоси: Hoshi, not Josi). An Arabic-script word with a
    /// خ before a vowel (or before و and a vowel), first letter or not, is read so too: Arabic
    /// writes the Spanish j خ (خوسيه: José, <c>s</c>, not <c>ks</c>; خوان: Juan), and its Latin
    /// kh names keep their own keys. Not the Urdu aspirated k (کھ), which the phonetic form
    /// writes as خ is written.
    /// </summary>
    public static string? SpanishSkeleton(TokenForms forms) => forms.Script switch
    {
        Script.Cyrillic when AnyAt(forms.Phonetic, InnerKhBeforeVowel) => Skeleton(forms.Phonetic, SkeletonReading.KhAsJ),
        Script.Arabic when forms.Normalized.Contains('خ') && AnyAt(forms.Phonetic, KhBeforeVowel) => Skeleton(forms.Phonetic, SkeletonReading.AnyKhAsJ),
        _ => null,
    };

    /// <summary>Whether the symbol at <paramref name="i"/> is a kh before a vowel, or before a w (و, which also writes u) and a vowel.</summary>
    private static bool KhBeforeVowel(ReadOnlySpan<char> form, int i) =>
        form[i] == 'x' && i + 1 < form.Length && (IsVowel(form[i + 1]) || (form[i + 1] == 'w' && i + 2 < form.Length && IsVowel(form[i + 2])));

    /// <summary>Whether the symbol at <paramref name="i"/> is an х after the first letter and before a vowel (<see cref="SpanishSkeleton"/>).</summary>
    private static bool InnerKhBeforeVowel(ReadOnlySpan<char> form, int i) =>
        form[i] == 'x' && i > 0 && i + 1 < form.Length && IsVowel(form[i + 1]);

    /// <summary>
    /// The seventh: a Cyrillic word with a j (дж; ж too, which reads alike) at the end or before a, o, u or a consonant,
    /// read as the c of a Turkish or Azerbaijani name, which Russian writes so (Джахит: Cahit,
    /// skeleton <c>kt</c>, not <c>st</c>; Бурджу: Burcu), or null for other words. Before e and i
    /// the Latin c is an s to the skeleton already (Джем: Cem, <c>sm</c>).
    /// </summary>
    public static string? TurkishSkeleton(TokenForms forms) =>
        forms.Script == Script.Cyrillic && AnyAt(forms.Phonetic, HardJ) ? Skeleton(forms.Phonetic, SkeletonReading.HardJAsK) : null;

    /// <summary>
    /// The eleventh: the g that French, Portuguese, Italian and English names say j, which the
    /// word's script writes as a j, or null for other words. A Cyrillic word's j (ж or дж) before
    /// e, i or y (Жибо: Gibaud, skeleton <c>kb</c>, not <c>sb</c>; Жерар: Gérard; Джино: Gino);
    /// every j of a Devanagari word (ज), which Hindi writes for such a g whatever follows it
    /// (जेनोआ: Genoa, <c>kn</c>, not <c>sn</c>; जिनेवा: Geneva; जीना: Gina), as
    /// Arabic script's reading of ج does (<see cref="SkeletonWithJAsG"/>), but only after the
    /// word's own skeletons: Hindi writes other g with ग.
    /// </summary>
    public static string? SoftGSkeleton(TokenForms forms) => forms.Script switch
    {
        Script.Cyrillic when AnyAt(forms.Phonetic, IsSoftJ) => Skeleton(forms.Phonetic, SkeletonReading.SoftJAsG),
        Script.Devanagari when forms.Phonetic.Contains('j') => Skeleton(forms.Phonetic, SkeletonReading.JAsG),
        _ => null,
    };

    /// <summary>Whether the symbol at <paramref name="i"/> is a Cyrillic j before e, i or y (<see cref="SoftGSkeleton"/>).</summary>
    private static bool IsSoftJ(ReadOnlySpan<char> form, int i) => form[i] == 'Z' && At(form, i + 1) is 'e' or 'i' or 'y';

    /// <summary>Whether the symbol at <paramref name="i"/> is a Cyrillic j that a Turkish Latin spelling may write as a c said k to the skeleton: at the end, or before a consonant, a, o or u.</summary>
    private static bool HardJ(ReadOnlySpan<char> form, int i) =>
        form[i] == 'Z' && (i + 1 == form.Length || form[i + 1] is 'a' or 'o' or 'u' || !(IsVowel(form[i + 1]) || form[i + 1] == 'y'));

    /// <summary>
    /// The eighth: a Cyrillic word that ends in a vowel and й, read as a Latin or Greek name's
    /// -ius, -eus or -aus (Эмилий: Aemilius, skeleton <c>mls</c>, not <c>ml</c>; see
    /// <see cref="CyrillicCaseEnding"/>), or null for other words and for skeletons that end in s
    /// already, and for the -кий of Slavic adjectives, the commonest ending of Russian surnames
    /// (Достоевский), which stands for no Latin -ius. (The reading would find their Dutch and
    /// German spellings, whose -ij the skeleton reads as <c>s</c>: Печерский, Petsjerskij; at
    /// 1M, looking every such word up once more cost 8 % of the 90th percentile.)
    /// </summary>
    public static string? LatinCaseSkeleton(TokenForms forms) =>
        forms.Script == Script.Cyrillic && CyrillicCaseEnding(forms.Phonetic) && !forms.Phonetic.EndsWith("kiy", StringComparison.Ordinal) && forms.Skeleton.Length > 0 && forms.Skeleton[^1] != 's'
            ? forms.Skeleton + "s"
            : null;

    /// <summary>
    /// The ninth: a Cyrillic word that begins with у before a vowel, read as the w that Russian
    /// writes so (Уэйд: Wade, skeleton <c>wt</c>, not <c>t</c>; Уолден: Walden; Уилсон: Wilson),
    /// or null for other words. Such a word is the w of an English name far more often than an
    /// u (of the netranslit-ru development queries that begin so, 520 of 592 Latin spellings
    /// begin with w; most others with ou or hu, which say it too: Ouattara, Huerta), so the
    /// reading is not an unlikely one; the word's own skeleton still finds those.
    /// </summary>
    public static string? EnglishWSkeleton(TokenForms forms) =>
        forms.Script == Script.Cyrillic && FirstUBeforeVowel(forms.Phonetic) ? Skeleton(forms.Phonetic, SkeletonReading.FirstUAsW) : null;

    /// <summary>
    /// The twelfth: a word of another script that begins with yu, read without its y: the English u said yu,
    /// which Cyrillic writes ю, Arabic script يو and Devanagari यू (Utah: Юта, يوتا, यूटा; Uganda,
    /// Union; Iurii), while the Latin spelling begins with the vowel, so its skeleton has no y
    /// (<c>t</c>, not <c>yt</c>). A longer skeleton finds such names through its deletion variants;
    /// one of two classes has none. Unlikely: names spelled with the y (Yuri, Yusuf) are more.
    /// </summary>
    public static string? YuSkeleton(TokenForms forms) =>
        forms.Script != Script.Latin && forms.Phonetic.StartsWith("yu", StringComparison.Ordinal) ? Skeleton(forms.Phonetic.AsSpan(1)) : null;

    /// <summary>Whether a form begins with u before a vowel (<see cref="EnglishWSkeleton"/>).</summary>
    private static bool FirstUBeforeVowel(ReadOnlySpan<char> form) => form.Length >= 2 && form[0] == 'u' && IsVowel(form[1]);

    /// <summary>
    /// The tenth: an Arabic-script word with ض or ذ, read with them as the z that Persian, Urdu
    /// and Turkish say for them and their Latin spellings write (رضا: Raza, skeleton <c>rs</c>,
    /// not <c>rt</c>; قاضی: Qazi; ضياء: Zia), or null for other words. Arabic says and spells them d and dh
    /// (Rida, Qadi), which the word's own skeleton keeps.
    /// </summary>
    public static string? PersianZSkeleton(TokenForms forms) =>
        forms.Phonetic.Contains('D') ? Skeleton(forms.Phonetic, SkeletonReading.DAsZ) : null;

    /// <summary>
    /// The skeletons besides its own that a query word is looked up under, by the conventions of
    /// the script it was read from; <c>Unlikely</c>: a reading that the search reads only after
    /// the words' own skeletons (Slavic names are few among the names Russian writes with ц, names
    /// with an h among those it begins with г, Spanish and Greek ones among those with an х inside,
    /// Turkish ones among those with дж, Latin and Greek ones among those that end in -ий or -ей).
    /// Last, the concept of a generic organization word, a nationality adjective or a place name
    /// (<see cref="Lexicon.ConceptKey"/>), an unlikely reading too: its postings are long, and the
    /// name's other words find most organizations.
    /// </summary>
    public static readonly (Func<TokenForms, string?> Read, bool Unlikely)[] QueryReadings = [(ConventionSkeleton, false), (JapaneseSkeleton, false), (SlavicSkeleton, true), (GermanSkeleton, true), (SpanishSkeleton, true), (TurkishSkeleton, true), (LatinCaseSkeleton, true), (EnglishWSkeleton, false), (PersianZSkeleton, false), (SoftGSkeleton, true), (YuSkeleton, true), (Lexicon.ConceptKey, true)];

    /// <summary>The most consonant classes a skeleton may have for its word to have a <see cref="RepeatKey"/>.</summary>
    public const int RepeatKeyMaxSkeleton = 2;

    /// <summary>
    /// A finer key for a word of a short skeleton (<see cref="RepeatKeyMaxSkeleton"/> classes or
    /// fewer) in which a consonant class comes again after a vowel, or null for other words: the
    /// skeleton merges the two (Habib, حبيب, हबीब: <c>hb</c>, as Hope and Hobby), this key keeps
    /// both (<c>=hbb</c>). At a million names a two-class skeleton has tens of thousands of
    /// postings, more than a query may read, and this key tells the few with the same consonants
    /// apart from them. Every script writes such a consonant each time it is said, so the key is
    /// the same in all of them; the <c>=</c> keeps it apart from every skeleton and its deletion
    /// variants. The index posts it (<see cref="Indexing.CandidateIndex.OwnKeys"/>), and a query
    /// of one word is looked up under it (<see cref="Indexing.CandidateSearch"/>; a query of more
    /// words finds its names through the others).
    /// </summary>
    public static string? RepeatKey(TokenForms forms)
    {
        if (forms.Skeleton.Length is 0 or > RepeatKeyMaxSkeleton)
        {
            return null;
        }

        string repeats = Skeleton(forms.Phonetic, SkeletonReading.KeepRepeats);
        return repeats.Length > forms.Skeleton.Length ? string.Concat("=", repeats) : null;
    }

    /// <summary>How a skeleton reads letters that scripts write otherwise than the plain skeleton says.</summary>
    [Flags]
    private enum SkeletonReading
    {
        None = 0,

        /// <summary>A v inside the word is kept, as f.</summary>
        VAsF = 1,

        /// <summary>A w is f (and kept inside the word).</summary>
        WAsF = 2,

        /// <summary>A j is y (dropped inside the word).</summary>
        JAsY = 4,

        /// <summary>A ch is k, and so is a first j before a vowel (said kh: <see cref="SkeletonWithKh"/>).</summary>
        KhSaid = 8,

        /// <summary>A kh is h.</summary>
        KhAsH = 16,

        /// <summary>A j is g (k).</summary>
        JAsG = 32,

        /// <summary>The t of ts (T) is left out.</summary>
        WithoutT = 64,

        /// <summary>A t before i, or before y and a vowel, is ch.</summary>
        TiAsChi = 128,

        /// <summary>The g of a Romance gn (G) is left out.</summary>
        WithoutG = 256,

        /// <summary>The s of ц (Q) is k (its t, T, left out with <see cref="WithoutT"/>).</summary>
        TsAsK = 512,

        /// <summary>A K is ts (t and s).</summary>
        KAsTs = 1024,

        /// <summary>A g or kh that begins the word is h.</summary>
        FirstAsH = 2048,

        /// <summary>A kh after the first letter and before a vowel is j.</summary>
        KhAsJ = 4096,

        /// <summary>A Z at the end or before a consonant, a, o or u is k.</summary>
        HardJAsK = 8192,

        /// <summary>The first letter, a u before a vowel (<see cref="EnglishWSkeleton"/> asks for the reading only then), is w.</summary>
        FirstUAsW = 16384,

        /// <summary>A kh before a vowel, the first too, is j.</summary>
        AnyKhAsJ = 32768,

        /// <summary>
        /// The letters a Latin spelling's diacritics mark are read as said: a ç (<c>q</c>) is s, an
        /// <c>X</c> is left out, an <c>N</c> is n (m before b or p) and a <c>J</c> is j. Otherwise
        /// they are read as a spelling without the diacritics: the c (s before e, i or y, k
        /// elsewhere), h, and nothing.
        /// </summary>
        DiacriticsAsSaid = 65536,

        /// <summary>An Arabic-script ض or ذ (<c>D</c>) is z.</summary>
        DAsZ = 131072,

        /// <summary>A Z before e, i or y is k (g).</summary>
        SoftJAsG = 262144,

        /// <summary>The th of a Latin spelling (<c>E</c>) is f.</summary>
        ThAsF = 524288,

        /// <summary>A consonant class that comes again after a vowel is kept again (only one written twice in a row is merged).</summary>
        KeepRepeats = 1048576,
    }

    private static string Skeleton(ReadOnlySpan<char> form, SkeletonReading reading)
    {
        Span<char> buffer = form.Length <= 64 ? stackalloc char[form.Length * 2] : new char[form.Length * 2];
        return new string(buffer[..WriteSkeleton(form, reading, buffer)]);
    }

    /// <summary>
    /// Writes the skeleton of <paramref name="form"/> (see <see cref="Skeleton(ReadOnlySpan{char})"/>)
    /// into <paramref name="buffer"/>, which holds at least twice the form's length, and returns its length.
    /// </summary>
    internal static int WriteSkeleton(ReadOnlySpan<char> form, Span<char> buffer) => WriteSkeleton(form, SkeletonReading.None, buffer);

    private static int WriteSkeleton(ReadOnlySpan<char> form, SkeletonReading reading, Span<char> buffer)
    {
        bool vAsF = reading.HasFlag(SkeletonReading.VAsF), wAsF = reading.HasFlag(SkeletonReading.WAsF), jAsY = reading.HasFlag(SkeletonReading.JAsY);
        bool khSaid = reading.HasFlag(SkeletonReading.KhSaid), khAsH = reading.HasFlag(SkeletonReading.KhAsH), jAsG = reading.HasFlag(SkeletonReading.JAsG), dropT = reading.HasFlag(SkeletonReading.WithoutT);
        bool tiAsChi = reading.HasFlag(SkeletonReading.TiAsChi), dropG = reading.HasFlag(SkeletonReading.WithoutG), tsAsK = reading.HasFlag(SkeletonReading.TsAsK), kAsTs = reading.HasFlag(SkeletonReading.KAsTs);
        bool firstAsH = reading.HasFlag(SkeletonReading.FirstAsH), khAsJ = reading.HasFlag(SkeletonReading.KhAsJ), hardJAsK = reading.HasFlag(SkeletonReading.HardJAsK), firstUAsW = reading.HasFlag(SkeletonReading.FirstUAsW), anyKhAsJ = reading.HasFlag(SkeletonReading.AnyKhAsJ);
        bool said = reading.HasFlag(SkeletonReading.DiacriticsAsSaid), dAsZ = reading.HasFlag(SkeletonReading.DAsZ), softJAsG = reading.HasFlag(SkeletonReading.SoftJAsG), thAsF = reading.HasFlag(SkeletonReading.ThAsF);
        bool keepRepeats = reading.HasFlag(SkeletonReading.KeepRepeats);
        int n = 0, lastConsonant = -2;
        for (int i = 0; i < form.Length; i++)
        {
            char c = form[i] == 'j' && jAsY ? 'y' : i == 0 && firstUAsW ? 'w' : form[i];
            if (c == 'K' && kAsTs)
            {
                if (n == 0 || buffer[n - 1] != 't')
                {
                    buffer[n++] = 't';
                }

                buffer[n++] = 's';
                continue;
            }

            if (IsVowel(c) || SkeletonlessSymbols.Contains(c) || (c == 'T' && dropT) || (c == 'X' && said) || (c is 'N' or 'J' && !said) || (c == 'G' && dropG) || ((c == 'y' || (c == 'w' && !wAsF)) && i > 0) || (c == 'v' && i > 0 && !vAsF))
            {
                continue;
            }

            char k = c switch
            {
                'v' => vAsF ? 'f' : 'w',
                'w' when wAsF => 'f',
                'd' => 't',
                'D' => dAsZ ? 's' : 't',
                'j' => jAsG || (khSaid && i == 0 && FirstJBeforeVowel(form)) ? 'k' : 's',
                'C' when khSaid => 'k',
                't' when tiAsChi && TBeforeI(form, i) => 's',
                'z' or 'S' or 'C' => 's',
                'g' or 'x' when firstAsH && i == 0 => 'h',
                'x' when (khAsJ && InnerKhBeforeVowel(form, i)) || (anyKhAsJ && KhBeforeVowel(form, i)) => 's', // as j
                'x' => khAsH ? 'h' : 'k',
                'H' or 'X' => 'h',
                'T' => 't',
                'E' => thAsF ? 'f' : 't',
                'K' => 'k',
                'Q' => tsAsK && SlavicC(form, i) ? 'k' : 's',
                'Z' => (hardJAsK && HardJ(form, i)) || (softJAsG && IsSoftJ(form, i)) ? 'k' : 's', // as j, or as the c of a Turkish name or the g of a French one
                'c' => 's',
                'N' => At(form, i + 1) is 'b' or 'p' ? 'm' : 'n',
                'J' => 's',
                'q' => said || At(form, i + 1) is 'e' or 'i' or 'y' ? 's' : 'k',
                'g' or 'G' => 'k',
                'p' => 'b',
                _ => c,
            };
            bool merged = n > 0 && buffer[n - 1] == k && (!keepRepeats || i - lastConsonant == 1);
            lastConsonant = i;
            if (merged)
            {
                continue;
            }

            buffer[n++] = k;
        }

        return n;
    }
}
