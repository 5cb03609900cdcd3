namespace EntityResolver.Cli.Pipeline;

/// <summary>
/// Latencies in logarithmic buckets (2 % wide, from 0.1 µs to beyond a minute): fixed memory
/// whatever the number of queries, thread-safe recording, percentiles within 1 %.
/// </summary>
internal sealed class LatencyHistogram
{
    private const double MinUs = 0.1;
    private const double Growth = 1.02;
    private static readonly double LogGrowth = Math.Log(Growth);
    private readonly long[] _buckets = new long[1200];
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Record(double microseconds)
    {
        int index = microseconds <= MinUs ? 0 : Math.Min(_buckets.Length - 1, (int)(Math.Log(microseconds / MinUs) / LogGrowth));
        Interlocked.Increment(ref _buckets[index]);
        Interlocked.Increment(ref _count);
    }

    /// <summary>The latency at quantile <paramref name="q"/> (0..1), in microseconds; 0 when empty.</summary>
    public double Percentile(double q)
    {
        long count = Count;
        if (count == 0)
        {
            return 0;
        }

        long rank = Math.Max(1, (long)Math.Ceiling(q * count));
        long seen = 0;
        for (int i = 0; i < _buckets.Length; i++)
        {
            seen += Interlocked.Read(ref _buckets[i]);
            if (seen >= rank)
            {
                // The geometric middle of the bucket.
                return MinUs * Math.Pow(Growth, i + 0.5);
            }
        }

        return MinUs * Math.Pow(Growth, _buckets.Length);
    }
}
