using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Contract;
using DiplomacyGraph.Tests.Infrastructure;

namespace DiplomacyGraph.Tests.Model;

/// <summary>
/// A faithful import of FollowTheMoney actors, over real HTTP on every store, on real OpenSanctions data (Data/yente):
/// the display name is the caption, every other name an alias, weak aliases findable; topics, identifiers, birth
/// data and nationalities kept with their claims; <c>?topic=</c> filters; a relative carrying the sanction topic is
/// sanctioned. Each test starts a seeded service of its own.
/// </summary>
public abstract class FtmActorsContract : ServedContract
{
    private const string Zakharov = "ftm-nk-au5ybkbrfjucf8ymwsjvdw", LlcCst = "ftm-nk-abdzbebkqyt29gyrebiurz", Lavrentiy = "ftm-nk-huajuia3vtkxf6v2x6myns";

    private static readonly string[] IsilNames = ["ISIS", "Daesh", "Islamic State"];

    public static string YenteFile(string name) => Path.Combine(Stores.RepositoryRoot(), "tests", "DiplomacyGraph.Tests", "Data", "yente", name);

    public static string Zala => YenteFile("zala.entities.ftm.json");

    /// <summary>The persons, companies, families and the passport of the zala file: its actors and their family ties.</summary>
    public static string ZalaActors => YenteFile("zala.actors.ftm.json");

    protected static Dictionary<string, string?> Settings => WriteSettings;

    [Fact]
    public async Task LLC_CST_is_shown_by_its_caption_with_every_other_name_as_an_alias_and_found_by_its_weak_aliases()
    {
        await ImportOk(File.ReadAllText(ZalaActors));

        var cst = await Get<ActorView>($"/api/actors/{LlcCst}");

        Assert.Equal("LLC CST", cst.Name);
        Assert.Contains("Товариство з обмеженою відповідальністю \"ЦСТ\"", cst.Aliases);
        Assert.Contains("Limited Liability Company Zala Aero", cst.Aliases);
        Assert.DoesNotContain("LLC CST", cst.Aliases);
        Assert.Contains("ZALA", cst.WeakAliases);
        Assert.Contains("TsST LLC", cst.WeakAliases);
        Assert.DoesNotContain(cst.WeakAliases, cst.Aliases.Contains);
        var byWeakAlias = await Get<PageView<ActorView>>("/api/actors?q=tsst%20llc&pageSize=100");
        Assert.Equal(LlcCst, byWeakAlias.Items[0].Id);
        Assert.Contains("TsST LLC", byWeakAlias.Items[0].WeakAliases);
    }

    [Fact]
    public async Task Zakharovs_four_relatives_are_sanctioned_by_their_topic_even_on_a_day_no_sanction_is_in_force()
    {
        await ImportOk(File.ReadAllText(Zala));

        var family = (await Get<CappedView<RelativeView>>($"/api/actors/{Zakharov}/family?activeOn=1990-01-01")).Items;

        Assert.Equal(4, family.Count);
        Assert.All(family, member =>
        {
            Assert.Empty(member.Sanctions);
            Assert.Contains("sanction", member.Topics);
            Assert.True(member.Sanctioned, member.Member.Actor.Id);
        });
    }

