using System.Text;
using EntityResolver.Text;
using FuzzySharp;

namespace EntityResolver.Quality;

/// <summary>
/// The naive baseline: ICU Any-Latin on the query, then FuzzySharp WRatio against every alias of
/// the registry (after FuzzySharp's default preprocessing: lower case, non-alphanumerics to
/// spaces). The best alias is what <c>Process.ExtractOne</c> returns; the score is WRatio / 100.
/// </summary>
internal sealed class FuzzyBaseline
{
    private readonly string[] _choices;
    private readonly int[] _entityOf;

    public FuzzyBaseline(EntityRegistry registry)
    {
        var choices = new List<string>();
        var owners = new List<int>();
        for (int i = 0; i < registry.Entities.Count; i++)
        {
            foreach (EntityName n in registry.Entities[i].Names)
            {
                string p = Preprocess(n.Text);
                if (p.Length > 0)
                {
                    choices.Add(p);
                    owners.Add(i);
                }
            }
        }

        _choices = [.. choices];
        _entityOf = [.. owners];
    }

    /// <summary>The best score per entity, best first (at most <paramref name="top"/>).</summary>
    public List<(int Entity, double Score)> Rank(string query, int top)
    {
        string q = Preprocess(Icu.ToLatin(query) ?? query);
        var best = new Dictionary<int, int>();
        if (q.Length == 0)
        {
            return [];
        }

        for (int i = 0; i < _choices.Length; i++)
        {
            int s = Fuzz.WeightedRatio(q, _choices[i]);
            if (s > 0 && (!best.TryGetValue(_entityOf[i], out int cur) || s > cur))
            {
                best[_entityOf[i]] = s;
            }
        }

        return [.. best.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(top).Select(kv => (kv.Key, kv.Value / 100.0))];
    }

    private static string Preprocess(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            sb.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return sb.ToString().Trim();
    }
}
