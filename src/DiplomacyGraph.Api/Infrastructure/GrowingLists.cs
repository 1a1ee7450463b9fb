using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// Answer lists without a cap, marked <c>x-grows-with</c> so that Spectral's array-limit rule (.spectral.yaml)
/// requires <c>maxItems</c> on every other list. A list neither marked nor capped fails that rule.
/// </summary>
internal static class GrowingLists
{
    public const string Extension = "x-grows-with";

    /// <summary>Marks an answer's list that grows: every <c>evidence</c> list grows with the sources; others say so with <see cref="GrowsWithAttribute"/>.</summary>
    public static void Mark(OpenApiSchema list, PropertyInfo property)
    {
        var grows = property.GetCustomAttribute<GrowsWithAttribute>()?.What
            ?? property.DeclaringType?.GetCustomAttribute<GrowsWithAttribute>()?.What
            ?? (property.Name == "Evidence" ? "sources" : null);
        if (grows is null) return;
        Mark(list, grows);
    }

    public static void Mark(OpenApiSchema schema, string grows)
    {
        schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        schema.Extensions[Extension] = new JsonNodeExtension(JsonValue.Create(grows));
    }
}
