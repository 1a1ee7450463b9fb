using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.Extensions.Logging;

namespace DiplomacyGraph.Storage.Neo4j;

/// <summary>One step of the Neo4j store's data: run over the whole graph, it answers how many things it wrote.</summary>
internal sealed record Neo4jMigration(string Name, Func<Neo4jGraphStore, CancellationToken, Task<int>> Run);

// Schema versions. The database records its version in one SchemaVersion node outside the graph; a database written
// before versions existed (release 2f8156e and earlier, back to before claims) has none and counts as version 0. Step i
// of Migrations brings a database to version i + 1; adding a step is one entry at the end, never an edit of an earlier
// one. Every step is idempotent and walks the graph in keyset pages, each page its own transaction, and the version is
// recorded after the step: a migration interrupted anywhere resumes by running its step again, which redoes nothing
// already done. Constraints and indexes are not steps: Initialize ensures all of them, idempotently, on every start.
public sealed partial class Neo4jGraphStore
{
    /// <summary>How many nodes (or actors) a migration reads and writes per transaction.</summary>
    private const int MigrationPage = 500;

    private static readonly IReadOnlyList<Neo4jMigration> Migrations =
    [
        new("citations for facts written before claims (each evidence source claims the fact's values)", (s, ct) => s.MigrateCitations(ct)),
        new("search and topic keys of every actor", (s, ct) => s.ForEachActorPage(s.RewriteActorKeys, ct)),
        new("entity-resolution blocking keys and candidates of every actor", (s, ct) => s.ForEachActorPage(s.RefreshCandidatesOf, ct)),
        new("provenance markers on facts written before sources had a provenance (all curated)", (s, ct) => s.MarkCurated(ct)),
        new("events and statements re-coded in the current PLOVER manual's terms", (s, ct) => s.RecodePlover(ct)),
    ];

    /// <summary>How many events or statements the PLOVER step reads and writes per request (one transaction each).</summary>
    internal const int RecodePage = 2000;

    /// <summary>The version this build writes, and the newest it can open.</summary>
    public static int SchemaVersion => Migrations.Count;

    /// <summary>The recorded version (null when none is), and whether the database holds any graph node.</summary>
    private async Task<(int? Version, bool HasNodes)> StoredVersion(CancellationToken ct)
    {
        // The query aggregates, so it answers one row; an answer with none (no such data at all) reads as a new database.
        var result = await client.Run(new CypherStatement(CypherQueries.Get("SchemaVersion")), ct);
        var version = result.Column("version").FirstOrDefault();
        var hasNodes = result.Column("hasNodes").FirstOrDefault();
        return (version.ValueKind == System.Text.Json.JsonValueKind.Number ? version.GetInt32() : null, hasNodes.ValueKind == System.Text.Json.JsonValueKind.True);
    }

    /// <summary>Refuses a database newer than this build before anything is written to it.</summary>
    private async Task<int> RefuseNewer(CancellationToken ct)
    {
        var (version, hasNodes) = await StoredVersion(ct);
        if (version > SchemaVersion)
        {
            throw new StoreMisconfiguredException(
                $"The Neo4j database is at schema version {version}, newer than this build knows ({SchemaVersion}): run a newer DiplomacyGraph, or restore a backup taken before the upgrade.");
        }
        // No record: a new database starts at the current version, one written before versions existed at 0.
        return version ?? (hasNodes ? 0 : -1);
    }

    /// <summary>Runs the steps after <paramref name="version"/> (-1: a new database, nothing to migrate), one log line each.</summary>
    private async Task Migrate(int version, CancellationToken ct)
    {
        if (version < 0)
        {
            await RecordVersion(SchemaVersion, ct);
            logger.LogInformation("Neo4j database created at schema version {Version}", SchemaVersion);
            return;
        }
        for (var step = version; step < Migrations.Count; step++)
        {
            var written = await Migrations[step].Run(this, ct);
            await RecordVersion(step + 1, ct);
            logger.LogInformation("Neo4j database migrated from schema version {From} to {To}: {Step} ({Written} written)",
                step, step + 1, Migrations[step].Name, written);
        }
    }

