using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Contract;
using DiplomacyGraph.Tests.Infrastructure;
using DiplomacyGraph.Tests.Model;

namespace DiplomacyGraph.Tests.Resolution;

/// <summary>
/// Entity resolution over real HTTP, on every store: candidates, judgements, merges and their undo. The Petro file is
/// imported without its mapping file, so its Petro is a second node the resolution must find. Each test starts a seeded
/// service of its own.
/// </summary>
public abstract class ResolutionContract : ServedContract
{
    private const string Petro = "gustavo-petro", FtmPetro = "ftm-nk-petro", OfacSanction = "ftm-ofac-sanction-petro";

    /// <summary>The OFAC dataset of the test file as its own source: each dataset export is versioned by its newest last_seen.</summary>
    private const string OfacSource = "ftm-us-ofac-sdn-v20251120t0800";

    [Fact]
    public async Task Petro_from_an_unmapped_FtM_file_is_the_top_candidate_merges_into_one_Petro_and_the_undo_restores_both()
    {
        await ImportFtm(File.ReadAllText(FtmImportContract.TestFile));
        var seedBefore = await Raw($"/api/actors/{Petro}");
        var ftmBefore = await Raw($"/api/actors/{FtmPetro}");

        var candidates = await Get<PageView<CandidateView>>("/api/resolution/candidates?label=actor&pageSize=100");
        Assert.Equal(candidates.Items.OrderByDescending(c => c.Score).Select(c => c.Score), candidates.Items.Select(c => c.Score));
        var top = candidates.Items.First(c => c.A.Id == FtmPetro || c.B.Id == FtmPetro);
        Assert.True(top.A.Id == Petro || top.B.Id == Petro, string.Join("\n", candidates.Items.Select(c => $"{c.A.Id} {c.B.Id} {c.Score} {string.Join(";", c.Reasons)}")));
        Assert.Equal([FtmPetro, Petro], new[] { top.A.Id, top.B.Id }.Order(StringComparer.Ordinal));
        Assert.Contains(top.Reasons, r => r.StartsWith("name: ", StringComparison.Ordinal) && r.Contains("petro", StringComparison.Ordinal));
        Assert.InRange(top.Score, 0.5, 1);

        var judged = await Judge(FtmPetro, Petro, "same");

        Assert.Equal((Petro, FtmPetro), (judged.Canonical, judged.Merged));
        var merged = await Get<ActorView>($"/api/actors/{FtmPetro}");
        Assert.Equal(Petro, merged.Id);
        Assert.Equal([FtmPetro], merged.SameAs);
        Assert.Equal("Gustavo Petro", merged.Name);
        var found = await Get<PageView<NodeView>>("/api/actors?q=Petro%20Urrego&pageSize=100");
        Assert.Equal([Petro], found.Items.Select(a => a.Id));
        Assert.Equal([Petro], (await Get<PageView<NodeView>>("/api/actors?q=Gustavo&pageSize=100")).Items.Select(a => a.Id));
        // His OFAC sanction hangs on the canonical node, and the merged id answers as a filter and in a path.
        var sanctions = (await Get<CappedView<NodeView>>($"/api/actors/{Petro}/sanctions?role=target")).Items;
        Assert.Contains(OfacSanction, sanctions.Select(s => s.Id));
        Assert.Contains(OfacSanction, (await Get<PageView<NodeView>>($"/api/sanctions?target={FtmPetro}")).Items.Select(s => s.Id));
        // In force on 2026-01-01 (it began 2025-10-24), asked under the merged id.
        Assert.Contains(OfacSanction, (await Get<CappedView<NodeView>>($"/api/actors/{FtmPetro}/sanctions?role=target&activeOn=2026-01-01")).Items.Select(s => s.Id));
        using (var path = await Client.GetAsync(new Uri($"/api/paths/shortest?from={FtmPetro}&to=donald-trump", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, path.StatusCode);
        }
        Assert.DoesNotContain((await Get<PageView<CandidateView>>("/api/resolution/candidates?pageSize=100")).Items,
            c => c.A.Id == FtmPetro || c.B.Id == FtmPetro);
        // The merged id is taken: a new node cannot have it.
        using (var taken = await Send(HttpMethod.Post, "/api/actors", new
        {
            id = FtmPetro, kind = "person", name = "Someone else", evidence = "A sentence.", sourceId = "vermelho-2026-02-04-petro-trump",
        }))
        {
            Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        }
        // A re-import of the file lands on the canonical node and changes nothing.
        using (var again = JsonDocument.Parse(await ImportFtm(File.ReadAllText(FtmImportContract.TestFile))))
        {
            Assert.Empty(again.RootElement.GetProperty("nodes").GetProperty("updated").EnumerateArray());
            Assert.Empty(again.RootElement.GetProperty("relationships").GetProperty("updated").EnumerateArray());
        }

        await Undo(FtmPetro, Petro);

        Assert.Equal(seedBefore, await Raw($"/api/actors/{Petro}"));
        Assert.Equal(ftmBefore, await Raw($"/api/actors/{FtmPetro}"));
        Assert.DoesNotContain(OfacSanction, (await Get<CappedView<NodeView>>($"/api/actors/{Petro}/sanctions?role=target")).Items.Select(s => s.Id));
    }

    [Fact]
    public async Task After_an_undo_a_fact_imported_under_the_merged_id_returns_to_it_and_one_written_to_the_canonical_id_stays()
    {
        await ImportFtm(File.ReadAllText(FtmImportContract.TestFile));
        await Judge(Petro, FtmPetro, "same");

        await ImportFtm("""{"id":"ofac-sanction-petro-2","schema":"Sanction","caption":"A second listing","properties":{"entity":["NK-petro"],"authority":["Office of Foreign Assets Control"],"program":["TEST"],"startDate":["2025-11-01"]},"datasets":["us_ofac_sdn"],"first_seen":"2025-11-01T00:00:00","last_seen":"2025-11-20T08:00:00"}""");
        using (var created = await Send(HttpMethod.Post, "/api/relationships", new
        {
            type = "CRITIC_OF", from = Petro, to = "donald-trump", evidence = "Petro criticised Trump.", sourceId = OfacSource,
        }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        Assert.Contains("ftm-ofac-sanction-petro-2", (await Get<CappedView<NodeView>>($"/api/actors/{Petro}/sanctions?role=target")).Items.Select(s => s.Id));

        await Undo(Petro, FtmPetro);

        var ftm = (await Get<CappedView<NodeView>>($"/api/actors/{FtmPetro}/sanctions?role=target")).Items.Select(s => s.Id).ToList();
        Assert.Contains("ftm-ofac-sanction-petro-2", ftm);
        Assert.Contains(OfacSanction, ftm);
        Assert.DoesNotContain("ftm-ofac-sanction-petro-2", (await Get<CappedView<NodeView>>($"/api/actors/{Petro}/sanctions?role=target")).Items.Select(s => s.Id));
        using var critic = await Client.GetAsync(new Uri($"/api/relationships/{Petro}/CRITIC_OF/donald-trump", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, critic.StatusCode);
    }

    [Fact]
    public async Task LLC_CST_and_its_Russian_registry_record_are_proposed_as_one_pair_and_not_same_keeps_them_apart()
    {
        await ImportFtm(ZalaExcerpt);

        var pair = (await Get<PageView<CandidateView>>("/api/resolution/candidates?minScore=0.3&pageSize=100")).Items
            .Single(c => new[] { c.A.Id, c.B.Id }.Order(StringComparer.Ordinal).SequenceEqual(["ftm-nk-abdzbebkqyt29gyrebiurz", "ftm-ru-inn-5920040846"]));
        // "ЦСТ" reads "TsST" (AnyAscii) and "CST" (ISO 9): either meets the other record's names, legal forms aside.
        Assert.Contains(pair.Reasons, r => r.StartsWith("name: ", StringComparison.Ordinal) && r.Split(' ').Contains("cst"));
        Assert.True(pair.Score >= 0.7, $"{pair.Score}");

        await Judge("ftm-ru-inn-5920040846", "ftm-nk-abdzbebkqyt29gyrebiurz", "not-same");
        await ImportFtm(ZalaExcerpt.Replace("2026-04-23", "2026-04-24", StringComparison.Ordinal));

        Assert.DoesNotContain((await Get<PageView<CandidateView>>("/api/resolution/candidates?pageSize=100")).Items,
            c => c.A.Id == "ftm-ru-inn-5920040846" || c.B.Id == "ftm-ru-inn-5920040846");

        // Undoing the judgement proposes the pair again.
        await Undo("ftm-nk-abdzbebkqyt29gyrebiurz", "ftm-ru-inn-5920040846");
        Assert.Contains((await Get<PageView<CandidateView>>("/api/resolution/candidates?pageSize=100")).Items, c => c.B.Id == "ftm-ru-inn-5920040846");
    }

    [Fact]
    public async Task Candidates_are_paged_best_first_and_filtered_by_score_and_bad_parameters_are_400()
    {
        await ImportFtm(File.ReadAllText(FtmImportContract.TestFile));

        var all = await Get<PageView<CandidateView>>("/api/resolution/candidates?pageSize=100");
        var high = await Get<PageView<CandidateView>>("/api/resolution/candidates?minScore=0.6&pageSize=100");
        var second = await Get<PageView<CandidateView>>("/api/resolution/candidates?page=2&pageSize=1");

        Assert.True(all.Total >= 2, $"{all.Total}");
        Assert.Equal(all.Items.Where(c => c.Score >= 0.6).Select(c => (c.A.Id, c.B.Id)), high.Items.Select(c => (c.A.Id, c.B.Id)));
        Assert.Equal((all.Items[1].A.Id, all.Items[1].B.Id), (Assert.Single(second.Items).A.Id, second.Items[0].B.Id));
        Assert.All(all.Items, c => Assert.True(string.CompareOrdinal(c.A.Id, c.B.Id) < 0));
        foreach (var bad in new[] { "minScore=2", "label=event", "pageSize=1000" })
        {
            using var reply = await Client.GetAsync(new Uri($"/api/resolution/candidates?{bad}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
        }
    }

    [Fact]
    public async Task In_yentes_real_zala_fixture_LLC_CST_and_ru_inn_5920040846_are_proposed_as_one_pair()
    {
        await ImportFtm(File.ReadAllText(Path.Combine(Stores.RepositoryRoot(), "tests", "DiplomacyGraph.Tests", "Data", "yente", "zala.entities.ftm.json")));

        var candidates = (await Get<PageView<CandidateView>>("/api/resolution/candidates?pageSize=100")).Items;

        var pair = candidates.Single(c => (c.A.Id, c.B.Id) == ("ftm-nk-abdzbebkqyt29gyrebiurz", "ftm-ru-inn-5920040846"));
        Assert.Contains(pair.Reasons, r => r.StartsWith("name: ", StringComparison.Ordinal) && r.Split(' ').Contains("cst"));
    }

    [Fact]
    public async Task Bad_judgements_are_refused_with_problems_and_write_nothing()
    {
        using (var unknown = await Send(HttpMethod.Post, "/api/resolution/judgements", new { a = "gustavo-petr", b = Petro, judgement = "same" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            using var problem = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync());
            Assert.Contains(Petro, problem.RootElement.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        }
        using (var itself = await Send(HttpMethod.Post, "/api/resolution/judgements", new { a = Petro, b = Petro, judgement = "same" }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, itself.StatusCode);
        }
        using (var labels = await Send(HttpMethod.Post, "/api/resolution/judgements", new { a = Petro, b = "us-sanctions-on-gustavo-petro", judgement = "same" }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, labels.StatusCode);
        }
        using (var bad = await Send(HttpMethod.Post, "/api/resolution/judgements", new { a = Petro, b = "donald-trump", judgement = "maybe" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }
        await Judge(Petro, "donald-trump", "unsure");
        using (var again = await Send(HttpMethod.Post, "/api/resolution/judgements", new { a = "donald-trump", b = Petro, judgement = "same" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }
        Assert.Equal(Petro, (await Get<ActorView>($"/api/actors/{Petro}")).Id);
        Assert.Equal("donald-trump", (await Get<ActorView>("/api/actors/donald-trump")).Id);
        using (var none = await Send(HttpMethod.Delete, $"/api/resolution/judgements/{Petro}/nicolas-maduro", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }
        await Undo("donald-trump", Petro);
        await Judge(Petro, "donald-trump", "not-same");
    }

    /// <summary>The two companies of yente's zala fixture (Data/yente), cut to their names and registry facts.</summary>
    private const string ZalaExcerpt = """
        {"id":"NK-abdzbEBkqyT29GyREbiURZ","caption":"LLC CST","schema":"Company","properties":{"name":["LLC CST","Общество с ограниченной ответственностью \"ЦСТ\"","Zala Aero Group"],"alias":["TsST","ООО ЦСТ","ZALA Aero LLC"],"jurisdiction":["ru"],"innCode":["1841015504"]},"datasets":["zala_test"],"first_seen":"2023-02-24T00:00:00","last_seen":"2026-04-23T23:36:27"}
        {"id":"ru-inn-5920040846","caption":"ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ \"ЦСТ\"","schema":"Company","properties":{"name":["ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ \"ЦСТ\""],"jurisdiction":["ru"],"innCode":["5920040846"]},"datasets":["zala_test"],"first_seen":"2025-12-30T14:29:03","last_seen":"2026-04-23T23:36:27"}
        """;

    private async Task<string> ImportFtm(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/import/ftm", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/x-ndjson")),
        };
        request.Headers.Add("X-Api-Key", Key);
        using var reply = await Client.SendAsync(request);
        var text = await reply.Content.ReadAsStringAsync();
        Assert.True(reply.StatusCode == HttpStatusCode.OK, text);
        return text;
    }

    private async Task<JudgementView> Judge(string a, string b, string judgement)
    {
        using var reply = await Send(HttpMethod.Post, "/api/resolution/judgements", new { a, b, judgement });
        var text = await reply.Content.ReadAsStringAsync();
        Assert.True(reply.StatusCode == HttpStatusCode.OK, text);
        return JsonSerializer.Deserialize<JudgementView>(text, Json)!;
    }

    private async Task Undo(string a, string b)
    {
        using var reply = await Send(HttpMethod.Delete, $"/api/resolution/judgements/{a}/{b}", null);
        Assert.Equal(HttpStatusCode.NoContent, reply.StatusCode);
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string url, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (body is not null) request.Content = JsonContent.Create(body);
        request.Headers.Add("X-Api-Key", Key);
        return await Client.SendAsync(request);
    }

    private async Task<string> Raw(string url)
    {
        using var reply = await Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        return await reply.Content.ReadAsStringAsync();
    }


    public sealed record NodeView(string Id, string? Name);
    public sealed record PageView<T>(List<T> Items, int Total);
    public sealed record CappedView<T>(List<T> Items);
    public sealed record CandidateView(NodeView A, NodeView B, double Score, List<string> Reasons);
    public sealed record JudgementView(string A, string B, string Judgement, string? Canonical, string? Merged, bool Automatic);
    public sealed record ActorView(string Id, string Name, List<string> Aliases, List<string>? SameAs);
}

public sealed class EmbeddedResolutionTests : ResolutionContract
{
    protected override Task<DiplomacyGraphFactory> CreateFactoryAsync() => Task.FromResult(DiplomacyGraphFactory.Embedded(WriteSettings));
}

/// <summary>With Resolution:AutoMergeScore set, a pair scoring over it merges without a judgement, and undoes like one.</summary>
public sealed class EmbeddedAutoMergeScoreTests : ResolutionContractAutoMerge
{
    protected override Task<DiplomacyGraphFactory> CreateFactoryAsync() => Task.FromResult(DiplomacyGraphFactory.Embedded(AutoMergeSettings));
}

[Collection("neo4j")]
public sealed class Neo4jAutoMergeScoreTests(Neo4jServer server) : ResolutionContractAutoMerge
{
    protected override async Task<DiplomacyGraphFactory> CreateFactoryAsync()
    {
        await server.ResetAsync();
        return DiplomacyGraphFactory.Neo4j(server.HttpUri, server.User, server.Password, AutoMergeSettings);
    }
}

[Collection("neo4j")]
public sealed class Neo4jResolutionTests(Neo4jServer server) : ResolutionContract
{
    protected override async Task<DiplomacyGraphFactory> CreateFactoryAsync()
    {
        await server.ResetAsync();
        return DiplomacyGraphFactory.Neo4j(server.HttpUri, server.User, server.Password, WriteSettings);
    }
}

/// <summary>The resolution suite's service with <c>Resolution:AutoMergeScore</c> at 0.7.</summary>
public abstract class ResolutionContractAutoMerge : ServedContract
{
    /// <summary>Writes allowed, and pairs scoring 0.7 or more merged as they arrive.</summary>
    protected static Dictionary<string, string?> AutoMergeSettings
    {
        get
        {
            var settings = WriteSettings;
            settings["Resolution:AutoMergeScore"] = "0.7";
            return settings;
        }
    }

    [Fact]
    public async Task A_pair_scoring_over_the_threshold_merges_on_import_and_undoes_like_a_judgement()
    {
        using (var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/import/ftm", UriKind.Relative))
        {
            Content = new StringContent(File.ReadAllText(FtmImportContract.TestFile), Encoding.UTF8, new MediaTypeHeaderValue("application/x-ndjson")),
        })
        {
            request.Headers.Add("X-Api-Key", Key);
            using var imported = await Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        using (var merged = JsonDocument.Parse(await Client.GetStringAsync(new Uri("/api/actors/ftm-nk-petro", UriKind.Relative))))
        {
            Assert.Equal("gustavo-petro", merged.RootElement.GetProperty("id").GetString());
        }
        using (var undo = new HttpRequestMessage(HttpMethod.Delete, new Uri("/api/resolution/judgements/gustavo-petro/ftm-nk-petro", UriKind.Relative)))
        {
            undo.Headers.Add("X-Api-Key", Key);
            using var reply = await Client.SendAsync(undo);
            Assert.Equal(HttpStatusCode.NoContent, reply.StatusCode);
        }
        using var back = JsonDocument.Parse(await Client.GetStringAsync(new Uri("/api/actors/ftm-nk-petro", UriKind.Relative)));
        Assert.Equal("ftm-nk-petro", back.RootElement.GetProperty("id").GetString());
    }
}
