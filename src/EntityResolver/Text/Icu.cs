using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace EntityResolver.Text;

/// <summary>
/// ICU's rule-based transliterator ("Any-Latin; Latin-ASCII") over the platform ICU 4C library,
/// through P/Invoke. ICU serializes transliteration behind a process-wide lock, so results are
/// cached, and the matcher only calls it for scripts without built-in rules (Greek, Hebrew,
/// Armenian, Georgian, Bengali, Thai, CJK, ...), once per distinct token. When ICU cannot be
/// loaded, <see cref="IsAvailable"/> is false and such tokens are compared as written.
/// </summary>
internal static unsafe class Icu
{
    private static readonly Lazy<Native?> NativeApi = new(Native.TryLoad, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);
    private const int MaxCacheEntries = 100_000;
    private static readonly Lock Gate = new();

    /// <summary>Whether the platform ICU was found and its transliterator opened.</summary>
    public static bool IsAvailable => NativeApi.Value is not null;

    /// <summary>A short description of the ICU that was loaded, or why none was.</summary>
    public static string Description => NativeApi.Value?.Description ?? Native.LoadError ?? "ICU not loaded";

    /// <summary>Romanizes <paramref name="text"/> to lower-case ASCII; null when ICU is unavailable.</summary>
    public static string? ToLatin(string text)
    {
        if (Cache.TryGetValue(text, out string? cached))
        {
            return cached;
        }

        Native? api = NativeApi.Value;
        if (api is null)
        {
            return null;
        }

        string result;
        lock (Gate)
        {
            result = api.Transliterate(text);
        }

        if (Cache.Count < MaxCacheEntries)
        {
            Cache.TryAdd(text, result);
        }

        return result;
    }

    private sealed class Native
    {
        private const string Rules = "Any-Latin; Latin-ASCII; Lower";
        private readonly IntPtr _transliterator;
        private readonly delegate* unmanaged<IntPtr, char*, int*, int, int, int*, int*, void> _trans;

        public static string? LoadError { get; private set; }

        public string Description { get; }

        private Native(IntPtr transliterator, delegate* unmanaged<IntPtr, char*, int*, int, int, int*, int*, void> trans, string description)
        {
            _transliterator = transliterator;
            _trans = trans;
            Description = description;
        }

        public static Native? TryLoad()
        {
            try
            {
                foreach (string name in CandidateLibraries())
                {
                    if (!NativeLibrary.TryLoad(name, out IntPtr lib))
                    {
                        continue;
                    }

                    string? suffix = FindSuffix(lib);
                    if (suffix is null)
                    {
                        continue;
                    }

                    var open = (delegate* unmanaged<char*, int, int, IntPtr, int, IntPtr, int*, IntPtr>)NativeLibrary.GetExport(lib, "utrans_openU" + suffix);
                    var trans = (delegate* unmanaged<IntPtr, char*, int*, int, int, int*, int*, void>)NativeLibrary.GetExport(lib, "utrans_transUChars" + suffix);
                    int status = 0;
                    IntPtr handle;
                    fixed (char* rules = Rules)
                    {
                        handle = open(rules, Rules.Length, 0, IntPtr.Zero, 0, IntPtr.Zero, &status);
                    }

                    if (status > 0 || handle == IntPtr.Zero)
                    {
                        LoadError = $"ICU transliterator could not be opened (status {status}) from {name}";
                        continue;
                    }

                    return new Native(handle, trans, $"{name} (utrans{suffix})");
                }

                LoadError ??= "the platform ICU library (libicui18n) was not found";
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
            {
                LoadError = "ICU could not be loaded: " + ex.Message;
            }

            return null;
        }

        private static IEnumerable<string> CandidateLibraries()
        {
            if (OperatingSystem.IsWindows())
            {
                yield return "icu.dll";
                yield break;
            }

            if (OperatingSystem.IsMacOS())
            {
                yield return "/usr/lib/libicucore.dylib";
                yield break;
            }

            yield return "libicui18n.so";
            for (int v = 90; v >= 50; v--)
            {
                yield return "libicui18n.so." + v;
            }
        }

        private static string? FindSuffix(IntPtr lib)
        {
            if (NativeLibrary.TryGetExport(lib, "utrans_openU", out _))
            {
                return string.Empty;
            }

            for (int v = 90; v >= 50; v--)
            {
                if (NativeLibrary.TryGetExport(lib, "utrans_openU_" + v, out _))
                {
                    return "_" + v;
                }
            }

            return null;
        }

        public string Transliterate(string text)
        {
            int capacity = (text.Length * 4) + 16;
            char[] buffer = new char[capacity];
            text.CopyTo(0, buffer, 0, text.Length);
            int length = text.Length;
            int limit = text.Length;
            int status = 0;
            fixed (char* p = buffer)
            {
                _trans(_transliterator, p, &length, capacity, 0, &limit, &status);
            }

            return status > 0 ? string.Empty : new string(buffer, 0, Math.Min(length, capacity));
        }
    }
}
