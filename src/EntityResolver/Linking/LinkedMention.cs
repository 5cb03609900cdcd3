namespace EntityResolver;

/// <summary>A mention of a registry entity found in running text.</summary>
/// <param name="Start">Offset of the name in the input, in UTF-16 code units (as .NET strings count them). Titles before the name are not part of the span.</param>
/// <param name="Length">Length of the name in UTF-16 code units.</param>
/// <param name="Text">The name as written in the input (the substring at <paramref name="Start"/>).</param>
/// <param name="EntityId">The id of the entity the mention refers to.</param>
/// <param name="Score">The resolver's probability that the written name refers to this entity, in [0, 1]; a bare surname accepted on context can score below the threshold.</param>
/// <param name="Evidence">Why the mention was linked to this entity.</param>
public sealed record LinkedMention(int Start, int Length, string Text, string EntityId, double Score, LinkEvidence Evidence)
{
    /// <summary>The offset just past the mention, in UTF-16 code units.</summary>
    public int End => Start + Length;
}

/// <summary>How a mention was accepted.</summary>
public enum LinkKind
{
    /// <summary>A name of two or more words, or a complete one-word name of the entity.</summary>
    Name,
    /// <summary>An acronym (IMF, or آئی ایم ایف spelled out in letters).</summary>
    Acronym,
    /// <summary>One word of a longer name (a bare surname or given name), accepted on context.</summary>
    PartialName,
}

/// <summary>The evidence behind one linking decision.</summary>
/// <param name="Kind">Full name, acronym or partial name.</param>
/// <param name="MatchedName">The entity's name that the mention matched best.</param>
/// <param name="Titles">Titles, ranks and honorifics written right before the name, as written (such as "Lt Gen").</param>
/// <param name="Rules">The context rules that decided, in English, one per line (such as "rank lieutenant-general before the name matches the entity's titles").</param>
/// <param name="Alternatives">Other entities the name could refer to, with their resolver scores, best first.</param>
/// <param name="Resolution">The resolver's one-line summary of the name match (such as a conflicting middle name: "Jamil / Jamal").</param>
public sealed record LinkEvidence(LinkKind Kind, string MatchedName, IReadOnlyList<string> Titles, IReadOnlyList<string> Rules, IReadOnlyList<string> Alternatives, string Resolution)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{Kind} via \"{MatchedName}\" ({Resolution})" + (Titles.Count > 0 ? $"; titles: {string.Join(" ", Titles)}" : string.Empty)
        + (Rules.Count > 0 ? "; " + string.Join("; ", Rules) : string.Empty);
}
