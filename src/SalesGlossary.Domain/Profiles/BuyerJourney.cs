namespace SalesGlossary.Domain;

/// <summary>Infers a contact's buyer's-journey stage from the journey stages of its recent activities.</summary>
public static class BuyerJourney
{
    /// <summary>Infers the journey stage: the stage with the most recent-activity weight, where newer activities weigh more and later stages win ties.</summary>
    /// <param name="activities">The contact's activities with the journey stage of their content.</param>
    /// <param name="asOf">The instant of the inference.</param>
    /// <param name="window">How far back activities count.</param>
    /// <returns>The inferred stage, or <see langword="null"/> when no activity lies inside the window.</returns>
    /// <remarks>
    /// Each activity weighs <c>1 − age / window</c> (activities after <paramref name="asOf"/> do not count). A buyer who
    /// read pricing pages last week is in Decision even if older reading was mostly Awareness.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="activities"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is not positive.</exception>
    public static BuyerJourneyStage? Infer(IEnumerable<JourneyActivity> activities, DateTimeOffset asOf, TimeSpan window)
    {
        Guard.NotNull(activities);
        if (window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be positive.");
        }

        return activities
            .Where(a => a.Stage is not null && a.At <= asOf && asOf - a.At < window)
            .GroupBy(a => a.Stage)
            .Select(g => (Stage: g.Key, Weight: g.Sum(a => 1.0 - ((asOf - a.At) / window))))
            .OrderByDescending(x => x.Weight)
            .ThenByDescending(x => x.Stage.Value)
            .Select(x => x.Stage)
            .FirstOrDefault();
    }
}
