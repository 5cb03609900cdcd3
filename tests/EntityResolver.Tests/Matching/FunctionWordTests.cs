using System.Text;

namespace EntityResolver.Tests.Matching;

/// <summary>Function words of organization names (in, of, في, Pashto د and او) in the alignment.</summary>
public sealed class FunctionWordTests
{
    private const string Entities = """
        {"id": "o:isil", "type": "organization", "names": ["Islamic State in Iraq and the Levant"]}
        {"id": "o:bank", "type": "organization", "names": ["Bank of Kabul"]}
        {"id": "o:trade", "type": "organization", "names": ["Rahim Karim and Nasir Company"]}
        """;

    private static readonly NameResolver Resolver =
        new(EntityRegistry.Load(new MemoryStream(Encoding.UTF8.GetBytes(Entities)), "function-words.jsonl"));

    private static readonly ResolveOptions All = new() { Threshold = 0, Explain = true };

    private static EntityMatch Best(string query) => Resolver.Resolve(query, All)[0];

    [Fact]
    public void A_name_word_is_not_in_conflict_with_a_function_word()
    {
        // "Yemen" (ymn) is somewhat like "in", but a function word is no name's slot: the extra
        // word of the query stays unmatched, as it is, and weighs as such.
        EntityMatch branch = Best("الدولة الإسلامية في العراق والشام - اليمن");
        EntityMatch whole = Best("الدولة الإسلامية في العراق والشام");

        Assert.Equal("o:isil", branch.EntityId);
        TokenAlignment yemen = Assert.Single(branch.Explanation!.Tokens, t => t.QueryToken == "اليمن");
        Assert.Equal(TokenOutcome.QueryOnly, yemen.Outcome);
        Assert.Null(yemen.CandidateToken);
        Assert.DoesNotContain(branch.Explanation.Tokens, t => t.Outcome == TokenOutcome.Conflict);
        Assert.True(whole.Score - branch.Score > 0.15, $"{whole.Score} against {branch.Score}");
    }

    [Theory]
    [InlineData("د کابل بانک", "کابل بانک", "o:bank")]
    [InlineData("د رحیم کریم او ناصر کمپنی", "رحیم کریم ناصر کمپنی", "o:trade")]
    public void Pashto_of_and_and_are_function_words(string query, string without, string entityId)
    {
        EntityMatch match = Best(query);

        Assert.Equal(entityId, match.EntityId);
        TokenAlignment[] functionWords = [.. match.Explanation!.Tokens.Where(t => t.QueryToken is "د" or "او")];
        Assert.Equal(query.Split(' ').Count(w => w is "د" or "او"), functionWords.Length);
        foreach (TokenAlignment word in functionWords)
        {
            Assert.NotEqual(TokenOutcome.Conflict, word.Outcome);
            Assert.True(word.Weight < 0.5, $"{word.QueryToken} weighs {word.Weight}");
        }

        // Barely weighted, the function words cost the match little against the name without them.
        Assert.True(Best(without).Score - match.Score < 0.05, $"{Best(without).Score} against {match.Score}");
    }
}
