using System.Text.Json;

namespace DiplomacyGraph.Tests.Model;

/// <summary>
/// The hand-written FollowTheMoney test file follows FollowTheMoney's own model: every entity's schema exists and every
/// property it uses is one of that schema's (inherited ones included). The names come from npm's
/// @alephdata/followthemoney through tools/ftm-schema/extract-properties.js (Data/ftm/model-properties.json).
/// </summary>
public sealed class FtmTestDataTests
{
    [Fact]
    public void Every_entity_of_the_test_file_uses_only_schemata_and_properties_of_the_FollowTheMoney_model()
    {
        using var model = JsonDocument.Parse(File.ReadAllText(FtmImportContract.DataFile("model-properties.json")));
        var schemata = model.RootElement.GetProperty("schemata").EnumerateObject()
            .ToDictionary(s => s.Name, s => s.Value.EnumerateArray().Select(p => p.GetString()!).ToHashSet(StringComparer.Ordinal));
        var lines = File.ReadAllLines(FtmImportContract.TestFile).Where(l => l.Length > 0).ToList();

        Assert.InRange(lines.Count, 25, 40);
        var problems = new List<string>();
        foreach (var (line, number) in lines.Select((l, i) => (l, i + 1)))
        {
            using var entity = JsonDocument.Parse(line);
            var schema = entity.RootElement.GetProperty("schema").GetString()!;
            if (!schemata.TryGetValue(schema, out var properties))
            {
                problems.Add($"line {number}: schema {schema} is not in the model list");
                continue;
            }
            problems.AddRange(entity.RootElement.GetProperty("properties").EnumerateObject()
                .Where(p => !properties.Contains(p.Name))
                .Select(p => $"line {number}: {schema} has no property '{p.Name}'"));
        }

        Assert.Empty(problems);
        var used = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("schema").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Person", "PublicBody", "Organization", "Sanction", "Family", "Associate", "Occupancy", "Position", "Membership", "Employment" }, used);
    }

    [Fact]
    public void The_model_list_knows_the_properties_the_import_reads()
    {
        using var model = JsonDocument.Parse(File.ReadAllText(FtmImportContract.DataFile("model-properties.json")));
        bool Has(string schema, string property) =>
            model.RootElement.GetProperty("schemata").GetProperty(schema).EnumerateArray().Any(p => p.GetString() == property);

        Assert.True(Has("Family", "person") && Has("Family", "relative") && Has("Family", "relationship"));
        Assert.True(Has("Associate", "person") && Has("Associate", "associate") && Has("Associate", "relationship"));
        Assert.True(Has("Sanction", "entity") && Has("Sanction", "authority") && Has("Sanction", "program") && Has("Sanction", "listingDate")
            && Has("Sanction", "startDate") && Has("Sanction", "endDate") && Has("Sanction", "status") && Has("Sanction", "provisions") && Has("Sanction", "reason"));
        Assert.True(Has("Occupancy", "holder") && Has("Occupancy", "post") && Has("Position", "organization") && Has("Position", "country"));
        Assert.True(Has("Membership", "member") && Has("Membership", "organization") && Has("Employment", "employee") && Has("Employment", "employer"));
        Assert.True(Has("Person", "nationality") && Has("Person", "alias") && Has("PublicBody", "country"));
    }
}
