using System.Diagnostics;
using System.Text;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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
        FtmOptions.Add(services);
        Gdelt.GdeltOptions.Add(services);
        services.ConfigureSwaggerGen(o =>
        {
            o.OperationFilter<BulkImportOpenApi>();
            o.OperationFilter<FtmImportOpenApi>();
            o.OperationFilter<PloverImportOpenApi>();
            o.OperationFilter<Gdelt.GdeltImportOpenApi>();
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

        Gdelt.GdeltApi.Map(group);

        group.MapPost("/ftm", ImportFollowTheMoney)
            .WithName("ImportFollowTheMoney")
            .WithSummary("Import FollowTheMoney entities (OpenSanctions), streamed in batches")
            .WithDescription("""
                Takes FollowTheMoney entities as JSON lines (`Content-Type: application/x-ndjson`): an export (one entity a
                line) or an OpenSanctions delta (`{"op": "ADD"|"MOD"|"DEL", "entity": {…}}`). Maps them as seed/README.md
                ("FollowTheMoney") lists, one source per dataset export (dated by its newest `last_change`/`last_seen`, or by
                `published`), and writes them in batches (FollowTheMoney:BatchSize lines, each one transaction) with the
                ordinary merge rules; a DEL withdraws that dataset's evidence and claims from the entity. The body may be up
                to FollowTheMoney:MaxBodyBytes (1 GiB by default); it is spooled to a temporary file, so memory follows the
                batch, not the file. A record with a reference that neither the file nor the store holds, a party without a
                name, or a record its mapper or the validator refuses is skipped and reported by FollowTheMoney id and line,
                counted per reason; the rest is imported. Re-importing the same file changes nothing. 400 naming each
                malformed line, or a dataset with no date (nothing is imported), 413 past the body limit, 415 for another
                content type, 409/422 when the store refuses a batch (the batches before it stay written). Needs an API key (X-Api-Key).
                """)
            // No Accepts metadata: routing would then answer another content type with 415 before the key is checked.
            // The handler checks it, after authorization; FtmImportOpenApi states the body's type.
            .WithMetadata(new OwnBodyLimit());

        group.MapBulkImport();
        group.MapPloverImport();
    }

    public static async Task<Results<Ok<ImportResultDto>, ValidationProblem, ConflictProblem, UnprocessableProblem, UnsupportedMediaTypeProblem>> ImportDocument(
        KnowledgeDocument document, Importer importer, CancellationToken ct) =>
        Answer(await importer.Import(document, ct), summary => ImportResultDto.From(document.Source.Id, summary));

    /// <param name="request">The body: FollowTheMoney entities or delta records, one a line.</param>
    /// <param name="published">The export's date (yyyy-MM-dd or yyyy-MM-ddTHH:mm) for every dataset of the file: needed when its entities carry no seen-times.</param>
    /// <param name="dataset">The dataset a DEL record withdraws from when it names none (default: the datasets the file's entities name).</param>
    /// <param name="importer">The import pipeline.</param>
    /// <param name="options">The FollowTheMoney settings.</param>
    /// <param name="ct">Cancelled when the client goes.</param>
    public static async Task<Results<Ok<FtmImportResultDto>, ValidationProblem, ConflictProblem, UnprocessableProblem, UnsupportedMediaTypeProblem, ProblemHttpResult>> ImportFollowTheMoney(
        HttpRequest request, [FromQuery] string? published, [FromQuery] string? dataset, Importer importer, IOptions<FtmOptions> options, CancellationToken ct)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), NdJson, StringComparison.OrdinalIgnoreCase))
        {
            return UnsupportedMediaTypeProblem.Expecting("FollowTheMoney entities as JSON lines", NdJson);
        }
        if (FtmRequest.Problems(published, dataset) is { Count: > 0 } problems)
        {
            return TypedResults.ValidationProblem(problems);
        }
        var settings = options.Value;
        await using var spool = await FtmRequest.Spool(request, settings.MaxBodyBytes, ct);
        if (spool is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large.",
                detail: $"The body is larger than {settings.MaxBodyBytes} bytes (FollowTheMoney:MaxBodyBytes). Nothing was imported; split the file.");
        }
        var run = new FtmRun(settings.LoadMapping(), FtmValues.LocalDateTime(published), dataset, settings.BatchSize);
        var outcome = await FtmImport.Run(spool.Open, run, importer, ct);
        return outcome switch
        {
            FtmOutcome.Completed done => TypedResults.Ok(FtmImportResultDto.From(done.Report)),
            FtmOutcome.Rejected invalid => TypedResults.ValidationProblem(invalid.Errors, title: "The FollowTheMoney file is invalid; nothing was imported.",
                extensions: new Dictionary<string, object?> { [FieldErrors.CountName] = invalid.ErrorCount }),
            FtmOutcome.Refused refused => FtmRequest.Refused(refused),
            _ => throw new UnreachableException($"A FollowTheMoney import answered {outcome}."),
        };
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
