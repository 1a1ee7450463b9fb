using System.Diagnostics;
using DiplomacyGraph.Client;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Seed;

namespace DiplomacyGraph.Tests.Clients;

/// <summary>
/// Typed clients generated from openapi/v1.json: the C# one (NSwag, generated when clients/csharp builds) answers real
/// questions of the running service; the TypeScript one (openapi-typescript + openapi-fetch) is generated and
/// type-checked with tsc.
/// </summary>
public sealed class GeneratedClientTests : IDisposable
{
    // Test setting Timeouts:Npm (default 5 minutes).
    private static TimeSpan NpmTimeout => DiplomacyGraph.Tests.Infrastructure.TestSettings.Npm;
    private readonly DiplomacyGraphFactory factory = DiplomacyGraphFactory.Embedded();

    public static string TypeScriptClient => Path.Combine(RepositoryFiles.Root, "clients", "typescript");

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task The_generated_CSharp_client_finds_how_Moreno_is_connected_to_Villavicencio()
    {
        using var http = factory.CreateClient();
        var client = new DiplomacyGraphClient(http) { BaseUrl = http.BaseAddress!.ToString() };

        var path = await client.FindShortestPathAsync("bernie-moreno", "rosa-villavicencio", maxDepth: null);

        Assert.True(path.Found);
        Assert.Equal(["bernie-moreno", "white-house-meeting-2026-02-03", "rosa-villavicencio"], path.Nodes.Select(n => n.Id));
        Assert.Contains(path.Edges.SelectMany(e => e.Evidence), e => e.Text.Contains("Senator Bernie Moreno", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_generated_CSharp_client_reads_an_actor_and_reports_an_unknown_one_as_404()
    {
        using var http = factory.CreateClient();
        var client = new DiplomacyGraphClient(http) { BaseUrl = http.BaseAddress!.ToString() };

        var rubio = await client.GetActorAsync("marco-rubio", asOf: null, claims: null);
        Assert.Equal("Marco Rubio", rubio.Name);

        var missing = await Assert.ThrowsAnyAsync<ApiException>(() => client.GetActorAsync("no-such-actor", asOf: null, claims: null));
        Assert.Equal(404, missing.StatusCode);
    }

    [Fact]
    public async Task The_TypeScript_client_is_generated_from_the_committed_document_and_compiles_with_tsc()
    {
        Assert.True(File.Exists(Path.Combine(TypeScriptClient, "node_modules", ".bin", "tsc")),
            "clients/typescript has no node_modules: run `npm ci --prefix clients/typescript` (scripts/test.sh does this).");
        var schema = Path.Combine(TypeScriptClient, "src", "schema.d.ts");
        File.Delete(schema); // generated afresh, so a stale copy cannot pass

        var (generated, generateOutput) = await Npm("run", "generate");
        Assert.True(generated == 0, $"npm run generate failed ({generated}):\n{generateOutput}");
        Assert.Contains("\"/api/paths/shortest\"", await File.ReadAllTextAsync(schema), StringComparison.Ordinal);

        var (compiled, compileOutput) = await Npm("run", "build");
        Assert.True(compiled == 0, $"tsc failed ({compiled}):\n{compileOutput}");
    }

    private static async Task<(int ExitCode, string Output)> Npm(params string[] arguments)
    {
        var start = new ProcessStartInfo("npm")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = TypeScriptClient,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["NO_UPDATE_NOTIFIER"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(NpmTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"npm {string.Join(' ', arguments)} did not finish within {NpmTimeout.TotalMinutes:0} min.\n{await stdout}\n{await stderr}");
        }
        return (process.ExitCode, $"{await stdout}\n{await stderr}");
    }
}
