using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Resolution;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Contract;
using DiplomacyGraph.Tests.Infrastructure;
using DiplomacyGraph.Tests.Model;
using DiplomacyGraph.Tests.OpenApi;
using DiplomacyGraph.Tests.Writes;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyGraph.Tests.Export;

/// <summary>
/// Moving a graph between stores, as the README's three commands do: export it, import the export into an empty store
/// of the other kind, and export that store again. The two exports are the same bytes, and the two stores hold the same
/// graph (their fingerprints: every node, relationship, value and evidence sentence) and the same judgements. The graph
/// holds what a move must keep: the seed, real FollowTheMoney data (the OFAC Petro file, unmapped, and yente's zala
/// entities), a merge by judgement (its claims and evidence under the merged id), a not-same judgement, two sources
/// disagreeing on a value, a source giving two sentences for one fact, and a fact written under a merged id after the merge.
/// </summary>
[Collection("neo4j")]
public sealed class ExportRoundTripTests(Neo4jServer server) : IDisposable
{
    private const string Key = "export-test-key-0123456789abcdef0123";
    private const string Petro = "gustavo-petro", FtmPetro = "ftm-nk-petro";
    private static readonly string[] PetroAliases = ["Petro Urrego"];
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("diplomacygraph-export-");

    public void Dispose()
    {
        try { folder.Delete(recursive: true); } catch (IOException) { }
    }

    private static Dictionary<string, string?> Settings(string? seedFolder = null)
    {
        var settings = new Dictionary<string, string?> { ["Auth:ApiKeys:0"] = Key, ["Writes:PermitsPerMinute"] = "100000" };
        if (seedFolder is not null) settings["Seed:Folder"] = seedFolder;
        return settings;
    }

    private string[] Neo4jArguments() =>
    [
        $"--Neo4j:Uri={server.HttpUri}", $"--Neo4j:User={server.User}", $"--Neo4j:Password={server.Password}",
        $"--Neo4j:ImportTimeout={TestSettings.AsSetting(TestSettings.Neo4jImport)}", $"--Neo4j:RequestTimeout={TestSettings.AsSetting(TestSettings.Neo4jRequest)}",
    ];

    [Fact]
    public async Task An_embedded_graph_exported_imported_into_Neo4j_by_the_command_line_exports_the_same_bytes_and_fingerprint()
    {
        await server.ResetAsync();
        using var embedded = DiplomacyGraphFactory.Embedded(Settings());
        using var client = embedded.CreateClient();
        await BuildGraph(client);
        var first = await ExportOverHttp(client);
        var file = Path.Combine(folder.FullName, "graph.ndjson");
        await File.WriteAllBytesAsync(file, first);

        var imported = await ApiProcess.RunAsync(["import", file, .. Neo4jArguments()]);
        Assert.True(imported.ExitCode == 0, imported.Error + imported.Out);
        var again = Path.Combine(folder.FullName, "again.ndjson");
        var exported = await ApiProcess.RunAsync(["export", again, .. Neo4jArguments()]);
        Assert.True(exported.ExitCode == 0, exported.Error);

        AssertSameExport(first, await File.ReadAllBytesAsync(again));
        await using var neo4j = Stores.Neo4jServices(server);
        await AssertSameGraph(embedded.Services, neo4j);
    }

    [Fact]
    public async Task A_Neo4j_graph_exported_and_bulk_imported_into_an_empty_embedded_store_exports_the_same_bytes_and_fingerprint()
    {
        await server.ResetAsync();
        using var neo4jService = DiplomacyGraphFactory.Neo4j(server.HttpUri, server.User, server.Password, Settings());
        using var source = neo4jService.CreateClient();
        await BuildGraph(source);
        var file = Path.Combine(folder.FullName, "graph.ndjson");
        var exportedByCli = await ApiProcess.RunAsync(["export", file, .. Neo4jArguments()]);
        Assert.True(exportedByCli.ExitCode == 0, exportedByCli.Error);
        var first = await File.ReadAllBytesAsync(file);
        Assert.Equal(first, await ExportOverHttp(source));

        var empty = Directory.CreateDirectory(Path.Combine(folder.FullName, "no-seed")).FullName;
        using var embedded = DiplomacyGraphFactory.Embedded(Settings(seedFolder: empty));
        using var target = embedded.CreateClient();
        using (var bulk = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/import/bulk", UriKind.Relative)) { Content = new ByteArrayContent(first) })
        {
            bulk.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
            bulk.Headers.Add("X-Api-Key", Key);
            using var answer = await target.SendAsync(bulk);
            var text = await answer.Content.ReadAsStringAsync();
            Assert.True(answer.StatusCode == HttpStatusCode.OK, text);
            using var json = JsonDocument.Parse(text);
            Assert.False(json.RootElement.GetProperty("errors").GetBoolean(), text);
        }

        AssertSameExport(first, await ExportOverHttp(target));
        await using var neo4j = Stores.Neo4jServices(server);
        await AssertSameGraph(embedded.Services, neo4j);
    }

    /// <summary>The exports are equal, and hold what the test built: the merge's judgement, the merged id's records, every source.</summary>
    private static void AssertSameExport(byte[] first, byte[] second)
    {
        var text = Encoding.UTF8.GetString(first);
        Assert.Contains("\"judgements\":[", text, StringComparison.Ordinal);
        Assert.Contains($"\"merged\":\"{FtmPetro}\"", text, StringComparison.Ordinal);
        Assert.Contains("\"judgement\":\"not-same\"", text, StringComparison.Ordinal);
        Assert.Contains($"{{\"id\":\"{FtmPetro}\"", text, StringComparison.Ordinal);
        Assert.Contains("\"asOf\":\"2026-02\"", text, StringComparison.Ordinal);
        Assert.Contains("ftm-us-ofac-sdn", text, StringComparison.Ordinal);
        Assert.Contains("Zakharov", text, StringComparison.Ordinal);
        Assert.True(first.AsSpan().SequenceEqual(second), $"The exports differ: {FirstDifference(text, Encoding.UTF8.GetString(second))}");
    }

    private static string FirstDifference(string a, string b)
    {
        var (left, right) = (a.Split('\n'), b.Split('\n'));
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var (l, r) = (i < left.Length ? left[i] : "<none>", i < right.Length ? right[i] : "<none>");
            if (l != r) return $"line {i + 1}:\n  {l}\n  {r}";
        }
        return "same lines";
    }

