using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Api.Import;

/// <summary>FollowTheMoney values in our terms: dates, ids, capped text and a relationship's interval.</summary>
internal static partial class FtmValues
{
    /// <summary>A FollowTheMoney date (full, partial, or with a time) as our ISO date; other text is dropped.</summary>
    public static string? Date(string? value)
    {
        if (value is null) return null;
        var date = value.Length > 10 ? value[..10] : value;
        return PartialDate().IsMatch(date) ? date : null;
    }

    /// <summary>A seen-time as a local date-time to the minute, or a date; other text is dropped.</summary>
    public static string? LocalDateTime(string? value) =>
        value is { Length: >= 10 } && PartialDate().IsMatch(value[..10]) ? (value.Length >= 16 && value[10] == 'T' ? value[..16] : value[..10]) : null;

    /// <summary>
    /// A lowercase slug of the text transliterated to Latin (AnyAscii: "Служба безпеки України" becomes
    /// "sluzhba-bezpeki-ukraini"), so that no two names in other scripts share an id. A long slug is cut and made
    /// unique with a hash of the whole text; a text with no letter or digit in any script is named by that hash alone.
    /// </summary>
    public static string Slug(string text)
    {
        var folded = Text.Latin(text);
        var slug = NonSlug().Replace(folded, "-").Trim('-');
        if (slug.Length == 0) return $"h-{Hash(text)}";
        if (slug.Length <= KnowledgeDocumentValidator.MaxIdLength) return slug;
        return $"{slug[..(KnowledgeDocumentValidator.MaxIdLength - 11)].TrimEnd('-')}-{Hash(text)}";
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10].ToLowerInvariant();

    public static string Cap(string text, int max = KnowledgeDocumentValidator.MaxTextLength) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>The entity's start and end dates as a relationship's <c>since</c> and <c>until</c>, added to <paramref name="properties"/>.</summary>
    public static Dictionary<string, string> Interval(FtmEntity entity, Dictionary<string, string> properties)
    {
        if (Date(entity.First("startDate")) is { } since) properties["since"] = since;
        if (Date(entity.First("endDate")) is { } until) properties["until"] = until;
        return properties;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();

    [GeneratedRegex(@"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")]
    private static partial Regex PartialDate();
}
