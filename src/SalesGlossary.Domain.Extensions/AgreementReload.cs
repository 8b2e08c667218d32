namespace SalesGlossary.Domain.Extensions;

/// <summary>The result of one reload.</summary>
/// <remarks>Only the library creates it. Two results are equal when outcome, generation and every problem (in order) are.</remarks>
public sealed record AgreementReload
{
    internal AgreementReload(AgreementReloadOutcome outcome, long generation, IReadOnlyList<ValidationProblem> problems)
    {
        Outcome = outcome;
        Generation = generation;
        Problems = [.. problems];
    }

    /// <summary>Gets what the reload did.</summary>
    public AgreementReloadOutcome Outcome { get; }

    /// <summary>Gets the generation current after the reload.</summary>
    public long Generation { get; }

    /// <summary>Gets why the documents were rejected, each with its JSON path; empty unless <see cref="Outcome"/> is <see cref="AgreementReloadOutcome.Rejected"/>.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    /// <summary>Compares outcome, generation and the problems item by item.</summary>
    /// <param name="other">The other result.</param>
    /// <returns>Whether both say the same.</returns>
    public bool Equals(AgreementReload? other) =>
        other is not null && Outcome == other.Outcome && Generation == other.Generation && Problems.SequenceEqual(other.Problems);

    /// <summary>Combines outcome, generation and every problem.</summary>
    /// <returns>The hash code; equal results have equal hash codes.</returns>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Outcome);
        hash.Add(Generation);
        foreach (var problem in Problems)
        {
            hash.Add(problem);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns the result as a log line.</summary>
    /// <returns>For example <c>Rejected at generation 3: $.leadTypes[0].key: The key is required.</c>.</returns>
    public override string ToString() =>
        Outcome + " at generation " + Generation.ToString(System.Globalization.CultureInfo.InvariantCulture) + (Problems.Count == 0 ? string.Empty : ": " + string.Join("; ", Problems));
}
