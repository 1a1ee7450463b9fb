using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;

namespace DiplomacyGraph.Benchmarks;

/// <summary>
/// The loopback load mode: starts the real API (its own build output, as a child process, on the embedded
/// store with the seed), hammers a fixed mix of read endpoints from N concurrent loops for a bounded time,
/// and prints throughput, latency percentiles per endpoint, errors, and the API process's peak working set. With
/// <c>--writers N</c>, N loops of 20-node imports run beside each endpoint's readers (<see cref="LoadWriters"/>).
/// </summary>
internal static partial class LoadRun
{
    /// <summary>Every read endpoint, on the seed, after the trivial one each is compared with.</summary>
    private static readonly string[] SeedEndpoints =
    [
        "/health/live",
        "/api/actors?q=petro",
        "/api/actors/gustavo-petro",
        "/api/actors/gustavo-petro/relationships",
        "/api/actors/gustavo-petro/events",
        "/api/actors/gustavo-petro/network?depth=2",
        "/api/actors/gustavo-petro/network?depth=2&nodes=summary",
        "/api/timeline?actor=gustavo-petro",
        "/api/sanctions?target=gustavo-petro",
        "/api/statements?speaker=donald-trump",
        "/api/events?from=2026-01-01",
        "/api/events/white-house-meeting-2026-02-03",
        "/api/paths/shortest?from=bernie-moreno&to=rosa-villavicencio",
        "/api/sources/vermelho-2026-02-04-petro-trump",
        "/api/graph",
        "/api/graph?nodes=summary",
    ];

    /// <summary>
    /// The same questions on a synthetic graph (ScaledGraph): a busy person, the top hub country, and a far pair, whose
    /// second person is one the graph of that size holds (medium: 10k actors, large: 100k).
    /// </summary>
    private static string[] ScaledEndpoints(string farPerson) =>
    [
        "/health/live",
        "/api/actors?q=petra",
        "/api/actors/person-00100",
        "/api/actors/person-00100/relationships",
        "/api/actors/person-00100/events",
        "/api/actors/person-00100/sanctions",
        "/api/actors/person-00100/statements",
        "/api/actors/person-00100/network?depth=2",
        "/api/actors/country-000/network?depth=2",
        "/api/actors/person-00100/network?depth=2&nodes=summary",
        "/api/actors/country-000/network?depth=2&nodes=summary",
        "/api/timeline?actor=person-00100",
        "/api/sanctions?target=person-00100",
        "/api/sanctions?imposer=country-000",
        "/api/statements?speaker=person-00100",
        "/api/events?from=2020-01-01&to=2020-01-31",
        "/api/events/event-00100",
        $"/api/paths/shortest?from=person-00100&to={farPerson}&maxDepth=6",
        "/api/graph",
        "/api/graph?nodes=summary",
    ];

    private static string[] Endpoints = SeedEndpoints;

    private sealed record Options(int Seconds, int Concurrency, int WarmupSeconds, string? ApiDll, string? Store, string? Neo4j, string? Graph, bool Direct, bool Compressed)
    {
        public int Writers { get; init; }

        public string[]? Endpoints { get; init; }
    }

    /// <summary>What the writers did during one endpoint's measured run: imports/s, their p99, and answers not 200.</summary>
    private readonly record struct Writes(double Rate, double P99, int Failed);

    private readonly record struct Sample(int Endpoint, long Ticks, int Bytes, bool Ok);

