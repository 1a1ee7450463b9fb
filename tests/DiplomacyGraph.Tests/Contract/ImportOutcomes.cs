using DiplomacyGraph.Storage;

namespace DiplomacyGraph.Tests.Contract;

internal static class ImportOutcomes
{
    /// <summary>The summary of an import that must go in; a refusal fails the test.</summary>
    public static async Task<ImportSummary> Imported(this Task<IImportOutcome> import) => Assert.IsType<WriteOutcome.Imported>(await import).Summary;
}