    [Fact]
    public async Task A_relative_without_the_sanction_topic_is_sanctioned_only_on_the_days_a_sanction_on_them_is_in_force()
    {
        const string file = """
            {"id":"fam-a","schema":"Person","caption":"Padre Prueba","properties":{"name":["Padre Prueba"]},"datasets":["family_test"],"last_seen":"2025-11-20T08:00:00"}
            {"id":"fam-b","schema":"Person","caption":"Hija Prueba","properties":{"name":["Hija Prueba"]},"datasets":["family_test"],"last_seen":"2025-11-20T08:00:00"}
            {"id":"fam-c","schema":"Person","caption":"Hijo Prueba","properties":{"name":["Hijo Prueba"],"topics":["role.rca"]},"datasets":["family_test"],"last_seen":"2025-11-20T08:00:00"}
            {"id":"fam-ab","schema":"Family","properties":{"person":["fam-a"],"relative":["fam-b"],"relationship":["daughter"]},"datasets":["family_test"],"last_seen":"2025-11-20T08:00:00"}
            {"id":"fam-ac","schema":"Family","properties":{"person":["fam-a"],"relative":["fam-c"],"relationship":["son"]},"datasets":["family_test"],"last_seen":"2025-11-20T08:00:00"}
            {"id":"sanc-b","schema":"Sanction","properties":{"entity":["fam-b"],"authority":["Test Authority"],"program":["TEST"],"startDate":["2020-01-01"]},"datasets":["family_test"],"last_seen":"2025-11-20T08:00:00"}
            """;
        await ImportOk(file);

        async Task<Dictionary<string, bool>> Sanctioned(string query) =>
            (await Get<CappedView<RelativeView>>($"/api/actors/ftm-fam-a/family{query}")).Items.ToDictionary(m => m.Member.Actor.Id, m => m.Sanctioned);

        Assert.Equal(new Dictionary<string, bool> { ["ftm-fam-b"] = false, ["ftm-fam-c"] = false }, await Sanctioned("?activeOn=2019-06-01"));
        Assert.Equal(new Dictionary<string, bool> { ["ftm-fam-b"] = true, ["ftm-fam-c"] = false }, await Sanctioned("?activeOn=2021-06-01"));
        Assert.Equal(new Dictionary<string, bool> { ["ftm-fam-b"] = true, ["ftm-fam-c"] = false }, await Sanctioned(""));
        var son = (await Get<CappedView<RelativeView>>("/api/actors/ftm-fam-a/family")).Items.Single(m => m.Member.Actor.Id == "ftm-fam-c");
        Assert.Equal(["role.rca"], son.Topics);
    }

    [Fact]
    public async Task Zakharovs_identifiers_birth_data_and_nationality_are_kept_with_their_claims_per_source()
    {
        await ImportOk(File.ReadAllText(ZalaActors));

        var zakharov = await Get<ActorView>($"/api/actors/{Zakharov}?claims=all");

        Assert.Equal("Alexander Vyacheslavovich ZAKHAROV", zakharov.Name);
        Assert.Contains(new IdentifierView("inn", "183111242406", "ru"), zakharov.Identifiers);
        Assert.Contains(new IdentifierView("tax", "183111242406", "ru"), zakharov.Identifiers);
        Assert.Contains(new IdentifierView("sam-uei", "RSCWQEZSPEN9", "us"), zakharov.Identifiers);
        Assert.Equal(("1965-09-21", "male", "ru"), (zakharov.BirthDate, zakharov.Gender, Assert.Single(zakharov.Nationalities)));
        Assert.NotNull(zakharov.BirthPlace);
        Assert.Equal(["debarment", "corp.disqual", "sanction"], zakharov.Topics);
        // Each of his datasets is a source claiming the fields; referents stay internal.
        var claimed = zakharov.Claims!.Where(c => c.Field == "identifiers").Select(c => c.SourceId).ToList();
        Assert.True(claimed.Count > 1, string.Join(", ", claimed));
        Assert.Contains(zakharov.Claims!, c => c.Field == "topics");
        Assert.Contains(zakharov.Claims!, c => c.Field == "birthDate" && c.Value.GetString() == "1965-09-21");
        Assert.DoesNotContain(zakharov.Claims!, c => c.Field == "referents");
        // His son's passport number, with the country his nationality gives.
        var lavrentiy = await Get<ActorView>($"/api/actors/{Lavrentiy}");
        Assert.Contains(new IdentifierView("passport", "089132114", "ru"), lavrentiy.Identifiers);
    }