    private async Task RecordVersion(int version, CancellationToken ct) =>
        await client.Run(new CypherStatement(CypherQueries.Get("SetSchemaVersion"), Params(("version", version))), ct, write: true);

    /// <summary>
    /// Version 1: a database written before claims existed has facts with evidence and no citations. Each such fact gets
    /// the claims a write of it makes today (<see cref="ClaimRules.Of"/>: each of its evidence's sources claims its
    /// values), which is what re-importing its documents records, and its values stand as they are. A fact with any
    /// citation is left alone, so the step writes nothing on a database written since.
    /// </summary>
    private async Task<int> MigrateCitations(CancellationToken ct)
    {
        var written = 0;
        await foreach (var ids in Pages("MigrationNodeIds", ct))
        {
            var read = await client.Run(
            [
                new CypherStatement(CypherQueries.Get("NodesByIds"), Params(("ids", ids))),
                new CypherStatement(CypherQueries.Get("MigrationEdgesOf"), Params(("ids", ids))),
            ], ct);
            var nodes = read[0].Column("node").AsNodes().ToList();
            var edges = read[1].Column("edge").Select(GraphRows.Edge).ToList();
            var cited = Claims((await client.Run([FactCitations([.. nodes.Select(n => n.Id), .. edges.Select(e => e.Id)])], ct))[0]).Claims;
            var uncitedNodes = nodes.Where(n => n.Evidence.Count > 0 && !cited.ContainsKey(n.Id)).Select(n => n with { Claims = ClaimRules.Of(n.Properties, n.Evidence) }).ToList();
            var uncitedEdges = edges.Where(e => e.Evidence.Count > 0 && !cited.ContainsKey(e.Id)).Select(e => e with { Claims = ClaimRules.Of(e.Properties, e.Evidence) }).ToList();
            var writes = CitationWrites(uncitedNodes, uncitedEdges).ToList();
            if (writes.Count > 0) await client.Run(writes, ct, write: true);
            written += uncitedNodes.Sum(n => n.Claims.Count) + uncitedEdges.Sum(e => e.Claims.Count);
        }
        return written;
    }

    /// <summary>Version 2: every actor's search and topic keys as a write makes them (topic keys came after claims).</summary>
    private async Task<int> RewriteActorKeys(string[] ids, CancellationToken ct)
    {
        var actors = (await NodesByIds(ids, ct)).Where(n => n.Label == NodeLabel.Actor).ToList();
        var writes = SearchKeyWrites(actors).ToList();
        if (writes.Count > 0) await client.Run(writes, ct, write: true);
        return actors.Count;
    }

    /// <summary>Version 3: every actor's blocking keys and candidate pairs as an import makes them (entity resolution came after claims).</summary>
    private async Task<int> RefreshCandidatesOf(string[] ids, CancellationToken ct) => (await RefreshCandidates(ids, [], ct)).Count;

