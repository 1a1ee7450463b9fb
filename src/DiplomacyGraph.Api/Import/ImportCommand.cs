using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Knowledge;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// <c>dotnet run --project src/DiplomacyGraph.Api -- import &lt;file&gt;</c>: imports a knowledge document into the
/// configured store with the API's validation and merge rules, prints what changed, and exits non-zero on error.
/// </summary>
internal static class ImportCommand
{
    public const int Ok = 0;
    public const int Invalid = 2;
    public const int Failed = 1;

    public static bool Matches(string[] args) => args is ["import", ..];

    public static async Task<int> Run(string[] args)
    {
        if (args is not ["import", var given, .. var settings])
        {
            await Console.Error.WriteLineAsync("usage: DiplomacyGraph.Api import <file.json> [--Section:Key=value ...]");
            return Invalid;
        }
        // `dotnet run --project` starts the app in the project folder; the shell's PWD is where the user typed the path.
        var file = Path.GetFullPath(given, Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } shell && Directory.Exists(shell)
            ? shell
            : Directory.GetCurrentDirectory());
        var builder = WebApplication.CreateBuilder(settings);
        // The summary is the output; the store's information logs would bury it (added last, so it beats appsettings.json).
        builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Default", "Warning")]);
        builder.Services.AddGraphStore(builder.Configuration);
        await using var app = builder.Build();
        var store = app.Services.GetRequiredService<IGraphStore>();
        try
        {
            ValidationConventions.Apply();
            var document = KnowledgeJson.Load(file, new KnowledgeDocumentValidator());
            await store.Initialize(CancellationToken.None);
            var summary = await store.Import(document, CancellationToken.None);
            Console.WriteLine($"Imported {file} (source {document.Source.Id}):");
            Console.WriteLine($"  nodes: {summary.NodesCreated.Count} created, {summary.NodesUpdated.Count} updated, {summary.NodesUnchanged.Count} unchanged");
            Console.WriteLine($"  relationships: {summary.EdgesCreated.Count} created, {summary.EdgesUpdated.Count} updated, {summary.EdgesUnchanged.Count} unchanged");
            return Ok;
        }
        catch (Exception e) when (e is InvalidKnowledgeDocumentException or FileNotFoundException or DirectoryNotFoundException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return Invalid;
        }
        catch (Exception e) when (e is UnknownReferencesException or IdConflictException or StoreUnavailableException)
        {
            await Console.Error.WriteLineAsync($"{file}: nothing was imported: {e.Message}");
            return Failed;
        }
    }
}
