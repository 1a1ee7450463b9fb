using DiplomacyGraph.Storage;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// A FollowTheMoney file, streamed into the store in batches with memory bounded whatever its size. A first pass
/// (<see cref="FtmIndex"/>) checks every line and dates each dataset's export before anything is written. Then the
/// file is read again, twice: parties (actors) first, then everything that refers to them (sanctions, families,
/// links…) and the DEL records, so that a reference to an entity later in the file (exports are sorted by id, not by
/// dependency) finds it in the store. Each batch (<see cref="FtmRun.BatchSize"/> lines, at most
/// <see cref="FollowTheMoney.MaxLines"/>) is mapped, validated and written in one transaction. A record its mapper
/// refuses, one without a name, or one whose reference neither the file nor the store holds is skipped and reported
/// by id and line; the rest of its batch is written.
/// </summary>
internal static class FtmImport
{

    public static async Task<FtmOutcome> Run(Func<Stream> open, FtmRun run, Importer importer, CancellationToken ct)
    {
        FtmIndex index;
        await using (var stream = open())
        {
            index = await FtmIndex.Read(stream, ct);
        }
        if (index.Errors.Count > 0)
        {
            var errors = new Dictionary<string, string[]>(index.Errors, StringComparer.Ordinal);
            if (index.MoreErrors > 0) errors["lines"] = [$"… and {index.MoreErrors} more malformed lines."];
            // Every malformed line counts, also those past the ones listed (the answer lists at most 100 of them).
            return new FtmOutcome.Rejected(errors, index.Errors.Count + index.MoreErrors);
        }
        var (sources, problems) = FtmSources.Make(index, run, importer.Validator);
        if (problems.Count > 0) return new FtmOutcome.Rejected(problems);
        var report = new FtmReport { Entities = index.Entities, SkippedSchemata = index.SkippedSchemata };
        report.SourceIds.AddRange(sources.Values.Select(s => s.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var batch = new FtmBatch(index, sources, run, importer, report);
        foreach (var pass in new[] { FtmPass.Parties, FtmPass.Rest })
        {
            var lines = new List<FtmLine>(Math.Min(run.BatchSize, 4096));
            await using var stream = open();
            await foreach (var line in FtmReader.Lines(stream, ct, number => index.InPass(number, pass)))
            {
                if (line.Entity is null) continue;
                lines.Add(line);
                if (lines.Count < run.BatchSize) continue;
                if (await batch.Write(lines, ct) is { } stopped) return stopped;
                lines.Clear();
            }
            if (lines.Count > 0 && await batch.Write(lines, ct) is { } last) return last;
        }
        return new FtmOutcome.Completed(report);
    }
}
