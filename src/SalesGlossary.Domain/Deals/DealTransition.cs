namespace SalesGlossary.Domain;

/// <summary>Represents one record of a deal's history, with the amount and expected close date at that time.</summary>
/// <param name="Sequence">The position of the record, starting at 1.</param>
/// <param name="From">The stage before.</param>
/// <param name="To">The stage after.</param>
/// <param name="Trigger">What happened.</param>
/// <param name="At">When, from the deal's <see cref="TimeProvider"/>.</param>
/// <param name="Actor">Who did it.</param>
/// <param name="ActorName">The person or system, if given.</param>
/// <param name="Reason">Why: always for moves back, losses (where required), reopening and holds with a reason.</param>
/// <param name="Amount">The deal's amount after the record.</param>
/// <param name="ExpectedClose">The expected close date after the record, if known.</param>
/// <param name="Contacts">The ids of the deal's contacts, recorded on the creation record; <see langword="null"/> on every other record.</param>
public sealed record DealTransition(
    int Sequence,
    string From,
    string To,
    DealTrigger Trigger,
    DateTimeOffset At,
    Actor Actor,
    string? ActorName,
    string? Reason,
    decimal Amount,
    DateOnly? ExpectedClose,
    IReadOnlyList<string>? Contacts = null)
{
    /// <summary>Gets the ids of the deal's contacts, recorded on the creation record; <see langword="null"/> on every other record.</summary>
    public IReadOnlyList<string>? Contacts { get; init => field = ValueList<string>.From(value); } = ValueList<string>.From(Contacts);
}
