namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// The document record whose validator checked the values this answer shows: <see cref="ValidatedSchemas"/> puts that
/// validator's limits (lengths, patterns, enums) on the answer's properties of the same name.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class ShowsRecordAttribute(Type record) : Attribute
{
    public Type Record { get; } = record;
}
