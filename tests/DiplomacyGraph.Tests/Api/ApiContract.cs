using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using DiplomacyGraph.Tests.Infrastructure;
using DiplomacyGraph.Tests.Seed;

namespace DiplomacyGraph.Tests.Api;

/// <summary>
/// Every endpoint over real HTTP against the seeded service. One contract, run against every store:
/// a subclass only says how to create the service (<see cref="CreateFactoryAsync"/>).
/// Expected values come from the article and the seed document, not from the implementation.
/// </summary>
public abstract partial class ApiContract(ApiHost host) : IAsyncLifetime
{
    private const string SourceId = "vermelho-2026-02-04-petro-trump";
    private const string Meeting = "white-house-meeting-2026-02-03";
    private const string Missing = "no-such-actor";

    private const string AccompaniedSentence =
        "Petro was accompanied by Defense Minister Pedro Sánchez, Ambassador Daniel García-Peña and Foreign Minister Rosa Villavicencio in Colombia.";
    private const string SanctionsSentence =
        "Trump called Petro an “illegal drug leader”, imposed sanctions on the Colombian leader, revoked his visa and applied restrictions to members of his government and family members.";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private HttpClient client = null!;

    /// <summary>A fresh service on the store under test, seeded from the repository's seed folder.</summary>
    protected abstract Task<DiplomacyGraphFactory> CreateFactoryAsync();

    public async Task InitializeAsync() => client = await host.ClientAsync(CreateFactoryAsync);

    public Task DisposeAsync() => Task.CompletedTask;

    // ---------------------------------------------------------------- the three "done when" questions

