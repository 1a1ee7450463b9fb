using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>Who may write, how often, and how much: the <c>Auth</c> and <c>Writes</c> configuration sections.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// The API keys that may write, by name (<c>Auth:Keys:&lt;name&gt;</c>, <c>Auth__Keys__&lt;name&gt;</c> in the environment).
    /// The name, never the key, is what logs and idempotency scopes show. No key at all: writes are disabled.
    /// </summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Unnamed keys, as before names existed (<c>Auth__ApiKeys__0</c>); each is named <c>api-key-&lt;index&gt;</c>.</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>
    /// Wrong keys one client address may send in a minute; after that its requests without a valid key answer 429 until
    /// the minute ends. A valid key is never refused for its address's failures.
    /// </summary>
    public int MaxFailures { get; set; } = 10;

    /// <summary>Every configured key with its name: the named ones, then <see cref="ApiKeys"/> by index; empty values are ignored.</summary>
    public IReadOnlyList<NamedKey> Configured() =>
    [
        .. Keys.Where(k => !string.IsNullOrEmpty(k.Value)).Select(k => new NamedKey(k.Key, k.Value)),
        .. ApiKeys.Select((key, index) => new NamedKey($"api-key-{index}", key)).Where(k => !string.IsNullOrEmpty(k.Key)),
    ];
}

/// <summary>An API key and the name it authenticates as.</summary>
public sealed record NamedKey(string Name, string Key);

/// <summary>The <c>Reads</c> configuration section.</summary>
public sealed class ReadOptions
{
    public const string Section = "Reads";

    /// <summary>Reads of <c>/api/*</c> each client address may make per minute; 0 (the default) means no limit.</summary>
    public int PermitsPerMinute { get; set; }
}

public sealed class WriteOptions
{
    public const string Section = "Writes";

    /// <summary>The largest request body a write accepts, in bytes.</summary>
    public long MaxBodyBytes { get; set; } = 1_048_576;

    /// <summary>Writes each API key may make per minute.</summary>
    public int PermitsPerMinute { get; set; } = 120;
}

