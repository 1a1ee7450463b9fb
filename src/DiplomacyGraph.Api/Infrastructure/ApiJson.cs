using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>The API's JSON settings, for its answers and request bodies alike.</summary>
public static class ApiJson
{
    /// <summary>
    /// Compile-time serializers for every JSON answer the API gives: each feature folder declares its own
    /// <see cref="JsonSerializerContext"/> beside its answer types, and every context of this assembly is collected here
    /// (ordered by name, so the chain is the same on every start). Their generation options match the runtime ones (web
    /// defaults: camelCase, nulls written), so System.Text.Json takes the generated fast path and writes the same bytes
    /// reflection would. Reflection stays behind them for what no context lists: request bodies, ProblemDetails, and the
    /// runtime types inside property bags that the compiler names itself (collection expressions).
    /// <c>ApiJsonContextTests</c> fails when an endpoint's answer type is in no context.
    /// </summary>
    public static IReadOnlyList<JsonSerializerContext> Contexts { get; } = [.. typeof(ApiJson).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, ContainsGenericParameters: false } && t.IsSubclassOf(typeof(JsonSerializerContext)))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (JsonSerializerContext)t.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)];

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // A property the format does not have, or has under another case, or twice, is a mistake to report, not to drop.
        KnowledgeJson.Strict(options);
        // Answers serialize through generated code; reflection stays behind it for everything else.
        for (var i = 0; i < Contexts.Count; i++)
        {
            options.TypeInfoResolverChain.Insert(i, Contexts[i]);
        }
        return options;
    }
}
