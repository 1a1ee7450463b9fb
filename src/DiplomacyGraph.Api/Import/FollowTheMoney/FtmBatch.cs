using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// One batch of a FollowTheMoney import: its entities mapped (fragments of one entity unioned), made into documents,
/// validated and written in one transaction, then its DEL records withdrawn. Records the validator refuses, or whose
/// references the store does not hold, are dropped and the batch mapped again: what remains is written.
/// </summary>
internal sealed class FtmBatch(FtmIndex index, IReadOnlyDictionary<string, SourceRecord> sources, FtmRun run, Importer importer, FtmReport report)
{
    private const int Attempts = 8;

    private int number;

    /// <summary>Writes a batch into the report; the refusal that stops the import, or null.</summary>
    public async Task<FtmOutcome?> Write(IReadOnlyList<FtmLine> lines, CancellationToken ct)
    {
        number++;
        report.Batches = number;
        var entities = new Dictionary<string, FtmEntity>(StringComparer.Ordinal);
        var order = new List<FtmEntity>();
        foreach (var line in lines.Where(l => l.Op == FtmOp.Upsert))
        {
            if (entities.TryGetValue(line.Entity!.Id, out var earlier)) entities[earlier.Id] = FtmFragments.Union(earlier, line.Entity);
            else { entities[line.Entity.Id] = line.Entity; order.Add(line.Entity); }
        }
        if (order.Count > 0 && await Upsert(entities, order, lines, ct) is { } refused) return refused;
        var deletions = lines.Where(l => l.Op == FtmOp.Delete).Select(l => l.Entity!).ToList();
        if (deletions.Count > 0) await Withdraw(deletions, ct);
        return null;
    }

    private async Task<FtmOutcome?> Upsert(Dictionary<string, FtmEntity> entities, List<FtmEntity> order, IReadOnlyList<FtmLine> lines, CancellationToken ct)
    {
        var idOfLine = order.ToDictionary(e => e.Line, e => e.Id);
        var dropped = new SortedDictionary<int, FtmSkipped>();
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var skipped = new List<FtmSkipped>(dropped.Values);
            var records = new FtmRecords(entities, index, run.Mapping);
            foreach (var entity in order.Where(e => !dropped.ContainsKey(e.Line)))
            {
                if (FtmParties.Kinds.ContainsKey(entity.Schema) && entity.First("name") is null && entity.Caption is null && !run.Mapping.Entities.ContainsKey(entity.Id))
                {
                    skipped.Add(new FtmSkipped(entity.Id, entity.Line, FtmSkipReasons.NoName, $"The {entity.Schema} has neither a 'name' nor a 'caption'."));
                    continue;
                }
                records.Begin(entity);
                if (FollowTheMoney.Map(entity, records.OurId(entity.Id), records) is { } problem)
                {
                    records.Discard();
                    skipped.Add(new FtmSkipped(entity.Id, entity.Line, FtmSkipReasons.Unmappable, problem));
                    continue;
                }
                records.Commit();
            }
            var built = FtmDocuments.Build(records, sources, importer.Validator);
            if (built.Errors.Count > 0) return new FtmOutcome.Rejected(built.Errors);
            if (built.Refused.Count > 0)
            {
                foreach (var (line, message) in built.Refused) dropped[line] = new FtmSkipped(idOfLine.GetValueOrDefault(line, "?"), line, FtmSkipReasons.Invalid, message);
                continue;
            }
            var graph = built.Graph;
            if (graph.Nodes.Count > FollowTheMoney.MaxChanges || graph.Edges.Count > FollowTheMoney.MaxChanges)
            {
                return new FtmOutcome.Rejected(new Dictionary<string, string[]>(StringComparer.Ordinal)
                {
                    [$"lines {lines[0].Number}-{lines[^1].Number}"] = [$"This batch makes {graph.Nodes.Count} nodes and {graph.Edges.Count} relationships; one batch writes at most {FollowTheMoney.MaxChanges} of each. Lower FollowTheMoney:BatchSize."],
                });
            }
            var outcome = await importer.Write(graph, ct);
            if (outcome is WriteOutcome.UnknownReferences unknown)
            {
                var before = dropped.Count;
                foreach (var id in unknown.Ids)
                {
                    var ftmId = records.FtmIdOf(id) ?? id;
                    foreach (var line in records.LinesReferring(id))
                    {
                        dropped[line] = new FtmSkipped(idOfLine.GetValueOrDefault(line, "?"), line, FtmSkipReasons.DanglingReference,
                            $"It refers to '{ftmId}', which neither the file (as imported) nor the store holds.");
                    }
                }
                if (dropped.Count > before) continue;
            }
            if (outcome is not WriteOutcome.Imported { Summary: var summary })
            {
                return new FtmOutcome.Refused(outcome, report, number, lines[0].Number, lines[^1].Number);
            }
            report.Add(summary);
            foreach (var skip in skipped.OrderBy(s => s.Line)) report.Skip(skip);
            foreach (var note in records.Notes) report.Note(note);
            report.Map(records.Mapped);
            return null;
        }
        return new FtmOutcome.Rejected(new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            [$"lines {lines[0].Number}-{lines[^1].Number}"] = [$"This batch was refused {Attempts} times, each time for other records; nothing of it was written."],
        });
    }

    /// <summary>DEL records: each entity's node and relationships lose their dataset's claims (every export of it).</summary>
    private async Task Withdraw(List<FtmEntity> deletions, CancellationToken ct)
    {
        var fileDatasets = run.Dataset is { } given ? [given] : index.Datasets.Keys.ToList();
        foreach (var group in deletions.GroupBy(e => string.Join("\n", e.DatasetsGiven ? e.Datasets : fileDatasets), StringComparer.Ordinal))
        {
            var datasets = group.First().DatasetsGiven ? group.First().Datasets : fileDatasets;
            if (datasets.Count == 0)
            {
                foreach (var entity in group)
                {
                    report.Skip(new FtmSkipped(entity.Id, entity.Line, FtmSkipReasons.NoDataset, "The DEL names no dataset, nor does the file; give 'dataset' (?dataset= over HTTP, --dataset on the command line)."));
                }
                continue;
            }
            var ours = group.ToDictionary(e => e.Line, e => run.Mapping.Entities.GetValueOrDefault(e.Id) ?? FtmValues.Slug("ftm-" + e.Id));
            var withdrawn = await importer.Withdraw([.. ours.Values], FtmSources.OfDatasets(datasets, run.Mapping), ct);
            report.Add(withdrawn);
            var touched = withdrawn.NodesDeleted.Concat(withdrawn.NodesUpdated).ToHashSet(StringComparer.Ordinal);
            foreach (var entity in group.Where(e => !touched.Contains(ours[e.Line])))
            {
                report.Skip(new FtmSkipped(entity.Id, entity.Line, FtmSkipReasons.NotFound,
                    $"The store holds no node '{ours[entity.Line]}' with evidence of {string.Join(", ", datasets.Take(5))}{(datasets.Count > 5 ? ", …" : "")}."));
            }
        }
    }
}
