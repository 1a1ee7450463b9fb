using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DiplomacyGraph.Api.Idempotency;

internal static class IdempotencySetup
{
    public static IServiceCollection AddIdempotencyKeys(this IServiceCollection services)
    {
        services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.Section)
            .Validate(o => o.Expiry > TimeSpan.Zero, "Idempotency:Expiry must be positive.")
            .Validate(o => o.InFlightLease > TimeSpan.Zero, "Idempotency:InFlightLease must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>After authentication (keys are scoped by the caller's name) and the write policy, before the handlers.</summary>
    public static WebApplication UseIdempotencyKeys(this WebApplication app)
    {
        app.UseMiddleware<IdempotencyKeys>();
        return app;
    }
}

/// <summary>Declares the <c>Idempotency-Key</c> header on every write that needs an API key.</summary>
internal sealed class IdempotencyOpenApi : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var method = context.ApiDescription.HttpMethod ?? "GET";
        if (method is "GET" or "HEAD" || !context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any()) return;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeys.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Makes the write safe to retry (draft-ietf-httpapi-idempotency-key-header), e.g. a UUID. A retry with the same key and request "
                + "replays the first answer with Idempotent-Replayed: true; the same key with another request answers 422; while the first is still "
                + "under way, 409. Keys are per API key name and expire after Idempotency:Expiry (24 h).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyOptions.MaxKeyLength },
            // The draft's own example; a real client sends a fresh one per write.
            Example = JsonValue.Create("8e03978e-40d5-43e8-bc93-6894a57f9324"),
        });
        operation.Responses ??= [];
        foreach (var (status, description) in new[]
        {
            ("409", "Conflict (besides the operation's own): a request with this Idempotency-Key is still under way."),
            ("422", "Unprocessable (besides the operation's own): this Idempotency-Key was used for another request."),
        })
        {
            if (operation.Responses.ContainsKey(status)) continue;
            operation.Responses[status] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) } },
            };
        }
    }
}
