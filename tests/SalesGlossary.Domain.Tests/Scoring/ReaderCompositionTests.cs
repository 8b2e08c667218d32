using static SalesGlossary.Domain.Tests.Scoring.ReaderRuleRefusalTests;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// How the reader composes a rule's several unsafe parts into one message, and how the node budget of a whole model is
/// shared between its rules.
/// </summary>
public class ReaderCompositionTests
{
    private const string LeftShift = "((lead.Employees ?? 0) << 2) > 0";
    private const string RightShift = "((lead.Employees ?? 0) >> 2) > 0";

    [Fact]
    public void UnsafeParts_OfOneRule_AreJoinedInOneMessage_EachOnce()
    {
        var both = Assert.Single(Refusal(ModelJson.WithRule(LeftShift + " && " + RightShift + " && " + LeftShift)).Problems);

        Assert.Equal(
            ("$.Rules[0].Expression", "Rule 'R' is rejected: the construct 'LeftShift' is not allowed in scoring rules; the construct 'RightShift' is not allowed in scoring rules."),
            (both.Path, both.Message));
    }

    [Fact]
    public void NodeBudget_OfTheModel_IsWhatTheRulesBeforeLeft()
    {
        // np(…) repeats its argument for every null check: the second rule has far more nodes than tokens.
        var heavy = "np(lead.Email" + string.Concat(Enumerable.Repeat(".Trim()", 110)) + ".Length) > 0";
        var json = ModelJson.WithRules(
            J("{'RuleName':'a','Expression':'lead.Employees > 1','Properties':{'points':1}}"),
            "{\"RuleName\":\"b\",\"Expression\":\"" + heavy + "\",\"Properties\":{\"points\":1}}");

        var problem = Assert.Single(Refusal(json, new ScoringLimits { MaxTokensPerModel = 500 }).Problems);

        Assert.Equal(
            ("$.Rules[1].Expression", "Rule 'b' is rejected after parsing: its tree has more than 1996 nodes, the limit left for it (4 nodes per token of ScoringLimits.MaxTokensPerExpression, 500, "
                + "and of ScoringLimits.MaxTokensPerModel, 500, for the whole model); write it with fewer operators, or split it into several rules."),
            (problem.Path, problem.Message));
    }
}
