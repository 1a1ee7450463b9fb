using System.Diagnostics;
using System.Text;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DiplomacyGraph.Api.Import;

internal static class ImportApi
{
    public const string NdJson = "application/x-ndjson";

    /// <summary>
    /// The import pipeline and the seeding that runs through it at start, the import's settings (bulk limits, the
    /// FollowTheMoney mapping) and what it adds to the OpenAPI document.
    /// </summary>
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        Importer.Add(services);
        SeedService.Add(services);
        BulkImportOptions.Add(services);
        services.AddOptions<FtmOptions>().BindConfiguration(FtmOptions.Section);
        services.ConfigureSwaggerGen(o =>
        {
            o.OperationFilter<BulkImportOpenApi>();
            o.SchemaFilter<BulkImportOpenApi>();
        });
        return services;
    }

    public static void MapImport(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/import").WithTags("Import").RequireWriteAccess().WithValidation().WithSharedProblems();

        group.MapPost("/", ImportDocument)
            .WithName("ImportDocument")
            .WithSummary("Import a knowledge document")
            .WithDescription("""
                Takes a knowledge document in the seed format (seed/README.md) and merges it into the graph in one transaction:
                all of it or none of it. Ids that exist are merged into: new non-null values win, lists are unioned, and evidence
                accumulates per source, so a fact two articles report shows both sentences. Re-importing the same document changes
                nothing. Answers what was created, updated and left unchanged. 400 with field paths for an invalid document
                (unknown properties included), 409 when an id is taken by another kind of node, 422 naming every unknown id the
                relationships refer to. Needs an API key (X-Api-Key).
                """);

        group.MapPost("/ftm", ImportFollowTheMoney)
            .WithName("ImportFollowTheMoney")
            .WithSummary("Import FollowTheMoney entities (OpenSanctions)")
            .WithDescription("""
                Takes FollowTheMoney entities as JSON lines (`Content-Type: application/x-ndjson`), maps them as seed/README.md
                ("FollowTheMoney") lists — Person, Organization, Company, LegalEntity, PublicBody to actors, Sanction, Family,
                Associate, Membership, Employment, Occupancy with Position — with one source per dataset and evidence naming
                the entity and property, and merges them in one transaction like /api/import. Fields beyond id, schema,
                properties and datasets are ignored. Entities of other schemata are counted, skipped and listed. The server's
                mapping file (FollowTheMoney:MappingFile) links FollowTheMoney ids to curated actors. Re-importing changes
                nothing. 400 naming each malformed line (nothing is imported), 415 for another content type, 422 for unknown ids.
                Needs an API key (X-Api-Key).
                """)
            .Accepts<string>(NdJson);

        group.MapBulkImport();
    }

    public static async Task<Results<Ok<ImportResultDto>, ValidationProblem, ConflictProblem, UnprocessableProblem, UnsupportedMediaTypeProblem>> ImportDocument(
        KnowledgeDocument document, Importer importer, CancellationToken ct) =>
        Answer(await importer.Import(document, ct), summary => ImportResultDto.From(document.Source.Id, summary));

    public static async Task<Results<Ok<FtmImportResultDto>, ValidationProblem, ConflictProblem, UnprocessableProblem, UnsupportedMediaTypeProblem>> ImportFollowTheMoney(
        HttpRequest request, Importer importer, IOptions<FtmOptions> options, CancellationToken ct)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), NdJson, StringComparison.OrdinalIgnoreCase))
        {
            return UnsupportedMediaTypeProblem.Expecting("FollowTheMoney entities as JSON lines", NdJson);
        }
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var conversion = await FollowTheMoney.Read(reader, options.Value.LoadMapping(), importer.Validator, ct);
        if (!conversion.IsValid)
        {
            return TypedResults.ValidationProblem(conversion.Errors, title: "The FollowTheMoney file is invalid; nothing was imported.");
        }
        return Answer(await importer.Write(conversion.Graph, ct), summary => FtmImportResultDto.From(conversion, summary));
    }

    /// <summary>What an import answers: 200 with what it did, or its refusal as 409 or 422.</summary>
    private static Results<Ok<T>, ValidationProblem, ConflictProblem, UnprocessableProblem, UnsupportedMediaTypeProblem> Answer<T>(
        IImportOutcome outcome, Func<ImportSummary, T> done) => outcome switch
    {
        WriteOutcome.Imported imported => TypedResults.Ok(done(imported.Summary)),
        WriteOutcome.Conflict conflict => ConflictProblem.IdTaken(conflict),
        WriteOutcome.UnknownReferences unknown => UnprocessableProblem.Unknown(unknown),
        WriteOutcome.EndpointMismatch mismatch => UnprocessableProblem.Mismatch(mismatch),
        _ => throw new UnreachableException($"Import answered {outcome}."),
    };
}
