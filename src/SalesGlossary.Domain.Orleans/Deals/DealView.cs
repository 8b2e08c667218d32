using System.Globalization;

namespace SalesGlossary.Domain.Orleans.Deals;

/// <summary>Represents a deal as its grain holds it.</summary>
[GenerateSerializer]
[Immutable]
[Alias("SalesGlossary.DealView")]
public sealed record DealView
{
    /// <summary>Gets the deal's id.</summary>
    [Id(0)]
    public required string DealId { get; init; }

    /// <summary>Gets the id of the contact the deal is for, which it drives.</summary>
    [Id(1)]
    public required string ContactId { get; init; }

    /// <summary>Gets the key of the contact's lead type, whose pipeline the deal follows.</summary>
    [Id(2)]
    public required string LeadType { get; init; }

    /// <summary>Gets every record of the deal, oldest first; the last one holds its stage, amount and expected close date.</summary>
    [Id(3)]
    public required IReadOnlyList<DealTransition> History { get; init; }

    /// <summary>Gets the number of changes stored for the deal; it moves with every change.</summary>
    [Id(4)]
    public required long Revision { get; init; }

    /// <summary>Gets the name of the deal's current stage: that of its last record.</summary>
    public string Stage => History[^1].To;

    /// <summary>Gets the deal's amount.</summary>
    public decimal Amount => History[^1].Amount;

    /// <summary>Gets the expected close date, if known.</summary>
    public DateOnly? ExpectedClose => History[^1].ExpectedClose;

    /// <summary>Compares deal, contact, lead type, revision and the history record by record.</summary>
    /// <param name="other">The other view.</param>
    /// <returns>Whether both say the same.</returns>
    public bool Equals(DealView? other) =>
        other is not null && DealId == other.DealId && ContactId == other.ContactId && LeadType == other.LeadType && Revision == other.Revision && ItemEquality.Same(History, other.History);

    /// <summary>Combines deal, contact, lead type, revision and every record.</summary>
    /// <returns>The hash code; equal views have equal hash codes.</returns>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(DealId);
        hash.Add(ContactId);
        hash.Add(LeadType);
        hash.Add(Revision);
        ItemEquality.AddItems(ref hash, History);
        return hash.ToHashCode();
    }

    /// <summary>Returns the deal as a log line.</summary>
    /// <returns>For example <c>deal D-1 of contact C-1 (inbound), revision 4: Negotiation, amount 12000.50, closing 2026-06-30</c>.</returns>
    public override string ToString()
    {
        var head = string.Create(CultureInfo.InvariantCulture, $"deal {DealId} of contact {ContactId} ({LeadType}), revision {Revision}: ");
        if (History is null || History.Count == 0)
        {
            return head + "no records";
        }

        var last = History[^1];
        return head + string.Create(CultureInfo.InvariantCulture, $"{last.To}, amount {last.Amount}") +
            (last.ExpectedClose is { } close ? ", closing " + close.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty);
    }
}
