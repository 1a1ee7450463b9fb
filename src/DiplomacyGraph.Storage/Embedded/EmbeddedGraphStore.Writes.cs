using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Resolution;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage.Embedded;

// Single-resource writes. Each runs under the write lock, commits to SQLite, then applies the change to the index.
public sealed partial class EmbeddedGraphStore
{
    public Task<ICreateNodeOutcome> CreateNode(GraphNode node, CancellationToken ct)
    {
        lock (writeLock)
        {
            if (index.Nodes.TryGetValue(node.Id, out var existing))
            {
                return Task.FromResult<ICreateNodeOutcome>(new WriteOutcome.Conflict([$"'{node.Id}' is already taken by a node of label {existing.Label}."]));
            }
            if (Unknown(WriteChecks.References(node)) is { } unknown) return Task.FromResult<ICreateNodeOutcome>(unknown);
            Publish(upserted: [FactProvenance.Marked(ClaimRules.Fresh(node), Published)]);
            return Task.FromResult<ICreateNodeOutcome>(WriteOutcome.Created.Value);
        }
    }

    public Task<IReplaceNodeOutcome> ReplaceNode(GraphNode node, CancellationToken ct)
    {
        lock (writeLock)
        {
            if (index.Find(node.Label, node.Id) is not { } existing)
            {
                return Task.FromResult<IReplaceNodeOutcome>(WriteOutcome.NotFound.Value);
            }
            if (Unknown(WriteChecks.References(node)) is { } unknown) return Task.FromResult<IReplaceNodeOutcome>(unknown);
            // A fact's values are its sources' claims: the body replaces its source's. A source node has no claims.
            var replaced = node.Evidence.Count == 0
                ? node with { Evidence = GraphMerge.MergeEvidence(existing.Evidence, node.Evidence) }
                : ClaimRules.Merge(existing, node, Published, replace: true);
            Publish(upserted: [replaced]);
            return Task.FromResult<IReplaceNodeOutcome>(new WriteOutcome.Replaced(replaced));
        }
    }

    public Task<IDeleteNodeOutcome> DeleteNode(NodeLabel label, string id, bool cascade, CancellationToken ct)
    {
        lock (writeLock)
        {
            return Task.FromResult(Delete());
        }

        IDeleteNodeOutcome Delete()
        {
            if (index.Find(label, id) is null) return WriteOutcome.NotFound.Value;
            if (label == NodeLabel.Source)
            {
                // A source's facts are not its relationships: retracting them is not a delete's job.
                var citing = index.NodesCiting(id).Count() + index.EdgesCiting(id).Count();
                if (citing > 0) return new WriteOutcome.InUse(citing);
                Publish(deletedNodes: [id]);
                return new WriteOutcome.Deleted(0);
            }
            var links = index.LinksOf(id);
            if (links.Count > 0 && !cascade) return new WriteOutcome.InUse(links.Count);
            Publish(deletedNodes: [id], deletedEdges: [.. links.Select(l => l.Edge).Distinct()]);
            return new WriteOutcome.Deleted(links.Count);
        }
    }

    public Task<ICreateEdgeOutcome> CreateEdge(GraphEdge edge, CancellationToken ct)
    {
        lock (writeLock)
        {
            return Task.FromResult(Create());
        }

        ICreateEdgeOutcome Create()
        {
            if (index.HasEdge(edge.From, edge.Type, edge.To))
            {
                return new WriteOutcome.Conflict([$"The relationship {edge.From} -{edge.Type}-> {edge.To} already exists."]);
            }
            if (Unknown(WriteChecks.References(edge)) is { } unknown) return unknown;
            if (WriteChecks.EndpointsMismatch([edge], id => index.Nodes[id].Label) is { } mismatch) return mismatch;
            Publish(upsertedEdges: [ClaimRules.Fresh(edge)]);
            return WriteOutcome.Created.Value;
        }
    }

    public Task<GraphEdge?> GetEdge(string fromId, string type, string toId, CancellationToken ct) =>
        Read(() => index.Edge(fromId, type, toId));

    public Task<IDeleteEdgeOutcome> DeleteEdge(string fromId, string type, string toId, CancellationToken ct)
    {
        lock (writeLock)
        {
            if (index.Edge(fromId, type, toId) is not { } edge) return Task.FromResult<IDeleteEdgeOutcome>(WriteOutcome.NotFound.Value);
            Publish(deletedEdges: [edge]);
            return Task.FromResult<IDeleteEdgeOutcome>(new WriteOutcome.Deleted(0));
        }
    }

