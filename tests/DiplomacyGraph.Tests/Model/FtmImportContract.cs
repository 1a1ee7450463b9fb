using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Contract;
using DiplomacyGraph.Tests.Infrastructure;

namespace DiplomacyGraph.Tests.Model;

/// <summary>
/// FollowTheMoney import over real HTTP, on every store: the hand-written OFAC/PEP test file (Data/ftm) linked into the
/// seed by its mapping file, and the three questions of issue 11 it lets the API answer in one call each.
/// Each test starts a seeded service of its own, so imports never meet.
/// </summary>
public abstract class FtmImportContract : ServedContract
{
    // The OFAC dataset's source is named and dated by the mapping file; the PEP dataset's is its export, dated by its newest last_seen.
    private const string Ofac = "ftm-us-ofac-sdn-test", Peps = "ftm-co-peps-test-v20251120t0800";
    private const string Wife = "ftm-nk-alcocer", Son = "ftm-nk-nicolas-petro", Benedetti = "ftm-nk-benedetti";

    public static string DataFile(string name) => Path.Combine(Stores.RepositoryRoot(), "tests", "DiplomacyGraph.Tests", "Data", "ftm", name);

    public static string TestFile => DataFile("ofac-petro-2025.ftm.ndjson");

    protected static Dictionary<string, string?> Settings => new(WriteSettings)
    {
        ["FollowTheMoney:MappingFile"] = DataFile("ofac-petro-2025.mapping.json"),
    };

    // ---------------------------------------------------------------- the three questions (two here; claims are not built)

    [Fact]
    public async Task Petros_family_members_and_which_are_sanctioned_is_one_call_with_evidence_and_source()
    {
        await ImportOk(File.ReadAllText(TestFile));

        var family = (await Get<CappedView<RelativeView>>("/api/actors/gustavo-petro/family")).Items;

        Assert.Equal([(Wife, "spouse"), (Son, "child")], family.Select(f => (f.Member.Actor.Id, f.Member.Relation)).OrderBy(f => f.Id, StringComparer.Ordinal));
        Assert.All(family, f =>
        {
            Assert.True(f.Sanctioned);
            var sanction = Assert.Single(f.Sanctions);
            Assert.Equal("ILLICIT-DRUGS-EO14059", sanction.Program);
            Assert.Equal("ftm-nk-ofac", Assert.Single(sanction.ImposedBy).Actor.Id);
            Assert.Contains(sanction.Evidence, e => e.SourceId == Ofac && e.Text.StartsWith("FollowTheMoney Sanction 'ofac-sanction-", StringComparison.Ordinal));
        });
        var wife = family.Single(f => f.Member.Actor.Id == Wife).Member;
        Assert.Equal([new EvidenceView(Ofac,
            "FollowTheMoney Family 'fam-petro-alcocer': relative 'NK-alcocer' (Verónica del Socorro Alcocer García) is person 'NK-petro' (Gustavo Francisco Petro Urrego)'s “wife” (properties person, relative, relationship).")],
            wife.Evidence);
        // And from the other end: Petro is the son's parent.
        var son = await Get<ActorPageView>($"/api/actors/{Son}");
        Assert.Equal(("gustavo-petro", "parent"), (Assert.Single(son.Family).Actor.Id, son.Family[0].Relation));
        var petro = await Get<ActorPageView>("/api/actors/gustavo-petro");
        Assert.Equal((Benedetti, "political ally"), (Assert.Single(petro.Associates).Actor.Id, petro.Associates[0].Relation));
    }

