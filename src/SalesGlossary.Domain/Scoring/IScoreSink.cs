namespace SalesGlossary.Domain;

/// <summary>Receives what the scoring walk finds; the walk itself keeps the sums, windows, daily maximums, decay and caps.</summary>
internal interface IScoreSink
{
    /// <summary>Gets whether the sink wants each matched lead rule reported; the walk keeps the sums either way.</summary>
    bool WantsLeadMatches { get; }

    /// <summary>A lead rule matched (the rule's index in the model's rules).</summary>
    void LeadRuleMatched(int rule);

    /// <summary>An activity rule matched an activity inside its window; <paramref name="earned"/> is in hundredths, 0 when over the daily maximum.</summary>
    void ActivityRuleMatched(int rule, int activityIndex, long occurredTicks, long ageTicks, long earned, bool overDailyMaximum);

    /// <summary>A rule (or a nested rule, by its own name) failed for this lead; <paramref name="activityIndex"/> is -1 for lead rules.</summary>
    void RuleFailed(string rule, int activityIndex, Exception error);

    /// <summary>A problem with the lead as a whole (its activities could not be read, or too many).</summary>
    void LeadFailed(string message);
}
