using System.Text.Json.Serialization;

namespace SalesGlossary.Domain.Arrow;

/// <summary>How the columnar path scores one rule of a model.</summary>
/// <remarks>Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record ColumnarRulePlan
{
    [JsonConstructor]
    internal ColumnarRulePlan(string rule, bool isVectorized, string how)
    {
        Rule = rule;
        IsVectorized = isVectorized;
        How = how;
    }

    /// <summary>Gets the rule's name.</summary>
    public string Rule { get; internal init; }

    /// <summary>Gets whether the rule runs as a loop over columns; otherwise it is evaluated lead by lead (the row path) inside the same run.</summary>
    public bool IsVectorized { get; internal init; }

    /// <summary>Gets in words: the column and the method (a table per distinct text, thresholds on a number), or why the rule is evaluated row by row.</summary>
    public string How { get; internal init; }

    /// <summary>Returns it as a log line.</summary>
    /// <returns>For example <c>Senior title: vectorized (string column compared per dictionary entry)</c>.</returns>
    public override string ToString() => Rule + (IsVectorized ? ": vectorized (" : ": row by row (") + How + ")";
}
