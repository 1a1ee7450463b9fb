using DiplomacyGraph.Storage.Idempotency;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage.Resolution;

/// <summary>
/// The store the application uses: a store of either kind, with entity resolution in front of it, so that every question
/// that takes an id takes a merged one too. A read that misses an id asks which node it was merged into and asks again
/// (a merged id names no node, so reads of ids never merged cost nothing more); an import, a replace or a relationship
/// naming a merged id is written to the canonical node, its claims and evidence tagged with the id it named, so that
/// undoing the merge gives them back. After each write the written actors' candidates are refreshed and certain pairs
/// (FtM referents, equal strong identifiers, and scores over <see cref="ResolutionOptions.AutoMergeScore"/>) merged.
/// </summary>
public sealed class ResolvingGraphStore(IGraphStore inner, IResolutionStore resolution, ResolutionOptions options) : IGraphStore
{
    /// <summary>How many rounds of automatic merges one write may set off (a merge can make a new certain pair).</summary>
    private const int MaxAutoMergeRounds = 5;

    public IGraphStore Inner => inner;

    private async Task<string?> CanonicalOf(string id, CancellationToken ct) =>
        (await resolution.Canonicals([id], ct)).GetValueOrDefault(id);

    /// <summary>Asks again with the canonical id when the first answer missed a merged one.</summary>
    private async Task<Lookup<T>> Retry<T>(Lookup<T> first, Func<string, string, Task<Lookup<T>>> again, CancellationToken ct)
    {
        var answer = first;
        for (var round = 0; round < 3 && answer is Missing<T> miss && await CanonicalOf(miss.Id, ct) is { } canonical; round++)
        {
            answer = await again(miss.Parameter ?? "", canonical);
        }
        return answer;
    }

    public async Task<bool> Exists(NodeLabel label, string id, CancellationToken ct) =>
        await inner.Exists(label, id, ct) || (await CanonicalOf(id, ct) is { } c && await inner.Exists(label, c, ct));

    public async Task<Lookup<GraphNode>> FindNode(string id, CancellationToken ct) =>
        await Retry(await inner.FindNode(id, ct), (_, c) => inner.FindNode(c, ct), ct);

    public Task<IReadOnlyList<GraphNode>> Suggest(string missingId, NodeLabel? label, int max, CancellationToken ct) => inner.Suggest(missingId, label, max, ct);

    public Task<Page<GraphNode>> SearchActors(ActorSearch search, CancellationToken ct) => inner.SearchActors(search, ct);

    public async Task<Lookup<NodeWithLinks>> GetNode(NodeLabel label, string id, CancellationToken ct) =>
        await Retry(await inner.GetNode(label, id, ct), (_, c) => inner.GetNode(label, c, ct), ct);

    public async Task<IReadOnlyList<NodeWithLinks>> GetNodes(NodeLabel label, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var canonicals = await resolution.Canonicals(ids, ct);
        return await inner.GetNodes(label, canonicals.Count == 0 ? ids : [.. ids.Select(id => canonicals.GetValueOrDefault(id) ?? id)], ct);
    }

    public async Task<Lookup<IReadOnlyList<Link>>> GetRelationships(string actorId, string? type, string direction, CancellationToken ct) =>
        await Retry(await inner.GetRelationships(actorId, type, direction, ct), (_, c) => inner.GetRelationships(c, type, direction, ct), ct);

    public async Task<Lookup<Subgraph>> GetNetwork(string actorId, int depth, int maxNodes, NodeDetail detail, CancellationToken ct) =>
        await Retry(await inner.GetNetwork(actorId, depth, maxNodes, detail, ct), (_, c) => inner.GetNetwork(c, depth, maxNodes, detail, ct), ct);

    public async Task<Lookup<IReadOnlyList<CoParticipant>>> GetCoParticipants(string actorId, CancellationToken ct) =>
        await Retry(await inner.GetCoParticipants(actorId, ct), (_, c) => inner.GetCoParticipants(c, ct), ct);

