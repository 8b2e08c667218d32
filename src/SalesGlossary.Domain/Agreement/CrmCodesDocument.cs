namespace SalesGlossary.Domain;

internal sealed record CrmCodesDocument(
    Dictionary<string, string?>? LifecycleStages,
    Dictionary<string, string?>? LeadStatuses,
    Dictionary<string, string?>? DisqualificationReasons,
    Dictionary<string, Dictionary<string, string?>?>? DealStages)
{
    public Dictionary<string, string?>? LostReasons { get; init; }
}
