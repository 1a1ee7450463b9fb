using System.Net;
using System.Text.Json;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Infrastructure;

namespace DiplomacyGraph.Tests.OpenApi;

/// <summary>
/// A query value the parameter's type cannot hold (<c>page=abc</c>) is a 400 naming the field and what it takes,
/// read from the parameter's declared type, not from the binder's message.
/// </summary>
public sealed class UnreadableQueryValueTests : IAsyncLifetime
{
    private readonly DiplomacyGraphFactory factory = DiplomacyGraphFactory.Embedded();
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, await Eventually.Ok(client, "/health/ready", TestSettings.ApiProcess));
    }

    public Task DisposeAsync()
    {
        client.Dispose();
        factory.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("/api/actors?page=abc", "page", "'abc' is not a whole number.")]
    [InlineData("/api/actors?PAGESIZE=1.5", "pageSize", "'1.5' is not a whole number.")]
    [InlineData("/api/actors?page=1&page=2", "page", "'1,2' is not a whole number.")]
    [InlineData("/api/actors?page=", "page", "'' is not a whole number.")]
    [InlineData("/api/timeline?includeUndated=maybe", "includeUndated", "'maybe' is not true or false.")]
    [InlineData("/api/paths/shortest?from=bernie-moreno&to=rosa-villavicencio&maxDepth=far", "maxDepth", "'far' is not a whole number.")]
    public async Task A_value_its_parameter_cannot_hold_is_a_400_naming_the_field_and_what_it_takes(string url, string field, string message)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("A parameter could not be read.", problem.RootElement.GetProperty("detail").GetString());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal([message], errors.GetProperty(field).EnumerateArray().Select(m => m.GetString()));
    }

    [Theory]
    [InlineData("/api/actors?page=2&pageSize=5")]
    [InlineData("/api/timeline?includeUndated=True")]
    public async Task A_value_its_parameter_can_hold_is_read(string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