    public Task<IRetractSourceOutcome> RetractSource(string sourceId, CancellationToken ct)
    {
        lock (writeLock)
        {
            if (index.Find(NodeLabel.Source, sourceId) is null) return Task.FromResult<IRetractSourceOutcome>(WriteOutcome.NotFound.Value);
            // The citation index gives the source's facts: the cost is theirs (and deleted nodes' links), not the graph's.
            var plan = RetractionPlan.Make(sourceId, index.NodesCiting(sourceId).ToList(), index.EdgesCiting(sourceId).ToList(),
                id => index.EdgesOf(id), Published);
            Publish(upserted: plan.Nodes, upsertedEdges: plan.Edges, deletedNodes: [.. plan.DeletedNodes, sourceId], deletedEdges: plan.DeletedEdges);
            return Task.FromResult<IRetractSourceOutcome>(new WriteOutcome.Retracted(plan.Summary));
        }
    }

    public Task<SourceRetraction> Withdraw(IReadOnlyList<string> nodeIds, Func<string, bool> fromSource, CancellationToken ct)
    {
        lock (writeLock)
        {
            var nodes = nodeIds.Distinct(StringComparer.Ordinal).Select(id => index.Nodes.GetValueOrDefault(id))
                .OfType<GraphNode>().Where(n => n.Label != NodeLabel.Source).ToList();
            var plan = WithdrawalPlan.Make(nodes, id => index.EdgesOf(id), fromSource, Published);
            if (plan.Nodes.Count + plan.Edges.Count + plan.DeletedNodes.Count + plan.DeletedEdges.Count > 0)
            {
                Publish(upserted: plan.Nodes, upsertedEdges: plan.Edges, deletedNodes: plan.DeletedNodes, deletedEdges: plan.DeletedEdges);
            }
            return Task.FromResult(plan.Summary);
        }
    }

    /// <summary>A source's rank key (provenance, then <c>published</c>), which ranks its claims (<see cref="ClaimRules"/>, <see cref="SourceRank"/>).</summary>
    private string? Published(string sourceId) => SourceRank.Key(index.Nodes.GetValueOrDefault(sourceId));

    private WriteOutcome.UnknownReferences? Unknown(IEnumerable<string> references) => WriteChecks.Unknown(references, index.Nodes.ContainsKey);

    /// <summary>
    /// Commits the change to the file, then applies it to the index while readers wait, so that no reader sees it
    /// half applied and every reader after the write returns sees it. Callers hold the write lock, so the index they
    /// checked is the one changed. The cost is that of the change, not of the graph; and readers wait only for the part
    /// that changes what they read: compacting the change and the resolution features are prepared before.
    /// </summary>
    private void Publish(IReadOnlyList<GraphNode>? upserted = null, IReadOnlyList<GraphEdge>? upsertedEdges = null,
        IReadOnlyList<string>? deletedNodes = null, IReadOnlyList<GraphEdge>? deletedEdges = null,
        IReadOnlyList<Judgement>? judgements = null, IReadOnlyList<string>? deletedJudgements = null)
    {
        if (refusal is not null) throw refusal;
        file.Write(upserted ?? [], upsertedEdges ?? [], deletedNodes, deletedEdges?.Select(e => e.Id), judgements, deletedJudgements);
        // Only this writer uses the index's string pool and reads what it prepares, so readers go on meanwhile.
        var change = index.Prepare(upserted ?? [], upsertedEdges ?? [], deletedNodes ?? [], (deletedEdges ?? []).Select(GraphIndex.EdgeKey.Of));
        // Candidates follow every write: the written actors are re-blocked and re-scored from the index's copies.
        var matching = ResolutionIndex.Prepare(change.DeletedNodes.Count == 0 ? change.Nodes
            : change.Nodes.Where(n => !change.DeletedNodes.Contains(n.Id, StringComparer.Ordinal)));
        gate.EnterWriteLock();
        try
        {
            index.Apply(change);
            foreach (var pair in deletedJudgements ?? []) resolution.Remove(pair);
            foreach (var judgement in judgements ?? []) resolution.Put(judgement);
            resolution.Refresh(matching, change.DeletedNodes);
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }
}
