using System.Text.Json.Nodes;
using DiplomacyGraph.Api.Infrastructure;

namespace DiplomacyGraph.Api.Common;

/// <summary>Swagger's examples for the parameters every list shares (paging, format, dates, claims).</summary>
internal sealed class ListExamples : OpenApiExamples
{
    public override IReadOnlyDictionary<string, JsonNode> Parameters { get; } = new Dictionary<string, JsonNode>(StringComparer.OrdinalIgnoreCase)
    {
        ["* *:page"] = 1,
        ["* *:pageSize"] = 20,
        ["* *:cascade"] = false,
        ["* *:format"] = "json",
        ["* *:csvEscapeFormulas"] = false,
        ["* *:asOf"] = "2026-02-03",
        ["* *:activeOn"] = "2026-02-03",
        ["* *:claims"] = "all",
    };
}
