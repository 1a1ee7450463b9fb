using DiplomacyGraph.Storage;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>What the CLI verbs share.</summary>
internal static class Commands
{
    /// <summary>The embedded store's database file as the service resolves it; null when the configuration names Neo4j.</summary>
    public static string? EmbeddedDatabase(WebApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration["Neo4j:Uri"])) return null;
        var configured = builder.Configuration["Embedded:Path"];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? StorageServiceCollectionExtensions.DefaultEmbeddedPath : configured,
            builder.Environment.ContentRootPath);
    }

    /// <summary>`dotnet run --project` starts the app in the project folder; the shell's PWD is where the user typed the path.</summary>
    public static string FromShell(string given) =>
        Path.GetFullPath(given, Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } shell && Directory.Exists(shell)
            ? shell
            : Directory.GetCurrentDirectory());
}
