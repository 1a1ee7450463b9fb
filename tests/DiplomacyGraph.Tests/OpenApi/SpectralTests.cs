using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Contract;
using Xunit.Abstractions;

namespace DiplomacyGraph.Tests.OpenApi;

/// <summary>
/// Spectral (spectral:oas and the OWASP API security ruleset, pinned by tools/spectral/package-lock.json) on the
/// document the service serves, with the project's .spectral.yaml. Any error fails; the counts are printed.
/// </summary>
public sealed class SpectralTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Spectral_with_the_OWASP_ruleset_finds_no_error_in_the_served_OpenAPI_document()
    {
        var root = Stores.RepositoryRoot();
        var spectral = Path.Combine(root, "tools", "spectral", "node_modules", "@stoplight", "spectral-cli", "dist", "index.js");
        Assert.True(File.Exists(spectral), $"Spectral is not installed at {spectral}. Run `bash scripts/test.sh` (it runs `npm ci --prefix tools/spectral`), or that npm command yourself.");

        using var factory = DiplomacyGraphFactory.Embedded();
        using var client = factory.CreateClient();
        var document = await DocumentedOperation.FetchAsync(client);
        var file = Path.Combine(Path.GetTempPath(), $"diplomacygraph-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        try
        {
            var (exit, stdout, stderr) = await RunAsync("node", root, spectral, "lint", file, "--ruleset", Path.Combine(root, ".spectral.yaml"), "--format", "json", "--quiet", "--fail-severity", "error");
            var start = stdout.IndexOf('[', StringComparison.Ordinal);
            Assert.True(start >= 0, $"Spectral printed no JSON results (exit {exit}):\n{stdout}\n{stderr}");
            var results = JsonNode.Parse(stdout[start..])!.AsArray();
            var errors = results.Where(r => r!["severity"]!.GetValue<int>() == 0).ToList();
            var warnings = results.Count(r => r!["severity"]!.GetValue<int>() == 1);
            output.WriteLine($"Spectral: {errors.Count} errors, {warnings} warnings, {results.Count - errors.Count - warnings} infos and hints.");
            foreach (var group in results.GroupBy(r => r!["code"]!.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"  {group.Key}: {group.Count()}");
            }
            Assert.True(errors.Count == 0, $"Spectral found {errors.Count} errors:\n" + string.Join("\n", errors.Take(50).Select(e =>
                $"  {e!["code"]} at {string.Join('.', e["path"]!.AsArray().Select(p => p!.ToString()))}: {e["message"]}")));
            Assert.True(exit == 0, $"Spectral exited {exit}:\n{stderr}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int Exit, string Out, string Error)> RunAsync(string program, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
