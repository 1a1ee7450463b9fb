using Microsoft.Extensions.Configuration;

namespace DiplomacyGraph.Tests.Infrastructure;

/// <summary>
/// The suite's timeouts, from <c>testsettings.json</c> beside the test assembly, overridden by environment variables
/// such as <c>DIPLOMACYGRAPH_TEST_Timeouts__Neo4jStart=00:05:00</c>. They are generous on purpose: they guard
/// against hangs on a loaded machine, and no test asserts how long anything took.
/// </summary>
internal static class TestSettings
{
    private static readonly IConfiguration Configuration = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "testsettings.json"), optional: true)
        .AddEnvironmentVariables("DIPLOMACYGRAPH_TEST_")
        .Build();

    /// <summary>How long a Neo4j server the tests launch may take to answer.</summary>
    public static TimeSpan Neo4jStart => Timeout("Neo4jStart", TimeSpan.FromSeconds(180));

    /// <summary>How long one import into Neo4j may take (the test hosts' <c>Neo4j:ImportTimeout</c>), the first seed included.</summary>
    public static TimeSpan Neo4jImport => Timeout("Neo4jImport", TimeSpan.FromSeconds(120));

    /// <summary>How long one read of Neo4j may take in a test host (<c>Neo4j:RequestTimeout</c>).</summary>
    public static TimeSpan Neo4jRequest => Timeout("Neo4jRequest", TimeSpan.FromSeconds(30));

    /// <summary>How long the API may take to recover after Neo4j comes back.</summary>
    public static TimeSpan Recovery => Timeout("Recovery", TimeSpan.FromSeconds(120));

    /// <summary>How long a child API process may take to start and seed, or to run a command.</summary>
    public static TimeSpan ApiProcess => Timeout("ApiProcess", TimeSpan.FromSeconds(180));

    /// <summary>How long headless Chromium may take to load and render one page.</summary>
    public static TimeSpan Browser => Timeout("Browser", TimeSpan.FromSeconds(180));

    /// <summary>How long executing the analysis notebook (kernel start and every cell) may take.</summary>
    public static TimeSpan Notebook => Timeout("Notebook", TimeSpan.FromMinutes(10));

    /// <summary>How long one npm script (generating or compiling the TypeScript client) may take.</summary>
    public static TimeSpan Npm => Timeout("Npm", TimeSpan.FromMinutes(5));

    /// <summary>How long one HTTP call from a test to a server may take.</summary>
    public static TimeSpan Http => Timeout("Http", TimeSpan.FromSeconds(120));

    /// <summary>How long the OpenAPI-driven negative run may take in all; only a guard against a hang.</summary>
    public static TimeSpan NegativeRun => Timeout("NegativeRun", TimeSpan.FromMinutes(20));

    private static TimeSpan Timeout(string name, TimeSpan fallback)
    {
        var key = $"Timeouts:{name}";
        var value = Configuration[key];
        if (value is null)
        {
            return fallback;
        }
        return TimeSpan.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed > TimeSpan.Zero
            ? parsed
            : throw new InvalidOperationException($"Test setting {key} must be a positive time span such as 00:02:00, not '{value}'.");
    }

    /// <summary>A setting as the API takes it.</summary>
    public static string AsSetting(TimeSpan value) => value.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
}
