using System.Globalization;
using EntityResolver.Linking;
using EntityResolver.Text;

namespace EntityResolver;

/// <content>The second pass of linking: support for bare names and ranking by context (titles, kinship, the document).</content>
public sealed partial class EntityLinker
{
    private sealed partial class Pass
    {
        /// <summary>The second pass: bare names need support, and ambiguous names are ranked by context.</summary>
        private void Decide()
        {
            _mentions.Sort((a, b) => a.First != b.First ? a.First.CompareTo(b.First) : b.Last.CompareTo(a.Last));

            // Where each entity is first named in full.
            var firstFull = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (Mention m in _mentions)
            {
                if (m.Kind != LinkKind.PartialName)
                {
                    string id = m.Candidates[0].Match.EntityId;
                    if (!firstFull.ContainsKey(id))
                    {
                        firstFull[id] = m.First;
                    }
                }
            }

            for (int x = 0; x < _mentions.Count; x++)
            {
                Mention m = _mentions[x];
                m.TitlePhrases = TitleChain(m.NameFirst, m.First);
                m.Kin = Kin(m, x);
                m.NextKin = NextKin(m, x);
                if (m.Kind == LinkKind.PartialName)
                {
                    DecidePartial(m, firstFull);
                }
                else
                {
                    DecideFull(m, firstFull);
                }
            }
        }

        /// <summary>
        /// Adds to a bare word's candidates the persons that the document names in full and that
        /// have a name word like it (<see cref="PartialSimilarity"/>) when the resolver's first
        /// candidates for the word left them out: at a million entities a bare surname has hundreds
        /// of namesakes that write it exactly, and the person named earlier in the text need not be
        /// among the first eight. They are scored among themselves (<see cref="NameResolver.ResolveAmong"/>) and
        /// ranked by context with the others, where being named in full counts.
        /// </summary>
        private void AddNamedInFull(Mention m, Dictionary<string, int> firstFull)
        {
            Word word = _words[m.Last - 1];
            if (word.Forms is not { } forms)
            {
                return;
            }

            // The word's witnesses (when listed) hold every entity it resembles that closely: a
            // binary search spares most comparisons.
            int[]? witnesses = word.Hit.Witnesses;
            List<int>? aliases = null;
            foreach (string id in firstFull.Keys)
            {
                int e = Registry.IndexOf(id);
                if (e >= 0 && Registry.IsPersonAt(e) && (witnesses is null || Array.BinarySearch(witnesses, e) >= 0)
                    && !m.Candidates.Exists(c => string.Equals(c.Match.EntityId, id, StringComparison.Ordinal))
                    && _linker._gazetteer.Resembles(e, forms, PartialSimilarity))
                {
                    _linker._gazetteer.AliasesOf(e, aliases ??= []);
                }
            }

            if (aliases is null)
            {
                return;
            }

            // A new list: the verdict's is shared by every document with this word.
            var candidates = new List<Candidate>(m.Candidates);
            foreach (EntityMatch match in _linker.Resolver.ResolveAmong(_text.Substring(word.Start, word.Length), _linker._wordOptions, aliases))
            {
                if (Feature(match, "unmatched_query") <= 0.05 && MatchedTokens(match) == 1)
                {
                    candidates.Add(new Candidate { Match = match });
                }
            }

            m.Candidates = candidates;
        }

        private void DecideFull(Mention m, Dictionary<string, int> firstFull)
        {
            Candidate best = m.Candidates[0];
            var close = m.Candidates.Where(c => best.Match.Score - c.Match.Score <= Options.AmbiguityMargin).ToList();
            Candidate chosen = best;
            if (close.Count > 1)
            {
                var scored = close.Select(c => (Candidate: c, Context: Context(m, c.Match.Entity, firstFull, out var rules), Rules: rules)).ToList();
                var top = scored.OrderByDescending(s => s.Context).ThenByDescending(s => s.Candidate.Match.Score).First();
                chosen = top.Candidate;
                m.Rules.AddRange(top.Rules);
                if (!ReferenceEquals(chosen, best))
                {
                    m.Rules.Add(string.Create(CultureInfo.InvariantCulture, $"context preferred {chosen.Match.EntityId} over {best.Match.EntityId} (resolver scores {chosen.Match.Score:0.###} and {best.Match.Score:0.###})"));
                }
            }

            m.Chosen = chosen.Match.Entity;
            m.Score = chosen.Match.Score;
            m.MatchedName = chosen.Match.MatchedName;
            m.Summary = chosen.Match.Explanation?.Summary;
        }

