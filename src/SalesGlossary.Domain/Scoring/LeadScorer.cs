namespace SalesGlossary.Domain;

/// <summary>Holds the current scoring model and publishes a new one atomically, even while scoring runs.</summary>
/// <typeparam name="TLead">The lead type.</typeparam>
/// <typeparam name="TActivity">The activity type.</typeparam>
/// <remarks>
/// Share one scorer between threads. <see cref="Publish"/> swaps the model in one step: a score in progress finishes
/// with the model it started with, and in a streaming run every batch uses one model, so each lead is scored by exactly
/// one model version (<see cref="ScoredLead{TLead}.ModelVersion"/> says which).
/// </remarks>
public sealed class LeadScorer<TLead, TActivity>
{
    private LeadScoringModel<TLead, TActivity> model;

    /// <summary>Initializes a new scorer with its first model.</summary>
    /// <param name="model">The model to score with.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is <see langword="null"/>.</exception>
    public LeadScorer(LeadScoringModel<TLead, TActivity> model) => this.model = Guard.NotNull(model);

    /// <summary>Gets the model that scores now.</summary>
    public LeadScoringModel<TLead, TActivity> Model => Volatile.Read(ref model);

    /// <summary>Makes a new model the one that scores from now on.</summary>
    /// <param name="newModel">The new model, loaded and compiled beforehand.</param>
    /// <returns>The model it replaced.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="newModel"/> is <see langword="null"/>.</exception>
    public LeadScoringModel<TLead, TActivity> Publish(LeadScoringModel<TLead, TActivity> newModel) =>
        Interlocked.Exchange(ref model, Guard.NotNull(newModel));

    /// <summary>Scores one lead with the current model.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The instant the score is computed for.</param>
    /// <returns>The explained score; its <see cref="LeadScore.ModelVersion"/> names the model that computed it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is <see langword="null"/>.</exception>
    public LeadScore Score(TLead lead, DateTimeOffset asOf) => Model.Score(lead, asOf);

    /// <summary>Scores an asynchronous stream of leads in parallel batches; each batch uses the model current when it starts.</summary>
    /// <param name="leads">The leads; read once.</param>
    /// <param name="asOf">The instant the scores are computed for.</param>
    /// <param name="options">Parallelism, batch size and progress; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the run between batches.</param>
    /// <returns>Each lead with its total and the version of the model that scored it, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leads"/> is <see langword="null"/>.</exception>
    public IAsyncEnumerable<ScoredLead<TLead>> ScoreEachAsync(
        IAsyncEnumerable<TLead> leads,
        DateTimeOffset asOf,
        BulkScoringOptions? options = null,
        CancellationToken cancellationToken = default) =>
        LeadScoringModel<TLead, TActivity>.Stream(leads, () => Model, asOf, options, cancellationToken);
}
