using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using static DiplomacyGraph.Api.Import.FtmValues;

namespace DiplomacyGraph.Api.Import;

/// <summary>Family becomes FAMILY_OF (with our relation), Associate becomes ASSOCIATE_OF; both keep their dates.</summary>
internal static class FtmFamilies
{
    /// <summary>Maps one Family or Associate; the problem that stops the import, or null.</summary>
    public static string? Map(FtmEntity entity, string id, FtmRecords records) =>
        entity.Schema == "Family" ? Family(entity, records)
            : records.AddLink(entity, RelationshipTypes.AssociateOf, ("person", "associate"), "relationship", "relation");

    private static string? Family(FtmEntity entity, FtmRecords records)
    {
        var (person, relative) = (entity.First("person"), entity.First("relative"));
        if (person is null || relative is null)
        {
            return $"The Family '{entity.Id}' needs both 'person' and 'relative'.";
        }
        var word = entity.First("relationship");
        var properties = Interval(entity, new() { ["relation"] = Relation(word) });
        // FollowTheMoney: relationship is what the relative is to the person ("wife": the relative is the person's wife).
        records.AddRelationship(entity, RelationshipTypes.FamilyOf, records.OurId(relative), records.OurId(person), properties,
            $"FollowTheMoney Family '{entity.Id}': relative {records.Label(relative)} is person {records.Label(person)}'s “{word ?? "relative"}” (properties person, relative, relationship).");
        return null;
    }

    /// <summary>FollowTheMoney's relationship word, from the person's side ("wife", "son"), as our relation.</summary>
    public static string Relation(string? word) => word?.Trim().ToLowerInvariant() switch
    {
        "wife" or "husband" or "spouse" or "partner" => FamilyRelations.Spouse,
        "son" or "daughter" or "child" or "stepson" or "stepdaughter" => FamilyRelations.Child,
        "father" or "mother" or "parent" => FamilyRelations.Parent,
        "brother" or "sister" or "sibling" => FamilyRelations.Sibling,
        _ => FamilyRelations.Relative,
    };
}
