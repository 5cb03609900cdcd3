namespace EntityResolver;

/// <summary>
/// What the transliteration layer runs on. Arabic script (Arabic, Urdu, Persian), Devanagari,
/// Cyrillic and Latin use built-in, name-aware rules and need nothing else. Other scripts
/// (Greek, Hebrew, Armenian, Bengali, CJK, ...) are romanized with the platform's ICU library
/// when it can be loaded; without it, names in those scripts only match as written.
/// </summary>
public static class Transliteration
{
    /// <summary>Whether the platform ICU transliterator was found (it is loaded on first use).</summary>
    public static bool IcuAvailable => Text.Icu.IsAvailable;

    /// <summary>Which ICU library was loaded, or why none was, in a sentence fit for a log.</summary>
    public static string IcuStatus => Text.Icu.IsAvailable
        ? "ICU transliteration available: " + Text.Icu.Description
        : "ICU transliteration unavailable (" + Text.Icu.Description + "); names in scripts other than Latin, Arabic, Devanagari and Cyrillic are compared as written";
}
