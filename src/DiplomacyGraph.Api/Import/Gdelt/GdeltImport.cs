using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using System.Threading.Channels;
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
/// <para>
/// Reading and writing overlap: one task reads, maps and validates the next batch while the store writes this one (a
/// channel holds one prepared batch, so memory stays two batches). A batch is prepared as if every batch before it was
/// written (<see cref="claimed"/>: the actor and place records they carry are not repeated), and the store's answer is
/// what counts: rows written one by one map against <see cref="written"/>, the records actually stored. A record whose
/// rows were all refused is then missing from the batches prepared meanwhile; the store refuses them for it, and their
/// rows, written one by one, carry it.
/// </para>
/// </summary>
internal sealed class GdeltImport(Importer importer, IGraphStore store, int batchSize, int maxRows) : IDisposable
{
    private readonly GdeltMapper mapper = new(store);
    private readonly GdeltReport report = new();

    /// <summary>The mapper's caches are not shared across threads: the reader and a batch written row by row take turns.</summary>
    private readonly SemaphoreSlim mapping = new(1, 1);

    /// <summary>Records the prepared batches carry (the reading task's own).</summary>
    private readonly HashSet<string> claimed = new(StringComparer.Ordinal);

    /// <summary>Records the store has accepted (the writing side's own).</summary>
    private readonly HashSet<string> written = new(StringComparer.Ordinal);

    /// <summary>A batch ready to write: its rows' graphs, and what reading it found (skipped rows, dropped codes).</summary>
    private sealed record Prepared(List<(int Line, GdeltRow Row, DocumentGraph Graph)> Graphs, HashSet<string> Adds,
        List<FtmSkipped> Skipped, Dictionary<string, int> Dropped);

    public static async Task<GdeltOutcome> Run(string path, Importer importer, IGraphStore store, GdeltOptions options, CancellationToken ct)
    {
        using var import = new GdeltImport(importer, store, options.BatchSize, options.MaxRows);
        return await import.Run(path, ct);
    }

    public void Dispose() => mapping.Dispose();

