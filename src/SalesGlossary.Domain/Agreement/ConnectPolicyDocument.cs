namespace SalesGlossary.Domain;

internal sealed record ConnectPolicyDocument(
    string? Name,
    BusinessHoursDocument? BusinessHours,
    decimal? FirstTouchWithinHours,
    int? MinimumAttempts,
    int? OverDays,
    int? MinimumChannels,
    decimal? MinimumSpacingHours,
    List<string?>? ConnectedOutcomes);
