using System.Globalization;
using System.Text.RegularExpressions;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using FluentValidation;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// The mapped records as one knowledge document per dataset, each checked by the knowledge-document validator (its
/// failures named by the line they came from), merged into one graph that the store imports in one transaction.
/// </summary>
internal static partial class FtmDocuments
{
    public static FtmConversion Build(FtmRecords records, FtmEntities read, IValidator<KnowledgeDocument> validator)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var graphs = new List<DocumentGraph>();
        var sourceIds = new List<string>();
        foreach (var (name, set) in records.Datasets)
        {
            var info = records.Mapping.Datasets.GetValueOrDefault(name) ?? new FtmDataset();
            var published = info.Published ?? set.Seen.Max(StringComparer.Ordinal);
            if (published is null)
            {
                errors[$"datasets.{name}"] = [$"The dataset '{name}' has no publication date: give 'published' in the mapping file, or entities with last_seen."];
                continue;
            }
            var document = new KnowledgeDocument
            {
                Source = new SourceRecord
                {
                    Id = info.Id ?? FtmValues.Slug("ftm-" + name), Title = info.Title ?? $"FollowTheMoney dataset {name}", Outlet = info.Outlet ?? "FollowTheMoney export",
                    Url = info.Url, Published = published,
                },
                Actors = [.. set.Actors.Select(a => a.Record)],
                Sanctions = [.. set.Sanctions.Select(s => s.Record)],
                Relationships = [.. set.Relationships.Select(r => r.Record)],
                Programs = [.. set.Programs.Select(p => p.Record)],
            };
            var result = validator.Validate(document);
            foreach (var failure in result.Errors)
            {
                var line = LineOf(failure.PropertyName, set);
                var key = line is null ? $"datasets.{name}" : $"line {line}";
                errors[key] = [.. errors.GetValueOrDefault(key, []), $"{KnowledgeJson.Describe(document, failure.PropertyName)}: {failure.ErrorMessage}"];
            }
            sourceIds.Add(document.Source.Id);
            graphs.Add(KnowledgeGraph.From(document));
        }
        if (records.Datasets.Count > FollowTheMoney.MaxDatasets)
        {
            errors["datasets"] = [$"The file names {records.Datasets.Count} datasets; one import takes at most {FollowTheMoney.MaxDatasets}. Split the file by dataset."];
        }
        if (errors.Count > 0) return FtmConversion.Failed(errors);
        var merged = Merge(graphs);
        if (merged.Nodes.Count > FollowTheMoney.MaxChanges || merged.Edges.Count > FollowTheMoney.MaxChanges)
        {
            return FtmConversion.Failed(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["entities"] = [$"The file makes {merged.Nodes.Count} nodes and {merged.Edges.Count} relationships; one import writes at most {FollowTheMoney.MaxChanges} of each. Split the file."],
            });
        }
        var notes = records.Notes;
        if (notes.Count > FollowTheMoney.MaxNotes)
        {
            var more = notes.Count - (FollowTheMoney.MaxNotes - 1);
            notes = [.. notes.Take(FollowTheMoney.MaxNotes - 1), $"… and {more} more notes."];
        }
        return new FtmConversion(merged, sourceIds, read.ById.Count, read.Skipped, records.Mapped, notes, errors);
    }

    private static int? LineOf(string path, FtmDatasetRecords set)
    {
        var match = EntityPath().Match(path);
        if (!match.Success) return null;
        var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
        return match.Groups["section"].Value switch
        {
            "actors" when index < set.Actors.Count => set.Actors[index].Line,
            "sanctions" when index < set.Sanctions.Count => set.Sanctions[index].Line,
            "relationships" when index < set.Relationships.Count => set.Relationships[index].Line,
            "programs" when index < set.Programs.Count => set.Programs[index].Line,
            _ => null,
        };
    }

    /// <summary>The datasets' graphs as one: a node or relationship in several datasets carries every dataset's evidence.</summary>
    private static DocumentGraph Merge(IEnumerable<DocumentGraph> graphs)
    {
        var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        var edges = new Dictionary<string, GraphEdge>(StringComparer.Ordinal);
        var nodeOrder = new List<string>();
        var edgeOrder = new List<string>();
        foreach (var graph in graphs)
        {
            foreach (var node in graph.Nodes)
            {
                if (nodes.TryGetValue(node.Id, out var known)) nodes[node.Id] = GraphMerge.Node(known, node);
                else { nodes[node.Id] = node; nodeOrder.Add(node.Id); }
            }
            foreach (var edge in graph.Edges)
            {
                if (edges.TryGetValue(edge.Id, out var known)) edges[edge.Id] = GraphMerge.Edge(known, edge);
                else { edges[edge.Id] = edge; edgeOrder.Add(edge.Id); }
            }
        }
        return new DocumentGraph([.. nodeOrder.Select(id => nodes[id])], [.. edgeOrder.Select(id => edges[id])]);
    }

    [GeneratedRegex(@"^(?<section>[a-zA-Z]+)\[(?<index>\d+)\]")]
    private static partial Regex EntityPath();
}
