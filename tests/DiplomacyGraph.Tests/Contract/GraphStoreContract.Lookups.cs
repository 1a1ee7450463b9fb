using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using static DiplomacyGraph.Tests.Contract.Knowledge;

namespace DiplomacyGraph.Tests.Contract;

/// <summary>Figures and programmes, nodes by any id, suggestions for misses, every shortest path, undated timeline entries.</summary>
public abstract partial class GraphStoreContract
{
    private const string Deportations = "deportations-2025", Share = "share-of-seizures", Hectares = "hectares-in-program", Program = "substitution-program";

    /// <summary>The world plus figures about Petro and a programme, reported by OFAC and Colombia.</summary>
    private async Task ImportWorldWithFigures()
    {
        await ImportWorld();
        await Store.Import(Document("figures-report") with
        {
            Figures = [Figure(Deportations, "deportations carried out", 810), Figure(Share, "Share of seizures", 12.5, approximate: true), Figure(Hectares, "Área registered", 30000)],
            Programs = [new ProgramRecord { Id = Program, Name = "Voluntary substitution program", Description = "Farmers stop planting coca.", Evidence = "The program helps farmers." }],
            Relationships =
            [
                Rel(Deportations, "ABOUT", Petro), Rel(Share, "ABOUT", Petro), Rel(Hectares, "ABOUT", Program),
                Rel(Ofac, "REPORTED", Deportations), Rel(Colombia, "REPORTED", Share), Rel(Colombia, "RUNS", Program),
            ],
        }, None);
    }

    [Fact]
    public async Task Figures_list_by_metric_and_filter_by_subject_reporter_metric_and_text()
    {
        await ImportWorldWithFigures();

        var all = await Store.FindFigures(new FigureSearch(null, null, null, null, 1, 20), None);
        var aboutPetro = await Store.FindFigures(new FigureSearch(Petro, null, null, null, 1, 20), None);
        var byColombia = await Store.FindFigures(new FigureSearch(null, Colombia, null, null, 1, 20), None);
        var byMetric = await Store.FindFigures(new FigureSearch(null, null, "deportations carried out", null, 1, 20), None);
        var byText = await Store.FindFigures(new FigureSearch(null, null, null, "AREA", 1, 20), None);
        var second = await Store.FindFigures(new FigureSearch(null, null, null, null, 2, 2), None);

        Assert.Equal([Hectares, Deportations, Share], Ids(all.Items));
        Assert.Equal(3, all.Total);
        Assert.Equal([Deportations, Share], Ids(aboutPetro.Items));
        Assert.Equal([Share], Ids(byColombia.Items));
        Assert.Equal([Deportations], Ids(byMetric.Items));
        Assert.Empty((await Store.FindFigures(new FigureSearch(null, null, "Deportations carried out", null, 1, 20), None)).Items);
        Assert.Equal([Hectares], Ids(byText.Items));
        Assert.Equal([Share], Ids(second.Items));
        Assert.Equal(3, second.Total);
        Assert.Equal([$"ABOUT out {Petro}", $"REPORTED in {Ofac}"], Describe(aboutPetro.Items[0].Links));
        Assert.Empty((await Store.FindFigures(new FigureSearch(Program, null, "deportations carried out", null, 1, 20), None)).Items);
    }

    [Fact]
    public async Task Programmes_list_by_name_with_their_links_and_filter_by_text()
    {
        await ImportWorldWithFigures();

        var all = await Store.FindPrograms(new ProgramSearch(null, 1, 20), None);
        var found = await Store.FindPrograms(new ProgramSearch("SUBSTITUTION", 1, 20), None);

        var program = Assert.Single(all.Items);
        Assert.Equal([$"ABOUT in {Hectares}", $"RUNS in {Colombia}"], Describe(program.Links));
        Assert.Equal([Program], Ids(found.Items));
        Assert.Empty((await Store.FindPrograms(new ProgramSearch("nothing", 1, 20), None)).Items);
    }

    [Fact]
    public async Task A_node_is_found_by_id_whatever_its_label()
    {
        await ImportWorldWithFigures();

        Assert.Equal(NodeLabel.Program, (await Store.FindNode(Program, None)).Found().Label);
        Assert.Equal(NodeLabel.Place, (await Store.FindNode(WhiteHouse, None)).Found().Label);
        Assert.Equal("Gustavo Petro", (await Store.FindNode(Petro, None)).Found().Name);
        (await Store.FindNode("nobody", None)).Miss();
    }

    [Fact]
    public async Task A_missing_id_gets_close_matches_by_id_name_and_alias_best_first()
    {
        await ImportWorldWithFigures();

        Assert.Equal(Petro, (await Store.Suggest("petro", NodeLabel.Actor, 5, None))[0].Id);
        Assert.Equal([Trump], Ids(await Store.Suggest("trumpp", NodeLabel.Actor, 5, None)));
        Assert.Equal([Garcia], Ids(await Store.Suggest("GARCÍA", NodeLabel.Actor, 5, None)));
        Assert.Equal(Vance, (await Store.Suggest("vance", null, 5, None))[0].Id);
        Assert.All(await Store.Suggest("petro", NodeLabel.Actor, 5, None), n => Assert.Equal(NodeLabel.Actor, n.Label));
        Assert.Empty(await Store.Suggest("zz", NodeLabel.Actor, 5, None));
        Assert.Empty(await Store.Suggest("world-report", null, 5, None));
        Assert.Single(await Store.Suggest("white", NodeLabel.Event, 1, None));
    }

