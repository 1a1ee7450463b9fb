using System.Net;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Infrastructure;

namespace DiplomacyGraph.Tests.OpenApi;

/// <summary>
/// Swagger an analyst can learn from: every parameter and request body has an example, and every GET operation,
/// sent with its examples as Swagger UI's Try it out sends them, answers 200. One contract, on every store.
/// </summary>
public abstract class SwaggerExampleContract(ApiHost host) : IAsyncLifetime
{
    private HttpClient client = null!;

    protected abstract Task<DiplomacyGraphFactory> CreateFactoryAsync();

    public async Task InitializeAsync() => client = await host.ClientAsync(CreateFactoryAsync);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_GET_operation_answers_200_to_its_documented_examples()
    {
        var gets = DocumentedOperation.All(await DocumentedOperation.FetchAsync(client)).Where(o => o.Method == "GET").ToList();
        // A GET that needs a key (the export) is asked without one here, as a visitor of Swagger UI would: it is refused.
        var keyed = gets.Where(o => o.NeedsKey).ToList();
        var operations = gets.Except(keyed).ToList();
        Assert.NotEmpty(operations);
        var failures = new List<string>();
        foreach (var operation in keyed)
        {
            using var response = await client.GetAsync(new Uri(operation.FillPath(p => DocumentedOperation.UrlValue(p.Example!)), UriKind.Relative));
            if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
            {
                failures.Add($"{operation} needs a key, and answered {(int)response.StatusCode} without one");
            }
        }
        foreach (var operation in operations)
        {
            var url = operation.FillPath(p => DocumentedOperation.UrlValue(p.Example!));
            var query = operation.Parameters.Where(p => p.In == "query").Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(DocumentedOperation.UrlValue(p.Example!))}").ToList();
            if (query.Count > 0) url += "?" + string.Join("&", query);
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{operation}: GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_parameter_and_request_body_has_an_example_and_writes_never_use_a_seed_actor()
    {
        var operations = DocumentedOperation.All(await DocumentedOperation.FetchAsync(client));
        var missing = operations.SelectMany(o => o.Parameters.Where(p => p.Example is null).Select(p => $"{o} parameter {p.Name}"))
            .Concat(operations.Where(o => o.HasBody && o.BodyExample is null).Select(o => $"{o} body"))
            .ToList();
        Assert.True(missing.Count == 0, "Without an example:\n" + string.Join("\n", missing));
        var writes = operations.Where(o => o.IsWrite).SelectMany(o => o.Parameters.Select(p => p.Example!.ToJsonString()).Append(o.BodyExample?.ToJsonString() ?? ""));
        Assert.DoesNotContain(writes, w => w.Contains("gustavo-petro", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Summaries_are_grammatical_and_write_schemas_are_not_both_required_and_nullable()
    {
        var document = await DocumentedOperation.FetchAsync(client);
        var summaries = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => o.Value!["summary"]?.GetValue<string>() ?? "")).ToList();
        Assert.DoesNotContain(summaries, s => System.Text.RegularExpressions.Regex.IsMatch(s, @"\ba [aeiou]", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        var contradictions = document["components"]!["schemas"]!.AsObject()
            .SelectMany(s => (s.Value!["required"]?.AsArray() ?? []).Select(r => r!.GetValue<string>())
                .Where(r => s.Value!["properties"]?[r]?["nullable"]?.GetValue<bool>() == true).Select(r => $"{s.Key}.{r}"))
            .ToList();
        Assert.True(contradictions.Count == 0, "Required and nullable at once: " + string.Join(", ", contradictions));
    }
}

public sealed class EmbeddedSwaggerExampleTests(ApiHost host) : SwaggerExampleContract(host), IClassFixture<ApiHost>
{
    protected override Task<DiplomacyGraphFactory> CreateFactoryAsync() => Task.FromResult(DiplomacyGraphFactory.Embedded());
}

[Collection("neo4j")]
public sealed class Neo4jSwaggerExampleTests(ApiHost host, Neo4jServer server) : SwaggerExampleContract(host), IClassFixture<ApiHost>
{
    protected override async Task<DiplomacyGraphFactory> CreateFactoryAsync()
    {
        await server.ResetAsync();
        return DiplomacyGraphFactory.Neo4j(server.HttpUri, server.User, server.Password);
    }
}
