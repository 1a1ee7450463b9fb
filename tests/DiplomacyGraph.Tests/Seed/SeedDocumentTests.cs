using System.Text.Json.Nodes;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using DiplomacyGraph.Tests.Writes;

namespace DiplomacyGraph.Tests.Seed;

/// <summary>
/// The seed document holds every fact of its article, each backed by a sentence copied verbatim from it,
/// and a broken copy of it stops loading (and the service) with a message naming file, entity and field.
/// </summary>
public sealed class SeedDocumentTests
{
    private const string Meeting = "white-house-meeting-2026-02-03";

    private static KnowledgeDocument Seed => RepositoryFiles.Seed;

    [Fact]
    public void The_seed_folder_loads_as_one_valid_document_for_the_vermelho_article()
    {
        var (file, document) = Assert.Single(RepositoryFiles.LoadFolder(RepositoryFiles.SeedFolder));

        Assert.Equal("000_petro-trump-white-house.json", Path.GetFileName(file));
        Assert.Equal("vermelho-2026-02-04-petro-trump", document.Source.Id);
    }

    [Fact]
    public void The_source_is_the_vermelho_article_published_at_11_20_and_edited_at_11_47()
    {
        var source = Seed.Source;

        Assert.Equal("vermelho.org.br", source.Outlet);
        Assert.Equal("2026-02-04T11:20", source.Published);
        Assert.Equal("2026-02-04T11:47", source.Edited);
        Assert.Equal(RepositoryFiles.ArticleFile, source.File);
    }

    [Theory]
    [InlineData("gustavo-petro", "person", "Gustavo Petro")]
    [InlineData("donald-trump", "person", "Donald Trump")]
    [InlineData("jd-vance", "person", "JD Vance")]
    [InlineData("marco-rubio", "person", "Marco Rubio")]
    [InlineData("bernie-moreno", "person", "Bernie Moreno")]
    [InlineData("pedro-sanchez", "person", "Pedro Sánchez")]
    [InlineData("daniel-garcia-pena", "person", "Daniel García-Peña")]
    [InlineData("rosa-villavicencio", "person", "Rosa Villavicencio")]
    [InlineData("nicolas-maduro", "person", "Nicolás Maduro")]
    [InlineData("ivan-duque", "person", "Iván Duque")]
    [InlineData("alvaro-uribe", "person", "Álvaro Uribe")]
    [InlineData("juan-manuel-santos", "person", "Juan Manuel Santos")]
    [InlineData("colombia", "country", "Colombia")]
    [InlineData("united-states", "country", "United States")]
    [InlineData("venezuela", "country", "Venezuela")]
    [InlineData("colombian-government", "organization", "Colombian government")]
    [InlineData("colombian-ministry-of-justice", "organization", "Colombian Ministry of Justice")]
    public void Every_actor_the_article_names_is_in_the_seed_with_its_accents(string id, string kind, string name)
    {
        var actor = Assert.Single(Seed.Actors, a => a.Id == id);

        Assert.Equal((kind, name), (actor.Kind, actor.Name));
    }

    [Theory]
    [InlineData("gustavo-petro", "President", "colombia", "current")]
    [InlineData("donald-trump", "President", "united-states", "current")]
    [InlineData("jd-vance", "Vice President", "united-states", "current")]
    [InlineData("marco-rubio", "Secretary of State", "united-states", "current")]
    [InlineData("bernie-moreno", "Senator", "united-states", "current")]
    [InlineData("pedro-sanchez", "Defense Minister", "colombia", "current")]
    [InlineData("daniel-garcia-pena", "Ambassador", "colombia", "current")]
    [InlineData("rosa-villavicencio", "Foreign Minister", "colombia", "current")]
    [InlineData("ivan-duque", "President", "colombia", "former")]
    [InlineData("alvaro-uribe", "President", "colombia", "former")]
    [InlineData("juan-manuel-santos", "President", "colombia", "former")]
    public void Every_office_the_article_states_is_a_HOLDS_OFFICE_relationship(string person, string title, string country, string status)
    {
        var office = Assert.Single(Relationships("HOLDS_OFFICE"), r => r.From == person);

        Assert.Equal((country, title, status), (office.To, office.Properties["title"], office.Properties["status"]));
    }

    [Fact]
    public void Maduro_has_no_office_because_the_article_states_none()
    {
        Assert.DoesNotContain(Relationships("HOLDS_OFFICE"), r => r.From == "nicolas-maduro");
    }

