using System.Reflection;
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
        if (validated.Length == 0)
        {
            return next;
        }
        return async invocation =>
        {
            // Every argument's failures together (the query's and the body's), so one answer lists every field to fix.
            Dictionary<string, string[]>? errors = null;
            foreach (var (position, validator) in validated)
            {
                if (invocation.Arguments[position] is not { } argument) continue;
                var result = await validator.ValidateAsync(new ValidationContext<object>(argument), invocation.HttpContext.RequestAborted);
                if (result.IsValid) continue;
                foreach (var (field, messages) in result.ToDictionary())
                {
                    errors ??= [];
                    errors[field] = errors.TryGetValue(field, out var earlier) ? [.. earlier, .. messages] : messages;
                }
            }
            return errors is null ? await next(invocation) : TypedResults.ValidationProblem(errors);
        };
    }

    private static IValidator? ValidatorFor(IServiceProvider services, ParameterInfo parameter) =>
        services.GetService(typeof(IValidator<>).MakeGenericType(parameter.ParameterType)) as IValidator;
}
