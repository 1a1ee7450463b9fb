using Microsoft.Extensions.Options;

namespace DiplomacyGraph.Storage.Neo4j;

/// <summary>How to reach Neo4j: the <c>Neo4j</c> configuration section. Setting <see cref="Uri"/> selects the Neo4j store.</summary>
public sealed class Neo4jOptions
{
    public const string Section = "Neo4j";

    /// <summary>The HTTP(S) root of the server, e.g. <c>http://localhost:7474</c>; the transaction endpoint is discovered from it.</summary>
    public Uri? Uri { get; set; }

    /// <summary>The database on 4.x and later; 3.x has only one and ignores it.</summary>
    public string Database { get; set; } = "neo4j";

    /// <summary>Basic-auth user; no authentication when empty.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The most one store call may take, retries of transient errors included.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The most an import or the schema set-up may take, retries included: longer than <see cref="RequestTimeout"/>
    /// because a cold server compiles a dozen write statements on the first import.
    /// </summary>
    public TimeSpan ImportTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most opening a TCP connection may take, so a dead host fails fast.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Which HTTP API to speak: <c>auto</c> (default), <c>query</c> or <c>tx</c>; see <see cref="Neo4jProtocol"/>.</summary>
    public Neo4jProtocol Protocol { get; set; } = Neo4jProtocol.Auto;
}

/// <summary>The HTTP API the Neo4j store speaks.</summary>
public enum Neo4jProtocol
{
    /// <summary>
    /// The transactional API wherever the server offers it (3.x to 5.x; the path tested against a real server), the
    /// Query API where <c>GET /</c> advertises no <c>transaction</c> endpoint (Aura) or the transactional API answers 404.
    /// </summary>
    Auto,

    /// <summary>The Query API (<c>/db/{db}/query/v2</c>, Neo4j 5.19+ and Aura), whatever else the server offers.</summary>
    Query,

    /// <summary>The transactional API (<c>/db/{db}/tx</c>, <c>/db/data/transaction</c> on 3.x) only.</summary>
    Tx,
}

/// <summary>Checks <see cref="Neo4jOptions"/> at start-up, so a bad setting stops the host with a clear message.</summary>
internal sealed class Neo4jOptionsValidator : IValidateOptions<Neo4jOptions>
{
    public ValidateOptionsResult Validate(string? name, Neo4jOptions options)
    {
        var failures = new List<string>();
        if (options.Uri is not { IsAbsoluteUri: true } uri || (uri.Scheme != System.Uri.UriSchemeHttp && uri.Scheme != System.Uri.UriSchemeHttps))
        {
            failures.Add("Neo4j:Uri must be an absolute http or https address, e.g. http://localhost:7474.");
        }
        if (string.IsNullOrWhiteSpace(options.Database))
        {
            failures.Add("Neo4j:Database must not be empty.");
        }
        if (string.IsNullOrEmpty(options.User) && !string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Neo4j:Password is set but Neo4j:User is not.");
        }
        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add("Neo4j:RequestTimeout must be between 0 and 5 minutes, e.g. 00:00:05.");
        }
        if (options.ImportTimeout <= TimeSpan.Zero || options.ImportTimeout > TimeSpan.FromMinutes(30))
        {
            failures.Add("Neo4j:ImportTimeout must be between 0 and 30 minutes, e.g. 00:00:30.");
        }
        if (!Enum.IsDefined(options.Protocol))
        {
            failures.Add("Neo4j:Protocol must be auto, query or tx.");
        }
        if (options.ConnectTimeout <= TimeSpan.Zero || options.ConnectTimeout > options.RequestTimeout)
        {
            failures.Add("Neo4j:ConnectTimeout must be positive and no longer than Neo4j:RequestTimeout.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
