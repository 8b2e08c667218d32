using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>
/// The JSON shape of an agreement document, before validation. Every field is optional and every name (stage, status,
/// team, outcome, day, choice) is read as text, so that a missing field or an unknown name is reported with its path
/// together with every other problem of the document.
/// </summary>
internal sealed record AgreementDocument(
    string? Name,
    string? Version,
    Dictionary<string, List<string?>?>? Teams,
    LifecycleChoices? Lifecycle,
    List<string?>? LeadStatuses,
    List<LeadTypeDocument?>? LeadTypes,
    List<PipelineDocument?>? Pipelines,
    List<ConnectPolicyDocument?>? ConnectPolicies,
    Dictionary<string, JsonElement>? ScoringModels,
    CommitmentsDocument? Commitments)
{
    public Dictionary<string, CrmCodesDocument?>? CrmCodes { get; init; }

    public VocabularyDocument? Vocabulary { get; init; }

    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }
}
