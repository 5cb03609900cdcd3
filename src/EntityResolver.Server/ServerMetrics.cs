using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace EntityResolver.Server;

/// <summary>
/// Counters of the server, published two ways: as <see cref="System.Diagnostics.Metrics"/>
/// instruments on the meter <c>EntityResolver.Server</c> (for OpenTelemetry or dotnet-counters),
/// and as Prometheus text at <c>/metrics</c>.
/// </summary>
internal sealed class ServerMetrics : IDisposable
{
    public const string MeterName = "EntityResolver.Server";
    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _names;
    private readonly Counter<long> _writes;
    private readonly Histogram<double> _duration;
    private readonly ConcurrentDictionary<(string Method, string Route, int Status), long> _requestCounts = new();
    private long _namesResolved;
    private long _writesApplied;
    private long _writeGroups;
    private double _lastWriteSeconds;
    private RegistrySnapshot? _snapshot;

    public ServerMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _requests = _meter.CreateCounter<long>("entityresolver.http.requests", description: "HTTP requests by method, route and status");
        _duration = _meter.CreateHistogram<double>("entityresolver.http.duration", unit: "s", description: "HTTP request duration");
        _names = _meter.CreateCounter<long>("entityresolver.names.resolved", description: "Names resolved (single, batch and reconciliation)");
        _writes = _meter.CreateCounter<long>("entityresolver.registry.writes", description: "Entity writes and deletes committed");
        _meter.CreateObservableGauge("entityresolver.registry.entities", () => (long)(_snapshot?.Registry.Count ?? 0), description: "Entities in the current snapshot");
        _meter.CreateObservableGauge("entityresolver.registry.version", () => _snapshot?.Version ?? 0, description: "Version of the current snapshot");
    }

    public void RecordRequest(string method, string route, int status, double seconds)
    {
        _requestCounts.AddOrUpdate((method, route, status), 1, static (_, n) => n + 1);
        var tags = new TagList { { "method", method }, { "route", route }, { "status", status } };
        _requests.Add(1, tags);
        _duration.Record(seconds, tags);
    }

    public void RecordNames(int count)
    {
        Interlocked.Add(ref _namesResolved, count);
        _names.Add(count);
    }

    public void RecordWrites(int count, double seconds)
    {
        Interlocked.Add(ref _writesApplied, count);
        Interlocked.Increment(ref _writeGroups);
        Volatile.Write(ref _lastWriteSeconds, seconds);
        _writes.Add(count);
    }

    public void SetRegistry(RegistrySnapshot snapshot) => Volatile.Write(ref _snapshot, snapshot);

    /// <summary>The counters in the Prometheus text exposition format.</summary>
    public string ToPrometheusText()
    {
        var sb = new StringBuilder();
        sb.AppendLine("# HELP entityresolver_http_requests_total HTTP requests by method, route and status.");
        sb.AppendLine("# TYPE entityresolver_http_requests_total counter");
        foreach (var ((method, route, status), count) in _requestCounts.OrderBy(kv => kv.Key.Route, StringComparer.Ordinal).ThenBy(kv => kv.Key.Method, StringComparer.Ordinal).ThenBy(kv => kv.Key.Status))
        {
            sb.Append(CultureInfo.InvariantCulture, $"entityresolver_http_requests_total{{method=\"{method}\",route=\"{Escape(route)}\",status=\"{status}\"}} {count}\n");
        }

        RegistrySnapshot? snapshot = Volatile.Read(ref _snapshot);
        Line(sb, "entityresolver_names_resolved_total", "counter", "Names resolved (single, batch and reconciliation).", Interlocked.Read(ref _namesResolved));
        Line(sb, "entityresolver_registry_writes_total", "counter", "Entity writes and deletes committed.", Interlocked.Read(ref _writesApplied));
        Line(sb, "entityresolver_registry_write_groups_total", "counter", "Groups of writes committed together (one rebuild each).", Interlocked.Read(ref _writeGroups));
        Line(sb, "entityresolver_registry_last_write_seconds", "gauge", "Commit plus rebuild time of the last group of writes.", Volatile.Read(ref _lastWriteSeconds));
        Line(sb, "entityresolver_registry_entities", "gauge", "Entities in the current snapshot.", snapshot?.Registry.Count ?? 0);
        Line(sb, "entityresolver_registry_names", "gauge", "Names in the current snapshot.", snapshot?.Registry.NameCount ?? 0);
        Line(sb, "entityresolver_registry_version", "gauge", "Version of the current snapshot.", snapshot?.Version ?? 0);
        Line(sb, "process_working_set_bytes", "gauge", "Working set of the server process.", Environment.WorkingSet);
        return sb.ToString();
    }

    public void Dispose() => _meter.Dispose();

    private static void Line(StringBuilder sb, string name, string type, string help, double value)
    {
        sb.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n{name} {value}\n");
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