    [Fact]
    public void The_meeting_was_a_CONSULT_at_the_White_House_on_3_February_2026()
    {
        var meeting = Assert.Single(Seed.Events, e => e.Id == Meeting);

        Assert.Equal(("CONSULT", "2026-02-03"), (meeting.Kind, meeting.Date));
        Assert.Contains(Relationships("OCCURRED_IN"), r => r.From == Meeting && r.To == "white-house");
        Assert.Contains(Seed.Places, p => p.Id == "white-house");
    }

    [Theory]
    [InlineData("donald-trump", "united-states", "President")]
    [InlineData("jd-vance", "united-states", "Vice President")]
    [InlineData("marco-rubio", "united-states", "Secretary of State")]
    [InlineData("bernie-moreno", "united-states", "Senator")]
    [InlineData("gustavo-petro", "colombia", "President")]
    [InlineData("pedro-sanchez", "colombia", "Defense Minister")]
    [InlineData("daniel-garcia-pena", "colombia", "Ambassador")]
    [InlineData("rosa-villavicencio", "colombia", "Foreign Minister")]
    public void Each_participant_of_the_meeting_is_on_their_country_side_in_their_capacity(string actor, string side, string title)
    {
        var participation = Assert.Single(Relationships("PARTICIPATED_IN"), r => r.From == actor && r.To == Meeting);

        Assert.Equal((side, title), (participation.Properties["side"], participation.Properties["title"]));
    }

    [Theory]
    [InlineData("us-military-operation-venezuela", "ASSAULT", "nicolas-maduro")]
    [InlineData("us-decertification-of-colombia", "SANCTION", "colombia")]
    public void The_operation_that_overthrew_Maduro_and_the_certification_denial_are_events_against_their_targets(string id, string kind, string target)
    {
        var e = Assert.Single(Seed.Events, e => e.Id == id);

        Assert.Equal(kind, e.Kind);
        Assert.Contains(Relationships("TARGETED"), r => r.From == id && r.To == target);
        Assert.Contains(Relationships("PARTICIPATED_IN"), r => r.From == "united-states" && r.To == id);
    }

    [Fact]
    public void The_Plaza_Bolivar_gathering_was_a_protest_Petro_called_for_on_the_day_of_the_meeting()
    {
        var gathering = Assert.Single(Seed.Events, e => e.Kind == "PROTEST");

        Assert.Equal("2026-02-03", gathering.Date);
        Assert.Contains(Relationships("OCCURRED_IN"), r => r.From == gathering.Id && r.To == "plaza-bolivar");
        Assert.Contains(Relationships("CALLED_FOR"), r => r.From == "gustavo-petro" && r.To == gathering.Id);
    }

    [Fact]
    public void Petros_trip_went_to_the_White_House_and_preceded_the_meeting()
    {
        var trip = Assert.Single(Seed.Events, e => e.Kind == "TRAVEL");

        Assert.Contains(Relationships("DESTINATION"), r => r.From == trip.Id && r.To == "white-house");
        Assert.Contains(Relationships("PRECEDED"), r => r.From == trip.Id && r.To == Meeting);
        Assert.Contains(Relationships("PARTICIPATED_IN"), r => r.From == "gustavo-petro" && r.To == trip.Id);
    }

    [Theory]
    [InlineData("financial", "gustavo-petro")]
    [InlineData("visa-revocation", "gustavo-petro")]
    [InlineData("restrictions-on-government-members", "colombian-government")]
    [InlineData("restrictions-on-family-members", "gustavo-petro")]
    public void Each_of_the_four_measures_was_imposed_by_Trump_on_its_target(string kind, string target)
    {
        var sanction = Assert.Single(Seed.Sanctions, s => s.Kind == kind);

        Assert.Equal(["donald-trump"], Relationships("IMPOSED").Where(r => r.To == sanction.Id).Select(r => r.From));
        Assert.Equal([target], Relationships("TARGETS").Where(r => r.From == sanction.Id).Select(r => r.To));
    }

    [Fact]
    public void There_are_exactly_four_sanction_measures()
    {
        Assert.Equal(4, Seed.Sanctions.Count);
    }