        /// <summary>
        /// Whether a bare word met the entity only through words the lexicon knows as common names
        /// (the Ahmed of a four-word name): neither the document naming the entity in full nor
        /// other context makes such a word a mention of it (اہمیت, "importance", reads much like
        /// Ahmed); a title before it still does.
        /// </summary>
        private static bool ThroughCommonNamesOnly(EntityMatch match)
        {
            bool matched = false;
            foreach (TokenAlignment t in match.Explanation?.Tokens ?? [])
            {
                if (t.Outcome != TokenOutcome.Match || t.CandidateLatin is not { Length: > 0 } latin)
                {
                    continue;
                }

                matched = true;
                if (!Lexicon.Default.IsCommon(latin, Script.Latin, Phonetics.Encode(latin)))
                {
                    return false;
                }
            }

            return matched;
        }

        private void DecidePartial(Mention m, Dictionary<string, int> firstFull)
        {
            Word word = _words[m.Last - 1];
            // Rare: the word is long, one entity has a name word like it, almost exactly, and that
            // entity is the candidate (دہشتگردی is a word of one organization's name, which makes it
            // no rare name of the person it only resembles).
            bool rare = m.Candidates.Count == 1 && word.Hit.Entities == 1 && word.Forms is { } f && f.Latin.Length >= RareWordLength
                && word.Hit.Anchors is { } anchors && Array.BinarySearch(anchors, Registry.IndexOf(m.Candidates[0].Match.EntityId)) >= 0;
            AddNamedInFull(m, firstFull);

            // Whatever the context, a bare word the resolver scores under half the threshold is no
            // mention: a common word that only resembles the surname of a person named in full.
            double floor = Options.Threshold * BareNameFactor;
            if (m.Candidates.Exists(c => c.Match.Score < floor))
            {
                m.Candidates = m.Candidates.FindAll(c => c.Match.Score >= floor);
            }

            if (m.Candidates.Count == 0)
            {
                m.Rejected = true;
                return;
            }

            // A rank, an office or an honorific supports a bare name; a role word (chief, deputy) does not.
            bool hasTitle = m.TitlePhrases.Any(t => t.Kind is TitleKind.Rank or TitleKind.Office or TitleKind.Honorific);
            var scored = new List<(Candidate Candidate, double Context, List<string> Rules, bool InDocument)>();
            foreach (Candidate c in m.Candidates)
            {
                double context = Context(m, c.Match.Entity, firstFull, out var rules);
                scored.Add((c, context, rules, firstFull.ContainsKey(c.Match.EntityId)));
            }

            var ordered = scored
                .OrderByDescending(s => s.Context)
                .ThenBy(s => firstFull.TryGetValue(s.Candidate.Match.EntityId, out int at) ? at : int.MaxValue)
                .ThenByDescending(s => s.Candidate.Match.Score)
                .ToList();
            var top = ordered[0];
            bool rankConflict = top.Rules.Any(r => r.StartsWith("title conflict", StringComparison.Ordinal));
            bool shortWord = word.Normalized.Length <= 3 && word.Forms?.Script != Script.Latin;

            string? support = null;
            if (hasTitle && !rankConflict)
            {
                support = "a title stands before the name";
            }
            else if (shortWord || ThroughCommonNamesOnly(top.Candidate.Match))
            {
                support = null;
            }
            else if (top.InDocument)
            {
                support = $"{top.Candidate.Match.EntityId} is named in full in this document";
            }
            else if (top.Context > 0)
            {
                support = "the context points to this entity";
            }
            else if (rare)
            {
                support = "a rare, long name word that only this entity has";
            }

            if (support is null)
            {
                m.Rejected = true;
                return;
            }

            m.Rules.Add("bare name accepted: " + support);
            m.Rules.AddRange(top.Rules);
            if (ordered.Count > 1 && top.Rules.Count == 0 && top.InDocument)
            {
                m.Rules.Add(ordered.Count(o => o.InDocument) > 1
                    ? $"several entities with this name are named in full; {top.Candidate.Match.EntityId} is named first"
                    : $"the only entity with this name that the document names in full");
            }

            m.Chosen = top.Candidate.Match.Entity;
            m.Score = top.Candidate.Match.Score;
            m.MatchedName = top.Candidate.Match.MatchedName;
            m.Summary = top.Candidate.Match.Explanation?.Summary;
            m.Candidates = [.. ordered.Select(o => o.Candidate)];
        }

