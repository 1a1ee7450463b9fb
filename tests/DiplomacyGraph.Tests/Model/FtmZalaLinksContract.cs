using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Contract;
using DiplomacyGraph.Tests.Infrastructure;

namespace DiplomacyGraph.Tests.Model;

/// <summary>
/// yente's real <c>zala</c> fixture (Data/yente) over real HTTP, on every store: money and control (OWNS,
/// DIRECTOR_OF), sanctions in force by <c>startDate ?? listingDate ?? date ?? first_seen</c>, one OFAC actor, programmes.
/// Each test starts a service of its own and imports the whole file.
/// </summary>
public abstract class FtmZalaLinksContract : ServedContract
{
    private const string Zakharov = "ftm-nk-au5ybkbrfjucf8ymwsjvdw", Cst = "ftm-nk-abdzbebkqyt29gyrebiurz", CstByTaxNumber = "ftm-ru-inn-5920040846";

    public static string ZalaFile => Path.Combine(Stores.RepositoryRoot(), "tests", "DiplomacyGraph.Tests", "Data", "yente", "zala.entities.ftm.json");

    protected static Dictionary<string, string?> Settings => WriteSettings;

    [Fact]
    public async Task Zakharov_owns_LLC_CST_and_its_tax_number_twin_directs_it_and_his_shortest_path_to_it_is_that_ownership()
    {
        await ImportZala();

        // Three Ownership records of the pair (50 % and 48 % until 2023, 51 % open) are one OWNS: the open stake, with every record as evidence.
        var owns = await Get<EdgeView>($"/api/relationships/{Zakharov}/OWNS/{Cst}");
        Assert.Equal(new Dictionary<string, string> { ["percentage"] = "51", ["shares"] = "6624.16", ["start"] = "2015-11-25" }, Texts(owns.Properties));
        Assert.Equal(3, owns.Evidence.Single().Text.Split("FollowTheMoney Ownership '").Length - 1);
        Assert.Contains("Ownership 'ru-dfe0a021cb69f99e198bb8cbbcb93e81130b32a7': owner 'NK-aU5ybkbRFJucf8YMwsJvDw'", owns.Evidence[0].Text, StringComparison.Ordinal);
        var twin = await Get<EdgeView>($"/api/relationships/{Zakharov}/OWNS/{CstByTaxNumber}");
        Assert.Equal(new Dictionary<string, string> { ["percentage"] = "100", ["shares"] = "10000", ["start"] = "2013-06-06", ["end"] = "2019-08-02" }, Texts(twin.Properties));
        var subsidiary = await Get<EdgeView>($"/api/relationships/ftm-nk-nr5axm9avpq4pqaspsavam/OWNS/{Cst}");
        Assert.Equal("subsidiary of", Texts(subsidiary.Properties)["relation"]);

        var directs = await Get<EdgeView>($"/api/relationships/{Zakharov}/DIRECTOR_OF/{Cst}");
        Assert.Equal(new Dictionary<string, string> { ["role"] = "Leader or official of" }, Texts(directs.Properties));
        var executive = await Get<EdgeView>($"/api/relationships/{Zakharov}/DIRECTOR_OF/ftm-nk-siywwfxwlvrvefswsvavsm");
        Assert.Equal(new Dictionary<string, string> { ["role"] = "Исполнительный директор", ["start"] = "2005-07-11" }, Texts(executive.Properties));

        var owned = (await Get<CappedView<RelationshipView>>($"/api/actors/{Zakharov}/relationships?type=OWNS&direction=out")).Items;
        // Ten Ownership records name him as owner, of eight companies.
        Assert.Equal(8, owned.Count);
        Assert.Contains(owned, r => r.Other.Id == Cst && r.Other.Name != null);

        var path = await Get<PathView>($"/api/paths/shortest?from={Zakharov}&to={Cst}");
        Assert.Equal((true, 1), (path.Found, path.Length));
        Assert.Equal(("OWNS", Zakharov, Cst), (path.Edges[0].Type, path.Edges[0].From, path.Edges[0].To));
        // Companies he is tied to only by ownership are in his network.
        var network = await Get<NetworkView>($"/api/actors/{Zakharov}/network?depth=1");
        Assert.Contains("ftm-nk-cwsvgmvufnh5kwev88fwta", network.Nodes.Select(n => n.Id));
    }

