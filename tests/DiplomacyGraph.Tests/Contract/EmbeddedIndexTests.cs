using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Embedded;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using static DiplomacyGraph.Tests.Contract.Knowledge;

namespace DiplomacyGraph.Tests.Contract;

/// <summary>
/// The embedded store updates its in-memory index write by write instead of rebuilding it. These tests hold that
/// shortcut to the rebuild: after many random writes, the live index equals one built afresh from the file.
/// </summary>
public sealed class EmbeddedIndexTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task The_bidirectional_shortest_path_is_the_first_of_every_shortest_path_in_GraphOrder_on_a_random_graph()
    {
        using var store = new EmbeddedGraphStore(System.IO.Path.Combine(folder.Path, "paths.db"));
        var random = new Random(20261126);
        var actors = Enumerable.Range(0, 24).Select(i => $"actor-{i:D2}").ToList();
        var events = Enumerable.Range(0, 6).Select(i => $"event-{i}").ToList();
        // Types of different path ranks between persons, and shared events, so that ties between labels are broken by type.
        (string Type, Dictionary<string, string>? Properties)[] ties =
            [("CRITIC_OF", null), ("IN_TENSION_WITH", null), ("FAMILY_OF", new() { ["relation"] = "sibling" }), ("ASSOCIATE_OF", null)];
        var relationships = new List<RelationshipRecord>();
        for (var i = 0; i < 40; i++)
        {
            var (a, b) = (actors[random.Next(actors.Count)], actors[random.Next(actors.Count)]);
            if (a == b) continue;
            var (type, properties) = ties[random.Next(ties.Length)];
            relationships.Add(Rel(a, type, b, properties));
        }
        for (var i = 0; i < 14; i++)
        {
            relationships.Add(Rel(actors[random.Next(actors.Count)], "PARTICIPATED_IN", events[random.Next(events.Count)]));
        }
        await store.Import(Document("paths-source") with
        {
            Actors = [.. actors.Select(id => Actor(id, $"Person {id}"))],
            Events = [.. events.Select(id => Event(id, $"Meeting {id}", "2026-02-03"))],
            Relationships = [.. relationships.DistinctBy(r => (r.From, r.Type, r.To))],
        }, None);

        var compared = 0;
        foreach (var from in actors)
        {
            foreach (var to in actors.Where(t => string.CompareOrdinal(t, from) > 0))
            {
                var best = (await store.FindShortestPath(from, to, 6, None)).Found();
                var every = (await store.FindAllShortestPaths(from, to, 6, 100_000, None)).Found();
                var expected = GraphOrder.First(every);
                Assert.Equal(expected?.Edges.Select(e => e.Id), best?.Edges.Select(e => e.Id));
                Assert.Equal(expected?.Nodes.Select(n => n.Id), best?.Nodes.Select(n => n.Id));
                if (best is { Edges.Count: > 1 }) compared++;
            }
        }
        Assert.True(compared > 50, $"Only {compared} pairs were joined by a path of two hops or more; the graph is too sparse to test the order.");
    }

    [Fact]
    public async Task A_date_range_of_events_read_from_the_ordered_list_is_exactly_the_overlapping_events_for_random_ranges_and_partial_dates()
    {
        using var store = new EmbeddedGraphStore(System.IO.Path.Combine(folder.Path, "dates.db"));
        var random = new Random(20261126);
        string Day() => $"{random.Next(2019, 2023)}-{random.Next(1, 13):D2}-{random.Next(1, 29):D2}";
        // Whole days, months and years, and undated events: a partial date overlaps every day it contains.
        string? Date() => random.Next(6) switch { 0 => null, 1 => Day()[..4], 2 => Day()[..7], _ => Day() };
        var events = Enumerable.Range(0, 150).Select(i => Event($"event-{i:D3}", $"Meeting {i}", Date(), i % 3 == 0 ? "TRAVEL" : "CONSULT")).ToList();
        await store.Import(Document("dates-source") with { Events = events }, None);
        var all = (await store.FindEvents(new EventSearch(null, null, null, null, 1, 500), None)).Items.Select(e => e.Node).ToList();
        Assert.Equal(events.Count, all.Count);

        for (var i = 0; i < 300; i++)
        {
            var (from, to) = (random.Next(4) == 0 ? null : Date() ?? Day(), random.Next(4) == 0 ? null : Date() ?? Day());
            var kind = random.Next(3) == 0 ? "TRAVEL" : null;
            var page = await store.FindEvents(new EventSearch(kind, from, to, null, 1, 500), None);

            // The definition, written out: the date plus "~" reaches `from`, and the date does not pass `to`.
            var expected = all.Where(e => kind is null || e.Kind == kind)
                .Where(e => (from is null && to is null) || (e.Date is not null
                    && (from is null || string.CompareOrdinal(e.Date + "~", from) >= 0)
                    && (to is null || string.CompareOrdinal(e.Date, to) <= 0)))
                .Select(e => e.Id).ToList();
            Assert.Equal(expected, page.Items.Select(e => e.Node.Id));
            Assert.Equal(expected.Count, page.Total);
        }
    }

    [Fact]
    public async Task Every_page_of_a_ranked_search_over_many_matches_is_the_matching_slice_of_the_whole_ranking()
    {
        using var store = new EmbeddedGraphStore(System.IO.Path.Combine(folder.Path, "search.db"));
        var random = new Random(11);
        var actors = Enumerable.Range(0, 120).Select(i => Actor($"actor-{i:D3}", $"{(i % 4 == 0 ? "Petra" : "Petrov")} {(char)('a' + random.Next(26))} {i}")).ToList();
        var events = Enumerable.Range(0, 40).Select(i => Event($"event-{i}", $"Meeting {i}", "2026-02-03")).ToList();
        var participations = actors.SelectMany(a => Enumerable.Range(0, random.Next(4)).Select(_ => Rel(a.Id, "PARTICIPATED_IN", events[random.Next(events.Count)].Id)))
            .DistinctBy(r => (r.From, r.To)).ToList();
        await store.Import(Document("search-source") with { Actors = actors, Events = events, Relationships = participations }, None);

        var whole = (await store.SearchActors(new ActorSearch("petr", null, 1, 500), None)).Items.Select(a => a.Id).ToList();
        Assert.Equal(actors.Count, whole.Count);
        // Ties of rank are broken by degree, most first: the whole ranking shows it.
        var degrees = participations.GroupBy(r => r.From).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(whole.OrderByDescending(id => degrees.GetValueOrDefault(id)).ToList(), whole);
        foreach (var size in new[] { 1, 7, 20, 50 })
        {
            for (var page = 1; (page - 1) * size <= whole.Count; page++)
            {
                var slice = await store.SearchActors(new ActorSearch("petr", null, page, size), None);
                Assert.Equal(whole.Skip((page - 1) * size).Take(size), slice.Items.Select(a => a.Id));
                Assert.Equal(whole.Count, slice.Total);
            }
        }
    }

    [Fact]
    public async Task A_network_around_hubs_is_its_nearest_nodes_by_name_up_to_the_cap_with_every_edge_among_them_once()
    {
        // Hubs from 40 links: every hub here is walked through its neighbours in name order, the persons through their lists.
        using var store = new EmbeddedGraphStore(System.IO.Path.Combine(folder.Path, "hubs.db"), hubDegree: 40);
        var random = new Random(3);
        var hubs = Enumerable.Range(0, 3).Select(i => Actor($"hub-{i}", $"Hub {i}", ActorKinds.Country)).ToList();
        var persons = Enumerable.Range(0, 40).Select(i => Actor($"person-{i:D2}", $"Person {(char)('a' + random.Next(26))} {i}")).ToList();
        var events = Enumerable.Range(0, 250).Select(i => Event($"event-{i:D3}", $"Meeting {i}", "2026-02-03")).ToList();
        // Each hub takes part in most events (a degree far above what a small network's lookups cost), hubs and persons
        // criticise each other (hubs each other both ways), and a person and a hub criticise themselves (self-loops).
        var relationships = hubs.SelectMany(h => events.Where(_ => random.Next(5) > 0).Select(e => Rel(h.Id, "PARTICIPATED_IN", e.Id)))
            .Concat(persons.SelectMany(p => Enumerable.Range(0, 3).Select(_ => Rel(p.Id, "PARTICIPATED_IN", events[random.Next(events.Count)].Id))))
            .Concat(Enumerable.Range(0, 80).Select(_ => (hubs.Concat(persons).ElementAt(random.Next(43)).Id, hubs.Concat(persons).ElementAt(random.Next(43)).Id))
                .Where(pair => pair.Item1 != pair.Item2).Select(pair => Rel(pair.Item1, "CRITIC_OF", pair.Item2)))
            .Append(Rel("person-00", "CRITIC_OF", "person-00"))
            .Concat([Rel("hub-0", "CRITIC_OF", "hub-1"), Rel("hub-1", "CRITIC_OF", "hub-0"), Rel("hub-2", "CRITIC_OF", "hub-0"), Rel("hub-1", "CRITIC_OF", "hub-1")])
            .DistinctBy(r => (r.From, r.Type, r.To)).ToList();
        await store.Import(Document("hubs-source") with { Actors = [.. hubs, .. persons], Events = events, Relationships = relationships }, None);

        var checkedHubs = 0;
        await CheckNetworks();
        // A write reorders a hub's neighbours (a rename that sorts first) and adds one: walks read the new order at once.
        await store.Import(Document("hubs-later") with
        {
            Actors = [Actor("person-21", "Aaron Renamed")],
            Events = [Event("event-new", "Aardvark summit", "2026-02-04")],
            Relationships = [Rel("hub-0", "PARTICIPATED_IN", "event-new"), Rel("hub-1", "CRITIC_OF", "person-21")],
        }, None);
        await CheckNetworks();
        Assert.True(checkedHubs > 5, "Too few small networks held a hub: the lookups were not exercised.");

        async Task CheckNetworks()
        {
            foreach (var start in new[] { "hub-0", "hub-1", "person-00", "person-07", "person-21" })
            {
                foreach (var (depth, cap) in new[] { (1, 2), (1, 4), (2, 3), (2, 6), (2, 12), (2, 60), (3, 400) })
                {
                    var network = (await store.GetNetwork(start, depth, cap, None)).Found();
                    var (nearest, cut) = await Breadth(start, depth, cap);
                    Assert.Equal(nearest, network.Nodes.Select(n => n.Id));
                    Assert.Equal(cut, network.Truncated);
                    var ids = network.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
                    var expected = new SortedSet<string>(StringComparer.Ordinal);
                    foreach (var node in network.Nodes)
                    {
                        var links = (await store.GetNode(node.Label, node.Id, None)).Found().Links;
                        foreach (var link in links.Where(l => l.Direction == Directions.Out && ids.Contains(l.Other.Id))) expected.Add(link.Edge.Id);
                    }
                    Assert.Equal(expected, network.Edges.Select(e => e.Id));
                    if (ids.Overlaps(hubs.Select(h => h.Id)) && cap < 20) checkedHubs++;
                }
            }
        }

        // The definition, written out: whole levels, each by name then id, cut at the cap; truncated when a node is left out.
        async Task<(List<string> Ids, bool Truncated)> Breadth(string start, int depth, int cap)
        {
            var chosen = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal) { start };
            var level = new List<GraphNode> { (await store.GetNode(NodeLabel.Actor, start, None)).Found().Node };
            for (var d = 0; ; d++)
            {
                var ordered = level.OrderBy(n => n.SortKey, StringComparer.Ordinal).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
                var room = cap - chosen.Count;
                chosen.AddRange(ordered.Take(room).Select(n => n.Id));
                if (ordered.Count > room) return (chosen, true);
                if (d == depth) return (chosen, false);
                var next = new List<GraphNode>();
                foreach (var node in ordered)
                {
                    foreach (var link in (await store.GetNode(node.Label, node.Id, None)).Found().Links)
                    {
                        if (seen.Add(link.Other.Id)) next.Add(link.Other);
                    }
                }
                if (next.Count == 0) return (chosen, false);
                if (chosen.Count == cap) return (chosen, true);
                level = next;
            }
        }
    }

    [Fact]
    public async Task Lists_filtered_by_a_hub_answer_as_they_do_for_any_node_before_and_after_a_write()
    {
        // The same graph twice: every node a hub in one store (its lists in date order kept between writes), none in the other.
        using var hubs = new EmbeddedGraphStore(System.IO.Path.Combine(folder.Path, "all-hubs.db"), hubDegree: 1);
        using var plain = new EmbeddedGraphStore(System.IO.Path.Combine(folder.Path, "no-hubs.db"));
        var random = new Random(5);
        var countries = Enumerable.Range(0, 4).Select(i => Actor($"country-{i}", $"Country {i}", ActorKinds.Country)).ToList();
        var persons = Enumerable.Range(0, 12).Select(i => Actor($"person-{i:D2}", $"Person {i}")).ToList();
        string? Date() => random.Next(8) == 0 ? null : $"20{random.Next(18, 27)}-{random.Next(1, 13):D2}-{random.Next(1, 29):D2}";
        KnowledgeDocument Batch(string source, int from, int count) => Document(source) with
        {
            Actors = [.. countries, .. persons],
            Sanctions = [.. Enumerable.Range(from, count).Select(i => Sanction($"sanction-{i:D3}", $"Measure {i}", Date(), i % 3 == 0 ? "visa" : "financial"))],
            Statements = [.. Enumerable.Range(from, count).Select(i => Statement($"statement-{i:D3}", $"Remark {i}", Date()))],
            Relationships =
            [
                .. Enumerable.Range(from, count).SelectMany(i => new[]
                {
                    Rel(countries[random.Next(countries.Count)].Id, "IMPOSED", $"sanction-{i:D3}"),
                    Rel($"sanction-{i:D3}", "TARGETS", persons[random.Next(persons.Count)].Id),
                    Rel(persons[random.Next(persons.Count)].Id, "SAID", $"statement-{i:D3}"),
                    Rel($"statement-{i:D3}", "ABOUT", countries[random.Next(countries.Count)].Id),
                }),
            ],
        };
        var first = Batch("lists-one", 0, 80);
        foreach (var store in new[] { hubs, plain }) await store.Import(first, None);
        await Compare();
        var second = Batch("lists-two", 80, 30);
        foreach (var store in new[] { hubs, plain }) await store.Import(second, None);
        await Compare();

        async Task Compare()
        {
            var compared = 0;
            foreach (var country in countries.Select(c => c.Id))
            {
                foreach (var (kind, page, size) in new[] { ((string?)null, 1, 100), (null, 2, 7), ("visa", 1, 5), ("financial", 3, 4) })
                {
                    var expected = await plain.FindSanctions(new SanctionSearch(country, null, kind, page, size), None);
                    var actual = await hubs.FindSanctions(new SanctionSearch(country, null, kind, page, size), None);
                    Assert.Equal(expected.Total, actual.Total);
                    Assert.Equal(expected.Items.Select(s => s.Node.Id), actual.Items.Select(s => s.Node.Id));
                    var about = await plain.FindStatements(new StatementSearch(null, country, null, page, size), None);
                    Assert.Equal(about.Items.Select(s => s.Node.Id), (await hubs.FindStatements(new StatementSearch(null, country, null, page, size), None)).Items.Select(s => s.Node.Id));
                    compared += expected.Items.Count;
                }
            }
            foreach (var person in persons.Select(p => p.Id))
            {
                var targeted = await plain.FindSanctions(new SanctionSearch(null, person, null, 1, 100), None);
                Assert.Equal(targeted.Items.Select(s => s.Node.Id), (await hubs.FindSanctions(new SanctionSearch(null, person, null, 1, 100), None)).Items.Select(s => s.Node.Id));
                var said = await plain.FindStatements(new StatementSearch(person, null, null, 1, 100), None);
                Assert.Equal(said.Items.Select(s => s.Node.Id), (await hubs.FindStatements(new StatementSearch(person, null, null, 1, 100), None)).Items.Select(s => s.Node.Id));
            }
            Assert.True(compared > 50, $"Only {compared} sanctions were compared.");
        }
    }

    [Fact]
    public async Task After_three_hundred_random_writes_the_live_index_equals_one_rebuilt_from_the_file_and_each_write_was_visible_at_once()
    {
        var path = System.IO.Path.Combine(folder.Path, "graph.db");
        using var store = new EmbeddedGraphStore(path);
        var random = new Random(8);
        string[] sources = ["s0", "s1", "s2"];
        foreach (var source in sources) await store.Import(Document(source), None);
        string ActorId() => $"actor-{random.Next(30)}";
        string EventId() => $"event-{random.Next(15)}";
        string Word() => ((string[])["Ana", "Pétro", "García", "Luis", "Núñez", "Rubio", "Vance", "Olga"])[random.Next(8)];
        string Source() => sources[random.Next(sources.Length)];

        for (var step = 0; step < 300; step++)
        {
            switch (random.Next(7))
            {
                case 0 or 1:
                {
                    var (actor, other, @event) = (ActorId(), ActorId(), EventId());
                    while (other == actor) other = ActorId();
                    var name = $"{Word()} {Word()} {step}";
                    var date = $"20{random.Next(10, 27)}-0{random.Next(1, 10)}-1{random.Next(0, 10)}";
                    var source = Source();
                    await store.Import(Document(source) with
                    {
                        Actors = [Actor(actor, name, aliases: [Word()]), Actor(other, $"{Word()} {step}")],
                        Events = [Event(@event, $"Meeting {step}", date)],
                        Relationships = [Rel(actor, "PARTICIPATED_IN", @event, new() { ["role"] = "guest" }), Rel(actor, "CRITIC_OF", other)],
                    }, None);
                    // The name is the source's claim; the one shown is the highest-ranked source's (ClaimRules).
                    var written = (await store.GetNode(NodeLabel.Actor, actor, None)).Found().Node;
                    Assert.Equal(name, written.Claims.Single(c => c.SourceId == source).Values["name"]);
                    Assert.Contains((await store.SearchActors(new ActorSearch(written.Name, null, 1, 100), None)).Items, a => a.Id == actor);
                    Assert.Contains((await store.FindEvents(new EventSearch(null, null, null, actor, 1, 100), None)).Items, e => e.Node.Id == @event);
                    var shownDate = (await store.GetNode(NodeLabel.Event, @event, None)).Found().Node.Date;
                    Assert.Contains((await store.GetTimeline(new TimelineSearch(null, shownDate, shownDate, 100), None)), e => e.Node.Id == @event);
                    Assert.NotNull(await store.GetEdge(actor, "CRITIC_OF", other, None));
                    break;
                }
                case 2:
                {
                    var id = ActorId();
                    var name = $"{Word()} {step}";
                    var node = KnowledgeGraph.ForActor(Actor(id, name), Source());
                    var replaced = await store.ReplaceNode(node, None);
                    if (replaced is WriteOutcome.NotFound)
                    {
                        Assert.IsType<WriteOutcome.Created>(await store.CreateNode(node, None));
                    }
                    var shown = (await store.GetNode(NodeLabel.Actor, id, None)).Found().Node.Name;
                    Assert.Contains(id, (await store.SearchActors(new ActorSearch(shown, null, 1, 100), None)).Items.Select(a => a.Id));
                    break;
                }
                case 3:
                {
                    var id = ActorId();
                    var result = await store.DeleteNode(NodeLabel.Actor, id, cascade: random.Next(2) == 0, None);
                    if (result is WriteOutcome.Deleted)
                    {
                        (await store.GetNode(NodeLabel.Actor, id, None)).Miss();
                        Assert.DoesNotContain((await store.SearchActors(new ActorSearch(null, null, 1, 100), None)).Items, a => a.Id == id);
                    }
                    break;
                }
                case 4:
                {
                    var (from, to) = (ActorId(), ActorId());
                    if (await store.Exists(NodeLabel.Actor, from, None) && await store.Exists(NodeLabel.Actor, to, None) && await store.GetEdge(from, "IN_TENSION_WITH", to, None) is null)
                    {
                        Assert.IsType<WriteOutcome.Created>(await store.CreateEdge(new GraphEdge("IN_TENSION_WITH", from, to, new Dictionary<string, object?>(), [new Evidence(Source(), $"Step {step}.")]), None));
                        Assert.Contains((await store.GetRelationships(from, "IN_TENSION_WITH", Directions.Out, None)).Found(), l => l.Other.Id == to);
                    }
                    break;
                }
                case 5:
                {
                    // A source of its own on an existing actor and a new one, then retracted: the index forgets it.
                    var (existing, added, retracted) = (ActorId(), $"retracted-actor-{step}", $"retracted-{step}");
                    if (!await store.Exists(NodeLabel.Actor, existing, None)) break;
                    await store.Import(Document(retracted) with
                    {
                        Actors = [Actor(existing, $"Renamed {step}"), Actor(added, $"{Word()} {step}")],
                        Relationships = [Rel(added, "CRITIC_OF", existing)],
                    }, None).Imported();
                    var removed = Assert.IsType<WriteOutcome.Retracted>(await store.RetractSource(retracted, None)).Summary;
                    Assert.Equal([added], removed.NodesDeleted);
                    Assert.Equal([existing], removed.NodesUpdated);
                    (await store.GetSource(retracted, None)).Miss();
                    Assert.DoesNotContain((await store.GetNode(NodeLabel.Actor, existing, None)).Found().Node.Evidence, e => e.SourceId == retracted);
                    break;
                }
                default:
                {
                    var id = ActorId();
                    if (await store.GetRelationships(id, null, Directions.Out, None) is Found<IReadOnlyList<Link>>(var links) && links.Count > 0)
                    {
                        var edge = links[random.Next(links.Count)].Edge;
                        Assert.IsType<WriteOutcome.Deleted>(await store.DeleteEdge(edge.From, edge.Type, edge.To, None));
                        Assert.Null(await store.GetEdge(edge.From, edge.Type, edge.To, None));
                        var source = edge.Evidence[0].SourceId;
                        Assert.DoesNotContain((await store.GetSource(source, None)).Found().Edges, e => e.Id == edge.Id);
                    }
                    break;
                }
            }
        }

        using var rebuilt = new EmbeddedGraphStore(path);
        var live = store.DescribeIndex();
        Assert.Contains("PARTICIPATED_IN", live);
        Assert.Equal(rebuilt.DescribeIndex(), live);
    }
}
