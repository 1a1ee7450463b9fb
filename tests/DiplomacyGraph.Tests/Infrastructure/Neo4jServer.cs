using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;

namespace DiplomacyGraph.Tests.Infrastructure;

/// <summary>
/// A real Neo4j for the tests, found in this order: <c>NEO4J_URI</c> (a running server),
/// <c>NEO4J_HOME</c> (a distribution we copy and launch as a child process), a Docker engine
/// (<see cref="Image"/>, <c>neo4j:5.26</c> unless <c>NEO4J_IMAGE</c> says otherwise), or a clear failure saying how to get one.
/// </summary>
/// <remarks>
/// Only the NEO4J_HOME mode owns the process, so only it can simulate Neo4j dying
/// (<see cref="StopAsync"/>) and coming back on the same ports and data (<see cref="StartAsync"/>).
/// </remarks>
public sealed class Neo4jServer : IAsyncLifetime
{
    public const string NotAvailableMessage =
        "No Neo4j for the tests. Run the README test command (scripts/test.sh), which provisions one, " +
        "or set NEO4J_HOME to a Neo4j distribution, or NEO4J_URI to a running server, or start a Docker engine.";

    private static readonly JsonSerializerOptions RequestJson = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    // Shared by every fixture instance; credentials go on each request, not on the client.
    private static readonly HttpClient Http = new() { Timeout = TestSettings.Http };
    private LocalNeo4jProcess? _local;
    private IContainer? _container;
    private Uri? _commitUri;

    /// <summary>Root of the HTTP API, e.g. <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri HttpUri { get; private set; } = null!;

    public string? User { get; private set; }

    public string? Password { get; private set; }

    /// <summary>The Docker image of the Testcontainers route: <c>NEO4J_IMAGE</c>, e.g. <c>neo4j:2025</c>; default <c>neo4j:5.26</c>.</summary>
    public static string Image => NullIfEmpty(Environment.GetEnvironmentVariable("NEO4J_IMAGE")) ?? "neo4j:5.26";

    /// <summary>
    /// The <c>Neo4j:Protocol</c> the services under test use: <c>NEO4J_PROTOCOL</c> (auto, query or tx), or the
    /// service's default when unset. scripts/test-neo4j-docker.sh runs the Neo4j suites once per protocol.
    /// </summary>
    public static string? Protocol => NullIfEmpty(Environment.GetEnvironmentVariable("NEO4J_PROTOCOL"));

    /// <summary>True when the tests own the Neo4j process and may stop and restart it.</summary>
    public bool CanControlProcess => _local is not null;

    public async Task InitializeAsync()
    {
        var uri = Environment.GetEnvironmentVariable("NEO4J_URI");
        if (!string.IsNullOrWhiteSpace(uri))
        {
            UseExistingServer(uri);
            return;
        }

        var home = Environment.GetEnvironmentVariable("NEO4J_HOME");
        if (!string.IsNullOrWhiteSpace(home))
        {
            _local = await LocalNeo4jProcess.LaunchAsync(home);
            HttpUri = _local.HttpUri;
            return;
        }

        if (await TryStartContainerAsync() is { } dockerFailure)
        {
            throw new InvalidOperationException($"{NotAvailableMessage} (Docker: {dockerFailure.Message})", dockerFailure);
        }
    }

