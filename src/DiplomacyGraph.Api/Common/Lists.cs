using System.ComponentModel;
using System.Text.Json.Serialization;
using FluentValidation;

namespace DiplomacyGraph.Api.Common;

/// <summary>What the list answers have in common, so that one filter can page, link and write CSV for them all.</summary>
internal interface IListAnswer
{
    IEnumerable<object> Rows { get; }

    /// <summary>Items over all pages, where known.</summary>
    int? TotalCount { get; }

    /// <summary>Whether the list holds fewer items than exist.</summary>
    bool IsCut { get; }

    /// <summary>The page number and size, for a page.</summary>
    (int Page, int Size)? PageOf { get; }
}

/// <summary>One page of a longer list.</summary>
/// <param name="Items">The items of this page.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Items per page.</param>
/// <param name="Total">Items over all pages.</param>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total) : IListAnswer
{
    IEnumerable<object> IListAnswer.Rows => Items.Cast<object>();
    int? IListAnswer.TotalCount => Total;
    bool IListAnswer.IsCut => Total > Items.Count;
    (int Page, int Size)? IListAnswer.PageOf => (Page, PageSize);
}

/// <summary>A list that is not paged: every item up to a limit.</summary>
/// <param name="Items">The items, at most <paramref name="Limit"/>.</param>
/// <param name="Limit">The most items this list holds.</param>
/// <param name="Truncated">True when more items exist than the limit let through.</param>
public sealed record CappedList<T>(IReadOnlyList<T> Items, int Limit, bool Truncated) : IListAnswer
{
    /// <summary>Items in all, where the store counted them; not part of the JSON, but sent as a header with CSV.</summary>
    [JsonIgnore]
    public int? Total { get; init; }

    IEnumerable<object> IListAnswer.Rows => Items.Cast<object>();
    int? IListAnswer.TotalCount => Total;
    bool IListAnswer.IsCut => Truncated;
    (int Page, int Size)? IListAnswer.PageOf => null;
}

internal static class CappedList
{
    /// <summary>The first <paramref name="limit"/> of every item, knowing how many there were.</summary>
    public static CappedList<T> Of<T>(IEnumerable<T> all, int limit)
    {
        var list = all as IReadOnlyList<T> ?? [.. all];
        return new CappedList<T>([.. list.Take(limit)], limit, list.Count > limit) { Total = list.Count };
    }

    /// <summary>From a list fetched with one item more than the limit, which tells whether there are more.</summary>
    public static CappedList<T> FromOneMore<T>(IReadOnlyList<T> fetched, int limit) =>
        new([.. fetched.Take(limit)], limit, fetched.Count > limit);
}

/// <summary>Paging parameters shared by the list endpoints.</summary>
public static class Paging
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;
    public const int MaxPage = 10_000;
}

/// <summary>The parameter every list endpoint takes: the answer's format, for clients that cannot send an Accept header.</summary>
internal record ListQuery
{
    [Description("csv for CSV (as with Accept: text/csv), json for JSON; JSON when omitted.")]
    public string? Format { get; init; }

    [Description("For CSV: true to prefix with ' every cell that starts with =, +, -, @, a tab or a carriage return, so that a spreadsheet shows it as text instead of running it as a formula (OWASP CSV injection); false to write cells as stored. Csv:EscapeFormulas (false unless set) when omitted.")]
    public bool? CsvEscapeFormulas { get; init; }
}

/// <summary>The paging parameters every paged list endpoint takes.</summary>
internal abstract record PagedQuery : ListQuery
{
    [Description("1-based page number.")]
    [DefaultValue(1)]
    public int? Page { get; init; }

    [Description("Items per page, at most 100.")]
    [DefaultValue(Paging.DefaultPageSize)]
    public int? PageSize { get; init; }

    public int PageNumber => Page ?? 1;

    public int PageLength => PageSize ?? Paging.DefaultPageSize;
}

/// <summary>A list endpoint's validator: its own rules, and the format's.</summary>
internal abstract class ListQueryValidator<T> : AbstractValidator<T> where T : ListQuery
{
    protected ListQueryValidator() => RuleFor(q => q.Format).OneOf(ListFormats.All);
}

/// <summary>A paged list endpoint's validator: its own rules, the format's and the paging caps.</summary>
internal abstract class PagedQueryValidator<T> : ListQueryValidator<T> where T : PagedQuery
{
    protected PagedQueryValidator()
    {
        RuleFor(q => q.Page).PageNumber();
        RuleFor(q => q.PageSize).PageSize();
    }
}

/// <summary>For list endpoints that take no parameter but the format.</summary>
internal sealed class ListQueryValidator : ListQueryValidator<ListQuery>;

internal static class ListFormats
{
    public const string Csv = "csv";
    public const string Json = "json";
    public static readonly string[] All = [Csv, Json];
}
