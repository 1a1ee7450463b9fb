namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>What an answer's string property holds, where its name alone does not say (an <c>id</c> that is an edge's).</summary>
internal enum StoredValueKind
{
    /// <summary>An edge id, <c>from:TYPE:to</c>.</summary>
    EdgeId,

    /// <summary>A relationship type of the registry.</summary>
    RelationshipType,

    /// <summary><c>out</c> or <c>in</c>, seen from the node asked about.</summary>
    Direction,
}

/// <summary>
/// Declares, beside an answer's property, which stored value it holds, so <see cref="SchemaLimits.ApplyStoredValueLimits"/>
/// states its limits (length, enum) in the OpenAPI document.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class StoredValueAttribute(StoredValueKind kind) : Attribute
{
    public StoredValueKind Kind { get; } = kind;
}
