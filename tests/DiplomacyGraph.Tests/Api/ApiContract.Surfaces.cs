using System.Net;
using System.Text.Json;

namespace DiplomacyGraph.Tests.Api;

/// <summary>Figures and programmes, paths between any nodes, and helpful 404s, over HTTP on every store.</summary>
public abstract partial class ApiContract
{
    // ---------------------------------------------------------------- figures and programmes

    [Fact]
    public async Task Extradition_figures_come_with_value_subject_reporter_evidence_and_source()
    {
        var figures = await GetJson<PageOf<Figure>>("/api/figures?q=EXTRADITION");

        var seeded = SeedDoc.Figures.Where(f => f.Metric.Contains("extradition", StringComparison.Ordinal)).ToList();
        Assert.Equal(seeded.Select(f => f.Id).Order(StringComparer.Ordinal), figures.Items.Select(f => f.Id).Order(StringComparer.Ordinal));
        var petro = figures.Items.Single(f => f.Id == "extraditions-petro-government");
        Assert.Equal((810d, "extraditions", "since the beginning of the mandate"), (petro.Value, petro.Unit, petro.Period));
        Assert.Equal("gustavo-petro", Assert.Single(petro.About).Id);
        Assert.Equal("colombian-government", Assert.Single(petro.ReportedBy).Id);
        Assert.All(figures.Items, f => Assert.Contains(f.Evidence, e => e.SourceId == SourceId && Article.Contains(e.Text, StringComparison.Ordinal)));
        Assert.Equal(figures.Items.Select(f => f.Metric).Order(StringComparer.Ordinal), figures.Items.Select(f => f.Metric));
    }

