using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiplomacyGraph.Api.Actors;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Events;
using DiplomacyGraph.Api.Graph;
using DiplomacyGraph.Api.Paths;
using DiplomacyGraph.Api.Sanctions;
using DiplomacyGraph.Api.Sources;
using DiplomacyGraph.Api.Statements;
using DiplomacyGraph.Api.Timeline;
using DiplomacyGraph.Storage.Knowledge;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>What the validators enforce on one field.</summary>
internal sealed record FieldRules(
    int? MinLength = null, int? MaxLength = null, string? Pattern = null, IReadOnlyList<string>? Enum = null,
    decimal? Minimum = null, decimal? Maximum = null, int? MaxItems = null, int? MaxItemLength = null, bool Required = false)
{
    public bool IsEmpty => this == new FieldRules();
}

/// <summary>
/// Every FluentValidation validator of the API and the storage format, by the type it validates, read as
/// limits per field. The OpenAPI document takes its limits from here, so the rules are written once, in the validators.
/// </summary>
internal static class ValidatorCatalog
{
    private static readonly Dictionary<Type, IValidator> Validators = Load();

    private static Dictionary<Type, IValidator> Load()
    {
        ValidationConventions.Apply();
        return new[] { typeof(Program).Assembly, typeof(KnowledgeDocumentValidator).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, ContainsGenericParameters: false } && typeof(IValidator).IsAssignableFrom(t)
                && t.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes) is not null)
            .Select(t => (Validated: ValidatedType(t), Type: t))
            .Where(v => v.Validated is not null)
            .GroupBy(v => v.Validated!)
            .ToDictionary(g => g.Key, g => (IValidator)Activator.CreateInstance(g.First().Type, nonPublic: true)!);
    }

    private static Type? ValidatedType(Type validator)
    {
        for (var t = validator; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(AbstractValidator<>)) return t.GetGenericArguments()[0];
        }
        return null;
    }

    public static bool Validates(Type type) => Hierarchy(type).Any(Validators.ContainsKey);

    /// <summary>The rules on one property of a type, its base types' validators included (a write record extends its document record).</summary>
    public static FieldRules For(Type type, string property)
    {
        var rules = new FieldRules();
        foreach (var validator in Hierarchy(type).Select(t => Validators.GetValueOrDefault(t)).OfType<IValidator>())
        {
            foreach (var rule in ((IEnumerable<IValidationRule>)validator).Where(r => r is not IIncludeRule
                && string.Equals(r.PropertyName, property, StringComparison.OrdinalIgnoreCase)))
            {
                foreach (var component in rule.Components)
                {
                    rules = Add(rules, component);
                }
            }
        }
        return rules;
    }

    private static FieldRules Add(FieldRules rules, IRuleComponent component)
    {
        var unconditional = !component.HasCondition && !component.HasAsyncCondition;
        return component.Validator switch
        {
            ILengthValidator { Max: > 0 } length => rules with
            {
                MaxLength = Math.Min(rules.MaxLength ?? int.MaxValue, length.Max),
                MinLength = length.Min > 0 ? Math.Max(rules.MinLength ?? 0, length.Min) : rules.MinLength,
            },
            IRegularExpressionValidator regex => rules with { Pattern = regex.Expression },
            IBetweenValidator between => rules with
            {
                Minimum = Convert.ToDecimal(between.From, CultureInfo.InvariantCulture),
                Maximum = Convert.ToDecimal(between.To, CultureInfo.InvariantCulture),
            },
            IAllowedValues allowed => rules with { Enum = allowed.Allowed },
            IListLimit list => rules with { MaxItems = list.MaxItems, MaxItemLength = list.MaxItemLength ?? rules.MaxItemLength },
            INotEmptyValidator => rules with { MinLength = Math.Max(rules.MinLength ?? 0, 1), Required = rules.Required || unconditional },
            INotNullValidator => rules with { Required = rules.Required || unconditional },
            _ => rules,
        };
    }

    private static IEnumerable<Type> Hierarchy(Type type)
    {
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType) yield return t;
    }
}

