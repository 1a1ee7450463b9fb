using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DiplomacyGraph.Tests.Infrastructure;
using DiplomacyGraph.Tests.Seed;

namespace DiplomacyGraph.Tests.Writes;

/// <summary>
/// The built service run as a child process (<c>dotnet DiplomacyGraph.Api.dll …</c>), as an operator runs it:
/// either serving HTTP on a free loopback port, or as the <c>import</c> command.
/// </summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output;

    private ApiProcess(Process process, ConcurrentQueue<string> output, Uri address)
    {
        this.process = process;
        this.output = output;
        Client = new HttpClient { BaseAddress = address, Timeout = TestSettings.Http };
    }

    public HttpClient Client { get; }

    /// <summary>The process id, as the embedded store's lock file names it.</summary>
    public int Id => process.Id;

    /// <summary>Whether the process has exited (a service that refused to start, or crashed).</summary>
    public bool HasExited => process.HasExited;

    /// <summary>Everything the process printed so far, for failure messages.</summary>
    public string Output => string.Join('\n', output);

    /// <summary>
    /// The API project's build output, of the same configuration as the tests; the copy beside the test assembly
    /// is the fallback.
    /// </summary>
    public static string Dll { get; } = FindDll();

    /// <summary>Starts the service on an embedded database file with one API key (and any <paramref name="extra"/> settings), and waits until it is ready.</summary>
    public static Task<ApiProcess> StartAsync(string databasePath, string apiKey, params string[] extra) =>
        StartWithAsync([$"--Embedded:Path={databasePath}", $"--Auth:ApiKeys:0={apiKey}", $"--Seed:Folder={RepositoryFiles.SeedFolder}", .. extra]);

    /// <summary>
    /// Starts the service on a Neo4j server with one API key, no seed and a write rate limit that does not get in a
    /// load test's way, and waits until it is ready. Its Neo4j timeouts come from the test settings.
    /// </summary>
    public static Task<ApiProcess> StartOnNeo4jAsync(Uri neo4j, string? user, string? password, string apiKey, params string[] extra) =>
        StartWithAsync([$"--Neo4j:Uri={neo4j}", $"--Neo4j:User={user}", $"--Neo4j:Password={password}",
            $"--Neo4j:RequestTimeout={TestSettings.AsSetting(TestSettings.Neo4jRequest)}", $"--Neo4j:ImportTimeout={TestSettings.AsSetting(TestSettings.Neo4jImport)}",
            $"--Auth:ApiKeys:0={apiKey}", "--Seed:Enabled=false",
            "--Writes:PermitsPerMinute=100000", "--Logging:LogLevel:Default=Warning", $"--Neo4j:Protocol={Infrastructure.Neo4jServer.Protocol ?? "auto"}", .. extra]);

    /// <summary>Starts the service on a free loopback port with these settings, and waits until it is ready.</summary>
    private static async Task<ApiProcess> StartWithAsync(params string[] settings)
    {
        var address = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}/");
        var output = new ConcurrentQueue<string>();
        var process = Launch(output, ["--urls", address.ToString().TrimEnd('/'), .. settings]);
        var api = new ApiProcess(process, output, address);
        try
        {
            await api.WaitUntilReadyAsync();
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts the service on a free loopback port with these settings and waits only until it is live (serving HTTP), not
    /// until it is ready: for a store that does not answer yet.
    /// </summary>
    public static async Task<ApiProcess> LaunchAsync(params string[] settings)
    {
        var address = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}/");
        var output = new ConcurrentQueue<string>();
        var api = new ApiProcess(Launch(output, ["--urls", address.ToString().TrimEnd('/'), .. settings]), output, address);
        try
        {
            await api.WaitUntilAsync("/health/live");
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until the service is ready (test setting Timeouts:ApiProcess), failing with its output if it exits first.</summary>
    public Task WaitUntilReadyAsync() => WaitUntilAsync("/health/ready");

    /// <summary>Runs <c>import &lt;file&gt;</c> on an embedded database file and waits for it to exit.</summary>
    public static Task<(int ExitCode, string Out, string Error)> ImportAsync(string file, string databasePath) =>
        RunAsync("import", file, $"--Embedded:Path={databasePath}");

    /// <summary>Runs the service with these arguments and waits for it to exit, as when it refuses to start.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] arguments)
    {
        var stdout = new ConcurrentQueue<string>();
        var stderr = new ConcurrentQueue<string>();
        using var process = Launch(stdout, stderr, arguments);
        var command = string.Join(' ', arguments);
        using var timeout = new CancellationTokenSource(TestSettings.ApiProcess);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{command}' did not exit within {TestSettings.ApiProcess.TotalSeconds:0} s (test setting Timeouts:ApiProcess).\n{string.Join('\n', stdout)}\n{string.Join('\n', stderr)}");
        }

        process.WaitForExit(); // flushes the redirected output
        return (process.ExitCode, string.Join('\n', stdout), string.Join('\n', stderr));
    }

    /// <summary>Waits, within the test setting Timeouts:ApiProcess, for the process to end by itself; its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TestSettings.ApiProcess);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    /// <summary>SIGKILL, as a crash or <c>kill -9</c>: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Client.Dispose();
        process.Dispose();
    }

    private async Task WaitUntilAsync(string health)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TestSettings.ApiProcess)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                throw new InvalidOperationException($"The service exited with code {process.ExitCode} before {health} answered 200.\n{Output}");
            }

            try
            {
                using var ready = await Client.GetAsync(new Uri(health, UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{health} did not answer 200 within {TestSettings.ApiProcess.TotalSeconds:0} s (test setting Timeouts:ApiProcess).\n{Output}");
    }

    private static Process Launch(ConcurrentQueue<string> output, params string[] arguments) => Launch(output, output, arguments);

    private static Process Launch(ConcurrentQueue<string> stdout, ConcurrentQueue<string> stderr, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotNet())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Dll)!,
        };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The child gets only the settings on its command line: no store, keys or URLs from the test's environment.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("Neo4j__", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("Auth__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Writes__", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("Embedded__", StringComparison.OrdinalIgnoreCase) || k.Equals("ASPNETCORE_URLS", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) stdout.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) stderr.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string DotNet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string FindDll()
    {
        // .../tests/DiplomacyGraph.Tests/bin/<Configuration>/net10.0/
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent?.Name ?? "Debug";
        string[] candidates =
        [
            Path.Combine(RepositoryFiles.Root, "src", "DiplomacyGraph.Api", "bin", configuration, testOutput.Name, "DiplomacyGraph.Api.dll"),
            Path.Combine(AppContext.BaseDirectory, "DiplomacyGraph.Api.dll"),
        ];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"DiplomacyGraph.Api.dll not found; looked at {string.Join(", ", candidates)}. Build the solution first.");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
