using System.Reflection;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Idempotency;
using DiplomacyGraph.Storage;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.OpenApi;

namespace DiplomacyGraph.Api.Infrastructure;

internal static class ServiceSetup
{
    /// <summary>Everything the service needs: store, seeding, validation, problem details, JSON, Swagger and health checks.</summary>
    public static WebApplicationBuilder AddDiplomacyGraph(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Singletons: validators are stateless, and the endpoint filter resolves them once, when endpoints are built.
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);
        builder.AddHttpHygiene();
        services.AddClientAddresses();
        services.AddCrossOrigin();
        Common.CsvOptions.Add(services);
        services.AddWriteAccess();
        services.AddIdempotencyKeys();
        services.AddGraphStore(builder.Configuration);
        services.AddFastReads();
        builder.AddTelemetry();

        services.AddSingleton<StartupProgress>();

        services.AddProblemJson();
        // Let binding failures (a body of the wrong type, too large, not JSON) reach ProblemHandling, which names the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ProblemHandling>();
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));

        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: ["ready"]);

        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "DiplomacyGraph",
                Version = "v1",
                Description = "A knowledge graph of diplomatic events: actors, events, sanctions and statements, each fact with its source and sentence.",
            });
            o.OperationFilter<OpenApiConventions>();
            o.OperationFilter<CsvOpenApi>();
            // The limits, response codes and servers the document states come from the validators and the server's rules.
            o.SupportNonNullableReferenceTypes();
            o.SchemaFilter<ValidatedSchemas>();
            o.OperationFilter<ValidatedParameters>();
            o.OperationFilter<TextBodyLimits>();
            o.OperationFilter<IdempotencyOpenApi>();
            o.DocumentFilter<RelativeServer>();
            o.AddSecurityDefinition(OpenApiConventions.ApiKeyScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyHandler.Header,
                Description = "An API key from Auth:Keys; writes need one, reads do not.",
            });
            foreach (var assembly in new[] { typeof(Program).Assembly, typeof(IGraphStore).Assembly, typeof(DiplomacyGraph.Format.KnowledgeDocument).Assembly })
            {
                var xml = Path.Combine(AppContext.BaseDirectory, $"{assembly.GetName().Name}.xml");
                if (File.Exists(xml)) o.IncludeXmlComments(xml);
            }
        });
        return builder;
    }

    public static WebApplication UseDiplomacyGraph(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseSecurityHeaders();
        app.UseCrossOrigin();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAllowedHosts();
        app.UseWriteBodyLimit();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseReadinessGate();
        app.UseRateLimiter();
        app.UseKnownQueryParameters();
        app.UseStrictJsonBodies();
        app.UseFastReads();
        app.UseIdempotencyKeys();
        app.UseSwagger();
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SwaggerOptions>>().Value.UiEnabled)
        {
            app.UseSwaggerUI(o =>
            {
                o.SwaggerEndpoint("/swagger/v1/swagger.json", "DiplomacyGraph v1");
                o.RoutePrefix = "swagger";
            });
        }
        return app;
    }

    /// <summary><c>/</c> leads to Swagger UI, when it is served.</summary>
    public static void MapSwaggerRedirect(this IEndpointRouteBuilder routes)
    {
        if (routes.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SwaggerOptions>>().Value.UiEnabled)
        {
            routes.MapGet("/", () => Results.Redirect("/swagger")).ExcludeFromDescription();
        }
    }

    public static void MapHealth(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/health").WithTags("Health").WithListFormats();

        group.MapGet("/live", () => TypedResults.Ok(new HealthDto("Healthy", new Dictionary<string, string>(), new Dictionary<string, string>())))
            .WithName("Live")
            .WithSummary("Liveness")
            .WithDescription("Healthy whenever the process serves requests.");

        group.MapGet("/ready", Ready)
            .WithName("Ready")
            .WithSummary("Readiness")
            .WithDescription("Healthy when the store answers and the seed is loaded; 503 otherwise, with the state of each check and why " +
                "(while the store is being set up or does not answer yet: the last start-up attempt and when the next one starts).")
            .Produces<HealthDto>(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<Results<Ok<HealthDto>, JsonHttpResult<HealthDto>>> Ready(HealthCheckService health, CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(c => c.Tags.Contains("ready"), ct);
        var body = new HealthDto(report.Status.ToString(), report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
            report.Entries.ToDictionary(e => e.Key, e => e.Value.Description ?? e.Value.Status.ToString()));
        return report.Status == HealthStatus.Healthy
            ? TypedResults.Ok(body)
            : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

/// <summary>A health answer: the overall status, and each check's.</summary>
/// <param name="Status">Healthy or Unhealthy.</param>
/// <param name="Checks">Each check's status, by name.</param>
/// <param name="Details">Each check's state in a sentence, by name: why it is not healthy, while it is not.</param>
public sealed record HealthDto(string Status, IReadOnlyDictionary<string, string> Checks, IReadOnlyDictionary<string, string> Details);
