using System.Globalization;
using System.Text.RegularExpressions;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Model;
using FluentValidation;

namespace DiplomacyGraph.Api.Import;

/// <summary>What one batch's records became: the graph to write, or the lines the validator refused (and why).</summary>
internal sealed record FtmBatchGraph(DocumentGraph Graph, IReadOnlyDictionary<int, string> Refused, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>
/// One batch's records as one knowledge document per dataset (its source the dataset's export, <see cref="FtmSources"/>),
/// each checked by the knowledge-document validator (its failures named by the line they came from), merged into one
/// graph that the store imports in one transaction.
/// </summary>
internal static partial class FtmDocuments
{
    public static FtmBatchGraph Build(FtmRecords records, IReadOnlyDictionary<string, SourceRecord> sources, IValidator<KnowledgeDocument> validator)
    {
        var refused = new SortedDictionary<int, string>();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var graphs = new List<DocumentGraph>();
        foreach (var (name, set) in records.Datasets)
        {
            var document = new KnowledgeDocument
            {
                Source = sources[name],
                Actors = [.. set.Actors.Select(a => a.Record)],
                Sanctions = [.. set.Sanctions.Select(s => s.Record)],
                Relationships = [.. set.Relationships.Select(r => r.Record)],
                Programs = [.. set.Programs.Select(p => p.Record)],
            };
            var result = validator.Validate(document);
            foreach (var failure in result.Errors)
            {
                var message = $"{KnowledgeJson.Describe(document, failure.PropertyName)}: {failure.ErrorMessage}";
                if (LineOf(failure.PropertyName, set) is { } line) refused[line] = refused.TryGetValue(line, out var m) ? $"{m}; {message}" : message;
                else errors[$"datasets.{name}"] = [.. errors.GetValueOrDefault($"datasets.{name}", []), message];
            }
            graphs.Add(KnowledgeGraph.From(document));
        }
        return new FtmBatchGraph(DocumentGraph.Merge(graphs), refused, errors);
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

    [GeneratedRegex(@"^(?<section>[a-zA-Z]+)\[(?<index>\d+)\]")]
    private static partial Regex EntityPath();
}
