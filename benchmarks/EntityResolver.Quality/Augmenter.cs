namespace EntityResolver.Quality;

/// <summary>One synthetic labelled query: <see cref="Text"/> against entity <see cref="EntityId"/>, and what it is (for the report).</summary>
internal sealed record AugmentedQuery(string Text, string EntityId, bool Match, string Shape);

/// <summary>
/// Training-pair augmentation from the multi-word names of one split of a dev set, for the shapes
/// the labelled queries lack. The score means "this query is a way to write this entity's name",
/// so:
/// <list type="bullet">
/// <item>positives: the surname alone, and given name + surname of a longer name, in each script
/// the entity has a name in (partial references to the same person);</item>
/// <item>negatives: the name of another entity of the split whose words contain all of this
/// entity's name plus words of its own (Qusay Saddam Hussein against Saddam Hussein); this name with
/// its given name swapped for another person's; an organization's name with words of another
/// organization's name added (a superset); another organization's name sharing a word with this
/// one while each has words the other lacks (one shared generic word).</item>
/// </list>
/// Only entities of the requested split are used, both as query source and as target, so pairs of
/// train entities never describe a held-out one. Everything is deterministic (ordered by FNV hashes).
/// </summary>
internal static class Augmenter
{
    public const string SurnameOnly = "surname only";

    /// <summary>The most frequent words of the organization names of a script (in three or more) are its generic words.</summary>
    private const int GenericWords = 30;

    /// <summary>At most this many pairs per entity and shape, and per shared word.</summary>
    private const int PerKey = 2;

    private sealed record Name(string EntityId, bool Person, string Script, string[] Given, string[] Surname, string Text)
    {
        public string[] Tokens => [.. Given, .. Surname];
    }