    [Fact]
    public async Task Twelve_of_Zakharovs_13_sanctions_are_in_force_on_2026_01_01_his_OFAC_listing_from_its_first_seen_day()
    {
        await ImportZala();

        var all = await Get<PageView<SanctionView>>($"/api/sanctions?target={Zakharov}&pageSize=100");
        var inForce = await Get<PageView<SanctionView>>($"/api/sanctions?target={Zakharov}&activeOn=2026-01-01&pageSize=100");

        Assert.Equal(13, all.Total);
        // The one left out: the EU travel ban, which gives no date and was first seen on 2026-01-26.
        Assert.Equal(12, inForce.Total);
        Assert.Equal(["ftm-eu-tb-c6be3a8ba704f289ea9d87e4195162d935c45326"], all.Items.Select(s => s.Id).Except(inForce.Items.Select(s => s.Id)));
        var ofac = inForce.Items.Single(s => s.Id == "ftm-ofac-927f7a4547f68cd05570180fed763dd2d5d8eca7");
        Assert.Equal(("2023-11-02", true, "2023-11-02"), (ofac.Start, ofac.StartInferred, ofac.InForce.Since));
        Assert.NotNull(ofac.InForce.Note);
        Assert.Equal("ofac", Assert.Single(ofac.ImposedBy).Actor.Id);
        Assert.Contains(ofac.Evidence, e => e.Text.Contains("first_seen “2023-11-02”", StringComparison.Ordinal)
            && e.Text.Contains("authorityId “45937”", StringComparison.Ordinal)
            && e.Text.Contains("sourceUrl https://www.treasury.gov/resource-center/sanctions/Pages/default.aspx", StringComparison.Ordinal));
        // A sanction with a date of its own is not marked inferred.
        Assert.All(inForce.Items.Where(s => s.Id.StartsWith("ftm-ch-seco-", StringComparison.Ordinal)), s => Assert.False(s.StartInferred));
    }

