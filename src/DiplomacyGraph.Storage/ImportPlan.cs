using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage;

/// <summary>
/// What an import will do to what a store holds, decided the same way by every store: <see cref="Refusal"/> refuses
/// unknown endpoints, relationships between labels their type does not join, and ids held under another label (before
/// anything is written); <see cref="Make"/> then merges each element and keeps those that change.
/// </summary>
/// <param name="Summary">Ids created, updated and left unchanged.</param>
/// <param name="Nodes">Changed nodes: as the document gives them, and as merged into the stored node.</param>
/// <param name="Edges">Changed edges, likewise.</param>
public sealed record ImportPlan(
    ImportSummary Summary,
    IReadOnlyList<(GraphNode Incoming, GraphNode Merged)> Nodes,
    IReadOnlyList<(GraphEdge Incoming, GraphEdge Merged)> Edges)
{
    /// <summary>Why the store must refuse the import, or null when it may go ahead.</summary>
    /// <param name="incoming">The document, as nodes and edges.</param>
    /// <param name="stored">The stored nodes the document names or refers to (more may be given).</param>
    public static IImportOutcome? Refusal(DocumentGraph incoming, IReadOnlyDictionary<string, GraphNode> stored)
    {
        var declared = incoming.Nodes.ToDictionary(n => n.Id, n => n.Label, StringComparer.Ordinal);
        if (WriteChecks.Unknown(incoming.Edges.SelectMany(e => new[] { e.From, e.To }), id => declared.ContainsKey(id) || stored.ContainsKey(id)) is { } unknown)
        {
            return unknown;
        }
        if (WriteChecks.EndpointsMismatch(incoming.Edges, id => declared.TryGetValue(id, out var label) ? label : stored[id].Label) is { } mismatch)
        {
            return mismatch;
        }
        var declaredKinds = incoming.Nodes.Where(n => n.Label == NodeLabel.Actor).ToDictionary(n => n.Id, n => n.Kind, StringComparer.Ordinal);
        if (WriteChecks.NotPersons(incoming.Edges, id => declaredKinds.TryGetValue(id, out var kind) ? kind : stored[id].Kind) is { } notPersons)
        {
            return notPersons;
        }
        var conflicts = incoming.Nodes.Where(n => stored.TryGetValue(n.Id, out var current) && current.Label != n.Label)
            .Select(n => $"'{n.Id}' is a {stored[n.Id].Label}, not a {n.Label}").ToList();
        return conflicts.Count > 0 ? new WriteOutcome.Conflict(conflicts) : null;
    }

    /// <summary>The plan of an import that <see cref="Refusal"/> accepts.</summary>
    /// <param name="incoming">The document, as nodes and edges.</param>
    /// <param name="stored">The stored nodes the document names or refers to (more may be given).</param>
    /// <param name="storedEdges">The stored edges the document names (more may be given).</param>
    /// <param name="publishedOf">The rank key (<see cref="SourceRank"/>) of a source that claims something of a fact the document names.</param>
    public static ImportPlan Make(DocumentGraph incoming, IReadOnlyDictionary<string, GraphNode> stored, IReadOnlyDictionary<string, GraphEdge> storedEdges,
        Func<string, string?> publishedOf)
    {
        // A source the document (re)writes ranks by its new provenance and publication date.
        var incomingSources = incoming.Nodes.Where(n => n.Label == NodeLabel.Source).ToDictionary(n => n.Id, n => (string?)SourceRank.Key(n), StringComparer.Ordinal);
        string? Published(string id) => incomingSources.TryGetValue(id, out var published) ? published : publishedOf(id);
        var tally = new ImportTally();
        var nodes = new List<(GraphNode, GraphNode)>();
        foreach (var node in incoming.Nodes)
        {
            var current = stored.GetValueOrDefault(node.Id);
            var merged = current is null ? FactProvenance.Marked(ClaimRules.Fresh(node), Published) : ClaimRules.Merge(current, node, Published);
            if (tally.Node(node.Id, current, merged)) nodes.Add((node, merged));
        }
        var edges = new List<(GraphEdge, GraphEdge)>();
        foreach (var edge in incoming.Edges)
        {
            var current = storedEdges.GetValueOrDefault(edge.Id);
            var merged = current is null ? ClaimRules.Fresh(edge) : ClaimRules.Merge(current, edge, Published);
            if (tally.Edge(edge.Id, current, merged)) edges.Add((edge, merged));
        }
        return new ImportPlan(tally.ToSummary(), nodes, edges);
    }
}
