using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Knowledge;
using Microsoft.Extensions.Options;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// <c>dotnet run --project src/DiplomacyGraph.Api -- import [--format ftm [--mapping &lt;file&gt;]] &lt;file&gt;</c>: imports a
/// knowledge document (or FollowTheMoney entities) into the configured store with the API's validation and merge rules,
/// prints what changed, and exits non-zero on error.
/// </summary>
internal static class ImportCommand
{
    public const int Ok = 0;
    public const int Invalid = 2;
    public const int Failed = 1;

    private const string Usage = "usage: DiplomacyGraph.Api import [--format knowledge|ftm] [--mapping <ftm-mapping.json>] <file> [--Section:Key=value ...]";

    public static bool Matches(string[] args) => args is ["import", ..];

    public static async Task<int> Run(string[] args)
    {
        var format = "knowledge";
        string? mappingFile = null;
        var rest = args.Skip(1).ToList();
        while (rest is ["--format" or "--mapping", _, ..])
        {
            if (rest[0] == "--format") format = rest[1];
            else mappingFile = rest[1];
            rest.RemoveRange(0, 2);
        }
        if (rest is not [var given, .. var settings] || format is not ("knowledge" or "ftm") || (mappingFile is not null && format != "ftm"))
        {
            await Console.Error.WriteLineAsync(Usage);
            return Invalid;
        }
        var file = FromShell(given);
        var builder = WebApplication.CreateBuilder([.. settings]);
        // The summary is the output; the store's information logs would bury it (added last, so it beats appsettings.json).
        builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Default", "Warning")]);
        builder.Services.AddGraphStore(builder.Configuration);
        builder.Services.AddOptions<FtmOptions>().BindConfiguration(FtmOptions.Section);
        await using var app = builder.Build();
        var store = app.Services.GetRequiredService<IGraphStore>();
        try
        {
            ValidationConventions.Apply();
            if (format == "ftm")
            {
                var mapping = mappingFile is not null ? FtmMapping.Load(FromShell(mappingFile)) : app.Services.GetRequiredService<IOptions<FtmOptions>>().Value.LoadMapping();
                FtmConversion conversion;
                using (var reader = File.OpenText(file))
                {
                    conversion = await FollowTheMoney.Read(reader, mapping, CancellationToken.None);
                }
                if (!conversion.IsValid)
                {
                    await Console.Error.WriteLineAsync($"{file}: not a valid FollowTheMoney file; nothing was imported:");
                    foreach (var (where, messages) in conversion.Errors)
                    {
                        foreach (var message in messages) await Console.Error.WriteLineAsync($"  {where}: {message}");
                    }
                    return Invalid;
                }
                await store.Initialize(CancellationToken.None);
                var ftmSummary = await store.Import(conversion.Graph, CancellationToken.None);
                Console.WriteLine($"Imported {file} (FollowTheMoney, {conversion.Entities} entities; sources {string.Join(", ", conversion.SourceIds)}):");
                Print(ftmSummary);
                Console.WriteLine($"  skipped schemata: {(conversion.SkippedSchemata.Count == 0 ? "none" : string.Join(", ", conversion.SkippedSchemata.Select(s => $"{s.Key} ({s.Value})")))}");
                Console.WriteLine($"  mapped: {(conversion.Mapped.Count == 0 ? "none" : string.Join(", ", conversion.Mapped.Select(m => $"{m.Key} -> {m.Value}")))}");
                foreach (var note in conversion.Notes) Console.WriteLine($"  note: {note}");
                return Ok;
            }
            var document = KnowledgeJson.Load(file, new KnowledgeDocumentValidator());
            await store.Initialize(CancellationToken.None);
            var summary = await store.Import(document, CancellationToken.None);
            Console.WriteLine($"Imported {file} (source {document.Source.Id}):");
            Print(summary);
            return Ok;
        }
        catch (Exception e) when (e is InvalidKnowledgeDocumentException or FileNotFoundException or DirectoryNotFoundException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return Invalid;
        }
        catch (Exception e) when (e is UnknownReferencesException or IdConflictException or EndpointMismatchException or StoreUnavailableException)
        {
            await Console.Error.WriteLineAsync($"{file}: nothing was imported: {e.Message}");
            return Failed;
        }
    }

    private static void Print(ImportSummary summary)
    {
        Console.WriteLine($"  nodes: {summary.NodesCreated.Count} created, {summary.NodesUpdated.Count} updated, {summary.NodesUnchanged.Count} unchanged");
        Console.WriteLine($"  relationships: {summary.EdgesCreated.Count} created, {summary.EdgesUpdated.Count} updated, {summary.EdgesUnchanged.Count} unchanged");
    }

    /// <summary>`dotnet run --project` starts the app in the project folder; the shell's PWD is where the user typed the path.</summary>
    private static string FromShell(string given) =>
        Path.GetFullPath(given, Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } shell && Directory.Exists(shell)
            ? shell
            : Directory.GetCurrentDirectory());
}
