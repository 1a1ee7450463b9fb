using System.Text.Json;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// Checks a JSON request body against the shape of the endpoint's body type before the binder reads it, so a body
/// with several structural mistakes (unknown, duplicate, wrong-case or mistyped properties, missing required ones)
/// answers one 400 naming all of them. A body that passes is rewound and bound as usual, and its field rules are
/// then checked together by the validation filter.
/// </summary>
internal static class StrictJsonBodies
{
    public static IApplicationBuilder UseStrictJsonBodies(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var documentOptions = JsonShape.DocumentOptions(options);
        return app.Use(async (context, next) =>
        {
            var accepts = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>();
            var request = context.Request;
            if (accepts?.RequestType is not { } bodyType)
            {
                await next(context);
                return;
            }
            if (!request.HasJsonContentType())
            {
                // Not JSON: routing or the binder answers 415.
                await next(context);
                return;
            }
            if (request.ContentLength == 0)
            {
                if (accepts.IsOptional)
                {
                    await next(context);
                    return;
                }
                await TypedResults.ValidationProblem(new Dictionary<string, string[]> { [JsonShape.Root] = ["A JSON body is required."] },
                    detail: "The body does not have the shape this endpoint takes.").ExecuteAsync(context);
                return;
            }
            request.EnableBuffering();
            var errors = new FieldErrors();
            try
            {
                using var json = await JsonDocument.ParseAsync(request.Body, documentOptions, context.RequestAborted);
                errors = JsonShape.Errors(json.RootElement, bodyType, options);
            }
            catch (JsonException e)
            {
                errors.Add(JsonShape.Root, JsonShape.Describe(e));
            }
            if (errors.Count > 0)
            {
                await TypedResults.ValidationProblem(errors.ToDictionary(), detail: "The body does not have the shape this endpoint takes.",
                    extensions: new Dictionary<string, object?> { [FieldErrors.CountName] = errors.Count }).ExecuteAsync(context);
                return;
            }
            request.Body.Position = 0;
            await next(context);
        });
    }
}