    public async Task DisposeAsync()
    {
        if (_local is not null)
        {
            await _local.DisposeAsync();
        }

        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    /// <summary>Kills the Neo4j process, as if it crashed. Its data folder is kept.</summary>
    public Task StopAsync() => RequireLocal().StopAsync();

    /// <summary>Starts Neo4j again on the same ports and data, and waits until it answers.</summary>
    public Task StartAsync() => RequireLocal().StartAsync();

    /// <summary>
    /// SIGSTOP: the process stays, its sockets accept connections, and nothing answers, as a server stalled by load, a
    /// long garbage collection or a paused VM. <see cref="ResumeAsync"/> lets it go on where it stopped.
    /// </summary>
    public Task PauseAsync() => RequireLocal().SignalAsync("STOP");

    /// <summary>SIGCONT after <see cref="PauseAsync"/>.</summary>
    public Task ResumeAsync() => RequireLocal().SignalAsync("CONT");

    /// <summary>Deletes every node and relationship.</summary>
    public async Task ResetAsync() => (await RunCypherAsync("MATCH (n) DETACH DELETE n")).Dispose();

    /// <summary>
    /// Runs one statement in its own transaction and returns the whole response
    /// (<c>results[0].columns</c>, <c>results[0].data[i].row</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">Neo4j answered with errors.</exception>
    public async Task<JsonDocument> RunCypherAsync(string statement, object? parameters = null)
    {
        var commitUri = await GetCommitUriAsync();
        // Neo4j requires "statements" to be the first field of the request body.
        var body = new { statements = new[] { new { statement, parameters } } };
        using var request = new HttpRequestMessage(HttpMethod.Post, commitUri)
        {
            Content = JsonContent.Create(body, options: RequestJson),
        };
        AddAuthorization(request);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Neo4j answered {(int)response.StatusCode} to '{statement}': {text}");
        }

        var document = JsonDocument.Parse(text);
        if (document.RootElement.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0)
        {
            var messages = string.Join("; ", errors.EnumerateArray().Select(e =>
                $"{e.GetProperty("code").GetString()}: {e.GetProperty("message").GetString()}"));
            document.Dispose();
            throw new InvalidOperationException($"Cypher failed: {messages}\nStatement: {statement}");
        }

        return document;
    }

    private void UseExistingServer(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"NEO4J_URI must be the HTTP address of a Neo4j server (e.g. http://localhost:7474), not '{uri}'.");
        }

        HttpUri = parsed;
        User = NullIfEmpty(Environment.GetEnvironmentVariable("NEO4J_USER"));
        Password = NullIfEmpty(Environment.GetEnvironmentVariable("NEO4J_PASSWORD"));
    }

    /// <returns>Null when a container is running, otherwise why Docker could not give one.</returns>
    private async Task<Exception?> TryStartContainerAsync()
    {
        IContainer? container = null;
        try
        {
            container = new ContainerBuilder(Image)
                .WithPortBinding(7474, true)
                .WithEnvironment("NEO4J_AUTH", "none")
                .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(r => r.ForPort(7474).ForPath("/")))
                .Build();
            await container.StartAsync();
            _container = container;
            HttpUri = new UriBuilder(Uri.UriSchemeHttp, container.Hostname, container.GetMappedPublicPort(7474)).Uri;
            return null;
        }
