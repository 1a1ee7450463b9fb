using System.ComponentModel;
using DiplomacyGraph.Storage.Model;
using FluentValidation;

namespace DiplomacyGraph.Api.Common;

/// <summary>
/// "As of a day": a relationship with <c>since</c>/<c>until</c> holds on a day between them (both included; an open end
/// is open); a partial date covers its whole month or year, as the date filters do. A relationship with neither is
/// undated: it is kept, and marked so.
/// </summary>
public static class AsOf
{
    public static bool IsUndated(GraphEdge edge) => edge.Text("since") is null && edge.Text("until") is null;

    /// <param name="edge">A relationship.</param>
    /// <param name="day">yyyy-MM-dd; null keeps everything.</param>
    public static bool Holds(GraphEdge edge, string? day) =>
        day is null
        || ((edge.Text("since") is not { } since || string.CompareOrdinal(since, day) <= 0)
            && (edge.Text("until") is not { } until || string.CompareOrdinal(day, until + "~") <= 0));
}

/// <summary>The day an answer is asked for.</summary>
internal sealed record AsOfQuery
{
    [Description("Only relationships that hold on this day, YYYY-MM-DD: since ≤ day ≤ until, partial dates covering their month or year; undated ones are kept and marked undated.")]
    public string? AsOf { get; init; }
}

internal sealed class AsOfQueryValidator : AbstractValidator<AsOfQuery>
{
    public AsOfQueryValidator() => RuleFor(q => q.AsOf).IsoDate();
}
