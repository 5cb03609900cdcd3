using System.Runtime.CompilerServices;
using System.Text;
using EntityResolver.Matching;

namespace EntityResolver.Tests.Matching;

public sealed class ScoringModelTests
{
    [Fact]
    public void Feature_names_descriptions_and_fields_line_up()
    {
        Assert.Equal(PairFeatures.Names.Length, PairFeatures.Descriptions.Length);
        Assert.Equal(PairFeatures.Names.Length * sizeof(float), Unsafe.SizeOf<PairFeatures>());
        Assert.Equal(PairFeatures.Names.Length, PairFeatures.Names.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("model/heuristic-v1.json", "heuristic-v1")]
    [InlineData("model/logit-v5.json", "logit-v5")]
    public void Embedded_models_load_and_describe_every_feature(string resource, string name)
    {
        ScoringModel model = ScoringModel.Embedded(resource);

        Assert.Equal(name, model.Name);
        string description = model.Describe();
        foreach (string feature in PairFeatures.Names)
        {
            Assert.Contains(feature, description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Save_then_load_gives_the_same_scores()
    {
        var weights = new float[PairFeatures.Count];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (i % 3) - 1.25f;
        }

        var stage = new RivalCalibration(1.5f, -4f, 1f, new Dictionary<string, float> { ["unmatched_candidate"] = -2f, ["single_common_word"] = -0.5f }) { Spelling = 1.5f, SpellingKnown = -2f };
        var model = new ScoringModel("round-trip", 0.5f, weights, "test", stage);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        ScoringModel loaded = ScoringModel.Load(stream, "round-trip.json");

        var f = default(PairFeatures);
        f.CoverageQuery = 0.8f;
        f.Conflict = 0.3f;
        f.LatinSimilarity = 0.6f;
        Assert.Equal(model.Score(f), loaded.Score(f), 4);
        Assert.Equal("round-trip", loaded.Name);
        Assert.Equal(model.Rival, loaded.Rival);
        Assert.NotEqual(new RivalCalibration(1.5f, -4f, 1f), loaded.Rival);
        f.UnmatchedCandidate = 0.5f;
        Assert.NotEqual(stage with { Spelling = 0f, SpellingKnown = 0f }, loaded.Rival);
        Assert.Equal(stage.Apply(0.4f, 0.2f, f), loaded.Rival!.Value.Apply(0.4f, 0.2f, f), 5);
        Assert.Equal(stage.Apply(0.4f, 0.2f, f, -0.5f), loaded.Rival!.Value.Apply(0.4f, 0.2f, f, -0.5f), 5);
        Assert.NotEqual(stage.Apply(0.4f, 0.2f, f), stage.Apply(0.4f, 0.2f, f, -0.5f));
        Assert.Contains("rival", loaded.Describe(), StringComparison.Ordinal);
        Assert.Contains("+1.5 × transliteration", loaded.Describe(), StringComparison.Ordinal);
        Assert.Contains("-2 × unmatched_candidate", loaded.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_stage_is_described_with_its_weights_rounded_and_a_weight_that_rounds_to_zero_shown_as_plus_zero()
    {
        var stage = new RivalCalibration(1.4394f, -4.7061f, -0.0004f, new Dictionary<string, float> { ["unmatched_candidate"] = -1e-6f, ["single_token"] = -0.1414f });

        Assert.Equal("score = sigmoid(1.439 × logit(pair score) -4.706 × best rival's pair score +0 × unmatched_candidate -0.141 × single_token +0)", stage.ToString());
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "JSON object")]
    [InlineData("{\"bias\": 1, \"weights\": {}}", "\"name\"")]
    [InlineData("{\"name\": \"m\", \"weights\": {}}", "\"bias\"")]
    [InlineData("{\"name\": \"m\", \"bias\": 0, \"weights\": {\"no_such_feature\": 1}}", "weights.no_such_feature")]
    [InlineData("{\"name\": \"m\", \"bias\": 0, \"weights\": {\"exact\": \"high\"}}", "weights.exact")]
    [InlineData("{\"name\": \"m\", \"bias\": 0, \"weights\": {}, \"rival\": {\"own\": 1, \"bias\": 0}}", "rival.rival")]
    [InlineData("{\"name\": \"m\", \"bias\": 0, \"weights\": {}, \"rival\": 3}", "rival.own")]
    [InlineData("{\"name\": \"m\", \"bias\": 0, \"weights\": {}, \"rival\": {\"own\": 1, \"rival\": 0, \"bias\": 0, \"features\": {\"nope\": 1}}}", "rival.features.nope")]
    [InlineData("{\"name\": \"m\", \"bias\": 0, \"weights\": {}, \"rival\": {\"own\": 1, \"rival\": 0, \"bias\": 0, \"features\": {\"exact\": true}}}", "rival.features.exact")]
    [InlineData("{\"name\": \"m\", \"bias\": 0, \"weights\": {}, \"rival\": {\"own\": 1, \"rival\": 0, \"bias\": 0, \"spelling\": {\"per_character\": 1}}}", "rival.spelling.known")]
    [InlineData("{\"name\": \"m\", \"bias\": 0, \"weights\": {}, \"rival\": {\"own\": 1, \"rival\": 0, \"bias\": 0, \"spelling\": 2}}", "rival.spelling.per_character")]
    public void A_bad_model_file_names_its_source_and_field(string json, string expected)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        InvalidDataException e = Assert.Throws<InvalidDataException>(() => ScoringModel.Load(stream, "bad.json"));

        Assert.StartsWith("bad.json", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}

public sealed class MatchModelTests
{
    [Fact]
    public void A_resolver_scores_with_the_model_it_is_given()
    {
        var registry = new EntityRegistryBuilder().AddPerson("p:1", "Khalifa Haftar").AddPerson("p:2", "Saddam Haftar").Build();

        var fitted = new NameResolver(registry, MatchModel.Fitted);
        var heuristic = new NameResolver(registry, MatchModel.FromSetting("heuristic"));
        var standard = new NameResolver(registry);

        Assert.Equal("logit-v5", fitted.ModelName);
        Assert.Equal("heuristic-v1", heuristic.ModelName);
        Assert.Equal(MatchModel.Default.Name, standard.ModelName);
        Assert.Equal("p:1", fitted.Resolve("خليفة حفتر")[0].EntityId);
        Assert.Equal("p:1", heuristic.Resolve("خليفة حفتر")[0].EntityId);
        Assert.NotEqual(heuristic.Resolve("خليفة حفتر")[0].Score, fitted.Resolve("خليفة حفتر")[0].Score);
        Assert.Equal(MatchModel.Default.Name == "logit-v5" ? fitted.Resolve("خليفة حفتر")[0].Score : heuristic.Resolve("خليفة حفتر")[0].Score, standard.Resolve("خليفة حفتر")[0].Score);
    }

    [Theory]
    [InlineData("heuristic")]
    [InlineData("fitted")]
    public void A_name_given_in_full_goes_to_its_entity_before_a_longer_name_that_contains_it(string model)
    {
        // unsc-2025: a father and his son, whose name is the father's with a given name before it
        // (and HASAN spelled closer to حسن than the father's HASSAN); a short name and a longer one
        // that starts with its spelling.
        var registry = new EntityRegistryBuilder()
            .AddPerson("p:father", "BARZAN IBRAHIM HASSAN AL-TIKRITI")
            .AddPerson("p:son", "MOHAMMAD BARZAN IBRAHIM HASAN AL-TIKRITI")
            .AddPerson("p:short", "DJAMEL MOUSTFA")
            .AddPerson("p:long", "JAMAL MUSTAFA ABDALLAH SULTAN AL-TIKRITI")
            .Build();
        var resolver = new NameResolver(registry, MatchModel.FromSetting(model));
        var options = new ResolveOptions { Threshold = 0 };

        Assert.Equal("p:father", resolver.Resolve("برزان إبراهيم حسن التكريتي", options)[0].EntityId);
        Assert.Equal("p:short", resolver.Resolve("جمال مصطفى", options)[0].EntityId);
    }

    [Fact]
    public void A_setting_names_an_embedded_model_or_a_file()
    {
        Assert.Same(MatchModel.Default, MatchModel.FromSetting(null));
        Assert.Same(MatchModel.Default, MatchModel.FromSetting("default"));
        Assert.Same(MatchModel.Fitted, MatchModel.FromSetting("fitted"));
        Assert.Equal("heuristic-v1", MatchModel.FromSetting("heuristic").Name);
        Assert.Same(MatchModel.FromSetting("heuristic"), MatchModel.FromSetting("heuristic"));
        Assert.Throws<FileNotFoundException>(() => MatchModel.FromSetting(Path.Combine(Path.GetTempPath(), "er-no-such-model.json")));
    }

    [Fact]
    public void Loading_a_missing_or_bad_model_file_fails_clearly()
    {
        string path = Path.Combine(Path.GetTempPath(), "er-model-" + Guid.NewGuid().ToString("N") + ".json");
        Assert.Throws<FileNotFoundException>(() => MatchModel.Load(path));
        File.WriteAllText(path, "{\"name\": \"m\"}");
        try
        {
            InvalidDataException e = Assert.Throws<InvalidDataException>(() => MatchModel.Load(path));
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

public sealed class RivalStageTests
{
    private static NameResolver WithStage(EntityRegistry registry)
    {
        ScoringModel pair = ScoringModel.Default;
        return new NameResolver(registry, null, pair.WithRival(new RivalCalibration(1f, -4f, 1f)));
    }

    [Fact]
    public void A_lone_candidate_is_raised_and_a_contested_one_lowered()
    {
        EntityRegistry lone = new EntityRegistryBuilder().AddPerson("p:1", "Aabha Sharma").AddPerson("p:2", "Rohan Verma").Build();
        EntityRegistry contested = new EntityRegistryBuilder().AddPerson("p:1", "Aabha Sharma").AddPerson("p:2", "Abha Sharma").Build();
        var options = new ResolveOptions { Threshold = 0, Explain = true };

        EntityMatch alone = WithStage(lone).Resolve("आभा शर्मा", options)[0];
        IReadOnlyList<EntityMatch> both = WithStage(contested).Resolve("आभा शर्मा", options);

        Assert.True(alone.Score > alone.Explanation!.PairScore, $"{alone.Score} vs pair {alone.Explanation.PairScore}");
        Assert.Equal(2, both.Count);
        Assert.Equal(both[1].EntityId, both[0].Explanation!.RivalEntityId);
        Assert.Equal(both[0].EntityId, both[1].Explanation!.RivalEntityId);
        Assert.True(both[1].Score < both[1].Explanation!.PairScore, $"{both[1].Score} vs pair {both[1].Explanation!.PairScore}");
        Assert.Contains("best rival", both[0].Explanation!.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Namesakes_are_not_rivals()
    {
        EntityRegistry registry = new EntityRegistryBuilder().AddPerson("p:1", "Khalifa Haftar").AddPerson("p:2", "Saddam Haftar").Build();

        IReadOnlyList<EntityMatch> matches = WithStage(registry).Resolve("Haftar", new ResolveOptions { Threshold = 0, Explain = true });

        Assert.Equal(2, matches.Count);
        Assert.All(matches, m => Assert.Null(m.Explanation!.RivalEntityId));
        Assert.Equal(matches[0].Score, matches[1].Score, 2);
    }

    [Fact]
    public void A_lone_candidate_named_only_in_part_is_not_raised_like_a_full_match()
    {
        // One registry, one stage that weighs how much of the candidate's name the query left out.
        EntityRegistry registry = new EntityRegistryBuilder().AddPerson("p:1", "Aabha Sharma").AddPerson("p:2", "Rohan Verma").Build();
        ScoringModel pair = ScoringModel.Default;
        var plain = new NameResolver(registry, null, pair.WithRival(new RivalCalibration(1f, -4f, 1f)));
        var weighing = new NameResolver(registry, null, pair.WithRival(new RivalCalibration(1f, -4f, 1f, new Dictionary<string, float> { ["unmatched_candidate"] = -3f })));
        var options = new ResolveOptions { Threshold = 0, Explain = true };

        EntityMatch fullPlain = plain.Resolve("Aabha Sharma", options)[0], fullWeighing = weighing.Resolve("Aabha Sharma", options)[0];
        EntityMatch partPlain = plain.Resolve("Sharma", options)[0], partWeighing = weighing.Resolve("Sharma", options)[0];

        Assert.Equal(fullPlain.Score, fullWeighing.Score, 4);
        Assert.True(partWeighing.Score < partPlain.Score - 0.05, $"{partWeighing.Score} vs {partPlain.Score}");
        Assert.Equal(partPlain.Explanation!.PairScore, partWeighing.Explanation!.PairScore);
    }

    [Fact]
    public void Fitting_recovers_the_parameters_that_generated_the_rows()
    {
        var truth = new RivalCalibration(1.5f, -3f, 0.5f, new Dictionary<string, float> { ["unmatched_candidate"] = -2f });
        var random = new Random(11);
        var rows = new List<RivalRow>();
        for (int i = 0; i < 20_000; i++)
        {
            float pair = (float)random.NextDouble(), rival = (float)random.NextDouble();
            var f = default(PairFeatures);
            f.UnmatchedCandidate = (float)random.NextDouble();
            rows.Add(new RivalRow(pair, rival, random.NextDouble() < truth.Apply(pair, rival, f), 1f, f));
        }

        RivalCalibration fitted = ModelTrainer.FitRival(rows, ["unmatched_candidate"]);

        Assert.Equal(truth.Own, fitted.Own, 0.15f);
        Assert.Equal(truth.Rival, fitted.Rival, 0.3f);
        Assert.Equal(truth.Bias, fitted.Bias, 0.3f);
        Assert.Equal(-2f, Assert.Single(fitted.Features).Weight, 0.3f);
    }
}

public sealed class SpellingStageTests
{
    private static readonly ResolveOptions Everything = new() { Threshold = 0, Explain = true };

    private static readonly RivalCalibration Plain = new(1f, -4f, 1f);

    private static NameResolver With(EntityRegistry registry, RivalCalibration stage) => new(registry, null, ScoringModel.Default.WithRival(stage));

    private static double Logit(double p) => Math.Log(p / (1 - p));

    [Fact]
    public void The_stage_reads_how_likely_a_persons_spelling_makes_a_one_word_query()
    {
        EntityRegistry registry = new EntityRegistryBuilder()
            .AddPerson("p:charles", "Charles")
            .AddPerson("p:sharles", "Sharles")
            .AddOrganization("o:charles", "Charles")
            .AddPerson("p:darwin", "Charles Darwin")
            .Build();
        RivalCalibration reading = Plain with { Spelling = 1f };

        double Shift(string query, string id)
        {
            double plain = With(registry, Plain).Resolve(query, Everything).Single(m => m.EntityId == id).Score;
            double read = With(registry, reading).Resolve(query, Everything).Single(m => m.EntityId == id).Score;
            return Logit(read) - Logit(plain);
        }

        // ч is how Russian writes ch: Charles is a likelier source of чарльз than Sharles.
        Assert.True(Shift("чарльз", "p:charles") > Shift("чарльз", "p:sharles") + 0.5, $"{Shift("чарльз", "p:charles")} vs {Shift("чарльз", "p:sharles")}");

        // Not read for organizations, nor for names of several words.
        Assert.Equal(0, Shift("чарльз", "o:charles"), 3);
        Assert.Equal(0, Shift("чарльз дарвин", "p:darwin"), 3);

        // The explanation says what the stage read.
        IReadOnlyList<EntityMatch> explained = With(registry, reading).Resolve("чарльз", Everything);
        Assert.Contains("nats per character", explained.Single(m => m.EntityId == "p:charles").Explanation!.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("nats per character", explained.Single(m => m.EntityId == "o:charles").Explanation!.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Fitting_learns_the_spelling_weight_and_leaves_it_out_without_spellings()
    {
        var truth = Plain with { Spelling = 2f, SpellingKnown = -1f };
        var random = new Random(5);
        var rows = new List<RivalRow>();
        var without = new List<RivalRow>();
        for (int i = 0; i < 20_000; i++)
        {
            float pair = (float)random.NextDouble(), rival = (float)random.NextDouble();
            float transliteration = i % 2 == 0 ? (float)(-3 * random.NextDouble()) : float.NaN;
            rows.Add(new RivalRow(pair, rival, random.NextDouble() < truth.Apply(pair, rival, default, transliteration), 1f, default, transliteration));
            without.Add(new RivalRow(pair, rival, random.NextDouble() < truth.Apply(pair, rival), 1f));
        }

        RivalCalibration fitted = ModelTrainer.FitRival(rows, []);
        RivalCalibration plain = ModelTrainer.FitRival(without, []);

        Assert.Equal(2f, fitted.Spelling, 0.3f);
        Assert.Equal(-1f, fitted.SpellingKnown, 0.4f);
        Assert.False(plain.WeighsSpelling);
    }
}

public sealed class LiteralReadingTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    public void A_rank_word_that_is_also_a_given_name_is_read_as_a_name_when_nothing_else_fits(double threshold)
    {
        // رائد is the rank Major and the given name Raed: the reading without it finds no good
        // match, so the literal reading is scored, whatever threshold the caller asks for.
        EntityRegistry registry = new EntityRegistryBuilder().AddPerson("p:1", "Raed Hasan Hijazi").AddPerson("p:2", "Omar Farouk").Build();

        IReadOnlyList<EntityMatch> matches = new NameResolver(registry).Resolve("رائد حسن حجازي", new ResolveOptions { Threshold = threshold });

        Assert.Equal("p:1", matches[0].EntityId);
        Assert.True(matches[0].Score >= 0.5, matches[0].ToString());
    }

    [Fact]
    public void A_titled_query_whose_other_words_meet_nothing_is_still_read_literally()
    {
        // The literal reading is scored on the candidates of the reading without titles; when
        // that has none (قزقز meets no name), it looks its words up itself, and رائد finds Raed.
        EntityRegistry registry = new EntityRegistryBuilder().AddPerson("p:1", "Raed Hasan").AddPerson("p:2", "Omar Farouk").Build();

        IReadOnlyList<EntityMatch> matches = new NameResolver(registry).Resolve("رائد قزقز", new ResolveOptions { Threshold = 0.0 });

        Assert.Equal("p:1", Assert.Single(matches).EntityId);
    }
}
