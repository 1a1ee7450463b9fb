using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Infrastructure;
using DiplomacyGraph.Tests.Model;

namespace DiplomacyGraph.Tests.Export;

/// <summary>
/// A knowledge document's <c>judgements</c> section (what an export carries) on every store: checked like the rest of
/// the document, recorded before the facts, refused whole when it would hide a node, and an export imported back into
/// the store it came from changes nothing.
/// </summary>
public abstract class JudgementsSectionContract : ServedContract
{
    private static readonly object Source = new { id = "judgement-test-source", title = "Judgements", outlet = "example.org", published = "2026-03-01" };

    [Fact]
    public async Task A_judgement_merging_an_id_that_names_a_node_is_409_and_the_document_writes_nothing()
    {
        using var answer = await Import(new
        {
            source = Source,
            actors = new[] { new { id = "judgement-test-actor", kind = "person", name = "Judgement Test", evidence = "A sentence." } },
            judgements = new[] { new { a = "donald-trump", b = "gustavo-petro", judgement = "same", merged = "gustavo-petro" } },
        });

        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        Assert.Contains("'gustavo-petro' names a node here", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var petro = await Client.GetAsync(new Uri("/api/actors/gustavo-petro", UriKind.Relative));
        using var actor = await Client.GetAsync(new Uri("/api/actors/judgement-test-actor", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, petro.StatusCode);
        Assert.Contains("\"id\":\"gustavo-petro\"", await petro.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, actor.StatusCode);
    }

    [Fact]
    public async Task A_judgement_merging_an_id_outside_its_pair_or_of_an_unknown_kind_is_400_by_field()
    {
        using var answer = await Import(new
        {
            source = Source,
            judgements = new object[]
            {
                new { a = "a-one", b = "b-one", judgement = "same", merged = "c-one" },
                new { a = "a-two", b = "b-two", judgement = "maybe" },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        using var problem = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("judgements[0].merged", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("judgements[1].judgement", out _), errors.ToString());
    }

    [Fact]
    public async Task A_merge_recorded_from_a_judgement_sends_a_later_write_under_the_merged_id_to_its_canonical_node()
    {
        using var recorded = await Import(new
        {
            source = Source,
            judgements = new[] { new { a = "gustavo-petro", b = "petro-elsewhere", judgement = "same", merged = "petro-elsewhere" } },
        });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        using var written = await Import(new
        {
            source = Source,
            actors = new[] { new { id = "petro-elsewhere", kind = "person", name = "G. Petro", evidence = "G. Petro was named." } },
        });
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);

        using var merged = await Client.GetAsync(new Uri("/api/actors/petro-elsewhere", UriKind.Relative));
        var body = await merged.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("gustavo-petro", json.RootElement.GetProperty("id").GetString());
        Assert.Contains("G. Petro", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_imported_back_into_its_own_store_changes_nothing()
    {
        using var export = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/export", UriKind.Relative));
        export.Headers.Add("X-Api-Key", Key);
        using var exported = await Client.SendAsync(export);
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        var lines = await exported.Content.ReadAsByteArrayAsync();

        using var bulk = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/import/bulk", UriKind.Relative)) { Content = new ByteArrayContent(lines) };
        bulk.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        bulk.Headers.Add("X-Api-Key", Key);
        using var answer = await Client.SendAsync(bulk);
        var text = await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var json = JsonDocument.Parse(text);
        var results = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("result").GetString()).ToList();
        Assert.True(results.Count > 1, text);
        Assert.All(results, r => Assert.Equal("unchanged", r));
    }

    private async Task<HttpResponseMessage> Import(object document)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/import", UriKind.Relative))
        {
            Content = new StringContent(JsonSerializer.Serialize(document), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", Key);
        return await Client.SendAsync(request);
    }
}

public sealed class EmbeddedJudgementsSectionTests : JudgementsSectionContract
{
    protected override Task<DiplomacyGraphFactory> CreateFactoryAsync() => Task.FromResult(DiplomacyGraphFactory.Embedded(WriteSettings));
}

[Collection("neo4j")]
public sealed class Neo4jJudgementsSectionTests(Neo4jServer server) : JudgementsSectionContract
{
    protected override async Task<DiplomacyGraphFactory> CreateFactoryAsync()
    {
        await server.ResetAsync();
        return DiplomacyGraphFactory.Neo4j(server.HttpUri, server.User, server.Password, WriteSettings);
    }
}
