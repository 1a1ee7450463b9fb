using DiplomacyGraph.Storage;

namespace DiplomacyGraph.Api.Import;

/// <summary><c>import --format plover &lt;file&gt;</c>: a PLOVER file (NDJSON or a JSON array) through the same import as <c>POST /api/import/plover</c>.</summary>
internal static class PloverCommand
{
    public static async Task<int> Run(string file, IGraphStore store, Importer importer)
    {
        if (!File.Exists(file)) throw new FileNotFoundException($"{file}: no such file.");
        if (new FileInfo(file).Length > PloverImport.MaxBodyBytes)
        {
            await Console.Error.WriteLineAsync($"{file}: larger than {PloverImport.MaxBodyBytes} bytes, the most one PLOVER import reads; split it. Nothing was imported.");
            return ImportCommand.Invalid;
        }
        var read = PloverReader.Read(await File.ReadAllBytesAsync(file), PloverImport.MaxRecords);
        if (read.Problem is { } problem)
        {
            await Console.Error.WriteLineAsync($"{file}: not a PLOVER file; nothing was imported: {problem}");
            return ImportCommand.Invalid;
        }
        if (PloverImport.Unreadable(read) is { Count: > 0 } unreadable)
        {
            await Console.Error.WriteLineAsync($"{file}: some records are not JSON objects; nothing was imported:");
            foreach (var (where, messages) in unreadable) await Console.Error.WriteLineAsync($"  {where}: {messages[0]}");
            return ImportCommand.Invalid;
        }
        await store.Initialize(CancellationToken.None);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var report = await PloverImport.Run(read, importer, store, CancellationToken.None);
        Console.WriteLine($"Imported {file} (PLOVER, {report.Imported} of {report.Records} records in {clock.Elapsed.TotalSeconds:F1} s; sources {string.Join(", ", report.SourceIds)}):");
        Console.WriteLine($"  nodes: {report.NodesCreated.Count} created, {report.NodesUpdated.Count} updated, {report.NodesUnchanged.Count} unchanged");
        Console.WriteLine($"  relationships: {report.EdgesCreated.Count} created, {report.EdgesUpdated.Count} updated, {report.EdgesUnchanged.Count} unchanged");
        Console.WriteLine($"  skipped records: {(report.SkippedByReason.Count == 0 ? "none" : string.Join(", ", report.SkippedByReason.Select(s => $"{s.Key} ({s.Value})")))}");
        foreach (var skipped in report.Skipped) Console.WriteLine($"    line {skipped.Line}: '{skipped.Id}' {skipped.Reason} ({skipped.Status}): {skipped.Detail}");
        foreach (var note in report.Notes) Console.WriteLine($"  note: {note}");
        if (report.MoreNotes > 0) Console.WriteLine($"  note: … and {report.MoreNotes} more notes.");
        return report.Imported == 0 && report.Records > 0 ? ImportCommand.Failed : ImportCommand.Ok;
    }
}
