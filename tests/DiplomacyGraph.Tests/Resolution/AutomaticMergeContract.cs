using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Resolution;
using DiplomacyGraph.Storage.Vocabulary;
using DiplomacyGraph.Tests.Contract;
using DiplomacyGraph.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyGraph.Tests.Resolution;

/// <summary>
/// Strong evidence merges without a judgement, on every store, through the store the application uses
/// (<see cref="ResolvingGraphStore"/>): FtM referents and equal strong identifiers (the <c>referents</c> and
/// <c>identifiers</c> actor properties of the shared contract, which the FtM import fills), while a shared name alone
/// stays a candidate. The graphs are written as the importer would hand them over.
/// </summary>
public abstract class AutomaticMergeContract : IAsyncLifetime
{
    private const string Source = "ftm-test-dataset";
    private ServiceProvider services = null!;

    protected IGraphStore Store => services.GetRequiredService<IGraphStore>();

    private IResolutionStore Resolution => services.GetRequiredService<IResolutionStore>();

    protected abstract Task<ServiceProvider> CreateServices();

    public async Task InitializeAsync()
    {
        services = await CreateServices();
        await Store.Initialize(CancellationToken.None);
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    private static DocumentGraph Graph(params GraphNode[] actors) =>
        new([DocumentGraph.Node(Source, NodeLabel.Source, null, ("name", "Test dataset"), ("title", "Test dataset"), ("outlet", CanonicalChoice.DatasetOutlet), ("published", "2026-01-01")), .. actors], []);

    private static readonly string[] Wikidata = ["wikidata||Q4720296"], Passport = ["passport||123456"], Referents = ["ftm-ofac-52012"];

    private static GraphNode Actor(string id, string name, params (string Key, object? Value)[] more) =>
        DocumentGraph.Node(id, NodeLabel.Actor, DocumentGraph.Cite(Source, $"FollowTheMoney Person '{id}'."), [("kind", "person"), ("name", name), .. more]);

    [Fact]
    public async Task Equal_wikidata_ids_merge_and_the_merged_id_answers_the_canonical_node()
    {
        await Store.Import(Graph(Actor("ftm-a-zakharov", "Alexander Zakharov", ("identifiers", Wikidata))), CancellationToken.None);
        await Store.Import(Graph(Actor("ftm-z-zakharov", "Aleksandr Zakharov", ("identifiers", Wikidata))), CancellationToken.None);

        var node = Assert.IsType<Found<GraphNode>>(await Store.FindNode("ftm-z-zakharov", CancellationToken.None)).Value;
        Assert.Equal("ftm-a-zakharov", node.Id);
        Assert.Equal(["ftm-z-zakharov"], node.Properties[ClaimRules.SameAs] as string[] ?? []);
        Assert.Contains("Aleksandr Zakharov", node.Properties["aliases"] as string[] ?? []);
        Assert.Empty((await Resolution.Candidates(NodeLabel.Actor, 0, 1, 100, CancellationToken.None)).Items);

        Assert.IsType<UndoOutcome.Undone>(await Resolution.Undo("ftm-a-zakharov", "ftm-z-zakharov", CancellationToken.None));
        Assert.Equal("ftm-z-zakharov", Assert.IsType<Found<GraphNode>>(await Store.FindNode("ftm-z-zakharov", CancellationToken.None)).Value.Id);
    }

    [Fact]
    public async Task A_referent_merges_the_record_it_replaced_but_a_passport_number_without_its_country_only_pairs()
    {
        await Store.Import(Graph(
            Actor("ftm-ofac-52012", "Gustavo Petro Urrego"),
            Actor("ftm-x-one", "Ivan Petrov", ("identifiers", Passport)),
            Actor("ftm-x-two", "Ivan Petrov", ("identifiers", Passport))), CancellationToken.None);
        await Store.Import(Graph(Actor("ftm-nk-petro", "Gustavo Francisco Petro Urrego", ("referents", Referents))), CancellationToken.None);

        Assert.Equal("ftm-nk-petro", Assert.IsType<Found<GraphNode>>(await Store.FindNode("ftm-ofac-52012", CancellationToken.None)).Value.Id);
        var pair = Assert.Single((await Resolution.Candidates(NodeLabel.Actor, 0, 1, 100, CancellationToken.None)).Items);
        Assert.Equal(("ftm-x-one", "ftm-x-two"), (pair.A.Id, pair.B.Id));
        Assert.Contains("identifier: passport||123456", pair.Reasons);
    }

    [Fact]
    public async Task A_merge_of_a_merge_undoes_one_step_at_a_time()
    {
        await Store.Import(Graph(Actor("ftm-a", "Anna Example"), Actor("ftm-b", "Bella Sample"), Actor("ftm-c", "Carla Instance")), CancellationToken.None);
        var ct = CancellationToken.None;

        Assert.Equal(("ftm-b", "ftm-c"), Merge(await Resolution.Judge("ftm-c", "ftm-b", JudgementKind.Same, false, null, ct)));
        Assert.Equal(("ftm-a", "ftm-b"), Merge(await Resolution.Judge("ftm-c", "ftm-a", JudgementKind.Same, false, null, ct)));

        var all = Assert.IsType<Found<GraphNode>>(await Store.FindNode("ftm-c", ct)).Value;
        Assert.Equal("ftm-a", all.Id);
        Assert.Equal(["ftm-b", "ftm-c"], all.Properties[ClaimRules.SameAs] as string[] ?? []);
        Assert.Equal(["Bella Sample", "Carla Instance"], (all.Properties["aliases"] as string[] ?? []).Order(StringComparer.Ordinal));

        // Undoing the second merge gives B back with C still merged into it.
        Assert.IsType<UndoOutcome.Undone>(await Resolution.Undo("ftm-a", "ftm-c", ct));
        var b = Assert.IsType<Found<GraphNode>>(await Store.FindNode("ftm-c", ct)).Value;
        Assert.Equal(("ftm-b", "Bella Sample"), (b.Id, b.Name));
        Assert.Equal(["ftm-c"], b.Properties[ClaimRules.SameAs] as string[] ?? []);
        var a = Assert.IsType<Found<GraphNode>>(await Store.FindNode("ftm-a", ct)).Value;
        Assert.False(a.Properties.ContainsKey(ClaimRules.SameAs));
        Assert.Equal("Anna Example", a.Name);

        Assert.IsType<UndoOutcome.Undone>(await Resolution.Undo("ftm-b", "ftm-c", ct));
        Assert.Equal(("ftm-c", "Carla Instance"), (Assert.IsType<Found<GraphNode>>(await Store.FindNode("ftm-c", ct)).Value is var c ? (c.Id, c.Name) : default));

        static (string?, string?) Merge(JudgeOutcome outcome) => Assert.IsType<JudgeOutcome.Judged>(outcome).Judgement is var j ? (j.Canonical, j.Merged) : default;
    }
}

public sealed class EmbeddedAutomaticMergeTests : AutomaticMergeContract, IDisposable
{
    private readonly TemporaryFolder folder = new();

    protected override Task<ServiceProvider> CreateServices() =>
        Task.FromResult(Stores.Services(new Dictionary<string, string?> { ["Embedded:Path"] = Path.Combine(folder.Path, "graph.db") }));

    public void Dispose() => folder.Dispose();
}

[Collection("neo4j")]
public sealed class Neo4jAutomaticMergeTests(Neo4jServer server) : AutomaticMergeContract
{
    protected override async Task<ServiceProvider> CreateServices()
    {
        await server.ResetAsync();
        return Stores.Neo4jServices(server);
    }
}
