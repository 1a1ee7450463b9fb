using System.Text.Json;
using System.Text.RegularExpressions;
using DiplomacyGraph.Api.Import;
using DiplomacyGraph.Tests.Contract;

namespace DiplomacyGraph.Tests.Model;

/// <summary>
/// The FollowTheMoney import's vocabularies: FollowTheMoney's own country and territory list (every ISO 3166-1 code,
/// the seed's country ids kept), the authorities table and the ids it makes, each the one seed/README.md documents.
/// </summary>
public sealed partial class FtmVocabularyTests
{
    /// <summary>Every ISO 3166-1 alpha-2 code (Debian's iso-codes 3166-1 list, 249 codes), written out here as the independent check.</summary>
    private const string IsoCodes =
        "ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq " +
        "br bs bt bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm " +
        "do dz ec ee eg eh er es et fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs " +
        "gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn " +
        "kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mf mg mh mk ml mm mn mo mp mq " +
        "mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm " +
        "pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st sv " +
        "sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug um us uy uz va vc ve vg vi " +
        "vn vu wf ws ye yt za zm zw ";

    private static string Readme => File.ReadAllText(Path.Combine(Stores.RepositoryRoot(), "seed", "README.md"));

    [Fact]
    public void Every_ISO_3166_code_and_FollowTheMoneys_territories_are_country_actors_with_distinct_ids()
    {
        var iso = IsoCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(249, iso.Length);
        Assert.DoesNotContain(iso, code => !FollowTheMoney.Countries.ContainsKey(code));
        Assert.Equal(("european-union", "European Union"), FollowTheMoney.Countries["eu"]);
        Assert.Equal(("northern-ireland", "Northern Ireland"), FollowTheMoney.Countries["gb-nir"]);
        Assert.Equal(("kosovo", "Kosovo"), FollowTheMoney.Countries["xk"]);
        Assert.Equal("cote-d-ivoire", FollowTheMoney.Countries["ci"].Id);
        Assert.Equal(FollowTheMoney.Countries.Count, FollowTheMoney.Countries.Values.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(FollowTheMoney.Countries.Values, c => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", c.Id));
    }

    [Fact]
    public void The_country_ids_of_the_old_hand_kept_table_stay_as_they_were()
    {
        var before = new Dictionary<string, string>
        {
            ["ar"] = "argentina", ["bo"] = "bolivia", ["br"] = "brazil", ["ca"] = "canada", ["cl"] = "chile", ["cn"] = "china",
            ["co"] = "colombia", ["cu"] = "cuba", ["de"] = "germany", ["ec"] = "ecuador", ["es"] = "spain", ["fr"] = "france",
            ["gb"] = "united-kingdom", ["mx"] = "mexico", ["ni"] = "nicaragua", ["pa"] = "panama", ["pe"] = "peru", ["ru"] = "russia",
            ["us"] = "united-states", ["ve"] = "venezuela",
        };

        Assert.All(before, pair => Assert.Equal(pair.Value, FollowTheMoney.Countries[pair.Key].Id));
        Assert.Equal("United States", FollowTheMoney.Countries["us"].Name);
    }

    [Fact]
    public void The_territory_file_records_its_followthemoney_commit_and_licence_and_the_readme_names_that_commit_and_the_kept_ids()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(Stores.RepositoryRoot(), "src", "DiplomacyGraph.Api", "Import", "FollowTheMoney", "ftm-territories.json")));
        var commit = file.RootElement.GetProperty("commit").GetString()!;