/// <summary>Writes <see cref="FieldRules"/> into an OpenAPI schema.</summary>
internal static class SchemaLimits
{
    public static void Apply(OpenApiSchema schema, FieldRules rules)
    {
        var type = schema.Type ?? 0;
        if (type.HasFlag(JsonSchemaType.String))
        {
            schema.MaxLength ??= rules.MaxLength;
            schema.MinLength ??= rules.MinLength;
            schema.Pattern ??= rules.Pattern;
            if (rules.Enum is { } allowed && schema.Enum is not { Count: > 0 })
            {
                schema.Enum = [.. allowed.Select(a => (JsonNode)JsonValue.Create(a))];
            }
        }
        if (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number))
        {
            schema.Minimum ??= rules.Minimum?.ToString(CultureInfo.InvariantCulture);
            schema.Maximum ??= rules.Maximum?.ToString(CultureInfo.InvariantCulture);
        }
        if (type.HasFlag(JsonSchemaType.Array))
        {
            schema.MaxItems ??= rules.MaxItems;
            if (rules.MaxItemLength is { } itemLength && schema.Items is OpenApiSchema items)
            {
                items.MaxLength ??= itemLength;
                items.MinLength ??= 1;
            }
        }
    }

    /// <summary>
    /// Limits every answer obeys because every stored value passed the validators: ids are slugs, dates ISO,
    /// and no text is longer than the longest text field the validators accept.
    /// </summary>
    public static void ApplyStoredValueLimits(OpenApiSchema schema, string name, Type declaringType)
    {
        var type = schema.Type ?? 0;
        if (type.HasFlag(JsonSchemaType.String) && schema.Enum is not { Count: > 0 })
        {
            var rules = name switch
            {
                "id" when declaringType == typeof(EdgeDto) || declaringType == typeof(RelationshipDto) => new FieldRules(MaxLength: MaxEdgeIdLength),
                "id" or "sourceId" or "actorId" or "from" or "to" => new FieldRules(MaxLength: KnowledgeDocumentValidator.MaxIdLength, Pattern: KnowledgeDocumentValidator.IdPattern),
                "type" when declaringType == typeof(EdgeDto) || declaringType == typeof(RelationshipDto) => new FieldRules(Enum: [.. RelationshipTypes.ByType.Keys.Order(StringComparer.Ordinal)]),
                "label" => new FieldRules(Enum: [.. Enum.GetValues<NodeLabel>().Select(GraphMapping.LabelName)]),
                "direction" when declaringType == typeof(RelationshipDto) => new FieldRules(Enum: [Directions.Out, Directions.In]),
                _ => new FieldRules(MaxLength: KnowledgeDocumentValidator.MaxTextLength),
            };
            Apply(schema, rules);
            schema.MaxLength ??= KnowledgeDocumentValidator.MaxTextLength;
        }
        if (type.HasFlag(JsonSchemaType.Integer))
        {
            // Counts, pages and hops: never negative, and int32 by format.
            schema.Minimum ??= "0";
            schema.Maximum ??= int.MaxValue.ToString(CultureInfo.InvariantCulture);
        }
        if (type.HasFlag(JsonSchemaType.Array) && schema.Items is OpenApiSchema { Type: { } itemType } items && itemType.HasFlag(JsonSchemaType.String))
        {
            ApplyStoredValueLimits(items, "", declaringType);
        }
        if (schema.AdditionalProperties is OpenApiSchema values)
        {
            ApplyStoredValueLimits(values, "", declaringType);
        }
    }

    /// <summary>An edge id is <c>from:TYPE:to</c>.</summary>
    public static readonly int MaxEdgeIdLength = (2 * KnowledgeDocumentValidator.MaxIdLength) + 2 + RelationshipTypes.ByType.Keys.Max(t => t.Length);
}

/// <summary>
/// Puts the validators' limits on every schema of the document: request records from their own validators,
/// answers from the validators of the records they show, and the limits every stored value obeys on the rest.
/// </summary>
internal sealed class ValidatedSchemas : ISchemaFilter
{
    /// <summary>The document record whose validator checked the values an answer shows.</summary>
    private static readonly Dictionary<Type, Type> ShownRecords = new()
    {
        [typeof(ActorSummaryDto)] = typeof(ActorRecord),
        [typeof(ActorDetailDto)] = typeof(ActorRecord),
        [typeof(EventSummaryDto)] = typeof(EventRecord),
        [typeof(EventDetailDto)] = typeof(EventRecord),
        [typeof(SanctionDto)] = typeof(SanctionRecord),
        [typeof(StatementDto)] = typeof(StatementRecord),
        [typeof(SourceDto)] = typeof(SourceRecord),
    };

