using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace DiplomacyGraph.Storage.Neo4j;

// Discovery: which server answers, and which of its HTTP APIs the store speaks to it.
internal sealed partial class Neo4jHttpClient
{
    /// <summary>The server's version and endpoints, discovered once and again after a connection failure.</summary>
    public Task<Neo4jServerInfo> Server(CancellationToken ct) =>
        server is { } known ? Task.FromResult(known) : Discover(ct);

    private async Task<Neo4jServerInfo> Discover(CancellationToken ct)
    {
        var root = options.Uri!;
        // On the request timeout's clock even outside a pipeline (the store's set-up asks first): a paused server must fail
        // the call in that time, not hold start-up for the HTTP client's backstop, which is the longer import timeout.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.RequestTimeout);
        Neo4jServerInfo info;
        try
        {
            using var discovery = await GetJson(root, timeout.Token);
            info = await Choose(root, discovery.RootElement, timeout.Token);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw Unavailable("timed out", e);
        }
        logger.LogInformation("Neo4j {Version}: {Protocol} API at {Endpoint}", info.Version,
            info.Protocol == Neo4jProtocol.Query ? "Query" : "transactional", info.Protocol == Neo4jProtocol.Query ? info.QueryUri : info.TransactionUri);
        server = info;
        return info;
    }

    /// <summary>
    /// Auto: the transactional API wherever the server offers it (the path tested against a real server), the Query API
    /// where discovery lacks <c>transaction</c> (Aura); <see cref="Neo4jOptions.Protocol"/> overrides the choice.
    /// </summary>
    private async Task<Neo4jServerInfo> Choose(Uri root, JsonElement discovery, CancellationToken ct)
    {
        var version = VersionOf(discovery);
        var query = Advertised(root, discovery, "query");
        var transaction = Advertised(root, discovery, "transaction");
        if (transaction is null && discovery.TryGetProperty("data", out var data) && data.GetString() is { } dataUri && options.Protocol != Neo4jProtocol.Query)
        {
            // 3.x: the data endpoint names the transaction endpoint and the version; there is no Query API.
            using var service = await GetJson(Rebase(root, dataUri), ct);
            var endpoint = service.RootElement.TryGetProperty("transaction", out var t) ? t.GetString() : null;
            return new Neo4jServerInfo(VersionOf(service.RootElement), Neo4jProtocol.Tx, Rebase(root, endpoint ?? "/db/data/transaction"), null);
        }
        query ??= Rebase(root, $"/db/{Uri.EscapeDataString(options.Database)}/query/v2");
        return options.Protocol switch
        {
            Neo4jProtocol.Query => new Neo4jServerInfo(version, Neo4jProtocol.Query, transaction, query),
            _ when transaction is not null => new Neo4jServerInfo(version, Neo4jProtocol.Tx, transaction, query),
            Neo4jProtocol.Tx => throw new StoreMisconfiguredException(
                "Neo4j:Protocol is 'tx' but GET / advertises no transactional API (as on Aura); use 'auto' or 'query'."),
            _ => new Neo4jServerInfo(version, Neo4jProtocol.Query, null, query),
        };
    }

    private Uri? Advertised(Uri root, JsonElement discovery, string name) =>
        discovery.TryGetProperty(name, out var template) && template.GetString() is { } advertised
            ? Rebase(root, advertised.Replace("{databaseName}", Uri.EscapeDataString(options.Database), StringComparison.Ordinal))
            : null;

    private static string VersionOf(JsonElement element) =>
        element.TryGetProperty("neo4j_version", out var version) && version.GetString() is { } v ? v : "0";

    /// <summary>The advertised host may be a container's own name; keep the path and reach it where we reached the root.</summary>
    internal static Uri Rebase(Uri root, string advertised)
    {
        var path = Uri.TryCreate(advertised, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : advertised;
        return new Uri(root, path);
    }
}
