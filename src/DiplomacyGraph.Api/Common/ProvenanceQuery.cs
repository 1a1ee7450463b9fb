using System.ComponentModel;
using DiplomacyGraph.Storage.Vocabulary;
using FluentValidation;

namespace DiplomacyGraph.Api.Common;

/// <summary>The <c>provenance</c> filter of the lists of facts (events, statements, sanctions, the timeline).</summary>
internal sealed record ProvenanceQuery
{
    [Description("`curated`: only facts at least one curated source cites (knowledge documents, hand-coded records such as "
        + "PLOVER's gold standard, sanctions lists), even if machine-coded sources cite them too. `coded`: only facts that "
        + "machine-coded sources alone cite (GDELT). All facts when omitted.")]
    public string? Provenance { get; init; }
}

internal sealed class ProvenanceQueryValidator : AbstractValidator<ProvenanceQuery>
{
    public ProvenanceQueryValidator() => RuleFor(q => q.Provenance).OneOf([SourceProvenance.Curated, SourceProvenance.Coded]);
}
