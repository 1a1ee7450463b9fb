using DiplomacyGraph.Storage.Model;

namespace DiplomacyGraph.Storage.Neo4j;

// The provenance= filter of the fact lists, kept apart from the other filters' variants (Neo4jGraphStore.cs).
public sealed partial class Neo4jGraphStore
{
    // provenance= (FactProvenance): every list variant takes $provenance as a filter on what its anchor found; a list
    // with no other anchor starts from the factProvenance index instead (the ByProvenance variants).

    private static (string, Dictionary<string, object?>) EventsVariant(EventSearch search) =>
        search is { ActorId: null, Kind: null, From: null, To: null, Provenance: { } provenance }
            ? ("EventsByProvenance", Params(("provenance", provenance)))
            : WithProvenance(EventsVariantByAnchor(search), search.Provenance);

    private static (string, Dictionary<string, object?>) SanctionsVariant(SanctionSearch search) =>
        search is { ImposerId: null, TargetId: null, ProgramId: null, Kind: null, Provenance: { } provenance }
            ? ("SanctionsByProvenance", Params(("provenance", provenance), ("activeOn", search.ActiveOn)))
            : WithProvenance(SanctionsVariantByAnchor(search), search.Provenance);

    private static (string, Dictionary<string, object?>) StatementsVariant(StatementSearch search) =>
        search is { SpeakerId: null, AboutId: null, Provenance: { } provenance }
            ? ("StatementsByProvenance", Params(("provenance", provenance), ("query", search.Query is null ? null : Text.Fold(search.Query))))
            : WithProvenance(StatementsVariantByAnchor(search), search.Provenance);

    private static (string, Dictionary<string, object?>) WithProvenance((string Name, Dictionary<string, object?> Parameters) variant, string? provenance) =>
        (variant.Name, With(variant.Parameters, ("provenance", provenance)));
}