    /// <summary>Lists the server caps, by answer type and property.</summary>
    /// <summary>The largest cap of any capped list answer ({items, limit, truncated}): each is cut at one of these.</summary>
    private static readonly int MaxCappedItems = new[] { ActorsApi.MaxActorFacts, SourcesApi.MaxSources, TimelineApi.MaxLimit, PathsApi.MaxPaths }.Max();

    private static readonly Dictionary<(Type, string), int> ListCaps = new()
    {
        [(typeof(NetworkDto), "nodes")] = ActorsApi.MaxNetworkNodes,
        [(typeof(PathDto), "nodes")] = PathsApi.MaxDepth + 1,
        [(typeof(PathDto), "edges")] = PathsApi.MaxDepth,
        [(typeof(PathItemDto), "nodes")] = PathsApi.MaxDepth + 1,
        [(typeof(PathItemDto), "edges")] = PathsApi.MaxDepth,
        [(typeof(CytoscapeElementsDto), "nodes")] = GraphApi.MaxNodes,
        [(typeof(EventDetailDto), "statements")] = EventsApi.MaxStatementsPerEvent,
        [(typeof(NetworkDto), "edges")] = ActorsApi.MaxNetworkEdges,
        [(typeof(CytoscapeElementsDto), "edges")] = GraphApi.MaxEdges,
        // Lists of one item's links, cut by LinkCap (EventDetailDto's sides hold at most that many participants between them).
        [(typeof(ActorDetailDto), "offices")] = LinkCap.Max, [(typeof(ActorDetailDto), "family")] = LinkCap.Max,
        [(typeof(ActorDetailDto), "associates")] = LinkCap.Max, [(typeof(CoParticipantDto), "events")] = LinkCap.Max,
        [(typeof(EventSummaryDto), "places")] = LinkCap.Max, [(typeof(EventSummaryDto), "participants")] = LinkCap.Max,
        [(typeof(EventDetailDto), "places")] = LinkCap.Max, [(typeof(EventDetailDto), "destinations")] = LinkCap.Max,
        [(typeof(EventDetailDto), "sides")] = LinkCap.Max, [(typeof(SideDto), "participants")] = LinkCap.Max,
        [(typeof(EventDetailDto), "targets")] = LinkCap.Max, [(typeof(EventDetailDto), "calledFor")] = LinkCap.Max,
        [(typeof(EventDetailDto), "preceded")] = LinkCap.Max, [(typeof(EventDetailDto), "followedFrom")] = LinkCap.Max,
        [(typeof(SanctionDto), "imposedBy")] = LinkCap.Max, [(typeof(SanctionDto), "targets")] = LinkCap.Max,
        [(typeof(SourceDetailDto), "nodes")] = LinkCap.Max, [(typeof(SourceDetailDto), "edges")] = LinkCap.Max,
        [(typeof(StatementDto), "speakers")] = LinkCap.Max, [(typeof(StatementDto), "about")] = LinkCap.Max,
        [(typeof(StatementDto), "addressedTo")] = LinkCap.Max, [(typeof(TimelineEntryDto), "actors")] = LinkCap.Max,
        [(typeof(Figures.FigureDto), "about")] = LinkCap.Max, [(typeof(Figures.FigureDto), "reportedBy")] = LinkCap.Max,
        [(typeof(Figures.FigureDto), "citedBy")] = LinkCap.Max, [(typeof(Programs.ProgramDto), "runBy")] = LinkCap.Max,
        [(typeof(Programs.ProgramDto), "figures")] = LinkCap.Max, [(typeof(Programs.ProgramDto), "statements")] = LinkCap.Max,
        // Each source's values where sources disagree (ClaimLists), on the answer for one fact.
        [(typeof(ActorDetailDto), "claims")] = ClaimLists.MaxClaims, [(typeof(EventDetailDto), "claims")] = ClaimLists.MaxClaims,
        [(typeof(SanctionDto), "claims")] = ClaimLists.MaxClaims, [(typeof(StatementDto), "claims")] = ClaimLists.MaxClaims,
        [(typeof(Figures.FigureDto), "claims")] = ClaimLists.MaxClaims, [(typeof(Programs.ProgramDto), "claims")] = ClaimLists.MaxClaims,
        [(typeof(EdgeDto), "claims")] = ClaimLists.MaxClaims,
        [(typeof(RelativeWithSanctionsDto), "sanctions")] = ActorsApi.MaxActorFacts,
        // An import document holds a source and at most MaxItemsPerSection items in each of its seven node sections.
        [(typeof(Import.ChangesDto), "created")] = (7 * KnowledgeDocumentValidator.MaxItemsPerSection) + 1,
        [(typeof(Import.ChangesDto), "updated")] = (7 * KnowledgeDocumentValidator.MaxItemsPerSection) + 1,
        [(typeof(Import.ChangesDto), "unchanged")] = (7 * KnowledgeDocumentValidator.MaxItemsPerSection) + 1,
        [(typeof(Import.FtmImportResultDto), "sourceIds")] = Import.FollowTheMoney.MaxDatasets,
        [(typeof(Import.FtmImportResultDto), "notes")] = Import.FollowTheMoney.MaxNotes,
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { Count: > 0 } properties }) return;
        var type = context.Type;
        var validated = ValidatorCatalog.Validates(type);
        var shown = ShownRecords.GetValueOrDefault(type);
        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!properties.TryGetValue(name, out var propertySchema) || propertySchema is not OpenApiSchema field) continue;
            if (validated)
            {
                SchemaLimits.Apply(field, ValidatorCatalog.For(type, property.Name) with { Required = false });
            }
            else if (shown is not null)
            {
                SchemaLimits.Apply(field, ValidatorCatalog.For(shown, property.Name) with { MinLength = null });
            }
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(PagedList<>) && name == "items")
            {
                field.MaxItems ??= Paging.MaxPageSize;
            }
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(CappedList<>) && name == "items")
            {
                field.MaxItems ??= MaxCappedItems;
            }
            if (ListCaps.TryGetValue((type, name), out var cap))
            {
                field.MaxItems ??= cap;
            }
            SchemaLimits.ApplyStoredValueLimits(field, name, type);
            if (field.Type is { } fieldType && fieldType.HasFlag(JsonSchemaType.Array) && field.MaxItems is null)
            {
                GrowingLists.Mark(field, type, name);
            }
            if (type == typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails) && name == "errors" && field.AdditionalProperties is OpenApiSchema messages)
            {
                // One message for each rule the field broke.
                messages.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                messages.Extensions[GrowingLists.Extension] = new JsonNodeExtension(JsonValue.Create("rules"));
            }
        }
    }
}

