namespace SalesGlossary.Domain;

/// <summary>Represents one activity of a contact as the buyer's journey sees it: when it happened and the journey stage of its content.</summary>
/// <param name="At">When the activity happened.</param>
/// <param name="Stage">The journey stage of the activity's content, for example <see cref="BuyerJourneyStage.Decision"/> for a pricing page.</param>
public readonly record struct JourneyActivity(DateTimeOffset At, BuyerJourneyStage Stage)
{
    /// <summary>Returns the activity as a log line.</summary>
    /// <returns>For example <c>Decision at 2026-03-01T00:00:00.0000000+00:00</c>.</returns>
    public override string ToString() => (Stage?.Name ?? "no stage") + " at " + At.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
}
