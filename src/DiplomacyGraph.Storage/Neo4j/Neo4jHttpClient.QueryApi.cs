using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace DiplomacyGraph.Storage.Neo4j;

// The Query API: one statement per request; several run in one explicit transaction.
internal sealed partial class Neo4jHttpClient
{
    private async Task<IReadOnlyList<CypherResult>> RunOnQueryApi(Neo4jServerInfo info, IReadOnlyList<CypherStatement> statements, CommitState? commit, bool write, CancellationToken ct)
    {
        var query = info.QueryUri!.AbsoluteUri.TrimEnd('/');
        if (statements.Count == 1)
        {
            // An implicit transaction: the request commits.
            var (_, single) = await QueryRequest(HttpMethod.Post, new Uri(query), statements[0], withBookmarks: true, affinity: null, commit, ct);
            Remember(single, write);
            return [Result(single)];
        }

        var results = new List<CypherResult>(statements.Count);
        string? id = null, affinity = null;
        try
        {
            (affinity, var first) = await QueryRequest(HttpMethod.Post, new Uri(query + "/tx"), statements[0], withBookmarks: true, affinity: null, commit: null, ct);
            id = first.TryGetProperty("transaction", out var transaction) && transaction.TryGetProperty("id", out var tid) ? tid.ToString() : null;
            if (string.IsNullOrEmpty(id)) throw new Neo4jQueryException("Query API", "POST …/query/v2/tx answered without a transaction id.");
            results.Add(Result(first));
            var open = new Uri($"{query}/tx/{Uri.EscapeDataString(id)}");
            for (var i = 1; i < statements.Count - 1; i++)
            {
                results.Add(Result((await QueryRequest(HttpMethod.Post, open, statements[i], withBookmarks: false, affinity, commit: null, ct)).Body));
            }
            // The last statement travels with the commit, which saves a round trip.
            var (_, last) = await QueryRequest(HttpMethod.Post, new Uri(open.AbsoluteUri + "/commit"), statements[^1], withBookmarks: false, affinity, commit, ct);
            id = null;
            results.Add(Result(last));
            Remember(last, write);
            return results;
        }
        finally
        {
            if (id is not null) await RollBack(new Uri($"{query}/tx/{Uri.EscapeDataString(id)}"), affinity);
        }
    }

    private async Task<(string? Affinity, JsonElement Body)> QueryRequest(
        HttpMethod method, Uri uri, CypherStatement statement, bool withBookmarks, string? affinity, CommitState? commit, CancellationToken ct)
    {
        var body = new Dictionary<string, object?>
        {
            ["statement"] = statement.Text,
            ["parameters"] = statement.Parameters ?? new Dictionary<string, object?>(),
        };
        if (withBookmarks && bookmarks is { Length: > 0 } known) body["bookmarks"] = known;
        using var request = new HttpRequestMessage(method, uri) { Content = JsonContent.Create(body, options: Json) };
        if (affinity is not null) request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        var (status, root, answeredAffinity) = await Exchange(request, commit, ct);
        ThrowOnErrors(root);
        if ((int)status >= 400)
        {
            throw new Neo4jQueryException($"HTTP {(int)status}", $"{method} {uri.AbsolutePath} failed without errors.");
        }
        return (answeredAffinity, root);
    }

    /// <summary>Query API answers: <c>{"data": {"fields": [...], "values": [[...], ...]}, "bookmarks": [...]}</c>.</summary>
    private static CypherResult Result(JsonElement body) =>
        body.TryGetProperty("data", out var data)
            ? new CypherResult(
                [.. data.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!)],
                [.. data.GetProperty("values").EnumerateArray()])
            : new CypherResult([], []);

    private void Remember(JsonElement body, bool write)
    {
        if (write && body.TryGetProperty("bookmarks", out var marks) && marks.ValueKind == JsonValueKind.Array && marks.GetArrayLength() > 0)
        {
            bookmarks = [.. marks.EnumerateArray().Select(m => m.GetString()!).Where(m => m is not null)];
        }
    }

    /// <summary>Best effort, on its own short clock: an unfinished transaction also expires on the server.</summary>
    private async Task RollBack(Uri uri, string? affinity)
    {
        try
        {
            using var cancel = new CancellationTokenSource(options.ConnectTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Delete, uri);
            if (affinity is not null) request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
            using var response = await Send(request, cancel.Token);
        }
        catch (Exception e) when (e is StoreUnavailableException or StoreMisconfiguredException or OperationCanceledException)
        {
            logger.LogWarning(e, "Could not roll back Neo4j transaction {Transaction}; the server expires it", uri.AbsolutePath);
        }
    }
}
