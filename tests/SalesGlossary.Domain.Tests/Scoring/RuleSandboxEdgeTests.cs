using System.Linq.Expressions;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// The run-time side of the sandbox at its edges: the bounded text of rule errors, the caller's own errors let through
/// a parallel loop, the budget stop's message, and the checked arithmetic compiled into every rule.
/// </summary>
public class RuleSandboxEdgeTests
{
    private static readonly DateTimeOffset Now = Generators.ScoringNow;

    [Fact]
    public void EnsureActivity_NullActivity_NamesTheLeadsIdAndTheIndex()
    {
        var lead = new LeadFacts { Id = "L-1" };

        var error = Assert.Throws<ArgumentException>(() => RuleSandbox.EnsureActivity(lead, (LeadActivity?)null, 3));

        Assert.Equal("lead", error.ParamName);
        Assert.Equal("The activity at index 3 of lead 'L-1' is null; remove it or replace it before scoring. (Parameter 'lead')", error.Message);
        RuleSandbox.EnsureActivity(lead, new LeadActivity { Type = "PageView", OccurredAt = Now }, 0);
    }

    [Theory]
    [InlineData(null, "lead '(no id)'")]
    [InlineData("", "lead ''")]
    [InlineData(64, "lead '<64>'")]
    [InlineData(65, "lead '<63>…'")]
    public void Describe_TheLibrarysLead_ByItsIdBoundedTo64Characters(object? id, string expected)
    {
        var text = id is int length ? string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i % 26)))) : (string?)id;
        var lead = new LeadFacts { Id = text! };

        var described = RuleSandbox.Describe(lead);

        var want = expected.Replace("<64>", text, StringComparison.Ordinal).Replace("<63>", text?[..Math.Min(63, text.Length)], StringComparison.Ordinal);
        Assert.Equal(want, described);
    }

    [Fact]
    public void Describe_DoesNotSplitASurrogatePairOfTheId()
    {
        var id = new string('a', 62) + "😀" + "bbb";

        Assert.Equal("lead '" + new string('a', 62) + "…'", RuleSandbox.Describe(new LeadFacts { Id = id }));
        Assert.Equal("lead '" + new string('a', 61) + "😀…'", RuleSandbox.Describe(new LeadFacts { Id = new string('a', 61) + "😀" + "bbb" }));
    }

    [Fact]
    public void Describe_AnIntegratorsLead_ByPositionOnly()
    {
        Assert.Equal("the lead", RuleSandbox.Describe(new GuardDocumentTests.LeadWithAttributes("L-9", [])));
        Assert.Equal("the lead", RuleSandbox.Describe<LeadFacts?>(null));
    }

    [Fact]
    public void ErrorText_NamesTheKindOfFailure_ExceptForABudgetStop()
    {
        Assert.Equal("InvalidOperationException: boom", RuleSandbox.ErrorText(new InvalidOperationException("boom")));
        Assert.Equal(new RuleBudgetExceededException(2_000).Message, RuleSandbox.ErrorText(new RuleBudgetExceededException(2_000)));
    }

    [Theory]
    [InlineData(500, 500, false)]
    [InlineData(501, 500, true)]
    [InlineData(2_000, 500, true)]
    public void ErrorText_IsAtMost500Characters_CutWithAnEllipsis(int length, int expectedLength, bool cut)
    {
        var message = new string('m', length - "Exception: ".Length);

        var text = RuleSandbox.ErrorText(new Exception(message));

        Assert.Equal(expectedLength, text.Length);
        Assert.Equal(cut, text.EndsWith('…'));
        Assert.StartsWith("Exception: mmm", text, StringComparison.Ordinal);
        if (cut)
        {
            Assert.Equal("Exception: " + message[..(499 - "Exception: ".Length)] + "…", text);
        }
    }

    [Fact]
    public void ErrorText_DoesNotSplitASurrogatePairAtTheCut()
    {
        // The cut keeps 499 characters; a pair at 498–499 would be split there, so it is left out whole.
        var prefix = "Exception: ";
        var message = new string('m', 498 - prefix.Length) + "😀" + new string('n', 100);

        var text = RuleSandbox.ErrorText(new Exception(message));

        Assert.Equal(prefix + new string('m', 498 - prefix.Length) + "…", text);
        Assert.Equal(499, text.Length);
    }

    [Fact]
    public void ErrorText_KeepsAWholeSurrogatePairBeforeTheCut()
    {
        var prefix = "Exception: ";
        var message = new string('m', 497 - prefix.Length) + "😀" + new string('n', 100);

        var text = RuleSandbox.ErrorText(new Exception(message));

        Assert.Equal(prefix + new string('m', 497 - prefix.Length) + "😀…", text);
        Assert.Equal(500, text.Length);
    }

    [Fact]
    public void ParallelFor_LetsTheCallersArgumentErrorThroughAsItself()
    {
        var thrown = new ArgumentException("bad lead", "lead");

        var caught = Assert.Throws<ArgumentException>(() =>
            RuleSandbox.ParallelFor(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 1 }, i =>
            {
                if (i == 2)
                {
                    throw thrown;
                }
            }));

        Assert.Same(thrown, caught);
    }

    [Fact]
    public void ParallelFor_OtherErrors_StayAggregated()
    {
        var error = Assert.Throws<AggregateException>(() =>
            RuleSandbox.ParallelFor(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 1 }, i => throw new InvalidOperationException("not an argument")));

        Assert.All(error.InnerExceptions, e => Assert.IsType<InvalidOperationException>(e));
    }

    [Fact]
    public void ParallelFor_RunsEveryIndexOnce()
    {
        var seen = new int[5];

        RuleSandbox.ParallelFor(0, 5, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => Interlocked.Increment(ref seen[i]));

        Assert.Equal([1, 1, 1, 1, 1], seen);
    }

    [Fact]
    public void BudgetExceeded_SaysWhatStoppedTheRule_WithTheBudget()
    {
        var error = new RuleBudgetExceededException(1_234_567);

        Assert.Equal(1_234_567, error.Budget);
        Assert.Equal(
            "The rule was stopped after 1,234,567 units of work (each loop step and each character of text built is one unit); that is the budget of ScoringLimits.MaxWorkPerRule. Simplify the rule or raise the limit for trusted rule authors.",
            error.Message);
        Assert.Equal(ScoringLimits.Default.MaxWorkPerRule, new RuleBudgetExceededException().Budget);
        Assert.StartsWith("The rule was stopped after 1,000,000 units", new RuleBudgetExceededException().Message, StringComparison.Ordinal);
        var inner = new InvalidOperationException("inner");
        var wrapped = new RuleBudgetExceededException("outer", inner);
        Assert.Equal(("outer", inner), (wrapped.Message, wrapped.InnerException));
        Assert.Equal("plain", new RuleBudgetExceededException("plain").Message);
    }

    private static Func<T> Compile<T>(Expression body) => Expression.Lambda<Func<T>>(CheckedArithmetic.Rewrite(body)).Compile();

    [Fact]
    public void CheckedArithmetic_AddSubtractMultiplyAndNegate_ThrowOnOverflow()
    {
        var max = Expression.Constant(int.MaxValue);
        var min = Expression.Constant(int.MinValue);
        var two = Expression.Constant(2);

        Assert.Throws<OverflowException>(() => Compile<int>(Expression.Add(max, two))());
        Assert.Throws<OverflowException>(() => Compile<int>(Expression.Subtract(min, two))());
        Assert.Throws<OverflowException>(() => Compile<int>(Expression.Multiply(max, two))());
        Assert.Throws<OverflowException>(() => Compile<int>(Expression.Negate(min))());
        Assert.Equal(int.MaxValue / 2, Compile<int>(Expression.Divide(max, two))());
        Assert.Equal(5, Compile<int>(Expression.Add(Expression.Constant(3), two))());
    }

    [Fact]
    public void CheckedArithmetic_LeavesOperatorsWithAMethod_AndOtherOperators_AsTheyAre()
    {
        Expression decimalAdd = Expression.Add(Expression.Constant(1m), Expression.Constant(2m));
        Expression modulo = Expression.Modulo(Expression.Constant(7), Expression.Constant(3));
        Expression not = Expression.Not(Expression.Constant(true));

        Assert.Same(decimalAdd, CheckedArithmetic.Rewrite(decimalAdd));
        Assert.Same(modulo, CheckedArithmetic.Rewrite(modulo));
        Assert.Same(not, CheckedArithmetic.Rewrite(not));
        Assert.Equal(ExpressionType.AddChecked, CheckedArithmetic.Rewrite(Expression.Add(Expression.Constant(1L), Expression.Constant(2L))).NodeType);
    }

    [Theory]
    [InlineData(typeof(byte))]
    [InlineData(typeof(sbyte))]
    [InlineData(typeof(short))]
    [InlineData(typeof(ushort))]
    [InlineData(typeof(int))]
    [InlineData(typeof(uint))]
    [InlineData(typeof(long))]
    [InlineData(typeof(ulong))]
    [InlineData(typeof(char))]
    [InlineData(typeof(int?))]
    public void CheckedArithmetic_ConversionToAnIntegerOutOfRange_Throws(Type target)
    {
        foreach (var source in new Expression[] { Expression.Constant(1e20), Expression.Constant(1e20f), Expression.Constant((double?)1e20, typeof(double?)) })
        {
            var rewritten = CheckedArithmetic.Rewrite(Expression.Convert(source, target));

            Assert.Equal(ExpressionType.ConvertChecked, rewritten.NodeType);
            var run = Expression.Lambda<Func<object>>(Expression.Convert(rewritten, typeof(object))).Compile();
            Assert.Throws<OverflowException>(() => run());
        }
    }

    [Fact]
    public void CheckedArithmetic_ConversionFromAnIntegerOutOfRange_Throws()
    {
        Assert.Throws<OverflowException>(() => Compile<int>(Expression.Convert(Expression.Constant(long.MaxValue), typeof(int)))());
        Assert.Throws<OverflowException>(() => Compile<byte>(Expression.Convert(Expression.Constant(-1), typeof(byte)))());
        Assert.Equal(7, Compile<int>(Expression.Convert(Expression.Constant(7L), typeof(int)))());
    }

    [Fact]
    public void CheckedArithmetic_ConversionsThatCannotOverflow_StayUnchecked()
    {
        Expression toDouble = Expression.Convert(Expression.Constant(long.MaxValue), typeof(double));
        Expression toObject = Expression.Convert(Expression.Constant(5), typeof(object));
        Expression fromObject = Expression.Convert(Expression.Constant(5, typeof(object)), typeof(int));
        Expression fromDecimal = Expression.Convert(Expression.Constant(5m), typeof(int));

        Assert.Same(toDouble, CheckedArithmetic.Rewrite(toDouble));
        Assert.Same(toObject, CheckedArithmetic.Rewrite(toObject));
        Assert.Same(fromObject, CheckedArithmetic.Rewrite(fromObject));
        Assert.Same(fromDecimal, CheckedArithmetic.Rewrite(fromDecimal));
    }

    [Fact]
    public void Score_ConversionOverflowInARule_IsTheRulesError()
    {
        var model = LeadScoringModel.Load(ModelJson.WithRule("int(lead.Employees.Value * 4000000000L) != 0"));

        var score = model.Score(new LeadFacts { Id = "L-1", Employees = 3 }, Now);

        Assert.Equal(0m, score.Total);
        Assert.StartsWith("OverflowException", Assert.Single(score.Errors).Message, StringComparison.Ordinal);
    }
}
