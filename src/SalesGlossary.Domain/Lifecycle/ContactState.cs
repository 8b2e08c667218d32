
namespace SalesGlossary.Domain;

/// <summary>Represents the stored state of a <see cref="Contact"/>: everything needed to rebuild it.</summary>
/// <remarks>The stage and lead status are not stored twice: they are those the last history record left.</remarks>
/// <param name="Id">The contact's id.</param>
/// <param name="LeadType">The key of its lead type, or <see langword="null"/>.</param>
/// <param name="Score">Its latest lead score, or <see langword="null"/>.</param>
/// <param name="History">Its transitions, oldest first.</param>
/// <param name="ConnectAttempts">Its connect attempts.</param>
public sealed record ContactState(
    string Id,
    string? LeadType,
    decimal? Score,
    IReadOnlyList<LifecycleTransition> History,
    IReadOnlyList<ConnectAttempt> ConnectAttempts)
{
    /// <summary>Gets its transitions, oldest first.</summary>
    public IReadOnlyList<LifecycleTransition> History { get; init => field = ValueList<LifecycleTransition>.From(value); } = ValueList<LifecycleTransition>.From(History);

    /// <summary>Gets its connect attempts.</summary>
    public IReadOnlyList<ConnectAttempt> ConnectAttempts { get; init => field = ValueList<ConnectAttempt>.From(value); } = ValueList<ConnectAttempt>.From(ConnectAttempts);

    /// <summary>Gets the latest score of each model that scored the contact.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<ContactScore> Scores { get; init => field = ValueList<ContactScore>.From(value); } = ValueList<ContactScore>.Empty;

    /// <summary>Gets the latest score changes, oldest first (at most <see cref="Contact.ScoreHistoryLimit"/>); their sequence numbers count every change ever made.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<ScoreChange> ScoreHistory { get; init => field = ValueList<ScoreChange>.From(value); } = ValueList<ScoreChange>.Empty;

    /// <summary>Gets the recorded breaches of the connect policy, oldest first.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<SlaBreach> SlaBreaches { get; init => field = ValueList<SlaBreach>.From(value); } = ValueList<SlaBreach>.Empty;
}
