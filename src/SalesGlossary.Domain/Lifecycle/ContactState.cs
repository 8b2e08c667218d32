
namespace SalesGlossary.Domain;

/// <summary>Represents the stored state of a <see cref="Contact"/>: everything needed to rebuild it.</summary>
/// <remarks>The stage and lead status are not stored twice: they are those the last history record left.</remarks>
/// <example><c>new ContactState { Id = "c-1", History = [created], ConnectAttempts = [] }</c>.</example>
public sealed record ContactState
{
    /// <summary>Gets the contact's id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the key of the contact's lead type, or <see langword="null"/>.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? LeadType { get; init; }

    /// <summary>Gets the contact's latest lead score, or <see langword="null"/>.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public decimal? Score { get; init; }

    /// <summary>Gets the contact's transitions, oldest first.</summary>
    public required IReadOnlyList<LifecycleTransition> History { get; init => field = ValueList<LifecycleTransition>.From(value); }

    /// <summary>Gets the contact's connect attempts.</summary>
    public required IReadOnlyList<ConnectAttempt> ConnectAttempts { get; init => field = ValueList<ConnectAttempt>.From(value); }

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
