using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;

namespace DiplomacyGraph.Tests.OpenApi;

/// <summary>
/// A digest of everything the store holds: every node (sources included) and every relationship, with all
/// their properties and evidence. Read through <see cref="IGraphStore"/> itself, not through the capped /api/graph.
/// </summary>
public static class StoreFingerprint
{
    public static async Task<(string Digest, int Nodes, int Edges)> OfAsync(IGraphStore store, CancellationToken ct)
    {
        // Far more than any test graph holds (Truncated is checked), yet a LIMIT Neo4j 3.1 can size its top-N buffer for.
        var graph = await store.GetGraph(1_000_000, ct);
        Assert.False(graph.Truncated, "The store cut the graph short; the fingerprint needs all of it.");
        var sources = await store.ListSources(ct);
        var text = new StringBuilder();
        foreach (var node in graph.Nodes.Concat(sources).OrderBy(n => n.Label).ThenBy(n => n.Id, StringComparer.Ordinal))
        {
            text.Append("node ").Append(node.Label).Append(' ').Append(node.Id).Append('\n');
            Properties(text, node.Properties);
            Evidence(text, node.Evidence);
        }
        foreach (var edge in graph.Edges.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            text.Append("edge ").Append(edge.Id).Append('\n');
            Properties(text, edge.Properties);
            Evidence(text, edge.Evidence);
        }
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        return (digest, graph.Nodes.Count + sources.Count, graph.Edges.Count);
    }

    private static void Properties(StringBuilder text, IReadOnlyDictionary<string, object?> properties)
    {
        foreach (var (key, value) in properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var shown = value switch
            {
                null => "null",
                string s => s,
                IEnumerable<string> list => "[" + string.Join("\u001f", list) + "]",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
            text.Append("  ").Append(key).Append('=').Append(shown).Append('\n');
        }
    }

    private static void Evidence(StringBuilder text, IReadOnlyList<Evidence> evidence)
    {
        foreach (var e in evidence.OrderBy(e => e.SourceId, StringComparer.Ordinal).ThenBy(e => e.Text, StringComparer.Ordinal))
        {
            text.Append("  evidence ").Append(e.SourceId).Append(": ").Append(e.Text).Append('\n');
        }
    }
}
