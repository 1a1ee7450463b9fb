using System.Text.Json;
using System.Text.RegularExpressions;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Vocabulary;
using DiplomacyGraph.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyGraph.Tests.Contract;

/// <summary>
/// Every query the Neo4j store sends, planned (EXPLAIN) on the test server with the example parameters of its
/// <c>// @param</c> lines, over the seed. A query anchored on an id, kind, topic or date must start from an index seek:
/// its plan may not scan all nodes, a label, or a whole index.
/// </summary>
[Collection("neo4j")]
public sealed partial class CypherPlanTests(Neo4jServer server) : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private ServiceProvider services = null!;

    /// <summary>What an anchored query must never plan (names normalised: "@neo4j" dropped, as 4.x+ appends it).</summary>
    private static readonly string[] Scans = ["AllNodesScan", "NodeByLabelScan", "NodeIndexScan", "NodeIndexContainsScan"];

    /// <summary>Parameters that anchor a query when non-null: ids, kinds and dates.</summary>
    private static readonly Regex AnchorParameter = AnchorPattern();

    /// <summary>Anchored queries allowed to scan, and why.</summary>
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        ["SearchActorsByKey"] = "Its anchor is the search key (a STARTS WITH range seek, hinted); $kind only filters the actors found. Over the seed's tiny statistics 3.1's planner was seen to pick a NodeIndexScan of the key index now and then, despite the hint: to be re-checked on a medium graph, where a scan would cost more than the seek.",
        ["CountActorsByKey"] = "The count variant of SearchActorsByKey, with the same anchor and hint, and the same 3.1 planner choice over the seed's tiny statistics.",
        ["FactCitations"] = "Its citations are sought by fact (hinted), but the publication date of each citing source is looked up by the citation's sourceId inside an OPTIONAL MATCH: over the seed (one source) 3.1's planner was seen, in 2 of 5 runs, to scan the Source id index there despite the hint. To be re-checked on a medium graph, or removed by keeping the date on the citation.",
    };

    public async Task InitializeAsync()
    {
        await server.ResetAsync();
        services = Stores.Neo4jServices(server);
        var store = services.GetRequiredService<IGraphStore>();
        await store.Initialize(None);
        // Plans depend on statistics: plan over real data, not an empty database.
        foreach (var document in Neo4jGraphStoreTests.SeedDocuments()) await store.Import(document, None);
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    public static TheoryData<string> QueryFiles() => new(QueryNames());

    private static IEnumerable<string> QueryNames() =>
        Directory.GetFiles(Path.Combine(Stores.RepositoryRoot(), "src", "DiplomacyGraph.Storage", "Neo4j", "Queries"), "*.cypher")
            .Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(QueryFiles))]
    public async Task An_anchored_query_plans_index_seeks_not_scans(string name)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Stores.RepositoryRoot(), "src", "DiplomacyGraph.Storage", "Neo4j", "Queries", $"{name}.cypher"));
        var parameters = Parameters(text);
        // A file may name the label it is used with ("// @label: Event"); otherwise Actor stands in for {{label}}.
        var label = LabelLine().Match(text) is { Success: true } hint ? hint.Groups[1].Value : "Actor";
        var statement = "EXPLAIN " + text.Replace("{{label}}", label, StringComparison.Ordinal).Replace("{{type}}", "PARTICIPATED_IN", StringComparison.Ordinal);

        using var answer = await server.RunCypherAsync(statement, parameters);
        var operators = Operators(answer.RootElement.GetProperty("results")[0].GetProperty("plan").GetProperty("root")).ToList();

        Assert.NotEmpty(operators);
        var anchored = parameters.Where(p => AnchorParameter.IsMatch(p.Key) && p.Value.ValueKind != JsonValueKind.Null).Select(p => p.Key).ToList();
        var scans = operators.Intersect(Scans).ToList();
        if (anchored.Count > 0 && !Exceptions.ContainsKey(name))
        {
            Assert.True(scans.Count == 0, $"{name} is anchored on ${string.Join(", $", anchored)} but plans {string.Join(", ", scans)}: {string.Join(" <- ", operators)}");
        }
    }

    [Fact]
    public void Every_exception_names_a_query_that_exists()
    {
        var names = QueryNames().ToHashSet(StringComparer.Ordinal);
        Assert.All(Exceptions.Keys, name => Assert.Contains(name, names));
    }

    private static Dictionary<string, JsonElement> Parameters(string text)
    {
        var parameters = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (Match match in ParamLine().Matches(text))
        {
            var value = match.Groups[2].Success && match.Groups[2].Value.Trim().Length > 0 ? match.Groups[2].Value : "null";
            using var json = JsonDocument.Parse(value);
            parameters[match.Groups[1].Value] = json.RootElement.Clone();
        }
        return parameters;
    }

    private static IEnumerable<string> Operators(JsonElement plan)
    {
        yield return plan.GetProperty("operatorType").GetString()!.Split('@')[0];
        if (!plan.TryGetProperty("children", out var children)) yield break;
        foreach (var child in children.EnumerateArray())
        {
            foreach (var name in Operators(child)) yield return name;
        }
    }

    [GeneratedRegex(@"^//\s*@param\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?::\s*(.*))?$", RegexOptions.Multiline)]
    private static partial Regex ParamLine();

    [GeneratedRegex(@"^//\s*@label:\s*([A-Za-z]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex LabelLine();

    [GeneratedRegex(@"^(id|ids|from|to|kind|date|topic|[a-z]+Id)$")]
    private static partial Regex AnchorPattern();
}
