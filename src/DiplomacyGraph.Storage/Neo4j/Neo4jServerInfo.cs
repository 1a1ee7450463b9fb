using System.Globalization;

namespace DiplomacyGraph.Storage.Neo4j;

/// <summary>What <c>GET /</c> told us about the server, and which of its HTTP APIs the store speaks to it.</summary>
/// <param name="Version">The server's <c>neo4j_version</c>, "0" when it does not say.</param>
/// <param name="Protocol"><see cref="Neo4jProtocol.Tx"/> or <see cref="Neo4jProtocol.Query"/>, never Auto.</param>
/// <param name="TransactionUri">The transactional API's <c>…/tx</c> (3.x: <c>/db/data/transaction</c>), when the server offers it.</param>
/// <param name="QueryUri">The Query API's <c>…/query/v2</c>, advertised or (when asked for) assumed.</param>
internal sealed record Neo4jServerInfo(string Version, Neo4jProtocol Protocol, Uri? TransactionUri, Uri? QueryUri)
{
    public int MajorVersion => int.TryParse(Version.Split('.')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var major) ? major : 0;
}
