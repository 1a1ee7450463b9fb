using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Embedded;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// The service writes its embedded store, so it takes the store's writer lock before it loads or serves anything: a
/// second process on the same file would serve its own copy of the graph, and one of the two would lose acknowledged writes.
/// </summary>
internal static class StoreOwnership
{
    /// <summary>True when the store is ours (or is Neo4j, which takes many writers); otherwise says who holds it, in one line on stderr.</summary>
    public static bool HoldsItsStore(this WebApplication app)
    {
        try
        {
            // A singleton: the lock lives, and is released, with the host.
            app.Services.GetService<EmbeddedWriterLock>();
            return true;
        }
        catch (StoreMisconfiguredException e)
        {
            Console.Error.WriteLine($"{e.Message} Stop that process, or give this one another Embedded:Path; several replicas on one graph need Neo4j (Neo4j:Uri).");
            return false;
        }
    }
}
