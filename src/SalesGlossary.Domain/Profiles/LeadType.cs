namespace SalesGlossary.Domain;

/// <summary>Represents a lead type: a named policy bundle such as "new prospect" or "existing customer".</summary>
/// <remarks>
/// A lead type selects, together, the scoring model, the thresholds, the deal pipeline and the connect policy
/// that apply to a lead; for example an existing customer may need 200 points to become an MQL where a new
/// prospect needs 100. The references are names resolved by the agreement that holds the lead type. Every member is
/// required and named: <c>new LeadType { Key = "new-prospect", Name = "New prospect", … }</c>.
/// </remarks>
public sealed record LeadType
{
    /// <summary>Gets the stable key that identifies the lead type, for example <c>new-prospect</c>.</summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Set to an empty or white-space value; the message names the member.</exception>
    public required string Key { get; init => field = Guard.NotBlank(value, nameof(Key)); }

    /// <summary>Gets the name people read, for example <c>New prospect</c>.</summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Set to an empty or white-space value; the message names the member.</exception>
    public required string Name { get; init => field = Guard.NotBlank(value, nameof(Name)); }

    /// <summary>Gets what makes a lead of this type.</summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Set to an empty or white-space value; the message names the member.</exception>
    public required string Description { get; init => field = Guard.NotBlank(value, nameof(Description)); }

    /// <summary>Gets the name of the scoring model that scores leads of this type.</summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Set to an empty or white-space value; the message names the member.</exception>
    public required string ScoringModel { get; init => field = Guard.NotBlank(value, nameof(ScoringModel)); }

    /// <summary>Gets the name of the deal pipeline that deals of this type follow.</summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Set to an empty or white-space value; the message names the member.</exception>
    public required string Pipeline { get; init => field = Guard.NotBlank(value, nameof(Pipeline)); }

    /// <summary>Gets the name of the connect policy that governs attempts on leads of this type.</summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Set to an empty or white-space value; the message names the member.</exception>
    public required string ConnectPolicy { get; init => field = Guard.NotBlank(value, nameof(ConnectPolicy)); }
}
