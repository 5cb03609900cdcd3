using EntityResolver.Text;

namespace EntityResolver.Tests.Text;

public class PalladiusTests
{
    [Theory]
    [InlineData("чэн", "cheng")] // a final н is ng (чэнь would be chen)
    [InlineData("чанлун", "changlong")]
    [InlineData("сюн", "xiong")] // с before the i row is x
    [InlineData("сяцин", "xiaqing")] // ц before it is q
    [InlineData("цзян", "jiang")] // цз before it is j
    [InlineData("чжэндун", "zhengdong")]
    [InlineData("аньцзян", "anjiang")] // нь is n
    [InlineData("синъэ", "xinge")] // a hard sign marks the break between syllables
    [InlineData("дун", "dong")]
    [InlineData("даньцин", "danqing")]
    [InlineData("гоцин", "guoqing")] // го: guo
    [InlineData("минмин", "mingming")] // a syllable written twice
    [InlineData("хуанхуан", "huanghuang")]
    [InlineData("хуэйчжоу", "huizhou")] // hui is хуэй (gui is гуй)
    public void A_palladius_word_is_spelled_in_pinyin(string word, string pinyin) =>
        Assert.Equal(pinyin, Palladius.Pinyin(word));

    [Theory]
    [InlineData("иван")] // syllables of Palladius (и ван: yi wang), but nothing marks it Chinese
    [InlineData("антон")] // тон is no syllable
    [InlineData("сёдзи")] // Palladius has no ё (a Japanese name: Shoji)
    [InlineData("кэмбридж")] // marked (кэ), but дж is no syllable
    [InlineData("бэйбун")] // marked (бэй), but pinyin has no bong
    [InlineData("ельцин")] // marked (ци), but ель is no syllable (Yeltsin)
    [InlineData("бенбен")] // marked (written twice), but бен is no syllable
    [InlineData("")]
    public void Other_words_have_no_pinyin(string word) => Assert.Null(Palladius.Pinyin(word));

    [Theory]
    [InlineData("чэн", true)]
    [InlineData("цзы", true)]
    [InlineData("чжан", true)]
    [InlineData("сюй", true)]
    [InlineData("тун", true)]
    [InlineData("даньцин", true)] // нь before a consonant: a final n before the next syllable
    [InlineData("гоцин", true)] // ци: q before i
    [InlineData("конь", false)] // нь at the end
    [InlineData("маньяк", false)] // нь before a vowel
    [InlineData("ян", false)] // yang or Jan: nothing tells
    [InlineData("баун", false)] // a final ун after a vowel
    [InlineData("эрик", false)] // a first э
    [InlineData("пинпин", true)] // one syllable with a final н, written twice
    [InlineData("анан", false)] // without an initial (Anan)
    [InlineData("папа", false)] // without a final н
    [InlineData("пинпан", false)] // two syllables
    public void A_word_is_marked_chinese_by_letters_russian_writes_in_chinese_names(string word, bool marked) =>
        Assert.Equal(marked, Palladius.IsMarked(word));
}
