using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>Thrown inside a compiled rule that used up its work budget; reported as that rule's error for the lead.</summary>
internal sealed class RuleBudgetExceededException : Exception
{
    public RuleBudgetExceededException(long budget)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"The rule was stopped after {budget:N0} units of work (each loop step and each character of text built is one unit); that is the budget of ScoringLimits.MaxWorkPerRule. Simplify the rule or raise the limit for trusted rule authors."))
    {
        Budget = budget;
    }

    public RuleBudgetExceededException()
        : this(ScoringLimits.Default.MaxWorkPerRule)
    {
    }

    public RuleBudgetExceededException(string message)
        : base(message)
    {
    }

    public RuleBudgetExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public long Budget { get; }
}
