using System.Text.Json;
using System.Text.Json.Serialization;
using SalesGlossary.Domain.Deals;

namespace SalesGlossary.Domain.Agreement;

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

internal sealed record LifecycleChoices(
    string? SqlQualification,
    string? OpportunityDefinition,
    string? HandRaiseRoute,
    string? NurtureStage,
    bool? RecycleWhenDealLost,
    RequalificationDocument? Requalification);

internal sealed record RequalificationDocument(decimal? MinimumNewPoints, decimal? CoolOffDays, string? CountHandoffs);

internal sealed record ThresholdsDocument(decimal? Mql, decimal? Sql, Dictionary<string, decimal>? MqlGroups = null);

internal sealed record LeadTypeDocument(
    string? Key,
    string? Name,
    string? Description,
    string? ScoringModel,
    ThresholdsDocument? Thresholds,
    string? Pipeline,
    string? ConnectPolicy);

internal sealed record BusinessHoursDocument(string? TimeZone, TimeOnly? Opens, TimeOnly? Closes, List<string?>? WorkingDays, List<DateOnly>? Holidays);

internal sealed record ConnectPolicyDocument(
    string? Name,
    BusinessHoursDocument? BusinessHours,
    decimal? FirstTouchWithinHours,
    int? MinimumAttempts,
    int? OverDays,
    int? MinimumChannels,
    decimal? MinimumSpacingHours,
    List<string?>? ConnectedOutcomes);

internal sealed record MarketingCommitmentDocument(int? MqlsPerMonth, decimal? MaxSqlRejectionRatePercent);

internal sealed record CommitmentsDocument(MarketingCommitmentDocument? Marketing, JsonElement? Sales);

internal sealed record DealStageDocument(string? Name, decimal? Probability, string? Kind, string? Forecast);

internal sealed record PipelineDocument(string? Name, List<DealStageDocument?>? Stages, PipelineRules? Rules);

internal sealed record CrmCodesDocument(
    Dictionary<string, string?>? LifecycleStages,
    Dictionary<string, string?>? LeadStatuses,
    Dictionary<string, string?>? DisqualificationReasons,
    Dictionary<string, Dictionary<string, string?>?>? DealStages)
{
    public Dictionary<string, string?>? LostReasons { get; init; }
}

internal sealed record VocabularyDocument(
    List<StageDocument?>? Stages,
    List<LeadStatusDocument?>? LeadStatuses,
    List<ReasonDocument?>? DisqualificationReasons,
    List<TermDocument?>? LostReasons,
    List<TermDocument?>? Teams,
    List<TermDocument?>? Actors,
    List<DisplayNameDocument?>? DisplayNames);

internal sealed record DisplayNameDocument(string? Kind, string? Term, string? Language, string? DisplayName);

internal sealed record StageDocument(string? Name, int? Number, string? DisplayName, string? Abbreviation, string? After, decimal? EntryMinimumScore);

internal sealed record LeadStatusDocument(string? Name, int? Number, string? DisplayName, bool? Open, bool? Working, bool? Connected, bool? Closed);

internal sealed record ReasonDocument(string? Name, int? Number, string? DisplayName, bool? RequiresExhaustedConnectPolicy);

internal sealed record TermDocument(string? Name, int? Number, string? DisplayName);