    [Theory]
    [InlineData("illegal drug leader", "donald-trump")]
    [InlineData("kidnapping", "gustavo-petro")]
    [InlineData("eye of the storm", "gustavo-petro")]
    [InlineData("defend the nation", "gustavo-petro")]
    [InlineData("Colombia, America’s number 1 ally against narcoterrorism", "daniel-garcia-pena")]
    [InlineData("We worked on it and we got along very well.", "donald-trump")]
    [InlineData("we weren’t exactly the best of friends", "donald-trump")]
    [InlineData("Gustavo – A great honor – I love Colombia.", "donald-trump")]
    [InlineData("positive", "gustavo-petro")]
    [InlineData("between different people, but without humiliation", "gustavo-petro")]
    [InlineData("We don’t hit or scratch each other, we look for solutions", "gustavo-petro")]
    [InlineData("of equals", "gustavo-petro")]
    [InlineData("nine", "gustavo-petro")]
    [InlineData("not one second", "gustavo-petro")]
    public void Each_quoted_statement_is_in_the_seed_with_its_speaker(string quote, string speaker)
    {
        var statement = Assert.Single(Seed.Statements, s => s.Quote == quote);

        Assert.Equal([speaker], Relationships("SAID").Where(r => r.To == statement.Id).Select(r => r.From));
    }

    [Fact]
    public void Moreno_warning_about_coca_eradication_is_a_reported_statement_of_his()
    {
        var warning = Assert.Single(Seed.Statements, s => s.Kind == "REQUEST");

        Assert.Contains("eradication", warning.Text, StringComparison.Ordinal);
        Assert.Contains(Relationships("SAID"), r => r.From == "bernie-moreno" && r.To == warning.Id);
    }

    [Theory]
    [InlineData(810, "extraditions", "colombian-government")]
    [InlineData(760, "extraditions", "colombian-government")]
    [InlineData(751, "extraditions", "colombian-government")]
    [InlineData(724, "extraditions", "colombian-government")]
    [InlineData(2800, "tons", "colombian-ministry-of-justice")]
    [InlineData(30000, "hectares", null)]
    public void Each_figure_of_the_article_is_in_the_seed_with_its_unit_and_publisher(double value, string unit, string? publisher)
    {
        var figure = Assert.Single(Seed.Figures, f => f.Value.Equals(value));

        Assert.Equal(unit, figure.Unit);
        if (publisher is not null)
        {
            Assert.Contains(Relationships("REPORTED"), r => r.From == publisher && r.To == figure.Id);
        }
    }

    [Fact]
    public void The_approximate_figures_are_marked_approximate()
    {
        Assert.True(Assert.Single(Seed.Figures, f => f.Unit == "tons").Approximate);
        Assert.True(Assert.Single(Seed.Figures, f => f.Unit == "hectares").Approximate);
        Assert.All(Seed.Figures.Where(f => f.Unit == "extraditions"), f => Assert.False(f.Approximate));
    }

    [Fact]
    public void The_voluntary_substitution_program_is_run_by_the_Colombian_government()
    {
        var program = Assert.Single(Seed.Programs);

        Assert.Contains("coca", program.Description, StringComparison.Ordinal);
        Assert.Contains(Relationships("RUNS"), r => r.From == "colombian-government" && r.To == program.Id);
    }

    [Fact]
    public void Every_evidence_sentence_occurs_verbatim_in_the_article()
    {
        var article = RepositoryFiles.ReadArticle();

        var missing = Evidence().Where(e => !article.Contains(e.Sentence, StringComparison.Ordinal)).Select(e => $"{e.Where}: {e.Sentence}").ToList();

        Assert.True(missing.Count == 0, $"Evidence not found verbatim in {RepositoryFiles.ArticlePath}:\n{string.Join('\n', missing)}");
        Assert.True(Evidence().Count() > Seed.Relationships.Count, "every node and relationship should have been checked");
    }

