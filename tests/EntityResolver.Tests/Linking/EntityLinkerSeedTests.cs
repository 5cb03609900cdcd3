using Xunit.Abstractions;

namespace EntityResolver.Tests.Linking;

/// <summary>The linker on the five seed articles against the labelled mentions (fixture copies).</summary>
public sealed class EntityLinkerSeedTests
{
    private static readonly Lazy<EntityLinker> Linker = new(() => new EntityLinker(new NameResolver(EntityRegistry.Load(Fixture.Path("seed/registry.jsonl")))));
    private static readonly Lazy<(List<LinkScore> Scores, string Report, Dictionary<string, IReadOnlyList<LinkedMention>> Found)> Evaluation =
        new(() => LinkingEvaluation.Run(Linker.Value));

    private readonly ITestOutputHelper _output;

    public EntityLinkerSeedTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Precision_and_recall_meet_the_targets_overall_and_in_every_script()
    {
        var (scores, report, _) = Evaluation.Value;
        foreach (LinkScore s in scores)
        {
            _output.WriteLine(s.ToString());
        }

        _output.WriteLine(report);
        Assert.Equal(["all", "Arab", "Deva", "Latn"], scores.Select(s => s.Script));
        foreach (LinkScore s in scores)
        {
            Assert.True(s.Gold > 0, s.ToString());
            Assert.True(s.Precision >= 0.95, $"{s}\n{report}");
            Assert.True(s.Recall >= 0.90, $"{s}\n{report}");
        }
    }

    [Fact]
    public void Measured_baseline_holds()
    {
        // Measured on this branch: P=1.000 (139/139), R=0.993 (139/140). The miss is the
        // unusual Hindi spelling देबेबेह (a bare surname, 0.846 similar to Dbeibeh).
        var (scores, report, _) = Evaluation.Value;
        LinkScore all = scores[0];
        Assert.True(all.Precision >= 0.99, $"{all}\n{report}");
        Assert.True(all.GoldFound >= 139, $"{all}\n{report}");
    }

    [Fact]
    public void Names_are_found_with_their_exact_spans()
    {
        var (share, report) = LinkingEvaluation.ExactNames(Evaluation.Value.Found);
        _output.WriteLine($"exact name spans: {share:0.000}");
        _output.WriteLine(report);
        Assert.True(share >= 0.98, $"{share:0.000}\n{report}");
    }

    [Fact]
    public void Both_Saddam_Khalid_Haftar_forms_link_to_Saddam_with_the_conflict_explained()
    {
        var found = Evaluation.Value.Found;
        var khalid = new[] { ("000_6f1f16013be8a358.txt", "सद्दाम खालिद हाफ़्तार"), ("002_7567e1a483e827b0.txt", "Saddam Khalid Haftar") };
        foreach (var (file, name) in khalid)
        {
            var mentions = found[file].Where(m => m.Text == name).ToList();
            Assert.NotEmpty(mentions);
            Assert.All(mentions, m => Assert.Equal("person:saddam-haftar", m.EntityId));
            Assert.All(mentions, m => Assert.Contains("conflict", m.Evidence.Resolution, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("000_6f1f16013be8a358.txt", "person:khalifa-haftar", 4)]
    [InlineData("001_12790f5cfba36996.txt", "person:khalifa-haftar", 2)]
    [InlineData("002_7567e1a483e827b0.txt", "person:khalifa-haftar", 5)]
    [InlineData("003_a0ff32e3ec52c289.txt", "person:saddam-haftar", 2)]
    public void Bare_Haftar_means_the_father_except_in_the_Kashmir_English_article(string file, string entity, int count)
    {
        string[] spellings = ["Haftar", "हफ़्तार", "हाफ़्तार", "حفتر"];
        var bare = Evaluation.Value.Found[file].Where(m => spellings.Contains(m.Text)).ToList();
        Assert.Equal(count, bare.Count);
        Assert.All(bare, m => Assert.Equal(entity, m.EntityId));
        Assert.All(bare, m => Assert.Equal(LinkKind.PartialName, m.Evidence.Kind));
    }

    [Fact]
    public void The_rank_before_the_bare_surname_is_the_evidence_in_the_Kashmir_English_article()
    {
        var bare = Evaluation.Value.Found["003_a0ff32e3ec52c289.txt"].Where(m => m.Text == "Haftar").ToList();
        Assert.All(bare, m => Assert.Equal(["Lt Gen"], m.Evidence.Titles));
        Assert.All(bare, m => Assert.Contains(m.Evidence.Rules, r => r.Contains("general_officer", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_father_is_never_found_inside_the_son_name()
    {
        foreach (var (_, mentions) in Evaluation.Value.Found)
        {
            foreach (LinkedMention son in mentions.Where(m => m.EntityId == "person:saddam-haftar"))
            {
                Assert.DoesNotContain(mentions, m => m.EntityId == "person:khalifa-haftar" && m.Start < son.End && son.Start < m.End);
            }
        }
    }

    [Fact]
    public void A_joined_Urdu_postposition_is_left_out_of_the_span()
    {
        string text = LinkingEvaluation.Article("004_c2ef6eb630669090.txt");
        int joined = text.IndexOf("حفترنے", StringComparison.Ordinal);
        LinkedMention m = Assert.Single(Evaluation.Value.Found["004_c2ef6eb630669090.txt"], m => m.Start <= joined && joined < m.End);
        Assert.Equal("person:saddam-haftar", m.EntityId);
        Assert.Equal(joined + "حفتر".Length, m.End);
        Assert.Equal(text.Substring(m.Start, m.Length), m.Text);
    }

    [Fact]
    public void Arabic_li_plus_article_stays_in_the_span_and_links_the_army()
    {
        var lna = Evaluation.Value.Found["001_12790f5cfba36996.txt"].Where(m => m.Text == "للجيش الليبي").ToList();
        Assert.Equal(2, lna.Count);
        Assert.All(lna, m => Assert.Equal("org:lna", m.EntityId));
    }

    [Fact]
    public void Every_span_is_the_text_at_its_offsets()
    {
        foreach (string file in LinkingEvaluation.Files)
        {
            string text = LinkingEvaluation.Article(file);
            foreach (LinkedMention m in Evaluation.Value.Found[file])
            {
                Assert.Equal(text.Substring(m.Start, m.Length), m.Text);
            }
        }
    }
}
