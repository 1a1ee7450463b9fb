using DiplomacyGraph.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Export;

/// <summary><c>GET /api/export</c>: the whole graph as NDJSON knowledge documents (<see cref="GraphExport"/>), streamed.</summary>
internal static class ExportApi
{
    public static IServiceCollection AddExport(this IServiceCollection services)
    {
        services.ConfigureSwaggerGen(o => o.OperationFilter<ExportOpenApi>());
        return services.AddSingleton<GraphExport>();
    }

    public static void MapExport(this IEndpointRouteBuilder routes)
    {
        // An export reads everything the store holds: it takes a key, and counts as a write against the rate limit.
        var group = routes.MapGroup("/api/export").WithTags("Export").RequireWriteAccess().WithSharedProblems();

        group.MapGet("", ExportGraph)
            .WithName("ExportGraph")
            .WithSummary("The whole graph as NDJSON knowledge documents")
            .WithDescription($"""
                Streams every source, node, relationship, claim (each source's values, under the id they were made about),
                evidence sentence and entity-resolution judgement as knowledge documents in the seed format, one a line
                (`{GraphExport.MediaType}`), which `POST /api/import/bulk` and the `import` command read back into an empty
                store of either kind, giving the same graph (the judgements come first, then the sources, the nodes and the
                relationships). The same graph exports to the same bytes from either store. Read a page at a time, never
                held whole. Needs an API key (X-Api-Key), and counts as one write. The CLI's `export <file>` writes the same.
                """)
            .Produces<string>(StatusCodes.Status200OK, GraphExport.MediaType);
    }

    /// <summary>The whole graph as NDJSON knowledge documents.</summary>
    // Written as it is read: a store failure after the first line cuts the stream short, so the client sees it end early.
    public static PushStreamHttpResult ExportGraph(GraphExport export, HttpContext context) =>
        TypedResults.Stream(async body =>
        {
            try
            {
                await export.Write(body, context.RequestAborted);
            }
            catch (Exception e) when (e is not OperationCanceledException && context.Response.HasStarted)
            {
                // Headers are gone: the only honest answer left is an incomplete body, so the client cannot take it for the whole graph.
                context.Abort();
            }
        }, GraphExport.MediaType);
}
