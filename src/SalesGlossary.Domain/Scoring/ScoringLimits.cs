using System.Globalization;

namespace SalesGlossary.Domain.Scoring;

/// <summary>The resource limits a scoring model and its evaluation must stay within.</summary>
/// <remarks>
/// Rules may be written by an integrator's customers, so every limit is enforced: a model that exceeds one is
/// rejected at load with a clear error, and a lead that exceeds <see cref="MaxActivitiesPerLead"/> is reported. Raise a
/// limit only for rule authors you trust; the hard maximums keep even a raised limit safe for the process.
/// </remarks>
public sealed record ScoringLimits
{
    /// <summary>The largest <see cref="MaxExpressionLength"/> allowed.</summary>
    public const int HardMaxExpressionLength = 20_000;

    /// <summary>The largest <see cref="MaxNestingDepth"/> allowed; deeper nesting can overflow the expression parser's stack.</summary>
    public const int HardMaxNestingDepth = 64;

    /// <summary>The largest <see cref="MaxWorkPerRule"/> allowed.</summary>
    public const long HardMaxWorkPerRule = 1_000_000_000;

    /// <summary>The largest <see cref="MaxBuiltTextLength"/> allowed.</summary>
    public const int HardMaxBuiltTextLength = 1_000_000;

    /// <summary>Gets the default limits.</summary>
    public static ScoringLimits Default { get; } = new();

    /// <summary>Gets the largest scoring model document accepted, in characters.</summary>
    /// <value>The default is 1,000,000.</value>
    public int MaxDocumentLength { get; init; } = 1_000_000;

    /// <summary>Gets the largest number of rules (nested rules included) in one model.</summary>
    /// <value>The default is 1,000.</value>
    public int MaxRules { get; init; } = 1_000;

    /// <summary>Gets the longest rule expression accepted, in characters.</summary>
    /// <value>The default is 2,000; at most <see cref="HardMaxExpressionLength"/>.</value>
    public int MaxExpressionLength { get; init; } = 2_000;

    /// <summary>Gets the deepest nesting of parentheses, brackets and braces accepted in an expression.</summary>
    /// <value>The default is 32; at most <see cref="HardMaxNestingDepth"/>.</value>
    public int MaxNestingDepth { get; init; } = 32;

    /// <summary>Gets the deepest nesting of lambdas (for example <c>lead.Activities.Any(a =&gt; a.Tags.Any(t =&gt; …))</c>) accepted.</summary>
    /// <value>The default is 2.</value>
    public int MaxLambdaDepth { get; init; } = 2;

    /// <summary>Gets the largest number of activities scored for one lead; the newest are scored and the lead is reported.</summary>
    /// <value>The default is 10,000.</value>
    public int MaxActivitiesPerLead { get; init; } = 10_000;

    /// <summary>Gets the work one evaluation of one rule may do: each loop step (a lambda call) and each character of text the rule builds is one unit.</summary>
    /// <remarks>
    /// A rule that goes past it is stopped and reported in <see cref="LeadScore.Errors"/> (and the lead counted as
    /// incomplete in bulk runs). At load, a rule whose estimated work without any lead data already exceeds it is
    /// rejected. The default lets a rule step through about a million items, a few milliseconds of work.
    /// </remarks>
    /// <value>The default is 1,000,000; at most <see cref="HardMaxWorkPerRule"/>.</value>
    public long MaxWorkPerRule { get; init; } = 1_000_000;

    /// <summary>Gets the longest text a rule may build from its own constants (by <c>+</c>, <c>string.Concat</c>, <c>ToLower</c>, …), in characters.</summary>
    /// <remarks>
    /// Checked at load from the rule's text alone: a rule that could build a longer text, or a text more than four
    /// times as long as the lead's texts it reads, is rejected with the reason.
    /// </remarks>
    /// <value>The default is 10,000; at most <see cref="HardMaxBuiltTextLength"/>.</value>
    public int MaxBuiltTextLength { get; init; } = 10_000;

    internal void Validate()
    {
        var problems = new ValidationCollector();
        Check(problems, "$.maxDocumentLength", MaxDocumentLength, 1, int.MaxValue);
        Check(problems, "$.maxRules", MaxRules, 1, 100_000);
        Check(problems, "$.maxExpressionLength", MaxExpressionLength, 1, HardMaxExpressionLength);
        Check(problems, "$.maxNestingDepth", MaxNestingDepth, 1, HardMaxNestingDepth);
        Check(problems, "$.maxLambdaDepth", MaxLambdaDepth, 0, 8);
        Check(problems, "$.maxActivitiesPerLead", MaxActivitiesPerLead, 0, int.MaxValue);
        Check(problems, "$.maxWorkPerRule", MaxWorkPerRule, 1_000, HardMaxWorkPerRule);
        Check(problems, "$.maxBuiltTextLength", MaxBuiltTextLength, 1, HardMaxBuiltTextLength);
        problems.ThrowIfAny("scoring limits");
    }

    private static void Check(ValidationCollector problems, string path, long value, long minimum, long maximum)
    {
        if (value < minimum || value > maximum)
        {
            problems.Add(path, string.Create(CultureInfo.InvariantCulture, $"The limit must be between {minimum} and {maximum}; it is {value}."));
        }
    }
}