    [Fact]
    public void Every_quote_occurs_verbatim_in_the_article_and_in_its_evidence_sentence()
    {
        var article = RepositoryFiles.ReadArticle();

        var quoted = Seed.Statements.Where(s => s.Quote is not null).ToList();
        Assert.NotEmpty(quoted);
        Assert.All(quoted, s =>
        {
            Assert.Contains(s.Quote!, article, StringComparison.Ordinal);
            Assert.Contains(s.Quote!, s.Evidence, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Every_relationship_joins_nodes_the_document_declares()
    {
        var ids = NodeIds().ToHashSet(StringComparer.Ordinal);

        Assert.All(Seed.Relationships, r => Assert.True(ids.Contains(r.From) && ids.Contains(r.To), $"{r.From} -{r.Type}-> {r.To} leaves the document"));
    }

    [Fact]
    public void A_broken_copy_of_the_seed_fails_to_load_naming_file_entity_and_field()
    {
        using var folder = BrokenSeedFolder.Create();

        var error = Assert.Throws<InvalidKnowledgeDocumentException>(() => RepositoryFiles.LoadFolder(folder.Path));

        Assert.Contains(BrokenSeedFolder.FileName, error.Message, StringComparison.Ordinal);
        Assert.Contains("actors[0]", error.Message, StringComparison.Ordinal);
        Assert.Contains(folder.FirstActorId, error.Message, StringComparison.Ordinal);
        Assert.Contains("'kind'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_property_fails_to_load_naming_its_JSON_path()
    {
        using var folder = BrokenSeedFolder.Create(actor => actor["alias"] = new JsonArray("Petro"));

        var error = Assert.Throws<InvalidKnowledgeDocumentException>(() => RepositoryFiles.LoadFolder(folder.Path));

        Assert.Contains(BrokenSeedFolder.FileName, error.Message, StringComparison.Ordinal);
        Assert.Contains("$.actors[0].alias", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_does_not_start_on_a_broken_seed_and_says_what_is_wrong_in_one_line_with_exit_code_2()
    {
        using var folder = BrokenSeedFolder.Create();
        var database = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"diplomacygraph-broken-seed-{Guid.NewGuid():N}.db");

        var (exitCode, output, error) = await ApiProcess.RunAsync("--urls", "http://127.0.0.1:0", $"--Embedded:Path={database}", $"--Seed:Folder={folder.Path}");

        Assert.True(exitCode == 2, $"The service exited with {exitCode}.\n{output}\n{error}");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(BrokenSeedFolder.FileName, line, StringComparison.Ordinal);
        Assert.Contains("actors[0]", line, StringComparison.Ordinal);
        Assert.Contains(folder.FirstActorId, line, StringComparison.Ordinal);
        Assert.Contains("'kind'", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    private static IEnumerable<RelationshipRecord> Relationships(string type) => Seed.Relationships.Where(r => r.Type == type);

    private static IEnumerable<string> NodeIds() =>
        Seed.Actors.Select(x => x.Id).Concat(Seed.Places.Select(x => x.Id)).Concat(Seed.Events.Select(x => x.Id))
            .Concat(Seed.Sanctions.Select(x => x.Id)).Concat(Seed.Statements.Select(x => x.Id))
            .Concat(Seed.Figures.Select(x => x.Id)).Concat(Seed.Programs.Select(x => x.Id));

    private static IEnumerable<(string Where, string Sentence)> Evidence() =>
        Seed.Actors.Select((x, i) => ($"actors[{i}] {x.Id}", x.Evidence))
            .Concat(Seed.Places.Select((x, i) => ($"places[{i}] {x.Id}", x.Evidence)))
            .Concat(Seed.Events.Select((x, i) => ($"events[{i}] {x.Id}", x.Evidence)))
            .Concat(Seed.Sanctions.Select((x, i) => ($"sanctions[{i}] {x.Id}", x.Evidence)))
            .Concat(Seed.Statements.Select((x, i) => ($"statements[{i}] {x.Id}", x.Evidence)))
            .Concat(Seed.Figures.Select((x, i) => ($"figures[{i}] {x.Id}", x.Evidence)))
            .Concat(Seed.Programs.Select((x, i) => ($"programs[{i}] {x.Id}", x.Evidence)))
            .Concat(Seed.Relationships.Select((r, i) => ($"relationships[{i}] {r.From} -{r.Type}-> {r.To}", r.Evidence)));

    /// <summary>A temp folder holding the real seed with one mistake: by default actors[0].kind is "persn".</summary>
    private sealed class BrokenSeedFolder : IDisposable
    {
        public const string FileName = "000_broken-copy.json";

        private BrokenSeedFolder(string path, string firstActorId)
        {
            Path = path;
            FirstActorId = firstActorId;
        }

        public string Path { get; }

        public string FirstActorId { get; }

        public static BrokenSeedFolder Create(Action<JsonObject>? breakFirstActor = null)
        {
            var document = JsonNode.Parse(File.ReadAllText(RepositoryFiles.SeedFile))!.AsObject();
            var actor = document["actors"]![0]!.AsObject();
            (breakFirstActor ?? (a => a["kind"] = "persn"))(actor);
            var folder = Directory.CreateTempSubdirectory("diplomacygraph-broken-seed-").FullName;
            File.WriteAllText(System.IO.Path.Combine(folder, FileName), document.ToJsonString());
            return new BrokenSeedFolder(folder, actor["id"]!.GetValue<string>());
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is not worth failing a test for.
            }
        }
    }
}
