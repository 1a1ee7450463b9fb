using System.Text.RegularExpressions;
using DiplomacyGraph.Storage.Model;

namespace DiplomacyGraph.Api.Import;

/// <summary>One sanctions authority: the actor it becomes, and the ways sanctions lists write its name.</summary>
/// <param name="Id">Its actor's id.</param>
/// <param name="Name">Its actor's name.</param>
/// <param name="Variants">Every spelling that means it, its name included; compared after folding case, accents,
/// script (transliterated) and punctuation, so "Office of Foreign Assets Control" also matches "OFFICE OF FOREIGN ASSETS CONTROL".</param>
internal sealed record FtmAuthority(string Id, string Name, string[] Variants);

/// <summary>
/// The authorities of FollowTheMoney sanctions: the known ones by the table below (documented in seed/README.md,
/// "Authorities"; a test holds the two together), so that OFAC is one actor however a list spells it. An authority the
/// table does not know is an organization named as written, its id the transliterated slug of its name, qualified by
/// the sanction's country (two countries' "Ministry of Finance" are two actors).
/// </summary>
internal static partial class FtmAuthorities
{
    public static readonly IReadOnlyList<FtmAuthority> Known =
    [
        new("ofac", "Office of Foreign Assets Control",
            ["Office of Foreign Assets Control", "OFAC", "US Treasury (OFAC)", "US Treasury OFAC", "Treasury OFAC",
             "U.S. Department of the Treasury, Office of Foreign Assets Control", "US Department of the Treasury (OFAC)"]),
        new("us-bis", "Bureau of Industry and Security",
            ["Bureau of Industry and Security", "BIS", "Entity List (EL) - Bureau of Industry and Security",
             "U.S. Department of Commerce, Bureau of Industry and Security"]),
        new("us-department-of-state", "US Department of State",
            ["US Department of State", "U.S. Department of State", "Department of State", "State Department"]),
        // The UK Sanctions List names its designations' source "UK" beside the office that keeps the list.
        new("uk-fcdo", "Foreign, Commonwealth & Development Office",
            ["Foreign, Commonwealth & Development Office", "Foreign, Commonwealth and Development Office", "FCDO", "UK"]),
        new("uk-ofsi", "Office of Financial Sanctions Implementation",
            ["Office of Financial Sanctions Implementation", "OFSI", "HM Treasury (OFSI)", "HM Treasury, Office of Financial Sanctions Implementation"]),
        new("eu-council", "Council of the European Union",
            ["Council of the European Union", "Council of the EU", "EU Council"]),
        new("eu-dg-fisma", "Directorate-General for Financial Stability, Financial Services and Capital Markets Union",
            ["Directorate-General for Financial Stability, Financial Services and Capital Markets Union", "DG FISMA"]),
        new("un-security-council", "United Nations Security Council",
            ["United Nations Security Council", "UN Security Council", "UNSC"]),
        new("ch-seco", "State Secretariat for Economic Affairs",
            ["State Secretariat for Economic Affairs", "SECO", "Staatssekretariat für Wirtschaft"]),
    ];

    private static readonly Dictionary<string, FtmAuthority> ByVariant = Index();

    /// <summary>The table's authority for a text, or null.</summary>
    public static FtmAuthority? Find(string text) => ByVariant.GetValueOrDefault(Key(text));

    /// <summary>How a text is compared with the variants: transliterated, folded, every run of other characters one space.</summary>
    public static string Key(string text) => NonAlphanumeric().Replace(Text.Latin(text), " ").Trim();

    private static Dictionary<string, FtmAuthority> Index()
    {
        var index = new Dictionary<string, FtmAuthority>(StringComparer.Ordinal);
        foreach (var authority in Known)
        {
            foreach (var variant in authority.Variants.Append(authority.Name))
            {
                if (index.TryGetValue(Key(variant), out var other) && other != authority)
                {
                    throw new InvalidOperationException($"The authority variant '{variant}' names both {other.Id} and {authority.Id}.");
                }
                index[Key(variant)] = authority;
            }
        }
        return index;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlphanumeric();
}
