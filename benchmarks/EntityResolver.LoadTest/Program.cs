using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

// A small, bounded load client for the EntityResolver server, on loopback only.
//
//   run       --url http://127.0.0.1:PORT [--duration 15] [--concurrency 8] [--writers 1] [--api-key KEY]
//             Resolves registry names (fetched from the server) with POST /v1/resolve for at most 20 s,
//             optionally while writers PUT and DELETE entities, and prints throughput and latency.
//   registry  --out FILE --count N FILE.jsonl[.gz]...
//             Writes a registry of the first N distinct entities of the given JSON Lines files.
return args.Length > 0 && args[0] == "registry" ? await Registry.RunAsync(args[1..]) : await Load.RunAsync(args.Length > 0 && args[0] == "run" ? args[1..] : args);

internal static class Arguments
{
    public static string? Get(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public static int GetInt(string[] args, string name, int fallback) =>
        Get(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
}

internal static class Load
{
    private const int MaxDurationSeconds = 20;

    public static async Task<int> RunAsync(string[] args)
    {
        if (Arguments.Get(args, "--url") is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out Uri? baseUri))
        {
            Console.Error.WriteLine("usage: run --url http://127.0.0.1:PORT [--duration S (<= 20)] [--concurrency N] [--writers N] [--api-key KEY]");
            return 2;
        }

        if (!IPAddress.TryParse(baseUri.Host, out IPAddress? ip) || !IPAddress.IsLoopback(ip))
        {
            Console.Error.WriteLine($"error: --url must be a loopback address such as http://127.0.0.1:5000 (was {url}).");
            return 2;
        }

        int duration = Math.Clamp(Arguments.GetInt(args, "--duration", 15), 1, MaxDurationSeconds);
        int concurrency = Math.Clamp(Arguments.GetInt(args, "--concurrency", 8), 1, 256);
        int writers = Math.Clamp(Arguments.GetInt(args, "--writers", 0), 0, 16);
        string? apiKey = Arguments.Get(args, "--api-key");

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency + writers, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        // Queries: the names of up to 2,000 registry entities, in every script they are written in.
        var names = new List<string>();
        using (JsonDocument list = JsonDocument.Parse(await client.GetStringAsync("/v1/entities?limit=1000")))
        {
            foreach (JsonElement e in list.RootElement.GetProperty("entities").EnumerateArray())
            {
                names.AddRange(e.GetProperty("names").EnumerateArray().Select(n => n.GetProperty("text").GetString()!));
            }
        }

        using (JsonDocument health = JsonDocument.Parse(await client.GetStringAsync("/health")))
        {
            Console.WriteLine($"server {baseUri}: {health.RootElement.GetProperty("entities").GetInt32()} entities, {health.RootElement.GetProperty("names").GetInt32()} names; {names.Count} query names; {concurrency} readers, {writers} writers, {duration} s");
        }

        byte[][] bodies = [.. names.Select(n => JsonSerializer.SerializeToUtf8Bytes(new { name = n, top = 5 }))];

        // Warm up (JIT, connections) for one second, unmeasured.
        await RunReadersAsync(client, bodies, concurrency, TimeSpan.FromSeconds(1));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(duration));
        var writerTasks = Enumerable.Range(0, writers).Select(w => WriteLoopAsync(client, w, stop.Token)).ToList();
        var clock = Stopwatch.StartNew();
        ReaderResult reads = await RunReadersAsync(client, bodies, concurrency, TimeSpan.FromSeconds(duration));
        double seconds = clock.Elapsed.TotalSeconds;
        WriterResult[] writes = await Task.WhenAll(writerTasks);

        double[] latencies = [.. reads.LatenciesMs.OrderBy(x => x)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"resolve: {latencies.Length} requests in {seconds:0.0} s = {latencies.Length / seconds:0} req/s; latency ms p50 {Percentile(latencies, 0.50):0.00}, p90 {Percentile(latencies, 0.90):0.00}, p99 {Percentile(latencies, 0.99):0.00}, max {latencies.LastOrDefault():0.00}; errors {reads.Errors}"));
        if (writers > 0)
        {
            double[] w = [.. writes.SelectMany(x => x.LatenciesMs).OrderBy(x => x)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"writes:  {w.Length} acknowledged PUT/DELETE ({w.Length / seconds:0.0}/s); latency ms p50 {Percentile(w, 0.50):0.0}, p99 {Percentile(w, 0.99):0.0}; errors {writes.Sum(x => x.Errors)}"));
        }

        return reads.Errors + writes.Sum(x => x.Errors) == 0 ? 0 : 1;
    }

    private static async Task<ReaderResult> RunReadersAsync(HttpClient client, byte[][] bodies, int concurrency, TimeSpan duration)
    {
        var deadline = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var latencies = new List<double>(100_000);
            int errors = 0;
            int i = worker * 7919;
            while (deadline.Elapsed < duration)
            {
                byte[] body = bodies[i++ % bodies.Length];
                long start = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new("application/json");
                try
                {
                    using HttpResponseMessage response = await client.PostAsync("/v1/resolve", content).ConfigureAwait(false);
                    await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        errors++;
                        continue;
                    }
                }
                catch (HttpRequestException)
                {
                    errors++;
                    continue;
                }

                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            return new ReaderResult(latencies, errors);
        });
        ReaderResult[] results = await Task.WhenAll(tasks);
        return new ReaderResult([.. results.SelectMany(r => r.LatenciesMs)], results.Sum(r => r.Errors));
    }

    private static async Task<WriterResult> WriteLoopAsync(HttpClient client, int writer, CancellationToken stop)
    {
        var latencies = new List<double>();
        int errors = 0;
        string run = Guid.NewGuid().ToString("N")[..8];
        for (int i = 0; !stop.IsCancellationRequested; i++)
        {
            string id = $"person:load-{run}-{writer}-{i}";
            long start = Stopwatch.GetTimestamp();
            try
            {
                using HttpResponseMessage put = await client.PutAsJsonAsync("/v1/entities/" + Uri.EscapeDataString(id), new { names = new[] { $"Loadtest{writer} Person{i} Writer", $"Лоадтест{writer} Персон{i}" } }, CancellationToken.None).ConfigureAwait(false);
                if (put.StatusCode != HttpStatusCode.Created)
                {
                    errors++;
                    continue;
                }

                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);

                // Keep the registry size steady: delete it again.
                start = Stopwatch.GetTimestamp();
                using HttpResponseMessage delete = await client.DeleteAsync("/v1/entities/" + Uri.EscapeDataString(id), CancellationToken.None).ConfigureAwait(false);
                if (delete.StatusCode != HttpStatusCode.NoContent)
                {
                    errors++;
                    continue;
                }

                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            catch (HttpRequestException)
            {
                errors++;
            }
        }

        return new WriterResult(latencies, errors);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private sealed record ReaderResult(List<double> LatenciesMs, int Errors);

    private sealed record WriterResult(List<double> LatenciesMs, int Errors);
}

internal static class Registry
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? output = Arguments.Get(args, "--out");
        int count = Arguments.GetInt(args, "--count", 100_000);
        var inputs = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal))).ToList();
        if (output is null || inputs.Count == 0)
        {
            Console.Error.WriteLine("usage: registry --out FILE [--count N] FILE.jsonl[.gz]...");
            return 2;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        await using var writer = new StreamWriter(output, false, new UTF8Encoding(false));
        foreach (string input in inputs)
        {
            await using Stream file = File.OpenRead(input);
            await using Stream stream = input.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            while (seen.Count < count && await reader.ReadLineAsync() is { } line)
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using JsonDocument doc = JsonDocument.Parse(line);
                if (doc.RootElement.TryGetProperty("id", out JsonElement id) && id.GetString() is { } s && seen.Add(s))
                {
                    await writer.WriteLineAsync(line);
                }
            }
        }

        Console.WriteLine($"wrote {seen.Count} entities to {output}");
        return 0;
    }
}
