using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using FluentValidation;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// The one import pipeline: read (a reader per format: <see cref="KnowledgeDocumentReader"/>, <see cref="BulkLineReader"/>,
/// <see cref="FollowTheMoney"/>) → validate (with the validator DI registers, the one the endpoints use) → graph → the store.
/// <c>POST /api/import</c>, <c>/bulk</c> and <c>/ftm</c>, the <c>import</c> command and seeding all write through
/// <see cref="Write"/>, so how an import reaches the store, and what the store answers, is decided here once.
/// </summary>
internal sealed class Importer(IGraphStore store, IGraphTransfer transfer, IValidator<KnowledgeDocument> validator)
{
    /// <summary>The knowledge-document validator every reader checks with.</summary>
    public IValidator<KnowledgeDocument> Validator => validator;

    /// <summary>Knowledge documents from files: a document, a folder of them, or an NDJSON file.</summary>
    public KnowledgeDocumentReader Documents { get; } = new(validator);

    /// <summary>Imports a validated knowledge document: its judgements recorded (an export's), then its graph, written.</summary>
    public async Task<IImportOutcome> Import(KnowledgeDocument document, CancellationToken ct)
    {
        if (document.Judgements.Count > 0
            && await transfer.RestoreJudgements([.. document.Judgements.Select(j => j.ToJudgement())], ct) is var restored and not WriteOutcome.Imported)
        {
            return restored;
        }
        return await Write(KnowledgeGraph.From(document), ct);
    }

    /// <summary>Merges a graph (a validated document, or what another format became) into the store in one transaction.</summary>
    public Task<IImportOutcome> Write(DocumentGraph graph, CancellationToken ct) => store.Import(graph, ct);

    /// <summary>Withdraws the sources <paramref name="fromSource"/> picks from these nodes and their relationships (a delta's DEL).</summary>
    public Task<SourceRetraction> Withdraw(IReadOnlyList<string> nodeIds, Func<string, bool> fromSource, CancellationToken ct) => store.Withdraw(nodeIds, fromSource, ct);

    /// <summary>The pipeline and its validator, for the web app and the <c>import</c> command alike.</summary>
    public static void Add(IServiceCollection services)
    {
        // FluentValidation keeps its naming in static state: set it before any validator is built.
        ValidationConventions.Apply();
        services.AddSingleton<IValidator<KnowledgeDocument>, KnowledgeDocumentValidator>();
        services.AddSingleton<Importer>();
    }
}
