using System.Net;
using System.Text.Json;

namespace DiplomacyGraph.Tests.Api;

/// <summary><c>nodes=summary</c> on the network and the graph: the same nodes and edges, as references.</summary>
public abstract partial class ApiContract
{
    private static readonly string[] ReferenceFields = ["id", "label", "name", "kind", "date"];

    [Fact]
    public async Task A_summary_network_gives_the_full_networks_nodes_as_references_and_its_edges_without_evidence()
    {
        using var full = await GetDocument("/api/actors/bernie-moreno/network?depth=2");
        using var summary = await GetDocument("/api/actors/bernie-moreno/network?depth=2&nodes=summary");
        using var explicitFull = await GetDocument("/api/actors/bernie-moreno/network?depth=2&nodes=full");

        Assert.Equal(full.RootElement.GetRawText(), explicitFull.RootElement.GetRawText());
        var fullNodes = full.RootElement.GetProperty("nodes").EnumerateArray().ToList();
        var nodes = summary.RootElement.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(fullNodes.Select(n => n.GetProperty("id").GetString()), nodes.Select(n => n.GetProperty("id").GetString()));
        Assert.All(fullNodes, n => Assert.True(n.TryGetProperty("evidence", out _) && n.TryGetProperty("properties", out _)));
        foreach (var (whole, reference) in fullNodes.Zip(nodes))
        {
            Assert.Subset(ReferenceFields.ToHashSet(), reference.EnumerateObject().Select(p => p.Name).ToHashSet());
            foreach (var field in new[] { "label", "name", "kind" })
            {
                Assert.Equal(whole.GetProperty(field).GetRawText(), reference.GetProperty(field).GetRawText());
            }
            Assert.Equal(whole.GetProperty("properties").TryGetProperty("date", out var date) ? date.GetString() : null,
                reference.TryGetProperty("date", out var shown) ? shown.GetString() : null);
        }
        Assert.Contains(nodes, n => n.TryGetProperty("date", out _));

        var fullEdges = full.RootElement.GetProperty("edges").EnumerateArray().ToList();
        var edges = summary.RootElement.GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal(fullEdges.Select(e => e.GetProperty("id").GetString()), edges.Select(e => e.GetProperty("id").GetString()));
        Assert.All(edges, e => Assert.False(e.TryGetProperty("evidence", out _)));
        Assert.Equal(fullEdges.Select(e => e.GetProperty("properties").GetRawText()), edges.Select(e => e.GetProperty("properties").GetRawText()));
    }

    [Fact]
    public async Task A_summary_graph_gives_cytoscape_nodes_as_references_and_edges_without_evidence()
    {
        foreach (var url in new[] { "/api/graph?actor=bernie-moreno&depth=2", "/api/graph?limit=50" })
        {
            using var full = await GetDocument(url);
            using var summary = await GetDocument(url + "&nodes=summary");

            var fullElements = full.RootElement.GetProperty("elements");
            var elements = summary.RootElement.GetProperty("elements");
            Assert.Equal(Data(fullElements, "nodes").Select(d => d.GetProperty("id").GetString()), Data(elements, "nodes").Select(d => d.GetProperty("id").GetString()));
            Assert.Equal(Data(fullElements, "edges").Select(d => d.GetProperty("id").GetString()), Data(elements, "edges").Select(d => d.GetProperty("id").GetString()));
            Assert.Contains(Data(fullElements, "nodes"), d => d.EnumerateObject().Any(p => !ReferenceFields.Contains(p.Name)));
            Assert.All(Data(elements, "nodes"), d => Assert.Subset(ReferenceFields.ToHashSet(), d.EnumerateObject().Select(p => p.Name).ToHashSet()));
            Assert.All(Data(elements, "edges"), d => Assert.False(d.TryGetProperty("evidence", out _)));
            Assert.Equal(full.RootElement.GetProperty("truncated").GetBoolean(), summary.RootElement.GetProperty("truncated").GetBoolean());
        }

        static IEnumerable<JsonElement> Data(JsonElement elements, string group) => elements.GetProperty(group).EnumerateArray().Select(e => e.GetProperty("data"));
    }

    [Theory]
    [InlineData("/api/actors/bernie-moreno/network?nodes=brief")]
    [InlineData("/api/graph?nodes=SUMMARY")]
    public async Task Nodes_other_than_summary_or_full_is_a_bad_request(string url)
    {
        await GetProblem(url, HttpStatusCode.BadRequest, "nodes");
    }
}
