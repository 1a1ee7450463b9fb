namespace DiplomacyGraph.Api.Import.Gdelt;

/// <summary>What <c>import --format gdelt</c> prints: the tallies of <see cref="GdeltReport"/>, the skipped rows, and the rate.</summary>
internal static class GdeltCommand
{
    /// <summary>Prints what a GDELT import did (or why it read nothing) and gives the exit code.</summary>
    public static async Task<int> Answer(string file, GdeltOutcome outcome, TimeSpan took)
    {
        if (outcome is GdeltOutcome.Rejected rejected)
        {
            await Console.Error.WriteLineAsync($"{file}: not imported: {rejected.Problem}");
            return ImportCommand.Invalid;
        }
        var report = ((GdeltOutcome.Completed)outcome).Report;
        var changes = report.Changes;
        var seconds = Math.Max(took.TotalSeconds, 0.001);
        Console.WriteLine($"Imported {file} (GDELT, {report.Rows} rows in {report.Batches} batches, {seconds:F1} s, {report.Rows / seconds:F0} rows/s):");
        Console.WriteLine($"  events: {report.Events}; dropped (CAMEO roots PLOVER drops): {(report.Dropped.Count == 0 ? "none" : string.Join(", ", report.Dropped.Select(d => $"{d.Key} ({d.Value})")))}");
        Console.WriteLine($"  nodes: {changes.NodesCreated.Count} created, {changes.NodesUpdated.Count} updated, {changes.NodesUnchanged.Count} unchanged");
        Console.WriteLine($"  relationships: {changes.EdgesCreated.Count} created, {changes.EdgesUpdated.Count} updated, {changes.EdgesUnchanged.Count} unchanged");
        Console.WriteLine($"  skipped rows: {(changes.SkippedByReason.Count == 0 ? "none" : string.Join(", ", changes.SkippedByReason.Select(s => $"{s.Key} ({s.Value})")))}");
        foreach (var skipped in changes.Skipped) Console.WriteLine($"    line {skipped.Line}: '{skipped.Id}' {skipped.Reason}: {skipped.Detail}");
        if (report.Truncated) Console.WriteLine($"  stopped after {report.Rows} rows (GDELT:MaxRows); the rest of the file was not read.");
        return report.Events == 0 && report.Dropped.Count == 0 ? ImportCommand.Failed : ImportCommand.Ok;
    }
}
