using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Embedded;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.Extensions.Options;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// <c>dotnet run --project src/DiplomacyGraph.Api -- import [--format ftm [--mapping &lt;file&gt;]] &lt;file&gt;</c>: imports a
/// knowledge document (or FollowTheMoney entities) into the configured store with the API's validation and merge rules,
/// prints what changed, and exits non-zero on error. Given a folder (its <c>*.json</c> documents, by name) or an NDJSON
/// file (one knowledge document a line), it imports one document at a time, each atomically: a bad one is reported with
/// its file or line and the rest still go in. On an embedded store it takes the store's writer lock, so while the service
/// runs on the same file it refuses (exit 2), naming the service's PID.
/// </summary>
internal static class ImportCommand
{
    public const int Ok = 0;
    public const int Invalid = 2;
    public const int Failed = 1;

    private const string Usage = "usage: DiplomacyGraph.Api import [--format knowledge|ftm|plover|gdelt] [--mapping <ftm-mapping.json>] [--published <yyyy-MM-dd[THH:mm]>] [--dataset <name>] <file.json|folder|file.ndjson> [--Section:Key=value ...]";

    private static readonly string[] FtmOnly = ["--mapping", "--published", "--dataset"];

    public static bool Matches(string[] args) => args is ["import", ..];

    public static async Task<int> Run(string[] args)
    {
        var format = "knowledge";
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = args.Skip(1).ToList();
        while (rest is ["--format" or "--mapping" or "--published" or "--dataset", _, ..])
        {
            if (rest[0] == "--format") format = rest[1];
            else options[rest[0]] = rest[1];
            rest.RemoveRange(0, 2);
        }
        var mappingFile = options.GetValueOrDefault("--mapping");
        if (rest is not [var given, .. var settings] || format is not ("knowledge" or "ftm" or "plover" or "gdelt") || (options.Count > 0 && format != "ftm")
            || FtmRequest.Problems(options.GetValueOrDefault("--published"), options.GetValueOrDefault("--dataset")).Count > 0)
        {
            await Console.Error.WriteLineAsync(Usage);
            return Invalid;
        }
        var file = Commands.FromShell(given);
        var builder = WebApplication.CreateBuilder([.. settings]);
        // The summary is the output; the store's information logs would bury it (added last, so it beats appsettings.json).
        builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Default", "Warning")]);
        builder.Services.AddGraphStore(builder.Configuration);
        Importer.Add(builder.Services);
        FtmOptions.Add(builder.Services);
        Gdelt.GdeltOptions.Add(builder.Services);
        await using var app = builder.Build();
        try
        {
            // The running service holds the store's index in its memory: a write beside it would be lost or unseen.
            app.Services.GetService<EmbeddedWriterLock>();
        }
        catch (StoreMisconfiguredException e)
        {
            await Console.Error.WriteLineAsync($"{e.Message} Import through that service instead (POST /api/import or /api/import/bulk), or stop it first.");
            return Invalid;
        }
        var store = app.Services.GetRequiredService<IGraphStore>();
        var importer = app.Services.GetRequiredService<Importer>();
        try
        {
            if (format == "knowledge" && (Directory.Exists(file) || file.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)))
            {
                return await ImportMany(store, importer, file);
            }
            if (format == "plover")
            {
                return await PloverCommand.Run(file, store, importer);
            }
            if (format == "ftm")
            {
                var ftmOptions = app.Services.GetRequiredService<IOptions<FtmOptions>>().Value;
                var mapping = mappingFile is not null ? FtmMapping.Load(Commands.FromShell(mappingFile)) : ftmOptions.LoadMapping();
                if (!File.Exists(file)) throw new FileNotFoundException($"{file}: no such file.");
                await store.Initialize(CancellationToken.None);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var run = new FtmRun(mapping, FtmValues.LocalDateTime(options.GetValueOrDefault("--published")), options.GetValueOrDefault("--dataset"), ftmOptions.BatchSize);
                var outcome = await FtmImport.Run(() => new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan),
                    run, importer, CancellationToken.None);
                return await FtmAnswer(file, outcome, clock.Elapsed);
            }
            if (format == "gdelt")
            {
                if (!File.Exists(file)) throw new FileNotFoundException($"{file}: no such file.");
                await store.Initialize(CancellationToken.None);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var outcome = await Gdelt.GdeltImport.Run(file, importer, store,
                    app.Services.GetRequiredService<IOptions<Gdelt.GdeltOptions>>().Value, CancellationToken.None);
                return await Gdelt.GdeltCommand.Answer(file, outcome, clock.Elapsed);
            }
            var document = importer.Documents.Load(file);
            await store.Initialize(CancellationToken.None);
            var imported = await importer.Import(document, CancellationToken.None);
            if (imported is not WriteOutcome.Imported { Summary: var summary })
            {
                return await Refused(file, imported);
            }
            Console.WriteLine($"Imported {file} (source {document.Source.Id}):");
            Print(summary);
            return Ok;
        }
        catch (Exception e) when (e is InvalidKnowledgeDocumentException or FileNotFoundException or DirectoryNotFoundException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return Invalid;
        }
        catch (StoreMisconfiguredException e)
        {
            // A setting to fix (credentials, a store newer than this build), not a failure to retry: exit 2, as the service does.
            await Console.Error.WriteLineAsync($"{file}: {StoreFailure(e)}");
            return Invalid;
        }
        catch (StoreUnavailableException e)
        {
            await Console.Error.WriteLineAsync($"{file}: {StoreFailure(e)}");
            return Failed;
        }
    }

    /// <summary>Prints what a FollowTheMoney import did (or why it stopped) and gives the exit code.</summary>
    private static async Task<int> FtmAnswer(string file, FtmOutcome outcome, TimeSpan took)
    {
        switch (outcome)
        {
            case FtmOutcome.Rejected invalid:
                await Console.Error.WriteLineAsync($"{file}: not a valid FollowTheMoney file; nothing was imported:");
                foreach (var (where, messages) in invalid.Errors)
                {
                    foreach (var message in messages) await Console.Error.WriteLineAsync($"  {where}: {message}");
                }
                return Invalid;
            case FtmOutcome.Refused refused:
                PrintFtm(file, refused.Report, took);
                await Console.Error.WriteLineAsync($"{file}: batch {refused.Batch} (lines {refused.FirstLine}-{refused.LastLine}) was not imported: " +
                    $"{((IWriteRefusal)refused.Refusal).Detail} The batches before it were imported; re-running the import is safe.");
                return Failed;
            case FtmOutcome.Completed done:
                PrintFtm(file, done.Report, took);
                return Ok;
            default:
                throw new InvalidOperationException($"A FollowTheMoney import answered {outcome}.");
        }
    }

    private static void PrintFtm(string file, FtmReport report, TimeSpan took)
    {
        var seconds = Math.Max(took.TotalSeconds, 0.001);
        Console.WriteLine($"Imported {file} (FollowTheMoney, {report.Entities} entities in {report.Batches} batches, {seconds:F1} s, {report.Entities / seconds:F0} entities/s; sources {string.Join(", ", report.SourceIds)}):");
        Console.WriteLine($"  nodes: {report.NodesCreated.Count} created, {report.NodesUpdated.Count} updated, {report.NodesUnchanged.Count} unchanged");
        Console.WriteLine($"  relationships: {report.EdgesCreated.Count} created, {report.EdgesUpdated.Count} updated, {report.EdgesUnchanged.Count} unchanged");
        Console.WriteLine($"  withdrawn: {report.NodesDeleted.Count} nodes deleted, {report.NodesWithdrawn.Count} updated; {report.EdgesDeleted.Count} relationships deleted, {report.EdgesWithdrawn.Count} updated");
        Console.WriteLine($"  skipped schemata: {(report.SkippedSchemata.Count == 0 ? "none" : string.Join(", ", report.SkippedSchemata.Select(s => $"{s.Key} ({s.Value})")))}");
        Console.WriteLine($"  skipped records: {(report.SkippedByReason.Count == 0 ? "none" : string.Join(", ", report.SkippedByReason.Select(s => $"{s.Key} ({s.Value})")))}");
        foreach (var skipped in report.Skipped) Console.WriteLine($"    line {skipped.Line}: '{skipped.Id}' {skipped.Reason}: {skipped.Detail}");
        Console.WriteLine($"  mapped: {(report.Mapped.Count == 0 ? "none" : string.Join(", ", report.Mapped.Select(m => $"{m.Key} -> {m.Value}")))}");
        foreach (var note in report.Notes) Console.WriteLine($"  note: {note}");
        if (report.MoreNotes > 0) Console.WriteLine($"  note: … and {report.MoreNotes} more notes.");
    }

    /// <summary>Says why the store refused what <paramref name="where"/> holds (every outcome but Imported is a refusal).</summary>
    private static async Task<int> Refused(string where, IImportOutcome refused)
    {
        await Console.Error.WriteLineAsync($"{where}: nothing was imported: {((IWriteRefusal)refused).Detail}");
        return Failed;
    }

    private static void Print(ImportSummary summary)
    {
        Console.WriteLine($"  nodes: {summary.NodesCreated.Count} created, {summary.NodesUpdated.Count} updated, {summary.NodesUnchanged.Count} unchanged");
        Console.WriteLine($"  relationships: {summary.EdgesCreated.Count} created, {summary.EdgesUpdated.Count} updated, {summary.EdgesUnchanged.Count} unchanged");
    }

    /// <summary>Imports a folder's documents or an NDJSON file's lines one at a time, reporting each, then the totals.</summary>
    private static async Task<int> ImportMany(IGraphStore store, Importer importer, string path)
    {
        await store.Initialize(CancellationToken.None);
        var (imported, failed, nodes, relationships) = (0, 0, 0L, 0L);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var (where, read) in importer.Documents.Each(path))
        {
            try
            {
                var document = read();
                var outcome = await importer.Import(document, CancellationToken.None);
                if (outcome is not WriteOutcome.Imported { Summary: var summary })
                {
                    failed++;
                    await Refused(where, outcome);
                    continue;
                }
                imported++;
                nodes += summary.NodesCreated.Count + summary.NodesUpdated.Count;
                relationships += summary.EdgesCreated.Count + summary.EdgesUpdated.Count;
                Console.WriteLine($"{where} (source {document.Source.Id}): nodes {summary.NodesCreated.Count} created, {summary.NodesUpdated.Count} updated, {summary.NodesUnchanged.Count} unchanged; relationships {summary.EdgesCreated.Count} created, {summary.EdgesUpdated.Count} updated, {summary.EdgesUnchanged.Count} unchanged");
            }
            catch (InvalidKnowledgeDocumentException e)
            {
                failed++;
                await Console.Error.WriteLineAsync($"{where}: nothing was imported: {e.Message}");
            }
            catch (Exception e) when (e is StoreUnavailableException or StoreMisconfiguredException)
            {
                // The store is gone or refuses us: every later document would fail the same way, so stop here.
                await Console.Error.WriteLineAsync($"{where}: {StoreFailure(e)} Stopped: {imported} documents before it were imported; run the import again to go on (an import is safe to repeat).");
                return Failed;
            }
        }
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        Console.WriteLine($"{imported} documents imported, {failed} failed: {nodes} nodes and {relationships} relationships created or updated in {seconds:F1} s ({relationships / seconds:F0} relationships/s).");
        return failed == 0 ? Ok : Failed;
    }

    /// <summary>What a store failure means for the document: not imported, or unknown when the commit got no answer.</summary>
    private static string StoreFailure(Exception e) => e switch
    {
        StoreUnavailableException { OutcomeUnknown: true } => $"the store did not answer the commit, so this document may or may not have been imported: {e.Message}",
        StoreUnavailableException => $"the store is unavailable; nothing was imported: {e.Message}",
        _ => $"the store cannot be used as configured; nothing was imported: {e.Message}",
    };
}
