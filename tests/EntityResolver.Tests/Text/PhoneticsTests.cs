using EntityResolver.Text;

namespace EntityResolver.Tests.Text;

public sealed class PhoneticsTests
{
    private static float Similarity(string a, string b)
    {
        string pa = Phonetics.Encode(a), pb = Phonetics.Encode(b);
        return Phonetics.Similarity(pa, pb, Phonetics.Weight(pa), Phonetics.Weight(pb));
    }

    [Theory]
    [InlineData("mohammed", "muhammad")]
    [InlineData("shehbaz", "shahbaz")]
    [InlineData("dbeibeh", "dbeibah")]
    [InlineData("khalifa", "khlifa")] // Arabic script writes no short vowels
    [InlineData("haftar", "hftr")]
    [InlineData("saeed", "said")]
    [InlineData("djamel", "jamal")]
    [InlineData("karimova", "krimufa")] // Arabic writes v as f: كريموفا
    [InlineData("pervez", "prwiz")] // Urdu writes v as w: پرویز
    [InlineData("mitchell", "mitshl")]
    [InlineData("salah", "salh")] // Arabic script writes no vowel before a final h (صالح) // tch and Arabic tsh (ميتشل) are ch
    [InlineData("savichevich", "safitshifitsh")]
    public void Spelling_variants_are_close(string a, string b)
    {
        Assert.True(Similarity(a, b) >= 0.8f, $"{a}/{b}: {Similarity(a, b)}");
    }

    [Theory]
    [InlineData("khalid", "khalifa")]
    [InlineData("asim", "asif")]
    [InlineData("asim", "osama")]
    [InlineData("saddam", "hussein")]
    [InlineData("vali", "bali")]
    [InlineData("vaid", "zaid")]
    public void Different_names_are_not(string a, string b)
    {
        Assert.True(Similarity(a, b) < 0.78f, $"{a}/{b}: {Similarity(a, b)}");
    }

    [Fact]
    public void Similarity_is_symmetric_and_bounded()
    {
        var random = new Random(7);
        const string letters = "abdefghijklmnopqrstuvwyz";
        for (int k = 0; k < 500; k++)
        {
            string a = new([.. Enumerable.Range(0, random.Next(1, 9)).Select(_ => letters[random.Next(letters.Length)])]);
            string b = new([.. Enumerable.Range(0, random.Next(1, 9)).Select(_ => letters[random.Next(letters.Length)])]);
            float ab = Similarity(a, b), ba = Similarity(b, a);
            Assert.InRange(ab, 0f, 1f);
            Assert.Equal(ab, ba, 4);
        }
    }

    [Fact]
    public void Table_driven_distance_agrees_with_a_plain_reference()
    {
        var random = new Random(11);
        const string symbols = "aeiouywbdfghjklmnrstxzSC";
        for (int k = 0; k < 500; k++)
        {
            string a = new([.. Enumerable.Range(0, random.Next(0, 10)).Select(_ => symbols[random.Next(symbols.Length)])]);
            string b = new([.. Enumerable.Range(0, random.Next(0, 10)).Select(_ => symbols[random.Next(symbols.Length)])]);
            Assert.Equal(ReferenceDistance(a, b), Phonetics.Distance(a, b), 4);
        }
    }

    /// <summary>The textbook full-matrix recurrence over the public cost functions.</summary>
    private static float ReferenceDistance(string a, string b)
    {
        var d = new float[a.Length + 1, b.Length + 1];
        for (int i = 1; i <= a.Length; i++)
        {
            d[i, 0] = d[i - 1, 0] + Phonetics.IndelCost(a[i - 1]);
        }

        for (int j = 1; j <= b.Length; j++)
        {
            d[0, j] = d[0, j - 1] + Phonetics.IndelCost(b[j - 1]);
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(
                    d[i - 1, j - 1] + Phonetics.SubstitutionCost(a[i - 1], b[j - 1]),
                    Math.Min(d[i - 1, j] + Phonetics.IndelCost(a[i - 1]), d[i, j - 1] + Phonetics.IndelCost(b[j - 1])));
            }
        }

        return d[a.Length, b.Length];
    }

    [Theory]
    [InlineData("svetlova", "sftlf")] // سفيتلوفا
    [InlineData("vittorio", "ftr")] // فيتوريو
    [InlineData("karim", null)]
    public void A_v_also_gets_the_skeleton_arabic_script_gives_it(string latin, string? expected)
    {
        Assert.Equal(expected, Phonetics.SkeletonWithVAsF(Phonetics.Encode(latin)));
    }
}
