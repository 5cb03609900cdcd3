using System.Runtime.InteropServices;

namespace EntityResolver.Benchmarks;

/// <summary>
/// CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID): on a shared, loaded machine it
/// shows what a query costs without the time spent waiting for a core.
/// </summary>
internal static partial class CpuClock
{
    private const int ClockThreadCpuTime = 3;

    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && TryNow(out _);

    /// <summary>Thread CPU time in microseconds (0 when unavailable).</summary>
    public static double NowMicroseconds() => IsAvailable && TryNow(out double us) ? us : 0;

    private static bool TryNow(out double microseconds)
    {
        try
        {
            if (ClockGetTime(ClockThreadCpuTime, out TimeSpec ts) == 0)
            {
                microseconds = (ts.Seconds * 1e6) + (ts.Nanoseconds / 1e3);
                return true;
            }
        }
        catch (DllNotFoundException)
        {
        }
        catch (EntryPointNotFoundException)
        {
        }

        microseconds = 0;
        return false;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
