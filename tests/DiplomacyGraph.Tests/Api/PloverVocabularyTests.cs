using System.Net;
using System.Text.Json;

namespace DiplomacyGraph.Tests.Api;

/// <summary>
/// <c>GET /api/vocabulary/plover</c> matches the PLOVER manual (PLOVER_MANUAL.tex at openeventdata/PLOVER 5e0c24f):
/// the names, counts and mode lists below are copied from the manual's tables by hand, not read from plover.json.
/// The vocabulary is no store's data, so one store serves.
/// </summary>
public sealed class PloverVocabularyTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The manual's chapter "Event types" with its quad classes (1 verbal cooperation … 4 material conflict) and the
    // mode tables of each type; the types without a mode table have none.
    private static readonly (string Type, int QuadClass, string[] Modes)[] ManualTypes =
    [
        ("AGREE", 1, []),
        ("CONSULT", 1, ["visit", "third-party", "multilateral", "phone"]),
        ("SUPPORT", 1, []),
        ("CONCEDE", 1, []),
        ("COOPERATE", 2, []),
        ("AID", 2, []),
        ("RETREAT", 2, ["withdraw", "release", "disarm", "ceasefire", "access", "resign"]),
        ("REQUEST", 3, ["assist", "change", "yield", "meet"]),
        ("ACCUSE", 3, ["disapprove", "investigate", "allege"]),
        ("REJECT", 3, ["assist", "change", "yield", "meet"]),
        ("THREATEN", 3, ["restrict", "arrest", "relations", "expel", "territory", "violence"]),
        ("PROTEST", 4, ["demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"]),
        ("SANCTION", 4, ["convict", "expel", "withdraw", "discontinue"]),
        ("MOBILIZE", 4, ["troops", "weapons", "police", "militia"]),
        ("COERCE", 4, ["seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold", "misinformation", "cyber"]),
        ("ASSAULT", 4, ["abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional"]),
    ];

    // The manual's table "General contexts", in its order.
    private static readonly string[] ManualContexts =
    [
        "military", "intelligence", "executive", "legislative", "election", "political_institutions", "pro_democracy",
        "pro_autocracy", "economic", "legal", "reparations", "human_rights", "rights_freedoms", "repression", "human_security",
        "gender", "lgbt", "religion_ethnicity", "inequality", "diplomatic", "territory", "peacekeeping", "health", "asylum",
        "migration", "disasters", "natural_resource", "environment", "technology", "terrorism", "cbrn", "cyber",
        "misinformation", "crime", "corruption", "illegal_drugs", "trafficking",
    ];

    // The manual's section "Auxiliary modes", which it puts in the context field.
    private static readonly string[] ManualAuxiliaryContexts = ["historical", "future", "hypothetical", "negation"];

    // The manual's sector tables (primary, then secondary codes).
    private static readonly string[] ManualSectors =
    [
        "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK",
        "AGR", "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
    ];

    private DiplomacyGraphFactory factory = null!;
    private HttpClient client = null!;

    public Task InitializeAsync()
    {
        factory = DiplomacyGraphFactory.Embedded();
        client = factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task It_lists_the_manuals_16_types_with_quad_classes_and_mode_lists()
    {
        var vocabulary = await Get();

        Assert.Equal(16, vocabulary.Types.Count);
        Assert.Equal(ManualTypes.Select(t => t.Type), vocabulary.Types.Select(t => t.Name));
        Assert.All(ManualTypes, manual =>
        {
            var type = Assert.Single(vocabulary.Types, t => t.Name == manual.Type);
            Assert.Equal(manual.QuadClass, type.QuadClass);
            Assert.Equal(manual.Modes, type.Modes.Select(m => m.Name));
            Assert.False(string.IsNullOrWhiteSpace(type.Definition), manual.Type);
            Assert.All(type.Modes, m => Assert.False(string.IsNullOrWhiteSpace(m.Definition), $"{manual.Type} {m.Name}"));
        });
        Assert.Equal(67, vocabulary.Types.Sum(t => t.Modes.Count));
    }

    [Fact]
    public async Task It_lists_the_manuals_37_general_and_4_auxiliary_contexts_with_definitions()
    {
        var vocabulary = await Get();

        Assert.Equal(ManualContexts, vocabulary.Contexts.Where(c => !c.Auxiliary).Select(c => c.Name));
        Assert.Equal(ManualAuxiliaryContexts, vocabulary.Contexts.Where(c => c.Auxiliary).Select(c => c.Name));
        Assert.Equal((37, 4), (ManualContexts.Length, ManualAuxiliaryContexts.Length));
        Assert.StartsWith("criminal possession, distribution, sale, or manufacturing of illegal drugs",
            Assert.Single(vocabulary.Contexts, c => c.Name == "illegal_drugs").Definition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_lists_the_25_sectors_the_4_quad_classes_and_the_TRAVEL_extension()
    {
        var vocabulary = await Get();

        Assert.Equal(ManualSectors, vocabulary.Sectors.Select(s => s.Code));
        Assert.StartsWith("Government", Assert.Single(vocabulary.Sectors, s => s.Code == "GOV").Definition, StringComparison.Ordinal);
        Assert.Equal([(1, "verbal cooperation"), (2, "material cooperation"), (3, "verbal conflict"), (4, "material conflict")],
            vocabulary.QuadClasses.Select(q => (q.Code, q.Name)));
        Assert.Equal(["TRAVEL"], vocabulary.Extensions.Select(e => e.Name));
    }

    [Fact]
    public async Task It_names_the_manuals_origin_and_licence_and_is_cacheable()
    {
        using var response = await client.GetAsync(new Uri("/api/vocabulary/plover", UriKind.Relative));
        var vocabulary = JsonSerializer.Deserialize<Vocabulary>(await response.Content.ReadAsStringAsync(), Json)!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openeventdata/PLOVER", vocabulary.Origin, StringComparison.Ordinal);
        Assert.Contains("PLOVER_MANUAL.tex", vocabulary.Origin, StringComparison.Ordinal);
        Assert.Contains("CC BY-SA 4.0", vocabulary.Licence, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl is { Public: true, MaxAge: { } age } && age > TimeSpan.Zero, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.NotNull(response.Headers.ETag);
    }

    private async Task<Vocabulary> Get()
    {
        using var response = await client.GetAsync(new Uri("/api/vocabulary/plover", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonSerializer.Deserialize<Vocabulary>(body, Json)!;
    }

    private sealed record Vocabulary(string Origin, string Licence, List<TypeView> Types, List<ContextView> Contexts, List<SectorView> Sectors,
        List<QuadClassView> QuadClasses, List<ExtensionView> Extensions);

    private sealed record TypeView(string Name, int QuadClass, bool RequiresRecipient, string Definition, List<ModeView> Modes);

    private sealed record ModeView(string Name, string Definition);

    private sealed record ContextView(string Name, string Definition, bool Auxiliary);

    private sealed record SectorView(string Code, string Definition);

    private sealed record QuadClassView(int Code, string Name);

    private sealed record ExtensionView(string Name, string Definition);
}