#pragma warning disable CA1031 // Any failure here means "no usable Docker"; it is reported in the final exception.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (container is not null)
            {
                await container.DisposeAsync();
            }

            return ex;
        }
    }

    private async Task<Uri> GetCommitUriAsync()
    {
        if (_commitUri is not null)
        {
            return _commitUri;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, HttpUri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var discovery = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        // 4.x+ advertises ".../db/{databaseName}/tx"; 3.x only has /db/data/. Keep only the path:
        // the advertised host may be the container's, not the mapped port we reach it on.
        string path;
        if (discovery.RootElement.TryGetProperty("transaction", out var transaction) && transaction.GetString() is { } template)
        {
            var absolute = template.Replace("{databaseName}", "neo4j", StringComparison.Ordinal);
            path = (Uri.TryCreate(absolute, UriKind.Absolute, out var advertised) ? advertised.AbsolutePath : absolute).TrimEnd('/') + "/commit";
        }
        else
        {
            path = "/db/data/transaction/commit";
        }

        _commitUri = new Uri(HttpUri, path);
        return _commitUri;
    }

    private void AddAuthorization(HttpRequestMessage request)
    {
        if (User is not null)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", token);
        }
    }

    private LocalNeo4jProcess RequireLocal() =>
        _local ?? throw new InvalidOperationException(
            "This Neo4j is not owned by the tests (NEO4J_URI or Docker), so it cannot be stopped or started. Check CanControlProcess first.");

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>A private copy of a Neo4j distribution, run with <c>bin/neo4j console</c>.</summary>
    private sealed class LocalNeo4jProcess : IAsyncDisposable
    {
        private const int MaxOutputLines = 400;
        private static readonly string[] SharedFolders = ["lib", "plugins"];
        private static readonly string[] FreshFolders = ["data", "logs", "run", "import"];

        private readonly string _home;
        private readonly ConcurrentQueue<string> _output = new();
        private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(2) };
        private Process? _process;

        private LocalNeo4jProcess(string home, int httpPort)
        {
            _home = home;
            HttpUri = new Uri($"http://127.0.0.1:{httpPort}/");
        }

        public Uri HttpUri { get; }

        public static async Task<LocalNeo4jProcess> LaunchAsync(string distribution)
        {
            var source = Path.GetFullPath(distribution);
            if (!File.Exists(Path.Combine(source, "bin", "neo4j")) || !Directory.Exists(Path.Combine(source, "lib")))
            {
                throw new InvalidOperationException($"NEO4J_HOME={distribution} is not a Neo4j distribution (no bin/neo4j or lib/). {NotAvailableMessage}");
            }

            var home = Path.Combine(Path.GetTempPath(), $"diplomacygraph-neo4j-{Guid.NewGuid():N}");
            var httpPort = FreeLoopbackPort();
            var boltPort = FreeLoopbackPort();
            var server = new LocalNeo4jProcess(home, httpPort);
            try
            {
                PrepareHome(source, home, httpPort, boltPort);
                await server.StartAsync();
                return server;
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }

        public async Task StartAsync()
        {
            if (_process is { HasExited: false })
            {
                return;
            }

            _process?.Dispose();
            _output.Clear();
            var startInfo = new ProcessStartInfo(Path.Combine(_home, "bin", "neo4j"), "console")
            {
                WorkingDirectory = _home,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            // The launcher trusts these over its own location; the caller's NEO4J_HOME is the shared original.
            startInfo.Environment["NEO4J_HOME"] = _home;
            startInfo.Environment["NEO4J_CONF"] = Path.Combine(_home, "conf");

            var process = new Process { StartInfo = startInfo };
            process.OutputDataReceived += (_, e) => Record(e.Data);
            process.ErrorDataReceived += (_, e) => Record(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            _process = process;

            await WaitUntilReadyAsync(process);
        }

        /// <summary>Sends a signal to the server (<c>bin/neo4j console</c> execs java, so this is the JVM itself).</summary>
        public async Task SignalAsync(string signal)
        {
            if (_process is not { HasExited: false } server)
            {
                throw new InvalidOperationException($"Neo4j is not running, so it cannot be sent SIG{signal}.");
            }

            using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })
                ?? throw new InvalidOperationException("Could not run kill.");
            await kill.WaitForExitAsync();
            if (kill.ExitCode != 0)
            {
                throw new InvalidOperationException($"kill -{signal} {server.Id} exited with {kill.ExitCode}.");
            }
        }

        public async Task StopAsync()
        {
            if (_process is null)
            {
                return;
            }

            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await StopAsync();
            }
            finally
            {
                _process?.Dispose();
                _probe.Dispose();
                DeleteHome();
            }
        }

        private async Task WaitUntilReadyAsync(Process process)
        {
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TestSettings.Neo4jStart)
            {
                if (process.HasExited)
                {
                    await process.WaitForExitAsync(); // flushes the redirected output
                    throw new InvalidOperationException($"Neo4j exited with code {process.ExitCode} before answering on {HttpUri}.\n{DescribeOutput()}");
                }

                try
                {
                    using var response = await _probe.GetAsync(HttpUri);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException)
                {
                    // Listening but not answering yet.
                }

                await Task.Delay(200);
            }

            await StopAsync();
            throw new TimeoutException($"Neo4j did not answer 200 on {HttpUri} within {TestSettings.Neo4jStart.TotalSeconds:0} s (test setting Timeouts:Neo4jStart).\n{DescribeOutput()}");
        }

        private static void PrepareHome(string source, string home, int httpPort, int boltPort)
        {
            Directory.CreateDirectory(home);
            CopyDirectory(Path.Combine(source, "bin"), Path.Combine(home, "bin"));
            CopyDirectory(Path.Combine(source, "conf"), Path.Combine(home, "conf"));
            // lib/ (80+ MB) and plugins/ are only read, so share them.
            foreach (var folder in SharedFolders.Where(f => Directory.Exists(Path.Combine(source, f))))
            {
                Directory.CreateSymbolicLink(Path.Combine(home, folder), Path.Combine(source, folder));
            }

            foreach (var folder in FreshFolders)
            {
                Directory.CreateDirectory(Path.Combine(home, folder));
            }

            foreach (var script in Directory.EnumerateFiles(Path.Combine(home, "bin"), "*", SearchOption.AllDirectories))
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(script, File.GetUnixFileMode(script) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
                }
            }

            // Settings from /work/shared/NEO4J.md (checked for Neo4j 3.1.1 on Java 17), plus a small
            // heap and page cache so several test servers fit on one machine. A server killed mid-suite replays every
            // transaction since its last checkpoint when it starts again (Neo4jServerTests): with 3.1's default of one
            // checkpoint per 15 minutes that was the whole suite's log, and its recovery ran out of a 512 MB heap; a
            // checkpoint every minute bounds that replay, and the heap may grow to 1 GB.
            File.AppendAllLines(Path.Combine(home, "conf", "neo4j.conf"),
            [
                "",
                "# Added by DiplomacyGraph.Tests.Infrastructure.Neo4jServer",
                "dbms.security.auth_enabled=false",
                "dbms.connector.https.enabled=false",
                $"dbms.connector.http.listen_address=127.0.0.1:{httpPort}",
                $"dbms.connector.bolt.listen_address=127.0.0.1:{boltPort}",
                "dbms.jvm.additional=--add-opens=java.base/java.lang=ALL-UNNAMED",
                "dbms.jvm.additional=--add-opens=java.base/java.nio=ALL-UNNAMED",
                "dbms.jvm.additional=--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "dbms.memory.heap.initial_size=256m",
                "dbms.memory.heap.max_size=1g",
                "dbms.checkpoint.interval.time=1m",
                "dbms.memory.pagecache.size=64m",
            ]);
        }

        private static void CopyDirectory(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.EnumerateFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }

            foreach (var folder in Directory.EnumerateDirectories(from))
            {
                CopyDirectory(folder, Path.Combine(to, Path.GetFileName(folder)));
            }
        }

        private static int FreeLoopbackPort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private void Record(string? line)
        {
            if (line is null)
            {
                return;
            }

            _output.Enqueue(line);
            while (_output.Count > MaxOutputLines && _output.TryDequeue(out _))
            {
            }
        }

        private string DescribeOutput()
        {
            var text = new StringBuilder("--- neo4j console output ---\n");
            text.AppendJoin('\n', _output).Append('\n');
            var debugLog = Path.Combine(_home, "logs", "debug.log");
            if (File.Exists(debugLog))
            {
                text.Append("--- logs/debug.log (tail) ---\n").AppendJoin('\n', File.ReadLines(debugLog).TakeLast(60));
            }

            return text.ToString();
        }

        private void DeleteHome()
        {
            if (!Directory.Exists(_home))
            {
                return;
            }

            // Remove the links first so deleting the folder can never reach the shared distribution.
            foreach (var link in SharedFolders.Select(name => new DirectoryInfo(Path.Combine(_home, name))))
            {
                if (link.LinkTarget is not null)
                {
                    link.Delete();
                }
            }

            try
            {
                Directory.Delete(_home, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is not worth failing the run for.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}

/// <summary>Test classes marked <c>[Collection("neo4j")]</c> share one Neo4j server.</summary>
[CollectionDefinition("neo4j")]
#pragma warning disable CA1711 // xunit's own naming convention for collection definitions.
public sealed class Neo4jCollection : ICollectionFixture<Neo4jServer>
{
}
#pragma warning restore CA1711
