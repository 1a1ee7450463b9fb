using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using static DiplomacyGraph.Tests.Contract.Knowledge;

namespace DiplomacyGraph.Tests.Contract;

/// <summary>
/// What every <see cref="IGraphStore"/> must answer, item for item and in the same order. Each test starts from an
/// empty store and imports its own documents.
/// </summary>
public abstract partial class GraphStoreContract : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected IGraphStore Store { get; private set; } = null!;

    /// <summary>An empty store.</summary>
    protected abstract Task<IGraphStore> CreateStore();

    protected virtual Task DisposeStore() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        Store = await CreateStore();
        await Store.Initialize(None);
    }

    public Task DisposeAsync() => DisposeStore();

    private Task<ImportSummary> ImportWorld() => Store.Import(WorldDocument(), None).Imported();

    private static string[] Ids(IEnumerable<GraphNode> nodes) => [.. nodes.Select(n => n.Id)];

    private static string[] Ids(IEnumerable<NodeWithLinks> nodes) => [.. nodes.Select(n => n.Node.Id)];

    private static string[] Ids(IEnumerable<GraphEdge> edges) => [.. edges.Select(e => e.Id)];

    private static string[] Describe(IEnumerable<Link> links) => [.. links.Select(l => $"{l.Edge.Type} {l.Direction} {l.Other.Id}")];

    [Fact]
    public async Task The_store_is_ready()
    {
        Assert.True(await Store.IsReady(None));
    }

    [Fact]
    public async Task Exists_checks_the_label_as_well_as_the_id()
    {
        await ImportWorld();

        Assert.True(await Store.Exists(NodeLabel.Actor, Petro, None));
        Assert.True(await Store.Exists(NodeLabel.Event, Meeting, None));
        Assert.False(await Store.Exists(NodeLabel.Event, Petro, None));
        Assert.False(await Store.Exists(NodeLabel.Actor, "nobody", None));
    }

    [Fact]
    public async Task Actor_search_folds_case_and_accents()
    {
        await ImportWorld();

        Assert.Equal([Garcia], Ids((await Store.SearchActors(new ActorSearch("garcia", null, 1, 20), None)).Items));
        Assert.Equal([Garcia], Ids((await Store.SearchActors(new ActorSearch("GARCÍA-peña", null, 1, 20), None)).Items));
        Assert.Equal([Petro], Ids((await Store.SearchActors(new ActorSearch("Petro", null, 1, 20), None)).Items));
        Assert.Equal([Vance], Ids((await Store.SearchActors(new ActorSearch("vanc", null, 1, 20), None)).Items));
        Assert.Empty((await Store.SearchActors(new ActorSearch("maduro", null, 1, 20), None)).Items);
    }

    [Fact]
    public async Task Actor_search_ranks_exact_names_then_word_prefixes_then_by_relationships_then_name()
    {
        await ImportWorld();
        await Store.Import(Document("namesakes") with
        {
            Actors =
            [
                Actor("petros-government", "Petro's government", ActorKinds.Organization),
                Actor("ana-petrova", "Ána Pétrova"),
                Actor("petronila-diaz", "Petronila Díaz"),
                Actor("hipetrol", "Hipetrol", ActorKinds.Organization),
            ],
            Relationships = [Rel("petronila-diaz", "CRITIC_OF", Trump), Rel("petronila-diaz", "CRITIC_OF", Vance)],
        }, None);

        var found = await Store.SearchActors(new ActorSearch("PÉTRO", null, 1, 20), None);
        var second = await Store.SearchActors(new ActorSearch("petro", null, 2, 2), None);

        // Petro by his alias; then word prefixes, the better-connected first, then by name; "Hipetrol" only contains it.
        Assert.Equal([Petro, "petronila-diaz", "ana-petrova", "petros-government"], Ids(found.Items));
        Assert.Equal(4, found.Total);
        Assert.Equal(["ana-petrova", "petros-government"], Ids(second.Items));
        Assert.Equal(["petros-government"], Ids((await Store.SearchActors(new ActorSearch("petro", ActorKinds.Organization, 1, 20), None)).Items));
        Assert.Equal([Petro], Ids((await Store.SearchActors(new ActorSearch("  gustavo pe ", null, 1, 20), None)).Items));
        Assert.Equal(["petros-government"], Ids((await Store.SearchActors(new ActorSearch("petro's government", null, 1, 20), None)).Items));
        Assert.Empty((await Store.SearchActors(new ActorSearch("etrov", null, 1, 20), None)).Items);
    }

    [Fact]
    public async Task Actor_search_follows_renames_and_deletes()
    {
        await ImportWorld();
        var renamed = KnowledgeGraph.ForActor(Actor(Vance, "James David Vance", aliases: ["JD"]), World);

        await Store.ReplaceNode(renamed, None);

        Assert.Equal([Vance], Ids((await Store.SearchActors(new ActorSearch("james", null, 1, 20), None)).Items));
        Assert.Equal([Vance], Ids((await Store.SearchActors(new ActorSearch("jd", null, 1, 20), None)).Items));
        Assert.Equal(["James David Vance"], (await Store.SearchActors(new ActorSearch("vance", null, 1, 20), None)).Items.Select(a => a.Name));
        await Store.DeleteNode(NodeLabel.Actor, Vance, cascade: true, None);
        Assert.Empty((await Store.SearchActors(new ActorSearch("james", null, 1, 20), None)).Items);
    }

    [Fact]
    public async Task Actor_search_filters_by_kind_and_orders_by_folded_name()
    {
        await ImportWorld();

        var countries = await Store.SearchActors(new ActorSearch(null, ActorKinds.Country, 1, 20), None);

        Assert.Equal([Colombia, Usa], Ids(countries.Items));
        Assert.Equal(2, countries.Total);
        Assert.Empty((await Store.SearchActors(new ActorSearch("petro", ActorKinds.Country, 1, 20), None)).Items);
    }

    [Fact]
    public async Task Actor_pages_keep_the_total_and_break_name_ties_by_id()
    {
        await ImportWorld();
        await Store.Import(Document("twins") with { Actors = [Actor("b-ana", "Ana Gómez"), Actor("a-ana", "ana gomez")] }, None);

        var first = await Store.SearchActors(new ActorSearch(null, null, 1, 3), None);
        var third = await Store.SearchActors(new ActorSearch(null, null, 3, 3), None);
        var beyond = await Store.SearchActors(new ActorSearch(null, null, 5, 3), None);

        Assert.Equal(["a-ana", "b-ana", Colombia], Ids(first.Items));
        Assert.Equal([Garcia, Ofac, Usa], Ids(third.Items));
        Assert.Empty(beyond.Items);
        Assert.All(new[] { first, third, beyond }, p => Assert.Equal(9, p.Total));
        Assert.Equal((3, 3), (third.PageNumber, third.PageSize));
    }

    [Fact]
    public async Task A_node_comes_with_its_properties_evidence_and_ordered_links()
    {
        await ImportWorld();

        var meeting = (await Store.GetNode(NodeLabel.Event, Meeting, None)).Found();

        Assert.NotNull(meeting);
        Assert.Equal("White House meeting", meeting.Node.Name);
        Assert.Equal("2026-02-03", meeting.Node.Date);
        Assert.Equal([new Evidence(World, "White House meeting happened.")], meeting.Node.Evidence);
        Assert.Equal(
            [$"ABOUT in {GoodMeeting}", $"MADE_AT in {GoodMeeting}", $"OCCURRED_IN out {WhiteHouse}",
             $"PARTICIPATED_IN in {Trump}", $"PARTICIPATED_IN in {Petro}", $"PARTICIPATED_IN in {Vance}"],
            Describe(meeting.Links));
        var host = meeting.Links.Single(l => l.Other.Id == Trump);
        Assert.Equal("host", host.Edge.Properties["role"]);
        Assert.Equal((Trump, Meeting), (host.Edge.From, host.Edge.To));
        Assert.Equal([new Evidence(World, $"{Trump} PARTICIPATED_IN {Meeting}.")], host.Edge.Evidence);
    }

    [Fact]
    public async Task A_linked_node_is_a_reference_with_its_id_label_name_kind_date_and_sort_key()
    {
        await ImportWorld();

        var petro = (await Store.GetNode(NodeLabel.Actor, Petro, None)).Found();
        var meeting = (await Store.GetNode(NodeLabel.Event, Meeting, None)).Found().Node;
        var linked = petro.Links.Single(l => l.Edge.Type == "PARTICIPATED_IN" && l.Other.Id == Meeting).Other;

        Assert.Equal((NodeLabel.Event, "White House meeting", "CONSULT", "2026-02-03"), (linked.Label, linked.Name, linked.Kind, linked.Date));
        Assert.Equal(meeting.SortKey, linked.SortKey);
    }

    private static (string?, string) Named<T>(Missing<T> missing)
    {
        Assert.Equal(NodeLabel.Actor, missing.Label);
        return (missing.Parameter, missing.Id);
    }

    [Fact]
    public async Task A_list_asked_with_its_anchors_checked_is_the_first_missing_filter_with_suggestions_when_one_names_no_such_node_and_the_list_otherwise()
    {
        await ImportWorld();

        Assert.Equal(("actor", "nobody"), Named((await Store.FindEventsIfAnchorsExist(new EventSearch(null, null, null, "nobody", 1, 10), None)).Miss()));
        Assert.Equal(("actor", Meeting), Named((await Store.FindEventsIfAnchorsExist(new EventSearch(null, null, null, Meeting, 1, 10), None)).Miss()));
        Assert.Equal(("imposer", "nobody"), Named((await Store.FindSanctionsIfAnchorsExist(new SanctionSearch("nobody", "nobody-else", null, 1, 10), None)).Miss()));
        Assert.Equal(("imposer", "nobody"), Named((await Store.FindSanctionsIfAnchorsExist(new SanctionSearch("nobody", Petro, null, 1, 10), None)).Miss()));
        Assert.Equal(("target", "nobody"), Named((await Store.FindSanctionsIfAnchorsExist(new SanctionSearch(Usa, "nobody", null, 1, 10), None)).Miss()));
        Assert.Equal(("speaker", Meeting), Named((await Store.FindStatementsIfAnchorsExist(new StatementSearch(Meeting, null, null, 1, 10), None)).Miss()));
        var about = (await Store.FindStatementsIfAnchorsExist(new StatementSearch(Petro, "nothing", null, 1, 10), None)).Miss();
        Assert.Equal(("about", "nothing", null), (about.Parameter, about.Id, about.Label));
        var figuresAbout = (await Store.FindFiguresIfAnchorsExist(new FigureSearch("nothing", null, null, null, 1, 10), None)).Miss();
        Assert.Equal(("about", "nothing", null), (figuresAbout.Parameter, figuresAbout.Id, figuresAbout.Label));
        Assert.Equal(("reporter", Meeting), Named((await Store.FindFiguresIfAnchorsExist(new FigureSearch(null, Meeting, null, null, 1, 10), None)).Miss()));
        var figures = new FigureSearch(Petro, null, null, null, 1, 10);
        Assert.Equal(Ids((await Store.FindFigures(figures, None)).Items), Ids((await Store.FindFiguresIfAnchorsExist(figures, None)).Found().Items));
        Assert.Equal(("actor", "nobody"), Named((await Store.GetTimelineIfAnchorsExist(new TimelineSearch("nobody", null, null, 10), None)).Miss()));
        // The miss carries the suggestions Suggest gives for it: no second call needed.
        var petro = (await Store.FindSanctionsIfAnchorsExist(new SanctionSearch(Usa, "petro", null, 1, 10), None)).Miss();
        Assert.Equal(Ids(await Store.Suggest("petro", NodeLabel.Actor, Lookups.MaxSuggestions, None)), Ids(petro.Suggestions));
        Assert.Contains(Petro, Ids(petro.Suggestions));

        var events = new EventSearch(null, null, null, Petro, 1, 10);
        Assert.Equal(Ids((await Store.FindEvents(events, None)).Items), Ids((await Store.FindEventsIfAnchorsExist(events, None)).Found().Items));
        var sanctions = new SanctionSearch(Usa, Petro, null, 1, 1);
        var page = (await Store.FindSanctionsIfAnchorsExist(sanctions, None)).Found();
        Assert.Equal(Ids((await Store.FindSanctions(sanctions, None)).Items), Ids(page.Items));
        Assert.Equal(2, page.Total);
        var statements = new StatementSearch(Petro, Meeting, null, 1, 10);
        Assert.Equal([GoodMeeting], Ids((await Store.FindStatementsIfAnchorsExist(statements, None)).Found().Items));
        Assert.Empty((await Store.FindStatementsIfAnchorsExist(new StatementSearch(Vance, null, null, 1, 10), None)).Found().Items);
        var timeline = new TimelineSearch(Petro, null, null, 10);
        Assert.Equal(Ids(await Store.GetTimeline(timeline, None)), Ids((await Store.GetTimelineIfAnchorsExist(timeline, None)).Found()));
        Assert.Equal(Ids(await Store.GetTimeline(new TimelineSearch(null, null, null, 10), None)),
            Ids((await Store.GetTimelineIfAnchorsExist(new TimelineSearch(null, null, null, 10), None)).Found()));
    }

    [Fact]
    public async Task Several_nodes_of_a_label_come_in_the_order_asked_each_as_it_comes_alone()
    {
        await ImportWorld();

        var nodes = await Store.GetNodes(NodeLabel.Statement, [GoodMeeting, "nothing", DrugLeader, Meeting, GoodMeeting], None);

        Assert.Equal([GoodMeeting, DrugLeader], Ids(nodes));
        foreach (var node in nodes)
        {
            var alone = (await Store.GetNode(NodeLabel.Statement, node.Node.Id, None)).Found();
            Assert.Equal((alone.Node.Label, alone.Node.Name, alone.Node.Date), (node.Node.Label, node.Node.Name, node.Node.Date));
            Assert.Equal(alone.Node.Evidence, node.Node.Evidence);
            Assert.Equal(alone.Node.Properties.OrderBy(p => p.Key), node.Node.Properties.OrderBy(p => p.Key));
            Assert.Equal(Describe(alone.Links), Describe(node.Links));
        }
        Assert.Contains($"MADE_AT out {Meeting}", Describe(nodes[0].Links));
        Assert.Empty(await Store.GetNodes(NodeLabel.Statement, [], None));
    }

    [Fact]
    public async Task A_node_is_not_found_under_another_label_or_an_unknown_id()
    {
        await ImportWorld();

        (await Store.GetNode(NodeLabel.Actor, Meeting, None)).Miss();
        (await Store.GetNode(NodeLabel.Event, "nothing", None)).Miss();
    }

    [Fact]
    public async Task Relationships_filter_by_type_and_direction()
    {
        await ImportWorld();

        Assert.Equal(
            [$"ABOUT in {DrugLeader}", $"CRITIC_OF in {Trump}", $"CRITIC_OF out {Trump}", $"HOLDS_OFFICE out {Colombia}",
             $"PARTICIPATED_IN out {Call}", $"PARTICIPATED_IN out {Meeting}", $"SAID out {GoodMeeting}",
             $"TARGETS in {OfacSanction}", $"TARGETS in {Visa}"],
            Describe((await Store.GetRelationships(Petro, null, Directions.Both, None)).Found()));
        Assert.Equal([$"PARTICIPATED_IN out {Call}", $"PARTICIPATED_IN out {Meeting}"],
            Describe((await Store.GetRelationships(Petro, "PARTICIPATED_IN", Directions.Both, None)).Found()));
        Assert.Equal([$"ABOUT in {DrugLeader}", $"CRITIC_OF in {Trump}", $"TARGETS in {OfacSanction}", $"TARGETS in {Visa}"],
            Describe((await Store.GetRelationships(Petro, null, Directions.In, None)).Found()));
        Assert.Equal([$"CRITIC_OF out {Trump}"], Describe((await Store.GetRelationships(Petro, "CRITIC_OF", Directions.Out, None)).Found()));
        Assert.Empty((await Store.GetRelationships(Petro, "RUNS", Directions.Both, None)).Found());
    }

    [Fact]
    public async Task Relationships_of_an_unknown_actor_or_a_non_actor_are_null()
    {
        await ImportWorld();

        (await Store.GetRelationships("nobody", null, Directions.Both, None)).Miss();
        (await Store.GetRelationships(Meeting, null, Directions.Both, None)).Miss();
    }

    [Fact]
    public async Task The_network_grows_with_depth_ordered_by_distance_then_name()
    {
        await ImportWorld();

        var one = (await Store.GetNetwork(Vance, 1, 100, None)).Found();
        var two = (await Store.GetNetwork(Vance, 2, 100, None)).Found();

        Assert.Equal([Vance, Meeting], Ids(one!.Nodes));
        Assert.Equal([$"{Vance}:PARTICIPATED_IN:{Meeting}"], Ids(one.Edges));
        Assert.False(one.Truncated);
        Assert.Equal([Vance, Meeting, Trump, Petro, GoodMeeting, WhiteHouse], Ids(two!.Nodes));
        Assert.Equal(
            new[] { $"{Trump}:PARTICIPATED_IN:{Meeting}", $"{Trump}:CRITIC_OF:{Petro}", $"{Vance}:PARTICIPATED_IN:{Meeting}",
             $"{GoodMeeting}:ABOUT:{Meeting}", $"{GoodMeeting}:MADE_AT:{Meeting}", $"{Petro}:CRITIC_OF:{Trump}",
             $"{Petro}:PARTICIPATED_IN:{Meeting}", $"{Petro}:SAID:{GoodMeeting}", $"{Meeting}:OCCURRED_IN:{WhiteHouse}" }
                .Order(StringComparer.Ordinal),
            Ids(two.Edges));
        Assert.Equal([Vance], Ids((await Store.GetNetwork(Vance, 0, 100, None)).Found().Nodes));
    }

    [Fact]
    public async Task The_network_is_truncated_to_the_nearest_nodes()
    {
        await ImportWorld();

        var network = (await Store.GetNetwork(Vance, 2, 3, None)).Found();

        Assert.Equal([Vance, Meeting, Trump], Ids(network!.Nodes));
        Assert.Equal([$"{Trump}:PARTICIPATED_IN:{Meeting}", $"{Vance}:PARTICIPATED_IN:{Meeting}"], Ids(network.Edges));
        Assert.True(network.Truncated);
        (await Store.GetNetwork("nobody", 1, 10, None)).Miss();
        (await Store.GetNetwork(Meeting, 1, 10, None)).Miss();
    }

    [Fact]
    public async Task Co_participants_are_the_others_at_shared_events()
    {
        await ImportWorld();

        var shared = (await Store.GetCoParticipants(Petro, None)).Found();

        Assert.NotNull(shared);
        Assert.Equal([Trump, Vance], shared.Select(c => c.Actor.Id));
        Assert.Equal([Call, Meeting], Ids(shared[0].Events));
        Assert.Equal([Meeting], Ids(shared[1].Events));
        Assert.Empty((await Store.GetCoParticipants(Garcia, None)).Found());
        (await Store.GetCoParticipants("nobody", None)).Miss();
    }

    [Fact]
    public async Task Events_come_in_date_order_with_the_undated_last()
    {
        await ImportWorld();

        var all = await Store.FindEvents(new EventSearch(null, null, null, null, 1, 20), None);
        var second = await Store.FindEvents(new EventSearch(null, null, null, null, 2, 3), None);

        Assert.Equal([Protest, Call, Meeting, Strikes], Ids(all.Items));
        Assert.Equal([Strikes], Ids(second.Items));
        Assert.Equal(4, second.Total);
        Assert.Equal(Describe((await Store.GetNode(NodeLabel.Event, Meeting, None)).Found().Links), Describe(all.Items[2].Links));
    }

    [Fact]
    public async Task Events_filter_by_kind_date_range_and_actor()
    {
        await ImportWorld();

        Assert.Equal([Call, Meeting], Ids((await Store.FindEvents(new EventSearch("CONSULT", null, null, null, 1, 20), None)).Items));
        Assert.Equal([Call, Meeting], Ids((await Store.FindEvents(new EventSearch(null, "2026-01-01", null, null, 1, 20), None)).Items));
        Assert.Equal([Protest], Ids((await Store.FindEvents(new EventSearch(null, null, "2025-12-31", null, 1, 20), None)).Items));
        Assert.Equal([Call], Ids((await Store.FindEvents(new EventSearch(null, "2026-01-07", "2026-01-07", null, 1, 20), None)).Items));
        Assert.Equal([Call, Meeting], Ids((await Store.FindEvents(new EventSearch(null, null, null, Petro, 1, 20), None)).Items));
        Assert.Equal([Strikes], Ids((await Store.FindEvents(new EventSearch(null, null, null, Colombia, 1, 20), None)).Items));
        var none = await Store.FindEvents(new EventSearch("PROTEST", "2026-01-01", null, null, 1, 20), None);
        Assert.Empty(none.Items);
        Assert.Equal(0, none.Total);
    }

    [Fact]
    public async Task Sanctions_filter_by_imposer_target_and_kind()
    {
        await ImportWorld();

        Assert.Equal([Visa, OfacSanction], Ids((await Store.FindSanctions(new SanctionSearch(Usa, null, null, 1, 20), None)).Items));
        Assert.Equal([Visa, OfacSanction], Ids((await Store.FindSanctions(new SanctionSearch(null, Petro, null, 1, 20), None)).Items));
        Assert.Equal([OfacSanction], Ids((await Store.FindSanctions(new SanctionSearch(Usa, Petro, "financial", 1, 20), None)).Items));
        Assert.Empty((await Store.FindSanctions(new SanctionSearch(Trump, null, null, 1, 20), None)).Items);
        var page = await Store.FindSanctions(new SanctionSearch(null, null, null, 2, 1), None);
        Assert.Equal([OfacSanction], Ids(page.Items));
        Assert.Equal(2, page.Total);
    }

    [Fact]
    public async Task Statements_filter_by_speaker_subject_and_text()
    {
        await ImportWorld();

        Assert.Equal([DrugLeader, GoodMeeting, Undated], Ids((await Store.FindStatements(new StatementSearch(null, null, null, 1, 20), None)).Items));
        Assert.Equal([DrugLeader], Ids((await Store.FindStatements(new StatementSearch(Trump, null, null, 1, 20), None)).Items));
        Assert.Equal([DrugLeader], Ids((await Store.FindStatements(new StatementSearch(null, Petro, null, 1, 20), None)).Items));
        Assert.Equal([GoodMeeting], Ids((await Store.FindStatements(new StatementSearch(null, Meeting, null, 1, 20), None)).Items));
        Assert.Equal([DrugLeader], Ids((await Store.FindStatements(new StatementSearch(null, null, "ILLEGAL drug", 1, 20), None)).Items));
        Assert.Empty((await Store.FindStatements(new StatementSearch(Petro, Petro, null, 1, 20), None)).Items);
    }

    [Fact]
    public async Task The_shortest_path_runs_either_way_along_edges()
    {
        await ImportWorld();

        var path = (await Store.FindShortestPath(WhiteHouse, Vance, 6, None)).Found();

        Assert.Equal([WhiteHouse, Meeting, Vance], Ids(path!.Nodes));
        Assert.Equal([$"{Meeting}:OCCURRED_IN:{WhiteHouse}", $"{Vance}:PARTICIPATED_IN:{Meeting}"], Ids(path.Edges));
    }

    [Fact]
    public async Task Of_equally_short_paths_the_one_with_the_first_node_ids_then_edge_ids_wins()
    {
        await ImportWorld();

        var viaNodes = (await Store.FindShortestPath(Vance, Call, 6, None)).Found();
        var viaEdges = (await Store.FindShortestPath(Petro, Trump, 6, None)).Found();

        Assert.Equal([Vance, Meeting, Trump, Call], Ids(viaNodes!.Nodes));
        Assert.Equal([Petro, Trump], Ids(viaEdges!.Nodes));
        Assert.Equal([$"{Trump}:CRITIC_OF:{Petro}"], Ids(viaEdges.Edges));
    }

    [Fact]
    public async Task No_path_is_found_beyond_max_depth_or_to_unknown_nodes()
    {
        await ImportWorld();

        Assert.Null((await Store.FindShortestPath(Vance, Call, 2, None)).Found());
        Assert.NotNull((await Store.FindShortestPath(Vance, Call, 3, None)).Found());
        var nobody = (await Store.FindShortestPath(Vance, "nobody", 6, None)).Miss();
        Assert.Equal(("to", null, "nobody"), (nobody.Parameter, nobody.Label, nobody.Id));
        Assert.Null((await Store.FindShortestPath(Vance, World, 6, None)).Found());
        var itself = (await Store.FindShortestPath(Vance, Vance, 6, None)).Found();
        Assert.Equal([Vance], Ids(itself!.Nodes));
        Assert.Empty(itself.Edges);
    }

    [Fact]
    public async Task The_timeline_orders_by_date_then_label_and_leaves_out_the_undated()
    {
        await ImportWorld();

        Assert.Equal([Protest, DrugLeader, Call, Meeting, GoodMeeting],
            Ids(await Store.GetTimeline(new TimelineSearch(null, null, null, 100), None)));
        Assert.Equal([Protest, DrugLeader], Ids(await Store.GetTimeline(new TimelineSearch(null, null, null, 2), None)));
        Assert.Equal([DrugLeader, Call, Meeting, GoodMeeting], Ids(await Store.GetTimeline(new TimelineSearch(Petro, null, null, 100), None)));
        Assert.Equal([Call, Meeting, GoodMeeting], Ids(await Store.GetTimeline(new TimelineSearch(null, "2026-01-01", "2026-12-31", 100), None)));
        var entry = (await Store.GetTimeline(new TimelineSearch(null, "2026-02-03", null, 1), None)).Single();
        Assert.Equal(Describe((await Store.GetNode(NodeLabel.Event, Meeting, None)).Found().Links), Describe(entry.Links));
    }

    [Fact]
    public async Task The_graph_leaves_out_sources_and_is_truncated_by_id()
    {
        await ImportWorld();

        var whole = await Store.GetGraph(100, None);
        var part = await Store.GetGraph(5, None);

        Assert.Equal(17, whole.Nodes.Count);
        Assert.Equal(21, whole.Edges.Count);
        Assert.False(whole.Truncated);
        Assert.DoesNotContain(whole.Nodes, n => n.Label == NodeLabel.Source);
        Assert.Equal(Ids(whole.Nodes).Order(StringComparer.Ordinal), Ids(whole.Nodes));
        Assert.Equal(Ids(whole.Nodes).Take(5), Ids(part.Nodes));
        Assert.True(part.Truncated);
        var kept = Ids(part.Nodes).ToHashSet();
        Assert.Equal(Ids(whole.Edges.Where(e => kept.Contains(e.From) && kept.Contains(e.To))), Ids(part.Edges));
    }

    [Fact]
    public async Task Sources_list_by_id_and_show_the_facts_they_support()
    {
        await ImportWorld();
        await Store.Import(Document("a-second-report") with
        {
            Actors = [Actor(Petro, "Gustavo Petro", evidence: "Petro spoke again."), Actor("new-actor", "New Actor")],
            Relationships = [Rel("new-actor", "CRITIC_OF", Petro)],
        }, None);

        var sources = await Store.ListSources(None);
        var second = (await Store.GetSource("a-second-report", None)).Found();
        var world = (await Store.GetSource(World, None)).Found();

        Assert.Equal(["a-second-report", World], Ids(sources));
        Assert.Equal("A report", sources[0].Properties["title"]);
        Assert.Equal([Petro, "new-actor"], Ids(second!.Nodes));
        Assert.Equal([$"new-actor:CRITIC_OF:{Petro}"], Ids(second.Edges));
        Assert.Equal(17, world!.Nodes.Count);
        Assert.Equal(GraphOrder.Sort(world.Nodes, GraphOrder.ByLabel).Select(n => n.Id), Ids(world.Nodes));
        Assert.Equal(21, world.Edges.Count);
        (await Store.GetSource("nothing", None)).Miss();
        (await Store.GetSource(Petro, None)).Miss();
    }

    [Fact]
    public async Task Figures_keep_numbers_as_doubles_and_flags_as_booleans()
    {
        await Store.Import(Document("figures") with
        {
            Figures = [Figure("deportations", "Deportations", 810), Figure("share", "Share", 12.5, approximate: true)],
        }, None);

        var whole = (await Store.GetNode(NodeLabel.Figure, "deportations", None)).Found().Node;
        var part = (await Store.GetNode(NodeLabel.Figure, "share", None)).Found().Node;

        Assert.Equal(810d, Assert.IsType<double>(whole.Properties["value"]));
        Assert.Equal(false, whole.Properties["approximate"]);
        Assert.Equal(12.5, part.Properties["value"]);
        Assert.Equal(true, part.Properties["approximate"]);
        var again = await Store.Import(Document("figures") with
        {
            Figures = [Figure("deportations", "Deportations", 810), Figure("share", "Share", 12.5, approximate: true)],
        }, None).Imported();
        Assert.Equal(["deportations", "figures", "share"], again.NodesUnchanged.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Importing_reports_what_it_created()
    {
        var summary = await ImportWorld();

        Assert.Equal(18, summary.NodesCreated.Count);
        Assert.Equal(World, summary.NodesCreated[0]);
        Assert.Equal(21, summary.EdgesCreated.Count);
        Assert.Empty(summary.NodesUpdated.Concat(summary.NodesUnchanged).Concat(summary.EdgesUpdated).Concat(summary.EdgesUnchanged));
    }

    [Fact]
    public async Task Reimporting_the_same_document_changes_nothing()
    {
        await ImportWorld();
        var before = await Store.GetGraph(1000, None);

        var summary = await ImportWorld();
        var after = await Store.GetGraph(1000, None);

        Assert.Empty(summary.NodesCreated.Concat(summary.NodesUpdated).Concat(summary.EdgesCreated).Concat(summary.EdgesUpdated));
        Assert.Equal(18, summary.NodesUnchanged.Count);
        Assert.Equal(21, summary.EdgesUnchanged.Count);
        Assert.Equal(Ids(before.Nodes), Ids(after.Nodes));
        Assert.Equal(Ids(before.Edges), Ids(after.Edges));
        Assert.All(after.Nodes, n => Assert.Single(n.Evidence));
        Assert.All(after.Edges, e => Assert.Single(e.Evidence));
        Assert.Single(await Store.ListSources(None));
    }

    [Fact]
    public async Task A_merge_shows_the_later_sources_values_unions_lists_and_accumulates_evidence()
    {
        await ImportWorld();

        var summary = await Store.Import(Document("later-report") with
        {
            Source = Source("later-report") with { Published = "2026-03-01" },
            Actors = [Actor(Petro, "Gustavo Petro Urrego", aliases: ["Gustavo", "Petro"], evidence: "Petro, again.")],
            Relationships = [Rel(Petro, "PARTICIPATED_IN", Meeting, new() { ["role"] = "visitor", ["side"] = Colombia }, "He was there.")],
        }, None).Imported();

        var petro = (await Store.GetNode(NodeLabel.Actor, Petro, None)).Found();
        Assert.Equal("Gustavo Petro Urrego", petro.Node.Name);
        Assert.Equal("President of Colombia.", petro.Node.Properties["description"]);
        Assert.Equal(["Petro", "Gustavo"], Assert.IsType<string[]>(petro.Node.Properties["aliases"]));
        Assert.Equal([new Evidence(World, "Gustavo Petro is named."), new Evidence("later-report", "Petro, again.")], petro.Node.Evidence);
        Assert.Equal([Petro], (await Store.SearchActors(new ActorSearch("urrego", null, 1, 10), None)).Items.Select(n => n.Id));
        Assert.Equal([Petro], (await Store.SearchActors(new ActorSearch("gustavo petro", null, 1, 10), None)).Items.Select(n => n.Id));
        var edge = petro.Links.Single(l => l.Edge.Type == "PARTICIPATED_IN" && l.Other.Id == Meeting).Edge;
        Assert.Equal("visitor", edge.Properties["role"]);
        Assert.Equal(Colombia, edge.Properties["side"]);
        Assert.Equal(2, edge.Evidence.Count);
        Assert.Equal(["later-report"], summary.NodesCreated);
        Assert.Equal([Petro], summary.NodesUpdated);
        Assert.Equal([$"{Petro}:PARTICIPATED_IN:{Meeting}"], summary.EdgesUpdated);
    }

    [Fact]
    public async Task Evidence_accumulates_per_source_and_text()
    {
        await ImportWorld();

        await Store.Import(WorldDocument() with { Actors = [Actor(Trump, "Donald Trump", evidence: "Another sentence.")], Events = [], Sanctions = [], Statements = [], Places = [], Relationships = [] }, None);
        var again = await Store.Import(WorldDocument() with { Actors = [Actor(Trump, "Donald Trump", evidence: "Another sentence.")], Events = [], Sanctions = [], Statements = [], Places = [], Relationships = [] }, None).Imported();

        var trump = (await Store.GetNode(NodeLabel.Actor, Trump, None)).Found().Node;
        Assert.Equal([new Evidence(World, "Donald Trump is named."), new Evidence(World, "Another sentence.")], trump.Evidence);
        Assert.Equal(["Trump"], Assert.IsType<string[]>(trump.Properties["aliases"]));
        Assert.Equal([World, Trump], again.NodesUnchanged);
    }

    [Fact]
    public async Task Unknown_references_are_refused_and_nothing_is_written()
    {
        await ImportWorld();

        var error = Assert.IsType<WriteOutcome.UnknownReferences>(await Store.Import(Document("bad-report") with
        {
            Actors = [Actor("someone", "Someone")],
            Relationships = [Rel("someone", "CRITIC_OF", "nobody"), Rel("ghost", "CRITIC_OF", Petro), Rel("someone", "CRITIC_OF", Petro)],
        }, None));

        Assert.Equal(["ghost", "nobody"], error.Ids);
        Assert.False(await Store.Exists(NodeLabel.Actor, "someone", None));
        Assert.Equal([World], Ids(await Store.ListSources(None)));
        Assert.Equal(21, (await Store.GetGraph(100, None)).Edges.Count);
    }

    [Fact]
    public async Task An_id_held_under_another_label_is_refused_and_nothing_is_written()
    {
        await ImportWorld();

        var error = Assert.IsType<WriteOutcome.Conflict>(await Store.Import(Document("confused-report") with
        {
            Actors = [Actor("someone", "Someone")],
            Events = [Event(Petro, "Petro the event", "2026-01-01")],
        }, None));

        Assert.Single(error.Conflicts);
        Assert.Contains(Petro, error.Conflicts[0], StringComparison.Ordinal);
        Assert.False(await Store.Exists(NodeLabel.Actor, "someone", None));
        Assert.Equal("Gustavo Petro", (await Store.GetNode(NodeLabel.Actor, Petro, None)).Found().Node.Name);
        Assert.Equal([World], Ids(await Store.ListSources(None)));
    }

    /// <summary>Records hold lists, which compare by reference; their JSON compares by content.</summary>
    private static string Json(object? value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static GraphNode ActorNode(string id, string name, string sourceId = World, string? evidence = null) =>
        KnowledgeGraph.ForActor(Actor(id, name, evidence: evidence), sourceId);

    [Fact]
    public async Task Creating_a_node_stores_it_once_and_refuses_a_taken_id()
    {
        await ImportWorld();

        Assert.IsType<WriteOutcome.Created>(await Store.CreateNode(ActorNode("marco-rubio", "Marco Rubio"), None));

        Assert.Equal("Marco Rubio", (await Store.GetNode(NodeLabel.Actor, "marco-rubio", None)).Found().Node.Name);
        var taken = Assert.IsType<WriteOutcome.Conflict>(await Store.CreateNode(ActorNode("marco-rubio", "Someone Else"), None));
        Assert.Contains("marco-rubio", taken.Detail, StringComparison.Ordinal);
        Assert.IsType<WriteOutcome.Conflict>(await Store.CreateNode(KnowledgeGraph.ForEvent(Event(Petro, "Petro as an event", null), World), None));
        Assert.Equal("Marco Rubio", (await Store.GetNode(NodeLabel.Actor, "marco-rubio", None)).Found().Node.Name);
    }

    [Fact]
    public async Task Creating_a_node_with_evidence_from_an_unknown_source_writes_nothing()
    {
        await ImportWorld();

        var error = Assert.IsType<WriteOutcome.UnknownReferences>(await Store.CreateNode(ActorNode("marco-rubio", "Marco Rubio", "no-such-source"), None));

        Assert.Equal(["no-such-source"], error.Ids);
        Assert.False(await Store.Exists(NodeLabel.Actor, "marco-rubio", None));
    }

    [Fact]
    public async Task Replacing_a_node_replaces_the_claims_of_its_source_and_keeps_its_evidence()
    {
        await ImportWorld();
        await Store.Import(Document("second-report") with { Source = Source("second-report") with { Published = "2026-03-01" } }, None).Imported();

        var replaced = Assert.IsType<WriteOutcome.Replaced>(await Store.ReplaceNode(ActorNode(Petro, "Gustavo Francisco Petro", "second-report", "Petro, in full."), None)).Node;

        var petro = (await Store.GetNode(NodeLabel.Actor, Petro, None)).Found().Node;
        Assert.Equal(Json(replaced), Json(petro));
        // The later source's name shows; what only the first source gave (aliases, description) stays, as its claims.
        Assert.Equal("Gustavo Francisco Petro", petro.Name);
        Assert.Equal(["Petro"], Assert.IsType<string[]>(petro.Properties["aliases"]));
        Assert.Equal("President of Colombia.", petro.Properties["description"]);
        Assert.Equal(["second-report", World], petro.Claims.Select(c => c.SourceId).Order(StringComparer.Ordinal));
        Assert.Equal("Gustavo Petro", petro.Claims.Single(c => c.SourceId == World).Values["name"]);
        Assert.False(petro.Claims.Single(c => c.SourceId == "second-report").Values.ContainsKey("aliases"));
        Assert.Equal([new Evidence(World, "Gustavo Petro is named."), new Evidence("second-report", "Petro, in full.")], petro.Evidence);
        Assert.Equal([Petro], Ids((await Store.SearchActors(new ActorSearch("francisco", null, 1, 20), None)).Items));
    }

    [Fact]
    public async Task Replacing_a_missing_node_or_one_of_another_label_changes_nothing()
    {
        await ImportWorld();

        Assert.IsType<WriteOutcome.NotFound>(await Store.ReplaceNode(ActorNode("nobody", "Nobody"), None));
        Assert.IsType<WriteOutcome.NotFound>(await Store.ReplaceNode(KnowledgeGraph.ForEvent(Event(Petro, "Petro as an event", null), World), None));
        Assert.False(await Store.Exists(NodeLabel.Actor, "nobody", None));
        Assert.Equal("Gustavo Petro", (await Store.GetNode(NodeLabel.Actor, Petro, None)).Found().Node.Name);
    }

    [Fact]
    public async Task Deleting_a_node_with_relationships_needs_cascade_which_takes_them_along()
    {
        await ImportWorld();

        var refused = await Store.DeleteNode(NodeLabel.Actor, Vance, cascade: false, None);
        Assert.Equal(new WriteOutcome.InUse(1), refused);
        Assert.True(await Store.Exists(NodeLabel.Actor, Vance, None));

        var deleted = await Store.DeleteNode(NodeLabel.Actor, Vance, cascade: true, None);
        Assert.Equal(new WriteOutcome.Deleted(1), deleted);
        Assert.False(await Store.Exists(NodeLabel.Actor, Vance, None));
        Assert.Null(await Store.GetEdge(Vance, "PARTICIPATED_IN", Meeting, None));
        Assert.Equal(20, (await Store.GetGraph(100, None)).Edges.Count);
        Assert.Equal(WriteOutcome.NotFound.Value, await Store.DeleteNode(NodeLabel.Actor, Vance, cascade: true, None));
        Assert.Equal(WriteOutcome.NotFound.Value, await Store.DeleteNode(NodeLabel.Event, Petro, cascade: true, None));
    }

    [Fact]
    public async Task A_source_that_facts_cite_cannot_be_deleted_and_an_unused_one_can()
    {
        await ImportWorld();
        await Store.Import(Document("unused-report"), None).Imported();

        Assert.IsType<WriteOutcome.InUse>(await Store.DeleteNode(NodeLabel.Source, World, cascade: true, None));
        Assert.Equal(new WriteOutcome.Deleted(0), await Store.DeleteNode(NodeLabel.Source, "unused-report", cascade: false, None));
        Assert.Equal([World], Ids(await Store.ListSources(None)));
    }

    [Fact]
    public async Task Creating_a_relationship_checks_duplicates_ends_and_labels()
    {
        await ImportWorld();
        var edge = KnowledgeGraph.ForRelationship(Rel(Vance, "PARTICIPATED_IN", Call, new() { ["role"] = "listener" }), World);

        Assert.IsType<WriteOutcome.Created>(await Store.CreateEdge(edge, None));

        Assert.Equal(Json(ClaimRules.Fresh(edge)), Json(await Store.GetEdge(Vance, "PARTICIPATED_IN", Call, None)));
        Assert.IsType<WriteOutcome.Conflict>(await Store.CreateEdge(edge, None));
        var unknown = Assert.IsType<WriteOutcome.UnknownReferences>(
            await Store.CreateEdge(KnowledgeGraph.ForRelationship(Rel("zed", "CRITIC_OF", "abe"), "no-source"), None));
        Assert.Equal(["abe", "no-source", "zed"], unknown.Ids);
        Assert.IsType<WriteOutcome.EndpointMismatch>(
            await Store.CreateEdge(KnowledgeGraph.ForRelationship(Rel(Meeting, "CRITIC_OF", Petro), World), None));
        Assert.Null(await Store.GetEdge(Meeting, "CRITIC_OF", Petro, None));
        Assert.Equal(22, (await Store.GetGraph(100, None)).Edges.Count);
    }

    [Fact]
    public async Task Deleting_a_relationship_removes_only_it()
    {
        await ImportWorld();

        Assert.IsType<WriteOutcome.Deleted>(await Store.DeleteEdge(Petro, "CRITIC_OF", Trump, None));

        Assert.IsType<WriteOutcome.NotFound>(await Store.DeleteEdge(Petro, "CRITIC_OF", Trump, None));
        Assert.Null(await Store.GetEdge(Petro, "CRITIC_OF", Trump, None));
        Assert.NotNull(await Store.GetEdge(Trump, "CRITIC_OF", Petro, None));
        Assert.True(await Store.Exists(NodeLabel.Actor, Petro, None));
    }

    [Fact]
    public async Task An_import_joining_stored_nodes_of_the_wrong_labels_is_refused_and_nothing_is_written()
    {
        await ImportWorld();

        var error = Assert.IsType<WriteOutcome.EndpointMismatch>(await Store.Import(Document("mixed-report") with
        {
            Actors = [Actor("someone", "Someone")],
            Relationships = [Rel("someone", "CRITIC_OF", Petro), Rel(Meeting, "PARTICIPATED_IN", Call)],
        }, None));

        Assert.Single(error.Problems);
        Assert.False(await Store.Exists(NodeLabel.Actor, "someone", None));
        Assert.Equal([World], Ids(await Store.ListSources(None)));
    }

    [Fact]
    public async Task Twenty_concurrent_imports_of_overlapping_documents_leave_one_node_per_id_and_every_sentence()
    {
        await ImportWorld();
        var documents = Enumerable.Range(0, 20).Select(i => Document($"wire-{i:00}") with
        {
            Actors = [Actor(Petro, "Gustavo Petro", evidence: $"Wire {i} names Petro."), Actor("marco-rubio", "Marco Rubio", evidence: $"Wire {i} names Rubio.")],
            Relationships = [Rel("marco-rubio", "PARTICIPATED_IN", Meeting, evidence: $"Wire {i} puts Rubio at the meeting.")],
        }).ToList();

        await Task.WhenAll(documents.Select(d => Store.Import(d, None)));

        var rubio = (await Store.SearchActors(new ActorSearch("rubio", null, 1, 20), None)).Items;
        var petro = (await Store.GetNode(NodeLabel.Actor, Petro, None)).Found().Node;
        var edge = (await Store.GetEdge("marco-rubio", "PARTICIPATED_IN", Meeting, None))!;
        Assert.Single(rubio);
        Assert.Single((await Store.SearchActors(new ActorSearch("gustavo petro", null, 1, 20), None)).Items);
        Assert.Equal(21, petro.Evidence.Count);
        Assert.Equal(20, rubio[0].Evidence.Count);
        Assert.Equal(20, edge.Evidence.Count);
        Assert.Equal(21, (await Store.ListSources(None)).Count);
    }

    [Fact]
    public async Task A_month_or_year_date_overlaps_every_range_that_touches_it()
    {
        await ImportWorld();

        // The protest is dated "2025-09": inside a range that starts or ends mid-September, outside one that ends before it.
        Assert.Contains(Protest, Ids((await Store.FindEvents(new EventSearch(null, "2025-09-15", "2025-12-31", null, 1, 20), None)).Items));
        Assert.Contains(Protest, Ids((await Store.FindEvents(new EventSearch(null, "2025-01-01", "2025-09-15", null, 1, 20), None)).Items));
        Assert.DoesNotContain(Protest, Ids((await Store.FindEvents(new EventSearch(null, "2025-10-01", null, null, 1, 20), None)).Items));
        Assert.DoesNotContain(Protest, Ids((await Store.FindEvents(new EventSearch(null, null, "2025-08-31", null, 1, 20), None)).Items));
        Assert.Contains(Protest, Ids(await Store.GetTimeline(new TimelineSearch(null, "2025-09-30", "2025-09-30", 10), None)));
    }
}
