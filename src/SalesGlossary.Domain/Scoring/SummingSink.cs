namespace SalesGlossary.Domain;

/// <summary>Only sums (the walk keeps the sums): records matched rules as bits and whether any rule failed.</summary>
/// <remarks>Not nested in the generic model, so that the walk over it is compiled for it exactly and its calls inline.</remarks>
internal ref struct SummingSink(Span<ulong> matched, string model) : IScoreSink
{
    private readonly Span<ulong> matched = matched;
    private readonly string model = model;

    public bool Complete { get; private set; } = true;

    public readonly bool WantsLeadMatches => !matched.IsEmpty;

    public readonly void LeadRuleMatched(int rule) => Mark(rule);

    public readonly void ActivityRuleMatched(int rule, int activityIndex, long occurredTicks, long ageTicks, long earned, bool overDailyMaximum) => Mark(rule);

    public void RuleFailed(string rule, int activityIndex, Exception error)
    {
        Complete = false;
        if (error is RuleBudgetExceededException)
        {
            DomainTelemetry.BudgetStopped(model, DomainTelemetry.Bulk, 1);
        }
    }

    public void LeadFailed(string message) => Complete = false;

    private readonly void Mark(int rule)
    {
        if (!matched.IsEmpty)
        {
            matched[rule >> 6] |= 1UL << (rule & 63);
        }
    }
}
