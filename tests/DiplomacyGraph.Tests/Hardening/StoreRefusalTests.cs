using System.Net;
using System.Net.Sockets;
using DiplomacyGraph.Tests.Writes;

namespace DiplomacyGraph.Tests.Hardening;

/// <summary>
/// A store that answers but refuses this service's configuration is the one start-up failure no retry fixes: the service
/// stops with one line on stderr and exit code 2, not a stack trace, and not an endless wait.
/// </summary>
public sealed class StoreRefusalTests
{
    [Fact]
    public async Task A_Neo4j_that_refuses_the_credentials_stops_start_up_with_one_line_naming_the_settings_and_exit_code_2()
    {
        int port;
        using (var free = new TcpListener(IPAddress.Loopback, 0))
        {
            free.Start();
            port = ((IPEndPoint)free.LocalEndpoint).Port;
        }
        // A stand-in for a Neo4j with authentication on: every request answers 401.
        using var neo4j = new HttpListener { Prefixes = { $"http://127.0.0.1:{port}/" } };
        neo4j.Start();
        var refusing = Task.Run(async () =>
        {
            while (neo4j.IsListening)
            {
                try
                {
                    var context = await neo4j.GetContextAsync();
                    context.Response.StatusCode = (int)HttpStatusCode.Unauthorized;
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
            }
        });

        var (exitCode, output, error) = await ApiProcess.RunAsync("--urls", "http://127.0.0.1:0", $"--Neo4j:Uri=http://127.0.0.1:{port}/",
            "--Neo4j:User=neo4j", "--Neo4j:Password=not-the-password", "--Seed:Enabled=false");
        neo4j.Stop();
        await refusing;

        Assert.True(exitCode == 2, $"The service exited with {exitCode}.\n{output}\n{error}");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Neo4j:User", line, StringComparison.Ordinal);
        Assert.Contains("401", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("Start-up attempt 2", output, StringComparison.Ordinal);
    }
}