    public Task<Page<NodeWithLinks>> FindEvents(EventSearch search, CancellationToken ct) => inner.FindEvents(search, ct);

    public Task<Page<NodeWithLinks>> FindSanctions(SanctionSearch search, CancellationToken ct) => inner.FindSanctions(search, ct);

    public Task<Page<NodeWithLinks>> FindStatements(StatementSearch search, CancellationToken ct) => inner.FindStatements(search, ct);

    public async Task<Lookup<Page<NodeWithLinks>>> FindEventsIfAnchorsExist(EventSearch search, CancellationToken ct) =>
        await Retry(await inner.FindEventsIfAnchorsExist(search, ct), (_, c) => inner.FindEventsIfAnchorsExist(search = search with { ActorId = c }, ct), ct);

    public async Task<Lookup<Page<NodeWithLinks>>> FindSanctionsIfAnchorsExist(SanctionSearch search, CancellationToken ct) =>
        await Retry(await inner.FindSanctionsIfAnchorsExist(search, ct), (parameter, c) => inner.FindSanctionsIfAnchorsExist(
            search = parameter == "imposer" ? search with { ImposerId = c } : search with { TargetId = c }, ct), ct);

    public async Task<Lookup<Page<NodeWithLinks>>> FindStatementsIfAnchorsExist(StatementSearch search, CancellationToken ct) =>
        await Retry(await inner.FindStatementsIfAnchorsExist(search, ct), (parameter, c) => inner.FindStatementsIfAnchorsExist(
            search = parameter == "speaker" ? search with { SpeakerId = c } : search with { AboutId = c }, ct), ct);

    public async Task<Lookup<Page<NodeWithLinks>>> FindFiguresIfAnchorsExist(FigureSearch search, CancellationToken ct) =>
        await Retry(await inner.FindFiguresIfAnchorsExist(search, ct), (parameter, c) => inner.FindFiguresIfAnchorsExist(
            search = parameter == "reporter" ? search with { ReporterId = c } : search with { AboutId = c }, ct), ct);

    public async Task<Lookup<IReadOnlyList<NodeWithLinks>>> GetTimelineIfAnchorsExist(TimelineSearch search, CancellationToken ct) =>
        await Retry(await inner.GetTimelineIfAnchorsExist(search, ct), (_, c) => inner.GetTimelineIfAnchorsExist(search = search with { ActorId = c }, ct), ct);

    public async Task<Lookup<RolePages>> FindActorStatements(string actorId, bool said, bool about, int limit, CancellationToken ct) =>
        await Retry(await inner.FindActorStatements(actorId, said, about, limit, ct), (_, c) => inner.FindActorStatements(c, said, about, limit, ct), ct);

    public async Task<Lookup<RolePages>> FindActorSanctions(string actorId, bool imposed, bool targeted, string? activeOn, int limit, CancellationToken ct) =>
        await Retry(await inner.FindActorSanctions(actorId, imposed, targeted, activeOn, limit, ct), (_, c) => inner.FindActorSanctions(c, imposed, targeted, activeOn, limit, ct), ct);

    public async Task<Lookup<RolePages>> FindActorFigures(string actorId, bool about, bool reported, int limit, CancellationToken ct) =>
        await Retry(await inner.FindActorFigures(actorId, about, reported, limit, ct), (_, c) => inner.FindActorFigures(c, about, reported, limit, ct), ct);

    public async Task<Lookup<IReadOnlyList<RelativeSanctions>>> GetFamilySanctions(string actorId, string? activeOn, int maxMembers, int maxSanctions, CancellationToken ct) =>
        await Retry(await inner.GetFamilySanctions(actorId, activeOn, maxMembers, maxSanctions, ct), (_, c) => inner.GetFamilySanctions(c, activeOn, maxMembers, maxSanctions, ct), ct);