    public static async Task<int> Run(string[] args)
    {
        var options = Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync("Usage: load [--seconds 5] [--concurrency 16] [--warmup 1] [--api path/to/DiplomacyGraph.Api.dll] [--store large.db (ScaledGraph's large graph)] [--neo4j http://127.0.0.1:7474/ [--direct true]] [--graph seed|medium|large] [--compressed true (ask for br/gzip as browsers do; sizes are then the bytes sent)] [--writers N (import loops beside the readers; they write into --store)] [--endpoints /health/live,/api/... (these only)]");
            return 2;
        }
        var dll = options.ApiDll ?? DefaultApiDll();
        if (!File.Exists(dll))
        {
            await Console.Error.WriteLineAsync($"{dll} does not exist. Build it first: dotnet build -c Release src/DiplomacyGraph.Api");
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        var graph = options.Graph ?? (options.Store is not null ? "large" : "seed");
        Endpoints = options.Endpoints ?? graph switch { "medium" => ScaledEndpoints("person-09000"), "large" => ScaledEndpoints("person-90000"), _ => SeedEndpoints };
        // Only the seed graph is loaded by the API itself; a scaled graph is prepared beforehand (store file or Neo4j).
        var seed = graph == "seed";
        var captured = options.Direct && options.Neo4j is { } neo4j
            ? await Capture(dll, new Uri(neo4j), seed, stop.Token)
            : null;
        await using var api = await ApiProcess.Start(dll, options.Store, options.Neo4j, seed, stop.Token, options.Writers > 0 ? LoadWriters.ApiSettings : []);
        // The writers' own connections, so that they never queue behind the readers' for one.
        using var writeHttp = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(1, options.Writers), UseProxy = false })
        {
            BaseAddress = api.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        // The writers' hub: the top country of a ScaledGraph, the seed's most linked country otherwise.
        var hub = seed ? "united-states" : "country-000";
        var run = Guid.NewGuid().ToString("N")[..8];
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, UseProxy = false })
        {
            BaseAddress = api.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (options.Compressed)
        {
            // As a browser asks; the answer is read as sent (not decompressed), so KB/resp is what crossed the wire.
            http.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");
        }
        foreach (var endpoint in Endpoints)
        {
            using var response = await http.GetAsync(new Uri(endpoint, UriKind.Relative), stop.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                await Console.Error.WriteLineAsync($"{endpoint} answered {(int)response.StatusCode}; not a valid load target.");
                return 1;
            }
        }

        Console.WriteLine($"API pid {api.Id} on {api.BaseAddress} ({Path.GetFileName(dll)}, {(options.Neo4j is null ? "embedded store" : $"Neo4j at {options.Neo4j}")}, {graph} graph{(options.Store is null ? "" : $" in {options.Store}")}).");
        Console.WriteLine($"Each endpoint alone: warm-up {options.WarmupSeconds} s, then {options.Seconds} s measured, {options.Concurrency} concurrent loops"
            + (options.Writers > 0 ? $", beside {options.Writers} import loops (20 nodes each, on {hub}; run tag {run})." : "."));
        var results = new List<(string Endpoint, List<Sample> Samples, double Seconds)>();
        var writes = new List<Writes>();
        var direct = new List<(string Endpoint, int Requests, List<Sample> Samples, double Seconds)>();
        using var neo4jHttp = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, UseProxy = false })
        {
            BaseAddress = options.Neo4j is null ? null : new Uri(options.Neo4j),
            Timeout = TimeSpan.FromSeconds(30),
        };
        foreach (var endpoint in Endpoints)
        {
            await WhileWriting($"{run}w{results.Count}", () => Hammer(http, endpoint, options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds), stop.Token));
            var measured = Stopwatch.StartNew();
            var (samples, written) = await WhileWriting($"{run}m{results.Count}", () => Hammer(http, endpoint, options.Concurrency, TimeSpan.FromSeconds(options.Seconds), stop.Token));
            results.Add((endpoint, samples, measured.Elapsed.TotalSeconds));
            if (written is not null)
            {
                var (rate, p99, failed) = LoadWriters.Summary(written, measured.Elapsed.TotalSeconds);
                writes.Add(new Writes(rate, p99, failed));
            }
            // Right after the API's run of the same endpoint, so both see the same machine.
            if (captured is not null && captured.TryGetValue(endpoint, out var requests) && requests.Count > 0)
            {
                foreach (var request in requests) await CheckAnswers(neo4jHttp, request, stop.Token);
                await Replay(neo4jHttp, requests, options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds), stop.Token);
                measured.Restart();
                var replayed = await Replay(neo4jHttp, requests, options.Concurrency, TimeSpan.FromSeconds(options.Seconds), stop.Token);
                direct.Add((endpoint, requests.Count, replayed, measured.Elapsed.TotalSeconds));
            }
        }

        Report(results, writes, api.Memory());
        if (captured is not null)
        {
            ReportDirect(new Uri(options.Neo4j!), direct, results, options);
        }
        return 0;

        // The readers' run, with the writers' loops beside it for as long as it lasts (none without --writers).
        async Task<(List<Sample> Reads, List<LoadWriters.Sample>? Writes)> WhileWriting(string tag, Func<Task<List<Sample>>> read)
        {
            if (options.Writers == 0) return (await read(), null);
            using var done = new CancellationTokenSource();
            var writing = LoadWriters.Run(writeHttp, options.Writers, hub, tag, done.Token);
            var reads = await read();
            await done.CancelAsync();
            return (reads, await writing);
        }
    }

    /// <summary>
    /// The Cypher requests the API sends for each endpoint, caught by a proxy in front of Neo4j while an API process
    /// pointed at it answers each endpoint once. That process then stops; the measured API talks to Neo4j directly.
    /// </summary>
    private static async Task<Dictionary<string, IReadOnlyList<CapturedRequest>>> Capture(string dll, Uri neo4j, bool seed, CancellationToken ct)
    {
        await using var proxy = CypherCapture.Start(neo4j);
        await using var api = await ApiProcess.Start(dll, null, proxy.Address.ToString(), seed, ct);
        using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var captured = new Dictionary<string, IReadOnlyList<CapturedRequest>>(StringComparer.Ordinal);
        foreach (var endpoint in Endpoints)
        {
            // Twice: the first answer may include one-off work (the server's version, the schema); the second is the steady state.
            (await http.GetAsync(new Uri(endpoint, UriKind.Relative), ct)).Dispose();
            proxy.Take();
            using var response = await http.GetAsync(new Uri(endpoint, UriKind.Relative), ct);
            response.EnsureSuccessStatusCode();
            captured[endpoint] = proxy.Take();
        }
        // Kept for PROFILE and for replaying by hand (curl -H 'Content-Type: application/json' -d @file <neo4j>/db/data/transaction/commit).
        var folder = Directory.CreateTempSubdirectory("diplomacygraph-cypher-").FullName;
        foreach (var (endpoint, requests, index) in captured.Select((c, i) => (c.Key, c.Value, i)))
        {
            for (var r = 0; r < requests.Count; r++)
            {
                await File.WriteAllBytesAsync(Path.Combine(folder, $"{index:D2}-{r}.json"), requests[r].Body, ct);
            }
            await File.AppendAllTextAsync(Path.Combine(folder, "endpoints.txt"), $"{index:D2} {endpoint} ({requests.Count} requests to {string.Join(", ", requests.Select(q => q.Path).Distinct())}){Environment.NewLine}", ct);
        }
        Console.WriteLine($"Captured Cypher requests: {folder}");
        return captured;
    }

    /// <summary>
    /// Each endpoint's captured Cypher requests, replayed straight to Neo4j by the same closed loops right after the API's
    /// run of that endpoint (one iteration sends them in order, as the API did), beside the API's figures: its overhead.
    /// </summary>
    private static void ReportDirect(Uri neo4j, List<(string Endpoint, int Requests, List<Sample> Samples, double Seconds)> direct,
        List<(string Endpoint, List<Sample> Samples, double Seconds)> api, Options options)
    {
        Console.WriteLine();
        Console.WriteLine($"The same Cypher requests straight to Neo4j at {neo4j}, each right after the API's run of its endpoint (warm-up {options.WarmupSeconds} s, {options.Seconds} s measured, {options.Concurrency} loops):");
        Console.WriteLine();
        Console.WriteLine($"| {"Endpoint",-62} | {"Cypher req",10} | {"API req/s",9} | {"Direct req/s",12} | {"API p50",8} | {"Direct p50",10} | {"API p99",8} | {"Direct p99",10} | {"API / direct",12} |");
        Console.WriteLine($"|{new string('-', 64)}|{new string('-', 11)}:|{new string('-', 10)}:|{new string('-', 13)}:|{new string('-', 9)}:|{new string('-', 11)}:|{new string('-', 9)}:|{new string('-', 11)}:|{new string('-', 13)}:|");
        foreach (var (endpoint, requests, samples, seconds) in direct)
        {
            var (_, apiSamples, apiSeconds) = api.Single(a => a.Endpoint == endpoint);
            var apiMs = apiSamples.Select(s => s.Ticks * 1000.0 / Stopwatch.Frequency).Order().ToArray();
            var directMs = samples.Select(s => s.Ticks * 1000.0 / Stopwatch.Frequency).Order().ToArray();
            var apiRate = apiSamples.Count / apiSeconds;
            var directRate = samples.Count / seconds;
            var errors = samples.Count(s => !s.Ok);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {"`" + endpoint + "`",-62} | {requests,10} | {apiRate,9:F0} | {directRate,12:F0} | {Percentile(apiMs, 0.50),8:F2} | {Percentile(directMs, 0.50),10:F2} | {Percentile(apiMs, 0.99),8:F2} | {Percentile(directMs, 0.99),10:F2} | {directRate / apiRate,11:F2}×{(errors > 0 ? $" ({errors} errors)" : "")} |"));
        }
        Console.WriteLine();
        Console.WriteLine("API / direct is direct requests/s over API requests/s: how many times slower the API answers than Neo4j alone.");
    }

    /// <summary>A captured request must succeed when replayed (HTTP 200 and no Cypher errors), or its figures mean nothing.</summary>
    private static async Task CheckAnswers(HttpClient http, CapturedRequest request, CancellationToken ct)
    {
        using var content = new ByteArrayContent(request.Body);
        content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        using var response = await http.PostAsync(new Uri(request.Path, UriKind.Relative), content, ct);
        using var json = await System.Text.Json.JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        if (response.StatusCode != HttpStatusCode.OK || (json.RootElement.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0))
        {
            throw new InvalidOperationException($"Replaying {request.Path} failed ({(int)response.StatusCode}): {json.RootElement}");
        }
    }

    /// <summary>N loops sending one endpoint's Cypher requests in order until the time is up; a sample is the whole sequence.</summary>
    private static Task<List<Sample>> Replay(HttpClient http, IReadOnlyList<CapturedRequest> requests, int concurrency, TimeSpan duration, CancellationToken ct) =>
        Loops(concurrency, duration, async () =>
        {
            var (ok, bytes) = (true, 0);
            foreach (var request in requests)
            {
                using var content = new ByteArrayContent(request.Body);
                content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
                using var response = await http.PostAsync(new Uri(request.Path, UriKind.Relative), content, ct);
                var body = await response.Content.ReadAsByteArrayAsync(ct);
                (ok, bytes) = (ok && response.StatusCode == HttpStatusCode.OK, bytes + body.Length);
            }
            return (bytes, ok);
        }, ct);

    /// <summary>N loops sending one endpoint until the time is up.</summary>
    private static Task<List<Sample>> Hammer(HttpClient http, string endpoint, int concurrency, TimeSpan duration, CancellationToken ct) =>
        Loops(concurrency, duration, async () =>
        {
            using var response = await http.GetAsync(new Uri(endpoint, UriKind.Relative), ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            return (body.Length, response.StatusCode == HttpStatusCode.OK);
        }, ct);

    /// <summary>N closed loops each timing one <paramref name="send"/> after another until the time is up; a failed send is an error sample.</summary>
    private static async Task<List<Sample>> Loops(int concurrency, TimeSpan duration, Func<Task<(int Bytes, bool Ok)>> send, CancellationToken ct)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var loops = Enumerable.Range(0, concurrency).Select(loop => Task.Run(async () =>
        {
            var samples = new List<Sample>(4096);
            while (Stopwatch.GetTimestamp() < end && !ct.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var (bytes, ok) = await send();
                    samples.Add(new Sample(0, Stopwatch.GetTimestamp() - started, bytes, ok));
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    samples.Add(new Sample(0, Stopwatch.GetTimestamp() - started, 0, false));
                }
            }
            return samples;
        }, ct));
        return [.. (await Task.WhenAll(loops)).SelectMany(s => s)];
    }

    private static void Report(List<(string Endpoint, List<Sample> Samples, double Seconds)> results, List<Writes> writes, string memory)
    {
        var floor = results[0].Samples.Count / results[0].Seconds;
        var writing = writes.Count == results.Count;
        Console.WriteLine();
        Console.WriteLine($"| {"Endpoint",-62} | {"Req/s",8} | {"p50 ms",8} | {"p99 ms",8} | {"Max ms",8} | {"KB/resp",8} | {"vs live",7} | {"Errors",6} |"
            + (writing ? $" {"Writes/s",8} | {"Write p99",9} | {"Not 200",7} |" : ""));
        Console.WriteLine($"|{new string('-', 64)}|{new string('-', 9)}:|{new string('-', 9)}:|{new string('-', 9)}:|{new string('-', 9)}:|{new string('-', 9)}:|{new string('-', 8)}:|{new string('-', 7)}:|"
            + (writing ? $"{new string('-', 9)}:|{new string('-', 10)}:|{new string('-', 8)}:|" : ""));
        foreach (var (i, (endpoint, samples, seconds)) in results.Index())
        {
            var ms = samples.Select(s => s.Ticks * 1000.0 / Stopwatch.Frequency).Order().ToArray();
            var kb = samples.Count == 0 ? 0 : samples.Average(s => s.Bytes) / 1024.0;
            var rate = samples.Count / seconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {"`" + endpoint + "`",-62} | {rate,8:F0} | {Percentile(ms, 0.50),8:F2} | {Percentile(ms, 0.99),8:F2} | {(ms.Length == 0 ? 0 : ms[^1]),8:F2} | {kb,8:F1} | {rate / floor,7:P0} | {samples.Count(s => !s.Ok),6} |")
                + (writing ? string.Create(CultureInfo.InvariantCulture, $" {writes[i].Rate,8:F1} | {writes[i].P99,9:F1} | {writes[i].Failed,7} |") : ""));
        }
        Console.WriteLine();
        Console.WriteLine($"API process memory: {memory}");
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static Options? Parse(string[] args)
    {
        var options = new Options(5, 16, 1, null, null, null, null, false, false);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            int Positive() => int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new FormatException(args[i]);
            try
            {
                options = args[i] switch
                {
                    "--seconds" => options with { Seconds = Positive() },
                    "--concurrency" => options with { Concurrency = Positive() },
                    "--warmup" => options with { WarmupSeconds = int.TryParse(value, CultureInfo.InvariantCulture, out var w) && w >= 0 ? w : throw new FormatException(args[i]) },
                    "--api" => options with { ApiDll = value ?? throw new FormatException(args[i]) },
                    "--store" => options with { Store = value ?? throw new FormatException(args[i]) },
                    "--neo4j" => options with { Neo4j = value ?? throw new FormatException(args[i]) },
                    "--graph" => options with { Graph = value is "seed" or "medium" or "large" ? value : throw new FormatException(args[i]) },
                    "--direct" => options with { Direct = bool.TryParse(value, out var direct) ? direct : throw new FormatException(args[i]) },
                    "--compressed" => options with { Compressed = bool.TryParse(value, out var compressed) ? compressed : throw new FormatException(args[i]) },
                    "--writers" => options with { Writers = int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw new FormatException(args[i]) },
                    "--endpoints" => options with { Endpoints = value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } list ? list : throw new FormatException(args[i]) },
                    _ => throw new FormatException(args[i]),
                };
            }
            catch (FormatException)
            {
                return null;
            }
            i++;
        }
        return options;
    }

    /// <summary>The API as built alongside this project, in the same configuration.</summary>
    internal static string DefaultApiDll()
    {
        var configuration = typeof(LoadRun).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        return Path.Combine(Repository.Root, "src", "DiplomacyGraph.Api", "bin", configuration, "net10.0", "DiplomacyGraph.Api.dll");
    }
}
