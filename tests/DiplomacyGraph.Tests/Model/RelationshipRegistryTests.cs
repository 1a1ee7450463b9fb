using System.Text.Json;
using System.Text.RegularExpressions;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Contract;
using static DiplomacyGraph.Tests.Contract.Knowledge;

namespace DiplomacyGraph.Tests.Model;

/// <summary>
/// <see cref="RelationshipTypes.All"/> is the one table of relationship types. Every place that names the types —
/// seed/README.md, the Cypher lint allow-list (CypherLintAllowListTests), the OpenAPI document, the validator and the
/// path preferences — must follow it; these tests fail when a type is added to the table but missed in one of them.
/// </summary>
public sealed partial class RelationshipRegistryTests
{
    public RelationshipRegistryTests() => ValidationConventions.Apply();

    public static TheoryData<string> Types() => [.. RelationshipTypes.All.Select(r => r.Type)];

    [Theory]
    [MemberData(nameof(Types))]
    public void Seed_readme_documents_each_type_with_its_meaning_ends_and_properties(string type)
    {
        var rule = RelationshipTypes.ByType[type];
        var readme = File.ReadAllText(Path.Combine(Stores.RepositoryRoot(), "seed", "README.md"));
        var row = AllowListRow().Matches(readme).Select(m => m.Groups).SingleOrDefault(g => g["type"].Value == type);

        Assert.True(row is not null, $"seed/README.md's relationship allow-list has no row for {type}.");
        Assert.Equal(rule.Meaning, row["meaning"].Value.Trim());
        Assert.Equal(string.Join(", ", rule.From.Select(l => l.ToString()).Order(StringComparer.Ordinal)), string.Join(", ", row["from"].Value.Split(",", StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal)));
        Assert.Equal(string.Join(", ", rule.To.Select(l => l.ToString()).Order(StringComparer.Ordinal)), string.Join(", ", row["to"].Value.Split(",", StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal)));
        var documented = row["properties"].Value.Trim() == "—" ? [] : row["properties"].Value.Split(',', StringSplitOptions.TrimEntries).Select(p => p.Trim('`'));
        Assert.Equal(rule.Properties.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Seed_readme_documents_no_type_the_table_lacks()
    {
        var readme = File.ReadAllText(Path.Combine(Stores.RepositoryRoot(), "seed", "README.md"));

        Assert.Equal(RelationshipTypes.All.Select(r => r.Type), AllowListRow().Matches(readme).Select(m => m.Groups["type"].Value));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void The_validator_accepts_each_type_between_ends_its_rule_allows(string type)
    {
        var rule = RelationshipTypes.ByType[type];
        var properties = rule.RequiredProperties.ToDictionary(p => p, p => rule.ValueLists.TryGetValue(p, out var values) ? values.First() : "x");
        var document = Document("registry-check") with
        {
            Actors = [Actor("person-a", "A"), Actor("person-b", "B")],
            Events = [Event("event-a", "E", null), Event("event-b", "F", null)],
            Sanctions = [Sanction("sanction-a", "S", null)],
            Statements = [Statement("statement-a", "T", null)],
            Places = [Place("place-a", "P"), Place("place-b", "Q")],
            Figures = [Figure("figure-a", "m", 1)],
            Programs = [new ProgramRecord { Id = "program-a", Name = "Prog", Description = "D", Evidence = "E." }],
        };
        string Of(NodeLabel label, int n) => label switch
        {
            NodeLabel.Actor => n == 0 ? "person-a" : "person-b",
            NodeLabel.Event => n == 0 ? "event-a" : "event-b",
            NodeLabel.Place => n == 0 ? "place-a" : "place-b",
            _ => $"{label.ToString().ToLowerInvariant()}-a",
        };
        var relationship = Rel(Of(rule.From.First(), 0), type, Of(rule.To.First(), 1), properties);

        var result = new KnowledgeDocumentValidator().Validate(document with { Relationships = [relationship] });

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));
        foreach (var required in rule.RequiredProperties)
        {
            var without = relationship with { Properties = properties.Where(p => p.Key != required).ToDictionary() };
            Assert.Contains(new KnowledgeDocumentValidator().Validate(document with { Relationships = [without] }).Errors,
                e => e.PropertyName.EndsWith($"properties.{required}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Path_ranks_prefer_a_shared_event_then_family_then_association_over_criticism()
    {
        int Rank(string type) => RelationshipTypes.ByType[type].PathRank;

        Assert.True(Rank("PARTICIPATED_IN") < Rank("FAMILY_OF"));
        Assert.True(Rank("FAMILY_OF") < Rank("ASSOCIATE_OF"));
        Assert.True(Rank("ASSOCIATE_OF") < Rank("CRITIC_OF"));
        var node = (string id) => new GraphNode(id, NodeLabel.Actor, new Dictionary<string, object?>(), []);
        var edge = (string type, string from, string to) => new GraphEdge(type, from, to, new Dictionary<string, object?>(), []);
        var viaCritic = new GraphPath([node("a"), node("b"), node("d")], [edge("CRITIC_OF", "a", "b"), edge("FAMILY_OF", "b", "d")]);
        var viaFamily = new GraphPath([node("a"), node("c"), node("d")], [edge("FAMILY_OF", "a", "c"), edge("FAMILY_OF", "c", "d")]);

        Assert.Same(viaFamily, GraphOrder.First([viaCritic, viaFamily]));
    }

    [Theory]
    [InlineData("FAMILY_OF", "spouse", true)]
    [InlineData("FAMILY_OF", "sibling", true)]
    [InlineData("FAMILY_OF", "relative", true)]
    [InlineData("FAMILY_OF", "child", false)]
    [InlineData("FAMILY_OF", "parent", false)]
    [InlineData("ASSOCIATE_OF", "business partner", true)]
    public void Symmetric_ties_run_from_the_smaller_id_and_directed_ones_as_given(string type, string relation, bool symmetric)
    {
        var (from, to) = RelationshipTypes.Canonical(type, "zoe", "adam", new Dictionary<string, string> { ["relation"] = relation });

        Assert.Equal(symmetric ? ("adam", "zoe") : ("zoe", "adam"), (from, to));
    }

    [Fact]
    public void A_document_giving_a_spouse_tie_both_ways_is_refused_as_a_duplicate_and_a_family_tie_to_an_organization_too()
    {
        var spouse = new Dictionary<string, string> { ["relation"] = "spouse" };
        var document = Document("dup") with
        {
            Actors = [Actor("person-a", "A"), Actor("person-b", "B"), Actor("org-c", "C", ActorKinds.Organization)],
            Relationships = [Rel("person-a", "FAMILY_OF", "person-b", spouse), Rel("person-b", "FAMILY_OF", "person-a", spouse), Rel("person-a", "ASSOCIATE_OF", "org-c")],
        };

        var errors = new KnowledgeDocumentValidator().Validate(document).Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();

        Assert.Contains(("relationships[1]", "The relationship person-b -FAMILY_OF-> person-a appears more than once."), errors);
        Assert.Contains(("relationships[2].to", "ASSOCIATE_OF joins persons; 'org-c' is of kind organization."), errors);
    }

    [Theory]
    [InlineData("cousin", "FAMILY_OF's 'relation' must be one of: child, parent, relative, sibling, spouse.")]
    public void A_family_relation_outside_the_list_is_refused_naming_the_list(string relation, string message)
    {
        var document = Document("bad") with
        {
            Actors = [Actor("person-a", "A"), Actor("person-b", "B")],
            Relationships = [Rel("person-a", "FAMILY_OF", "person-b", new() { ["relation"] = relation })],
        };

        Assert.Contains(new KnowledgeDocumentValidator().Validate(document).Errors, e => e.ErrorMessage == message && e.PropertyName == "relationships[0].properties.relation");
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_type_as_the_enum_of_the_relationship_filter_and_of_a_new_relationship()
    {
        using var factory = DiplomacyGraphFactory.Embedded();
        using var client = factory.CreateClient();
        using var swagger = JsonDocument.Parse(await client.GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative)));
        var expected = RelationshipTypes.All.Select(r => r.Type).ToList();

        var filter = swagger.RootElement.GetProperty("paths").GetProperty("/api/actors/{id}/relationships").GetProperty("get")
            .GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "type");
        Assert.Equal(expected, filter.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        var write = swagger.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("RelationshipWrite");
        Assert.Equal(expected, write.GetProperty("properties").GetProperty("type").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Source_code_names_a_type_only_through_the_registry_constants()
    {
        var literal = new Regex("\"(" + string.Join("|", RelationshipTypes.All.Select(r => r.Type)) + ")\"", RegexOptions.CultureInvariant);
        var offenders = Directory.EnumerateFiles(Path.Combine(Stores.RepositoryRoot(), "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(f) != "RelationshipTypes.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(Stores.RepositoryRoot(), f), Line: i + 1, Text: line)))
            .Where(l => literal.IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Relationship types named by a string literal instead of a RelationshipTypes constant:\n" + string.Join("\n", offenders));
    }

    [GeneratedRegex(@"^\| `(?<type>[A-Z_]+)` \| (?<meaning>[^|]+) \| (?<from>[A-Za-z, ]+) \| (?<to>[A-Za-z, ]+) \| (?<properties>[^|]+) \|$", RegexOptions.Multiline)]
    private static partial Regex AllowListRow();
}