    /// <summary>
    /// Version 5 (issue 19): every event and statement through <see cref="PloverRecoding"/> (values and claims; originals
    /// kept; <c>quadClass</c> on events), one label's nodes a page at a time by id (the label's id constraint). Each page
    /// is read, then written in one transaction with the revision guard every write takes, so a page another writer
    /// changed meanwhile is refused and read again. A node already current is not written, so the step run again after
    /// an interruption redoes nothing; a kind with nothing to map to stays as it is, and one warning line counts those.
    /// </summary>
    private async Task<int> RecodePlover(CancellationToken ct)
    {
        var written = 0;
        var kept = new List<string>();
        var keptCount = 0;
        foreach (var label in new[] { NodeLabel.Event, NodeLabel.Statement })
        {
            var after = "";
            while (true)
            {
                var ids = (await client.Run(new CypherStatement(CypherQueries.WithLabel("MigrationLabelIds", label), Params(("after", after), ("limit", RecodePage))), ct))
                    .Column("id").Select(id => id.GetString()!).ToArray();
                if (ids.Length == 0) break;
                // Counted from the attempt that stands, so a page read again is not counted twice.
                var unmappable = new List<string>();
                for (var attempt = 1; ; attempt++)
                {
                    var read = await client.Run([new CypherStatement(CypherQueries.Get("NodesByIds"), Params(("ids", ids))), FactCitations(ids)], ct);
                    var rows = read[0].Column("node").Where(GraphRows.Exists).ToList();
                    var claims = Claims(read[1]).Claims;
                    var revisions = rows.ToDictionary(row => GraphRows.Node(row).Id, GraphRows.RevisionOf, StringComparer.Ordinal);
                    var recoded = new List<GraphNode>();
                    unmappable.Clear();
                    foreach (var node in rows.Select(GraphRows.Node))
                    {
                        var outcome = PloverRecoding.Recode(node with { Claims = claims.GetValueOrDefault(node.Id) ?? [] });
                        if (outcome.Unmappable is not null) unmappable.Add($"{node.Id} ({outcome.Unmappable})");
                        if (outcome.Recoded is not null) recoded.Add(outcome.Recoded);
                    }
                    if (recoded.Count == 0) break;
                    try
                    {
                        await client.Run(
                        [
                            LockNodes(recoded.Select(n => n.Id)),
                            GuardNodeRevisions(recoded.Select(n => n.Id), id => revisions[id]),
                            .. SetFacts(recoded, [], id => revisions[id]),
                        ], ct, write: true);
                        written += recoded.Count;
                        break;
                    }
                    catch (Neo4jGuardException) when (attempt < 3)
                    {
                        // A writer changed a node of the page since it was read (the guard refused): read it again.
                    }
                }
                keptCount += unmappable.Count;
                kept.AddRange(unmappable.Take(Math.Max(0, 5 - kept.Count)));
                if (ids.Length < RecodePage) break;
                after = ids[^1];
            }
        }
        if (keptCount > 0) logger.LogWarning("{Count} events or statements keep a kind the PLOVER manual lacks, e.g. {Examples}", keptCount, string.Join("; ", kept));
        return written;
    }

    /// <summary>
    /// Version 4 (issue 19): every fact written before facts carried their provenance marker is marked curated, one
    /// label's nodes a page at a time by id, so that <c>provenance=curated</c> lists it (the lists seek the marker's index).
    /// </summary>
    private async Task<int> MarkCurated(CancellationToken ct)
    {
        var marked = 0;
        foreach (var label in NodeKinds.Facts.Select(k => k.Label))
        {
            var after = "";
            while (true)
            {
                var ids = (await client.Run(new CypherStatement(CypherQueries.WithLabel("MigrationLabelIds", label), Params(("after", after), ("limit", RecodePage))), ct))
                    .Column("id").Select(id => id.GetString()!).ToArray();
                if (ids.Length == 0) break;
                var result = await client.Run(new CypherStatement(CypherQueries.WithLabel("MigrationMarkCurated", label),
                    Params(("ids", ids), ("marker", SourceProvenance.Curated))), ct, write: true);
                marked += result.Column("marked").Single().GetInt32();
                if (ids.Length < RecodePage) break;
                after = ids[^1];
            }
        }
        return marked;
    }

    private async Task<int> ForEachActorPage(Func<string[], CancellationToken, Task<int>> page, CancellationToken ct)
    {
        var written = 0;
        await foreach (var ids in Pages("MigrationActorIds", ct)) written += await page(ids, ct);
        return written;
    }

    /// <summary>The ids a paging query answers, page after page in id order, until a short page.</summary>
    private async IAsyncEnumerable<string[]> Pages(string query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var after = "";
        while (true)
        {
            var result = await client.Run(new CypherStatement(CypherQueries.Get(query), Params(("after", after), ("limit", MigrationPage))), ct);
            var ids = result.Column("id").Select(id => id.GetString()!).ToArray();
            if (ids.Length > 0) yield return ids;
            if (ids.Length < MigrationPage) yield break;
            after = ids[^1];
        }
    }
}