    [Fact]
    public async Task The_hectares_in_substitution_are_a_figure_about_the_programme_which_the_government_runs()
    {
        var hectares = await GetJson<Figure>("/api/figures/hectares-in-voluntary-substitution-programs");
        var about = await GetJson<PageOf<Figure>>("/api/figures?about=voluntary-substitution-program");
        var programs = await GetJson<PageOf<ProgramView>>("/api/programs?q=substitution");
        var program = await GetJson<ProgramView>("/api/programs/voluntary-substitution-program");

        Assert.Equal((30000d, "hectares", true), (hectares.Value, hectares.Unit, hectares.Approximate));
        Assert.Equal("voluntary-substitution-program", Assert.Single(hectares.About).Id);
        Assert.Equal(hectares.Id, Assert.Single(about.Items).Id);
        Assert.Equal(program.Id, Assert.Single(programs.Items).Id);
        Assert.Equal("colombian-government", Assert.Single(program.RunBy).Id);
        Assert.Equal(hectares.Id, Assert.Single(program.Figures).Id);
        Assert.Contains(program.Evidence, e => e.SourceId == SourceId && Article.Contains(e.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_actors_figures_are_those_about_them_or_those_they_reported()
    {
        var aboutPetro = await GetItems<Figure>("/api/actors/gustavo-petro/figures");
        var reported = await GetItems<Figure>("/api/actors/colombian-government/figures?role=reporter");
        var aboutGovernment = await GetItems<Figure>("/api/actors/colombian-government/figures?role=subject");

        Assert.Equal("extraditions-petro-government", Assert.Single(aboutPetro).Id);
        var expected = SeedDoc.Relationships.Where(r => r.Type == "REPORTED" && r.From == "colombian-government").Select(r => r.To);
        Assert.Equal(expected.Order(StringComparer.Ordinal), reported.Select(f => f.Id).Order(StringComparer.Ordinal));
        Assert.Empty(aboutGovernment);
        await GetProblem("/api/actors/gustavo-petro/figures?role=speaker", HttpStatusCode.BadRequest, "role");
    }

    [Fact]
    public async Task Figures_and_programmes_answer_CSV_with_their_evidence()
    {
        var (_, figures) = await GetCsv("/api/figures?format=csv");
        var (_, programs) = await GetCsv("/api/programs", accept: "text/csv");

        Assert.Equal(SeedDoc.Figures.Count, figures.Rows.Count);
        var cocaine = figures.Rows.Single(r => r["id"] == "cocaine-seized-as-of-2025-12-31");
        Assert.Equal(("2800", "tons", "true", "2025-12-31", SourceId), (cocaine["value"], cocaine["unit"], cocaine["approximate"], cocaine["asOf"], cocaine["sourceIds"]));
        Assert.Equal("voluntary-substitution-program", Assert.Single(programs.Rows)["id"]);
    }

    // ---------------------------------------------------------------- paths between any nodes

    [Fact]
    public async Task Trump_is_connected_to_Plaza_Bolivar_a_place_through_the_meeting_and_the_demonstration()
    {
        var path = await GetJson<PathResult>("/api/paths/shortest?from=donald-trump&to=plaza-bolivar");

        Assert.True(path.Found);
        Assert.Equal("donald-trump", path.Nodes[0].Id);
        Assert.Equal("plaza-bolivar", path.Nodes[^1].Id);
        Assert.Equal("place", path.Nodes[^1].Label);
        AssertEdgesChainTheNodes(path);
        Assert.All(path.Edges, e => Assert.NotEmpty(e.Evidence));
    }

    [Theory]
    [InlineData("extraditions-petro-government", "gustavo-petro", "figure")]
    [InlineData("voluntary-substitution-program", "gustavo-petro", "program")]
    [InlineData("gustavo-petro-visa-revocation", "trump-we-worked-on-it", "sanction")]
    [InlineData(Meeting, "white-house", "event")]
    public async Task Paths_start_from_any_kind_of_node(string from, string to, string label)
    {
        var path = await GetJson<PathResult>($"/api/paths/shortest?from={from}&to={to}");

        Assert.True(path.Found);
        Assert.Equal(label, path.Nodes[0].Label);
        Assert.Equal((from, to), (path.Nodes[0].Id, path.Nodes[^1].Id));
        AssertEdgesChainTheNodes(path);
    }

    [Fact]
    public async Task All_shortest_paths_start_with_the_one_paths_shortest_picks_and_are_equally_short()
    {
        var shortest = await GetJson<PathResult>("/api/paths/shortest?from=donald-trump&to=gustavo-petro");
        var all = await GetJson<CappedOf<PathItem>>("/api/paths/all-shortest?from=donald-trump&to=gustavo-petro&limit=100");
        var two = await GetJson<CappedOf<PathItem>>("/api/paths/all-shortest?from=donald-trump&to=gustavo-petro&limit=2");

        Assert.False(all.Truncated);
        Assert.True(all.Items.Count > 2);
        Assert.Equal(shortest.Nodes.Select(n => n.Id), all.Items[0].Nodes.Select(n => n.Id));
        Assert.All(all.Items, p => Assert.Equal(shortest.Length, p.Length));
        Assert.Equal(all.Items.Count, all.Items.Select(p => string.Join(">", p.Edges.Select(e => e.Id))).Distinct().Count());
        Assert.True(two.Truncated);
        Assert.Equal(all.Items.Take(2).Select(p => p.Edges[0].Id), two.Items.Select(p => p.Edges[0].Id));
        var sharedMeeting = all.Items.Count(p => p.Nodes[1].Id == Meeting);
        Assert.Equal(1, sharedMeeting);
    }

    [Fact]
    public async Task All_shortest_paths_beyond_max_depth_are_an_empty_list()
    {
        var none = await GetJson<CappedOf<PathItem>>("/api/paths/all-shortest?from=bernie-moreno&to=rosa-villavicencio&maxDepth=1");

        Assert.Empty(none.Items);
        Assert.False(none.Truncated);
    }

    // ---------------------------------------------------------------- helpful misses

    [Theory]
    [InlineData("/api/sanctions?target=petro", "gustavo-petro")]
    [InlineData("/api/actors/trumpp", "donald-trump")]
    [InlineData("/api/actors/villavicencio/events", "rosa-villavicencio")]
    [InlineData("/api/events?actor=moreno", "bernie-moreno")]
    [InlineData("/api/events/white-house-meeting", Meeting)]
    [InlineData("/api/paths/shortest?from=gustavo-petro&to=plaza-bolivr", "plaza-bolivar")]
    [InlineData("/api/statements?about=garcia-pena", "daniel-garcia-pena")]
    [InlineData("/api/figures/extraditions-petro", "extraditions-petro-government")]
    [InlineData("/api/programs/substitution", "voluntary-substitution-program")]
    public async Task An_unknown_id_is_a_404_that_suggests_close_matches_with_their_ids(string url, string expected)
    {
        var problem = await GetProblem(url, HttpStatusCode.NotFound);

        var suggestions = problem.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.InRange(suggestions.Count, 1, 5);
        Assert.Contains(expected, suggestions.Select(s => s.GetProperty("id").GetString()));
        Assert.All(suggestions, s => Assert.False(string.IsNullOrEmpty(s.GetProperty("name").GetString())));
    }

    [Fact]
    public async Task Suggestions_for_an_actor_filter_are_actors_only_and_nothing_close_suggests_nothing()
    {
        var petro = await GetProblem("/api/sanctions?target=petro", HttpStatusCode.NotFound);
        var nothing = await GetProblem($"/api/actors/{Missing}-xyzzy", HttpStatusCode.NotFound);

        Assert.Equal("gustavo-petro", petro.GetProperty("suggestions")[0].GetProperty("id").GetString());
        Assert.All(petro.GetProperty("suggestions").EnumerateArray(), s => Assert.Equal("actor", s.GetProperty("label").GetString()));
        Assert.Contains("target", petro.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, nothing.GetProperty("suggestions").GetArrayLength());
    }
}

#pragma warning disable CA1812 // Instantiated by System.Text.Json.
internal sealed record Figure(string Id, string Metric, double? Value, string? Unit, bool Approximate, string? Period, string? AsOf,
    List<NodeRef> About, List<NodeRef> ReportedBy, List<Evidence> Evidence);
internal sealed record ProgramView(string Id, string Name, string? Description, List<NodeRef> RunBy, List<NodeRef> Figures, List<Evidence> Evidence);
internal sealed record PathItem(int Length, List<Node> Nodes, List<Edge> Edges);
#pragma warning restore CA1812