    public Task<Page<NodeWithLinks>> FindFigures(FigureSearch search, CancellationToken ct) => inner.FindFigures(search, ct);

    public Task<Page<NodeWithLinks>> FindPrograms(ProgramSearch search, CancellationToken ct) => inner.FindPrograms(search, ct);

    public async Task<Lookup<IReadOnlyList<GraphPath>>> FindAllShortestPaths(string fromId, string toId, int maxDepth, int limit, CancellationToken ct) =>
        await Retry(await inner.FindAllShortestPaths(fromId, toId, maxDepth, limit, ct), (parameter, c) =>
        {
            if (parameter == "to") toId = c; else fromId = c;
            return inner.FindAllShortestPaths(fromId, toId, maxDepth, limit, ct);
        }, ct);

    public async Task<Lookup<GraphPath?>> FindShortestPath(string fromId, string toId, int maxDepth, CancellationToken ct) =>
        await Retry(await inner.FindShortestPath(fromId, toId, maxDepth, ct), (parameter, c) =>
        {
            if (parameter == "to") toId = c; else fromId = c;
            return inner.FindShortestPath(fromId, toId, maxDepth, ct);
        }, ct);

    public Task<IReadOnlyList<NodeWithLinks>> GetTimeline(TimelineSearch search, CancellationToken ct) => inner.GetTimeline(search, ct);

    public Task<Subgraph> GetGraph(int maxNodes, NodeDetail detail, CancellationToken ct) => inner.GetGraph(maxNodes, detail, ct);

    public Task<IReadOnlyList<GraphNode>> ListSources(CancellationToken ct) => inner.ListSources(ct);

    public Task<Lookup<SourceFacts>> GetSource(string sourceId, CancellationToken ct) => inner.GetSource(sourceId, ct);

    public async Task<IImportOutcome> Import(DocumentGraph incoming, CancellationToken ct)
    {
        var ids = incoming.Nodes.Select(n => n.Id).Concat(incoming.Edges.SelectMany(e => new[] { e.From, e.To })).Distinct(StringComparer.Ordinal).ToList();
        var canonicals = await resolution.Canonicals(ids, ct);
        var outcome = canonicals.Count == 0 ? await inner.Import(incoming, ct) : await ImportResolved(incoming, canonicals, ct);
        if (outcome is WriteOutcome.Imported { Summary: var summary })
        {
            // Only actors the import changed are re-blocked: a re-import that changes nothing costs nothing more.
            var changed = summary.NodesCreated.Concat(summary.NodesUpdated).ToHashSet(StringComparer.Ordinal);
            await AfterWrite([.. incoming.Nodes.Where(n => n.Label == NodeLabel.Actor).Select(n => canonicals.GetValueOrDefault(n.Id) ?? n.Id)
                .Where(changed.Contains).Distinct(StringComparer.Ordinal)], ct);
        }
        return outcome;
    }

    /// <summary>
    /// A graph naming merged ids, written to their canonical nodes with each fact's origin. A graph that names a merged
    /// id and its canonical one (or two relationships that become one) is written in two steps, so each keeps its origin.
    /// </summary>
    private async Task<IImportOutcome> ImportResolved(DocumentGraph incoming, IReadOnlyDictionary<string, string> canonicals, CancellationToken ct)
    {
        string To(string id) => canonicals.GetValueOrDefault(id) ?? id;
        var nodes = incoming.Nodes.Select(n => canonicals.TryGetValue(n.Id, out var c) ? n with { Id = c, Origin = n.Id } : n).ToList();
        var edges = incoming.Edges.Select(e => canonicals.ContainsKey(e.From) || canonicals.ContainsKey(e.To)
            ? e with { From = To(e.From), To = To(e.To), Origin = Origins.Edge(e.From, e.To) }
            : e).ToList();
        var first = new DocumentGraph([.. nodes.DistinctBy(n => n.Id)], [.. edges.DistinctBy(e => e.Id)]);
        var outcome = await inner.Import(first, ct);
        var rest = new DocumentGraph([.. nodes.Except(first.Nodes)], [.. edges.Except(first.Edges)]);
        if (outcome is not WriteOutcome.Imported done || (rest.Nodes.Count == 0 && rest.Edges.Count == 0)) return outcome;
        return await inner.Import(rest, ct) is WriteOutcome.Imported more ? new WriteOutcome.Imported(Combine(done.Summary, more.Summary)) : outcome;
    }

