using System.Net.Sockets;
using System.Text;
using DiplomacyGraph.Tests.Writes;

namespace DiplomacyGraph.Tests.OpenApi;

/// <summary>
/// The answers Kestrel writes itself, before any middleware runs, so they cannot be problem+json: 414 for an over-long
/// request line, and 400 for a malformed one (a NUL in the path). The negative run exempts exactly these; the test host
/// it uses has no Kestrel, so they are pinned here against the real server, over a raw socket.
/// </summary>
public sealed class KestrelAnswersTests
{
    [Fact]
    public async Task Kestrel_answers_an_over_long_URL_with_414_and_a_NUL_in_the_path_with_400_itself_with_empty_bodies()
    {
        var folder = Directory.CreateTempSubdirectory("diplomacygraph-kestrel-").FullName;
        try
        {
            await using var api = await ApiProcess.StartAsync(Path.Combine(folder, "graph.db"), "kestrel-key-0123456789abcdef012345");
            foreach (var (broken, target, expected) in new[]
            {
                ("over-long URL", "/api/actors?q=" + new string('x', 9_000), 414),
                ("NUL in the path", "/api/actors/%00", 400),
            })
            {
                var (status, head, body) = await SendRawAsync(api.Client.BaseAddress!, $"GET {target} HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nConnection: close\r\n\r\n");
                Assert.True(status == expected, $"Expected {expected} for the {broken}, got {status}:\n{head}");
                Assert.DoesNotContain("application/problem+json", head, StringComparison.OrdinalIgnoreCase);
                Assert.Equal("", body);
            }
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<(int Status, string Head, string Body)> SendRawAsync(Uri address, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var answer = await reader.ReadToEndAsync();
        var split = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? answer : answer[..split];
        var status = int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, head, split < 0 ? "" : answer[(split + 4)..]);
    }
}
