using System.Text.Json;
using Xunit.Abstractions;

namespace EntityResolver.Tests.Cli;

public sealed class DedupeCommandTests(ITestOutputHelper output)
{
    /// <summary>
    /// Persons whose bare-name spellings (a surname or a given name alone) the current matcher
    /// does not bring to the full names at the default link threshold: a bare "Haftar" scores
    /// about 0.3 against both "Khalifa Haftar" and "Saddam Haftar" (a bare surname shared by
    /// father and son is ambiguous by name alone; the labels come from article context). This
    /// baseline may only shrink.
    /// </summary>
    private static readonly HashSet<string> KnownBareNameSplits = ["person:khalifa-haftar"];

    /// <summary>Mention kinds (from the gold labels) that carry a given name and a surname.</summary>
    private static readonly HashSet<string> FullNameKinds = ["full_name", "given+surname", "full_name_erroneous"];

    [Fact]
    public void Seed_mentions_cluster_by_person_and_never_merge_father_and_son()
    {
        string path = Fixture.Path("seed/mentions.jsonl");
        string[] input = File.ReadAllLines(path);

        CliRun run = CliRunner.Run("dedupe", "--input", path, "--field", "name_text");

        Assert.True(run.ExitCode == 0, run.ToString());
        JsonElement[] rows = run.Json;
        Assert.Equal(input.Length, rows.Length);
        var records = rows.Select((r, i) => (
            Line: r.GetProperty("line").GetInt32(),
            Name: r.GetProperty("name").GetString()!,
            Cluster: r.GetProperty("cluster").GetString()!,
            Gold: r.GetProperty("input").GetProperty("entity_id").GetString()!,
            Kind: r.GetProperty("input").GetProperty("mention_kind").GetString()!)).ToList();
        Assert.Equal(Enumerable.Range(1, input.Length), records.Select(r => r.Line));

        // Father and son never share a cluster.
        var fatherClusters = records.Where(r => r.Gold == "person:khalifa-haftar").Select(r => r.Cluster).ToHashSet();
        var sonClusters = records.Where(r => r.Gold == "person:saddam-haftar").Select(r => r.Cluster).ToHashSet();

        // A spelling labelled with two entities (the bare surname "Haftar" is the father in one
        // article and the son in another) cannot follow both; it is left out of the checks.
        var ambiguous = records.GroupBy(r => r.Name).Where(g => g.Select(r => r.Gold).Distinct().Count() > 1).Select(g => g.Key).ToHashSet();
        output.WriteLine("ambiguous spellings: " + string.Join(", ", ambiguous));
        var clear = records.Where(r => !ambiguous.Contains(r.Name)).ToList();
        Assert.Empty(clear.Where(r => r.Gold == "person:khalifa-haftar").Select(r => r.Cluster).Intersect(clear.Where(r => r.Gold == "person:saddam-haftar").Select(r => r.Cluster)));
        Assert.NotEmpty(fatherClusters);
        Assert.NotEmpty(sonClusters);

        // No cluster holds two persons.
        foreach (var cluster in clear.Where(r => r.Gold.StartsWith("person:", StringComparison.Ordinal)).GroupBy(r => r.Cluster))
        {
            Assert.True(cluster.Select(r => r.Gold).Distinct().Count() == 1, $"cluster {cluster.Key} mixes {string.Join(", ", cluster.Select(r => $"{r.Name} ({r.Gold})"))}");
        }

        // Every person's full-name spellings (all scripts, the erroneous "Khalid" included) in one cluster.
        var persons = clear.Where(r => r.Gold.StartsWith("person:", StringComparison.Ordinal)).ToList();
        foreach (var person in persons.Where(r => FullNameKinds.Contains(r.Kind)).GroupBy(r => r.Gold))
        {
            var clusters = person.GroupBy(r => r.Cluster).ToList();
            Assert.True(clusters.Count == 1, $"{person.Key} full names are split: " + string.Join(" | ", clusters.Select(c => string.Join(", ", c.Select(r => r.Name).Distinct()))));
        }

        // Bare names with them, except the documented baseline.
        var split = new List<string>();
        foreach (var person in persons.GroupBy(r => r.Gold))
        {
            var clusters = person.GroupBy(r => r.Cluster).ToList();
            if (clusters.Count > 1)
            {
                split.Add(person.Key);
                output.WriteLine($"{person.Key} is split: " + string.Join(" | ", clusters.Select(c => string.Join(", ", c.Select(r => r.Name).Distinct()))));
            }
        }

        Assert.Subset(KnownBareNameSplits, split.ToHashSet());
    }

