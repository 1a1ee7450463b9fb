using System.Text.Json;

namespace DiplomacyGraph.Storage.Vocabulary;

/// <summary>A PLOVER mode: how an event of one type happened.</summary>
public sealed record PloverMode(string Name, string Definition);

/// <summary>A PLOVER event type, with its quad class, whether it needs a recipient, and its modes.</summary>
public sealed record PloverType(string Name, int QuadClass, bool RequiresRecipient, string Definition, IReadOnlyList<PloverMode> Modes)
{
    private readonly HashSet<string> modeNames = [.. Modes.Select(m => m.Name)];

    public bool HasMode(string mode) => modeNames.Contains(mode);
}

/// <summary>A PLOVER context: a general one (why), or an auxiliary one (historical, future, hypothetical, negation).</summary>
public sealed record PloverContext(string Name, string Definition, bool Auxiliary);

/// <summary>A PLOVER sector code (GOV, MIL, REB, …).</summary>
public sealed record PloverSector(string Code, string Definition);

/// <summary>A quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.</summary>
public sealed record QuadClass(int Code, string Name);

/// <summary>
/// An event's PLOVER coding in the current manual's terms, with what it was before where that differed
/// (<see cref="Plover.Recode"/>): nothing a source or an older store said is lost.
/// </summary>
public sealed record PloverCoding(
    string Kind, string? Mode, IReadOnlyList<string> Contexts,
    string? OriginalKind, string? OriginalMode, IReadOnlyList<string> OriginalContexts);

/// <summary>
/// PLOVER as its current manual codes it: the one registry of event types, modes, contexts, sectors and quad classes.
/// The lists are data, not code: <c>plover.json</c> is generated from <c>PLOVER_MANUAL.tex</c> by
/// <c>tools/plover/generate.py</c> (origin commit and CC BY-SA 4.0 licence inside), and <c>plover-legacy.json</c> is the
/// hand-written mapping of older drafts' values, each with its basis in the manual.
/// </summary>
public static class Plover
{
    public const string VocabularyResource = "DiplomacyGraph.Storage.Vocabulary.plover.json";
    public const string LegacyResource = "DiplomacyGraph.Storage.Vocabulary.plover-legacy.json";

    /// <summary>Where the vocabulary comes from: the manual's URL at its commit, and its licence.</summary>
    public static string Origin { get; private set; } = "";
    public static string Licence { get; private set; } = "";

    public static IReadOnlyList<PloverType> Types { get; }
    public static IReadOnlyDictionary<string, PloverType> TypesByName { get; }
    /// <summary>General contexts, then the auxiliary ones: together, what an event's <c>contexts</c> may hold.</summary>
    public static IReadOnlyList<PloverContext> Contexts { get; }
    public static IReadOnlyList<PloverSector> Sectors { get; }
    public static IReadOnlyList<QuadClass> QuadClasses { get; }

    /// <summary>Older types → (current type, implied mode, basis).</summary>
    public static IReadOnlyDictionary<string, (string Type, string? Mode, string Basis)> LegacyTypes { get; }
    /// <summary>Older types with nothing to map to → why.</summary>
    public static IReadOnlyDictionary<string, string> UnmappedTypes { get; }

    private static readonly Dictionary<string, PloverContext> ContextsByName;
    private static readonly HashSet<string> SectorCodes;
    private static readonly Dictionary<(string Type, string Mode), string> LegacyModes;
    private static readonly Dictionary<string, string> LegacyContexts;

