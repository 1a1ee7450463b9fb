using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Contract;
using DiplomacyGraph.Tests.Infrastructure;

namespace DiplomacyGraph.Tests.Model;

/// <summary>
/// Issue 11's third question, "where do two sources disagree about this sanction?", over real HTTP on every store: the
/// FollowTheMoney test file with a mapping that makes its OFAC designation of Petro the seed's sanction. The seed's
/// description is kept beside the designation's, and which one shows does not depend on the order of import.
/// </summary>
public abstract class FtmClaimsContract
{
    private const string Key = "ftm-claims-key-0123456789abcdef";
    private const string Ofac = "ftm-us-ofac-sdn-test";
    private const string Sanction = "us-sanctions-on-gustavo-petro";
    private const string SeedDescription = "Trump imposed sanctions on the Colombian leader, Gustavo Petro. The article does not say what the sanctions consist of.";
    private const string OfacDescription = "Designated under Executive Order 14059 for involvement in the global illicit drug trade.";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A fresh service with these settings (for Neo4j, on an emptied server).</summary>
    protected abstract Task<DiplomacyGraphFactory> CreateFactoryAsync(Dictionary<string, string?> settings);

    private static Dictionary<string, string?> Settings(bool seeded) => new()
    {
        ["Auth:ApiKeys:0"] = Key,
        ["Writes:PermitsPerMinute"] = "1000",
        ["FollowTheMoney:MappingFile"] = FtmImportContract.DataFile("ofac-petro-2025.same-sanction-mapping.json"),
        ["Seed:Enabled"] = seeded ? "true" : "false",
    };

    [Fact]
    public async Task Where_the_seed_and_the_FollowTheMoney_file_disagree_about_a_sanction_is_one_call_whichever_comes_first()
    {
        SanctionClaimsView seedFirst, fileFirst;
        using (var factory = await CreateFactoryAsync(Settings(seeded: true)))
        using (var client = await Ready(factory))
        {
            await Send(client, "/api/import/ftm", File.ReadAllText(FtmImportContract.TestFile), "application/x-ndjson");
            seedFirst = await Get<SanctionClaimsView>(client, $"/api/sanctions/{Sanction}");
        }
        using (var factory = await CreateFactoryAsync(Settings(seeded: false)))
        using (var client = await Ready(factory))
        {
            // The mapping needs its curated Petro: a stub source gives him first, then the file, then the seed article.
            await Send(client, "/api/import", StubPetro, "application/json");
            await Send(client, "/api/import/ftm", File.ReadAllText(FtmImportContract.TestFile), "application/x-ndjson");
            await Send(client, "/api/import", File.ReadAllText(Path.Combine(Stores.RepositoryRoot(), "seed", "000_petro-trump-white-house.json")), "application/json");
            fileFirst = await Get<SanctionClaimsView>(client, $"/api/sanctions/{Sanction}");
        }

        foreach (var answer in new[] { seedFirst, fileFirst })
        {
            // The seed article is the later source: its words show; the designation's are kept, with its source and evidence.
            Assert.Equal(SeedDescription, answer.Description);
            Assert.Equal(
            [
                ("description", OfacDescription, Ofac, false),
                ("description", SeedDescription, "vermelho-2026-02-04-petro-trump", true),
            ], answer.Claims.Select(c => (c.Field, c.Value.GetString(), c.SourceId, c.Shown)));
            // Fields only the designation gives stand: its programme and dates.
            Assert.Equal(("ILLICIT-DRUGS-EO14059", "2025-10-24"), (answer.Program, answer.Start));
            Assert.Contains(answer.Evidence, e => e.SourceId == Ofac && e.Text.StartsWith("FollowTheMoney Sanction 'ofac-sanction-petro'", StringComparison.Ordinal));
            Assert.Contains(answer.Evidence, e => e.SourceId == "vermelho-2026-02-04-petro-trump");
        }
        Assert.Equal(JsonSerializer.Serialize(seedFirst with { Evidence = [.. seedFirst.Evidence.OrderBy(e => e.SourceId, StringComparer.Ordinal)] }),
            JsonSerializer.Serialize(fileFirst with { Evidence = [.. fileFirst.Evidence.OrderBy(e => e.SourceId, StringComparer.Ordinal)] }));
    }

    private const string StubPetro = """
        {
          "source": { "id": "stub-petro", "title": "A stub giving Petro", "outlet": "tests", "published": "2000-01-01" },
          "actors": [{ "id": "gustavo-petro", "kind": "person", "name": "Gustavo Petro", "evidence": "Gustavo Petro." }]
        }
        """;

    private static async Task<HttpClient> Ready(DiplomacyGraphFactory factory)
    {
        var client = factory.CreateClient();
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        return client;
    }

    private static async Task Send(HttpClient client, string url, string body, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType)),
        };
        request.Headers.Add("X-Api-Key", Key);
        using var reply = await client.SendAsync(request);
        Assert.True(reply.StatusCode == HttpStatusCode.OK, $"POST {url}: {(int)reply.StatusCode} {await reply.Content.ReadAsStringAsync()}");
    }

    private static async Task<T> Get<T>(HttpClient client, string url)
    {
        using var reply = await client.GetAsync(new Uri(url, UriKind.Relative));
        var text = await reply.Content.ReadAsStringAsync();
        Assert.True(reply.StatusCode == HttpStatusCode.OK, $"{url}: {(int)reply.StatusCode} {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    public sealed record EvidenceView(string SourceId, string Text);
    public sealed record ClaimView(string Field, JsonElement Value, string SourceId, bool Shown);
    public sealed record SanctionClaimsView(string Id, string Kind, string Description, string? Program, string? Start, List<EvidenceView> Evidence, List<ClaimView> Claims);
}

public sealed class EmbeddedFtmClaimsTests : FtmClaimsContract
{
    protected override Task<DiplomacyGraphFactory> CreateFactoryAsync(Dictionary<string, string?> settings) =>
        Task.FromResult(DiplomacyGraphFactory.Embedded(settings));
}

[Collection("neo4j")]
public sealed class Neo4jFtmClaimsTests(Neo4jServer server) : FtmClaimsContract
{
    protected override async Task<DiplomacyGraphFactory> CreateFactoryAsync(Dictionary<string, string?> settings)
    {
        await server.ResetAsync();
        return DiplomacyGraphFactory.Neo4j(server.HttpUri, server.User, server.Password, settings);
    }
}
