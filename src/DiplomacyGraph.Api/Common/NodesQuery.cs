using System.ComponentModel;
using DiplomacyGraph.Storage.Model;
using FluentValidation;

namespace DiplomacyGraph.Api.Common;

/// <summary>How much of each node a graph answer (a network, <c>/api/graph</c>) gives: <c>nodes=summary|full</c>.</summary>
internal sealed record NodesQuery
{
    public const string Summary = "summary";
    public const string Full = "full";

    [Description("`summary`: each node as a reference (id, label, name, kind, date) and each edge without evidence, read without the rest, for drawing a large network; `full` (the default): every property and the evidence.")]
    [DefaultValue(Full)]
    public string? Nodes { get; init; }

    /// <summary>What the store is asked to read.</summary>
    public NodeDetail Detail => Nodes == Summary ? NodeDetail.Summary : NodeDetail.Full;
}

internal sealed class NodesQueryValidator : AbstractValidator<NodesQuery>
{
    public NodesQueryValidator() => RuleFor(q => q.Nodes).OneOf([NodesQuery.Summary, NodesQuery.Full]);
}
