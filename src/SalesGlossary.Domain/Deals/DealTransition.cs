using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents one record of a deal's history, with the amount and expected close date at that time.</summary>
/// <remarks>
/// Built with named members (<c>new DealTransition { Sequence = 1, From = "Discovery", By = By.Sales.Named("sam"), … }</c>); a deal
/// writes its own records, so code outside the library builds one only to test or to migrate histories. Stored as JSON, the
/// record keeps the fields <c>actor</c> and <c>actorName</c> for <see cref="By"/>.
/// </remarks>
public sealed record DealTransition
{
    /// <summary>Initializes a new instance of the <see cref="DealTransition"/> class; set every required member.</summary>
    public DealTransition()
    {
    }

    [JsonConstructor]
    [SetsRequiredMembers]
    private DealTransition(Actor? storedActor, string? storedActorName)
    {
        // A record read without an actor is left incomplete so that the history validation names it with its path.
        By = storedActor is null ? null! : By.Stored(storedActor, storedActorName);
        From = null!;
        To = null!;
        Trigger = null!;
    }

    /// <summary>Gets the position of the record, starting at 1.</summary>
    public required int Sequence { get; init; }

    /// <summary>Gets the stage before.</summary>
    public required string From { get; init; }

    /// <summary>Gets the stage after.</summary>
    public required string To { get; init; }

    /// <summary>Gets what happened.</summary>
    public required DealTrigger Trigger { get; init; }

    /// <summary>Gets when, from the deal's <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Gets who did it: the actor and, if given, the person or system by name.</summary>
    [JsonIgnore]
    public required By By { get; init; }

    /// <summary>Gets why: always for moves back, losses (where required), reopening and holds with a reason.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? Reason { get; init; }

    /// <summary>Gets the deal's amount after the record.</summary>
    public required decimal Amount { get; init; }

    /// <summary>Gets the expected close date after the record, if known.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public DateOnly? ExpectedClose { get; init; }

    /// <summary>Gets the ids of the deal's contacts, recorded on the creation record; <see langword="null"/> on every other record.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public IReadOnlyList<string>? Contacts { get; init => field = ValueList<string>.From(value); }

    [JsonInclude]
    [JsonPropertyName("actor")]
    private Actor? StoredActor => By?.Actor;

    [JsonInclude]
    [JsonPropertyName("actorName")]
    private string? StoredActorName => By?.Name;
}