        /// <summary>Context score of <paramref name="entity"/> for mention <paramref name="m"/>: ranks, kinship, presence in the document.</summary>
        private double Context(Mention m, Entity entity, Dictionary<string, int> firstFull, out List<string> rules)
        {
            rules = [];
            double score = 0;
            if (firstFull.ContainsKey(entity.Id))
            {
                score += 1;
            }

            // Ranks and offices written before the mention against the entity's titles.
            if (m.TitlePhrases.Count > 0 && Registry.IndexOf(entity.Id) is int e and >= 0)
            {
                var words = new List<string>();
                foreach (var (first, last, _) in m.TitlePhrases)
                {
                    for (int k = first; k < last; k++)
                    {
                        words.Add(Key(_words[k]));
                    }
                }

                ulong written = _lexicon.RankClasses(words);
                ulong held = Registry.RankClassesAt(e);
                if (written != 0 && held != 0)
                {
                    string titles = Written(m.TitlePhrases[0].First, m.TitlePhrases[^1].Last);
                    if ((written & held) != 0)
                    {
                        score += 2;
                        rules.Add($"title \"{titles}\" ({ClassNames(written & held)}) agrees with the titles of {entity.Id}");
                    }
                    else
                    {
                        score -= 2;
                        rules.Add($"title conflict: \"{titles}\" ({ClassNames(written)}) but {entity.Id} is {ClassNames(held)}");
                    }
                }
            }

            if (m.Kin is { } kin)
            {
                var (relation, antecedent, word) = kin;
                if (Related(relation, antecedent, entity))
                {
                    score += 1.5;
                    rules.Add($"\"{word}\" after {antecedent.Id}: the registry says {entity.Id} is its {relation.ToString().ToLowerInvariant()}");
                }
            }

            // "X arrived with his son, Y ...": the mention is the parent of the name that follows.
            if (m.NextKin is { } next && Related(next.Relation, entity, next.Relative))
            {
                score += 1.5;
                rules.Add($"\"{next.Word}\" {next.Relative.Id} follows: the registry says it is the {next.Relation.ToString().ToLowerInvariant()} of {entity.Id}");
            }

            return score;
        }

        /// <summary>A kinship word just before the mention's titles, and the entity linked just before that word.</summary>
        private (Kinship Relation, Entity Antecedent, string Word)? Kin(Mention m, int index)
        {
            int start = m.TitlePhrases.Count > 0 ? m.TitlePhrases[0].First : m.NameFirst;
            for (int k = start - 1; k >= Math.Max(0, start - KinshipWindow); k--)
            {
                Word next = _words[k + 1];
                if (next.HardBefore && !next.CommaBefore)
                {
                    return null;
                }

                if (LinkLexicon.Default.KinshipWords.TryGetValue(_words[k].Normalized, out Kinship relation))
                {
                    // Mentions are sorted by start and none is longer than 32 words: look back only that far.
                    for (int x = index - 1; x >= 0 && _mentions[x].First + 32 + AntecedentWindow >= k; x--)
                    {
                        Mention a = _mentions[x];
                        if (a.Chosen is not null && !a.Rejected && a.Last <= k && k - a.Last <= AntecedentWindow)
                        {
                            return (relation, a.Chosen, Written(k, k + 1));
                        }
                    }

                    return null;
                }
            }

            return null;
        }

        private string ClassNames(ulong classes)
        {
            var names = new List<string>();
            for (int bit = 0; bit < _lexicon.RankClassNames.Length && bit < 64; bit++)
            {
                if ((classes & (1UL << bit)) != 0)
                {
                    names.Add(_lexicon.RankClassNames[bit]);
                }
            }

            return string.Join(", ", names);
        }

        /// <summary>A kinship word just after the mention ("arrived with his son,"), and the entity named in full right after it.</summary>
        private (Kinship Relation, Entity Relative, string Word)? NextKin(Mention m, int index)
        {
            for (int k = m.Last; k < Math.Min(_words.Count, m.Last + KinshipWindow + 1); k++)
            {
                if (_words[k].HardBefore && !_words[k].CommaBefore)
                {
                    return null;
                }

                if (!LinkLexicon.Default.KinshipWords.TryGetValue(_words[k].Normalized, out Kinship relation))
                {
                    continue;
                }

                for (int y = index + 1; y < _mentions.Count && _mentions[y].First <= k + 8; y++)
                {
                    Mention next = _mentions[y];
                    if (next.First > k && next.Kind != LinkKind.PartialName && next.Candidates.Count > 0)
                    {
                        return (relation, next.Candidates[0].Match.Entity, Written(k, k + 1));
                    }
                }

                return null;
            }

            return null;
        }

        private static bool Related(Kinship relation, Entity antecedent, Entity entity)
        {
            static bool Has(Entity from, string type, Entity to) =>
                from.Relations.Any(r => string.Equals(r.Type, type, StringComparison.Ordinal) && string.Equals(r.Target, to.Id, StringComparison.Ordinal));

            return relation switch
            {
                Kinship.Child => Has(antecedent, "parent_of", entity) || Has(entity, "child_of", antecedent),
                Kinship.Parent => Has(entity, "parent_of", antecedent) || Has(antecedent, "child_of", entity),
                Kinship.Sibling => Has(entity, "sibling_of", antecedent) || Has(antecedent, "sibling_of", entity),
                _ => false,
            };
        }
    }
}