    private static ImportSummary Combine(ImportSummary a, ImportSummary b) => new(
        [.. a.NodesCreated.Union(b.NodesCreated)], [.. a.NodesUpdated.Union(b.NodesUpdated)], [.. a.NodesUnchanged.Except(b.NodesUpdated).Union(b.NodesUnchanged.Except(a.NodesUpdated))],
        [.. a.EdgesCreated.Union(b.EdgesCreated)], [.. a.EdgesUpdated.Union(b.EdgesUpdated)], [.. a.EdgesUnchanged.Except(b.EdgesUpdated).Union(b.EdgesUnchanged.Except(a.EdgesUpdated))]);

    public async Task<ICreateNodeOutcome> CreateNode(GraphNode node, CancellationToken ct)
    {
        // A retried write that committed before its answer was lost answers as it did then (IdempotentWrite).
        if (IdempotentWrite.Replaying) return WriteOutcome.Created.Value;
        if (await CanonicalOf(node.Id, ct) is { } canonical)
        {
            return new WriteOutcome.Conflict([$"'{node.Id}' was merged into '{canonical}': write to it there, or undo the merge."]);
        }
        var outcome = await inner.CreateNode(node, ct);
        if (outcome is WriteOutcome.Created && node.Label == NodeLabel.Actor) await AfterWrite([node.Id], ct);
        return outcome;
    }

    public async Task<IReplaceNodeOutcome> ReplaceNode(GraphNode node, CancellationToken ct)
    {
        if (IdempotentWrite.Replaying) return new WriteOutcome.Replaced(node);
        var outcome = await inner.ReplaceNode(node, ct);
        if (outcome is WriteOutcome.NotFound && await CanonicalOf(node.Id, ct) is { } canonical)
        {
            outcome = await inner.ReplaceNode(node with { Id = canonical, Origin = node.Id }, ct);
        }
        if (outcome is WriteOutcome.Replaced replaced && node.Label == NodeLabel.Actor) await AfterWrite([replaced.Node.Id], ct);
        return outcome;
    }

    /// <summary>A merged id is not deleted through the canonical node: it names no node of its own until the merge is undone.</summary>
    public async Task<IDeleteNodeOutcome> DeleteNode(NodeLabel label, string id, bool cascade, CancellationToken ct)
    {
        // A node still there was not deleted by the committed attempt (it was refused, and wrote only its key): ask again.
        if (IdempotentWrite.Replaying && !await inner.Exists(label, id, ct)) return new WriteOutcome.Deleted(0);
        var outcome = await inner.DeleteNode(label, id, cascade, ct);
        if (outcome is WriteOutcome.Deleted) await AfterWrite([id], ct);
        return outcome;
    }

    /// <summary>A merged id's facts hang on its canonical node: the withdrawal is asked there.</summary>
    public async Task<SourceRetraction> Withdraw(IReadOnlyList<string> nodeIds, Func<string, bool> fromSource, CancellationToken ct)
    {
        var canonicals = await resolution.Canonicals(nodeIds, ct);
        var ids = canonicals.Count == 0 ? nodeIds : [.. nodeIds.Select(id => canonicals.GetValueOrDefault(id) ?? id).Distinct(StringComparer.Ordinal)];
        var withdrawn = await inner.Withdraw(ids, fromSource, ct);
        await AfterWrite([.. withdrawn.NodesDeleted, .. withdrawn.NodesUpdated], ct);
        return withdrawn;
    }

