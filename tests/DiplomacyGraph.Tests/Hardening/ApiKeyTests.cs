using System.Net;
using System.Text;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Infrastructure;
using DiplomacyGraph.Tests.Seed;
using DiplomacyGraph.Tests.Writes;
using DiplomacyGraph.Api.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static DiplomacyGraph.Tests.Hardening.HardeningContract;

namespace DiplomacyGraph.Tests.Hardening;

/// <summary>
/// Keys with names (<c>Auth:Keys:&lt;name&gt;</c>), of at least 128 bits: the name, never the key, is what the service
/// logs; a short key stops start-up; the unnamed <c>Auth:ApiKeys</c> list still works; 401 comes before 415.
/// </summary>
public sealed class ApiKeyTests
{
    private const string AnalystKey = "analyst-key-Zx81QpLm02VbNc7Tr4Ws";
    private const string EditorKey = "editor-key-5b7e0c1d9f2a4e6b8c0d1e2f3a4b";

    [Fact]
    public async Task A_named_key_writes_and_the_log_names_the_key_never_its_value()
    {
        var logs = new CapturedLogs();
        using var embedded = DiplomacyGraphFactory.Embedded(new Dictionary<string, string?>
        {
            ["Auth:Keys:analyst"] = AnalystKey, ["Auth:Keys:editor"] = EditorKey, ["Auth:ApiKeys:0"] = Key,
        });
        using var factory = embedded.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        using var client = factory.CreateClient();

        using var byAnalyst = await Write(client, AnalystKey);
        using var byEditor = await Write(client, EditorKey);
        using var byListed = await Write(client, Key);

        Assert.Equal(HttpStatusCode.Created, byAnalyst.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byEditor.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byListed.StatusCode);
        var lines = logs.Lines.Select(l => l.Message).ToList();
        Assert.Contains(lines, l => l.Contains("POST /api/actors by key analyst", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("POST /api/actors by key editor", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("POST /api/actors by key api-key-0", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(AnalystKey, StringComparison.Ordinal) || l.Contains(EditorKey, StringComparison.Ordinal) || l.Contains(Key, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcde", false)] // 31 hex digits: 124 bits
    [InlineData("0123456789abcdef0123456789abcdef", true)] // 32 hex digits: 128 bits
    [InlineData("Zx81QpLm02VbNc7Tr4Wsq", false)] // 21 base64 characters: 126 bits
    [InlineData("Zx81QpLm02VbNc7Tr4Wsqa", true)] // 22 base64 characters: 132 bits
    public void A_key_under_128_bits_stops_start_up_naming_the_key_and_how_to_make_one(string key, bool accepted)
    {
        var error = Record.Exception(() => Options(new() { ["Auth:Keys:ci"] = key }));

        if (accepted)
        {
            Assert.Null(error);
            return;
        }
        var refused = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains("The key ci is shorter than 128 bits", refused.Message, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_names_for_one_key_and_a_name_unsafe_to_log_stop_start_up()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Options(new()
        {
            ["Auth:Keys:analyst"] = AnalystKey, ["Auth:ApiKeys:0"] = AnalystKey, ["Auth:Keys:bad name!"] = EditorKey,
        }));

        Assert.Contains("The keys analyst and api-key-0 are the same key", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Auth:Keys:bad name! has a name that is not", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_refuses_a_short_key_with_one_line_on_stderr_and_exit_code_2()
    {
        var folder = Directory.CreateTempSubdirectory("diplomacygraph-keys-");
        try
        {
            var (exitCode, _, error) = await ApiProcess.RunAsync(
                $"--Embedded:Path={Path.Combine(folder.FullName, "graph.db")}", "--Auth:Keys:ops=too-short-a-key", $"--Seed:Folder={RepositoryFiles.SeedFolder}");

            Assert.Equal(2, exitCode);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("The key ops is shorter than 128 bits", line, StringComparison.Ordinal);
            Assert.DoesNotContain("too-short-a-key", line, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("/api/actors", "text/plain")]
    [InlineData("/api/import", "application/x-www-form-urlencoded")]
    [InlineData("/api/import/ftm", "application/json")]
    [InlineData("/api/import/bulk", "text/csv")]
    [InlineData("/api/import/plover", "text/csv")]
    public async Task Without_a_key_another_content_type_answers_401_and_with_one_415_naming_the_type_to_send(string url, string mediaType)
    {
        using var factory = DiplomacyGraphFactory.Embedded(new Dictionary<string, string?> { ["Auth:Keys:analyst"] = AnalystKey });
        using var client = factory.CreateClient();

        using var anonymous = await Send(client, url, mediaType, key: null);
        using var keyed = await Send(client, url, mediaType, AnalystKey);

        await AssertProblem(anonymous, HttpStatusCode.Unauthorized);
        var problem = await AssertProblem(keyed, HttpStatusCode.UnsupportedMediaType);
        var expected = url.StartsWith("/api/import/", StringComparison.Ordinal) ? "application/x-ndjson" : "application/json";
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The Auth options as the service validates them at start-up (the host's own check prints and exits 2, tested above).</summary>
    private static AuthOptions Options(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection().AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddWriteAccess();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<AuthOptions>>().Value;
    }

    private static Task<HttpResponseMessage> Write(HttpClient client, string key)
    {
        var body = $$"""{"id":"{{Unique("named-key")}}","kind":"person","name":"Named Key","evidence":"Petro was accompanied by Defense Minister Pedro Sánchez.","sourceId":"vermelho-2026-02-04-petro-trump"}""";
        return Send(client, "/api/actors", "application/json", key, body);
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string url, string mediaType, string? key, string body = "{}")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(request);
    }
}
