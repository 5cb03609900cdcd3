using EntityResolver.Matching;
using EntityResolver.Text;

namespace EntityResolver.Tests.Text;

public sealed class InitialsTests
{
    private static readonly NameAnalyzer Analyzer = new();

    private static NameToken Token(string name) => Analyzer.AnalyzeQuery(name).Primary.Tokens[0];

    [Theory]
    [InlineData("J. Smith", true)]
    [InlineData("Jo Smith", false)]
    [InlineData("Р. Смит", true)]
    [InlineData("Дж. Смит", true)] // дж writes one Latin letter
    [InlineData("Джо Смит", false)]
    [InlineData("एच. जी. वेल्स", false)] // a letter's name is a word; it meets an initial (below)
    public void An_initial_is_a_letter_alone_or_the_cyrillic_dzh(string name, bool initial) =>
        Assert.Equal(initial, Token(name).IsInitial);

    [Theory]
    [InlineData("Ю. Гагарин", "Yu. Gagarin", 1f)] // romanized alike
    [InlineData("Р. Смит", "R. Smith", 1f)]
    [InlineData("Р. Смит", "Robert Smith", Initials.Same)]
    [InlineData("Дж. Смит", "J. Smith", 1f)] // two initials of one letter
    [InlineData("Х. Смит", "H. Smith", 1f)]
    [InlineData("Х. Смит", "K. Smith", Initials.Carried)]
    [InlineData("Ю. Смит", "Y. Smith", Initials.Same)] // Latin mostly writes Yu.
    [InlineData("Джон", "J. Smith", Initials.Same)] // дж: j, then g
    [InlineData("Джон", "D. Smith", 0f)] // not the d of its romanization, dzh
    [InlineData("Дж. Буш", "George Bush", Initials.Carried)]
    [InlineData("Дж. Буш", "Джордж Буш", Initials.Same)]
    [InlineData("Д. Буш", "Джордж Буш", 0f)] // д is not дж
    [InlineData("У. Шекспир", "William Shakespeare", Initials.Carried)] // у: u or w
    [InlineData("Х. Гарсия", "Juan Garcia", Initials.Carried)] // х: h, kh or j
    [InlineData("Э. Смит", "Ann Smith", Initials.Carried)] // э: e or a
    [InlineData("एच. जी. वेल्स", "H. G. Wells", Initials.Same)] // एच names h
    [InlineData("एच. जी. वेल्स", "E. Wells", Initials.Carried)] // and romanizes ech
    [InlineData("वॉकर बुश", "W. Bush", Initials.Carried)] // व romanizes v and is carried over as w
    [InlineData("फ्रांसिस फिट्ज़गेराल्ड", "F. Fitzgerald", Initials.Carried)] // फ: ph, and f
    [InlineData("फ़ातिमा अली", "F. Ali", Initials.Same)] // फ़ romanizes f
    [InlineData("जॉर्ज बुश", "G. Bush", Initials.Carried)] // ज: j, and g
    [InlineData("جورج بوش", "G. Bush", Initials.Carried)] // ج: j, and g
    [InlineData("فيكتور هوغو", "V. Hugo", Initials.Carried)] // ف: f, and v
    [InlineData("اسامة بن لادن", "O. bin Laden", Initials.Carried)] // ا: a vowel the script does not write
    [InlineData("یوسف خان", "J. Khan", Initials.Carried)] // ی, folded to ي: y, and j
    [InlineData("الدين حسن", "U. Hassan", 0f)] // the alif of the article is no vowel of the name
    [InlineData("بي. تشيدامبارام", "P. Chidambaram", Initials.Carried)] // بي names b, and ب is carried over as p
    [InlineData("वॉकर बुश", "M. Bush", 0f)]
    [InlineData("جورج بوش", "D. Bush", 0f)]
    [InlineData("J. Smith", "John Smith", Initials.Same)]
    [InlineData("J. Smith", "Mary Smith", 0f)]
    [InlineData("Ш. Смит", "C. Smith", 0f)]
    public void An_initial_meets_the_words_and_initials_its_letter_may_stand_for(string a, string b, float expected)
    {
        NameToken x = Token(a), y = Token(b);
        Assert.True(x.IsInitial || y.IsInitial);
        Assert.Equal(expected, PairScorer.TokenSimilarity(x, y));
        Assert.Equal(expected, PairScorer.TokenSimilarity(y, x));
    }
}