/// <summary>
/// Answer lists without a cap, marked <c>x-grows-with</c> so that Spectral's array-limit rule (.spectral.yaml)
/// requires <c>maxItems</c> on every other list. A list missing from here and without a cap fails that rule.
/// </summary>
internal static class GrowingLists
{
    public const string Extension = "x-grows-with";

    public static void Mark(OpenApiSchema list, Type declaringType, string name)
    {
        // A retraction lists every fact the source touched: the answer is the record of what the write did.
        var grows = name is "evidence" || (declaringType == typeof(SupportedNodeDto) && name == "sentences") ? "sources"
            : declaringType == typeof(SourceRetractionDto) ? "source"
            : null;
        if (grows is null) return;
        list.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        list.Extensions[Extension] = new JsonNodeExtension(JsonValue.Create(grows));
    }
}

/// <summary>
/// Query and path parameters with the limits their validators enforce, <c>required</c> where leaving one out
/// is a 400, and the response codes every operation can give: 400 for any bad parameter or body, 429 and 503 with Retry-After.
/// </summary>
internal sealed class ValidatedParameters : IOperationFilter
{
    /// <summary>Lists the server caps, by operation.</summary>
    private static readonly Dictionary<string, int> ResponseListCaps = new(StringComparer.Ordinal)
    {
        ["GetActorRelationships"] = ActorsApi.MaxActorFacts,
        ["GetActorEvents"] = ActorsApi.MaxActorFacts,
        ["GetActorCoParticipants"] = ActorsApi.MaxActorFacts,
        ["GetActorStatements"] = ActorsApi.MaxActorFacts,
        ["GetActorSanctions"] = ActorsApi.MaxActorFacts,
        ["GetTimeline"] = TimelineApi.MaxLimit,
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var descriptions = context.ApiDescription.ParameterDescriptions;
        // Query parameters come from [AsParameters] records; their validators may be declared on the record or inherited (paging).
        var containers = context.MethodInfo.GetParameters()
            .Where(p => p.GetCustomAttribute<AsParametersAttribute>() is not null).Select(p => p.ParameterType).ToList();
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            var description = descriptions.FirstOrDefault(d => string.Equals(d.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
            var rules = parameter.In == ParameterLocation.Path
                ? ValidatorCatalog.For(typeof(PathValues), parameter.Name ?? "")
                : containers.Select(c => ValidatorCatalog.For(c, description?.ModelMetadata?.PropertyName ?? parameter.Name ?? ""))
                    .FirstOrDefault(r => !r.IsEmpty) ?? new FieldRules();
            if (parameter.Schema is OpenApiSchema schema)
            {
                SchemaLimits.Apply(schema, rules);
                if (schema.Type is { } t && t.HasFlag(JsonSchemaType.String) && schema.Enum is not { Count: > 0 })
                {
                    schema.MaxLength ??= KnowledgeDocumentValidator.MaxTextLength;
                }
            }
            if (rules.Required)
            {
                parameter.Required = true;
            }
        }

        var route = context.ApiDescription.RelativePath ?? "";
        if (!route.StartsWith("api/", StringComparison.OrdinalIgnoreCase)) return;
        operation.Responses ??= [];
        if (operation.OperationId is { } id && ResponseListCaps.TryGetValue(id, out var cap)
            && operation.Responses.TryGetValue("200", out var ok) && ok.Content is { } content)
        {
            foreach (var media in content.Values)
            {
                if (media.Schema is OpenApiSchema { Type: { } type } list && type.HasFlag(JsonSchemaType.Array)) list.MaxItems ??= cap;
            }
        }
        if (operation.OperationId == "ListSources" && operation.Responses.TryGetValue("200", out var sources) && sources.Content is { } listed)
        {
            foreach (var media in listed.Values.Select(m => m.Schema).OfType<OpenApiSchema>())
            {
                media.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                media.Extensions[GrowingLists.Extension] = new JsonNodeExtension(JsonValue.Create("sources"));
            }
        }
        if (!operation.Responses.ContainsKey("400"))
        {
            operation.Responses["400"] = Problem("Bad Request: a parameter or the body breaks a rule; `errors` names each field.",
                new OpenApiSchemaReference("HttpValidationProblemDetails", context.Document));
        }
        if (!operation.Responses.ContainsKey("429"))
        {
            operation.Responses["429"] = Problem("Too Many Requests: wait for Retry-After.", new OpenApiSchemaReference("ProblemDetails", context.Document));
        }
        foreach (var code in new[] { "429", "503" })
        {
            if (operation.Responses.TryGetValue(code, out var response) && response is OpenApiResponse writable)
            {
                writable.Headers ??= new Dictionary<string, IOpenApiHeader>();
                writable.Headers["Retry-After"] = RetryAfter();
            }
        }
    }

    private static OpenApiResponse Problem(string description, IOpenApiSchema schema) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
    };

