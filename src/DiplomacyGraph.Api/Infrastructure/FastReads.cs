using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.IO;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>How long a cached GET answer may be served (<c>Caching</c> section).</summary>
public sealed class CachingOptions
{
    public const string Section = "Caching";

    /// <summary>
    /// The longest a cached answer lives; zero turns caching off. A write through this process invalidates the cache
    /// at once, but a write through another process (a second API instance on the same Neo4j, or the <c>import</c>
    /// command) is seen here only when the entry expires, so this bounds how stale a multi-process deployment reads.
    /// Unset, it is <see cref="EmbeddedDefault"/> on the embedded store (whose file one process owns) and off on Neo4j.
    /// </summary>
    public TimeSpan? Lifetime { get; set; }

    public static readonly TimeSpan EmbeddedDefault = TimeSpan.FromSeconds(30);

    /// <summary>The lifetime in force for this configuration.</summary>
    public TimeSpan Effective(IConfiguration configuration) =>
        Lifetime ?? (string.IsNullOrWhiteSpace(configuration["Neo4j:Uri"]) ? EmbeddedDefault : TimeSpan.Zero);
}

/// <summary>
/// The read path's speed-ups: Brotli and gzip compression, an output cache of <c>/api</c> GET answers that any write
/// in the process invalidates, and weak ETags answered with 304 on <c>If-None-Match</c>.
/// </summary>
internal static class FastReads
{
    private const string Tag = "graph";

    public static IServiceCollection AddFastReads(this IServiceCollection services)
    {
        services.AddOptions<CachingOptions>().BindConfiguration(CachingOptions.Section)
            .Validate(o => o.Lifetime is null || o.Lifetime >= TimeSpan.Zero, "Caching:Lifetime must not be negative.").ValidateOnStart();
        services.AddSingleton<GraphGeneration>();
        // The ETag middleware buffers each answer: in pooled 64 KB blocks, so a large answer (a network, the graph) does not
        // allocate a fresh large-object-heap array per request; at most 32 MB of free blocks are kept.
        services.AddSingleton(new RecyclableMemoryStreamManager(new RecyclableMemoryStreamManager.Options
        {
            BlockSize = 64 * 1024,
            LargeBufferMultiple = 1024 * 1024,
            MaximumBufferSize = 16 * 1024 * 1024,
            MaximumSmallPoolFreeBytes = 16 * 1024 * 1024,
            MaximumLargePoolFreeBytes = 16 * 1024 * 1024,
        }));
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/problem+json", "text/csv"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<CachingOptions>, IConfiguration>((o, caching, configuration) =>
        {
            var lifetime = caching.Value.Effective(configuration);
            o.DefaultExpirationTimeSpan = lifetime > TimeSpan.Zero ? lifetime : TimeSpan.FromTicks(1);
            o.AddBasePolicy(policy => policy
                .With(context => lifetime > TimeSpan.Zero && context.HttpContext.Request.Path.StartsWithSegments("/api")
                    && context.HttpContext.RequestServices.GetRequiredService<StartupProgress>().Done)
                .SetVaryByQuery("*")
                .SetVaryByHeader("Accept", "Accept-Encoding", "Origin")
                // A write bumps the generation, so an answer read before it can never be served after it, even one
                // stored after the eviction below by a request that raced the write.
                .VaryByValue(context => new KeyValuePair<string, string>("generation",
                    context.RequestServices.GetRequiredService<GraphGeneration>().Current.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Tag(Tag));
        });
        return services;
    }

    /// <summary>Cache, then compression (so cached bodies are compressed once), then ETags, then the endpoints.</summary>
    public static WebApplication UseFastReads(this WebApplication app)
    {
        app.Use(InvalidateOnWrite);
        app.UseOutputCache();
        app.UseResponseCompression();
        app.UseMiddleware<ETagMiddleware>();
        return app;
    }

    private static async Task InvalidateOnWrite(HttpContext context, RequestDelegate next)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
        {
            await next(context);
            return;
        }
        try
        {
            await next(context);
        }
        finally
        {
            // Whatever the outcome (a refused write changes nothing, but costs nothing to invalidate for).
            await Invalidate(context);
        }
    }

    /// <summary>Drops every cached answer; a long write (the bulk import) calls it after each document it applies, too.</summary>
    public static async Task Invalidate(HttpContext context)
    {
        context.RequestServices.GetRequiredService<GraphGeneration>().Advance();
        await context.RequestServices.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(Tag, CancellationToken.None);
    }
}

/// <summary>A counter of writes in this process; part of every output-cache key.</summary>
internal sealed class GraphGeneration
{
    private long current;

    public long Current => Interlocked.Read(ref current);

    public void Advance() => Interlocked.Increment(ref current);
}

/// <summary>
/// A weak ETag (a hash of the body before compression, so every encoding of an answer shares it) on each successful
/// GET, and 304 Not Modified when the client's <c>If-None-Match</c> names it. Bodies are capped lists, so buffering is bounded.
/// </summary>
internal sealed class ETagMiddleware(RequestDelegate next, RecyclableMemoryStreamManager streams)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || !context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        var body = context.Response.Body;
        await using var buffer = streams.GetStream("etag");
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }
        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            var hash = Sha256(buffer.GetReadOnlySequence());
            var etag = $"W/\"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"";
            context.Response.Headers.ETag = etag;
            if (Matches(context.Request.Headers.IfNoneMatch, etag))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.ContentLength = null;
                context.Response.Headers.ContentType = default;
                return;
            }
        }
        // An empty body stays unset, so that the status-code pages outside can still write their problem details.
        if (buffer.Length == 0) return;
        context.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.RequestAborted);
    }

    private static byte[] Sha256(System.Buffers.ReadOnlySequence<byte> body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var block in body) sha.AppendData(block.Span);
        return sha.GetHashAndReset();
    }

    /// <summary>Weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored; "*" matches any current representation.</summary>
    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        var opaque = etag[2..];
        foreach (var header in ifNoneMatch)
        {
            foreach (var candidate in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (candidate == "*" || (candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate) == opaque) return true;
            }
        }
        return false;
    }
}
