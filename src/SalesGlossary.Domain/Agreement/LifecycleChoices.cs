namespace SalesGlossary.Domain;

internal sealed record LifecycleChoices(
    string? SqlQualification,
    string? OpportunityDefinition,
    string? HandRaiseRoute,
    string? NurtureStage,
    bool? RecycleWhenDealLost,
    RequalificationDocument? Requalification);
