
namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// The check made on an expression's tokens before it is parsed counts exactly what it names: nesting that is opened
/// and closed again, prefix operators in a row (not in total), conditionals written as <c>?.</c>, <c>??</c>,
/// <c>np(</c> and <c>iif(</c>, and implicit lambdas only where a collection method is called with an argument.
/// </summary>
public class GuardTextCheckTests
{
    private static readonly ScoringLimits Roomy = new() { MaxExpressionLength = 5_000, MaxTokensPerExpression = 2_000 };

    private static string Repeat(string part, int times, string separator = " && ") => string.Join(separator, Enumerable.Repeat(part, times));

    [Fact]
    public void BracketsOpenedAndClosedInTurn_DoNotAddUp()
    {
        Assert.Null(ExpressionGuard.CheckText(Repeat("(true)", 40), Roomy));
        Assert.Null(ExpressionGuard.CheckText(Repeat("new[] { 1 }[0] == 1", 40), Roomy));
        Assert.Equal("the expression nests brackets more than 2 deep", ExpressionGuard.CheckText("((([1])))", new ScoringLimits { MaxNestingDepth = 2 }));
        Assert.Null(ExpressionGuard.CheckText("(([1]))", new ScoringLimits { MaxNestingDepth = 3 }));
    }

    [Fact]
    public void PrefixOperators_AreCountedInARowOnly()
    {
        Assert.Null(ExpressionGuard.CheckText(Repeat("!true", 40), Roomy));
        Assert.Null(ExpressionGuard.CheckText(Repeat("-1 < 0", 40), Roomy));
        Assert.Null(ExpressionGuard.CheckText(new string('!', 16) + "true", Roomy));
        Assert.Equal("the expression chains more than 16 prefix operators (!, not, -, +) in a row", ExpressionGuard.CheckText("-" + new string('+', 15) + "-1 < 0", Roomy));
    }

    [Theory]
    [InlineData("lead.Email?.Length > 0")]
    [InlineData("(lead.Email ?? \"\") == \"\"")]
    [InlineData("np(lead.Email.Length) > 0")]
    [InlineData("NP(lead.Email.Length) > 0")]
    [InlineData("iif(lead.Unsubscribed, 1, 0) == 0")]
    [InlineData("IIF(lead.Unsubscribed, 1, 0) == 0")]
    [InlineData("(lead.Unsubscribed ? 1 : 0) == 0")]
    public void EachConditionalForm_CountsOnce(string part)
    {
        Assert.Null(ExpressionGuard.CheckText(Repeat(part, 32), Roomy));
        Assert.Equal("the expression has more than 32 conditional or null operators (?, ??, ?., iif, np)", ExpressionGuard.CheckText(Repeat(part, 33), Roomy));
    }

    [Fact]
    public void NamesIifAndNp_WithoutACall_AreNotConditionals()
    {
        Assert.Null(ExpressionGuard.CheckText(Repeat("lead.iif == lead.np", 40), Roomy));
    }

    [Fact]
    public void CollectionMethodsWithoutAnArgument_AreNotLambdas()
    {
        Assert.Null(ExpressionGuard.CheckText(Repeat("lead.Activities.Any()", 17), Roomy));
        Assert.Null(ExpressionGuard.CheckText(Repeat("lead.Activities.Count() > 0", 17), Roomy));
    }

    [Fact]
    public void CallsThatAreNotCollectionMethods_AreNotLambdas()
    {
        Assert.Null(ExpressionGuard.CheckText(Repeat("lead.Email.Contains(\"a\")", 17), Roomy));
        Assert.Null(ExpressionGuard.CheckText(Repeat("Any(true)", 17), Roomy));
    }

    [Fact]
    public void ImplicitLambdas_AreRecognisedInAnyCase_AndArrowLambdasCountOnce()
    {
        Assert.Equal("the expression has 17 lambdas; at most 16 are accepted", ExpressionGuard.CheckText(Repeat("lead.Activities.any(Type == \"x\")", 17), Roomy));
        Assert.Null(ExpressionGuard.CheckText(Repeat("lead.Activities.Any(Type == \"x\")", 16), Roomy));
        Assert.Null(ExpressionGuard.CheckText(Repeat("lead.Activities.Any(a => a.Type == \"x\")", 16), Roomy));
        Assert.Equal("the expression has 9 lambdas; at most 8 are accepted", ExpressionGuard.CheckText(Repeat("lead.Activities.Any(a => a.Type == \"x\")", 9), new ScoringLimits { MaxLambdaDepth = 1 }));
    }

    [Fact]
    public void TokenCount_IsReportedEvenWhenTheTextIsAccepted()
    {
        Assert.Null(ExpressionGuard.CheckText("lead.Email == \"a\"", Roomy, out var tokens));

        Assert.Equal(5, tokens);
    }
}
