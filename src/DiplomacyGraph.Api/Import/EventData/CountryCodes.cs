using System.Globalization;
using DiplomacyGraph.Api.Import;

namespace DiplomacyGraph.Api.Import.EventData;

/// <summary>
/// Event data's three-letter country codes (PLOVER's <c>code</c>, CAMEO's and GDELT's actor country codes: ISO 3166-1
/// alpha-3) → our country actors, which are FollowTheMoney's territories keyed by alpha-2 (<see cref="FtmCountries"/>).
/// The alpha-3 ↔ alpha-2 pairs come from ICU's region data through <see cref="RegionInfo"/>, not from a table of ours;
/// PLOVER's own codes that are not ISO (EUR for the European Union, KOS for Kosovo) are added here.
/// </summary>
internal static class CountryCodes
{
    /// <summary>PLOVER's non-ISO codes with a country-like actor of ours (manual, "Country names"; "Non-state international actors").</summary>
    private static readonly IReadOnlyDictionary<string, string> PloverCodes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["EUR"] = "eu",
        ["KOS"] = "xk",
    };

    private static readonly Dictionary<string, string> Alpha2ByAlpha3 = Build();

    /// <summary>The country actor (id and name) for a three-letter code, or null when the code names no country we know.</summary>
    public static (string Id, string Name)? Actor(string? alpha3)
    {
        if (alpha3 is null || alpha3.Length != 3) return null;
        return Alpha2ByAlpha3.TryGetValue(alpha3.ToUpperInvariant(), out var alpha2) && FtmCountries.All.TryGetValue(alpha2, out var actor) ? actor : null;
    }

    /// <summary>The lower-case alpha-2 code for a three-letter code, or null.</summary>
    public static string? Alpha2(string? alpha3) =>
        alpha3 is { Length: 3 } && Alpha2ByAlpha3.TryGetValue(alpha3.ToUpperInvariant(), out var alpha2) ? alpha2 : null;

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(PloverCodes, StringComparer.Ordinal);
        foreach (var code in FtmCountries.All.Keys.Where(k => k.Length == 2))
        {
            try
            {
                var region = new RegionInfo(code.ToUpperInvariant());
                if (region.ThreeLetterISORegionName is { Length: 3 } alpha3 && alpha3 != "ZZZ") map.TryAdd(alpha3, code);
            }
            catch (ArgumentException)
            {
                // A code ICU does not know as a region (FollowTheMoney's own additions): no alpha-3 for it.
            }
        }
        return map;
    }
}
