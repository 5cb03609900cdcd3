using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace EntityResolver.Cli.Pipeline;

/// <summary>Progress on an interactive stderr, and the one-line summary that always ends a run.</summary>
internal static class RunReport
{
    /// <summary>
    /// Runs <paramref name="body"/>; when stderr is a terminal, with a Spectre.Console progress
    /// display (rows, rows/s, and percentage and ETA when the input size is known). Nothing is
    /// drawn when stderr is redirected.
    /// </summary>
    public static T WithProgress<T>(CliConsole console, string label, long? length, Func<long> bytesConsumed, Func<Action<long>, T> body)
    {
        if (!console.IsErrorInteractive)
        {
            return body(_ => { });
        }

        IAnsiConsole ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Stderr) });
        return ansi.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask(label, maxValue: length is > 0 ? length.Value : 1);
                task.IsIndeterminate = length is not > 0;
                var clock = Stopwatch.StartNew();
                return body(rows =>
                {
                    double seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{label}: {rows:N0} rows, {rows / seconds:N0} rows/s");
                    if (length is > 0)
                    {
                        task.Value = Math.Min(length.Value, bytesConsumed());
                    }
                });
            });
    }

    /// <summary>The summary line: rows read, resolved, unmatched, errors, elapsed.</summary>
    public static void Summary(CliConsole console, string command, PipelineResult r) =>
        console.Stderr.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"entity-resolver {command}: {r.Read} rows read, {r.Resolved} resolved, {r.Unmatched} unmatched, {r.Errors} errors, {r.Elapsed.TotalSeconds:0.000} s"));
}
