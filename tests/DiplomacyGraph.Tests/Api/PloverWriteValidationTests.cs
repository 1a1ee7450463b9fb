using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DiplomacyGraph.Tests.Api;

/// <summary>
/// The API's write bodies refuse what the PLOVER rules refuse in documents, with a 400 whose errors name the field,
/// and write nothing. Validation runs before any store is asked, so one store serves.
/// </summary>
public sealed class PloverWriteValidationTests : IAsyncLifetime
{
    private const string Key = "plover-writer-key-0123456789abcdef0123";
    private const string SeedSource = "vermelho-2026-02-04-petro-trump";
    private const string Sentence = "Thousands gathered in Bogotá’s Plaza Bolívar while the meeting took place in Washington.";

    private DiplomacyGraphFactory factory = null!;
    private HttpClient client = null!;

    public Task InitializeAsync()
    {
        factory = DiplomacyGraphFactory.Embedded(new Dictionary<string, string?> { ["Auth:Keys:writer"] = Key });
        client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Theory]
    [InlineData("mode", "\"demonstration\"", "mode")]
    [InlineData("contexts", "[\"protest\"]", "contexts[0]")]
    [InlineData("endDate", "\"2026-02-01\"", "endDate")]
    [InlineData("dead", "-3", "dead")]
    [InlineData("goldsteinScale", "11", "goldsteinScale")]
    [InlineData("cameoCode", "\"14a\"", "cameoCode")]
    public async Task A_bad_PLOVER_field_of_an_event_is_a_400_naming_it_and_nothing_is_written(string field, string value, string path)
    {
        var id = $"plover-probe-{Guid.NewGuid():N}"[..30];
        var body = Event(id);
        body[field] = JsonNode.Parse(value);

        using var response = await client.PostAsJsonAsync("/api/events", body);

        await AssertRefused(response, path);
        using var read = await client.GetAsync(new Uri($"/api/events/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task A_good_PLOVER_event_is_written_and_read_back_with_its_fields()
    {
        var id = $"plover-probe-{Guid.NewGuid():N}"[..30];
        var body = Event(id);
        body["contexts"] = new JsonArray("rights_freedoms", "negation");
        body["endDate"] = "2026-02-04";
        body["size"] = 3000;

        using var created = await client.PostAsJsonAsync("/api/events", body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        var e = JsonNode.Parse(await client.GetStringAsync(new Uri($"/api/events/{id}", UriKind.Relative)))!;
        Assert.Equal(("PROTEST", "demo", 4, "2026-02-04", 3000L), ((string?)e["kind"], (string?)e["mode"], (int?)e["quadClass"], (string?)e["endDate"], (long?)e["size"]));
        Assert.Equal(["rights_freedoms", "negation"], e["contexts"]!.AsArray().Select(c => (string?)c));
    }

    [Theory]
    [InlineData("{\"kind\": \"DISAPPROVE\"}", "kind")]
    [InlineData("{\"kind\": \"ACCUSE\", \"mode\": \"condemn\"}", "mode")]
    [InlineData("{\"mode\": \"allege\"}", "mode")]
    public async Task A_bad_statement_kind_or_mode_is_a_400_naming_it(string fields, string path)
    {
        var body = new JsonObject
        {
            ["id"] = $"plover-statement-{Guid.NewGuid():N}"[..34], ["text"] = "Petro criticized it.", ["medium"] = "reported",
            ["evidence"] = Sentence, ["sourceId"] = SeedSource,
        };
        foreach (var (name, value) in JsonNode.Parse(fields)!.AsObject()) body[name] = value?.DeepClone();

        using var response = await client.PostAsJsonAsync("/api/statements", body);

        await AssertRefused(response, path);
    }

    private static JsonObject Event(string id) => new()
    {
        ["id"] = id, ["kind"] = "PROTEST", ["mode"] = "demo", ["title"] = "A gathering", ["date"] = "2026-02-03",
        ["evidence"] = Sentence, ["sourceId"] = SeedSource,
    };

    private static async Task AssertRefused(HttpResponseMessage response, string path)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(path, out _), $"expected an error at '{path}': {text}");
    }
}
