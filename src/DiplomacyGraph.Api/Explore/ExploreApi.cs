using System.Collections.Frozen;
using System.Reflection;

namespace DiplomacyGraph.Api.Explore;

/// <summary>
/// The explorer's files, embedded in the API assembly: the page, its script and style (in <c>Explore/page/</c>), and
/// Cytoscape.js, which the build takes from npm (<c>Explore/package-lock.json</c>) when npm is there. Embedding keeps
/// the page working wherever the assembly runs (dotnet run, tests, a container), with no internet and no wwwroot.
/// </summary>
public sealed class ExploreAssets
{
    public const string Library = "cytoscape.min.js";
    private const string Prefix = "DiplomacyGraph.Api.Explore.";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["explore.js"] = "text/javascript; charset=utf-8",
        ["explore.css"] = "text/css; charset=utf-8",
        [Library] = "text/javascript; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly Func<string, byte[]?> read;

    /// <summary>The files embedded in this assembly.</summary>
    public ExploreAssets() : this(FromAssembly) { }

    /// <summary>Files from <paramref name="read"/>: by file name, null when absent.</summary>
    public ExploreAssets(Func<string, byte[]?> read) => this.read = read;

    /// <summary>Whether the build found npm and embedded Cytoscape.js.</summary>
    public bool HasLibrary => read(Library) is not null;

    /// <summary>One of the explorer's files and its content type, or null for any other name.</summary>
    public (byte[] Content, string ContentType)? Find(string file) =>
        ContentTypes.TryGetValue(file, out var type) && read(file) is { } content ? (content, type) : null;

    private static byte[]? FromAssembly(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Prefix + file);
        if (stream is null) return null;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

internal static class ExploreApi
{
    /// <summary>What <c>/explore</c> says when the build had no npm, so Cytoscape.js is not embedded.</summary>
    internal const string NotBuiltPage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>DiplomacyGraph explorer: not built</title></head>
        <body>
        <h1>The graph explorer is not part of this build</h1>
        <p>The explorer draws the graph with Cytoscape.js, which the build takes from npm. This copy was built without npm,
        so the page was left out; the API itself works as usual.</p>
        <p>To enable it, install Node.js and npm (for example <code>apt-get install nodejs npm</code>) and build again:
        <code>dotnet build src/DiplomacyGraph.Api</code>. The build then runs <code>npm ci</code> in
        <code>src/DiplomacyGraph.Api/Explore/</code> and embeds the library; the page needs no internet after that.</p>
        </body></html>
        """;

    public static IServiceCollection AddExplore(this IServiceCollection services) => services.AddSingleton(_ => new ExploreAssets());

    public static IEndpointRouteBuilder MapExplore(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/explore", Page).ExcludeFromDescription();
        routes.MapGet("/explore/{file}", File).ExcludeFromDescription();
        return routes;
    }

    private static IResult Page(ExploreAssets assets, HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-cache";
        return assets.HasLibrary && assets.Find("index.html") is { } page
            ? Results.Bytes(page.Content, page.ContentType)
            : Results.Content(NotBuiltPage, "text/html; charset=utf-8");
    }

    private static IResult File(string file, ExploreAssets assets, HttpContext context)
    {
        if (file == "index.html" || assets.Find(file) is not { } asset) return Results.NotFound();
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Bytes(asset.Content, asset.ContentType);
    }
}
