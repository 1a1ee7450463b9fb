using System.Net;
using System.Net.Sockets;

namespace DiplomacyGraph.Benchmarks;

/// <summary>
/// A loopback HTTP proxy in front of Neo4j that forwards every request unchanged and keeps the bodies of the Cypher
/// requests (POSTs) passing through, so the load mode can replay exactly what the API sent for one answer straight to
/// Neo4j. Only used for capture, one request at a time; the measured runs never go through it.
/// </summary>
internal sealed class CypherCapture : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Connection", "Transfer-Encoding", "Keep-Alive", "Expect",
    };

    private readonly HttpListener listener = new();
    private readonly HttpClient upstream;
    private readonly List<CapturedRequest> captured = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task serving;

    public Uri Address { get; }

    private CypherCapture(Uri neo4j)
    {
        var port = FreePort();
        Address = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(Address.ToString());
        listener.Start();
        upstream = new HttpClient { BaseAddress = neo4j, Timeout = TimeSpan.FromMinutes(2) };
        serving = Task.Run(Serve);
    }

    public static CypherCapture Start(Uri neo4j) => new(neo4j);

    /// <summary>The Cypher requests forwarded since the last call, in order; the list starts afresh.</summary>
    public IReadOnlyList<CapturedRequest> Take()
    {
        lock (captured)
        {
            var taken = captured.ToList();
            captured.Clear();
            return taken;
        }
    }

    private async Task Serve()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => Forward(context));
        }
    }

    private async Task Forward(HttpListenerContext context)
    {
        var request = context.Request;
        using var body = new MemoryStream();
        await request.InputStream.CopyToAsync(body);
        var bytes = body.ToArray();
        using var message = new HttpRequestMessage(new HttpMethod(request.HttpMethod), request.Url!.PathAndQuery);
        if (bytes.Length > 0 || request.HttpMethod is "POST" or "PUT")
        {
            message.Content = new ByteArrayContent(bytes);
        }
        foreach (var name in request.Headers.AllKeys.OfType<string>().Where(n => !HopHeaders.Contains(n)))
        {
            var values = request.Headers.GetValues(name) ?? [];
            if (!message.Headers.TryAddWithoutValidation(name, values)) message.Content?.Headers.TryAddWithoutValidation(name, values);
        }
        try
        {
            using var answer = await upstream.SendAsync(message);
            var answerBytes = await answer.Content.ReadAsByteArrayAsync();
            if (request.HttpMethod == "POST")
            {
                lock (captured) captured.Add(new CapturedRequest(request.Url.PathAndQuery, request.ContentType ?? "application/json", bytes));
            }
            context.Response.StatusCode = (int)answer.StatusCode;
            if (answer.Content.Headers.ContentType is { } type) context.Response.ContentType = type.ToString();
            context.Response.ContentLength64 = answerBytes.Length;
            await context.Response.OutputStream.WriteAsync(answerBytes);
        }
        catch (HttpRequestException)
        {
            context.Response.StatusCode = 502;
        }
        finally
        {
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await serving;
        }
        catch (ObjectDisposedException)
        {
            // The listener closed under the pending GetContextAsync.
        }
        listener.Close();
        upstream.Dispose();
        stop.Dispose();
    }
}

/// <summary>One Cypher request as the API sent it: the path (the transactional commit endpoint), content type and body.</summary>
internal sealed record CapturedRequest(string Path, string ContentType, byte[] Body);
