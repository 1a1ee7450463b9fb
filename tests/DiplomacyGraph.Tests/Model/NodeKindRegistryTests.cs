using System.Text;
using System.Text.Json;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Contract;
using static DiplomacyGraph.Tests.Contract.Knowledge;

namespace DiplomacyGraph.Tests.Model;

/// <summary>
/// <see cref="NodeKinds.All"/> is the one table of node kinds. A new kind touches exactly these places:
/// <list type="number">
/// <item><c>src/DiplomacyGraph.Storage/Vocabulary/NodeKinds.cs</c>: its <see cref="NodeLabel"/> and its registry entry;</item>
/// <item><c>src/DiplomacyGraph.Format/</c>: its record and the document's property for its section (<c>KnowledgeDocument.cs</c>),
/// its rules (<c>KnowledgeDocumentValidator.cs</c>), its graph mapping (<c>KnowledgeGraph.cs</c>) and its section entry
/// (<c>DocumentSections.cs</c>); when the API writes it one at a time, its field interface (<c>RecordFields.cs</c>), which the
/// write body in its feature folder implements;</item>
/// <item>its feature folder under <c>src/DiplomacyGraph.Api/</c> (endpoints, answers, JSON context) and its <c>Map…()</c> line in
/// <c>Program.cs</c>, with the store questions it asks (<c>IGraphStore</c>, both stores, its <c>.cypher</c> files);</item>
/// <item>two files these tests hold to the registry and name when they differ: <c>tools/cypher-lint/allow-list.json</c> and the
/// generated table in <c>seed/README.md</c>.</item>
/// </list>
/// Everything else reads the table: the validator's id checks and the reader's messages (through the sections),
/// <see cref="KnowledgeGraph.From"/>, path preferences (<see cref="GraphOrder.PathPreference"/>), both stores' list orders,
/// Neo4j's schema (constraints and indexes), the relationship rules' fact labels, and the OpenAPI label enum.
/// </summary>
public sealed class NodeKindRegistryTests
{
    public static TheoryData<NodeLabel> Labels() => [.. Enum.GetValues<NodeLabel>()];

    [Theory]
    [MemberData(nameof(Labels))]
    public void Every_label_has_one_entry_in_the_registry(NodeLabel label)
    {
        Assert.Single(NodeKinds.All, k => k.Label == label);
        Assert.Equal(label, NodeKinds.Of(label).Label);
    }

    [Theory]
    [MemberData(nameof(Labels))]
    public void Every_kind_but_the_source_is_a_section_of_the_knowledge_document_under_its_registered_name(NodeLabel label)
    {
        var kind = NodeKinds.Of(label);
        var documentFields = typeof(KnowledgeDocument).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToList();

        Assert.Contains(kind.Section, documentFields);
        Assert.Equal(label != NodeLabel.Source, DocumentSections.All.Any(s => s.Kind == kind));
        Assert.Equal(kind.IsFact, label != NodeLabel.Source);
    }

    [Fact]
    public void The_document_lists_no_node_section_the_registry_lacks()
    {
        var sections = typeof(KnowledgeDocument).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.Name is not (nameof(KnowledgeDocument.Relationships) or nameof(KnowledgeDocument.Judgements)))
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));

        Assert.Equal(sections.Order(StringComparer.Ordinal), DocumentSections.All.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_document_becomes_one_node_per_record_with_the_label_of_its_section()
    {
        var document = WorldDocument() with { Programs = [new ProgramRecord { Id = "program-a", Name = "Prog", Description = "D", Evidence = "E." }], Figures = [Figure("figure-a", "m", 1)] };

        var graph = KnowledgeGraph.From(document);

        foreach (var section in DocumentSections.All)
        {
            Assert.Equal(section.Ids(document).Order(StringComparer.Ordinal),
                graph.Nodes.Where(n => n.Label == section.Kind.Label).Select(n => n.Id).Order(StringComparer.Ordinal));
        }
        Assert.Equal(document.Source.Id, Assert.Single(graph.Nodes, n => n.Label == NodeLabel.Source).Id);
    }

    [Fact]
    public void Ids_repeated_in_any_section_are_refused_at_the_section_named_by_the_registry()
    {
        var document = Document("dup-check") with
        {
            Actors = [Actor("same-id", "A")],
            Programs = [new ProgramRecord { Id = "same-id", Name = "Prog", Description = "D", Evidence = "E." }],
        };

        var errors = new KnowledgeDocumentValidator().Validate(document).Errors;

        Assert.Contains(errors, e => e.PropertyName == $"{NodeKinds.Of(NodeLabel.Program).Section}[0].id" && e.ErrorMessage.Contains("more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void Path_preferences_follow_the_registered_ranks()
    {
        var byRank = NodeKinds.All.OrderBy(k => k.PathRank).Select(k => k.Label);
        var byPreference = Enum.GetValues<NodeLabel>().OrderBy(GraphOrder.PathPreference, StringComparer.Ordinal);

        Assert.Equal(byRank, byPreference);
        Assert.Equal(NodeKinds.All.Count, NodeKinds.All.Select(k => k.PathRank).Distinct().Count());
    }

    [Fact]
    public void The_lint_allow_list_names_every_registered_label()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Stores.RepositoryRoot(), "tools", "cypher-lint", "allow-list.json")));

        Assert.Equal(NodeKinds.All.Select(k => k.CypherLabel), json.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_registered_kind_as_the_label_enum_of_a_node_and_a_reference()
    {
        using var factory = DiplomacyGraphFactory.Embedded();
        using var client = factory.CreateClient();
        using var swagger = JsonDocument.Parse(await client.GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative)));
        var expected = NodeKinds.All.Select(k => k.CypherLabel.ToLowerInvariant()).ToList();

        foreach (var schema in new[] { "NodeDto", "NodeRef" })
        {
            var label = swagger.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties").GetProperty("label");
            Assert.Equal(expected, label.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        }
    }

    [Fact]
    public void Seed_readme_holds_the_table_generated_from_the_registry()
    {
        const string Begin = "<!-- node-kinds:begin (generated from NodeKinds.All) -->\n", End = "<!-- node-kinds:end -->";
        var readme = File.ReadAllText(Path.Combine(Stores.RepositoryRoot(), "seed", "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"seed/README.md has no generated node-kind table between '{Begin.Trim()}' and '{End}'.");

        var expected = Table();
        Assert.True(expected == readme[(start + Begin.Length)..end], $"seed/README.md's node-kind table differs from NodeKinds.All; paste this between the markers:\n{expected}");
    }

    private static string Table()
    {
        static string YesNo(bool value) => value ? "yes" : "no";
        var table = new StringBuilder("| Label | Section | Path rank | List order | Kind filter | Fact | Meaning |\n|---|---|---|---|---|---|---|\n");
        foreach (var kind in NodeKinds.All)
        {
            var order = kind.Order switch { ListOrder.ByName => "by name", ListOrder.Chronological => "by date", _ => "by id" };
            table.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"| `{kind.CypherLabel}` | `{kind.Section}` | {kind.PathRank} | {order} | {YesNo(kind.FilteredByKind)} | {YesNo(kind.IsFact)} | {kind.Meaning} |\n");
        }
        return table.ToString();
    }
}