    [Fact]
    public void Dedupe_writes_csv_with_passthrough_and_cluster_ids()
    {
        using var dir = new TempDir();
        string csv = dir.File("people.csv", "ref,name\na,Asim Munir\nb,Khalifa Haftar\nc,عاصم منیر\nd,Saddam Khalifa Haftar\n");

        CliRun run = CliRunner.Run("dedupe", "--input", csv, "--column", "name", "--format", "csv");

        Assert.True(run.ExitCode == 0, run.ToString());
        string[][] rows = [.. run.Lines.Select(l => l.Split(','))];
        Assert.Equal(["ref", "name", "cluster", "score", "error"], rows[0]);
        Assert.Equal("Asim Munir", rows[1][1]);
        Assert.Equal(["a", "b", "c", "d"], rows.Skip(1).Select(r => r[0]));
        Assert.Equal(rows[1][2], rows[3][2]);
        Assert.NotEqual(rows[2][2], rows[4][2]);
        Assert.NotEqual(rows[1][2], rows[2][2]);
    }

    [Fact]
    public void Dedupe_with_anchors_names_clusters_by_registry_id()
    {
        using var dir = new TempDir();
        string text = dir.File("names.txt", "Asim Munir\nआसिम मुनीर\nUnknown Qqq Person\n");

        CliRun run = CliRunner.Run("dedupe", "--input", text, "--registry", Fixture.Path("seed/registry.jsonl"));

        Assert.True(run.ExitCode == 0, run.ToString());
        JsonElement[] rows = run.Json;
        Assert.Equal("person:asim-munir", rows[0].GetProperty("cluster").GetString());
        Assert.Equal("person:asim-munir", rows[1].GetProperty("cluster").GetString());
        Assert.StartsWith("c", rows[2].GetProperty("cluster").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Dedupe_reports_bad_rows_by_line()
    {
        using var dir = new TempDir();
        string jsonl = dir.File("r.jsonl", "{\"name\": \"Asim Munir\"}\n{\"nom\": 1}\n{\"name\": \"Asim Munir\"}\n");

        CliRun fail = CliRunner.Run("dedupe", "--input", jsonl);
        CliRun report = CliRunner.Run("dedupe", "--input", jsonl, "--on-error", "report");

        Assert.Equal(2, fail.ExitCode);
        Assert.Contains("r.jsonl:2:", fail.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, report.ExitCode);
        Assert.Equal(2, report.Json[1].GetProperty("line").GetInt32());
        Assert.Equal(report.Json[0].GetProperty("cluster").GetString(), report.Json[2].GetProperty("cluster").GetString());
    }

    [Fact]
    public void Titled_seed_queries_never_put_two_persons_in_one_cluster()
    {
        // queries.tsv: the mentions with their titles ("Field Marshal", "الفريق أول ركن", ...).
        CliRun run = CliRunner.Run("dedupe", "--input", Fixture.Path("seed/queries.tsv"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = run.Json.Select(r => (
            Name: r.GetProperty("name").GetString()!,
            Cluster: r.GetProperty("cluster").GetString()!,
            Gold: r.GetProperty("input").GetProperty("gold_entity_id").GetString()!,
            Kind: r.GetProperty("input").GetProperty("mention_kind").GetString()!)).ToList();
        Assert.Equal(Fixture.Tsv("seed/queries.tsv").Count(), rows.Count);

        // Bare surnames and given names are ambiguous by name alone; every other form must not mix persons.
        var named = rows.Where(r => r.Gold.StartsWith("person:", StringComparison.Ordinal) && r.Kind is not ("surname" or "given_name")).ToList();
        foreach (var cluster in named.GroupBy(r => r.Cluster))
        {
            Assert.True(cluster.Select(r => r.Gold).Distinct().Count() == 1, $"cluster {cluster.Key} mixes {string.Join(", ", cluster.Select(r => $"{r.Name} ({r.Gold})"))}");
        }

        var father = rows.Where(r => r.Gold == "person:khalifa-haftar" && r.Kind != "surname").Select(r => r.Cluster).ToHashSet();
        var son = rows.Where(r => r.Gold == "person:saddam-haftar" && r.Kind != "surname").Select(r => r.Cluster).ToHashSet();
        Assert.Empty(father.Intersect(son));
        foreach (var person in named.GroupBy(r => r.Gold).Where(g => g.Select(r => r.Cluster).Distinct().Count() > 1))
        {
            output.WriteLine($"{person.Key} is split: " + string.Join(" | ", person.GroupBy(r => r.Cluster).Select(c => string.Join(", ", c.Select(r => r.Name).Distinct()))));
        }
    }
}
