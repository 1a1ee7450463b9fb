using System.Text.RegularExpressions;
using DiplomacyGraph.Format;
using FluentValidation;

namespace DiplomacyGraph.Api.Import;

/// <summary>What one import was asked: the mapping, the date of an undated export, the dataset of DEL records that name none, the batch size.</summary>
internal sealed record FtmRun(FtmMapping Mapping, string? Published, string? Dataset, int BatchSize);

/// <summary>
/// Datasets as versioned sources: each export of a dataset is a source of its own, dated by its newest seen-time (or
/// the import's <c>published</c>), with that date in its id (<c>ftm-&lt;dataset&gt;-v&lt;yyyyMMddTHHmm&gt;</c>). Claims rank by
/// <c>published</c>, so an older export imported after a newer one never outranks it, and a re-import of the same
/// export is the same source, changing nothing. A mapping that names a dataset's source and dates it fixes both.
/// </summary>
internal static partial class FtmSources
{
    /// <summary>The source of each dataset whose entities the file holds, or the errors (datasets with no date).</summary>
    public static (Dictionary<string, SourceRecord> Sources, Dictionary<string, string[]> Errors) Make(FtmIndex index, FtmRun run, IValidator<KnowledgeDocument> validator)
    {
        var sources = new Dictionary<string, SourceRecord>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (index.Datasets.Count > FollowTheMoney.MaxDatasets)
        {
            errors["datasets"] = [$"The file names {index.Datasets.Count} datasets; one import takes at most {FollowTheMoney.MaxDatasets}. Split the file by dataset."];
            return (sources, errors);
        }
        foreach (var (name, seen) in index.Datasets)
        {
            var info = run.Mapping.Datasets.GetValueOrDefault(name) ?? new FtmDataset();
            var published = run.Published ?? info.Published ?? seen;
            if (published is null)
            {
                errors[$"datasets.{name}"] = [$"The dataset '{name}' has no date: its entities carry no last_change or last_seen. Give 'published' (?published= over HTTP, --published on the command line), or 'published' in the mapping file."];
                continue;
            }
            var fixedId = info.Id is not null && info.Published is not null && run.Published is null;
            var source = new SourceRecord
            {
                Id = fixedId ? info.Id! : Versioned(Base(name, run.Mapping), published),
                Title = info.Title ?? $"FollowTheMoney dataset {name}, export of {published}",
                Outlet = info.Outlet ?? "FollowTheMoney export",
                Url = info.Url,
                Published = published,
            };
            foreach (var failure in validator.Validate(new KnowledgeDocument { Source = source }).Errors.Where(f => f.PropertyName.StartsWith("source", StringComparison.Ordinal)))
            {
                errors[$"datasets.{name}"] = [.. errors.GetValueOrDefault($"datasets.{name}", []), $"{failure.PropertyName}: {failure.ErrorMessage}"];
            }
            sources[name] = source;
        }
        return (sources, errors);
    }

    /// <summary>Whether a source is an export of one of these datasets (any version): what a DEL withdraws.</summary>
    public static Func<string, bool> OfDatasets(IEnumerable<string> datasets, FtmMapping mapping)
    {
        var bases = datasets.Select(d => Base(d, mapping)).ToHashSet(StringComparer.Ordinal);
        var fixedIds = datasets.Select(d => mapping.Datasets.GetValueOrDefault(d)?.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return sourceId => fixedIds.Contains(sourceId) || bases.Contains(sourceId)
            || (Version().Match(sourceId) is { Success: true } match && bases.Contains(match.Groups["base"].Value));
    }

    private static string Base(string dataset, FtmMapping mapping) => mapping.Datasets.GetValueOrDefault(dataset)?.Id ?? FtmValues.Slug("ftm-" + dataset);

    /// <summary>The source id of a dataset's export: its base and its date, digits only (2026-04-29T07:55 → v20260429t0755).</summary>
    private static string Versioned(string id, string published) =>
        FtmValues.Slug($"{id}-v{published.Replace("-", "", StringComparison.Ordinal).Replace(":", "", StringComparison.Ordinal)}");

    [GeneratedRegex(@"^(?<base>.+)-v\d{4,8}(t\d{4,6})?$")]
    private static partial Regex Version();
}
