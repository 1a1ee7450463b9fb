using System.Text.Json;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// FollowTheMoney's country and territory codes (every ISO 3166-1 alpha-2 code, and territories such as <c>eu</c>,
/// <c>gb-nir</c>, <c>xk</c>) → our country actors. The codes and names are FollowTheMoney's own list, generated into
/// <c>ftm-territories.json</c> (origin commit and MIT licence inside) by <c>tools/ftm-territories/generate.py</c>;
/// an actor's id is the slug of its name (<c>fr</c> → <c>france</c>), except where <see cref="Curated"/> keeps an id
/// the seed's curated actors already use.
/// </summary>
internal static class FtmCountries
{
    public const string Resource = "DiplomacyGraph.Api.Import.FollowTheMoney.ftm-territories.json";

    /// <summary>Codes whose actor predates the list: the seed's id and name stay, FollowTheMoney's name ("United States of America") does not.</summary>
    public static readonly IReadOnlyDictionary<string, (string Id, string Name)> Curated = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["us"] = ("united-states", "United States"),
    };

    /// <summary>The list's own record of where it came from: the followthemoney commit (set by <see cref="Load"/>, so declared before <see cref="All"/>).</summary>
    public static string Commit { get; private set; } = "";

    public static readonly IReadOnlyDictionary<string, (string Id, string Name)> All = Load();

    private static Dictionary<string, (string Id, string Name)> Load()
    {
        using var stream = typeof(FtmCountries).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing from the build.");
        using var file = JsonDocument.Parse(stream);
        Commit = file.RootElement.GetProperty("commit").GetString() ?? "";
        var countries = new Dictionary<string, (string Id, string Name)>(StringComparer.Ordinal);
        foreach (var territory in file.RootElement.GetProperty("territories").EnumerateObject())
        {
            var name = territory.Value.GetString()!;
            countries[territory.Name] = Curated.TryGetValue(territory.Name, out var kept) ? kept : (FtmValues.Slug(name), name);
        }
        return countries;
    }
}
