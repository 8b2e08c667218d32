
namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// Pins, in the test host, the guard's refusals of expression shapes that are not calls or members: node kinds outside
/// the allow-list, operators and constructors of types that are not text, numbers or dates.
/// </summary>
public class GuardRefusedShapeTests
{
    private static string Rejection(string expression) =>
        Assert.Single(Assert.Throws<DefinitionValidationException>(() => LeadScoringModel.Load(ModelJson.WithRule(expression))).Problems).Message;

    [Theory]
    [InlineData("((lead.Employees ?? 0) << 2) > 0", "the construct 'LeftShift' is not allowed in scoring rules")]
    [InlineData("((lead.Employees ?? 0) >> 2) > 0", "the construct 'RightShift' is not allowed in scoring rules")]
    [InlineData("as(lead.Email, \"System.Object\") != null", "the construct 'TypeAs' is not allowed in scoring rules")]
    [InlineData("lead == lead", "the operator 'LeadFacts.op_Equality' is not allowed in scoring rules")]
    [InlineData("lead.Activities.Any(a => a != a)", "the operator 'LeadActivity.op_Inequality' is not allowed in scoring rules")]
    public void RefusedShape_IsRejectedWithItsReason(string expression, string reason)
    {
        Assert.Equal("Rule 'R' is rejected: " + reason + ".", Rejection(expression));
    }
}