    static Plover()
    {
        using var vocabulary = Read(VocabularyResource);
        var root = vocabulary.RootElement;
        Origin = root.GetProperty("origin").GetString()!;
        Licence = root.GetProperty("licence").GetString()!;
        Types = [.. root.GetProperty("types").EnumerateArray().Select(t => new PloverType(
            t.GetProperty("name").GetString()!, t.GetProperty("quadClass").GetInt32(), t.GetProperty("requiresRecipient").GetBoolean(),
            t.GetProperty("definition").GetString()!,
            [.. t.GetProperty("modes").EnumerateArray().Select(m => new PloverMode(m.GetProperty("name").GetString()!, m.GetProperty("definition").GetString()!))]))];
        TypesByName = Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        Contexts =
        [
            .. root.GetProperty("contexts").EnumerateArray().Select(c => new PloverContext(c.GetProperty("name").GetString()!, c.GetProperty("definition").GetString()!, false)),
            .. root.GetProperty("auxiliaryContexts").EnumerateArray().Select(c => new PloverContext(c.GetProperty("name").GetString()!, c.GetProperty("example").GetString()!, true)),
        ];
        ContextsByName = Contexts.ToDictionary(c => c.Name, StringComparer.Ordinal);
        Sectors = [.. root.GetProperty("sectors").EnumerateArray().Select(s => new PloverSector(s.GetProperty("code").GetString()!, s.GetProperty("definition").GetString()!))];
        SectorCodes = [.. Sectors.Select(s => s.Code)];
        QuadClasses = [.. root.GetProperty("quadClasses").EnumerateArray().Select(q => new QuadClass(q.GetProperty("code").GetInt32(), q.GetProperty("name").GetString()!))];

        using var legacy = Read(LegacyResource);
        var old = legacy.RootElement;
        LegacyTypes = old.GetProperty("types").EnumerateObject().ToDictionary(t => t.Name,
            t => (t.Value.GetProperty("type").GetString()!, t.Value.TryGetProperty("mode", out var m) ? m.GetString() : null, t.Value.GetProperty("basis").GetString()!),
            StringComparer.Ordinal);
        UnmappedTypes = old.GetProperty("unmappedTypes").EnumerateObject().ToDictionary(t => t.Name, t => t.Value.GetString()!, StringComparer.Ordinal);
        LegacyModes = old.GetProperty("modes").EnumerateObject()
            .SelectMany(type => type.Value.EnumerateObject().Select(mode => (Key: (type.Name, mode.Name), Value: mode.Value.GetProperty("mode").GetString()!)))
            .ToDictionary(e => e.Key, e => e.Value);
        LegacyContexts = old.GetProperty("contexts").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetProperty("context").GetString()!, StringComparer.Ordinal);
        Check();
    }

    public static bool IsType(string? kind) => kind is not null && TypesByName.ContainsKey(kind);

    /// <summary>Whether <paramref name="mode"/> is one of <paramref name="kind"/>'s modes.</summary>
    public static bool IsMode(string? kind, string? mode) => kind is not null && mode is not null && TypesByName.TryGetValue(kind, out var type) && type.HasMode(mode);

    /// <summary>Whether <paramref name="context"/> is a general or auxiliary context of the manual.</summary>
    public static bool IsContext(string? context) => context is not null && ContextsByName.ContainsKey(context);

    public static bool IsSector(string? code) => code is not null && SectorCodes.Contains(code);

    /// <summary>The quad class of a PLOVER type; null for a kind outside PLOVER (TRAVEL).</summary>
    public static int? QuadClassOf(string? kind) => kind is not null && TypesByName.TryGetValue(kind, out var type) ? type.QuadClass : null;

    /// <summary>
    /// A coding in the current manual's terms. Current values stay; older drafts' values map through
    /// <c>plover-legacy.json</c>; the originals are kept wherever anything changed, and a mode or context with nothing
    /// to map to is dropped from the current field but kept among the originals. Null, with the reason, when the kind
    /// itself has nothing to map to. <paramref name="extraKinds"/> are kinds outside PLOVER that stay as they are (TRAVEL).
    /// </summary>
    public static PloverCoding? Recode(string kind, string? mode, IEnumerable<string>? contexts, out string? reason, params string[] extraKinds)
    {
        reason = null;
        var given = Clean(contexts);
        string current;
        string? impliedMode = null;
        if (IsType(kind) || extraKinds.Contains(kind, StringComparer.Ordinal)) current = kind;
        else if (LegacyTypes.TryGetValue(kind, out var legacy)) (current, impliedMode) = (legacy.Type, legacy.Mode);
        else
        {
            reason = UnmappedTypes.TryGetValue(kind, out var why) ? $"PLOVER type {kind}: {why}." : $"'{kind}' is not a PLOVER type, in the current manual or an older draft.";
            return null;
        }

        mode = string.IsNullOrWhiteSpace(mode) ? null : mode.Trim();
        string? currentMode = mode switch
        {
            null => impliedMode,
            _ when IsMode(current, mode) => mode,
            _ when LegacyModes.TryGetValue((current, mode), out var mapped) => mapped,
            _ => impliedMode,
        };
        if (currentMode is not null && !IsMode(current, currentMode)) currentMode = null;

        var currentContexts = given.Select(c => IsContext(c) ? c : LegacyContexts.GetValueOrDefault(c)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var contextsChanged = !currentContexts.SequenceEqual(given, StringComparer.Ordinal);
        return new PloverCoding(current, currentMode, currentContexts,
            current == kind ? null : kind,
            currentMode == mode ? null : mode,
            contextsChanged ? given : []);
    }

    /// <summary>Contexts as sources write them: lists, or one comma-separated string ("diplomatic, military"); trimmed, lower-case, no blanks.</summary>
    public static IReadOnlyList<string> Clean(IEnumerable<string>? contexts) =>
        [.. (contexts ?? []).SelectMany(c => (c ?? "").Split(',')).Select(c => c.Trim().ToLowerInvariant()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)];

    private static JsonDocument Read(string resource)
    {
        using var stream = typeof(Plover).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource {resource} is missing from the build.");
        return JsonDocument.Parse(stream);
    }

    /// <summary>The legacy mapping may only point at the manual's own values.</summary>
    private static void Check()
    {
        foreach (var (old, (type, mode, _)) in LegacyTypes)
        {
            if (!IsType(type) || (mode is not null && !IsMode(type, mode))) throw new InvalidOperationException($"plover-legacy.json maps {old} to {type} {mode}, which the manual lacks.");
        }
        foreach (var ((type, old), mode) in LegacyModes)
        {
            if (!IsMode(type, mode)) throw new InvalidOperationException($"plover-legacy.json maps {type} mode {old} to {mode}, which the manual lacks.");
        }
        foreach (var (old, context) in LegacyContexts)
        {
            if (!IsContext(context)) throw new InvalidOperationException($"plover-legacy.json maps context {old} to {context}, which the manual lacks.");
        }
    }
}