    [Fact]
    public async Task Sanctions_on_Petro_in_force_on_2026_02_03_are_one_call_with_their_programme_and_source()
    {
        await ImportOk(File.ReadAllText(TestFile));

        var active = (await Get<CappedView<SanctionView>>("/api/actors/gustavo-petro/sanctions?role=target&activeOn=2026-02-03")).Items;

        // The seed's four measures on Petro carry no date, so they are in force on no day; the visa revocation began before.
        Assert.Equal(["ftm-ofac-sanction-petro", "ftm-state-visa-petro"], active.Select(s => s.Id).Order(StringComparer.Ordinal));
        var ofac = active.Single(s => s.Id == "ftm-ofac-sanction-petro");
        Assert.Equal(("ILLICIT-DRUGS-EO14059", "Office of Foreign Assets Control", "2025-10-24", "financial"), (ofac.Program, ofac.Authority, ofac.InForce.Since, ofac.Kind));
        Assert.All(active, s => Assert.Contains(s.Evidence, e => e.SourceId == Ofac));
        Assert.Equal(["ftm-state-visa-petro"], (await Get<CappedView<SanctionView>>("/api/actors/gustavo-petro/sanctions?role=target&activeOn=2025-10-01")).Items.Select(s => s.Id));
        var seedSanction = await Get<SanctionView>("/api/sanctions/us-sanctions-on-gustavo-petro");
        Assert.Equal((null, "No start, listing or imposition date is known, so this sanction counts as in force on no day."), (seedSanction.InForce.Since, seedSanction.InForce.Note));
        // The lifted test listing: listed 2011-05, ended 2012 (the whole year).
        var old = await Get<PageView<SanctionView>>("/api/sanctions?activeOn=2012-12-31");
        Assert.Equal(["ftm-test-sanction-lifted"], old.Items.Select(s => s.Id));
        Assert.Equal(("lifted", "2012"), (old.Items[0].Status, old.Items[0].End));
        Assert.Empty((await Get<PageView<SanctionView>>("/api/sanctions?activeOn=2013-01-01&target=ftm-nk-benedetti")).Items);
    }

    // ---------------------------------------------------------------- import behaviour

