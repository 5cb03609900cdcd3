using System.Globalization;
using EntityResolver.Text;

namespace EntityResolver.Quality;

/// <summary>
/// The shares behind <c>NameResolver.PalladiusShare</c> and <c>NameResolver.PolivanovShare</c>:
/// of netranslit-ru-train's one-word queries of the train split (entities no evaluation reads)
/// that have a Palladius (pinyin) or a Polivanov (Hepburn) spelling, how many have a gold
/// entity with a Latin word spelled so, as the spelling stage compares them (the romanization,
/// <c>TokenForms.Latin</c>).
/// </summary>
internal static class SystemShares
{
    public static int Run(string dev)
    {
        DevDataset set = DevDataset.Load(dev, "netranslit-ru-train");
        EntityRegistry registry = EntityRegistry.Create(set.Entities);
        var words = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (AliasRecord alias in registry.Aliases)
        {
            string id = registry.EntityAt(alias.EntityIndex).Id;
            if (!words.TryGetValue(id, out HashSet<string>? latin))
            {
                words[id] = latin = new HashSet<string>(StringComparer.Ordinal);
            }

            foreach (NameToken t in alias.Name.Tokens)
            {
                if (t.Forms.Script == Script.Latin)
                {
                    latin.Add(t.Forms.Latin);
                }
            }
        }

        var analyzer = new NameAnalyzer();
        int pinyinWords = 0, pinyinGold = 0, hepburnWords = 0, hepburnGold = 0;
        foreach (DevPair pair in set.Pairs)
        {
            if (set.RoleOf(pair) != SplitRole.Train)
            {
                continue;
            }

            AnalyzedName primary = analyzer.AnalyzeQuery(pair.Query).Primary;
            if (primary.NameTokenCount != 1 || primary.Tokens.Length != 1 || primary.Tokens[0].Forms.Script != Script.Cyrillic)
            {
                continue;
            }

            bool Gold(string spelling) => pair.GoldIds.Any(id => words.TryGetValue(id, out HashSet<string>? latin) && latin.Contains(spelling));
            if (analyzer.PinyinReading(primary) is { } pinyin)
            {
                pinyinWords++;
                pinyinGold += Gold(pinyin.Tokens[0].Forms.Latin) ? 1 : 0;
            }

            if (Polivanov.Hepburn(primary.Tokens[0].Forms.Normalized) is { } hepburn)
            {
                hepburnWords++;
                hepburnGold += Gold(hepburn) ? 1 : 0;
            }
        }

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"netranslit-ru-train, one-word queries of the train split: Palladius (pinyin) {pinyinGold} of {pinyinWords} = {(double)pinyinGold / pinyinWords:0.00}; Polivanov (Hepburn) {hepburnGold} of {hepburnWords} = {(double)hepburnGold / hepburnWords:0.00}"));
        return 0;
    }
}
