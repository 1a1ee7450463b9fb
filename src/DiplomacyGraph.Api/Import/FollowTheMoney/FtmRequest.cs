using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// The HTTP side of a FollowTheMoney import: its options checked, its body spooled to a temporary file (the import reads
/// the file three times: once to check and date it, then parties, then the rest), and a refused batch as a problem.
/// </summary>
internal static partial class FtmRequest
{
    /// <summary>The field errors of the query options, keyed by parameter.</summary>
    public static Dictionary<string, string[]> Problems(string? published, string? dataset)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (published is not null && !PublishedPattern().IsMatch(published))
        {
            problems["published"] = ["'published' must be a date (yyyy-MM-dd) or a date-time (yyyy-MM-ddTHH:mm, seconds allowed)."];
        }
        if (dataset is not null && !DatasetPattern().IsMatch(dataset))
        {
            problems["dataset"] = ["'dataset' must be a dataset name: 1 to 100 lower-case letters, digits, '_' or '-' (e.g. us_ofac_sdn)."];
        }
        return problems;
    }

    /// <summary>The body in a temporary file (deleted when disposed), or null when it is larger than <paramref name="limit"/>.</summary>
    public static async Task<Spool?> Spool(HttpRequest request, long limit, CancellationToken ct)
    {
        if (request.ContentLength > limit) return null;
        // This endpoint enforces its own limit as it reads (UseWriteBodyLimit leaves it alone); lift Kestrel's too.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrelLimit)
        {
            kestrelLimit.MaxRequestBodySize = null;
        }
        var spool = new Spool(Path.Combine(Path.GetTempPath(), $"diplomacygraph-ftm-{Guid.NewGuid():N}.ndjson"));
        try
        {
            await using var file = new FileStream(spool.Path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            var buffer = new byte[1 << 16];
            long total = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    await spool.DisposeAsync();
                    return null;
                }
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            return spool;
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }

    /// <summary>A dataset name as FollowTheMoney exports write them (us_ofac_sdn).</summary>
    public const string DatasetName = "^[a-z0-9][a-z0-9_-]{0,99}$";

    /// <summary>A publication date, or date-time to the minute or second.</summary>
    public const string PublishedDate = @"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?)?$";

    [System.Text.RegularExpressions.GeneratedRegex(DatasetName)]
    private static partial System.Text.RegularExpressions.Regex DatasetPattern();

    [System.Text.RegularExpressions.GeneratedRegex(PublishedDate)]
    private static partial System.Text.RegularExpressions.Regex PublishedPattern();

    /// <summary>A batch the store refused: 409 or 422 as for any import, saying what was written before it.</summary>
    public static ProblemHttpResult Refused(FtmOutcome.Refused refused)
    {
        var (status, title) = refused.Refusal switch
        {
            WriteOutcome.Conflict => (StatusCodes.Status409Conflict, ConflictProblem.IdTakenTitle),
            WriteOutcome.UnknownReferences => (StatusCodes.Status422UnprocessableEntity, UnprocessableProblem.UnknownTitle),
            _ => (StatusCodes.Status422UnprocessableEntity, UnprocessableProblem.MismatchTitle),
        };
        return TypedResults.Problem(statusCode: status, title: title,
            detail: $"Batch {refused.Batch} (lines {refused.FirstLine}–{refused.LastLine}) was refused and not written: {((IWriteRefusal)refused.Refusal).Detail} " +
                $"The {refused.Batch - 1} batches before it were written (see 'imported'); a re-import of the file after the fix is safe.",
            extensions: new Dictionary<string, object?> { ["imported"] = FtmImportResultDto.From(refused.Report) });
    }
}

/// <summary>A temporary file that goes when disposed.</summary>
internal sealed class Spool(string path) : IAsyncDisposable
{
    public string Path => path;

    /// <summary>A new reader of the file, from its start.</summary>
    public Stream Open() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    public ValueTask DisposeAsync()
    {
        try { File.Delete(path); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
