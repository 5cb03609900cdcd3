using System.Globalization;
using System.Text;
using System.Text.Json;
using EntityResolver.Text;

namespace EntityResolver.Tests.Linking;

/// <summary>One labelled mention of the seed case (fixture copy of mentions.jsonl), offsets in UTF-16 code units.</summary>
/// <param name="File">Article file name.</param>
/// <param name="Start">Start of the mention, titles included.</param>
/// <param name="End">End of the mention.</param>
/// <param name="Text">The mention as written.</param>
/// <param name="EntityId">The gold entity.</param>
/// <param name="Script">Arab, Deva or Latn.</param>
/// <param name="NameStart">Where the name itself starts (after its titles); -1 when the name is not a substring (للجيش).</param>
/// <param name="NameEnd">Where the name ends.</param>
internal sealed record GoldMention(string File, int Start, int End, string Text, string EntityId, string Script, int NameStart, int NameEnd);

/// <summary>Precision and recall of a set of found mentions against gold, overall and per script.</summary>
internal sealed record LinkScore(string Script, int Found, int FoundCorrect, int Gold, int GoldFound)
{
    public double Precision => Found == 0 ? 1 : (double)FoundCorrect / Found;

    public double Recall => Gold == 0 ? 1 : (double)GoldFound / Gold;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Script}: P={Precision:0.000} ({FoundCorrect}/{Found}) R={Recall:0.000} ({GoldFound}/{Gold})");
}

/// <summary>
/// Scores the linker on the five seed articles: a found span counts when it overlaps a gold span
/// of the same entity; a gold span counts as found when such a found span overlaps it.
/// </summary>
internal static class LinkingEvaluation
{
    public static readonly string[] Files = ["000_6f1f16013be8a358.txt", "001_12790f5cfba36996.txt", "002_7567e1a483e827b0.txt", "003_a0ff32e3ec52c289.txt", "004_c2ef6eb630669090.txt"];

    public static string Article(string file) => File.ReadAllText(Fixture.Path("seeds/" + file), Encoding.UTF8);

    /// <summary>The gold mentions; the file's offsets count code points (Python), converted here to UTF-16 units.</summary>
    public static List<GoldMention> Gold()
    {
        var gold = new List<GoldMention>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(Fixture.Path("seed/mentions.jsonl")))
        {
            if (line.Length == 0)
            {
                continue;
            }

            using JsonDocument doc = JsonDocument.Parse(line);
            JsonElement r = doc.RootElement;
            string file = r.GetProperty("file").GetString()!;
            if (!texts.TryGetValue(file, out string? text))
            {
                texts[file] = text = Article(file);
            }

            int start = Utf16Offset(text, r.GetProperty("offset").GetInt32());
            int end = Utf16Offset(text, r.GetProperty("end").GetInt32());
            string mention = r.GetProperty("mention_text").GetString()!;
            Assert.Equal(mention, text[start..end]);
            string name = r.GetProperty("name_text").GetString()!;
            int nameStart = r.GetProperty("name_offset").ValueKind == JsonValueKind.Number ? Utf16Offset(text, r.GetProperty("name_offset").GetInt32()) : -1;
            gold.Add(new GoldMention(file, start, end, mention, r.GetProperty("entity_id").GetString()!, r.GetProperty("script").GetString()!, nameStart, nameStart < 0 ? -1 : nameStart + name.Length));
        }

        return gold;
    }

    private static int Utf16Offset(string text, int codePoints)
    {
        int units = 0;
        for (int cp = 0; cp < codePoints; cp++)
        {
            units += char.IsHighSurrogate(text[units]) ? 2 : 1;
        }

        return units;
    }

    public static string ScriptOf(string text) => ScriptDetector.Of(text) switch
    {
        Script.Latin => "Latn",
        Script.Arabic => "Arab",
        Script.Devanagari => "Deva",
        var s => s.ToString(),
    };

    /// <summary>Runs the linker over every article; returns the scores (overall first) and a report of every error.</summary>
    /// <summary>The share of gold names (those that are substrings) found with exactly their span, and a list of the others.</summary>
    public static (double Share, string Report) ExactNames(Dictionary<string, IReadOnlyList<LinkedMention>> found)
    {
        var report = new StringBuilder();
        int total = 0, exact = 0;
        foreach (GoldMention g in Gold().Where(g => g.NameStart >= 0))
        {
            total++;
            if (found[g.File].Any(m => m.EntityId == g.EntityId && m.Start == g.NameStart && m.End == g.NameEnd))
            {
                exact++;
            }
            else
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"{g.File[..3]} {g.NameStart} '{g.Text}' {g.EntityId}: {string.Join(", ", found[g.File].Where(m => m.Start < g.End && g.Start < m.End).Select(m => $"'{m.Text}' {m.EntityId}"))}");
            }
        }

        return ((double)exact / total, report.ToString());
    }

    public static (List<LinkScore> Scores, string Report, Dictionary<string, IReadOnlyList<LinkedMention>> Found) Run(EntityLinker linker)
    {
        List<GoldMention> gold = Gold();
        var found = new Dictionary<string, IReadOnlyList<LinkedMention>>(StringComparer.Ordinal);
        var report = new StringBuilder();
        var rows = new List<(string Script, bool Correct)>();
        var goldRows = new List<(string Script, bool Found)>();
        foreach (string file in Files)
        {
            string text = Article(file);
            IReadOnlyList<LinkedMention> mentions = linker.Link(text);
            found[file] = mentions;
            var fileGold = gold.Where(g => g.File == file).ToList();
            foreach (LinkedMention m in mentions)
            {
                var overlapping = fileGold.Where(g => g.Start < m.End && m.Start < g.End).ToList();
                bool correct = overlapping.Any(g => g.EntityId == m.EntityId);
                string script = overlapping.Count > 0 ? overlapping[0].Script : ScriptOf(m.Text);
                rows.Add((script, correct));
                if (!correct)
                {
                    report.AppendLine(CultureInfo.InvariantCulture, $"FP {file[..3]} {m.Start} '{m.Text}' -> {m.EntityId} {m.Score:0.00} [{m.Evidence}] gold: {string.Join(", ", overlapping.Select(g => g.EntityId))}");
                }
            }

            foreach (GoldMention g in fileGold)
            {
                bool hit = mentions.Any(m => m.EntityId == g.EntityId && g.Start < m.End && m.Start < g.End);
                goldRows.Add((g.Script, hit));
                if (!hit)
                {
                    report.AppendLine(CultureInfo.InvariantCulture, $"FN {file[..3]} {g.Start} '{g.Text}' {g.EntityId}");
                }
            }
        }

        var scores = new List<LinkScore> { Score("all", rows, goldRows) };
        foreach (string script in new[] { "Arab", "Deva", "Latn" })
        {
            scores.Add(Score(script, rows.Where(r => r.Script == script).ToList(), goldRows.Where(r => r.Script == script).ToList()));
        }

        return (scores, report.ToString(), found);
    }

    private static LinkScore Score(string script, List<(string Script, bool Correct)> rows, List<(string Script, bool Found)> goldRows) =>
        new(script, rows.Count, rows.Count(r => r.Correct), goldRows.Count, goldRows.Count(r => r.Found));
}
