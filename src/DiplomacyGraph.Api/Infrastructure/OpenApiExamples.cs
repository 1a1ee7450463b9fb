using System.Text.Json.Nodes;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// The example values one feature gives its operations in Swagger, so that Try it out works at the first click. Each
/// feature folder declares its own subclass; <see cref="OpenApiConventions"/> collects every one in the assembly, as
/// <see cref="ApiJson"/> collects the JSON contexts, so Infrastructure names no feature.
/// </summary>
internal abstract class OpenApiExamples
{
    /// <summary>The seed's source, which the write examples cite as their evidence's source.</summary>
    protected const string SeedSource = "vermelho-2026-02-04-petro-trump";

    /// <summary>The seed's White House meeting.</summary>
    protected const string SeedMeeting = "white-house-meeting-2026-02-03";

    /// <summary>
    /// Parameter examples by <c>"METHOD route:parameter"</c>; <c>*</c> stands for any method or any route, and
    /// <c>{id}*</c> for the routes below an id. Reads use seed ids; writes use harmless ids of their own
    /// (<c>example-actor</c>, …), created by the POST examples, so trying a PUT or DELETE never touches the seed's facts.
    /// </summary>
    public virtual IReadOnlyDictionary<string, JsonNode> Parameters { get; } = new Dictionary<string, JsonNode>();

    /// <summary>Request body examples by operation id (<c>CreateActor</c>).</summary>
    public virtual IReadOnlyDictionary<string, Func<JsonNode>> Bodies { get; } = new Dictionary<string, Func<JsonNode>>();

    /// <summary>Every feature's examples, one table each; a key given twice is a start-up error.</summary>
    public static (Dictionary<string, JsonNode> Parameters, Dictionary<string, Func<JsonNode>> Bodies) Collect()
    {
        var sources = typeof(OpenApiExamples).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false } && t.IsSubclassOf(typeof(OpenApiExamples)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (OpenApiExamples)Activator.CreateInstance(t)!)
            .ToList();
        return (
            sources.SelectMany(s => s.Parameters).ToDictionary(e => e.Key, e => e.Value, StringComparer.OrdinalIgnoreCase),
            sources.SelectMany(s => s.Bodies).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));
    }
}
