using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>The result of one firmographic criterion for one company.</summary>
/// <remarks>Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record IcpCriterionResult
{
    [JsonConstructor]
    internal IcpCriterionResult(IcpCriterion criterion, bool isMet, string explanation)
    {
        Criterion = criterion;
        IsMet = isMet;
        Explanation = explanation;
    }

    /// <summary>Gets the criterion that was evaluated.</summary>
    public IcpCriterion Criterion { get; internal init; }

    /// <summary>Gets whether the company meets the criterion.</summary>
    public bool IsMet { get; internal init; }

    /// <summary>Gets a sentence that says what was compared and why the criterion is met or not.</summary>
    public string Explanation { get; internal init; }

    /// <summary>Returns it as a log line.</summary>
    /// <returns>For example <c>Country met: DE is in DE, AT, CH</c>.</returns>
    public override string ToString() => Criterion.Name + (IsMet ? " met: " : " not met: ") + Explanation;
}
