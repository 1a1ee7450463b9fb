using System.Reflection;
using DiplomacyGraph.Api.Common;
using FluentValidation;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// Validates every handler argument that has a registered <see cref="IValidator{T}"/>, and answers
/// 400 ValidationProblem with the failures keyed by field. The handler's parameters are inspected
/// once, when the endpoint is built, not on every request.
/// </summary>
internal static class ValidationFilter
{
    public static TBuilder WithValidation<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilterFactory(Create);
        return builder;
    }

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var services = context.ApplicationServices;
        var validated = context.MethodInfo.GetParameters()
            .Select((parameter, position) => (position, validator: ValidatorFor(services, parameter)))
            .Where(p => p.validator is not null)
            .Select(p => (p.position, validator: p.validator!))
            .ToArray();
        // Top-level string parameters named id, from, type or to are path values here (query parameters come in [AsParameters] records).
        var pathValues = context.MethodInfo.GetParameters()
            .Select((parameter, position) => (position, parameter))
            .Where(p => p.parameter.ParameterType == typeof(string) && p.parameter.Name is { } name && PathValues.Names.Contains(name))
            .Select(p => (p.position, name: p.parameter.Name!))
            .ToArray();
        var pathValidator = pathValues.Length == 0 ? null : services.GetRequiredService<IValidator<PathValues>>();
        if (validated.Length == 0 && pathValidator is null)
        {
            return next;
        }
        return async invocation =>
        {
            // Every argument's failures together (the path's, the query's and the body's), so one answer lists every field to fix.
            Dictionary<string, string[]>? errors = null;
            void Add(FluentValidation.Results.ValidationResult result)
            {
                foreach (var (field, messages) in result.ToDictionary())
                {
                    errors ??= [];
                    errors[field] = errors.TryGetValue(field, out var earlier) ? [.. earlier, .. messages] : messages;
                }
            }
            if (pathValidator is not null)
            {
                Add(await pathValidator.ValidateAsync(PathValues.Of(pathValues.ToDictionary(p => p.name, p => invocation.Arguments[p.position] as string)), invocation.HttpContext.RequestAborted));
            }
            foreach (var (position, validator) in validated)
            {
                if (invocation.Arguments[position] is not { } argument) continue;
                Add(await validator.ValidateAsync(new ValidationContext<object>(argument), invocation.HttpContext.RequestAborted));
            }
            return errors is null ? await next(invocation) : TypedResults.ValidationProblem(errors);
        };
    }

    private static IValidator? ValidatorFor(IServiceProvider services, ParameterInfo parameter) =>
        services.GetService(typeof(IValidator<>).MakeGenericType(parameter.ParameterType)) as IValidator;
}
