using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using static DiplomacyGraph.Api.Import.FtmValues;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// Membership and Employment become MEMBER_OF (with the role); an Occupancy of a Position becomes HOLDS_OFFICE in the
/// position's organization, else its country, titled with the position's name. A Position alone maps to nothing.
/// </summary>
internal static class FtmMemberships
{
    /// <summary>Maps one Membership, Employment, Occupancy or Position; the problem that stops the import, or null.</summary>
    public static string? Map(FtmEntity entity, string id, FtmRecords records) => entity.Schema switch
    {
        "Occupancy" => Occupancy(entity, records),
        // An office: read through the Occupancy that names it.
        "Position" => null,
        "Membership" => records.AddLink(entity, RelationshipTypes.MemberOf, ("member", "organization"), "role", "role"),
        _ /* Employment */ => records.AddLink(entity, RelationshipTypes.MemberOf, ("employee", "employer"), "role", "role"),
    };

    private static string? Occupancy(FtmEntity entity, FtmRecords records)
    {
        var (holder, post) = (entity.First("holder"), records.Find(entity.First("post")));
        if (holder is null || post is null)
        {
            return $"The Occupancy '{entity.Id}' needs a 'holder' and a 'post' that is a Position in the file.";
        }
        var office = post.First("organization") is { } org ? records.OurId(org)
            : post.First("country") is { } code ? records.Country(post, "country", code)
            : null;
        if (office is null)
        {
            records.Notes.Add($"line {entity.Line}: Occupancy '{entity.Id}' left out: its Position '{post.Id}' names no organization or known country.");
            return null;
        }
        var properties = Interval(entity, []);
        if (post.First("name") is { } title) properties["title"] = Cap(title, 500);
        properties["status"] = entity.First("status") is "current" || (entity.First("status") is null && !properties.ContainsKey("until")) ? "current" : "former";
        records.AddRelationship(entity, RelationshipTypes.HoldsOffice, records.OurId(holder), office, properties,
            $"FollowTheMoney Occupancy '{entity.Id}': holder {records.Label(holder)}, post Position '{post.Id}' (name “{post.First("name")}”{(post.First("country") is { } c ? $", country “{c}”" : "")}){(entity.First("status") is { } s ? $", status “{s}”" : "")}.");
        return null;
    }
}