    public static List<AugmentedQuery> Build(DevDataset ds, SplitRole role)
    {
        var names = new List<Name>();
        foreach (Entity e in ds.Entities)
        {
            if (ds.EntityRoles[e.Id] != role || (!e.IsPerson && !string.Equals(e.Type, Entity.OrganizationType, StringComparison.Ordinal)))
            {
                continue;
            }

            // The primary name and the original-script names: one name per script is enough.
            var scripts = new HashSet<string>(StringComparer.Ordinal);
            IEnumerable<EntityName> candidates = e.Names.Take(1).Concat(ds.OriginalNames.TryGetValue(e.Id, out List<EntityName>? o) ? o : []);
            foreach (EntityName n in candidates)
            {
                if (Parse(e.Id, e.IsPerson, n.Script ?? "?", n.Text) is { } parsed && scripts.Add(parsed.Script))
                {
                    names.Add(parsed);
                }
            }
        }

        var output = new List<AugmentedQuery>();
        var seen = new HashSet<(string, string)>();
        void Add(string text, string id, bool match, string shape)
        {
            if (seen.Add((text, id)))
            {
                output.Add(new AugmentedQuery(text, id, match, shape));
            }
        }

        // How many organization names of each script hold a word: generic words (Company, Group,
        // Islamic) are in many, distinctive ones in one or two.
        var orgWordCount = new Dictionary<(string Script, string Word), int>();
        foreach (Name n in names.Where(n => !n.Person))
        {
            foreach (string t in n.Tokens.Select(Key).Distinct(StringComparer.Ordinal))
            {
                orgWordCount[(n.Script, t)] = orgWordCount.GetValueOrDefault((n.Script, t)) + 1;
            }
        }

        int OrgCount(string script, string token) => orgWordCount.GetValueOrDefault((script, Key(token)));
        var generic = orgWordCount.Where(kv => kv.Key.Word.Length >= 3).GroupBy(kv => kv.Key.Script)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Word, StringComparer.Ordinal).Take(GenericWords).Where(kv => kv.Value >= 3).Select(kv => kv.Key.Word).ToList());

        // Names of the same script, in a deterministic pseudo-random order, for picking "another" name.
        var byScript = names.GroupBy(n => (n.Script, n.Person)).ToDictionary(g => g.Key, g => g.OrderBy(n => DevDataset.Fnv(n.EntityId + n.Text)).ToList());
        foreach (Name n in names)
        {
            List<Name> peers = byScript[(n.Script, n.Person)];
            int start = (int)(DevDataset.Fnv(n.Text) % (uint)peers.Count);
            if (n.Person)
            {
                string surname = string.Join(' ', n.Surname);
                if (surname.Length >= 3)
                {
                    Add(surname, n.EntityId, true, SurnameOnly);
                }

                if (n.Given.Length >= 2)
                {
                    Add(n.Given[0] + " " + surname, n.EntityId, true, "given name + surname");
                }

                // Swapped given name: another person's given name before this surname (and middle names).
                for (int k = 0, made = 0; k < peers.Count && made < 1; k++)
                {
                    Name other = peers[(start + k) % peers.Count];
                    if (other.EntityId != n.EntityId && other.Given.Length > 0 && !Shares(other.Given[0], n.Tokens))
                    {
                        Add(string.Join(' ', new[] { other.Given[0] }.Concat(n.Given.Skip(1)).Concat(n.Surname)), n.EntityId, false, "swapped given name");
                        made++;
                    }
                }
            }
            else
            {
                // A superset: this organization's name with distinctive words of another organization's name.
                for (int k = 0, made = 0; k < peers.Count && made < 1; k++)
                {
                    Name other = peers[(start + k) % peers.Count];
                    string[] extra = [.. other.Tokens.Where(t => !Shares(t, n.Tokens) && OrgCount(n.Script, t) <= 2 && t.Length >= 3).Take(2)];
                    if (other.EntityId != n.EntityId && extra.Length > 0)
                    {
                        string text = DevDataset.Fnv(n.EntityId) % 2 == 0 ? string.Join(' ', extra.Concat(n.Tokens)) : string.Join(' ', n.Tokens.Concat(extra));
                        Add(text, n.EntityId, false, "organization name + words of its own");
                        made++;
                    }
                }

                // A generic descriptor (Company, Group, Agency) added to the name still names it.
                if (generic.TryGetValue(n.Script, out List<string>? words) && words.Count > 0)
                {
                    // One or two of them (Reuters News Agency), before or after the name.
                    string[] added = [.. new[] { words[start % words.Count], words[(start / 7) % words.Count] }.Distinct(StringComparer.Ordinal).Where(w => !Shares(w, n.Tokens)).Take(1 + (start % 2))];
                    if (added.Length > 0)
                    {
                        string descriptor = string.Join(' ', added).ToLowerInvariant();
                        Add(start % 3 == 0 ? descriptor + " " + string.Join(' ', n.Tokens) : string.Join(' ', n.Tokens) + " " + descriptor, n.EntityId, true, "organization name + generic words");
                    }

                    // The name's most generic word alone (House, Islamic, Bank) does not name it.
                    string common = n.Tokens.OrderByDescending(t => OrgCount(n.Script, t)).ThenBy(t => t, StringComparer.Ordinal).First();
                    if (OrgCount(n.Script, common) >= 3 && common.Length >= 3)
                    {
                        Add(common, n.EntityId, false, "a generic word of the name alone");
                    }
                }
            }
        }

        // Natural pairs through shared words: supersets (the query's words contain all of the
        // target's) and, for organizations, one shared word with words of its own on both sides.
        var byWord = new Dictionary<(string Script, bool Person, string Word), List<Name>>();
        foreach (Name n in names)
        {
            foreach (string t in n.Tokens.Select(Key).Distinct(StringComparer.Ordinal))
            {
                if (t.Length < 2)
                {
                    continue;
                }

                if (!byWord.TryGetValue((n.Script, n.Person, t), out List<Name>? list))
                {
                    byWord[(n.Script, n.Person, t)] = list = [];
                }

                list.Add(n);
            }
        }

        var perTarget = new Dictionary<(string, string), int>();
        foreach (var ((_, person, _), list) in byWord.OrderBy(kv => DevDataset.Fnv(kv.Key.Word)))
        {
            if (list.Count < 2)
            {
                continue;
            }

            List<Name> ordered = [.. list.OrderBy(n => DevDataset.Fnv(n.EntityId + n.Text))];
            int pairsOfWord = 0;
            for (int i = 0; i < ordered.Count && pairsOfWord < 4 * PerKey; i++)
            {
                for (int j = 0; j < ordered.Count && pairsOfWord < 4 * PerKey; j++)
                {
                    Name query = ordered[i], target = ordered[j];
                    if (query.EntityId == target.EntityId)
                    {
                        continue;
                    }

                    bool queryExtra = query.Tokens.Any(t => !Shares(t, target.Tokens));
                    bool targetExtra = target.Tokens.Any(t => !Shares(t, query.Tokens));
                    string shape = !queryExtra ? "" : !targetExtra ? "another entity's longer name" : person ? "" : "organizations sharing a word";
                    if (shape.Length == 0)
                    {
                        continue;
                    }

                    var key = (target.EntityId, shape);
                    perTarget.TryGetValue(key, out int count);
                    if (count >= PerKey)
                    {
                        continue;
                    }

                    perTarget[key] = count + 1;
                    pairsOfWord++;
                    Add(query.Text, target.EntityId, false, shape);
                }
            }
        }

        return output;
    }

    /// <summary>"SURNAME, Given Middle" (OFAC's order) or "Given Middle Surname"; the part before " / " (an acronym follows).</summary>
    private static Name? Parse(string id, bool person, string script, string text)
    {
        int slash = text.IndexOf(" / ", StringComparison.Ordinal);
        if (slash > 0)
        {
            text = text[..slash];
        }

        char[] separators = [' ', '\t', '(', ')', '"', ';'];
        int comma = text.IndexOf(',', StringComparison.Ordinal);
        string[] given, surname;
        if (person && comma > 0)
        {
            surname = text[..comma].Split(separators, StringSplitOptions.RemoveEmptyEntries);
            given = text[(comma + 1)..].Split(separators, StringSplitOptions.RemoveEmptyEntries);
        }
        else
        {
            string[] all = text.Replace(",", " ", StringComparison.Ordinal).Split(separators, StringSplitOptions.RemoveEmptyEntries);
            given = all.Length > 1 ? all[..^1] : [];
            surname = all.Length > 0 ? [all[^1]] : [];
        }

        given = [.. given.Where(t => !t.EndsWith('.'))];
        if (surname.Length == 0 || given.Length == 0 || given.Length + surname.Length > 6 || text.Any(char.IsDigit))
        {
            return null;
        }

        return new Name(id, person, script, given, surname, string.Join(' ', given.Concat(surname)));
    }

    private static string Key(string token) => token.ToUpperInvariant().Trim('-', '\'', '.');

    private static bool Shares(string token, string[] tokens) => tokens.Any(t => string.Equals(Key(t), Key(token), StringComparison.Ordinal));
}
