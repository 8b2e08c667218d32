using System.Globalization;

namespace SalesGlossary.Domain.Orleans.Contacts;

/// <summary>Represents a contact as its grain holds it.</summary>
/// <param name="State">The contact's state, as the library stores it (rehydrate it with <c>agreement.RehydrateContact</c>).</param>
/// <param name="Revision">The number of changes stored for the contact, scores included; it moves with every change.</param>
/// <param name="Score">The last score applied, with the model version and generation that produced it; <see langword="null"/> before the first.</param>
[GenerateSerializer]
[Immutable]
[Alias("SalesGlossary.ContactView")]
public sealed record ContactView(
    [property: Id(0)] ContactState State,
    [property: Id(1)] long Revision,
    [property: Id(2)] ScoreStamp? Score)
{
    /// <summary>Gets the contact's current stage: that of its last history record.</summary>
    public LifecycleStage Stage => State.History[^1].To;

    /// <summary>Returns the contact as a log line: id, lead type, stage, revision and last score, never its whole history.</summary>
    /// <returns>For example <c>contact C-1 (inbound), MarketingQualifiedLead, revision 3, 4 history records; scored sample-lead-scoring v1.0.0 (generation 2): 85</c>.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"contact {State?.Id} ({State?.LeadType ?? "no lead type"}), {(State?.History is { Count: > 0 } history ? history[^1].To.ToString() : "no history")}, revision {Revision}, {State?.History?.Count ?? 0} history records") +
        (Score is null ? "; not scored" : "; scored " + Score);
}
