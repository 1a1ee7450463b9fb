using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using static DiplomacyGraph.Tests.Contract.Knowledge;

namespace DiplomacyGraph.Tests.Contract;

/// <summary>Networks and the graph as references (<see cref="NodeDetail.Summary"/>), and broad search prefixes paged in rank order.</summary>
public abstract partial class GraphStoreContract
{
    [Fact]
    public async Task A_summary_network_has_the_full_networks_nodes_and_edges_without_evidence_or_other_properties()
    {
        await ImportWorld();

        var full = (await Store.GetNetwork(Vance, 2, 100, None)).Found()!;
        var summary = (await Store.GetNetwork(Vance, 2, 100, NodeDetail.Summary, None)).Found()!;

        AssertReferencesOf(full, summary);
        Assert.Equal(full.Truncated, summary.Truncated);
        // The shorter walk is cut the same way.
        AssertReferencesOf((await Store.GetNetwork(Vance, 2, 3, None)).Found()!, (await Store.GetNetwork(Vance, 2, 3, NodeDetail.Summary, None)).Found()!);
        (await Store.GetNetwork("nobody", 1, 10, NodeDetail.Summary, None)).Miss();
    }

    [Fact]
    public async Task A_summary_graph_has_the_full_graphs_nodes_and_edges_without_evidence_or_other_properties()
    {
        await ImportWorld();

        AssertReferencesOf(await Store.GetGraph(100, None), await Store.GetGraph(100, NodeDetail.Summary, None));
        var cut = await Store.GetGraph(3, NodeDetail.Summary, None);
        Assert.Equal(Ids((await Store.GetGraph(3, None)).Nodes), Ids(cut.Nodes));
        Assert.True(cut.Truncated);
    }

    private static void AssertReferencesOf(Subgraph full, Subgraph summary)
    {
        Assert.Equal(Ids(full.Nodes), Ids(summary.Nodes));
        Assert.Equal(Ids(full.Edges), Ids(summary.Edges));
        // Otherwise the comparison below would prove nothing.
        Assert.Contains(full.Nodes, n => n.Evidence.Count > 0 && n.Properties.Keys.Any(k => !Link.OtherProperties.Contains(k)));
        Assert.Contains(full.Edges, e => e.Evidence.Count > 0 && e.Properties.Count > 0);
        foreach (var (whole, reference) in full.Nodes.Zip(summary.Nodes))
        {
            Assert.Equal((whole.Label, whole.Name, whole.Kind, whole.Date, whole.SortKey), (reference.Label, reference.Name, reference.Kind, reference.Date, reference.SortKey));
            Assert.Equal(whole.Properties.Where(p => Link.OtherProperties.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal),
                reference.Properties.OrderBy(p => p.Key, StringComparer.Ordinal));
            Assert.Empty(reference.Evidence);
            Assert.Empty(reference.Claims);
        }
        foreach (var (whole, reference) in full.Edges.Zip(summary.Edges))
        {
            Assert.Equal(whole.Properties.OrderBy(p => p.Key, StringComparer.Ordinal), reference.Properties.OrderBy(p => p.Key, StringComparer.Ordinal));
            Assert.Empty(reference.Evidence);
            Assert.Empty(reference.Claims);
        }
    }

    [Fact]
    public async Task A_broad_search_prefix_pages_in_rank_order_with_its_total_as_relationships_change()
    {
        await ImportWorld();
        // 45 namesakes with 0, 1 or 2 relationships, named so that name order is not id order; an exact name; an actor
        // found by two keys with the prefix (counted once); one that only contains it.
        var namesakes = Enumerable.Range(0, 45).Select(i => (Id: $"petra-{i:00}", Name: $"Petra {(char)('z' - i % 26)}{i:00}", Degree: i % 3)).ToList();
        var relationships = namesakes.SelectMany(n => new[] { Trump, Vance }.Take(n.Degree).Select(other => Rel(n.Id, "CRITIC_OF", other))).ToList();
        await Store.Import(Document("namesakes") with
        {
            Actors =
            [
                .. namesakes.Select(n => Actor(n.Id, n.Name)),
                Actor("petra-exact", "Petra", ActorKinds.Organization),
                Actor("anna-smith", "Anna Smith", aliases: ["Petra Petrakis"]),
                Actor("hipetra", "Hipetra", ActorKinds.Organization),
            ],
            Relationships = relationships,
        }, None);

        // The definition: the exact name first; then word prefixes by relationships (most first), folded name, id.
        string[] Expected(IEnumerable<(string Id, string Name, int Degree)> prefixed) =>
            ["petra-exact", .. prefixed.OrderByDescending(n => n.Degree).ThenBy(n => Text.Fold(n.Name), StringComparer.Ordinal).ThenBy(n => n.Id, StringComparer.Ordinal).Select(n => n.Id)];
        var others = namesakes.Append((Id: "anna-smith", Name: "Anna Smith", Degree: 0)).ToList();
        await AssertPages(Expected(others));

        // Three more relationships put petra-00 first among the prefixes; a removed actor leaves the order and the total.
        await Store.Import(Document("more") with { Relationships = [Rel("petra-00", "CRITIC_OF", Trump), Rel("petra-00", "CRITIC_OF", Vance), Rel("petra-00", "CRITIC_OF", Petro)] }, None);
        await Store.DeleteNode(NodeLabel.Actor, "petra-44", cascade: true, None);
        others = [.. others.Where(n => n.Id != "petra-44").Select(n => n.Id == "petra-00" ? n with { Degree = 3 } : n)];
        await AssertPages(Expected(others));

        var organizations = await Store.SearchActors(new ActorSearch("petra", ActorKinds.Organization, 1, 20), None);
        Assert.Equal(["petra-exact"], Ids(organizations.Items));
        Assert.Equal(1, organizations.Total);
    }

    /// <summary>Every page of 7 and one of 20 of the search "petra", against the expected order and total.</summary>
    private async Task AssertPages(string[] expected)
    {
        var paged = new List<string>();
        for (var page = 1; page <= (expected.Length + 6) / 7 + 1; page++)
        {
            var found = await Store.SearchActors(new ActorSearch("PETRA", null, page, 7), None);
            Assert.Equal(expected.Length, found.Total);
            paged.AddRange(Ids(found.Items));
        }
        Assert.Equal(expected, paged);
        Assert.Equal(expected.Take(20), Ids((await Store.SearchActors(new ActorSearch("petra", null, 1, 20), None)).Items));
    }
}
