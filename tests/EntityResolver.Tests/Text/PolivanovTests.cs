using EntityResolver.Text;

namespace EntityResolver.Tests.Text;

public class PolivanovTests
{
    [Theory]
    [InlineData("ёсида", "yoshida")] // си is shi
    [InlineData("тиёко", "chiyoko")] // ти is chi
    [InlineData("кацуо", "katsuo")] // цу is tsu
    [InlineData("сэйдзи", "seiji")] // дзи is ji, a й after a vowel i
    [InlineData("тёсукэ", "chosuke")]
    [InlineData("катти", "katchi")] // a doubled т before chi is t
    [InlineData("бэсси", "besshi")]
    [InlineData("мацумото", "matsumoto")]
    [InlineData("синтаро", "shintaro")] // a syllabic н before a consonant
    [InlineData("канъити", "kanichi")] // a hard sign marks the break after it
    [InlineData("сина", "shina")] // на is a syllable, not a syllabic н and а
    public void A_japanese_word_in_polivanov_is_spelled_in_hepburn(string word, string hepburn) =>
        Assert.Equal(hepburn, Polivanov.Hepburn(word));

    [Theory]
    [InlineData("кристина")] // marked (ти), but кр is no syllable
    [InlineData("анастасия")] // marked (си), but ия is not written so
    [InlineData("сакура")] // a sequence of syllables, but none the plain romanization reads otherwise
    [InlineData("тинет")] // a final т is no syllable
    [InlineData("хаттори")] // a Japanese name, but its х is the h Russian writes in any name
    [InlineData("")]
    public void Other_words_have_no_hepburn_spelling(string word) => Assert.Null(Polivanov.Hepburn(word));
}
