using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using FluentValidation;

namespace DiplomacyGraph.Api.Import.Gdelt;

/// <summary>What a GDELT import did: FollowTheMoney's tallies (changes, skipped rows) plus rows, events and dropped codes.</summary>
internal sealed class GdeltReport
{
    public FtmReport Changes { get; } = new();
    public int Rows { get; set; }
    public int Events { get; set; }
    public int Batches { get; set; }
    /// <summary>Rows whose CAMEO root PLOVER drops (01, 02), per root.</summary>
    public SortedDictionary<string, int> Dropped { get; } = new(StringComparer.Ordinal);
    /// <summary>True when reading stopped at <see cref="GdeltOptions.MaxRows"/>.</summary>
    public bool Truncated { get; set; }
}

/// <summary>How a GDELT import ended: done (with what it did), or the file refused before anything was written.</summary>
internal abstract record GdeltOutcome
{
    public sealed record Completed(GdeltReport Report) : GdeltOutcome;

    public sealed record Rejected(string Problem) : GdeltOutcome;
}

/// <summary>
/// A GDELT 2.0 Events export streamed into the store in batches (GDELT:BatchSize rows, each one transaction), so memory
/// follows the batch, not the file. Each row is read (<see cref="GdeltColumns"/>), mapped (<see cref="GdeltMapper"/>) into
/// a knowledge document and checked by the same validator as any document; the batch's documents are merged into one
/// graph and imported. A bad row (wrong column count, a value it cannot hold, a code the table lacks, no actor, refused by
/// the validator) is skipped and reported by GLOBALEVENTID and line; rows of CAMEO roots 01 and 02 are counted as dropped.
/// When the store refuses a batch (an id taken by another kind of node, …), its rows are written one by one, so only the
/// rows it refuses are skipped, each with the store's reason.
/// </summary>
internal sealed class GdeltImport(Importer importer, IGraphStore store, int batchSize, int maxRows)
{
    private readonly GdeltMapper mapper = new(store);
    private readonly GdeltReport report = new();

    public static Task<GdeltOutcome> Run(string path, Importer importer, IGraphStore store, GdeltOptions options, CancellationToken ct) =>
        new GdeltImport(importer, store, options.BatchSize, options.MaxRows).Run(path, ct);

    private async Task<GdeltOutcome> Run(string path, CancellationToken ct)
    {
        if (GdeltReader.ZipProblem(path) is { } zip) return new GdeltOutcome.Rejected(zip);
        var batch = new List<(int Line, GdeltRow Row)>(batchSize);
        await foreach (var line in GdeltReader.Lines(path, ct))
        {
            if (report.Rows == maxRows)
            {
                report.Truncated = true;
                break;
            }
            report.Rows++;
            if (line.Text is null)
            {
                Skip("?", line.Number, GdeltSkipReasons.TooLong, $"The line is longer than {GdeltReader.MaxLineChars} characters.");
                continue;
            }
            if (GdeltColumns.Parse(line.Text, out var problem) is not { } row)
            {
                var id = line.Text.Split('\t', 2)[0];
                Skip(id.Length is > 0 and <= 20 ? id : "?", line.Number, GdeltSkipReasons.Malformed, problem!);
                continue;
            }
            batch.Add((line.Number, row));
            if (batch.Count < batchSize) continue;
            await Write(batch, ct);
            batch.Clear();
        }
        if (batch.Count > 0) await Write(batch, ct);
        if (report.Rows == 0) return new GdeltOutcome.Rejected("The file holds no rows: send a GDELT 2.0 Events export (*.export.CSV, tab-separated, or its .zip).");
        return new GdeltOutcome.Completed(report);
    }

    /// <summary>The report so far (for a refusal part-way).</summary>
    public GdeltReport Report => report;

    private async Task Write(List<(int Line, GdeltRow Row)> rows, CancellationToken ct)
    {
        report.Batches++;
        var added = new HashSet<string>(StringComparer.Ordinal);
        var graphs = new List<(int Line, GdeltRow Row, DocumentGraph Graph)>(rows.Count);
        foreach (var (line, row) in rows)
        {
            if (await Graph(line, row, added, ct) is { } graph) graphs.Add((line, row, graph));
        }
        if (graphs.Count == 0) return;
        if (await importer.Write(Merge(graphs.Select(g => g.Graph)), ct) is WriteOutcome.Imported { Summary: var summary })
        {
            Done(summary, graphs.Count, added);
            return;
        }
        // Refused as a whole: one row at a time, each with the records it needs, so only the rows the store refuses are left out.
        foreach (var (line, row, _) in graphs)
        {
            var own = new HashSet<string>(StringComparer.Ordinal);
            if (await Graph(line, row, own, ct, count: false) is not { } graph) continue;
            var outcome = await importer.Write(graph, ct);
            if (outcome is WriteOutcome.Imported { Summary: var one }) Done(one, 1, own);
            else Skip(row.GlobalEventId, line, GdeltSkipReasons.Refused, ((IWriteRefusal)outcome).Detail);
        }
    }

    private void Done(ImportSummary summary, int events, HashSet<string> added)
    {
        report.Changes.Add(summary);
        report.Events += events;
        mapper.Written(added);
    }

    /// <summary>A row's graph, or null (counted as dropped, or skipped with its reason, when <paramref name="count"/>).</summary>
    private async Task<DocumentGraph?> Graph(int line, GdeltRow row, HashSet<string> added, CancellationToken ct, bool count = true)
    {
        var mapped = await mapper.Map(row, added, ct);
        if (mapped.DroppedRoot is { } root)
        {
            if (count) report.Dropped[root] = report.Dropped.GetValueOrDefault(root) + 1;
            return null;
        }
        if (mapped.Document is not { } document)
        {
            if (count) Skip(row.GlobalEventId, line, mapped.Reason!, mapped.Detail!);
            return null;
        }
        var result = await importer.Validator.ValidateAsync(document, ct);
        if (!result.IsValid)
        {
            if (count)
            {
                Skip(row.GlobalEventId, line, GdeltSkipReasons.Invalid,
                    string.Join("; ", result.Errors.Take(5).Select(e => $"{KnowledgeJson.Describe(document, e.PropertyName)}: {e.ErrorMessage}")));
            }
            return null;
        }
        return KnowledgeGraph.From(document);
    }

    private void Skip(string id, int line, string reason, string detail) => report.Changes.Skip(new FtmSkipped(id, line, reason, detail));

    /// <summary>The rows' graphs as one: a node or relationship several rows hold (a source, a country) is merged.</summary>
    private static DocumentGraph Merge(IEnumerable<DocumentGraph> graphs)
    {
        var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        var edges = new Dictionary<string, GraphEdge>(StringComparer.Ordinal);
        foreach (var graph in graphs)
        {
            foreach (var node in graph.Nodes) nodes[node.Id] = nodes.TryGetValue(node.Id, out var known) ? GraphMerge.Node(known, node) : node;
            foreach (var edge in graph.Edges) edges[edge.Id] = edges.TryGetValue(edge.Id, out var known) ? GraphMerge.Edge(known, edge) : edge;
        }
        return new DocumentGraph([.. nodes.Values], [.. edges.Values]);
    }
}
