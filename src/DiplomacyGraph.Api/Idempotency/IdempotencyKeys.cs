using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using DiplomacyGraph.Storage.Idempotency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace DiplomacyGraph.Api.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on every write (draft-ietf-httpapi-idempotency-key-header). The first attempt with a key
/// claims it in the store and its answer is stored; a retry with the same request replays that answer with
/// <c>Idempotent-Replayed: true</c>; the same key with another request answers 422, and a key whose attempt is still
/// under way 409. Keys are scoped by the caller's name, so two callers never see each other's.
/// The write itself marks its key committed in its own store transaction (<see cref="IdempotentWrite"/>): when the
/// process dies between that commit and the answer, the retry finds the key committed but unanswered, and runs the
/// request again with the store's writes answering as they did, writing nothing, so it answers as the first would have.
/// </summary>
internal sealed class IdempotencyKeys(RequestDelegate next, IIdempotencyStore store, IOptions<IdempotencyOptions> options,
    TimeProvider clock, ILogger<IdempotencyKeys> logger)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsKeyedWrite(context, out var header))
        {
            await next(context);
            return;
        }
        if (ParseKey(header) is not { } key)
        {
            await Problem(context, StatusCodes.Status400BadRequest, "The Idempotency-Key header is invalid.",
                $"Send one key of 1 to {IdempotencyOptions.MaxKeyLength} printable ASCII characters, e.g. Idempotency-Key: \"8e03978e-40d5-43e8-bc93-6894a57f9324\".");
            return;
        }

        var settings = options.Value;
        var now = clock.GetUtcNow();
        var attempt = new IdempotencyRecord(
            Id: $"{context.User.Identity!.Name}\n{key}",
            Fingerprint: await Fingerprint(context.Request, context.RequestAborted),
            Token: Guid.NewGuid().ToString("N"),
            LeaseUntil: (now + settings.InFlightLease).ToUnixTimeMilliseconds(),
            ExpiresAt: (now + settings.Expiry).ToUnixTimeMilliseconds(),
            Committed: false,
            Answer: null);
        // Twice at most: a stale claim (its attempt died before committing) is freed once, then claimed afresh.
        for (var round = 0; round < 2; round++)
        {
            switch (await store.ClaimKey(attempt, now.ToUnixTimeMilliseconds(), context.RequestAborted))
            {
                case IdempotencyClaim.Claimed:
                    await Run(context, attempt, committedBefore: false);
                    return;
                case IdempotencyClaim.Held(var held) when held.Fingerprint != attempt.Fingerprint:
                    await Problem(context, StatusCodes.Status422UnprocessableEntity, "The Idempotency-Key was used for another request.",
                        "This key was first sent with another method, URL or body. Send a new key for a new request.");
                    return;
                case IdempotencyClaim.Held { Record.Answer: { } answer }:
                    await StoredAnswer.Replay(context.Response, answer, context.RequestAborted);
                    return;
                case IdempotencyClaim.Held { Record.Committed: true } held:
                    await Run(context, held.Record, committedBefore: true);
                    return;
                case IdempotencyClaim.Held held when held.Record.LeaseUntil > now.ToUnixTimeMilliseconds() || round == 1:
                    await Problem(context, StatusCodes.Status409Conflict, "A request with this Idempotency-Key is still in progress.",
                        "Wait for the first request's answer, then retry with the same key to get it.");
                    return;
                case IdempotencyClaim.Held held:
                    await store.ReleaseKey(held.Record.Id, held.Record.Token, context.RequestAborted);
                    break;
            }
        }
    }

    /// <summary>Runs the request holding the key, keeps its answer (not a 5xx: that one may be retried), and sends it.</summary>
    private async Task Run(HttpContext context, IdempotencyRecord key, bool committedBefore)
    {
        var write = new IdempotentWrite(key.Id, key.Token, committedBefore);
        if (committedBefore) context.Response.Headers[ReplayedHeader] = "true";
        var client = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        IdempotentWrite.Current = write;
        try
        {
            await next(context);
        }
        catch
        {
            context.Response.Body = client;
            await ReleaseUnlessCommitted(write, committedBefore);
            throw;
        }
        finally
        {
            IdempotentWrite.Current = null;
            context.Response.Body = client;
        }

        if (write.Committed && options.Value.FaultInjection.KillAfterCommit)
        {
            logger.LogCritical("Idempotency:FaultInjection:KillAfterCommit is set: killing the process after the commit of {Method} {Path}",
                context.Request.Method, context.Request.Path);
            using var self = Process.GetCurrentProcess();
            self.Kill();
        }

        if (context.Response.StatusCode >= 500)
        {
            await ReleaseUnlessCommitted(write, committedBefore);
        }
        else
        {
            await store.CompleteKey(key.Id, key.Token, StoredAnswer.Of(context.Response, buffer.ToArray()), CancellationToken.None);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(client, context.RequestAborted);
    }

    private async Task ReleaseUnlessCommitted(IdempotentWrite write, bool committedBefore)
    {
        if (!write.Committed && !committedBefore) await store.ReleaseKey(write.Id, write.Token, CancellationToken.None);
    }

    /// <summary>Writes under <c>/api</c> that need an API key, sent with the header, by a caller the key names.</summary>
    private static bool IsKeyedWrite(HttpContext context, out string header)
    {
        header = context.Request.Headers[Header].ToString();
        return context.Request.Headers.ContainsKey(Header)
            && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
            && context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && context.GetEndpoint()?.Metadata.GetMetadata<IAuthorizeData>() is not null
            && context.User.Identity is { IsAuthenticated: true, Name: not null };
    }

    /// <summary>
    /// The key: a Structured Fields string as the draft defines it (<c>"…"</c>), or the same characters unquoted, as
    /// many clients send them. One value only; printable ASCII; at most <see cref="IdempotencyOptions.MaxKeyLength"/>.
    /// </summary>
    internal static string? ParseKey(string header)
    {
        var key = header.Length >= 2 && header[0] == '"' && header[^1] == '"' ? header[1..^1] : header;
        return key.Length is > 0 and <= IdempotencyOptions.MaxKeyLength && key.All(c => c is >= ' ' and <= '~' and not '"' and not '\\') && key.Trim().Length == key.Length
            ? key
            : null;
    }

    /// <summary>What makes two requests the same one: method, path and query, and the body's bytes (SHA-256).</summary>
    private static async Task<string> Fingerprint(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}{request.QueryString}\n"));
        var chunk = new byte[16384];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0) hash.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task Problem(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
