using EntityResolver.Text;

namespace EntityResolver.Tests.Text;

public sealed class TokenizerTests
{
    private static string[] Words(string text) => [.. Tokenizer.Tokenize(text).Select(t => text.Substring(t.Start, t.Length))];

    [Fact]
    public void Hyphens_split_and_possessives_are_dropped()
    {
        Assert.Equal(["Al", "Moghedi"], Words("Al-Moghedi"));
        Assert.Equal(["Munir"], Words("Munir's"));
        Assert.Equal(["Pakistan"], Words("Pakistan’s"));
        Assert.Equal(["O'Brien"], Words("O'Brien"));
    }

    [Fact]
    public void Arabic_and_Devanagari_punctuation_separate_words()
    {
        Assert.Equal(["ہیں", "پاک"], Words("ہیں۔پاک"));
        Assert.Equal(["حفتر", "ڈپٹی"], Words("حفتر ، ڈپٹی"));
        Assert.Equal(["की", "ISPR"], Words("की।/ ISPR"));
    }

    [Fact]
    public void Offsets_are_utf16_code_units_of_the_input()
    {
        const string text = "Field Marshal Asim Munir";
        RawToken last = Tokenizer.Tokenize(text)[^1];
        Assert.Equal(19, last.Start);
        Assert.Equal(5, last.Length);
    }

    [Fact]
    public void Acronyms_are_flagged()
    {
        Assert.True(Tokenizer.Tokenize("ISPR")[0].AllCaps);
        Assert.False(Tokenizer.Tokenize("Ispr")[0].AllCaps);
    }

    [Fact]
    public void Text_without_words_gives_no_tokens()
    {
        Assert.Empty(Tokenizer.Tokenize("!!! 🙂 ... \u200F"));
    }
}