    [Fact]
    public async Task Topic_filters_actors_by_name_and_pages_as_any_list_does()
    {
        await ImportOk(File.ReadAllText(ZalaActors));
        var expected = Parties(ZalaActors).Where(p => p.Topics.Contains("sanction")).OrderBy(p => Text.Fold(p.Name), StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();

        var all = await Get<PageView<ActorView>>("/api/actors?topic=sanction&pageSize=100");
        var first = await Get<PageView<ActorView>>("/api/actors?topic=sanction&pageSize=4");
        var second = await Get<PageView<ActorView>>("/api/actors?topic=sanction&pageSize=4&page=2");
        var persons = await Get<PageView<ActorView>>("/api/actors?topic=sanction&kind=person&pageSize=100");
        var found = await Get<PageView<ActorView>>("/api/actors?q=zakharov&topic=sanction&pageSize=100");

        Assert.Equal(expected.Select(p => p.Id), all.Items.Select(a => a.Id));
        Assert.Equal(expected.Count, all.Total);
        Assert.Equal(expected.Count, first.Total);
        Assert.Equal(all.Items.Take(8).Select(a => a.Id), first.Items.Concat(second.Items).Select(a => a.Id));
        Assert.Equal(expected.Where(p => p.Schema == "Person").Select(p => p.Id), persons.Items.Select(a => a.Id));
        Assert.All(found.Items, a => Assert.Contains("sanction", a.Topics));
        Assert.Contains(Zakharov, found.Items.Select(a => a.Id));
        Assert.Empty((await Get<PageView<ActorView>>("/api/actors?topic=role.pep")).Items);
        using var bad = await Client.GetAsync(new Uri("/api/actors?topic=Not%20A%20Topic", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task A_second_import_of_the_actors_changes_nothing_and_keeps_their_topic_keys()
    {
        var first = await ImportOk(File.ReadAllText(ZalaActors));
        var again = await ImportOk(File.ReadAllText(ZalaActors));

        Assert.NotEmpty(first.Nodes.Created);
        Assert.Empty(again.Nodes.Created);
        Assert.Empty(again.Nodes.Updated);
        Assert.Empty(again.Relationships.Created);
        Assert.Empty(again.Relationships.Updated);
        var expected = Parties(ZalaActors).Count(p => p.Topics.Contains("sanction"));
        Assert.Equal(expected, (await Get<PageView<ActorView>>("/api/actors?topic=sanction&pageSize=100")).Total);
    }

    [Fact]
    public async Task A_passport_gives_its_holder_an_identifier_and_a_topic_leaves_with_the_actor()
    {
        const string file = """
            {"id":"p-1","schema":"Person","caption":"Ana Prueba","properties":{"name":["Ana Prueba","Ana P."],"topics":["role.pep"],"nationality":["co"]},"datasets":["passports_test"],"last_seen":"2025-11-20T08:00:00"}
            {"id":"pass-1","schema":"Passport","caption":"Passport","properties":{"holder":["p-1"],"number":["PA123"],"country":["CO"]},"datasets":["passports_test"],"last_seen":"2025-11-20T08:00:00"}
            {"id":"pass-2","schema":"Passport","caption":"Passport","properties":{"holder":["p-1"]},"datasets":["passports_test"],"last_seen":"2025-11-20T08:00:00"}
            {"id":"pass-3","schema":"Passport","caption":"Passport","properties":{"holder":["p-2"],"number":["PB456"]},"datasets":["passports_test"],"last_seen":"2025-11-20T08:00:00"}
            {"id":"p-2","schema":"Person","caption":"Beto Prueba","properties":{"name":["Beto Prueba"],"nationality":["pe"],"idNumber":["DNI 789"]},"datasets":["passports_test"],"last_seen":"2025-11-20T08:00:00"}
            """;
        var result = await ImportOk(file);

        var ana = await Get<ActorView>("/api/actors/ftm-p-1");
        Assert.Equal(("Ana Prueba", "Ana P."), (ana.Name, Assert.Single(ana.Aliases)));
        Assert.Equal([new IdentifierView("passport", "PA123", "co")], ana.Identifiers);
        Assert.Contains(result.Notes, n => n.Contains("Passport 'pass-2' has no number", StringComparison.Ordinal));
        // A passport read before its holder: the holder's record is written with it, issued by the holder's nationality.
        var beto = await Get<ActorView>("/api/actors/ftm-p-2");
        Assert.Equal([new IdentifierView("national-id", "DNI 789", "pe"), new IdentifierView("passport", "PB456", "pe")],
            beto.Identifiers.OrderBy(i => i.Scheme, StringComparer.Ordinal));
        Assert.Equal(["ftm-p-1"], (await Get<PageView<ActorView>>("/api/actors?topic=role.pep")).Items.Select(a => a.Id));

        using var delete = new HttpRequestMessage(HttpMethod.Delete, new Uri("/api/actors/ftm-p-1?cascade=true", UriKind.Relative));
        delete.Headers.Add("X-Api-Key", Key);
        using var deleted = await Client.SendAsync(delete);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty((await Get<PageView<ActorView>>("/api/actors?topic=role.pep")).Items);
    }

    [Fact]
    public async Task A_caption_that_is_only_the_schemas_label_is_no_name()
    {
        // FollowTheMoney captions a nameless entity with its schema's label; such an entity is refused or skipped
        // (whichever the import does with records without a name), never an actor called "Person".
        using var reply = await Send(HttpMethod.Post, "/api/import/ftm",
            """{"id":"nameless","schema":"Person","caption":"Person","properties":{"birthDate":["1970"]},"datasets":["nameless_test"],"last_seen":"2025-11-20T08:00:00"}""",
            "application/x-ndjson");
        using var actor = await Client.GetAsync(new Uri("/api/actors/ftm-nameless", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, actor.StatusCode);
        Assert.Contains("no name", await reply.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ISIS_Daesh_and_Islamic_State_find_the_ISIL_organisation_shown_by_its_caption()
    {
        // The plain entity of the delta file's record for ISIL (a MOD record: {"op": …, "entity": …}).
        var line = File.ReadLines(YenteFile("entities.delta.json")).First(l => l.Contains("\"NK-2T3S8Hu29ktYnKSTgQp2wL\"", StringComparison.Ordinal));
        var entity = JsonNode.Parse(line)!["entity"]!.ToJsonString();
        await ImportOk(entity);

        var isil = await Get<ActorView>("/api/actors/ftm-nk-2t3s8hu29ktynkstgqp2wl");
        Assert.Equal("AL-QAIDA IN IRAQ", isil.Name);
        Assert.True(isil.Aliases.Count > 50, $"{isil.Aliases.Count} aliases");
        Assert.Equal(["sanction", "crime.terror"], isil.Topics);
        foreach (var q in IsilNames)
        {
            var found = await Get<PageView<ActorView>>($"/api/actors?q={Uri.EscapeDataString(q)}&pageSize=100");
            Assert.Contains(isil.Id, found.Items.Select(a => a.Id));
        }
    }

    [Fact]
    public async Task An_actor_written_through_the_API_keeps_its_new_fields_and_a_bad_one_is_a_400_naming_its_path()
    {
        var body = new JsonObject
        {
            ["id"] = "api-actor-fields", ["kind"] = "person", ["name"] = "Campo Prueba", ["weakAliases"] = new JsonArray("CP"),
            ["topics"] = new JsonArray("role.pep"), ["birthDate"] = "1970-05", ["birthPlace"] = "Bogotá", ["gender"] = "female",
            ["nationalities"] = new JsonArray("co"),
            ["identifiers"] = new JsonArray(new JsonObject { ["scheme"] = "national-id", ["value"] = "CC 123", ["country"] = "co" }),
            ["evidence"] = "Campo Prueba was named.", ["sourceId"] = "vermelho-2026-02-04-petro-trump",
        };
        using (var created = await Send(HttpMethod.Post, "/api/actors", body.ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var actor = await Get<ActorView>("/api/actors/api-actor-fields");
        Assert.Equal(("CP", "role.pep", "co"), (Assert.Single(actor.WeakAliases), Assert.Single(actor.Topics), Assert.Single(actor.Nationalities)));
        Assert.Equal(("1970-05", "Bogotá", "female"), (actor.BirthDate, actor.BirthPlace, actor.Gender));
        Assert.Equal([new IdentifierView("national-id", "CC 123", "co")], actor.Identifiers);
        Assert.Equal(["api-actor-fields"], (await Get<PageView<ActorView>>("/api/actors?q=cp&topic=role.pep")).Items.Select(a => a.Id));

        body["id"] = "api-actor-bad";
        body["identifiers"] = new JsonArray(new JsonObject { ["scheme"] = "national-id", ["value"] = "CC 123", ["country"] = "Colombia" });
        Assert.Equal(["identifiers[0].country"], await Refused(body));
        body["identifiers"] = new JsonArray();
        body["referents"] = new JsonArray("x");
        // Referents are not part of the write body: only imports give them.
        Assert.Equal(["referents"], await Refused(body));

        async Task<List<string>> Refused(JsonObject write)
        {
            using var refused = await Send(HttpMethod.Post, "/api/actors", write.ToJsonString());
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            return [.. problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name)];
        }
    }

    /// <summary>The parties of an FtM file as the import names them: our id, schema, caption and topics.</summary>
    private static List<(string Id, string Schema, string Name, List<string> Topics)> Parties(string file) =>
        [.. File.ReadLines(file).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!)
            .Where(e => e["schema"]!.GetValue<string>() is "Person" or "Company" or "Organization" or "LegalEntity" or "PublicBody")
            .Select(e => ("ftm-" + e["id"]!.GetValue<string>().ToLowerInvariant(), e["schema"]!.GetValue<string>(), e["caption"]!.GetValue<string>(),
                e["properties"]!["topics"]?.AsArray().Select(t => t!.GetValue<string>()).ToList() ?? []))];

    private async Task<HttpResponseMessage> Send(HttpMethod method, string url, string body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType)),
        };
        request.Headers.Add("X-Api-Key", Key);
        return await Client.SendAsync(request);
    }

    private async Task<FtmImportContract.FtmResultView> ImportOk(string body)
    {
        using var reply = await Send(HttpMethod.Post, "/api/import/ftm", body, "application/x-ndjson");
        var text = await reply.Content.ReadAsStringAsync();
        Assert.True(reply.StatusCode == HttpStatusCode.OK, text);
        return JsonSerializer.Deserialize<FtmImportContract.FtmResultView>(text, Json)!;
    }

    public sealed record IdentifierView(string Scheme, string Value, string? Country);
    public sealed record ClaimView(string Field, JsonElement Value, string SourceId);
    public sealed record ActorView(string Id, string Name, List<string> Aliases, List<string> WeakAliases, List<string> Topics, List<IdentifierView> Identifiers,
        string? BirthDate, string? BirthPlace, string? Gender, List<string> Nationalities, List<ClaimView>? Claims);
    public sealed record PageView<T>(List<T> Items, int Total);
    public sealed record CappedView<T>(List<T> Items);
    public sealed record RelativeView(FtmImportContract.MemberView Member, List<FtmImportContract.SanctionView> Sanctions, List<string> Topics, bool Sanctioned);
}

public sealed class EmbeddedFtmActorsTests : FtmActorsContract
{
    protected override Task<DiplomacyGraphFactory> CreateFactoryAsync() => Task.FromResult(DiplomacyGraphFactory.Embedded(Settings));
}

[Collection("neo4j")]
public sealed class Neo4jFtmActorsTests(Neo4jServer server) : FtmActorsContract
{
    protected override async Task<DiplomacyGraphFactory> CreateFactoryAsync()
    {
        await server.ResetAsync();
        return DiplomacyGraphFactory.Neo4j(server.HttpUri, server.User, server.Password, Settings);
    }
}
