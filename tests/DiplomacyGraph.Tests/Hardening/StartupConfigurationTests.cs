using DiplomacyGraph.Tests.Seed;
using DiplomacyGraph.Tests.Writes;

namespace DiplomacyGraph.Tests.Hardening;

/// <summary>A bad setting stops the service before it serves, with one line naming the key and what it may be.</summary>
public sealed class StartupConfigurationTests
{
    [Theory]
    [InlineData("--Writes:MaxBodyBytes=0", "Writes:MaxBodyBytes", "between 1 and 100000000")]
    [InlineData("--Auth:MaxFailures=0", "Auth:MaxFailures", "between 1 and 1000000")]
    [InlineData("--Reads:PermitsPerMinute=-1", "Reads:PermitsPerMinute", "between 0")]
    [InlineData("--Cors:AllowedOrigins:0=app.example.org/path", "Cors:AllowedOrigins", "https://app.example.org")]
    [InlineData("--ForwardedHeaders:KnownProxies:0=not-an-address", "ForwardedHeaders:KnownProxies", "IP addresses")]
    [InlineData("--Auth:MaxFailures=ten", "Auth:MaxFailures", "Int32")]
    public async Task A_bad_value_stops_start_up_with_one_line_naming_the_key_and_what_it_may_be(string setting, string key, string allowed)
    {
        var database = Path.Combine(Path.GetTempPath(), $"diplomacygraph-config-{Guid.NewGuid():N}.db");

        var (exitCode, output, error) = await ApiProcess.RunAsync("--urls", "http://127.0.0.1:0", $"--Embedded:Path={database}",
            $"--Seed:Folder={RepositoryFiles.SeedFolder}", setting);

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.Contains(allowed, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.False(File.Exists(database), "The service opened its store before refusing its configuration.");
    }
}
