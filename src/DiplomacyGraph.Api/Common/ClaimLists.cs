using System.ComponentModel;
using DiplomacyGraph.Storage.Model;
using FluentValidation;

namespace DiplomacyGraph.Api.Common;

/// <summary>One source's value for one field of a fact.</summary>
/// <param name="Field">The field, as the answer names it (e.g. <c>description</c>, <c>title</c>, <c>role</c>).</param>
/// <param name="Value">What the source gives for it: a string, a list of strings, a number or a boolean.</param>
/// <param name="SourceId">The source, e.g. <c>vermelho-2026-02-04-petro-trump</c>; its sentences are in the answer's evidence.</param>
/// <param name="Shown">Whether this is the value the answer shows: that of the source published last (then the greatest source id).</param>
public sealed record ClaimDto(string Field, object? Value, string SourceId, bool Shown);

/// <summary>Which claims an answer lists.</summary>
internal sealed record ClaimsQuery
{
    [Description("`all`: list every value of every field with its source. Without it, only the fields on which sources disagree are listed.")]
    public string? Claims { get; init; }
}

internal sealed class ClaimsQueryValidator : AbstractValidator<ClaimsQuery>
{
    public ClaimsQueryValidator() => RuleFor(q => q.Claims).OneOf([ClaimLists.All]);
}

/// <summary>The <c>claims</c> list of a fact's answer.</summary>
internal static class ClaimLists
{
    public const string All = "all";

    /// <summary>The most claims an answer lists (sources × fields); past it the list is cut, by field then source.</summary>
    public const int MaxClaims = 500;

    /// <param name="claims">The fact's claims.</param>
    /// <param name="shown">The values the fact shows.</param>
    /// <param name="query">Whether every claim is asked for, or only disagreements.</param>
    /// <param name="fieldNames">Stored field names the answer calls otherwise (a sanction's <c>name</c> is its <c>description</c>);
    /// a field mapped to null is not listed (it repeats another, as a statement's name repeats its quote or text).</param>
    public static IReadOnlyList<ClaimDto> Of(IReadOnlyList<SourceClaims> claims, IReadOnlyDictionary<string, object?> shown, ClaimsQuery query,
        IReadOnlyDictionary<string, string?>? fieldNames = null)
    {
        var fields = query.Claims == All ? null : Disagreements.Fields(claims);
        return [.. claims
            .SelectMany(c => c.Values.Select(v => (Stored: v.Key, v.Value, c.SourceId)))
            .Where(c => ClaimRules.IsClaimed(c.Stored) && (fields is null || fields.Contains(c.Stored)))
            .Select(c => (Field: fieldNames is not null && fieldNames.TryGetValue(c.Stored, out var name) ? name : c.Stored, c.Stored, c.Value, c.SourceId))
            .Where(c => c.Field is not null)
            .OrderBy(c => c.Field, StringComparer.Ordinal).ThenBy(c => c.SourceId, StringComparer.Ordinal)
            .Take(MaxClaims)
            .Select(c => new ClaimDto(c.Field!, c.Value, c.SourceId, IsShown(c.Value, shown.GetValueOrDefault(c.Stored))))];
    }

    public static IReadOnlyList<ClaimDto> Of(GraphNode node, ClaimsQuery query, IReadOnlyDictionary<string, string?>? fieldNames = null) =>
        Of(node.Claims, node.Properties, query, fieldNames);

    public static IReadOnlyList<ClaimDto> Of(GraphEdge edge, ClaimsQuery query) => Of(edge.Claims, edge.Properties, query);

    /// <summary>A list value is shown when all its items are (lists are unioned across sources).</summary>
    private static bool IsShown(object? value, object? shown) => (value, shown) switch
    {
        (string[] items, string[] all) => items.All(i => all.Contains(i, StringComparer.Ordinal)),
        _ => Equals(value, shown),
    };
}
