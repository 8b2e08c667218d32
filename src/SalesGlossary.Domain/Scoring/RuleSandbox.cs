using System.Globalization;
using System.Runtime.ExceptionServices;

namespace SalesGlossary.Domain;

/// <summary>The run-time side of the scoring sandbox: checks of the caller's input and the bounded text of rule errors.</summary>
internal static class RuleSandbox
{
    /// <summary>The longest message stored in a <see cref="ScoringError"/>, in characters.</summary>
    internal const int MaxErrorLength = 500;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the lead and the activity's index when an activity is null.</summary>
    internal static void EnsureActivity<TLead, TActivity>(TLead lead, TActivity activity, int index)
    {
        if (activity is null)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The activity at index {index} of {Describe(lead)} is null; remove it or replace it before scoring."),
                nameof(lead));
        }
    }

    /// <summary>The text stored for a rule that failed: the kind of failure and its message, at most <see cref="MaxErrorLength"/> characters.</summary>
    internal static string ErrorText(Exception exception)
    {
        var text = exception is RuleBudgetExceededException
            ? exception.Message
            : exception.GetType().Name + ": " + exception.Message;
        if (text.Length <= MaxErrorLength)
        {
            return text;
        }

        var cut = MaxErrorLength - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }

    /// <summary>
    /// Runs a parallel loop and lets the caller's own error through as itself: an <see cref="ArgumentException"/> (a null
    /// lead or activity) thrown by the loop is rethrown unwrapped, not as an <see cref="AggregateException"/>.
    /// </summary>
    internal static void ParallelFor(int fromInclusive, int toExclusive, ParallelOptions options, Action<int> body)
    {
        try
        {
            Parallel.For(fromInclusive, toExclusive, options, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(i => i is ArgumentException) is { } argument)
        {
            ExceptionDispatchInfo.Throw(argument);
        }
    }

    /// <summary>Names a lead in an error message: the library's own lead by its id, any other lead by its position.</summary>
    internal static string Describe<TLead>(TLead lead) =>
        lead is LeadFacts facts ? "lead '" + Bounded(facts.Id) + "'" : "the lead";

    private static string Bounded(string? text) =>
        text is null ? "(no id)" : text.Length <= 64 ? text : string.Concat(text.AsSpan(0, char.IsHighSurrogate(text[62]) ? 62 : 63), "…");
}
