namespace SalesGlossary.Domain;

/// <summary>Represents a lead type: a named policy bundle such as "new prospect" or "existing customer".</summary>
/// <remarks>
/// A lead type selects, together, the scoring model, the thresholds, the deal pipeline and the connect policy
/// that apply to a lead; for example an existing customer may need 200 points to become an MQL where a new
/// prospect needs 100. The references are names resolved by the agreement that holds the lead type.
/// </remarks>
public sealed record LeadType
{
    /// <summary>Initializes a new lead type.</summary>
    /// <param name="key">The stable key that identifies the lead type, for example <c>new-prospect</c>.</param>
    /// <param name="name">The name people read, for example <c>New prospect</c>.</param>
    /// <param name="description">What makes a lead of this type.</param>
    /// <param name="scoringModel">The name of the scoring model that scores leads of this type.</param>
    /// <param name="pipeline">The name of the deal pipeline that deals of this type follow.</param>
    /// <param name="connectPolicy">The name of the connect policy that governs attempts on leads of this type.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An argument is empty or white space.</exception>
    public LeadType(string key, string name, string description, string scoringModel, string pipeline, string connectPolicy)
    {
        Key = Guard.NotBlank(key);
        Name = Guard.NotBlank(name);
        Description = Guard.NotBlank(description);
        ScoringModel = Guard.NotBlank(scoringModel);
        Pipeline = Guard.NotBlank(pipeline);
        ConnectPolicy = Guard.NotBlank(connectPolicy);
    }

    /// <summary>Gets the stable key that identifies the lead type.</summary>
    public string Key { get; }

    /// <summary>Gets the name people read.</summary>
    public string Name { get; }

    /// <summary>Gets what makes a lead of this type.</summary>
    public string Description { get; }

    /// <summary>Gets the name of the scoring model for leads of this type.</summary>
    public string ScoringModel { get; }

    /// <summary>Gets the name of the deal pipeline for deals of this type.</summary>
    public string Pipeline { get; }

    /// <summary>Gets the name of the connect policy for leads of this type.</summary>
    public string ConnectPolicy { get; }
}
