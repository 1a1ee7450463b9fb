using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using DiplomacyGraph.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyGraph.Tests.Api;

/// <summary>Compression, ETags and the output cache of GET answers, through real HTTP on the embedded store.</summary>
public sealed class FastReadsTests : IAsyncLifetime
{
    private const string Key = "fast-reads-key-0123456789abcdef";
    private const string Source = "vermelho-2026-02-04-petro-trump";
    private readonly DiplomacyGraphFactory factory = DiplomacyGraphFactory.Embedded(new Dictionary<string, string?>
    {
        ["Auth:ApiKeys:0"] = Key,
        ["Caching:Lifetime"] = "00:10:00",
    });
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        client = factory.CreateClient();
        // Answers are cached only once the seed is in.
        Assert.Equal(HttpStatusCode.OK, await Eventually.Ok(client, "/health/ready", TestSettings.ApiProcess));
    }

    public Task DisposeAsync()
    {
        client.Dispose();
        factory.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Answers_come_compressed_in_the_encoding_asked_for_and_decompress_to_the_plain_answer(string encoding)
    {
        var plain = await client.GetByteArrayAsync(new Uri("/api/graph", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/graph");
        request.Headers.AcceptEncoding.ParseAdd(encoding);

        using var response = await client.SendAsync(request);
        var compressed = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.True(compressed.Length < plain.Length / 3, $"{compressed.Length} bytes compressed against {plain.Length} plain");
        using var decoder = encoding == "br"
            ? (Stream)new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var decoded = new MemoryStream();
        await decoder.CopyToAsync(decoded);
        Assert.Equal(plain, decoded.ToArray());
    }

    [Fact]
    public async Task A_GET_naming_the_current_ETag_gets_304_without_a_body_and_a_stale_one_gets_the_answer()
    {
        using var first = await client.GetAsync(new Uri("/api/actors/gustavo-petro", UriKind.Relative));
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(etag.IsWeak);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/actors/gustavo-petro");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again);
        using var stale = new HttpRequestMessage(HttpMethod.Get, "/api/actors/gustavo-petro");
        stale.Headers.IfNoneMatch.ParseAdd("W/\"0000\"");
        using var modified = await client.SendAsync(stale);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await modified.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_answer_is_served_from_the_cache_until_a_write_through_the_API_invalidates_it()
    {
        const string url = "/api/actors?q=imelda";
        Assert.Equal(0, await Total(url));

        // Written behind the API's back (as another process would), the actor is not seen: the answer is cached.
        var store = factory.Services.GetRequiredService<IGraphStore>();
        await store.CreateNode(KnowledgeGraph.ForActor(new ActorRecord { Id = "imelda-ruiz", Kind = ActorKinds.Person, Name = "Imelda Ruiz", Evidence = "Imelda Ruiz was there." }, Source), CancellationToken.None);
        Assert.Equal(0, await Total(url));
        Assert.Equal(1, await Total(url + "&pageSize=5"));

        // Any write through this process invalidates every cached answer.
        using var write = new HttpRequestMessage(HttpMethod.Post, "/api/actors")
        {
            Content = JsonContent.Create(new { id = "imelda-sosa", kind = "person", name = "Imelda Sosa", aliases = Array.Empty<string>(), evidence = "Imelda Sosa was there.", sourceId = Source }),
        };
        write.Headers.Add("X-Api-Key", Key);
        using var created = await client.SendAsync(write);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(2, await Total(url));
    }

    private async Task<int> Total(string url)
    {
        using var answer = JsonDocument.Parse(await client.GetStringAsync(new Uri(url, UriKind.Relative)));
        return answer.RootElement.GetProperty("total").GetInt32();
    }
}