        Assert.Matches("^[0-9a-f]{40}$", commit);
        Assert.Equal(commit, FtmCountries.Commit);
        Assert.Contains("MIT", file.RootElement.GetProperty("licence").GetString(), StringComparison.Ordinal);
        Assert.Contains(commit, file.RootElement.GetProperty("origin").GetString(), StringComparison.Ordinal);
        Assert.Contains($"at commit `{commit}`", Readme, StringComparison.Ordinal);
        Assert.Equal(file.RootElement.GetProperty("territories").EnumerateObject().Count(), FollowTheMoney.Countries.Count);
        var section = Readme[Readme.IndexOf("**Country codes**", StringComparison.Ordinal)..];
        var kept = KeptCountry().Matches(section[..section.IndexOf("\n\n", section.IndexOf("| Code | Actor | Name |", StringComparison.Ordinal), StringComparison.Ordinal)])
            .ToDictionary(m => m.Groups["code"].Value, m => (m.Groups["id"].Value, m.Groups["name"].Value));
        Assert.Equal(FtmCountries.Curated.OrderBy(c => c.Key, StringComparer.Ordinal), kept.OrderBy(c => c.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void The_link_and_sanction_mappers_read_only_properties_of_FollowTheMoneys_model()
    {
        using var model = JsonDocument.Parse(File.ReadAllText(FtmImportContract.DataFile("model-properties.json")));
        bool Has(string schema, string property) =>
            model.RootElement.GetProperty("schemata").GetProperty(schema).EnumerateArray().Any(p => p.GetString() == property);

        var read = FtmLinks.PropertiesRead.Append(("Sanction", ["entity", "authority", "authorityId", "program", "programId", "programUrl", "listingDate", "startDate", "date", "endDate", "sourceUrl"])).ToList();

        Assert.Equal(["Directorship", "Ownership", "Payment", "Representation", "UnknownLink"], FtmLinks.Schemata.Order(StringComparer.Ordinal));
        Assert.Empty(read.SelectMany(r => r.Properties.Where(p => !Has(r.Item1, p)).Select(p => $"{r.Item1}.{p}")));
    }

    [Fact]
    public void Seed_readme_documents_the_authorities_table_exactly()
    {
        var section = Readme[Readme.IndexOf("| Actor | Name | Variants |", StringComparison.Ordinal)..];
        var documented = AuthorityRow().Matches(section[..section.IndexOf("\n\n", StringComparison.Ordinal)])
            .Select(m => (m.Groups["id"].Value, m.Groups["name"].Value.Trim(), string.Join("|", Regex.Matches(m.Groups["variants"].Value, "`([^`]+)`").Select(v => v.Groups[1].Value))))
            .ToList();

        Assert.Equal(FtmAuthorities.Known.Select(a => (a.Id, a.Name, string.Join("|", a.Variants))), documented);
    }

    [Theory]
    [InlineData("OFAC", "ofac")]
    [InlineData("Office of Foreign Assets Control", "ofac")]
    [InlineData("US Treasury (OFAC)", "ofac")]
    [InlineData("OFFICE OF FOREIGN ASSETS CONTROL", "ofac")]
    [InlineData("Foreign, Commonwealth & Development Office", "uk-fcdo")]
    [InlineData("UK", "uk-fcdo")]
    [InlineData("Directorate\u2011General for Financial Stability, Financial Services and Capital Markets Union", "eu-dg-fisma")]
    public void Known_variants_of_an_authority_name_one_actor(string text, string id) => Assert.Equal(id, FtmAuthorities.Find(text)?.Id);

    [Fact]
    public void Unknown_text_is_no_authority_of_the_table() => Assert.Null(FtmAuthorities.Find("Ministry of Finance"));

    [Theory]
    [InlineData("ГУР МО України", "gur-mo-ukraini")]
    [InlineData("Служба безпеки України", "sluzhba-bezpeki-ukraini")]
    [InlineData("García-Peña", "garcia-pena")]
    [InlineData("Ελληνική Δημοκρατία", "elliniki-dimokratia")]
    public void Slugs_transliterate_other_scripts_so_different_names_keep_different_ids(string text, string slug) =>
        Assert.Equal(slug, FtmValues.Slug(text));

    [Fact]
    public void A_text_without_letters_or_digits_in_any_script_gets_a_hash_id_never_a_placeholder()
    {
        var (a, b) = (FtmValues.Slug("—"), FtmValues.Slug("· · ·"));

        Assert.Matches("^h-[0-9a-f]{10}$", a);
        Assert.Matches("^h-[0-9a-f]{10}$", b);
        Assert.NotEqual(a, b);
    }

    [GeneratedRegex(@"^\| `(?<code>[a-z-]+)` \| `(?<id>[a-z0-9-]+)` \| (?<name>[^|]+?) \|$", RegexOptions.Multiline)]
    private static partial Regex KeptCountry();

    [GeneratedRegex(@"^  \| `(?<id>[a-z0-9-]+)` \| (?<name>[^|]+) \| (?<variants>.+) \|$", RegexOptions.Multiline)]
    private static partial Regex AuthorityRow();
}