    /// <summary>Both stores hold the same graph (fingerprint) and the same judgements, and the merged id still answers its canonical node.</summary>
    private static async Task AssertSameGraph(IServiceProvider one, IServiceProvider other)
    {
        var (a, b) = (one.GetRequiredService<IGraphStore>(), other.GetRequiredService<IGraphStore>());
        var (fa, fb) = (await StoreFingerprint.OfAsync(a, CancellationToken.None), await StoreFingerprint.OfAsync(b, CancellationToken.None));
        Assert.Equal((fa.Nodes, fa.Edges), (fb.Nodes, fb.Edges));
        Assert.Equal(fa.Digest, fb.Digest);
        Assert.Equal(await Judgements(one), await Judgements(other));
        foreach (var store in new[] { a, b })
        {
            var merged = Assert.IsType<Found<GraphNode>>(await store.FindNode(FtmPetro, CancellationToken.None)).Value;
            Assert.Equal(Petro, merged.Id);
            Assert.Equal([FtmPetro], merged.Properties.GetValueOrDefault(ClaimRules.SameAs) as string[] ?? []);
        }
    }

    private static async Task<IReadOnlyList<Judgement>> Judgements(IServiceProvider services) =>
        await services.GetRequiredService<IGraphTransfer>().JudgementsAfter(null, 100_000, CancellationToken.None);

    private static async Task<byte[]> ExportOverHttp(HttpClient client)
    {
        using (var anonymous = await client.GetAsync(new Uri("/api/export", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/export", UriKind.Relative));
        request.Headers.Add("X-Api-Key", Key);
        using var answer = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("application/x-ndjson", answer.Content.Headers.ContentType?.MediaType);
        return await answer.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The graph a move must keep (see the class summary), built through the API.</summary>
    private static async Task BuildGraph(HttpClient client)
    {
        using (var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative))) Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        await Send(client, HttpMethod.Post, "/api/import/ftm", File.ReadAllText(FtmImportContract.TestFile), "application/x-ndjson");
        await Send(client, HttpMethod.Post, "/api/import/ftm", File.ReadAllText(FtmZalaLinksContract.ZalaFile), "application/x-ndjson");
        await Send(client, HttpMethod.Post, "/api/resolution/judgements", JsonSerializer.Serialize(new { a = FtmPetro, b = Petro, judgement = "same" }));
        await Send(client, HttpMethod.Post, "/api/resolution/judgements", JsonSerializer.Serialize(new { a = "donald-trump", b = "marco-rubio", judgement = "not-same" }));
        var other = new { id = "export-test-2026-03-01", title = "A second account", outlet = "example.org", published = "2026-03-01T09:00" };
        // A later source that disagrees with the seed on Petro's description, writes under the merged id, and gives a figure as of a month.
        await Send(client, HttpMethod.Post, "/api/import", JsonSerializer.Serialize(new
        {
            source = other,
            actors = new object[]
            {
                new { id = Petro, kind = "person", name = "Gustavo Petro", description = "President of Colombia, in the second account.", evidence = "Petro, the president, spoke." },
                new { id = FtmPetro, kind = "person", name = "Gustavo Francisco Petro Urrego", aliases = PetroAliases, evidence = "Gustavo Francisco Petro Urrego was named." },
            },
            figures = new[] { new { id = "export-test-figure", metric = "extraditions", value = 810.5, unit = "people", approximate = true, asOf = "2026-02", evidence = "About 810 were extradited." } },
            relationships = new[] { new { type = "ABOUT", from = "export-test-figure", to = FtmPetro, evidence = "About 810 were extradited under him." } },
        }));
        // The same source again with a second sentence for the same fact: two evidence items of one source.
        await Send(client, HttpMethod.Post, "/api/import", JsonSerializer.Serialize(new
        {
            source = other,
            actors = new[] { new { id = Petro, kind = "person", name = "Gustavo Petro", evidence = "Petro later repeated it." } },
        }));
    }

    private static async Task Send(HttpClient client, HttpMethod method, string path, string body, string mediaType = "application/json")
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        request.Headers.Add("X-Api-Key", Key);
        using var answer = await client.SendAsync(request);
        Assert.True(answer.IsSuccessStatusCode, $"{method} {path}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
    }
}
