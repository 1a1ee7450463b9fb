using DiplomacyGraph.Api.Import.EventData;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;

namespace DiplomacyGraph.Api.Import;

/// <summary>What a PLOVER import did: records read and imported, the changes, every record skipped with its reason, and notes.</summary>
internal sealed class PloverReport
{
    public int Records { get; set; }
    public int Imported { get; set; }
    public SortedSet<string> SourceIds { get; } = new(StringComparer.Ordinal);
    public CountedIds NodesCreated { get; } = new();
    public CountedIds NodesUpdated { get; } = new();
    public CountedIds NodesUnchanged { get; } = new();
    public CountedIds EdgesCreated { get; } = new();
    public CountedIds EdgesUpdated { get; } = new();
    public CountedIds EdgesUnchanged { get; } = new();
    public List<PloverSkipped> Skipped { get; } = [];
    public SortedDictionary<string, int> SkippedByReason { get; } = new(StringComparer.Ordinal);
    public List<string> Notes { get; } = [];
    public int MoreNotes { get; set; }

    public void Skip(PloverSkipped skipped)
    {
        SkippedByReason[skipped.Reason] = SkippedByReason.GetValueOrDefault(skipped.Reason) + 1;
        if (Skipped.Count < PloverImport.MaxListed) Skipped.Add(skipped);
    }

    public void Note(string recordId, int line, string note)
    {
        if (Notes.Count < PloverImport.MaxListed) Notes.Add($"line {line} ('{recordId}'): {note}");
        else MoreNotes++;
    }

    public void Add(ImportSummary summary)
    {
        NodesCreated.AddRange(summary.NodesCreated);
        NodesUpdated.AddRange(summary.NodesUpdated);
        NodesUnchanged.AddRange(summary.NodesUnchanged);
        EdgesCreated.AddRange(summary.EdgesCreated);
        EdgesUpdated.AddRange(summary.EdgesUpdated);
        EdgesUnchanged.AddRange(summary.EdgesUnchanged);
    }
}

/// <summary>
/// A PLOVER import: each record mapped (<see cref="PloverMapper"/>) into a knowledge document of its own and checked by
/// the same validator as any document, then the valid ones written in chunks (<see cref="ChunkSize"/> records merged into
/// one graph, one transaction each). A chunk the store refuses is written again record by record, so that only the
/// records at fault are skipped, each with the store's reason. Every record not imported is reported by id and line.
/// </summary>
internal static class PloverImport
{
    /// <summary>The largest body (or file) one import reads; it is read whole (the gold-standard file is 0.3 MB).</summary>
    public const int MaxBodyBytes = 64 * 1024 * 1024;

    /// <summary>The most records one import takes.</summary>
    public const int MaxRecords = 50_000;

    /// <summary>The most skipped records and notes the answer lists; the rest are counted.</summary>
    public const int MaxListed = 1000;

    /// <summary>Records per transaction.</summary>
    public const int ChunkSize = 500;

    /// <summary>
    /// The lines that are not JSON objects, by line (the first 100): a file with any is corrupt, so it is refused whole,
    /// as a FollowTheMoney file with a malformed line is; records that read but cannot be imported are skipped one by one.
    /// </summary>
    public static Dictionary<string, string[]> Unreadable(PloverBody body) =>
        body.Lines.Where(l => l.Problem is not null).Take(FieldErrors.Max).ToDictionary(l => $"line {l.Line}", l => new[] { l.Problem! }, StringComparer.Ordinal);

    public static async Task<PloverReport> Run(PloverBody body, Importer importer, IGraphStore store, CancellationToken ct)
    {
        var report = new PloverReport { Records = body.Lines.Count };
        var mapper = new PloverMapper(new NamedActors(store, "plover"));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var chunk = new List<(PloverPiece Piece, DocumentGraph Graph)>();
        foreach (var line in body.Lines)
        {
            if (line.Record is not { } json)
            {
                report.Skip(new PloverSkipped("?", line.Line, PloverSkipReasons.Malformed, 400, line.Problem!));
                continue;
            }
            var (piece, skipped) = await mapper.Map(new PloverFields(json), line.Line, ct);
            if (skipped is not null)
            {
                report.Skip(skipped);
                continue;
            }
            var eventId = piece!.Document.Events[0].Id;
            if (!seen.Add(eventId))
            {
                report.Skip(new PloverSkipped(piece.RecordId, line.Line, PloverSkipReasons.DuplicateId, 422,
                    $"An earlier record of this body has the same id (event '{eventId}'); ids must be unique within a data set (the manual's note 1), so this one is not merged into it."));
                continue;
            }
            var result = await importer.Validator.ValidateAsync(piece.Document, ct);
            if (!result.IsValid)
            {
                var problems = result.Errors.Select(f => $"{KnowledgeJson.Describe(piece.Document, f.PropertyName)}: {f.ErrorMessage}");
                report.Skip(new PloverSkipped(piece.RecordId, line.Line, PloverSkipReasons.Invalid, 400, string.Join("; ", problems)));
                continue;
            }
            chunk.Add((piece, KnowledgeGraph.From(piece.Document)));
            if (chunk.Count < ChunkSize) continue;
            await Write(chunk, importer, report, ct);
            chunk.Clear();
        }
        if (chunk.Count > 0) await Write(chunk, importer, report, ct);
        return report;
    }

    private static async Task Write(List<(PloverPiece Piece, DocumentGraph Graph)> chunk, Importer importer, PloverReport report, CancellationToken ct)
    {
        if (await importer.Write(DocumentGraph.Merge(chunk.Select(c => c.Graph)), ct) is WriteOutcome.Imported { Summary: var summary })
        {
            report.Add(summary);
            foreach (var (piece, _) in chunk) Done(piece, report);
            return;
        }
        // One record (an id another kind of node holds, an actor deleted meanwhile) spoils the chunk: find it.
        foreach (var (piece, graph) in chunk)
        {
            var outcome = await importer.Write(graph, ct);
            if (outcome is WriteOutcome.Imported { Summary: var one })
            {
                report.Add(one);
                Done(piece, report);
                continue;
            }
            var status = outcome is WriteOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
            report.Skip(new PloverSkipped(piece.RecordId, piece.Line, PloverSkipReasons.Refused, status, ((IWriteRefusal)outcome).Detail));
        }
    }

    private static void Done(PloverPiece piece, PloverReport report)
    {
        report.Imported++;
        report.SourceIds.Add(piece.Document.Source.Id);
        foreach (var note in piece.Notes) report.Note(piece.RecordId, piece.Line, note);
    }

}
