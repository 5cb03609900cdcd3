using EntityResolver.Text;

namespace EntityResolver.Tests.Text;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("أحمد", "احمد")] // alef with hamza
    [InlineData("إسحاق", "اسحاق")]
    [InlineData("آصف", "اصف")]
    [InlineData("علی", "علي")] // Persian/Urdu yeh
    [InlineData("يحيى", "يحيى")] // alef maqsura is not a yeh
    [InlineData("عیسیٰ", "عيسى")] // yeh with a superscript alef is an alef maqsura
    [InlineData("کمال", "كمال")] // keheh
    [InlineData("خلیفہ", "خليفه")] // heh goal
    [InlineData("خليفة", "خليفه")] // teh marbuta
    [InlineData("مـحـمـد", "محمد")] // tatweel
    [InlineData("مُحَمَّد", "محمد")] // harakat
    [InlineData("\uFEE3\uFEA4\uFEE4\uFEAA", "محمد")] // presentation forms
    public void Arabic_script_variants_fold_to_one_form(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.NormalizeToken(input));
    }

    [Theory]
    [InlineData("تاتهإيش", "تاتايش")] // before a syllable's alef with hamza below (Tateishi)
    [InlineData("إيهإيجون", "ايايجون")] // (Eijun)
    [InlineData("كاإيهتسو", "كاايتسو")] // after a syllable's إي, before a consonant (Kaetsu)
    public void A_heh_that_writes_the_vowel_e_in_a_transliteration_is_dropped(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.NormalizeToken(input));
    }

    [Theory]
    [InlineData("إيهاب", "ايهاب")] // Ihab: a word's first إي, and a vowel letter after the heh
    [InlineData("أبهاي", "ابهاي")] // Abhay: no hamza below
    [InlineData("كاإيهاب", "كاايهاب")] // a vowel letter after the heh
    [InlineData("إبراهيم", "ابراهيم")]
    [InlineData("ده", "ده")]
    public void A_heh_elsewhere_is_kept(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.NormalizeToken(input));
    }

    [Fact]
    public void Format_controls_are_dropped_and_case_is_folded()
    {
        Assert.Equal("haftar", TextNormalizer.NormalizeToken("\u200FHaf\u200Ctar\u202C"));
    }

    [Fact]
    public void Precomposed_and_decomposed_nukta_normalize_alike()
    {
        Assert.Equal(TextNormalizer.NormalizeToken("\u095E"), TextNormalizer.NormalizeToken("\u092B\u093C"));
    }

    [Fact]
    public void Unpaired_surrogates_never_throw()
    {
        string result = TextNormalizer.NormalizeToken("a\uD800b\uDC00c");
        Assert.StartsWith("a", result, StringComparison.Ordinal);
        Assert.EndsWith("c", result, StringComparison.Ordinal);
    }
}
