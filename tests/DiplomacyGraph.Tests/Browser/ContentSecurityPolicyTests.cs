using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Tests.Writes;

namespace DiplomacyGraph.Tests.Browser;

/// <summary>
/// The Content-Security-Policy checked where it matters, in Chromium: Swagger UI and the explorer load and run under
/// it, and the browser logs no violation (a blocked script or style is only a console message, so the log is the test).
/// </summary>
public sealed class ContentSecurityPolicyTests
{
    [Fact]
    public async Task Swagger_UI_and_the_explorer_run_in_Chromium_under_the_policy_without_a_violation()
    {
        Chromium.AssertInstalled();
        var folder = Directory.CreateTempSubdirectory("diplomacygraph-csp-");
        try
        {
            await using var api = await ApiProcess.StartAsync(Path.Combine(folder.FullName, "graph.db"), apiKey: "test-key-0123456789abcdef0123456789");
            foreach (var (path, rendered) in new[] { ("/swagger/index.html", "opblock"), ("/explore", "search-form") })
            {
                using var head = await api.Client.GetAsync(new Uri(path, UriKind.Relative));
                Assert.Equal(HttpHygiene.ContentSecurityPolicy, string.Join("; ", head.Headers.GetValues("Content-Security-Policy")));

                var (dom, log) = await Chromium.DumpAsync(new Uri(api.Client.BaseAddress!, path), Path.Combine(folder.FullName, $"profile-{rendered}"));

                Assert.Contains(rendered, dom, StringComparison.Ordinal);
                var violations = log.Split('\n').Where(l => l.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ToList();
                Assert.True(violations.Count == 0, $"{path} broke the policy in Chromium:\n{string.Join("\n", violations)}");
            }
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
