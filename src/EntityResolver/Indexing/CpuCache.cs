using System.Runtime.Intrinsics.X86;

namespace EntityResolver.Indexing;

/// <summary>Asking the CPU for data ahead of its use, so that the cache misses of independent loads overlap.</summary>
internal static class CpuCache
{
    /// <summary>Asks the CPU to load the cache line of <paramref name="location"/> (no effect without SSE).</summary>
    public static unsafe void Prefetch<T>(ref readonly T location)
        where T : unmanaged
    {
        if (Sse.IsSupported)
        {
            fixed (T* p = &location)
            {
                Sse.Prefetch0(p);
            }
        }
    }
}
