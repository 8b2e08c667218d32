using System.Globalization;
using System.Reflection;

namespace SalesGlossary.Domain.Scoring;

/// <summary>
/// The run-time work budget of compiled rules. Every rule that loops or builds text is compiled with calls into this meter
/// (see <see cref="WorkMetering"/>): the rule starts with a fresh budget, each lambda call costs one unit and each
/// character of text built costs one unit. Past the budget the rule throws <see cref="RuleBudgetExceededException"/>,
/// which the scoring walk reports as a rule error. The meter also observes the cancellation token of the scoring call
/// running on the thread, so that a cancelled run stops inside a long rule, not only between leads.
/// </summary>
/// <remarks>
/// The state is per thread: a compiled rule runs on one thread from start to end, and one thread scores one lead at a
/// time. Rules without loops and without built text carry no meter calls at all.
/// </remarks>
internal static class WorkMeter
{
    /// <summary>How many units of work pass between two looks at the cancellation token.</summary>
    internal const int CancellationStride = 4096;

    internal static readonly MethodInfo StartRuleMethod = typeof(WorkMeter).GetMethod(nameof(StartRule), BindingFlags.Static | BindingFlags.NonPublic)!;
    internal static readonly MethodInfo IterationMethod = typeof(WorkMeter).GetMethod(nameof(Iteration), BindingFlags.Static | BindingFlags.NonPublic)!;
    internal static readonly MethodInfo BuiltMethod = typeof(WorkMeter).GetMethod(nameof(Built), BindingFlags.Static | BindingFlags.NonPublic)!;

    [ThreadStatic]
    private static State? state;

    /// <summary>Makes the rules run on this thread observe a cancellation token until the returned scope is disposed.</summary>
    internal static CancellationScope Observe(CancellationToken cancellationToken)
    {
        var current = state ??= new State();
        var previous = current.Token;
        current.Token = cancellationToken;
        return new CancellationScope(current, previous);
    }

    /// <summary>Throws when the scoring call running on this thread was cancelled; called between rule evaluations.</summary>
    internal static void ThrowIfCancelled()
    {
        state?.Token.ThrowIfCancellationRequested();
    }

    /// <summary>Gets the units of work the last rule run on this thread used; for tests and diagnostics.</summary>
    internal static long LastRuleWork => state is { } s ? s.Budget - s.Remaining : 0;

    /// <summary>Starts a rule evaluation with a fresh budget. Compiled into the start of every metered rule.</summary>
    internal static void StartRule(long budget)
    {
        var current = state ??= new State();
        current.Budget = budget;
        current.Remaining = budget;
        current.UntilCancellationCheck = CancellationStride;
        current.Token.ThrowIfCancellationRequested();
    }

    /// <summary>Charges one lambda call. Compiled into the start of every lambda body of a metered rule.</summary>
    internal static void Iteration()
    {
        var current = state ??= new State();
        if (--current.Remaining < 0 || --current.UntilCancellationCheck <= 0)
        {
            current.Check();
        }
    }

    /// <summary>Charges the characters of a text a rule built and returns it. Compiled around every text-building call of a metered rule.</summary>
    internal static string? Built(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var current = state ??= new State();
        current.Remaining -= text.Length;
        current.UntilCancellationCheck -= Math.Max(1, text.Length / 64);
        if (current.Remaining < 0 || current.UntilCancellationCheck <= 0)
        {
            current.Check();
        }

        return text;
    }

    /// <summary>Restores the cancellation token observed before <see cref="Observe"/>.</summary>
    internal readonly struct CancellationScope : IDisposable
    {
        private readonly State owner;
        private readonly CancellationToken previous;

        internal CancellationScope(State owner, CancellationToken previous)
        {
            this.owner = owner;
            this.previous = previous;
        }

        public void Dispose()
        {
            if (owner is not null)
            {
                owner.Token = previous;
            }
        }
    }

    internal sealed class State
    {
        internal long Budget { get; set; } = ScoringLimits.Default.MaxWorkPerRule;

        internal long Remaining { get; set; } = ScoringLimits.Default.MaxWorkPerRule;

        internal int UntilCancellationCheck { get; set; } = CancellationStride;

        internal CancellationToken Token { get; set; }

        internal void Check()
        {
            UntilCancellationCheck = CancellationStride;
            Token.ThrowIfCancellationRequested();

            if (Remaining < 0)
            {
                throw new RuleBudgetExceededException(Budget);
            }
        }
    }
}

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
