namespace SalesGlossary.Domain;

/// <content>The cancellable entry point of the explained score; the work meter and the cost model live in their own files.</content>
public sealed partial class LeadScoringModel<TLead, TActivity>
{
    /// <summary>Gets the estimated worst-case work of each enabled rule, in the order of <see cref="Rules"/>.</summary>
    /// <remarks>Each cost is linear in the lead's size: rules that are not were rejected at load. See <see cref="RuleCost"/>.</remarks>
    public IReadOnlyList<RuleCost> RuleCosts { get; }

    /// <summary>Scores a lead as of an instant, with every contribution explained, stopping promptly when cancelled.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The instant the score is computed for; activities after it are not counted.</param>
    /// <param name="cancellationToken">Stops the scoring between rules and inside a long-running rule.</param>
    /// <returns>The score with its groups, grade, contributions, hand-raises and any rule errors for this lead.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An activity of the lead is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; no score is returned.</exception>
    public LeadScore Score(TLead lead, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var observed = WorkMeter.Observe(cancellationToken);
        return Score(lead, asOf);
    }
}