    public async Task<IRetractSourceOutcome> RetractSource(string sourceId, CancellationToken ct)
    {
        var outcome = await inner.RetractSource(sourceId, ct);
        if (outcome is WriteOutcome.Retracted retracted) await AfterWrite([.. retracted.Summary.NodesDeleted, .. retracted.Summary.NodesUpdated], ct);
        return outcome;
    }

    public async Task<ICreateEdgeOutcome> CreateEdge(GraphEdge edge, CancellationToken ct)
    {
        if (IdempotentWrite.Replaying) return WriteOutcome.Created.Value;
        var outcome = await inner.CreateEdge(edge, ct);
        if (outcome is WriteOutcome.UnknownReferences)
        {
            var canonicals = await resolution.Canonicals([edge.From, edge.To], ct);
            if (canonicals.Count > 0)
            {
                outcome = await inner.CreateEdge(edge with
                {
                    From = canonicals.GetValueOrDefault(edge.From) ?? edge.From,
                    To = canonicals.GetValueOrDefault(edge.To) ?? edge.To,
                    Origin = Origins.Edge(edge.From, edge.To),
                }, ct);
            }
        }
        return outcome;
    }

    public async Task<GraphEdge?> GetEdge(string fromId, string type, string toId, CancellationToken ct)
    {
        if (await inner.GetEdge(fromId, type, toId, ct) is { } edge) return edge;
        var canonicals = await resolution.Canonicals([fromId, toId], ct);
        return canonicals.Count == 0 ? null : await inner.GetEdge(canonicals.GetValueOrDefault(fromId) ?? fromId, type, canonicals.GetValueOrDefault(toId) ?? toId, ct);
    }

    public async Task<IDeleteEdgeOutcome> DeleteEdge(string fromId, string type, string toId, CancellationToken ct)
    {
        if (IdempotentWrite.Replaying) return new WriteOutcome.Deleted(0);
        var outcome = await inner.DeleteEdge(fromId, type, toId, ct);
        if (outcome is not WriteOutcome.NotFound) return outcome;
        var canonicals = await resolution.Canonicals([fromId, toId], ct);
        return canonicals.Count == 0 ? outcome : await inner.DeleteEdge(canonicals.GetValueOrDefault(fromId) ?? fromId, type, canonicals.GetValueOrDefault(toId) ?? toId, ct);
    }

    public Task<bool> IsReady(CancellationToken ct) => inner.IsReady(ct);

    public Task Initialize(CancellationToken ct) => inner.Initialize(ct);

    /// <summary>Refreshes the written actors' candidates and merges the pairs that must be merged, round after round.</summary>
    public async Task AfterWrite(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var touched = ids;
        for (var round = 0; round < MaxAutoMergeRounds && touched.Count > 0; round++)
        {
            var merges = await resolution.Refresh(touched, options.AutoMergeScore, ct);
            var next = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pair in merges)
            {
                var reason = pair.Certain ? string.Join("; ", pair.Reasons.Where(r => r.StartsWith("referent", StringComparison.Ordinal) || r.StartsWith("strong", StringComparison.Ordinal)))
                    : $"score {pair.Score} ≥ {options.AutoMergeScore}";
                if (await resolution.Judge(pair.A, pair.B, JudgementKind.Same, automatic: true, reason, ct) is JudgeOutcome.Judged { Judgement.Canonical: { } canonical })
                {
                    next.Add(canonical);
                }
            }
            touched = next;
        }
    }
}

/// <summary>Entity resolution's settings (<c>Resolution</c> section).</summary>
public sealed class ResolutionOptions
{
    public const string Section = "Resolution";

    /// <summary>Pairs scoring at least this merge without a judgement; unset (the default), only certain pairs do.</summary>
    public double? AutoMergeScore { get; set; }
}