    [Fact]
    public async Task Suggestions_agree_on_order_when_many_nodes_match()
    {
        await ImportWorldWithFigures();

        var suggested = await Store.Suggest("petro-meeting", null, 5, None);
        var first = await Store.Suggest("petro-meeting", null, 1, None);

        // Only the remark "Petro said the meeting was good" has both words; four other nodes have one of them.
        Assert.Equal(GoodMeeting, suggested[0].Id);
        Assert.Equal(new[] { DrugLeader, GoodMeeting, Meeting, OfacSanction, Petro }.Order(StringComparer.Ordinal), Ids(suggested).Order(StringComparer.Ordinal));
        Assert.Equal([GoodMeeting], Ids(first));
    }

    [Fact]
    public async Task Every_shortest_path_comes_in_the_order_the_first_is_chosen_from()
    {
        await ImportWorld();

        var all = (await Store.FindAllShortestPaths(Vance, Call, 6, 10, None)).Found();
        var first = (await Store.FindShortestPath(Vance, Call, 6, None)).Found();
        var one = (await Store.FindAllShortestPaths(Vance, Call, 6, 1, None)).Found();

        Assert.Equal(2, all.Count);
        Assert.All(all, p => Assert.Equal(3, p.Edges.Count));
        Assert.Equal(Ids(first!.Nodes), Ids(all[0].Nodes));
        Assert.Equal([Vance, Meeting, Trump, Call], Ids(all[0].Nodes));
        Assert.Equal([Vance, Meeting, Petro, Call], Ids(all[1].Nodes));
        Assert.Equal(Ids(all[0].Nodes), Ids(Assert.Single(one).Nodes));
        Assert.Empty((await Store.FindAllShortestPaths(Vance, Call, 2, 10, None)).Found());
        var nobody = (await Store.FindAllShortestPaths(Vance, "nobody", 6, 10, None)).Miss();
        Assert.Equal(("to", null, "nobody"), (nobody.Parameter, nobody.Label, nobody.Id));
    }

    [Fact]
    public async Task A_path_with_an_unknown_end_is_the_miss_of_the_first_one_from_then_to_with_suggestions_of_any_label()
    {
        await ImportWorld();

        var misses = new[]
        {
            (await Store.FindShortestPath("petro", "nobody", 6, None)).Miss().As<object>(),
            (await Store.FindAllShortestPaths("petro", "nobody", 6, 10, None)).Miss().As<object>(),
            (await Store.FindShortestPath("petro", "petro", 6, None)).Miss().As<object>(),
            (await Store.FindAllShortestPaths("petro", "petro", 6, 10, None)).Miss().As<object>(),
        };
        foreach (var miss in misses)
        {
            Assert.Equal(("from", null, "petro"), (miss.Parameter, miss.Label, miss.Id));
            Assert.Equal(Ids(await Store.Suggest("petro", null, Lookups.MaxSuggestions, None)), Ids(miss.Suggestions));
            Assert.Contains(Petro, Ids(miss.Suggestions));
        }
        foreach (var miss in new[]
        {
            (await Store.FindShortestPath(Meeting, "vance", 6, None)).Miss().As<object>(),
            (await Store.FindAllShortestPaths(Meeting, "vance", 6, 10, None)).Miss().As<object>(),
        })
        {
            Assert.Equal(("to", null, "vance"), (miss.Parameter, miss.Label, miss.Id));
            Assert.Equal(Ids(await Store.Suggest("vance", null, Lookups.MaxSuggestions, None)), Ids(miss.Suggestions));
            Assert.Contains(Vance, Ids(miss.Suggestions));
        }
    }

    [Fact]
    public async Task Paths_join_any_two_nodes_figures_and_programmes_included()
    {
        await ImportWorldWithFigures();

        var path = (await Store.FindShortestPath(Program, Petro, 6, None)).Found();

        Assert.Equal([Program, Colombia, Petro], Ids(path!.Nodes));
        Assert.Equal([Hectares, Program, Colombia, Petro], Ids((await Store.FindShortestPath(Hectares, Petro, 6, None)).Found()!.Nodes));
    }

    [Fact]
    public async Task The_timeline_lists_undated_entries_after_the_dated_ones_when_asked()
    {
        await ImportWorld();

        Assert.Equal([Protest, DrugLeader, Call, Meeting, GoodMeeting, Strikes, Undated],
            Ids(await Store.GetTimeline(new TimelineSearch(null, null, null, 100, IncludeUndated: true), None)));
        Assert.Equal([Call, Meeting, GoodMeeting, Strikes, Undated],
            Ids(await Store.GetTimeline(new TimelineSearch(null, "2026-01-01", null, 100, IncludeUndated: true), None)));
        Assert.Equal([DrugLeader, Call, Meeting, GoodMeeting],
            Ids(await Store.GetTimeline(new TimelineSearch(Petro, null, null, 100, IncludeUndated: true), None)));
        Assert.Equal([Protest, DrugLeader], Ids(await Store.GetTimeline(new TimelineSearch(null, null, null, 2, IncludeUndated: true), None)));
    }
}
