using System.Text.Json;
using System.Text.Json.Serialization;
using SalesGlossary.Domain.Connecting;
using SalesGlossary.Domain.Deals;
using SalesGlossary.Domain.Lifecycle;

namespace SalesGlossary.Domain.Agreement;

/// <summary>The JSON shape of an agreement document, before validation. Every field is optional here so that a missing one is reported with its path.</summary>
internal sealed record AgreementDocument(
    string? Name,
    string? Version,
    Dictionary<string, List<LifecycleStage>>? Teams,
    LifecycleChoices? Lifecycle,
    List<LeadStatus>? LeadStatuses,
    List<LeadTypeDocument>? LeadTypes,
    List<PipelineDocument>? Pipelines,
    List<ConnectPolicyDocument>? ConnectPolicies,
    Dictionary<string, JsonElement>? ScoringModels,
    CommitmentsDocument? Commitments)
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }
}

internal sealed record LifecycleChoices(
    SqlQualification? SqlQualification,
    OpportunityDefinition? OpportunityDefinition,
    LifecycleStage? HandRaiseRoute,
    LifecycleStage? NurtureStage,
    bool? RecycleWhenDealLost);

internal sealed record LeadTypeDocument(
    string? Key,
    string? Name,
    string? Description,
    string? ScoringModel,
    QualificationThresholds? Thresholds,
    string? Pipeline,
    string? ConnectPolicy);

internal sealed record BusinessHoursDocument(string? TimeZone, TimeOnly? Opens, TimeOnly? Closes, List<DayOfWeek>? WorkingDays, List<DateOnly>? Holidays);

internal sealed record ConnectPolicyDocument(
    string? Name,
    BusinessHoursDocument? BusinessHours,
    decimal? FirstTouchWithinHours,
    int? MinimumAttempts,
    int? OverDays,
    int? MinimumChannels,
    decimal? MinimumSpacingHours,
    List<ConnectOutcome>? ConnectedOutcomes);

internal sealed record CommitmentsDocument(MarketingCommitment? Marketing, SalesCommitment? Sales);

internal sealed record PipelineDocument(string? Name, List<DealStage>? Stages, PipelineRules? Rules);
