using EntityResolver.Matching;
using EntityResolver.Text;

namespace EntityResolver.Tests.Matching;

public sealed class SimilarityMemoTests
{
    private static readonly NameAnalyzer Analyzer = new();
    private static readonly TokenStatistics Statistics = new EntityRegistryBuilder().AddPerson("p:1", "Ivan Petrov").Build().Statistics;

    private static PreparedName Prepare(string query) => new(Analyzer.AnalyzeQuery(query).Primary, Statistics, 0);

    private static NameToken Token(string word) => Analyzer.AnalyzeQuery(word).Primary.Tokens[0];

    [Fact]
    public void Each_reading_has_its_own_similarities()
    {
        // Readings whose first tokens differ, against the same registry token: none may be given
        // the similarity another computed. 3,000 readings fill most of the table, so many meet
        // another reading's entry for the same token and forms within their slots.
        NameToken candidate = Token("Ivan");
        float petrov = PairScorer.TokenSimilarity(Token("Petrov"), candidate);
        Assert.True(petrov < 0.5f);
        for (int i = 0; i < 3000; i++)
        {
            PreparedName reading = Prepare(i % 2 == 0 ? "Ivan" : "Petrov");
            Assert.Equal(i % 2 == 0 ? 1f : petrov, SimilarityMemo.Similarity(reading, 0, candidate));
            Assert.Equal(i % 2 == 0 ? 1f : petrov, SimilarityMemo.Similarity(reading, 0, candidate));
        }
    }

    [Fact]
    public void More_tokens_than_the_memo_holds_are_still_compared_right()
    {
        // 6,000 distinct registry words, more than the table's 4,096 entries: entries are
        // overwritten, and every answer, first or repeated, is the similarity itself.
        PreparedName query = Prepare("Kamal Hasan");
        var words = Enumerable.Range(0, 6000).Select(i => Token(Word(i))).ToArray();
        for (int pass = 0; pass < 2; pass++)
        {
            foreach (NameToken w in words)
            {
                for (int t = 0; t < 2; t++)
                {
                    Assert.Equal(PairScorer.TokenSimilarity(query.Name.Tokens[t], w), SimilarityMemo.Similarity(query, t, w));
                }
            }
        }
    }

    /// <summary>A distinct pronounceable word per number (kam, kas, ...), some close to the query's words.</summary>
    private static string Word(int i)
    {
        const string consonants = "kmhslntrdb";
        const string vowels = "aeiou";
        var chars = new List<char>();
        for (int n = i + 1; n > 0; n /= 50)
        {
            chars.Add(consonants[n % 10]);
            chars.Add(vowels[n / 10 % 5]);
        }

        chars.Add(consonants[i % 7]);
        return new string([.. chars]);
    }
}
