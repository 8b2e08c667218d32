using System.Reflection;

namespace SalesGlossary.Domain;

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
    internal static readonly MethodInfo SearchMethod = typeof(WorkMeter).GetMethod(nameof(Search), BindingFlags.Static | BindingFlags.NonPublic)!;
    internal static readonly MethodInfo CompareMethod = typeof(WorkMeter).GetMethod(nameof(Compare), BindingFlags.Static | BindingFlags.NonPublic)!;
    internal static readonly MethodInfo WalkMethod = typeof(WorkMeter).GetMethod(nameof(Walk), BindingFlags.Static | BindingFlags.NonPublic)!;
    internal static readonly MethodInfo SearchInRuleMethod = typeof(WorkMeter).GetMethod(nameof(SearchInRule), BindingFlags.Static | BindingFlags.NonPublic)!;
    internal static readonly MethodInfo CompareInRuleMethod = typeof(WorkMeter).GetMethod(nameof(CompareInRule), BindingFlags.Static | BindingFlags.NonPublic)!;

    /// <summary>
    /// How much work a rule that only searches and compares texts counts in its own local before it settles with the
    /// thread's meter (budget and cancellation): below it, such a rule touches no thread state at all.
    /// </summary>
    internal const long RuleLocalStride = 4096;

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

    /// <summary>Gets the cancellation token the scoring call running on this thread observes (none outside a call); read once per lead by the walk.</summary>
    internal static CancellationToken Observed => state?.Token ?? default;

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

    /// <summary>
    /// Charges a text search before it runs: in the worst case it compares each position of the text with the whole
    /// needle, so it costs the text's length times the needle's (at least one). Compiled before every
    /// <c>Contains</c>/<c>IndexOf</c> of text in a rule, so an oversized search is stopped by the budget without running.
    /// </summary>
    internal static void Search(string? text, string? needle)
    {
        if (text is null)
        {
            return;
        }

        Charge((long)text.Length * Math.Max(1, needle?.Length ?? 0));
    }

    /// <summary>Charges a comparison of two texts (<c>Equals</c>, <c>StartsWith</c>, <c>Compare</c>, …): at most both lengths.</summary>
    internal static void Compare(string? left, string? right) =>
        Charge((long)(left?.Length ?? 0) + (right?.Length ?? 0));

    /// <summary>
    /// <see cref="Search"/> for a rule that only searches and compares texts: the rule's work so far is a local of the
    /// compiled rule, passed in and returned. Past <paramref name="settleAbove"/> (the smaller of the budget and
    /// <see cref="RuleLocalStride"/>) the work settles with the thread's meter, which stops the rule past its budget and
    /// observes cancellation: exactly the same charges and the same stop as <see cref="Search"/>, without thread state below.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static long SearchInRule(long work, string? text, string? needle, long settleAbove, long budget)
    {
        if (text is null)
        {
            return work;
        }

        work += (long)text.Length * Math.Max(1, needle?.Length ?? 0);
        if (work > settleAbove)
        {
            Settle(work, budget);
        }

        return work;
    }

    /// <summary><see cref="Compare"/> for a rule that only searches and compares texts; see <see cref="SearchInRule"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static long CompareInRule(long work, string? left, string? right, long settleAbove, long budget)
    {
        work += (long)(left?.Length ?? 0) + (right?.Length ?? 0);
        if (work > settleAbove)
        {
            Settle(work, budget);
        }

        return work;
    }

    /// <summary>Brings the thread's meter to a rule's local work: stops the rule past its budget, observes cancellation.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void Settle(long work, long budget)
    {
        var current = state ??= new State();
        current.Budget = budget;
        current.Remaining = budget - work;
        current.Check();
    }

    /// <summary>
    /// Charges the walk of a sequence by a collection operation that runs no lambda of the rule (<c>Distinct()</c>,
    /// <c>Count()</c>, <c>Contains(x)</c>, <c>Sum()</c>, …): a sequence whose size is known is charged its size at once;
    /// any other is charged one unit per item as it is read.
    /// </summary>
    internal static IEnumerable<T>? Walk<T>(IEnumerable<T>? source)
    {
        if (source is null)
        {
            return null;
        }

        if (source is string text)
        {
            Charge(text.Length);
            return source;
        }

        if (source.TryGetNonEnumeratedCount(out var count))
        {
            Charge(count);
            return source;
        }

        return Metered(source);
    }

    private static IEnumerable<T> Metered<T>(IEnumerable<T> source)
    {
        foreach (var item in source)
        {
            Iteration();
            yield return item;
        }
    }

    private static void Charge(long units)
    {
        var current = state ??= new State();
        current.Remaining -= units;
        current.UntilCancellationCheck -= (int)Math.Min(CancellationStride, Math.Max(1, units / 64));
        if (current.Remaining < 0 || current.UntilCancellationCheck <= 0)
        {
            current.Check();
        }
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
