using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Api.Import.Gdelt;

/// <summary>One CAMEO code's PLOVER coding as the 2021 table gives it, in the current manual's terms.</summary>
/// <param name="Code">The CAMEO code the table lists (the row's own code, or the base or root code it fell back to).</param>
/// <param name="Description">CAMEO's description of the code (the table's comment), e.g. "Make a visit".</param>
/// <param name="Coding">Kind, mode and contexts through <see cref="Plover.Recode"/>: what the manual lacks is kept as the original.</param>
internal sealed record CameoCoding(string Code, string Description, PloverCoding Coding);

/// <summary>
/// CAMEO event codes → PLOVER, from <c>CAMEO2PLOVER-2021.txt</c> (PLOVER manual Draft 0.8, 17 September 2021), embedded
/// as it is in the PLOVER repository (origin and licence in this folder's README.md). Each line reads
/// <c>code: TYPE, mode, context[; context] # CAMEO description</c>; root lines (<c>03: AGREE</c>) head each group. The
/// table's values pass through <see cref="Plover.Recode"/>, so a mode or context the current manual lacks (the table
/// predates it: <c>ease</c>, <c>political</c>, <c>hunger</c>'s peers, or a context written in the mode column) is kept in
/// <c>originalMode</c>/<c>originalContexts</c>, not stored as current. A code the table does not list falls back to its
/// base code (first three digits), then its root (two digits). CAMEO roots 01 and 02 (make a public statement, appeal)
/// are not in the table: PLOVER drops them, and the import counts and skips them.
/// </summary>
internal static class Cameo2Plover
{
    public const string Resource = "DiplomacyGraph.Api.Import.Gdelt.CAMEO2PLOVER-2021.txt";

    /// <summary>The CAMEO roots PLOVER drops: 01 make public statement, 02 appeal.</summary>
    public static readonly IReadOnlySet<string> DroppedRoots = new HashSet<string>(["01", "02"], StringComparer.Ordinal);

    private static readonly Dictionary<string, CameoCoding> Codes = Load();

    /// <summary>How many codes the table maps (root lines included).</summary>
    public static int Count => Codes.Count;

    /// <summary>The coding of a CAMEO event code (falling back to its base, then root code), or null when neither is in the table.</summary>
    public static CameoCoding? Find(string code)
    {
        for (var length = code.Length; length >= 2; length--)
        {
            if (Codes.TryGetValue(code[..length], out var coding)) return coding;
        }
        return null;
    }

    private static Dictionary<string, CameoCoding> Load()
    {
        using var stream = typeof(Cameo2Plover).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        var codes = new Dictionary<string, CameoCoding>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line.StartsWith('#') || colon < 2) continue;
            var code = line[..colon].Trim();
            if (!code.All(char.IsAsciiDigit)) continue;
            var rest = line[(colon + 1)..];
            var hash = rest.IndexOf('#', StringComparison.Ordinal);
            var description = hash < 0 ? "" : rest[(hash + 1)..].Trim();
            var fields = (hash < 0 ? rest : rest[..hash]).Split(',');
            var kind = fields[0].Trim();
            var mode = fields.Length > 1 ? fields[1].Trim() : null;
            var contexts = fields.Length > 2 ? fields[2].Split(';').Select(c => c.Trim()) : [];
            var coding = Plover.Recode(kind, mode, contexts, out var reason)
                ?? throw new InvalidOperationException($"CAMEO2PLOVER-2021.txt maps {code} to {kind}: {reason}");
            // A root line (08: CONCEDE, then 08: RETREAT) or a repeated code (175) keeps its first coding, as the table lists it first.
            codes.TryAdd(code, new CameoCoding(code, description.Length > 0 ? description : kind, coding));
        }
        return codes;
    }
}
