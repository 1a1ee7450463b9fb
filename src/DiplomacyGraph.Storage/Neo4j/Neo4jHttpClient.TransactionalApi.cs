using System.Net;
using System.Net.Http.Json;

namespace DiplomacyGraph.Storage.Neo4j;

// The transactional API: one request to the commit endpoint per unit of work.
internal sealed partial class Neo4jHttpClient
{
    private async Task<IReadOnlyList<CypherResult>> RunOnTransactionalApi(Neo4jServerInfo info, IReadOnlyList<CypherStatement> statements, CommitState? commit, CancellationToken ct)
    {
        var uri = new Uri(info.TransactionUri!.AbsoluteUri.TrimEnd('/') + "/commit");
        // "statements" must be the first field of the body.
        var body = new Dictionary<string, object>
        {
            ["statements"] = statements.Select(s => new Dictionary<string, object?>
            {
                ["statement"] = s.Text,
                ["parameters"] = s.Parameters ?? new Dictionary<string, object?>(),
            }).ToList(),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent.Create(body, options: Json) };
        var (status, root, _) = await Exchange(request, commit, ct);
        if (status == HttpStatusCode.NotFound)
        {
            throw info.QueryUri is null || options.Protocol != Neo4jProtocol.Auto
                ? new Neo4jQueryException("HTTP 404", $"POST {uri.AbsolutePath}: the transactional API is not there.")
                : new TransactionalApiMissingException();
        }
        ThrowOnErrors(root);
        if (status is not HttpStatusCode.OK and not HttpStatusCode.Created)
        {
            throw new Neo4jQueryException($"HTTP {(int)status}", $"POST {uri.AbsolutePath} failed without errors.");
        }
        return [.. root.GetProperty("results").EnumerateArray().Select(r => new CypherResult(
            [.. r.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!)],
            [.. r.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("row"))]))];
    }

    /// <summary>The transactional API is not there (404): Auto mode moves to the Query API.</summary>
    private sealed class TransactionalApiMissingException() : Exception("The transactional API answered 404.");
}
