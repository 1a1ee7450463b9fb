using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DiplomacyGraph.Api.Common;

/// <summary>Lists <c>text/csv</c> beside JSON for every list operation in the Swagger document, with its columns.</summary>
internal sealed class CsvOpenApi : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var itemType = context.MethodInfo is { } method ? ListAnswers.ListItemType(method.ReturnType) : null;
        if (itemType is null || Csv.TableOf(itemType) is not { } table) return;
        if (operation.Responses?.TryGetValue("200", out var ok) != true || ok is not OpenApiResponse response) return;

        response.Content ??= new Dictionary<string, OpenApiMediaType>();
        response.Content[ListAnswers.CsvMediaType] = new OpenApiMediaType
        {
            // No "type: string": the body is a CSV document, not a field, and its length follows its rows (capped below)
            // and their stored values, so a maxLength would be a number the server does not enforce.
            Schema = new OpenApiSchema
            {
                Description = $"RFC 4180 CSV in UTF-8 with a header row, with `Accept: text/csv` or `format=csv`. Columns: {string.Join(", ", table.Names)}. "
                    + $"Several values in a cell are joined with \"{Csv.Separator}\". Not paged: every row up to {Csv.MaxRows:N0} (a capped list: up to its limit); "
                    + $"`{CsvListResult.TruncatedHeader}: true` says the rows were cut, `{CsvListResult.TotalHeader}` gives the total where known.",
            },
        };
    }
}
