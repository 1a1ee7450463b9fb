using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DiplomacyGraph.Tests.Hardening;

/// <summary>
/// The service on the embedded store behind a real Kestrel listener on loopback, so that what only a real server
/// does is under test: the client's address (127.0.0.1), the <c>Server</c> header, CORS preflight, the Host check.
/// Started once per test class, on first use.
/// </summary>
public abstract class EdgeHost : IDisposable
{
    private readonly Lock gate = new();
    private WebApplicationFactory<Program>? factory;
    private HttpClient? client;

    /// <summary>The host's settings (on top of the test defaults).</summary>
    protected abstract IDictionary<string, string?> Settings { get; }

    public HttpClient Client
    {
        get
        {
            lock (gate)
            {
                if (client is null)
                {
                    var embedded = DiplomacyGraphFactory.Embedded(Settings);
                    embedded.UseKestrel(0);
                    embedded.StartServer();
                    factory = embedded;
                    client = embedded.CreateClient();
                    client.Timeout = TestSettings.Http;
                }
                return client;
            }
        }
    }

    public void Dispose()
    {
        client?.Dispose();
        factory?.Dispose();
        GC.SuppressFinalize(this);
    }
}
