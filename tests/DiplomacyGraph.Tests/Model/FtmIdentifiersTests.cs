using System.Text.Json;
using DiplomacyGraph.Api.Import;
using DiplomacyGraph.Tests.Contract;

namespace DiplomacyGraph.Tests.Model;

/// <summary>The identifier table of the FollowTheMoney import reads real properties of FollowTheMoney's model, and seed/README.md documents each row.</summary>
public sealed class FtmIdentifiersTests
{
    [Fact]
    public void Every_identifier_property_is_a_property_of_a_party_schema_of_the_FollowTheMoney_model()
    {
        using var model = JsonDocument.Parse(File.ReadAllText(FtmImportContract.DataFile("model-properties.json")));
        var partyProperties = FtmParties.Kinds.Keys
            .Where(schema => model.RootElement.GetProperty("schemata").TryGetProperty(schema, out _))
            .SelectMany(schema => model.RootElement.GetProperty("schemata").GetProperty(schema).EnumerateArray().Select(p => p.GetString()!))
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(FtmIdentifiers.Table, row => Assert.Contains(row.Property, partyProperties));
        Assert.Contains("weakAlias", partyProperties);
        Assert.Contains("topics", partyProperties);
    }

    [Fact]
    public void Seed_readme_documents_every_identifier_property_and_its_scheme()
    {
        var readme = File.ReadAllText(Path.Combine(Stores.RepositoryRoot(), "seed", "README.md"));
        var section = readme[readme.IndexOf("* **Actor fields**", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("(`FtmIdentifiers`.)", StringComparison.Ordinal)];

        Assert.All(FtmIdentifiers.Table, row =>
        {
            Assert.Contains($"`{row.Property}`", section, StringComparison.Ordinal);
            Assert.Contains($"`{row.Scheme}`", section, StringComparison.Ordinal);
        });
    }
}