    [Fact]
    public async Task The_file_merges_into_the_seed_through_the_mapping_and_a_reimport_changes_nothing()
    {
        var first = await ImportOk(File.ReadAllText(TestFile));

        Assert.Equal([Peps, Ofac], first.SourceIds.Order(StringComparer.Ordinal));
        Assert.Equal(27, first.Entities);
        Assert.Equal(new Dictionary<string, int> { ["Address"] = 2, ["Identification"] = 1 }, first.SkippedSchemata);
        Assert.Equal(new Dictionary<string, string> { ["NK-petro"] = "gustavo-petro" }, first.Mapped);
        Assert.DoesNotContain("gustavo-petro", first.Nodes.Created.Concat(first.Nodes.Updated));
        Assert.Contains(Wife, first.Nodes.Created);
        Assert.Contains("colombia", first.Nodes.Updated);
        // Spouses are one symmetric tie, stored from the smaller id.
        Assert.Contains($"{Wife}:FAMILY_OF:gustavo-petro", first.Relationships.Created);
        Assert.Contains($"{Son}:FAMILY_OF:gustavo-petro", first.Relationships.Created);
        var petro = await Get<ActorPageView>("/api/actors/gustavo-petro");
        Assert.Equal("Gustavo Petro", petro.Name);
        var found = await Get<PageView<ActorRef>>("/api/actors?q=gustavo&pageSize=100");
        Assert.Equal(["gustavo-petro"], found.Items.Select(a => a.Id));

        var again = await ImportOk(File.ReadAllText(TestFile));

        Assert.Empty(again.Nodes.Created);
        Assert.Empty(again.Nodes.Updated);
        Assert.Empty(again.Relationships.Created);
        Assert.Empty(again.Relationships.Updated);
        // A node two batches write (a source, a country) is counted in each: compare the ids.
        Assert.Equal(first.Nodes.Created.Concat(first.Nodes.Updated).Concat(first.Nodes.Unchanged).Distinct().Order(StringComparer.Ordinal), again.Nodes.Unchanged.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(first.Relationships.Created.Concat(first.Relationships.Updated).Order(StringComparer.Ordinal), again.Relationships.Unchanged.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Occupancies_become_offices_with_their_dates_and_status()
    {
        await ImportOk(File.ReadAllText(TestFile));

        var benedetti = await Get<ActorPageView>($"/api/actors/{Benedetti}");

        Assert.Equal("Armando Alberto Benedetti Villaneda", benedetti.Name);
        Assert.Contains("Armando Benedetti", benedetti.Aliases);
        var offices = benedetti.Offices.ToDictionary(o => o.In.Id);
        Assert.Equal(("Minister of the Interior", "current", "2025-03", null), (offices["ftm-nk-mininterior"].Title, offices["ftm-nk-mininterior"].Status, offices["ftm-nk-mininterior"].Since, offices["ftm-nk-mininterior"].Until));
        Assert.Equal(("Ambassador of Colombia to Venezuela", "former", "2022-08", "2023-06"), (offices["ftm-nk-embassy-ve"].Title, offices["ftm-nk-embassy-ve"].Status, offices["ftm-nk-embassy-ve"].Since, offices["ftm-nk-embassy-ve"].Until));
        Assert.All(benedetti.Offices, o => Assert.Contains(o.Evidence, e => e.SourceId == Peps && e.Text.StartsWith("FollowTheMoney Occupancy '", StringComparison.Ordinal)));
        var relationships = (await Get<CappedView<RelationshipView>>($"/api/actors/{Son}/relationships?type=MEMBER_OF")).Items;
        Assert.Equal(("ftm-nk-asamblea-atlantico", "deputy"), (Assert.Single(relationships).Other.Id, relationships[0].Properties["role"].GetString()));
    }

    [Fact]
    public async Task As_of_a_day_the_actor_page_relationships_and_network_keep_what_held_then_and_mark_the_undated()
    {
        await ImportOk(File.ReadAllText(TestFile));

        var in2023 = await Get<ActorPageView>($"/api/actors/{Benedetti}?asOf=2023-01-15");
        var in2025 = await Get<ActorPageView>($"/api/actors/{Benedetti}?asOf=2025-03-01");

        Assert.Equal(["ftm-nk-embassy-ve"], in2023.Offices.Select(o => o.In.Id));
        Assert.Equal(["ftm-nk-mininterior"], in2025.Offices.Select(o => o.In.Id));
        Assert.All(in2025.Offices, o => Assert.False(o.Undated));
        // Petro's seed office is undated, so it is kept on any day, and marked.
        var petro = await Get<ActorPageView>("/api/actors/rosa-villavicencio?asOf=1990-01-01");
        Assert.True(Assert.Single(petro.Offices).Undated);

        var son2021 = (await Get<CappedView<RelationshipView>>($"/api/actors/{Son}/relationships?asOf=2021-06-30")).Items;
        var son2024 = (await Get<CappedView<RelationshipView>>($"/api/actors/{Son}/relationships?asOf=2024-01-01")).Items;
        Assert.Contains(son2021, r => r.Type == "MEMBER_OF" && !r.Undated);
        Assert.DoesNotContain(son2024, r => r.Type == "MEMBER_OF");
        Assert.Contains(son2024, r => r.Type == "FAMILY_OF" && r.Undated);
        Assert.Equal(son2021.Count - 1, son2024.Count);

        var network2024 = await Get<NetworkView>($"/api/actors/{Son}/network?depth=1&asOf=2024-01-01");
        var network = await Get<NetworkView>($"/api/actors/{Son}/network?depth=1");
        Assert.Contains("ftm-nk-asamblea-atlantico", network.Nodes.Select(n => n.Id));
        Assert.DoesNotContain("ftm-nk-asamblea-atlantico", network2024.Nodes.Select(n => n.Id));
        Assert.Equal(network.Nodes.Count - 1, network2024.Nodes.Count);
        Assert.Equal("2024-01-01", network2024.AsOf);

        using var bad = await Client.GetAsync(new Uri($"/api/actors/{Son}?asOf=2024-13-01", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Malformed_lines_are_reported_by_number_and_nothing_is_imported()
    {
        var lines = File.ReadAllLines(TestFile);
        lines[2] = "{\"id\": \"NK-broken\", \"schema\": \"Person\", \"properties\": {\"name\": \"not a list\"}}";
        lines[4] = "{not json";

        using var reply = await Post(string.Join('\n', lines));

        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
        using var problem = JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal(["line 3", "line 5"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("'name' that is not a list of strings", errors.GetProperty("line 3")[0].GetString(), StringComparison.Ordinal);
        using var wife = await Client.GetAsync(new Uri($"/api/actors/{Wife}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, wife.StatusCode);
    }

    [Fact]
    public async Task Another_content_type_is_refused_with_415_and_an_unknown_reference_is_skipped_naming_its_FtM_id_and_line()
    {
        using var json = await Post(File.ReadAllText(TestFile), "application/json");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);

        var dangling = await ImportOk("""{"id":"fam-x","schema":"Family","properties":{"person":["NK-nobody"],"relative":["NK-alcocer"],"relationship":["wife"]},"datasets":["d"],"last_seen":"2025-11-20T08:00:00"}""");
        Assert.Equal(new Dictionary<string, int> { ["dangling-reference"] = 1 }, dangling.Skipped.Reasons);
        var skipped = Assert.Single(dangling.Skipped.Records);
        Assert.Equal(("fam-x", 1, "dangling-reference"), (skipped.Id, skipped.Line, skipped.Reason));
        Assert.Contains("'NK-nobody'", skipped.Detail, StringComparison.Ordinal);
        Assert.Empty(dangling.Relationships.Created);
    }

    // Here, not in FtmStreamContract, whose five-line batches would make this file 201 transactions (27 s on Neo4j).
    [Fact]
    public async Task Past_the_cap_the_answer_counts_ids_instead_of_listing_them()
    {
        var persons = Enumerable.Range(0, 1004).Select(i =>
            $$"""{"id":"gen-{{i:D4}}","schema":"Person","properties":{"name":["Person {{i}}"]},"datasets":["gen"],"last_seen":"2024-06-01T00:00:00"}""");

        var result = await ImportOk(string.Join("\n", persons));

        Assert.Equal(1005, result.Nodes.Counts.Created);
        Assert.Equal(1000, result.Nodes.Created.Count);
        Assert.Equal(1004, result.Entities);
    }

    private async Task<FtmResultView> ImportOk(string body)
    {
        using var reply = await Post(body);
        var text = await reply.Content.ReadAsStringAsync();
        Assert.True(reply.StatusCode == HttpStatusCode.OK, text);
        return JsonSerializer.Deserialize<FtmResultView>(text, Json)!;
    }

    private async Task<HttpResponseMessage> Post(string body, string contentType = "application/x-ndjson")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/import/ftm", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType)),
        };
        request.Headers.Add("X-Api-Key", Key);
        return await Client.SendAsync(request);
    }

    public sealed record EvidenceView(string SourceId, string Text);
    public sealed record ActorRef(string Id, string Name);
    public sealed record PageView<T>(List<T> Items, int Total);
    public sealed record CappedView<T>(List<T> Items, int Limit, bool Truncated);
    public sealed record MemberView(ActorRef Actor, string Relation, List<EvidenceView> Evidence);
    public sealed record RelativeView(MemberView Member, List<SanctionView> Sanctions, bool Sanctioned);
    public sealed record AssociateView(ActorRef Actor, string? Relation);
    public sealed record OfficeView(string? Title, string? Status, string? Since, string? Until, ActorRef In, List<EvidenceView> Evidence, bool Undated);
    public sealed record NetworkView(List<ActorRef> Nodes, string? AsOf);
    public sealed record ActorPageView(string Id, string Name, List<string> Aliases, List<OfficeView> Offices, List<MemberView> Family, List<AssociateView> Associates);
    public sealed record PartyView(ActorRef Actor);
    public sealed record InForceView(string? Since, string? Until, string? Note);
    public sealed record SanctionView(string Id, string Kind, string? Program, string? Authority, string? Status, string? End, InForceView InForce,
        List<PartyView> ImposedBy, List<EvidenceView> Evidence);
    public sealed record RelationshipView(string Type, ActorRef Other, Dictionary<string, JsonElement> Properties, bool Undated);
    public sealed record CountsView(int Created, int Updated, int Unchanged);
    public sealed record ChangesView(List<string> Created, List<string> Updated, List<string> Unchanged, CountsView Counts);
    public sealed record CountedView(List<string> Ids, int Count);
    public sealed record WithdrawnView(CountedView NodesDeleted, CountedView NodesUpdated, CountedView RelationshipsDeleted, CountedView RelationshipsUpdated);
    public sealed record SkippedRecordView(string Id, int Line, string Reason, string Detail);
    public sealed record SkippedView(int Count, Dictionary<string, int> Reasons, List<SkippedRecordView> Records);
    public sealed record FtmResultView(List<string> SourceIds, ChangesView Nodes, ChangesView Relationships, WithdrawnView Withdrawn, int Entities, int Batches,
        Dictionary<string, int> SkippedSchemata, SkippedView Skipped, Dictionary<string, string> Mapped, List<string> Notes);
}

public sealed class EmbeddedFtmImportTests : FtmImportContract
{
    protected override Task<DiplomacyGraphFactory> CreateFactoryAsync() => Task.FromResult(DiplomacyGraphFactory.Embedded(Settings));
}

[Collection("neo4j")]
public sealed class Neo4jFtmImportTests(Neo4jServer server) : FtmImportContract
{
    protected override async Task<DiplomacyGraphFactory> CreateFactoryAsync()
    {
        await server.ResetAsync();
        return DiplomacyGraphFactory.Neo4j(server.HttpUri, server.User, server.Password, Settings);
    }
}
