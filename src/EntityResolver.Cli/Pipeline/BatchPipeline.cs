using System.Diagnostics;
using System.Threading.Channels;
using EntityResolver.Cli.IO;

namespace EntityResolver.Cli.Pipeline;

/// <summary>What to do with a row that cannot be read.</summary>
internal enum OnError
{
    /// <summary>Stop at the first bad row: exit code 2, its line on stderr (the rows before it are written).</summary>
    Fail,

    /// <summary>Leave the row out of the output and go on; exit code 1 at the end.</summary>
    Skip,

    /// <summary>Write an error row naming the line in its place and go on; exit code 1 at the end.</summary>
    Report,
}

/// <summary>The counts of a pipeline run.</summary>
internal sealed class PipelineResult
{
    public long Read { get; set; }

    public long Resolved { get; set; }

    public long Unmatched { get; set; }

    public long Errors { get; set; }

    /// <summary>Under <see cref="OnError.Fail"/>: the row that stopped the run.</summary>
    public InputRecord? FailedAt { get; set; }

    public TimeSpan Elapsed { get; set; }
}

/// <summary>
/// Reads records, resolves them (on one thread, or on N with a bounded pipeline) and writes one
/// output row per input row in input order. Memory is bounded: at most a few batches per thread
/// are in flight, whatever the length of the input.
/// </summary>
internal sealed class BatchPipeline
{
    private const int BatchSize = 256;
    private readonly Func<string, IReadOnlyList<EntityMatch>> _resolve;
    private readonly int _threads;
    private readonly OnError _onError;

    public BatchPipeline(Func<string, IReadOnlyList<EntityMatch>> resolve, int threads, OnError onError)
    {
        _resolve = resolve;
        _threads = threads;
        _onError = onError;
    }

    /// <summary>Per-query latencies (recorded on whichever thread resolved the query).</summary>
    public LatencyHistogram Latencies { get; } = new();

    /// <summary>Runs the pipeline. <paramref name="next"/> yields records in input order; <paramref name="progress"/> gets the row count now and then.</summary>
    public PipelineResult Run(Func<InputRecord?> next, ResultWriter writer, Action<long> progress)
    {
        long start = Stopwatch.GetTimestamp();
        var result = new PipelineResult();
        if (_threads <= 1)
        {
            while (next() is { } record)
            {
                if (!Emit(Process(record), writer, result, progress))
                {
                    break;
                }
            }
        }
        else
        {
            RunParallel(next, writer, result, progress);
        }

        writer.Flush();
        progress(result.Read);
        result.Elapsed = Stopwatch.GetElapsedTime(start);
        return result;
    }

    private void RunParallel(Func<InputRecord?> next, ResultWriter writer, PipelineResult result, Action<long> progress)
    {
        TaskScheduler scheduler = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, _threads).ConcurrentScheduler;
        var channel = Channel.CreateBounded<Task<Row[]>>(new BoundedChannelOptions(_threads * 4) { SingleReader = true, SingleWriter = true });
        using var cts = new CancellationTokenSource();
        Task producer = Task.Run(
            async () =>
            {
                try
                {
                    while (!cts.IsCancellationRequested)
                    {
                        var batch = new List<InputRecord>(BatchSize);
                        while (batch.Count < BatchSize && next() is { } record)
                        {
                            batch.Add(record);
                        }

                        if (batch.Count == 0)
                        {
                            break;
                        }

                        Task<Row[]> work = Task.Factory.StartNew(() => batch.Select(Process).ToArray(), cts.Token, TaskCreationOptions.DenyChildAttach, scheduler);
                        await channel.Writer.WriteAsync(work, cts.Token).ConfigureAwait(false);
                    }

                    channel.Writer.TryComplete();
                }
                catch (OperationCanceledException)
                {
                    channel.Writer.TryComplete();
                }
                catch (Exception ex)
                {
                    channel.Writer.TryComplete(ex);
                }
            },
            CancellationToken.None);

        try
        {
            bool go = true;
            while (go && channel.Reader.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
            {
                while (go && channel.Reader.TryRead(out Task<Row[]>? work))
                {
                    foreach (Row row in work.GetAwaiter().GetResult())
                    {
                        if (!Emit(row, writer, result, progress))
                        {
                            go = false;
                            break;
                        }
                    }
                }
            }
        }
        finally
        {
            cts.Cancel();
            while (channel.Reader.TryRead(out _))
            {
                // drain so that a producer blocked on a full channel can finish
            }

            producer.GetAwaiter().GetResult();
        }
    }

    private Row Process(InputRecord record)
    {
        if (record.Error is not null || record.Name is null)
        {
            return new Row(record, null);
        }

        long t0 = Stopwatch.GetTimestamp();
        IReadOnlyList<EntityMatch> matches;
        try
        {
            matches = _resolve(record.Name);
        }
        catch (ArgumentException ex)
        {
            return new Row(record with { Error = ex.Message }, null);
        }

        Latencies.Record(Stopwatch.GetElapsedTime(t0).TotalMicroseconds);
        return new Row(record, matches);
    }

    /// <summary>Writes one row; false when the run must stop (a bad row under <see cref="OnError.Fail"/>).</summary>
    private bool Emit(Row row, ResultWriter writer, PipelineResult result, Action<long> progress)
    {
        result.Read++;
        if (row.Matches is null)
        {
            result.Errors++;
            switch (_onError)
            {
                case OnError.Fail:
                    result.FailedAt = row.Record;
                    return false;
                case OnError.Report:
                    writer.WriteError(row.Record);
                    break;
            }
        }
        else
        {
            writer.WriteResult(row.Record, row.Matches);
            if (row.Matches.Count > 0)
            {
                result.Resolved++;
            }
            else
            {
                result.Unmatched++;
            }
        }

        if ((result.Read & 511) == 0)
        {
            progress(result.Read);
        }

        return true;
    }

    private readonly record struct Row(InputRecord Record, IReadOnlyList<EntityMatch>? Matches);
}