    [Fact]
    public async Task Who_accompanied_Petro_and_in_which_roles_is_answered_by_the_meeting_with_the_evidence_sentence()
    {
        var meeting = await GetJson<EventDetail>($"/api/events/{Meeting}");

        var colombia = Assert.Single(meeting.Sides, s => s.Side == "colombia");
        var companions = colombia.Participants.Where(p => p.Actor.Id != "gustavo-petro").ToDictionary(p => p.Actor.Id);
        Assert.Equal(["daniel-garcia-pena", "pedro-sanchez", "rosa-villavicencio"], companions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Defense Minister", companions["pedro-sanchez"].Title);
        Assert.Equal("Ambassador", companions["daniel-garcia-pena"].Title);
        Assert.Equal("Foreign Minister", companions["rosa-villavicencio"].Title);
        Assert.All(companions.Values, p => Assert.Contains(p.Evidence, e => e.Text == AccompaniedSentence && e.SourceId == SourceId));
    }

    [Fact]
    public async Task Which_sanctions_target_Petro_is_answered_with_their_kinds_their_imposer_Trump_and_evidence()
    {
        var sanctions = await GetJson<PageOf<Sanction>>("/api/sanctions?target=gustavo-petro");

        Assert.Superset(new HashSet<string> { "financial", "visa-revocation", "restrictions-on-family-members" }, sanctions.Items.Select(s => s.Kind).ToHashSet());
        Assert.All(sanctions.Items, s =>
        {
            Assert.Contains(s.Targets, t => t.Actor.Id == "gustavo-petro");
            var imposer = Assert.Single(s.ImposedBy);
            Assert.Equal("donald-trump", imposer.Actor.Id);
            Assert.Contains(imposer.Evidence, e => e.Text == SanctionsSentence);
            Assert.Contains(s.Evidence, e => e.Text == SanctionsSentence && e.SourceId == SourceId);
        });
    }

    [Fact]
    public async Task Shortest_path_between_Moreno_and_Villavicencio_runs_through_the_White_House_meeting()
    {
        var path = await GetJson<PathResult>("/api/paths/shortest?from=bernie-moreno&to=rosa-villavicencio");

        Assert.True(path.Found);
        Assert.Equal(["bernie-moreno", Meeting, "rosa-villavicencio"], path.Nodes.Select(n => n.Id));
        Assert.Equal(path.Edges.Count, path.Length);
        AssertEdgesChainTheNodes(path);
        Assert.All(path.Edges, e => Assert.Equal("PARTICIPATED_IN", e.Type));
        Assert.Contains(path.Edges.Single(e => e.From == "rosa-villavicencio").Evidence, e => e.Text == AccompaniedSentence);
        Assert.All(path.Edges, e => Assert.Contains(e.Evidence, x => x.SourceId == SourceId && Article.Contains(x.Text, StringComparison.Ordinal)));
    }

    // ---------------------------------------------------------------- actors

    [Theory]
    [InlineData("garcia")]
    [InlineData("GARCÍA-PEÑA")]
    [InlineData("Garcia-Pena")]
    public async Task Actor_search_ignores_case_and_accents_so_garcia_finds_Daniel_Garcia_Pena(string q)
    {
        var found = await GetJson<PageOf<ActorSummary>>($"/api/actors?q={Uri.EscapeDataString(q)}");

        Assert.Contains(found.Items, a => a.Id == "daniel-garcia-pena");
        Assert.All(found.Items, a => Assert.Contains(a.Aliases.Append(a.Name), n => Fold(n).Contains(Fold(q), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Actor_search_by_kind_returns_every_actor_of_that_kind_and_no_other()
    {
        var countries = await GetJson<PageOf<ActorSummary>>("/api/actors?kind=country&pageSize=100");

        var expected = SeedDoc.Actors.Where(a => a.Kind == "country").Select(a => a.Id).Order(StringComparer.Ordinal);
        Assert.Equal(expected, countries.Items.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Contains("venezuela", countries.Items.Select(a => a.Id));
        Assert.All(countries.Items, a => Assert.Equal("country", a.Kind));
    }

    [Fact]
    public async Task Actor_pages_cover_every_seeded_actor_once_in_name_order()
    {
        var seen = new List<ActorSummary>();
        PageOf<ActorSummary> page;
        var number = 1;
        do
        {
            page = await GetJson<PageOf<ActorSummary>>($"/api/actors?page={number}&pageSize=5");
            Assert.Equal(number, page.Page);
            Assert.Equal(5, page.PageSize);
            Assert.InRange(page.Items.Count, 1, 5);
            seen.AddRange(page.Items);
            number++;
        }
        while (seen.Count < page.Total);

        Assert.Equal(SeedDoc.Actors.Count, page.Total);
        Assert.Equal(SeedDoc.Actors.Select(a => a.Id).Order(StringComparer.Ordinal), seen.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal(seen.Select(a => Fold(a.Name)).Order(StringComparer.Ordinal), seen.Select(a => Fold(a.Name)));
        var beyond = await GetJson<PageOf<ActorSummary>>($"/api/actors?page={number}&pageSize=5");
        Assert.Empty(beyond.Items);
        Assert.Equal(page.Total, beyond.Total);
    }

    [Fact]
    public async Task Actor_detail_lists_offices_with_title_country_and_evidence()
    {
        var sanchez = await GetJson<ActorDetail>("/api/actors/pedro-sanchez");
        var rubio = await GetJson<ActorDetail>("/api/actors/marco-rubio");

        Assert.Equal("Pedro Sánchez", sanchez.Name);
        Assert.Equal("person", sanchez.Kind);
        var defense = Assert.Single(sanchez.Offices);
        Assert.Equal(("Defense Minister", "colombia"), (defense.Title, defense.In.Id));
        Assert.Contains(defense.Evidence, e => e.Text == AccompaniedSentence && e.SourceId == SourceId);
        var state = Assert.Single(rubio.Offices);
        Assert.Equal(("Secretary of State", "united-states"), (state.Title, state.In.Id));
        Assert.Contains("Secretary of State Marco Rubio", Assert.Single(state.Evidence).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actor_detail_counts_each_relationship_type_the_relationships_endpoint_lists()
    {
        var petro = await GetJson<ActorDetail>("/api/actors/gustavo-petro");
        var relationships = await GetItems<Relationship>("/api/actors/gustavo-petro/relationships");

        var listed = relationships.GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(listed.OrderBy(p => p.Key, StringComparer.Ordinal), petro.RelationshipCounts.OrderBy(p => p.Key, StringComparer.Ordinal));
        var seeded = SeedDoc.Relationships.Count(r => r.From == "gustavo-petro" || r.To == "gustavo-petro");
        Assert.Equal(seeded, petro.RelationshipCounts.Values.Sum());
    }

    [Fact]
    public async Task Relationships_filter_by_type_and_direction_and_show_the_other_end()
    {
        var outgoing = await GetItems<Relationship>("/api/actors/gustavo-petro/relationships?type=PARTICIPATED_IN&direction=out");
        var incoming = await GetItems<Relationship>("/api/actors/gustavo-petro/relationships?direction=in");
        var both = await GetItems<Relationship>("/api/actors/gustavo-petro/relationships");

        Assert.All(outgoing, r => Assert.Equal(("PARTICIPATED_IN", "out", "event"), (r.Type, r.Direction, r.Other.Label)));
        var meeting = Assert.Single(outgoing, r => r.Other.Id == Meeting);
        Assert.Equal($"gustavo-petro:PARTICIPATED_IN:{Meeting}", meeting.Id);
        Assert.Equal("colombia", meeting.Properties["side"].GetString());
        Assert.All(incoming, r => Assert.Equal("in", r.Direction));
        Assert.Contains(incoming, r => r.Type == "TARGETS" && r.Other.Id == "gustavo-petro-visa-revocation");
        Assert.Equal(both.Count, incoming.Count + both.Count(r => r.Direction == "out"));
        Assert.True(outgoing.Count < both.Count);
    }

    [Fact]
    public async Task Every_relationship_of_an_actor_carries_its_evidence_and_source()
    {
        var relationships = await GetItems<Relationship>("/api/actors/gustavo-petro/relationships");

        Assert.NotEmpty(relationships);
        Assert.All(relationships, r =>
        {
            Assert.NotEmpty(r.Evidence);
            Assert.All(r.Evidence, e => Assert.Equal(SourceId, e.SourceId));
            Assert.All(r.Evidence, e => Assert.Contains(e.Text, Article, StringComparison.Ordinal));
            var (from, to) = r.Direction == "out" ? ("gustavo-petro", r.Other.Id) : (r.Other.Id, "gustavo-petro");
            Assert.Equal($"{from}:{r.Type}:{to}", r.Id);
        });
    }

    [Fact]
    public async Task Network_grows_from_depth_1_to_depth_2_and_every_edge_joins_listed_nodes()
    {
        var near = await GetJson<Network>("/api/actors/bernie-moreno/network?depth=1");
        var far = await GetJson<Network>("/api/actors/bernie-moreno/network?depth=2");

        foreach (var network in new[] { near, far })
        {
            Assert.Equal("bernie-moreno", network.Nodes[0].Id);
            Assert.False(network.Truncated);
            var ids = network.Nodes.Select(n => n.Id).ToHashSet();
            Assert.Equal(network.Nodes.Count, ids.Count);
            Assert.All(network.Edges, e => Assert.True(ids.Contains(e.From) && ids.Contains(e.To), $"{e.Id} leaves the network"));
            Assert.All(network.Edges, e => Assert.NotEmpty(e.Evidence));
        }

        Assert.Equal((1, 2), (near.Depth, far.Depth));
        Assert.Contains(Meeting, near.Nodes.Select(n => n.Id));
        Assert.DoesNotContain("rosa-villavicencio", near.Nodes.Select(n => n.Id));
        Assert.Contains("rosa-villavicencio", far.Nodes.Select(n => n.Id));
        Assert.Superset(near.Nodes.Select(n => n.Id).ToHashSet(), far.Nodes.Select(n => n.Id).ToHashSet());
        Assert.True(far.Edges.Count > near.Edges.Count);
    }

    [Fact]
    public async Task Pedro_Sanchez_took_part_in_the_White_House_meeting_on_the_Colombian_side_as_Defense_Minister()
    {
        var events = await GetItems<ActorEvent>("/api/actors/pedro-sanchez/events");

        var meeting = Assert.Single(events);
        Assert.Equal(Meeting, meeting.Event.Id);
        Assert.Equal(("colombia", "Defense Minister", "2026-02-03"), (meeting.Side, meeting.Title, meeting.Date));
        Assert.False(string.IsNullOrWhiteSpace(meeting.Role));
        Assert.Contains(meeting.Evidence, e => e.Text == AccompaniedSentence);
    }

    [Fact]
    public async Task Co_participants_of_Moreno_are_the_others_at_the_meeting_with_the_shared_event()
    {
        var others = await GetItems<CoParticipant>("/api/actors/bernie-moreno/co-participants");

        var participants = SeedDoc.Relationships.Where(r => r.Type == "PARTICIPATED_IN" && r.To == Meeting && r.From != "bernie-moreno").Select(r => r.From);
        Assert.Equal(participants.Order(StringComparer.Ordinal), others.Select(o => o.Actor.Id).Order(StringComparer.Ordinal));
        Assert.All(others, o => Assert.Equal([Meeting], o.Events.Select(e => e.Id)));
    }

    [Fact]
    public async Task Actor_statements_by_role_separate_what_they_said_from_what_was_said_about_them()
    {
        var said = await GetItems<Statement>("/api/actors/donald-trump/statements?role=speaker");
        var about = await GetItems<Statement>("/api/actors/gustavo-petro/statements?role=subject");
        var all = await GetItems<Statement>("/api/actors/gustavo-petro/statements");
        var petroSaid = await GetItems<Statement>("/api/actors/gustavo-petro/statements?role=speaker");

        Assert.Contains(said, s => s.Quote == "We worked on it and we got along very well.");
        Assert.All(said, s => Assert.Contains("donald-trump", s.Speakers.Select(a => a.Id)));
        Assert.Equal(SeedDoc.Relationships.Count(r => r.Type == "SAID" && r.From == "donald-trump"), said.Count);
        Assert.Contains(about, s => s.Quote == "illegal drug leader");
        Assert.All(about, s => Assert.Contains("gustavo-petro", s.About.Select(a => a.Id)));
        Assert.Equal(petroSaid.Concat(about).Select(s => s.Id).ToHashSet().Order(StringComparer.Ordinal), all.Select(s => s.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Actor_sanctions_by_role_separate_those_imposed_from_those_suffered()
    {
        var imposed = await GetItems<Sanction>("/api/actors/donald-trump/sanctions?role=imposer");
        var suffered = await GetItems<Sanction>("/api/actors/gustavo-petro/sanctions?role=target");
        var trumpSuffered = await GetItems<Sanction>("/api/actors/donald-trump/sanctions?role=target");

        Assert.Equal(SeedDoc.Sanctions.Select(s => s.Id).Order(StringComparer.Ordinal), imposed.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.All(imposed, s => Assert.Contains("donald-trump", s.ImposedBy.Select(i => i.Actor.Id)));
        Assert.Contains(suffered, s => s.Kind == "visa-revocation");
        Assert.All(suffered, s => Assert.Contains("gustavo-petro", s.Targets.Select(t => t.Actor.Id)));
        Assert.Empty(trumpSuffered);
    }

    // ---------------------------------------------------------------- events

    [Fact]
    public async Task Events_by_kind_are_only_of_that_kind()
    {
        var consults = await GetJson<PageOf<EventSummary>>("/api/events?kind=CONSULT");
        var trips = await GetJson<PageOf<EventSummary>>("/api/events?kind=TRAVEL");

        Assert.Contains(consults.Items, e => e.Id == Meeting && e.Places.Any(p => p.Id == "white-house"));
        Assert.All(consults.Items, e => Assert.Equal("CONSULT", e.Kind));
        Assert.Equal("petro-trip-to-white-house", Assert.Single(trips.Items).Id);
    }

    [Fact]
    public async Task Events_in_a_date_range_are_all_dated_within_it_and_the_whole_list_is_in_date_order()
    {
        var day = await GetJson<PageOf<EventSummary>>("/api/events?from=2026-02-03&to=2026-02-03");
        var later = await GetJson<PageOf<EventSummary>>("/api/events?from=2026-02-04");
        var all = await GetJson<PageOf<EventSummary>>("/api/events?pageSize=100");

        Assert.Equal(["plaza-bolivar-demonstration-2026-02-03", Meeting], day.Items.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.All(day.Items, e => Assert.Equal("2026-02-03", e.Date));
        Assert.Empty(later.Items);
        Assert.Equal(SeedDoc.Events.Count, all.Total);
        var dated = all.Items.TakeWhile(e => e.Date is not null).ToList();
        Assert.All(all.Items.Skip(dated.Count), e => Assert.Null(e.Date));
        Assert.Equal(dated.Select(e => e.Date).Order(StringComparer.Ordinal), dated.Select(e => e.Date));
    }

    [Fact]
    public async Task Events_of_an_actor_are_those_directly_linked_to_them()
    {
        var maduro = await GetJson<PageOf<EventSummary>>("/api/events?actor=nicolas-maduro");
        var moreno = await GetJson<PageOf<EventSummary>>("/api/events?actor=bernie-moreno");

        Assert.Equal("us-military-operation-venezuela", Assert.Single(maduro.Items).Id);
        Assert.Equal(Meeting, Assert.Single(moreno.Items).Id);
    }

    [Fact]
    public async Task Event_detail_groups_participants_by_side_and_lists_the_statements_made_there()
    {
        var meeting = await GetJson<EventDetail>($"/api/events/{Meeting}");

        Assert.Equal(("CONSULT", "2026-02-03"), (meeting.Kind, meeting.Date));
        Assert.Equal(["colombia", "united-states"], meeting.Sides.Select(s => s.Side));
        var us = meeting.Sides.Single(s => s.Side == "united-states").Participants.ToDictionary(p => p.Actor.Id, p => p.Title);
        Assert.Equal("Vice President", us["jd-vance"]);
        Assert.Equal("Senator", us["bernie-moreno"]);
        Assert.Contains("donald-trump", us.Keys);
        Assert.Contains(meeting.Places, p => p.Id == "white-house");
        var madeThere = SeedDoc.Relationships.Where(r => r.Type == "MADE_AT" && r.To == Meeting).Select(r => r.From);
        Assert.Equal(madeThere.Order(StringComparer.Ordinal), meeting.Statements.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.Contains(meeting.Statements, s => s.Quote == "Gustavo – A great honor – I love Colombia.");
        Assert.All(meeting.Statements, s => Assert.Equal(Meeting, s.MadeAt?.Id));
    }

    // ---------------------------------------------------------------- sanctions and statements

    [Fact]
    public async Task Sanctions_filter_by_imposer_target_and_kind()
    {
        var byTrump = await GetJson<PageOf<Sanction>>("/api/sanctions?imposer=donald-trump");
        var visas = await GetJson<PageOf<Sanction>>("/api/sanctions?kind=visa-revocation");
        var onGovernment = await GetJson<PageOf<Sanction>>("/api/sanctions?target=colombian-government");

        Assert.Equal(SeedDoc.Sanctions.Count, byTrump.Total);
        Assert.All(byTrump.Items, s => Assert.Contains("donald-trump", s.ImposedBy.Select(i => i.Actor.Id)));
        var visa = Assert.Single(visas.Items);
        Assert.Equal(("visa-revocation", "gustavo-petro"), (visa.Kind, Assert.Single(visa.Targets).Actor.Id));
        var government = Assert.Single(onGovernment.Items);
        Assert.Equal("restrictions-on-government-members", government.Kind);
        Assert.Equal("members of his government", Assert.Single(government.Targets).Scope);
    }

    [Fact]
    public async Task Statements_filter_by_speaker_subject_and_text()
    {
        var trump = await GetJson<PageOf<Statement>>("/api/statements?speaker=donald-trump&pageSize=100");
        var aboutMeeting = await GetJson<PageOf<Statement>>($"/api/statements?about={Meeting}&pageSize=100");
        var humiliation = await GetJson<PageOf<Statement>>("/api/statements?q=HUMILIATION");
        var accented = await GetJson<PageOf<Statement>>("/api/statements?q=garc%C3%ADa");

        Assert.All(trump.Items, s => Assert.Contains("donald-trump", s.Speakers.Select(a => a.Id)));
        Assert.Contains(trump.Items, s => s.Quote == "illegal drug leader");
        Assert.All(aboutMeeting.Items, s => Assert.Contains(Meeting, s.About.Select(a => a.Id)));
        Assert.Equal(SeedDoc.Relationships.Count(r => r.Type == "ABOUT" && r.To == Meeting), aboutMeeting.Total);
        var found = Assert.Single(humiliation.Items);
        Assert.Equal("between different people, but without humiliation", found.Quote);
        Assert.Equal("gustavo-petro", Assert.Single(found.Speakers).Id);
        Assert.NotEmpty(accented.Items);
        Assert.All(accented.Items, s => Assert.Contains("garcia", Fold($"{s.Text} {s.Quote}"), StringComparison.Ordinal));
    }

    // ---------------------------------------------------------------- timeline, graph, sources

    [Fact]
    public async Task Timeline_is_in_date_order_with_events_before_statements_on_the_same_day()
    {
        var timeline = await GetItems<TimelineEntry>("/api/timeline");

        Assert.NotEmpty(timeline);
        Assert.All(timeline, e => Assert.Matches(@"^\d{4}(-\d{2}(-\d{2})?)?$", e.Date));
        Assert.Equal(timeline.Select(e => e.Date).Order(StringComparer.Ordinal), timeline.Select(e => e.Date));
        foreach (var day in timeline.GroupBy(e => e.Date))
        {
            Assert.Equal(day.OrderBy(e => e.Type == "event" ? 0 : 1).Select(e => e.Id), day.Select(e => e.Id));
        }

        var datedFacts = SeedDoc.Events.Count(e => e.Date is not null) + SeedDoc.Statements.Count(s => s.Date is not null);
        Assert.Equal(datedFacts, timeline.Count);
    }

    [Fact]
    public async Task Timeline_of_an_actor_holds_only_entries_linked_to_them()
    {
        var moreno = await GetItems<TimelineEntry>("/api/timeline?actor=bernie-moreno");
        var garcia = await GetItems<TimelineEntry>("/api/timeline?actor=daniel-garcia-pena&from=2026-02-03&to=2026-02-03");

        Assert.Equal(Meeting, Assert.Single(moreno).Id);
        Assert.Contains(garcia, e => e.Id == "garcia-pena-folder-inscription" && e.Type == "statement");
        Assert.All(garcia, e => Assert.Contains("daniel-garcia-pena", e.Actors.Select(a => a.Id)));
    }

    [Fact]
    public async Task Whole_graph_comes_in_Cytoscape_shape_with_every_fact_and_every_edge_between_listed_nodes()
    {
        using var graph = await GetDocument("/api/graph");

        var elements = graph.RootElement.GetProperty("elements");
        var nodes = elements.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("data")).ToList();
        var edges = elements.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("data")).ToList();
        var ids = nodes.Select(n => n.GetProperty("id").GetString()!).ToHashSet();
        Assert.False(graph.RootElement.GetProperty("truncated").GetBoolean());
        Assert.Equal(SeedNodeIds().Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Equal(SeedDoc.Relationships.Count, edges.Count);
        Assert.All(edges, e => Assert.True(
            ids.Contains(e.GetProperty("source").GetString()!) && ids.Contains(e.GetProperty("target").GetString()!),
            $"edge {e.GetProperty("id")} has an end outside the node list"));
        Assert.All(nodes.Concat(edges), d => Assert.NotEqual(0, d.GetProperty("evidence").GetArrayLength()));
        var sanchez = nodes.Single(n => n.GetProperty("id").GetString() == "pedro-sanchez");
        Assert.Equal("Pedro Sánchez", sanchez.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Ego_graph_of_an_actor_holds_the_same_nodes_as_their_network()
    {
        using var graph = await GetDocument("/api/graph?actor=bernie-moreno&depth=1");
        var network = await GetJson<Network>("/api/actors/bernie-moreno/network?depth=1");

        var elements = graph.RootElement.GetProperty("elements");
        var ids = elements.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("data").GetProperty("id").GetString()!).ToList();
        Assert.Equal(network.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.All(elements.GetProperty("edges").EnumerateArray(), e =>
            Assert.Subset(ids.ToHashSet(), new HashSet<string> { e.GetProperty("data").GetProperty("source").GetString()!, e.GetProperty("data").GetProperty("target").GetString()! }));
        Assert.Equal(network.Edges.Count, elements.GetProperty("edges").GetArrayLength());
    }

    [Fact]
    public async Task Sources_list_the_article_with_its_outlet_and_publication_times()
    {
        var sources = await GetItems<Source>("/api/sources");

        var source = Assert.Single(sources);
        Assert.Equal((SourceId, "vermelho.org.br", "2026-02-04T11:20", "2026-02-04T11:47"), (source.Id, source.Outlet, source.Published, source.Edited));
        Assert.Equal(RepositoryFiles.ArticleFile, source.File);
    }

    [Fact]
    public async Task Source_detail_lists_every_fact_it_supports_with_sentences_from_the_article()
    {
        var detail = await GetJson<SourceDetail>($"/api/sources/{SourceId}");

        Assert.Equal(SourceId, detail.Source.Id);
        Assert.Equal(SeedNodeIds().Order(StringComparer.Ordinal), detail.Nodes.Select(n => n.Node.Id).Order(StringComparer.Ordinal));
        Assert.Equal(SeedDoc.Relationships.Count, detail.Edges.Count);
        Assert.All(detail.Nodes, n => Assert.All(n.Sentences, s => Assert.Contains(s, Article, StringComparison.Ordinal)));
        Assert.All(detail.Nodes, n => Assert.NotEmpty(n.Sentences));
    }

    // ---------------------------------------------------------------- health and Swagger

    [Fact]
    public async Task Service_is_live()
    {
        var live = await GetJson<Health>("/health/live");

        Assert.Equal("Healthy", live.Status);
    }

    [Fact]
    public async Task Service_is_ready_once_the_store_answers_and_the_seed_is_loaded()
    {
        var ready = await GetJson<Health>("/health/ready");

        Assert.Equal("Healthy", ready.Status);
        Assert.Equal("Healthy", ready.Checks["store"]);
        Assert.Equal("Healthy", ready.Checks["seed"]);
    }

    [Fact]
    public async Task Swagger_document_lists_every_endpoint_each_with_a_summary_and_a_description()
    {
        using var swagger = await GetDocument("/swagger/v1/swagger.json");

        var paths = swagger.RootElement.GetProperty("paths");
        Assert.Superset(ApiPaths.ToHashSet(), paths.EnumerateObject().Select(p => p.Name).ToHashSet());
        foreach (var path in ApiPaths)
        {
            var get = paths.GetProperty(path).GetProperty("get");
            Assert.False(string.IsNullOrWhiteSpace(get.GetProperty("summary").GetString()), $"GET {path} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(get.GetProperty("description").GetString()), $"GET {path} has no description");
        }
    }

    [Fact]
    public async Task Swagger_names_query_parameters_as_clients_send_them_and_errors_report_them()
    {
        using var swagger = await GetDocument("/swagger/v1/swagger.json");

        var queryParameters = swagger.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => HttpMethods.Contains(o.Name)))
            .SelectMany(o => o.Value.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Where(p => p.GetProperty("in").GetString() == "query")
            .Select(p => p.GetProperty("name").GetString()!)
            .Distinct()
            .ToList();
        Assert.Contains("pageSize", queryParameters);
        Assert.All(queryParameters, name => Assert.True(char.IsLower(name[0]), $"query parameter '{name}' is not camelCase, but errors name it '{JsonNamingPolicy.CamelCase.ConvertName(name)}'"));
    }

    [Fact]
    public async Task Swagger_UI_is_served_as_HTML()
    {
        var (response, body) = await Send("/swagger/index.html");
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("swagger-ui", body, StringComparison.OrdinalIgnoreCase);
        }
    }

    // ---------------------------------------------------------------- errors

    [Theory]
    [InlineData($"/api/actors/{Missing}")]
    [InlineData($"/api/actors/{Missing}/relationships")]
    [InlineData($"/api/actors/{Missing}/network")]
    [InlineData($"/api/actors/{Missing}/events")]
    [InlineData($"/api/actors/{Missing}/co-participants")]
    [InlineData($"/api/actors/{Missing}/statements")]
    [InlineData($"/api/actors/{Missing}/sanctions")]
    [InlineData($"/api/events?actor={Missing}")]
    [InlineData($"/api/sanctions?imposer={Missing}")]
    [InlineData($"/api/sanctions?target={Missing}")]
    [InlineData($"/api/statements?speaker={Missing}")]
    [InlineData($"/api/paths/shortest?from={Missing}&to=rosa-villavicencio")]
    [InlineData($"/api/paths/shortest?from=bernie-moreno&to={Missing}")]
    [InlineData($"/api/timeline?actor={Missing}")]
    [InlineData($"/api/graph?actor={Missing}")]
    public async Task Unknown_actor_is_a_404_problem_naming_the_id(string url)
    {
        var problem = await GetProblem(url, HttpStatusCode.NotFound);

        Assert.Contains(Missing, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/events/no-such-event", "no-such-event")]
    [InlineData("/api/sources/no-such-source", "no-such-source")]
    [InlineData("/api/actors/white-house", "white-house")] // a place, not an actor
    [InlineData("/api/events/gustavo-petro", "gustavo-petro")] // an actor, not an event
    public async Task Unknown_event_or_source_is_a_404_problem_naming_the_id(string url, string id)
    {
        var problem = await GetProblem(url, HttpStatusCode.NotFound);

        Assert.Contains(id, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/actors?pageSize=101", "pageSize")]
    [InlineData("/api/actors?pageSize=0", "pageSize")]
    [InlineData("/api/actors?page=0", "page")]
    [InlineData("/api/actors?page=abc", "page")]
    [InlineData("/api/actors?pageSize=1.5", "pageSize")]
    [InlineData("/api/actors?kind=persn", "kind")]
    [InlineData("/api/actors?kind=Person", "kind")]
    [InlineData("/api/events?pageSize=101", "pageSize")]
    [InlineData("/api/events?page=0", "page")]
    [InlineData("/api/sanctions?pageSize=101", "pageSize")]
    [InlineData("/api/statements?page=0", "page")]
    [InlineData("/api/actors/gustavo-petro/network?depth=0", "depth")]
    [InlineData("/api/actors/gustavo-petro/network?depth=4", "depth")]
    [InlineData("/api/actors/gustavo-petro/network?depth=two", "depth")]
    [InlineData("/api/actors/gustavo-petro/relationships?type=FRIEND_OF", "type")]
    [InlineData("/api/actors/gustavo-petro/relationships?type=participated_in", "type")]
    [InlineData("/api/actors/gustavo-petro/relationships?direction=sideways", "direction")]
    [InlineData("/api/actors/gustavo-petro/relationships?type=FRIEND_OF&direction=up", "direction,type")]
    [InlineData("/api/actors/gustavo-petro/statements?role=imposer", "role")]
    [InlineData("/api/actors/gustavo-petro/statements?role=anyone", "role")]
    [InlineData("/api/actors/gustavo-petro/sanctions?role=speaker", "role")]
    [InlineData("/api/actors/gustavo-petro/sanctions?role=anyone", "role")]
    [InlineData("/api/events?from=2026-13-01", "from")]
    [InlineData("/api/events?from=yesterday", "from")]
    [InlineData("/api/events?to=2026-02-30", "to")]
    [InlineData("/api/events?from=2026-03-01&to=2026-02-01", "from")]
    [InlineData("/api/events?kind=MEETING", "kind")]
    [InlineData("/api/events?kind=consult", "kind")]
    [InlineData("/api/events?actor=Gustavo%20Petro", "actor")]
    [InlineData("/api/sanctions?kind=embargo", "kind")]
    [InlineData("/api/sanctions?target=Gustavo_Petro", "target")]
    [InlineData("/api/statements?speaker=Donald%20Trump", "speaker")]
    [InlineData("/api/paths/shortest", "from,to")]
    [InlineData("/api/paths/shortest?from=bernie-moreno", "to")]
    [InlineData("/api/paths/shortest?to=bernie-moreno", "from")]
    [InlineData("/api/paths/shortest?from=bernie-moreno&to=bernie-moreno", "to")]
    [InlineData("/api/paths/shortest?from=bernie-moreno&to=rosa-villavicencio&maxDepth=0", "maxDepth")]
    [InlineData("/api/paths/shortest?from=bernie-moreno&to=rosa-villavicencio&maxDepth=7", "maxDepth")]
    [InlineData("/api/paths/shortest?from=bernie-moreno&to=rosa-villavicencio&maxDepth=far", "maxDepth")]
    [InlineData("/api/timeline?limit=0", "limit")]
    [InlineData("/api/timeline?limit=501", "limit")]
    [InlineData("/api/timeline?from=yesterday", "from")]
    [InlineData("/api/timeline?from=2026-03-01&to=2026-02-01", "from")]
    [InlineData("/api/graph?limit=0", "limit")]
    [InlineData("/api/graph?limit=2001", "limit")]
    [InlineData("/api/graph?actor=gustavo-petro&depth=0", "depth")]
    [InlineData("/api/graph?actor=gustavo-petro&depth=4", "depth")]
    [InlineData("/api/graph?depth=2", "depth")]
    public async Task Bad_query_is_a_400_problem_keyed_by_the_parameter_the_client_sent(string url, string fields)
    {
        var problem = await GetProblem(url, HttpStatusCode.BadRequest, fields.Split(','));

        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Role_meant_for_sanctions_is_rejected_on_statements_with_the_roles_that_fit()
    {
        var problem = await GetProblem("/api/actors/gustavo-petro/statements?role=imposer", HttpStatusCode.BadRequest, "role");

        var message = Assert.Single(problem.GetProperty("errors").GetProperty("role").EnumerateArray()).GetString();
        Assert.Contains("speaker", message, StringComparison.Ordinal);
        Assert.Contains("subject", message, StringComparison.Ordinal);
        Assert.DoesNotContain("imposer", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_path_ends_are_reported_as_missing_and_nothing_else()
    {
        var problem = await GetProblem("/api/paths/shortest?from=&to=", HttpStatusCode.BadRequest, "from", "to");

        var errors = problem.GetProperty("errors");
        Assert.Equal(["'from' must not be empty."], errors.GetProperty("from").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["'to' must not be empty."], errors.GetProperty("to").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Unconnected_within_max_depth_is_found_false_not_an_error()
    {
        var path = await GetJson<PathResult>("/api/paths/shortest?from=bernie-moreno&to=rosa-villavicencio&maxDepth=1");

        Assert.False(path.Found);
        Assert.Null(path.Length);
        Assert.Equal(1, path.MaxDepth);
        Assert.Empty(path.Nodes);
        Assert.Empty(path.Edges);
    }

    [Theory]
    [InlineData("/api/actors?q=%25")]
    [InlineData("/api/actors?q=%27%20OR%201%3D1%20--")]
    [InlineData("/api/actors?q=%00")]
    [InlineData("/api/actors?page=99999999999")]
    [InlineData("/api/actors?page=-1&pageSize=-1")]
    [InlineData("/api/actors/%E2%98%83")]
    [InlineData("/api/actors/%27%3B%20MATCH%20(n)%20DETACH%20DELETE%20n%20--")]
    [InlineData("/api/actors/gustavo-petro/relationships?type=")]
    [InlineData("/api/actors/gustavo-petro/network?depth=")]
    [InlineData("/api/events?from=&to=")]
    [InlineData("/api/events?actor=")]
    [InlineData("/api/statements?about=%27%3B--")]
    [InlineData("/api/statements?q=%F0%9F%92%A5")]
    [InlineData("/api/paths/shortest?from=&to=")]
    [InlineData("/api/paths/shortest?from=white-house&to=gustavo-petro")]
    [InlineData("/api/timeline?from=2026-02-03T00:00")]
    [InlineData("/api/graph?actor=&depth=")]
    [InlineData("/api/sources/%20")]
    public async Task Malformed_input_never_causes_a_server_error(string url)
    {
        var (response, body) = await Send(url);
        using (response)
        {
            Assert.True((int)response.StatusCode < 500, $"GET {url} → {(int)response.StatusCode}: {body}");
            if (!response.IsSuccessStatusCode)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Fact]
    public async Task The_seed_is_still_intact_after_hostile_input()
    {
        (await Send("/api/actors/%27%3B%20MATCH%20(n)%20DETACH%20DELETE%20n%20--")).Response.Dispose();
        (await Send("/api/actors?q=%27%20OR%201%3D1%20--")).Response.Dispose();

        var actors = await GetJson<PageOf<ActorSummary>>("/api/actors?pageSize=1");
        Assert.Equal(SeedDoc.Actors.Count, actors.Total);
    }

    // ---------------------------------------------------------------- helpers

    private static readonly HashSet<string> HttpMethods = ["get", "put", "post", "delete", "patch"];

    private static readonly string[] ApiPaths =
    [
        "/api/actors", "/api/actors/{id}", "/api/actors/{id}/relationships", "/api/actors/{id}/network",
        "/api/actors/{id}/events", "/api/actors/{id}/co-participants", "/api/actors/{id}/statements", "/api/actors/{id}/sanctions",
        "/api/events", "/api/events/{id}", "/api/sanctions", "/api/statements", "/api/paths/shortest",
        "/api/timeline", "/api/graph", "/api/sources", "/api/sources/{id}", "/health/live", "/health/ready",
    ];

    private static KnowledgeDocument SeedDoc => RepositoryFiles.Seed;

    private static string Article => ArticleText.Value;

    private static readonly Lazy<string> ArticleText = new(RepositoryFiles.ReadArticle);

    private static IEnumerable<string> SeedNodeIds()
    {
        var d = RepositoryFiles.Seed;
        return d.Actors.Select(x => x.Id).Concat(d.Places.Select(x => x.Id)).Concat(d.Events.Select(x => x.Id))
            .Concat(d.Sanctions.Select(x => x.Id)).Concat(d.Statements.Select(x => x.Id)).Concat(d.Figures.Select(x => x.Id))
            .Concat(d.Programs.Select(x => x.Id));
    }

    private static void AssertEdgesChainTheNodes(PathResult path)
    {
        for (var i = 0; i < path.Edges.Count; i++)
        {
            var ends = new[] { path.Edges[i].From, path.Edges[i].To }.Order(StringComparer.Ordinal);
            Assert.Equal(new[] { path.Nodes[i].Id, path.Nodes[i + 1].Id }.Order(StringComparer.Ordinal), ends);
        }
    }

    /// <summary>Lower case without diacritics, the way a reader compares names.</summary>
    private static string Fold(string text)
    {
        var letters = text.Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return new string([.. letters]).ToLowerInvariant();
    }

    /// <summary>Every response: never a 500, never a stack trace.</summary>
    private async Task<(HttpResponseMessage Response, string Body)> Send(string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode != 500, $"GET {url} → 500: {body}");
        Assert.False(StackTraceLine().IsMatch(body), $"GET {url} leaks a stack trace: {body}");
        return (response, body);
    }

    private async Task<T> GetJson<T>(string url)
    {
        var (response, body) = await Send(url);
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} → {(int)response.StatusCode}: {body}");
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            return JsonSerializer.Deserialize<T>(body, Json) ?? throw new InvalidOperationException($"GET {url} returned null.");
        }
    }

    /// <summary>A list that is not paged, <c>{items, limit, truncated}</c>, which must hold every item.</summary>
    private async Task<List<T>> GetItems<T>(string url)
    {
        var list = await GetJson<CappedOf<T>>(url);
        Assert.True(list.Limit > 0, $"GET {url}: no limit");
        Assert.False(list.Truncated, $"GET {url}: truncated");
        return list.Items;
    }

    private async Task<JsonDocument> GetDocument(string url)
    {
        var (response, body) = await Send(url);
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} → {(int)response.StatusCode}: {body}");
            return JsonDocument.Parse(body);
        }
    }

    /// <summary>Asserts an RFC 9457 problem with this status and exactly these <c>errors</c> keys (none for 404s).</summary>
    private async Task<JsonElement> GetProblem(string url, HttpStatusCode status, params string[] errorKeys)
    {
        var (response, body) = await Send(url);
        using (response)
        {
            Assert.True(response.StatusCode == status, $"GET {url}: expected {(int)status}, got {(int)response.StatusCode}: {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            Assert.Equal((int)status, root.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
            if (errorKeys.Length == 0)
            {
                Assert.False(root.TryGetProperty("errors", out _), $"GET {url}: unexpected errors in {body}");
            }
            else
            {
                var errors = root.GetProperty("errors");
                Assert.Equal(errorKeys.Order(StringComparer.Ordinal), errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
                Assert.All(errors.EnumerateObject(), e => Assert.All(e.Value.EnumerateArray(), m => Assert.False(string.IsNullOrWhiteSpace(m.GetString()))));
            }

            return root.Clone();
        }
    }

    // A .NET stack frame as it appears in text: "   at Namespace.Type.Method(...)".
    [GeneratedRegex(@"(^|\\n|\n)\s+at [\w.`<>]+\.[\w<>]+\(", RegexOptions.Multiline)]
    private static partial Regex StackTraceLine();
}

/// <summary>One service per test class: started on first use by whichever test comes first, disposed with the class.</summary>
public sealed class ApiHost : IDisposable
{
    private readonly object gate = new();
    private Task<HttpClient>? started;
    private DiplomacyGraphFactory? factory;

    public Task<HttpClient> ClientAsync(Func<Task<DiplomacyGraphFactory>> create)
    {
        lock (gate)
        {
            return started ??= StartAsync(create);
        }
    }

    public void Dispose()
    {
        if (started is { IsCompletedSuccessfully: true })
        {
            started.Result.Dispose();
        }

        factory?.Dispose();
    }

    private async Task<HttpClient> StartAsync(Func<Task<DiplomacyGraphFactory>> create)
    {
        factory = await create();
        return factory.CreateClient();
    }
}

/// <summary>The contract on the embedded store, on a database file of its own.</summary>
public sealed class EmbeddedApiTests(ApiHost host) : ApiContract(host), IClassFixture<ApiHost>
{
    protected override Task<DiplomacyGraphFactory> CreateFactoryAsync() => Task.FromResult(DiplomacyGraphFactory.Embedded());
}

/// <summary>The contract on Neo4j, emptied before the service seeds it.</summary>
[Collection("neo4j")]
public sealed class Neo4jApiTests(ApiHost host, Neo4jServer server) : ApiContract(host), IClassFixture<ApiHost>
{
    protected override async Task<DiplomacyGraphFactory> CreateFactoryAsync()
    {
        await server.ResetAsync();
        return DiplomacyGraphFactory.Neo4j(server.HttpUri, server.User, server.Password);
    }
}

// The wire shapes the tests read, kept apart from the service's DTOs so that a renamed field fails here.
#pragma warning disable CA1812 // Instantiated by System.Text.Json.
internal sealed record PageOf<T>(List<T> Items, int Page, int PageSize, int Total);
internal sealed record CappedOf<T>(List<T> Items, int Limit, bool Truncated);
internal sealed record Evidence(string SourceId, string Text);
internal sealed record NodeRef(string Id, string Label, string Name, string? Kind);
internal sealed record ActorSummary(string Id, string Kind, string Name, List<string> Aliases, string? Description);
internal sealed record Office(string? Title, string? Status, NodeRef In, List<Evidence> Evidence);
internal sealed record ActorDetail(string Id, string Kind, string Name, List<Office> Offices, Dictionary<string, int> RelationshipCounts, List<Evidence> Evidence);
internal sealed record Relationship(string Id, string Type, string Direction, Dictionary<string, JsonElement> Properties, List<Evidence> Evidence, NodeRef Other);
internal sealed record Node(string Id, string Label, string Name, string? Kind, List<Evidence> Evidence);
internal sealed record Edge(string Id, string Type, string From, string To, Dictionary<string, JsonElement> Properties, List<Evidence> Evidence);
internal sealed record Network(string ActorId, int Depth, bool Truncated, List<Node> Nodes, List<Edge> Edges);
internal sealed record ActorEvent(NodeRef Event, string? Date, string? Role, string? Side, string? Title, List<Evidence> Evidence);
internal sealed record CoParticipant(NodeRef Actor, List<NodeRef> Events);
internal sealed record Statement(string Id, string Text, string? Quote, string Medium, string? Date, List<NodeRef> Speakers, List<NodeRef> About, NodeRef? MadeAt, List<Evidence> Evidence);
internal sealed record SanctionParty(NodeRef Actor, string? Scope, List<Evidence> Evidence);
internal sealed record Sanction(string Id, string Kind, string Description, List<SanctionParty> ImposedBy, List<SanctionParty> Targets, List<Evidence> Evidence);
internal sealed record EventSummary(string Id, string Kind, string Title, string? Date, List<NodeRef> Places);
internal sealed record Participant(NodeRef Actor, string? Role, string? Title, List<Evidence> Evidence);
internal sealed record SideGroup(string Side, List<Participant> Participants);
internal sealed record EventDetail(string Id, string Kind, string Title, string? Date, List<NodeRef> Places, List<SideGroup> Sides, List<Statement> Statements, List<Evidence> Evidence);
internal sealed record PathResult(string From, string To, int MaxDepth, bool Found, int? Length, List<Node> Nodes, List<Edge> Edges);
internal sealed record TimelineEntry(string? Date, string Type, string Id, string Title, List<NodeRef> Actors, List<Evidence> Evidence);
internal sealed record Source(string Id, string Title, string Outlet, string? Published, string? Edited, string? File);
internal sealed record SupportedNode(NodeRef Node, List<string> Sentences);
internal sealed record Health(string Status, Dictionary<string, string> Checks);
internal sealed record SourceDetail(Source Source, List<SupportedNode> Nodes, List<Edge> Edges);
#pragma warning restore CA1812