    private async Task<GdeltOutcome> Run(string path, CancellationToken ct)
    {
        if (GdeltReader.ZipProblem(path) is { } zip) return new GdeltOutcome.Rejected(zip);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var prepared = Channel.CreateBounded<Prepared>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => Read(path, prepared.Writer, stop.Token), stop.Token);
        try
        {
            await foreach (var batch in prepared.Reader.ReadAllAsync(stop.Token)) await Write(batch, stop.Token);
        }
        catch
        {
            // The store failed (or the caller gave up): the reading task stops too, and what it ends with is not news.
            await stop.CancelAsync();
            await Task.WhenAny(reading);
            throw;
        }
        await reading;
        if (report.Rows == 0) return new GdeltOutcome.Rejected("The file holds no rows: send a GDELT 2.0 Events export (*.export.CSV, tab-separated, or its .zip).");
        return new GdeltOutcome.Completed(report);
    }

    /// <summary>The reading task: the file's rows, in prepared batches, into the channel (completed with any failure).</summary>
    private async Task Read(string path, ChannelWriter<Prepared> into, CancellationToken ct)
    {
        try
        {
            var (batch, rows) = (NewBatch(), 0);
            await foreach (var line in GdeltReader.Lines(path, ct))
            {
                if (report.Rows == maxRows)
                {
                    report.Truncated = true;
                    break;
                }
                report.Rows++;
                rows++;
                if (line.Text is null)
                {
                    batch.Skipped.Add(new FtmSkipped("?", line.Number, GdeltSkipReasons.TooLong, $"The line is longer than {GdeltReader.MaxLineChars} characters."));
                }
                else if (GdeltColumns.Parse(line.Text, out var problem) is not { } row)
                {
                    var id = line.Text.Split('\t', 2)[0];
                    batch.Skipped.Add(new FtmSkipped(id.Length is > 0 and <= 20 ? id : "?", line.Number, GdeltSkipReasons.Malformed, problem!));
                }
                else
                {
                    await Prepare(batch, line.Number, row, ct);
                }
                if (rows < batchSize) continue;
                await Send(batch, into, ct);
                (batch, rows) = (NewBatch(), 0);
            }
            if (rows > 0) await Send(batch, into, ct);
            into.Complete();
        }
        catch (Exception e)
        {
            into.Complete(e);
        }
    }

    private static Prepared NewBatch() => new([], new HashSet<string>(StringComparer.Ordinal), [], new Dictionary<string, int>(StringComparer.Ordinal));

    private async Task Send(Prepared batch, ChannelWriter<Prepared> into, CancellationToken ct)
    {
        claimed.UnionWith(batch.Adds);
        await into.WriteAsync(batch, ct);
    }

    /// <summary>A row's graph into the batch, or the reason it has none.</summary>
    private async Task Prepare(Prepared batch, int line, GdeltRow row, CancellationToken ct)
    {
        switch (await Graph(row, claimed, batch.Adds, ct))
        {
            case { Graph: { } graph }:
                batch.Graphs.Add((line, row, graph));
                break;
            case { DroppedRoot: { } root }:
                batch.Dropped[root] = batch.Dropped.GetValueOrDefault(root) + 1;
                break;
            case var (_, _, reason, detail):
                batch.Skipped.Add(new FtmSkipped(row.GlobalEventId, line, reason!, detail!));
                break;
        }
    }

    private async Task Write(Prepared batch, CancellationToken ct)
    {
        report.Batches++;
        foreach (var skipped in batch.Skipped) report.Changes.Skip(skipped);
        foreach (var (root, count) in batch.Dropped) report.Dropped[root] = report.Dropped.GetValueOrDefault(root) + count;
        if (batch.Graphs.Count == 0) return;
        if (await importer.Write(DocumentGraph.Merge(batch.Graphs.Select(g => g.Graph)), ct) is WriteOutcome.Imported { Summary: var summary })
        {
            Done(summary, batch.Graphs.Count, batch.Adds);
            return;
        }
        // Refused as a whole: one row at a time, each with the records it needs, so only the rows the store refuses are left out.
        foreach (var (line, row, _) in batch.Graphs)
        {
            var own = new HashSet<string>(StringComparer.Ordinal);
            if ((await Graph(row, written, own, ct)).Graph is not { } graph) continue;
            var outcome = await importer.Write(graph, ct);
            if (outcome is WriteOutcome.Imported { Summary: var one }) Done(one, 1, own);
            else report.Changes.Skip(new FtmSkipped(row.GlobalEventId, line, GdeltSkipReasons.Refused, ((IWriteRefusal)outcome).Detail));
        }
    }

    private void Done(ImportSummary summary, int events, HashSet<string> adds)
    {
        report.Changes.Add(summary);
        report.Events += events;
        written.UnionWith(adds);
    }

    /// <summary>What a row became.</summary>
    private sealed record RowGraph(DocumentGraph? Graph, string? DroppedRoot, string? Reason, string? Detail);

    /// <summary>
    /// A row's graph, carrying the actor and place records that <paramref name="provided"/> lacks (added to
    /// <paramref name="adds"/>); or the CAMEO root PLOVER drops; or why the row was skipped.
    /// </summary>
    private async Task<RowGraph> Graph(GdeltRow row, IReadOnlySet<string> provided, HashSet<string> adds, CancellationToken ct)
    {
        GdeltMapped mapped;
        await mapping.WaitAsync(ct);
        try
        {
            mapped = await mapper.Map(row, provided, adds, ct);
        }
        finally
        {
            mapping.Release();
        }
        if (mapped.DroppedRoot is { } root) return new RowGraph(null, root, null, null);
        if (mapped.Document is not { } document) return new RowGraph(null, null, mapped.Reason, mapped.Detail);
        var result = await importer.Validator.ValidateAsync(document, ct);
        if (!result.IsValid)
        {
            return new RowGraph(null, null, GdeltSkipReasons.Invalid,
                string.Join("; ", result.Errors.Take(5).Select(e => $"{KnowledgeJson.Describe(document, e.PropertyName)}: {e.ErrorMessage}")));
        }
        return new RowGraph(KnowledgeGraph.From(document), null, null, null);
    }

}