    private static OpenApiHeader RetryAfter() => new()
    {
        Description = "Seconds to wait before trying again.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0", Maximum = "86400" },
    };
}

/// <summary>Servers: relative to wherever the document is served from, so it never advertises plain http.</summary>
internal sealed class RelativeServer : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context) =>
        document.Servers =
        [
            new OpenApiServer
            {
                Url = "/",
                Description = "This service, local or production: the address this document was fetched from.",
                Extensions = new Dictionary<string, IOpenApiExtension> { ["x-internal"] = new JsonNodeExtension(JsonValue.Create(false)) },
            },
        ];
}

/// <summary>
/// Request bodies read as text (NDJSON) are strings to the document; their <c>maxLength</c> is the body limit the
/// server enforces (<c>Writes:MaxBodyBytes</c>, one byte at least per character), unless the operation states its own.
/// </summary>
internal sealed class TextBodyLimits(Microsoft.Extensions.Options.IOptions<WriteOptions> writes) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var media in operation.RequestBody?.Content?.Values ?? [])
        {
            if (media.Schema is OpenApiSchema { Type: { } type } text && type.HasFlag(JsonSchemaType.String))
            {
                text.MaxLength ??= (int)Math.Min(writes.Value.MaxBodyBytes, int.MaxValue);
            }
        }
    }
}
