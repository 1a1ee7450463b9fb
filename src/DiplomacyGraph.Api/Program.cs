using DiplomacyGraph.Api.Actors;
using DiplomacyGraph.Api.Events;
using DiplomacyGraph.Api.Explore;
using DiplomacyGraph.Api.Export;
using DiplomacyGraph.Api.Figures;
using DiplomacyGraph.Api.Graph;
using DiplomacyGraph.Api.Import;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Api.Paths;
using DiplomacyGraph.Api.Programs;
using DiplomacyGraph.Api.Relationships;
using DiplomacyGraph.Api.Resolution;
using DiplomacyGraph.Api.Sanctions;
using DiplomacyGraph.Api.Sources;
using DiplomacyGraph.Api.Statements;
using DiplomacyGraph.Api.Timeline;
using DiplomacyGraph.Api.Vocabulary;

if (ImportCommand.Matches(args))
{
    return await ImportCommand.Run(args);
}
if (ExportCommand.Matches(args))
{
    return await ExportCommand.Run(args);
}
if (BackupCommand.Matches(args))
{
    return await BackupCommand.Run(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddDiplomacyGraph();
builder.Services.AddImport();
builder.Services.AddRelationships();
builder.Services.AddExplore();
builder.Services.AddExport();

var app = builder.Build();
if (!app.HasValidConfiguration() || !app.HoldsItsStore())
{
    return 2;
}
app.UseDiplomacyGraph();

app.MapActors();
app.MapEvents();
app.MapSanctions();
app.MapStatements();
app.MapFigures();
app.MapPrograms();
app.MapPaths();
app.MapTimeline();
app.MapGraph();
app.MapSources();
app.MapVocabulary();
app.MapRelationships();
app.MapResolution();
app.MapImport();
app.MapExport();
app.MapHealth();
app.MapExplore();
app.MapSwaggerRedirect();

return await app.RunToExitCodeAsync();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
