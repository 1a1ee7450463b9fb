using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DiplomacyGraph.Api.Actors;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Events;
using DiplomacyGraph.Api.Graph;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Api.Statements;
using DiplomacyGraph.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace DiplomacyGraph.Tests.Api;

/// <summary>
/// The generated serializers (<see cref="ApiJson.Contexts"/>, one context per feature folder): every answer type an endpoint
/// declares is in them, they come first in the API's JSON options, and what they write is byte for byte what reflection writes.
/// </summary>
public sealed class ApiJsonContextTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Reading = new(JsonSerializerDefaults.Web);
    private readonly DiplomacyGraphFactory factory = DiplomacyGraphFactory.Embedded();
    private HttpClient client = null!;
    private JsonSerializerOptions appOptions = null!;
    private JsonSerializerOptions reflection = null!;

    public async Task InitializeAsync()
    {
        client = factory.CreateClient();
        appOptions = factory.Services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        // The same options with reflection alone: what the API wrote before the generated serializers.
        reflection = new JsonSerializerOptions(appOptions) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        Assert.Equal(HttpStatusCode.OK, await Eventually.Ok(client, "/health/ready", TestSettings.ApiProcess));
    }

    public Task DisposeAsync()
    {
        client.Dispose();
        factory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The JSON answer types the endpoints declare (Ok&lt;T&gt;, Created&lt;T&gt;, Produces&lt;T&gt;), problems aside.</summary>
    private IReadOnlyList<(string Endpoint, Type Type)> DeclaredAnswers() =>
        [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .SelectMany(e => e.Metadata.OfType<IProducesResponseTypeMetadata>().Select(m => (Endpoint: e.DisplayName ?? "?", m)))
            .Where(x => x.m.Type is { } type && type != typeof(void) && !typeof(ProblemDetails).IsAssignableFrom(type)
                && (!x.m.ContentTypes.Any() || x.m.ContentTypes.Any(c => c.Contains("json", StringComparison.Ordinal))))
            .Select(x => (x.Endpoint, x.m.Type!))];

    [Fact]
    public void Every_answer_type_an_endpoint_declares_has_generated_serialization()
    {
        var answers = DeclaredAnswers();
        // Guards the reflection above: if the metadata stopped naming answer types, the test below would pass on nothing.
        Assert.True(answers.Count >= 30, $"only {answers.Count} declared answers found");
        Assert.Contains(answers, a => a.Type == typeof(CytoscapeGraphDto));

        var missing = answers.Where(a => ApiJson.Contexts.All(c => c.GetTypeInfo(a.Type) is null))
            .Select(a => $"{a.Type} (from {a.Endpoint})").Distinct().ToList();

        Assert.True(missing.Count == 0, "Add [JsonSerializable(typeof(...))] to the feature's JsonSerializerContext for: " + string.Join("; ", missing));
    }

    [Fact]
    public void The_generated_serializers_come_first_in_the_API_JSON_options_with_reflection_behind_them()
    {
        var options = factory.Services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;

        // Guards the collection by convention: a feature's context that is not found is not in the chain either.
        Assert.Contains(ApiJson.Contexts, c => c.GetTypeInfo(typeof(CytoscapeGraphDto)) is not null);
        Assert.Contains(ApiJson.Contexts, c => c.GetTypeInfo(typeof(ActorDetailDto)) is not null);
        Assert.Equal<IJsonTypeInfoResolver>(ApiJson.Contexts, options.TypeInfoResolverChain.Take(ApiJson.Contexts.Count));
        Assert.Contains(options.TypeInfoResolverChain, r => r is DefaultJsonTypeInfoResolver);
    }

    public static TheoryData<string, Type> Answers() => new()
    {
        { "/api/graph", typeof(CytoscapeGraphDto) },
        { "/api/graph?actor=gustavo-petro&depth=2", typeof(CytoscapeGraphDto) },
        { "/api/actors/gustavo-petro", typeof(ActorDetailDto) },
        { "/api/actors/gustavo-petro/network?depth=2", typeof(NetworkDto) },
        { "/api/events?from=2026-01-01", typeof(PagedList<EventSummaryDto>) },
        { "/api/statements?speaker=donald-trump", typeof(PagedList<StatementDto>) },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task An_answer_read_back_is_written_the_same_by_the_generated_serializers_and_by_reflection(string url, Type type)
    {
        var served = await client.GetStringAsync(new Uri(url, UriKind.Relative));

        var value = JsonSerializer.Deserialize(served, type, Reading);

        Assert.Equal(served, JsonSerializer.Serialize(value, type, appOptions));
        Assert.Equal(served, JsonSerializer.Serialize(value, type, reflection));
    }
}
