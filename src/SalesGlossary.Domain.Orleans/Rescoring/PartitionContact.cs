namespace SalesGlossary.Domain.Orleans.Rescoring;

/// <summary>Represents one contact of a partition, as a rescoring job reads it.</summary>
/// <remarks>Built with named members: <c>new PartitionContact { ContactId = "c-1", LeadType = "inbound", Lead = lead }</c>.</remarks>
public sealed record PartitionContact
{
    /// <summary>Gets the contact's id; also its grain's key.</summary>
    /// <exception cref="ArgumentException">The value set is <see langword="null"/>, empty or white space: no grain has such a key.</exception>
    public required string ContactId { get; init => field = Guard.NotBlank(value, nameof(ContactId)); }

    /// <summary>Gets the key of the contact's lead type, which chooses the scoring model.</summary>
    /// <exception cref="ArgumentException">The value set is <see langword="null"/>, empty or white space.</exception>
    public required string LeadType { get; init => field = Guard.NotBlank(value, nameof(LeadType)); }

    /// <summary>Gets what is known about the lead.</summary>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    public required LeadFacts Lead { get; init => field = Guard.NotNull(value, nameof(Lead)); }

    /// <summary>Returns the contact as a log line: its id and lead type, not what is known about the lead.</summary>
    /// <returns>For example <c>C-1 (inbound)</c>.</returns>
    public override string ToString() => ContactId + " (" + LeadType + ")";
}