/// <summary>The <c>X-Api-Key</c> scheme: a key <see cref="KeyRing"/> knows authenticates as its name.</summary>
internal sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    KeyRing keys, IProblemDetailsService problems, FailedAuthThrottle throttle)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string WriterPolicy = "writer";

    private const string ThrottledItem = "DiplomacyGraph.AuthThrottledFor";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var sent = Request.Headers.TryGetValue(Header, out var presented) && presented.Count == 1 && !string.IsNullOrEmpty(presented[0]);
        var name = sent ? keys.NameOf(presented[0]!) : null;
        if (name is not null)
        {
            // A valid key is never refused for someone else's wrong guesses from the same address (behind an
            // unconfigured proxy, that is every client): with 128-bit keys, guessing is infeasible at any rate, so the
            // throttle below only bounds noise, and must not be a lever for locking writers out.
            Logger.LogInformation("{Method} {Path} by key {KeyName}", Request.Method, Request.Path, name);
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
        var address = ClientAddress.Of(Context);
        if (throttle.IsBlocked(address, out var retryAfter))
        {
            Context.Items[ThrottledItem] = retryAfter;
            return Task.FromResult(AuthenticateResult.Fail("Too many failed attempts from this address."));
        }
        if (!sent || !keys.Any)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        throttle.RecordFailure(address);
        return Task.FromResult(AuthenticateResult.Fail("Invalid API key."));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[ThrottledItem] is TimeSpan retryAfter)
        {
            Response.Headers.RetryAfter = Seconds(retryAfter);
            await Write(StatusCodes.Status429TooManyRequests, "Too many failed attempts.",
                "This address sent too many wrong API keys; its requests without a valid key are refused until the time Retry-After gives.");
            return;
        }
        if (!keys.Any)
        {
            await Write(StatusCodes.Status403Forbidden, "Writes are disabled.", "No API key is configured on this server (Auth:Keys), so it accepts no writes.");
            return;
        }
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{Header}\"";
        await Write(StatusCodes.Status401Unauthorized, "An API key is required.", $"Send a valid key in the {Header} header.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Write(StatusCodes.Status403Forbidden, "Forbidden.", "This key may not do that.");

    public static string Seconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task Write(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}

internal static class WriteAccess
{
    public const string RateLimitPolicy = "writes";

    public static IServiceCollection AddWriteAccess(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section)
            .Validate(o => o.MaxFailures is > 0 and <= 1_000_000, "Auth:MaxFailures must be between 1 and 1000000.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, ApiKeyRules>();
        services.AddSingleton<KeyRing>();
        services.AddOptions<ReadOptions>().BindConfiguration(ReadOptions.Section)
            .Validate(o => o.PermitsPerMinute is >= 0 and <= 1_000_000, "Reads:PermitsPerMinute must be between 0 (no limit) and 1000000.")
            .ValidateOnStart();
        services.AddSingleton<FailedAuthThrottle>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<WriteOptions>().BindConfiguration(WriteOptions.Section)
            .Validate(o => o.MaxBodyBytes is > 0 and <= 100_000_000, "Writes:MaxBodyBytes must be between 1 and 100000000.")
            .Validate(o => o.PermitsPerMinute is > 0 and <= 100_000, "Writes:PermitsPerMinute must be between 1 and 100000.")
            .ValidateOnStart();

        // A key before a media type: 401 comes before 415. Routing's content-type policy would answer a body of another
        // type with 415 before authorization runs; without it, each endpoint checks its body's type after the key (the
        // JSON binder answers 415, and the NDJSON endpoints check theirs). No two endpoints here differ by content type.
        if (services.FirstOrDefault(d => d.ServiceType == typeof(MatcherPolicy) && d.ImplementationType?.Name == "AcceptsMatcherPolicy") is { } accepts)
        {
            services.Remove(accepts);
        }

        // No default scheme: a key is only looked at where the writer policy asks for it, so reads never compare keys.
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(ApiKeyHandler.WriterPolicy, p => p.AddAuthenticationSchemes(ApiKeyHandler.SchemeName).RequireAuthenticatedUser());

        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ReadPartition);
            o.AddPolicy(RateLimitPolicy, context =>
            {
                var permits = context.RequestServices.GetRequiredService<IOptions<WriteOptions>>().Value.PermitsPerMinute;
                // Authorization has run: partition by the key's name, so the limiter never holds keys in clear.
                return RateLimitPartition.GetFixedWindowLimiter(context.User.Identity?.Name ?? string.Empty, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            o.OnRejected = async (rejected, ct) =>
            {
                var response = rejected.HttpContext.Response;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = ApiKeyHandler.Seconds(retryAfter);
                var title = IsRead(rejected.HttpContext.Request) ? "Too many reads." : "Too many writes.";
                await rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = rejected.HttpContext,
                    ProblemDetails = new ProblemDetails { Status = 429, Title = title, Detail = "Wait for the time Retry-After gives, then try again." },
                });
            };
        });
        return services;
    }

    /// <summary>Reads of /api/* are limited per client address when Reads:PermitsPerMinute is set; everything else is not.</summary>
    private static RateLimitPartition<string> ReadPartition(HttpContext context)
    {
        var permits = context.RequestServices.GetRequiredService<IOptions<ReadOptions>>().Value.PermitsPerMinute;
        if (permits == 0 || !IsRead(context.Request) || !context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }
        return RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    private static bool IsRead(HttpRequest request) => HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);

    /// <summary>Write policy for a group: an API key, the rate limit, and the body cap.</summary>
    public static RouteGroupBuilder RequireWriteAccess(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(ApiKeyHandler.WriterPolicy).RequireRateLimiting(RateLimitPolicy);
        group.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }

    /// <summary>
    /// Rejects write bodies above Writes:MaxBodyBytes with 413 before anything reads them: by Content-Length
    /// when sent, else by counting as the body streams (the test server and some proxies do not enforce Kestrel's limit).
    /// </summary>
    public static IApplicationBuilder UseWriteBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if ((HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method) || HttpMethods.IsPatch(context.Request.Method))
            && context.GetEndpoint()?.Metadata.GetMetadata<OwnBodyLimit>() is null)
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<WriteOptions>>().Value.MaxBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                throw new BadHttpRequestException($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
            }
            context.Request.Body = new LimitedStream(context.Request.Body, limit);
        }
        await next(context);
    });

    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            Count(await inner.ReadAsync(buffer, ct));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        private int Count(int n)
        {
            read += n;
            return read > limit
                ? throw new BadHttpRequestException($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge)
                : n;
        }
    }
}

/// <summary>
/// Marks an endpoint that limits its body itself, as it reads it (the bulk import takes a stream far larger than
/// Writes:MaxBodyBytes, with a limit per line), so <see cref="WriteAccess.UseWriteBodyLimit"/> leaves it alone.
/// </summary>
internal sealed class OwnBodyLimit;
