using System.Globalization;

namespace SalesGlossary.Domain;

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

    /// <summary>The largest <see cref="MaxTokensPerExpression"/> allowed.</summary>
    public const int HardMaxTokensPerExpression = 5_000;

    /// <summary>The largest <see cref="MaxTokensPerModel"/> allowed.</summary>
    public const int HardMaxTokensPerModel = 500_000;

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

    /// <summary>Gets the most tokens (names, literals, operators, brackets, commas) one rule expression may have.</summary>
    /// <remarks>
    /// Checked on the expression parser's own tokens before anything parses. It bounds the size of the expression's tree,
    /// and so the memory and time of parsing and compiling it: a chain such as <c>lead.Employees+1+1+…</c>, a long
    /// <c>&amp;&amp;</c> or <c>?:</c> chain, a long list in <c>new[] { … }</c> or a long member chain. After parsing, the tree
    /// may have at most four nodes per token of this limit.
    /// </remarks>
    /// <value>The default is 500; at most <see cref="HardMaxTokensPerExpression"/>.</value>
    public int MaxTokensPerExpression { get; init; } = 500;

    /// <summary>Gets the most tokens all rule expressions of one model may have together.</summary>
    /// <remarks>
    /// Bounds the work of loading a whole document: many rules each at <see cref="MaxTokensPerExpression"/> are refused
    /// at the rule where the sum goes past it, before that rule parses. After parsing, the model's trees may have at most
    /// four nodes per token of this limit.
    /// </remarks>
    /// <value>The default is 50,000; at most <see cref="HardMaxTokensPerModel"/>.</value>
    public int MaxTokensPerModel { get; init; } = 50_000;

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

    /// <summary>Gets whether rules are compiled with the work meter; only the benchmarks turn it off, to measure what it costs.</summary>
    internal bool Metered { get; init; } = true;

    internal void Validate()
    {
        var problems = new ValidationCollector();
        Check(problems, "$.maxDocumentLength", MaxDocumentLength, 1, int.MaxValue);
        Check(problems, "$.maxRules", MaxRules, 1, 100_000);
        Check(problems, "$.maxExpressionLength", MaxExpressionLength, 1, HardMaxExpressionLength);
        Check(problems, "$.maxTokensPerExpression", MaxTokensPerExpression, 1, HardMaxTokensPerExpression);
        Check(problems, "$.maxTokensPerModel", MaxTokensPerModel, 1, HardMaxTokensPerModel);
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