    [Fact]
    public async Task OFAC_is_one_actor_the_Ukrainian_services_two_and_programmes_list_and_filter_their_sanctions()
    {
        await ImportZala();

        // 3 SDN listings say "Office of Foreign Assets Control", 5 SAM exclusions say "OFAC": one actor imposed all 8.
        var byOfac = await Get<PageView<SanctionView>>("/api/sanctions?imposer=ofac&pageSize=100");
        Assert.Equal(8, byOfac.Total);
        Assert.Equal("Office of Foreign Assets Control", (await Get<ActorView>("/api/actors/ofac")).Name);
        foreach (var split in new[] { "office-of-foreign-assets-control-us", "ofac-us", "office-of-foreign-assets-control", "x" })
        {
            using var missing = await Client.GetAsync(new Uri($"/api/actors/{split}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
        Assert.Equal("ГУР МО України", (await Get<ActorView>("/api/actors/gur-mo-ukraini-ua")).Name);
        Assert.Equal("Служба безпеки України", (await Get<ActorView>("/api/actors/sluzhba-bezpeki-ukraini-ua")).Name);

        var programs = await Get<PageView<ProgramView>>("/api/programs?pageSize=100");
        Assert.Equal(["AU-RUSSIA", "CA-SEMA", "EU-UKR", "GB-RUS", "NZ-RSA2022", "SECO-UKRAINE", "UA-SA1644", "UA-WS-MILIND", "UA-WS-UAVS", "US-BIS-EL", "US-RUSHAR"],
            programs.Items.Where(p => p.Id.StartsWith("ftm-program-", StringComparison.Ordinal)).Select(p => p.Name).Order(StringComparer.Ordinal));
        var rushar = programs.Items.Single(p => p.Name == "US-RUSHAR");
        Assert.Equal("ftm-program-us-rushar", rushar.Id);
        Assert.Equal(3, rushar.Sanctions.Count);

        var under = await Get<PageView<SanctionView>>("/api/sanctions?program=ftm-program-us-rushar&pageSize=100");
        Assert.Equal(rushar.Sanctions.Select(s => s.Id).Order(StringComparer.Ordinal), under.Items.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.All(under.Items, s => Assert.Equal("ftm-program-us-rushar", Assert.Single(s.UnderProgram).Id));
        var his = await Get<PageView<SanctionView>>($"/api/sanctions?program=ftm-program-us-rushar&target={Zakharov}");
        Assert.Equal(["ftm-ofac-927f7a4547f68cd05570180fed763dd2d5d8eca7"], his.Items.Select(s => s.Id));
        Assert.Equal(3, (await Get<PageView<SanctionView>>("/api/sanctions?program=ftm-program-us-rushar&imposer=ofac")).Total);
        // Belgium's, the EU's and France's listings of him all give EU-UKR.
        Assert.Equal(3, (await Get<PageView<SanctionView>>($"/api/sanctions?program=ftm-program-eu-ukr&target={Zakharov}")).Total);
        using var unknown = await Client.GetAsync(new Uri("/api/sanctions?program=ftm-program-nowhere", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Payments_unknown_links_and_representations_become_PAID_and_LINKED_TO_with_their_properties()
    {
        // A hand-written snippet in FollowTheMoney's shape: the zala file has none of these schemata.
        string Line(string id, string schema, string properties) =>
            $$"""{"id":"{{id}}","schema":"{{schema}}","properties":{{{properties}}},"datasets":["links_test"],"first_seen":"2025-01-02T00:00:00","last_seen":"2025-06-01T00:00:00"}""";
        var lines = new[]
        {
            Line("co-a", "Company", "\"name\":[\"Alpha Trading\"]"),
            Line("co-b", "Company", "\"name\":[\"Beta Holdings\"]"),
            Line("pe-c", "Person", "\"name\":[\"Carla Agent\"]"),
            Line("pay-1", "Payment", "\"payer\":[\"co-a\"],\"beneficiary\":[\"co-b\"],\"amount\":[\"125000\"],\"currency\":[\"USD\"],\"date\":[\"2024-05-17\"],\"purpose\":[\"Consulting fees\"]"),
            Line("link-1", "UnknownLink", "\"subject\":[\"co-a\"],\"object\":[\"pe-c\"],\"role\":[\"Shared address\"]"),
            Line("rep-1", "Representation", "\"agent\":[\"pe-c\"],\"client\":[\"co-b\"],\"role\":[\"Registered agent\"]"),
        };
        await Import(string.Join('\n', lines));

        var paid = await Get<EdgeView>("/api/relationships/ftm-co-a/PAID/ftm-co-b");
        Assert.Equal(new Dictionary<string, string> { ["amount"] = "125000", ["currency"] = "USD", ["date"] = "2024-05-17", ["purpose"] = "Consulting fees" }, Texts(paid.Properties));
        Assert.StartsWith("FollowTheMoney Payment 'pay-1': payer 'co-a' (Alpha Trading), beneficiary 'co-b' (Beta Holdings)", paid.Evidence.Single().Text, StringComparison.Ordinal);
        Assert.Equal("Shared address", Texts((await Get<EdgeView>("/api/relationships/ftm-co-a/LINKED_TO/ftm-pe-c")).Properties)["role"]);
        Assert.Equal("Registered agent", Texts((await Get<EdgeView>("/api/relationships/ftm-pe-c/LINKED_TO/ftm-co-b")).Properties)["role"]);
        // Both count in paths: Alpha reaches Beta through its payment, and through the agent in two hops.
        var path = await Get<PathView>("/api/paths/shortest?from=ftm-co-a&to=ftm-co-b");
        Assert.Equal((1, "PAID"), (path.Length, path.Edges[0].Type));
        var network = await Get<NetworkView>("/api/actors/ftm-pe-c/network?depth=1");
        Assert.Equal(["ftm-co-a", "ftm-co-b", "ftm-pe-c"], network.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Zakharovs_four_relatives_in_the_whole_file_are_sanctioned()
    {
        await ImportZala();

        var family = (await Get<CappedView<FamilyView>>($"/api/actors/{Zakharov}/family")).Items;

        Assert.Equal(["Lavrentiy Aleksandrovich ZAKHAROV", "Maria Aleksandrovna Osetrova", "Nikita Aleksandrovich Zakharov", "Svetlana Nikolaevna Zakharova"],
            family.Select(f => f.Member.Actor.Name).Order(StringComparer.Ordinal));
        Assert.All(family, f => Assert.True(f.Sanctioned, f.Member.Actor.Name));
    }

    [Fact]
    public async Task A_second_import_of_the_file_creates_and_updates_nothing()
    {
        var first = await ImportZala();
        var again = await ImportZala();

        Assert.NotEmpty(first.Relationships.Created);
        Assert.Equal((0, 0, 0, 0), (again.Nodes.Created.Count, again.Nodes.Updated.Count, again.Relationships.Created.Count, again.Relationships.Updated.Count));
    }

    private static Dictionary<string, string> Texts(Dictionary<string, JsonElement> properties) =>
        properties.ToDictionary(p => p.Key, p => p.Value.GetString()!);

    private async Task<FtmResultView> ImportZala() => await Import(await File.ReadAllTextAsync(ZalaFile));

    private async Task<FtmResultView> Import(string ndjson)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/import/ftm", UriKind.Relative))
        {
            Content = new StringContent(ndjson, Encoding.UTF8, new MediaTypeHeaderValue("application/x-ndjson")),
        };
        request.Headers.Add("X-Api-Key", Key);
        using var reply = await Client.SendAsync(request);
        var text = await reply.Content.ReadAsStringAsync();
        Assert.True(reply.StatusCode == HttpStatusCode.OK, text);
        return JsonSerializer.Deserialize<FtmResultView>(text, Json)!;
    }

    public sealed record EvidenceView(string SourceId, string Text);
    public sealed record ActorRef(string Id, string? Name);
    public sealed record ActorView(string Id, string Name);
    public sealed record PageView<T>(List<T> Items, int Total);
    public sealed record CappedView<T>(List<T> Items, int Limit, bool Truncated);
    public sealed record EdgeView(string Id, string Type, string From, string To, Dictionary<string, JsonElement> Properties, List<EvidenceView> Evidence);
    public sealed record RelationshipView(string Type, ActorRef Other, Dictionary<string, JsonElement> Properties);
    public sealed record PathView(bool Found, int? Length, List<EdgeView> Edges);
    public sealed record NetworkView(List<ActorRef> Nodes);
    public sealed record PartyView(ActorRef Actor);
    public sealed record InForceView(string? Since, string? Until, string? Note);
    public sealed record SanctionView(string Id, string? Start, bool StartInferred, InForceView InForce, List<PartyView> ImposedBy, List<ActorRef> UnderProgram, List<EvidenceView> Evidence);
    public sealed record FamilyMemberView(ActorRef Actor, string Relation);
    public sealed record FamilyView(FamilyMemberView Member, bool Sanctioned);
    public sealed record ProgramView(string Id, string Name, List<ActorRef> Sanctions);
    public sealed record ChangesView(List<string> Created, List<string> Updated, List<string> Unchanged);
    public sealed record FtmResultView(ChangesView Nodes, ChangesView Relationships);
}

public sealed class EmbeddedFtmZalaLinksTests : FtmZalaLinksContract
{
    protected override Task<DiplomacyGraphFactory> CreateFactoryAsync() => Task.FromResult(DiplomacyGraphFactory.Embedded(Settings));
}

[Collection("neo4j")]
public sealed class Neo4jFtmZalaLinksTests(Neo4jServer server) : FtmZalaLinksContract
{
    protected override async Task<DiplomacyGraphFactory> CreateFactoryAsync()
    {
        await server.ResetAsync();
        return DiplomacyGraphFactory.Neo4j(server.HttpUri, server.User, server.Password, Settings);
    }
}
