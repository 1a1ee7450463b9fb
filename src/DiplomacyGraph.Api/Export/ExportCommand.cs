using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Storage;

namespace DiplomacyGraph.Api.Export;

/// <summary>
/// <c>dotnet run --project src/DiplomacyGraph.Api -- export &lt;file.ndjson|-&gt;</c>: writes the configured store's whole graph
/// as NDJSON knowledge documents (<see cref="GraphExport"/>, what <c>GET /api/export</c> streams), to a file or to standard
/// output. It only reads, so it runs beside the service (the embedded store's file is opened as the service leaves it).
/// </summary>
internal static class ExportCommand
{
    private const string Usage = "usage: DiplomacyGraph.Api export <file.ndjson|-> [--Section:Key=value ...]";

    public static bool Matches(string[] args) => args is ["export", ..];

    public static async Task<int> Run(string[] args)
    {
        if (args is not [_, var given, .. var settings] || given.StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        var builder = WebApplication.CreateBuilder([.. settings]);
        builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Default", "Warning")]);
        // Opening an embedded path that holds no store would create an empty one, and export nothing without a word.
        if (Commands.EmbeddedDatabase(builder) is { } database && !File.Exists(database))
        {
            await Console.Error.WriteLineAsync($"export: there is no embedded store at {database} (Embedded:Path).");
            return 2;
        }
        builder.Services.AddGraphStore(builder.Configuration);
        builder.Services.AddExport();
        await using var app = builder.Build();
        var export = app.Services.GetRequiredService<GraphExport>();
        var file = given == "-" ? null : Commands.FromShell(given);
        try
        {
            await app.Services.GetRequiredService<IGraphStore>().Initialize(CancellationToken.None);
            GraphExport.Tally tally;
            if (file is null)
            {
                await using var stdout = Console.OpenStandardOutput();
                tally = await export.Write(stdout, CancellationToken.None);
            }
            else
            {
                // Written beside the target and moved over it at the end: a failed export never leaves half a file under its name.
                var partial = file + ".partial";
                await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    tally = await export.Write(output, CancellationToken.None);
                }
                File.Move(partial, file, overwrite: true);
            }
            await Console.Error.WriteLineAsync($"Exported {tally.Facts} nodes, {tally.Relationships} relationships and {tally.Judgements} judgements " +
                $"as {tally.Documents} documents{(file is null ? "" : $" to {file}")}.");
            return 0;
        }
        catch (Exception e) when (e is StoreUnavailableException or StoreMisconfiguredException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"export failed: {e.Message}");
            return e is StoreMisconfiguredException ? 2 : 1;
        }
    }
}
